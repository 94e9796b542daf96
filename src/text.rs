//! Which characters fouweb publishes: those XML 1.0 allows, less the C1 controls.
//!
//! Feeds and sitemaps must parse as XML, and one stray U+001F pasted from a PDF makes a whole
//! feed unreadable. Report files are cleaned when read (with a warning that says where), YAML
//! escapes such as `"\e"` when parsed, and the template formatter cleans whatever reaches a page
//! by another road, all with this one rule: such a character becomes U+FFFD, one character for
//! one, so that columns in later messages stay right.

use std::borrow::Cow;

/// What an unpublishable character is replaced with.
pub const REPLACEMENT: char = '\u{fffd}';

/// True for a character XML 1.0 allows in text, except the C1 controls (U+0080–U+009F), which
/// in UTF-8 text are always debris of a wrong conversion.
pub fn is_publishable(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => true,
        '\0'..='\x1f' | '\x7f'..='\u{9f}' => false,
        '\u{fffe}' | '\u{ffff}' => false,
        _ => true,
    }
}

/// The byte offset of the first character that may not be published, if any. Scans bytes,
/// eight at a time while none of them could begin such a character, so clean text (the common
/// case: every value a template writes passes here) costs one pass without decoding.
pub fn first_unpublishable(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(word) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ]);
        if may_begin_unpublishable(word) {
            if let Some(at) = (i..i + 8).find(|&j| unpublishable_at(bytes, j)) {
                return Some(at);
            }
        }
        i += 8;
    }
    (i..bytes.len()).find(|&j| unpublishable_at(bytes, j))
}

/// True when some byte of `word` is below 0x20, 0x7F, or the first byte of U+0080–U+009F
/// (C2) or of U+FFFE/U+FFFF (EF). Exact where it says false; true may be a tab or a line break
/// (or another character starting with C2 or EF), which the byte rule then sorts out.
fn may_begin_unpublishable(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The classic test for a byte below n (n ≤ 0x80) and, with n = 1 on `word ^ b`, for a
    // byte equal to b.
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGHS;
    let equal = |b: u64| below(word ^ (ONES * b), 1);
    (below(word, 0x20) | equal(0x7f) | equal(0xc2) | equal(0xef)) != 0
}

/// True when the character starting at byte `i` of `bytes` may not be published.
fn unpublishable_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1f | 0x7f => true,
        // U+0080–U+009F are C2 80 … C2 9F.
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        0xef => bytes.get(i + 1) == Some(&0xbf) && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)),
        _ => false,
    }
}

/// `text` with every unpublishable character replaced by U+FFFD; borrowed when clean.
pub fn publishable(text: &str) -> Cow<'_, str> {
    match first_unpublishable(text) {
        None => Cow::Borrowed(text),
        Some(first) => Cow::Owned(replaced_from(text, first)),
    }
}

/// `text` with every unpublishable character from byte `first` on replaced by U+FFFD.
pub fn replaced_from(text: &str, first: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    out.extend(
        text[first..]
            .chars()
            .map(|c| if is_publishable(c) { c } else { REPLACEMENT }),
    );
    out
}

/// [`publishable`] in place, for owned strings.
pub fn make_publishable(text: &mut String) {
    if let Cow::Owned(clean) = publishable(text) {
        *text = clean;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_and_line_breaks_and_replaces_controls() {
        assert!(matches!(publishable("Örebro\tlän\r\n"), Cow::Borrowed(_)));
        assert_eq!(
            publishable("a\u{1f}b\u{8}c\0"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
        assert_eq!(publishable("x\u{85}y\u{7f}"), "x\u{fffd}y\u{fffd}");
        assert_eq!(
            publishable("\u{fffe}\u{ffff}\u{fffd}"),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(
            publishable("\u{a0}é\u{20ac}\u{1f600}"),
            "\u{a0}é\u{20ac}\u{1f600}"
        );
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_rule_at_every_offset() {
        for c in (0u32..0x300)
            .chain(0x2000..0x2100)
            .chain(0xfff0..0x10010)
            .filter_map(char::from_u32)
        {
            // Before, inside and across the eight-byte words, after clean multibyte text.
            for before in 0..20 {
                let text = format!(
                    "{}{c}åäö tail",
                    "ab".repeat(before).get(..before).unwrap_or("")
                );
                let expected = (!is_publishable(c)).then_some(before);
                assert_eq!(
                    first_unpublishable(&text),
                    expected,
                    "U+{:04X} after {before} bytes",
                    c as u32
                );
            }
        }
    }
}
