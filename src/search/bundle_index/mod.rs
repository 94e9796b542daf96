//! Writes the index files of a Pagefind 1.6 bundle (metadata, word index chunks, filters,
//! fragments) from custom records: the same files the `pagefind` crate's
//! `PagefindIndex::add_custom_record` + `get_files` make, byte for byte once decompressed
//! (`tests` compares the two), but made in one streaming pass over the records on every core.
//!
//! Why not the crate's own indexer: its service API takes records one at a time on one core,
//! clones each record's word map twice and keeps every record's word positions three times
//! over, which made 10 000 reports take 30–38 s and 3 GB. Here each record is split and
//! compressed in parallel, its postings are merged into per-word CBOR runs as it arrives, and
//! only those compact runs stay in memory.

mod format;
mod words;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::mpsc;

use hashbrown::HashMap;
use rayon::prelude::*;
use serde::Serialize;

use words::{Indexable, WordSplitter};

/// One search result as Pagefind knows it.
#[derive(Debug, Clone, Hash, Default)]
pub struct Record {
    pub url: String,
    /// Plain text; words are separated by whitespace.
    pub content: String,
    pub meta: BTreeMap<String, String>,
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: BTreeMap<String, String>,
}

pub struct Options {
    /// The records' language code (`sv`); names the files and picks the stemmer.
    pub language: String,
    /// Pagefind's version, written into the metadata for its script to check.
    pub version: String,
    /// Every meta field name any record uses. Pagefind numbers the fields in sorted order
    /// over the whole site, and a record's words are written with those numbers as it streams
    /// by, so the set must be known up front.
    pub meta_fields: Vec<String>,
    /// gzip level for the files (Pagefind: 9).
    pub compression: u32,
}

/// The index files, named relative to the bundle folder.
pub struct IndexFiles {
    /// The metadata file's hash, which `pagefind-entry.json` names.
    pub meta_hash: String,
    /// Records with at least one word (the others are left out, as Pagefind does).
    pub page_count: usize,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Pagefind's word index chunk size: a chunk closes once its postings reach this many entries.
const CHUNK_SIZE: usize = 20_000;
/// Records split at a time; the merge of one batch overlaps the splitting of the next.
const BATCH: usize = 256;
/// Pagefind's weight for an unweighted word (1.0 × 24).
const WORD_WEIGHT: u8 = 24;
/// Distinct words whose entries a thread keeps; emptied when full. (One language only: the
/// splitter's.)
const WORD_CACHE_LIMIT: usize = 200_000;

thread_local! {
    static WORD_CACHE: RefCell<HashMap<String, Vec<Indexable>>> = RefCell::default();
}

/// Builds the index files for `count` records, made on demand by `record(i)` in any order.
pub fn write_index(
    count: usize,
    record: impl Fn(usize) -> Record + Sync,
    options: &Options,
) -> Result<IndexFiles, String> {
    let mut meta_fields = options.meta_fields.clone();
    meta_fields.sort();
    meta_fields.dedup();
    let splitter = WordSplitter::for_language(&options.language)
        .ok_or_else(|| format!("no word rules for the language {:?}", options.language))?;
    let prepare = |i: usize| prepare_page(record(i), &splitter, &meta_fields, options);

    let merged = std::thread::scope(|scope| {
        let (send, receive) = mpsc::sync_channel::<Vec<Result<Option<Page>, String>>>(1);
        let merger = scope.spawn(move || {
            let mut merge = Merge::default();
            for batch in receive {
                for page in batch {
                    if let Some(page) = page? {
                        merge.add(page, &options.language);
                    }
                }
            }
            Ok::<_, String>(merge)
        });
        for start in (0..count).step_by(BATCH) {
            let end = (start + BATCH).min(count);
            let batch: Vec<_> = (start..end).into_par_iter().map(prepare).collect();
            if send.send(batch).is_err() {
                break; // The merge stopped on an error, which join reports.
            }
        }
        drop(send);
        merger
            .join()
            .map_err(|_| "the search bundle's merge thread failed".to_string())?
    })?;
    Ok(merged.finish(&meta_fields, options))
}

/// A record, split and encoded, waiting for its page number.
struct Page {
    words: PageWords,
    filters: BTreeMap<String, Vec<String>>,
    sort: BTreeMap<String, String>,
    fragment_hash: String,
    fragment: Vec<u8>,
    word_count: u32,
}

/// A page's postings of every stem, kept in a few flat buffers rather than a few allocations
/// per word: the merge thread reads them and frees them in one go.
#[derive(Default)]
struct PageWords {
    /// Stems and forms with diacritics, one after another.
    text: String,
    /// Encoded postings, one after another.
    cbor: Vec<u8>,
    words: Vec<PageWord>,
    variants: Vec<(Span, Postings)>,
}

type Span = std::ops::Range<usize>;

/// One stem on a page: its plain form's postings and its forms with diacritics
/// (`PageWords::variants[variants]`).
struct PageWord {
    stem: Span,
    plain: Option<Postings>,
    variants: Span,
}

/// A page's locations of a word, encoded as the last two fields of Pagefind's packed page
/// (`locs`, `meta_locs`) in `PageWords::cbor`; the page number goes in front once known.
#[derive(Clone)]
struct Postings {
    cbor: Span,
    /// Entries, counted as Pagefind counts them for chunk sizes.
    size: usize,
}

impl PageWords {
    fn text(&self, span: &Span) -> &str {
        &self.text[span.clone()]
    }

