//! Builds fixture sites through the CLI and checks the output files.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::{json, Value};

fn names(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v[field].as_str().unwrap().to_string())
        .collect()
}

fn by_slug(reports: &[Value]) -> BTreeMap<String, Value> {
    reports
        .iter()
        .map(|r| (r["slug"].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

#[test]
fn every_accepted_frontmatter_form_is_normalised_in_reports_json() {
    let site = common::copy_fixture("fixtures/forms");
    let public = common::build(site.path());
    let reports = by_slug(&common::reports_json(&public));
    assert_eq!(
        reports.keys().collect::<Vec<_>>(),
        [
            "alias-och-delregion",
            "bra-kronoberg",
            "pagaende",
            "prosa",
            "tva-lan"
        ]
    );

    let prose = &reports["prosa"];
    assert_eq!(names(&prose["counties"], "code"), ["03", "21"]);
    assert_eq!(
        names(&prose["municipalities"], "name"),
        ["Tierp", "Sandviken"]
    );
    assert_eq!(
        names(&prose["methods"], "id"),
        ["bra", "fora-barnen-pa-tal"]
    );
    assert_eq!(
        prose["period"],
        json!({"start": "2021-09", "end": "2023-06"})
    );

    let skaraborg = &reports["alias-och-delregion"];
    assert_eq!(skaraborg["url"], "/kb/rapporter/alias-och-delregion/");
    assert_eq!(
        skaraborg["counties"],
        json!([{"code": "14", "name": "Västra Götalands län"}])
    );
    assert_eq!(skaraborg["subregions"], json!(["Skaraborg"]));
    assert_eq!(
        names(&skaraborg["municipalities"], "code"),
        ["1496", "1499"]
    );
    assert_eq!(
        names(&skaraborg["municipalities"], "name"),
        ["Skövde", "Falköping"]
    );
    assert_eq!(names(&skaraborg["methods"], "id"), ["bbic", "fou-cirkel"]);
    assert_eq!(
        skaraborg["period"],
        json!({"start": "2015-01", "end": "2016-12"})
    );

    let two = &reports["tva-lan"];
    assert_eq!(names(&two["counties"], "code"), ["18", "20"]);
    assert_eq!(names(&two["municipalities"], "code"), ["1884", "2080"]);
    assert_eq!(
        names(&two["methods"], "id"),
        ["stodgrupper-for-barn", "beardslee"]
    );
    assert_eq!(two["period"], json!({"start": "2008-06", "end": "2009-12"}));

    let ongoing = &reports["pagaende"];
    assert_eq!(names(&ongoing["counties"], "name"), ["Jönköpings län"]);
    assert_eq!(ongoing["period"], json!({"start": "2015-09", "end": null}));
    assert_eq!(
        ongoing["methods"],
        json!([{"id": "fifa", "name": "FIFA – Förebyggande insatser i familjer med missbruk"}, {"id": "trygghetscirkeln", "name": "Trygghetscirkeln"}])
    );

    let bra = &reports["bra-kronoberg"];
    assert_eq!(names(&bra["counties"], "code"), ["07"]);
    assert_eq!(
        names(&bra["methods"], "id"),
        ["bra"],
        "one method written twice is listed once"
    );
    assert_eq!(bra["period"], json!({"start": "2015-01", "end": "2015-12"}));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path().to_str().unwrap();
    let public = common::build(site.path());
    assert!(!public.join("rapporter/utkast").exists());
    let out = common::fouweb(&[
        "build",
        "--root",
        root,
        "--drafts",
        "--output",
        site.path().join("med-utkast").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(site
        .path()
        .join("med-utkast/rapporter/utkast/index.html")
        .exists());
}

/// For every method: the method × county pages its page links, the matrix CSV and reports.json agree.
fn assert_taxonomies_agree(public: &Path) {
    let reports = common::reports_json(public);
    let mut expected: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for r in &reports {
        for m in r["methods"].as_array().unwrap() {
            for c in r["counties"].as_array().unwrap() {
                *expected
                    .entry(m["id"].as_str().unwrap().to_string())
                    .or_default()
                    .entry(c["code"].as_str().unwrap().to_string())
                    .or_default() += 1;
            }
        }
    }
    let csv = common::read(&public.join("data/matrix.csv"));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("method_id,method,county_code,county,reports")
    );
    let mut from_csv: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for line in lines {
        // Method names may be quoted and contain commas; the id is first, then from the end:
        // count, county name, county code.
        let id = line.split(',').next().unwrap().to_string();
        let mut back = line.rsplitn(4, ',');
        let count: usize = back.next().unwrap().parse().unwrap();
        let _county = back.next().unwrap();
        let code = back.next().unwrap().to_string();
        from_csv.entry(id).or_default().insert(code, count);
    }
    assert_eq!(from_csv, expected, "matrix.csv agrees with reports.json");

    let names: BTreeMap<String, String> = reports
        .iter()
        .flat_map(|r| r["counties"].as_array().unwrap().iter())
        .map(|c| {
            (
                c["code"].as_str().unwrap().into(),
                c["name"].as_str().unwrap().into(),
            )
        })
        .collect();
    for (method, counties) in &expected {
        // The method page links each of its counties' method × county pages.
        let page = common::read(&public.join(format!("metoder/{method}/index.html")));
        let prefix = format!("/metoder/{method}/lan/");
        let linked: BTreeSet<String> = page
            .match_indices(&prefix)
            .map(|(i, m)| {
                let slug: String = page[i + m.len()..]
                    .chars()
                    .take_while(|&c| c != '/')
                    .collect();
                let pair =
                    common::read(&public.join(format!("metoder/{method}/lan/{slug}/index.html")));
                let h1 = &pair[pair.find("<h1>").unwrap() + 4..pair.find("</h1>").unwrap()];
                h1.rsplit_once(" i ").unwrap().1.to_string()
            })
            .collect();
        let wanted: BTreeSet<String> = counties.keys().map(|code| names[code].clone()).collect();
        assert_eq!(linked, wanted, "county pages of the {method} page");
    }
}

#[test]
fn method_pages_matrix_and_open_data_agree_on_the_example_site() {
    let site = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["content", "vocabulary", "site.yaml"] {
        let from = root.join(part);
        if from.is_dir() {
            common::copy_dir(&from, &site.path().join(part));
        } else {
            std::fs::copy(&from, site.path().join(part)).unwrap();
        }
    }
    let public = common::build(site.path());
    assert!(common::reports_json(&public).len() >= 12);
    assert_taxonomies_agree(&public);
    for page in [
        "index.html",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "matris/index.html",
        "metoder/index.html",
        "lan/index.html",
        "ar/index.html",
        "rapporter/index.html",
        "style.css",
    ] {
        assert!(public.join(page).is_file(), "{page}");
    }
    let index = common::read(&public.join("index.html"));
    assert!(index.contains("<html lang=\"sv\""), "Swedish pages");
}

#[test]
fn method_pages_and_matrix_agree_on_the_forms_fixture() {
    let site = common::copy_fixture("fixtures/forms");
    let public = common::build(site.path());
    assert_taxonomies_agree(&public);
    let csv = common::read(&public.join("data/matrix.csv"));
    assert!(
        csv.contains("beardslee,Beardslees familjeintervention,18,Örebro län,1\n"),
        "{csv}"
    );
    assert!(
        csv.contains("beardslee,Beardslees familjeintervention,20,Dalarnas län,1\n"),
        "{csv}"
    );
    let unknown = common::read(&public.join("metoder/trygghetscirkeln/index.html"));
    assert!(unknown.contains("Trygghetscirkeln"));
}

/// The tags in `html` (text between `<` and `>`), lowercased.
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start..];
        let end = after.find('>').unwrap_or(after.len());
        out.push(after[..end].to_lowercase());
        rest = &after[end..];
    }
    out
}

/// A tag's attributes as (name, value) pairs; a name without a value has an empty one.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches('<');
    rest = rest.split_once(char::is_whitespace).map_or("", |(_, r)| r);
    while !rest.trim().is_empty() {
        rest = rest.trim_start();
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_string();
        rest = &rest[name_end..];
        let mut value = "";
        if let Some(after) = rest.trim_start().strip_prefix('=') {
            let after = after.trim_start();
            let (found, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], inner.get(close + 1..).unwrap_or(""))
                }
                _ => after.split_once(char::is_whitespace).unwrap_or((after, "")),
            };
            value = found;
            rest = remaining;
        }
        out.push((name, value.to_string()));
    }
    out
}

