//! What each kind of frontmatter value accepts: one text, a list of names, a sum of kronor.
//!
//! The rule: a value is taken as written in the file or it is an error. A text field keeps a
//! number's text (`status: 1.50` is "1.50", never "1.5"); a list of names accepts only texts
//! (one text is a list of one), so a number, a date, true/false, a mapping or an empty item is
//! an error naming the key, what was found and what is accepted, instead of a name nobody
//! wrote. Counties and municipalities also accept SCB codes written in decimal digits.

use crate::diagnostics::{Diagnostic, Span};
use crate::yaml::Node;

use super::fields;
use super::frontmatter::{Located, Source};

/// How a list of names reads its value.
#[derive(Clone, Copy)]
pub struct Names {
    /// Whole numbers in decimal digits are codes (`county: 18`).
    pub codes: bool,
    /// One text with commas or semicolons is split, with a warning asking for a list.
    pub split_commas: bool,
}

pub fn wrong_type(source: &Source, key: &str, expected: &str, found: &Node) -> Diagnostic {
    source
        .error(
            source.locator.value_start(key),
            format!("`{key}` must be {expected}, found {}", found.kind()),
        )
        .with_hint(format!("write e.g. `{key}: {}`", example(key)))
}

/// A well-formed value of `key`, for hints.
fn example(key: &str) -> &'static str {
    fields::named(key).map_or("text", |f| f.example)
}

/// A single text value; numbers are taken as written. Empty values count as absent.
pub fn text(
    source: &Source,
    key: &str,
    value: &Node,
    push: &mut impl FnMut(Diagnostic),
) -> Option<String> {
    match value {
        Node::Null => None,
        Node::Str(s) if s.trim().is_empty() => None,
        Node::Str(s) => Some(s.trim().to_string()),
        Node::Int(_) | Node::Float(_) => value.scalar_text(),
        other => {
            let mut d = wrong_type(source, key, "text", other);
            if let Some(written) = other.scalar_text() {
                d = d.with_hint(format!(
                    "to mean the text, quote it: `{key}: \"{written}\"`"
                ));
            }
            push(d);
            None
        }
    }
}

/// What a list item or a lone value is when it is not a name, as "a date (`2015-01-01`)".
fn not_a_name(source: &Source, key: &str, node: &Node, codes: bool) -> Option<String> {
    let written = |kind: &str, text: &str| format!("{kind} (`{text}`)");
    match node {
        Node::Str(s) if looks_like_date(s.trim()) => {
            let span = source.locator.value(key, s.trim());
            (!source.locator.quoted(span)).then(|| written("a date", s.trim()))
        }
        Node::Str(_) => None,
        Node::Int(w) if codes && w.text.bytes().all(|b| b.is_ascii_digit()) => None,
        Node::Int(w) => Some(written(node.kind(), &w.text)),
        Node::Float(w) => Some(written(node.kind(), &w.text)),
        Node::Bool(w) => Some(written(node.kind(), &w.text)),
        Node::Null => Some("an empty item".into()),
        Node::Seq(_) | Node::Map(_) => Some(node.kind().into()),
    }
}

/// A plain YAML 1.1 timestamp (`2015-01-01`, `2015-1-1 10:00`): other YAML readers take it
/// for a date, so it is not accepted as a name unless quoted.
fn looks_like_date(s: &str) -> bool {
    let date = s.split([' ', 'T', 't']).next().unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    parts.len() == 3
        && digits(parts[0], 4..=4)
        && digits(parts[1], 1..=2)
        && digits(parts[2], 1..=2)
}

fn not_a_name_error(
    source: &Source,
    key: &str,
    span: Span,
    found: &str,
    names: Names,
    written: Option<String>,
) -> Diagnostic {
    let accepted = if names.codes {
        "text, a list of texts, or an SCB code in decimal digits"
    } else {
        "text or a list of texts"
    };
    let quote = written.map_or(String::new(), |w| {
        format!("; to mean the text, quote it: `\"{w}\"`")
    });
    source
        .error(span, format!("`{key}` must be {accepted}, found {found}"))
        .with_hint(format!("write e.g. `{key}: {}`{quote}", example(key)))
}

