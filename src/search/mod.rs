//! Full-text search: a tantivy index with a Swedish analyzer and facets, written by
//! `fouweb build` outside the deployed output and read by `fouweb search`.

pub mod analyzer;
pub mod browser;
#[cfg(feature = "pagefind")]
pub mod bundle;
#[cfg(feature = "pagefind")]
pub mod bundle_cache;
#[cfg(feature = "pagefind")]
mod bundle_index;
pub mod filters;
mod index;
pub mod live;
#[cfg(feature = "pagefind")]
mod pagefind_facts;
mod query;
mod schema;
mod snippet;

use std::fmt;
use std::path::{Path, PathBuf};

/// Pagefind's word rules (the bundle writer's word splitting), for the generated-input tests.
#[cfg(feature = "pagefind")]
#[doc(hidden)]
pub use bundle_index::{Indexable, PagefindWords};
pub use filters::{page_config, FilterGroup, SearchPageConfig};
pub use index::{index_dir, metadata_text, write, IndexMeta, IndexStats};
pub use live::LiveIndex;
pub use query::{Facets, Hit, Request, Response, Searcher};

/// Where tantivy and the browser bundle get each report's plain text. It is made when each
/// indexes the report rather than kept for all reports between the two (at 100 000 reports the
/// texts would hold ~0.9 GB through both steps), from the body in memory or, once a build has
/// released the bodies after writing the pages, from the report's file read again.
#[derive(Debug, Clone, Copy)]
pub enum Texts<'a> {
    /// From the bodies in the site model.
    Bodies,
    /// From the files under `root`, which must still hold the bodies the pages were made
    /// from (`checks`, in report order).
    Files {
        root: &'a Path,
        checks: &'a [crate::site::BodyCheck],
    },
}

impl Texts<'_> {
    /// The plain text of report `r`; an error when its file can no longer be read or changed
    /// since the site was loaded.
    pub fn of(
        &self,
        site: &crate::site::Site,
        r: crate::site::ReportIdx,
    ) -> Result<String, String> {
        let report = site.report(r);
        let Texts::Files { root, checks } = self else {
            return Ok(crate::markdown::plain_text(&report.body));
        };
        let source = report.source.display();
        let body = crate::content::body_again(&root.join(&report.source))
            .map_err(|e| format!("cannot read {source} again to index it: {e}"))?;
        if checks.get(r.position()) != Some(&crate::site::BodyCheck::of(&body)) {
            return Err(format!(
                "{source} changed while the site was being built; build again"
            ));
        }
        Ok(crate::markdown::plain_text(&body))
    }

    /// What report `r`'s text is made from, for the keys that tell whether the indexes must be
    /// made again (without making the text).
    pub fn source_key(
        &self,
        site: &crate::site::Site,
        r: crate::site::ReportIdx,
    ) -> crate::site::BodyCheck {
        match self {
            Texts::Bodies => crate::site::BodyCheck::of(&site.report(r).body),
            Texts::Files { checks, .. } => checks
                .get(r.position())
                .copied()
                .unwrap_or_else(|| crate::site::BodyCheck::of("")),
        }
    }
}

#[derive(Debug)]
pub enum SearchError {
    /// No index at this folder yet.
    NoIndex(PathBuf),
    /// An index written by another version of fouweb.
    Stale(PathBuf),
    UnknownFilter {
        kind: &'static str,
        value: String,
        suggestions: Vec<String>,
    },
    Io(PathBuf, std::io::Error),
    Index(String),
}

impl SearchError {
    fn io(path: &Path, err: std::io::Error) -> SearchError {
        SearchError::Io(path.to_path_buf(), err)
    }

    fn index(err: tantivy::TantivyError) -> SearchError {
        SearchError::Index(err.to_string())
    }
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SearchError::NoIndex(dir) => write!(f, "there is no search index in {}; run `fouweb build` first", dir.display()),
            SearchError::Stale(dir) => write!(f, "the search index in {} was written by another version of fouweb; run `fouweb build` again", dir.display()),
            SearchError::UnknownFilter { kind, value, suggestions } => {
                write!(f, "unknown {kind} `{value}`{}", SearchError::suggestion_hint(suggestions))
            }
            SearchError::Io(path, err) => write!(f, "{}: {err}", path.display()),
            SearchError::Index(message) => write!(f, "search index error: {message}"),
        }
    }
}

impl std::error::Error for SearchError {}

#[cfg(test)]
mod texts_tests {
    use super::Texts;
    use crate::site::ReportIdx;

    #[test]
    fn texts_read_again_are_those_of_the_bodies_and_a_changed_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        let file = root.join("content/a.md");
        let text = "\u{feff}---\ntitle: A\ncounty: Gotland\nperiod: 2020\n---\n\n# Rubrik\r\rText med *betoning*\u{1}.\n";
        std::fs::write(&file, text).unwrap();
        let (site, diagnostics) = crate::site::load(root, false, false);
        let mut site = site.unwrap_or_else(|| panic!("{}", diagnostics.render()));
        let r = ReportIdx::at(0);
        let from_body = Texts::Bodies.of(&site, r).unwrap();
        let before = Texts::Bodies.source_key(&site, r);
        let checks = site.release_bodies();
        let texts = Texts::Files {
            root,
            checks: &checks,
        };
        assert_eq!(texts.of(&site, r).unwrap(), from_body);
        assert_eq!(texts.source_key(&site, r), before);
        std::fs::write(&file, text.replace("betoning", "betoningar")).unwrap();
        let err = texts.of(&site, r).unwrap_err();
        assert!(err.contains("content/a.md changed while"), "{err}");
        std::fs::remove_file(&file).unwrap();
        assert!(texts
            .of(&site, r)
            .unwrap_err()
            .contains("cannot read content/a.md again"));
    }
}
