//! Lists split into pages: page counts and boundaries, the pager, the sitemap, and the
//! method × county pages against the matrix and the search.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A site with `paginate_by: per` and `n` reports, all using BRA in Nora (Örebro län) in 2010,
/// titled so that their A–Ö order is their number.
fn site_with(n: usize, per: usize) -> tempfile::TempDir {
    let config = format!("base_url: https://example.org/\npaginate_by: {per}\n");
    let reports: Vec<(String, String)> = (1..=n)
        .map(|i| {
            let text = format!(
                "---\ntitle: Rapport {i:03}\ncounty: Örebro län\nmunicipalities: [Nora]\n\
                 period: {{start: 2010-01, end: 2010-12}}\nmethods: [BRA]\n---\n\nText.\n"
            );
            (format!("content/r{i:03}.md"), text)
        })
        .collect();
    let mut files: Vec<(&str, &str)> = vec![("site.yaml", &config)];
    files.extend(reports.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    let site = common::site(&files);
    std::fs::create_dir_all(site.path().join("content")).unwrap();
    site
}

/// Every list the reports of [`site_with`] are in, by the folder of its first page.
const LISTS: [&str; 6] = [
    "rapporter",
    "metoder/bra",
    "metoder/bra/lan/orebro",
    "lan/orebro",
    "kommuner/nora",
    "ar/2010",
];

fn page_path(public: &Path, list: &str, n: u32) -> std::path::PathBuf {
    match n {
        1 => public.join(format!("{list}/index.html")),
        n => public.join(format!("{list}/sida/{n}/index.html")),
    }
}

/// The report links of a page's list, in order.
fn listed(html: &str) -> Vec<String> {
    let html = &html[..html.find("aria-label=\"Sidor\"").unwrap_or(html.len())];
    // All reports are a compact list; the site menu before it links the list itself.
    let (html, marker) = match html.find("class=\"compact-list\"") {
        Some(at) => (&html[at..], "<li><a href=\"/rapporter/"),
        None => (html, "class=\"card-title\"><a href=\"/rapporter/"),
    };
    html.match_indices(marker)
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('/').unwrap()].to_string()
        })
        .collect()
}

/// The `href` of `<link rel="{rel}">` in the head.
fn head_link(html: &str, rel: &str) -> Option<String> {
    let marker = format!("<link rel=\"{rel}\" href=\"");
    let at = html.find(&marker)? + marker.len();
    Some(html[at..at + html[at..].find('"').unwrap()].to_string())
}

#[test]
fn lists_split_at_the_page_size_with_no_page_zero_nor_past_the_end() {
    let per = 2;
    for n in [0, 1, per, per + 1, 2 * per + 1] {
        let site = site_with(n, per);
        let public = common::build(site.path());
        let pages = n.div_ceil(per).max(1) as u32;
        for list in LISTS {
            // The pair list exists only for a non-empty cell, the year only with reports.
            if n == 0 && ["metoder/bra/lan/orebro", "ar/2010"].contains(&list) {
                assert!(
                    !page_path(&public, list, 1).exists(),
                    "{list} with no reports"
                );
                continue;
            }
            let mut seen = Vec::new();
            for page in 1..=pages {
                let html = common::read(&page_path(&public, list, page));
                let shown = listed(&html);
                let expected = if page < pages {
                    per
                } else {
                    n - per * (pages as usize - 1)
                };
                assert_eq!(shown.len(), expected, "{list} page {page} of {n} reports");
                seen.extend(shown);
            }
            let all: Vec<String> = (1..=n).map(|i| format!("r{i:03}")).collect();
            assert_eq!(seen, all, "{list}: every report once, in order");
            for missing in [0, 1, pages + 1] {
                let path = public.join(format!("{list}/sida/{missing}/index.html"));
                assert!(!path.exists(), "{}", path.display());
            }
        }
        if n == 0 {
            let html = common::read(&public.join("rapporter/index.html"));
            assert!(html.contains("Det finns inga rapporter ännu."));
            assert!(!html.contains("aria-label=\"Sidor\""));
            let html = common::read(&public.join("lan/orebro/index.html"));
            assert!(html.contains("Det finns inga rapporter från Örebro län ännu."));
        }
    }
}

#[test]
fn the_pager_links_every_page_marks_the_current_one_and_the_head_says_prev_and_next() {
    let site = site_with(5, 2);
    let public = common::build(site.path());
    for list in LISTS {
        let urls = ["/", "/sida/2/", "/sida/3/"].map(|s| format!("/{list}{s}"));
        for (i, url) in urls.iter().enumerate() {
            let html = common::read(&page_path(&public, list, i as u32 + 1));
            let nav = &html[html
                .find("<nav class=\"pagination\" aria-label=\"Sidor\">")
                .unwrap()..];
            let nav = &nav[..nav.find("</nav>").unwrap()];
            for other in &urls {
                assert!(
                    nav.contains(&format!("href=\"{other}\"")),
                    "{url} links {other}"
                );
            }
            assert_eq!(nav.matches("aria-current=\"page\"").count(), 1);
            assert!(nav.contains(&format!("<a href=\"{url}\" aria-current=\"page\">")));
            let previous = i.checked_sub(1).map(|p| urls[p].clone());
            let next = urls.get(i + 1).cloned();
            assert_eq!(head_link(&html, "prev"), previous, "{url}");
            assert_eq!(head_link(&html, "next"), next, "{url}");
            assert_eq!(nav.contains("rel=\"prev\""), previous.is_some());
            assert_eq!(nav.contains("rel=\"next\""), next.is_some());
        }
    }
    // A single page has no pager.
    let site = site_with(2, 2);
    let public = common::build(site.path());
    for list in LISTS {
        let html = common::read(&page_path(&public, list, 1));
        assert!(!html.contains("aria-label=\"Sidor\""), "{list}");
        assert_eq!(head_link(&html, "next"), None);
    }
}

