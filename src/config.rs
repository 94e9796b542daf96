//! `site.yaml`: the site's title, address and URL segment names. Optional: a folder with only
//! `content/` builds with the defaults.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::vocabulary::slugify;
use crate::yaml;

/// URL segment names (Swedish by default).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Paths {
    pub reports: String,
    pub methods: String,
    pub counties: String,
    pub municipalities: String,
    pub years: String,
    pub matrix: String,
    pub search: String,
    /// The segment before a list's page number (`/rapporter/sida/2/`).
    pub page: String,
}

impl Default for Paths {
    fn default() -> Self {
        Paths {
            reports: "rapporter".into(),
            methods: "metoder".into(),
            counties: "lan".into(),
            municipalities: "kommuner".into(),
            years: "ar".into(),
            matrix: "matris".into(),
            search: "sok".into(),
            page: "sida".into(),
        }
    }
}

impl Paths {
    fn all(&self) -> [(&'static str, &str); 8] {
        [
            ("reports", &self.reports),
            ("methods", &self.methods),
            ("counties", &self.counties),
            ("municipalities", &self.municipalities),
            ("years", &self.years),
            ("matrix", &self.matrix),
            ("search", &self.search),
            ("page", &self.page),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// Absolute address of the published site, ending with `/`; `/` when unknown.
    pub base_url: String,
    pub language: String,
    pub paths: Paths,
    /// How many reports the overview shows as newest (the feeds list 50).
    pub newest: usize,
    /// How many reports one page of a list shows (every list after that many is split into
    /// pages).
    pub paginate_by: usize,
    pub limits: Limits,
}

/// How much one report or one site may hold (`limits:` in site.yaml). They keep a careless or
/// hostile file from making the build's work or output explode; each is far above what real
/// reports need, and a report over one is an error that names the limit and this key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Bytes between a report's `---` lines.
    pub frontmatter_bytes: usize,
    /// Bytes of a report's Markdown body.
    pub body_bytes: usize,
    /// Values in one frontmatter list (`municipalities`, `methods`, `tags` …).
    pub values_per_field: usize,
    /// Bytes of one frontmatter value.
    pub value_bytes: usize,
    /// Distinct methods outside the vocabulary in the whole site (each gets a page).
    pub unknown_methods: usize,
    /// Levels of elements nested in a report's body (Markdown's and raw HTML's together).
    pub nesting_depth: usize,
    /// Cells of all tables in a report's body, short rows counted as wide as their header.
    pub table_cells: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            frontmatter_bytes: 64 * 1024,
            body_bytes: 4 * 1024 * 1024,
            // All 290 kommuner fit.
            values_per_field: 500,
            value_bytes: 4096,
            unknown_methods: 1000,
            nesting_depth: 100,
            table_cells: 50_000,
        }
    }
}

impl Limits {
    /// Each limit with its key in site.yaml and the most it may be raised to.
    fn all(&self) -> [(&'static str, usize, usize); 7] {
        [
            (
                "frontmatter_bytes",
                self.frontmatter_bytes,
                16 * 1024 * 1024,
            ),
            ("body_bytes", self.body_bytes, 256 * 1024 * 1024),
            ("values_per_field", self.values_per_field, 100_000),
            ("value_bytes", self.value_bytes, 1024 * 1024),
            ("unknown_methods", self.unknown_methods, 100_000),
            ("nesting_depth", self.nesting_depth, 10_000),
            ("table_cells", self.table_cells, 10_000_000),
        ]
    }
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "FoU-rapporter".into(),
            description: String::new(),
            base_url: "/".into(),
            language: "sv".into(),
            paths: Paths::default(),
            newest: 10,
            paginate_by: 50,
            limits: Limits::default(),
        }
    }
}

