//! A site's bundle against the one the `pagefind` crate's own indexer makes from the same
//! records: the example site on every test run, and a generated 1 000-report corpus on
//! demand (`#[ignore]`d: see `docs/pagefind-upgrade.md`).

use std::path::Path;

use super::*;

/// `site`'s bundle equals the one the `pagefind` crate's own indexer makes from the same
/// records (index files after decompression, and the entry file), and carries the crate's
/// script and Swedish wasm.
fn assert_bundle_matches_pagefinds_own(site: &Site) {
    let mut ours = Vec::new();
    let stats = build(site, crate::search::Texts::Bodies, |path, bytes| {
        ours.push((path.trim_start_matches("pagefind/").to_string(), bytes));
        Ok(())
    })
    .expect("bundle");
    assert_eq!(stats.records, site.reports.len());
    let urls = Urls::new(&site.config);
    let records = (0..site.reports.len())
        .map(|r| {
            let r = ReportIdx::at(r);
            let text = crate::search::Texts::Bodies.of(site, r).expect("text");
            record(site, &urls, &text, r)
        })
        .collect();
    let theirs = crate_bundle(records).expect("the crate's bundle");
    crate::search::bundle_index::tests::assert_same_index(&ours, &theirs);
    for name in ["pagefind.js", "pagefind-worker.js", "wasm.sv.pagefind"] {
        let find = |files: &[(String, Vec<u8>)]| files.iter().find(|f| f.0 == name).cloned();
        assert!(find(&ours).is_some(), "{name}");
        assert_eq!(find(&ours), find(&theirs), "{name}");
    }
}

/// The example site's bundle equals the one the `pagefind` crate's own indexer makes from the
/// same records, and carries the crate's script and Swedish wasm.
#[test]
fn example_site_bundle_matches_pagefinds_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = crate::site::load(root, false, false)
        .0
        .expect("the example site loads");
    assert_bundle_matches_pagefinds_own(&site);
}

/// The same for 1 000 reports from the project's corpus generator (`examples/gen_corpus.rs`,
/// seed 42): every word rule and chunk boundary on text nobody wrote by hand. Takes about a
/// minute and a half in a debug build; run it after every Pagefind upgrade:
///
/// ```text
/// cargo test --lib generated_corpus_bundle_matches_pagefinds_own -- --ignored
/// ```
#[test]
#[ignore = "slow: generates and indexes 1 000 reports twice; run after a Pagefind upgrade"]
fn generated_corpus_bundle_matches_pagefinds_own() {
    const REPORTS: &str = "1000";
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--quiet", "--example", "gen_corpus", "--", REPORTS])
        .arg(dir.path())
        .status()
        .expect("cargo runs the corpus generator");
    assert!(status.success(), "gen_corpus failed: {status}");
    let site = crate::site::load(dir.path(), false, false)
        .0
        .expect("the generated corpus loads");
    // Some of the generated reports are drafts, which a site leaves out.
    assert!(site.reports.len() > 900, "{} reports", site.reports.len());
    assert_bundle_matches_pagefinds_own(&site);
}

#[test]
fn private_pagefind_words_are_scrubbed() {
    assert_eq!(
        scrub("a ___PAGEFIND_WEIGHT___9 b ___END_PAGEFIND_WEIGHT___ c".into()),
        "a b c"
    );
    assert_eq!(scrub("inget här".into()), "inget här");
}
