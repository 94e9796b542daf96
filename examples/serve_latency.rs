//! Benchmark (not a test): time from writing a report file to the live-reload event of
//! `fouweb serve`, and to the report's page fetched again (as the reloading browser does), for
//! a body edit and for an edit that moves the report to another county. The page is fetched
//! once before, as a browser showing it would have.
//!
//!   cargo build --release && cargo run --release --example serve_latency -- SITE [ROUNDS]
//!
//! SITE is a site made by `examples/gen_corpus.rs`. The
//! first report file (in path order) is edited and restored at the end.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(site) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: serve_latency SITE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(20);
    let binary = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/fouweb");
    let mut server = Command::new(&binary)
        .args(["serve", "--port", "0", "--root"])
        .arg(&site)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run target/release/fouweb (cargo build --release first)");
    let mut lines = BufReader::new(server.stdout.take().expect("stdout")).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    eprintln!("{first}");
    let port: u16 = first
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("the server's address");
    // Edits are timed once the search index (built beside the server at start) is ready, so
    // that its first build does not compete with the rebuilds measured.
    let (ready_tx, index_ready) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if line.contains("search index of") {
                let _ = ready_tx.send(());
            }
            if std::env::var_os("VERBOSE").is_some() {
                eprintln!("{line}");
            }
        }
    });
    let _ = index_ready.recv_timeout(Duration::from_secs(300));

    let (tx, versions) = mpsc::channel::<(u64, Instant)>();
    let mut events = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        events,
        "GET /__fouweb/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .expect("request");
    std::thread::spawn(move || {
        for line in BufReader::new(events).lines().map_while(Result::ok) {
            if let Some(v) = line.strip_prefix("data: ").and_then(|v| v.parse().ok()) {
                let _ = tx.send((v, Instant::now()));
            }
        }
    });
    let (mut version, _) = versions.recv().expect("first event");

    let mut files: Vec<PathBuf> = walk(&site.join("content"));
    files.sort();
    let file = files.first().expect("a report").clone();
    let original = std::fs::read_to_string(&file).expect("read");
    let (county_a, county_b) = county_lines(&original);
    let page = page_of(&file, &original);
    fetch(port, &page);

    let mut measure = |label: &str, make: &dyn Fn(usize) -> String| {
        let mut times = Vec::new();
        let mut fetched = Vec::new();
        for i in 0..rounds {
            std::thread::sleep(Duration::from_millis(300));
            let text = make(i);
            let written = Instant::now();
            std::fs::write(&file, text).expect("write");
            loop {
                let (v, at) = versions
                    .recv_timeout(Duration::from_secs(60))
                    .expect("a reload event");
                if v > version {
                    version = v;
                    times.push(at.duration_since(written).as_secs_f64() * 1000.0);
                    fetch(port, &page);
                    fetched.push(written.elapsed().as_secs_f64() * 1000.0);
                    break;
                }
            }
            // The bundle refresh of small sites may announce the same version again.
            while versions.recv_timeout(Duration::from_millis(100)).is_ok() {}
        }
        for (what, times) in [("reload event", &mut times), ("page fetched", &mut fetched)] {
            times.sort_by(f64::total_cmp);
            println!(
                "{label}, {what}: median {:.1} ms, p90 {:.1} ms, max {:.1} ms ({rounds} edits)",
                times[times.len() / 2],
                times[times.len() * 9 / 10],
                times[times.len() - 1]
            );
        }
    };
    measure("body edit", &|i| format!("{original}\nRedigering {i}.\n"));
    measure("moved to another county", &|i| {
        let to = if i % 2 == 0 { &county_b } else { &county_a };
        original.replacen(&county_a, to, 1)
    });
    std::fs::write(&file, &original).expect("restore");
    std::thread::sleep(Duration::from_millis(500));
    let _ = server.kill();
    let _ = server.wait();
}

/// The URL path of the report in `file`: its `slug:` or its file name.
fn page_of(file: &Path, text: &str) -> String {
    let slug = text
        .lines()
        .find_map(|l| l.strip_prefix("slug:"))
        .map(|s| s.trim().trim_matches(['"', '\'']).to_string())
        .or_else(|| Some(file.file_stem()?.to_string_lossy().into_owned()))
        .expect("a slug");
    format!("/rapporter/{slug}/")
}

/// GETs `path` and reads the whole answer; panics unless it is 200.
fn fetch(port: u16, path: &str) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut answer = Vec::new();
    std::io::Read::read_to_end(&mut stream, &mut answer).expect("answer");
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{path} not served");
}

/// The report's county and municipality lines, and a replacement in another county.
fn county_lines(text: &str) -> (String, String) {
    let county = text
        .lines()
        .find(|l| l.starts_with("county:"))
        .expect("a county line");
    let mut from = county.to_string();
    if let Some(k) = text.lines().find(|l| l.starts_with("municipalities:")) {
        from = text[text.find(county).unwrap_or(0)..]
            .split_inclusive('\n')
            .take_while(|l| l.starts_with("county:") || l.starts_with("municipalities:"))
            .collect::<String>()
            .trim_end()
            .to_string();
        if !from.contains(k) {
            from = county.to_string();
        }
    }
    let to = if from.contains("municipalities:") {
        "county: Hallands län\nmunicipalities: [Halmstad]".to_string()
    } else {
        "county: Hallands län".to_string()
    };
    (from, to)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    out
}
