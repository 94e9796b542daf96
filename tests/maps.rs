//! Maps and timelines: every chart is safe, well-formed SVG with an accessible name; in a real
//! browser (tests/browser/driver.mjs) the maps shade exactly what the open data says, their
//! links lead to exactly those reports, and every chart link is reached with Tab and shows its
//! focus. `bash tests/setup` installs what the browser tests need.
//!
//! The README's screenshots are made by the ignored test at the end:
//! `cargo test --test maps -- --ignored screenshots`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::browser::{drive, StaticHost};
use serde_json::{json, Value};

/// Every `<svg>…</svg>` of an HTML page (the theme never nests them).
fn svgs(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("an <svg> is closed") + start + 6;
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

/// What is wrong with one chart: script, handlers, style attributes, references outside the
/// page, links without a name, or no accessible name of its own.
fn problems(svg: &str) -> Vec<String> {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => return vec![format!("not XML: {e}")],
    };
    let mut problems = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        if matches!(
            tag,
            "script" | "image" | "foreignObject" | "iframe" | "style"
        ) {
            problems.push(format!("<{tag}> element"));
        }
        for attr in node.attributes() {
            let name = attr.name().to_ascii_lowercase();
            if name.starts_with("on") || name == "style" {
                problems.push(format!("{name} attribute on <{tag}>"));
            }
            if name == "href" {
                let internal = if tag == "a" {
                    attr.value().starts_with('/') && !attr.value().starts_with("//")
                } else {
                    attr.value().starts_with('#')
                };
                if !internal {
                    problems.push(format!("<{tag} href={:?}> leaves the site", attr.value()));
                }
            }
        }
        if tag == "a" && title_of(node).is_none() {
            problems.push(format!(
                "a link without a <title>: {:?}",
                node.attribute("href")
            ));
        }
    }
    let root = doc.root_element();
    if root.attribute("aria-hidden") == Some("true") {
        return problems;
    }
    if !matches!(root.attribute("role"), Some("img" | "group")) {
        problems.push("no role img or group".into());
    }
    let labelled = root.attribute("aria-labelledby").and_then(|id| {
        doc.descendants()
            .find(|n| n.attribute("id") == Some(id))
            .and_then(|n| n.text())
    });
    let name = labelled.or(root.attribute("aria-label")).unwrap_or("");
    if name.trim().is_empty() {
        problems.push("no accessible name".into());
    }
    problems
}

/// The text of a node's own `<title>` child.
fn title_of<'a>(node: roxmltree::Node<'a, '_>) -> Option<&'a str> {
    node.children()
        .find(|c| c.tag_name().name() == "title")
        .and_then(|t| t.text())
        .filter(|t| !t.trim().is_empty())
}

#[test]
fn every_chart_is_safe_well_formed_svg_with_an_accessible_name() {
    let example = common::example_site();
    let hostile = common::copy_fixture("fixtures/xss");
    let mut charts = 0;
    for root in [example.path(), hostile.path()] {
        let (_, files) = common::render(root);
        for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
            let html = String::from_utf8_lossy(bytes);
            for svg in svgs(&html) {
                charts += usize::from(!svg.contains("aria-hidden=\"true\""));
                let found = problems(svg);
                assert!(found.is_empty(), "{path}: {found:?}\n{svg}");
            }
        }
    }
    assert!(
        charts > 300,
        "maps on the home, method, county and kommun pages: {charts}"
    );
}

#[test]
fn names_are_escaped_inside_charts() {
    // The hostile fixture's method name is markup; in Örebro's grid it is a row's name.
    let site = common::copy_fixture("fixtures/xss");
    let (_, files) = common::render(site.path());
    let page = String::from_utf8_lossy(&files["lan/orebro/index.html"]).to_string();
    let grid = svgs(&page)
        .into_iter()
        .find(|s| s.contains("class=\"year-grid\""))
        .expect("Örebro has a grid");
    let doc = roxmltree::Document::parse(grid).unwrap();
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "a")
        .filter_map(title_of)
        .collect();
    assert!(
        titles.contains(&"<script>alert(3)</script>: 1 rapport"),
        "{titles:?}"
    );
    assert!(!grid.contains("<script"));
}

/// The shapes of the first map on the page: name → (count from the title, colour class,
/// link).
const MAP_SHAPES: &str = r#"[...document.querySelector('svg.map').querySelectorAll('path.area')].map(p => {
  const a = p.closest('a');
  const title = (a ? a.querySelector('title') : p.querySelector('title')).textContent;
  const [name, phrase] = title.split(': ');
  return { name, count: phrase.startsWith('inga') ? 0 : parseInt(phrase, 10),
           step: [...p.classList].find(c => /^c\d$/.test(c)), href: a ? a.getAttribute('href') : null };
})"#;

