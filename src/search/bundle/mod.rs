//! The browser's search index: a Pagefind bundle in `public/pagefind/`, so that `/sok/` works
//! on plain static hosting. Fed one custom record per report from the site model (no HTML is
//! parsed), with the same vocabulary labels the pages show as filters.

mod assets;

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::bundle_index::{self, Options, Record};
use super::filters::FilterGroup;
use super::pagefind_facts::{
    self, CONTENT_NAMED_DIRS, ENTRY_FILE, META_EXTENSION, PRIVATE_MARKER, PRIVATE_WORDS,
};
use crate::site::{ReportIdx, Site, Urls};
use assets::assets;

/// The `pagefind` crate's own indexer over `records`: the bundle the writer must equal.
#[cfg(test)]
pub(crate) fn crate_bundle(records: Vec<Record>) -> Result<Vec<(String, Vec<u8>)>, String> {
    assets::crate_files(records)
}

/// The folder of the bundle inside the output.
pub const BUNDLE_DIR: &str = "pagefind";

#[derive(Debug, Clone, Copy)]
pub struct BundleStats {
    pub records: usize,
    pub files: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    /// The last build's bundle was reused (no record changed).
    pub reused: bool,
}

/// gzip level of the bundle's index files. Pagefind uses `pagefind_facts::GZIP_LEVEL` (9); at 6 the 10 000-report bundle is
/// 0.6 % larger (48.07 MB instead of 47.77 MB) and made 2.3 s sooner.
const COMPRESSION: u32 = 6;

