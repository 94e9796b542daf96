//! Writes the tantivy index of a site: one document per report, built from the same validated
//! site model as the pages, into a fresh folder (`index.tmp` beside it) that replaces the old
//! index only when complete: a failed index step leaves the previous index answering.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, TantivyDocument};
use tantivy::{Index, IndexWriter};

use crate::site::{ReportIdx, Site, Urls};

use super::schema::{self, Fields};
use super::{analyzer, SearchError};

/// Names the index needs to show facets and hits without the vocabulary: every county and
/// method that occurs, by code or id. Written beside the index as `fouweb.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IndexMeta {
    pub version: u32,
    /// A key of every document and of this table: a build that would write the same index
    /// keeps the one there.
    #[serde(default)]
    pub key: String,
    pub counties: BTreeMap<String, String>,
    pub methods: BTreeMap<String, String>,
    /// Per slot (the `slot` field of a report's document): what the facets count. A slot is
    /// empty after its report was removed from a live index.
    pub reports: Vec<Option<ReportFacets>>,
}

/// The facet values of one report, so that facet counts need no access to the index.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ReportFacets {
    /// Position in title order, for listing reports when there is no query to rank by.
    pub rank: u32,
    pub counties: Vec<String>,
    pub methods: Vec<String>,
    /// First and last year the report was active.
    pub years: [u16; 2],
}

pub const META_FILE: &str = "fouweb.json";

#[derive(Debug, Clone, Copy)]
pub struct IndexStats {
    pub documents: usize,
    pub elapsed: Duration,
    /// The index already there was the same and was kept.
    pub kept: bool,
}

/// Where `fouweb build` keeps the index of the site at `root`: outside the deployed output.
pub fn index_dir(root: &Path) -> PathBuf {
    root.join(".fouweb").join("index")
}

/// Builds the index of `site` at `dir`, replacing any index there.
/// `texts` gives each report's plain text.
pub fn write(site: &Site, texts: super::Texts, dir: &Path) -> Result<IndexStats, SearchError> {
    let started = Instant::now();
    let documents = site.reports.len() as u64;
    let stage = crate::progress::start(crate::progress::Stage::SearchIndex, documents);
    let meta = meta_of(site, |r| Some(u64::from(r)));
    let key = documents_key(site, texts, &meta);
    if same_index_there(dir, &key) {
        stage.tick(documents);
        return Ok(IndexStats {
            documents: site.reports.len(),
            elapsed: started.elapsed(),
            kept: true,
        });
    }
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| SearchError::io(parent, e))?;
    if std::fs::symlink_metadata(dir).is_ok_and(|m| !m.is_dir()) {
        let err = std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "not a folder; fouweb keeps its search index there",
        );
        return Err(SearchError::io(dir, err));
    }
    // Fixed names rather than per process: the next build clears what an interrupted one left
    // (two builds of one site at once are not safe anyway: they share the output's spare).
    let staging = beside(dir, "tmp");
    remove_leftover(&staging)?;
    std::fs::create_dir(&staging).map_err(|e| SearchError::io(&staging, e))?;
    let result = fill(site, texts, &staging, IndexMeta { key, ..meta });
    if let Err(err) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(err);
    }
    let old = beside(dir, "old");
    remove_leftover(&old)?;
    let had_old = dir.exists();
    if had_old {
        if let Err(err) = std::fs::rename(dir, &old) {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(SearchError::io(dir, err));
        }
    }
    if let Err(err) = std::fs::rename(&staging, dir) {
        if had_old {
            let _ = std::fs::rename(&old, dir);
        }
        let _ = std::fs::remove_dir_all(&staging);
        return Err(SearchError::io(dir, err));
    }
    if had_old {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(IndexStats {
        documents: site.reports.len(),
        elapsed: started.elapsed(),
        kept: false,
    })
}

/// `index.tmp` beside the index folder `index`.
fn beside(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
    dir.with_file_name(format!("{name}.{suffix}"))
}

/// Removes the folder an interrupted build left at `path`. Anything else there is not
/// fouweb's and stops the build instead.
fn remove_leftover(path: &Path) -> Result<(), SearchError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => {
            std::fs::remove_dir_all(path).map_err(|e| SearchError::io(path, e))
        }
        Ok(_) => Err(SearchError::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "in the way of the search index (not a folder fouweb left)",
            ),
        )),
        Err(_) => Ok(()),
    }
}

