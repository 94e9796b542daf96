//! Which pages of the dev server's site are rendered and which wait until a browser asks for
//! them. Owns the rule that start-up and an edit cost what is looked at, not the size of the
//! site: opening the workspace only lists the pages (path → [`PageKey`]); a page is rendered
//! when first requested and kept until an edit changes it (the dependency map says which), and
//! an edit re-renders at once only the changed pages a browser asked for lately, so that the
//! reload finds them ready.

use std::collections::{BTreeSet, HashSet, VecDeque};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::theme::Theme;

use super::super::model::Site;
use super::super::plan::{PageKind, RenderOptions, Urls};
use super::super::render::Renderer;
use super::edits::{key_of, resolve, PageKey};
use super::{Outcome, Workspace};

/// Output path → the page to render there, for every page not rendered (or out of date since
/// an edit). A persistent map, shared with the server's snapshots at no cost.
pub type Unrendered = imbl::HashMap<String, PageKey>;

/// How many of the pages rendered on request are remembered as being looked at.
const RECENT: usize = 16;

/// The pages a browser asked for lately, newest last.
#[derive(Debug, Default)]
pub(super) struct Recent(VecDeque<String>);

impl Recent {
    fn note(&mut self, path: &str) {
        if let Some(at) = self.0.iter().position(|p| p == path) {
            self.0.remove(at);
        }
        if self.0.len() == RECENT {
            self.0.pop_front();
        }
        self.0.push_back(path.to_string());
    }

    fn contains(&self, path: &str) -> bool {
        self.0.iter().any(|p| p == path)
    }
}

/// Every page of `site` as waiting to be rendered, once its templates compile: what a site
/// needs before it may replace the served one.
pub(super) fn prepare_pages(
    site: &Site,
    root: &std::path::Path,
    options: RenderOptions,
    statics: &HashSet<String>,
) -> Result<Unrendered, Diagnostics> {
    let errors = super::super::check_templates(site, root, options);
    if errors.iter().any(Diagnostic::is_error) {
        return Err(errors.into_iter().collect());
    }
    list_pages(site, options, statics)
}

/// Every page of `site` as waiting to be rendered, except where a static file takes its path
/// (as in a build, where static files are copied over the pages); an error when two pages
/// would share a path.
pub(super) fn list_pages(
    site: &Site,
    options: RenderOptions,
    statics: &HashSet<String>,
) -> Result<Unrendered, Diagnostics> {
    let urls = Urls::new(&site.config);
    let mut pages = Unrendered::new();
    for page in super::super::full_plan(site, options) {
        let path = urls.output_path(&urls.of(site, page));
        if statics.contains(&path) {
            continue;
        }
        if pages.insert(path.clone(), key_of(site, page)).is_some() {
            return Err(super::super::two_pages_at(std::path::Path::new("(memory)"), &path).into());
        }
    }
    Ok(pages)
}

impl Workspace {
    /// The pages not rendered yet (or out of date): render them with
    /// [`Workspace::render_requested`] before serving them.
    pub fn unrendered(&self) -> &Unrendered {
        &self.unrendered
    }

    /// Renders the pages at `paths` that wait to be rendered (other paths are passed over), and
    /// remembers them as looked at, so that edits re-render them at once.
    pub fn render_requested(&mut self, paths: &[String]) -> Result<(), Diagnostics> {
        let Some(site) = &self.site else {
            return Ok(());
        };
        let mut pages = BTreeSet::new();
        for path in paths {
            let Some(key) = self.unrendered.get(path) else {
                continue;
            };
            match resolve(site, &self.lookup, key) {
                Some(page) => {
                    pages.insert(page);
                    self.recent.note(path);
                }
                // Not a page any more; no edit should leave one behind, but never serve it.
                None => {
                    self.unrendered.remove(path);
                }
            }
        }
        self.render_now(&pages, &mut Outcome::default())
    }

