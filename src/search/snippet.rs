//! The passage shown under a hit, with the query's words in `<b>`.
//!
//! A word of the text is highlighted when its stem starts with a query word's stem (so the
//! inflected forms and compounds that matched are shown). Only words that share their first
//! letters with a query stem are stemmed at all, which keeps this cheap on long reports.

use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::terms;

/// One analysed query word: its stems with å/ä/ö kept, and folded (empty when the word was
/// typed with å/ä/ö).
#[derive(Debug, Clone, Default)]
pub struct QueryWord {
    pub stems: Vec<String>,
    pub folds: Vec<String>,
}

const WINDOW_CHARS: usize = 220;
const LEAD_CHARS: usize = 60;
/// How far past the first match (in bytes) the text is searched for a denser passage.
const SCAN_AFTER_FIRST_MATCH: usize = 2048;
/// How many leading characters a text word must share with a stem to be worth stemming.
const QUICK_MATCH_CHARS: usize = 3;

/// The best passage of `text` as HTML, or `None` when no word matches.
pub fn best_passage(
    text: &str,
    words: &[QueryWord],
    swedish: &mut TextAnalyzer,
    folded: &mut TextAnalyzer,
) -> Option<String> {
    let highlights = highlights(text, words, swedish, folded);
    let (from, to) = best_window(text, &highlights)?;
    Some(passage_html(text, &highlights, from, to))
}

/// Byte ranges of the words of `text` that match a query word, up to a little past the first.
fn highlights(
    text: &str,
    words: &[QueryWord],
    swedish: &mut TextAnalyzer,
    folded: &mut TextAnalyzer,
) -> Vec<(usize, usize)> {
    let quick: Vec<String> = words
        .iter()
        .flat_map(|w| w.stems.iter().chain(&w.folds))
        .map(|s| s.chars().take(QUICK_MATCH_CHARS).collect())
        .collect();
    let any_folds = words.iter().any(|w| !w.folds.is_empty());
    let mut highlights: Vec<(usize, usize)> = Vec::new();
    for (start, end) in word_ranges(text) {
        // The passage is chosen near the first match; a long report need not be read to the end.
        if highlights
            .first()
            .is_some_and(|&(first, _)| start > first + SCAN_AFTER_FIRST_MATCH)
        {
            break;
        }
        let word = &text[start..end];
        if !quick.iter().any(|q| starts_with_folded(word, q)) {
            continue;
        }
        let stems = terms(swedish, word);
        let folds = if any_folds {
            terms(folded, word)
        } else {
            Vec::new()
        };
        let starts = |text_stems: &[String], query_stems: &[String]| {
            text_stems
                .iter()
                .any(|t| query_stems.iter().any(|q| t.starts_with(q.as_str())))
        };
        let matches = words
            .iter()
            .any(|w| starts(&stems, &w.stems) || starts(&folds, &w.folds));
        if matches {
            highlights.push((start, end));
        }
    }
    highlights
}

/// The byte range of the window with the most highlights, starting a little before one of
/// them and ending at a word boundary; `None` without highlights.
fn best_window(text: &str, highlights: &[(usize, usize)]) -> Option<(usize, usize)> {
    let first = *highlights.first()?;
    let mut best = (0usize, first.0);
    for &(start, _) in highlights {
        let window_end = byte_after_chars(text, start, WINDOW_CHARS - LEAD_CHARS);
        let count = highlights
            .iter()
            .filter(|(s, e)| *s >= start && *e <= window_end)
            .count();
        if count > best.0 {
            best = (count, start);
        }
    }
    let from = word_start_before(text, best.1, LEAD_CHARS);
    let to = byte_after_chars(text, from, WINDOW_CHARS);
    let to = if to < text.len() {
        // End at a word boundary.
        text[..to]
            .rfind(char::is_whitespace)
            .filter(|&i| i > best.1)
            .unwrap_or(to)
    } else {
        to
    };
    Some((from, to))
}

/// `text[from..to]` escaped, its highlights in `<b>`, with `…` where it was cut.
fn passage_html(text: &str, highlights: &[(usize, usize)], from: usize, to: usize) -> String {
    let mut html = String::with_capacity(WINDOW_CHARS * 2);
    if from > 0 {
        html.push('…');
    }
    let mut at = from;
    for &(s, e) in highlights.iter().filter(|(s, e)| *s >= from && *e <= to) {
        push_escaped(&mut html, &text[at..s]);
        html.push_str("<b>");
        push_escaped(&mut html, &text[s..e]);
        html.push_str("</b>");
        at = e;
    }
    push_escaped(&mut html, &text[at..to]);
    if to < text.len() {
        html.push('…');
    }
    html
}

/// Byte ranges of the alphanumeric runs of `text`.
fn word_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start: Option<usize> = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| match (c.is_alphanumeric(), start) {
            (true, None) => {
                start = Some(i);
                None
            }
            (false, Some(s)) => {
                start = None;
                Some((s, i))
            }
            _ => None,
        })
}

/// Whether `word` starts with `prefix` (lowercase), ignoring case, and also when `prefix` lacks
/// the word's å/ä/ö. Allocation-free: it runs on every word of a hit's text.
fn starts_with_folded(word: &str, prefix: &str) -> bool {
    let mut chars = word.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| match chars.next() {
        Some(c) if c == p => true,
        Some(c) => fold_char(c) == p,
        None => false,
    })
}

fn fold_char(c: char) -> char {
    match c {
        'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' => 'u',
        other => other,
    }
}

/// The byte offset `chars` characters after `from` (or the end).
fn byte_after_chars(text: &str, from: usize, chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| from + i)
}

/// The start of the word about `chars` characters before `at`.
fn word_start_before(text: &str, at: usize, chars: usize) -> usize {
    let before = &text[..at];
    let Some((back, _)) = before.char_indices().rev().nth(chars) else {
        return 0;
    };
    before[back..]
        .find(char::is_whitespace)
        .map_or(back, |i| back + i + 1)
        .min(at)
}

fn push_escaped(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = crate::html::escape_into(out, text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::analyzer::{folded, swedish};

    fn word(w: &str) -> QueryWord {
        QueryWord {
            stems: terms(&mut swedish(), w),
            folds: if w.is_ascii() {
                terms(&mut folded(), w)
            } else {
                Vec::new()
            },
        }
    }

    #[test]
    fn highlights_inflections_and_compounds() {
        let text =
            "Inledning. Barngrupperna träffades varje vecka, och barngruppsledarna fick stöd.";
        let html = best_passage(text, &[word("barngrupp")], &mut swedish(), &mut folded()).unwrap();
        assert_eq!(html, "Inledning. <b>Barngrupperna</b> träffades varje vecka, och <b>barngruppsledarna</b> fick stöd.");
    }

    #[test]
    fn cuts_a_window_around_the_matches_and_escapes() {
        let text = format!(
            "{} Västerås <kommun> {}",
            "ord ".repeat(100),
            "slut ".repeat(100)
        );
        let html = best_passage(&text, &[word("vasteras")], &mut swedish(), &mut folded()).unwrap();
        assert!(html.starts_with('…') && html.ends_with('…'), "{html}");
        assert!(html.contains("<b>Västerås</b> &lt;kommun&gt;"), "{html}");
        assert!(html.chars().count() < 260);
        assert!(best_passage(
            "inget här",
            &[word("barngrupp")],
            &mut swedish(),
            &mut folded()
        )
        .is_none());
    }
}
