//! Phase two of reading a report: typed frontmatter → a validated, normalised [`Report`].
//!
//! Every county, municipality and method is resolved through the vocabulary here; problems are
//! reported with the position of the value the editor wrote.

use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::markdown;
use crate::vocabulary::{
    or_list, slugify, CountyIdx, KommunIdx, MethodId, MethodIdx, RegionMatch, SubregionIdx,
    Vocabulary, MAX_URL_NAME_BYTES,
};
use crate::yaml::Node;

use super::fields::Key;
use super::frontmatter::{Frontmatter, Located, Source};
use super::period::{self, Period};

/// A method as used by a report: from the vocabulary, or written by the editor and unknown.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MethodRef {
    Known(MethodIdx),
    Unknown { id: MethodId, name: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// URL name, unique in the site.
    pub slug: String,
    /// Path as shown to the user (relative to the site root).
    pub source: PathBuf,
    pub title: String,
    pub counties: Vec<CountyIdx>,
    pub subregions: Vec<SubregionIdx>,
    pub municipalities: Vec<KommunIdx>,
    pub methods: Vec<MethodRef>,
    pub period: Period,
    pub organisation: Option<String>,
    pub outcomes: Vec<String>,
    pub target_groups: Vec<String>,
    pub funding: Option<String>,
    pub budget_sek: Option<u64>,
    pub status: Option<String>,
    pub contact: Option<String>,
    pub tags: Vec<String>,
    /// `summary:` or the body's first paragraph as plain text.
    pub summary: String,
    pub draft: bool,
    /// The Markdown body. Shared, so that the dev server's search index can hold the reports
    /// while they are indexed without a second copy of every body.
    pub body: std::sync::Arc<str>,
}

const SUMMARY_CHARS: usize = 280;

/// Checks meaning and normalises. Returns `None` when a required part is missing or wrong (the
/// reasons are in `diagnostics`).
pub fn validate(
    source: &Source,
    fm: Frontmatter,
    body: &str,
    default_slug: &str,
    vocabulary: &Vocabulary,
    diagnostics: &mut Diagnostics,
) -> Option<Report> {
    let errors_before = diagnostics.error_count();
    let title = match &fm.title {
        Some(t) => t.value.clone(),
        None => {
            diagnostics.extend(missing(source, &fm, Key::Title));
            String::new()
        }
    };
    let slug = url_name(source, fm.slug.as_ref(), default_slug, diagnostics);
    let (counties, subregions) = resolve_counties(source, &fm.county, vocabulary, diagnostics);
    if fm.county.is_empty() {
        diagnostics.extend(missing(source, &fm, Key::County));
    }
    let municipalities = resolve_municipalities(
        source,
        &fm.municipalities,
        &counties,
        &subregions,
        vocabulary,
        diagnostics,
    );
    let methods = resolve_methods(source, &fm.methods, vocabulary, diagnostics);
    let period = match &fm.period {
        Some(written) => read_period(source, written, diagnostics),
        None => {
            diagnostics.extend(missing(source, &fm, Key::Period));
            None
        }
    };
    if diagnostics.error_count() > errors_before {
        return None;
    }
    let summary = match fm.summary {
        Some(s) => s,
        None => markdown::first_paragraph(body, SUMMARY_CHARS),
    };
    Some(Report {
        slug,
        source: source.file.to_path_buf(),
        title,
        counties,
        subregions,
        municipalities,
        methods,
        period: period?,
        organisation: fm.organisation,
        outcomes: fm.outcomes,
        target_groups: fm.target_groups,
        funding: fm.funding,
        budget_sek: fm.budget_sek,
        status: fm.status,
        contact: fm.contact,
        tags: fm.tags,
        summary,
        draft: fm.draft,
        body: body.into(),
    })
}

/// The error for a required `key` the frontmatter lacks or leaves empty; `None` when the key
/// is written with a malformed value, which phase one has reported already.
fn missing(source: &Source, fm: &Frontmatter, key: Key) -> Diagnostics {
    missing_one(source, fm, key)
        .map(Diagnostics::from)
        .unwrap_or_default()
}

