//! The merge of prepared records, in page order, into Pagefind's files: each word's pages
//! appended to its CBOR runs as they arrive, then the word chunks, filters and metadata.

use std::collections::BTreeMap;

use hashbrown::HashMap;
use rayon::prelude::*;

use super::page::Page;
use super::{format, IndexFiles, Options};
use crate::search::pagefind_facts::{
    CHUNK_SIZE, FRAGMENT_NAME_STEP, HASH_DIGITS, INDEX_NAME_STEP, META_EXTENSION,
};

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
pub(super) struct Merge {
    words: HashMap<String, WordRuns>,
    filters: BTreeMap<String, BTreeMap<String, Vec<usize>>>,
    sorts: BTreeMap<String, Vec<(String, usize)>>,
    /// (short hash, word count) per page.
    pages: Vec<(String, u32)>,
    fragment_names: hashbrown::HashSet<String>,
}

impl Merge {
    /// Merges `page` in; returns its fragment file (name and bytes), which the merge does not
    /// keep.
    pub fn add(&mut self, page: Page, language: &str) -> (String, Vec<u8>) {
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
        let name = unique_name(
            &page.fragment_hash,
            short_hash_len(language),
            FRAGMENT_NAME_STEP,
            |name| self.fragment_names.contains(name),
        );
        self.fragment_names.insert(name.to_string());
        self.pages.push((name.to_string(), page.word_count));
        (format!("fragment/{name}.pf_fragment"), page.fragment)
    }

    /// The word index, filter and metadata files. The word chunks go to `put` as they are made
    /// (each chunk's runs freed once it is encoded); the rest, small, come back.
    pub fn finish(
        self,
        meta_fields: &[String],
        options: &Options,
        put: &mut (dyn FnMut(String, Vec<u8>) -> Result<(), String> + Send),
    ) -> Result<IndexFiles, String> {
        let Merge {
            words,
            filters,
            sorts,
            pages,
            ..
        } = self;
        let mut files = Vec::new();
        let chunks = chunk_files(words, options, put)?;
        let filters = filter_files(&filters, options, &mut files);
        let meta = Meta {
            pages: &pages,
            chunks: &chunks,
            filters: &filters,
            sorts,
            meta_fields,
        };
        let meta_hash = meta.file(options, &mut files);
        Ok(IndexFiles {
            meta_hash,
            page_count: pages.len(),
            files,
        })
    }
}

/// The length of a file name's hash before it grows to tell files apart: the language, `_`
/// and Pagefind's number of hex digits.
fn short_hash_len(language: &str) -> usize {
    language.len() + 1 + HASH_DIGITS
}

/// Chunks encoded at a time (on every core) before they are handed on and their runs freed;
/// two in tests, so that the tests' small sites cross batches too.
const CHUNK_BATCH: usize = if cfg!(test) { 2 } else { 32 };

/// The word index files, in word order, each handed to `put` as soon as it is named; returns
/// each chunk's (first word, last word, file hash) for the metadata. The runs of a batch of
/// chunks are freed once it is encoded, so the runs and the compressed files are never all in
/// memory at once.
fn chunk_files(
    words: HashMap<String, WordRuns>,
    options: &Options,
    put: &mut (dyn FnMut(String, Vec<u8>) -> Result<(), String> + Send),
) -> Result<Vec<(String, String, String)>, String> {
    let language = options.language.as_str();
    let mut words: Vec<(String, WordRuns)> = words.into_iter().collect();
    words.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut bounds: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, (_, runs)) in words.iter().enumerate() {
        size += runs.size;
        if size >= CHUNK_SIZE {
            bounds.push(start..i + 1);
            (start, size) = (i + 1, 0);
        }
    }
    if start < words.len() {
        bounds.push(start..words.len());
    }
    let mut ranges = chunk_ranges(&words, &bounds);
    let mut taken = hashbrown::HashSet::new();
    for (batch, batch_ranges) in bounds
        .chunks(CHUNK_BATCH)
        .zip(ranges.chunks_mut(CHUNK_BATCH))
    {
        let encoded: Vec<(Vec<u8>, String)> = batch
            .par_iter()
            .map(|chunk| {
                let cbor = encode_chunk(&words[chunk.clone()]);
                let hash = format!("{language}_{}", format::full_hash(&cbor));
                (format::gzip(&cbor, options.compression), hash)
            })
            .collect();
        for ((gz, hash), range) in encoded.into_iter().zip(batch_ranges.iter_mut()) {
            let name = unique_name(&hash, short_hash_len(language), INDEX_NAME_STEP, |n| {
                taken.contains(n)
            });
            taken.insert(name.to_string());
            put(format!("index/{name}.pf_index"), gz)?;
            range.2 = name.to_string();
        }
        for chunk in batch {
            for (_, runs) in &mut words[chunk.clone()] {
                *runs = WordRuns::default();
            }
        }
    }
    Ok(ranges)
}

