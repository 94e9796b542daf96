//! The render plan: which output files the site has, where they go, and what they are made of.
//! A full build renders every page of the plan; a partial rebuild renders a subset.

use crate::config::{Paths, SiteConfig};
use crate::vocabulary::{CountyIdx, KommunIdx};

use super::model::{ReportIdx, Site, SiteMethodIdx};

/// One output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageKind {
    Index,
    Reports,
    Report(ReportIdx),
    Methods,
    Method(SiteMethodIdx),
    Counties,
    County(CountyIdx),
    Municipality(KommunIdx),
    Years,
    Year(u16),
    Matrix,
    /// The reports using a method in a county (a non-empty cell of the matrix).
    MethodCounty(SiteMethodIdx, CountyIdx),
    /// Page `n` ≥ 2 of a list; page 1 is the list's own page ([`List::page`]).
    ListPage(List, u32),
    Search,
    NotFound,
    Feed,
    /// The Atom feed of a method, county or kommun: `feed.xml` beside the term's page.
    TermFeed(Term),
    Sitemap,
    ReportsJson,
    MatrixCsv,
}

impl PageKind {
    /// The template that renders this page (one of [`crate::theme::template_names`]), or
    /// `None` for data files made in code.
    pub fn template(self) -> Option<&'static str> {
        Some(match self {
            PageKind::Index => "index.html",
            PageKind::Reports => "reports.html",
            PageKind::Report(_) => "report.html",
            PageKind::Methods => "methods.html",
            PageKind::Method(_) => "method.html",
            PageKind::Counties => "counties.html",
            PageKind::County(_) => "county.html",
            PageKind::Municipality(_) => "municipality.html",
            PageKind::Years => "years.html",
            PageKind::Year(_) => "year.html",
            PageKind::Matrix => "matrix.html",
            PageKind::MethodCounty(..) => "method_county.html",
            PageKind::ListPage(list, _) => return list.page(1).template(),
            PageKind::Search => "search.html",
            PageKind::NotFound => "404.html",
            PageKind::Feed | PageKind::TermFeed(_) => "feed.xml",
            PageKind::Sitemap => "sitemap.xml",
            PageKind::ReportsJson | PageKind::MatrixCsv => return None,
        })
    }

    /// HTML pages a visitor can land on (listed in the sitemap).
    pub fn is_listed(self) -> bool {
        !matches!(
            self,
            PageKind::NotFound
                | PageKind::Feed
                | PageKind::TermFeed(_)
                | PageKind::Sitemap
                | PageKind::ReportsJson
                | PageKind::MatrixCsv
        )
    }
}

/// The output files with fixed names, in the output folder.
const NOT_FOUND: &str = "404.html";
const FEED: &str = "feed.xml";
const SITEMAP: &str = "sitemap.xml";
const REPORTS_JSON: &str = "data/reports.json";
const MATRIX_CSV: &str = "data/matrix.csv";

/// Builds root-relative URLs with the site's base path and segment names.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
    paths: Paths,
}

impl Urls {
    pub fn new(config: &SiteConfig) -> Urls {
        Urls {
            base: config.base_path().to_string(),
            paths: config.paths.clone(),
        }
    }

    pub fn home(&self) -> String {
        self.base.clone()
    }

    fn section(&self, segment: &str) -> String {
        format!("{}{segment}/", self.base)
    }

    fn item(&self, segment: &str, name: &str) -> String {
        format!("{}{segment}/{name}/", self.base)
    }

    pub fn file(&self, name: &str) -> String {
        format!("{}{name}", self.base)
    }

    pub fn reports(&self) -> String {
        self.section(&self.paths.reports)
    }
    pub fn report(&self, slug: &str) -> String {
        self.item(&self.paths.reports, slug)
    }
    pub fn methods(&self) -> String {
        self.section(&self.paths.methods)
    }
    pub fn method(&self, id: &str) -> String {
        self.item(&self.paths.methods, id)
    }
    pub fn counties(&self) -> String {
        self.section(&self.paths.counties)
    }
    pub fn county(&self, slug: &str) -> String {
        self.item(&self.paths.counties, slug)
    }
    pub fn municipality(&self, slug: &str) -> String {
        self.item(&self.paths.municipalities, slug)
    }
    pub fn years(&self) -> String {
        self.section(&self.paths.years)
    }
    pub fn year(&self, year: u16) -> String {
        self.item(&self.paths.years, &year.to_string())
    }
    /// The reports using the method `id` in the county `slug`.
    pub fn method_county(&self, id: &str, county: &str) -> String {
        format!("{}{}/{county}/", self.method(id), self.paths.counties)
    }
    /// Page `n` of the list whose first page is at `first`.
    pub fn list_page(&self, first: &str, n: u32) -> String {
        if n <= 1 {
            first.to_string()
        } else {
            format!("{first}{}/{n}/", self.paths.page)
        }
    }
    pub fn matrix(&self) -> String {
        self.section(&self.paths.matrix)
    }
    pub fn search(&self) -> String {
        self.section(&self.paths.search)
    }

