//! Renders pages of the plan with MiniJinja and the theme. Owns the order of a page's making:
//! templates checked up front, then per page its context, its template and its bytes.
//!
//! - [`environment`]: the MiniJinja set-up (loader, formatter, functions, `site` global);
//! - [`views`]: the values many pages share (county, kommun and method references, cards);
//! - [`lists`]: lists derived from a set of reports (methods used, years, related reports);
//! - [`pages`]: each page template's context;
//! - [`paging`]: the pages of a list and their pager;
//! - [`feeds`]: the Atom feeds, the site's and each term's;
//! - [`charts`]: the data of each page's maps and charts;
//! - [`cards`]: the card HTML cache the dev server keeps across rebuilds;
//! - [`errors`]: template errors as diagnostics.

mod cards;
mod charts;
mod environment;
mod errors;
mod feeds;
mod lists;
mod pages;
mod paging;
mod views;

use minijinja::Environment;

use crate::diagnostics::Diagnostic;
use crate::theme::Theme;

use super::data;
use super::model::Site;
use super::plan::{PageKind, RenderOptions, Urls};

pub use cards::CardCache;
pub use lists::RELATED_WINDOW;

pub struct Renderer<'s> {
    site: &'s Site,
    options: RenderOptions,
    env: Environment<'static>,
    theme: Theme,
    urls: Urls,
    views: views::Views,
}

impl<'s> Renderer<'s> {
    /// A renderer of `site` that keeps report cards' HTML in `cards` (which must hold only
    /// cards of the current reports, templates and vocabulary; see [`CardCache`]). A fresh
    /// `CardCache::default()` is right for anything but the dev server.
    pub fn new(
        site: &'s Site,
        theme: Theme,
        options: RenderOptions,
        cards: &CardCache,
    ) -> Renderer<'s> {
        let urls = Urls::new(&site.config);
        let env = environment::environment(site, &theme, &urls, options, cards.clone());
        Renderer {
            site,
            options,
            env,
            theme,
            views: views::Views::new(site, &urls),
            urls,
        }
    }

    pub fn urls(&self) -> &Urls {
        &self.urls
    }

    /// Every output file this renderer makes.
    pub fn plan(&self) -> Vec<PageKind> {
        super::plan::full_plan(self.site, self.options)
    }

    /// Compiles every template of the theme once (the pages' and those they extend or import,
    /// `base.html` and `macros.html`), so that syntax errors in a site's overrides are
    /// reported all together before anything renders.
    pub fn check_templates(&self) -> Vec<Diagnostic> {
        let mut names: Vec<&str> = crate::theme::template_names().collect();
        names.sort_unstable();
        names
            .into_iter()
            .filter_map(|name| {
                self.env
                    .get_template(name)
                    .err()
                    .map(|e| errors::template_error(&self.theme, name, &e))
            })
            .collect()
    }

    /// The output file's path (inside the output folder) and content.
    pub fn render(&self, page: PageKind) -> Result<(String, Vec<u8>), Diagnostic> {
        let url = self.urls.of(self.site, page);
        let path = self.urls.output_path(&url);
        let bytes = match page.template() {
            Some(name) => self.render_template(name, page, &url)?,
            // The data files are made in code.
            None if page == PageKind::ReportsJson => data::reports_json(self.site, &self.urls),
            None => data::matrix_csv(self.site),
        };
        Ok((path, bytes))
    }

    fn render_template(
        &self,
        name: &str,
        page: PageKind,
        url: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let error = |e: minijinja::Error| errors::template_error(&self.theme, name, &e);
        let ctx = self.context(page, url);
        let template = self.env.get_template(name).map_err(error)?;
        Ok(template.render(ctx).map_err(error)?.into_bytes())
    }
}
