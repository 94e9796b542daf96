//! Problems found in the input, collected rather than thrown.
//!
//! Every stage pushes [`Diagnostic`]s into a [`Diagnostics`] list; a command prints them all at
//! the end, sorted by file and line, in the familiar `path:line:col: error: message` form with
//! the offending source line and a hint.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A position in a file: 1-based line and column (in characters), and how many characters to
/// underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub len: u32,
}

impl Span {
    pub fn new(line: u32, col: u32, len: u32) -> Self {
        Span { line, col, len }
    }

    /// The start of a file.
    pub fn start() -> Self {
        Span::new(1, 1, 0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as shown to the user (relative to the site root where possible).
    pub file: PathBuf,
    pub span: Option<Span>,
    pub message: String,
    pub hint: Option<String>,
    /// The part of the source line the span points into, for the snippet.
    pub snippet: Option<Box<Snippet>>,
}

/// A source line, or the part of a long one around the span, with where the carets go.
///
/// Long lines are cut so that a message's size does not depend on the line's: 10 000 values
/// on one line give 10 000 short snippets, not 10 000 copies of the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text shown, control characters made visible.
    pub text: String,
    /// 1-based column (in characters of `text`) of the first caret.
    pub col: u32,
    /// How many carets.
    pub len: u32,
}

impl Snippet {
    /// Characters of context kept on each side of the span.
    const CONTEXT: usize = 40;
    /// Carets (and characters of the span) shown at most.
    const MAX_SPAN: usize = 60;

