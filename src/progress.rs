//! Progress of long work, as the library sees it: stages with a number of steps, and a tick per
//! step done. The library knows nothing of terminals; the command line passes a [`Progress`]
//! that draws (see [`crate::console::progress`]), tests pass one that records.
//!
//! The receiver is ambient for the thread that starts the work ([`report_to`]), not a
//! parameter: `site::load` and `site::render_into` are called from the dev server's workspace
//! and from tests that have nothing to report, and a server started inside `report_to` shows
//! its start-up without any of them passing it on. Each stage takes the receiver once on that
//! thread ([`current`]) and hands it to its worker threads, which only tick.

use std::cell::RefCell;
use std::sync::Arc;

/// The long stages of a build and of the dev server's start-up, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Report files read and validated (steps: files).
    Load,
    /// Pages rendered and written (steps: pages of the plan).
    Pages,
    /// The browser search bundle (steps: records, one per report).
    BrowserSearch,
    /// The tantivy index (steps: documents, one per report).
    SearchIndex,
}

impl Stage {
    /// The stage's name, as the build's summary line calls it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Load => "load",
            Stage::Pages => "pages",
            Stage::BrowserSearch => "browser search",
            Stage::SearchIndex => "search index",
        }
    }

    /// What one step is.
    pub fn unit(self) -> &'static str {
        match self {
            Stage::Load => "files",
            Stage::Pages => "pages",
            Stage::BrowserSearch => "records",
            Stage::SearchIndex => "documents",
        }
    }
}

/// Receives the progress of long work. `stage` starts a stage of `total` steps, `tick` counts
/// `n` steps done (from any thread, often: keep it to an atomic add), `finish` ends the stage
/// (also after a failure; without a stage started it does nothing). Stages do not nest.
pub trait Progress: Send + Sync {
    fn stage(&self, stage: Stage, total: u64);
    fn tick(&self, n: u64);
    fn finish(&self);
}

/// Reports nowhere: the receiver when no one asked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn stage(&self, _: Stage, _: u64) {}
    fn tick(&self, _: u64) {}
    fn finish(&self) {}
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<dyn Progress>>> = const { RefCell::new(None) };
}

/// Runs `work` with `progress` receiving the stages that work starts on this thread.
pub fn report_to<R>(progress: Arc<dyn Progress>, work: impl FnOnce() -> R) -> R {
    /// Puts back the receiver there was, also when `work` panics.
    struct Restore(Option<Arc<dyn Progress>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| *c.borrow_mut() = self.0.take());
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.borrow_mut().replace(progress)));
    work()
}

/// The receiver of the work running on this thread ([`Silent`] outside [`report_to`]). Taken
/// once per stage, before the work goes to other threads.
pub fn current() -> Arc<dyn Progress> {
    CURRENT
        .with(|c| c.borrow().clone())
        .unwrap_or_else(|| Arc::new(Silent))
}

/// Starts `stage` of `total` steps on this thread's receiver; it finishes when the returned
/// guard is dropped, on every way out of the work.
pub fn start(stage: Stage, total: u64) -> Running {
    let progress = current();
    progress.stage(stage, total);
    Running(progress)
}

/// A stage in progress ([`start`]): ticks go to its receiver, from any thread.
pub struct Running(Arc<dyn Progress>);

impl Running {
    pub fn tick(&self, n: u64) {
        self.0.tick(n);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[derive(Default)]
    struct Count(AtomicU64);

    impl Progress for Count {
        fn stage(&self, _: Stage, _: u64) {}
        fn tick(&self, n: u64) {
            self.0.fetch_add(n, Ordering::Relaxed);
        }
        fn finish(&self) {}
    }

    #[test]
    fn the_receiver_is_scoped_to_the_work() {
        let count = Arc::new(Count::default());
        current().tick(1);
        report_to(count.clone(), || {
            current().tick(2);
            report_to(Arc::new(Silent), || current().tick(4));
            current().tick(8);
        });
        current().tick(16);
        assert_eq!(count.0.load(Ordering::Relaxed), 10);
    }
}
