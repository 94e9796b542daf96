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
    let mut remember = None;
    let written = site::write(&site, &args.root, &output, options, |staging| {
        if options.search_page {
            let (stats, made) = write_bundle(&site, &texts, &args.root, &output, staging)?;
            bundle = Some(stats);
            remember = made;
        }
        Ok(())
    });
    let stats = match written {
        Ok(stats) => {
            if let Some(made) = remember {
                made.save(&args.root);
            }
            stats
        }
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
    let unchanged = |same: bool| if same { ", unchanged" } else { "" };
    let (unchanged, kept) = (
        unchanged(bundle.is_some_and(|b: Bundle| b.reused)),
        unchanged(index.is_some_and(|i: search::IndexStats| i.kept)),
    );
    println!(
        "built {} reports into {} ({} files, {:.1} MB) in {:.2} s (load {:.2} s, pages {:.2} s, browser search {:.2} s{unchanged}, search index {:.2} s{kept})",
        stats.reports,
        output.display(),
        stats.pages + bundle.map_or(0, |b| b.files),
        (stats.bytes + bundle.map_or(0, |b| b.bytes)) as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        loaded.as_secs_f64(),
        stats.total.as_secs_f64() - bundle_time,
        bundle_time,
        index.map_or(0.0, |i: search::IndexStats| i.elapsed.as_secs_f64()),
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
    reused: bool,
}

/// A bundle just made, to be remembered once the site is in place.
#[cfg(feature = "pagefind")]
struct MadeBundle {
    key: String,
    files: Vec<(String, u64)>,
}

#[cfg(feature = "pagefind")]
impl MadeBundle {
    fn save(&self, root: &std::path::Path) {
        search::bundle_cache::save(root, &self.key, &self.files);
    }
}

/// The browser search bundle, into the staging folder (so a failure leaves the old site):
/// the last build's when no record changed, otherwise a new one.
#[cfg(feature = "pagefind")]
fn write_bundle(
    site: &site::Site,
    texts: &[String],
    root: &std::path::Path,
    output: &std::path::Path,
    staging: &site::Staging,
) -> Result<(Bundle, Option<MadeBundle>), crate::diagnostics::Diagnostics> {
    use crate::diagnostics::Diagnostic;
    use crate::site::Sink;
    let started = Instant::now();
    let key = search::bundle::records_key(site, texts);
    let failed = |e: String| {
        Diagnostic::error(
            search::bundle::BUNDLE_DIR,
            format!("cannot build the browser search bundle: {e}"),
        )
    };
    if let Some(files) = search::bundle_cache::reusable(root, output, &key) {
        let mut bytes = 0;
        for (path, file, size) in &files {
            bytes += size;
            // Most of a bundle's files are named by a hash of their content: one the staging
            // folder (the build before last) already has is the same file.
            if search::bundle::named_by_content(path) && staging.keep(path, *size) {
                continue;
            }
            let content = std::fs::read(file).map_err(|e| failed(e.to_string()))?;
            staging
                .put(path, content)
                .map_err(|e| failed(e.to_string()))?;
        }
        let stats = Bundle {
            records: site.reports.len(),
            files: files.len(),
            bytes,
            elapsed: started.elapsed(),
            reused: true,
        };
        return Ok((stats, None));
    }
    // The output's bundle is about to be replaced: until this build is in place, none is known.
    search::bundle_cache::forget(root);
    let mut files = Vec::new();
    let stats = search::bundle::build(site, texts, |path, bytes| {
        files.push((path.clone(), bytes.len() as u64));
        staging.put(&path, bytes)
    })
    .map_err(failed)?;
    Ok((stats, Some(MadeBundle { key, files })))
}

#[cfg(not(feature = "pagefind"))]
struct MadeBundle;

#[cfg(not(feature = "pagefind"))]
impl MadeBundle {
    fn save(&self, _: &std::path::Path) {}
}

#[cfg(not(feature = "pagefind"))]
fn write_bundle(
    _: &site::Site,
    _: &[String],
    _: &std::path::Path,
    _: &std::path::Path,
    _: &site::Staging,
) -> Result<(Bundle, Option<MadeBundle>), crate::diagnostics::Diagnostics> {
    let stats = Bundle {
        files: 0,
        bytes: 0,
        elapsed: std::time::Duration::ZERO,
        reused: false,
    };
    Ok((stats, None))
}
