//! The derived lists pages show about a set of reports: which methods, counties and kommuner
//! they use (with counts), their years, the newest reports and a report's related ones. Owns
//! the orders of those lists and the bounded window related reports are looked for in.

use minijinja::context;
use minijinja::value::Value;
use std::collections::{BTreeMap, HashMap};

use crate::vocabulary::{CountyIdx, KommunIdx};

use super::super::model::{collation_key, ReportIdx, SiteMethodIdx};
use super::views::counted;
use super::Renderer;

/// How many related reports a report page shows.
const RELATED: usize = 5;
/// Related reports are looked for this many places before and after a report in each of its
/// methods' lists (see [`crate::site::deps`]).
pub const RELATED_WINDOW: usize = 20;

impl Renderer<'_> {
    /// Methods used by `reports`, with counts, most used first.
    pub(super) fn methods_among(&self, reports: &[ReportIdx]) -> Value {
        let mut counts: HashMap<SiteMethodIdx, usize> = HashMap::new();
        for &r in reports {
            for &m in &self.site.report_methods[r.position()] {
                *counts.entry(m).or_default() += 1;
            }
        }
        let mut list: Vec<(SiteMethodIdx, usize)> = counts.into_iter().collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Value::from(
            list.into_iter()
                .map(|(m, n)| counted(&self.views.methods[m.0 as usize], n))
                .collect::<Vec<_>>(),
        )
    }

    /// Counties of `reports`, with counts, in SCB order.
    pub(super) fn counties_among(&self, reports: &[ReportIdx]) -> Vec<(CountyIdx, usize)> {
        let mut counts = vec![0usize; self.views.counties.len()];
        for &r in reports {
            for c in &self.site.report(r).counties {
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
    pub(super) fn kommuner_among(&self, reports: &[ReportIdx]) -> Value {
        let mut counts: HashMap<KommunIdx, usize> = HashMap::new();
        for &r in reports {
            for &k in &self.site.report(r).municipalities {
                *counts.entry(k).or_default() += 1;
            }
        }
        let regions = &self.site.vocabulary.regions;
        let mut list: Vec<(KommunIdx, usize)> = counts.into_iter().collect();
        list.sort_by_cached_key(|(k, _)| collation_key(&regions.municipality(*k).name));
        Value::from(
            list.into_iter()
                .map(|(k, n)| counted(&self.views.kommuner[k.0 as usize], n))
                .collect::<Vec<_>>(),
        )
    }

    /// Every year with reports, with its link and count.
    pub(super) fn counted_years(&self) -> Vec<Value> {
        self.site
            .taxonomy
            .by_year
            .iter()
            .map(|(&y, reports)| self.year_link(y, reports.len()))
            .collect()
    }

    /// A year's link with a count of reports.
    pub(super) fn year_link(&self, year: u16, count: usize) -> Value {
        context! { year => year, url => self.urls.year(year), count => count }
    }

    /// Reports, newest first: latest start, then latest end.
    pub(super) fn newest(&self, limit: usize) -> Vec<ReportIdx> {
        self.newest_of(self.site.report_indices().collect(), limit)
    }

    /// The `limit` newest of `order`, newest first (the order of [`Self::newest`]).
    pub(super) fn newest_of(&self, mut order: Vec<ReportIdx>, limit: usize) -> Vec<ReportIdx> {
        order.sort_by(|&a, &b| {
            let (pa, pb) = (&self.site.report(a).period, &self.site.report(b).period);
            pb.start
                .cmp(&pa.start)
                .then_with(|| pb.latest().cmp(&pa.latest()))
                .then_with(|| a.cmp(&b))
        });
        order.truncate(limit);
        order
    }

    /// Reports per year from the first to the last year of `reports`, zeros included.
    pub(super) fn timeline(&self, reports: &[ReportIdx]) -> Vec<Value> {
        let mut per_year: BTreeMap<u16, usize> = BTreeMap::new();
        for &r in reports {
            for y in self.site.report(r).period.years(self.site.current_year) {
                *per_year.entry(y).or_default() += 1;
            }
        }
        let (Some(&first), Some(&last)) = (per_year.keys().next(), per_year.keys().next_back())
        else {
            return Vec::new();
        };
        (first..=last)
            .map(|y| self.year_link(y, per_year.get(&y).copied().unwrap_or(0)))
            .collect()
    }

    /// Up to five reports sharing the most methods (then counties) with `r`. Only a bounded
    /// window of each method's list is scanned, so the cost per report stays constant.
    pub fn related(&self, r: ReportIdx) -> Vec<ReportIdx> {
        const WINDOW: usize = 2 * RELATED_WINDOW;
        let site = self.site;
        let me = site.report(r);
        let mut scores: HashMap<ReportIdx, u32> = HashMap::new();
        for m in &site.report_methods[r.position()] {
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
            let o = site.report(*other);
            if o.counties.iter().any(|c| me.counties.contains(c)) {
                *score += 1;
            }
        }
        let mut ranked: Vec<(ReportIdx, u32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.into_iter().take(RELATED).map(|(o, _)| o).collect()
    }
}
