//! Symbolic links follow one rule in content/, static/, templates/ and the dev server: a link
//! is followed when its target lies inside the site root; a link leaving it is skipped with a
//! warning naming the link and its target.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn report(title: &str) -> String {
    format!("---\ntitle: {title}\ncounty: Gotland\nperiod: 2015\n---\n\nText om {title}.\n")
}

/// A site with links inside and outside it in content/, static/ and templates/, and the folder
/// outside that the outside links point into.
fn linked_site() -> (tempfile::TempDir, tempfile::TempDir) {
    let outside = common::site(&[
        ("hemlig.md", &report("Hemlig rapport")),
        ("hemlig.txt", "hemligt"),
        ("404.html", "HEMLIG MALL"),
        ("mapp/annan.md", &report("Annan hemlig")),
    ]);
    let site = common::site(&[
        ("content/vanlig.md", &report("Vanlig rapport")),
        ("delat/inne.md", &report("Delad rapport")),
        ("delat/mapp/djup.md", &report("Djup rapport")),
        ("delat/bild.txt", "delad bild"),
        (
            "delat/404.html",
            "{% extends \"base.html\" %}{% block main %}DELAD MALL{% endblock %}",
        ),
    ]);
    let (s, o) = (site.path(), outside.path());
    for dir in ["static", "templates"] {
        std::fs::create_dir_all(s.join(dir)).unwrap();
    }
    for (target, link) in [
        (s.join("delat/inne.md"), "content/inne.md"),
        (s.join("delat/mapp"), "content/mapp"),
        (o.join("hemlig.md"), "content/hemlig.md"),
        (o.join("mapp"), "content/ute"),
        (s.join("delat/bild.txt"), "static/bild.txt"),
        (o.join("hemlig.txt"), "static/hemlig.txt"),
        (o.join("404.html"), "templates/404.html"),
    ] {
        symlink(target, s.join(link)).unwrap();
    }
    (site, outside)
}

#[test]
fn build_follows_links_inside_the_site_and_skips_those_leaving_it() {
    let (site, _outside) = linked_site();
    let out = common::fouweb(&["build", "--root", site.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let public = site.path().join("public");
    for page in ["vanlig", "inne", "djup"] {
        assert!(
            public
                .join("rapporter")
                .join(page)
                .join("index.html")
                .is_file(),
            "{page}: {stderr}"
        );
    }
    for page in ["hemlig", "annan"] {
        assert!(
            !public.join("rapporter").join(page).exists(),
            "{page} published"
        );
    }
    assert_eq!(common::read(&public.join("bild.txt")), "delad bild");
    assert!(!public.join("hemlig.txt").exists());
    assert!(!common::read(&public.join("404.html")).contains("HEMLIG MALL"));
    for link in [
        "content/hemlig.md",
        "content/ute",
        "static/hemlig.txt",
        "templates/404.html",
    ] {
        let warning = format!("{link}: warning: a link to ");
        assert!(stderr.contains(&warning), "{warning}\n{stderr}");
    }
    assert!(
        stderr.contains("hemlig.md, outside the site, is skipped"),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("outside the site, is skipped").count(),
        4,
        "{stderr}"
    );
}

#[test]
fn check_and_build_agree_on_links() {
    let (site, _outside) = linked_site();
    let root = site.path();
    let (model, diagnostics) = fouweb::site::load(root, false, false);
    let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
    let mut slugs: Vec<&str> = model.reports.iter().map(|r| r.slug.as_str()).collect();
    slugs.sort();
    assert_eq!(slugs, ["djup", "inne", "vanlig"]);
    let out = common::fouweb(&["check", "--root", root.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("outside the site, is skipped").count(),
        4,
        "{stderr}"
    );
}

fn get(port: u16, path: &str) -> (u16, String) {
    let (status, body) = common::http_get(port, path);
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// Waits until `path` is served with `text` in it.
fn wait_for(port: u16, path: &str, text: &str) {
    let started = Instant::now();
    loop {
        let (status, page) = get(port, path);
        if status == 200 && page.contains(text) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{path} never showed {text:?} (status {status})"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_watches_a_linked_folder_added_while_serving() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let shared = root.join("delat");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::write(shared.join("lankad.md"), report("Länkad rapport")).unwrap();
    let served = common::Served::start(&root);
    assert_eq!(get(served.port, "/rapporter/lankad/").0, 404);

    symlink(&shared, root.join("content/lankat")).unwrap();
    wait_for(served.port, "/rapporter/lankad/", "Länkad rapport");

    // Edits inside the linked folder, made after it was added, show up.
    let edited = report("Länkad rapport").replace("Text om", "Ändrad text om");
    std::fs::write(shared.join("lankad.md"), edited).unwrap();
    wait_for(served.port, "/rapporter/lankad/", "Ändrad text om");
    std::fs::write(shared.join("ny.md"), report("Ny i länken")).unwrap();
    wait_for(served.port, "/rapporter/ny/", "Ny i länken");

    // A link leaving the site is not served, as in a build.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("ute.md"), report("Ute")).unwrap();
    symlink(outside.path(), root.join("content/ute")).unwrap();
    std::fs::write(shared.join("efter.md"), report("Efter länken ut")).unwrap();
    wait_for(served.port, "/rapporter/efter/", "Efter länken ut");
    assert_eq!(get(served.port, "/rapporter/ute/").0, 404);
}
