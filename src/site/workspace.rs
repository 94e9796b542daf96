//! A site kept in memory and brought up to date after edits, for the dev server.
//!
//! A changed report re-parses only its own file and re-renders only the pages the dependency
//! map names for it before and after the edit (just its own page when only the body changed);
//! a template change re-renders without re-parsing; `site.yaml` or the vocabulary rebuild
//! everything. While any file has errors the last good site stays as it is, and the edits wait
//! until the errors are fixed.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::content::{discover, duplicate_slug, load_file, period, MethodRef, Report};
use crate::diagnostics::{display_path, Diagnostic, Diagnostics};
use crate::theme::Theme;
use crate::vocabulary::MethodId;

use super::deps::pages_of_report;
use super::model::Site;
use super::plan::{PageKind, RenderOptions};
use super::render::Renderer;
use super::{load, render_into, CardCache, MemorySite, Urls};

/// Output path → bytes. Shared with the server; replaced whole after each rebuild.
pub type Files = HashMap<String, Arc<[u8]>>;

/// What changed on disk since the last rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Report files (absolute paths) created, edited, renamed or deleted.
    pub reports: BTreeSet<PathBuf>,
    /// Folders appeared or vanished under content/: find new and removed reports.
    pub rescan_content: bool,
    pub templates: bool,
    pub static_files: bool,
    /// site.yaml or the vocabulary: everything is rebuilt.
    pub everything: bool,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        *self == ChangeSet::default()
    }

    pub fn merge(&mut self, other: ChangeSet) {
        self.reports.extend(other.reports);
        self.rescan_content |= other.rescan_content;
        self.templates |= other.templates;
        self.static_files |= other.static_files;
        self.everything |= other.everything;
    }
}

/// Which reports changed in the model since the last [`Workspace::take_report_changes`]: what
/// a search index must update.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportChanges {
    /// Slugs of reports that are new or edited.
    pub changed: BTreeSet<String>,
    /// Slugs of reports that are gone (or were renamed; the new slug is in `changed`).
    pub removed: BTreeSet<String>,
    /// The whole model was rebuilt.
    pub everything: bool,
}

impl ReportChanges {
    pub fn is_empty(&self) -> bool {
        *self == ReportChanges::default()
    }
}

/// What one rebuild did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Files rendered (or copied) anew.
    pub rendered: usize,
    /// Files that no longer exist.
    pub removed: usize,
    /// Only stylesheets changed: the browser can swap them without reloading.
    pub css_only: bool,
    /// The content changed, so the search indexes are stale.
    pub content_changed: bool,
    /// Set when the site could not be rebuilt; the last good site is kept.
    pub errors: Option<Diagnostics>,
    /// Warnings of the files parsed.
    pub warnings: Diagnostics,
    pub elapsed: Duration,
}

pub struct Workspace {
    root: PathBuf,
    drafts: bool,
    options: RenderOptions,
    site: Option<Site>,
    files: Arc<Files>,
    /// Changes not yet applied because some file has errors.
    pending: ChangeSet,
    errors: Option<Diagnostics>,
    report_changes: ReportChanges,
    /// Report cards kept across rebuilds (see [`CardCache`]).
    cards: CardCache,
}

/// A page named so that it can be found again in the site after an edit (indices shift).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum PageKey {
    Stable(PageKind),
    Report(String),
    Method(String),
    Year(u16),
}

impl Workspace {
    /// Loads and renders the whole site at `root` (an absolute path) into memory.
    pub fn open(
        root: &Path,
        drafts: bool,
        options: RenderOptions,
    ) -> Result<(Workspace, Diagnostics), Diagnostics> {
        let (site, diagnostics) = load(root, drafts, false);
        let Some(site) = site else {
            return Err(diagnostics);
        };
        let cards = CardCache::default();
        let files = render_all(&site, root, options, &cards)?;
        let workspace = Workspace {
            root: root.to_path_buf(),
            drafts,
            options,
            site: Some(site),
            files: Arc::new(files),
            pending: ChangeSet::default(),
            errors: None,
            report_changes: ReportChanges::default(),
            cards,
        };
        Ok((workspace, diagnostics))
    }

    pub fn files(&self) -> &Arc<Files> {
        &self.files
    }