    pub fn not_found(&self) -> String {
        self.file(NOT_FOUND)
    }
    pub fn feed(&self) -> String {
        self.file(FEED)
    }
    /// The feed of the term whose page is at `page` (a folder URL).
    pub fn term_feed(&self, page: &str) -> String {
        format!("{page}{FEED}")
    }
    pub fn sitemap(&self) -> String {
        self.file(SITEMAP)
    }
    pub fn reports_json(&self) -> String {
        self.file(REPORTS_JSON)
    }
    pub fn matrix_csv(&self) -> String {
        self.file(MATRIX_CSV)
    }

    /// The folder of the browser search bundle (named where the bundle is written), which the
    /// search page loads. `None` in a binary without the `pagefind` feature: it makes no bundle
    /// and renders no search page.
    pub fn search_bundle(&self) -> Option<String> {
        #[cfg(feature = "pagefind")]
        return Some(self.file(&format!("{}/", crate::search::bundle::BUNDLE_DIR)));
        #[cfg(not(feature = "pagefind"))]
        None
    }

    /// The page's URL.
    pub fn of(&self, site: &Site, kind: PageKind) -> String {
        let regions = &site.vocabulary.regions;
        match kind {
            PageKind::Index => self.home(),
            PageKind::Reports => self.reports(),
            PageKind::Report(r) => self.report(&site.report(r).slug),
            PageKind::Methods => self.methods(),
            PageKind::Method(m) => self.method(&site.method(m).id.0),
            PageKind::Counties => self.counties(),
            PageKind::County(c) => self.county(&regions.county(c).slug),
            PageKind::Municipality(k) => self.municipality(&regions.municipality(k).slug),
            PageKind::Years => self.years(),
            PageKind::Year(y) => self.year(y),
            PageKind::Matrix => self.matrix(),
            PageKind::MethodCounty(m, c) => {
                self.method_county(&site.method(m).id.0, &regions.county(c).slug)
            }
            PageKind::ListPage(list, n) => self.list_page(&self.of(site, list.page(1)), n),
            PageKind::Search => self.search(),
            PageKind::NotFound => self.not_found(),
            PageKind::Feed => self.feed(),
            PageKind::TermFeed(term) => self.term_feed(&self.of(site, term.list().page(1))),
            PageKind::Sitemap => self.sitemap(),
            PageKind::ReportsJson => self.reports_json(),
            PageKind::MatrixCsv => self.matrix_csv(),
        }
    }

    /// Where a URL's file lives inside the output folder (`rapporter/x/index.html`).
    pub fn output_path(&self, url: &str) -> String {
        let relative = url
            .strip_prefix(&self.base)
            .unwrap_or(url.trim_start_matches('/'));
        if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative.to_string()
        }
    }
}

/// A list of reports split into pages of `paginate_by` (`site.yaml`). Page 1 is at the term's
/// own URL, page `n` ≥ 2 below it at `<page segment>/<n>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum List {
    /// Every report, A–Ö.
    Reports,
    Method(SiteMethodIdx),
    County(CountyIdx),
    Municipality(KommunIdx),
    Year(u16),
    MethodCounty(SiteMethodIdx, CountyIdx),
}

impl List {
    /// Page `n` (from 1) of the list.
    pub fn page(self, n: u32) -> PageKind {
        if n > 1 {
            return PageKind::ListPage(self, n);
        }
        match self {
            List::Reports => PageKind::Reports,
            List::Method(m) => PageKind::Method(m),
            List::County(c) => PageKind::County(c),
            List::Municipality(k) => PageKind::Municipality(k),
            List::Year(y) => PageKind::Year(y),
            List::MethodCounty(m, c) => PageKind::MethodCounty(m, c),
        }
    }

