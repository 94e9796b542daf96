//! A new report file with every frontmatter key (`fouweb new`), from the key table.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::vocabulary::{or_list, slugify, Vocabulary};

use super::fields::{Key, FIELDS};
use super::period;

/// What a new report says from the start; everything else is left blank.
#[derive(Debug, Clone, Default)]
pub struct NewReport {
    pub title: String,
    pub counties: Vec<String>,
    pub methods: Vec<String>,
    pub municipalities: Vec<String>,
}

/// Writes `root/content/<slug>.md` with every frontmatter key, the given values normalised to
/// their vocabulary names, and returns its path. Refuses to overwrite.
pub fn scaffold(root: &Path, args: &NewReport, vocabulary: &Vocabulary) -> Result<PathBuf, String> {
    let slug = slugify(&args.title);
    if slug.is_empty() {
        return Err(format!(
            "the title `{}` gives an empty file name; use letters or digits",
            args.title
        ));
    }
    let regions = &vocabulary.regions;
    let counties = args
        .counties
        .iter()
        .map(|c| match regions.find_region(c) {
            Some(crate::vocabulary::RegionMatch::County(i)) => Ok(regions.county(i).name.clone()),
            Some(crate::vocabulary::RegionMatch::Subregion(i)) => {
                Ok(regions.subregion(i).name.clone())
            }
            None => Err(format!(
                "unknown county `{c}`; did you mean {}?",
                or_list(&regions.suggest_regions(c, 3))
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let municipalities = args
        .municipalities
        .iter()
        .map(|k| match regions.find_kommun(k) {
            Some(i) => Ok(regions.municipality(i).name.clone()),
            None => Err(format!(
                "unknown municipality `{k}`; did you mean {}?",
                or_list(&regions.suggest_kommuner(k, 3))
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let methods = args
        .methods
        .iter()
        .map(|m| match vocabulary.methods.find(m) {
            Some(i) => Ok(vocabulary.methods.get(i).name.clone()),
            None => Err(format!(
                "unknown method `{m}`; did you mean {}? (new methods go in vocabulary/methods.yaml)",
                or_list(&vocabulary.methods.suggest(m, 3).iter().map(String::as_str).collect::<Vec<_>>())
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;

    let text = template(
        &args.title,
        &counties,
        &municipalities,
        &methods,
        period::current_year(),
    );
    let dir = root.join("content");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{slug}.md"));
    write_new(&path, &text)?;
    Ok(path)
}

fn write_new(path: &Path, text: &str) -> Result<(), String> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!(
                    "{} already exists; choose another title or edit that file",
                    path.display()
                )
            }
            _ => format!("cannot create {}: {e}", path.display()),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// A YAML double-quoted string (JSON strings are valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", quoted.join(", "))
}

fn template(
    title: &str,
    counties: &[String],
    municipalities: &[String],
    methods: &[String],
    year: u16,
) -> String {
    let mut t = String::from("---\n");
    for field in &FIELDS {
        let value = match field.key {
            Key::Title => quoted(title),
            Key::County => list(counties),
            Key::Municipalities => list(municipalities),
            Key::Methods => list(methods),
            Key::Period => format!("{{start: {year}-01, end: }}"),
            // Written only when the file name is not the URL name wanted.
            Key::Slug => continue,
            _ => field.blank.to_string(),
        };
        let _ = match (field.comment, value.is_empty()) {
            (Some(comment), _) => writeln!(t, "{}: {value}  # {comment}", field.name),
            (None, true) => writeln!(t, "{}:", field.name),
            (None, false) => writeln!(t, "{}: {value}", field.name),
        };
    }
    t.push_str("---\n\n");
    t.push_str(
        "## Bakgrund\n\n## Syfte och mål\n\n## Genomförande\n\n## Resultat\n\n## Lärdomar\n",
    );
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(title: &str) -> NewReport {
        NewReport {
            title: title.into(),
            counties: vec!["kronoberg".into()],
            methods: vec!["bra-samtal".into()],
            municipalities: vec!["Växjö".into()],
        }
    }

    #[test]
    fn scaffolds_a_valid_report_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vocabulary::builtin();
        let path = scaffold(dir.path(), &args("BRA-samtal i Växjö"), v).unwrap();
        assert!(path.ends_with("content/bra-samtal-i-vaxjo.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("county: [\"Kronobergs län\"]"));
        assert!(text.contains("methods: [\"BRA – Barns rätt som anhöriga\"]"));
        let (report, diags) = crate::content::load_file(dir.path(), &path, v, &Default::default());
        assert!(!diags.has_errors(), "{}", diags.render());
        assert_eq!(report.unwrap().title, "BRA-samtal i Växjö");
        assert!(scaffold(dir.path(), &args("BRA-samtal i Växjö"), v)
            .unwrap_err()
            .contains("already exists"));
    }

    #[test]
    fn unknown_values_are_refused_with_suggestions() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = args("X");
        a.counties = vec!["Kronobergs lan".into()];
        assert!(scaffold(dir.path(), &a, Vocabulary::builtin())
            .unwrap_err()
            .contains("Kronobergs län"));
    }
}
