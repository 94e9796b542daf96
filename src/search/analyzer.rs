//! The Swedish analyzer: the one place that decides how report text and queries become index
//! terms. The same analyzers run at index time and at query time.
//!
//! Two analyzers: [`SWEDISH`] keeps å/ä/ö (so "får" and "far" stay apart) and [`FOLDED`] folds
//! them to a/o first, so a query typed without them ("orebro", "vasteras") still finds
//! "Örebro" and "Västerås". Folding comes before stemming, so that both the text and a query
//! without å/ä/ö are stemmed the same way.
//!
//! The folded fields are indexed with [`FOLDED_INDEX`]: the folded analyzer restricted to words
//! that contain a letter outside ASCII. A word without one folds and stems exactly as in the
//! main fields, which already find it, so indexing it twice would only cost time.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

/// Name of the analyzer that keeps å/ä/ö.
pub const SWEDISH: &str = "sv";
/// Name of the analyzer that folds å/ä/ö to a/o.
pub const FOLDED: &str = "sv_folded";
/// Name of the folded analyzer used when indexing: only words that change when folded.
pub const FOLDED_INDEX: &str = "sv_folded_index";

/// Longer tokens are noise (URLs, base64) and are dropped.
pub const MAX_TOKEN_BYTES: usize = 48;

pub fn swedish() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser);
    match StopWordFilter::new(Language::Swedish) {
        Some(stop) => builder
            .filter(stop)
            .filter(Stemmer::new(Language::Swedish))
            .build(),
        None => builder.filter(Stemmer::new(Language::Swedish)).build(),
    }
}

pub fn folded() -> TextAnalyzer {
    folded_with(false)
}

/// [`folded`], keeping only words with a letter outside ASCII.
pub fn folded_index() -> TextAnalyzer {
    folded_with(true)
}

fn folded_with(only_non_ascii: bool) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(NonAsciiOnly(only_non_ascii));
    match StopWordFilter::new(Language::Swedish) {
        Some(stop) => builder
            .filter(stop)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::Swedish))
            .build(),
        None => builder
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::Swedish))
            .build(),
    }
}

/// Registers both analyzers with an index's tokenizer manager.
pub fn register(manager: &TokenizerManager) {
    manager.register(SWEDISH, swedish());
    manager.register(FOLDED, folded());
    manager.register(FOLDED_INDEX, folded_index());
}

/// Drops tokens made of ASCII only (when enabled).
#[derive(Clone, Copy)]
struct NonAsciiOnly(bool);

impl TokenFilter for NonAsciiOnly {
    type Tokenizer<T: Tokenizer> = NonAsciiOnlyWrapper<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> NonAsciiOnlyWrapper<T> {
        NonAsciiOnlyWrapper {
            enabled: self.0,
            inner,
        }
    }
}

#[derive(Clone)]
struct NonAsciiOnlyWrapper<T> {
    enabled: bool,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for NonAsciiOnlyWrapper<T> {
    type TokenStream<'a> = NonAsciiOnlyStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NonAsciiOnlyStream {
            enabled: self.enabled,
            tail: self.inner.token_stream(text),
        }
    }
}

struct NonAsciiOnlyStream<T> {
    enabled: bool,
    tail: T,
}

impl<T: TokenStream> TokenStream for NonAsciiOnlyStream<T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if !self.enabled || !self.tail.token().text.is_ascii() {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The terms `analyzer` makes of `text`, in order.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem() {
        let mut sv = swedish();
        let stem = |w: &str| terms(&mut swedish(), w);
        for w in [
            "barngrupp",
            "barngrupper",
            "barngruppen",
            "barngrupperna",
            "barngruppens",
        ] {
            assert_eq!(stem(w), stem("barngrupp"), "{w}");
        }
        assert_ne!(terms(&mut sv, "får"), terms(&mut sv, "far"), "å is kept");
        assert!(
            terms(&mut sv, "och för att").is_empty(),
            "stop words are dropped"
        );
    }

    #[test]
    fn folding_makes_queries_without_diacritics_meet_the_text() {
        let mut f = folded();
        assert_eq!(terms(&mut f, "Västerås"), terms(&mut f, "vasteras"));
        assert_eq!(terms(&mut f, "Örebro"), terms(&mut f, "orebro"));
        assert_eq!(
            terms(&mut f, "föräldrastödet"),
            terms(&mut f, "foraldrastodet")
        );
    }
}
