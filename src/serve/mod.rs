//! `fouweb serve`: the site built into memory, served over HTTP, rebuilt in part on every edit,
//! with live reload in the browser.

pub mod api;
mod bundle;
mod host;
pub mod http;
mod index;
mod index_dir;
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
use http::{LiveEvent, Rendered, Shared, Snapshot};
use index::SearchIndex;

/// What the rebuild thread, the one owner of the [`Workspace`], is asked to do.
pub enum Job {
    /// Files changed on disk (from the watcher).
    Changes(ChangeSet),
    /// A browser asked for the page at this output path, not rendered yet.
    Render(String, tokio::sync::oneshot::Sender<Rendered>),
}

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
    // pages not rendered yet.
    let (rebuilds, queue) = std::sync::mpsc::channel();
    let shared = Shared::new(
        Snapshot {
            files,
            version: 1,
            overlay: None,
            unrendered: workspace.unrendered().clone(),
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
        "serving {reports} reports at {url} (loaded in {:.2} s, pages rendered as they are asked for{}); watching for changes, Ctrl-C to stop",
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
    // Removed when the server stops (Ctrl-C ends `run` normally), or by the next server on
    // the site if this one is killed.
    let index_dir = index_dir::IndexDir::create(&root)
        .map_err(|e| format!("cannot make a folder for the search index: {e}"))?;
    spawn_rebuilder(
        shared.clone(),
        workspace,
        queue,
        index_dir.path().to_path_buf(),
    )?;
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

/// The thread that applies each batch of changes to the workspace, renders the pages browsers
/// ask for, and publishes the result.
fn spawn_rebuilder(
    shared: Shared,
    mut workspace: Workspace,
    jobs: std::sync::mpsc::Receiver<Job>,
    index_dir: PathBuf,
) -> Result<(), String> {
    std::thread::Builder::new()
        .name("fouweb-rebuild".into())
        .spawn(move || {
            let mut search = SearchIndex::start(&shared, &workspace, index_dir);
            let mut version = 1;
            loop {
                let first = match jobs.recv_timeout(Duration::from_millis(200)) {
                    Ok(job) => job,
                    Err(RecvTimeoutError::Timeout) => {
                        // Picks up the index once it is built, with the edits made meanwhile.
                        search.update(&shared, &mut workspace);
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                // Take everything that queued up meanwhile in one go.
                let (batch, requests) = gather(first, &jobs);
                if !batch.is_empty() {
                    let what = describe(&batch, workspace.root());
                    let outcome = workspace.apply(batch);
                    version = publish(&shared, &workspace, &outcome, version);
                    log(&what, &outcome);
                    // Pages asked for before the search index, which can wait.
                    answer(&shared, &mut workspace, requests);
                    search.update(&shared, &mut workspace);
                    if outcome.content_changed && outcome.errors.is_none() {
                        refresh_search_bundle(&shared, &workspace, version);
                    }
                } else {
                    answer(&shared, &mut workspace, requests);
                }
            }
        })
        .map(|_| ())
        .map_err(|e| format!("cannot start the rebuild thread: {e}"))
}

type Request = (String, tokio::sync::oneshot::Sender<Rendered>);

/// `first` and every job queued behind it: the changes merged, the pages asked for.
fn gather(first: Job, jobs: &std::sync::mpsc::Receiver<Job>) -> (ChangeSet, Vec<Request>) {
    let mut batch = ChangeSet::default();
    let mut requests = Vec::new();
    let mut take = |job| match job {
        Job::Changes(changes) => batch.merge(changes),
        Job::Render(path, answer) => requests.push((path, answer)),
    };
    take(first);
    while let Ok(more) = jobs.try_recv() {
        take(more);
    }
    (batch, requests)
}

/// Renders the pages browsers asked for, serves them from now on and answers each request.
/// A page whose template fails is answered with the error overlay and printed.
fn answer(shared: &Shared, workspace: &mut Workspace, requests: Vec<Request>) {
    if requests.is_empty() {
        return;
    }
    let paths: Vec<String> = requests.iter().map(|(path, _)| path.clone()).collect();
    let failed = workspace.render_requested(&paths).err();
    if let Some(errors) = &failed {
        crate::console::print_diagnostics(errors);
    }
    let current = shared.current();
    let mut files = Arc::clone(workspace.files());
    keep_search_bundle(&current.files, &mut files);
    shared.replace(Snapshot {
        files: Arc::clone(&files),
        version: current.version,
        overlay: current.overlay.clone(),
        unrendered: workspace.unrendered().clone(),
    });
    for (path, reply) in requests {
        let rendered = match (files.get(&path), &failed) {
            (Some(bytes), _) => Rendered::Page(Arc::clone(bytes)),
            (None, Some(errors)) if workspace.unrendered().contains_key(&path) => {
                Rendered::Failed(live::overlay(errors))
            }
            (None, _) => Rendered::Gone,
        };
        // The browser may have gone meanwhile.
        let _ = reply.send(rendered);
    }
}

/// Hands the rebuilt site to the server and tells the browsers; returns the new version.
fn publish(shared: &Shared, workspace: &Workspace, outcome: &Outcome, version: u64) -> u64 {
    let previous = shared.current();
    let overlay = workspace.errors().map(live::overlay);
    let unrendered = workspace.unrendered().clone();
    if outcome.errors.is_some() {
        let version = version + 1;
        shared.publish(
            Snapshot {
                files: Arc::clone(&previous.files),
                version,
                overlay,
                unrendered: previous.unrendered.clone(),
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
                unrendered,
            },
            LiveEvent::Css,
        );
        return version;
    }
    let version = version + 1;
    shared.publish_good(files, version, unrendered);
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
                "{now} {what} changed: {} {} re-rendered{}{} in {ms:.1} ms",
                outcome.rendered,
                if outcome.rendered == 1 {
                    "page"
                } else {
                    "pages"
                },
                if outcome.deferred > 0 {
                    format!(", {} to render when asked for", outcome.deferred)
                } else {
                    String::new()
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
