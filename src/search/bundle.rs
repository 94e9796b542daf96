//! The browser's search index: a Pagefind bundle in `public/pagefind/`, so that `/sok/` works
//! on plain static hosting. Fed one custom record per report from the site model (no HTML is
//! parsed), with the same vocabulary labels the pages show as filters.

use std::collections::BTreeMap;
use std::path::{Component, Path};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::bundle_index::{self, Options, Record};
use crate::site::{ReportIdx, Site, Urls};

/// The folder of the bundle inside the output.
pub const BUNDLE_DIR: &str = "pagefind";

/// Filter group names, as the search page's URL and script know them.
pub const FILTER_COUNTY: &str = "lan";
pub const FILTER_KOMMUN: &str = "kommun";
pub const FILTER_METHOD: &str = "metod";
pub const FILTER_YEAR: &str = "ar";

#[derive(Debug, Clone, Copy)]
pub struct BundleStats {
    pub records: usize,
    pub files: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    /// The last build's bundle was reused (no record changed).
    pub reused: bool,
}

/// gzip level of the bundle's index files. Pagefind uses 9; at 6 the 10 000-report bundle is
/// 0.6 % larger (48.07 MB instead of 47.77 MB) and made 2.3 s sooner.
const COMPRESSION: u32 = 6;

