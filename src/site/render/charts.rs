//! The maps and charts of the pages, as template values: which counts and links each one
//! shows. Owns the choice of data per chart; the drawing is [`crate::site::charts`]' and the
//! templates'.

use std::collections::BTreeMap;

use minijinja::context;
use minijinja::value::Value;

use crate::vocabulary::{CountyIdx, KommunIdx};

use super::super::charts::{self, Active, Area, GridRow, MapData};
use super::super::model::{ReportIdx, SiteMethodIdx};
use super::Renderer;

/// A county page's grid shows the methods with the most reports in the county, at most this
/// many (the table beside it lists them all), so that its size stays bounded.
const COUNTY_GRID_ROWS: usize = 15;

impl Renderer<'_> {
    /// Every county with `count(c)` reports and the link `url(c)`, for the national map.
    fn county_areas(
        &self,
        count: impl Fn(CountyIdx) -> usize,
        url: impl Fn(CountyIdx) -> Option<String>,
    ) -> Vec<Area<'_>> {
        let regions = &self.site.vocabulary.regions;
        regions
            .counties
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let idx = CountyIdx(i as u16);
                Area {
                    code: &c.code.0,
                    name: &c.name,
                    count: count(idx) as u32,
                    url: url(idx),
                }
            })
            .collect()
    }

    /// The home page's map: every county by its reports, each linked to its page.
    pub(super) fn home_map(&self) -> Value {
        let site = self.site;
        let regions = &site.vocabulary.regions;
        let areas = self.county_areas(
            |c| site.taxonomy.by_county[c.0 as usize].len(),
            |c| Some(self.urls.county(&regions.county(c).slug)),
        );
        map_value(Some(charts::national(MapData::embedded(), &areas)))
    }

    /// A method page's map (counties by the method's reports, linked to the method × county
    /// pages) and its grid of counties × years.
    pub(super) fn method_charts(&self, m: SiteMethodIdx) -> (Value, Value) {
        let site = self.site;
        let regions = &site.vocabulary.regions;
        let id = &site.method(m).id.0;
        let url = |c: CountyIdx| self.urls.method_county(id, &regions.county(c).slug);
        let count = |c: CountyIdx| site.cell(m, c).len();
        let areas = self.county_areas(count, |c| (count(c) > 0).then(|| url(c)));
        let map = map_value(Some(charts::national(MapData::embedded(), &areas)));
        let rows: Vec<GridRow> = (0..regions.counties.len())
            .map(|c| CountyIdx(c as u16))
            .filter(|&c| count(c) > 0)
            .map(|c| GridRow {
                label: &regions.county(c).name,
                url: url(c),
                total: count(c) as u32,
                per_year: self.active_per_year(site.cell(m, c)),
            })
            .collect();
        (map, self.grid_value(&rows))
    }

    /// A county page's map (its kommuner by reports, linked to their pages, the neighbours
    /// muted) and its grid of methods × years.
    pub(super) fn county_charts(&self, c: CountyIdx) -> (Value, Value) {
        let site = self.site;
        let regions = &site.vocabulary.regions;
        let kommuner: Vec<Area> = regions
            .municipalities
            .iter()
            .enumerate()
            .filter(|(_, k)| k.county == c)
            .map(|(i, k)| Area {
                code: &k.code.0,
                name: &k.name,
                count: site.taxonomy.by_kommun[i].len() as u32,
                url: Some(self.urls.municipality(&k.slug)),
            })
            .collect();
        let neighbours = self.county_areas(|_| 0, |_| None);
        let code = &regions.county(c).code.0;
        let map = charts::county(MapData::embedded(), code, &kommuner, &neighbours);
        let mut methods: Vec<(SiteMethodIdx, &[ReportIdx])> = site
            .used_methods()
            .map(|m| (m, site.cell(m, c)))
            .filter(|(_, reports)| !reports.is_empty())
            .collect();
        // The most used first (as the table beside it), at most COUNTY_GRID_ROWS of them.
        methods.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
        methods.truncate(COUNTY_GRID_ROWS);
        let county_slug = &regions.county(c).slug;
        let rows: Vec<GridRow> = methods
            .into_iter()
            .map(|(m, reports)| GridRow {
                label: &site.method(m).short_name,
                url: self.urls.method_county(&site.method(m).id.0, county_slug),
                total: reports.len() as u32,
                per_year: self.active_per_year(reports),
            })
            .collect();
        (map_value(map), self.grid_value(&rows))
    }

    /// A kommun page's locator map.
    pub(super) fn municipality_locator(&self, k: KommunIdx) -> Value {
        let regions = &self.site.vocabulary.regions;
        let kommun = regions.municipality(k);
        let county = regions.county(kommun.county);
        let counties = self.county_areas(
            |_| 0,
            |c| (c == kommun.county).then(|| self.urls.county(&county.slug)),
        );
        let place = Area {
            code: &kommun.code.0,
            name: &kommun.name,
            count: 0,
            url: None,
        };
        map_value(charts::locator(
            MapData::embedded(),
            &counties,
            &county.code.0,
            &place,
        ))
    }

    /// The sparkline of `reports` over the site's years.
    pub(super) fn sparkline(&self, reports: &[ReportIdx]) -> Value {
        let years = &self.site.taxonomy.by_year;
        let (Some(&first), Some(&last)) = (years.keys().next(), years.keys().next_back()) else {
            return Value::from(());
        };
        let per_year: BTreeMap<u16, u32> = self
            .active_per_year(reports)
            .into_iter()
            .map(|(y, a)| (y, a.count))
            .collect();
        charts::sparkline(&per_year, first, last).map_or(Value::from(()), Value::from_serialize)
    }

    /// Per year, the reports of `reports` active in it (as the year pages count them), and
    /// in the last year of ongoing work, how many of them are ongoing.
    fn active_per_year(&self, reports: &[ReportIdx]) -> BTreeMap<u16, Active> {
        let site = self.site;
        let mut per_year: BTreeMap<u16, Active> = BTreeMap::new();
        for &r in reports {
            let period = &site.report(r).period;
            let years = period.years(site.current_year);
            let last = *years.end();
            for y in years {
                let active = per_year.entry(y).or_default();
                active.count += 1;
                if period.end.is_none() && y == last {
                    active.ongoing += 1;
                }
            }
        }
        per_year
    }

    fn grid_value(&self, rows: &[GridRow]) -> Value {
        charts::year_grid(rows, self.site.current_year)
            .map_or(Value::from(()), Value::from_serialize)
    }
}

fn map_value(map: Option<charts::MapView>) -> Value {
    match map {
        Some(map) => context! { credit => charts::CREDIT, ..Value::from_serialize(map) },
        None => Value::from(()),
    }
}
