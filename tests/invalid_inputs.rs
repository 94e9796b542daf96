//! Broken report files: each case under `tests/fixtures_invalid/<case>/` is a site whose
//! `expected.txt` lists the exact diagnostics (headline, excerpt with carets, hint) a check
//! must produce.
//! Run with `UPDATE_EXPECTED=1` to rewrite the files after an intended change.

mod common;

use std::path::Path;

use fouweb::diagnostics::Diagnostics;

/// Every diagnostic as the terminal shows it: headline, the source excerpt with its carets,
/// and the hint.
fn describe(diagnostics: &Diagnostics) -> String {
    diagnostics.items().iter().map(|d| d.render()).collect()
}

#[test]
fn every_invalid_case_reports_exactly_its_expected_diagnostics() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures_invalid");
    let mut names: Vec<_> = std::fs::read_dir(&cases)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    assert!(names.len() >= 15, "cases: {names:?}");
    let mut failures = Vec::new();
    for case in names {
        let (site, mut diagnostics) = fouweb::site::load(&case, false, false);
        // As `fouweb check` does: a loaded site's templates are compiled too.
        if let Some(site) = &site {
            let options = fouweb::site::RenderOptions { search_page: true };
            for d in fouweb::site::check_templates(site, &case, options) {
                diagnostics.push(d);
            }
        }
        let actual = describe(&diagnostics);
        let expected_path = case.join("expected.txt");
        if std::env::var_os("UPDATE_EXPECTED").is_some() {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                case.display()
            ));
        }
        let warnings_only = case.file_name().is_some_and(|n| n == "unknown-key");
        let valid = site.is_some() && !diagnostics.has_errors();
        assert_eq!(valid, warnings_only, "{}", case.display());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn strict_turns_warnings_into_errors() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures_invalid/unknown-key");
    let (site, diagnostics) = fouweb::site::load(&case, false, true);
    assert!(site.is_none());
    assert_eq!(diagnostics.error_count(), 2);
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let site = common::copy_fixture("fixtures/forms");
    let out = site.path().join("public");
    let ok = common::fouweb(&["build", "--root", site.path().to_str().unwrap()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let before = common::snapshot(&out);
    assert!(before.len() > 20);

    // Break one report in several ways at once, and add a broken file.
    let broken = site.path().join("content/ett-ar.md");
    std::fs::write(&broken, "---\ntitle: [\ncounty: Narnia\n").unwrap();
    std::fs::write(
        site.path().join("content/ny.md"),
        "---\ntitle: Ny\ncounty: Narnia\nperiod: 2020\n---\n",
    )
    .unwrap();
    let failed = common::fouweb(&["build", "--root", site.path().to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains(
            "content/ett-ar.md:1:1: error: the frontmatter opened on line 1 is never closed"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/ny.md:3:9: error: unknown county `Narnia`"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(common::snapshot(&out), before, "public/ must be unchanged");
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("fouweb-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
}

#[test]
fn the_cli_exits_1_on_errors_and_prints_every_file() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures_invalid/many-files");
    let out = common::fouweb(&["check", "--root", case.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "content/fel-ar.md:4:17: error:",
        "content/fel-lan.md:3:9: error:",
        "content/ingen.md:1:1: error:",
        "3 errors, 0 warnings",
    ] {
        assert!(stderr.contains(needle), "missing {needle} in:\n{stderr}");
    }
}
