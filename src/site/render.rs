//! Renders pages of the plan with minijinja and the theme.
//!
//! Everything that appears on many pages (a report's card, a county's link) is turned into a
//! template value once per build and shared by reference afterwards.

use minijinja::value::Value;
use minijinja::{context, Environment};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::diagnostics::{Diagnostic, Span};
use crate::markdown;
use crate::theme::Theme;
use crate::vocabulary::{CountyIdx, KommunIdx};

use super::data;
use super::model::{ReportIdx, Site, SiteMethodIdx};
use super::plan::{PageKind, RenderOptions, Urls};

const RELATED: usize = 5;
/// Related reports are looked for this many places before and after a report in each of its
/// methods' lists (see [`super::deps`]).
pub const RELATED_WINDOW: usize = 20;
const FEED_ENTRIES: usize = 50;

/// The HTML of report cards by report URL and heading level. A card appears in many lists
/// (method, county, kommun and year pages, related reports), so it is rendered once and
/// reused; the dev server keeps the cache across rebuilds, dropping the cards of edited
/// reports and all of them when templates or the vocabulary change.
#[derive(Clone, Default)]
pub struct CardCache(Arc<Mutex<HashMap<(String, i64), Value>>>);

impl CardCache {
    fn get(&self, key: &(String, i64)) -> Option<Value> {
        self.0.lock().ok().and_then(|c| c.get(key).cloned())
    }

    fn insert(&self, key: (String, i64), html: Value) {
        if let Ok(mut c) = self.0.lock() {
            c.insert(key, html);
        }
    }

    /// Forgets the cards of the reports at `urls` (one pass over the cache).
    pub fn forget(&self, urls: &std::collections::HashSet<String>) {
        if let Ok(mut c) = self.0.lock() {
            c.retain(|(u, _), _| !urls.contains(u));
        }
    }
}

pub struct Renderer<'s> {
    site: &'s Site,
    options: RenderOptions,
    env: Environment<'static>,
    theme: Theme,
    urls: Urls,
    /// Per report, its card (the fields every list shows), made when first needed.
    cards: Vec<OnceLock<Value>>,
    county_refs: Vec<Value>,
    kommun_refs: Vec<Value>,
    method_refs: Vec<Value>,
}

#[derive(Serialize)]
struct CountyRef<'a> {
    code: &'a str,
    name: &'a str,
    short_name: &'a str,
    letter: &'a str,
    url: String,
}

#[derive(Serialize)]
struct KommunRef<'a> {
    code: &'a str,
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct MethodRefValue<'a> {
    id: &'a str,
    name: &'a str,
    short_name: &'a str,
    url: String,
    known: bool,
}

#[derive(Serialize)]
struct PeriodValue {
    start: String,
    end: Option<String>,
    first_year: u16,
    last_year: Option<u16>,
}

#[derive(Serialize)]
struct Card<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    summary: &'a str,
    organisation: Option<&'a str>,
    status: Option<&'a str>,
    period: PeriodValue,
    counties: Vec<Value>,
    subregions: Vec<&'a str>,
    municipalities: Vec<Value>,
    methods: Vec<Value>,
    tags: &'a [String],
}

impl<'s> Renderer<'s> {
    pub fn new(site: &'s Site, theme: Theme, options: RenderOptions) -> Renderer<'s> {
        Renderer::with_card_cache(site, theme, options, CardCache::default())
    }

    /// A renderer that keeps report cards' HTML in `card_html` (which must hold only cards of the
    /// current reports, templates and vocabulary; see [`CardCache`]).
    pub fn with_card_cache(
        site: &'s Site,
        theme: Theme,
        options: RenderOptions,
        card_html: CardCache,
    ) -> Renderer<'s> {
        let urls = Urls::new(&site.config);
        let regions = &site.vocabulary.regions;
        let county_refs: Vec<Value> = regions
            .counties
            .iter()
            .map(|c| {
                Value::from_serialize(CountyRef {
                    code: &c.code.0,
                    name: &c.name,
                    short_name: &c.short_name,
                    letter: &c.letter,
                    url: urls.county(&c.slug),
                })
            })
            .collect();
        let kommun_refs: Vec<Value> = regions
            .municipalities
            .iter()
            .map(|k| {
                Value::from_serialize(KommunRef {
                    code: &k.code.0,
                    name: &k.name,
                    url: urls.municipality(&k.slug),
                })
            })
            .collect();
        let method_refs: Vec<Value> = site
            .methods
            .iter()
            .map(|m| {
                Value::from_serialize(MethodRefValue {
                    id: &m.id.0,
                    name: &m.name,
                    short_name: &m.short_name,
                    url: urls.method(&m.id.0),
                    known: m.known,
                })
            })
            .collect();
        // Made on first use: a dev-server rebuild of one report page needs only a few.
        let cards = site.reports.iter().map(|_| OnceLock::new()).collect();
        let env = environment(site, &theme, &urls, options, card_html);
        Renderer {
            site,
            options,
            env,
            theme,
            urls,
            cards,
            county_refs,
            kommun_refs,
            method_refs,
        }
    }

