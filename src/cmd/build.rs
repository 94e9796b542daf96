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
    let searchable = !args.no_search;
    let options = site::RenderOptions {
        search_page: searchable && cfg!(feature = "pagefind"),
    };
    let texts = if searchable {
        search::plain_texts(&site)
    } else {
        Vec::new()
    };
    let mut bundle = None;
    let written = site::write(&site, &args.root, &output, options, |staging| {
        if options.search_page {
            bundle = Some(write_bundle(&site, &texts, staging)?);
        }
        Ok(())
    });
    let stats = match written {
        Ok(stats) => stats,
        Err(diagnostics) => {
            super::print_diagnostics(&diagnostics);
            eprintln!("build failed; {} was left unchanged", output.display());
            return ExitCode::FAILURE;
        }
    };
    // After the pages, not beside them: on two cores, tantivy's indexing threads and the page
    // renderer slow each other down more than running one after the other.
    let index = if searchable {
        match search::write(&site, &texts, &search::index_dir(&args.root)) {
            Ok(index) => Some(index),
            Err(err) => {
                eprintln!("error: cannot write the search index: {err}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    let bundle_time = bundle.map_or(0.0, |b: Bundle| b.elapsed.as_secs_f64());
    println!(
        "built {} reports into {} ({} files, {:.1} MB) in {:.2} s (load {:.2} s, pages {:.2} s, browser search {:.2} s, search index {:.2} s)",
        stats.reports,
        output.display(),
        stats.pages + bundle.map_or(0, |b| b.files),
        (stats.bytes + bundle.map_or(0, |b| b.bytes)) as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        loaded.as_secs_f64(),
        stats.total.as_secs_f64() - bundle_time,
        bundle_time,
        index.map_or(0.0, |i| i.elapsed.as_secs_f64()),
    );
    ExitCode::SUCCESS
}

#[cfg(feature = "pagefind")]
type Bundle = search::bundle::BundleStats;

#[cfg(not(feature = "pagefind"))]
#[derive(Clone, Copy)]
struct Bundle {
    files: usize,
    bytes: u64,
    elapsed: std::time::Duration,
}

/// The browser search bundle, into the staging folder (so a failure leaves the old site).
#[cfg(feature = "pagefind")]
fn write_bundle(
    site: &site::Site,
    texts: &[String],
    staging: &site::Staging,
) -> Result<Bundle, crate::diagnostics::Diagnostics> {
    use crate::site::Sink;
    search::bundle::build(site, texts, |path, bytes| staging.put(&path, bytes)).map_err(|e| {
        crate::diagnostics::Diagnostic::error(
            search::bundle::BUNDLE_DIR,
            format!("cannot build the browser search bundle: {e}"),
        )
        .into()
    })
}

#[cfg(not(feature = "pagefind"))]
fn write_bundle(
    _: &site::Site,
    _: &[String],
    _: &site::Staging,
) -> Result<Bundle, crate::diagnostics::Diagnostics> {
    Ok(Bundle {
        files: 0,
        bytes: 0,
        elapsed: std::time::Duration::ZERO,
    })
}
