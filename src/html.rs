//! HTML escaping for text fouweb writes itself (outside the templates' autoescaping): page
//! values, search snippets.

use std::fmt::{self, Write};

/// Writes `text` with the five characters that matter in HTML escaped. (minijinja's own
/// escaper also turns every `/` into `&#x2f;`, which bloats each URL without making anything
/// safer.)
pub fn escape_into(out: &mut impl Write, text: &str) -> fmt::Result {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[last..i])?;
        out.write_str(replacement)?;
        last = i + 1;
    }
    out.write_str(&text[last..])
}

/// [`escape_into`] a new string.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // Writing to a String cannot fail.
    let _ = escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_the_five_and_keeps_the_rest() {
        assert_eq!(
            super::escape("<a href=\"/x\">'å' & b</a>"),
            "&lt;a href=&quot;/x&quot;&gt;&#39;å&#39; &amp; b&lt;/a&gt;"
        );
    }
}
