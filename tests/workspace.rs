//! The dev server's in-memory site stays equal to a fresh build through any sequence of edits.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fouweb::site::workspace::{ChangeSet, Workspace};
use fouweb::site::{self, MemorySite, RenderOptions};

const OPTIONS: RenderOptions = RenderOptions { search_page: true };

fn fresh(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let (model, diagnostics) = site::load(root, false, false);
    let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
    let memory = MemorySite::default();
    site::render_into(
        &model,
        root,
        Path::new("memory"),
        OPTIONS,
        &memory,
        &Default::default(),
    )
    .unwrap();
    memory.into_files()
}

/// Compares what the workspace serves with a fresh build, after rendering the pages its edits
/// left out of date (as a browser asking for each would). Pages rendered before and kept are
/// compared as they are: one the dependency map forgot would differ.
fn assert_same(workspace: &mut Workspace, what: &str) {
    workspace.render_all().unwrap();
    assert!(workspace.unrendered().is_empty());
    let served: BTreeMap<String, Vec<u8>> = workspace
        .files()
        .iter()
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect();
    let expected = fresh(workspace.root());
    let missing: Vec<&String> = expected
        .keys()
        .filter(|k| !served.contains_key(*k))
        .collect();
    let extra: Vec<&String> = served
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: missing {missing:?}, extra {extra:?}"
    );
    let differing: Vec<&String> = expected
        .iter()
        .filter(|(k, v)| served.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert!(differing.is_empty(), "{what}: stale pages {differing:?}");
}

fn report(paths: &[&Path]) -> ChangeSet {
    ChangeSet {
        reports: paths.iter().map(|p| p.to_path_buf()).collect(),
        ..ChangeSet::default()
    }
}

fn edit(path: &Path, f: impl Fn(&str) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(&text)).unwrap();
}

