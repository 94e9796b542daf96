//! The context of each page template: what `index.html`, `report.html`, `method.html` … get
//! besides the `site` global. Owns the shape of those contexts (the theme's contract).

use minijinja::context;
use minijinja::value::Value;

use crate::markdown;
use crate::vocabulary::{CountyIdx, KommunIdx};

use super::super::model::{collation_key, ReportIdx, SiteMethodIdx};
use super::super::plan::{List, PageKind};
use super::views::counted;
use super::Renderer;

impl Renderer<'_> {
    /// The context of `page`, whose URL is `url`.
    pub(super) fn context(&self, page: PageKind, url: &str) -> Value {
        let page_value = context! { template => page.template(), url => url };
        if let Some((list, n)) = page.list() {
            let (reports, pagination) = self.list_page(list, n);
            let body = self.list_head(list, n == 1);
            // A term's pages announce its feed.
            let feed = list.term().map(|term| self.feed_ref(Some(term)));
            return context! { page => page_value, reports, pagination, feed, ..body };
        }
        let body = match page {
            PageKind::Index => self.index(),
            PageKind::Report(r) => self.report(r),
            PageKind::Methods => self.methods(),
            PageKind::Counties => self.counties(),
            PageKind::Years => context! { years => self.counted_years() },
            PageKind::Matrix => self.matrix(),
            PageKind::Search => self.search(),
            PageKind::Feed => self.feed(None),
            PageKind::TermFeed(term) => self.feed(Some(term)),
            PageKind::Sitemap => self.sitemap(),
            _ => context! {},
        };
        context! { page => page_value, ..body }
    }

    /// What a page of `list` shows besides its reports and pager: the term, and on the first
    /// page (`summary`) everything about the whole list.
    fn list_head(&self, list: List, summary: bool) -> Value {
        match list {
            List::Reports => {
                context! { count => summary.then_some(self.site.reports.len()) }
            }
            List::Method(m) => self.method(m, summary),
            List::County(c) => self.county(c, summary),
            List::Municipality(k) => self.municipality(k, summary),
            List::Year(y) => self.year(y, summary),
            List::MethodCounty(m, c) => self.method_county(m, c, summary),
        }
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
            map => self.home_map(),
        }
    }

    fn report(&self, r: ReportIdx) -> Value {
        let report = self.site.report(r);
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
                    sparkline => self.sparkline(reports),
                    ..self.views.methods[m].clone()
                }
            })
            .collect();
        context! { methods => methods }
    }

    fn method(&self, m: SiteMethodIdx, summary: bool) -> Value {
        let site = self.site;
        let method = site.method(m);
        let reports = &site.taxonomy.by_method[m.0 as usize];
        let info = context! {
            kind => &method.kind,
            description => &method.description,
            aliases => &method.aliases,
            count => summary.then_some(reports.len()),
            ..self.views.methods[m.0 as usize].clone()
        };
        if !summary {
            return context! { method => info };
        }
        let regions = &site.vocabulary.regions;
        // Each county's row links to the list of the method's reports in that county.
        let counties: Vec<Value> = self
            .counties_among(reports)
            .into_iter()
            .map(|(c, n)| {
                let url = self
                    .urls
                    .method_county(&method.id.0, &regions.county(c).slug);
                context! { url => url, ..counted(&self.views.counties[c.0 as usize], n) }
            })
            .collect();
        let (map, grid) = self.method_charts(m);
        context! {
            method => info,
            counties => counties,
            municipalities => self.kommuner_among(reports),
            timeline => self.timeline(reports),
            map => map,
            grid => grid,
        }
    }

    /// The reports using method `m` in county `c`.
    fn method_county(&self, m: SiteMethodIdx, c: CountyIdx, summary: bool) -> Value {
        let count = summary.then(|| self.site.cell(m, c).len());
        context! {
            method => self.views.methods[m.0 as usize].clone(),
            county => self.views.counties[c.0 as usize].clone(),
            count => count,
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

    fn county(&self, c: CountyIdx, summary: bool) -> Value {
        let site = self.site;
        let reports = &site.taxonomy.by_county[c.0 as usize];
        let county = &self.views.counties[c.0 as usize];
        if !summary {
            return context! { county => county.clone() };
        }
        let subregions: Vec<Value> = site
            .vocabulary
            .regions
            .subregions
            .iter()
            .enumerate()
            .filter(|(_, s)| s.county == c)
            .map(
                |(i, s)| context! { name => &s.name, count => site.taxonomy.by_subregion[i].len() },
            )
            .collect();
        let (map, grid) = self.county_charts(c);
        context! {
            county => counted(county, reports.len()),
            methods => self.methods_among(reports),
            municipalities => self.kommuner_among(reports),
            subregions => subregions,
            map => map,
            grid => grid,
        }
    }

    fn municipality(&self, k: KommunIdx, summary: bool) -> Value {
        let site = self.site;
        let kommun = site.vocabulary.regions.municipality(k);
        let reports = &site.taxonomy.by_kommun[k.0 as usize];
        let info = context! {
            county => self.views.counties[kommun.county.0 as usize].clone(),
            count => summary.then_some(reports.len()),
            ..self.views.kommuner[k.0 as usize].clone()
        };
        if !summary {
            return context! { municipality => info };
        }
        context! {
            municipality => info,
            methods => self.methods_among(reports),
            locator => self.municipality_locator(k),
        }
    }

    fn year(&self, y: u16, summary: bool) -> Value {
        if !summary {
            return context! { year => context! { year => y, url => self.urls.year(y) } };
        }
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
                let id = &site.method(m).id.0;
                let cells: Vec<Value> = counts
                    .iter()
                    .enumerate()
                    .map(|(c, &count)| {
                        totals[c] += count;
                        let url = (count > 0)
                            .then(|| self.urls.method_county(id, &regions.counties[c].slug));
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
