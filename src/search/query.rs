//! Answers a search from the index `fouweb build` wrote: full text in Swedish plus filters by
//! county, method, municipality and year, with facet counts.
//!
//! Each query word must match (AND). A word matches its own stem in the title, the metadata
//! and the body (ranked in that order), the same with å/ä/ö folded, and — ranked below those —
//! any longer word starting with its stem, so that "barngrupp" finds "barngruppsverksamhet".
//! Within a filter group values combine with OR, across groups with AND.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, InvertedIndexRangeQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, TantivyDocument, Value};
use tantivy::{Index, IndexReader, Term};

use crate::vocabulary::{or_list, slugify, Vocabulary};

use super::analyzer::{self, terms};
use super::index::{county_facet, IndexMeta, META_FILE};
use super::schema::{self, Fields};
use super::snippet::{best_passage, QueryWord};
use super::SearchError;

/// What to look for. Filter values are written as in frontmatter (names, aliases, codes).
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub query: String,
    pub counties: Vec<String>,
    pub methods: Vec<String>,
    pub municipalities: Vec<String>,
    pub years: Vec<String>,
    pub limit: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub score: f32,
    /// County names.
    pub counties: Vec<String>,
    /// Method ids.
    pub methods: Vec<String>,
    pub period: String,
    /// HTML: the best passage with the query's words in `<b>`, or the summary.
    pub snippet: String,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Facets {
    /// County name → reports.
    pub county: BTreeMap<String, u64>,
    /// Method id → reports.
    pub method: BTreeMap<String, u64>,
    /// Year → reports active in it.
    pub year: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Response {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// An open index, ready for many queries.
pub struct Searcher {
    reader: IndexReader,
    fields: Fields,
    meta: IndexMeta,
    facet_table: FacetTable,
    swedish: tantivy::tokenizer::TextAnalyzer,
    folded: tantivy::tokenizer::TextAnalyzer,
}

/// Stems at least this long also match longer words that start with them.
const MIN_PREFIX_CHARS: usize = 4;

impl Searcher {
    /// Opens the index at `dir` (see [`super::index_dir`]).
    pub fn open(dir: &Path) -> Result<Searcher, SearchError> {
        let meta_path = dir.join(META_FILE);
        let meta_text = std::fs::read_to_string(&meta_path)
            .map_err(|_| SearchError::NoIndex(dir.to_path_buf()))?;
        let meta: IndexMeta =
            serde_json::from_str(&meta_text).map_err(|_| SearchError::Stale(dir.to_path_buf()))?;
        if meta.version != schema::VERSION {
            return Err(SearchError::Stale(dir.to_path_buf()));
        }
        let index = Index::open_in_dir(dir).map_err(SearchError::index)?;
        analyzer::register(index.tokenizers());
        let reader = index.reader().map_err(SearchError::index)?;
        Ok(Searcher::new(reader, meta))
    }

    /// A searcher over `reader`'s index, whose facet table is `meta`.
    pub(super) fn new(reader: IndexReader, meta: IndexMeta) -> Searcher {
        let (_, fields) = schema::build();
        Searcher {
            reader,
            fields,
            facet_table: FacetTable::new(&meta),
            meta,
            swedish: analyzer::swedish(),
            folded: analyzer::folded(),
        }
    }

    pub fn search(
        &self,
        request: &Request,
        vocabulary: &Vocabulary,
    ) -> Result<Response, SearchError> {
        let f = &self.fields;
        let words = self.analyze(&request.query);
        let text = self.text_query(&words);
        let filters = self.filters(request, vocabulary)?;
        let has_text = text.is_some();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        clauses.extend(text.map(|q| (Occur::Must, q)));
        clauses.extend(filters.into_iter().map(|q| (Occur::Must, q)));
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else {
            if !has_text {
                // Filters alone: every report matching them, with equal scores.
                clauses.push((Occur::Must, Box::new(AllQuery)));
            }
            Box::new(BooleanQuery::new(clauses))
        };

        let searcher = self.reader.searcher();
        let limit = request.limit.max(1);
        let (top, matched): (Vec<(f32, tantivy::DocAddress)>, _) = if has_text {
            // One pass for both the ranking and the facets.
            searcher
                .search(
                    &query,
                    &(TopDocs::with_limit(limit).order_by_score(), SlotCollector),
                )
                .map_err(SearchError::index)?
        } else {
            // Nothing to rank by: the matching reports in title order.
            let matched = searcher
                .search(&query, &SlotCollector)
                .map_err(SearchError::index)?;
            let mut listed: Vec<(u32, tantivy::DocAddress)> = matched
                .iter()
                .map(|&(slot, address)| (self.facet_table.rank(slot), address))
                .collect();
            if listed.len() > limit {
                listed.select_nth_unstable_by_key(limit, |&(rank, _)| rank);
                listed.truncate(limit);
            }
            listed.sort_unstable_by_key(|&(rank, _)| rank);
            let top = listed
                .into_iter()
                .map(|(_, address)| (1.0, address))
                .collect();
            (top, matched)
        };

        let (mut swedish, mut folded) = (self.swedish.clone(), self.folded.clone());
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(SearchError::index)?;
            let text_of = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            let all_of = |field| {
                doc.get_all(field)
                    .filter_map(|v| v.as_str())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            let body = doc.get_first(f.body).and_then(|v| v.as_str()).unwrap_or("");
            let snippet = best_passage(body, &words, &mut swedish, &mut folded)
                .unwrap_or_else(|| crate::html::escape(&text_of(f.summary)));
            hits.push(Hit {
                slug: text_of(f.slug),
                title: text_of(f.title),
                url: text_of(f.url),
                score,
                counties: all_of(f.county_name),
                methods: all_of(f.method_id),
                period: text_of(f.period),
                snippet,
            });
        }
        Ok(Response {
            total: matched.len(),
            hits,
            facets: self.facets(&matched),
        })
    }

    /// Facet counts of the matched reports (by their slot), from the table beside the index.
    fn facets(&self, matched: &[(u64, tantivy::DocAddress)]) -> Facets {
        let table = &self.facet_table;
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

    /// The query's words, analysed; stop words dropped.
    fn analyze(&self, query: &str) -> Vec<QueryWord> {
        let mut swedish = self.swedish.clone();
        let mut folded = self.folded.clone();
        query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|word| QueryWord {
                stems: terms(&mut swedish, word),
                // A word typed with å/ä/ö means exactly that; one typed without may stand for
                // a word with them ("orebro"), so it also matches the folded fields, lower.
                folds: if word.is_ascii() {
                    terms(&mut folded, word)
                } else {
                    Vec::new()
                },
            })
            .filter(|w| !(w.stems.is_empty() && w.folds.is_empty()))
            .collect()
    }

    /// One `Must` clause per query word; `None` for an empty query (or only stop words).
    fn text_query(&self, words: &[QueryWord]) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for QueryWord { stems, folds } in words {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut add = |field, text: &str, boost: f32| {
                let term = Term::from_field_text(field, text);
                let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
                alternatives.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
            };
            for stem in stems {
                add(f.title, stem, 3.0);
                add(f.meta, stem, 2.0);
                add(f.body, stem, 1.0);
            }
            for fold in folds {
                add(f.title_folded, fold, 1.5);
                add(f.meta_folded, fold, 1.0);
                add(f.body_folded, fold, 0.5);
            }
            // Compounds: a longer word that starts with the stem, ranked below exact matches.
            let prefixed = [
                ([f.title, f.meta, f.body], stems.first()),
                (
                    [f.title_folded, f.meta_folded, f.body_folded],
                    folds.first(),
                ),
            ];
            for (fields, stem) in prefixed {
                let Some(stem) = stem.filter(|s| s.chars().count() >= MIN_PREFIX_CHARS) else {
                    continue;
                };
                for (field, boost) in fields.into_iter().zip([0.6, 0.4, 0.3]) {
                    let q = longer_words(field, stem);
                    alternatives.push((Occur::Should, Box::new(BoostQuery::new(q, boost))));
                }
            }
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// One `Must` clause per filter group, its values combined with OR.
    fn filters(
        &self,
        request: &Request,
        vocabulary: &Vocabulary,
    ) -> Result<Vec<Box<dyn Query>>, SearchError> {
        let f = &self.fields;
        let regions = &vocabulary.regions;
        let mut groups: Vec<Vec<Term>> = Vec::new();

        let mut counties = Vec::new();
        for value in &request.counties {
            // Frontmatter spellings, or the URL name the site and its search page use.
            let found = regions
                .find_region(value)
                .map(|m| regions.county_of(m))
                .or_else(|| regions.county_by_slug(value.trim()));
            let code = match found {
                Some(c) => regions.county(c).code.0.clone(),
                None => {
                    return Err(SearchError::UnknownFilter {
                        kind: "county",
                        value: value.clone(),
                        suggestions: regions
                            .suggest_regions(value, 3)
                            .iter()
                            .map(|s| s.to_string())
                            .collect(),
                    })
                }
            };
            counties.push(Term::from_facet(f.county, &county_facet(&code, None)));
        }
        groups.push(counties);

        let mut kommuner = Vec::new();
        for value in &request.municipalities {
            let found = regions
                .find_kommun(value)
                .or_else(|| regions.kommun_by_slug(value.trim()));
            let Some(k) = found else {
                return Err(SearchError::UnknownFilter {
                    kind: "municipality",
                    value: value.clone(),
                    suggestions: regions
                        .suggest_kommuner(value, 3)
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                });
            };
            let kommun = regions.municipality(k);
            let county = regions.county(kommun.county);
            kommuner.push(Term::from_facet(
                f.county,
                &county_facet(&county.code.0, Some(&kommun.code.0)),
            ));
        }
        groups.push(kommuner);

        let mut methods = Vec::new();
        for value in &request.methods {
            let id = match vocabulary.methods.find(value) {
                Some(m) => vocabulary.methods.get(m).id.0.clone(),
                // An id (the URL name) of a method in the vocabulary or of one reports name.
                None if self.meta.methods.contains_key(&slugify(value))
                    || vocabulary
                        .methods
                        .all()
                        .iter()
                        .any(|m| m.id.0 == slugify(value)) =>
                {
                    slugify(value)
                }
                None => {
                    return Err(SearchError::UnknownFilter {
                        kind: "method",
                        value: value.clone(),
                        suggestions: vocabulary.methods.suggest(value, 3),
                    })
                }
            };
            methods.push(Term::from_facet(f.method, &Facet::from_path([id])));
        }
        groups.push(methods);

        let mut years = Vec::new();
        for value in &request.years {
            let year: u16 = value
                .trim()
                .parse()
                .map_err(|_| SearchError::UnknownFilter {
                    kind: "year",
                    value: value.clone(),
                    suggestions: Vec::new(),
                })?;
            years.push(Term::from_facet(
                f.year,
                &Facet::from_path([year.to_string()]),
            ));
        }
        groups.push(years);

        Ok(groups
            .into_iter()
            .filter(|g| !g.is_empty())
            .map(|group| {
                let any: Vec<(Occur, Box<dyn Query>)> = group
                    .into_iter()
                    .map(|t| {
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                        )
                    })
                    .collect();
                Box::new(BooleanQuery::new(any)) as Box<dyn Query>
            })
            .collect())
    }
}

/// Terms of `field` that start with `stem` and are longer: a range of the term dictionary,
/// from just after `stem` to just before the next prefix. Scored as a constant.
fn longer_words(field: tantivy::schema::Field, stem: &str) -> Box<dyn Query> {
    use std::ops::Bound::{Excluded, Unbounded};
    let lower = Term::from_field_text(field, stem);
    let upper = prefix_successor(stem.as_bytes())
        .map(|bytes| Term::from_field_bytes(field, &bytes))
        .map_or(Unbounded, Excluded);
    Box::new(InvertedIndexRangeQuery::new(Excluded(lower), upper))
}

/// The smallest byte string greater than every string starting with `prefix`.
fn prefix_successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut bytes = prefix.to_vec();
    while let Some(last) = bytes.pop() {
        if last < u8::MAX {
            bytes.push(last + 1);
            return Some(bytes);
        }
    }
    None
}

/// The facet values of every report as small numbers, so that counting a result set is a few
/// array increments per report.
struct FacetTable {
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
    fn new(meta: &IndexMeta) -> FacetTable {
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

    fn rank(&self, slot: u64) -> u32 {
        match self.reports.get(slot as usize) {
            Some(Some(report)) => report.rank,
            _ => u32::MAX,
        }
    }
}

/// Collects the slot and address of every matching report.
struct SlotCollector;

struct SegmentSlots {
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

impl SearchError {
    /// "did you mean" text for an unknown filter value.
    pub fn suggestion_hint(suggestions: &[String]) -> String {
        let names: Vec<&str> = suggestions.iter().map(String::as_str).collect();
        if names.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", or_list(&names))
        }
    }
}
