//! Progress of long work: the stages and totals a build reports to the library's `Progress`
//! receiver, and that off a terminal the command line prints nothing beyond what it always did.

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use fouweb::progress::{report_to, Progress, Stage};
use fouweb::site;

/// Each stage as reported: its total, and the steps ticked before it finished.
#[derive(Default)]
struct Recorder {
    stages: Mutex<Vec<(Stage, u64, Option<u64>)>>,
    ticks: AtomicU64,
}

impl Progress for Recorder {
    fn stage(&self, stage: Stage, total: u64) {
        let mut stages = self.stages.lock().unwrap();
        assert!(
            stages.last().is_none_or(|s| s.2.is_some()),
            "{stage:?} began inside another stage: {stages:?}"
        );
        self.ticks.store(0, Ordering::SeqCst);
        stages.push((stage, total, None));
    }

    fn tick(&self, n: u64) {
        self.ticks.fetch_add(n, Ordering::SeqCst);
    }

    fn finish(&self) {
        if let Some(last) = self.stages.lock().unwrap().last_mut() {
            last.2.get_or_insert(self.ticks.load(Ordering::SeqCst));
        }
    }
}

/// Loads and builds `root` with a recorder: the stages, and the number of pages built.
fn recorded_build(root: &std::path::Path, search: bool) -> (Vec<(Stage, u64, Option<u64>)>, u64) {
    let recorder = Arc::new(Recorder::default());
    let pages = report_to(recorder.clone(), || {
        let (model, diagnostics) = site::load(root, false, false);
        let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
        let options = site::BuildOptions {
            root: root.to_path_buf(),
            output: root.join("public"),
            search,
            force: false,
        };
        let report = site::build(model, &options).unwrap_or_else(|d| panic!("{}", d.render()));
        report.stats.pages as u64
    });
    let stages = recorder.stages.lock().unwrap().clone();
    (stages, pages)
}

/// Every stage counted to its total and finished.
fn expected(files: u64, pages: u64, reports: u64, search: bool) -> Vec<(Stage, u64, Option<u64>)> {
    let mut stages = vec![
        (Stage::Load, files, Some(files)),
        (Stage::Pages, pages, Some(pages)),
    ];
    if search && fouweb::search::browser::AVAILABLE {
        stages.push((Stage::BrowserSearch, reports, Some(reports)));
    }
    if search {
        stages.push((Stage::SearchIndex, reports, Some(reports)));
    }
    stages
}

#[test]
fn a_build_reports_each_stage_with_its_total() {
    let site = common::copy_fixture("fixtures/search");
    let root = site.path();
    // One file more than reports: a draft is read but not published.
    std::fs::write(
        root.join("content/utkast.md"),
        "---\ntitle: Utkast\ncounty: Örebro\nperiod: 2020\ndraft: true\n---\nText.\n",
    )
    .unwrap();
    let (stages, pages) = recorded_build(root, true);
    assert!(pages > 5);
    assert_eq!(stages, expected(6, pages, 5, true));
    // Reusing the last bundle and index still reports them, at once.
    let (again, _) = recorded_build(root, true);
    assert_eq!(again, stages);
    // Without search there is no search page.
    let (no_search, pages) = recorded_build(root, false);
    assert_eq!(no_search, expected(6, pages, 5, false));
}

/// Off a terminal (tests read pipes) `build` prints its one summary line and nothing else.
#[test]
fn build_output_to_a_pipe_is_only_the_summary() {
    let site = common::copy_fixture("fixtures/search");
    let root = site.path().to_str().unwrap();
    for run in ["first", "unchanged"] {
        let out = common::fouweb(&["build", "--root", root]);
        assert!(out.status.success(), "{run}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{run}: stderr");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let prefix = format!("built 5 reports into {root}/public (");
        assert!(stdout.starts_with(&prefix), "{run}: {stdout:?}");
        assert!(stdout.contains(" s (load "), "{run}: {stdout:?}");
        assert!(stdout.ends_with(" s)\n") || stdout.ends_with(", unchanged)\n"));
        assert_eq!(stdout.lines().count(), 1, "{run}: {stdout:?}");
    }
    let out = common::fouweb(&["check", "--root", root]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "ok: 5 reports, 0 errors, 0 warnings\n"
    );
}
