//! `fouweb search` against indexes written by `fouweb build`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

fn search(root: &Path, args: &[&str]) -> Value {
    common::search_json(root, args)
}

fn slugs(response: &Value) -> Vec<String> {
    let mut s: Vec<String> = response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["slug"].as_str().unwrap().to_string())
        .collect();
    s.sort();
    s
}

#[test]
fn swedish_inflections_compounds_and_missing_diacritics() {
    let site = common::copy_fixture("fixtures/search");
    common::build(site.path());
    let root = site.path();
    assert_eq!(
        slugs(&search(root, &["barngrupp"])),
        ["bojningar", "sammansatt"],
        "plural and compounds"
    );
    assert_eq!(
        slugs(&search(root, &["barngruppen"])),
        ["bojningar", "sammansatt"],
        "definite form"
    );
    assert_eq!(slugs(&search(root, &["barngruppsledare"])), ["sammansatt"]);
    assert_eq!(
        slugs(&search(root, &["vasteras"])),
        ["vasteras"],
        "typed without å/ä"
    );
    assert_eq!(slugs(&search(root, &["Västerås"])), ["vasteras"]);
    assert_eq!(slugs(&search(root, &["föräldrastöd"])), ["vasteras"]);
    let far = search(root, &["far"]);
    assert_eq!(far["hits"][0]["slug"], "far", "the exact word first");
    assert_eq!(
        slugs(&search(root, &["får"])),
        ["far-verb"],
        "får is not far"
    );
    assert!(slugs(&search(root, &["cykel"])).is_empty());
    // Every word must match.
    assert_eq!(
        slugs(&search(root, &["barngrupper", "Nora"])),
        ["bojningar"]
    );
    // The exact word ranks above a compound that merely starts with it.
    let ranked = search(root, &["barngrupperna"]);
    assert_eq!(ranked["hits"][0]["slug"], "bojningar");
    assert!(ranked["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("<b>Barngrupperna</b>"));
}

#[test]
fn every_word_typed_must_match() {
    let site = common::copy_fixture("fixtures/search");
    common::build(site.path());
    let root = site.path();
    let long = "a".repeat(60);
    for query in [
        "och att",
        "att",
        &format!("barngrupp {long}"),
        long.as_str(),
    ] {
        let response = search(root, &[query]);
        assert_eq!(response["total"], 0, "{query}: {response:#}");
        assert!(response["facets"]["county"]
            .as_object()
            .is_none_or(|c| c.values().all(|n| n == 0)));
    }
    // Stop words beside other words are simply not needed to match.
    assert_eq!(
        slugs(&search(root, &["barngrupp och"])),
        slugs(&search(root, &["barngrupp"]))
    );
    // The dev server's /api/search answers alike: tests/serve.rs compares them on "och att".
}

#[test]
fn filters_combine_or_within_and_across_groups() {
    let site = common::copy_fixture("fixtures/search");
    common::build(site.path());
    let root = site.path();
    assert_eq!(
        slugs(&search(root, &["--method", "bra"])),
        ["bojningar", "sammansatt"]
    );
    assert_eq!(
        slugs(&search(root, &["--method", "bra", "--method", "Beardslee"])),
        ["bojningar", "far", "sammansatt"]
    );
    assert_eq!(
        slugs(&search(root, &["--method", "bra", "--county", "Örebro"])),
        ["bojningar"]
    );
    assert_eq!(
        slugs(&search(root, &["--county", "Skaraborg"])),
        ["sammansatt"],
        "sub-regions filter by their county"
    );
    assert_eq!(
        slugs(&search(root, &["--kommun", "Nora kommun"])),
        ["bojningar"]
    );
    assert_eq!(
        slugs(&search(root, &["--year", "2019"])),
        ["far", "vasteras"]
    );
    // The URL names the site's pages and the search page use work too.
    assert_eq!(
        slugs(&search(root, &["--county", "orebro", "--kommun", "nora"])),
        ["bojningar"]
    );
    assert_eq!(
        slugs(&search(root, &["--method", "beardslee"])),
        slugs(&search(root, &["--method", "Beardslee"]))
    );
    let all = search(root, &["--limit", "100"]);
    assert_eq!(all["total"], 5);
    let by_county = &search(root, &["--method", "BRA"])["facets"]["county"];
    assert_eq!(by_county["Örebro län"], 1);
    assert_eq!(by_county["Västra Götalands län"], 1);
}

#[test]
fn helpful_errors_without_an_index_or_with_unknown_filters() {
    let site = common::copy_fixture("fixtures/search");
    let root = site.path().to_str().unwrap();
    let out = common::fouweb(&["search", "barn", "--root", root]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("run `fouweb build` first"));
    common::build(site.path());
    let out = common::fouweb(&["search", "--county", "Kronobergs lan", "--root", root]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("did you mean `Kronobergs län`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// For every method: `fouweb search --method M --json` counts per county equal matrix.csv.
#[test]
fn method_facets_agree_with_the_matrix_on_the_example_site() {
    let site = common::example_site();
    let public = common::build(site.path());
    let matrix = common::matrix(&public);
    assert!(matrix.len() > 10);
    for (method, counties) in &matrix {
        let response = search(site.path(), &["--method", method, "--limit", "1"]);
        let facets: BTreeMap<String, u64> =
            serde_json::from_value(response["facets"]["county"].clone()).unwrap();
        assert_eq!(&facets, counties, "county counts for {method}");
    }
}

/// A build reuses the last build's browser bundle and search index when no report changed,
/// and only then.
#[test]
fn the_browser_bundle_and_index_are_made_again_only_when_a_report_changes() {
    let site = common::example_site();
    let root = site.path();
    // (bundle reused, index kept), from the build's summary line.
    let build = || {
        let out = common::fouweb(&["build", "--root", root.to_str().unwrap()]);
        assert!(out.status.success());
        let summary = String::from_utf8_lossy(&out.stdout).to_string();
        (
            summary.contains(", unchanged, search index"),
            summary.contains(" s, unchanged)"),
        )
    };
    let bundle = || {
        let all = common::snapshot(&root.join("public/pagefind"));
        assert!(all.len() > 5);
        all
    };
    assert_eq!(build(), (false, false));
    let first = bundle();

    // Nothing changed, then only a template: the same bundle and index, not made again.
    assert_eq!(build(), (true, true));
    assert_eq!(bundle(), first);
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}Borta{% endblock %}",
    )
    .unwrap();
    assert_eq!(build(), (true, true));
    assert_eq!(bundle(), first);

    // A report's text changed: a new bundle and index that find the new word.
    let file = root.join("content/tabb-nora-2021.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n\nSärskilt ordet fladdermusbarn.\n")).unwrap();
    assert_eq!(build(), (false, false));
    assert_ne!(bundle(), first);
    let found = search(root, &["fladdermusbarn"]);
    assert_eq!(found["hits"][0]["slug"], "tabb-nora-2021");

    // A bundle changed by hand is not trusted; neither is an index of another version.
    assert_eq!(build(), (true, true));
    let entry = root.join("public/pagefind/pagefind-entry.json");
    std::fs::write(&entry, "{}").unwrap();
    let meta = root.join(".fouweb/index/fouweb.json");
    let stale =
        std::fs::read_to_string(&meta)
            .unwrap()
            .replacen("\"version\":", "\"version\":9", 1);
    std::fs::write(&meta, stale).unwrap();
    assert_eq!(build(), (false, false));
}