    pub fn site(&self) -> Option<&Site> {
        self.site.as_ref()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The reports changed since the last call (whatever the rebuilds' outcomes).
    pub fn take_report_changes(&mut self) -> ReportChanges {
        std::mem::take(&mut self.report_changes)
    }

    /// The errors that keep the site from being rebuilt, if any.
    pub fn errors(&self) -> Option<&Diagnostics> {
        self.errors.as_ref()
    }

    /// Applies `changes` (and any still pending) and re-renders what they affect.
    pub fn apply(&mut self, changes: ChangeSet) -> Outcome {
        let started = Instant::now();
        self.pending.merge(changes);
        let pending = std::mem::take(&mut self.pending);
        let mut outcome = Outcome {
            rendered: 0,
            removed: 0,
            css_only: false,
            content_changed: false,
            errors: None,
            warnings: Diagnostics::new(),
            elapsed: Duration::ZERO,
        };
        let result = if pending.everything {
            self.rebuild_everything(&mut outcome)
        } else {
            let mut result = Ok(());
            if !pending.reports.is_empty() || pending.rescan_content {
                result = self.update_reports(&pending, &mut outcome);
            }
            if result.is_ok() && pending.templates {
                result = self.rerender_everything(&mut outcome);
            } else if result.is_ok() && pending.static_files {
                result = self.copy_static_files(&mut outcome);
            }
            result
        };
        if let Err(errors) = result {
            // Try again with the same changes (and whatever comes next) once fixed.
            self.pending = pending;
            self.errors = Some(errors.clone());
            outcome.errors = Some(errors);
        } else {
            self.errors = None;
        }
        outcome.elapsed = started.elapsed();
        outcome
    }

    fn rebuild_everything(&mut self, outcome: &mut Outcome) -> Result<(), Diagnostics> {
        let (site, diagnostics) = load(&self.root, self.drafts, false);
        let Some(site) = site else {
            return Err(diagnostics);
        };
        outcome.warnings = diagnostics;
        // The vocabulary or the URLs may have changed: every card with them.
        self.cards = CardCache::default();
        let files = render_all(&site, &self.root, self.options, &self.cards)?;
        outcome.removed = self
            .files
            .keys()
            .filter(|k| !files.contains_key(*k))
            .count();
        outcome.rendered = files.len();
        outcome.content_changed = true;
        self.files = Arc::new(files);
        self.site = Some(site);
        self.report_changes.everything = true;
        Ok(())
    }

    fn rerender_everything(&mut self, outcome: &mut Outcome) -> Result<(), Diagnostics> {
        let Some(site) = &self.site else {
            return Ok(());
        };
        self.cards = CardCache::default();
        let files = render_all(site, &self.root, self.options, &self.cards)?;
        outcome.rendered += files.len();
        self.files = Arc::new(files);
        Ok(())
    }

    fn copy_static_files(&mut self, outcome: &mut Outcome) -> Result<(), Diagnostics> {
        let files = Theme::for_site(&self.root).static_files().map_err(|e| {
            Diagnostics::from(
                Diagnostic::error("static", format!("cannot read static files: {e}"))
                    .with_hint("check the permissions of the site's static/ folder"),
            )
        })?;
        let mut map = (*self.files).clone();
        let mut css_only = true;
        for (path, bytes) in files {
            if map.get(&path).is_some_and(|old| **old == *bytes) {
                continue;
            }
            css_only &= path.ends_with(".css");
            map.insert(path, bytes.into());
            outcome.rendered += 1;
        }
        outcome.css_only = css_only && outcome.rendered > 0 && !outcome.content_changed;
        self.files = Arc::new(map);
        Ok(())
    }

    /// Re-parses the changed report files and re-renders the pages they feed.
    fn update_reports(
        &mut self,
        pending: &ChangeSet,
        outcome: &mut Outcome,
    ) -> Result<(), Diagnostics> {
        let Some(site) = &self.site else {
            return Ok(());
        };
        let mut paths = pending.reports.clone();
        if pending.rescan_content {
            paths.extend(self.rescan(site));
        }
        let changed: BTreeSet<PathBuf> =
            paths.iter().map(|p| display_path(&self.root, p)).collect();

        // Parse every changed file before touching anything.
        let parsed: Vec<(PathBuf, Option<Report>, Diagnostics)> = paths
            .par_iter()
            .map(|path| {
                let shown = display_path(&self.root, path);
                if !path.is_file() {
                    return (shown, None, Diagnostics::new());
                }
                let (report, diagnostics) =
                    load_file(&self.root, path, &site.vocabulary, &site.config.limits);
                let report = report.filter(|r| self.drafts || !r.draft);
                (shown, report, diagnostics)
            })
            .collect();
        let mut errors = Diagnostics::new();
        for (_, _, diagnostics) in &parsed {
            for d in diagnostics.items() {
                if d.is_error() {
                    errors.push(d.clone());
                } else {
                    outcome.warnings.push(d.clone());
                }
            }
        }
        check_slugs(site, &changed, &parsed, &mut errors);
        check_unknown_methods(&self.root, site, &changed, &parsed, &mut errors);
        if errors.has_errors() {
            errors.sort();
            return Err(errors);
        }

        // Which pages to render: with only bodies edited, each report's own page; otherwise
        // everything the dependency map names before and after the edit.
        let old_index: HashMap<&Path, usize> = site
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.source.as_path(), i))
            .collect();
        let bodies_only =
            parsed.iter().all(
                |(shown, new, _)| match (old_index.get(shown.as_path()), new) {
                    (Some(&i), Some(new)) => same_but_body(&site.reports[i], new),
                    _ => false,
                },
            );
        if bodies_only {
            // Titles and every other field are unchanged, so each report keeps its place and
            // only its own page changes: no new model, no other page.
            let edits: Vec<(usize, Report)> = parsed
                .into_iter()
                .filter_map(|(shown, new, _)| Some((*old_index.get(shown.as_path())?, new?)))
                .collect();
            let Some(site) = self.site.as_mut() else {
                return Ok(());
            };
            let mut pages = BTreeSet::new();
            for (i, new) in edits {
                self.report_changes.changed.insert(new.slug.clone());
                site.reports[i] = new;
                pages.insert(PageKind::Report(i as u32));
            }
            return self.render_pages(&pages, Vec::new(), outcome);
        }
        let old_urls = Urls::new(&site.config);
        let mut old_pages: Vec<(PageKey, String)> = Vec::new();
        let mut seen = HashSet::new();
        for shown in &changed {
            let Some(&i) = old_index.get(shown.as_path()) else {
                continue;
            };
            for page in pages_of_report(site, i as u32) {
                if seen.insert(page) {
                    let path = old_urls.output_path(&old_urls.of(site, page));
                    old_pages.push((key_of(site, page), path));
                }
            }
        }

        // Rebuild the model without the old versions and with the new ones.
        let Some(old_site) = self.site.take() else {
            return Ok(());
        };
        let Site {
            config,
            vocabulary,
            mut reports,
            methods: old_methods,
            ..
        } = old_site;
        let mut stale_cards = HashSet::new();
        reports.retain(|r| {
            let keep = !changed.contains(&r.source);
            if !keep {
                self.report_changes.removed.insert(r.slug.clone());
                stale_cards.insert(old_urls.report(&r.slug));
            }
            keep
        });
        for report in parsed.into_iter().filter_map(|(_, r, _)| r) {
            self.report_changes.changed.insert(report.slug.clone());
            stale_cards.insert(old_urls.report(&report.slug));
            reports.push(report);
        }
        self.cards.forget(&stale_cards);
        let new_site = Site::new(config, vocabulary, reports, period::current_year());
        // A method the vocabulary does not know is named as its first report writes it, so an
        // edit can rename it on every page of every report that uses it.
        let renamed_methods: Vec<usize> = (0..new_site.methods.len())
            .filter(|&m| !old_methods.contains(&new_site.methods[m]))
            .collect();
        if !renamed_methods.is_empty() {
            self.cards = CardCache::default();
        }

        let mut pages: BTreeSet<PageKind> = BTreeSet::new();
        let new_slugs = new_site.reports_by_slug();
        for source in &changed {
            let Some(r) = new_site.reports.iter().position(|r| &r.source == source) else {
                continue;
            };
            pages.extend(pages_of_report(&new_site, r as u32));
        }
        for &m in &renamed_methods {
            for &r in &new_site.taxonomy.by_method[m] {
                pages.extend(pages_of_report(&new_site, r));
                // Search finds reports by their methods' names too.
                let slug = &new_site.reports[r as usize].slug;
                self.report_changes.changed.insert(slug.clone());
            }
        }
        let mut gone: Vec<String> = Vec::new();
        for (key, path) in old_pages {
            match resolve(&new_site, &new_slugs, &key) {
                Some(page) => {
                    pages.insert(page);
                }
                None => gone.push(path),
            }
        }

        self.site = Some(new_site);
        self.render_pages(&pages, gone, outcome)
    }

