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

/// The byte offset of the first character that may not be published, if any. Scans bytes, so
/// clean text (the common case) costs one pass without decoding.
pub fn first_unpublishable(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let bad = match b {
            b'\t' | b'\n' | b'\r' => false,
            0..=0x1f | 0x7f => true,
            // U+0080–U+009F are C2 80 … C2 9F.
            0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            0xef => {
                bytes.get(i + 1) == Some(&0xbf) && matches!(bytes.get(i + 2), Some(0xbe | 0xbf))
            }
            _ => false,
        };
        if bad {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `text` with every unpublishable character replaced by U+FFFD; borrowed when clean.
pub fn publishable(text: &str) -> Cow<'_, str> {
    match first_unpublishable(text) {
        None => Cow::Borrowed(text),
        Some(first) => {
            let mut out = String::with_capacity(text.len() + 8);
            out.push_str(&text[..first]);
            out.extend(text[first..].chars().map(
                |c| {
                    if is_publishable(c) {
                        c
                    } else {
                        REPLACEMENT
                    }
                },
            ));
            Cow::Owned(out)
        }
    }
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
    fn the_byte_scan_agrees_with_the_character_rule() {
        for c in (0u32..0x300)
            .chain(0xfff0..0x10010)
            .filter_map(char::from_u32)
        {
            let text = format!("ab{c}");
            assert_eq!(
                first_unpublishable(&text).is_some(),
                !is_publishable(c),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
