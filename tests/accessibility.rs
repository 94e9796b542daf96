//! Accessibility as a test, in Debian's headless Chromium on the example site as a static host
//! serves it: axe-core finds no violation of WCAG 2.1 A and AA rules on any kind of page, and
//! a keyboard user sees where focus is on every stop of the Tab order (in normal and in
//! forced colours) and reaches every link inside an SVG (maps, charts) with Tab.

mod common;

use std::collections::BTreeSet;

use common::browser::{drive, StaticHost};
use serde_json::{json, Value};

/// The rule tags axe-core checks: WCAG 2.0 and 2.1, levels A and AA.
const TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// Every kind of page, with a step to wait for when the page fills itself in.
const PAGES: [(&str, &str, Option<&str>); 10] = [
    ("home", "/", None),
    ("report", "/rapporter/tabb-nora-2021/", None),
    ("method catalogue", "/metoder/", None),
    ("method", "/metoder/bra/", None),
    ("county", "/lan/orebro/", None),
    ("kommun", "/kommuner/vaxjo/", None),
    ("year", "/ar/2015/", None),
    ("matrix", "/matris/", None),
    (
        "search with results and filters ticked",
        "/sok/?q=f%C3%B6r%C3%A4ldrarna&metod=bra&lan=kronoberg",
        Some(
            "document.getElementById('search-status')?.dataset.state === 'done' \
             && document.querySelectorAll('#search-results > li').length > 0 \
             && document.querySelectorAll('.filter-group input:checked').length === 2",
        ),
    ),
    ("404", "/404.html", None),
];

/// The example site built and served; the host stops when dropped (after the site folder).
fn served_example_site() -> (StaticHost, tempfile::TempDir) {
    let site = common::example_site();
    let public = common::build(site.path());
    (StaticHost::start(&public), site)
}

/// The steps that open `path` and wait until it is ready.
fn open(host: &StaticHost, path: &str, ready: Option<&str>) -> Vec<Value> {
    let mut steps = vec![json!({ "goto": host.url(path) })];
    if let Some(ready) = ready {
        steps.push(json!({ "waitForFunction": ready }));
    }
    steps
}

/// One line per element that breaks a rule: page, rule, impact, element, help.
fn describe(page: &str, violations: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    for v in violations.as_array().into_iter().flatten() {
        for node in v["nodes"].as_array().into_iter().flatten() {
            lines.push(format!(
                "{page}: {} ({}) at `{}`: {} — {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                node["target"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                v["helpUrl"].as_str().unwrap_or(""),
            ));
        }
    }
    lines
}