#[test]
fn script_and_event_handlers_never_reach_the_output_as_html() {
    let site = common::copy_fixture("fixtures/xss");
    let public = common::build(site.path());
    let mut checked = 0;
    let mut bodies = 0;
    for (path, bytes) in common::snapshot(&public) {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "xml") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        // Elements inside `<div class="prose">` come from a report body, all others from the theme.
        let mut body_depth = 0usize;
        for tag in tags(&text) {
            let from_body = body_depth > 0;
            if tag.starts_with("<div") && (from_body || tag == r#"<div class="prose""#) {
                bodies += usize::from(!from_body);
                body_depth += 1;
            } else if tag.starts_with("</div") && from_body {
                body_depth -= 1;
            }
            // The search page's own configuration and script are the only scripts.
            let theme_script = path == Path::new("sok/index.html")
                && [
                    r#"<script type="application/json" id="search-config""#,
                    r#"<script type="module" src="/search.js""#,
                ]
                .contains(&tag.trim_end_matches('>'));
            assert!(
                !tag.starts_with("<script") || theme_script,
                "{}: {tag}",
                path.display()
            );
            assert!(!tag.starts_with("<iframe"), "{}: {tag}", path.display());
            for (name, value) in attributes(&tag) {
                assert!(
                    !name.starts_with("on"),
                    "{}: event handler in {tag}",
                    path.display()
                );
                let url = value.replace(char::is_whitespace, "");
                assert!(
                    !(matches!(name.as_str(), "href" | "src" | "action" | "formaction")
                        && url.starts_with("javascript:")),
                    "{}: script URL in {tag}",
                    path.display()
                );
                assert!(name != "autofocus", "{}: {tag}", path.display());
                if from_body {
                    // The only style a body carries is the table alignment fouweb writes.
                    let alignment = (tag.starts_with("<th") || tag.starts_with("<td"))
                        && ["left", "center", "right"]
                            .iter()
                            .any(|side| value == format!("text-align: {side}"));
                    assert!(
                        name != "style" || alignment,
                        "{}: style in {tag}",
                        path.display()
                    );
                    assert!(name != "tabindex", "{}: {tag}", path.display());
                }
            }
        }
        assert_eq!(body_depth, 0, "{}: unclosed report body", path.display());
        checked += 1;
    }
    assert!(checked > 10);
    assert_eq!(bodies, 2, "both report bodies were checked");
    let page = common::read(&public.join("rapporter/elak/index.html"));
    assert!(
        page.contains("&lt;script&gt;alert(&#39;titel&#39;)&lt;/script&gt; Elak rapport"),
        "the title is shown as text"
    );
    // A body without raw HTML: its headings keep their ids and plain classes, nothing else.
    let page = common::read(&public.join("rapporter/rubriker/index.html"));
    for heading in [
        r#"<h2 id="forsta">Första</h2>"#,
        r#"<h2 id="fokus">Fokus</h2>"#,
        r#"<h3 id="klick" class="note">Klick</h3>"#,
        r#"<h4 id="mus">Mus</h4>"#,
        r#"<h5 id="tacker">Täcker</h5>"#,
        r#"<h6 id="citattecken">Citattecken</h6>"#,
        r#"<h2 id="understruken-tva">Understruken två</h2>"#,
        r#"<h2 id="understruken-ett">Understruken ett</h2>"#,
        r#"<th style="text-align: left">Vänster</th>"#,
    ] {
        assert!(page.contains(heading), "{heading} in {page}");
    }
}

