//! `fouweb serve`: the site built into memory, served over HTTP, rebuilt in part on every edit,
//! with live reload in the browser.

pub mod api;
mod bundle;
mod host;
pub mod http;
mod index;
pub mod live;
pub mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::site::workspace::{ChangeSet, Outcome, Workspace};
use crate::site::RenderOptions;

use bundle::{add_search_bundle, keep_search_bundle, refresh_search_bundle};
use http::{LiveEvent, Shared, Snapshot};
use index::SearchIndex;

pub struct Options {
    pub root: PathBuf,
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub drafts: bool,
    pub poll: bool,
    pub open: bool,
}

/// Runs until interrupted. Errors are printed; the return value is the exit status.
pub fn run(options: &Options) -> Result<(), String> {
    let root = options.root.canonicalize().map_err(|e| {
        format!(
            "cannot open the site folder {}: {e}; point --root at the folder with content/",
            options.root.display()
        )
    })?;
    let started = Instant::now();
    // The start-up's stages show on a terminal; later rebuilds report in one line each.
    let (workspace, files, bundled) =
        crate::progress::report_to(crate::console::progress(), || {
            let workspace = open_workspace(&root, options.drafts)?;
            let mut files = Arc::clone(workspace.files());
            let bundled = add_search_bundle(&workspace, &mut files);
            Ok::<_, String>((workspace, files, bundled))
        })?;
    // One queue for the rebuild thread: the watcher's changes and the server's requests for
    // stale files.
    let (rebuilds, queue) = std::sync::mpsc::channel();
    let shared = Shared::new(
        Snapshot {
            files,
            version: 1,
            overlay: None,
            stale: Arc::default(),
        },
        rebuilds.clone(),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))?;
    let listener = listen(&runtime, options)?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let url = format!("http://{local}/");
    let reports = workspace.site().map_or(0, |s| s.reports.len());
    println!(
        "serving {reports} reports at {url} (built in {:.2} s{}); watching for changes, Ctrl-C to stop",
        started.elapsed().as_secs_f64(),
        if bundled { "" } else { "; the search page answers from /api/search (no browser bundle for large sites)" }
    );
    if options.open {
        let _ = std::process::Command::new("xdg-open")
            .arg(&url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
    }
    let _watcher = watch::start(&root, options.poll, rebuilds)
        .map_err(|e| format!("cannot watch {}: {e}; try --poll", root.display()))?;
    spawn_rebuilder(shared.clone(), workspace, queue)?;
    let app = http::router(shared);
    runtime
        .block_on(async {
            axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await
        })
        .map_err(|e| format!("the server stopped: {e}"))
}

/// The site rendered into memory, its warnings printed; or why it cannot be served.
fn open_workspace(root: &std::path::Path, drafts: bool) -> Result<Workspace, String> {
    let render = RenderOptions {
        search_page: cfg!(feature = "pagefind"),
    };
    match Workspace::open(root, drafts, render) {
        Ok((workspace, diagnostics)) => {
            crate::console::print_diagnostics(&diagnostics);
            Ok(workspace)
        }
        Err(diagnostics) => {
            crate::console::print_diagnostics(&diagnostics);
            Err("the site has errors; fix them and start `fouweb serve` again".into())
        }
    }
}

/// The listening socket, with a plain message when the port is taken.
fn listen(
    runtime: &tokio::runtime::Runtime,
    options: &Options,
) -> Result<tokio::net::TcpListener, String> {
    let address = SocketAddr::new(options.bind, options.port);
    runtime
        .block_on(tokio::net::TcpListener::bind(address))
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AddrInUse {
                format!("port {} on {} is already in use; choose another with --port, or stop the program using it", options.port, options.bind)
            } else {
                format!("cannot listen on {address}: {e}")
            }
        })
}