    fn cbor(&self, postings: &Postings) -> &[u8] {
        &self.cbor[postings.cbor.clone()]
    }

    fn push_text(&mut self, text: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(text);
        start..self.text.len()
    }
}

/// (position, weight) in the text.
type TextLocs = Vec<(u32, u8)>;
/// (field, position) in the metadata.
type MetaLocs = Vec<(u16, u32)>;

#[derive(Default)]
struct Occurrences {
    plain: TextLocs,
    /// Forms with diacritics and their occurrences.
    variants: BTreeMap<String, TextLocs>,
    meta_plain: MetaLocs,
    meta_variants: BTreeMap<String, MetaLocs>,
}

#[derive(Serialize)]
struct Fragment<'a> {
    url: &'a str,
    content: &'a str,
    word_count: usize,
    filters: &'a BTreeMap<String, Vec<String>>,
    meta: &'a BTreeMap<String, String>,
    anchors: [(); 0],
}

fn prepare_page(
    record: Record,
    splitter: &WordSplitter,
    meta_fields: &[String],
    options: &Options,
) -> Result<Option<Page>, String> {
    // Each distinct word of the text is split once per page (and mostly found in the thread's
    // cache): a report repeats most of its words.
    let mut content = String::with_capacity(record.content.len());
    let mut tokens: HashMap<&str, Vec<u32>> = HashMap::default();
    let mut position: u32 = 0;
    for word in record.content.split_whitespace() {
        if word.contains('\u{200B}') {
            let cleaned = word.replace('\u{200B}', "");
            if cleaned.is_empty() {
                continue;
            }
            content.push_str(&cleaned);
        } else {
            content.push_str(word);
        }
        content.push(' ');
        position += 1;
    }
    if content.ends_with(' ') {
        content.pop();
    }
    // `content` is the text with its words joined by single spaces: split it again, so that
    // the words borrow from it, and give each its position.
    for (at, word) in content.split(' ').enumerate() {
        tokens.entry(word).or_default().push(at as u32);
    }
    let word_count = position.max(1);

    let mut stems: HashMap<String, Occurrences> = HashMap::default();
    let mut has_words = false;
    WORD_CACHE.with_borrow_mut(|cache| {
        if cache.len() > WORD_CACHE_LIMIT {
            cache.clear();
        }
        for (word, positions) in tokens {
            let entries = cache.entry(word.to_string()).or_insert_with(|| {
                let mut entries = Vec::new();
                splitter.text_word(word, &mut entries);
                entries
            });
            let parts = entries.iter().filter(|e| e.part).count();
            let part_weight = match u8::try_from(parts) {
                Ok(0) => 0,
                Ok(n) => (WORD_WEIGHT / n).max(1),
                Err(_) => 1,
            };
            for entry in entries.iter() {
                has_words = true;
                let weight = if entry.part { part_weight } else { WORD_WEIGHT };
                let occurrences = stems.entry_ref(entry.stem.as_str()).or_default();
                let located = positions.iter().map(|&p| (p, weight));
                match &entry.original {
                    None => occurrences.plain.extend(located),
                    Some(form) => match occurrences.variants.get_mut(form) {
                        Some(list) => list.extend(located),
                        None => {
                            occurrences.variants.insert(form.clone(), located.collect());
                        }
                    },
                }
            }
        }
    });
    if !has_words {
        return Ok(None);
    }

    let mut entries: Vec<Indexable> = Vec::new();
    for (name, value) in &record.meta {
        let field = meta_fields
            .binary_search(name)
            .map_err(|_| format!("search record meta field {name:?} was not declared"))?
            as u16;
        for (at, word) in value.split_whitespace().enumerate() {
            splitter.word(word, &mut entries);
            for entry in entries.drain(..) {
                let occurrences = stems.entry_ref(entry.stem.as_str()).or_default();
                match entry.original {
                    None => occurrences.meta_plain.push((field, at as u32)),
                    Some(form) => occurrences
                        .meta_variants
                        .entry(form)
                        .or_default()
                        .push((field, at as u32)),
                }
            }
        }
    }

    let mut words = PageWords::default();
    for (stem, occurrences) in stems {
        add_page_word(&mut words, &stem, occurrences);
    }

    let json = serde_json::to_string(&Fragment {
        url: &record.url,
        content: &content,
        word_count: word_count as usize,
        filters: &record.filters,
        meta: &record.meta,
        anchors: [],
    })
    .map_err(|e| format!("cannot encode the search record for {}: {e}", record.url))?;
    Ok(Some(Page {
        words,
        fragment_hash: format!(
            "{}_{}",
            options.language,
            format::full_hash(json.as_bytes())
        ),
        fragment: format::gzip(json.as_bytes(), options.compression),
        filters: record.filters,
        sort: record.sort,
        word_count,
    }))
}

