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
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption, TantivyDocument, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, Order, Term};

use crate::vocabulary::{or_list, slugify, RegionMatch, Vocabulary};

use super::analyzer::{self, terms};
use super::index::{county_facet, IndexMeta, META_FILE};
use super::schema::{self, Fields};
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
        let (_, fields) = schema::build();
        let reader = index.reader().map_err(SearchError::index)?;
        Ok(Searcher {
            reader,
            fields,
            meta,
            swedish: analyzer::swedish(),
            folded: analyzer::folded(),
        })
    }

    pub fn search(
        &self,
        request: &Request,
        vocabulary: &Vocabulary,
    ) -> Result<Response, SearchError> {
        let f = &self.fields;
        let text = self.text_query(&request.query);
        let filters = self.filters(request, vocabulary)?;
        let has_text = text.is_some();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        clauses.extend(text.map(|q| (Occur::Must, q)));
        clauses.extend(filters.into_iter().map(|q| (Occur::Must, q)));
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else if !has_text {
            // Filters alone: every report matching them, with equal scores.
            clauses.push((Occur::Must, Box::new(AllQuery)));
            Box::new(BooleanQuery::new(clauses))
        } else {
            Box::new(BooleanQuery::new(clauses))
        };

        let searcher = self.reader.searcher();
        let limit = request.limit.max(1);
        let facets = |name: &str| {
            let mut c = FacetCollector::for_field(name);
            c.add_facet(Facet::root());
            c
        };
        let counts = (Count, facets("county"), facets("method"), facets("year"));
        let (total, county, method, year) = searcher
            .search(&query, &counts)
            .map_err(SearchError::index)?;

        let top: Vec<(f32, tantivy::DocAddress)> = if has_text {
            searcher
                .search(&query, &TopDocs::with_limit(limit).order_by_score())
                .map_err(SearchError::index)?
        } else {
            searcher
                .search(
                    &query,
                    &TopDocs::with_limit(limit).order_by_u64_field("order", Order::Asc),
                )
                .map_err(SearchError::index)?
                .into_iter()
                .map(|(_, address)| (1.0, address))
                .collect()
        };

        let snippets = if has_text {
            let mut generator =
                SnippetGenerator::create(&searcher, &*query, f.body).map_err(SearchError::index)?;
            generator.set_max_num_chars(220);
            Some(generator)
        } else {
            None
        };
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
            let snippet = snippets
                .as_ref()
                .map(|g| g.snippet_from_doc(&doc))
                .filter(|s| !s.highlighted().is_empty())
                .map(|s| s.to_html())
                .unwrap_or_else(|| html_escape(&text_of(f.summary)));
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
            total,
            hits,
            facets: Facets {
                county: self.named(&county, &self.meta.counties),
                method: top_level(&method),
                year: top_level(&year),
            },
        })
    }

    /// One `Must` clause per query word; `None` for an empty query (or only stop words).
    fn text_query(&self, query: &str) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let mut swedish = self.swedish.clone();
        let mut folded = self.folded.clone();
        let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let stems = terms(&mut swedish, word);
            // A word typed with å/ä/ö means exactly that; one typed without may stand for a word
            // with them ("orebro"), so it also matches the folded fields, ranked lower.
            let folds = if word.is_ascii() {
                terms(&mut folded, word)
            } else {
                Vec::new()
            };
            if stems.is_empty() && folds.is_empty() {
                continue; // a stop word
            }
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut add = |field, text: &str, boost: f32| {
                let term = Term::from_field_text(field, text);
                let q = TermQuery::new(term, IndexRecordOption::WithFreqs);
                alternatives.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
            };
            for stem in &stems {
                add(f.title, stem, 3.0);
                add(f.meta, stem, 2.0);
                add(f.body, stem, 1.0);
            }
            for fold in &folds {
                add(f.title_folded, fold, 1.5);
                add(f.meta_folded, fold, 1.0);
                add(f.body_folded, fold, 0.5);
            }
            // Compounds: a longer word that starts with the stem, ranked below exact matches.
            for (fields, stem) in [
                ([f.title, f.meta, f.body], stems.first()),
                (
                    [f.title_folded, f.meta_folded, f.body_folded],
                    folds.first(),
                ),
            ] {
                let Some(stem) = stem.filter(|s| s.chars().count() >= MIN_PREFIX_CHARS) else {
                    continue;
                };
                for (field, boost) in fields.into_iter().zip([0.6, 0.4, 0.3]) {
                    if let Ok(q) =
                        RegexQuery::from_pattern(&format!("{}.+", regex_escape(stem)), field)
                    {
                        alternatives
                            .push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
                    }
                }
            }
            words.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
        }
        (!words.is_empty()).then(|| Box::new(BooleanQuery::new(words)) as Box<dyn Query>)
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
            let code = match regions.find_region(value) {
                Some(m @ (RegionMatch::County(_) | RegionMatch::Subregion(_))) => {
                    regions.county(regions.county_of(m)).code.0.clone()
                }
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
            let Some(k) = regions.find_kommun(value) else {
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
                None if self.meta.methods.contains_key(&slugify(value)) => slugify(value),
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

    fn named(
        &self,
        counts: &FacetCounts,
        names: &BTreeMap<String, String>,
    ) -> BTreeMap<String, u64> {
        top_level(counts)
            .into_iter()
            .map(|(code, n)| (names.get(&code).cloned().unwrap_or(code), n))
            .collect()
    }
}

/// Counts of the root's children, keyed by their last path segment.
fn top_level(counts: &FacetCounts) -> BTreeMap<String, u64> {
    counts
        .get(Facet::root())
        .filter(|(_, n)| *n > 0)
        .map(|(facet, n)| {
            (
                facet
                    .to_path()
                    .last()
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                n,
            )
        })
        .collect()
}

fn regex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_alphanumeric() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
