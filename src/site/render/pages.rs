//! The context of each page template: what `index.html`, `report.html`, `method.html` … get
//! besides the `site` global. Owns the shape of those contexts (the theme's contract).

use minijinja::context;
use minijinja::value::Value;

use crate::markdown;
use crate::vocabulary::{CountyIdx, KommunIdx};

use super::super::model::{collation_key, ReportIdx, SiteMethodIdx};
use super::super::plan::PageKind;
use super::views::counted;
use super::Renderer;

/// How many reports the feed lists.
const FEED_ENTRIES: usize = 50;

/// The fragment id of a county's section on a method page (`lan-07`).
pub fn county_anchor(code: &str) -> String {
    format!("lan-{code}")
}

impl Renderer<'_> {
    /// The context of `page`, whose URL is `url`.
    pub(super) fn context(&self, page: PageKind, url: &str) -> Value {
        let page_value = context! { template => page.template(), url => url };
        let body = match page {
            PageKind::Index => self.index(),
            PageKind::Reports => context! { reports => self.all_cards() },
            PageKind::Report(r) => self.report(r),
            PageKind::Methods => self.methods(),
            PageKind::Method(m) => self.method(m),
            PageKind::Counties => self.counties(),
            PageKind::County(c) => self.county(c),
            PageKind::Municipality(k) => self.municipality(k),
            PageKind::Years => context! { years => self.counted_years() },
            PageKind::Year(y) => self.year(y),
            PageKind::Matrix => self.matrix(),
            PageKind::Search => self.search(),
            PageKind::Feed => self.feed(),
            PageKind::Sitemap => self.sitemap(),
            PageKind::NotFound | PageKind::ReportsJson | PageKind::MatrixCsv => context! {},
        };
        context! { page => page_value, ..body }
    }

    fn index(&self) -> Value {
        let site = self.site;
        let t = &site.taxonomy;
        let methods: Vec<Value> = site
            .used_methods()
            .map(|m| {
                counted(
                    &self.views.methods[m.0 as usize],
                    t.by_method[m.0 as usize].len(),
                )
            })
            .collect();
        let counties: Vec<Value> = self
            .views
            .counties
            .iter()
            .enumerate()
            .map(|(c, v)| counted(v, t.by_county[c].len()))
            .collect();
        let stats = context! {
            reports => site.reports.len(),
            methods => site.used_methods().count(),
            counties => site.used_counties().count(),
            municipalities => site.used_municipalities().count(),
            first_year => t.by_year.keys().next().copied(),
            last_year => t.by_year.keys().next_back().copied(),
        };
        context! {
            stats => stats,
            newest => self.cards_of(self.newest(site.config.newest)),
            methods => methods,
            counties => counties,
            years => self.counted_years(),
        }
    }

    fn report(&self, r: ReportIdx) -> Value {
        let report = &self.site.reports[r as usize];
        let full = context! {
            body => Value::from_safe_string(markdown::to_html(&report.body)),
            outcomes => &report.outcomes,
            target_groups => &report.target_groups,
            funding => &report.funding,
            budget_sek => report.budget_sek,
            contact => &report.contact,
            ..self.card(r)
        };
        context! { report => full, related => self.cards_of(self.related(r)) }
    }

    fn methods(&self) -> Value {
        let site = self.site;
        let mut order: Vec<usize> = (0..site.methods.len()).collect();
        order.sort_by_cached_key(|&m| collation_key(&site.methods[m].name));
        let methods: Vec<Value> = order
            .into_iter()
            .map(|m| {
                let method = &site.methods[m];
                let reports = &site.taxonomy.by_method[m];
                context! {
                    count => reports.len(),
                    kind => &method.kind,
                    description => &method.description,
                    counties => self.counties_among(reports).len(),
                    ..self.views.methods[m].clone()
                }
            })
            .collect();
        context! { methods => methods }
    }

    fn method(&self, m: SiteMethodIdx) -> Value {
        let site = self.site;
        let method = site.method(m);
        let reports = &site.taxonomy.by_method[m.0 as usize];
        let regions = &site.vocabulary.regions;
        let counties = self.counties_among(reports);
        let groups: Vec<Value> = counties
            .iter()
            .map(|&(c, _)| {
                context! {
                    county => self.views.counties[c.0 as usize].clone(),
                    anchor => county_anchor(&regions.county(c).code.0),
                    reports => self.cards_of(site.cell(m, c)),
                }
            })
            .collect();
        let counties: Vec<Value> = counties
            .into_iter()
            .map(|(c, n)| {
                context! { anchor => county_anchor(&regions.county(c).code.0), ..counted(&self.views.counties[c.0 as usize], n) }
            })
            .collect();
        let info = context! {
            kind => &method.kind,
            description => &method.description,
            aliases => &method.aliases,
            count => reports.len(),
            ..self.views.methods[m.0 as usize].clone()
        };
        context! {
            method => info,
            counties => counties,
            municipalities => self.kommuner_among(reports),
            timeline => self.timeline(reports),
            groups => groups,
        }
    }

    fn counties(&self) -> Value {
        let site = self.site;
        let regions = &site.vocabulary.regions;
        let counties: Vec<Value> = self
            .views
            .counties
            .iter()
            .enumerate()
            .map(|(c, v)| {
                let reports = &site.taxonomy.by_county[c];
                let subregions: Vec<&str> = regions
                    .subregions
                    .iter()
                    .filter(|s| s.county.0 as usize == c)
                    .map(|s| s.name.as_str())
                    .collect();
                let municipalities = site
                    .used_municipalities()
                    .filter(|&k| regions.municipality(k).county.0 as usize == c)
                    .count();
                let methods = self.methods_among(reports).len().unwrap_or(0);
                context! {
                    count => reports.len(),
                    methods => methods,
                    municipalities => municipalities,
                    subregions => subregions,
                    ..v.clone()
                }
            })
            .collect();
        context! { counties => counties }
    }

    fn county(&self, c: CountyIdx) -> Value {
        let site = self.site;
        let regions = &site.vocabulary.regions;
        let reports = &site.taxonomy.by_county[c.0 as usize];
        let subregions: Vec<Value> = regions
            .subregions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.county == c)
            .map(
                |(i, s)| context! { name => &s.name, count => site.taxonomy.by_subregion[i].len() },
            )
            .collect();
        context! {
            county => counted(&self.views.counties[c.0 as usize], reports.len()),
            methods => self.methods_among(reports),
            municipalities => self.kommuner_among(reports),
            subregions => subregions,
            reports => self.cards_of(reports.iter().copied()),
        }
    }

    fn municipality(&self, k: KommunIdx) -> Value {
        let site = self.site;
        let kommun = site.vocabulary.regions.municipality(k);
        let reports = &site.taxonomy.by_kommun[k.0 as usize];
        let info = context! {
            county => self.views.counties[kommun.county.0 as usize].clone(),
            ..counted(&self.views.kommuner[k.0 as usize], reports.len())
        };
        context! {
            municipality => info,
            methods => self.methods_among(reports),
            reports => self.cards_of(reports.iter().copied()),
        }
    }

    fn year(&self, y: u16) -> Value {
        let site = self.site;
        let by_year = &site.taxonomy.by_year;
        let reports: &[ReportIdx] = by_year.get(&y).map_or(&[], Vec::as_slice);
        let neighbour = |(&year, list): (&u16, &Vec<ReportIdx>)| self.year_link(year, list.len());
        let previous = by_year.range(..y).next_back().map(neighbour);
        let next = by_year.range(y + 1..).next().map(neighbour);
        let counties: Vec<Value> = self
            .counties_among(reports)
            .into_iter()
            .map(|(c, n)| counted(&self.views.counties[c.0 as usize], n))
            .collect();
        context! {
            year => context! { year => y, url => self.urls.year(y), count => reports.len(), previous => previous, next => next },
            methods => self.methods_among(reports),
            counties => counties,
            reports => self.cards_of(reports.iter().copied()),
        }
    }

    /// The search page: its script maps the URL's names (`metod=bra`) to the labels the
    /// bundle filters by, so it gets the whole vocabulary (which keeps the page independent of
    /// the reports).
    /// The search page: its configuration (filter groups, bundle) is the search module's.
    fn search(&self) -> Value {
        let bundle = self.urls.search_bundle().unwrap_or_default();
        let config = crate::search::page_config(self.site, bundle);
        context! { config => Value::from_serialize(&config) }
    }

    fn matrix(&self) -> Value {
        let site = self.site;
        let regions = &site.vocabulary.regions;
        let mut totals = vec![0u32; regions.counties.len()];
        let rows: Vec<Value> = site
            .matrix()
            .into_iter()
            .map(|(m, counts)| {
                let method_url = self.urls.method(&site.method(m).id.0);
                let cells: Vec<Value> = counts
                    .iter()
                    .enumerate()
                    .map(|(c, &count)| {
                        totals[c] += count;
                        let url = (count > 0).then(|| {
                            format!(
                                "{method_url}#{}",
                                county_anchor(&regions.counties[c].code.0)
                            )
                        });
                        context! { count => count, url => url }
                    })
                    .collect();
                context! {
                    method => self.views.methods[m.0 as usize].clone(),
                    total => site.taxonomy.by_method[m.0 as usize].len(),
                    cells => cells,
                }
            })
            .collect();
        context! { matrix => context! { counties => self.views.counties.clone(), rows => rows, totals => totals } }
    }

    fn feed(&self) -> Value {
        let entries: Vec<Value> = self
            .newest(FEED_ENTRIES)
            .into_iter()
            .map(|r| {
                let p = &self.site.reports[r as usize].period;
                let updated = format!("{}-01T00:00:00Z", p.start);
                context! { updated => updated, ..self.card(r) }
            })
            .collect();
        let updated = entries
            .first()
            .and_then(|e| e.get_attr("updated").ok())
            .map(|v| v.to_string())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
        context! { entries => entries, updated => updated }
    }

    fn sitemap(&self) -> Value {
        let urls: Vec<String> = self
            .plan()
            .into_iter()
            .filter(|p| p.is_listed())
            .map(|p| self.urls.of(self.site, p))
            .collect();
        context! { urls => urls }
    }
}