#[test]
fn no_kind_of_page_breaks_a_wcag_2_1_a_or_aa_rule() {
    let (host, _site) = served_example_site();
    let mut steps = Vec::new();
    for (_, path, ready) in PAGES {
        steps.extend(open(&host, path, ready));
        // Folded parts (the search page's filter groups) are checked unfolded too.
        steps.push(json!({ "eval": "document.querySelectorAll('details').forEach((d) => { d.open = true; })" }));
        steps.push(json!({ "axe": TAGS }));
    }
    // Every second result is the eval's (nothing).
    let results: Vec<Value> = drive(Value::Array(steps))
        .into_iter()
        .skip(1)
        .step_by(2)
        .collect();
    assert_eq!(results.len(), PAGES.len());
    let problems: Vec<String> = PAGES
        .iter()
        .zip(&results)
        .flat_map(|((name, path, _), violations)| describe(&format!("{name} ({path})"), violations))
        .collect();
    assert!(
        problems.is_empty(),
        "axe-core found {} violations of {TAGS:?}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Whether a focused element (as the driver's tab walk saw it) shows a focus indicator: an
/// outline, or a box shadow where colours are not forced (forced colours drop shadows).
fn shows_focus(stop: &Value, forced: bool) -> bool {
    let outline = stop["outlineStyle"] != "none"
        && stop["outlineWidth"]
            .as_str()
            .and_then(|w| w.trim_end_matches("px").parse::<f64>().ok())
            .is_some_and(|w| w >= 1.0)
        && (forced || !is_transparent(stop["outlineColor"].as_str().unwrap_or("")));
    let shadow = !forced && stop["boxShadow"].as_str().is_some_and(|s| s != "none");
    outline || shadow
}

fn is_transparent(colour: &str) -> bool {
    colour == "transparent" || colour.replace(' ', "").ends_with(",0)")
}

/// What is wrong with one tab walk on page `name`: stops without a visible indicator, SVG
/// links Tab never reached, a walk that did not get through the page.
fn keyboard_problems(name: &str, walk: &Value, forced: bool, max: usize) -> Vec<String> {
    let mode = if forced {
        "forced colours"
    } else {
        "normal colours"
    };
    let stops = walk["stops"].as_array().cloned().unwrap_or_default();
    let mut problems: Vec<String> = stops
        .iter()
        .filter(|stop| !shows_focus(stop, forced))
        .map(|stop| {
            format!(
                "{name}, {mode}: no visible focus on <{}> `{}` \"{}\" (outline {} {} {}, box-shadow {})",
                stop["tag"].as_str().unwrap_or("?"),
                stop["path"].as_str().unwrap_or("?"),
                stop["name"].as_str().unwrap_or(""),
                stop["outlineStyle"], stop["outlineWidth"], stop["outlineColor"], stop["boxShadow"],
            )
        })
        .collect();
    if walk["complete"] != true {
        problems.push(format!(
            "{name}, {mode}: more than {max} Tab stops; raise the limit"
        ));
    }
    let reached: BTreeSet<&str> = stops.iter().filter_map(|s| s["path"].as_str()).collect();
    for link in walk["svgLinks"].as_array().into_iter().flatten() {
        let link = link.as_str().unwrap_or("?");
        if !reached.contains(link) {
            problems.push(format!(
                "{name}, {mode}: the SVG link `{link}` is not reachable with Tab"
            ));
        }
    }
    problems
}

#[test]
fn every_tab_stop_shows_focus_and_every_svg_link_is_reachable_with_the_keyboard() {
    const MAX: usize = 600;
    let (host, _site) = served_example_site();
    let mut steps = Vec::new();
    for forced in ["none", "active"] {
        steps.push(json!({ "forcedColors": forced }));
        for (_, path, ready) in PAGES {
            steps.extend(open(&host, path, ready));
            steps.push(json!({ "tabWalk": MAX, "timeout": 60000 }));
        }
    }
    let walks = drive(Value::Array(steps));
    assert_eq!(walks.len(), 2 * PAGES.len());
    let mut problems = Vec::new();
    let mut svg_links = 0;
    for (i, walk) in walks.iter().enumerate() {
        let (name, path, _) = PAGES[i % PAGES.len()];
        let forced = i >= PAGES.len();
        let stops = walk["stops"].as_array().map_or(0, Vec::len);
        assert!(
            stops > 5,
            "{name}: Tab reaches the skip link, the menu and the page: {walk:#}"
        );
        svg_links += walk["svgLinks"].as_array().map_or(0, Vec::len);
        problems.extend(keyboard_problems(
            &format!("{name} ({path})"),
            walk,
            forced,
            MAX,
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Printed so that a run shows whether maps with links were there to check.
    println!("SVG links reached with Tab: {svg_links}");
}

#[test]
fn the_focus_check_sees_a_missing_indicator() {
    // The check itself, on what the driver reports for a focused element.
    let stop = |outline: &str, width: &str, colour: &str, shadow: &str| json!({ "outlineStyle": outline, "outlineWidth": width, "outlineColor": colour, "boxShadow": shadow });
    assert!(shows_focus(
        &stop("solid", "3px", "rgb(194, 65, 12)", "none"),
        false
    ));
    assert!(!shows_focus(
        &stop("none", "0px", "rgb(0, 0, 0)", "none"),
        false
    ));
    assert!(!shows_focus(
        &stop("solid", "3px", "rgba(0, 0, 0, 0)", "none"),
        false
    ));
    assert!(shows_focus(
        &stop(
            "none",
            "0px",
            "rgb(0, 0, 0)",
            "rgb(0, 0, 0) 0px 0px 0px 3px"
        ),
        false
    ));
    assert!(!shows_focus(
        &stop(
            "none",
            "0px",
            "rgb(0, 0, 0)",
            "rgb(0, 0, 0) 0px 0px 0px 3px"
        ),
        true
    ));
    let walk = json!({ "stops": [{ "path": "svg > a:nth-of-type(1)", "outlineStyle": "solid", "outlineWidth": "2px", "outlineColor": "red", "boxShadow": "none" }],
                       "svgLinks": ["svg > a:nth-of-type(1)", "svg > a:nth-of-type(2)"], "complete": true });
    let problems = keyboard_problems("map", &walk, false, 10);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("a:nth-of-type(2)"));
}
