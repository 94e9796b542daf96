//! Finds report files under `content/` and reads them in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Limits;
use crate::diagnostics::{display_path, Diagnostic, Diagnostics, Span};
use crate::progress::Stage;
use crate::vocabulary::Vocabulary;

use super::frontmatter::{self, Source};
use super::locate::Locator;
use super::report::{self, Report};
use super::split::{split, SplitError};

/// True for a path (relative to `content/`) that is a report: a `.md` file, with no part of the
/// path starting with `_` or `.` (drafts folders, editor backups, hidden files).
pub fn is_report_path(relative: &Path) -> bool {
    let hidden = relative.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('_') || name.starts_with('.')
    });
    !hidden
        && relative
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// Every report file under `content_dir`, sorted by path.
pub fn discover(content_dir: &Path, diagnostics: &mut Diagnostics, root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    // Links are followed while they stay inside the site (crate::links).
    let resolved = crate::links::resolved_root(root);
    let mut skipped = Vec::new();
    let walker = WalkDir::new(content_dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !{
                    let name = e.file_name().to_string_lossy();
                    name.starts_with('_') || name.starts_with('.')
                } && crate::links::followed(root, &resolved, e, &mut skipped)
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(content_dir).unwrap_or(e.path());
                if is_report_path(rel) {
                    files.push(e.into_path());
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_else(|| display_path(root, content_dir));
                diagnostics.push(
                    Diagnostic::error(path, format!("cannot read: {err}"))
                        .with_hint("check the file's permissions, or remove a broken link"),
                );
            }
        }
    }
    for warning in skipped {
        diagnostics.push(warning);
    }
    files.sort();
    files
}

/// Reads and validates every report of the site at `root`. Drafts are left out unless `drafts`.
pub fn load_reports(
    root: &Path,
    vocabulary: &Vocabulary,
    limits: &Limits,
    drafts: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<Report> {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(
                display_path(root, &content_dir),
                "there is no content folder",
            )
            .with_hint(format!(
                "create `{}` with one Markdown file per report, or point `--root` at the site",
                content_dir.display()
            )),
        );
        return Vec::new();
    }
    let files = discover(&content_dir, diagnostics, root);
    // The stage ends in `site::load`, once the model is made.
    let progress = crate::progress::current();
    progress.stage(Stage::Load, files.len() as u64);
    let results: Vec<(Option<Report>, Diagnostics)> = files
        .par_iter()
        .map(|path| {
            let loaded = load_file(root, path, vocabulary, limits);
            progress.tick(1);
            loaded
        })
        .collect();
    let mut reports = Vec::with_capacity(results.len());
    for (report, diags) in results {
        diagnostics.extend(diags);
        reports.extend(report);
    }
    check_unique_slugs(&reports, diagnostics);
    if !drafts {
        reports.retain(|r| !r.draft);
    }
    super::limits::check_unknown_methods(root, &reports, limits, diagnostics);
    reports
}

/// Reads one report file. Used for the whole site and, by the dev server, for one changed file.
pub fn load_file(
    root: &Path,
    path: &Path,
    vocabulary: &Vocabulary,
    limits: &Limits,
) -> (Option<Report>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let shown = display_path(root, path);
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics.push(
                Diagnostic::error(&shown, format!("cannot read the file: {err}"))
                    .with_hint("check that the file exists and is readable"),
            );
            return (None, diagnostics);
        }
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(err) => {
            diagnostics.push(not_utf8(&shown, &bytes, err.valid_up_to()));
            return (None, diagnostics);
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    read_report(&shown, text, &stem, vocabulary, limits)
}

/// Reads one report from its text: `shown` is its path as shown in messages, `stem` its file
/// name without `.md` (the default URL name). What [`load_file`] does once the file is read.
pub fn read_report(
    shown: &Path,
    text: &str,
    stem: &str,
    vocabulary: &Vocabulary,
    limits: &Limits,
) -> (Option<Report>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let (cleaned_text, first_unpublishable) = cleaned(text);
    if let Some(first) = first_unpublishable {
        // Counted and shown as the file has them.
        let raw = text.strip_prefix('\u{feff}').unwrap_or(text);
        diagnostics.push(unpublishable_characters(shown, raw, first));
    }
    let text = cleaned_text;
    let text = text.as_ref();
    let doc = match split(text) {
        Ok(doc) => doc,
        Err(err) => {
            diagnostics.push(split_error(shown, text, err));
            return (None, diagnostics);
        }
    };
    let source = Source {
        file: shown,
        text,
        locator: Locator::new(doc.yaml, doc.yaml_line),
    };
    if let Err(d) = super::limits::check_parts(&source, &doc, limits)
        .and_then(|()| super::limits::check_body(&source, &doc, limits))
    {
        diagnostics.push(d);
        return (None, diagnostics);
    }
    let Some(fm) = frontmatter::parse(&source, &doc, limits, &mut diagnostics) else {
        return (None, diagnostics);
    };
    let report = report::validate(&source, fm, doc.body, stem, vocabulary, &mut diagnostics);
    (report, diagnostics)
}

/// A report file's text as it is read: without a byte-order mark, unpublishable characters
/// replaced (the first one's offset returned, for the warning) and lone carriage returns read
/// as line breaks. Offsets stay those of the file (after the mark).
fn cleaned(text: &str) -> (std::borrow::Cow<'_, str>, Option<usize>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = crate::text::first_unpublishable(text);
    let text = match first {
        Some(first) => std::borrow::Cow::Owned(crate::text::replaced_from(text, first)),
        None => std::borrow::Cow::Borrowed(text),
    };
    let text = match lone_carriage_returns_as_line_breaks(&text) {
        std::borrow::Cow::Owned(changed) => std::borrow::Cow::Owned(changed),
        std::borrow::Cow::Borrowed(_) => text,
    };
    (text, first)
}