/// Encodes a stem's occurrences on one page the way Pagefind packs them: the plain form's
/// entry, then one per form with diacritics (text forms in order, then forms found only in
/// metadata).
fn add_page_word(words: &mut PageWords, stem: &str, o: Occurrences) {
    let stem = words.push_text(stem);
    let plain = match (o.plain.is_empty(), o.meta_plain.is_empty()) {
        (true, true) => None,
        _ => Some(postings(&mut words.cbor, o.plain, o.meta_plain)),
    };
    let first = words.variants.len();
    let mut meta_variants = o.meta_variants;
    for (form, locs) in o.variants {
        let meta = meta_variants.remove(&form).unwrap_or_default();
        let form = words.push_text(&form);
        let postings = postings(&mut words.cbor, locs, meta);
        words.variants.push((form, postings));
    }
    for (form, meta) in meta_variants {
        let form = words.push_text(&form);
        let postings = postings(&mut words.cbor, Vec::new(), meta);
        words.variants.push((form, postings));
    }
    let variants = first..words.variants.len();
    words.words.push(PageWord {
        stem,
        plain,
        variants,
    });
}

/// Pagefind's location lists. Text: sorted by weight (its default weight 25 first) then
/// position, delta-encoded, with a weight change written as `-(weight + 1)` and an absolute
/// position. Metadata: sorted by field then position, a field change written as
/// `-(field + 1)` and positions delta-encoded within the field. Appended to `cbor`.
fn postings(cbor: &mut Vec<u8>, mut locs: TextLocs, mut meta: MetaLocs) -> Postings {
    let start = cbor.len();
    locs.sort_by_key(|&(position, weight)| (if weight == 25 { 0 } else { weight }, position));
    let mut entries = 0;
    let mut encoded = Vec::with_capacity(locs.len() + 2);
    let mut weight_now = 25;
    let mut last = 0;
    for (position, weight) in locs {
        if weight != weight_now {
            encoded.push(-i32::from(weight) - 1);
            encoded.push(position as i32);
            weight_now = weight;
        } else {
            encoded.push(position.wrapping_sub(last) as i32);
        }
        last = position;
    }
    format::ints(cbor, &encoded);
    entries += encoded.len();

    meta.sort_by_key(|&(field, position)| (field, position));
    encoded.clear();
    let mut field_now = None;
    let mut last = 0;
    for (field, position) in meta {
        if field_now != Some(field) {
            encoded.push(-i32::from(field) - 1);
            field_now = Some(field);
            last = 0;
        }
        encoded.push(position.wrapping_sub(last) as i32);
        last = position;
    }
    format::ints(cbor, &encoded);
    entries += encoded.len();
    Postings {
        cbor: start..cbor.len(),
        size: entries + 1,
    }
}

/// A word's pages, encoded as they arrive in page order (page numbers delta-encoded).
#[derive(Default)]
struct Run {
    pages: usize,
    last_page: usize,
    cbor: Vec<u8>,
}

impl Run {
    fn push(&mut self, page: usize, postings: &[u8]) {
        format::array(&mut self.cbor, 3);
        format::uint(&mut self.cbor, (page - self.last_page) as u64);
        self.cbor.extend_from_slice(postings);
        self.last_page = page;
        self.pages += 1;
    }

    fn encode(&self, out: &mut Vec<u8>) {
        format::array(out, self.pages);
        out.extend_from_slice(&self.cbor);
    }
}

