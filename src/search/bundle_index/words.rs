//! The words Pagefind indexes for one whitespace-separated word of a record, by the rules of
//! Pagefind's indexer (its constants in `pagefind_facts`): lowercase, keep letters, digits and the connector punctuation it
//! counts as word characters, strip diacritics (keeping the original form as a variant), stem,
//! and add the parts of hyphenated, dotted or camel-case words. The browser's wasm applies the
//! same rules to the query, so the two must agree exactly; `super::tests` checks them against
//! the `pagefind` crate's own indexer.

use std::sync::LazyLock;

use convert_case::{Case, Casing};
use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::search::pagefind_facts::{
    KATAKANA, MAX_DOTTED_TAIL_CHARS, MAX_KATAKANA_SUFFIX_CHARS, MIN_KATAKANA_SUFFIX_CHARS,
    MIN_KATAKANA_WORD_CHARS, WORD_SYMBOLS,
};

static EMOJI: LazyLock<Option<regex::Regex>> =
    LazyLock::new(|| regex::Regex::new(r"\p{Emoji}").ok());

/// One entry to index for a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indexable {
    /// The key in the index: lowercased, without diacritics, stemmed.
    pub stem: String,
    /// A part of a compound, ranked below whole words.
    pub part: bool,
    /// The lowercased form before its diacritics were stripped, when that changed it.
    pub original: Option<String>,
}

/// Splits words for one language.
pub struct WordSplitter {
    stemmer: Stemmer,
}

impl WordSplitter {
    /// The splitter for a language code; fouweb's records are all Swedish (`sv`), the only
    /// stemmer compiled in.
    pub fn for_language(language: &str) -> Option<Self> {
        match language {
            "sv" => Some(WordSplitter {
                stemmer: Stemmer::create(Algorithm::Swedish),
            }),
            _ => None,
        }
    }

    /// The entries for a word of a record's text, compound parts and dotted tails included.
    pub fn text_word(&self, word: &str, out: &mut Vec<Indexable>) {
        let first = out.len();
        self.word(word, out);
        self.dotted_tails(word, first, out);
    }

    /// The entries for a word of a metadata field (no dotted tails there).
    pub fn word(&self, raw: &str, out: &mut Vec<Indexable>) {
        let normalized = normalize_word(raw);
        if !normalized.is_empty() {
            out.push(self.stem_word(&normalized, false));
        }
        for suffix in katakana_suffixes(raw) {
            let stripped = strip_diacritics(suffix);
            out.push(Indexable {
                original: stripped.as_ref().map(|_| suffix.to_string()),
                stem: stripped.unwrap_or_else(|| suffix.to_string()),
                part: true,
            });
        }

        if !maybe_compound(raw) {
            return;
        }
        let parts = discrete_words(raw);
        if !normalized.is_empty()
            && (parts.contains(char::is_whitespace) || !normalized.starts_with(parts.as_str()))
        {
            for part in parts.split_whitespace().filter(|p| p.len() > 1) {
                let stripped = strip_diacritics(part);
                out.push(Indexable {
                    stem: self
                        .stemmer
                        .stem(stripped.as_deref().unwrap_or(part))
                        .into_owned(),
                    original: stripped.map(|_| part.to_string()),
                    part: true,
                });
            }
        }
        if EMOJI.as_ref().is_some_and(|e| e.is_match(raw)) {
            for grapheme in raw.graphemes(true) {
                if emojis::get(grapheme).is_some() {
                    out.push(Indexable {
                        stem: grapheme.to_string(),
                        part: false,
                        original: None,
                    });
                }
            }
        }
    }

    /// `sysconfig.is_python_build` also indexes `is_python_build`: the compound tail after
    /// each dot, unless it is a plain word (already indexed as a part) or already present.
    fn dotted_tails(&self, raw: &str, first: usize, out: &mut Vec<Indexable>) {
        for (i, _) in raw.match_indices('.') {
            let rest = &raw[i + 1..];
            let tail = match rest.char_indices().nth(MAX_DOTTED_TAIL_CHARS) {
                Some((end, _)) => &rest[..end],
                None => rest,
            };
            if !maybe_compound(tail) {
                continue;
            }
            let normalized = normalize_word(tail);
            if normalized.chars().count() < 2 {
                continue;
            }
            let entry = self.stem_word(&normalized, true);
            // The word's own entries and the tails added so far.
            if !out[first..].iter().any(|w| w.stem == entry.stem) {
                out.push(entry);
            }
        }
    }