/// The report links of a list page.
const LISTED: &str =
    "[...document.querySelectorAll('.report-list .card-title a')].map(a => a.getAttribute('href')).sort()";

fn shapes(state: &Value) -> BTreeMap<String, (u64, String, Option<String>)> {
    state
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                (
                    s["count"].as_u64().unwrap(),
                    s["step"].as_str().unwrap().to_string(),
                    s["href"].as_str().map(str::to_string),
                ),
            )
        })
        .collect()
}

/// The URLs of the reports in `reports.json` that `keep` accepts.
fn report_urls(public: &Path, keep: impl Fn(&Value) -> bool) -> BTreeSet<String> {
    common::reports_json(public)
        .iter()
        .filter(|r| keep(r))
        .map(|r| r["url"].as_str().unwrap().to_string())
        .collect()
}

fn names(list: &Value, key: &str) -> Vec<String> {
    list[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap().to_string())
        .collect()
}

/// Follows each map link of `hrefs` on `page` with the keyboard (focus, Enter) and returns
/// the reports each one lists.
fn follow(host: &StaticHost, page: &str, hrefs: &[&str]) -> Vec<BTreeSet<String>> {
    let mut steps = Vec::new();
    for href in hrefs {
        let focus = format!("document.querySelector('svg.map a[href=\"{href}\"]').focus()");
        steps.extend([
            json!({ "goto": host.url(page) }),
            json!({ "eval": focus }),
            json!({ "press": "Enter" }),
            json!({ "waitForFunction": format!("location.pathname === {href:?}") }),
            json!({ "eval": LISTED }),
        ]);
    }
    drive(Value::Array(steps))
        .chunks(2)
        .map(|pair| serde_json::from_value(pair[1].clone()).unwrap())
        .collect()
}

#[test]
fn a_method_map_shades_the_counties_of_the_matrix_and_links_to_their_reports() {
    let site = common::example_site();
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    let matrix = common::matrix(&public);
    let row = &matrix["bra"];
    let shown =
        shapes(&drive(json!([{ "goto": host.url("/metoder/bra/") }, { "eval": MAP_SHAPES }]))[0]);
    assert_eq!(shown.len(), 21, "every county is drawn");
    let shaded: BTreeMap<String, u64> = shown
        .iter()
        .filter(|(_, (_, step, _))| step != "c0")
        .map(|(name, (count, _, _))| (name.clone(), *count))
        .collect();
    assert_eq!(
        &shaded, row,
        "shaded counties and their counts are the matrix row"
    );
    for (name, (count, step, href)) in &shown {
        assert_eq!(
            row.contains_key(name),
            href.is_some(),
            "{name} links iff it has reports"
        );
        assert_eq!(*count == 0, step == "c0", "{name}");
    }
    let linked: Vec<(&String, &str)> = shown
        .iter()
        .filter_map(|(name, (_, _, href))| Some((name, href.as_deref()?)))
        .collect();
    let hrefs: Vec<&str> = linked.iter().map(|(_, href)| *href).collect();
    let listed = follow(&host, "/metoder/bra/", &hrefs);
    for ((name, _), listed) in linked.iter().zip(listed) {
        let expected = report_urls(&public, |r| {
            r["methods"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["id"] == "bra")
                && names(r, "counties").contains(name)
        });
        assert_eq!(listed, expected, "{name}");
    }
}

#[test]
fn a_county_map_shades_its_kommuner_by_their_reports_and_links_to_them() {
    let site = common::example_site();
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    let shown =
        shapes(&drive(json!([{ "goto": host.url("/lan/orebro/") }, { "eval": MAP_SHAPES }]))[0]);
    assert_eq!(shown.len(), 12, "Örebro län has twelve kommuner");
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for r in common::reports_json(&public) {
        for k in names(&r, "municipalities") {
            *counts.entry(k).or_default() += 1;
        }
    }
    for (name, (count, step, href)) in &shown {
        assert_eq!(*count, counts.get(name).copied().unwrap_or(0), "{name}");
        assert_eq!(*count == 0, step == "c0", "{name}");
        assert!(href.is_some(), "every kommun links to its page");
    }
    assert!(shown.values().any(|(n, _, _)| *n > 0));
    let (name, (_, _, href)) = shown.iter().find(|(_, s)| s.0 > 0).unwrap();
    let expected = report_urls(&public, |r| names(r, "municipalities").contains(name));
    assert_eq!(
        follow(&host, "/lan/orebro/", &[href.as_deref().unwrap()]),
        [expected]
    );
}

