//! Splits a report file into its YAML frontmatter block and its Markdown body.

/// A report file cut in two. Line numbers count from the top of the file (line 1 is the
/// opening `---`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    /// The YAML between the fences (without them).
    pub yaml: &'a str,
    /// File line of the first YAML line (normally 2).
    pub yaml_line: u32,
    pub body: &'a str,
    /// File line of the first body line.
    pub body_line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file has no content at all (or only whitespace).
    Empty,
    /// The first line is not `---`.
    NoFrontmatter,
    /// The opening `---` is never closed.
    Unterminated { lines: u32 },
}

/// Cuts `text` (BOM already removed) at the `---` fences. The closing fence may also be `...`.
pub fn split(text: &str) -> Result<Document<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let mut lines = LinesWithOffsets::new(text);
    let Some((_, first)) = lines.next() else {
        return Err(SplitError::Empty);
    };
    if first.trim_end() != "---" {
        return Err(SplitError::NoFrontmatter);
    }
    let yaml_start = first.len() + line_break_len(text, first.len());
    let mut line_no = 1u32;
    for (offset, line) in lines {
        line_no += 1;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start =
                (offset + line.len() + line_break_len(text, offset + line.len())).min(text.len());
            return Ok(Document {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line_no + 1,
            });
        }
    }
    Err(SplitError::Unterminated { lines: line_no })
}

fn line_break_len(text: &str, at: usize) -> usize {
    let rest = &text.as_bytes()[at.min(text.len())..];
    if rest.starts_with(b"\r\n") {
        2
    } else if rest.starts_with(b"\n") {
        1
    } else {
        0
    }
}

/// Lines (without their line break, `\r` included in the line) with their byte offsets.
struct LinesWithOffsets<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> LinesWithOffsets<'a> {
    fn new(text: &'a str) -> Self {
        LinesWithOffsets { text, pos: 0 }
    }
}

impl<'a> Iterator for LinesWithOffsets<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (line, advance) = match memchr_newline(rest) {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

fn memchr_newline(s: &str) -> Option<usize> {
    s.as_bytes().iter().position(|&b| b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_fences() {
        let doc = split("---\ntitle: a\n---\n# Body\n").unwrap();
        assert_eq!(doc.yaml, "title: a\n");
        assert_eq!(doc.body, "# Body\n");
        assert_eq!(doc.yaml_line, 2);
        assert_eq!(doc.body_line, 4);
    }

    #[test]
    fn handles_crlf_and_dots_and_no_body() {
        let doc = split("---\r\ntitle: a\r\n...\r\n").unwrap();
        assert_eq!(doc.yaml, "title: a\r\n");
        assert_eq!(doc.body, "");
        let doc = split("---\ntitle: a\n---").unwrap();
        assert_eq!(doc.body, "");
    }

    #[test]
    fn reports_each_kind_of_missing_frontmatter() {
        assert_eq!(split(""), Err(SplitError::Empty));
        assert_eq!(split("  \n\n"), Err(SplitError::Empty));
        assert_eq!(split("# Rapport\n"), Err(SplitError::NoFrontmatter));
        assert_eq!(
            split("---\ntitle: a\nbody\n"),
            Err(SplitError::Unterminated { lines: 3 })
        );
    }
}
