//! Snapshot tests of every page kind on a small fixture site (`tests/fixtures/snapshot`, where
//! no work is ongoing, so no page depends on today's date). A change in a page's HTML shows up
//! as a diff to review; accept an intended one with `cargo insta review` or
//! `INSTA_UPDATE=always cargo test --test snapshots`.

mod common;

#[test]
fn every_page_kind_renders_as_reviewed() {
    let site = common::copy_fixture("fixtures/snapshot");
    let public = common::build(site.path());
    let pages = [
        ("home", "index.html"),
        ("report", "rapporter/barngrupper-nora/index.html"),
        ("report_unknown_method", "rapporter/bra-vaxjo/index.html"),
        ("reports", "rapporter/index.html"),
        ("methods", "metoder/index.html"),
        ("method", "metoder/bra/index.html"),
        ("method_unknown", "metoder/egen-samtalsmodell/index.html"),
        ("counties", "lan/index.html"),
        ("county", "lan/orebro/index.html"),
        ("municipality", "kommuner/vaxjo/index.html"),
        ("years", "ar/index.html"),
        ("year", "ar/2009/index.html"),
        ("matrix", "matris/index.html"),
        ("not_found", "404.html"),
        ("feed", "feed.xml"),
        ("feed_method", "metoder/bra/feed.xml"),
        ("matrix_csv", "data/matrix.csv"),
    ];
    for (name, path) in pages {
        let text = common::read(&public.join(path));
        insta::assert_snapshot!(name, text);
    }
}
