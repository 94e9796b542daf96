//! Finds where a frontmatter key or value is written, so that messages about meaning
//! ("unknown county") point at the right line and column of the file.
//!
//! The YAML parser gives positions only for syntax errors, so this scans the text: top-level keys
//! start a line at column 1, and a value is searched for within its key's block.

use crate::diagnostics::Span;

#[derive(Debug)]
struct KeyBlock<'a> {
    name: &'a str,
    /// Index into `lines` of the key's own line.
    first: usize,
    /// One past the last line of the block.
    end: usize,
}

#[derive(Debug)]
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    /// File line number of `lines[0]`.
    first_line: u32,
    keys: Vec<KeyBlock<'a>>,
}

impl<'a> Locator<'a> {
    /// `yaml` is the frontmatter text; `first_line` the file line it starts on.
    pub fn new(yaml: &'a str, first_line: u32) -> Self {
        let lines: Vec<&str> = yaml.lines().map(|l| l.trim_end_matches('\r')).collect();
        let mut keys: Vec<KeyBlock> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            if let Some(name) = top_level_key(line) {
                if let Some(last) = keys.last_mut() {
                    last.end = i;
                }
                keys.push(KeyBlock {
                    name,
                    first: i,
                    end: lines.len(),
                });
            }
        }
        Locator {
            lines,
            first_line,
            keys,
        }
    }

    fn block(&self, key: &str) -> Option<&KeyBlock<'a>> {
        self.keys.iter().find(|k| k.name == key)
    }

    fn span_at(&self, line_idx: usize, byte_col: usize, len_chars: usize) -> Span {
        let line = self.lines[line_idx];
        let col = line[..byte_col.min(line.len())].chars().count() as u32 + 1;
        Span::new(self.first_line + line_idx as u32, col, len_chars as u32)
    }

    /// The key itself (`county` in `county: …`). Falls back to the first line.
    pub fn key(&self, key: &str) -> Span {
        match self.block(key) {
            Some(b) => self.span_at(b.first, 0, key.chars().count()),
            None => Span::new(self.first_line, 1, 0),
        }
    }

    /// The second place `key` is written as a top-level key (for duplicate keys).
    pub fn second_key(&self, key: &str) -> Option<Span> {
        let mut found = self.keys.iter().filter(|k| k.name == key);
        found.next()?;
        let second = found.next()?;
        Some(self.span_at(second.first, 0, key.chars().count()))
    }

    /// Where the key's value begins (after `key:`), or the key when the value is on later lines.
    pub fn value_start(&self, key: &str) -> Span {
        let Some(b) = self.block(key) else {
            return self.key(key);
        };
        let line = self.lines[b.first];
        let after_colon = line.find(':').map_or(line.len(), |i| i + 1);
        let value = without_comment(&line[after_colon..]).trim();
        if value.is_empty() {
            return self.key(key);
        }
        let start =
            after_colon + (line[after_colon..].len() - line[after_colon..].trim_start().len());
        self.span_at(b.first, start, value.chars().count())
    }

    /// The first place `needle` is written inside `key`'s block (for list items and nested
    /// values), or the value's start when it cannot be found (escaped or folded text).
    pub fn value(&self, key: &str, needle: &str) -> Span {
        let Some(b) = self.block(key) else {
            return self.key(key);
        };
        let needle = needle.trim();
        if !needle.is_empty() {
            for i in b.first..b.end {
                let line = self.lines[i];
                let from = if i == b.first {
                    line.find(':').map_or(0, |c| c + 1)
                } else {
                    0
                };
                if let Some(pos) = find_token(&line[from..], needle) {
                    return self.span_at(i, from + pos, needle.chars().count());
                }
            }
        }
        self.value_start(key)
    }

    /// Where each of `needles` is written inside `key`'s block, for a list's items in order.
    /// Each search starts where the previous item ended, and columns are counted from there,
    /// so a list of thousands of items on one line is located in one pass over it. An item not
    /// found there is looked up as by [`Locator::value`].
    pub fn values_in_order(&self, key: &str, needles: &[&str]) -> Vec<Span> {
        let Some(b) = self.block(key) else {
            return vec![self.key(key); needles.len()];
        };
        // The cursor: a line, a byte offset in it, and the character column of that offset.
        let (mut line, mut byte) = (b.first, self.lines[b.first].find(':').map_or(0, |c| c + 1));
        let mut col = self.lines[b.first][..byte].chars().count();
        let mut spans = Vec::with_capacity(needles.len());
        for needle in needles {
            let needle = needle.trim();
            let found = (line..b.end).filter(|_| !needle.is_empty()).find_map(|i| {
                let text = self.lines[i];
                let (from, from_col) = if i == line { (byte, col) } else { (0, 0) };
                let pos = find_token(&text[from..], needle)?;
                Some((
                    i,
                    from + pos,
                    from_col + text[from..from + pos].chars().count(),
                ))
            });
            if let Some((i, at, start_col)) = found {
                let len = needle.chars().count();
                spans.push(Span::new(
                    self.first_line + i as u32,
                    start_col as u32 + 1,
                    len as u32,
                ));
                (line, byte, col) = (i, at + needle.len(), start_col + len);
                continue;
            }
            // Not after the previous item: written out of order, or not literally.
            spans.push(self.value(key, needle));
        }
        spans
    }

    /// The top-level key whose block holds file line `line`.
    pub fn key_at(&self, line: u32) -> Option<&'a str> {
        let i = line.checked_sub(self.first_line)? as usize;
        self.keys
            .iter()
            .find(|k| (k.first..k.end).contains(&i))
            .map(|k| k.name)
    }

    /// Whether the value at `span` (as found by [`Locator::value`]) is written in quotes.
    pub fn quoted(&self, span: Span) -> bool {
        let Some(line) = span
            .line
            .checked_sub(self.first_line)
            .and_then(|i| self.lines.get(i as usize))
        else {
            return false;
        };
        let before = (span.col as usize).saturating_sub(2);
        span.col > 1
            && line
                .chars()
                .nth(before)
                .is_some_and(|c| c == '"' || c == '\'')
    }

    /// A nested key inside `key`'s block (`end` in `period: {start: …, end: …}`).
    pub fn subkey(&self, key: &str, sub: &str) -> Span {
        let Some(b) = self.block(key) else {
            return self.key(key);
        };
        for i in b.first..b.end {
            let line = self.lines[i];
            let from = if i == b.first { key.len() + 1 } else { 0 };
            let mut search = from.min(line.len());
            while let Some(pos) = line[search..].find(sub) {
                let at = search + pos;
                let before_ok = at == 0
                    || !line[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_');
                let after = line[at + sub.len()..].trim_start();
                if before_ok && after.starts_with(':') {
                    return self.span_at(i, at, sub.chars().count());
                }
                search = at + sub.len();
            }
        }
        self.value_start(key)
    }
}

