//! The theme: templates and static files. The default theme is compiled into the binary; a
//! site's `templates/` and `static/` folders override it file by file.

use std::path::{Component, Path, PathBuf};

macro_rules! embedded {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../themes/default/", $dir, "/", $name)))),*]
    };
}

/// The default theme's templates, by name: the one list of template names. A site may override
/// each of them; all of them are compiled before a build renders (see
/// `Renderer::check_templates`), so a broken `base.html` or `macros.html` is reported up front.
const TEMPLATES: &[(&str, &str)] = embedded!("templates":
    "base.html", "macros.html", "index.html", "reports.html", "report.html", "methods.html",
    "method.html", "counties.html", "county.html", "municipality.html", "years.html", "year.html",
    "matrix.html", "method_county.html", "search.html", "404.html", "feed.xml", "sitemap.xml",
);

/// The name of every template of the theme (those pages use and those they extend or import).
pub fn template_names() -> impl Iterator<Item = &'static str> {
    TEMPLATES.iter().map(|(name, _)| *name)
}

/// The default theme's static files, by output path.
const STATIC_FILES: &[(&str, &str)] = embedded!("static": "style.css", "favicon.svg", "search.js");

/// Where templates and static files come from for one site.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The site's `templates/` folder, when it has one.
    site_templates: Option<PathBuf>,
    /// The site's `static/` folder, when it has one.
    site_static: Option<PathBuf>,
    /// The site root, resolved: links are followed only inside it (`crate::links`).
    root: PathBuf,
}

impl Theme {
    pub fn for_site(root: &Path) -> Theme {
        let dir = |name: &str| Some(root.join(name)).filter(|p| p.is_dir());
        Theme {
            site_templates: dir("templates"),
            site_static: dir("static"),
            root: crate::links::resolved_root(root),
        }
    }

    /// The source of template `name`: the site's own file if it has one, else the default
    /// theme's. Names that climb out of the folder are refused.
    pub fn template_source(&self, name: &str) -> std::io::Result<Option<String>> {
        if let Some(dir) = &self.site_templates {
            // A link leaving the site is skipped (warned about when the site is loaded).
            let path =
                safe_join(dir, name).filter(|p| !p.exists() || crate::links::inside(&self.root, p));
            if let Some(path) = path {
                match std::fs::read_to_string(&path) {
                    Ok(text) => return Ok(Some(text)),
                    Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                    Err(err) => return Err(err),
                }
            }
        }
        Ok(TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| text.to_string()))
    }

    /// Where the user finds template `name` (for messages).
    pub fn template_path(&self, name: &str) -> PathBuf {
        match &self.site_templates {
            Some(dir)
                if dir.join(name).is_file()
                    && crate::links::inside(&self.root, &dir.join(name)) =>
            {
                PathBuf::from("templates").join(name)
            }
            _ => PathBuf::from("themes/default/templates").join(name),
        }
    }

    /// Every static file of the output: the default theme's, then the site's `static/` folder
    /// (which wins on equal paths). Returns `(output path, bytes)`.
    pub fn static_files(&self) -> std::io::Result<Vec<(String, Vec<u8>)>> {
        let mut files: Vec<(String, Vec<u8>)> = STATIC_FILES
            .iter()
            .map(|(n, text)| (n.to_string(), text.as_bytes().to_vec()))
            .collect();
        if let Some(dir) = &self.site_static {
            let mut skipped = Vec::new(); // warned about when the site is loaded
            let walk = walkdir::WalkDir::new(dir)
                .follow_links(true)
                .into_iter()
                .filter_entry(|e| crate::links::followed(dir, &self.root, e, &mut skipped));
            for entry in walk {
                let entry = entry.map_err(std::io::Error::other)?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let name = relative.to_string_lossy().replace('\\', "/");
                let bytes = std::fs::read(entry.path())?;
                files.retain(|(n, _)| *n != name);
                files.push((name, bytes));
            }
        }
        Ok(files)
    }
}

/// `dir/name` when `name` is a plain relative path without `..`.
pub fn safe_join(dir: &Path, name: &str) -> Option<PathBuf> {
    let relative = Path::new(name);
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| dir.join(relative))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_templates_override_the_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/404.html"), "egen").unwrap();
        let theme = Theme::for_site(dir.path());
        assert_eq!(theme.template_source("404.html").unwrap().unwrap(), "egen");
        assert!(theme
            .template_source("base.html")
            .unwrap()
            .unwrap()
            .contains("<html"));
        assert!(theme.template_source("../x.html").unwrap().is_none());
        assert!(theme.template_source("nope.html").unwrap().is_none());
    }

    #[test]
    fn joins_refuse_parent_components() {
        assert!(safe_join(Path::new("/a"), "../b").is_none());
        assert!(safe_join(Path::new("/a"), "/etc/passwd").is_none());
        assert_eq!(
            safe_join(Path::new("/a"), "b/c.html"),
            Some(PathBuf::from("/a/b/c.html"))
        );
    }
}
