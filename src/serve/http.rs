//! The dev server's HTTP side: the in-memory site under the same URLs as `public/`, plus the
//! live-reload event stream. Only GET and HEAD; nothing is read from disk, so no request can
//! reach outside the site. A page not rendered yet is asked of the rebuild thread.

use std::convert::Infallible;
use std::sync::mpsc::Sender;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::{broadcast, oneshot};
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

use crate::site::workspace::{Files, Unrendered};

use super::api::{self, SearchState};
use super::{live, Job};

/// The site as served at one moment.
pub struct Snapshot {
    pub files: Arc<Files>,
    /// Goes up with every rebuild the browser must reload for.
    pub version: u64,
    /// The error overlay while the site cannot be rebuilt.
    pub overlay: Option<String>,
    /// Pages not rendered yet, or out of date: rendered when first asked for.
    pub unrendered: Unrendered,
}

/// The rebuild thread's answer to a request for a page not rendered yet.
pub enum Rendered {
    Page(Arc<[u8]>),
    /// No page there (any more).
    Gone,
    /// The page's template failed: the error overlay.
    Failed(String),
}

/// How long a request for a page waits for it to be rendered (behind a rebuild, say).
const RENDER_WAIT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
pub enum LiveEvent {
    Version(u64),
    Css,
}

#[derive(Clone)]
pub struct Shared {
    pub snapshot: Arc<RwLock<Arc<Snapshot>>>,
    pub events: broadcast::Sender<LiveEvent>,
    /// The live search index; `None` until it is first built.
    search: Arc<RwLock<Option<Arc<SearchState>>>>,
    /// The rebuild thread's queue, to ask for pages not rendered yet.
    rebuilds: Sender<Job>,
}

impl Shared {
    pub fn new(snapshot: Snapshot, rebuilds: Sender<Job>) -> Shared {
        let (events, _) = broadcast::channel(64);
        Shared {
            snapshot: Arc::new(RwLock::new(Arc::new(snapshot))),
            events,
            search: Arc::default(),
            rebuilds,
        }
    }

    /// Publishes a site without errors, asking browsers to reload to `version`.
    pub fn publish_good(&self, files: Arc<Files>, version: u64, unrendered: Unrendered) {
        let snapshot = Snapshot {
            files,
            version,
            overlay: None,
            unrendered,
        };
        self.publish(snapshot, LiveEvent::Version(version));
    }