/// Builds the bundle and hands each of its files (path relative to the output, such as
/// `pagefind/pagefind.js`) to `put`.
pub fn build(
    site: &Site,
    texts: &[String],
    mut put: impl FnMut(String, Vec<u8>) -> std::io::Result<()>,
) -> Result<BundleStats, String> {
    let started = Instant::now();
    let assets = assets()?;
    let urls = Urls::new(&site.config);
    let options = Options {
        language: LANGUAGE.to_string(),
        version: assets.version.clone(),
        meta_fields: meta_fields(site),
        compression: COMPRESSION,
    };
    let index = bundle_index::write_index(
        site.reports.len(),
        |r| record(site, &urls, texts, r as ReportIdx),
        &options,
    )?;
    let entry = assets.entry(&index.meta_hash, index.page_count)?;
    if std::env::var_os("FOUWEB_TIMINGS").is_some() {
        eprintln!(
            "pagefind: index files made in {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }

    let mut stats = BundleStats {
        records: site.reports.len(),
        files: 0,
        bytes: 0,
        elapsed: Duration::ZERO,
        reused: false,
    };
    let fixed = assets.files.iter().map(|(n, b)| (n.clone(), b.clone()));
    let files = index
        .files
        .into_iter()
        .chain(fixed)
        .chain([(ENTRY.to_string(), entry)]);
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
const ENTRY: &str = "pagefind-entry.json";

/// What the `pagefind` crate ships that does not depend on the records: its script, worker
/// and Swedish wasm, and the facts its entry file carries (version, word characters).
struct Assets {
    files: Vec<(String, Vec<u8>)>,
    version: String,
    wasm: Option<String>,
    include_characters: Vec<char>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct EntryFile {
    version: String,
    languages: BTreeMap<String, EntryLanguage>,
    include_characters: Vec<char>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct EntryLanguage {
    hash: String,
    wasm: Option<String>,
    page_count: usize,
}

impl Assets {
    /// `pagefind-entry.json` for an index: the script starts there.
    fn entry(&self, meta_hash: &str, page_count: usize) -> Result<Vec<u8>, String> {
        let language = EntryLanguage {
            hash: meta_hash.to_string(),
            wasm: self.wasm.clone(),
            page_count,
        };
        let entry = EntryFile {
            version: self.version.clone(),
            languages: BTreeMap::from([(LANGUAGE.to_string(), language)]),
            include_characters: self.include_characters.clone(),
        };
        serde_json::to_vec(&entry).map_err(|e| e.to_string())
    }
}

/// The crate's fixed files, from a one-record bundle made once per process (its index files
/// are dropped).
fn assets() -> Result<&'static Assets, String> {
    static ASSETS: OnceLock<Result<Assets, String>> = OnceLock::new();
    ASSETS
        .get_or_init(|| {
            let files = crate_bundle(vec![Record {
                url: "/".to_string(),
                content: "fouweb".to_string(),
                ..Record::default()
            }])?;
            let mut assets = Assets {
                files: Vec::new(),
                version: String::new(),
                wasm: None,
                include_characters: Vec::new(),
            };
            for (relative, contents) in files {
                if relative == ENTRY {
                    let entry: EntryFile =
                        serde_json::from_slice(&contents).map_err(|e| e.to_string())?;
                    assets.version = entry.version;
                    assets.include_characters = entry.include_characters;
                    assets.wasm = entry.languages.get(LANGUAGE).and_then(|l| l.wasm.clone());
                } else if !named_by_content(&format!("{BUNDLE_DIR}/{relative}"))
                    && needed_by_the_search_page(&relative)
                {
                    assets.files.push((relative, contents));
                }
            }
            if assets.version.is_empty() {
                return Err(format!("the pagefind crate made no {ENTRY}"));
            }
            Ok(assets)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// A bundle made by the `pagefind` crate's own indexer (`add_custom_record` + `get_files`),
/// as (path relative to the bundle folder, contents).
pub(crate) fn crate_bundle(records: Vec<Record>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the indexing runtime: {e}"))?;
    let files = runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .force_language(LANGUAGE.to_string())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for record in records {
            index
                .add_custom_record(
                    record.url,
                    record.content,
                    LANGUAGE.to_string(),
                    Some(record.meta),
                    Some(record.filters),
                    Some(record.sort),
                )
                .await
                .map_err(|e| e.to_string())?;
        }
        index.get_files().await.map_err(|e| e.to_string())
    })?;
    files
        .into_iter()
        .map(|file| match bundle_relative(&file.filename) {
            Some(relative) => Ok((relative, file.contents)),
            None => Err(format!(
                "unexpected file name in the search bundle: {}",
                file.filename.display()
            )),
        })
        .collect()
}

/// A key for everything the bundle is made from: every record (text, metadata, filters, sort
/// keys) and the versions of fouweb and Pagefind. Equal keys make equal bundles.
pub fn records_key(site: &Site, texts: &[String]) -> String {
    use rayon::prelude::*;
    use std::hash::{DefaultHasher, Hash, Hasher};
    let urls = Urls::new(&site.config);
    let per_record: Vec<u64> = (0..site.reports.len())
        .into_par_iter()
        .map(|r| {
            let mut h = DefaultHasher::new();
            record(site, &urls, texts, r as ReportIdx).hash(&mut h);
            h.finish()
        })
        .collect();
    // Bumped whenever what this module hands Pagefind or keeps of its files changes.
    const FORMAT: u32 = 2;
    let mut h = DefaultHasher::new();
    (
        FORMAT,
        env!("CARGO_PKG_VERSION"),
        "pagefind =1.6.0",
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
    ["index/", "filter/", "fragment/"]
        .iter()
        .any(|dir| relative.starts_with(dir))
        || relative.ends_with(".pf_meta")
}

/// The search page uses Pagefind's search API, not its ready-made interfaces: their scripts
/// and styles (and the wasm for unknown languages, as every record is Swedish) are not
/// deployed.
fn needed_by_the_search_page(relative: &str) -> bool {
    let unused = relative.starts_with("pagefind-ui.")
        || relative.starts_with("pagefind-modular-ui.")
        || relative.starts_with("pagefind-component-ui.")
        || relative.starts_with("playground/")
        || relative == "pagefind-highlight.js"
        || relative == "wasm.unknown.pagefind";
    !unused
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
    if !text.contains("PAGEFIND_") {
        return text;
    }
    match PRIVATE.get_or_init(|| regex::Regex::new(r"___(END_)?PAGEFIND_\S*\s?").ok()) {
        Some(private) => private.replace_all(&text, "").into_owned(),
        None => text,
    }
}

fn record(site: &Site, urls: &Urls, texts: &[String], r: ReportIdx) -> Record {
    let report = &site.reports[r as usize];
    let regions = &site.vocabulary.regions;
    let counties: Vec<String> = report
        .counties
        .iter()
        .map(|&c| regions.county(c).name.clone())
        .collect();
    let kommuner: Vec<String> = report
        .municipalities
        .iter()
        .map(|&k| regions.municipality(k).name.clone())
        .collect();
    let methods: Vec<String> = site.report_methods[r as usize]
        .iter()
        .map(|&m| site.method(m).name.clone())
        .collect();
    let years: Vec<String> = report
        .period
        .years(site.current_year)
        .map(|y| y.to_string())
        .collect();
    let period = match report.period.end {
        Some(end) => format!("{} – {}", report.period.start, end),
        None => format!("{} –", report.period.start),
    };

    // The title and the frontmatter's words are part of the text, as in the tantivy index, so
    // that both find the same reports (and excerpts can show where a word was found).
    let text = texts.get(r as usize).map_or("", String::as_str);
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

    let mut filters = BTreeMap::new();
    filters.insert(FILTER_COUNTY.to_string(), counties);
    filters.insert(FILTER_KOMMUN.to_string(), kommuner);
    filters.insert(FILTER_METHOD.to_string(), methods);
    filters.insert(FILTER_YEAR.to_string(), years);

    // Browsing by filter alone lists the newest work first, then by title.
    let mut sort = BTreeMap::new();
    sort.insert("year".to_string(), report.period.start.year.to_string());
    sort.insert("title".to_string(), format!("{r:06}"));

    Record {
        url: urls.report(&report.slug),
        content: scrub(content),
        meta: meta.into_iter().map(|(k, v)| (k, scrub(v))).collect(),
        filters: filters
            .into_iter()
            .map(|(k, v)| (k, v.into_iter().map(scrub).collect()))
            .collect(),
        sort,
    }
}

/// A bundle file's path as `/`-separated text relative to the bundle folder. Pagefind hands
/// out relative names (`fragment/x.pf_fragment`); an absolute one is cut after its last
/// `pagefind` folder.
fn bundle_relative(path: &Path) -> Option<String> {
    let components: Vec<Component> = path.components().collect();
    let start = if path.is_relative() {
        0
    } else {
        components
            .iter()
            .rposition(|c| c.as_os_str() == BUNDLE_DIR)
            .filter(|&i| i + 1 < components.len())?
            + 1
    };
    let parts: Vec<&str> = components[start..]
        .iter()
        .map(|c| match c {
            Component::Normal(name) => name.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example site's bundle equals the one the `pagefind` crate's own indexer makes from
    /// the same records, and carries the crate's script and Swedish wasm.
    #[test]
    fn example_site_bundle_matches_pagefinds_own() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = crate::site::load(root, false, false)
            .0
            .expect("the example site loads");
        let texts = crate::search::plain_texts(&site);
        let mut ours = Vec::new();
        let stats = build(&site, &texts, |path, bytes| {
            ours.push((path.trim_start_matches("pagefind/").to_string(), bytes));
            Ok(())
        })
        .expect("bundle");
        assert_eq!(stats.records, site.reports.len());
        let urls = Urls::new(&site.config);
        let records = (0..site.reports.len())
            .map(|r| record(&site, &urls, &texts, r as ReportIdx))
            .collect();
        let theirs = crate_bundle(records).expect("the crate's bundle");
        crate::search::bundle_index::tests::assert_same_index(&ours, &theirs);
        for name in ["pagefind.js", "pagefind-worker.js", "wasm.sv.pagefind"] {
            let find = |files: &[(String, Vec<u8>)]| files.iter().find(|f| f.0 == name).cloned();
            assert!(find(&ours).is_some(), "{name}");
            assert_eq!(find(&ours), find(&theirs), "{name}");
        }
    }

    #[test]
    fn private_pagefind_words_are_scrubbed() {
        assert_eq!(
            scrub("a ___PAGEFIND_WEIGHT___9 b ___END_PAGEFIND_WEIGHT___ c".into()),
            "a b c"
        );
        assert_eq!(scrub("inget här".into()), "inget här");
    }

    #[test]
    fn bundle_paths_are_relative_to_the_bundle_folder() {
        assert_eq!(
            bundle_relative(Path::new("/w/site/pagefind/fragment/a.pf_fragment")).as_deref(),
            Some("fragment/a.pf_fragment")
        );
        assert_eq!(
            bundle_relative(Path::new("/pagefind/x/pagefind/pagefind.js")).as_deref(),
            Some("pagefind.js")
        );
        assert_eq!(
            bundle_relative(Path::new("index/b.pf_index")).as_deref(),
            Some("index/b.pf_index")
        );
        assert_eq!(bundle_relative(Path::new("/w/pagefind")), None);
        assert_eq!(bundle_relative(Path::new("../x")), None);
    }
}
