//! Command-line arguments (clap derive); each subcommand lives in its own file under `cmd/`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd;

#[derive(Debug, Parser)]
#[command(
    name = "fouweb",
    version,
    about = "Static site generator for FoU knowledge bases of project reports"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced only when the build succeeds)
    Build(cmd::build::Args),
    /// Validate every report and the configuration without writing anything
    Check(cmd::check::Args),
    /// Create a new report file with the full frontmatter template
    New(cmd::new::Args),
    /// Search the reports (full text in Swedish, filters by county, method, kommun and year)
    Search(cmd::search::Args),
    /// Serve the site from memory with live reload, rebuilding what an edit changes
    Serve(cmd::serve::Args),
}

/// Parses the process arguments and runs the command. Exit codes: 0 success, 1 problems in the
/// input, 2 wrong usage.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => cmd::build::run(&args),
        Command::Check(args) => cmd::check::run(&args),
        Command::New(args) => cmd::new::run(&args),
        Command::Search(args) => cmd::search::run(&args),
        Command::Serve(args) => cmd::serve::run(&args),
    }
}
