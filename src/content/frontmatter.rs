//! Phase one of reading a report: YAML → typed frontmatter, with positions.
//!
//! Checks only shape (is `county` text or a list of texts?) and reports unknown keys. Whether a
//! county or method exists is phase two ([`super::report`]).

use std::path::Path;

use crate::config::Limits;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::vocabulary::or_list;
use crate::yaml::{self, Node};

use super::fields::{self, Key};
use super::locate::Locator;
use super::split::Document;
use super::values::{budget, names, text, Names};

/// A value and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Frontmatter {
    pub title: Option<Located<String>>,
    pub slug: Option<Located<String>>,
    pub county: Vec<Located<String>>,
    pub municipalities: Vec<Located<String>>,
    pub organisation: Option<String>,
    pub period: Option<Located<Node>>,
    pub methods: Vec<Located<String>>,
    pub outcomes: Vec<String>,
    pub target_groups: Vec<String>,
    pub funding: Option<String>,
    pub budget_sek: Option<u64>,
    pub status: Option<String>,
    pub contact: Option<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub draft: bool,
    /// Every key written, even when its value was malformed (so that "missing" is not reported
    /// on top of "wrong type").
    pub keys: Vec<String>,
    /// Keys written without a value (`period:`, `county: []`, `title: ""`), so that a required
    /// one is reported as empty rather than silently missing.
    pub empty: Vec<String>,
}

/// Everything phase one needs to point at the file.
pub struct Source<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub locator: Locator<'a>,
}

impl Source<'_> {
    pub fn error(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.file, message).at_in(span, self.text)
    }

    pub fn warning(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(self.file, message).at_in(span, self.text)
    }
}