    /// Renders `pages` of the current site into a new file map, without the files of `gone`
    /// (unless rendered anew).
    fn render_pages(
        &mut self,
        pages: &BTreeSet<PageKind>,
        gone: Vec<String>,
        outcome: &mut Outcome,
    ) -> Result<(), Diagnostics> {
        let Some(site) = &self.site else {
            return Ok(());
        };
        let renderer = Renderer::new(site, Theme::for_site(&self.root), self.options, &self.cards);
        let rendered: Vec<Result<(String, Vec<u8>), Diagnostic>> = pages
            .par_iter()
            .filter(|&&page| self.options.search_page || page != PageKind::Search)
            .map(|&page| renderer.render(page))
            .collect();
        drop(renderer);
        let mut map = (*self.files).clone();
        let mut render_errors = Diagnostics::new();
        let mut written = HashSet::new();
        for result in rendered {
            match result {
                Ok((path, bytes)) => {
                    written.insert(path.clone());
                    map.insert(path, bytes.into());
                    outcome.rendered += 1;
                }
                Err(d) => render_errors.push(d),
            }
        }
        for path in gone {
            if !written.contains(&path) && map.remove(&path).is_some() {
                outcome.removed += 1;
            }
        }
        if render_errors.has_errors() {
            // The model is updated; the pages that failed keep their old content until the
            // template is fixed (which re-renders everything).
            self.pending.templates = true;
            return Err(render_errors);
        }
        outcome.content_changed = true;
        self.files = Arc::new(map);
        Ok(())
    }

