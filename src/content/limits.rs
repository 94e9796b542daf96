//! Enforces the site's [`Limits`]: sizes of a report's parts and values, and how many methods
//! outside the vocabulary a site may have. Sizes are checked before the costly step they guard
//! (the frontmatter's size before YAML parsing, a list's length before each item is located).

use std::collections::HashSet;
use std::path::Path;

use crate::config::Limits;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::yaml::Node;

use super::frontmatter::Source;
use super::locate::Locator;
use super::report::{MethodRef, Report};
use super::split::{split, Document};

/// How to raise limit `key` in site.yaml to `needed`, for hints.
fn raise(key: &str, needed: usize) -> String {
    format!("or raise the limit in site.yaml: `limits: {{{key}: {needed}}}`")
}

/// The frontmatter and the body each within their byte limits.
pub fn check_parts(source: &Source, doc: &Document, limits: &Limits) -> Result<(), Diagnostic> {
    if doc.yaml.len() > limits.frontmatter_bytes {
        return Err(source
            .error(
                Span::new(1, 1, 3),
                format!(
                    "the frontmatter is {} bytes long; the limit is {}",
                    doc.yaml.len(),
                    limits.frontmatter_bytes
                ),
            )
            .with_hint(format!(
                "keep the frontmatter to the report's facts and move long texts into the body, {}",
                raise("frontmatter_bytes", doc.yaml.len())
            )));
    }
    if doc.body.len() > limits.body_bytes {
        return Err(source
            .error(
                Span::new(doc.body_line, 1, 1),
                format!(
                    "the report's text is {} bytes long; the limit is {}",
                    doc.body.len(),
                    limits.body_bytes
                ),
            )
            .with_hint(format!(
                "split the report into several files, {}",
                raise("body_bytes", doc.body.len())
            )));
    }
    Ok(())
}

/// The body within the limits on nesting and table cells, measured before it is rendered.
pub fn check_body(source: &Source, doc: &Document, limits: &Limits) -> Result<(), Diagnostic> {
    use crate::markdown::shape::{excess, Excess};
    let Some(excess) = excess(doc.body, limits.nesting_depth, limits.table_cells) else {
        return Ok(());
    };
    let at = match &excess {
        Excess::Depth { at, .. } | Excess::Cells { at, .. } => *at,
    };
    let before = &doc.body[..at.min(doc.body.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let span = Span::new(
        doc.body_line + before.matches('\n').count() as u32,
        before[line_start..].chars().count() as u32 + 1,
        1,
    );
    Err(match excess {
        Excess::Depth { depth, .. } => source
            .error(
                span,
                format!(
                    "elements nest {depth} levels deep here; the limit is {}",
                    limits.nesting_depth
                ),
            )
            .with_hint(format!(
                "close the HTML tags that are left open, or flatten the lists and quotes, {}",
                raise("nesting_depth", depth)
            )),
        Excess::Cells { cells, columns, .. } => source
            .error(
                span,
                format!(
                    "the tables hold {cells} cells up to this one of {columns} columns (short rows count as wide as the header); the limit is {}",
                    limits.table_cells
                ),
            )
            .with_hint(format!(
                "split the table, or end it with a blank line, {}",
                raise("table_cells", cells.saturating_mul(2))
            )),
    })
}

/// A frontmatter value within the limits on list length and value size.
pub fn check_value(
    source: &Source,
    key: &str,
    value: &Node,
    limits: &Limits,
) -> Result<(), Diagnostic> {
    if let Node::Seq(items) = value {
        if items.len() > limits.values_per_field {
            return Err(source
                .error(
                    source.locator.value_start(key),
                    format!(
                        "`{key}` lists {} values; the limit is {}",
                        items.len(),
                        limits.values_per_field
                    ),
                )
                .with_hint(format!(
                    "check that the list is what you meant, {}",
                    raise("values_per_field", items.len())
                )));
        }
    }
    if let Some(len) = longest_text(value).filter(|&len| len > limits.value_bytes) {
        return Err(source
            .error(
                source.locator.value_start(key),
                format!(
                    "a value of `{key}` is {len} bytes long; the limit is {}",
                    limits.value_bytes
                ),
            )
            .with_hint(format!(
                "shorten it (long texts belong in the report's body), {}",
                raise("value_bytes", len)
            )));
    }
    Ok(())
}

/// The length of the longest text (or mapping key) in `value`.
fn longest_text(value: &Node) -> Option<usize> {
    match value {
        Node::Str(s) => Some(s.len()),
        Node::Seq(items) => items.iter().filter_map(longest_text).max(),
        Node::Map(entries) => entries
            .iter()
            .flat_map(|(k, v)| [Some(k.len()), longest_text(v)])
            .flatten()
            .max(),
        Node::Null | Node::Bool(_) | Node::Int(_) | Node::Float(_) => None,
    }
}

/// At most `limits.unknown_methods` distinct methods outside the vocabulary in `reports` (in
/// the order given, file order for a build). The error points at the first method past the
/// limit, in the file that writes it.
pub fn check_unknown_methods<'a>(
    root: &Path,
    reports: impl IntoIterator<Item = &'a Report>,
    limits: &Limits,
    diagnostics: &mut Diagnostics,
) {
    let mut seen = HashSet::new();
    for report in reports {
        for method in &report.methods {
            let MethodRef::Unknown { id, name } = method else {
                continue;
            };
            if seen.insert(id) && seen.len() > limits.unknown_methods {
                diagnostics.push(too_many_methods(root, report, name, limits));
                return;
            }
        }
    }
}

fn too_many_methods(root: &Path, report: &Report, name: &str, limits: &Limits) -> Diagnostic {
    let limit = limits.unknown_methods;
    let message = format!(
        "`{name}` is method number {} that is not in the vocabulary; the site's limit is {limit}",
        limit + 1
    );
    let hint = format!(
        "each such method gets a page of its own: add the methods to vocabulary/methods.yaml (with aliases for other spellings), {}",
        raise("unknown_methods", limit.saturating_mul(2))
    );
    // Only to find the line: a file that cannot be read again gets the error without one.
    let text = std::fs::read_to_string(root.join(&report.source)).unwrap_or_default();
    let text =
        crate::text::publishable(text.strip_prefix('\u{feff}').unwrap_or(&text)).into_owned();
    let diagnostic = Diagnostic::error(&report.source, message).with_hint(hint);
    match split(&text) {
        Ok(doc) => {
            let span = Locator::new(doc.yaml, doc.yaml_line).value("methods", name);
            diagnostic.at_in(span, &text)
        }
        Err(_) => diagnostic.at(Span::start()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_text_looks_inside_lists_and_mappings() {
        let node = Node::Seq(vec![
            Node::Str("ab".into()),
            Node::Map(vec![("nyckel".into(), Node::Str("abcd".into()))]),
            Node::Int(crate::yaml::Written::new(123_456_789, "123456789")),
        ]);
        assert_eq!(longest_text(&node), Some(6));
        assert_eq!(longest_text(&Node::Null), None);
    }
}