/// Each chart link: its place among the page's chart links, and how it looks.
const CHART_LINKS: &str = "[...document.querySelectorAll('svg.map a, svg.year-grid a')]";
const LOOK: &str = r#"(a) => {
  const p = a.querySelector('path:not(.ongoing)');
  const t = a.querySelector('text');
  const cs = getComputedStyle(a);
  const ps = p ? getComputedStyle(p) : null;
  const ts = t ? getComputedStyle(t) : null;
  return { outline: cs.outlineStyle + ' ' + cs.outlineWidth,
           mark: (ps ? ps.strokeWidth + ' ' + ps.stroke + ' ' + ps.fill : '') +
                 (ts ? ' ' + ts.fontWeight + ' ' + ts.fill : '') };
}"#;

/// Tabs from the top of `page` through every link of its maps and charts: each one is reached
/// in turn, and while it has the focus shows an outline and looks different inside (a map
/// shape's border and fill, a grid row's label).
fn tab_through_charts(host: &StaticHost, page: &str) -> usize {
    let links =
        drive(json!([{ "goto": host.url(page) }, { "eval": format!("{CHART_LINKS}.length") }]));
    let total = links[0].as_u64().unwrap() as usize;
    assert!(total > 0, "{page} has chart links");
    let mut steps = vec![
        json!({ "goto": host.url(page) }),
        json!({ "eval": format!("{CHART_LINKS}.map({LOOK})") }),
    ];
    let focused = format!(
        "(() => {{ const a = document.activeElement; const i = {CHART_LINKS}.indexOf(a); \
         return i < 0 ? null : {{ i, look: ({LOOK})(a) }}; }})()"
    );
    // Enough presses for every other link on the page too.
    let presses = drive(json!([{ "goto": host.url(page) }, { "eval": "document.querySelectorAll('a, summary').length" }]))[0]
        .as_u64()
        .unwrap() as usize
        + 20;
    for _ in 0..presses {
        steps.push(json!({ "press": "Tab" }));
        steps.push(json!({ "eval": focused.clone() }));
    }
    let results = drive(Value::Array(steps));
    let before = results[0].as_array().unwrap();
    let mut reached = BTreeSet::new();
    for seen in results[1..].iter().filter(|v| !v.is_null()) {
        let i = seen["i"].as_u64().unwrap() as usize;
        let look = &seen["look"];
        assert_ne!(
            look["outline"], before[i]["outline"],
            "{page}: link {i} shows no outline"
        );
        assert!(
            !look["outline"].as_str().unwrap().starts_with("none"),
            "{page}: link {i}"
        );
        assert_ne!(
            look["mark"], before[i]["mark"],
            "{page}: link {i} looks the same"
        );
        reached.insert(i);
    }
    assert_eq!(
        reached,
        (0..total).collect(),
        "{page}: every chart link is reached with Tab"
    );
    total
}

#[test]
fn every_chart_link_is_reached_with_tab_and_shows_its_focus() {
    let site = common::example_site();
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    // The method page: map and county × year grid; the county page: map and method × year.
    assert!(tab_through_charts(&host, "/metoder/bra/") > 21);
    assert!(tab_through_charts(&host, "/lan/orebro/") > 12);
    assert_eq!(tab_through_charts(&host, "/"), 21);
}

/// The README's screenshots of a method page's map and timeline (not run by `cargo test`):
/// `cargo test --test maps -- --ignored screenshots`. The example site plus made-up BRA
/// reports, more in some counties and years than in others, so that every class shows.
#[test]
#[ignore]
fn screenshots() {
    let site = common::example_site();
    let counties = [
        "Stockholm",
        "Uppsala",
        "Östergötland",
        "Jönköping",
        "Kronoberg",
        "Skåne",
        "Halland",
        "Västra Götaland",
        "Värmland",
        "Örebro",
        "Dalarna",
        "Gävleborg",
        "Jämtland",
        "Norrbotten",
    ];
    for i in 0..240usize {
        // County k gets about k + 1 shares; the years gather around 2014.
        let k = (i * 7 + i / 13) % 105;
        let county = counties[(((8 * k + 1) as f64).sqrt() as usize - 1) / 2 % counties.len()];
        let start = 2008 + (i * 5 % 11) + (i % 3);
        let period = if i % 17 == 0 {
            format!("{{ start: {start}-03 }}")
        } else {
            format!("{start}–{}", start + i % 4)
        };
        std::fs::write(
            site.path().join(format!("content/demo-{i:03}.md")),
            format!("---\ntitle: Demo {i:03}\ncounty: {county}\nmethods: [BRA]\nperiod: {period}\n---\n\nText.\n"),
        )
        .unwrap();
    }
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let shot = |name: &str| docs.join(name).to_str().unwrap().to_string();
    drive(json!([
        { "viewport": [1100, 900] },
        { "goto": host.url("/metoder/bra/") },
        { "screenshot": shot("method-map.png"), "selector": ".map-beside" },
        { "screenshot": shot("method-timeline.png"), "selector": ".grid-figure" },
    ]));
}