/// One file per filter (its values in order, each with its pages); returns (filter, file hash).
fn filter_files(
    filters: &BTreeMap<String, BTreeMap<String, Vec<usize>>>,
    options: &Options,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Vec<(String, String)> {
    let language = options.language.as_str();
    let mut names: Vec<(String, String)> = Vec::new();
    for (filter, values) in filters {
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
        let name = unique_name(&hash, short_hash_len(language), INDEX_NAME_STEP, |n| {
            names.iter().any(|f| f.1 == n)
        });
        let name = name.to_string();
        files.push((
            format!("filter/{name}.pf_filter"),
            format::gzip(&cbor, options.compression),
        ));
        names.push((filter.clone(), name));
    }
    names
}

/// What `pagefind.*.pf_meta` lists: the pages (fragment hash, word count), the word chunks,
/// the filter files, the sort orders and the meta field names.
struct Meta<'a> {
    pages: &'a [(String, u32)],
    chunks: &'a [(String, String, String)],
    filters: &'a [(String, String)],
    sorts: BTreeMap<String, Vec<(String, usize)>>,
    meta_fields: &'a [String],
}

impl Meta<'_> {
    /// Writes the metadata file; returns its hash, which the entry file names.
    fn file(self, options: &Options, files: &mut Vec<(String, Vec<u8>)>) -> String {
        let mut meta = Vec::new();
        format::array(&mut meta, 6);
        format::text(&mut meta, &options.version);
        format::array(&mut meta, self.pages.len());
        for (hash, word_count) in self.pages {
            format::array(&mut meta, 3);
            format::text(&mut meta, hash);
            format::uint(&mut meta, u64::from(*word_count));
            format::text(&mut meta, "");
        }
        format::array(&mut meta, self.chunks.len());
        for (from, to, hash) in self.chunks {
            format::array(&mut meta, 3);
            format::text(&mut meta, from);
            format::text(&mut meta, to);
            format::text(&mut meta, hash);
        }
        format::array(&mut meta, self.filters.len());
        for (filter, hash) in self.filters {
            format::array(&mut meta, 2);
            format::text(&mut meta, filter);
            format::text(&mut meta, hash);
        }
        format::array(&mut meta, self.sorts.len());
        for (key, values) in self.sorts {
            let order = sort_order(values);
            format::array(&mut meta, 2);
            format::text(&mut meta, &key);
            format::array(&mut meta, order.len());
            for page in order {
                format::uint(&mut meta, page as u64);
            }
        }
        format::array(&mut meta, self.meta_fields.len());
        for field in self.meta_fields {
            format::text(&mut meta, field);
        }
        let language = options.language.as_str();
        let full = format::full_hash(&meta);
        let short = short_hash_len(language).min(full.len());
        let meta_hash = format!("{language}_{}", &full[..short]);
        files.push((
            format!("pagefind.{meta_hash}{META_EXTENSION}"),
            format::gzip(&meta, options.compression),
        ));
        meta_hash
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
fn chunk_ranges(
    words: &[(String, WordRuns)],
    chunks: &[std::ops::Range<usize>],
) -> Vec<(String, String, String)> {
    let mut ranges: Vec<(String, String, String)> = chunks
        .iter()
        .map(|c| {
            let word = |w: Option<&(String, WordRuns)>| w.map(|w| w.0.clone()).unwrap_or_default();
            let chunk = &words[c.clone()];
            (word(chunk.first()), word(chunk.last()), String::new())
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
fn sort_order(values: Vec<(String, usize)>) -> Vec<usize> {
    let number = |v: &str| {
        v.parse::<i32>()
            .map(|n| n as f32)
            .or_else(|_| v.parse::<f32>())
            .ok()
    };
    let numbers: Option<Vec<f32>> = values.iter().map(|(v, _)| number(v)).collect();
    match numbers {
        Some(numbers) => {
            let mut keyed: Vec<(f32, usize)> = numbers
                .into_iter()
                .zip(values.iter().map(|v| v.1))
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
            keyed.into_iter().map(|(_, page)| page).collect()
        }
        None => {
            let mut values = values;
            values.sort_by(|a, b| a.0.cmp(&b.0));
            values.into_iter().map(|(_, page)| page).collect()
        }
    }
}