/// The Markdown body of the report file at `path`, read again and cleaned as when it was
/// loaded (a build releases the bodies after the pages and reads them again to index them).
pub fn body_again(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let (text, _) = cleaned(text);
    match split(&text) {
        Ok(doc) => Ok(doc.body.to_string()),
        Err(_) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "no longer a report (its frontmatter is gone)",
        )),
    }
}

fn not_utf8(shown: &Path, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let line = valid.matches('\n').count() as u32 + 1;
    let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
    let col = valid[line_start..].chars().count() as u32 + 1;
    Diagnostic::error(shown, format!("the file is not valid UTF-8 (byte 0x{:02X})", bytes[valid_up_to]))
        .at_line(Span::new(line, col, 1), &valid[line_start..])
        .with_hint("save the file as UTF-8; files from Word or old editors are often Latin-1 (ISO-8859-1) or Windows-1252")
}

/// A file saved with old Mac line endings (a carriage return alone) read as lines like any
/// other: each lone `\r` becomes `\n`, byte for byte, so positions stay the same.
fn lone_carriage_returns_as_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let fixed: Vec<u8> = (0..bytes.len())
        .map(|i| if lone(i) { b'\n' } else { bytes[i] })
        .collect();
    // Replacing one ASCII byte by another keeps the text UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(fixed).unwrap_or_else(|_| text.to_string()))
}

/// The warning for control characters in a file (they are replaced, see [`crate::text`]).
fn unpublishable_characters(shown: &Path, text: &str, first: usize) -> Diagnostic {
    let count = text
        .chars()
        .filter(|&c| !crate::text::is_publishable(c))
        .count();
    let line_start = text[..first].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..first].matches('\n').count() as u32 + 1;
    let col = text[line_start..first].chars().count() as u32 + 1;
    let line_text = text[line_start..].lines().next().unwrap_or("");
    let found = text[first..].chars().next().map_or(0, |c| c as u32);
    let more = match count {
        1 => String::new(),
        n => format!(" (and {} more in the file)", n - 1),
    };
    Diagnostic::warning(
        shown,
        format!(
            "control character U+{found:04X} is replaced by U+FFFD ({}){more}",
            crate::text::REPLACEMENT
        ),
    )
    .at_line(Span::new(line, col, 1), line_text)
    .with_hint("such characters (often pasted from a PDF or another program) cannot be published; delete them")
}

fn split_error(shown: &Path, text: &str, err: SplitError) -> Diagnostic {
    match err {
        SplitError::Empty => Diagnostic::error(shown, "the file is empty")
            .at(Span::start())
            .with_hint("a report starts with frontmatter between `---` lines (title, county, period …); see `fouweb new`"),
        SplitError::NoFrontmatter => Diagnostic::error(shown, "the file has no frontmatter")
            .at_in(Span::new(1, 1, text.lines().next().map_or(1, |l| l.chars().count() as u32)), text)
            .with_hint("start the file with a line `---`, the report's `title:`, `county:` and `period:`, and another `---`"),
        SplitError::Unterminated { lines } => Diagnostic::error(shown, "the frontmatter opened on line 1 is never closed")
            .at_in(Span::new(1, 1, 3), text)
            .with_hint(format!("add a line `---` after the last frontmatter key (the file has {lines} lines)")),
    }
}

fn check_unique_slugs(reports: &[Report], diagnostics: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Path> = HashMap::with_capacity(reports.len());
    for r in reports {
        if let Some(first) = seen.insert(&r.slug, &r.source) {
            diagnostics.push(duplicate_slug(&r.source, &r.slug, first));
            seen.insert(&r.slug, first);
        }
    }
}

/// The error for a report at `source` whose URL name `slug` the report at `first` has already.
pub fn duplicate_slug(source: &Path, slug: &str, first: &Path) -> Diagnostic {
    Diagnostic::error(
        source,
        format!("the URL name `{slug}` is also used by {}", first.display()),
    )
    .at(Span::start())
    .with_hint("rename one of the two files, or give one of them a different `slug:`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_mac_line_endings_read_as_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cr.md");
        std::fs::write(
            &path,
            "---\rtitle: CR\rcounty: Gotland\rperiod: 2015\r---\rText.\r",
        )
        .unwrap();
        let (report, diagnostics) =
            load_file(dir.path(), &path, Vocabulary::builtin(), &Limits::default());
        assert!(diagnostics.is_empty(), "{}", diagnostics.render());
        assert_eq!(report.unwrap().title, "CR");
        assert_eq!(
            lone_carriage_returns_as_line_breaks("a\r\nb\rc"),
            "a\r\nb\nc"
        );
    }

    #[test]
    fn report_paths_skip_hidden_and_underscored_parts() {
        assert!(is_report_path(Path::new("a.md")));
        assert!(is_report_path(Path::new("2015/b.MD")));
        assert!(!is_report_path(Path::new("_drafts/a.md")));
        assert!(!is_report_path(Path::new(".a.md.swp")));
        assert!(!is_report_path(Path::new("a.md~")));
        assert!(!is_report_path(Path::new("notes.txt")));
    }
}
