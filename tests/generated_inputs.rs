//! Generated inputs: realistic hostile text (Swedish letters, YAML punctuation, `---` lines,
//! CR/LF mixes, HTML tags, nested lists) fed to every stage that reads what editors write.
//!
//! Properties: nothing panics; every diagnostic's line lies within the file; rendered HTML has
//! no `<script` element, no event-handler attribute, no `style` attribute and no
//! `javascript:` URL; URL names are never empty and never contain `/`, `\` or `..`; `check`
//! and `build` give the same verdict.
//!
//! `cargo test --test generated_inputs` runs a short round (about 100 cases per property).
//! The long round, `cargo test --release --test generated_inputs -- --ignored`, runs
//! `PROPTEST_CASES` cases per property (default 150 000; the site-level one a hundredth of
//! that); `docs/robustness.md` records its figures.

mod common;

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use fouweb::config::Limits;
use fouweb::vocabulary::{slugify, Vocabulary};

// ---------------------------------------------------------------------------------------------
// Generators

/// Pieces editors (and attackers) write: Swedish text, YAML punctuation and keywords, fences,
/// line endings of every kind, Markdown structure and HTML meant to get through.
const PIECES: &[&str] = &[
    "---",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    " ",
    "  ",
    "\t",
    "å",
    "ä",
    "ö",
    "Å",
    "Ä",
    "Ö",
    "é",
    "ß",
    "Örebro län",
    "Gotland",
    "Kronoberg",
    "BRA",
    "Föra barnen på tal",
    "Nora",
    "1880",
    "18",
    "barn och unga",
    ":",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\"",
    "'",
    "#",
    "&a ",
    "*a",
    "!tag ",
    "!!str ",
    "|",
    ">",
    "? ",
    "%YAML",
    "@",
    "`",
    "~",
    "null",
    "true",
    "no",
    "0x1F",
    "0o17",
    "1e3",
    ".nan",
    "-.inf",
    "1.50",
    "99999999999999999999",
    "-7",
    "2015-01-01",
    "2008",
    "[2010]",
    "ht 2008",
    "vt 2009",
    "2008–2009",
    "2008-06",
    "start: ",
    "end: ",
    "\\",
    "\\e",
    "\u{0}",
    "\u{1b}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "\u{202e}",
    "😀",
    "* ",
    "1. ",
    "> ",
    "    ",
    "```",
    "~~~",
    "| a | b |\n|---|---|\n",
    "|",
    "[x](javascript:alert(1))",
    "![i](javascript:x)",
    "[y](JaVaScRiPt:alert(1))",
    "[z]( java\tscript:x)",
    "<script>alert(1)</script>",
    "<SCRIPT SRC=x>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">y</a>",
    "<div style=\"color:red\">",
    "</div>",
    "<svg onload=alert(1)>",
    "<iframe src=x>",
    "<style>b{}</style>",
    "<p onclick='x'>",
    "<!-- c -->",
    "<details open ontoggle=x>",
    "{#id .klass onclick=x}",
    "## ",
    "# Rubrik",
    "<div>",
    "<b>",
    "</b>",
    "&amp;",
    "&#0;",
    "[^1]",
    "[^1]: fotnot",
    "<https://e.se>",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_string),
        2 => "[a-zåäöA-ZÅÄÖ0-9 ]{1,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

/// Hostile text of up to `n` pieces.
fn text(n: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..n).prop_map(|parts| parts.concat())
}

/// Markdown with nested lists and quotes around hostile pieces.
fn markdown() -> impl Strategy<Value = String> {
    let markers = proptest::sample::select(&["- ", "* ", "1. ", "> ", "", "| "][..]);
    let line = (0usize..6, markers, text(8))
        .prop_map(|(depth, marker, rest)| format!("{}{marker}{rest}", "  ".repeat(depth)));
    proptest::collection::vec(line, 0..12).prop_map(|lines| lines.join("\n"))
}

const KEYS: &[&str] = &[
    "title",
    "slug",
    "county",
    "municipalities",
    "organisation",
    "period",
    "methods",
    "outcomes",
    "target_groups",
    "funding",
    "budget_sek",
    "status",
    "contact",
    "tags",
    "summary",
    "draft",
    "okänd",
];