    fn stem_word(&self, normalized: &str, part: bool) -> Indexable {
        let stripped = strip_diacritics(normalized);
        Indexable {
            stem: self
                .stemmer
                .stem(stripped.as_deref().unwrap_or(normalized))
                .into_owned(),
            original: stripped.map(|_| normalized.to_string()),
            part,
        }
    }
}

/// A word that may hold several: punctuation or a capital after its first letter.
fn maybe_compound(word: &str) -> bool {
    word.chars().any(|c| !c.is_alphanumeric()) || word.chars().skip(1).any(char::is_uppercase)
}

/// Letters, digits and word symbols, lowercased.
fn normalize_word(raw: &str) -> String {
    let mut word = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_alphanumeric() || WORD_SYMBOLS.contains(&c) {
            let c = c.to_ascii_lowercase();
            if c.is_uppercase() {
                word.extend(c.to_lowercase());
            } else {
                word.push(c);
            }
        }
    }
    word
}

/// The words inside a compound: ASCII punctuation and case changes become spaces.
fn discrete_words(raw: &str) -> String {
    let spaced = raw
        .replace(|c: char| c.is_ascii_punctuation(), " ")
        .to_case(Case::Lower);
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The word without its combining marks (`örebro` → `orebro`), or None when it has none.
/// Kana sound marks tell words apart, so they stay (recomposed).
fn strip_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !word.chars().any(decomposes) {
        return None;
    }
    let kana_mark = |c: char| matches!(c, '\u{3099}' | '\u{309A}');
    let stripped: String = word
        .nfd()
        .filter(|&c| !is_combining_mark(c) || kana_mark(c))
        .collect();
    let stripped = if stripped.chars().any(kana_mark) {
        stripped.nfc().collect()
    } else {
        stripped
    };
    (stripped != word).then_some(stripped)
}

fn decomposes(c: char) -> bool {
    if is_combining_mark(c) {
        return true;
    }
    let mut differs = false;
    decompose_canonical(c, |part| differs |= part != c);
    differs
}

fn is_katakana(c: char) -> bool {
    KATAKANA.iter().any(|range| range.contains(&(c as u32)))
}

/// Every suffix of an all-katakana word (Pagefind finds substrings of such words this way).
fn katakana_suffixes(word: &str) -> Vec<&str> {
    if word.chars().count() < MIN_KATAKANA_WORD_CHARS || !word.chars().all(is_katakana) {
        return Vec::new();
    }
    let mut suffixes: Vec<&str> = Vec::new();
    for (i, _) in word.char_indices().skip(1) {
        let rest = &word[i..];
        let suffix = match rest.char_indices().nth(MAX_KATAKANA_SUFFIX_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        };
        if suffix.chars().count() >= MIN_KATAKANA_SUFFIX_CHARS && !suffixes.contains(&suffix) {
            suffixes.push(suffix);
        }
    }
    suffixes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(word: &str) -> Vec<(String, bool, Option<String>)> {
        let mut out = Vec::new();
        let splitter = WordSplitter::for_language("sv").expect("Swedish is compiled in");
        splitter.text_word(word, &mut out);
        out.into_iter()
            .map(|w| (w.stem, w.part, w.original))
            .collect()
    }

    #[test]
    fn swedish_words_lose_diacritics_but_keep_them_as_the_original() {
        assert_eq!(
            stems("Örebro"),
            vec![("orebro".into(), false, Some("örebro".into()))]
        );
        assert_eq!(stems("barnen,"), vec![("barn".into(), false, None)]);
    }

    #[test]
    fn hyphenated_words_also_index_their_parts() {
        let got = stems("BRA-modellen");
        assert_eq!(got[0].0, "bramodell");
        assert!(got[1..].iter().all(|w| w.1));
        assert_eq!(
            got[1..].iter().map(|w| w.0.as_str()).collect::<Vec<_>>(),
            ["bra", "modell"]
        );
    }

    #[test]
    fn punctuation_alone_indexes_nothing() {
        assert!(stems("–").is_empty());
        assert!(stems("...").is_empty());
    }
}
