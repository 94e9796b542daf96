//! `fouweb serve` over HTTP: after each edit the served site equals a fresh build, and
//! `/api/search` answers as `fouweb search` does on that build.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Server {
    /// Stops the server when the test ends.
    _served: common::Served,
    pub port: u16,
    version: Arc<AtomicU64>,
}

impl Server {
    pub fn start(root: &Path) -> Server {
        let served = common::Served::start(root);
        let port = served.port;
        let version = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&version);
        let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            events,
            "GET /__fouweb/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(events).lines() {
                let Ok(line) = line else { return };
                if let Some(v) = line.strip_prefix("data: ").and_then(|v| v.parse().ok()) {
                    seen.fetch_max(v, Ordering::SeqCst);
                }
            }
        });
        let server = Server {
            _served: served,
            port,
            version,
        };
        server.wait_for_version(1);
        server
    }

    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    pub fn wait_for_version(&self, at_least: u64) {
        let started = Instant::now();
        while self.version() < at_least {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no rebuild seen (version {} < {at_least})",
                self.version()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn get(&self, path: &str) -> (u16, Vec<u8>) {
        common::http_get(self.port, path)
    }
}

/// The served page without what only the dev server adds.
fn strip_live(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    match text.find("<script id=\"fouweb-live\">") {
        Some(start) => {
            let end = text[start..].find("</script>").unwrap() + start + "</script>".len();
            format!("{}{}", &text[..start], &text[end..]).into_bytes()
        }
        None => bytes.to_vec(),
    }
}

fn assert_serves_a_fresh_build(server: &Server, root: &Path, what: &str) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let built = common::fouweb(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        public.to_str().unwrap(),
    ]);
    assert!(built.status.success());
    for (path, bytes) in common::snapshot(&public) {
        let path = path.to_str().unwrap().replace('\\', "/");
        if path.starts_with("pagefind/") {
            continue; // rebuilt by serve after the pages; checked by the browser tests
        }
        if path == fouweb::site::MARKER {
            continue; // marks the output folder on disk; not a page of the site
        }
        let url = format!("/{}", path.strip_suffix("index.html").unwrap_or(&path));
        let (status, body) = server.get(&url);
        assert_eq!(status, 200, "{what}: {url}");
        assert!(strip_live(&body) == bytes, "{what}: {url} differs");
    }
    assert_search_agrees(server, root, what);
}

/// Searches asked of `fouweb search` (as its arguments) and of `/api/search`.
const SEARCHES: &[&[&str]] = &[
    &[],
    &["barngrupp"],
    &["titel"],
    &["barnen", "--county", "Kronoberg", "--county", "Gotland"],
    &["--method", "bra"],
    &["--year", "2021", "--method", "tabb"],
    &["--kommun", "Nora"],
    &["och att"],
];

/// The `/api/search` query string of `fouweb search` arguments.
fn api_query(args: &[&str]) -> String {
    let mut query = vec!["limit=1000".to_string()];
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let key = match *arg {
            "--county" => "lan",
            "--method" => "metod",
            "--kommun" => "kommun",
            "--year" => "ar",
            word => {
                query.push(format!("q={}", word.replace(' ', "+")));
                continue;
            }
        };
        query.push(format!("{key}={}", rest.next().unwrap()));
    }
    query.join("&")
}

/// A search answer without what may differ between an index updated in place and a fresh one:
/// scores (document statistics still count deleted documents until segments merge), and so
/// the order of hits for a text query.
fn comparable(mut answer: serde_json::Value, ranked: bool) -> serde_json::Value {
    let hits = answer["hits"].as_array_mut().unwrap();
    for hit in hits.iter_mut() {
        hit.as_object_mut().unwrap().remove("score");
    }
    if ranked {
        hits.sort_by_key(|h| h["slug"].as_str().unwrap().to_string());
    }
    answer
}

