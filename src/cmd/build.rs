//! `fouweb build`

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::site;

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
    /// Replace the output folder even if fouweb did not write it (its files are deleted)
    #[arg(long)]
    pub force: bool,
}

/// Builds, showing each stage's progress on a terminal (nothing extra elsewhere).
pub fn run(args: &Args) -> ExitCode {
    crate::progress::report_to(crate::console::progress(), || build(args))
}

fn build(args: &Args) -> ExitCode {
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
    let options = site::BuildOptions {
        root: args.root.clone(),
        output: output.clone(),
        search: !args.no_search,
        force: args.force,
    };
    let report = match site::build(site, &options) {
        Ok(report) => report,
        Err(diagnostics) => {
            super::print_diagnostics(&diagnostics);
            eprintln!("build failed; {} was left unchanged", output.display());
            return ExitCode::FAILURE;
        }
    };
    let (stats, bundle, index) = (&report.stats, report.bundle.as_ref(), report.index);
    let unchanged = |same: bool| if same { ", unchanged" } else { "" };
    let (unchanged, kept) = (
        unchanged(bundle.is_some_and(|b| b.reused)),
        unchanged(index.is_some_and(|i| i.kept)),
    );
    println!(
        "built {} reports into {} ({} files, {:.1} MB) in {:.2} s (load {:.2} s, pages {:.2} s, browser search {:.2} s{unchanged}, search index {:.2} s{kept})",
        stats.reports,
        output.display(),
        stats.pages + bundle.map_or(0, |b| b.files),
        (stats.bytes + bundle.map_or(0, |b| b.bytes)) as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        loaded.as_secs_f64(),
        report.pages.as_secs_f64(),
        bundle.map_or(0.0, |b| b.elapsed.as_secs_f64()),
        index.map_or(0.0, |i| i.elapsed.as_secs_f64()),
    );
    ExitCode::SUCCESS
}
