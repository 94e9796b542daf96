//! The method vocabulary (BRA, Beardslee, SOFIA-modellen …) and the lookup of an editor's
//! spelling of a method.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::matching::{self, key};
use super::{slugify, DataError, MAX_URL_NAME_BYTES};

/// How similar (0–1) a known method's spelling must be to an unknown one to be suggested.
const MIN_SIMILARITY: f64 = 0.75;

/// A method's stable identifier, also its URL name (`bra`, `sofia-modellen`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MethodId(pub String);

/// Index of a method in [`Methods::all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MethodIdx(pub u32);

#[derive(Debug, Clone, PartialEq)]
pub struct Method {
    pub id: MethodId,
    pub name: String,
    pub short_name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub description: String,
}

/// Methods as stored in YAML.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodsData {
    #[serde(default)]
    pub methods: Vec<MethodData>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodData {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Methods {
    all: Vec<Method>,
    index: HashMap<String, MethodIdx>,
    /// Suggestions per unknown spelling: the same unknown method often appears in hundreds of
    /// reports, and ranking every known spelling is the costliest part of reading one.
    suggestions: Arc<Mutex<HashMap<String, Vec<String>>>>,
}

impl Methods {
    pub fn all(&self) -> &[Method] {
        &self.all
    }

    pub fn get(&self, idx: MethodIdx) -> &Method {
        &self.all[idx.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// Resolves a spelling: id, name, short name or alias, ignoring case and spacing; failing
    /// that, a spelling whose slug is a method id ("Sofia modellen" → `sofia-modellen`).
    pub fn find(&self, text: &str) -> Option<MethodIdx> {
        self.find_exact(text).or_else(|| {
            // "Barns rätt som anhöriga (BRA)": the name before or the name inside the brackets,
            // when both do not name different methods.
            let (before, inside) = matching::bracketed(text)?;
            match (self.find_exact(before), self.find_exact(inside)) {
                (Some(a), Some(b)) if a != b => None,
                (a, b) => a.or(b),
            }
        })
    }

    fn find_exact(&self, text: &str) -> Option<MethodIdx> {
        self.index
            .get(&key(text))
            .or_else(|| self.index.get(&slugify(text)))
            .copied()
    }

    /// The three (or `limit`) known method names closest to an unknown spelling.
    pub fn suggest(&self, text: &str, limit: usize) -> Vec<String> {
        let cache_key = format!("{limit}\u{0}{}", key(text));
        if let Ok(cache) = self.suggestions.lock() {
            if let Some(found) = cache.get(&cache_key) {
                return found.clone();
            }
        }
        let all = self.all.iter().flat_map(|m| {
            [m.name.as_str(), m.short_name.as_str(), m.id.0.as_str()]
                .into_iter()
                .chain(m.aliases.iter().map(String::as_str))
                .map(move |spelling| (m.name.as_str(), spelling))
        });
        // Only names close enough to be what the editor meant ("42" suggests nothing).
        let found: Vec<String> = matching::closest(text, all, limit, MIN_SIMILARITY)
            .into_iter()
            .map(str::to_string)
            .collect();
        if let Ok(mut cache) = self.suggestions.lock() {
            cache.insert(cache_key, found.clone());
        }
        found
    }

    /// Adds methods, or aliases and texts to methods with an existing id. Errors are plain
    /// sentences; the caller adds the file.
    pub fn extend(&mut self, data: MethodsData) -> Result<(), DataError> {
        for m in data.methods {
            let id = MethodId(m.id.trim().to_string());
            if id.0.is_empty() || slugify(&id.0) != id.0 || id.0.len() > MAX_URL_NAME_BYTES {
                return Err(DataError::new(
                    format!(
                        "method id `{}` must be a URL name (a–z, 0–9 and `-`, at most {MAX_URL_NAME_BYTES} bytes) such as `{}`",
                        id.0,
                        slugify(&id.0)
                    ),
                    &id.0,
                ));
            }
            match self.all.iter_mut().find(|existing| existing.id == id) {
                Some(existing) => {
                    existing.aliases.extend(m.aliases);
                    if let Some(name) = m.name {
                        existing.name = name;
                    }
                    if let Some(short_name) = m.short_name {
                        existing.short_name = short_name;
                    }
                    if let Some(kind) = m.kind {
                        existing.kind = kind;
                    }
                    if let Some(description) = m.description {
                        existing.description = description;
                    }
                }
                None => {
                    let name = m.name.ok_or_else(|| {
                        DataError::new(format!("method `{}` needs a `name`", id.0), &id.0)
                    })?;
                    self.all.push(Method {
                        short_name: m.short_name.unwrap_or_else(|| name.clone()),
                        name,
                        id,
                        kind: m.kind.unwrap_or_default(),
                        aliases: m.aliases,
                        description: m.description.unwrap_or_default(),
                    });
                }
            }
        }
        self.rebuild_index()
    }

    fn rebuild_index(&mut self) -> Result<(), DataError> {
        let mut index: HashMap<String, MethodIdx> = HashMap::new();
        for (i, m) in self.all.iter().enumerate() {
            let idx = MethodIdx(i as u32);
            let spellings = [&m.id.0, &m.name, &m.short_name]
                .into_iter()
                .chain(&m.aliases);
            for spelling in spellings {
                let k = key(spelling);
                if let Some(previous) = index.insert(k, idx) {
                    if previous != idx {
                        return Err(DataError::new(
                            format!(
                                "`{spelling}` names both `{}` and `{}`",
                                self.all[previous.0 as usize].id.0, m.id.0
                            ),
                            spelling,
                        ));
                    }
                }
            }
        }
        self.index = index;
        self.suggestions = Arc::default();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::vocabulary::Vocabulary;

    use super::*;

    #[test]
    fn methods_match_by_every_spelling() {
        let methods = &Vocabulary::builtin().methods;
        let bra = methods.find("bra").unwrap();
        for spelling in [
            "BRA",
            "Barns rätt som anhöriga",
            "BRA - Barns rätt som anhöriga",
            " bra-samtal ",
        ] {
            assert_eq!(methods.find(spelling), Some(bra), "{spelling}");
        }
        assert_eq!(
            methods.get(methods.find("Family Talk").unwrap()).id.0,
            "beardslee"
        );
        assert_eq!(methods.find("Okänd metod"), None);
        assert_eq!(methods.find("Barns rätt som anhöriga (BRA)"), Some(bra));
        assert_eq!(methods.find("Samtal med barn (BRA)"), Some(bra));
        assert_eq!(
            methods.find("BRA (Beardslee)"),
            None,
            "two different methods"
        );
    }

    #[test]
    fn unknown_methods_get_up_to_three_close_suggestions() {
        let methods = &Vocabulary::builtin().methods;
        let s = methods.suggest("Beardsle", 3);
        assert!((1..=3).contains(&s.len()), "{s:?}");
        assert_eq!(s[0], "Beardslees familjeintervention");
        assert_eq!(methods.suggest("Barngruper", 3)[0], "Stödgrupper för barn");
        assert!(
            methods.suggest("42", 3).is_empty(),
            "nothing is close to 42"
        );
        assert!(methods.suggest("Egen metod 17", 3).is_empty());
    }

    #[test]
    fn sites_can_add_methods_and_aliases() {
        let mut methods = Vocabulary::builtin().methods.clone();
        let data: MethodsData = crate::yaml::from_str(
            "methods:\n  - id: fifa\n    name: FIFA\n  - id: bra\n    aliases: [Anhörigsamtal]\n",
        )
        .unwrap();
        methods.extend(data).unwrap();
        assert!(methods.find("fifa").is_some());
        assert_eq!(methods.find("anhörigsamtal"), methods.find("BRA"));
    }

    #[test]
    fn conflicting_aliases_are_refused() {
        let mut methods = Vocabulary::builtin().methods.clone();
        let data: MethodsData =
            crate::yaml::from_str("methods:\n  - id: nytt\n    name: Nytt\n    aliases: [BRA]\n")
                .unwrap();
        assert!(methods.extend(data).unwrap_err().message.contains("BRA"));
    }
}
