//! `fouweb new "Title"`: scaffolds a report with the full frontmatter template.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::content::{scaffold, NewReport};
use crate::diagnostics::Diagnostics;
use crate::vocabulary::Vocabulary;

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
    let report = NewReport {
        title: args.title.clone(),
        counties: args.counties.clone(),
        methods: args.methods.clone(),
        municipalities: args.municipalities.clone(),
    };
    match scaffold(&args.root, &report, &vocabulary) {
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
