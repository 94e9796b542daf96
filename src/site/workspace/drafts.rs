//! The drafts left out of the served site (no `--drafts`). They are not pages, but their URL
//! names are taken all the same, as in a build: a new or edited report may not use one.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::content::{discover, load_file};
use crate::diagnostics::{display_path, Diagnostics};

use super::super::model::Site;
use super::edits::LeftOutDraft;

/// Each draft left out: its path as shown → its URL name.
pub(super) type KeptDrafts = BTreeMap<PathBuf, String>;

/// Every draft of the site at `root` that is not among `site`'s reports.
pub(super) fn left_out(root: &Path, site: &Site) -> KeptDrafts {
    let mut scratch = Diagnostics::new();
    let served: HashSet<&Path> = site.reports.iter().map(|r| r.source.as_path()).collect();
    discover(&root.join("content"), &mut scratch, root)
        .par_iter()
        .filter(|path| !served.contains(display_path(root, path).as_path()))
        .filter_map(|path| {
            let (report, _) = load_file(root, path, &site.vocabulary, &site.config.limits);
            report
                .filter(|r| r.draft)
                .map(|r| (display_path(root, path), r.slug))
        })
        .collect()
}

/// After an accepted edit: the changed files leave, the changed drafts come back.
pub(super) fn update(kept: &mut KeptDrafts, changed: &BTreeSet<PathBuf>, drafts: &[LeftOutDraft]) {
    kept.retain(|path, _| !changed.contains(path));
    kept.extend(drafts.iter().cloned());
}
