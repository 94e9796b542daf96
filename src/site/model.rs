//! The site model: validated reports plus the taxonomies every page is built from (method,
//! county, sub-region, municipality, year, and the method × county matrix).
//!
//! A pure function of the inputs; building it is linear in the number of (report, term) pairs.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::config::SiteConfig;
use crate::content::{MethodRef, Report};
use crate::vocabulary::{CountyIdx, KommunIdx, MethodId, MethodIdx, Vocabulary};

/// Index of a report in [`Site::reports`]. A type of its own so that a position in some other
/// list (a method's reports, a page of a list) cannot be passed where a report is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReportIdx(u32);

impl ReportIdx {
    /// The report at `position` in [`Site::reports`]. A site holds far fewer than 2³² reports
    /// (the whole list is in memory), so the narrowing cannot lose a report in practice.
    pub fn at(position: usize) -> Self {
        Self(position as u32)
    }

    /// The position in [`Site::reports`].
    pub fn position(self) -> usize {
        self.0 as usize
    }

    /// The position as stored in search indexes (their slots and ranks are 32-bit).
    pub fn as_u32(self) -> u32 {
        self.0
    }

    /// Every report of a site with `count` reports, in the site's order.
    pub fn all(count: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator {
        (0..count).map(Self::at)
    }
}

impl From<ReportIdx> for u64 {
    fn from(r: ReportIdx) -> u64 {
        u64::from(r.0)
    }
}

/// Index of a method in [`Site::methods`]: the vocabulary's methods first (same order), then the
/// unknown ones the reports use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SiteMethodIdx(pub u32);

/// A method as the site shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteMethod {
    pub id: MethodId,
    pub name: String,
    pub short_name: String,
    pub kind: String,
    pub description: String,
    pub aliases: Vec<String>,
    /// False for a method an editor wrote that is not in the vocabulary.
    pub known: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    /// Per site method, the reports using it.
    pub by_method: Vec<Vec<ReportIdx>>,
    /// Per county (SCB order).
    pub by_county: Vec<Vec<ReportIdx>>,
    /// Per sub-region.
    pub by_subregion: Vec<Vec<ReportIdx>>,
    /// Per municipality (SCB order).
    pub by_kommun: Vec<Vec<ReportIdx>>,
    /// Per calendar year, the reports active in it.
    pub by_year: BTreeMap<u16, Vec<ReportIdx>>,
    /// Per method and county with at least one report, the reports using the method in the
    /// county: the cells of the matrix.
    pub by_method_county: BTreeMap<(SiteMethodIdx, CountyIdx), Vec<ReportIdx>>,
}

#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub vocabulary: Vocabulary,
    /// Sorted by title (Swedish order), then slug: every list built from it is sorted too.
    pub reports: Vec<Report>,
    pub methods: Vec<SiteMethod>,
    /// Per report, its methods as site method indices (parallel to `reports`).
    pub report_methods: Vec<Vec<SiteMethodIdx>>,
    pub taxonomy: Taxonomy,
    /// The year ongoing projects run to.
    pub current_year: u16,
}

/// What a report's Markdown body was when the site was loaded: its length and CRC-32, to tell
/// whether the file read again still holds it, and to key the search indexes by it. (A
/// checksum, not a cryptographic hash: it guards against edits, not against an adversary.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BodyCheck {
    len: usize,
    crc: u32,
}

impl BodyCheck {
    pub fn of(body: &str) -> BodyCheck {
        BodyCheck {
            len: body.len(),
            crc: crc32fast::hash(body.as_bytes()),
        }
    }
}

impl Site {
    /// Empties every report's body (a build's pages are written; the search steps read the
    /// bodies again from their files) and returns what each was, in report order.
    pub fn release_bodies(&mut self) -> Vec<BodyCheck> {
        use rayon::prelude::*;
        self.reports
            .par_iter_mut()
            .map(|report| {
                let check = BodyCheck::of(&report.body);
                report.body = "".into();
                check
            })
            .collect()
    }

