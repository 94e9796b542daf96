//! `fouweb new "Title"`: scaffolds a report with the full frontmatter template.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::content::period;
use crate::diagnostics::Diagnostics;
use crate::vocabulary::{or_list, slugify, Vocabulary};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The report's title
    pub title: String,
    /// A county (name, short name, SCB code or sub-region); repeat for several
    #[arg(long = "county")]
    pub counties: Vec<String>,
    /// A method from the vocabulary; repeat for several
    #[arg(long = "method")]
    pub methods: Vec<String>,
    /// A municipality; repeat for several
    #[arg(long = "municipality")]
    pub municipalities: Vec<String>,
    /// The site folder
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

pub fn run(args: &Args) -> ExitCode {
    let mut diagnostics = Diagnostics::new();
    let vocabulary = Vocabulary::for_site(&args.root, &mut diagnostics);
    super::print_diagnostics(&diagnostics);
    match scaffold(args, &vocabulary) {
        Ok(path) => {
            println!("created {}", path.display());
            if args.counties.is_empty() {
                println!("fill in `county:` before building: it is required");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes the new report and returns its path. Refuses to overwrite.
pub fn scaffold(args: &Args, vocabulary: &Vocabulary) -> Result<PathBuf, String> {
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
    let dir = args.root.join("content");
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
    let _ = writeln!(t, "title: {}", quoted(title));
    let _ = writeln!(
        t,
        "county: {}  # län, short name, SCB code or sub-region",
        list(counties)
    );
    let _ = writeln!(t, "municipalities: {}", list(municipalities));
    t.push_str("organisation: \"\"\n");
    let _ = writeln!(
        t,
        "period: {{start: {year}-01, end: }}  # leave `end` empty while the work goes on"
    );
    let _ = writeln!(t, "methods: {}", list(methods));
    t.push_str("outcomes: []\ntarget_groups: []\nfunding: \"\"\nbudget_sek:\nstatus: pågående\ncontact: \"\"\ntags: []\nsummary: \"\"\ndraft: false\n---\n\n");
    t.push_str(
        "## Bakgrund\n\n## Syfte och mål\n\n## Genomförande\n\n## Resultat\n\n## Lärdomar\n",
    );
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(root: &Path, title: &str) -> Args {
        Args {
            title: title.into(),
            counties: vec!["kronoberg".into()],
            methods: vec!["bra-samtal".into()],
            municipalities: vec!["Växjö".into()],
            root: root.to_path_buf(),
        }
    }

    #[test]
    fn scaffolds_a_valid_report_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let v = Vocabulary::builtin();
        let path = scaffold(&args(dir.path(), "BRA-samtal i Växjö"), v).unwrap();
        assert!(path.ends_with("content/bra-samtal-i-vaxjo.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("county: [\"Kronobergs län\"]"));
        assert!(text.contains("methods: [\"BRA – Barns rätt som anhöriga\"]"));
        let (report, diags) = crate::content::load_file(dir.path(), &path, v, &Default::default());
        assert!(!diags.has_errors(), "{}", diags.render());
        assert_eq!(report.unwrap().title, "BRA-samtal i Växjö");
        assert!(scaffold(&args(dir.path(), "BRA-samtal i Växjö"), v)
            .unwrap_err()
            .contains("already exists"));
    }

    #[test]
    fn unknown_values_are_refused_with_suggestions() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = args(dir.path(), "X");
        a.counties = vec!["Kronobergs lan".into()];
        assert!(scaffold(&a, Vocabulary::builtin())
            .unwrap_err()
            .contains("Kronobergs län"));
    }
}
