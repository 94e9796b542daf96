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

/// A report's body as plain text, for tantivy and the browser bundle. Made when each indexes
/// the report rather than kept for all reports between the two: at 100 000 reports the texts
/// would hold ~0.9 GB through both steps, and making them costs ~3 % of a build.
pub fn plain_text(site: &crate::site::Site, r: crate::site::ReportIdx) -> String {
    crate::markdown::plain_text(&site.report(r).body)
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