    pub fn urls(&self) -> &Urls {
        &self.urls
    }

    /// Every output file this renderer makes.
    pub fn plan(&self) -> Vec<PageKind> {
        super::plan::full_plan(self.site, self.options)
    }

    /// Compiles every template once, so that syntax errors in a site's overrides are reported
    /// all together before anything renders.
    pub fn check_templates(&self) -> Vec<Diagnostic> {
        let mut names: Vec<&str> = PAGE_TEMPLATES.to_vec();
        names.sort_unstable();
        names
            .into_iter()
            .filter_map(|name| {
                self.env
                    .get_template(name)
                    .err()
                    .map(|e| self.template_error(name, &e))
            })
            .collect()
    }

    /// The output file's path (inside the output folder) and content.
    pub fn render(&self, page: PageKind) -> Result<(String, Vec<u8>), Diagnostic> {
        let url = self.urls.of(self.site, page);
        let path = self.urls.output_path(&url);
        let bytes = match page {
            PageKind::ReportsJson => data::reports_json(self.site, &self.urls),
            PageKind::MatrixCsv => data::matrix_csv(self.site),
            _ => {
                let name = page.template().unwrap_or("404.html");
                let ctx = self.context(page, &url);
                let template = self
                    .env
                    .get_template(name)
                    .map_err(|e| self.template_error(name, &e))?;
                template
                    .render(ctx)
                    .map_err(|e| self.template_error(name, &e))?
                    .into_bytes()
            }
        };
        Ok((path, bytes))
    }

    fn template_error(&self, name: &str, err: &minijinja::Error) -> Diagnostic {
        let file = err.name().unwrap_or(name);
        let mut detail = err.kind().to_string();
        if let Some(d) = err.detail() {
            detail = format!("{detail}: {d}");
        }
        let mut diagnostic = Diagnostic::error(
            self.theme.template_path(file),
            format!("template error: {detail}"),
        )
        .with_hint("fix the template, or delete the site's copy to use the default theme's");
        if let Some(line) = err.line() {
            let source = self
                .theme
                .template_source(file)
                .ok()
                .flatten()
                .unwrap_or_default();
            diagnostic = diagnostic.at_in(Span::new(line as u32, 1, 1), &source);
        }
        diagnostic
    }

