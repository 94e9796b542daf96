//! Real-browser tests: Debian's headless Chromium, driven by tests/browser/driver.mjs
//! (playwright-core), against sites built by fouweb and served over HTTP. `bash tests/setup`
//! installs what they need.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use common::browser::{drive, StaticHost};
use serde_json::{json, Value};

fn search_json(root: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--limit", "1000"];
    all.extend_from_slice(args);
    common::search_json(root, &all)
}

fn urls_of_cli(response: &Value) -> BTreeSet<String> {
    response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["url"].as_str().unwrap().to_string())
        .collect()
}

fn urls_of_page(state: &Value) -> BTreeSet<String> {
    state["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["url"].as_str().unwrap().to_string())
        .collect()
}

/// A filter group's counts as shown on the page (label → count, zero counts left out).
fn shown_counts(state: &Value, group: &str) -> BTreeMap<String, u64> {
    state["filters"][group]
        .as_object()
        .map(|values| {
            values
                .iter()
                .map(|(label, n)| (label.clone(), n.as_u64().unwrap()))
                .filter(|&(_, n)| n > 0)
                .collect()
        })
        .unwrap_or_default()
}

fn probe(host: &StaticHost, path: &str) -> Value {
    let mut results = drive(json!([{ "goto": host.url(path) }, { "probe": "search" }]));
    results.remove(0)
}

#[test]
fn a_query_with_a_method_filter_shows_the_same_reports_and_counts_as_the_cli() {
    let site = common::example_site();
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    let state = probe(&host, "/sok/?q=f%C3%B6r%C3%A4ldrarna&metod=bra");

    let cli = search_json(site.path(), &["föräldrarna", "--method", "bra"]);
    let expected = urls_of_cli(&cli);
    assert!(
        expected.len() >= 2,
        "the example site has BRA reports about parents"
    );
    assert_eq!(state["state"], "done");
    assert_eq!(urls_of_page(&state), expected, "{state:#}");
    assert_eq!(state["total"].as_u64(), Some(expected.len() as u64));
    assert_eq!(state["query"], "föräldrarna");
    assert_eq!(state["checked"]["metod"], json!(["bra"]));
    for hit in state["hits"].as_array().unwrap() {
        assert!(
            hit["methods"]
                .as_str()
                .unwrap()
                .contains("BRA – Barns rätt som anhöriga"),
            "{hit:#}"
        );
        assert!(
            hit["marks"].as_array().unwrap().iter().any(|m| m
                .as_str()
                .unwrap()
                .to_lowercase()
                .starts_with("föräld")),
            "the excerpt highlights the word: {hit:#}"
        );
        assert!(!hit["title"].as_str().unwrap().is_empty());
        assert!(!hit["period"].as_str().unwrap().is_empty());
    }
    // The county counts shown are those of the CLI's county facet for the same search.
    let facets: BTreeMap<String, u64> =
        serde_json::from_value(cli["facets"]["county"].clone()).unwrap();
    assert_eq!(shown_counts(&state, "lan"), facets);
}

#[test]
fn an_empty_query_with_a_filter_lists_every_matching_report() {
    let site = common::example_site();
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    let state = probe(&host, "/sok/?metod=bra");

    let expected: BTreeSet<String> = common::reports_json(&public)
        .iter()
        .filter(|r| {
            r["methods"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["id"] == "bra")
        })
        .map(|r| r["url"].as_str().unwrap().to_string())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(urls_of_page(&state), expected, "{state:#}");
    assert_eq!(state["total"].as_u64(), Some(expected.len() as u64));
    // "Which counties used BRA": the county counts equal the matrix row.
    let matrix = common::matrix(&public);
    assert_eq!(&shown_counts(&state, "lan"), &matrix["bra"]);

    // Two methods in one group: either one (OR); a county on top: both groups (AND).
    let either = probe(&host, "/sok/?metod=bra&metod=beardslee");
    let beardslee = probe(&host, "/sok/?metod=beardslee");
    let union: BTreeSet<String> = expected.union(&urls_of_page(&beardslee)).cloned().collect();
    assert_eq!(urls_of_page(&either), union);
    let narrowed = probe(&host, "/sok/?metod=bra,beardslee&lan=orebro");
    assert!(!urls_of_page(&narrowed).is_empty());
    for hit in narrowed["hits"].as_array().unwrap() {
        assert!(hit["counties"].as_str().unwrap().contains("Örebro län"));
    }
    assert!(urls_of_page(&narrowed).is_subset(&union));
}

#[test]
fn inflected_forms_compounds_and_missing_diacritics_find_the_reports() {
    let site = common::copy_fixture("fixtures/search");
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    let slugs = |state: &Value| -> Vec<String> {
        urls_of_page(state)
            .iter()
            .map(|u| u.trim_matches('/').rsplit('/').next().unwrap().to_string())
            .collect()
    };
    let cases: [(&str, &[&str]); 5] = [
        ("barngruppen", &["bojningar", "sammansatt"]),
        ("barngrupp", &["bojningar", "sammansatt"]),
        ("vasteras", &["vasteras"]),
        ("V%C3%A4ster%C3%A5s", &["vasteras"]),
        ("cykel", &[]),
    ];
    for (query, expected) in cases {
        let state = probe(&host, &format!("/sok/?q={query}"));
        assert_eq!(slugs(&state), expected, "query {query}: {state:#}");
    }
}

#[test]
fn typing_and_ticking_filters_write_the_search_into_the_url() {
    let site = common::example_site();
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    let results = drive(json!([
        { "goto": host.url("/sok/") },
        { "probe": "search" },
        { "type": "#search-q", "text": "barn" },
        { "waitForFunction": "location.search.includes('q=barn') && document.getElementById('search-status').dataset.state === 'done'" },
        { "probe": "search" },
        { "click": "input[name=metod][value=bra]" },
        { "waitForFunction": "location.search.includes('metod=bra') && document.getElementById('search-status').dataset.state === 'done'" },
        { "probe": "search" },
    ]));
    let (idle, typed, filtered) = (&results[0], &results[1], &results[2]);
    assert_eq!(idle["state"], "idle", "nothing asked yet: {idle:#}");
    assert!(typed["total"].as_u64().unwrap() > 0);
    assert_eq!(typed["location"], "/sok/?q=barn");
    assert_eq!(filtered["location"], "/sok/?q=barn&metod=bra");
    assert!(filtered["total"].as_u64().unwrap() > 0);
    assert!(filtered["total"].as_u64() <= typed["total"].as_u64());
    for hit in filtered["hits"].as_array().unwrap() {
        assert!(hit["methods"]
            .as_str()
            .unwrap()
            .contains("BRA – Barns rätt som anhöriga"));
    }
}

#[test]
fn excerpts_never_turn_report_text_into_markup() {
    let site = common::copy_fixture("fixtures/xss");
    let public = common::build(site.path());
    let host = StaticHost::start(&public);
    let state = probe(&host, "/sok/?q=text");
    assert_eq!(state["total"], 1, "{state:#}");
    let hit = &state["hits"][0];
    let html = hit["excerptHtml"].as_str().unwrap();
    let without_marks = html.replace("<mark>", "").replace("</mark>", "");
    assert!(
        !without_marks.contains('<'),
        "only <mark> survives in excerpts: {html}"
    );
    assert!(hit["title"].as_str().unwrap().contains("Elak rapport"));
}

#[test]
fn the_search_page_says_what_to_do_without_javascript() {
    let site = common::example_site();
    let public = common::build(site.path());
    let page = common::read(&public.join("sok/index.html"));
    let noscript = &page[page.find("<noscript>").unwrap()..page.find("</noscript>").unwrap()];
    assert!(noscript.contains("behöver JavaScript"));
    assert!(noscript.contains("href=\"/metoder/\""));
    assert!(noscript.contains("href=\"/lan/\""));
    // And every page links to the search.
    assert!(common::read(&public.join("index.html")).contains("href=\"/sok/\""));
}

#[test]
fn an_edited_report_reloads_by_itself_and_errors_show_an_overlay() {
    let site = common::example_site();
    let root = site.path().canonicalize().unwrap();
    let server = common::Served::start(&root);
    let port = server.port;
    let file = root.join("content/tabb-nora-2021.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let retitled = text.replacen("title: ", "title: Levande omladdning – ", 1);
    let broken = text.replacen("title:", "title: [", 1);
    let url = format!("http://127.0.0.1:{port}/rapporter/tabb-nora-2021/");
    let results = drive(json!([
        { "goto": url },
        { "waitForFunction": "document.querySelector('h1') !== null" },
        { "eval": "window.__sameDocument = true" },
        { "write": file.to_str().unwrap(), "content": retitled },
        { "waitForFunction": "document.querySelector('h1')?.textContent.includes('Levande omladdning')" },
        { "eval": "window.__sameDocument === undefined" },
        { "write": file.to_str().unwrap(), "content": broken },
        { "waitFor": "#fouweb-overlay" },
        { "eval": "document.querySelector('#fouweb-overlay').textContent" },
        { "write": file.to_str().unwrap(), "content": text },
        { "waitFor": "#fouweb-overlay", "state": "detached" },
        { "eval": "document.querySelector('h1').textContent" },
    ]));
    assert_eq!(
        results[1],
        json!(true),
        "the page was reloaded, not edited in place"
    );
    let overlay = results[2].as_str().unwrap();
    assert!(
        overlay.contains("content/tabb-nora-2021.md:2:"),
        "{overlay}"
    );
    assert!(overlay.contains("hint"), "{overlay}");
    assert!(!results[3].as_str().unwrap().contains("Levande omladdning"));
}

#[test]
fn in_the_dev_server_without_a_bundle_the_search_page_answers_from_the_api() {
    // Above 300 reports `fouweb serve` makes no browser bundle.
    let site = common::example_site();
    let root = site.path().canonicalize().unwrap();
    for i in 0..300 {
        let county = ["Gotland", "Örebro", "Kronoberg"][i % 3];
        std::fs::write(
            root.join(format!("content/extra-{i:03}.md")),
            format!(
                "---\ntitle: Extra rapport {i:03}\ncounty: {county}\nmethods: [BRA]\nperiod: {}\n---\n\nSamtal med föräldrarna och barnen, omgång {i}.\n",
                2010 + i % 12
            ),
        )
        .unwrap();
    }
    let server = common::Served::start(&root);
    let base = format!("http://127.0.0.1:{}", server.port);
    let api = |query: &str| -> Value {
        let out = Command::new("python3")
            .args([
                "-c",
                "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())",
            ])
            .arg(format!("{base}/api/search?{query}&limit=1000"))
            .output()
            .unwrap();
        // Null while the server still builds its index (503).
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    };
    // The index is built beside the server: wait until it answers.
    for _ in 0..100 {
        if api("q=").get("total").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    for (page, query) in [
        (
            "/sok/?q=f%C3%B6r%C3%A4ldrarna&metod=bra",
            "q=f%C3%B6r%C3%A4ldrarna&metod=bra",
        ),
        ("/sok/?lan=orebro", "lan=orebro"),
    ] {
        let state =
            drive(json!([{ "goto": format!("{base}{page}") }, { "probe": "search" }])).remove(0);
        let expected = api(query);
        assert_eq!(state["state"], "done", "{page}: {state:#}");
        assert_eq!(state["total"], expected["total"], "{page}");
        assert!(
            expected["total"].as_u64().unwrap() > 20,
            "{page}: more than a page of hits"
        );
        let shown: Vec<&str> = state["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["url"].as_str().unwrap())
            .collect();
        let first: Vec<&str> = expected["hits"]
            .as_array()
            .unwrap()
            .iter()
            .take(shown.len())
            .map(|h| h["url"].as_str().unwrap())
            .collect();
        assert_eq!(shown, first, "{page}: the API's hits, in its order");
        let counties: BTreeMap<String, u64> =
            serde_json::from_value(expected["facets"]["county"].clone()).unwrap();
        if page.contains("lan=") {
            // A group's own counts ignore its own choice: compare another group.
            assert!(shown_counts(&state, "ar").values().sum::<u64>() > 0);
        } else {
            assert_eq!(shown_counts(&state, "lan"), counties, "{page}");
        }
        for hit in state["hits"].as_array().unwrap() {
            assert!(!hit["title"].as_str().unwrap().is_empty());
            assert!(!hit["period"].as_str().unwrap().is_empty());
        }
    }
}