/// `text` up to a YAML comment (a `#` at the start or after a space, outside quotes).
fn without_comment(text: &str) -> &str {
    let mut quote = None;
    let mut previous = ' ';
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if previous.is_whitespace() => return &text[..i],
            _ => {}
        }
        previous = c;
    }
    text
}

/// `name` when `line` starts a top-level mapping key (`name:` at column 1).
fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '{' | '[' | '}' | ']') {
        return None;
    }
    let colon = line.find(':')?;
    let name = line[..colon].trim_end();
    let name = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .or_else(|| name.strip_prefix('\'').and_then(|n| n.strip_suffix('\'')))
        .unwrap_or(name);
    let rest = &line[colon + 1..];
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(name)
}

/// Finds `needle` as a whole value (not part of a longer word) in `haystack`.
fn find_token(haystack: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(needle) {
        let at = from + pos;
        let end = at + needle.len();
        let boundary =
            |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
        if boundary(haystack[..at].chars().next_back()) && boundary(haystack[end..].chars().next())
        {
            return Some(at);
        }
        from = at + needle.len().max(1);
        if from >= haystack.len() {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "title: \"Barn\"\ncounty:\n  - Örebro län\n  - Kronobergs lan\nperiod: {start: 2008-06, end: 2008-13}\nmethods: [BRA, Okänd]\n";

    #[test]
    fn finds_keys_and_list_items_with_file_lines() {
        let loc = Locator::new(YAML, 2);
        assert_eq!(loc.key("county"), Span::new(3, 1, 6));
        assert_eq!(loc.value("county", "Kronobergs lan"), Span::new(5, 5, 14));
        assert_eq!(loc.value("methods", "Okänd"), Span::new(7, 16, 5));
        assert_eq!(loc.subkey("period", "end"), Span::new(6, 26, 3));
        assert_eq!(loc.value("period", "2008-13"), Span::new(6, 31, 7));
        assert_eq!(loc.value_start("title"), Span::new(2, 8, 6));
    }

    #[test]
    fn a_value_ends_before_its_comment() {
        let loc = Locator::new(
            "county: []  # län\ntitle: \"A # B\" # x\nperiod: # none\n",
            2,
        );
        assert_eq!(loc.value_start("county"), Span::new(2, 9, 2));
        assert_eq!(loc.value_start("title"), Span::new(3, 8, 7));
        assert_eq!(loc.value_start("period"), Span::new(4, 1, 6));
    }

    #[test]
    fn list_items_are_found_in_order() {
        let loc = Locator::new("methods: [BRA, BRA-samtal, BRA]\ntags:\n  - å\n  - b\n", 2);
        assert_eq!(
            loc.values_in_order("methods", &["BRA", "BRA", "saknas", "BRA-samtal"]),
            [
                Span::new(2, 11, 3),
                Span::new(2, 28, 3),
                Span::new(2, 10, 22),
                Span::new(2, 16, 10)
            ]
        );
        assert_eq!(
            loc.values_in_order("tags", &["å", "b"]),
            [Span::new(4, 5, 1), Span::new(5, 5, 1)]
        );
    }

    #[test]
    fn values_match_whole_words_only() {
        let loc = Locator::new("methods: [BRA-samtal, BRA]\n", 2);
        assert_eq!(loc.value("methods", "BRA"), Span::new(2, 23, 3));
    }

    #[test]
    fn missing_keys_fall_back_to_the_first_line() {
        let loc = Locator::new("title: x\n", 2);
        assert_eq!(loc.key("county"), Span::new(2, 1, 0));
    }
}