/// The thread that applies each batch of changes to the workspace and publishes the result.
fn spawn_rebuilder(
    shared: Shared,
    mut workspace: Workspace,
    changes: std::sync::mpsc::Receiver<ChangeSet>,
) -> Result<(), String> {
    std::thread::Builder::new()
        .name("fouweb-rebuild".into())
        .spawn(move || {
            let mut search = SearchIndex::start(&shared, &workspace);
            let mut version = 1;
            loop {
                let mut batch = match changes.recv_timeout(Duration::from_millis(200)) {
                    Ok(batch) => batch,
                    Err(RecvTimeoutError::Timeout) => {
                        // Picks up the index once it is built, with the edits made meanwhile.
                        search.update(&shared, &mut workspace);
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                // Take everything that queued up during the last rebuild in one go.
                while let Ok(more) = changes.try_recv() {
                    batch.merge(more);
                }
                let stale_asked = std::mem::take(&mut batch.stale_outputs);
                if !batch.is_empty() {
                    let what = describe(&batch, workspace.root());
                    let outcome = workspace.apply(batch);
                    version = publish(&shared, &workspace, &outcome, version);
                    log(&what, &outcome);
                    search.update(&shared, &mut workspace);
                    if outcome.content_changed && outcome.errors.is_none() {
                        refresh_search_bundle(&shared, &workspace, version);
                    }
                }
                if stale_asked {
                    publish_stale(&shared, &mut workspace);
                }
            }
        })
        .map(|_| ())
        .map_err(|e| format!("cannot start the rebuild thread: {e}"))
}

/// Renders the files edits left stale, which a browser asked for, and serves them. Should
/// that fail, the old files are served rather than none, and the error shows on the next
/// rebuild.
fn publish_stale(shared: &Shared, workspace: &mut Workspace) {
    let current = shared.current();
    if current.stale.is_empty() {
        return;
    }
    let (files, stale) = match workspace.render_stale() {
        Ok(()) => {
            let mut files = Arc::clone(workspace.files());
            keep_search_bundle(&current.files, &mut files);
            (files, Arc::new(workspace.stale_paths()))
        }
        Err(errors) => {
            crate::console::print_diagnostics(&errors);
            (Arc::clone(&current.files), Arc::default())
        }
    };
    shared.replace(Snapshot {
        files,
        version: current.version,
        overlay: current.overlay.clone(),
        stale,
    });
}

/// Hands the rebuilt site to the server and tells the browsers; returns the new version.
fn publish(shared: &Shared, workspace: &Workspace, outcome: &Outcome, version: u64) -> u64 {
    let previous = shared.current();
    let overlay = workspace.errors().map(live::overlay);
    let stale = Arc::new(workspace.stale_paths());
    if outcome.errors.is_some() {
        let version = version + 1;
        shared.publish(
            Snapshot {
                files: Arc::clone(&previous.files),
                version,
                overlay,
                stale,
            },
            LiveEvent::Version(version),
        );
        return version;
    }
    let mut files = Arc::clone(workspace.files());
    keep_search_bundle(&previous.files, &mut files);
    if outcome.css_only && previous.overlay.is_none() {
        shared.publish(
            Snapshot {
                files,
                version,
                overlay: None,
                stale,
            },
            LiveEvent::Css,
        );
        return version;
    }
    let version = version + 1;
    shared.publish_good(files, version, stale);
    version
}

fn describe(batch: &ChangeSet, root: &std::path::Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let shown: Vec<String> = batch
        .reports
        .iter()
        .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .collect();
    match shown.len() {
        0 => {}
        1..=3 => parts.push(shown.join(", ")),
        n => parts.push(format!("{n} reports")),
    }
    if batch.rescan_content {
        parts.push("content folders".into());
    }
    if batch.templates {
        parts.push("templates".into());
    }
    if batch.static_files {
        parts.push("static files".into());
    }
    if batch.everything {
        parts.push("site.yaml or vocabulary".into());
    }
    parts.join(", ")
}

fn log(what: &str, outcome: &Outcome) {
    let now = clock();
    let ms = outcome.elapsed.as_secs_f64() * 1000.0;
    match &outcome.errors {
        Some(errors) => {
            eprint!("{}", errors.render());
            eprintln!(
                "{now} {what} changed: {}; still serving the last good site",
                errors.summary()
            );
        }
        None => {
            if !outcome.warnings.is_empty() {
                crate::console::print_diagnostics(&outcome.warnings);
            }
            println!(
                "{now} {what} changed: {} {} re-rendered{} in {ms:.1} ms",
                outcome.rendered,
                if outcome.rendered == 1 {
                    "page"
                } else {
                    "pages"
                },
                if outcome.removed > 0 {
                    format!(", {} removed", outcome.removed)
                } else {
                    String::new()
                },
            );
        }
    }
}

/// HH:MM:SS (UTC) for the rebuild log.
pub(crate) fn clock() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "{:02}:{:02}:{:02}",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    )
}