impl SiteConfig {
    /// Reads `root/site.yaml`; a missing file gives the defaults. Problems go to `diagnostics`.
    pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> SiteConfig {
        let path = root.join("site.yaml");
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return SiteConfig::default(),
            Err(err) => {
                diagnostics.push(
                    Diagnostic::error(
                        "site.yaml",
                        format!("cannot read the site configuration: {err}"),
                    )
                    .with_hint("site.yaml must be a readable UTF-8 file"),
                );
                return SiteConfig::default();
            }
        };
        Self::parse(&text, diagnostics)
    }

    pub fn parse(text: &str, diagnostics: &mut Diagnostics) -> SiteConfig {
        if text.trim().is_empty() {
            return SiteConfig::default();
        }
        let mut config: SiteConfig = match yaml::from_str(text) {
            Ok(config) => config,
            Err(err) => {
                let span = Span::new(err.line.unwrap_or(1), err.col.unwrap_or(1), 1);
                diagnostics.push(
                    Diagnostic::error("site.yaml", format!("invalid site configuration: {}", err.message))
                        .at_in(span, text)
                        .with_hint("known keys are `title`, `description`, `base_url`, `language`, `paths`, `newest`, `paginate_by` and `limits`"),
                );
                return SiteConfig::default();
            }
        };
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        let mut seen = Vec::new();
        for (key, segment) in config.paths.all() {
            if segment.is_empty() || slugify(segment) != segment {
                diagnostics.push(
                    Diagnostic::error(
                        "site.yaml",
                        format!(
                            "`paths.{key}` must be a URL name such as `{}`, found `{segment}`",
                            slugify(segment)
                        ),
                    )
                    .with_hint("use lowercase letters a–z, digits and `-`"),
                );
            } else if seen.contains(&segment) {
                diagnostics.push(
                    Diagnostic::error(
                        "site.yaml",
                        format!("`paths.{key}` uses `{segment}`, which another path already uses"),
                    )
                    .with_hint("give every kind of page its own segment"),
                );
            }
            seen.push(segment);
        }
        if config.paginate_by == 0 {
            diagnostics.push(
                Diagnostic::error(
                    "site.yaml",
                    "`paginate_by` must be at least 1, found 0".to_string(),
                )
                .with_hint("the number of reports per page of a list; remove the line for the default (50)"),
            );
            config.paginate_by = SiteConfig::default().paginate_by;
        }
        for (key, value, most) in config.limits.all() {
            if value == 0 || value > most {
                diagnostics.push(
                    Diagnostic::error(
                        "site.yaml",
                        format!("`limits.{key}` must be between 1 and {most}, found {value}"),
                    )
                    .with_hint("raise a limit only as far as the site needs; remove the line for the default"),
                );
            }
        }
        config
    }

    /// The path part of `base_url` (`/` or `/fou/`), prefixed to every URL.
    pub fn base_path(&self) -> &str {
        let rest = match self.base_url.split_once("://") {
            Some((_, rest)) => rest,
            None => {
                return if self.base_url.starts_with('/') {
                    &self.base_url
                } else {
                    "/"
                }
            }
        };
        rest.find('/').map_or("/", |i| &rest[i..])
    }

    /// Scheme and host of `base_url` (`https://example.org`), or "" when it has none.
    pub fn origin(&self) -> &str {
        match self.base_url.split_once("://") {
            Some((scheme, rest)) => {
                let host_end = rest.find('/').unwrap_or(rest.len());
                &self.base_url[..scheme.len() + 3 + host_end]
            }
            None => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut diags = Diagnostics::new();
        let config = SiteConfig::load(dir.path(), &mut diags);
        assert!(diags.is_empty());
        assert_eq!(config.paths.reports, "rapporter");
        assert_eq!(config.base_path(), "/");
    }

    #[test]
    fn base_url_gives_path_and_origin() {
        let mut diags = Diagnostics::new();
        let config = SiteConfig::parse("base_url: https://example.org/fou\n", &mut diags);
        assert_eq!(config.base_url, "https://example.org/fou/");
        assert_eq!(config.base_path(), "/fou/");
        assert_eq!(config.origin(), "https://example.org");
    }

    #[test]
    fn unknown_keys_and_bad_segments_are_errors() {
        let mut diags = Diagnostics::new();
        SiteConfig::parse("title: A\ntitel: B\n", &mut diags);
        assert_eq!(
            diags.items()[0].span.map(|s| s.line),
            Some(2),
            "{}",
            diags.render()
        );
        let mut diags = Diagnostics::new();
        SiteConfig::parse("paths:\n  reports: Rapporter Nu\n", &mut diags);
        assert!(diags.has_errors());
        let mut diags = Diagnostics::new();
        SiteConfig::parse("paths:\n  page: Sida\n", &mut diags);
        assert!(diags.render().contains("paths.page"), "{}", diags.render());
    }

    #[test]
    fn page_size_is_at_least_one() {
        let mut diags = Diagnostics::new();
        let config = SiteConfig::parse("paginate_by: 7\n", &mut diags);
        assert_eq!((config.paginate_by, diags.is_empty()), (7, true));
        assert_eq!(SiteConfig::default().paginate_by, 50);
        let mut diags = Diagnostics::new();
        SiteConfig::parse("paginate_by: 0\n", &mut diags);
        assert!(diags.has_errors());
        assert!(diags.render().contains("`paginate_by` must be at least 1"));
    }
}
