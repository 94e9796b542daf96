//! Template errors as diagnostics. Owns the rule that a template error names the file a user
//! edits (the site's override or the default theme's) at MiniJinja's line and column, with the
//! source line and carets under the part MiniJinja points at.

use std::ops::Range;

use crate::diagnostics::{Diagnostic, Span};
use crate::theme::Theme;

/// The diagnostic of `err`, raised while loading or rendering template `name`.
pub(super) fn template_error(theme: &Theme, name: &str, err: &minijinja::Error) -> Diagnostic {
    // An error inside an extended or imported template names that template.
    let file = err.name().unwrap_or(name);
    let mut detail = err.kind().to_string();
    if let Some(d) = err.detail() {
        detail = format!("{detail}: {d}");
    }
    let diagnostic = Diagnostic::error(
        theme.template_path(file),
        format!("template error: {detail}"),
    )
    .with_hint("fix the template, or delete the site's copy to use the default theme's");
    let Some(line) = err.line() else {
        return diagnostic;
    };
    match theme.template_source(file) {
        Ok(Some(source)) => {
            let span = span_in(&source, line, err.range());
            diagnostic.at_in(span, &source)
        }
        // The file was read a moment ago (or is gone now): the message still names the line,
        // and a second error about reading it would only repeat the first.
        Ok(None) | Err(_) => diagnostic.at(Span::new(line as u32, 1, 1)),
    }
}

/// Where `range` (MiniJinja's byte range in `source`) starts, in lines and characters, and
/// how many characters of its first line it covers. Without a usable range: column 1 of
/// `line`.
fn span_in(source: &str, line: usize, range: Option<Range<usize>>) -> Span {
    let whole_line = Span::new(line as u32, 1, 1);
    let Some(range) = range else {
        return whole_line;
    };
    let (Some(before), Some(inside)) = (source.get(..range.start), source.get(range)) else {
        return whole_line;
    };
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let at_line = before.matches('\n').count() + 1;
    let col = before[line_start..].chars().count() + 1;
    let len = inside.split('\n').next().map_or(0, |s| s.chars().count());
    Span::new(at_line as u32, col as u32, len.max(1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_become_lines_and_character_columns() {
        let source = "<p>\nå {% if %}\n";
        let start = source.find("{%").unwrap();
        let span = span_in(source, 2, Some(start..start + 8));
        assert_eq!(span, Span::new(2, 3, 8));
        // A range over several lines underlines its first line's part.
        assert_eq!(span_in(source, 1, Some(1..6)), Span::new(1, 2, 2));
        assert_eq!(span_in(source, 2, None), Span::new(2, 1, 1));
        assert_eq!(span_in(source, 2, Some(2..99)), Span::new(2, 1, 1));
    }
}
