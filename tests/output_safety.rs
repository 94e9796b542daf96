//! fouweb only ever removes what it wrote itself, and a failed build publishes nothing: output
//! folders that are or hold the site's own files are refused, a folder fouweb did not write is
//! replaced only with `--force`, and a build that fails at any step leaves `public/` and the
//! search index as they were.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use fouweb::site::MARKER;

/// `fouweb ARGS…` run in `dir` (for relative `--output` paths).
fn fouweb_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fouweb"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn build(root: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    common::fouweb(&args)
}

fn assert_built(out: &Output) {
    assert!(out.status.success(), "build failed:\n{}", stderr(out));
}

fn assert_refused(out: &Output, what: &str) {
    assert_eq!(out.status.code(), Some(1), "{what}: {}", stderr(out));
    assert!(
        String::from_utf8_lossy(&out.stdout).is_empty(),
        "{what}: no summary line"
    );
}

/// Names in `dir` of staging and old folders a build should have cleaned up.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.contains(".fouweb-tmp") || n.contains(".fouweb-old") || n.starts_with("index.")
        })
        .collect();
    names.sort();
    names
}

fn snapshot_or_empty(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    if dir.is_dir() {
        common::snapshot(dir)
    } else {
        BTreeMap::new()
    }
}

#[test]
fn the_content_folder_is_never_the_output() {
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path();
    let content = common::snapshot(&root.join("content"));
    for attempt in 0..3 {
        let out = build(root, &["--output", root.join("content").to_str().unwrap()]);
        assert_refused(&out, "--output content");
        assert!(
            stderr(&out).contains("the output folder is the site's `content/` folder"),
            "{}",
            stderr(&out)
        );
        assert_eq!(
            common::snapshot(&root.join("content")),
            content,
            "{attempt}"
        );
        // Not even with --force, and not with the path spelled differently.
        let out = fouweb_in(
            root,
            &["build", "--root", ".", "--output", "./content/", "--force"],
        );
        assert_refused(&out, "--output ./content/ --force");
        assert_eq!(common::snapshot(&root.join("content")), content);
    }
    let mut names: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["content", "site.yaml", "vocabulary"],
        "nothing written"
    );
}

#[test]
fn the_site_and_its_parts_are_refused() {
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path();
    std::fs::create_dir(root.join("templates")).unwrap();
    std::fs::create_dir(root.join("static")).unwrap();
    let before = common::snapshot(root);
    let parent = root.parent().unwrap().to_str().unwrap().to_string();
    for output in [
        ".",
        "..",
        &parent,
        "templates",
        "static/",
        "content/sub",
        "content/new",
        "vocabulary",
        "themes",
        ".fouweb",
        "site.yaml",
        "public/../content",
    ] {
        let out = fouweb_in(root, &["build", "--root", ".", "--output", output]);
        assert_refused(&out, output);
        let message = stderr(&out);
        assert!(
            message.contains("the output folder "),
            "{output}: {message}"
        );
        assert!(message.contains("hint: "), "{output}: {message}");
    }
    assert_eq!(common::snapshot(root), before, "nothing written");
    assert!(!root.join(".fouweb").exists());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_the_content_is_refused() {
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("ut");
    std::os::unix::fs::symlink(root.join("content"), &link).unwrap();
    let content = common::snapshot(&root.join("content"));
    for _ in 0..2 {
        let out = build(root, &["--output", link.to_str().unwrap(), "--force"]);
        assert_refused(&out, "a link to content");
        assert!(stderr(&out).contains("`content/`"), "{}", stderr(&out));
    }
    assert_eq!(common::snapshot(&root.join("content")), content);
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 1);
}

#[test]
fn a_folder_fouweb_did_not_write_is_replaced_only_with_force() {
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path();
    let docs = root.join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("avtal.txt"), "Avtalet.").unwrap();
    for _ in 0..3 {
        let out = fouweb_in(root, &["build", "--root", ".", "--output", "docs"]);
        assert_refused(&out, "docs");
        let message = stderr(&out);
        assert!(
            message
                .contains("docs: error: the output folder holds files that fouweb did not write"),
            "{message}"
        );
        assert!(message.contains("--force"), "{message}");
        assert_eq!(common::read(&docs.join("avtal.txt")), "Avtalet.");
        assert_eq!(std::fs::read_dir(&docs).unwrap().count(), 1);
    }
    assert!(!root.join(".docs.fouweb-spare").exists());

    let out = fouweb_in(
        root,
        &["build", "--root", ".", "--output", "docs", "--force"],
    );
    assert_built(&out);
    assert!(!docs.join("avtal.txt").exists());
    assert!(docs.join("index.html").is_file());
    assert!(docs.join(MARKER).is_file());
    // From now on the folder is fouweb's: no --force needed.
    let out = fouweb_in(root, &["build", "--root", ".", "--output", "docs"]);
    assert_built(&out);
    assert!(docs.join(MARKER).is_file());
    assert!(!docs.join("avtal.txt").exists());
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
}

#[test]
fn an_empty_folder_is_fine() {
    let site = common::copy_fixture("fixtures/forms");
    let out_dir = tempfile::tempdir().unwrap();
    let out = build(
        site.path(),
        &["--output", out_dir.path().to_str().unwrap(), "--no-search"],
    );
    assert_built(&out);
    assert!(out_dir.path().join("index.html").is_file());
}