/// `/api/search` answers as `fouweb search` does on a fresh build (which `root` must have).
/// The index is updated just after the reload, so a few tries are allowed.
fn assert_search_agrees(server: &Server, root: &Path, what: &str) {
    for args in SEARCHES {
        let mut cli_args = vec!["--limit", "1000"];
        cli_args.extend_from_slice(args);
        let ranked = args.first().is_some_and(|a| !a.starts_with("--"));
        let expected = comparable(common::search_json(root, &cli_args), ranked);
        let url = format!("/api/search?{}", api_query(args));
        let started = Instant::now();
        loop {
            let (status, body) = server.get(&url);
            assert_eq!(status, 200, "{what}: {url}");
            let served = comparable(serde_json::from_slice(&body).unwrap(), ranked);
            if served == expected {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{what}: {url}\nserved:   {served}\nexpected: {expected}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn edit_and_wait(server: &Server, change: impl FnOnce()) {
    let before = server.version();
    change();
    server.wait_for_version(before + 1);
}

#[test]
fn served_pages_follow_edits_creations_renames_and_deletions() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let server = Server::start(&root);
    assert_serves_a_fresh_build(&server, &root, "start");
    let content = root.join("content");
    let a = content.join("tabb-nora-2021.md");

    edit_and_wait(&server, || {
        let text = std::fs::read_to_string(&a).unwrap();
        std::fs::write(&a, text.replacen("title: ", "title: Ny titel – ", 1)).unwrap();
    });
    assert_serves_a_fresh_build(&server, &root, "title edit");
    let (_, page) = server.get("/rapporter/tabb-nora-2021/");
    assert!(String::from_utf8_lossy(&page).contains("Ny titel"));

    // Atomic save: a temp file renamed over the report.
    edit_and_wait(&server, || {
        let text = std::fs::read_to_string(&a).unwrap();
        let tmp = content.join(".tabb-nora-2021.md.swp");
        std::fs::write(&tmp, text.replace("Ny titel", "Sparad titel")).unwrap();
        std::fs::rename(&tmp, &a).unwrap();
    });
    assert_serves_a_fresh_build(&server, &root, "atomic save");

    let new = content.join("ny.md");
    edit_and_wait(&server, || {
        std::fs::write(
            &new,
            "---\ntitle: Helt ny rapport\ncounty: Gotland\nperiod: 2020\nmethods: [BRA]\n---\n\nText.\n",
        )
        .unwrap();
    });
    assert_serves_a_fresh_build(&server, &root, "created");
    assert_eq!(server.get("/rapporter/ny/").0, 200);

    let renamed = content.join("omdopt.md");
    edit_and_wait(&server, || std::fs::rename(&new, &renamed).unwrap());
    assert_serves_a_fresh_build(&server, &root, "renamed");
    assert_eq!(server.get("/rapporter/ny/").0, 404);
    assert_eq!(server.get("/rapporter/omdopt/").0, 200);

    edit_and_wait(&server, || std::fs::remove_file(&renamed).unwrap());
    assert_serves_a_fresh_build(&server, &root, "deleted");
    assert_eq!(server.get("/rapporter/omdopt/").0, 404);

    // Broken frontmatter: the last good site with an overlay; fixed: no overlay.
    let good = std::fs::read_to_string(&a).unwrap();
    edit_and_wait(&server, || {
        std::fs::write(&a, good.replacen("title:", "title: [", 1)).unwrap()
    });
    let (_, page) = server.get("/");
    let page = String::from_utf8_lossy(&page).to_string();
    assert!(page.contains("fouweb-overlay"));
    assert!(page.contains("content/tabb-nora-2021.md:2:"));
    edit_and_wait(&server, || std::fs::write(&a, &good).unwrap());
    let (_, page) = server.get("/");
    assert!(!String::from_utf8_lossy(&page).contains("fouweb-overlay"));
    assert_serves_a_fresh_build(&server, &root, "fixed");

    // Only GET and HEAD, nothing outside the site.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    assert!(raw.starts_with("HTTP/1.1 405"), "{raw}");
    let (status, body) = server.get("/api/search?lan=Atlantis");
    assert_eq!(status, 400);
    assert!(String::from_utf8_lossy(&body).contains("unknown county `Atlantis`"));
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/content/ny.md",
        "/content/tabb-nora-2021.md",
    ] {
        assert_eq!(server.get(path).0, 404, "{path}");
    }
}

#[test]
fn serve_and_build_agree_on_which_files_are_reports() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let server = Server::start(&root);
    let content = root.join("content");
    let report =
        |title: &str| format!("---\ntitle: {title}\ncounty: Gotland\nperiod: 2015\n---\nText.\n");
    // A name that looks like an editor's scratch file is a report to the loader.
    edit_and_wait(&server, || {
        std::fs::write(content.join("#1-rapport.md"), report("Nummer ett")).unwrap()
    });
    assert_serves_a_fresh_build(&server, &root, "a report named #1-rapport.md");
    // A folder with a dot in its name, created and then moved out of content/.
    let archive = content.join("arkiv.2016");
    edit_and_wait(&server, || {
        std::fs::create_dir(&archive).unwrap();
        std::fs::write(archive.join("gammal.md"), report("Gammal rapport")).unwrap();
    });
    assert_serves_a_fresh_build(&server, &root, "a dotted folder created");
    assert_eq!(server.get("/rapporter/gammal/").0, 200);
    let outside = dir.path().join("arkiv.2016");
    edit_and_wait(&server, || std::fs::rename(&archive, &outside).unwrap());
    assert_serves_a_fresh_build(&server, &root, "a dotted folder moved out");
    assert_eq!(server.get("/rapporter/gammal/").0, 404);
}

/// A raw request with `head` (request line and headers), answered with its status line.
fn status_line(port: u16, head: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "{head}Connection: close\r\n\r\n").unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    raw.lines().next().unwrap_or_default().to_string()
}

