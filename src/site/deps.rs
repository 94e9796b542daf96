//! The dependency map: which output files a report feeds. The dev server re-renders exactly
//! these pages when one report changes (those of the site before the edit and after it).

use std::collections::BTreeSet;

use super::model::{ReportIdx, Site};
use super::plan::{List, PageKind, SITE_WIDE};
use super::render::RELATED_WINDOW;

/// Every page whose content depends on report `r` of `site`.
///
/// That is its own page; the pages of the lists it is in (all reports, its methods, counties,
/// kommuner, years and method × county pairs: see [`list_pages`]); the feeds of its methods,
/// counties and kommuner; the pages that count every report (overview, catalogues, matrix,
/// feed, sitemap, open data); and the report pages that may show it among their related
/// reports (those near it in one of its methods' lists). The search page is named when the report uses a method
/// that is not in the vocabulary (a build without that page skips it).
pub fn pages_of_report(site: &Site, r: ReportIdx) -> BTreeSet<PageKind> {
    let report = site.report(r);
    let mut pages: BTreeSet<PageKind> = SITE_WIDE.into();
    pages.insert(PageKind::Report(r));
    for list in lists_of_report(site, r) {
        list_pages(site, list, r, &mut pages);
        // A term's feed lists its newest reports: any of them may be this one.
        pages.extend(list.term().map(PageKind::TermFeed));
    }
    for &m in &site.report_methods[r.position()] {
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
    // A year's first page also shows the counts of the years before and after it.
    let years = &site.taxonomy.by_year;
    for y in report.period.years(site.current_year) {
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

/// Every list report `r` of `site` is in.
fn lists_of_report(site: &Site, r: ReportIdx) -> Vec<List> {
    let report = site.report(r);
    let methods = &site.report_methods[r.position()];
    let mut lists = vec![List::Reports];
    lists.extend(methods.iter().map(|&m| List::Method(m)));
    lists.extend(report.counties.iter().map(|&c| List::County(c)));
    lists.extend(report.municipalities.iter().map(|&k| List::Municipality(k)));
    lists.extend(report.period.years(site.current_year).map(List::Year));
    for &m in methods {
        lists.extend(report.counties.iter().map(|&c| List::MethodCounty(m, c)));
    }
    lists
}

/// The pages of `list` that report `r` (in it) feeds. Adding or removing `r` shifts only the
/// reports after it, so those are its own page and the pages after it; the first page, which
/// sums up the whole list; and every page when adding or removing `r` changes the number of
/// pages (each says "page n of m"). A report that moves within a list feeds the pages from its
/// old place on in the site before the edit, and from its new place on in the site after it.
fn list_pages(site: &Site, list: List, r: ReportIdx, pages: &mut BTreeSet<PageKind>) {
    let per = site.config.paginate_by.max(1);
    let (len, count) = (list.len(site), list.pages(site));
    let from = match list.position(site, r) {
        // Without `r` the list has one page less.
        _ if len > 1 && (len - 1) % per == 0 => 1,
        Some(at) => (at / per) as u32 + 1,
        None => 1,
    };
    pages.insert(list.page(1));
    pages.extend((from..=count).map(|n| list.page(n)));
}