/// A report file: mostly well-formed keys with hostile values, sometimes mangled fences.
fn report_file() -> impl Strategy<Value = String> {
    let entry = (proptest::sample::select(KEYS), text(5), any::<bool>()).prop_map(
        |(key, value, listed)| match listed {
            true => format!("{key}: [{value}]"),
            false => format!("{key}: {value}"),
        },
    );
    let valid_head = "title: Rapport\ncounty: Gotland\nperiod: 2015\n";
    (
        proptest::collection::vec(entry, 0..8),
        proptest::sample::select(&["\n", "\r\n", "\r"][..]),
        markdown(),
        any::<bool>(),
        text(3),
    )
        .prop_map(move |(entries, eol, body, head, noise)| {
            let yaml = entries.join(eol);
            let head = if head { valid_head } else { "" };
            format!("---{eol}{head}{yaml}{eol}---{noise}{eol}{body}")
        })
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Lines of `text` as the loader counts them (CR LF, LF and a lone CR each end one).
fn line_count(text: &str) -> u32 {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    normalized.split('\n').count() as u32
}

fn run<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    if let Err(err) = runner.run(&strategy, test) {
        panic!("{err}");
    }
}

fn splitter(cases: u32) {
    run(cases, prop_oneof![report_file(), text(30)], |file| {
        if let Ok(doc) = fouweb::content::split::split(&file) {
            let lines = line_count(&file);
            prop_assert!(doc.yaml_line <= lines + 1, "yaml line {}", doc.yaml_line);
            prop_assert!(doc.body_line <= lines + 1, "body line {}", doc.body_line);
        }
        Ok(())
    });
}

fn yaml_layer(cases: u32) {
    run(cases, text(25), |yaml| {
        if let Err(err) = fouweb::yaml::parse(&yaml) {
            let line = err.line.unwrap_or(1);
            prop_assert!(line <= line_count(&yaml) + 1, "{err:?} in {yaml:?}");
        }
        Ok(())
    });
}

fn periods(cases: u32) {
    let value = prop_oneof![
        text(6),
        text(4).prop_map(|t| format!("{{start: {t}, end: {t}}}")),
        (text(3), text(3)).prop_map(|(a, b)| format!("[{a}, {b}]")),
    ];
    run(cases, value, |value| {
        if let Ok(fouweb::yaml::Node::Map(entries)) =
            fouweb::yaml::parse(&format!("period: {value}\n"))
        {
            for (_, node) in &entries {
                let _ = fouweb::content::period::parse(node);
            }
        }
        Ok(())
    });
}

fn vocabulary_matching(cases: u32) {
    let vocabulary = Vocabulary::builtin();
    run(cases, text(6), |name| {
        let _ = vocabulary.regions.find_region(&name);
        let _ = vocabulary.regions.find_kommun(&name);
        let _ = vocabulary.methods.find(&name);
        let _ = vocabulary.methods.suggest(&name, 3);
        Ok(())
    });
}

fn slugs(cases: u32) {
    run(cases, text(12), |name| {
        let slug = slugify(&name);
        prop_assert!(
            !slug.contains(['/', '\\']) && !slug.contains(".."),
            "{slug:?} from {name:?}"
        );
        Ok(())
    });
}

/// Reads `file` as a report: no panic, diagnostics within the file, a safe non-empty slug.
fn reports(cases: u32) {
    let vocabulary = Vocabulary::builtin();
    let limits = Limits::default();
    let stem = prop_oneof![Just("rapport".to_string()), text(3)];
    run(cases, (report_file(), stem), |(file, stem)| {
        let shown = Path::new("content/rapport.md");
        let (report, diagnostics) =
            fouweb::content::read_report(shown, &file, &stem, vocabulary, &limits);
        let lines = line_count(file.strip_prefix('\u{feff}').unwrap_or(&file));
        for d in diagnostics.items() {
            if let Some(span) = d.span {
                prop_assert!(
                    span.line >= 1 && span.line <= lines,
                    "{} is past line {lines} of {file:?}",
                    d.headline()
                );
            }
        }
        if let Some(report) = report {
            let slug = &report.slug;
            prop_assert!(!slug.is_empty(), "empty URL name from {file:?}");
            prop_assert!(
                !slug.contains(['/', '\\']) && !slug.contains(".."),
                "{slug:?} from {file:?}"
            );
        }
        Ok(())
    });
}

