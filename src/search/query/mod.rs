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
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, InvertedIndexRangeQuery, Occur, Query,
    TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, TantivyDocument, Value};
use tantivy::{DocAddress, Index, IndexReader, Term};

use crate::vocabulary::{or_list, slugify, Vocabulary};

use super::analyzer::{self, terms};
use super::filters::FilterGroup;
use super::index::{county_facet, IndexMeta, META_FILE};
use super::schema::{self, Fields};
use super::snippet::{best_passage, QueryWord};
use super::SearchError;
use slots::{FacetTable, SlotCollector};

mod slots;

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

impl Request {
    /// The values asked for in a filter group.
    pub fn values(&self, group: FilterGroup) -> &[String] {
        match group {
            FilterGroup::County => &self.counties,
            FilterGroup::Method => &self.methods,
            FilterGroup::Municipality => &self.municipalities,
            FilterGroup::Year => &self.years,
        }
    }

    pub fn values_mut(&mut self, group: FilterGroup) -> &mut Vec<String> {
        match group {
            FilterGroup::County => &mut self.counties,
            FilterGroup::Method => &mut self.methods,
            FilterGroup::Municipality => &mut self.municipalities,
            FilterGroup::Year => &mut self.years,
        }
    }
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

/// The hits to show, (score, address), best first.
type Ranked = Vec<(f32, DocAddress)>;
/// Every matching report, (slot, address).
type Matched = Vec<(u64, DocAddress)>;

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
        let words = self.analyze(&request.query);
        // Every word typed must match: a query of stop words only, or with a word longer than
        // any indexed one, matches nothing (rather than everything, as no text would).
        let unmatchable = words.len() < typed_words(&request.query)
            && (words.is_empty() || has_overlong_word(&request.query));
        let text = if unmatchable {
            Some(Box::new(EmptyQuery) as Box<dyn Query>)
        } else {
            self.text_query(&words)
        };
        let has_text = text.is_some();
        let query = Self::combined(text, self.filters(request, vocabulary)?);
        let searcher = self.reader.searcher();
        let (top, matched) = self.matching(&searcher, &query, has_text, request.limit.max(1))?;
        let (mut swedish, mut folded) = (self.swedish.clone(), self.folded.clone());
        let hits = top
            .into_iter()
            .map(|(score, address)| {
                let doc: TantivyDocument = searcher.doc(address).map_err(SearchError::index)?;
                Ok(self.hit(&doc, score, &words, &mut swedish, &mut folded))
            })
            .collect::<Result<Vec<_>, SearchError>>()?;
        Ok(Response {
            total: matched.len(),
            hits,
            facets: self.facet_table.count(&matched),
        })
    }

    /// The text query and the filter clauses, all of which must match.
    fn combined(text: Option<Box<dyn Query>>, filters: Vec<Box<dyn Query>>) -> Box<dyn Query> {
        let has_text = text.is_some();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        clauses.extend(text.map(|q| (Occur::Must, q)));
        clauses.extend(filters.into_iter().map(|q| (Occur::Must, q)));
        if clauses.is_empty() {
            return Box::new(AllQuery);
        }
        if !has_text {
            // Filters alone: every report matching them, with equal scores.
            clauses.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// The best `limit` matches (by score, or in title order when there is no text to rank
    /// by) and every match's slot, for the facets.
    fn matching(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        has_text: bool,
        limit: usize,
    ) -> Result<(Ranked, Matched), SearchError> {
        if has_text {
            // One pass for both the ranking and the facets.
            let collectors = (TopDocs::with_limit(limit).order_by_score(), SlotCollector);
            return searcher
                .search(query, &collectors)
                .map_err(SearchError::index);
        }
        let matched = searcher
            .search(query, &SlotCollector)
            .map_err(SearchError::index)?;
        Ok((self.in_title_order(&matched, limit), matched))
    }

    /// The first `limit` of `matched` in title order, with equal scores.
    fn in_title_order(
        &self,
        matched: &[(u64, DocAddress)],
        limit: usize,
    ) -> Vec<(f32, DocAddress)> {
        let mut listed: Vec<(u32, DocAddress)> = matched
            .iter()
            .map(|&(slot, address)| (self.facet_table.rank(slot), address))
            .collect();
        if listed.len() > limit {
            listed.select_nth_unstable_by_key(limit, |&(rank, _)| rank);
            listed.truncate(limit);
        }
        listed.sort_unstable_by_key(|&(rank, _)| rank);
        listed
            .into_iter()
            .map(|(_, address)| (1.0, address))
            .collect()
    }

    /// A matching report as a hit, with the best passage for the query's words.
    fn hit(
        &self,
        doc: &TantivyDocument,
        score: f32,
        words: &[QueryWord],
        swedish: &mut tantivy::tokenizer::TextAnalyzer,
        folded: &mut tantivy::tokenizer::TextAnalyzer,
    ) -> Hit {
        let f = &self.fields;
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
        let snippet = best_passage(body, words, swedish, folded)
            .unwrap_or_else(|| crate::html::escape(&text_of(f.summary)));
        Hit {
            slug: text_of(f.slug),
            title: text_of(f.title),
            url: text_of(f.url),
            score,
            counties: all_of(f.county_name),
            methods: all_of(f.method_id),
            period: text_of(f.period),
            snippet,
        }
    }

    /// The query's words, analysed; stop words (and words too long to be indexed) dropped.
    fn analyze(&self, query: &str) -> Vec<QueryWord> {
        let mut swedish = self.swedish.clone();
        let mut folded = self.folded.clone();
        query_words(query)
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

    /// One `Must` clause per filter group with values, its values combined with OR.
    fn filters(
        &self,
        request: &Request,
        vocabulary: &Vocabulary,
    ) -> Result<Vec<Box<dyn Query>>, SearchError> {
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for group in CLAUSE_ORDER {
            let values = request.values(group);
            if values.is_empty() {
                continue;
            }
            let any = values
                .iter()
                .map(|value| {
                    let term = self.filter_term(group, value, vocabulary)?;
                    let query = TermQuery::new(term, IndexRecordOption::Basic);
                    Ok((Occur::Should, Box::new(query) as Box<dyn Query>))
                })
                .collect::<Result<Vec<_>, SearchError>>()?;
            clauses.push(Box::new(BooleanQuery::new(any)));
        }
        Ok(clauses)
    }

    /// The facet term a filter value stands for: frontmatter spellings (names, aliases,
    /// codes) or the URL name the site and its search page use.
    fn filter_term(
        &self,
        group: FilterGroup,
        value: &str,
        vocabulary: &Vocabulary,
    ) -> Result<Term, SearchError> {
        let f = &self.fields;
        let regions = &vocabulary.regions;
        let unknown = |suggestions: Vec<String>| SearchError::UnknownFilter {
            kind: group.kind(),
            value: value.to_string(),
            suggestions,
        };
        let names = |found: Vec<&str>| found.iter().map(|s| s.to_string()).collect();
        match group {
            FilterGroup::County => {
                let found = regions
                    .find_region(value)
                    .map(|m| regions.county_of(m))
                    .or_else(|| regions.county_by_slug(value.trim()));
                let c = found.ok_or_else(|| unknown(names(regions.suggest_regions(value, 3))))?;
                let code = &regions.county(c).code.0;
                Ok(Term::from_facet(f.county, &county_facet(code, None)))
            }
            FilterGroup::Municipality => {
                let found = regions
                    .find_kommun(value)
                    .or_else(|| regions.kommun_by_slug(value.trim()));
                let k = found.ok_or_else(|| unknown(names(regions.suggest_kommuner(value, 3))))?;
                let kommun = regions.municipality(k);
                let county = regions.county(kommun.county);
                let facet = county_facet(&county.code.0, Some(&kommun.code.0));
                Ok(Term::from_facet(f.county, &facet))
            }
            FilterGroup::Method => {
                let id = self
                    .method_id(value, vocabulary)
                    .ok_or_else(|| unknown(vocabulary.methods.suggest(value, 3)))?;
                Ok(Term::from_facet(f.method, &Facet::from_path([id])))
            }
            FilterGroup::Year => {
                let year: u16 = value.trim().parse().map_err(|_| unknown(Vec::new()))?;
                let facet = Facet::from_path([year.to_string()]);
                Ok(Term::from_facet(f.year, &facet))
            }
        }
    }

    /// A method's id: by its names in the vocabulary, or an id (the URL name) of a method in
    /// the vocabulary or of one reports name.
    fn method_id(&self, value: &str, vocabulary: &Vocabulary) -> Option<String> {
        if let Some(m) = vocabulary.methods.find(value) {
            return Some(vocabulary.methods.get(m).id.0.clone());
        }
        let id = slugify(value);
        let known = self.meta.methods.contains_key(&id)
            || vocabulary.methods.all().iter().any(|m| m.id.0 == id);
        known.then_some(id)
    }
}

/// The order of the filter clauses (and so of the first unknown value reported).
const CLAUSE_ORDER: [FilterGroup; 4] = [
    FilterGroup::County,
    FilterGroup::Municipality,
    FilterGroup::Method,
    FilterGroup::Year,
];

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
/// The words as typed: runs of letters and digits.
fn query_words(query: &str) -> impl Iterator<Item = &str> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn typed_words(query: &str) -> usize {
    query_words(query).count()
}

/// True when a typed word is longer than the analyzer keeps: no document can contain it.
fn has_overlong_word(query: &str) -> bool {
    query_words(query).any(|w| w.len() >= analyzer::MAX_TOKEN_BYTES)
}