#[test]
fn repeated_builds_keep_the_marker_and_drop_removed_reports() {
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let output = elsewhere.path().join("webb/site");
    let output_arg = output.to_str().unwrap();
    for _ in 0..3 {
        assert_built(&build(root, &["--output", output_arg]));
        let marker = common::read(&output.join(MARKER));
        assert!(marker.contains("fouweb"), "{marker}");
        assert!(marker.len() < 200, "the marker is deployed: keep it small");
        assert!(output.join("rapporter/prosa/index.html").is_file());
    }
    std::fs::remove_file(root.join("content/prosa.md")).unwrap();
    assert_built(&build(root, &["--output", output_arg]));
    assert!(
        !output.join("rapporter/prosa").exists(),
        "stale page removed"
    );
    assert!(output.join(MARKER).is_file());
    assert_built(&build(root, &["--output", output_arg]));
    assert!(!output.join("rapporter/prosa").exists());
    assert!(output.join(MARKER).is_file());
    assert!(leftovers(output.parent().unwrap()).is_empty());
}

#[test]
fn an_older_fouweb_output_is_replaced_without_force() {
    // What an older fouweb left: `public/` without the marker, beside `.fouweb/`.
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path();
    assert_built(&build(root, &[]));
    std::fs::remove_file(root.join("public").join(MARKER)).unwrap();
    std::fs::write(root.join("public/gammal.html"), "old").unwrap();
    assert_built(&build(root, &[]));
    assert!(root.join("public").join(MARKER).is_file());
    assert!(!root.join("public/gammal.html").exists());
    // Without `.fouweb/` it could be anyone's folder.
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path();
    assert_built(&build(root, &["--no-search"]));
    std::fs::remove_file(root.join("public").join(MARKER)).unwrap();
    let out = build(root, &["--no-search"]);
    assert_refused(&out, "unmarked public without .fouweb");
    assert!(stderr(&out).contains("older fouweb"), "{}", stderr(&out));
    assert_built(&build(root, &["--no-search", "--force"]));
}

/// Builds the site, then breaks a build with `breakage`: it must fail with `public/` and the
/// search index byte for byte as they were and no temporary folders left.
fn assert_failure_publishes_nothing(
    breakage: impl FnOnce(&Path),
    expected: &str,
) -> tempfile::TempDir {
    let site = common::copy_fixture("fixtures/forms");
    let root = site.path();
    assert_built(&build(root, &[]));
    // Twice, so that there is a spare beside public/.
    assert_built(&build(root, &[]));
    // A change, so that every step has something new to write.
    let prosa = root.join("content/prosa.md");
    let text = common::read(&prosa);
    std::fs::write(&prosa, format!("{text}\nOrdet fladdermusbarn.\n")).unwrap();
    breakage(root);
    let public = common::snapshot(&root.join("public"));
    let index = snapshot_or_empty(&root.join(".fouweb/index"));
    let out = build(root, &[]);
    assert_refused(&out, expected);
    let message = stderr(&out);
    assert!(message.contains(expected), "{message}");
    assert!(
        message.contains("build failed; ") && message.contains("was left unchanged"),
        "{message}"
    );
    assert!(
        common::snapshot(&root.join("public")) == public,
        "public/ must be unchanged"
    );
    assert!(
        snapshot_or_empty(&root.join(".fouweb/index")) == index,
        "the index must be unchanged"
    );
    assert!(leftovers(root).is_empty(), "{:?}", leftovers(root));
    if root.join(".fouweb").is_dir() {
        let left = leftovers(&root.join(".fouweb"));
        assert!(
            left.iter().all(|n| n == "index.tmp"),
            "temporary index folders left: {left:?}"
        );
    }
    site
}

#[test]
fn a_failed_index_step_publishes_nothing() {
    // Tests may run as root, where permissions stop no write: files in the way instead.
    let site = assert_failure_publishes_nothing(
        |root| {
            std::fs::remove_dir_all(root.join(".fouweb")).unwrap();
            std::fs::write(root.join(".fouweb"), "not a folder").unwrap();
        },
        "cannot write the search index",
    );
    assert_eq!(common::read(&site.path().join(".fouweb")), "not a folder");

    let site = assert_failure_publishes_nothing(
        |root| {
            std::fs::remove_dir_all(root.join(".fouweb/index")).unwrap();
            std::fs::write(root.join(".fouweb/index"), "not a folder").unwrap();
        },
        "cannot write the search index",
    );
    assert_eq!(
        common::read(&site.path().join(".fouweb/index")),
        "not a folder"
    );
}

#[test]
fn after_a_failed_index_step_the_previous_index_still_answers() {
    let site = assert_failure_publishes_nothing(
        |root| std::fs::write(root.join(".fouweb/index.tmp"), "in the way").unwrap(),
        "cannot write the search index",
    );
    let root = site.path();
    let hits = |word: &str| common::search_json(root, &[word])["total"].clone();
    assert_eq!(hits("prosa"), 1);
    assert_eq!(hits("fladdermusbarn"), 0, "the old index answers");
    std::fs::remove_file(root.join(".fouweb/index.tmp")).unwrap();
    assert_built(&build(root, &[]));
    assert_eq!(hits("fladdermusbarn"), 1);
    assert!(
        common::read(&root.join("public/rapporter/prosa/index.html")).contains("fladdermusbarn")
    );
}

#[test]
fn a_broken_template_publishes_nothing() {
    assert_failure_publishes_nothing(
        |root| {
            std::fs::create_dir_all(root.join("templates")).unwrap();
            std::fs::write(root.join("templates/report.html"), "{% if %}").unwrap();
        },
        "report.html",
    );
}

#[test]
fn an_invalid_report_publishes_nothing() {
    assert_failure_publishes_nothing(
        |root| {
            std::fs::write(
                root.join("content/ny.md"),
                "---\ntitle: Ny\ncounty: Narnia\nperiod: 2020\n---\n",
            )
            .unwrap();
        },
        "unknown county `Narnia`",
    );
}
