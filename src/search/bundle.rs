//! The browser's search index: a Pagefind bundle in `public/pagefind/`, so that `/sok/` works
//! on plain static hosting. Fed one custom record per report from the site model (no HTML is
//! parsed), with the same vocabulary labels the pages show as filters.

use std::collections::BTreeMap;
use std::path::{Component, Path};
use std::time::{Duration, Instant};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

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

/// Builds the bundle and hands each of its files (path relative to the output, such as
/// `pagefind/pagefind.js`) to `put`.
pub fn build(
    site: &Site,
    texts: &[String],
    mut put: impl FnMut(String, Vec<u8>) -> std::io::Result<()>,
) -> Result<BundleStats, String> {
    let started = Instant::now();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the indexing runtime: {e}"))?;
    let files = runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .force_language("sv".to_string())
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        let urls = Urls::new(&site.config);
        for r in 0..site.reports.len() {
            let record = record(site, &urls, texts, r as ReportIdx);
            index
                .add_custom_record(
                    record.url,
                    record.content,
                    "sv".to_string(),
                    Some(record.meta),
                    Some(record.filters),
                    Some(record.sort),
                )
                .await
                .map_err(|e| e.to_string())?;
        }
        if std::env::var_os("FOUWEB_TIMINGS").is_some() {
            eprintln!(
                "pagefind: records added in {:.2} s",
                started.elapsed().as_secs_f64()
            );
        }
        index.get_files().await.map_err(|e| e.to_string())
    })?;
    if std::env::var_os("FOUWEB_TIMINGS").is_some() {
        eprintln!(
            "pagefind: bundle made in {:.2} s",
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
    for file in files {
        let Some(relative) = bundle_relative(&file.filename) else {
            return Err(format!(
                "unexpected file name in the search bundle: {}",
                file.filename.display()
            ));
        };
        if !needed_by_the_search_page(&relative) {
            continue;
        }
        stats.files += 1;
        stats.bytes += file.contents.len() as u64;
        put(format!("{BUNDLE_DIR}/{relative}"), file.contents)
            .map_err(|e| format!("cannot write {BUNDLE_DIR}/{relative}: {e}"))?;
    }
    stats.elapsed = started.elapsed();
    Ok(stats)
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
    const FORMAT: u32 = 1;
    let mut h = DefaultHasher::new();
    (FORMAT, env!("CARGO_PKG_VERSION"), "pagefind =1.6.0", "sv").hash(&mut h);
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

#[derive(Hash)]
struct Record {
    url: String,
    content: String,
    meta: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
    sort: BTreeMap<String, String>,
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
    meta.insert("title".to_string(), report.title.clone());
    meta.insert("period".to_string(), period);
    if let Some(org) = &report.organisation {
        meta.insert("organisation".to_string(), org.clone());
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
        content,
        meta,
        filters,
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
