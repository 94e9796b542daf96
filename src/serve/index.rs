//! The dev server's tantivy index: built beside the server at start (the pages are served
//! meanwhile) into a folder of its own (`index_dir`), then updated report by report after each
//! rebuild.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use crate::search::LiveIndex;
use crate::site::workspace::Workspace;

use super::api::{self, SearchState};
use super::clock;
use super::http::Shared;

pub struct SearchIndex {
    /// Delivers the index once its first build is done.
    building: Option<mpsc::Receiver<LiveIndex>>,
    live: Option<LiveIndex>,
}

impl SearchIndex {
    /// Starts indexing the site into `dir`, an empty folder that outlives the server's threads.
    pub fn start(shared: &Shared, workspace: &Workspace, dir: PathBuf) -> SearchIndex {
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
                match LiveIndex::new(&site, &dir) {
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
    pub fn update(&mut self, shared: &Shared, workspace: &mut Workspace) {
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
        match live.update(site, &changes, |slug| workspace.report_by_slug(slug)) {
            Ok(searcher) => {
                shared.publish_search(SearchState {
                    searcher,
                    vocabulary: site.vocabulary.clone(),
                });
                if crate::console::timings() {
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