fn missing_one(source: &Source, fm: &Frontmatter, key: Key) -> Option<Diagnostic> {
    let (key, example) = (key.name(), key.field().example);
    if fm.empty.iter().any(|k| k == key) {
        return Some(
            source
                .error(
                    source.locator.value_start(key),
                    format!("required key `{key}` is empty"),
                )
                .with_hint(format!("write e.g. `{key}: {example}`")),
        );
    }
    if fm.keys.iter().any(|k| k == key) {
        return None;
    }
    Some(
        source
            .error(Span::new(1, 1, 3), format!("missing required key `{key}`"))
            .with_hint(format!(
                "add a line such as `{key}: {example}` to the frontmatter"
            )),
    )
}

/// The report's URL name: its `slug:`, else its file name, as a URL name that is neither
/// empty nor too long for a file system.
fn url_name(
    source: &Source,
    slug: Option<&Located<String>>,
    file_name: &str,
    diagnostics: &mut Diagnostics,
) -> String {
    let (name, span, what, fix) = match slug {
        Some(Located { value, span }) => (
            slugify(value),
            *span,
            format!("`{value}`"),
            "write a `slug:` of letters or digits, e.g. `slug: orebro-barngrupper`",
        ),
        None => (
            slugify(file_name),
            Span::start(),
            format!("the file name `{file_name}`"),
            "rename the file, or set a `slug:` of letters or digits in the frontmatter",
        ),
    };
    if name.len() > MAX_URL_NAME_BYTES {
        let what = if slug.is_some() {
            "`slug`"
        } else {
            "the file name"
        };
        diagnostics.push(
            source
                .error(span, format!("{what} {}", too_long(&name)))
                .with_hint(fix),
        );
    }
    if name.is_empty() {
        diagnostics.push(
            source
                .error(span, format!("{what} gives an empty URL name"))
                .with_hint(fix),
        );
    }
    name
}

/// The period as written, read; an unreadable one is reported at the part that is wrong.
fn read_period(
    source: &Source,
    written: &Located<Node>,
    diagnostics: &mut Diagnostics,
) -> Option<Period> {
    match period::parse(&written.value) {
        Ok(p) => Some(p),
        Err(err) => {
            let at = match &err.at {
                Some(text) => source.locator.value(Key::Period.name(), text),
                None => written.span,
            };
            diagnostics.push(source.error(at, err.message).with_hint(err.hint));
            None
        }
    }
}

/// The closest known methods, if any is close, and how to add a new one (as YAML that parses:
/// both values quoted, so that an id such as `42` stays text).
fn unknown_method_hint(vocabulary: &Vocabulary, written: &str, id: &str) -> String {
    let suggestions = vocabulary.methods.suggest(written, 3);
    let suggestions: Vec<&str> = suggestions.iter().map(String::as_str).collect();
    let add = format!(
        "add it to vocabulary/methods.yaml as `- {{id: {}, name: {}}}` under `methods:`",
        yaml_quoted(id),
        yaml_quoted(written)
    );
    if suggestions.is_empty() {
        format!("if it is a new method, {add}")
    } else {
        format!(
            "did you mean {}? If it is a new method, {add}",
            or_list(&suggestions)
        )
    }
}

/// A YAML double-quoted string (JSON strings are valid YAML).
fn yaml_quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// The message for a URL name over [`MAX_URL_NAME_BYTES`].
fn too_long(url_name: &str) -> String {
    format!(
        "gives a URL name of {} bytes; the limit is {MAX_URL_NAME_BYTES} (file systems allow 255)",
        url_name.len()
    )
}

