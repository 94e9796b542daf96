//! A build after loading: pages and the browser search bundle into a staging folder, the
//! search index, then the swap of the output folder. Owns the rule that a failed build
//! published nothing: every step that can fail runs before the output is replaced, and the
//! replacement is the last step.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{io_error, location, render_into, BuildStats, CardCache, RenderOptions, Site, Staging};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::search;

/// What to build where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The output folder (as the user gave it; messages name it so).
    pub output: PathBuf,
    /// Write the search index and, with the `pagefind` feature, the browser search bundle.
    pub search: bool,
    /// Replace an output folder that fouweb did not write (`--force`).
    pub force: bool,
}

/// What a build did, for the summary line.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The pages (rendered and written).
    pub stats: BuildStats,
    /// Time spent on the pages alone: rendering, writing and the swap.
    pub pages: Duration,
    pub bundle: Option<search::browser::BundleSummary>,
    pub index: Option<search::IndexStats>,
}

/// Builds the loaded `site` into `options.output`. On error the output folder and the search
/// index are as they were.
/// With search, the reports' bodies are released once the pages are written (the search steps
/// read them again from their files, a chunk at a time), so `site` is taken.
pub fn build(mut site: Site, options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let (root, output) = (options.root.as_path(), options.output.as_path());
    let checked = location::check(root, output, options.force)?;
    let render = RenderOptions {
        search_page: options.search && search::browser::AVAILABLE,
    };
    let pages_started = Instant::now();
    let staging = Staging::new(&checked.path, checked.adopt)
        .map_err(|e| Diagnostics::from(io_error(output, "creating a temporary folder", e)))?;
    let stats = render_into(&site, root, output, render, &staging, &CardCache::default())?;
    let mut pages = pages_started.elapsed();
    // Nearly half of a large build's memory otherwise, held through both search steps.
    let checks = if options.search {
        site.release_bodies()
    } else {
        Vec::new()
    };
    let texts = search::Texts::Files {
        root,
        checks: &checks,
    };
    let site = &site;
    let bundle = if render.search_page {
        search::browser::write(site, texts, root, &checked.path, &staging)?
    } else {
        None
    };
    // After the pages, not beside them: on two cores, tantivy's indexing threads and the page
    // renderer slow each other down more than running one after the other.
    let index = if options.search {
        Some(search::write(site, texts, &search::index_dir(root)).map_err(index_error(root))?)
    } else {
        None
    };
    if let Some(bundle) = &bundle {
        bundle.remember(root);
    }
    let swap_started = Instant::now();
    if let Err(err) = staging.commit() {
        // The index was replaced already and stays: it is a cache of the reports for
        // `fouweb search`, outside the published site, and describes them as they are now.
        // The bundle's record would name files the output does not have.
        search::browser::forget(root);
        return Err(io_error(output, "replacing the output folder", err).into());
    }
    pages += swap_started.elapsed();
    Ok(BuildReport {
        stats,
        pages,
        bundle,
        index,
    })
}

fn index_error(root: &Path) -> impl FnOnce(search::SearchError) -> Diagnostics + '_ {
    move |err| {
        Diagnostic::error(
            search::index_dir(root),
            format!("cannot write the search index: {err}"),
        )
        .with_hint(
            "fouweb keeps its search index in the site's `.fouweb/` folder: check that it is a \
             writable folder (or remove it), or build with `--no-search`",
        )
        .into()
    }
}
