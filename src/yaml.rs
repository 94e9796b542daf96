//! The only module that knows about `serde_yaml`.
//!
//! `serde_yaml` is archived upstream, so everything else in the crate works with [`Node`] (a
//! plain YAML tree) and [`YamlError`] (a message with a position). Replacing the parser means
//! rewriting this file only.

use serde::de::DeserializeOwned;

/// A parsed YAML value. Mapping keys are kept as text (as written) in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(Written<bool>),
    Int(Written<i64>),
    Float(Written<f64>),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

/// A scalar that YAML reads as a number or true/false, with its text exactly as written in the
/// file (`0x1F`, `1.50`, `.nan`), so that a value meant as text is never shown re-serialised.
#[derive(Debug, Clone, PartialEq)]
pub struct Written<T> {
    pub value: T,
    pub text: String,
}

impl<T> Written<T> {
    pub fn new(value: T, text: impl Into<String>) -> Self {
        Written {
            value,
            text: text.into(),
        }
    }
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

    /// Scalars as text: strings, and numbers and booleans as written in the file.
    pub fn scalar_text(&self) -> Option<String> {
        match self {
            Node::Str(s) => Some(s.clone()),
            Node::Int(w) => Some(w.text.clone()),
            Node::Float(w) => Some(w.text.clone()),
            Node::Bool(w) => Some(w.text.clone()),
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
    /// A whole number beyond what any YAML number here holds (the number as written).
    NumberTooLarge(String),
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
        // serde_yaml reads whole numbers up to 128 bits, and then cannot store them.
        if let Some(number) = message
            .split_once("integer `")
            .and_then(|(_, rest)| rest.split_once("` as "))
            .filter(|(_, rest)| rest.starts_with("u128") || rest.starts_with("i128"))
            .map(|(number, _)| number)
        {
            return ErrorKind::NumberTooLarge(number.to_string());
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
///
/// The document is read twice: once into serde_yaml's tree, which decides what each value is
/// (and reports syntax errors), then once more guided by that tree, asking for each number or
/// true/false value as a string, which serde_yaml answers with the scalar's text as written.
/// Should the second pass fail (it never has), numbers keep their canonical form.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    use serde::de::DeserializeSeed;
    let value: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|e| YamlError::from(e).in_lines_of(text))?;
    let written = written::Shaped(&value).deserialize(serde_yaml::Deserializer::from_str(text));
    Ok(written.unwrap_or_else(|_| convert(value)))
}

/// Deserialises one YAML document straight into a typed value (reference data, configuration).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|e| YamlError::from(e).in_lines_of(text))
}

impl YamlError {
    /// The position in lines as fouweb and editors count them (ended by LF, CR LF or CR):
    /// libyaml also ends a line at NEL, LS and PS (U+0085, U+2028, U+2029), which would put
    /// the error lines below where it is, or past the end of the file.
    fn in_lines_of(mut self, text: &str) -> Self {
        let (Some(line), Some(col)) = (self.line, self.col) else {
            return self;
        };
        if !text.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
            return self;
        }
        let (mut yaml_at, mut ours) = ((1u32, 1u32), (1u32, 1u32));
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if yaml_at >= (line, col) {
                break;
            }
            match c {
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    (yaml_at, ours) = ((yaml_at.0 + 1, 1), (ours.0 + 1, 1));
                }
                '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    (yaml_at, ours.1) = ((yaml_at.0 + 1, 1), ours.1 + 1);
                }
                _ => (yaml_at.1, ours.1) = (yaml_at.1 + 1, ours.1 + 1),
            }
        }
        (self.line, self.col) = (Some(ours.0), Some(ours.1));
        self
    }
}

fn convert(value: serde_yaml::Value) -> Node {
    use serde_yaml::Value;
    match value {
        Value::Null => Node::Null,
        Value::Bool(b) => Node::Bool(Written::new(b, b.to_string())),
        Value::Number(n) => number(&n, n.to_string()),
        Value::String(mut s) => {
            // `"\e"` and `"\0"` are valid YAML escapes but not publishable text.
            crate::text::make_publishable(&mut s);
            Node::Str(s)
        }
        Value::Sequence(items) => Node::Seq(items.into_iter().map(convert).collect()),
        Value::Mapping(map) => Node::Map(
            map.into_iter()
                .map(|(k, v)| (key_text(convert(k)), convert(v)))
                .collect(),
        ),
        // Tags (`!foo value`) carry no meaning in reports; keep the value.
        Value::Tagged(tagged) => convert(tagged.value),
    }
}

/// A number as [`Node::Int`] when it fits an `i64`, else as [`Node::Float`], with `text`.
fn number(n: &serde_yaml::Number, text: String) -> Node {
    match n.as_i64() {
        Some(i) => Node::Int(Written::new(i, text)),
        None => Node::Float(Written::new(n.as_f64().unwrap_or(f64::NAN), text)),
    }
}

fn key_text(key: Node) -> String {
    match key {
        Node::Null => String::new(),
        node => node
            .scalar_text()
            .unwrap_or_else(|| format!("<{}>", node.kind())),
    }
}

/// The second reading of [`parse`]: the tree serde_yaml made, with each scalar's text as
/// written.
mod written {
    use std::fmt;

    use serde::de::{
        self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
    };
    use serde::Deserialize;
    use serde_yaml::Value;

    use super::{convert, key_text, number, Node, Written};

