//! From a site folder to a finished site: load → model → plan → render → build (write).

mod build;
mod charts;
mod data;
pub mod deps;
mod location;
mod model;
mod output;
mod plan;
mod render;
pub mod workspace;

use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use build::{build, BuildOptions, BuildReport};
pub use model::{
    collation_key, BodyCheck, ReportChanges, ReportIdx, Site, SiteMethod, SiteMethodIdx, Taxonomy,
};
pub use output::{Staging, MARKER};
pub use plan::{full_plan, List, PageKind, RenderOptions, Term, Urls};
pub use render::{CardCache, Renderer};

use crate::config::SiteConfig;
use crate::content::{load_reports, period};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::progress::{self, Stage};
use crate::theme::Theme;
use crate::vocabulary::Vocabulary;

/// Reads and validates everything under `root`. Returns the site when there are no errors
/// (after `strict` turned warnings into errors), and every diagnostic either way.
/// The [`Stage::Load`] it reports ends once the model is made.
pub fn load(root: &Path, drafts: bool, strict: bool) -> (Option<Site>, Diagnostics) {
    let progress = progress::current();
    let loaded = load_model(root, drafts, strict);
    progress.finish();
    loaded
}

fn load_model(root: &Path, drafts: bool, strict: bool) -> (Option<Site>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let config = SiteConfig::load(root, &mut diagnostics);
    let vocabulary = Vocabulary::for_site(root, &mut diagnostics);
    let reports = load_reports(root, &vocabulary, &config.limits, drafts, &mut diagnostics);
    for warning in crate::links::theme_warnings(root) {
        diagnostics.push(warning);
    }
    if strict {
        diagnostics.promote_warnings();
    }
    diagnostics.sort();
    if diagnostics.has_errors() {
        return (None, diagnostics);
    }
    let site = Site::new(config, vocabulary, reports, period::current_year());
    (Some(site), diagnostics)
}

/// What a render did, for the summary line.
#[derive(Debug, Clone, Default)]
pub struct BuildStats {
    pub reports: usize,
    /// Files rendered from the plan (the static files not counted).
    pub pages: usize,
    /// Bytes written, static files included.
    pub bytes: u64,
}

/// Where rendered files go: the staging folder of a build, or memory for the dev server.
pub trait Sink: Sync {
    /// Stores one file at `path` (relative, `/`-separated).
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()>;
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.write(path, &bytes)
    }
}

/// A whole site in memory, by output path.
#[derive(Debug, Default)]
pub struct MemorySite(std::sync::Mutex<std::collections::BTreeMap<String, Vec<u8>>>);