    /// Renders every page not rendered yet: afterwards the workspace holds the whole site, as a
    /// build writes it.
    pub fn render_all(&mut self) -> Result<(), Diagnostics> {
        let paths: Vec<String> = self.unrendered.keys().cloned().collect();
        let recent = std::mem::take(&mut self.recent);
        let result = self.render_requested(&paths);
        self.recent = recent;
        result
    }

    /// After an edit: `pages` of the current site are out of date and the files at `gone` no
    /// longer exist. Pages looked at lately are rendered now, the others when asked for.
    pub(super) fn refresh_pages(
        &mut self,
        pages: &BTreeSet<PageKind>,
        gone: Vec<String>,
        outcome: &mut Outcome,
    ) -> Result<(), Diagnostics> {
        let Some(site) = &self.site else {
            return Ok(());
        };
        let urls = Urls::new(&site.config);
        let mut files = (*self.files).clone();
        let mut now = BTreeSet::new();
        let mut kept = HashSet::new();
        for &page in pages {
            if !self.options.search_page && page == PageKind::Search {
                continue;
            }
            let path = urls.output_path(&urls.of(site, page));
            if self.statics.contains(&path) {
                continue;
            }
            kept.insert(path.clone());
            if self.recent.contains(&path) {
                now.insert(page);
                continue;
            }
            files.remove(&path);
            outcome.deferred += 1;
            self.unrendered.insert(path, key_of(site, page));
        }
        for path in gone {
            if kept.contains(&path) {
                continue;
            }
            let was_file = files.remove(&path).is_some();
            if self.unrendered.remove(&path).is_some() || was_file {
                outcome.removed += 1;
            }
        }
        self.files = std::sync::Arc::new(files);
        outcome.content_changed = true;
        self.render_now(&now, outcome)
    }

    /// Every page of the site out of date (new templates, a new model), `unrendered` its pages
    /// (from [`prepare_pages`]): only the static files stay; the pages looked at lately are
    /// rendered now.
    pub(super) fn refresh_all_pages(
        &mut self,
        unrendered: Unrendered,
        outcome: &mut Outcome,
    ) -> Result<(), Diagnostics> {
        let Some(site) = &self.site else {
            return Ok(());
        };
        let now: BTreeSet<PageKind> = self
            .recent
            .0
            .iter()
            .filter_map(|path| resolve(site, &self.lookup, unrendered.get(path)?))
            .collect();
        let files = self
            .files
            .iter()
            .filter(|(path, _)| self.statics.contains(*path))
            .map(|(path, bytes)| (path.clone(), bytes.clone()))
            .collect();
        outcome.deferred += unrendered.len();
        self.unrendered = unrendered;
        self.files = std::sync::Arc::new(files);
        outcome.content_changed = true;
        self.render_now(&now, outcome)
    }

    /// Renders `pages` into a new file map. Pages that fail keep waiting (and fail again when
    /// asked for, until the template is fixed).
    fn render_now(
        &mut self,
        pages: &BTreeSet<PageKind>,
        outcome: &mut Outcome,
    ) -> Result<(), Diagnostics> {
        let Some(site) = &self.site else {
            return Ok(());
        };
        if pages.is_empty() {
            return Ok(());
        }
        let renderer = Renderer::new(site, Theme::for_site(&self.root), self.options, &self.cards);
        let rendered: Vec<_> = pages
            .par_iter()
            .map(|&page| (page, renderer.render(page)))
            .collect();
        drop(renderer);
        let urls = Urls::new(&site.config);
        let mut files = (*self.files).clone();
        let mut errors = Diagnostics::new();
        for (page, result) in rendered {
            match result {
                Ok((path, bytes)) => {
                    self.unrendered.remove(&path);
                    files.insert(path, bytes.into());
                    outcome.rendered += 1;
                }
                Err(d) => {
                    let path = urls.output_path(&urls.of(site, page));
                    files.remove(&path);
                    self.unrendered.insert(path, key_of(site, page));
                    errors.push(d);
                }
            }
        }
        self.files = std::sync::Arc::new(files);
        if errors.has_errors() {
            errors.sort();
            return Err(errors);
        }
        Ok(())
    }
}