/// Every start tag of `html` with its attributes (name lowercased, value as written).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &rest[name.len()..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.is_empty() || rest.starts_with('>') || rest.starts_with("/>") {
                break;
            }
            let attr: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && !matches!(c, '=' | '>' | '/'))
                .collect();
            rest = &rest[attr.len()..];
            let mut value = String::new();
            if let Some(after) = rest.trim_start().strip_prefix('=') {
                let after = after.trim_start();
                let (v, tail) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                        (&after[1..end], after.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                value = v.to_string();
                rest = tail;
            } else if attr.is_empty() {
                rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
            }
            attributes.push((attr.to_ascii_lowercase(), value));
        }
        found.push((name.to_ascii_lowercase(), attributes));
    }
    found
}

/// What a browser would take a URL value for: entities decoded, whitespace and controls gone.
fn url_scheme_text(value: &str) -> String {
    let mut decoded = String::new();
    let mut rest = value;
    while let Some(amp) = rest.find("&#") {
        decoded.push_str(&rest[..amp]);
        let tail = &rest[amp + 2..];
        let (digits, radix) = match tail.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (tail, 10),
        };
        let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
        let ch = u32::from_str_radix(&digits[..len], radix)
            .ok()
            .and_then(char::from_u32);
        decoded.push(ch.unwrap_or('\u{fffd}'));
        rest = digits[len..].strip_prefix(';').unwrap_or(&digits[len..]);
    }
    decoded.push_str(rest);
    decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn check_html(html: &str) -> Result<(), TestCaseError> {
    for (name, attributes) in tags(html) {
        prop_assert!(name != "script", "<script in {html}");
        for (attr, value) in attributes {
            prop_assert!(!attr.starts_with("on"), "{attr}= in {html}");
            prop_assert!(attr != "style", "style= in {html}");
            prop_assert!(
                !url_scheme_text(&value).starts_with("javascript:"),
                "javascript: URL in {html}"
            );
        }
    }
    Ok(())
}

fn rendering(cases: u32) {
    run(cases, prop_oneof![markdown(), text(30)], |body| {
        check_html(&fouweb::markdown::to_html(&body))?;
        let _ = fouweb::markdown::plain_text(&body);
        let _ = fouweb::markdown::first_paragraph(&body, 40);
        let _ = fouweb::markdown::shape::excess(&body, 100, 50_000);
        Ok(())
    });
}

/// The fixture site's search index, written once per process.
fn searcher() -> &'static (fouweb::search::Searcher, Vocabulary, tempfile::TempDir) {
    static SEARCHER: OnceLock<(fouweb::search::Searcher, Vocabulary, tempfile::TempDir)> =
        OnceLock::new();
    SEARCHER.get_or_init(|| {
        let site = common::copy_fixture("fixtures/search");
        let (model, diagnostics) = fouweb::site::load(site.path(), false, false);
        let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
        let dir = site.path().join("index");
        fouweb::search::write(&model, fouweb::search::Texts::Bodies, &dir).unwrap();
        let searcher = fouweb::search::Searcher::open(&dir).unwrap();
        (searcher, model.vocabulary, site)
    })
}

fn search_queries(cases: u32) {
    let (searcher, vocabulary, _) = searcher();
    let request = (text(10), text(2), text(2), text(2), text(2), 0usize..30);
    run(
        cases,
        request,
        |(query, county, method, kommun, year, limit)| {
            let request = fouweb::search::Request {
                query,
                counties: vec![county],
                methods: vec![method],
                municipalities: vec![kommun],
                years: vec![year],
                limit,
            };
            let _ = searcher.search(&request, vocabulary);
            Ok(())
        },
    );
}

#[cfg(feature = "pagefind")]
fn pagefind_words(cases: u32) {
    let Some(words) = fouweb::search::PagefindWords::for_language("sv") else {
        panic!("no Swedish word rules")
    };
    run(cases, text(4), |text| {
        let mut out = Vec::new();
        // Records are split at whitespace before their words reach these rules.
        for word in text.split_whitespace() {
            words.text_word(word, &mut out);
            words.word(word, &mut out);
        }
        let word = &text;
        // An empty stem is possible (a word of combining marks alone): Pagefind's indexer makes
        // the same, see bundle_index's test `a_word_of_combining_marks_alone_agrees_with_pagefind`.
        for entry in &out {
            prop_assert!(
                !entry.stem.contains(char::is_whitespace),
                "{:?} from {word:?}",
                entry.stem
            );
        }
        Ok(())
    });
}

