//! A site kept in memory and brought up to date after edits, for the dev server.
//!
//! Pages are rendered when first asked for and kept (see [`pages`]). A changed report
//! re-parses only its own file and puts out of date only the pages the dependency map names
//! for it before and after the edit (just its own page when only the body changed); a template
//! change puts every page out of date without re-parsing; `site.yaml` or the vocabulary reload
//! everything. While any file has errors the last good site stays as it is, and the edits wait
//! until the errors are fixed.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::content::{discover, load_file, period, Report};
use crate::diagnostics::{display_path, Diagnostics};
use crate::theme::Theme;

use super::deps::pages_of_report;
use super::model::{ReportIdx, Site};
use super::plan::{PageKind, RenderOptions};
use super::{load, CardCache, Urls};

mod changes;
mod drafts;
mod edits;
mod lookup;
mod pages;

pub use super::model::ReportChanges;
pub use changes::{ChangeSet, Outcome};
pub use edits::PageKey;
pub use pages::Unrendered;

/// Output path → bytes of the files rendered so far and the static files. Shared with the
/// server and replaced after each rebuild; a persistent map, so the new one shares every page
/// the rebuild did not touch with the old (a copy costs nothing, an update only its own path in
/// the tree).
pub type Files = imbl::HashMap<String, Arc<[u8]>>;

pub struct Workspace {
    root: PathBuf,
    drafts: bool,
    options: RenderOptions,
    site: Option<Site>,
    files: Arc<Files>,
    /// The pages not in `files` yet, or out of date there.
    unrendered: Unrendered,
    /// The output paths of the static files, which take precedence over pages.
    statics: HashSet<String>,
    /// Reports by URL name and by file, rebuilt with the model.
    lookup: lookup::Lookup,
    /// The pages asked for lately, re-rendered at once when an edit changes them.
    recent: pages::Recent,
    /// Changes not yet applied because some file has errors.
    pending: ChangeSet,
    errors: Option<Diagnostics>,
    report_changes: ReportChanges,
    /// Report cards kept across rebuilds (see [`CardCache`]).
    cards: CardCache,
    /// The URL names of the drafts left out (none with `--drafts`).
    kept_drafts: drafts::KeptDrafts,
}

impl Workspace {
    /// Loads the site at `root` (an absolute path), checks its templates and lists its pages;
    /// they are rendered when asked for ([`Workspace::render_requested`]).
    pub fn open(
        root: &Path,
        drafts: bool,
        options: RenderOptions,
    ) -> Result<(Workspace, Diagnostics), Diagnostics> {
        let (site, mut diagnostics) = load(root, drafts, false);
        let Some(site) = site else {
            return Err(diagnostics);
        };
        let (files, statics) = static_files(root)?;
        let unrendered = match pages::prepare_pages(&site, root, options, &statics) {
            Ok(unrendered) => unrendered,
            Err(errors) => {
                diagnostics.extend(errors);
                diagnostics.sort();
                return Err(diagnostics);
            }
        };
        let workspace = Workspace {
            root: root.to_path_buf(),
            drafts,
            options,
            kept_drafts: kept_drafts(root, drafts, &site),
            lookup: lookup::Lookup::new(&site),
            site: Some(site),
            files: Arc::new(files),
            unrendered,
            statics,
            recent: pages::Recent::default(),
            pending: ChangeSet::default(),
            errors: None,
            report_changes: ReportChanges::default(),
            cards: CardCache::default(),
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

    /// The report with this URL name in the current site.
    pub fn report_by_slug(&self, slug: &str) -> Option<ReportIdx> {
        self.lookup.by_slug(slug)
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
        let unrendered = pages::prepare_pages(&site, &self.root, self.options, &self.statics)?;
        // The vocabulary or the URLs may have changed: every card with them.
        self.cards = CardCache::default();
        self.kept_drafts = kept_drafts(&self.root, self.drafts, &site);
        self.lookup = lookup::Lookup::new(&site);
        self.site = Some(site);
        self.report_changes.everything = true;
        self.refresh_all_pages(unrendered, outcome)
    }

    fn rerender_everything(&mut self, outcome: &mut Outcome) -> Result<(), Diagnostics> {
        let Some(site) = &self.site else {
            return Ok(());
        };
        let unrendered = pages::prepare_pages(site, &self.root, self.options, &self.statics)?;
        self.cards = CardCache::default();
        self.refresh_all_pages(unrendered, outcome)
    }

    fn copy_static_files(&mut self, outcome: &mut Outcome) -> Result<(), Diagnostics> {
        let (files, statics) = static_files(&self.root)?;
        let mut map = (*self.files).clone();
        let mut css_only = true;
        for (path, bytes) in files {
            if map.get(&path).is_some_and(|old| *old == bytes) {
                continue;
            }
            css_only &= path.ends_with(".css");
            self.unrendered.remove(&path);
            map.insert(path, bytes);
            outcome.rendered += 1;
        }
        // A static file removed: its path is a page's again, if the site has one there.
        for gone in self.statics.difference(&statics) {
            map.remove(gone);
            outcome.removed += 1;
            css_only = false;
        }
        if let Some(site) = &self.site {
            if self.statics.difference(&statics).next().is_some() {
                let pages = pages::list_pages(site, self.options, &statics)?;
                for (path, key) in pages.into_iter() {
                    if !map.contains_key(&path) && !self.unrendered.contains_key(&path) {
                        self.unrendered.insert(path, key);
                    }
                }
            }
        }
        self.statics = statics;
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
            (site, &self.lookup),
            &changed,
            (&parsed, &drafts, &self.kept_drafts),
            &mut outcome.warnings,
        )?;
        drafts::update(&mut self.kept_drafts, &changed, &drafts);
        if let Some(edits) = edits::body_edits(site, &self.lookup, &parsed) {
            return self.apply_body_edits(edits, outcome);
        }
        let old_pages = edits::old_pages(site, &changed, &self.lookup);
        let Some(old_site) = self.site.take() else {
            return Ok(());
        };
        let (new_site, renamed_methods) = self.rebuild_model(old_site, &changed, parsed);
        self.lookup = lookup::Lookup::new(&new_site);
        let (pages, gone) = self.pages_after_edit(&new_site, &changed, &renamed_methods, old_pages);
        self.site = Some(new_site);
        self.refresh_pages(&pages, gone, outcome)
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
        edits: Vec<(ReportIdx, Report)>,
        outcome: &mut Outcome,
    ) -> Result<(), Diagnostics> {
        let Some(site) = self.site.as_mut() else {
            return Ok(());
        };
        let mut pages = BTreeSet::new();
        for (r, new) in edits {
            self.report_changes.changed.insert(new.slug.clone());
            site.reports[r.position()] = new;
            pages.insert(PageKind::Report(r));
        }
        self.refresh_pages(&pages, Vec::new(), outcome)
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
        let mut gone: Vec<String> = Vec::new();
        for (key, path) in old_pages {
            match edits::resolve(new_site, &self.lookup, &key) {
                Some(page) => {
                    pages.insert(page);
                }
                None => gone.push(path),
            }
        }
        (pages, gone)
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

/// The static files of the site's theme, and their paths.
fn static_files(root: &Path) -> Result<(Files, HashSet<String>), Diagnostics> {
    let files = super::read_static_files(&Theme::for_site(root))?;
    let paths = files.iter().map(|(path, _)| path.clone()).collect();
    let files = files
        .into_iter()
        .map(|(path, bytes)| (path, Arc::from(bytes)))
        .collect();
    Ok((files, paths))
}
