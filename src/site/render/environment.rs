//! The MiniJinja environment of a build: where templates come from, the formatter that makes
//! every output text publishable, the custom functions (`card`, `absolute`) and the `site`
//! global. Owns what a template can call and read besides its page's own context.

use minijinja::value::Value;
use minijinja::{context, Environment};

use crate::theme::Theme;

use super::super::model::Site;
use super::super::plan::{RenderOptions, Urls};
use super::cards::CardCache;

/// The environment every page of `site` is rendered in.
pub(super) fn environment(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    options: RenderOptions,
    cards: CardCache,
) -> Environment<'static> {
    let mut env = Environment::new();
    set_loader(&mut env, theme.clone());
    env.set_formatter(publishable_formatter);
    add_card_function(&mut env, cards);
    let origin = site.config.origin().to_string();
    env.add_function("absolute", move |url: String| format!("{origin}{url}"));
    env.add_global("site", site_global(site, urls, options));
    env
}

/// Templates come from the theme: the site's own file, else the default theme's.
fn set_loader(env: &mut Environment<'static>, theme: Theme) {
    env.set_loader(move |name| match theme.template_source(name) {
        Ok(found) => Ok(found),
        Err(err) => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("cannot read template {name}: {err}"),
        )),
    });
}

/// Every text a template writes is made publishable (see `crate::text`): values from
/// site.yaml, the vocabulary or a theme's own data reach pages without the report loader.
fn publishable_formatter(
    out: &mut minijinja::Output,
    state: &minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    let Some(text) = value.as_str() else {
        return minijinja::escape_formatter(out, state, value);
    };
    let clean = crate::text::publishable(text);
    if matches!(state.auto_escape(), minijinja::AutoEscape::Html) && !value.is_safe() {
        crate::html::escape_into(out, &clean)
            .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
    } else if let std::borrow::Cow::Owned(clean) = clean {
        let clean = if value.is_safe() {
            Value::from_safe_string(clean)
        } else {
            Value::from(clean)
        };
        minijinja::escape_formatter(out, state, &clean)
    } else {
        minijinja::escape_formatter(out, state, value)
    }
}

/// `card(report, level=3)`: the `report_card` macro of `macros.html`, rendered once per report
/// and level and kept in `cards`.
fn add_card_function(env: &mut Environment<'static>, cards: CardCache) {
    env.add_function(
        "card",
        move |state: &minijinja::State, report: Value, level: Option<i64>| {
            let level = level.unwrap_or(3);
            let key = (report.get_attr("url")?.to_string(), level);
            if let Some(found) = cards.get(&key) {
                return Ok(found);
            }
            let macros = state.env().get_template("macros.html")?;
            let html = macros
                .render_captured(())?
                .state()
                .call_macro("report_card", &[report, Value::from(level)])?;
            let html = Value::from_safe_string(html);
            cards.insert(key, html.clone());
            Ok(html)
        },
    );
}

/// The `site` global: the site's settings, counts and the URLs every page links to.
fn site_global(site: &Site, urls: &Urls, options: RenderOptions) -> Value {
    let config = &site.config;
    let counts = context! {
        reports => site.reports.len(),
        methods => site.used_methods().count(),
        counties => site.used_counties().count(),
        municipalities => site.used_municipalities().count(),
    };
    let site_urls = context! {
        home => urls.home(),
        reports => urls.reports(),
        methods => urls.methods(),
        counties => urls.counties(),
        years => urls.years(),
        matrix => urls.matrix(),
        // None in a build without the search page; the theme hides its links then.
        search => options.search_page.then(|| urls.search()),
        reports_json => urls.reports_json(),
        matrix_csv => urls.matrix_csv(),
        feed => urls.feed(),
        sitemap => urls.sitemap(),
        stylesheet => urls.file("style.css"),
        search_script => urls.file("search.js"),
        favicon => urls.file("favicon.svg"),
    };
    context! {
        title => &config.title,
        description => &config.description,
        base_url => &config.base_url,
        base_path => config.base_path(),
        language => &config.language,
        generator => concat!("fouweb ", env!("CARGO_PKG_VERSION")),
        urls => site_urls,
        counts => counts,
    }
}