    pub fn search(&self) -> Option<Arc<SearchState>> {
        match self.search.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn publish_search(&self, state: SearchState) {
        match self.search.write() {
            Ok(mut s) => *s = Some(Arc::new(state)),
            Err(poisoned) => *poisoned.into_inner() = Some(Arc::new(state)),
        }
    }

    pub fn current(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Swaps in a new snapshot, then tells the browsers (never before: no reload onto a
    /// half-updated site).
    pub fn publish(&self, snapshot: Snapshot, event: LiveEvent) {
        self.replace(snapshot);
        // No listener is not an error.
        let _ = self.events.send(event);
    }

    /// Swaps in a new snapshot without telling the browsers (the files they see are the same).
    pub fn replace(&self, snapshot: Snapshot) {
        match self.snapshot.write() {
            Ok(mut s) => *s = Arc::new(snapshot),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snapshot),
        }
    }

    /// The page at `key`, rendered by the rebuild thread (waiting at most [`RENDER_WAIT`]).
    async fn render(&self, key: &str) -> Rendered {
        let (answer, answered) = oneshot::channel();
        if self
            .rebuilds
            .send(Job::Render(key.to_string(), answer))
            .is_err()
        {
            return Rendered::Gone;
        }
        match tokio::time::timeout(RENDER_WAIT, answered).await {
            Ok(Ok(rendered)) => rendered,
            _ => Rendered::Failed(live::overlay(
                &crate::diagnostics::Diagnostic::error(
                    key,
                    format!(
                        "not rendered within {} s: the server is busy or stopping",
                        RENDER_WAIT.as_secs()
                    ),
                )
                .into(),
            )),
        }
    }
}

pub fn router(shared: Shared) -> Router {
    Router::new()
        .route(live::EVENTS_PATH, get(events))
        .route(api::PATH, get(api::search))
        .fallback(site_file)
        .with_state(shared)
        .layer(axum::middleware::from_fn(super::host::check))
}

async fn events(
    State(shared): State<Shared>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let receiver = shared.events.subscribe();
    let first = Event::default()
        .event("version")
        .data(shared.current().version.to_string());
    let updates = BroadcastStream::new(receiver).filter_map(|event| match event {
        Ok(LiveEvent::Version(v)) => {
            Some(Ok(Event::default().event("version").data(v.to_string())))
        }
        Ok(LiveEvent::Css) => Some(Ok(Event::default().event("css").data("1"))),
        Err(_) => None,
    });
    let stream = tokio_stream::once(Ok(first)).chain(updates);
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

async fn site_file(State(shared): State<Shared>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = (StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n").into_response();
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Some(path) = decode_path(uri.path()) else {
        return not_found(&shared).await;
    };
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    if let Some(response) = page(&shared, &key, StatusCode::OK).await {
        return response;
    }
    // `/rapporter/x` → `/rapporter/x/`, as static hosts do.
    let snapshot = shared.current();
    let index = format!("{path}/index.html");
    if snapshot.files.contains_key(&index) || snapshot.unrendered.contains_key(&index) {
        return Response::builder()
            .status(StatusCode::MOVED_PERMANENTLY)
            .header(header::LOCATION, format!("/{path}/"))
            .body(Body::empty())
            .unwrap_or_default();
    }
    not_found(&shared).await
}

/// The file at `key` with `status`, rendered first if need be; `None` when there is none.
async fn page(shared: &Shared, key: &str, status: StatusCode) -> Option<Response> {
    let snapshot = shared.current();
    if let Some(bytes) = snapshot.files.get(key) {
        return Some(file_response(&snapshot, key, bytes, status));
    }
    if !snapshot.unrendered.contains_key(key) {
        return None;
    }
    match shared.render(key).await {
        Rendered::Page(bytes) => Some(file_response(&shared.current(), key, &bytes, status)),
        Rendered::Gone => None,
        Rendered::Failed(overlay) => {
            let html = format!("<!doctype html><title>fouweb: error</title>{overlay}");
            let mut response = (StatusCode::INTERNAL_SERVER_ERROR, html).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            Some(response)
        }
    }
}

async fn not_found(shared: &Shared) -> Response {
    match Box::pin(page(shared, "404.html", StatusCode::NOT_FOUND)).await {
        Some(response) => response,
        None => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

fn file_response(
    snapshot: &Snapshot,
    key: &str,
    bytes: &Arc<[u8]>,
    status: StatusCode,
) -> Response {
    let content_type = content_type(key);
    let body = if content_type.starts_with("text/html") {
        let mut extra = live::script(snapshot.version);
        if let Some(overlay) = &snapshot.overlay {
            extra.push_str(overlay);
        }
        Body::from(live::inject(bytes, &extra))
    } else {
        Body::from(bytes.to_vec())
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "no-store")
        .body(body)
        .unwrap_or_default()
}

/// The request path without its leading `/`, percent-decoded; `None` for paths that try to
/// climb (`..`) or are not UTF-8.
fn decode_path(raw: &str) -> Option<String> {
    let bytes = raw.trim_start_matches('/').as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).ok()?;
    let climbs = path
        .split(['/', '\\'])
        .any(|segment| segment == ".." || segment == ".");
    (!climbs && !path.contains('\0')).then_some(path)
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_decoded_and_climbing_is_refused() {
        assert_eq!(decode_path("/").as_deref(), Some(""));
        assert_eq!(
            decode_path("/rapporter/a/").as_deref(),
            Some("rapporter/a/")
        );
        assert_eq!(decode_path("/s%C3%B6k/").as_deref(), Some("sök/"));
        assert_eq!(decode_path("/../etc/passwd"), None);
        assert_eq!(decode_path("/a/%2e%2e/b"), None);
        assert_eq!(decode_path("/a/..%5c..%5cb"), None);
        assert_eq!(decode_path("/%ff"), None);
        assert_eq!(decode_path("/%4"), Some("%4".into()));
    }
}
