//! What the bundle takes from the `pagefind` crate as it ships it: its script, worker and
//! Swedish wasm, and the facts its entry file carries (version, word characters). The crate
//! offers them only through its indexer, so a one-word record is indexed once per process and
//! every index file it makes is dropped: outside tests the crate indexes nothing else.

use std::collections::BTreeMap;
use std::path::{Component, Path};
use std::sync::OnceLock;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::{named_by_content, BUNDLE_DIR, LANGUAGE};
use crate::search::bundle_index::Record;
use crate::search::pagefind_facts::{ENTRY_FILE, UNUSED_ASSET_FILES, UNUSED_ASSET_PREFIXES};

/// The crate's fixed files and the facts its entry file carries.
pub(super) struct Assets {
    pub files: Vec<(String, Vec<u8>)>,
    /// Pagefind's version, as its entry file says.
    pub version: String,
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
    pub fn entry(&self, meta_hash: &str, page_count: usize) -> Result<Vec<u8>, String> {
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
pub(super) fn assets() -> Result<&'static Assets, String> {
    static ASSETS: OnceLock<Result<Assets, String>> = OnceLock::new();
    ASSETS
        .get_or_init(|| {
            let files = crate_files(vec![Record {
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
                if relative == ENTRY_FILE {
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
                return Err(format!("the pagefind crate made no {ENTRY_FILE}"));
            }
            Ok(assets)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The search page uses Pagefind's search API, not its ready-made interfaces: their scripts
/// and styles (and the wasm for unknown languages, as every record is Swedish) are not
/// deployed.
fn needed_by_the_search_page(relative: &str) -> bool {
    let unused = UNUSED_ASSET_PREFIXES
        .iter()
        .any(|prefix| relative.starts_with(prefix))
        || UNUSED_ASSET_FILES.contains(&relative);
    !unused
}

/// A bundle made by the `pagefind` crate's own indexer (`add_custom_record` + `get_files`),
/// as (path relative to the bundle folder, contents). Tests compare its index files with the
/// writer's; [`assets`] keeps only its fixed files.
pub(super) fn crate_files(records: Vec<Record>) -> Result<Vec<(String, Vec<u8>)>, String> {
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

    /// The crate is the Pagefind version `pagefind_facts` was checked against.
    #[test]
    fn the_crate_is_the_version_the_facts_were_read_from() {
        let assets = assets().expect("the crate's assets");
        assert_eq!(assets.version, crate::search::pagefind_facts::VERSION);
        let symbols = crate::search::pagefind_facts::WORD_SYMBOLS;
        assert_eq!(assets.include_characters, symbols);
    }
}
