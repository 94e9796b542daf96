//! Reports found by URL name and by file. Kept beside the model and rebuilt with it, so that an
//! edit that leaves every report in its place (a body edit) does not index all of them again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::super::model::{ReportIdx, Site};

#[derive(Debug, Default)]
pub(super) struct Lookup {
    slugs: HashMap<String, ReportIdx>,
    sources: HashMap<PathBuf, ReportIdx>,
}

impl Lookup {
    pub(super) fn new(site: &Site) -> Lookup {
        let mut lookup = Lookup {
            slugs: HashMap::with_capacity(site.reports.len()),
            sources: HashMap::with_capacity(site.reports.len()),
        };
        for (i, report) in site.reports.iter().enumerate() {
            lookup.slugs.insert(report.slug.clone(), ReportIdx::at(i));
            lookup
                .sources
                .insert(report.source.clone(), ReportIdx::at(i));
        }
        lookup
    }

    pub(super) fn by_slug(&self, slug: &str) -> Option<ReportIdx> {
        self.slugs.get(slug).copied()
    }

    /// The report read from `source` (the path as shown in messages).
    pub(super) fn by_source(&self, source: &Path) -> Option<ReportIdx> {
        self.sources.get(source).copied()
    }
}
