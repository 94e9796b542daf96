//! The cache of report cards' HTML. Owns the rule that a card is rendered once per report and
//! heading level, however many lists show it.

use minijinja::value::Value;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

/// The HTML of report cards by report URL and heading level. A card appears in many lists
/// (method, county, kommun and year pages, related reports), so it is rendered once and
/// reused; the dev server keeps the cache across rebuilds, dropping the cards of edited
/// reports and all of them when templates or the vocabulary change.
#[derive(Clone, Default)]
pub struct CardCache(Arc<Mutex<HashMap<(String, i64), Value>>>);

impl CardCache {
    // A poisoned lock (a render thread panicked) only costs the cache: cards are made anew.
    pub(super) fn get(&self, key: &(String, i64)) -> Option<Value> {
        self.0.lock().ok().and_then(|c| c.get(key).cloned())
    }

    pub(super) fn insert(&self, key: (String, i64), html: Value) {
        if let Ok(mut c) = self.0.lock() {
            c.insert(key, html);
        }
    }

    /// Forgets the cards of the reports at `urls` (one pass over the cache).
    pub fn forget(&self, urls: &HashSet<String>) {
        if let Ok(mut c) = self.0.lock() {
            c.retain(|(u, _), _| !urls.contains(u));
        }
    }
}