    /// The list's reports in order (every report for [`List::Reports`]).
    fn slice(self, site: &Site) -> Option<&[ReportIdx]> {
        let t = &site.taxonomy;
        Some(match self {
            List::Reports => return None,
            List::Method(m) => &t.by_method[m.0 as usize],
            List::County(c) => &t.by_county[c.0 as usize],
            List::Municipality(k) => &t.by_kommun[k.0 as usize],
            List::Year(y) => t.by_year.get(&y).map_or(&[], Vec::as_slice),
            List::MethodCounty(m, c) => site.cell(m, c),
        })
    }

    /// How many reports the list has.
    pub fn len(self, site: &Site) -> usize {
        self.slice(site).map_or(site.reports.len(), <[_]>::len)
    }

    /// The reports at `positions` of the list.
    pub fn reports(self, site: &Site, positions: std::ops::Range<usize>) -> Vec<ReportIdx> {
        match self.slice(site) {
            None => positions.map(ReportIdx::at).collect(),
            Some(list) => list[positions].to_vec(),
        }
    }

    /// Where report `r` is in the list, if it is in it.
    pub fn position(self, site: &Site, r: ReportIdx) -> Option<usize> {
        match self.slice(site) {
            None => Some(r.position()),
            // Every list is in the order of `site.reports`.
            Some(list) => list.binary_search(&r).ok(),
        }
    }

    /// How many pages the list has in `site`: at least one, which says the list is empty.
    pub fn pages(self, site: &Site) -> u32 {
        page_count(self.len(site), site.config.paginate_by)
    }

    /// Whether `site` has this list: every county and kommun has one, a method while it is in
    /// the site, a year and a method × county pair while they have reports.
    pub fn exists(self, site: &Site) -> bool {
        match self {
            List::Reports | List::County(_) | List::Municipality(_) => true,
            List::Method(m) => (m.0 as usize) < site.methods.len(),
            List::Year(y) => site.taxonomy.by_year.contains_key(&y),
            List::MethodCounty(m, c) => !site.cell(m, c).is_empty(),
        }
    }

    /// The positions of page `n` (from 1) in a list of `len` reports.
    pub fn positions(n: u32, len: usize, per: usize) -> std::ops::Range<usize> {
        let from = (n as usize - 1).saturating_mul(per).min(len);
        from..from.saturating_add(per).min(len)
    }
}

/// A term with a page of its own and an Atom feed of its newest reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    Method(SiteMethodIdx),
    County(CountyIdx),
    Municipality(KommunIdx),
}

impl Term {
    /// The term's list of reports, whose first page is the term's page.
    pub fn list(self) -> List {
        match self {
            Term::Method(m) => List::Method(m),
            Term::County(c) => List::County(c),
            Term::Municipality(k) => List::Municipality(k),
        }
    }
}

impl List {
    /// The term whose list this is, for the lists that have a feed.
    pub fn term(self) -> Option<Term> {
        match self {
            List::Method(m) => Some(Term::Method(m)),
            List::County(c) => Some(Term::County(c)),
            List::Municipality(k) => Some(Term::Municipality(k)),
            List::Reports | List::Year(_) | List::MethodCounty(..) => None,
        }
    }
}

impl PageKind {
    /// The list this page shows and its page number, for the pages of a list.
    pub fn list(self) -> Option<(List, u32)> {
        Some(match self {
            PageKind::Reports => (List::Reports, 1),
            PageKind::Method(m) => (List::Method(m), 1),
            PageKind::County(c) => (List::County(c), 1),
            PageKind::Municipality(k) => (List::Municipality(k), 1),
            PageKind::Year(y) => (List::Year(y), 1),
            PageKind::MethodCounty(m, c) => (List::MethodCounty(m, c), 1),
            PageKind::ListPage(list, n) => (list, n),
            _ => return None,
        })
    }
}

/// The number of pages of `len` reports, `per` a page: at least one.
pub fn page_count(len: usize, per: usize) -> u32 {
    len.div_ceil(per.max(1)).max(1) as u32
}

/// The pages that list or count every report: every report edit touches them.
pub const SITE_WIDE: [PageKind; 10] = [
    PageKind::Index,
    PageKind::Reports,
    PageKind::Methods,
    PageKind::Counties,
    PageKind::Years,
    PageKind::Matrix,
    PageKind::Feed,
    PageKind::Sitemap,
    PageKind::ReportsJson,
    PageKind::MatrixCsv,
];

/// What a build makes besides the pages every site has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// The browser search page `/sok/` (its index, the Pagefind bundle, is written beside).
    pub search_page: bool,
}

