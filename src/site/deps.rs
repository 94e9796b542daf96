//! The dependency map: which output files a report feeds. The dev server re-renders exactly
//! these pages when one report changes (those of the site before the edit and after it).

use std::collections::BTreeSet;

use crate::vocabulary::{CountyIdx, KommunIdx};

use super::model::{ReportIdx, Site};
use super::plan::{PageKind, SITE_WIDE};
use super::render::RELATED_WINDOW;

/// Every page whose content depends on report `r` of `site`.
///
/// That is its own page; the pages of its methods, counties, kommuner and years; the pages
/// that list or count every report (overview, all reports, catalogues, matrix, feed, sitemap,
/// open data); and the report pages that may show it among their related reports (those near
/// it in one of its methods' lists). The search page is named when the report uses a method
/// that is not in the vocabulary (a build without that page skips it).
pub fn pages_of_report(site: &Site, r: ReportIdx) -> BTreeSet<PageKind> {
    let report = &site.reports[r as usize];
    let mut pages: BTreeSet<PageKind> = SITE_WIDE.into();
    pages.insert(PageKind::Report(r));
    for &m in &site.report_methods[r as usize] {
        pages.insert(PageKind::Method(m));
        // The search page lists every method of the site, including those only reports name.
        if !site.method(m).known {
            pages.insert(PageKind::Search);
        }
        let list = &site.taxonomy.by_method[m.0 as usize];
        let at = list.binary_search(&r).unwrap_or_else(|i| i);
        // One more on each side: inserting or removing `r` shifts the windows next to it.
        let from = at.saturating_sub(RELATED_WINDOW + 1);
        pages.extend(
            list.iter()
                .skip(from)
                .take(2 * RELATED_WINDOW + 3)
                .map(|&o| PageKind::Report(o)),
        );
    }
    pages.extend(
        report
            .counties
            .iter()
            .map(|&c: &CountyIdx| PageKind::County(c)),
    );
    pages.extend(
        report
            .municipalities
            .iter()
            .map(|&k: &KommunIdx| PageKind::Municipality(k)),
    );
    // A year page also shows the counts of the years before and after it.
    let years = &site.taxonomy.by_year;
    for y in report.period.years(site.current_year) {
        pages.insert(PageKind::Year(y));
        pages.extend(
            years
                .range(..y)
                .next_back()
                .map(|(&p, _)| PageKind::Year(p)),
        );
        pages.extend(years.range(y + 1..).next().map(|(&n, _)| PageKind::Year(n)));
    }
    pages
}
