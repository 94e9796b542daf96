//! Writes the index files of a Pagefind bundle (the version in `pagefind_facts`) (metadata, word index chunks, filters,
//! fragments) from custom records: the same files the `pagefind` crate's
//! `PagefindIndex::add_custom_record` + `get_files` make, byte for byte once decompressed
//! (`tests` compares the two), but made in one streaming pass over the records on every core.
//!
//! Why not the crate's own indexer: its service API takes records one at a time on one core,
//! clones each record's word map twice and keeps every record's word positions three times
//! over, which made 10 000 reports take 30–38 s and 3 GB. Here each record is split and
//! compressed in parallel, its postings are merged into per-word CBOR runs as it arrives, its
//! fragment is handed on to be written as soon as it is named, and only the compact runs stay
//! in memory.

mod format;
mod merge;
mod page;
mod words;

use std::collections::BTreeMap;
use std::sync::mpsc;

use rayon::prelude::*;

use merge::Merge;
use page::{prepare_page, Page};
use words::WordSplitter;
/// Pagefind's word rules, for the generated-input tests.
#[doc(hidden)]
pub use words::{Indexable, WordSplitter as PagefindWords};

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
    /// gzip level for the files (Pagefind's: `pagefind_facts::GZIP_LEVEL`).
    pub compression: u32,
}

/// The index files, named relative to the bundle folder (the fragments and word chunks apart:
/// they are handed on as they are made).
pub struct IndexFiles {
    /// The metadata file's hash, which `pagefind-entry.json` names.
    pub meta_hash: String,
    /// Records with at least one word (the others are left out, as Pagefind does).
    pub page_count: usize,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Records split at a time; the merge of one batch overlaps the splitting of the next.
const BATCH: usize = 256;

/// Builds the index files for `count` records, made on demand by `record(i)` in any order (an
/// error there stops the index).
/// Each record's fragment file and then each word chunk go to `put` (name relative to the
/// bundle folder, bytes) as soon as they are named; the filter and metadata files come back.
pub fn write_index(
    count: usize,
    record: impl Fn(usize) -> Result<Record, String> + Sync,
    options: &Options,
    put: &mut (dyn FnMut(String, Vec<u8>) -> Result<(), String> + Send),
) -> Result<IndexFiles, String> {
    let mut meta_fields = options.meta_fields.clone();
    meta_fields.sort();
    meta_fields.dedup();
    let splitter = WordSplitter::for_language(&options.language)
        .ok_or_else(|| format!("no word rules for the language {:?}", options.language))?;
    let prepare = |i: usize| prepare_page(record(i)?, &splitter, &meta_fields, options);

    let merged = std::thread::scope(|scope| {
        let (send, receive) = mpsc::sync_channel::<Vec<Result<Option<Page>, String>>>(1);
        // Lent to the merge thread for the fragments, back for the word chunks after it.
        let put = &mut *put;
        let merger = scope.spawn(move || {
            let mut merge = Merge::default();
            for batch in receive {
                for page in batch {
                    if let Some(page) = page? {
                        let (name, bytes) = merge.add(page, &options.language);
                        put(name, bytes)?;
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
    merged.finish(&meta_fields, options, put)
}

#[cfg(test)]
pub(crate) mod tests;