#[test]
fn new_scaffolds_a_report_that_builds() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path().to_str().unwrap();
    let out = common::fouweb(&[
        "new",
        "Barngrupper i Nora",
        "--county",
        "Örebro",
        "--method",
        "barngrupper",
        "--root",
        root,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = common::fouweb(&[
        "new",
        "Barngrupper i Nora",
        "--county",
        "Örebro",
        "--root",
        root,
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let public = common::build(site.path());
    let reports = common::reports_json(&public);
    assert_eq!(reports[0]["slug"], "barngrupper-i-nora");
    assert_eq!(reports[0]["counties"][0]["code"], "18");
}

#[test]
fn rendering_into_memory_gives_the_same_files_as_a_build() {
    let site = common::copy_fixture("fixtures/forms");
    let public = common::build(site.path());
    // The browser search bundle is added by `build` after the pages (tests/search.rs checks it),
    // and the marker of fouweb's output folders by the output folder itself.
    let mut on_disk = common::snapshot(&public);
    on_disk
        .retain(|path, _| !path.starts_with("pagefind") && path != Path::new(fouweb::site::MARKER));
    let (model, diagnostics) = fouweb::site::load(site.path(), false, false);
    let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
    let memory = fouweb::site::MemorySite::default();
    let options = fouweb::site::RenderOptions { search_page: true };
    fouweb::site::render_into(
        &model,
        site.path(),
        Path::new("memory"),
        options,
        &memory,
        &Default::default(),
    )
    .unwrap();
    let in_memory: BTreeMap<std::path::PathBuf, Vec<u8>> = memory
        .into_files()
        .into_iter()
        .map(|(path, bytes)| (std::path::PathBuf::from(path), bytes))
        .collect();
    assert_eq!(
        in_memory.keys().collect::<Vec<_>>(),
        on_disk.keys().collect::<Vec<_>>()
    );
    assert!(in_memory == on_disk, "same bytes for every file");
}
