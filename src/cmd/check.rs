//! `fouweb check`: everything `build` validates, without writing.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::site;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The site folder
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
    /// Include reports marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
}

pub fn run(args: &Args) -> ExitCode {
    let progress = crate::console::progress();
    let (site, mut diagnostics) = crate::progress::report_to(progress, || {
        site::load(&args.root, args.drafts, args.strict)
    });
    if let Some(site) = &site {
        let options = site::RenderOptions { search_page: true };
        for d in site::check_templates(site, &args.root, options) {
            diagnostics.push(d);
        }
    }
    super::print_diagnostics(&diagnostics);
    match site {
        Some(site) if !diagnostics.has_errors() => {
            println!(
                "ok: {} reports, {}",
                site.reports.len(),
                diagnostics.summary()
            );
            ExitCode::SUCCESS
        }
        _ => ExitCode::FAILURE,
    }
}
