//! Inputs written carelessly or with intent: control characters, empty required keys, huge
//! lists and values, names too long for a file system. Each either builds into a correct,
//! well-formed site of a size that depends on what it shows, or stops with an error that
//! names the file, the line and the limit.

mod common;

use std::path::Path;

use common::site;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = common::fouweb(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn root(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn control_characters_never_reach_a_feed_a_sitemap_or_a_page() {
    // Raw control characters in the body and in block scalars, YAML escapes in quoted values,
    // in every text field a report has, and in site.yaml.
    let report = "---\n\
        title: \"Ti\\etel\\0 med \\x08styrtecken\"\n\
        county: Gotland\n\
        period: 2015\n\
        organisation: \"FoU\\x1f Gotland\"\n\
        methods: [\"Okänd\\x07metod\", BRA]\n\
        outcomes: [\"Ett\\x0b resultat\"]\n\
        target_groups: [\"barn\\x0c\"]\n\
        funding: \"Allmänna\\x1b arvsfonden\"\n\
        status: \"klar\\x01\"\n\
        contact: \"a@b.se\\x02\"\n\
        tags: [\"tagg\\x7f\", \"\\u0085x\"]\n\
        summary: \"Sammanfattning\\x1f.\"\n\
        ---\n\
        Text med \u{1f} och \u{8} och \u{fffe} i.\n\n## Rubrik \u{1b}[31m\n";
    let dir = site(&[
        (
            "site.yaml",
            "title: \"Sajt\\e\"\ndescription: \"Om\\x01 sajten\"\nbase_url: https://fou.example.org/\n",
        ),
        ("content/styr.md", report),
    ]);
    let (ok, _, stderr) = run(&["build", "--root", root(dir.path())]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("content/styr.md:15:10: warning: control character U+001F"),
        "the editor is told where: {stderr}"
    );
    let public = dir.path().join("public");
    for xml in ["feed.xml", "sitemap.xml"] {
        let text = common::read(&public.join(xml));
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{xml}: {e}\n{text}"));
    }
    let feed = common::read(&public.join("feed.xml"));
    assert!(
        feed.contains("Ti\u{fffd}tel\u{fffd} med \u{fffd}styrtecken"),
        "{feed}"
    );
    for (path, bytes) in common::snapshot(&public) {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "xml" | "json" | "csv" | "txt" | "svg") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let bad = text.chars().find(|&c| !fouweb::text::is_publishable(c));
        assert_eq!(bad, None, "{}", path.display());
    }
    // JSON stays JSON, with the replacement character where the control characters were.
    let reports = common::reports_json(&public);
    assert_eq!(reports[0]["organisation"], "FoU\u{fffd} Gotland");
}

#[test]
fn empty_required_keys_fail_check_and_build_with_their_positions() {
    let dir = site(&[(
        "content/tom.md",
        "---\ntitle: ~\ncounty: []\nperiod:\n---\nText.\n",
    )]);
    for command in ["check", "build"] {
        let (ok, _, stderr) = run(&[command, "--root", root(dir.path())]);
        assert!(!ok, "{command} must fail");
        for expected in [
            "content/tom.md:2:8: error: required key `title` is empty",
            "content/tom.md:3:9: error: required key `county` is empty",
            "content/tom.md:4:1: error: required key `period` is empty",
        ] {
            assert!(stderr.contains(expected), "{command}: {stderr}");
        }
    }
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_new_report_is_not_valid_until_its_county_is_filled_in() {
    let dir = site(&[]);
    let (ok, _, _) = run(&["new", "Ny rapport", "--root", root(dir.path())]);
    assert!(ok);
    let (ok, _, stderr) = run(&["check", "--root", root(dir.path())]);
    assert!(!ok);
    assert!(
        stderr.contains("content/ny-rapport.md:3:9: error: required key `county` is empty"),
        "{stderr}"
    );
}

/// `n` reports, each naming one method of its own that the vocabulary does not know.
fn unknown_method_site(n: usize, site_yaml: &str) -> tempfile::TempDir {
    let dir = site(&[("site.yaml", site_yaml)]);
    for i in 0..n {
        let path = dir.path().join(format!("content/r{i:05}.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            path,
            format!("---\ntitle: Rapport {i}\ncounty: Gotland\nperiod: 2015\nmethods: [BRA, Egen metod {i}]\n---\nText.\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn distinct_unknown_methods_stop_at_the_sites_limit() {
    let dir = unknown_method_site(12, "limits:\n  unknown_methods: 10\n");
    let (ok, _, stderr) = run(&["check", "--root", root(dir.path())]);
    assert!(!ok);
    assert!(
        stderr.contains("content/r00010.md:5:16: error: `Egen metod 10` is method number 11 that is not in the vocabulary; the site's limit is 10"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`limits: {unknown_methods: 20}`"),
        "{stderr}"
    );
}

#[test]
fn output_grows_with_the_site_not_with_the_square_of_its_methods() {
    // One report with 400 unknown methods: its card on each of the 400 method pages shows a
    // few chips, so each method page stays small.
    let methods: Vec<String> = (0..400).map(|i| format!("Metod nummer {i}")).collect();
    let report = format!(
        "---\ntitle: Många metoder\ncounty: Gotland\nperiod: 2015\nmethods: [{}]\n---\nText.\n",
        methods.join(", ")
    );
    let dir = site(&[("content/manga.md", &report)]);
    let (ok, _, stderr) = run(&["build", "--no-search", "--root", root(dir.path())]);
    assert!(ok, "{stderr}");
    let method_page = common::read(
        &dir.path()
            .join("public/metoder/metod-nummer-399/index.html"),
    );
    assert!(method_page.len() < 30_000, "{} bytes", method_page.len());
    assert!(
        method_page.contains("+395 till"),
        "the card says how many more"
    );
    let report_page = common::read(&dir.path().join("public/rapporter/manga/index.html"));
    assert!(
        report_page.contains("Metod nummer 399"),
        "the report lists them all"
    );
}

#[test]
fn oversized_frontmatter_lists_and_values_are_refused_before_parsing() {
    let long_list: Vec<String> = (0..600).map(|i| format!("t{i}")).collect();
    let huge: String = (0..200_000).map(|i| format!("  - värde {i}\n")).collect();
    let dir = site(&[
        (
            "content/lista.md",
            &format!(
                "---\ntitle: Lista\ncounty: Gotland\nperiod: 2015\ntags: [{}]\n---\n",
                long_list.join(", ")
            ),
        ),
        (
            "content/lang.md",
            &format!(
                "---\ntitle: \"{}\"\ncounty: Gotland\nperiod: 2015\n---\n",
                "å".repeat(3000)
            ),
        ),
        (
            "content/enorm.md",
            &format!("---\ntitle: Enorm\ncounty: Gotland\nperiod: 2015\ntags:\n{huge}---\n"),
        ),
    ]);
    let (ok, _, stderr) = run(&["check", "--root", root(dir.path())]);
    assert!(!ok);
    for expected in [
        "content/enorm.md:1:1: error: the frontmatter is ",
        "bytes long; the limit is 65536",
        "content/lang.md:2:8: error: a value of `title` is 6000 bytes long; the limit is 4096",
        "content/lista.md:5:7: error: `tags` lists 600 values; the limit is 500",
        "`limits: {values_per_field: 600}`",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    assert!(
        stderr.len() < 10_000,
        "messages stay short: {} bytes",
        stderr.len()
    );
}

#[test]
fn many_values_on_one_line_give_short_messages() {
    let methods: Vec<String> = (0..1000).map(|i| format!("M{i}")).collect();
    let dir = site(&[
        (
            "site.yaml",
            "limits:\n  values_per_field: 5000\n  unknown_methods: 5000\n",
        ),
        (
            "content/rad.md",
            &format!(
                "---\ntitle: Rad\ncounty: Gotland\nperiod: 2015\nmethods: [{}]\n---\n",
                methods.join(", ")
            ),
        ),
    ]);
    let (ok, _, stderr) = run(&["check", "--root", root(dir.path())]);
    assert!(ok, "unknown methods are warnings");
    // Each snippet is an excerpt around its value, not the 20 KB line.
    let longest = stderr.lines().map(str::len).max().unwrap_or(0);
    assert!(longest < 400, "longest line {longest} bytes");
    // The last value is still located exactly.
    let col = "methods: [".len() + methods[..999].iter().map(|m| m.len() + 2).sum::<usize>() + 1;
    let expected = format!("content/rad.md:5:{col}: warning: unknown method `M999`");
    assert!(stderr.contains(&expected), "{expected}");
}

#[test]
fn names_too_long_for_a_file_system_are_caught_by_check() {
    let long = "a".repeat(260);
    let dir = site(&[
        (
            "content/kort.md",
            &format!("---\ntitle: Kort\nslug: {long}\ncounty: Gotland\nperiod: 2015\n---\n"),
        ),
        (
            "content/metod.md",
            &format!(
                "---\ntitle: Metod\ncounty: Gotland\nperiod: 2015\nmethods: [\"{}\"]\n---\n",
                "Lång metod ".repeat(30)
            ),
        ),
    ]);
    let (ok, _, stderr) = run(&["check", "--root", root(dir.path())]);
    assert!(!ok);
    assert!(
        stderr.contains(
            "content/kort.md:3:7: error: `slug` gives a URL name of 260 bytes; the limit is 200"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/metod.md:5:12: error: the method name gives a URL name of 329 bytes; the limit is 200"),
        "{stderr}"
    );
}

/// Refuses every file, as a full disk does.
struct FullDisk;

impl fouweb::site::Sink for FullDisk {
    fn put(&self, _: &str, _: Vec<u8>) -> std::io::Result<()> {
        Err(std::io::Error::other("No space left on device"))
    }
}

#[test]
fn a_full_disk_is_one_error_not_one_per_page() {
    let dir = common::example_site();
    let (model, diagnostics) = fouweb::site::load(dir.path(), false, false);
    let model = model.unwrap_or_else(|| panic!("{}", diagnostics.render()));
    let options = fouweb::site::RenderOptions { search_page: true };
    let errors = fouweb::site::render_into(
        &model,
        dir.path(),
        Path::new("public"),
        options,
        &FullDisk,
        &Default::default(),
    )
    .unwrap_err();
    assert_eq!(errors.error_count(), 1, "{}", errors.render());
    let message = &errors.items()[0].message;
    assert!(message.contains("No space left on device"), "{message}");
    assert!(
        message.contains("more files could not be written"),
        "{message}"
    );
}

#[test]
fn deep_nesting_and_wide_tables_are_refused_before_rendering() {
    let head = "---\ntitle: Kropp\ncounty: Gotland\nperiod: 2015\n---\n";
    let divs = format!(
        "{head}Inledning.\n\n{}x{}\n",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let quotes = format!("{head}{} citat\n", ">".repeat(100_000));
    let columns = format!(
        "{head}|{}\n|{}\n{}",
        "a|".repeat(100_000),
        "-|".repeat(100_000),
        "rad\n".repeat(1000)
    );
    let rows = format!("{head}| a | b |\n|---|---|\n{}", "x\n".repeat(30_000));
    let dir = site(&[
        ("content/divar.md", &divs),
        ("content/citat.md", &quotes),
        ("content/kolumner.md", &columns),
        ("content/rader.md", &rows),
    ]);
    for command in ["check", "build"] {
        let (ok, _, stderr) = run(&[command, "--root", root(dir.path())]);
        assert!(!ok, "{command}");
        for expected in [
            "content/divar.md:8:496: error: elements nest 101 levels deep here; the limit is 100",
            "content/citat.md:6:101: error: elements nest 101 levels deep here; the limit is 100",
            "`limits: {nesting_depth: 101}`",
            "content/kolumner.md:6:1: error: the tables hold 100000 cells up to this one of 100000 columns",
            "the limit is 50000",
            "`limits: {table_cells: 200000}`",
            "content/rader.md:6:1: error: the tables hold 50002 cells up to this one of 2 columns",
        ] {
            assert!(stderr.contains(expected), "{command}: {expected}\n{stderr}");
        }
    }
}

#[test]
fn raised_body_limits_let_a_deeper_body_through() {
    let body = format!("{}x{}\n", "<div>".repeat(150), "</div>".repeat(150));
    let report = format!("---\ntitle: Djup\ncounty: Gotland\nperiod: 2015\n---\n{body}");
    let dir = site(&[("content/djup.md", &report)]);
    let (ok, _, stderr) = run(&["check", "--root", root(dir.path())]);
    assert!(!ok, "{stderr}");
    std::fs::write(
        dir.path().join("site.yaml"),
        "limits: {nesting_depth: 200, table_cells: 100}\n",
    )
    .unwrap();
    let (ok, _, stderr) = run(&["check", "--root", root(dir.path())]);
    assert!(ok, "{stderr}");
}
