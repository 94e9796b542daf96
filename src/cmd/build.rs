//! `fouweb build`

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::{search, site};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The site folder (with content/ and optionally site.yaml, templates/, static/, vocabulary/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: ROOT/public]
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Include reports marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// Skip the search index (pages only)
    #[arg(long)]
    pub no_search: bool,
}

pub fn run(args: &Args) -> ExitCode {
    let started = Instant::now();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.join("public"));
    let (site, diagnostics) = site::load(&args.root, args.drafts, args.strict);
    super::print_diagnostics(&diagnostics);
    let Some(site) = site else {
        eprintln!("build failed; {} was left unchanged", output.display());
        return ExitCode::FAILURE;
    };
    let loaded = started.elapsed();
    let stats = match site::write(&site, &args.root, &output) {
        Ok(stats) => stats,
        Err(diagnostics) => {
            super::print_diagnostics(&diagnostics);
            eprintln!("build failed; {} was left unchanged", output.display());
            return ExitCode::FAILURE;
        }
    };
    // After the pages, not beside them: on two cores, tantivy's indexing threads and the page
    // renderer slow each other down more than running one after the other.
    let index = if args.no_search {
        None
    } else {
        match search::write(&site, &search::index_dir(&args.root)) {
            Ok(index) => Some(index),
            Err(err) => {
                eprintln!("error: cannot write the search index: {err}");
                return ExitCode::FAILURE;
            }
        }
    };
    println!(
        "built {} reports into {} ({} files, {:.1} MB) in {:.2} s (load {:.2} s, pages {:.2} s, search index {:.2} s)",
        stats.reports,
        output.display(),
        stats.pages,
        stats.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        loaded.as_secs_f64(),
        stats.total.as_secs_f64(),
        index.map_or(0.0, |i| i.elapsed.as_secs_f64()),
    );
    ExitCode::SUCCESS
}