#[cfg(not(feature = "pagefind"))]
fn pagefind_words(_: u32) {}

/// `check` (load, then compile the templates) and `build` (load, then render and write)
/// accept exactly the same small generated sites.
fn check_equals_build(cases: u32) {
    let site = proptest::collection::vec(report_file(), 1..4);
    run(cases, site, |files| {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (i, file) in files.iter().enumerate() {
            let path = root.join(format!("content/r{i}.md"));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, file).unwrap();
        }
        let (loaded, diagnostics) = fouweb::site::load(root, false, false);
        let checked = loaded.as_ref().is_some_and(|site| {
            let options = fouweb::site::RenderOptions { search_page: false };
            !diagnostics.has_errors()
                && fouweb::site::check_templates(site, root, options)
                    .iter()
                    .all(|d| !d.is_error())
        });
        let built = loaded.is_some_and(|site| {
            let options = fouweb::site::BuildOptions {
                root: root.to_path_buf(),
                output: root.join("public"),
                search: false,
                force: false,
            };
            fouweb::site::build(site, &options).is_ok()
        });
        prop_assert_eq!(checked, built, "{}", diagnostics.render());
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------------
// The short round, in every `cargo test`

const SHORT: u32 = 96;

#[test]
fn the_splitter_never_panics_and_keeps_lines_in_the_file() {
    splitter(SHORT * 2);
}

#[test]
fn the_yaml_layer_never_panics_and_points_inside_the_text() {
    yaml_layer(SHORT * 2);
}

#[test]
fn period_parsing_never_panics() {
    periods(SHORT * 2);
}

#[test]
fn vocabulary_matching_never_panics() {
    vocabulary_matching(SHORT);
}

#[test]
fn slugs_never_climb_or_separate() {
    slugs(SHORT * 2);
}

#[test]
fn reports_give_diagnostics_inside_the_file_and_safe_url_names() {
    reports(SHORT * 2);
}

#[test]
fn rendered_bodies_carry_no_script_handler_style_or_javascript_url() {
    rendering(SHORT * 2);
}

#[test]
fn search_queries_never_panic() {
    search_queries(SHORT);
}

#[test]
fn pagefind_word_rules_never_panic_nor_give_words_with_spaces() {
    pagefind_words(SHORT * 2);
}

#[test]
fn check_accepts_exactly_what_build_accepts() {
    check_equals_build(12);
}

// ---------------------------------------------------------------------------------------------
// Regressions found by the generators

#[test]
fn html_checker_sees_attributes_the_way_a_browser_does() {
    assert!(check_html("<a href=\"&#106;avascript:x\">a</a>").is_err());
    assert!(check_html("<a href=\" java\tscript:x\">a</a>").is_err());
    assert!(check_html("<img alt=\" onclick=x\" src=\"a.png\">").is_ok());
    assert!(check_html("<p>onclick=x javascript:y &lt;script&gt;</p>").is_ok());
    assert!(check_html("<div style=\"x\">").is_err());
}

// ---------------------------------------------------------------------------------------------
// The long round

/// A property's name, its function and how many cases it runs.
type Target = (&'static str, fn(u32), u32);

#[test]
#[ignore = "the long round: run in release with PROPTEST_CASES (docs/robustness.md)"]
fn long_round() {
    let cases: u32 = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150_000);
    let targets: [Target; 10] = [
        ("splitter", splitter, cases),
        ("yaml", yaml_layer, cases),
        ("periods", periods, cases),
        ("vocabulary", vocabulary_matching, cases),
        ("slugs", slugs, cases),
        ("reports", reports, cases),
        ("rendering", rendering, cases),
        ("search", search_queries, cases),
        ("pagefind words", pagefind_words, cases),
        ("check = build", check_equals_build, (cases / 100).max(1)),
    ];
    let mut total = 0u64;
    for (name, target, n) in targets {
        let started = std::time::Instant::now();
        target(n);
        total += u64::from(n);
        eprintln!(
            "{name}: {n} cases in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    eprintln!("total: {total} cases");
}
