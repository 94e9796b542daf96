//! The dependency map is complete: after editing one report, every output file that changed is
//! among the pages the map names for that report (before or after the edit).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::render;
use fouweb::site::workspace::{ChangeSet, Workspace};
use fouweb::site::{deps, RenderOptions, Site, Urls};

/// Output paths of the pages the map names for the report with `slug`.
fn dependent_paths(model: &Site, slug: &str) -> BTreeSet<String> {
    let urls = Urls::new(&model.config);
    let Some(&r) = model.reports_by_slug().get(slug) else {
        return BTreeSet::new();
    };
    deps::pages_of_report(model, r)
        .into_iter()
        .map(|page| urls.output_path(&urls.of(model, page)))
        .collect()
}

/// Checks an edit of `file` on the example site as it is and with lists of two a page.
fn check_edit(file: &str, edit: impl Fn(&str) -> String) {
    check_edit_in(common::example_site(), file, |text| Some(edit(text)));
    check_edit_in(paged_example_site(&[]), file, |text| Some(edit(text)));
}

/// Edits `file` of `site` (`None` deletes it) and checks that every output file that changed
/// (or appeared, or vanished) is among the pages the map names for it before or after, and
/// that the dev server's partial update gives exactly the files of a full render.
fn check_edit_in(
    site: tempfile::TempDir,
    file: &str,
    edit: impl Fn(&str) -> Option<String>,
) -> BTreeSet<String> {
    let root = site.path().canonicalize().unwrap();
    let (before, old_files) = render(&root);
    let options = RenderOptions { search_page: true };
    let (mut workspace, _) = Workspace::open(&root, false, options).unwrap();
    // Every page rendered before the edit, so that one the map forgets stays out of date.
    workspace.render_all().unwrap();
    let path = root.join("content").join(file);
    let slug = Path::new(file)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    match edit(&std::fs::read_to_string(&path).unwrap()) {
        Some(text) => std::fs::write(&path, text).unwrap(),
        None => std::fs::remove_file(&path).unwrap(),
    }
    let (after, new_files) = render(&root);

    let changed: BTreeSet<&String> = all_paths(&old_files, &new_files)
        .into_iter()
        .filter(|p| old_files.get(*p) != new_files.get(*p))
        .collect();
    let mut allowed = dependent_paths(&before, &slug);
    allowed.extend(dependent_paths(&after, &slug));
    let missed: Vec<&&String> = changed
        .iter()
        .filter(|p| !allowed.contains(p.as_str()))
        .collect();
    assert!(!changed.is_empty(), "the edit of {file} changed nothing");
    assert!(
        missed.is_empty(),
        "{file}: changed but not in the dependency map: {missed:?}"
    );
    assert!(
        allowed.len() < old_files.len() / 2,
        "the map should not name most of the site"
    );

    let outcome = workspace.apply(ChangeSet {
        reports: [path].into(),
        ..ChangeSet::default()
    });
    assert!(outcome.errors.is_none(), "{:?}", outcome.errors);
    // The pages put out of date are rendered when asked for.
    workspace.render_all().unwrap();
    let served: BTreeMap<String, Vec<u8>> = workspace
        .files()
        .iter()
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect();
    let differing: Vec<&String> = all_paths(&served, &new_files)
        .into_iter()
        .filter(|p| served.get(*p) != new_files.get(*p))
        .collect();
    assert!(
        differing.is_empty(),
        "{file}: the partial update differs from a full render in {differing:?}"
    );
    changed.into_iter().cloned().collect()
}

fn all_paths<'a>(
    a: &'a BTreeMap<String, Vec<u8>>,
    b: &'a BTreeMap<String, Vec<u8>>,
) -> BTreeSet<&'a String> {
    a.keys().chain(b.keys()).collect()
}

/// The example site with lists of two reports a page, and `extra` report files.
fn paged_example_site(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let site = common::example_site();
    std::fs::write(site.path().join("site.yaml"), "paginate_by: 2\n").unwrap();
    for (path, text) in extra {
        std::fs::write(site.path().join("content").join(path), text).unwrap();
    }
    site
}

#[test]
fn a_body_edit_touches_only_mapped_pages() {
    check_edit("tabb-nora-2021.md", |text| {
        text.replace("Bakgrund", "Bakgrund och utgångsläge")
    });
}

#[test]
fn moving_a_report_to_another_county_and_method_touches_only_mapped_pages() {
    check_edit("2015/kronoberg-bra-samtal.md", |text| {
        text.replace("county: Region Kronoberg", "county: Region Uppsala")
            .replace("municipalities:", "municipalities_old:")
            .replace("Barns rätt som anhöriga", "Family Talk")
    });
}

#[test]
fn retitling_and_new_years_touch_only_mapped_pages() {
    check_edit("orebro-barngrupper-2008.md", |text| {
        text.replacen("title:", "title: \"Aaa först i listan\"\nold_title:", 1)
            .replace(
                "{start: 2008-06, end: 2009-12}",
                "{start: 2003-01, end: 2004-12}",
            )
    });
}

/// The last report A–Ö, alone on the last page of every list it is in.
const LAST: &str = "---
title: Öåä sist i alla listor
county: Örebro län
municipalities: [Nora]
period: {start: 2010-01, end: 2010-12}
methods: [BRA]
---

Text.
";

#[test]
fn a_retitled_report_moves_across_page_boundaries_and_only_mapped_pages_change() {
    let changed = check_edit_in(paged_example_site(&[]), "tabb-nora-2021.md", |text| {
        Some(text.replacen("title:", "title: \"Aaa först i listan\"\nold_title:", 1))
    });
    // Page 1 of all reports gains it, and the pages after shift.
    assert!(
        changed.contains("rapporter/sida/2/index.html"),
        "{changed:?}"
    );
}

#[test]
fn removing_the_last_report_of_a_page_drops_the_page_and_only_mapped_pages_change() {
    let site = paged_example_site(&[("sist.md", LAST)]);
    let before = common::render(site.path()).1;
    let last_page = before
        .keys()
        .filter_map(|p| {
            p.strip_prefix("rapporter/sida/")?
                .strip_suffix("/index.html")
        })
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap();
    let changed = check_edit_in(site, "sist.md", |_| None);
    let gone = format!("rapporter/sida/{last_page}/index.html");
    assert!(
        changed.contains(&gone),
        "{gone} should be gone: {changed:?}"
    );
}
