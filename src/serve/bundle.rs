//! The Pagefind bundle in the dev server: made for small sites after each content change,
//! after the reload, and carried over between rebuilds until then.

use std::sync::Arc;

use crate::search::browser;
use crate::site::workspace::{Files, Workspace};

use super::http::Shared;

/// The browser bundle is rebuilt after the reload, so that it never delays it.
pub fn refresh_search_bundle(shared: &Shared, workspace: &Workspace, version: u64) {
    let current = shared.current();
    if current.version != version {
        return;
    }
    let mut files = Arc::clone(&current.files);
    if add_search_bundle(workspace, &mut files) {
        shared.publish_good(files, version, current.unrendered.clone());
    }
}

/// Sites up to this size get a fresh Pagefind bundle after each content change (0.57 s at
/// 1 000 reports, so ~0.2 s here). It is made after the reload but before the next rebuild, so
/// it must stay short; larger sites search through /api/search.
const BUNDLE_LIMIT: usize = 300;

/// Adds a fresh bundle to `files`; false when none was made (a binary without bundles, no
/// site, a large site, or a failure).
pub fn add_search_bundle(workspace: &Workspace, files: &mut Arc<Files>) -> bool {
    if !browser::AVAILABLE {
        return false;
    }
    let Some(site) = workspace.site() else {
        return false;
    };
    if site.reports.len() > BUNDLE_LIMIT {
        return false;
    }
    let map = Arc::make_mut(files);
    let made = browser::build_files(site, |path, bytes| {
        map.insert(path, bytes.into());
        Ok(())
    });
    matches!(made, Ok(true))
}

/// Carries the previous bundle over to a freshly rendered site until a new one is made.
pub fn keep_search_bundle(previous: &Files, files: &mut Arc<Files>) {
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