/// Builds the bundle and hands each of its files (path relative to the output, such as
/// `pagefind/pagefind.js`) to `put`.
pub fn build(
    site: &Site,
    texts: super::Texts,
    mut put: impl FnMut(String, Vec<u8>) -> std::io::Result<()> + Send,
) -> Result<BundleStats, String> {
    let started = Instant::now();
    // Ticks to the stage its caller started (`browser::write`, `browser::build_files`).
    let progress = crate::progress::current();
    let assets = assets()?;
    let urls = Urls::new(&site.config);
    let options = Options {
        language: LANGUAGE.to_string(),
        version: assets.version.clone(),
        meta_fields: meta_fields(site),
        compression: COMPRESSION,
    };
    let (mut files, mut bytes) = (0, 0);
    // Fragments and word chunks, written as the index makes them.
    let mut put_index_file = |relative: String, contents: Vec<u8>| {
        files += 1;
        bytes += contents.len() as u64;
        put(format!("{BUNDLE_DIR}/{relative}"), contents)
            .map_err(|e| format!("cannot write {BUNDLE_DIR}/{relative}: {e}"))
    };
    let index = bundle_index::write_index(
        site.reports.len(),
        |r| {
            let r = ReportIdx::at(r);
            let record = record(site, &urls, &texts.of(site, r)?, r);
            progress.tick(1);
            Ok(record)
        },
        &options,
        &mut put_index_file,
    )?;
    let entry = assets.entry(&index.meta_hash, index.page_count)?;
    if crate::console::timings() {
        eprintln!(
            "pagefind: index files made in {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }

    let mut stats = BundleStats {
        records: site.reports.len(),
        files,
        bytes,
        elapsed: Duration::ZERO,
        reused: false,
    };
    let fixed = assets.files.iter().map(|(n, b)| (n.clone(), b.clone()));
    let files = index
        .files
        .into_iter()
        .chain(fixed)
        .chain([(ENTRY_FILE.to_string(), entry)]);
    for (relative, contents) in files {
        stats.files += 1;
        stats.bytes += contents.len() as u64;
        put(format!("{BUNDLE_DIR}/{relative}"), contents)
            .map_err(|e| format!("cannot write {BUNDLE_DIR}/{relative}: {e}"))?;
    }
    stats.elapsed = started.elapsed();
    Ok(stats)
}

/// The records' language: Pagefind's Swedish stemmer and wasm.
const LANGUAGE: &str = "sv";

/// A key for everything the bundle is made from: every record (body, metadata, filters, sort
/// keys) and the versions of fouweb and Pagefind. Equal keys make equal bundles.
pub fn records_key(site: &Site, texts: super::Texts) -> String {
    use rayon::prelude::*;
    use std::hash::{DefaultHasher, Hash, Hasher};
    let urls = Urls::new(&site.config);
    let per_record: Vec<u64> = (0..site.reports.len())
        .into_par_iter()
        .map(|r| {
            let mut h = DefaultHasher::new();
            // The Markdown body's length and hash in place of its plain text, which the body
            // determines (for one version of fouweb, which is part of the key): no text is
            // made to find that nothing changed.
            let r = ReportIdx::at(r);
            record(site, &urls, "", r).hash(&mut h);
            texts.source_key(site, r).hash(&mut h);
            h.finish()
        })
        .collect();
    // Bumped whenever what this module hands Pagefind or keeps of its files changes.
    const FORMAT: u32 = 2;
    let mut h = DefaultHasher::new();
    (
        FORMAT,
        env!("CARGO_PKG_VERSION"),
        format!("pagefind ={}", pagefind_facts::VERSION),
        LANGUAGE,
    )
        .hash(&mut h);
    per_record.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// True for the bundle files (`pagefind/…`) whose names hold a hash of their content: the
/// index chunks, filters, fragments and metadata.
pub fn named_by_content(path: &str) -> bool {
    let Some(relative) = path
        .strip_prefix(BUNDLE_DIR)
        .and_then(|p| p.strip_prefix('/'))
    else {
        return false;
    };
    CONTENT_NAMED_DIRS
        .iter()
        .any(|dir| relative.starts_with(dir))
        || relative.ends_with(META_EXTENSION)
}

/// The meta fields of a record: the script shows them with each result.
const META_TITLE: &str = "title";
const META_PERIOD: &str = "period";
const META_ORGANISATION: &str = "organisation";

/// The meta fields `record` writes on some record, for the writer's field numbers.
fn meta_fields(site: &Site) -> Vec<String> {
    let mut fields = vec![META_TITLE.to_string(), META_PERIOD.to_string()];
    if site.reports.iter().any(|r| r.organisation.is_some()) {
        fields.push(META_ORGANISATION.to_string());
    }
    fields
}

/// Pagefind reads words such as `___PAGEFIND_WEIGHT___2` in a record as instructions and
/// drops them from filters and metadata; an editor's text must not steer it.
fn scrub(text: String) -> String {
    static PRIVATE: OnceLock<Option<regex::Regex>> = OnceLock::new();
    if !text.contains(PRIVATE_MARKER) {
        return text;
    }
    match PRIVATE.get_or_init(|| regex::Regex::new(PRIVATE_WORDS).ok()) {
        Some(private) => private.replace_all(&text, "").into_owned(),
        None => text,
    }
}

/// The record of report `r`, whose body's plain text is `text`.
fn record(site: &Site, urls: &Urls, text: &str, r: ReportIdx) -> Record {
    let report = site.report(r);
    let period = report.period.to_string();

    // The title and the frontmatter's words are part of the text, as in the tantivy index, so
    // that both find the same reports (and excerpts can show where a word was found).
    let metadata = super::metadata_text(site, r).replace('\n', ". ");
    let mut content = String::with_capacity(report.title.len() + text.len() + metadata.len() + 4);
    content.push_str(&report.title);
    content.push_str(". ");
    content.push_str(text);
    content.push(' ');
    content.push_str(&metadata);

    let mut meta = BTreeMap::new();
    meta.insert(META_TITLE.to_string(), report.title.clone());
    meta.insert(META_PERIOD.to_string(), period);
    if let Some(org) = &report.organisation {
        meta.insert(META_ORGANISATION.to_string(), org.clone());
    }
    // Counties and methods reach the page through the record's filters, not repeated here:
    // Pagefind indexes every meta field's words too.

    let filters = FilterGroup::ALL.into_iter().map(|group| {
        let labels = group.report_labels(site, r).into_iter().map(scrub);
        (group.key().to_string(), labels.collect())
    });

    // Browsing by filter alone lists the newest work first, then by title.
    let mut sort = BTreeMap::new();
    sort.insert("year".to_string(), report.period.start.year.to_string());
    sort.insert("title".to_string(), format!("{:06}", r.position()));

    Record {
        url: urls.report(&report.slug),
        content: scrub(content),
        meta: meta.into_iter().map(|(k, v)| (k, scrub(v))).collect(),
        filters: filters.collect(),
        sort,
    }
}

#[cfg(test)]
mod tests;