    pub fn new(
        config: SiteConfig,
        vocabulary: Vocabulary,
        mut reports: Vec<Report>,
        current_year: u16,
    ) -> Site {
        reports.sort_by_cached_key(|r| (collation_key(&r.title), r.slug.clone()));
        let (methods, unknown_index) = site_methods(&vocabulary, &reports);
        let known_count = vocabulary.methods.all().len();
        let report_methods: Vec<Vec<SiteMethodIdx>> = reports
            .iter()
            .map(|r| {
                r.methods
                    .iter()
                    .filter_map(|m| match m {
                        MethodRef::Known(MethodIdx(i)) if (*i as usize) < known_count => {
                            Some(SiteMethodIdx(*i))
                        }
                        MethodRef::Known(_) => None,
                        MethodRef::Unknown { id, .. } => unknown_index.get(id).copied(),
                    })
                    .collect()
            })
            .collect();
        let taxonomy = Taxonomy::new(
            &vocabulary,
            methods.len(),
            &reports,
            &report_methods,
            current_year,
        );
        Site {
            config,
            vocabulary,
            reports,
            methods,
            report_methods,
            taxonomy,
            current_year,
        }
    }

    pub fn report(&self, r: ReportIdx) -> &Report {
        &self.reports[r.position()]
    }

    /// Every report's index, in the site's order.
    pub fn report_indices(&self) -> impl DoubleEndedIterator<Item = ReportIdx> + ExactSizeIterator {
        ReportIdx::all(self.reports.len())
    }

    pub fn method(&self, idx: SiteMethodIdx) -> &SiteMethod {
        &self.methods[idx.0 as usize]
    }

    /// Every report's index by its URL name.
    pub fn reports_by_slug(&self) -> HashMap<&str, ReportIdx> {
        self.reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug.as_str(), ReportIdx::at(i)))
            .collect()
    }

    /// Methods with at least one report.
    pub fn used_methods(&self) -> impl Iterator<Item = SiteMethodIdx> + '_ {
        (0..self.methods.len())
            .filter(|&i| !self.taxonomy.by_method[i].is_empty())
            .map(|i| SiteMethodIdx(i as u32))
    }

    /// Counties with at least one report.
    pub fn used_counties(&self) -> impl Iterator<Item = CountyIdx> + '_ {
        (0..self.taxonomy.by_county.len())
            .filter(|&i| !self.taxonomy.by_county[i].is_empty())
            .map(|i| CountyIdx(i as u16))
    }

    /// Municipalities with at least one report.
    pub fn used_municipalities(&self) -> impl Iterator<Item = KommunIdx> + '_ {
        (0..self.taxonomy.by_kommun.len())
            .filter(|&i| !self.taxonomy.by_kommun[i].is_empty())
            .map(|i| KommunIdx(i as u16))
    }

    /// The reports using `method` in `county`: one cell of the matrix.
    pub fn cell(&self, method: SiteMethodIdx, county: CountyIdx) -> &[ReportIdx] {
        self.taxonomy
            .by_method_county
            .get(&(method, county))
            .map_or(&[], Vec::as_slice)
    }

    /// Method × county report counts, for methods with reports: `(method, per-county counts)`.
    pub fn matrix(&self) -> Vec<(SiteMethodIdx, Vec<u32>)> {
        let counties = self.vocabulary.regions.counties.len();
        let mut rows: Vec<(SiteMethodIdx, Vec<u32>)> = self
            .used_methods()
            .map(|m| {
                let counts = (0..counties)
                    .map(|c| self.cell(m, CountyIdx(c as u16)).len() as u32)
                    .collect();
                (m, counts)
            })
            .collect();
        rows.sort_by_cached_key(|(m, _)| collation_key(&self.method(*m).name));
        rows
    }
}

