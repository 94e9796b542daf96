//! Values kept as written: a text field given a number keeps the number's text exactly as it
//! stands in the file (never YAML's re-serialised form), and SCB codes keep their digits.
//! Values that are not accepted are golden files in `tests/fixtures_invalid/names-not-text`
//! and `tests/fixtures_invalid/budget-not-decimal`.

mod common;

const REPORT: &str = "---
title: 1.50
county: 07
municipalities: [0780]
period: 2015
organisation: 0x1F
status: 1.50
funding: .nan
contact: 1e3
summary: +12
budget_sek: 350 000 kr
tags: [\"true\", \"1e3\", '2015-01-01']
outcomes: Ett resultat, med kommatecken
---
Text.
";

#[test]
fn text_fields_keep_numbers_as_written() {
    let site = common::site(&[("content/tal.md", REPORT)]);
    let (model, diagnostics) = fouweb::site::load(site.path(), false, false);
    let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
    assert_eq!(diagnostics.error_count(), 0, "{}", diagnostics.render());
    let report = &model.reports[0];
    assert_eq!(report.title, "1.50");
    assert_eq!(report.organisation.as_deref(), Some("0x1F"));
    assert_eq!(report.status.as_deref(), Some("1.50"));
    assert_eq!(report.funding.as_deref(), Some(".nan"));
    assert_eq!(report.contact.as_deref(), Some("1e3"));
    assert_eq!(report.summary, "+12");
    assert_eq!(report.budget_sek, Some(350_000));
    assert_eq!(report.tags, ["true", "1e3", "2015-01-01"]);
    assert_eq!(report.outcomes, ["Ett resultat, med kommatecken"]);
    assert_eq!(report.counties.len(), 1, "county 07 is Kronoberg's code");
    assert_eq!(report.municipalities.len(), 1, "0780 is Växjö's code");
}

#[test]
fn the_page_shows_the_text_as_written() {
    let site = common::site(&[("content/tal.md", REPORT)]);
    let (_, files) = common::render(site.path());
    let page = files
        .iter()
        .find(|(path, _)| path.ends_with("/tal/index.html"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_else(|| panic!("no report page in {:?}", files.keys().collect::<Vec<_>>()));
    for written in ["0x1F", "1.50", ".nan"] {
        assert!(page.contains(written), "{written} missing from the page");
    }
    for changed in [">31<", ">NaN<", ">1.5<"] {
        assert!(!page.contains(changed), "{changed} on the page");
    }
}