/// A list of names, also accepted as one text.
pub fn names(
    source: &Source,
    key: &str,
    value: &Node,
    how: Names,
    push: &mut impl FnMut(Diagnostic),
) -> Vec<Located<String>> {
    let loc = &source.locator;
    let item = |s: &str| Located {
        value: s.trim().to_string(),
        span: loc.value(key, s.trim()),
    };
    match value {
        Node::Null => Vec::new(),
        Node::Str(s) if how.split_commas && s.contains([',', ';']) => {
            split_commas(source, key, s, push)
                .iter()
                .map(|s| item(s))
                .collect()
        }
        Node::Str(s) if s.trim().is_empty() => Vec::new(),
        Node::Seq(items) => list_items(source, key, items, how, push),
        scalar => match not_a_name(source, key, scalar, how.codes) {
            None => vec![item(&scalar.scalar_text().unwrap_or_default())],
            Some(found) => {
                let span = loc.value_start(key);
                push(not_a_name_error(
                    source,
                    key,
                    span,
                    &found,
                    how,
                    scalar.scalar_text(),
                ));
                Vec::new()
            }
        },
    }
}

/// The items of a list of names, each located in order; an item that is not a name is
/// reported where it is written. A list of empty items only is an empty list.
fn list_items(
    source: &Source,
    key: &str,
    items: &[Node],
    how: Names,
    push: &mut impl FnMut(Diagnostic),
) -> Vec<Located<String>> {
    let all_empty = items.iter().all(|i| match i {
        Node::Null => true,
        Node::Str(s) => s.trim().is_empty(),
        _ => false,
    });
    let mut texts = Vec::with_capacity(items.len());
    for i in items.iter().filter(|_| !all_empty) {
        match not_a_name(source, key, i, how.codes) {
            None => texts.extend(i.scalar_text().filter(|t| !t.trim().is_empty())),
            Some(found) => {
                let written = i.scalar_text();
                let span = written.as_deref().map_or_else(
                    || source.locator.value_start(key),
                    |w| source.locator.value(key, w.trim()),
                );
                push(not_a_name_error(source, key, span, &found, how, written));
            }
        }
    }
    let needles: Vec<&str> = texts.iter().map(|t| t.trim()).collect();
    let spans = source.locator.values_in_order(key, &needles);
    needles
        .into_iter()
        .zip(spans)
        .map(|(value, span)| Located {
            value: value.to_string(),
            span,
        })
        .collect()
}

/// One text with commas or semicolons, as its parts, with a warning asking for a list.
fn split_commas<'t>(
    source: &Source,
    key: &str,
    s: &'t str,
    push: &mut impl FnMut(Diagnostic),
) -> Vec<&'t str> {
    let items: Vec<&str> = s
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let as_list = items.join(", ");
    push(
        source
            .warning(
                source.locator.value_start(key),
                format!(
                    "`{key}` is a comma-separated text; read as a list of {}",
                    items.len()
                ),
            )
            .with_hint(format!("write it as a YAML list: `{key}: [{as_list}]`")),
    );
    items
}

/// A whole number of kronor in decimal digits; "350 000" (with spaces) and "350000 kr" are
/// accepted too.
pub fn budget(
    source: &Source,
    key: &str,
    value: &Node,
    push: &mut impl FnMut(Diagnostic),
) -> Option<u64> {
    let here = source.locator.value_start(key);
    let example = "write e.g. `budget_sek: 350000`";
    let written = match value {
        Node::Null => return None,
        Node::Str(s) => s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect::<String>()
            .trim_end_matches("kr")
            .to_string(),
        Node::Int(w) => w.text.clone(),
        Node::Float(w) => w.text.clone(),
        other => {
            push(
                wrong_type(source, key, "a whole number of kronor (0 or more)", other)
                    .with_hint(example),
            );
            return None;
        }
    };
    let digits = !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit());
    if digits {
        if let Ok(n) = written.parse::<u64>() {
            return Some(n);
        }
    }
    let (message, hint) = match value {
        _ if digits => (
            format!(
                "`{key}` must be a whole number of kronor from 0 to {}, found a number of {} digits",
                u64::MAX,
                written.len()
            ),
            "check the amount: it is written in whole kronor, without decimals".to_string(),
        ),
        Node::Int(w) if w.value < 0 => (
            format!("`{key}` must be 0 kronor or more, found {}", w.text),
            example.to_string(),
        ),
        Node::Int(w) => (
            format!(
                "`{key}` must be written in plain decimal digits, found `{}`",
                w.text
            ),
            format!("YAML reads `{}` as {}; write `{key}: {}`", w.text, w.value, w.value),
        ),
        Node::Float(_) => (
            format!(
                "`{key}` must be a whole number of kronor (0 or more), found {} (`{written}`)",
                value.kind()
            ),
            example.to_string(),
        ),
        _ => (
            format!(
                "`{key}` must be a whole number of kronor, found `{}`",
                value.scalar_text().unwrap_or_default()
            ),
            example.to_string(),
        ),
    };
    push(source.error(here, message).with_hint(hint));
    None
}
