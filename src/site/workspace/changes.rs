//! What the dev server tells a [`Workspace`](super::Workspace) and what it answers: the
//! changes on disk since the last rebuild, the reports changed in the model (for the search
//! indexes) and the outcome of one rebuild. Owns how changes pile up while a file has errors.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::Diagnostics;

/// What changed on disk since the last rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Report files (absolute paths) created, edited, renamed or deleted.
    pub reports: BTreeSet<PathBuf>,
    /// Folders appeared or vanished under content/: find new and removed reports.
    pub rescan_content: bool,
    pub templates: bool,
    pub static_files: bool,
    /// site.yaml or the vocabulary: everything is rebuilt.
    pub everything: bool,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        *self == ChangeSet::default()
    }

    pub fn merge(&mut self, other: ChangeSet) {
        self.reports.extend(other.reports);
        self.rescan_content |= other.rescan_content;
        self.templates |= other.templates;
        self.static_files |= other.static_files;
        self.everything |= other.everything;
    }
}

/// What one rebuild did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Files rendered (or copied) anew.
    pub rendered: usize,
    /// Pages out of date, to be rendered when asked for.
    pub deferred: usize,
    /// Files that no longer exist.
    pub removed: usize,
    /// Only stylesheets changed: the browser can swap them without reloading.
    pub css_only: bool,
    /// The content changed, so the search indexes are stale.
    pub content_changed: bool,
    /// Set when the site could not be rebuilt; the last good site is kept.
    pub errors: Option<Diagnostics>,
    /// Warnings of the files parsed.
    pub warnings: Diagnostics,
    pub elapsed: Duration,
}