    fn context(&self, page: PageKind, url: &str) -> Value {
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

    /// The card of report `r`: what a list shows of it.
    fn card(&self, r: ReportIdx) -> Value {
        self.cards[r as usize]
            .get_or_init(|| {
                let site = self.site;
                let regions = &site.vocabulary.regions;
                let report = &site.reports[r as usize];
                Value::from_serialize(Card {
                    slug: &report.slug,
                    url: self.urls.report(&report.slug),
                    title: &report.title,
                    summary: &report.summary,
                    organisation: report.organisation.as_deref(),
                    status: report.status.as_deref(),
                    period: PeriodValue {
                        start: report.period.start.to_string(),
                        end: report.period.end.map(|e| e.to_string()),
                        first_year: report.period.start.year,
                        last_year: report.period.end.map(|e| e.year),
                    },
                    counties: report
                        .counties
                        .iter()
                        .map(|c| self.county_refs[c.0 as usize].clone())
                        .collect(),
                    subregions: report
                        .subregions
                        .iter()
                        .map(|&s| regions.subregion(s).name.as_str())
                        .collect(),
                    municipalities: report
                        .municipalities
                        .iter()
                        .map(|k| self.kommun_refs[k.0 as usize].clone())
                        .collect(),
                    methods: site.report_methods[r as usize]
                        .iter()
                        .map(|m| self.method_refs[m.0 as usize].clone())
                        .collect(),
                    tags: &report.tags,
                })
            })
            .clone()
    }

    fn all_cards(&self) -> Value {
        Value::from(
            (0..self.site.reports.len() as ReportIdx)
                .map(|r| self.card(r))
                .collect::<Vec<_>>(),
        )
    }

    fn cards_of(&self, reports: impl IntoIterator<Item = ReportIdx>) -> Value {
        Value::from(
            reports
                .into_iter()
                .map(|r| self.card(r))
                .collect::<Vec<_>>(),
        )
    }

    fn counted(base: &Value, count: usize) -> Value {
        context! { count => count, ..base.clone() }
    }

    /// Methods used by `reports`, with counts, most used first.
    fn methods_among(&self, reports: &[ReportIdx]) -> Value {
        let mut counts: HashMap<SiteMethodIdx, usize> = HashMap::new();
        for &r in reports {
            for &m in &self.site.report_methods[r as usize] {
                *counts.entry(m).or_default() += 1;
            }
        }
        let mut list: Vec<(SiteMethodIdx, usize)> = counts.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Value::from(
            list.into_iter()
                .map(|(m, n)| Self::counted(&self.method_refs[m.0 as usize], n))
                .collect::<Vec<_>>(),
        )
    }

    /// Counties of `reports`, with counts, in SCB order.
    fn counties_among(&self, reports: &[ReportIdx]) -> Vec<(CountyIdx, usize)> {
        let mut counts = vec![0usize; self.county_refs.len()];
        for &r in reports {
            for c in &self.site.reports[r as usize].counties {
                counts[c.0 as usize] += 1;
            }
        }
        counts
            .into_iter()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .map(|(c, n)| (CountyIdx(c as u16), n))
            .collect()
    }

    /// Municipalities of `reports`, with counts, in name order.
    fn kommuner_among(&self, reports: &[ReportIdx]) -> Value {
        let mut counts: HashMap<KommunIdx, usize> = HashMap::new();
        for &r in reports {
            for &k in &self.site.reports[r as usize].municipalities {
                *counts.entry(k).or_default() += 1;
            }
        }
        let regions = &self.site.vocabulary.regions;
        let mut list: Vec<(KommunIdx, usize)> = counts.into_iter().collect();
        list.sort_by_cached_key(|(k, _)| {
            super::model::collation_key(&regions.municipality(*k).name)
        });
        Value::from(
            list.into_iter()
                .map(|(k, n)| Self::counted(&self.kommun_refs[k.0 as usize], n))
                .collect::<Vec<_>>(),
        )
    }

    fn counted_years(&self) -> Vec<Value> {
        self.site
            .taxonomy
            .by_year
            .iter()
            .map(|(&y, reports)| context! { year => y, url => self.urls.year(y), count => reports.len() })
            .collect()
    }

    /// Reports, newest first: latest start, then latest end.
    fn newest(&self, limit: usize) -> Vec<ReportIdx> {
        let mut order: Vec<ReportIdx> = (0..self.site.reports.len() as ReportIdx).collect();
        order.sort_by(|&a, &b| {
            let (pa, pb) = (
                &self.site.reports[a as usize].period,
                &self.site.reports[b as usize].period,
            );
            pb.start
                .cmp(&pa.start)
                .then_with(|| pb.latest().cmp(&pa.latest()))
                .then_with(|| a.cmp(&b))
        });
        order.truncate(limit);
        order
    }

    fn index(&self) -> Value {
        let site = self.site;
        let t = &site.taxonomy;
        let methods: Vec<Value> = site
            .used_methods()
            .map(|m| {
                Self::counted(
                    &self.method_refs[m.0 as usize],
                    t.by_method[m.0 as usize].len(),
                )
            })
            .collect();
        let counties: Vec<Value> = self
            .county_refs
            .iter()
            .enumerate()
            .map(|(c, v)| Self::counted(v, t.by_county[c].len()))
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

    /// Up to five reports sharing the most methods (then counties) with `r`. Only a bounded
    /// window of each method's list is scanned, so the cost per report stays constant.
    pub fn related(&self, r: ReportIdx) -> Vec<ReportIdx> {
        const WINDOW: usize = 2 * RELATED_WINDOW;
        let site = self.site;
        let me = &site.reports[r as usize];
        let mut scores: HashMap<ReportIdx, u32> = HashMap::new();
        for m in &site.report_methods[r as usize] {
            let list = &site.taxonomy.by_method[m.0 as usize];
            let at = list.binary_search(&r).unwrap_or_else(|i| i);
            let from = at.saturating_sub(WINDOW / 2);
            for &other in list.iter().skip(from).take(WINDOW) {
                if other != r {
                    *scores.entry(other).or_default() += 2;
                }
            }
        }
        for (other, score) in scores.iter_mut() {
            let o = &site.reports[*other as usize];
            if o.counties.iter().any(|c| me.counties.contains(c)) {
                *score += 1;
            }
        }
        let mut ranked: Vec<(ReportIdx, u32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.into_iter().take(RELATED).map(|(o, _)| o).collect()
    }

    fn methods(&self) -> Value {
        let site = self.site;
        let mut order: Vec<usize> = (0..site.methods.len()).collect();
        order.sort_by_cached_key(|&m| super::model::collation_key(&site.methods[m].name));
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
                    ..self.method_refs[m].clone()
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
                    county => self.county_refs[c.0 as usize].clone(),
                    anchor => county_anchor(&regions.county(c).code.0),
                    reports => self.cards_of(site.cell(m, c)),
                }
            })
            .collect();
        let counties: Vec<Value> = counties
            .into_iter()
            .map(|(c, n)| {
                context! { anchor => county_anchor(&regions.county(c).code.0), ..Self::counted(&self.county_refs[c.0 as usize], n) }
            })
            .collect();
        let info = context! {
            kind => &method.kind,
            description => &method.description,
            aliases => &method.aliases,
            count => reports.len(),
            ..self.method_refs[m.0 as usize].clone()
        };
        context! {
            method => info,
            counties => counties,
            municipalities => self.kommuner_among(reports),
            timeline => self.timeline(reports),
            groups => groups,
        }
    }

