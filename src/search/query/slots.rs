//! The facet values of every report as small numbers, and the collector that finds the
//! matching reports' slots: counting a result set's facets is a few array increments per
//! report.

use tantivy::DocAddress;

use super::Facets;
use crate::search::index::IndexMeta;
use crate::search::schema;

/// The facet values of every report as small numbers, so that counting a result set is a few
/// array increments per report.
pub(super) struct FacetTable {
    /// County names (by index).
    counties: Vec<String>,
    /// Method ids.
    methods: Vec<String>,
    /// Years as text, from `first_year` on.
    years: Vec<String>,
    first_year: u16,
    /// Per slot: county indices, method indices, first and last year, rank in title order.
    reports: Vec<Option<SlotFacets>>,
}

struct SlotFacets {
    counties: Vec<u32>,
    methods: Vec<u32>,
    years: [u16; 2],
    rank: u32,
}

impl FacetTable {
    /// Facet counts of the matched reports (by their slot).
    pub fn count(&self, matched: &[(u64, DocAddress)]) -> Facets {
        let table = self;
        let mut county = vec![0u64; table.counties.len()];
        let mut method = vec![0u64; table.methods.len()];
        let mut year = vec![0u64; table.years.len()];
        for &(slot, _) in matched {
            let Some(Some(report)) = table.reports.get(slot as usize) else {
                continue;
            };
            for &c in &report.counties {
                county[c as usize] += 1;
            }
            for &m in &report.methods {
                method[m as usize] += 1;
            }
            for y in report.years[0]..=report.years[1] {
                year[(y - table.first_year) as usize] += 1;
            }
        }
        let named = |names: &[String], counts: Vec<u64>| {
            names
                .iter()
                .cloned()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .collect()
        };
        Facets {
            county: named(&table.counties, county),
            method: named(&table.methods, method),
            year: named(&table.years, year),
        }
    }

    pub fn new(meta: &IndexMeta) -> FacetTable {
        let codes: Vec<&String> = meta.counties.keys().collect();
        let ids: Vec<&String> = meta.methods.keys().collect();
        let (first_year, last_year) = meta
            .reports
            .iter()
            .flatten()
            .map(|r| (r.years[0], r.years[1]))
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
            .unwrap_or((0, 0));
        let position =
            |list: &[&String], key: &String| list.binary_search(&key).ok().map(|i| i as u32);
        FacetTable {
            counties: meta.counties.values().cloned().collect(),
            methods: ids.iter().map(|s| s.to_string()).collect(),
            years: (first_year..=last_year.max(first_year))
                .map(|y| y.to_string())
                .collect(),
            first_year,
            reports: meta
                .reports
                .iter()
                .map(|r| {
                    r.as_ref().map(|r| SlotFacets {
                        counties: r
                            .counties
                            .iter()
                            .filter_map(|c| position(&codes, c))
                            .collect(),
                        methods: r.methods.iter().filter_map(|m| position(&ids, m)).collect(),
                        years: [
                            r.years[0].max(first_year),
                            r.years[1].max(r.years[0]).min(last_year),
                        ],
                        rank: r.rank,
                    })
                })
                .collect(),
        }
    }

    pub fn rank(&self, slot: u64) -> u32 {
        match self.reports.get(slot as usize) {
            Some(Some(report)) => report.rank,
            _ => u32::MAX,
        }
    }
}

/// Collects the slot and address of every matching report.
pub(super) struct SlotCollector;

pub(super) struct SegmentSlots {
    segment: tantivy::SegmentOrdinal,
    column: tantivy::columnar::Column<u64>,
    found: Vec<(u64, tantivy::DocAddress)>,
}

impl tantivy::collector::Collector for SlotCollector {
    type Fruit = Vec<(u64, tantivy::DocAddress)>;
    type Child = SegmentSlots;

    fn for_segment(
        &self,
        segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentSlots> {
        Ok(SegmentSlots {
            segment,
            column: reader.fast_fields().u64(schema::SLOT)?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.concat())
    }
}

impl tantivy::collector::SegmentCollector for SegmentSlots {
    type Fruit = Vec<(u64, tantivy::DocAddress)>;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        if let Some(slot) = self.column.first(doc) {
            self.found
                .push((slot, tantivy::DocAddress::new(self.segment, doc)));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}
