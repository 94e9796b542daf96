//! The Atom feeds of every method, county and kommun: valid Atom (RFC 4287) with absolute URLs,
//! the newest reports first and at most 50, announced on every page of the term, escaped
//! whatever a report's title holds, and kept current by the dev server.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fouweb::site::workspace::{ChangeSet, Workspace};
use fouweb::site::RenderOptions;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const BASE: &str = "https://fou.example.org/fou/";

/// The example site with a base URL that has a path, and lists of `paginate_by` a page.
fn example_site(paginate_by: usize) -> tempfile::TempDir {
    let site = common::example_site();
    std::fs::write(
        site.path().join("site.yaml"),
        format!("title: Test & <FoU>\nbase_url: {BASE}\npaginate_by: {paginate_by}\n"),
    )
    .unwrap();
    site
}

/// One feed, as parsed.
#[derive(Debug)]
struct Feed {
    id: String,
    title: String,
    updated: String,
    self_link: String,
    alternate: String,
    author: String,
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    id: String,
    title: String,
    updated: String,
    link: String,
    summary: String,
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.children()
        .find(|n| n.is_element() && n.has_tag_name((ATOM, name)))
}

/// The text of the one `name` child of `node`, which must be there and not be empty.
fn text(node: roxmltree::Node, name: &str, what: &str) -> String {
    let found = child(node, name).unwrap_or_else(|| panic!("{what}: no <{name}>"));
    let text = found.text().unwrap_or("").trim().to_string();
    assert!(!text.is_empty(), "{what}: empty <{name}>");
    text
}

fn link(node: roxmltree::Node, rel: &str, what: &str) -> String {
    let found = node
        .children()
        .find(|n| {
            n.has_tag_name((ATOM, "link")) && n.attribute("rel").unwrap_or("alternate") == rel
        })
        .unwrap_or_else(|| panic!("{what}: no <link rel={rel}>"));
    found.attribute("href").unwrap_or("").to_string()
}

/// Parses the Atom feed at `path`, checking the elements RFC 4287 requires.
fn parse(path: &Path) -> Feed {
    let what = path.display().to_string();
    let xml = common::read(path);
    let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{what}: {e}\n{xml}"));
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "{what}");
    let author = child(feed, "author").unwrap_or_else(|| panic!("{what}: no <author>"));
    let entries = feed
        .children()
        .filter(|n| n.has_tag_name((ATOM, "entry")))
        .map(|e| Entry {
            id: text(e, "id", &what),
            title: text(e, "title", &what),
            updated: text(e, "updated", &what),
            link: link(e, "alternate", &what),
            summary: text(e, "summary", &what),
        })
        .collect();
    Feed {
        id: text(feed, "id", &what),
        title: text(feed, "title", &what),
        updated: text(feed, "updated", &what),
        self_link: link(feed, "self", &what),
        alternate: link(feed, "alternate", &what),
        author: text(author, "name", &what),
        entries,
    }
}

/// An RFC 3339 date-time in UTC as the feeds write it: `2015-01-01T00:00:00Z`.
fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && s.chars().enumerate().all(|(i, c)| match i {
            4 | 7 => c == '-',
            10 => c == 'T',
            13 | 16 => c == ':',
            19 => c == 'Z',
            _ => c.is_ascii_digit(),
        })
}

/// Every term page of the output (page 1 of each method, county and kommun): its URL path
/// below the site (`metoder/bra/`).
fn term_pages(public: &Path) -> Vec<String> {
    let mut pages = Vec::new();
    for section in ["metoder", "lan", "kommuner"] {
        for entry in std::fs::read_dir(public.join(section)).unwrap() {
            let entry = entry.unwrap();
            if entry.path().join("index.html").is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                pages.push(format!("{section}/{name}/"));
            }
        }
    }
    pages.sort();
    pages
}