/// Parses the YAML block of `doc`. Returns `None` when the block is not a usable mapping (the
/// reason is in `diagnostics`); otherwise the typed frontmatter, possibly with some fields
/// missing because they were malformed (also reported).
pub fn parse(
    source: &Source,
    doc: &Document,
    limits: &Limits,
    diagnostics: &mut Diagnostics,
) -> Option<Frontmatter> {
    let entries = match mapping(source, doc) {
        Ok(entries) => entries,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    let mut fm = Frontmatter {
        keys: entries.iter().map(|(k, _)| k.clone()).collect(),
        empty: entries
            .iter()
            .filter(|(_, v)| is_empty(v))
            .map(|(k, _)| k.clone())
            .collect(),
        ..Frontmatter::default()
    };
    for (name, value) in entries {
        if let Err(d) = super::limits::check_value(source, &name, &value, limits) {
            diagnostics.push(d);
            continue;
        }
        match fields::named(&name) {
            Some(field) => read_field(source, &mut fm, field.key, value, diagnostics),
            None => diagnostics.push(unknown_key(source, &name)),
        }
    }
    Some(fm)
}

/// The frontmatter's `key: value` entries, or the error that makes it unusable.
fn mapping(source: &Source, doc: &Document) -> Result<Vec<(String, Node)>, Diagnostic> {
    let node = yaml::parse(doc.yaml).map_err(|err| yaml_error(source, doc, err))?;
    match node {
        Node::Map(entries) => Ok(entries),
        Node::Null => Err(source
            .error(Span::start(), "the frontmatter is empty")
            .with_hint("add at least `title:`, `county:` and `period:` between the `---` lines")),
        other => Err(source
            .error(Span::new(doc.yaml_line, 1, 1), format!("the frontmatter must be a mapping of `key: value` lines, found {}", other.kind()))
            .with_hint("write one `key: value` per line, e.g. `title: Barngrupper i Örebro län`, not a list starting with `-`")),
    }
}

/// A YAML syntax error, pointed at the line to fix.
fn yaml_error(source: &Source, doc: &Document, err: yaml::YamlError) -> Diagnostic {
    let line = doc.yaml_line + err.line.unwrap_or(1).saturating_sub(1);
    let mut span = Span::new(line, err.col.unwrap_or(1), 1);
    let mut hint = None;
    if let yaml::ErrorKind::NumberTooLarge(number) = &err.kind {
        return number_too_large(source, span, number);
    }
    if let yaml::ErrorKind::DuplicateKey(key) = &err.kind {
        span = source.locator.second_key(key).unwrap_or(span);
    } else if let Some((glued, key)) = glued_key(doc, span.line) {
        // `title:Barn` reads as text, and YAML trips over a later line.
        span = glued;
        hint = Some(format!("put a space after the colon: `{key}: …`"));
    }
    let line_text = source
        .text
        .lines()
        .nth(span.line.saturating_sub(1) as usize)
        .unwrap_or("");
    let hint = hint.unwrap_or_else(|| yaml_hint(&err, line_text));
    source
        .error(
            span,
            format!("invalid YAML in frontmatter: {}", err.message),
        )
        .with_hint(hint)
}

/// A whole number too large for YAML to read, named with its key and the range accepted.
fn number_too_large(source: &Source, at: Span, number: &str) -> Diagnostic {
    let key = source.locator.key_at(at.line).unwrap_or("a value");
    let span = Span::new(at.line, at.col, number.chars().count() as u32);
    let digits = number.trim_start_matches(['-', '+']).len();
    if key == Key::BudgetSek.name() {
        return source
            .error(
                span,
                format!("`{key}` must be a whole number of kronor from 0 to {}, found a number of {digits} digits", u64::MAX),
            )
            .with_hint("check the amount: it is written in whole kronor, without decimals");
    }
    source
        .error(
            span,
            format!(
                "`{key}` holds a number of {digits} digits; numbers are read from {} to {}",
                i64::MIN,
                u64::MAX
            ),
        )
        .with_hint(format!("to mean the text, quote it: `{key}: \"{number}\"`"))
}

/// Reads one known key's value into `fm`, reporting a value of the wrong shape.
fn read_field(
    source: &Source,
    fm: &mut Frontmatter,
    key: Key,
    value: Node,
    diagnostics: &mut Diagnostics,
) {
    let name = key.name();
    let here = source.locator.value_start(name);
    let mut push = |d: Diagnostic| diagnostics.push(d);
    let located = |v: String| Located {
        value: v,
        span: here,
    };
    match key {
        Key::Title => fm.title = text(source, name, &value, &mut push).map(located),
        Key::Slug => fm.slug = text(source, name, &value, &mut push).map(located),
        Key::County => fm.county = names(source, name, &value, CODES, &mut push),
        Key::Municipalities => fm.municipalities = names(source, name, &value, CODES, &mut push),
        Key::Methods => fm.methods = names(source, name, &value, NAMES, &mut push),
        Key::Period => {
            if !is_empty(&value) {
                fm.period = Some(Located { value, span: here });
            }
        }
        Key::Organisation => fm.organisation = text(source, name, &value, &mut push),
        Key::Funding => fm.funding = text(source, name, &value, &mut push),
        Key::Status => fm.status = text(source, name, &value, &mut push),
        Key::Contact => fm.contact = text(source, name, &value, &mut push),
        Key::Summary => fm.summary = text(source, name, &value, &mut push),
        Key::Outcomes => fm.outcomes = texts(names(source, name, &value, TEXTS, &mut push)),
        Key::TargetGroups => {
            fm.target_groups = texts(names(source, name, &value, TEXTS, &mut push))
        }
        Key::Tags => fm.tags = texts(names(source, name, &value, TEXTS, &mut push)),
        Key::BudgetSek => fm.budget_sek = budget(source, name, &value, &mut push),
        Key::Draft => match value {
            Node::Bool(b) => fm.draft = b.value,
            Node::Null => {}
            other => push(
                source
                    .error(here, format!("`draft` must be true or false, found {}", other.kind()))
                    .with_hint("write `draft: true` to keep the report out of the site, or remove the line"),
            ),
        },
    }
}

/// Counties and municipalities: names or SCB codes.
const CODES: Names = Names {
    codes: true,
    split_commas: true,
};
/// Methods: names only.
const NAMES: Names = Names {
    codes: false,
    split_commas: true,
};
/// Outcomes, target groups and tags: texts that may contain commas.
const TEXTS: Names = Names {
    codes: false,
    split_commas: false,
};

fn texts(located: Vec<Located<String>>) -> Vec<String> {
    located.into_iter().map(|l| l.value).collect()
}

/// True for a value that says nothing: null, blank text, or a list or mapping of such.
fn is_empty(value: &Node) -> bool {
    match value {
        Node::Null => true,
        Node::Str(s) => s.trim().is_empty(),
        Node::Seq(items) => items.iter().all(is_empty),
        Node::Map(entries) => entries.iter().all(|(_, v)| is_empty(v)),
        Node::Bool(_) | Node::Int(_) | Node::Float(_) => false,
    }
}

fn unknown_key(source: &Source, key: &str) -> Diagnostic {
    let suggestion = fields::names()
        .map(|k| (strsim::damerau_levenshtein(key, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min();
    let hint = match suggestion {
        Some((_, k)) => format!("did you mean `{k}`?"),
        None => format!(
            "known keys are {}",
            or_list(&fields::names().collect::<Vec<_>>())
        ),
    };
    source
        .warning(
            source.locator.key(key),
            format!("unknown key `{key}` is ignored"),
        )
        .with_hint(hint)
}

/// A line at or before `until` that glues a known key to its value (`title:Barn`), with the
/// key.
fn glued_key<'a>(doc: &Document<'a>, until: u32) -> Option<(Span, &'a str)> {
    doc.yaml.lines().enumerate().find_map(|(i, line)| {
        let file_line = doc.yaml_line + i as u32;
        if file_line > until {
            return None;
        }
        let (key, rest) = line.split_once(':')?;
        let glued = fields::named(key).is_some() && rest.starts_with(|c: char| !c.is_whitespace());
        glued.then(|| (Span::new(file_line, key.len() as u32 + 1, 1), key))
    })
}

fn yaml_hint(err: &yaml::YamlError, line: &str) -> String {
    use yaml::ErrorKind;
    if line.starts_with('\t') || line.trim_start_matches(' ').starts_with('\t') {
        return "YAML does not allow tabs for indentation; indent with spaces".into();
    }
    match &err.kind {
        ErrorKind::UnclosedQuote => "the quote opened on this line is never closed".into(),
        ErrorKind::NotAKey => "a list item needs a space after its dash (`- BRA`), and a key a colon and a space (`key: value`)".into(),
        ErrorKind::UnexpectedMapping if line.starts_with([' ', '\t']) => "this line is indented as if it belonged to the line above; top-level keys start at the beginning of the line, and a value containing `: ` must be quoted".into(),
        ErrorKind::Indentation => "check the indentation: the items of one list or mapping must line up exactly".into(),
        ErrorKind::UnclosedList => "the list opened with `[` on this line is never closed with `]`".into(),
        ErrorKind::UnclosedMapping => "the mapping opened with `{` on this line is never closed with `}`".into(),
        ErrorKind::DuplicateKey(_) => "each key may appear once; merge the two entries".into(),
        ErrorKind::UnexpectedMapping => "a value containing `: ` must be quoted, e.g. `title: \"Barn: stöd och samverkan\"`".into(),
        ErrorKind::ReservedCharacter => "values starting with `@`, `` ` `` or `%` must be quoted".into(),
        ErrorKind::Type | ErrorKind::Other | ErrorKind::NumberTooLarge(_) => "check the indentation, brackets and quotes on this line and the one before".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::split::split;

    fn run(text: &str) -> (Option<Frontmatter>, Diagnostics) {
        let doc = split(text).unwrap();
        let source = Source {
            file: Path::new("c/a.md"),
            text,
            locator: Locator::new(doc.yaml, doc.yaml_line),
        };
        let mut diags = Diagnostics::new();
        let fm = parse(&source, &doc, &Limits::default(), &mut diags);
        (fm, diags)
    }

    #[test]
    fn reads_all_known_keys() {
        let (fm, diags) = run("---\ntitle: Barn\ncounty: [Örebro, 18]\nmethods:\n  - BRA\noutcomes: Ett resultat\nbudget_sek: 350 000\ndraft: true\n---\n");
        assert!(diags.is_empty(), "{}", diags.render());
        let fm = fm.unwrap();
        assert_eq!(fm.title.unwrap().value, "Barn");
        assert_eq!(
            fm.county
                .iter()
                .map(|c| c.value.as_str())
                .collect::<Vec<_>>(),
            ["Örebro", "18"]
        );
        assert_eq!(fm.methods[0].span, Span::new(5, 5, 3));
        assert_eq!(fm.outcomes, ["Ett resultat"]);
        assert_eq!(fm.budget_sek, Some(350_000));
        assert!(fm.draft);
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let (_, diags) = run("---\ntitle: Barn\nmethds: [BRA]\n---\n");
        let d = &diags.items()[0];
        assert_eq!(
            d.headline(),
            "c/a.md:3:1: warning: unknown key `methds` is ignored"
        );
        assert_eq!(d.hint.as_deref(), Some("did you mean `methods`?"));
    }

    #[test]
    fn comma_separated_methods_warn_and_split() {
        let (fm, diags) = run("---\nmethods: BRA, Föra barnen på tal\n---\n");
        assert_eq!(fm.unwrap().methods.len(), 2);
        assert_eq!(diags.warning_count(), 1);
    }

    #[test]
    fn shape_errors_point_at_the_value() {
        let (_, diags) = run("---\ntitle: [a, b]\ndraft: kanske\n---\n");
        let lines: Vec<String> = diags.items().iter().map(|d| d.headline()).collect();
        assert_eq!(
            lines[0],
            "c/a.md:2:8: error: `title` must be text, found a list"
        );
        assert_eq!(
            lines[1],
            "c/a.md:3:8: error: `draft` must be true or false, found text"
        );
    }

    #[test]
    fn yaml_errors_use_file_lines() {
        let (fm, diags) = run("---\ntitle: Barn\ncounty: [Örebro\nperiod: 2008\n---\n");
        assert!(fm.is_none());
        let d = &diags.items()[0];
        assert!(d.is_error());
        assert!(d.span.unwrap().line >= 3, "{}", d.render());
    }

    #[test]
    fn a_negative_budget_says_so() {
        let (_, diags) = run("---\nbudget_sek: -7\n---\n");
        assert_eq!(
            diags.items()[0].headline(),
            "c/a.md:2:13: error: `budget_sek` must be 0 kronor or more, found -7"
        );
    }

    #[test]
    fn a_list_is_not_a_frontmatter() {
        let (fm, diags) = run("---\n- title: Barn\n---\n");
        assert!(fm.is_none());
        assert!(diags.items()[0].message.contains("must be a mapping"));
        assert_eq!(diags.items()[0].span.unwrap().line, 2);
    }
}
