//! A site kept in memory and brought up to date after edits, for the dev server.
//!
//! A changed report re-parses only its own file and re-renders only the pages the dependency
//! map names for it before and after the edit (just its own page when only the body changed);
//! a template change re-renders without re-parsing; `site.yaml` or the vocabulary rebuild
//! everything. While any file has errors the last good site stays as it is, and the edits wait
//! until the errors are fixed.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::content::{discover, load_file, period, Report};
use crate::diagnostics::{display_path, Diagnostic, Diagnostics};
use crate::theme::Theme;

use super::deps::pages_of_report;
use super::model::{ReportIdx, Site};
use super::plan::{PageKind, RenderOptions};
use super::render::Renderer;
use super::{load, render_into, CardCache, MemorySite, Urls};

mod changes;
mod drafts;
mod edits;

pub use super::model::ReportChanges;
pub use changes::{ChangeSet, Outcome};

/// Output path → bytes. Shared with the server and replaced after each rebuild; a persistent
/// map, so the new one shares every page the rebuild did not touch with the old (a copy costs
/// nothing, an update only its own path in the tree).
pub type Files = imbl::HashMap<String, Arc<[u8]>>;

/// Outputs that list every report (the sitemap and the open data). After an edit they are not
/// rendered before the reload but when first asked for (see [`Workspace::render_stale`]), so
/// that an edit costs what it changed, not the size of the site.
const ON_REQUEST: [PageKind; 2] = [PageKind::Sitemap, PageKind::ReportsJson];

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
    /// The URL names of the drafts left out (none with `--drafts`).
    kept_drafts: drafts::KeptDrafts,
    /// Pages of [`ON_REQUEST`] whose files are out of date since an edit.
    stale: BTreeSet<PageKind>,
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
        let kept_drafts = kept_drafts(root, drafts, &site);
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
            kept_drafts,
            stale: BTreeSet::new(),
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

    /// Output paths of the files left out of date by the edits since they were last rendered:
    /// render them with [`Workspace::render_stale`] before serving them.
    pub fn stale_paths(&self) -> HashSet<String> {
        let Some(site) = &self.site else {
            return HashSet::new();
        };
        let urls = Urls::new(&site.config);
        self.stale
            .iter()
            .map(|&page| urls.output_path(&urls.of(site, page)))
            .collect()
    }

    /// Renders the files edits left out of date (see [`ON_REQUEST`]).
    pub fn render_stale(&mut self) -> Result<(), Diagnostics> {
        if self.stale.is_empty() {
            return Ok(());
        }
        let pages = std::mem::take(&mut self.stale);
        let mut scratch = Outcome::default();
        let rendered = self.render_pages(&pages, Vec::new(), &mut scratch);
        if rendered.is_err() {
            self.stale = pages;
        }
        rendered
    }

    /// Applies `changes` (and any still pending) and re-renders what they affect.
    pub fn apply(&mut self, changes: ChangeSet) -> Outcome {
        let started = Instant::now();
        self.pending.merge(changes);
        let pending = std::mem::take(&mut self.pending);
        let mut outcome = Outcome::default();
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
        self.kept_drafts = kept_drafts(&self.root, self.drafts, &site);
        self.stale.clear();
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
        self.stale.clear();
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
        let (parsed, drafts) = self.parse(site, &paths);
        edits::check(
            &self.root,
            site,
            &changed,
            (&parsed, &drafts, &self.kept_drafts),
            &mut outcome.warnings,
        )?;
        drafts::update(&mut self.kept_drafts, &changed, &drafts);
        let old_index = edits::index_by_source(site);
        if let Some(edits) = edits::body_edits(site, &old_index, &parsed) {
            return self.apply_body_edits(edits, outcome);
        }
        let old_pages = edits::old_pages(site, &changed, &old_index);
        let Some(old_site) = self.site.take() else {
            return Ok(());
        };
        let (new_site, renamed_methods) = self.rebuild_model(old_site, &changed, parsed);
        let (pages, gone) = self.pages_after_edit(&new_site, &changed, &renamed_methods, old_pages);
        self.site = Some(new_site);
        let pages = self.defer_on_request(pages);
        self.render_pages(&pages, gone, outcome)
    }

    /// Each file of `paths` parsed: its path as shown, its report (`None` when deleted, or a
    /// draft without `--drafts`) and its diagnostics.
    /// The drafts left out come back apart, for the URL-name check.
    fn parse(
        &self,
        site: &Site,
        paths: &BTreeSet<PathBuf>,
    ) -> (Vec<edits::Parsed>, Vec<edits::LeftOutDraft>) {
        let all: Vec<(edits::Parsed, Option<edits::LeftOutDraft>)> = paths
            .par_iter()
            .map(|path| {
                let shown = display_path(&self.root, path);
                if !path.is_file() {
                    return ((shown, None, Diagnostics::new()), None);
                }
                let (report, diagnostics) =
                    load_file(&self.root, path, &site.vocabulary, &site.config.limits);
                match report {
                    Some(r) if r.draft && !self.drafts => {
                        let draft = (shown.clone(), r.slug);
                        ((shown, None, diagnostics), Some(draft))
                    }
                    report => ((shown, report, diagnostics), None),
                }
            })
            .collect();
        let mut drafts = Vec::new();
        let parsed = all
            .into_iter()
            .map(|(parsed, draft)| {
                drafts.extend(draft);
                parsed
            })
            .collect();
        (parsed, drafts)
    }

    /// Titles and every other field are unchanged, so each report keeps its place and only its
    /// own page changes: no new model, no other page.
    fn apply_body_edits(
        &mut self,
        edits: Vec<(usize, Report)>,
        outcome: &mut Outcome,
    ) -> Result<(), Diagnostics> {
        let Some(site) = self.site.as_mut() else {
            return Ok(());
        };
        let mut pages = BTreeSet::new();
        for (i, new) in edits {
            self.report_changes.changed.insert(new.slug.clone());
            site.reports[i] = new;
            pages.insert(PageKind::Report(ReportIdx::at(i)));
        }
        self.render_pages(&pages, Vec::new(), outcome)
    }

    /// The model without the old versions of the `changed` reports and with their new ones,
    /// and the methods whose names changed. Forgets the cards the edit made stale.
    fn rebuild_model(
        &mut self,
        old_site: Site,
        changed: &BTreeSet<PathBuf>,
        parsed: Vec<edits::Parsed>,
    ) -> (Site, Vec<usize>) {
        let old_urls = Urls::new(&old_site.config);
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
        (new_site, renamed_methods)
    }

    /// The pages of `new_site` to render after an edit (those the changed reports and the
    /// renamed methods feed now, and those they fed before that still exist), and the output
    /// paths of the pages that are gone.
    fn pages_after_edit(
        &mut self,
        new_site: &Site,
        changed: &BTreeSet<PathBuf>,
        renamed_methods: &[usize],
        old_pages: Vec<(edits::PageKey, String)>,
    ) -> (BTreeSet<PageKind>, Vec<String>) {
        let mut pages: BTreeSet<PageKind> = BTreeSet::new();
        for source in changed {
            let Some(r) = new_site.reports.iter().position(|r| &r.source == source) else {
                continue;
            };
            pages.extend(pages_of_report(new_site, ReportIdx::at(r)));
        }
        for &m in renamed_methods {
            for &r in &new_site.taxonomy.by_method[m] {
                pages.extend(pages_of_report(new_site, r));
                // Search finds reports by their methods' names too.
                let slug = &new_site.report(r).slug;
                self.report_changes.changed.insert(slug.clone());
            }
        }
        let new_slugs = new_site.reports_by_slug();
        let mut gone: Vec<String> = Vec::new();
        for (key, path) in old_pages {
            match edits::resolve(new_site, &new_slugs, &key) {
                Some(page) => {
                    pages.insert(page);
                }
                None => gone.push(path),
            }
        }
        (pages, gone)
    }

    /// `pages` without those of [`ON_REQUEST`], which are marked stale instead.
    fn defer_on_request(&mut self, pages: BTreeSet<PageKind>) -> BTreeSet<PageKind> {
        let (later, now): (BTreeSet<PageKind>, BTreeSet<PageKind>) = pages
            .into_iter()
            .partition(|page| ON_REQUEST.contains(page));
        self.stale.extend(later);
        now
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

fn kept_drafts(root: &Path, drafts: bool, site: &Site) -> drafts::KeptDrafts {
    if drafts {
        return drafts::KeptDrafts::new();
    }
    drafts::left_out(root, site)
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