/// The absolute URLs of the reports the term page at `page` lists (all of them: a page holds
/// more than the example site has).
fn reports_on(public: &Path, page: &str) -> BTreeSet<String> {
    let html = common::read(&public.join(page).join("index.html"));
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    main.split("href=\"/fou/rapporter/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|slug| !slug.is_empty())
        .map(|slug| format!("{BASE}rapporter/{slug}"))
        .collect()
}

#[test]
fn every_term_has_a_valid_atom_feed_with_absolute_urls_and_its_reports_newest_first() {
    let site = example_site(50);
    let public = common::build(site.path());
    let pages = term_pages(&public);
    assert!(
        pages.len() > 21 + 290,
        "every method, county and kommun has a page"
    );
    let mut non_empty = 0;
    for page in &pages {
        let feed = parse(&public.join(page).join("feed.xml"));
        let page_url = format!("{BASE}{page}");
        assert_eq!(feed.self_link, format!("{page_url}feed.xml"));
        assert_eq!(feed.alternate, page_url);
        assert_eq!(feed.id, page_url, "the id is the term page's address");
        assert!(feed.title.ends_with("– Test & <FoU>"), "{}", feed.title);
        assert_eq!(feed.author, "Test & <FoU>");
        assert!(is_date_time(&feed.updated), "{page}: {}", feed.updated);
        let urls: BTreeSet<String> = feed.entries.iter().map(|e| e.link.clone()).collect();
        assert_eq!(
            urls,
            reports_on(&public, page),
            "{page}: the term's reports"
        );
        for e in &feed.entries {
            assert!(e.link.starts_with(BASE), "{page}: {}", e.link);
            assert_eq!(e.id, e.link, "stable ids: the report's address");
            assert!(is_date_time(&e.updated), "{page}: {}", e.updated);
            assert!(!e.title.is_empty() && !e.summary.is_empty());
        }
        let dates: Vec<&str> = feed.entries.iter().map(|e| e.updated.as_str()).collect();
        assert!(
            dates.windows(2).all(|w| w[0] >= w[1]),
            "{page}: newest first: {dates:?}"
        );
        let newest = dates.first().copied().unwrap_or("1970-01-01T00:00:00Z");
        assert_eq!(
            feed.updated, newest,
            "{page}: updated when its newest report"
        );
        non_empty += usize::from(!feed.entries.is_empty());
    }
    assert!(non_empty > 30, "the example site's terms have reports");
    // Feeds are not HTML pages: the sitemap leaves them out.
    let sitemap = common::read(&public.join("sitemap.xml"));
    assert!(!sitemap.contains("feed.xml"));
    assert!(sitemap.contains(&format!("{BASE}kommuner/vaxjo/")));
}

#[test]
fn every_page_of_a_term_announces_its_feed_in_the_head_and_visibly() {
    let site = example_site(2);
    let public = common::build(site.path());
    let mut pages: Vec<String> = term_pages(&public);
    // Later pages of a list announce the feed too.
    pages.extend([
        "metoder/bra/sida/2/".to_string(),
        "lan/orebro/sida/2/".to_string(),
    ]);
    for page in pages {
        let html = common::read(&public.join(&page).join("index.html"));
        let term = page.split("sida/").next().unwrap();
        let href = format!("href=\"/fou/{term}feed.xml\"");
        let head = &html[..html.find("</head>").unwrap()];
        let alternate = head
            .lines()
            .find(|l| l.contains("application/atom+xml") && l.contains(&href))
            .unwrap_or_else(|| panic!("{page}: no <link rel=alternate> to its feed"));
        assert!(alternate.contains("rel=\"alternate\""), "{alternate}");
        assert!(alternate.contains("title=\"Test &amp; &lt;FoU&gt;: nya rapporter om "));
        let body = &html[html.find("<main").unwrap()..];
        let visible = body
            .lines()
            .find(|l| l.contains(&href))
            .unwrap_or_else(|| panic!("{page}: no visible link to its feed"));
        assert!(
            visible.contains(">Prenumerera på nya rapporter om "),
            "{visible}"
        );
        assert!(visible.contains(" (Atom)</a>"), "{visible}");
    }
    let kommun = common::read(&public.join("kommuner/vaxjo/index.html"));
    assert!(kommun.contains("Prenumerera på nya rapporter om Växjö kommun (Atom)"));
    // Other pages announce only the site's feed.
    let year = common::read(&public.join("ar/2015/index.html"));
    assert!(!year.contains("Prenumerera"));
    assert_eq!(year.matches("application/atom+xml").count(), 1);
}

/// A site of `n` reports in Gotland, report `i` started in month `i % 12 + 1` of year
/// `2000 + i / 12`, named so that title order is not date order.
fn dated_site(n: usize) -> tempfile::TempDir {
    let dir = common::site(&[("site.yaml", &format!("base_url: {BASE}\n"))]);
    std::fs::create_dir(dir.path().join("content")).unwrap();
    for i in 0..n {
        let (year, month) = (2000 + i / 12, i % 12 + 1);
        std::fs::write(
            dir.path().join(format!("content/r{i:03}.md")),
            format!(
                "---\ntitle: Rapport {:03}\ncounty: Gotland\nmunicipalities: [Gotland]\nmethods: [BRA]\nperiod: {year}-{month:02}\n---\nText.\n",
                (i * 37) % n
            ),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_feed_lists_the_fifty_newest_reports_of_its_term() {
    let site = dated_site(73);
    let public = common::build(site.path());
    for page in ["metoder/bra/", "lan/gotland/", "kommuner/gotland/"] {
        let feed = parse(&public.join(page).join("feed.xml"));
        assert_eq!(feed.entries.len(), 50, "{page}");
        let expected: Vec<String> = (23..73)
            .rev()
            .map(|i| format!("{}-{:02}-01T00:00:00Z", 2000 + i / 12, i % 12 + 1))
            .collect();
        let dates: Vec<&String> = feed.entries.iter().map(|e| &e.updated).collect();
        assert_eq!(dates, expected.iter().collect::<Vec<_>>(), "{page}");
        assert_eq!(feed.updated, expected[0]);
    }
    // A county without reports has a valid, empty feed.
    let empty = parse(&public.join("lan/kronoberg/feed.xml"));
    assert!(empty.entries.is_empty());
    assert_eq!(empty.updated, "1970-01-01T00:00:00Z");
}

#[test]
fn hostile_titles_and_method_names_come_out_escaped_or_replaced() {
    let title = "<script>alert(1)</script> & \\\"x\\\" \\x01 ]]> slut";
    let dir = common::site(&[
        ("site.yaml", &format!("base_url: {BASE}\n")),
        (
            "content/elak.md",
            &format!(
                "---\ntitle: \"{title}\"\ncounty: Gotland\nmunicipalities: [Gotland]\nmethods: [\"<b>Egen</b> & metod\"]\nperiod: 2020\nsummary: \"Sammanfattning <img src=x onerror=alert(1)> \\x1b[31m\"\n---\nText.\n"
            ),
        ),
    ]);
    let public = common::build(dir.path());
    let mut feeds: Vec<PathBuf> = vec![
        "lan/gotland/feed.xml".into(),
        "kommuner/gotland/feed.xml".into(),
    ];
    // The unknown method's URL name, as the build makes it.
    let method = public.join("metoder/b-egen-b-metod");
    feeds.push(method.join("feed.xml"));
    for path in feeds {
        let path = public.join(path);
        let raw = common::read(&path);
        assert!(
            !raw.contains("<script") && !raw.contains("<img") && !raw.contains("<b>"),
            "{raw}"
        );
        let feed = parse(&path);
        let entry = &feed.entries[0];
        assert_eq!(
            entry.title, "<script>alert(1)</script> & \"x\" \u{fffd} ]]> slut",
            "the title is text, control characters replaced"
        );
        assert_eq!(
            entry.summary,
            "Sammanfattning <img src=x onerror=alert(1)> \u{fffd}[31m"
        );
        assert!(raw.chars().all(fouweb::text::is_publishable), "{raw}");
    }
    let feed = parse(&method.join("feed.xml"));
    assert!(
        feed.title.starts_with("<b>Egen</b> & metod – "),
        "{}",
        feed.title
    );
}

/// Every file of the workspace, its pages rendered as a browser asking for each would.
fn files_of(workspace: &mut Workspace) -> BTreeMap<String, Vec<u8>> {
    workspace.render_all().unwrap();
    workspace
        .files()
        .iter()
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect()
}

/// The dev server's feeds equal a fresh build's: the paths of those that do not.
fn assert_served_equals_built(workspace: &mut Workspace, what: &str) {
    let served = files_of(workspace);
    let (_, built) = common::render(workspace.root());
    let paths: BTreeSet<&String> = served.keys().chain(built.keys()).collect();
    let wrong: Vec<&&String> = paths
        .iter()
        .filter(|p| p.ends_with("feed.xml") && served.get(**p) != built.get(**p))
        .collect();
    assert!(
        wrong.is_empty(),
        "{what}: served feeds that differ from a build: {wrong:?}"
    );
    assert!(served.keys().filter(|p| p.ends_with("/feed.xml")).count() > 300);
}

#[test]
fn the_dev_server_keeps_the_feeds_of_an_edited_reports_terms_current() {
    let site = example_site(50);
    let root = site.path().canonicalize().unwrap();
    let options = RenderOptions { search_page: true };
    let (mut ws, _) = Workspace::open(&root, false, options).unwrap();
    let before = files_of(&mut ws);
    let file = root.join("content/2015/kronoberg-bra-samtal.md");
    let apply = |ws: &mut Workspace, path: &Path| {
        let out = ws.apply(ChangeSet {
            reports: [path.to_path_buf()].into(),
            ..ChangeSet::default()
        });
        assert!(out.errors.is_none(), "{:?}", out.errors);
    };

    // Newer, renamed, moved to another county and kommun, with a method it did not have.
    let text = common::read(&file);
    let edited = text
        .replacen("title: \"", "title: \"Nyast – ", 1)
        .replace("period: 2015", "period: 2030-05")
        .replace("county: Region Kronoberg", "county: Halland")
        .replace("[Växjö, Markaryd, Ljungby, Älmhult]", "[Halmstad]")
        .replace("  - Brukarråd\n", "  - Brukarråd\n  - Helt egen metod\n");
    assert_ne!(edited, text);
    std::fs::write(&file, edited).unwrap();
    apply(&mut ws, &file);
    assert_served_equals_built(&mut ws, "after the edit");
    let after = files_of(&mut ws);
    for feed in [
        "lan/halland/feed.xml",
        "kommuner/halmstad/feed.xml",
        "metoder/bra/feed.xml",
    ] {
        let xml = String::from_utf8(after[feed].clone()).unwrap();
        assert!(
            xml.contains("<title>Nyast – "),
            "{feed} shows the edited report"
        );
        assert_ne!(before.get(feed), after.get(feed), "{feed}");
    }
    for feed in ["lan/kronoberg/feed.xml", "kommuner/vaxjo/feed.xml"] {
        let xml = String::from_utf8(after[feed].clone()).unwrap();
        assert!(
            !xml.contains("kronoberg-bra-samtal"),
            "{feed} no longer lists it"
        );
    }
    assert!(after
        .keys()
        .any(|k| k.starts_with("metoder/helt-egen-metod") && k.ends_with("/feed.xml")));

    // Deleted: its unknown method's page and feed go, the other feeds follow.
    std::fs::remove_file(&file).unwrap();
    apply(&mut ws, &file);
    assert_served_equals_built(&mut ws, "after deleting the report");
    assert!(!files_of(&mut ws)
        .keys()
        .any(|k| k.contains("helt-egen-metod")));
}
