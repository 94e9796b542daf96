//! `fouweb serve`: the site built into memory, served over HTTP, rebuilt in part on every edit,
//! with live reload in the browser.

pub mod api;
pub mod http;
pub mod live;
pub mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::search::LiveIndex;
use crate::site::workspace::{ChangeSet, Outcome, Workspace};
use crate::site::RenderOptions;

use api::SearchState;
use http::{LiveEvent, Shared, Snapshot};

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
    let render = RenderOptions {
        search_page: cfg!(feature = "pagefind"),
    };
    let (mut workspace, diagnostics) = match Workspace::open(&root, options.drafts, render) {
        Ok(opened) => opened,
        Err(diagnostics) => {
            crate::cmd::print_diagnostics(&diagnostics);
            return Err("the site has errors; fix them and start `fouweb serve` again".into());
        }
    };
    crate::cmd::print_diagnostics(&diagnostics);
    let mut files = Arc::clone(workspace.files());
    let bundled = add_search_bundle(&workspace, &mut files);
    let shared = Shared::new(Snapshot {
        files,
        version: 1,
        overlay: None,
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))?;
    let address = SocketAddr::new(options.bind, options.port);
    let listener = runtime.block_on(tokio::net::TcpListener::bind(address)).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            format!("port {} on {} is already in use; choose another with --port, or stop the program using it", options.port, options.bind)
        } else {
            format!("cannot listen on {address}: {e}")
        }
    })?;
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

    let (_watcher, changes) = watch::start(&root, options.poll)
        .map_err(|e| format!("cannot watch {}: {e}; try --poll", root.display()))?;
    let rebuilder = shared.clone();
    std::thread::Builder::new()
        .name("fouweb-rebuild".into())
        .spawn(move || {
            let mut search = SearchIndex::start(&rebuilder, &workspace);
            let mut version = 1;
            loop {
                let mut batch = match changes.recv_timeout(Duration::from_millis(200)) {
                    Ok(batch) => batch,
                    Err(RecvTimeoutError::Timeout) => {
                        // Picks up the index once it is built, with the edits made meanwhile.
                        search.update(&rebuilder, &mut workspace);
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                // Take everything that queued up during the last rebuild in one go.
                while let Ok(more) = changes.try_recv() {
                    batch.merge(more);
                }
                let what = describe(&batch, workspace.root());
                let outcome = workspace.apply(batch);
                version = publish(&rebuilder, &workspace, &outcome, version);
                log(&what, &outcome);
                search.update(&rebuilder, &mut workspace);
                if outcome.content_changed && outcome.errors.is_none() {
                    refresh_search_bundle(&rebuilder, &workspace, version);
                }
            }
        })
        .map_err(|e| format!("cannot start the rebuild thread: {e}"))?;

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

/// Hands the rebuilt site to the server and tells the browsers; returns the new version.
fn publish(shared: &Shared, workspace: &Workspace, outcome: &Outcome, version: u64) -> u64 {
    let previous = shared.current();
    let overlay = workspace.errors().map(live::overlay);
    if outcome.errors.is_some() {
        let version = version + 1;
        shared.publish(
            Snapshot {
                files: Arc::clone(&previous.files),
                version,
                overlay,
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
            },
            LiveEvent::Css,
        );
        return version;
    }
    let version = version + 1;
    shared.publish_good(files, version);
    version
}

/// The dev server's tantivy index: built beside the server at start (the pages are served
/// meanwhile), then updated report by report after each rebuild.
struct SearchIndex {
    /// Delivers the index once its first build is done.
    building: Option<mpsc::Receiver<LiveIndex>>,
    live: Option<LiveIndex>,
}

impl SearchIndex {
    fn start(shared: &Shared, workspace: &Workspace) -> SearchIndex {
        let Some(site) = workspace.site().cloned() else {
            return SearchIndex {
                building: None,
                live: None,
            };
        };
        let (sender, receiver) = mpsc::channel();
        let shared = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("fouweb-index".into())
            .spawn(move || {
                let started = Instant::now();
                match LiveIndex::new(&site) {
                    Ok((index, searcher)) => {
                        shared.publish_search(SearchState {
                            searcher,
                            vocabulary: site.vocabulary.clone(),
                        });
                        println!(
                            "{} search index of {} reports ready in {:.2} s at {}",
                            clock(),
                            site.reports.len(),
                            started.elapsed().as_secs_f64(),
                            api::PATH
                        );
                        let _ = sender.send(index);
                    }
                    Err(err) => eprintln!("{} cannot build the search index: {err}", clock()),
                }
            });
        SearchIndex {
            building: spawned.ok().map(|_| receiver),
            live: None,
        }
    }

    /// Updates the index with the reports the rebuilds since the last update changed: each
    /// one's document is deleted and added again; the others are not touched.
    fn update(&mut self, shared: &Shared, workspace: &mut Workspace) {
        if self.live.is_none() {
            match self.building.as_ref().map(|r| r.try_recv()) {
                Some(Ok(index)) => {
                    self.live = Some(index);
                    self.building = None;
                }
                // Still building: the changes wait in the workspace.
                Some(Err(mpsc::TryRecvError::Empty)) => return,
                _ => {
                    self.building = None;
                    return;
                }
            }
        }
        let changes = workspace.take_report_changes();
        let (Some(live), Some(site)) = (self.live.as_mut(), workspace.site()) else {
            return;
        };
        if changes.is_empty() {
            return;
        }
        let started = Instant::now();
        match live.update(site, &changes) {
            Ok(searcher) => {
                shared.publish_search(SearchState {
                    searcher,
                    vocabulary: site.vocabulary.clone(),
                });
                if std::env::var_os("FOUWEB_TIMINGS").is_some() {
                    eprintln!(
                        "search index: {} changed, {} removed in {:.1} ms",
                        changes.changed.len(),
                        changes.removed.len(),
                        started.elapsed().as_secs_f64() * 1000.0
                    );
                }
            }
            Err(err) => eprintln!("{} cannot update the search index: {err}", clock()),
        }
    }
}

/// The browser bundle is rebuilt after the reload, so that it never delays it.
fn refresh_search_bundle(shared: &Shared, workspace: &Workspace, version: u64) {
    let current = shared.current();
    if current.version != version {
        return;
    }
    let mut files = Arc::clone(&current.files);
    if add_search_bundle(workspace, &mut files) {
        shared.publish_good(files, version);
    }
}

/// Sites up to this size get a fresh Pagefind bundle after each content change (about 0.3 s,
/// made after the reload but before the next rebuild); larger ones search with `fouweb search`.
#[cfg(feature = "pagefind")]
const BUNDLE_LIMIT: usize = 300;

#[cfg(feature = "pagefind")]
fn add_search_bundle(
    workspace: &Workspace,
    files: &mut Arc<crate::site::workspace::Files>,
) -> bool {
    let Some(site) = workspace.site() else {
        return false;
    };
    if site.reports.len() > BUNDLE_LIMIT {
        return false;
    }
    let texts = crate::search::plain_texts(site);
    let map = Arc::make_mut(files);
    crate::search::bundle::build(site, &texts, |path, bytes| {
        map.insert(path, bytes.into());
        Ok(())
    })
    .is_ok()
}

#[cfg(not(feature = "pagefind"))]
fn add_search_bundle(_: &Workspace, _: &mut Arc<crate::site::workspace::Files>) -> bool {
    false
}

/// Carries the previous bundle over to a freshly rendered site until a new one is made.
fn keep_search_bundle(
    previous: &crate::site::workspace::Files,
    files: &mut Arc<crate::site::workspace::Files>,
) {
    // One lookup each, not a scan: most rebuilds of large sites have no bundle at all.
    const ENTRY: &str = "pagefind/pagefind.js";
    if files.contains_key(ENTRY) || !previous.contains_key(ENTRY) {
        return;
    }
    let map = Arc::make_mut(files);
    for (path, bytes) in previous.iter().filter(|(k, _)| k.starts_with("pagefind/")) {
        map.insert(path.clone(), Arc::clone(bytes));
    }
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
                crate::cmd::print_diagnostics(&outcome.warnings);
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
fn clock() -> String {
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
