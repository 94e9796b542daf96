//! `fouweb serve`

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::serve;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The site folder
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port to listen on (0: any free port)
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on; the default keeps the server on this machine
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
    /// Poll for changes instead of using file system events (network drives, some containers)
    #[arg(long)]
    pub poll: bool,
    /// Include reports marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
}

pub fn run(args: &Args) -> ExitCode {
    let options = serve::Options {
        root: args.root.clone(),
        bind: args.bind,
        port: args.port,
        drafts: args.drafts,
        poll: args.poll,
        open: args.open,
    };
    match serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