    /// Report files that appeared or vanished without an event of their own (a folder moved).
    fn rescan(&self, site: &Site) -> Vec<PathBuf> {
        let mut scratch = Diagnostics::new();
        let found: BTreeSet<PathBuf> =
            discover(&self.root.join("content"), &mut scratch, &self.root)
                .into_iter()
                .collect();
        let known: BTreeSet<PathBuf> = site
            .reports
            .iter()
            .map(|r| self.root.join(&r.source))
            .collect();
        found.symmetric_difference(&known).cloned().collect()
    }
}

fn render_all(
    site: &Site,
    root: &Path,
    options: RenderOptions,
    cards: &CardCache,
) -> Result<Files, Diagnostics> {
    let memory = MemorySite::default();
    render_into(site, root, Path::new("(memory)"), options, &memory, cards)?;
    Ok(memory
        .into_files()
        .into_iter()
        .map(|(path, bytes)| (path, Arc::from(bytes)))
        .collect())
}

/// True when two versions of a report differ at most in their Markdown body (the summary,
/// which other pages show, is compared as a field of its own).
fn same_but_body(old: &Report, new: &Report) -> bool {
    let strip = |r: &Report| Report {
        body: String::new(),
        ..r.clone()
    };
    strip(old) == strip(new)
}

fn key_of(site: &Site, page: PageKind) -> PageKey {
    match page {
        PageKind::Report(r) => PageKey::Report(site.reports[r as usize].slug.clone()),
        PageKind::Method(m) => PageKey::Method(site.method(m).id.0.clone()),
        PageKind::Year(y) => PageKey::Year(y),
        other => PageKey::Stable(other),
    }
}

/// The page `key` names in `site`, if it still has one.
fn resolve(site: &Site, slugs: &HashMap<&str, u32>, key: &PageKey) -> Option<PageKind> {
    match key {
        PageKey::Stable(page) => Some(*page),
        PageKey::Report(slug) => slugs.get(slug.as_str()).map(|&r| PageKind::Report(r)),
        PageKey::Method(id) => site
            .methods
            .iter()
            .position(|m| &m.id.0 == id)
            .map(|m| PageKind::Method(super::SiteMethodIdx(m as u32))),
        PageKey::Year(y) => site
            .taxonomy
            .by_year
            .contains_key(y)
            .then_some(PageKind::Year(*y)),
    }
}

/// The URL names of the changed reports must stay unique among all reports.
/// The site's limit on methods outside the vocabulary, after an edit. Counting the site's
/// current ones plus the edit's new ones over-estimates; only when that reaches the limit are
/// all reports counted again, in file order as a build does.
fn check_unknown_methods(
    root: &Path,
    site: &Site,
    changed: &BTreeSet<PathBuf>,
    parsed: &[(PathBuf, Option<Report>, Diagnostics)],
    errors: &mut Diagnostics,
) {
    let limits = &site.config.limits;
    let known: HashSet<&MethodId> = site
        .methods
        .iter()
        .filter(|m| !m.known)
        .map(|m| &m.id)
        .collect();
    let added: HashSet<&MethodId> = parsed
        .iter()
        .filter_map(|(_, r, _)| r.as_ref())
        .flat_map(|r| &r.methods)
        .filter_map(|m| match m {
            MethodRef::Unknown { id, .. } if !known.contains(id) => Some(id),
            _ => None,
        })
        .collect();
    if known.len() + added.len() <= limits.unknown_methods {
        return;
    }
    let mut reports: Vec<&Report> = site
        .reports
        .iter()
        .filter(|r| !changed.contains(&r.source))
        .chain(parsed.iter().filter_map(|(_, r, _)| r.as_ref()))
        .collect();
    reports.sort_by(|a, b| a.source.cmp(&b.source));
    crate::content::check_unknown_methods(root, reports, limits, errors);
}

fn check_slugs(
    site: &Site,
    changed: &BTreeSet<PathBuf>,
    parsed: &[(PathBuf, Option<Report>, Diagnostics)],
    errors: &mut Diagnostics,
) {
    let mut owners: HashMap<&str, &Path> = site
        .reports
        .iter()
        .filter(|r| !changed.contains(&r.source))
        .map(|r| (r.slug.as_str(), r.source.as_path()))
        .collect();
    for (shown, report, _) in parsed {
        let Some(report) = report else { continue };
        if let Some(first) = owners.insert(&report.slug, shown) {
            errors.push(duplicate_slug(shown, &report.slug, first));
        }
    }
}
