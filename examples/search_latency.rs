//! Search latency benchmark: runs a fixed mix of queries against the index `fouweb build`
//! wrote and prints percentiles.
//!
//!     cargo run --release --example search_latency -- SITE_ROOT [QUERIES]
//!
//! The mix: one-word queries (inflected forms, compound prefixes, words typed without å/ä/ö),
//! two-word queries, queries with a method or county filter, and filter-only browsing.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use fouweb::search::{index_dir, Request, Searcher};
use fouweb::vocabulary::Vocabulary;

const WORDS: [&str; 24] = [
    "barngrupp",
    "barngrupperna",
    "föräldrastöd",
    "foraldrastod",
    "samverkan",
    "skolan",
    "psykisk",
    "ohälsa",
    "missbruk",
    "handledning",
    "utvärdering",
    "orebro",
    "Västerås",
    "familj",
    "barnperspektiv",
    "ungdomar",
    "våld",
    "kartläggning",
    "rutiner",
    "nätverk",
    "implementering",
    "brukare",
    "stöd",
    "socialtjänsten",
];
const METHODS: [&str; 6] = [
    "bra",
    "beardslee",
    "Barngrupper",
    "SOFIA",
    "MI",
    "Föra barnen på tal",
];
const COUNTIES: [&str; 6] = [
    "Örebro",
    "Stockholm",
    "Skåne",
    "Västra Götaland",
    "Kronoberg",
    "Norrbotten",
];

fn request(i: usize) -> Request {
    let word = WORDS[i % WORDS.len()];
    let limit = std::env::var("LIMIT")
        .ok()
        .and_then(|l| l.parse().ok())
        .unwrap_or(10);
    let mut r = Request {
        limit,
        ..Request::default()
    };
    match i % 5 {
        0 | 1 => r.query = word.to_string(),
        2 => r.query = format!("{word} {}", WORDS[(i / 5 + 7) % WORDS.len()]),
        3 => {
            r.query = word.to_string();
            r.methods = vec![METHODS[i % METHODS.len()].to_string()];
        }
        _ => {
            r.methods = vec![METHODS[i % METHODS.len()].to_string()];
            r.counties = vec![COUNTIES[(i / 5) % COUNTIES.len()].to_string()];
        }
    }
    r
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: search_latency SITE_ROOT [QUERIES]");
        return ExitCode::from(2);
    };
    let count: usize = match args.next().map(|n| n.parse()) {
        None => 1000,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("QUERIES must be a positive number");
            return ExitCode::from(2);
        }
    };
    let root = std::path::PathBuf::from(root);
    let mut diagnostics = fouweb::diagnostics::Diagnostics::new();
    let vocabulary = Vocabulary::for_site(&root, &mut diagnostics);
    let searcher = match Searcher::open(&index_dir(&root)) {
        Ok(s) => s,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    // Warm up the page cache and the searcher.
    for i in 0..50 {
        let _ = searcher.search(&request(i), &vocabulary);
    }
    let mut times: Vec<Duration> = Vec::with_capacity(count);
    let mut hits = 0usize;
    for i in 0..count {
        let r = request(i);
        let t = Instant::now();
        match searcher.search(&r, &vocabulary) {
            Ok(response) => hits += response.total,
            Err(err) => {
                eprintln!("error in query {i}: {err}");
                return ExitCode::FAILURE;
            }
        }
        times.push(t.elapsed());
    }
    times.sort();
    let pct = |p: f64| {
        times[((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1].as_secs_f64()
            * 1000.0
    };
    println!(
        "{count} queries: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms (mean {:.0} matches per query)",
        pct(0.50),
        pct(0.95),
        pct(0.99),
        pct(1.0),
        hits as f64 / count as f64
    );
    ExitCode::SUCCESS
}
