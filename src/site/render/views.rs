//! The template values of the things many pages show: a county's, kommun's and method's
//! reference (name and link) and a report's card. Owns the rule that each is turned into a
//! template value once per build and shared by reference afterwards.

use minijinja::context;
use minijinja::value::Value;
use serde::Serialize;
use std::sync::OnceLock;

use super::super::model::{ReportIdx, Site};
use super::super::plan::Urls;
use super::Renderer;

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

/// The references of one build, by index: every county and kommun of the vocabulary and
/// every method of the site.
pub(super) struct Views {
    pub counties: Vec<Value>,
    pub kommuner: Vec<Value>,
    pub methods: Vec<Value>,
    /// Per report, its card (the fields every list shows), made when first needed: a
    /// dev-server rebuild of one report page needs only a few.
    cards: Vec<OnceLock<Value>>,
}

impl Views {
    pub fn new(site: &Site, urls: &Urls) -> Views {
        let regions = &site.vocabulary.regions;
        let counties = regions
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
        let kommuner = regions
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
        let methods = site
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
        Views {
            counties,
            kommuner,
            methods,
            cards: site.reports.iter().map(|_| OnceLock::new()).collect(),
        }
    }
}

impl Renderer<'_> {
    /// The card of report `r`: what a list shows of it.
    pub(super) fn card(&self, r: ReportIdx) -> Value {
        self.views.cards[r.position()]
            .get_or_init(|| self.make_card(r))
            .clone()
    }

    fn make_card(&self, r: ReportIdx) -> Value {
        let site = self.site;
        let regions = &site.vocabulary.regions;
        let report = site.report(r);
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
                .map(|c| self.views.counties[c.0 as usize].clone())
                .collect(),
            subregions: report
                .subregions
                .iter()
                .map(|&s| regions.subregion(s).name.as_str())
                .collect(),
            municipalities: report
                .municipalities
                .iter()
                .map(|k| self.views.kommuner[k.0 as usize].clone())
                .collect(),
            methods: site.report_methods[r.position()]
                .iter()
                .map(|m| self.views.methods[m.0 as usize].clone())
                .collect(),
            tags: &report.tags,
        })
    }

    pub(super) fn cards_of(&self, reports: impl IntoIterator<Item = ReportIdx>) -> Value {
        Value::from(
            reports
                .into_iter()
                .map(|r| self.card(r))
                .collect::<Vec<_>>(),
        )
    }
}

/// `base` (a reference) with a report count.
pub(super) fn counted(base: &Value, count: usize) -> Value {
    context! { count => count, ..base.clone() }
}