#[derive(Default)]
struct WordRuns {
    plain: Run,
    variants: Vec<(String, Run)>,
    size: usize,
}

#[derive(Default)]
struct Merge {
    words: HashMap<String, WordRuns>,
    filters: BTreeMap<String, BTreeMap<String, Vec<usize>>>,
    sorts: BTreeMap<String, Vec<(String, usize)>>,
    /// (short hash, word count) per page.
    pages: Vec<(String, u32)>,
    fragment_names: hashbrown::HashSet<String>,
    files: Vec<(String, Vec<u8>)>,
}

impl Merge {
    fn add(&mut self, page: Page, language: &str) {
        let number = self.pages.len();
        let page_words = &page.words;
        for word in &page_words.words {
            let runs = self
                .words
                .entry_ref(page_words.text(&word.stem))
                .or_default();
            if let Some(plain) = &word.plain {
                runs.plain.push(number, page_words.cbor(plain));
                runs.size += plain.size;
            }
            for (form, postings) in &page_words.variants[word.variants.clone()] {
                let form = page_words.text(form);
                let bytes = page_words.cbor(postings);
                runs.size += postings.size;
                match runs.variants.iter_mut().find(|(f, _)| f == form) {
                    Some((_, run)) => run.push(number, bytes),
                    None => {
                        let mut run = Run::default();
                        run.push(number, bytes);
                        runs.variants.push((form.to_string(), run));
                        runs.size += 1;
                    }
                }
            }
        }
        for (filter, values) in page.filters {
            let by_value = self.filters.entry(filter).or_default();
            for value in values {
                by_value.entry(value).or_default().push(number);
            }
        }
        for (key, value) in page.sort {
            self.sorts.entry(key).or_default().push((value, number));
        }
        let name = unique_name(&page.fragment_hash, language.len() + 8, 1, |name| {
            self.fragment_names.contains(name)
        });
        self.fragment_names.insert(name.to_string());
        self.files
            .push((format!("fragment/{name}.pf_fragment"), page.fragment));
        self.pages.push((name.to_string(), page.word_count));
    }

    fn finish(self, meta_fields: &[String], options: &Options) -> IndexFiles {
        let Merge {
            words,
            filters,
            sorts,
            pages,
            mut files,
            ..
        } = self;
        let language = options.language.as_str();
        let level = options.compression;
        let short = language.len() + 8;

        let mut words: Vec<(String, WordRuns)> = words.into_iter().collect();
        words.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut chunks: Vec<&[(String, WordRuns)]> = Vec::new();
        let (mut start, mut size) = (0, 0);
        for (i, (_, runs)) in words.iter().enumerate() {
            size += runs.size;
            if size >= CHUNK_SIZE {
                chunks.push(&words[start..=i]);
                (start, size) = (i + 1, 0);
            }
        }
        if start < words.len() {
            chunks.push(&words[start..]);
        }
        let encoded: Vec<(Vec<u8>, String)> = chunks
            .par_iter()
            .map(|chunk| {
                let cbor = encode_chunk(chunk);
                let hash = format!("{language}_{}", format::full_hash(&cbor));
                (format::gzip(&cbor, level), hash)
            })
            .collect();
        let mut ranges = chunk_ranges(&chunks);
        let mut chunk_names: Vec<String> = Vec::new();
        for ((gz, hash), range) in encoded.into_iter().zip(ranges.iter_mut()) {
            let name = unique_name(&hash, short, 2, |n| chunk_names.iter().any(|c| c == n));
            range.2 = name.to_string();
            chunk_names.push(range.2.clone());
            files.push((format!("index/{name}.pf_index"), gz));
        }

        let mut filter_names: Vec<(String, String)> = Vec::new();
        for (filter, values) in &filters {
            let mut cbor = Vec::new();
            format::array(&mut cbor, 2);
            format::text(&mut cbor, filter);
            format::array(&mut cbor, values.len());
            for (value, pages) in values {
                format::array(&mut cbor, 2);
                format::text(&mut cbor, value);
                format::array(&mut cbor, pages.len());
                for &page in pages {
                    format::uint(&mut cbor, page as u64);
                }
            }
            let hash = format!("{language}_{}", format::full_hash(&cbor));
            let name = unique_name(&hash, short, 2, |n| filter_names.iter().any(|f| f.1 == n));
            filter_names.push((filter.clone(), name.to_string()));
            files.push((
                format!("filter/{name}.pf_filter"),
                format::gzip(&cbor, level),
            ));
        }

        let mut meta = Vec::new();
        format::array(&mut meta, 6);
        format::text(&mut meta, &options.version);
        format::array(&mut meta, pages.len());
        for (hash, word_count) in &pages {
            format::array(&mut meta, 3);
            format::text(&mut meta, hash);
            format::uint(&mut meta, u64::from(*word_count));
            format::text(&mut meta, "");
        }
        format::array(&mut meta, ranges.len());
        for (from, to, hash) in &ranges {
            format::array(&mut meta, 3);
            format::text(&mut meta, from);
            format::text(&mut meta, to);
            format::text(&mut meta, hash);
        }
        format::array(&mut meta, filter_names.len());
        for (filter, hash) in &filter_names {
            format::array(&mut meta, 2);
            format::text(&mut meta, filter);
            format::text(&mut meta, hash);
        }
        format::array(&mut meta, sorts.len());
        for (key, mut values) in sorts {
            sort_values(&mut values);
            format::array(&mut meta, 2);
            format::text(&mut meta, &key);
            format::array(&mut meta, values.len());
            for (_, page) in values {
                format::uint(&mut meta, page as u64);
            }
        }
        format::array(&mut meta, meta_fields.len());
        for field in meta_fields {
            format::text(&mut meta, field);
        }
        let full = format::full_hash(&meta);
        let meta_hash = format!("{language}_{}", &full[..short.min(full.len())]);
        files.push((
            format!("pagefind.{meta_hash}.pf_meta"),
            format::gzip(&meta, level),
        ));

        IndexFiles {
            meta_hash,
            page_count: pages.len(),
            files,
        }
    }
}

