//! The dependency map is complete: after editing one report, every output file that changed is
//! among the pages the map names for that report (before or after the edit).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fouweb::site::{self, deps, MemorySite, Site, Urls};

fn render(root: &Path) -> (Site, BTreeMap<String, Vec<u8>>) {
    let (model, diagnostics) = site::load(root, false, false);
    let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
    let memory = MemorySite::default();
    let options = site::RenderOptions { search_page: true };
    site::render_into(
        &model,
        root,
        Path::new("memory"),
        options,
        &memory,
        &Default::default(),
    )
    .unwrap();
    (model, memory.into_files())
}

/// Output paths of the pages the map names for the report with `slug`.
fn dependent_paths(model: &Site, slug: &str) -> BTreeSet<String> {
    let urls = Urls::new(&model.config);
    let Some(r) = model.reports.iter().position(|r| r.slug == slug) else {
        return BTreeSet::new();
    };
    deps::pages_of_report(model, r as u32)
        .into_iter()
        .map(|page| urls.output_path(&urls.of(model, page)))
        .collect()
}

fn check_edit(file: &str, edit: impl Fn(&str) -> String) {
    let site = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&repo.join("content"), &site.path().join("content"));
    common::copy_dir(&repo.join("vocabulary"), &site.path().join("vocabulary"));
    let (before, old_files) = render(site.path());
    let path = site.path().join("content").join(file);
    let slug = Path::new(file)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    std::fs::write(&path, edit(&std::fs::read_to_string(&path).unwrap())).unwrap();
    let (after, new_files) = render(site.path());

    let all: BTreeSet<&String> = old_files.keys().chain(new_files.keys()).collect();
    let changed: BTreeSet<&String> = all
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