    /// Reports per year from the first to the last year of `reports`, zeros included.
    fn timeline(&self, reports: &[ReportIdx]) -> Vec<Value> {
        let mut per_year: std::collections::BTreeMap<u16, usize> =
            std::collections::BTreeMap::new();
        for &r in reports {
            for y in self.site.reports[r as usize]
                .period
                .years(self.site.current_year)
            {
                *per_year.entry(y).or_default() += 1;
            }
        }
        let (Some(&first), Some(&last)) = (per_year.keys().next(), per_year.keys().next_back())
        else {
            return Vec::new();
        };
        (first..=last)
            .map(|y| context! { year => y, url => self.urls.year(y), count => per_year.get(&y).copied().unwrap_or(0) })
            .collect()
    }

    fn counties(&self) -> Value {
        let site = self.site;
        let regions = &site.vocabulary.regions;
        let counties: Vec<Value> = self
            .county_refs
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
            county => Self::counted(&self.county_refs[c.0 as usize], reports.len()),
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
            county => self.county_refs[kommun.county.0 as usize].clone(),
            ..Self::counted(&self.kommun_refs[k.0 as usize], reports.len())
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
        let neighbour = |(&year, list): (&u16, &Vec<ReportIdx>)| {
            context! { year => year, url => self.urls.year(year), count => list.len() }
        };
        let previous = by_year.range(..y).next_back().map(neighbour);
        let next = by_year.range(y + 1..).next().map(neighbour);
        let counties: Vec<Value> = self
            .counties_among(reports)
            .into_iter()
            .map(|(c, n)| Self::counted(&self.county_refs[c.0 as usize], n))
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
    fn search(&self) -> Value {
        let regions = &self.site.vocabulary.regions;
        let pairs = |items: Vec<(&str, &str)>| -> Vec<[String; 2]> {
            items
                .into_iter()
                .map(|(slug, label)| [slug.to_string(), label.to_string()])
                .collect()
        };
        let groups = vec![
            context! {
                key => "lan",
                label => "Län",
                values => pairs(regions.counties.iter().map(|c| (c.slug.as_str(), c.name.as_str())).collect()),
            },
            context! {
                key => "metod",
                label => "Metod",
                values => pairs(self.site.methods.iter().map(|m| (m.id.0.as_str(), m.name.as_str())).collect()),
            },
            context! {
                key => "kommun",
                label => "Kommun",
                values => pairs(regions.municipalities.iter().map(|k| (k.slug.as_str(), k.name.as_str())).collect()),
            },
            context! { key => "ar", label => "År", values => Vec::<[String; 2]>::new() },
        ];
        context! {
            config => context! {
                bundle => self.urls.file("pagefind/"),
                groups => groups,
            },
        }
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
                    method => self.method_refs[m.0 as usize].clone(),
                    total => site.taxonomy.by_method[m.0 as usize].len(),
                    cells => cells,
                }
            })
            .collect();
        context! { matrix => context! { counties => self.county_refs.clone(), rows => rows, totals => totals } }
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

