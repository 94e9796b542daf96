//! How an editor's spelling is compared with the vocabulary: the one place that owns the
//! matching rules and the "did you mean" suggestions.

/// The lookup key of a name: lowercase, trimmed, inner whitespace collapsed, dashes unified.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(match c {
                '–' | '—' | '‐' | '‑' | '−' => '-',
                '’' | '´' | '`' => '\'',
                other => other,
            });
        }
    }
    out
}

/// The lookup key of a county or sub-region: [`key`] without a trailing "län"/"läns", so that
/// "Kronoberg", "Kronobergs län" and "kronobergs läns" meet.
pub fn region_key(text: &str) -> String {
    let k = key(text);
    for suffix in [" läns", " län"] {
        if let Some(stem) = k.strip_suffix(suffix) {
            return stem.to_string();
        }
    }
    k
}

/// "Name (Other name)" split into its two names; a second way to write one method or place.
pub fn bracketed(text: &str) -> Option<(&str, &str)> {
    text.trim().strip_suffix(')')?.rsplit_once('(')
}

/// A looser form used only to rank suggestions: accents folded, so "Kronobergs lan" is close to
/// "Kronobergs län".
fn loose(text: &str) -> String {
    super::slugify(text).replace('-', " ")
}

/// The `limit` candidates most similar to `input`, best first. Candidates are `(shown name,
/// spelling)` pairs; several spellings may share one shown name. With `min_score` only
/// reasonably close names are offered.
pub fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
    limit: usize,
    min_score: f64,
) -> Vec<&'a str> {
    let wanted = loose(input);
    let mut scored: Vec<(f64, &'a str)> = Vec::new();
    for (shown, spelling) in candidates {
        let score = similarity(&wanted, &loose(spelling));
        match scored.iter_mut().find(|(_, s)| *s == shown) {
            Some(entry) if entry.0 < score => entry.0 = score,
            Some(_) => {}
            None => scored.push((score, shown)),
        }
    }
    scored.retain(|(score, _)| *score >= min_score);
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(limit).map(|(_, s)| s).collect()
}

/// Similarity in 0..=1: the better of Jaro-Winkler (good for typos near the start) and
/// normalised edit distance, with a bonus when one is a prefix of the other ("BRA-samtal").
fn similarity(a: &str, b: &str) -> f64 {
    let prefix = if !a.is_empty() && !b.is_empty() && (a.starts_with(b) || b.starts_with(a)) {
        0.9
    } else {
        0.0
    };
    let best = strsim::jaro_winkler(a, b).max(prefix);
    // The edit distance is at least the difference in length, so its normalised similarity is
    // at most this; the costly distance is computed only when it could win.
    let (la, lb) = (a.chars().count(), b.chars().count());
    let longest = la.max(lb);
    let bound = if longest == 0 {
        1.0
    } else {
        1.0 - la.abs_diff(lb) as f64 / longest as f64
    };
    if bound <= best {
        return best;
    }
    best.max(strsim::normalized_damerau_levenshtein(a, b))
}

/// "`a`", "`a` or `b`", "`a`, `b` or `c`".
pub fn or_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_space_and_dash_style() {
        assert_eq!(key("  BRA –  Barns Rätt "), "bra - barns rätt");
        assert_eq!(region_key("Kronobergs län"), "kronobergs");
        assert_eq!(region_key(" kronobergs LÄNS"), "kronobergs");
        assert_eq!(region_key("Kronoberg"), "kronoberg");
    }

    #[test]
    fn closest_prefers_near_spellings() {
        let names = [
            ("Kronobergs län", "Kronobergs län"),
            ("Kalmar län", "Kalmar län"),
            ("Skåne län", "Skåne län"),
        ];
        assert_eq!(
            closest("Kronobergs lan", names, 1, 0.8),
            vec!["Kronobergs län"]
        );
        assert!(closest("Xyzzy", names, 1, 0.8).is_empty());
    }

    #[test]
    fn or_lists_read_naturally() {
        assert_eq!(or_list(&["a"]), "`a`");
        assert_eq!(or_list(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