/// Every output file of the site, in a stable order.
pub fn full_plan(site: &Site, options: RenderOptions) -> Vec<PageKind> {
    let mut pages = SITE_WIDE.to_vec();
    pages.push(PageKind::NotFound);
    if options.search_page {
        // Independent of the reports: it carries the whole vocabulary, not the used part.
        pages.push(PageKind::Search);
    }
    pages.extend((0..site.reports.len()).map(|r| PageKind::Report(ReportIdx::at(r))));
    pages.extend((0..site.methods.len()).map(|m| PageKind::Method(SiteMethodIdx(m as u32))));
    pages.extend(
        (0..site.vocabulary.regions.counties.len()).map(|c| PageKind::County(CountyIdx(c as u16))),
    );
    // Every kommun has a page, like every county: a link to one never breaks, and an empty
    // page says that no report names it yet.
    pages.extend(
        (0..site.vocabulary.regions.municipalities.len())
            .map(|k| PageKind::Municipality(KommunIdx(k as u16))),
    );
    pages.extend(site.taxonomy.by_year.keys().map(|&y| PageKind::Year(y)));
    pages.extend(
        site.taxonomy
            .by_method_county
            .keys()
            .map(|&(m, c)| PageKind::MethodCounty(m, c)),
    );
    // The further pages of every list.
    let more: Vec<PageKind> = pages
        .iter()
        .filter_map(|page| page.list())
        .flat_map(|(list, _)| (2..=list.pages(site)).map(move |n| list.page(n)))
        .collect();
    pages.extend(more);
    // Every term page has a feed beside it (see `List::term`).
    let feeds: Vec<PageKind> = pages
        .iter()
        .filter_map(|page| page.list())
        .filter(|&(_, n)| n == 1)
        .filter_map(|(list, _)| list.term())
        .map(PageKind::TermFeed)
        .collect();
    pages.extend(feeds);
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_follow_urls() {
        let config = SiteConfig {
            base_url: "https://example.org/fou/".into(),
            ..SiteConfig::default()
        };
        let urls = Urls::new(&config);
        assert_eq!(urls.report("a"), "/fou/rapporter/a/");
        assert_eq!(
            urls.output_path(&urls.report("a")),
            "rapporter/a/index.html"
        );
        assert_eq!(urls.output_path(&urls.home()), "index.html");
        assert_eq!(
            urls.output_path(&urls.file("data/reports.json")),
            "data/reports.json"
        );
    }

    #[test]
    fn pages_split_lists_and_page_one_keeps_the_list_url() {
        assert_eq!(page_count(0, 2), 1);
        assert_eq!(page_count(2, 2), 1);
        assert_eq!(page_count(3, 2), 2);
        assert_eq!(List::positions(2, 3, 2), 2..3);
        assert_eq!(List::positions(1, 0, 2), 0..0);
        let urls = Urls::new(&SiteConfig::default());
        assert_eq!(urls.list_page("/ar/2020/", 1), "/ar/2020/");
        assert_eq!(urls.list_page("/ar/2020/", 3), "/ar/2020/sida/3/");
        assert_eq!(
            urls.method_county("bra", "kronoberg"),
            "/metoder/bra/lan/kronoberg/"
        );
        let feed = urls.term_feed(&urls.county("kronoberg"));
        assert_eq!(feed, "/lan/kronoberg/feed.xml");
        assert_eq!(urls.output_path(&feed), "lan/kronoberg/feed.xml");
    }

    #[test]
    fn every_page_template_is_a_theme_template() {
        let names: Vec<&str> = crate::theme::template_names().collect();
        let pages = [
            PageKind::Index,
            PageKind::Reports,
            PageKind::Report(ReportIdx::at(0)),
            PageKind::Methods,
            PageKind::Method(SiteMethodIdx(0)),
            PageKind::Counties,
            PageKind::County(CountyIdx(0)),
            PageKind::Municipality(KommunIdx(0)),
            PageKind::Years,
            PageKind::Year(2020),
            PageKind::Matrix,
            PageKind::MethodCounty(SiteMethodIdx(0), CountyIdx(0)),
            PageKind::ListPage(List::Reports, 2),
            PageKind::Search,
            PageKind::NotFound,
            PageKind::Feed,
            PageKind::TermFeed(Term::County(CountyIdx(0))),
            PageKind::Sitemap,
        ];
        for page in pages {
            let name = page.template();
            assert!(name.is_some_and(|n| names.contains(&n)), "{page:?}");
        }
    }
}