#[test]
fn the_summary_heads_page_one_and_later_pages_say_which_page_of_what() {
    let site = site_with(5, 2);
    let public = common::build(site.path());
    let first = common::read(&public.join("metoder/bra/index.html"));
    assert!(first.contains("Tidslinje"));
    assert!(first.contains("<h1>BRA – Barns rätt som anhöriga</h1>"));
    let second = common::read(&public.join("metoder/bra/sida/2/index.html"));
    assert!(!second.contains("Tidslinje"));
    assert!(second.contains("<title>BRA – Barns rätt som anhöriga, sida 2 av 3 – Metoder"));
    assert!(second.contains("<h1>BRA – Barns rätt som anhöriga, sida 2 av 3</h1>"));
    assert!(second.contains("<a href=\"/metoder/bra/\">Till sida 1</a>"));
    let pair = common::read(&public.join("metoder/bra/lan/orebro/sida/3/index.html"));
    assert!(pair.contains("<h1>BRA – Barns rätt som anhöriga i Örebro län, sida 3 av 3</h1>"));
    let reports = common::read(&public.join("rapporter/sida/2/index.html"));
    assert!(reports.contains("<title>Rapporter, sida 2 av 3 – "));
    assert!(!reports.contains("5 rapporter"));
    assert!(common::read(&public.join("rapporter/index.html")).contains("5 rapporter"));
}

#[test]
fn many_pages_show_the_first_the_last_and_a_window_with_gaps() {
    let site = site_with(12, 1);
    let public = common::build(site.path());
    let html = common::read(&public.join("rapporter/sida/6/index.html"));
    let nav = &html[html.find("aria-label=\"Sidor\"").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let numbers: Vec<&str> = nav
        .split("<span class=\"visually-hidden\">Sida </span>")
        .skip(1)
        .map(|rest| &rest[..rest.find('<').unwrap()])
        .collect();
    assert_eq!(numbers, ["1", "4", "5", "6", "7", "8", "12"]);
    assert_eq!(nav.matches("pagination-gap").count(), 2);
}

#[test]
fn the_sitemap_lists_every_page_and_only_pages_that_exist() {
    let site = site_with(5, 2);
    let public = common::build(site.path());
    let xml = common::read(&public.join("sitemap.xml"));
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let listed: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| {
            n.text()
                .unwrap()
                .trim_start_matches("https://example.org/")
                .to_string()
        })
        .collect();
    let pages: BTreeSet<String> = common::snapshot(&public)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p.ends_with("index.html"))
        .map(|p| p.trim_end_matches("index.html").to_string())
        .collect();
    assert_eq!(listed, pages);
    for list in LISTS {
        for n in 2..=3 {
            assert!(
                listed.contains(&format!("{list}/sida/{n}/")),
                "{list} page {n}"
            );
        }
    }
}

#[test]
fn method_county_pages_list_the_reports_of_the_matrix_cell_and_the_search() {
    let site = common::example_site();
    std::fs::write(site.path().join("site.yaml"), "paginate_by: 2\n").unwrap();
    let public = common::build(site.path());
    let matrix_page = common::read(&public.join("matris/index.html"));
    // Each non-empty cell: its link and its label's county name.
    let mut cells: BTreeMap<(String, String), (String, u64)> = BTreeMap::new();
    for (i, m) in matrix_page.match_indices("<td><a href=\"/metoder/") {
        let rest = &matrix_page[i + m.len()..];
        let path = &rest[..rest.find('"').unwrap()];
        let (method, county_slug) = path.trim_end_matches('/').split_once("/lan/").unwrap();
        let label = &rest[rest.find("aria-label=\"").unwrap() + 12..];
        let label = &label[..label.find('"').unwrap()];
        let county = label.rsplit_once(" i ").unwrap().1.to_string();
        let count: u64 = label.split(' ').next().unwrap().parse().unwrap();
        cells.insert((method.into(), county), (county_slug.into(), count));
    }
    let matrix = common::matrix(&public);
    let from_csv: BTreeMap<(String, String), u64> = matrix
        .iter()
        .flat_map(|(m, row)| row.iter().map(move |(c, &n)| ((m.clone(), c.clone()), n)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let from_links: BTreeMap<(String, String), u64> =
        cells.iter().map(|(k, (_, n))| (k.clone(), *n)).collect();
    assert_eq!(from_links, from_csv, "every cell links to its pair page");
    assert!(from_csv.len() > 10);

    for ((method, county), (slug, count)) in &cells {
        let list = format!("metoder/{method}/lan/{slug}");
        let mut shown = BTreeSet::new();
        let mut page = 1;
        while page_path(&public, &list, page).exists() {
            shown.extend(listed(&common::read(&page_path(&public, &list, page))));
            page += 1;
        }
        assert_eq!(shown.len() as u64, *count, "{list}");
        let found = common::search_json(
            site.path(),
            &["--method", method, "--county", county, "--limit", "1000"],
        );
        let searched: BTreeSet<String> = found["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["slug"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            shown, searched,
            "{list} and the search for {method} in {county}"
        );
    }
}