/// Writes like vim or VS Code: a temporary file renamed over the original.
fn atomic_save(path: &Path, text: &str) {
    let tmp = path.with_extension("md.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn every_kind_of_edit_leaves_the_site_equal_to_a_fresh_build() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let (mut ws, _) = Workspace::open(&root, false, OPTIONS).unwrap();
    assert_same(&mut ws, "initial");
    let content = root.join("content");
    let a = content.join("2015/kronoberg-bra-samtal.md");
    let a_page = "rapporter/kronoberg-bra-samtal/index.html";

    edit(&a, |t| format!("{t}\n\nEtt nytt stycke i slutet.\n"));
    let out = ws.apply(report(&[&a]));
    assert!(out.errors.is_none());
    assert_eq!(
        (out.rendered, out.deferred),
        (0, 1),
        "a body edit puts only the report's page out of date"
    );
    assert!(ws.unrendered().contains_key(a_page));
    // A browser asks for it; from now on it is rendered again at once after an edit, so that
    // the reload finds it ready.
    ws.render_requested(&[a_page.to_string()]).unwrap();
    assert_same(&mut ws, "body edit");

    edit(&a, |t| format!("{t}\n\nOch ett till.\n"));
    let out = ws.apply(report(&[&a]));
    assert_eq!((out.rendered, out.deferred), (1, 0));
    assert!(ws.files().contains_key(a_page));
    assert_same(&mut ws, "body edit of a page looked at");

    edit(&a, |t| t.replacen("title: ", "title: Ändrad – ", 1));
    let out = ws.apply(report(&[&a]));
    let touched = out.rendered + out.deferred;
    assert!(touched > 1 && touched < ws.files().len() / 2, "{touched}");
    // Among them the files that list every report, which wait until they are asked for.
    assert!(ws.unrendered().contains_key("sitemap.xml"));
    assert!(ws.unrendered().contains_key("data/reports.json"));
    assert!(!ws.unrendered().contains_key("lan/gotland/index.html"));
    assert_same(&mut ws, "title edit");

    let text = std::fs::read_to_string(&a).unwrap();
    let moved = text
        .replace("county: Region Kronoberg", "county: Halland")
        .replace("[Växjö, Markaryd, Ljungby, Älmhult]", "[Halmstad]");
    assert_ne!(moved, text);
    atomic_save(&a, &moved);
    ws.apply(report(&[&a]));
    assert_same(&mut ws, "moved to another county by an atomic save");

    let new = content.join("ny-rapport.md");
    std::fs::write(
        &new,
        "---\ntitle: Ny rapport om barngrupper\ncounty: Gotland\nmunicipality: Gotland\nmethods: [BRA, Helt ny metod]\nperiod: 2031\n---\n\nText.\n",
    )
    .unwrap();
    ws.apply(report(&[&new]));
    assert_same(&mut ws, "new report with a new year and an unknown method");

    // Another spelling of that method, in a report earlier in title order: the cards of the
    // first report (kept between rebuilds) must follow if the method's name does.
    let first = content.join("forsta.md");
    std::fs::write(
        &first,
        "---\ntitle: Allra första rapporten\ncounty: Gotland\nmethods: [helt NY metod]\nperiod: 2020\n---\n\nText.\n",
    )
    .unwrap();
    ws.apply(report(&[&first]));
    assert_same(
        &mut ws,
        "an unknown method spelled anew, earlier in title order",
    );
    std::fs::remove_file(&first).unwrap();
    ws.apply(report(&[&first]));
    assert_same(&mut ws, "that report removed again");

    let renamed = content.join("omdopt.md");
    std::fs::rename(&new, &renamed).unwrap();
    ws.apply(report(&[&new, &renamed]));
    assert_same(&mut ws, "renamed");

    std::fs::remove_file(&renamed).unwrap();
    ws.apply(report(&[&renamed]));
    assert_same(&mut ws, "deleted (its year and method pages go too)");

    // A broken file keeps the last good site; fixing it applies everything waiting.
    let good = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&a, good.replacen("title:", "title: [", 1)).unwrap();
    let before = ws.files().clone();
    let out = ws.apply(report(&[&a]));
    let errors = out.errors.expect("broken YAML is an error");
    assert!(errors.render().contains("kronoberg-bra-samtal.md"));
    assert!(
        std::sync::Arc::ptr_eq(&before, ws.files()),
        "last good site kept"
    );
    let other = content.join("2015/jonkoping-fifa.md");
    edit(&other, |t| t.replacen("title: ", "title: Väntande ", 1));
    assert!(ws.apply(report(&[&other])).errors.is_some(), "still broken");
    std::fs::write(&a, &good).unwrap();
    let out = ws.apply(report(&[&a]));
    assert!(out.errors.is_none());
    assert_same(&mut ws, "fixed, with the edit made while broken");

    // A folder of new reports, noticed by a rescan.
    let folder = content.join("2024");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(&other, folder.join("kopia.md")).unwrap();
    edit(&folder.join("kopia.md"), |t| {
        t.replacen("title: ", "slug: kopia\ntitle: Kopia ", 1)
    });
    ws.apply(ChangeSet {
        rescan_content: true,
        ..ChangeSet::default()
    });
    assert_same(&mut ws, "new folder");

    // Templates re-render everything; site.yaml rebuilds everything.
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let base = fouweb::theme::Theme::for_site(&root)
        .template_source("base.html")
        .unwrap()
        .unwrap();
    std::fs::write(
        root.join("templates/base.html"),
        base.replace("<main", "<p>Egen mall</p><main"),
    )
    .unwrap();
    ws.apply(ChangeSet {
        templates: true,
        ..ChangeSet::default()
    });
    assert_same(&mut ws, "template");

    std::fs::write(root.join("site.yaml"), "title: Annan titel\n").unwrap();
    ws.apply(ChangeSet {
        everything: true,
        ..ChangeSet::default()
    });
    assert_same(&mut ws, "site.yaml");

    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/style.css"), "body { color: red }\n").unwrap();
    let out = ws.apply(ChangeSet {
        static_files: true,
        ..ChangeSet::default()
    });
    assert!(out.css_only);
    assert_same(&mut ws, "stylesheet");
}