/// A key of the documents `fill` would add and of their facet table `meta`. Each document is
/// made without its text and keyed with its Markdown body's length and CRC-32 instead, which
/// determine the text (for one version of fouweb, which is part of the key): no text is made to
/// find that nothing changed.
fn documents_key(site: &Site, texts: super::Texts, meta: &IndexMeta) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let (schema, fields) = schema::build();
    let urls = Urls::new(&site.config);
    let per_document: Vec<u64> = (0..site.reports.len())
        .into_par_iter()
        .map(|r| {
            let r = ReportIdx::at(r);
            let doc = document(site, &urls, &fields, "", r, u64::from(r));
            let mut h = DefaultHasher::new();
            tantivy::schema::Document::to_json(&doc, &schema).hash(&mut h);
            texts.source_key(site, r).hash(&mut h);
            h.finish()
        })
        .collect();
    let table = serde_json::to_string(meta).unwrap_or_default();
    let mut h = DefaultHasher::new();
    (
        schema::VERSION,
        env!("CARGO_PKG_VERSION"),
        per_document,
        table,
    )
        .hash(&mut h);
    format!("{:016x}", h.finish())
}

/// True when `dir` holds an index of this version made from documents with this `key`.
fn same_index_there(dir: &Path, key: &str) -> bool {
    let Ok(text) = std::fs::read(dir.join(META_FILE)) else {
        return false;
    };
    let Ok(meta) = serde_json::from_slice::<IndexMeta>(&text) else {
        return false;
    };
    meta.version == schema::VERSION
        && meta.key == key
        && Index::open_in_dir(dir).is_ok_and(|index| index.reader().is_ok())
}

/// Writes the index of `site` at `dir`, with `meta` (its facet table) beside it.
fn fill(site: &Site, texts: super::Texts, dir: &Path, meta: IndexMeta) -> Result<(), SearchError> {
    let (schema, fields) = schema::build();
    let index = Index::create_in_dir(dir, schema).map_err(SearchError::index)?;
    analyzer::register(index.tokenizers());
    let mut writer = writer(&index, BUILD_BUDGET)?;
    // A written index is never updated: each report's slot is its place in title order.
    let text_of = |r: ReportIdx| {
        texts
            .of(site, r)
            .map(Cow::Owned)
            .map_err(SearchError::Index)
    };
    add_documents(&mut writer, site, &fields, text_of, u64::from)?;
    writer.commit().map_err(SearchError::index)?;
    writer.wait_merging_threads().map_err(SearchError::index)?;
    let json = serde_json::to_vec(&meta).unwrap_or_default();
    std::fs::write(dir.join(META_FILE), json).map_err(|e| SearchError::io(dir, e))?;
    Ok(())
}

/// Bytes per indexing thread for a build: larger segments, so fewer merges (at 100 000 reports
/// the index step is when the build uses least memory besides).
const BUILD_BUDGET: usize = 120_000_000;
/// Bytes per indexing thread for the dev server's first index, which shares its memory with
/// the served site.
pub(super) const LIVE_BUDGET: usize = 40_000_000;

/// A writer on every core (at most four), each thread with `budget` bytes (tantivy wants at
/// least 15 MB) for its segment before writing it out.
pub(super) fn writer(index: &Index, budget: usize) -> Result<IndexWriter, SearchError> {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    index
        .writer_with_num_threads(threads, threads * budget)
        .map_err(SearchError::index)
}

/// Adds a document for every report of `site`; `text_of` gives each its plain text and
/// `slot_of` its slot.
pub(super) fn add_documents<'t>(
    writer: &mut IndexWriter,
    site: &Site,
    fields: &Fields,
    text_of: impl Fn(ReportIdx) -> Result<Cow<'t, str>, SearchError> + Sync,
    slot_of: impl Fn(ReportIdx) -> u64 + Sync,
) -> Result<(), SearchError> {
    let urls = Urls::new(&site.config);
    // Documents are prepared in parallel a chunk at a time, so that the whole corpus's text is
    // never held twice in memory.
    const CHUNK: usize = 512;
    // Ticks to the stage a build's `write` started; the dev server's updates have none.
    let progress = crate::progress::current();
    for start in (0..site.reports.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(site.reports.len());
        let documents: Vec<TantivyDocument> = (start..end)
            .into_par_iter()
            .map(|r| {
                let r = ReportIdx::at(r);
                Ok(document(site, &urls, fields, &text_of(r)?, r, slot_of(r)))
            })
            .collect::<Result<_, SearchError>>()?;
        for doc in documents {
            writer.add_document(doc).map_err(SearchError::index)?;
        }
        progress.tick((end - start) as u64);
    }
    Ok(())
}