    /// The snippet of `line` for a span starting at column `col` (1-based, in characters) and
    /// `len` characters long.
    pub fn new(line: &str, col: u32, len: u32) -> Snippet {
        let line = line.trim_end_matches('\r');
        let start = col.saturating_sub(1) as usize;
        let len = (len as usize).min(Self::MAX_SPAN);
        let from = start.saturating_sub(Self::CONTEXT);
        let to = start + len.max(1) + Self::CONTEXT;
        let mut text = String::new();
        let mut caret = start;
        if from > 0 {
            text.push('…');
            caret = caret - from + 1;
        }
        let mut chars = line.chars().skip(from);
        for c in chars.by_ref().take(to - from) {
            text.push(visible(c));
        }
        if chars.next().is_some() {
            text.push('…');
        }
        Snippet {
            text,
            col: caret as u32 + 1,
            len: len as u32,
        }
    }
}

/// Control characters shown as their Unicode picture (U+2400…), so that a snippet never moves
/// the terminal's cursor; tabs stay tabs so that the carets line up.
fn visible(c: char) -> char {
    match c {
        '\t' => c,
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\x7f' => '\u{2421}',
        c if c.is_control() || !crate::text::is_publishable(c) => '\u{fffd}',
        c => c,
    }
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            span: None,
            message: message.into(),
            hint: None,
            snippet: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Points at `span` and keeps the part of `text`'s line around it for the snippet.
    pub fn at_in(mut self, span: Span, text: &str) -> Self {
        self.snippet = text
            .lines()
            .nth(span.line.saturating_sub(1) as usize)
            .map(|line| Box::new(Snippet::new(line, span.col, span.len)));
        self.span = Some(span);
        self
    }

    /// Points at `span`, which lies on `line` (the line's text itself).
    pub fn at_line(mut self, span: Span, line: &str) -> Self {
        self.snippet = Some(Box::new(Snippet::new(line, span.col, span.len)));
        self.span = Some(span);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` (or just the path when there is no position).
    pub fn location(&self) -> String {
        match self.span {
            Some(s) => format!("{}:{}:{}", self.file.display(), s.line, s.col),
            None => self.file.display().to_string(),
        }
    }

    /// The first line of the rendered diagnostic: `path:line:col: error: message`.
    pub fn headline(&self) -> String {
        format!(
            "{}: {}: {}",
            self.location(),
            self.severity.label(),
            self.message
        )
    }

    /// The full rendering: headline, snippet with a caret line, hint.
    pub fn render(&self) -> String {
        let mut out = self.headline();
        out.push('\n');
        if let (Some(span), Some(snippet)) = (self.span, &self.snippet) {
            let number = span.line.to_string();
            let pad = " ".repeat(number.len());
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{number} | {}", snippet.text);
            let indent: String = snippet
                .text
                .chars()
                .take(snippet.col.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let carets = "^".repeat(snippet.len.max(1) as usize);
            let _ = writeln!(out, "{pad} | {indent}{carets}");
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {hint}");
        }
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Diagnostics {
        let mut all = Diagnostics::new();
        all.push(diagnostic);
        all
    }
}

/// Everything found in one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(items: I) -> Self {
        Diagnostics {
            items: items.into_iter().collect(),
        }
    }
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// `--strict`: every warning becomes an error.
    pub fn promote_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// Sorts by file, then position, then severity, so output is stable across runs.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.span, a.severity, &a.message)
                .cmp(&(&b.file, b.span, b.severity, &b.message))
        });
    }

    /// Renders every diagnostic. Identical warnings from many files (the same unknown method in
    /// 300 reports) are printed once, with a count and the first few places.
    pub fn render(&self) -> String {
        const SHOWN_PLACES: usize = 3;
        let mut groups: BTreeMap<(&str, Option<&str>), Vec<&Diagnostic>> = BTreeMap::new();
        for d in self.items.iter().filter(|d| !d.is_error()) {
            groups
                .entry((d.message.as_str(), d.hint.as_deref()))
                .or_default()
                .push(d);
        }
        let mut out = String::new();
        for d in &self.items {
            if d.is_error() {
                out.push_str(&d.render());
                out.push('\n');
                continue;
            }
            let Some(group) = groups.remove(&(d.message.as_str(), d.hint.as_deref())) else {
                continue; // already printed with its group
            };
            out.push_str(&d.render());
            if group.len() > 1 {
                let places: Vec<String> = group[1..]
                    .iter()
                    .take(SHOWN_PLACES)
                    .map(|d| d.location())
                    .collect();
                let more = group.len() - 1 - places.len();
                let _ = write!(
                    out,
                    "  = note: the same warning in {} more place{}: {}",
                    group.len() - 1,
                    if group.len() == 2 { "" } else { "s" },
                    places.join(", ")
                );
                if more > 0 {
                    let _ = write!(out, " and {more} more");
                }
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }

    /// A one-line summary such as "2 errors, 5 warnings".
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}",
            plural(self.error_count(), "error"),
            plural(self.warning_count(), "warning")
        )
    }
}

/// Shows `path` relative to `root` when it lies inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_headline_snippet_and_hint() {
        let text = "---\ntitle: x\ncounty: Kronoberg lan\n---\n";
        let d = Diagnostic::error("content/a.md", "unknown county `Kronoberg lan`")
            .at_in(Span::new(3, 9, 13), text)
            .with_hint("did you mean `Kronobergs län`?");
        assert_eq!(
            d.render(),
            "content/a.md:3:9: error: unknown county `Kronoberg lan`\n  |\n3 | county: Kronoberg lan\n  |         ^^^^^^^^^^^^^\n  = hint: did you mean `Kronobergs län`?\n"
        );
    }

    #[test]
    fn repeated_warnings_are_grouped() {
        let mut all = Diagnostics::new();
        for i in 0..6 {
            all.push(
                Diagnostic::warning(format!("c/{i}.md"), "unknown method `X`")
                    .at(Span::new(5, 3, 1)),
            );
        }
        let text = all.render();
        assert_eq!(text.matches("warning: unknown method").count(), 1);
        assert!(text.contains(
            "the same warning in 5 more places: c/1.md:5:3, c/2.md:5:3, c/3.md:5:3 and 2 more"
        ));
    }

    #[test]
    fn strict_promotes_warnings() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::warning("a.md", "w"));
        assert!(!all.has_errors());
        all.promote_warnings();
        assert!(all.has_errors());
    }
}