/// The site's methods: the vocabulary's (same order), then the unknown ones `reports` use,
/// with the index of each unknown one by its URL name.
fn site_methods(
    vocabulary: &Vocabulary,
    reports: &[Report],
) -> (Vec<SiteMethod>, HashMap<MethodId, SiteMethodIdx>) {
    let mut methods: Vec<SiteMethod> = vocabulary
        .methods
        .all()
        .iter()
        .map(|m| SiteMethod {
            id: m.id.clone(),
            name: m.name.clone(),
            short_name: m.short_name.clone(),
            kind: m.kind.clone(),
            description: m.description.clone(),
            aliases: m.aliases.clone(),
            known: true,
        })
        .collect();
    // Unknown spellings with the same URL name are one method, named as first written.
    let mut unknown: BTreeMap<&MethodId, &str> = BTreeMap::new();
    for r in reports {
        for m in &r.methods {
            if let MethodRef::Unknown { id, name } = m {
                unknown.entry(id).or_insert(name);
            }
        }
    }
    let mut unknown_index: HashMap<MethodId, SiteMethodIdx> = HashMap::new();
    for (id, name) in unknown {
        unknown_index.insert(id.clone(), SiteMethodIdx(methods.len() as u32));
        methods.push(SiteMethod {
            id: id.clone(),
            name: name.to_string(),
            short_name: name.to_string(),
            kind: String::new(),
            description: String::new(),
            aliases: Vec::new(),
            known: false,
        });
    }
    (methods, unknown_index)
}

impl Taxonomy {
    /// The reports of each term, in the order of `reports`.
    fn new(
        vocabulary: &Vocabulary,
        method_count: usize,
        reports: &[Report],
        report_methods: &[Vec<SiteMethodIdx>],
        current_year: u16,
    ) -> Taxonomy {
        let regions = &vocabulary.regions;
        let mut taxonomy = Taxonomy {
            by_method: vec![Vec::new(); method_count],
            by_county: vec![Vec::new(); regions.counties.len()],
            by_subregion: vec![Vec::new(); regions.subregions.len()],
            by_kommun: vec![Vec::new(); regions.municipalities.len()],
            by_year: BTreeMap::new(),
            by_method_county: BTreeMap::new(),
        };
        for (i, r) in reports.iter().enumerate() {
            let position = i;
            let i = ReportIdx::at(position);
            for &m in &report_methods[position] {
                taxonomy.by_method[m.0 as usize].push(i);
                for &c in &r.counties {
                    taxonomy.by_method_county.entry((m, c)).or_default().push(i);
                }
            }
            for c in &r.counties {
                taxonomy.by_county[c.0 as usize].push(i);
            }
            for s in &r.subregions {
                taxonomy.by_subregion[s.0 as usize].push(i);
            }
            for k in &r.municipalities {
                taxonomy.by_kommun[k.0 as usize].push(i);
            }
            for year in r.period.years(current_year) {
                taxonomy.by_year.entry(year).or_default().push(i);
            }
        }
        taxonomy
    }
}

/// A sort key that puts å, ä, ö after z, as Swedish readers expect, and ignores case.
pub fn collation_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            'é' | 'è' => 'e',
            'ü' => 'y',
            other => other,
        })
        .collect()
}

/// Which reports changed in the model since the last `Workspace::take_report_changes`: what
/// a search index must update.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportChanges {
    /// Slugs of reports that are new or edited.
    pub changed: BTreeSet<String>,
    /// Slugs of reports that are gone (or were renamed; the new slug is in `changed`).
    pub removed: BTreeSet<String>,
    /// The whole model was rebuilt.
    pub everything: bool,
}

impl ReportChanges {
    pub fn is_empty(&self) -> bool {
        *self == ReportChanges::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_order_puts_a_ring_after_z() {
        let mut names = vec!["Örebro", "Ale", "Åre", "Älvsbyn", "Zeta"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(names, ["Ale", "Zeta", "Åre", "Älvsbyn", "Örebro"]);
    }
}
