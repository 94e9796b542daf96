//! `fouweb search`: answers from the index `fouweb build` wrote.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::diagnostics::Diagnostics;
use crate::search::{self, Request, Response, Searcher};
use crate::vocabulary::Vocabulary;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to search for (empty: every report matching the filters)
    #[arg(default_value = "")]
    pub query: Vec<String>,
    /// Only reports from this county (name, short name, SCB code or sub-region); repeat for OR
    #[arg(long = "county")]
    pub counties: Vec<String>,
    /// Only reports using this method (name, short name or alias); repeat for OR
    #[arg(long = "method")]
    pub methods: Vec<String>,
    /// Only reports from this municipality; repeat for OR
    #[arg(long = "kommun")]
    pub municipalities: Vec<String>,
    /// Only reports active in this year; repeat for OR
    #[arg(long = "year")]
    pub years: Vec<String>,
    /// How many hits to show
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print JSON: {"total", "hits": [...], "facets": {"county", "method", "year"}}
    #[arg(long)]
    pub json: bool,
    /// The site folder
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

pub fn run(args: &Args) -> ExitCode {
    let mut diagnostics = Diagnostics::new();
    let vocabulary = Vocabulary::for_site(&args.root, &mut diagnostics);
    let request = Request {
        query: args.query.join(" "),
        counties: args.counties.clone(),
        methods: args.methods.clone(),
        municipalities: args.municipalities.clone(),
        years: args.years.clone(),
        limit: args.limit,
    };
    let result = Searcher::open(&search::index_dir(&args.root))
        .and_then(|s| s.search(&request, &vocabulary));
    match result {
        Ok(response) if args.json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&response).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Ok(response) => {
            print!("{}", human(&request, &response));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The ranked list and the facet counts, for a terminal.
fn human(request: &Request, response: &Response) -> String {
    let mut out = String::new();
    let what = if request.query.trim().is_empty() {
        String::new()
    } else {
        format!(" for \"{}\"", request.query.trim())
    };
    out.push_str(&format!(
        "{} report{}{what}\n\n",
        response.total,
        if response.total == 1 { "" } else { "s" }
    ));
    for (i, hit) in response.hits.iter().enumerate() {
        out.push_str(&format!("{:>3}. {}\n", i + 1, hit.title));
        out.push_str(&format!(
            "     {} · {} · {}\n",
            hit.counties.join(", "),
            hit.period,
            hit.methods.join(", ")
        ));
        let snippet = strip_tags(&hit.snippet);
        if !snippet.is_empty() {
            out.push_str(&format!("     {snippet}\n"));
        }
        out.push_str(&format!("     {}\n", hit.url));
    }
    let facets = &response.facets;
    for (label, counts) in [
        ("county", &facets.county),
        ("method", &facets.method),
        ("year", &facets.year),
    ] {
        if counts.is_empty() {
            continue;
        }
        let mut list: Vec<(&String, &u64)> = counts.iter().collect();
        if label != "year" {
            list.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        }
        let shown: Vec<String> = list.iter().map(|(k, n)| format!("{k} ({n})")).collect();
        out.push_str(&format!("\n{label}: {}\n", shown.join(", ")));
    }
    out
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}
