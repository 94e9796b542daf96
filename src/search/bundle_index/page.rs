//! One record made ready for the merge: its words split and grouped by stem, each stem's
//! locations encoded as Pagefind packs them, and its fragment (the text shown in results)
//! encoded, hashed and compressed. Runs in parallel, one record per task.

use std::cell::RefCell;
use std::collections::BTreeMap;

use hashbrown::HashMap;
use serde::Serialize;

use super::words::{Indexable, WordSplitter};
use super::{format, Options, Record};
use crate::search::pagefind_facts::{LOCATIONS_START_WEIGHT, WORD_WEIGHT, ZERO_WIDTH_SPACE};

/// Distinct words whose entries a thread keeps; emptied when full. (One language only: the
/// splitter's.)
const WORD_CACHE_LIMIT: usize = 200_000;

thread_local! {
    static WORD_CACHE: RefCell<HashMap<String, Vec<Indexable>>> = RefCell::default();
}

/// A record, split and encoded, waiting for its page number.
pub(super) struct Page {
    pub words: PageWords,
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: BTreeMap<String, String>,
    pub fragment_hash: String,
    pub fragment: Vec<u8>,
    pub word_count: u32,
}

/// A page's postings of every stem, kept in a few flat buffers rather than a few allocations
/// per word: the merge thread reads them and frees them in one go.
#[derive(Default)]
pub(super) struct PageWords {
    /// Stems and forms with diacritics, one after another.
    text: String,
    /// Encoded postings, one after another.
    cbor: Vec<u8>,
    pub words: Vec<PageWord>,
    pub variants: Vec<(Span, Postings)>,
}

pub(super) type Span = std::ops::Range<usize>;

/// One stem on a page: its plain form's postings and its forms with diacritics
/// (`PageWords::variants[variants]`).
pub(super) struct PageWord {
    pub stem: Span,
    pub plain: Option<Postings>,
    pub variants: Span,
}

/// A page's locations of a word, encoded as the last two fields of Pagefind's packed page
/// (`locs`, `meta_locs`) in `PageWords::cbor`; the page number goes in front once known.
pub(super) struct Postings {
    cbor: Span,
    /// Entries, counted as Pagefind counts them for chunk sizes.
    pub size: usize,
}

impl PageWords {
    pub fn text(&self, span: &Span) -> &str {
        &self.text[span.clone()]
    }

    pub fn cbor(&self, postings: &Postings) -> &[u8] {
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

/// Splits and encodes a record; `None` when it has no words to index (Pagefind leaves such
/// records out).
pub(super) fn prepare_page(
    record: Record,
    splitter: &WordSplitter,
    meta_fields: &[String],
    options: &Options,
) -> Result<Option<Page>, String> {
    let (content, word_count) = joined_words(&record.content);
    let Some(mut stems) = text_stems(&content, splitter) else {
        return Ok(None);
    };
    add_meta_stems(&mut stems, &record.meta, meta_fields, splitter)?;
    let mut words = PageWords::default();
    for (stem, occurrences) in stems {
        add_page_word(&mut words, &stem, occurrences);
    }
    let (fragment_hash, fragment) = fragment(&record, &content, word_count, options)?;
    Ok(Some(Page {
        words,
        fragment_hash,
        fragment,
        filters: record.filters,
        sort: record.sort,
        word_count,
    }))
}

/// The text with its words (zero-width spaces removed) joined by single spaces, and its word
/// count (at least 1).
fn joined_words(text: &str) -> (String, u32) {
    let mut content = String::with_capacity(text.len());
    let mut position: u32 = 0;
    for word in text.split_whitespace() {
        if word.contains(ZERO_WIDTH_SPACE) {
            let cleaned = word.replace(ZERO_WIDTH_SPACE, "");
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
    (content, position.max(1))
}

/// Every stem of the joined text with its positions and weights; `None` when no word yields
/// one. Each distinct word is split once per page (and mostly found in the thread's cache): a
/// report repeats most of its words.
fn text_stems(content: &str, splitter: &WordSplitter) -> Option<HashMap<String, Occurrences>> {
    let mut tokens: HashMap<&str, Vec<u32>> = HashMap::default();
    for (at, word) in content.split(' ').enumerate() {
        tokens.entry(word).or_default().push(at as u32);
    }
    let mut stems: HashMap<String, Occurrences> = HashMap::default();
    let mut has_words = false;
    WORD_CACHE.with_borrow_mut(|cache| {
        if cache.len() > WORD_CACHE_LIMIT {
            cache.clear();
        }
        for (word, positions) in tokens {
            let entries = cache.entry_ref(word).or_insert_with(|| {
                let mut entries = Vec::new();
                splitter.text_word(word, &mut entries);
                entries
            });
            has_words |= !entries.is_empty();
            add_text_entries(&mut stems, entries, &positions);
        }
    });
    has_words.then_some(stems)
}

/// A word's entries at its positions: compound parts share the word's weight.
fn add_text_entries(
    stems: &mut HashMap<String, Occurrences>,
    entries: &[Indexable],
    positions: &[u32],
) {
    let parts = entries.iter().filter(|e| e.part).count();
    let part_weight = match u8::try_from(parts) {
        Ok(0) => 0,
        Ok(n) => (WORD_WEIGHT / n).max(1),
        Err(_) => 1,
    };
    for entry in entries {
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

/// The metadata's words, by field number (the field's place among `meta_fields`).
fn add_meta_stems(
    stems: &mut HashMap<String, Occurrences>,
    meta: &BTreeMap<String, String>,
    meta_fields: &[String],
    splitter: &WordSplitter,
) -> Result<(), String> {
    let mut entries: Vec<Indexable> = Vec::new();
    for (name, value) in meta {
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
    Ok(())
}

/// The record's fragment (what a result shows): its hash, which names the file, and its
/// compressed bytes.
fn fragment(
    record: &Record,
    content: &str,
    word_count: u32,
    options: &Options,
) -> Result<(String, Vec<u8>), String> {
    let json = serde_json::to_string(&Fragment {
        url: &record.url,
        content,
        word_count: word_count as usize,
        filters: &record.filters,
        meta: &record.meta,
        anchors: [],
    })
    .map_err(|e| format!("cannot encode the search record for {}: {e}", record.url))?;
    let hash = format!(
        "{}_{}",
        options.language,
        format::full_hash(json.as_bytes())
    );
    Ok((hash, format::gzip(json.as_bytes(), options.compression)))
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

/// Pagefind's location lists. Text: sorted by weight (its start weight first) then
/// position, delta-encoded, with a weight change written as `-(weight + 1)` and an absolute
/// position. Metadata: sorted by field then position, a field change written as
/// `-(field + 1)` and positions delta-encoded within the field. Appended to `cbor`.
fn postings(cbor: &mut Vec<u8>, mut locs: TextLocs, mut meta: MetaLocs) -> Postings {
    let start = cbor.len();
    locs.sort_by_key(|&(position, weight)| {
        let first = weight == LOCATIONS_START_WEIGHT;
        (if first { 0 } else { weight }, position)
    });
    let mut entries = 0;
    let mut encoded = Vec::with_capacity(locs.len() + 2);
    let mut weight_now = LOCATIONS_START_WEIGHT;
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
