//! Reference data: counties, sub-regions, municipalities and methods, embedded in the binary and
//! extendable by a site's `vocabulary/` folder.

mod matching;
mod methods;
mod regions;
mod slug;

use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;

pub use matching::or_list;
pub use methods::{Method, MethodId, MethodIdx, Methods, MethodsData};
pub use regions::{
    County, CountyCode, CountyIdx, KommunCode, KommunIdx, Municipality, RegionMatch, Regions,
    RegionsData, Subregion, SubregionIdx,
};
pub use slug::{slugify, MAX_URL_NAME_BYTES};

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::yaml;

const REGIONS_YAML: &str = include_str!("../../data/regions.yaml");
const METHODS_YAML: &str = include_str!("../../data/methods.yaml");

/// A problem in vocabulary data: a plain sentence, and the text written in the file that it is
/// about (an id, a code, a spelling), by which the file's line and column are found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub message: String,
    pub written: String,
}

impl DataError {
    pub fn new(message: String, written: &str) -> DataError {
        DataError {
            message,
            written: written.to_string(),
        }
    }

    /// Where `written` first appears in `text` as a whole value (`id: bra`, `- BRA`,
    /// `"07"`), or the start of the file.
    fn span_in(&self, text: &str) -> Span {
        let wanted = self.written.trim();
        if wanted.is_empty() {
            return Span::start();
        }
        for (i, line) in text.lines().enumerate() {
            let mut from = 0;
            while let Some(pos) = line[from..].find(wanted) {
                let at = from + pos;
                let end = at + wanted.len();
                let edge = |c: Option<char>| {
                    c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
                };
                if edge(line[..at].chars().next_back()) && edge(line[end..].chars().next()) {
                    let col = line[..at].chars().count() as u32 + 1;
                    return Span::new(i as u32 + 1, col, wanted.chars().count() as u32);
                }
                from = end;
            }
        }
        Span::start()
    }
}

#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub regions: Regions,
    pub methods: Methods,
}

impl Vocabulary {
    /// The embedded reference data, parsed once per process.
    pub fn builtin() -> &'static Vocabulary {
        static BUILTIN: OnceLock<Vocabulary> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The embedded files are part of the program and covered by tests; failing here is
            // a bug in the build, not a user error.
            let regions: RegionsData =
                yaml::from_str(REGIONS_YAML).expect("embedded regions.yaml is valid");
            let methods: MethodsData =
                yaml::from_str(METHODS_YAML).expect("embedded methods.yaml is valid");
            let regions = Regions::from_data(regions).expect("embedded regions are consistent");
            let mut all = Methods::default();
            all.extend(methods)
                .expect("embedded methods are consistent");
            Vocabulary {
                regions,
                methods: all,
            }
        })
    }

    /// The built-in vocabulary plus every `*.yaml`/`*.yml` file in `root/vocabulary/` (sorted by
    /// name). Each file may hold `methods`, `counties`, `subregions` and `municipalities`.
    pub fn for_site(root: &Path, diagnostics: &mut Diagnostics) -> Vocabulary {
        let mut vocabulary = Vocabulary::builtin().clone();
        let dir = root.join("vocabulary");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return vocabulary;
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
            .collect();
        files.sort();
        for path in files {
            let shown = crate::diagnostics::display_path(root, &path);
            match std::fs::read_to_string(&path) {
                Ok(text) => vocabulary.extend_from(&shown, &text, diagnostics),
                Err(err) => diagnostics.push(
                    Diagnostic::error(&shown, format!("cannot read vocabulary file: {err}"))
                        .with_hint("vocabulary files must be UTF-8 YAML"),
                ),
            }
        }
        vocabulary
    }

    fn extend_from(&mut self, shown: &Path, text: &str, diagnostics: &mut Diagnostics) {
        #[derive(Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        struct SiteVocabulary {
            #[serde(default)]
            methods: Vec<methods::MethodData>,
            #[serde(default)]
            counties: Vec<regions::CountyData>,
            #[serde(default)]
            subregions: Vec<regions::SubregionData>,
            #[serde(default)]
            municipalities: Vec<regions::MunicipalityData>,
        }
        if text.trim().is_empty() {
            return;
        }
        let data: SiteVocabulary = match yaml::from_str(text) {
            Ok(data) => data,
            Err(err) => {
                let span = Span::new(err.line.unwrap_or(1), err.col.unwrap_or(1), 1);
                diagnostics.push(
                    Diagnostic::error(shown, format!("invalid vocabulary file: {}", err.message))
                        .at_in(span, text)
                        .with_hint("a vocabulary file holds `methods:`, `counties:`, `subregions:` and `municipalities:` lists"),
                );
                return;
            }
        };
        let regions = RegionsData {
            counties: data.counties,
            subregions: data.subregions,
            municipalities: data.municipalities,
        };
        // A file is taken whole or not at all, so that an error leaves no half-added method.
        let before = self.clone();
        let result = self.regions.extend(regions).and_then(|()| {
            self.methods.extend(MethodsData {
                methods: data.methods,
            })
        });
        if let Err(err) = result {
            *self = before;
            let span = err.span_in(text);
            diagnostics.push(
                Diagnostic::error(shown, err.message)
                    .at_in(span, text)
                    .with_hint(
                        "every spelling must name exactly one method, county or municipality, and every id, code and name must be known",
                    ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_vocabulary_loads() {
        let v = Vocabulary::builtin();
        assert_eq!(v.regions.counties.len(), 21);
        assert_eq!(v.regions.municipalities.len(), 290);
        assert!(v.methods.len() >= 45);
        assert!(v.methods.all().iter().all(|m| !m.description.is_empty()));
    }

    #[test]
    fn site_vocabulary_extends_the_builtin_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("vocabulary")).unwrap();
        std::fs::write(
            dir.path().join("vocabulary/extra.yaml"),
            "methods:\n  - id: fifa\n    name: FIFA\ncounties:\n  - code: \"07\"\n    aliases: [Smålands sydligaste]\n",
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        let v = Vocabulary::for_site(dir.path(), &mut diags);
        assert!(diags.is_empty(), "{}", diags.render());
        assert!(v.methods.find("FIFA").is_some());
        assert!(v.regions.find_region("smålands sydligaste").is_some());
    }

    #[test]
    fn broken_site_vocabulary_is_reported_with_position() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("vocabulary")).unwrap();
        std::fs::write(
            dir.path().join("vocabulary/x.yaml"),
            "methods:\n  - id: a\n    nmae: A\n",
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        Vocabulary::for_site(dir.path(), &mut diags);
        let d = &diags.items()[0];
        assert!(d.is_error());
        assert_eq!(d.span.map(|s| s.line), Some(3), "{}", d.render());
    }
}
