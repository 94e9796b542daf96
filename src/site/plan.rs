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
    Search,
    NotFound,
    Feed,
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
            PageKind::Search => "search.html",
            PageKind::NotFound => "404.html",
            PageKind::Feed => "feed.xml",
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
            PageKind::Report(r) => self.report(&site.reports[r as usize].slug),
            PageKind::Methods => self.methods(),
            PageKind::Method(m) => self.method(&site.method(m).id.0),
            PageKind::Counties => self.counties(),
            PageKind::County(c) => self.county(&regions.county(c).slug),
            PageKind::Municipality(k) => self.municipality(&regions.municipality(k).slug),
            PageKind::Years => self.years(),
            PageKind::Year(y) => self.year(y),
            PageKind::Matrix => self.matrix(),
            PageKind::Search => self.search(),
            PageKind::NotFound => self.not_found(),
            PageKind::Feed => self.feed(),
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
    pages.extend((0..site.reports.len()).map(|r| PageKind::Report(r as ReportIdx)));
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
    fn every_page_template_is_a_theme_template() {
        let names: Vec<&str> = crate::theme::template_names().collect();
        let pages = [
            PageKind::Index,
            PageKind::Reports,
            PageKind::Report(0),
            PageKind::Methods,
            PageKind::Method(SiteMethodIdx(0)),
            PageKind::Counties,
            PageKind::County(CountyIdx(0)),
            PageKind::Municipality(KommunIdx(0)),
            PageKind::Years,
            PageKind::Year(2020),
            PageKind::Matrix,
            PageKind::Search,
            PageKind::NotFound,
            PageKind::Feed,
            PageKind::Sitemap,
        ];
        for page in pages {
            let name = page.template();
            assert!(name.is_some_and(|n| names.contains(&n)), "{page:?}");
        }
    }
}