/// The shortest prefix of `hash` (at least `min` characters, growing by `step`) that no
/// earlier file took, as Pagefind picks its file names.
fn unique_name(hash: &str, min: usize, step: usize, taken: impl Fn(&str) -> bool) -> &str {
    let mut len = min.min(hash.len());
    while taken(&hash[..len]) && len < hash.len() {
        len = (len + step).min(hash.len());
    }
    &hash[..len]
}

fn encode_chunk(words: &[(String, WordRuns)]) -> Vec<u8> {
    let bytes: usize = words.iter().map(|(_, r)| r.plain.cbor.len() + 16).sum();
    let mut cbor = Vec::with_capacity(bytes);
    format::array(&mut cbor, 1);
    format::array(&mut cbor, words.len());
    for (word, runs) in words {
        format::array(&mut cbor, 3);
        format::text(&mut cbor, word);
        runs.plain.encode(&mut cbor);
        format::array(&mut cbor, runs.variants.len());
        for (form, run) in &runs.variants {
            format::array(&mut cbor, 2);
            format::text(&mut cbor, form);
            run.encode(&mut cbor);
        }
    }
    cbor
}

/// Each chunk's first and last word, cut to the shortest prefixes that still tell
/// neighbouring chunks apart (the script picks the chunk to load by them).
fn chunk_ranges(chunks: &[&[(String, WordRuns)]]) -> Vec<(String, String, String)> {
    let mut ranges: Vec<(String, String, String)> = chunks
        .iter()
        .map(|c| {
            let word = |w: Option<&(String, WordRuns)>| w.map(|w| w.0.clone()).unwrap_or_default();
            (word(c.first()), word(c.last()), String::new())
        })
        .collect();
    for i in 1..ranges.len() {
        let (to, from) = (&ranges[i - 1].1, &ranges[i].0);
        let common = from
            .chars()
            .zip(to.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let to_prefix: String = to.chars().take(common + 1).collect();
        let from_prefix: String = from.chars().take(common + 1).collect();
        if to_prefix >= ranges[i - 1].0 {
            ranges[i - 1].1 = to_prefix;
        }
        ranges[i].0 = from_prefix;
    }
    ranges
}

/// Pages in sort-key order: numerically when every value is a number, else as text; equal
/// values keep page order.
fn sort_values(values: &mut [(String, usize)]) {
    let number = |v: &str| {
        v.parse::<i32>()
            .map(|n| n as f32)
            .or_else(|_| v.parse::<f32>())
            .ok()
    };
    if values.iter().all(|(v, _)| number(v).is_some()) {
        values.sort_by(|a, b| {
            let (a, b) = (number(&a.0).unwrap_or(0.0), number(&b.0).unwrap_or(0.0));
            a.total_cmp(&b)
        });
    } else {
        values.sort_by(|a, b| a.0.cmp(&b.0));
    }
}

#[cfg(test)]
pub(crate) mod tests;