/// The names and facet table of `site`'s index, its reports at the slots `slot_of` gives.
pub(super) fn meta_of(site: &Site, slot_of: impl Fn(ReportIdx) -> Option<u64>) -> IndexMeta {
    let regions = &site.vocabulary.regions;
    let mut meta = IndexMeta {
        version: schema::VERSION,
        ..IndexMeta::default()
    };
    for c in site.used_counties() {
        let county = regions.county(c);
        meta.counties
            .insert(county.code.0.clone(), county.name.clone());
    }
    for m in site.used_methods() {
        let method = site.method(m);
        meta.methods
            .insert(method.id.0.clone(), method.name.clone());
    }
    for (r, (report, methods)) in site.reports.iter().zip(&site.report_methods).enumerate() {
        let r = ReportIdx::at(r);
        let Some(slot) = slot_of(r) else { continue };
        let slot = slot as usize;
        if meta.reports.len() <= slot {
            meta.reports.resize(slot + 1, None);
        }
        let years = report.period.years(site.current_year);
        meta.reports[slot] = Some(ReportFacets {
            rank: r.as_u32(),
            counties: report
                .counties
                .iter()
                .map(|&c| regions.county(c).code.0.clone())
                .collect(),
            methods: methods
                .iter()
                .map(|&m| site.method(m).id.0.clone())
                .collect(),
            years: [*years.start(), *years.end()],
        });
    }
    meta
}

/// The facet of a county (`/18`) or of a municipality under its county (`/18/1884`).
pub fn county_facet(county: &str, kommun: Option<&str>) -> Facet {
    match kommun {
        Some(k) => Facet::from_path([county, k]),
        None => Facet::from_path([county]),
    }
}

/// The document of report `r`; `body` is its plain text.
pub(super) fn document(
    site: &Site,
    urls: &Urls,
    f: &Fields,
    body: &str,
    r: ReportIdx,
    slot: u64,
) -> TantivyDocument {
    let report = site.report(r);
    let regions = &site.vocabulary.regions;
    let mut doc = TantivyDocument::default();
    doc.add_text(f.slug, &report.slug);
    doc.add_u64(f.slot, slot);
    doc.add_text(f.title, &report.title);
    doc.add_text(f.title_folded, &report.title);
    doc.add_text(f.body_folded, body);
    doc.add_text(f.body, body);

    for &c in &report.counties {
        let county = regions.county(c);
        doc.add_facet(f.county, county_facet(&county.code.0, None));
        doc.add_text(f.county_name, &county.name);
    }
    for &k in &report.municipalities {
        let kommun = regions.municipality(k);
        let county = regions.county(kommun.county);
        doc.add_facet(f.county, county_facet(&county.code.0, Some(&kommun.code.0)));
    }
    for &m in &site.report_methods[r.position()] {
        let method = site.method(m);
        doc.add_facet(f.method, Facet::from_path([method.id.0.as_str()]));
        doc.add_text(f.method_id, &method.id.0);
    }
    for year in report.period.years(site.current_year) {
        doc.add_facet(f.year, Facet::from_path([year.to_string()]));
    }
    let meta = metadata_text(site, r);
    doc.add_text(f.meta_folded, &meta);
    doc.add_text(f.meta, meta);

    doc.add_text(f.url, urls.report(&report.slug));
    doc.add_text(f.summary, &report.summary);
    let period = report.period.to_string();
    doc.add_text(f.period, period);
    doc
}

/// The words of a report's frontmatter that search finds it by: places, methods (name and
/// short name), organisation, outcomes, target groups and tags, one per line. Both indexes
/// use it, so that they find the same reports.
pub fn metadata_text(site: &Site, r: ReportIdx) -> String {
    let report = site.report(r);
    let regions = &site.vocabulary.regions;
    let mut meta: Vec<&str> = Vec::new();
    meta.extend(
        report
            .counties
            .iter()
            .map(|&c| regions.county(c).name.as_str()),
    );
    meta.extend(
        report
            .municipalities
            .iter()
            .map(|&k| regions.municipality(k).name.as_str()),
    );
    meta.extend(
        report
            .subregions
            .iter()
            .map(|&s| regions.subregion(s).name.as_str()),
    );
    for &m in &site.report_methods[r.position()] {
        let method = site.method(m);
        meta.push(&method.name);
        meta.push(&method.short_name);
    }
    meta.extend(report.organisation.as_deref());
    meta.extend(report.outcomes.iter().map(String::as_str));
    meta.extend(report.target_groups.iter().map(String::as_str));
    meta.extend(report.tags.iter().map(String::as_str));
    meta.join("\n")
}