    /// Reads the next value in the shape of an already parsed one.
    pub struct Shaped<'a>(pub &'a Value);

    impl<'de> DeserializeSeed<'de> for Shaped<'_> {
        type Value = Node;

        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
            match self.0 {
                Value::Sequence(items) => d.deserialize_seq(Items(items)),
                Value::Mapping(_) => d.deserialize_map(Entries(self.0)),
                // A tag's value keeps its canonical form (tags carry no meaning in reports).
                Value::Tagged(_) => {
                    IgnoredAny::deserialize(d)?;
                    Ok(convert(self.0.clone()))
                }
                scalar => d.deserialize_str(Scalar(scalar)),
            }
        }
    }

    struct Scalar<'a>(&'a Value);

    impl Visitor<'_> for Scalar<'_> {
        type Value = Node;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a scalar")
        }

        fn visit_str<E: de::Error>(self, written: &str) -> Result<Node, E> {
            Ok(match self.0 {
                Value::Bool(b) => Node::Bool(Written::new(*b, written)),
                Value::Number(n) => number(n, written.to_string()),
                other => convert(other.clone()),
            })
        }
    }

    struct Items<'a>(&'a [Value]);

    impl<'de> Visitor<'de> for Items<'_> {
        type Value = Node;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
            let mut nodes = Vec::with_capacity(self.0.len());
            for item in self.0 {
                let node = seq.next_element_seed(Shaped(item))?;
                nodes.push(node.ok_or_else(|| de::Error::custom("the list ended early"))?);
            }
            match seq.next_element::<IgnoredAny>()? {
                None => Ok(Node::Seq(nodes)),
                Some(_) => Err(de::Error::custom("the list is longer")),
            }
        }
    }

    struct Entries<'a>(&'a Value);

    impl<'de> Visitor<'de> for Entries<'_> {
        type Value = Node;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a mapping")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
            let Value::Mapping(entries) = self.0 else {
                return Err(de::Error::custom("not a mapping"));
            };
            let mut nodes = Vec::with_capacity(entries.len());
            for (key, value) in entries {
                let key = map.next_key_seed(Shaped(key))?;
                let key = key.ok_or_else(|| de::Error::custom("the mapping ended early"))?;
                nodes.push((key_text(key), map.next_value_seed(Shaped(value))?));
            }
            match map.next_key::<IgnoredAny>()? {
                None => Ok(Node::Map(nodes)),
                Some(_) => Err(de::Error::custom("the mapping is longer")),
            }
        }
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
                ("b".into(), Node::Int(Written::new(1, "1"))),
                (
                    "a".into(),
                    Node::Seq(vec![Node::Str("x".into()), Node::Int(Written::new(2, "2"))])
                ),
            ])
        );
    }

    #[test]
    fn numbers_and_booleans_keep_their_text_as_written() {
        let node = parse("a: 0x1F\nb: 1.50\nc: .nan\nd: [true, 1e3, ~]\n0x10: *x\n").ok();
        assert!(node.is_none(), "an unknown alias is a syntax error");
        let node = parse("a: &n 0x1F\nb: 1.50\nc: .nan\nd: [True, 1e3, ~, *n]\n0x10: x\n").unwrap();
        let Node::Map(entries) = node else {
            panic!("{node:?}")
        };
        let texts: Vec<(String, Option<String>)> = entries
            .iter()
            .map(|(k, v)| (k.clone(), v.scalar_text()))
            .collect();
        assert_eq!(texts[0], ("a".into(), Some("0x1F".into())));
        assert_eq!(texts[1], ("b".into(), Some("1.50".into())));
        assert_eq!(texts[2], ("c".into(), Some(".nan".into())));
        assert_eq!(texts[4], ("0x10".into(), Some("x".into())));
        let Node::Seq(items) = &entries[3].1 else {
            panic!("{entries:?}")
        };
        assert!(matches!(&items[0], Node::Bool(w) if w.value && w.text == "True"));
        assert!(matches!(&items[1], Node::Float(w) if w.value == 1000.0 && w.text == "1e3"));
        assert_eq!(items[2], Node::Null);
        assert!(matches!(&items[3], Node::Int(w) if w.value == 31 && w.text == "0x1F"));
    }

    #[test]
    fn tagged_values_keep_their_canonical_form() {
        let node = parse("a: !x 0x10\nb: 0x10\n").unwrap();
        let Node::Map(entries) = node else {
            panic!("{node:?}")
        };
        assert_eq!(entries[0].1.scalar_text().as_deref(), Some("16"));
        assert_eq!(entries[1].1.scalar_text().as_deref(), Some("0x10"));
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
    fn numbers_beyond_64_bits_are_classified() {
        let err = parse("budget_sek: 18446744073709551616\n").unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::NumberTooLarge("18446744073709551616".into())
        );
        assert_eq!((err.line, err.col), (Some(1), Some(13)));
        let err = parse("a: -9223372036854775809\n").unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::NumberTooLarge("-9223372036854775809".into())
        );
    }

    /// Found by tests/generated_inputs.rs: libyaml ends lines at NEL, LS and PS too.
    #[test]
    fn error_lines_count_only_lf_crlf_and_cr() {
        let err = parse("\u{85}A[^1]: fotnot\u{85}\t").unwrap_err();
        assert_eq!(err.line, Some(1), "{err:?}");
        let err = parse("a: b\u{2028}c\nd: [\n").unwrap_err();
        assert!(err.line.is_some_and(|l| l <= 3), "{err:?}");
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse("title: a\ntitle: b\n").unwrap_err();
        assert!(err.message.contains("duplicate"), "{}", err.message);
    }
}
