//! The only module that knows about `serde_yaml`.
//!
//! `serde_yaml` is archived upstream, so everything else in the crate works with [`Node`] (a
//! plain YAML tree) and [`YamlError`] (a message with a position). Replacing the parser means
//! rewriting this file only.

use serde::de::DeserializeOwned;

/// A parsed YAML value. Mapping keys are kept as text in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

impl Node {
    /// A short human name of the value's kind, for "expected …, found …" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "nothing",
            Node::Bool(_) => "a true/false value",
            Node::Int(_) => "a whole number",
            Node::Float(_) => "a decimal number",
            Node::Str(_) => "text",
            Node::Seq(_) => "a list",
            Node::Map(_) => "a mapping",
        }
    }

    /// Scalars as text (numbers and booleans as written in canonical form).
    pub fn scalar_text(&self) -> Option<String> {
        match self {
            Node::Str(s) => Some(s.clone()),
            Node::Int(i) => Some(i.to_string()),
            Node::Float(f) => Some(f.to_string()),
            Node::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// A YAML syntax or type error. `line` and `col` are 1-based and relative to the parsed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub kind: ErrorKind,
    pub message: String,
    pub line: Option<u32>,
    pub col: Option<u32>,
}

/// What went wrong, for callers that explain how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// A key written twice in one mapping (the key).
    DuplicateKey(String),
    /// A quote opened and never closed.
    UnclosedQuote,
    /// A `[` never closed with `]`.
    UnclosedList,
    /// A `{` never closed with `}`.
    UnclosedMapping,
    /// A line that is neither `key: value` nor `- item` where one was expected.
    NotAKey,
    /// `: ` inside a value, or a line indented under a scalar.
    UnexpectedMapping,
    /// Items of one block that do not line up.
    Indentation,
    /// A value starting with a character YAML reserves (`@`, `` ` ``, `%`).
    ReservedCharacter,
    /// A value of the wrong type for a typed document (configuration, vocabulary).
    Type,
    Other,
}

impl ErrorKind {
    fn of(message: &str) -> ErrorKind {
        if let Some(key) = message
            .split_once("duplicate entry with key \"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(key, _)| key)
        {
            return ErrorKind::DuplicateKey(key.to_string());
        }
        let kinds = [
            ("while scanning a quoted scalar", ErrorKind::UnclosedQuote),
            ("while scanning a simple key", ErrorKind::NotAKey),
            ("did not find expected key", ErrorKind::Indentation),
            ("while parsing a flow sequence", ErrorKind::UnclosedList),
            ("while parsing a flow mapping", ErrorKind::UnclosedMapping),
            (
                "mapping values are not allowed",
                ErrorKind::UnexpectedMapping,
            ),
            (
                "found character that cannot start any token",
                ErrorKind::ReservedCharacter,
            ),
            ("invalid type", ErrorKind::Type),
            ("unknown field", ErrorKind::Type),
            ("missing field", ErrorKind::Type),
            ("invalid value", ErrorKind::Type),
        ];
        kinds
            .into_iter()
            .find(|(text, _)| message.contains(text))
            .map_or(ErrorKind::Other, |(_, kind)| kind)
    }
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.col) {
            (Some(l), Some(c)) => write!(f, "{} (line {l}, column {c})", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl From<serde_yaml::Error> for YamlError {
    fn from(err: serde_yaml::Error) -> Self {
        let text = err.to_string();
        // An unclosed `[`, `{` or quote is noticed lines later; the line that opened it is the
        // one to fix, and libyaml names it as the context of the error.
        let opened = [
            ", while parsing a flow",
            ", while scanning a quoted scalar",
            ", while scanning a simple key",
        ]
        .iter()
        .find_map(|marker| text.split_once(marker))
        .and_then(|(_, context)| position_in(context));
        let location = err.location().map(|l| (l.line() as u32, l.column() as u32));
        let (line, col) = match opened.or(location) {
            Some((l, c)) => (Some(l), Some(c)),
            None => (None, None),
        };
        YamlError {
            kind: ErrorKind::of(&text),
            message: strip_positions(&text),
            line,
            col,
        }
    }
}

/// The first "line N column M" in `text`.
fn position_in(text: &str) -> Option<(u32, u32)> {
    let rest = &text[text.find("line ")? + 5..];
    let line_digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let rest = rest[line_digits.len()..].strip_prefix(" column ")?;
    let col_digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line_digits.parse().ok()?, col_digits.parse().ok()?))
}

/// Parses one YAML document into a [`Node`] tree.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text)?;
    Ok(convert(value))
}

/// Deserialises one YAML document straight into a typed value (reference data, configuration).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    Ok(serde_yaml::from_str(text)?)
}

fn convert(value: serde_yaml::Value) -> Node {
    use serde_yaml::Value;
    match value {
        Value::Null => Node::Null,
        Value::Bool(b) => Node::Bool(b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Node::Int(i),
            None => Node::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(mut s) => {
            // `"\e"` and `"\0"` are valid YAML escapes but not publishable text.
            crate::text::make_publishable(&mut s);
            Node::Str(s)
        }
        Value::Sequence(items) => Node::Seq(items.into_iter().map(convert).collect()),
        Value::Mapping(map) => Node::Map(
            map.into_iter()
                .map(|(k, v)| (key_text(k), convert(v)))
                .collect(),
        ),
        // Tags (`!foo value`) carry no meaning in reports; keep the value.
        Value::Tagged(tagged) => convert(tagged.value),
    }
}

fn key_text(key: serde_yaml::Value) -> String {
    match convert(key) {
        Node::Null => String::new(),
        node => node
            .scalar_text()
            .unwrap_or_else(|| format!("<{}>", node.kind())),
    }
}

/// serde_yaml appends "at line X column Y" (sometimes twice); positions are reported separately.
fn strip_positions(message: &str) -> String {
    const MARK: &str = " at line ";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let tail = &rest[at + MARK.len()..];
        let after_line = tail.trim_start_matches(|c: char| c.is_ascii_digit());
        match after_line.strip_prefix(" column ") {
            Some(col) => rest = col.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => {
                out.push_str(MARK);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_mapping_in_order() {
        let node = parse("b: 1\na: [x, 2]\n").unwrap();
        assert_eq!(
            node,
            Node::Map(vec![
                ("b".into(), Node::Int(1)),
                (
                    "a".into(),
                    Node::Seq(vec![Node::Str("x".into()), Node::Int(2)])
                ),
            ])
        );
    }

    #[test]
    fn year_months_stay_text() {
        let node = parse("start: 2008-03\n").unwrap();
        assert_eq!(
            node,
            Node::Map(vec![("start".into(), Node::Str("2008-03".into()))])
        );
    }

    #[test]
    fn syntax_errors_carry_a_position_and_a_clean_message() {
        let err = parse("title: ok\ncounty: [a, b\nperiod: 2008\n").unwrap_err();
        assert_eq!(err.line, Some(2), "points at the unclosed bracket: {err:?}");
        assert!(!err.message.contains("at line"), "{}", err.message);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse("title: a\ntitle: b\n").unwrap_err();
        assert!(err.message.contains("duplicate"), "{}", err.message);
    }
}