/// Every template a page is rendered with (for checking them up front).
const PAGE_TEMPLATES: [&str; 15] = [
    "index.html",
    "reports.html",
    "report.html",
    "methods.html",
    "method.html",
    "counties.html",
    "county.html",
    "municipality.html",
    "years.html",
    "year.html",
    "matrix.html",
    "search.html",
    "404.html",
    "feed.xml",
    "sitemap.xml",
];

/// The fragment id of a county's section on a method page (`lan-07`).
pub fn county_anchor(code: &str) -> String {
    format!("lan-{code}")
}

fn environment(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    options: RenderOptions,
    cards: CardCache,
) -> Environment<'static> {
    let mut env = Environment::new();
    let loader_theme = theme.clone();
    env.set_loader(move |name| match loader_theme.template_source(name) {
        Ok(found) => Ok(found),
        Err(err) => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("cannot read template {name}: {err}"),
        )),
    });
    // Every text a template writes is made publishable (see `crate::text`): values from
    // site.yaml, the vocabulary or a theme's own data reach pages without the report loader.
    env.set_formatter(|out, state, value| {
        let Some(text) = value.as_str() else {
            return minijinja::escape_formatter(out, state, value);
        };
        let clean = crate::text::publishable(text);
        if matches!(state.auto_escape(), minijinja::AutoEscape::Html) && !value.is_safe() {
            crate::html::escape_into(out, &clean).map_err(|e| {
                minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())
            })
        } else if let std::borrow::Cow::Owned(clean) = clean {
            let clean = if value.is_safe() {
                Value::from_safe_string(clean)
            } else {
                Value::from(clean)
            };
            minijinja::escape_formatter(out, state, &clean)
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env.add_function(
        "card",
        move |state: &minijinja::State, report: Value, level: Option<i64>| {
            let level = level.unwrap_or(3);
            let key = (report.get_attr("url")?.to_string(), level);
            if let Some(found) = cards.get(&key) {
                return Ok(found);
            }
            let macros = state.env().get_template("macros.html")?;
            let html = macros
                .render_captured(())?
                .state()
                .call_macro("report_card", &[report, Value::from(level)])?;
            let html = Value::from_safe_string(html);
            cards.insert(key, html.clone());
            Ok(html)
        },
    );
    let origin = site.config.origin().to_string();
    env.add_function("absolute", move |url: String| format!("{origin}{url}"));
    let config = &site.config;
    let counts = context! {
        reports => site.reports.len(),
        methods => site.used_methods().count(),
        counties => site.used_counties().count(),
        municipalities => site.used_municipalities().count(),
    };
    let site_urls = context! {
        home => urls.home(),
        reports => urls.reports(),
        methods => urls.methods(),
        counties => urls.counties(),
        years => urls.years(),
        matrix => urls.matrix(),
        // None in a build without the search page; the theme hides its links then.
        search => options.search_page.then(|| urls.search()),
        reports_json => urls.file("data/reports.json"),
        matrix_csv => urls.file("data/matrix.csv"),
        feed => urls.file("feed.xml"),
        sitemap => urls.file("sitemap.xml"),
        stylesheet => urls.file("style.css"),
        search_script => urls.file("search.js"),
        favicon => urls.file("favicon.svg"),
    };
    env.add_global(
        "site",
        context! {
            title => &config.title,
            description => &config.description,
            base_url => &config.base_url,
            base_path => config.base_path(),
            language => &config.language,
            generator => concat!("fouweb ", env!("CARGO_PKG_VERSION")),
            urls => site_urls,
            counts => counts,
        },
    );
    env
}