#[test]
fn opening_renders_nothing_and_a_request_renders_only_its_page() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let (mut ws, _) = Workspace::open(&root, false, OPTIONS).unwrap();
    let built = fresh(&root);
    let pages = built
        .keys()
        .filter(|p| ws.unrendered().contains_key(*p))
        .count();
    assert_eq!(
        pages + ws.files().len(),
        built.len(),
        "every file is listed"
    );
    assert!(
        ws.files().keys().all(|p| !p.ends_with(".html")),
        "only static files"
    );
    ws.render_requested(&[
        "lan/gotland/index.html".to_string(),
        "nowhere.html".to_string(),
    ])
    .unwrap();
    assert_eq!(
        ws.files().get("lan/gotland/index.html").map(|b| b.to_vec()),
        built.get("lan/gotland/index.html").cloned()
    );
    assert_eq!(pages - ws.unrendered().len(), 1);
}

#[test]
fn a_draft_may_not_take_another_reports_url_name_in_serve_either() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let (mut ws, _) = Workspace::open(&root, false, OPTIONS).unwrap();
    let draft = root.join("content/utkast-kopia.md");
    std::fs::write(
        &draft,
        "---\ntitle: Utkast\nslug: tabb-nora-2021\ncounty: Gotland\nperiod: 2015\ndraft: true\n---\n",
    )
    .unwrap();
    // `fouweb build` refuses this site …
    let (built, diagnostics) = site::load(&root, false, false);
    assert!(built.is_none(), "{}", diagnostics.render());
    // … and so does the dev server, with the same message.
    let out = ws.apply(report(&[&draft]));
    let errors = out.errors.expect("the duplicate URL name is an error");
    let expected: Vec<String> = diagnostics.items().iter().map(|d| d.headline()).collect();
    let served: Vec<String> = errors.items().iter().map(|d| d.headline()).collect();
    assert_eq!(served, expected);
}

/// Builds the site at `root` and applies `added` to a workspace opened before: both refuse it
/// with the same errors.
fn same_errors_as_build(root: &Path, ws: &mut Workspace, added: &Path) {
    let (built, diagnostics) = site::load(root, false, false);
    assert!(built.is_none(), "the build accepts it");
    let out = ws.apply(report(&[added]));
    let errors = out.errors.expect("the duplicate URL name is an error");
    let expected: Vec<String> = diagnostics.items().iter().map(|d| d.headline()).collect();
    let served: Vec<String> = errors.items().iter().map(|d| d.headline()).collect();
    assert_eq!(served, expected);
}

#[test]
fn a_new_report_may_not_take_an_unchanged_drafts_url_name_in_serve() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let draft = "---\ntitle: Utkast\nslug: utkastets-namn\ncounty: Gotland\nperiod: 2015\ndraft: true\n---\n";
    std::fs::write(root.join("content/mm-utkast.md"), draft).unwrap();
    let (mut ws, _) = Workspace::open(&root, false, OPTIONS).unwrap();
    let report_text = "---\ntitle: Ny\nslug: utkastets-namn\ncounty: Gotland\nperiod: 2015\n---\n";
    // Written after the draft in path order: the new report's error …
    let later = root.join("content/zz-ny.md");
    std::fs::write(&later, report_text).unwrap();
    same_errors_as_build(&root, &mut ws, &later);
    // … and before it: the draft's, as in a build.
    std::fs::remove_file(&later).unwrap();
    let earlier = root.join("content/aa-ny.md");
    std::fs::write(&earlier, report_text).unwrap();
    let mut changes = report(&[&earlier]);
    changes.reports.insert(later.clone());
    let (built, diagnostics) = site::load(&root, false, false);
    assert!(built.is_none());
    let errors = ws.apply(changes).errors.expect("still an error");
    let expected: Vec<String> = diagnostics.items().iter().map(|d| d.headline()).collect();
    let served: Vec<String> = errors.items().iter().map(|d| d.headline()).collect();
    assert_eq!(served, expected);
    assert!(served[0].starts_with("content/mm-utkast.md"), "{served:?}");
}