#[test]
fn requests_for_other_hosts_are_refused() {
    // A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) must not read the
    // dev site: its requests carry that name.
    let site = common::example_site();
    let root = site.path().canonicalize().unwrap();
    let server = common::Served::start(&root);
    let port = server.port;
    for head in [
        "GET / HTTP/1.1\r\nHost: evil.example\r\n".to_string(),
        format!("GET / HTTP/1.1\r\nHost: evil.example:{port}\r\n"),
        format!("GET /api/search?q=barn HTTP/1.1\r\nHost: 127.0.0.1.evil.example:{port}\r\n"),
        format!("GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"),
    ] {
        assert!(
            status_line(port, &head).starts_with("HTTP/1.1 403"),
            "{head}"
        );
    }
    for head in [
        format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"),
        format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\n"),
        format!("GET / HTTP/1.1\r\nHost: [::1]:{port}\r\n"),
        format!("GET http://localhost:{port}/ HTTP/1.1\r\nHost: localhost:{port}\r\n"),
    ] {
        assert!(
            status_line(port, &head).starts_with("HTTP/1.1 200"),
            "{head}"
        );
    }
}

#[test]
fn a_page_whose_template_fails_is_answered_with_the_error_and_served_again_once_fixed() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let server = Server::start(&root);
    // Looked at before the template breaks: rendered again at once, so the edit reports it.
    assert_eq!(server.get("/lan/gotland/").0, 200);
    let templates = root.join("templates");
    std::fs::create_dir(&templates).unwrap();
    edit_and_wait(&server, || {
        std::fs::write(templates.join("county.html"), "{{ no_such_function() }}\n").unwrap()
    });
    // Pages rendered only when asked for fail then, each with the error, not a hang.
    let (status, body) = server.get("/lan/halland/");
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, 500, "{body}");
    assert!(body.contains("county.html"), "{body}");
    assert!(body.contains("fouweb-overlay"), "{body}");
    assert_eq!(server.get("/metoder/").0, 200, "other templates still work");
    edit_and_wait(&server, || {
        std::fs::remove_file(templates.join("county.html")).unwrap()
    });
    assert_serves_a_fresh_build(&server, &root, "the template removed again");
}

#[test]
fn pages_not_rendered_yet_redirect_and_miss_as_a_static_host_would() {
    let dir = common::example_site();
    let root: PathBuf = dir.path().canonicalize().unwrap();
    let public = common::build(&root);
    // A fresh server has rendered nothing: each answer below renders on request.
    let server = common::Served::start(&root);
    let head = |path: &str| {
        status_line(
            server.port,
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"),
        )
    };
    assert!(
        head("/rapporter/tabb-nora-2021").starts_with("HTTP/1.1 301"),
        "a page's folder without its slash redirects"
    );
    let (status, body) = common::http_get(server.port, "/rapporter/ingen-sadan/");
    assert_eq!(status, 404);
    let not_found = std::fs::read(public.join("404.html")).unwrap();
    assert_eq!(strip_live(&body), not_found, "the site's own 404 page");
    let (status, body) = common::http_get(server.port, "/rapporter/tabb-nora-2021/");
    assert_eq!(status, 200);
    let built = std::fs::read(public.join("rapporter/tabb-nora-2021/index.html")).unwrap();
    assert_eq!(strip_live(&body), built);
}