fn resolve_counties(
    source: &Source,
    written: &[Located<String>],
    vocabulary: &Vocabulary,
    diagnostics: &mut Diagnostics,
) -> (Vec<CountyIdx>, Vec<SubregionIdx>) {
    let regions = &vocabulary.regions;
    let mut counties = Vec::new();
    let mut subregions = Vec::new();
    for item in written {
        match regions.find_region(&item.value) {
            Some(found) => {
                let county = regions.county_of(found);
                if !counties.contains(&county) {
                    counties.push(county);
                }
                if let RegionMatch::Subregion(s) = found {
                    if !subregions.contains(&s) {
                        subregions.push(s);
                    }
                }
            }
            None => {
                let hint = if let Some(k) = regions.find_kommun(&item.value) {
                    let m = regions.municipality(k);
                    format!(
                        "`{}` is a municipality in {}; write `county: {}` and list `{}` under `municipalities:`",
                        m.name,
                        regions.county(m.county).name,
                        regions.county(m.county).name,
                        m.name
                    )
                } else {
                    match regions.suggest_regions(&item.value, 1).first() {
                        Some(best) => format!("did you mean `{best}`?"),
                        None => "use a county name (`Örebro län`), its short name (`Örebro`), its SCB code (`18`) or a sub-region (`Skaraborg`)".into(),
                    }
                };
                diagnostics.push(
                    source
                        .error(item.span, format!("unknown county `{}`", item.value))
                        .with_hint(hint),
                );
            }
        }
    }
    (counties, subregions)
}

fn resolve_municipalities(
    source: &Source,
    written: &[Located<String>],
    counties: &[CountyIdx],
    subregions: &[SubregionIdx],
    vocabulary: &Vocabulary,
    diagnostics: &mut Diagnostics,
) -> Vec<KommunIdx> {
    let regions = &vocabulary.regions;
    let mut out = Vec::new();
    for item in written {
        let Some(k) = regions.find_kommun(&item.value) else {
            let hint = match regions.suggest_kommuner(&item.value, 1).first() {
                Some(best) => format!("did you mean `{best}`?"),
                None => "use one of Sweden's 290 municipality names (`Nora`) or its 4-digit SCB code (`1884`)".into(),
            };
            diagnostics.push(
                source
                    .error(item.span, format!("unknown municipality `{}`", item.value))
                    .with_hint(hint),
            );
            continue;
        };
        if out.contains(&k) {
            continue;
        }
        let m = regions.municipality(k);
        let in_subregion = subregions
            .iter()
            .any(|s| regions.subregion(*s).municipalities.contains(&k));
        if !counties.is_empty() && !counties.contains(&m.county) && !in_subregion {
            let county = regions.county(m.county);
            diagnostics.push(
                source
                    .warning(item.span, format!("municipality `{}` lies in {}, which is not among this report's counties", m.name, county.name))
                    .with_hint(format!("add `{}` to `county:`, or check the municipality", county.name)),
            );
        }
        out.push(k);
    }
    out
}

fn resolve_methods(
    source: &Source,
    written: &[Located<String>],
    vocabulary: &Vocabulary,
    diagnostics: &mut Diagnostics,
) -> Vec<MethodRef> {
    let mut out: Vec<MethodRef> = Vec::new();
    for item in written {
        let method = match vocabulary.methods.find(&item.value) {
            Some(idx) => MethodRef::Known(idx),
            None => {
                let id = slugify(&item.value);
                if id.len() > MAX_URL_NAME_BYTES {
                    diagnostics.push(
                        source
                            .error(item.span, format!("the method name {}", too_long(&id)))
                            .with_hint("write the method's usual name, or add it to vocabulary/methods.yaml with a short `id`"),
                    );
                    continue;
                }
                diagnostics.push(
                    source
                        .warning(
                            item.span,
                            format!("unknown method `{}` is not in the vocabulary", item.value),
                        )
                        .with_hint(unknown_method_hint(vocabulary, &item.value, &id)),
                );
                if id.is_empty() {
                    continue;
                }
                MethodRef::Unknown {
                    id: MethodId(id),
                    name: item.value.clone(),
                }
            }
        };
        let duplicate = out.iter().any(|m| match (m, &method) {
            (MethodRef::Unknown { id: a, .. }, MethodRef::Unknown { id: b, .. }) => a == b,
            (a, b) => a == b,
        });
        if !duplicate {
            out.push(method);
        }
    }
    out
}