impl MemorySite {
    pub fn into_files(self) -> std::collections::BTreeMap<String, Vec<u8>> {
        self.0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Sink for MemorySite {
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        let mut files = self
            .0
            .lock()
            .map_err(|_| std::io::Error::other("a render thread panicked"))?;
        files.insert(path.to_string(), bytes);
        Ok(())
    }
}

/// Compiles every template `site` is rendered with (the site's overrides and the default
/// theme's), for `fouweb check`: the errors a build would stop at before rendering.
pub fn check_templates(site: &Site, root: &Path, options: RenderOptions) -> Vec<Diagnostic> {
    Renderer::new(site, Theme::for_site(root), options, &CardCache::default()).check_templates()
}

/// Renders every page and static file of `site` into `sink`, keeping report cards in `cards`
/// (a fresh `CardCache::default()` for a one-off render; see [`CardCache`]). `output` only
/// names the destination in messages.
pub fn render_into(
    site: &Site,
    root: &Path,
    output: &Path,
    options: RenderOptions,
    sink: &impl Sink,
    cards: &CardCache,
) -> Result<BuildStats, Diagnostics> {
    let theme = Theme::for_site(root);
    let renderer = Renderer::new(site, theme.clone(), options, cards);
    let mut diagnostics = Diagnostics::new();
    for d in renderer.check_templates() {
        diagnostics.push(d);
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let plan = renderer.plan();
    if let Some(path) = first_duplicate_path(site, &renderer, &plan) {
        return Err(two_pages_at(output, &path).into());
    }
    let stage = progress::start(Stage::Pages, plan.len() as u64);
    let (errors, mut bytes) = render_pages(&renderer, &plan, output, sink, &stage);
    diagnostics.extend(errors);
    // After failed pages the build fails anyway; copying would only repeat a write error.
    if !diagnostics.has_errors() {
        match copy_static_files(&theme, output, sink) {
            Ok(copied) => bytes += copied,
            Err(errors) => diagnostics.extend(errors),
        }
    }
    drop(stage);
    if diagnostics.has_errors() {
        diagnostics.sort();
        return Err(diagnostics);
    }
    Ok(BuildStats {
        reports: site.reports.len(),
        pages: plan.len(),
        bytes,
    })
}

/// Renders the pages of `plan` in parallel into `sink`, a tick per page: the errors, and the
/// bytes written.
fn render_pages(
    renderer: &Renderer,
    plan: &[PageKind],
    output: &Path,
    sink: &impl Sink,
    progress: &progress::Running,
) -> (Diagnostics, u64) {
    /// Why a page failed: its template, or writing it (where one cause, such as a full disk,
    /// fails every page alike).
    enum Failed {
        Render(Diagnostic),
        Write(Diagnostic),
    }
    let timings = Timings::from_env();
    let render = |page: PageKind| {
        let t0 = Instant::now();
        let (path, bytes) = renderer.render(page).map_err(Failed::Render)?;
        let t1 = Instant::now();
        let len = bytes.len();
        sink.put(&path, bytes)
            .map_err(|e| Failed::Write(io_error(output, &path, e)))?;
        timings.record(page, t1 - t0, t1.elapsed(), len);
        Ok(len as u64)
    };
    let results: Vec<Result<u64, Failed>> = plan
        .par_iter()
        .map(|&page| {
            let result = render(page);
            progress.tick(1);
            result
        })
        .collect();
    timings.print();
    let mut diagnostics = Diagnostics::new();
    let (mut bytes, mut first_write_error, mut more_write_errors) = (0, None, 0);
    for r in results {
        match r {
            Ok(n) => bytes += n,
            Err(Failed::Render(d)) => diagnostics.push(d),
            Err(Failed::Write(d)) if first_write_error.is_none() => first_write_error = Some(d),
            Err(Failed::Write(_)) => more_write_errors += 1,
        }
    }
    // One message for a disk that is full or gone, not one per page.
    if let Some(mut d) = first_write_error {
        if more_write_errors > 0 {
            d.message.push_str(&format!(
                " (and {more_write_errors} more files could not be written)"
            ));
        }
        diagnostics.push(d);
    }
    (diagnostics, bytes)
}

/// Copies the theme's static files into `sink`: the bytes written, or every error.
/// The theme's static files (output path, bytes), or why they cannot be read.
fn read_static_files(theme: &Theme) -> Result<Vec<(String, Vec<u8>)>, Diagnostics> {
    theme.static_files().map_err(|e| {
        Diagnostic::error("static", format!("cannot read static files: {e}"))
            .with_hint("check the permissions of the site's static/ folder")
            .into()
    })
}

fn copy_static_files(theme: &Theme, output: &Path, sink: &impl Sink) -> Result<u64, Diagnostics> {
    let files = read_static_files(theme)?;
    let mut diagnostics = Diagnostics::new();
    let mut bytes = 0;
    for (path, content) in files {
        bytes += content.len() as u64;
        if let Err(e) = sink.put(&path, content) {
            diagnostics.push(io_error(output, &path, e));
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(bytes)
}

fn io_error(output: &Path, what: &str, err: std::io::Error) -> Diagnostic {
    Diagnostic::error(output, format!("cannot write the site: {what}: {err}"))
        .with_hint("check that the output folder's parent exists and is writable, and that the disk is not full")
}

/// Per page kind: render time, write time and bytes, summed over threads. Printed to stderr
/// when `FOUWEB_TIMINGS` is set, to see where a build spends its time.
struct Timings(Option<std::sync::Mutex<std::collections::BTreeMap<&'static str, TimingRow>>>);

/// Render time, write time, pages, bytes.
type TimingRow = (Duration, Duration, usize, usize);

impl Timings {
    fn from_env() -> Timings {
        Timings(crate::console::timings().then(Default::default))
    }

    fn record(&self, page: PageKind, render: Duration, write: Duration, bytes: usize) {
        if let Some(map) = &self.0 {
            if let Ok(mut map) = map.lock() {
                let e = map.entry(page.template().unwrap_or("data")).or_default();
                e.0 += render;
                e.1 += write;
                e.2 += 1;
                e.3 += bytes;
            }
        }
    }

    fn print(&self) {
        let Some(map) = &self.0 else { return };
        let Ok(map) = map.lock() else { return };
        eprintln!(
            "{:<20} {:>7} {:>10} {:>10} {:>9}",
            "template", "pages", "render s", "write s", "MB"
        );
        for (name, (render, write, pages, bytes)) in map.iter() {
            eprintln!(
                "{name:<20} {pages:>7} {:>10.3} {:>10.3} {:>9.1}",
                render.as_secs_f64(),
                write.as_secs_f64(),
                *bytes as f64 / 1e6
            );
        }
    }
}

/// The error for two pages with one output `path` (written to `output`).
fn two_pages_at(output: &Path, path: &str) -> Diagnostic {
    Diagnostic::error(output, format!("two pages would be written to `{path}`"))
        .with_hint("give the two reports, methods or places different URL names (`slug:` or the vocabulary's `id`)")
}

/// An output path that two pages of the plan share (which would silently lose one of them).
fn first_duplicate_path(site: &Site, renderer: &Renderer, plan: &[PageKind]) -> Option<String> {
    let mut seen = std::collections::HashSet::with_capacity(plan.len());
    plan.iter()
        .map(|&page| renderer.urls().output_path(&renderer.urls().of(site, page)))
        .find(|path| !seen.insert(path.clone()))
}
