//! The progress of long work on a terminal: a bar on standard error while a stage runs, left as
//! one line with its count and time when the stage ends. Off the terminal nothing is drawn, so
//! that what pipes, scripts and tests read stays exactly the command's own output.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::progress::{Progress, Silent, Stage};

/// Where the library's progress goes for a command: bars when standard error is a terminal,
/// nowhere otherwise (nor with `FOUWEB_TIMINGS`, whose tables the bars would draw over).
pub fn progress() -> Arc<dyn Progress> {
    if !std::io::stderr().is_terminal() || super::timings() {
        return Arc::new(Silent);
    }
    Arc::new(Bars::new())
}

/// One bar, reused by each stage in turn. indicatif hides it on a terminal that cannot redraw
/// (`TERM` unset or `dumb`), leaving only the finished stages' lines; its colours follow
/// `NO_COLOR` and `CLICOLOR`.
struct Bars {
    bar: ProgressBar,
    /// The running stage and when it started.
    running: Mutex<Option<(Stage, Instant)>>,
}

/// Width of the stage names' column ("browser search" and a space).
const NAME_WIDTH: usize = 15;

impl Bars {
    fn new() -> Bars {
        let bar = ProgressBar::hidden();
        // The spinner and the elapsed time move also while no step ends (merging, committing).
        let template = format!(
            "{{prefix:<{NAME_WIDTH}}}{{bar:30.cyan/blue}} {{pos:>7}}/{{len}} {{msg}} {{elapsed:>4}} {{spinner}}"
        );
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> ").tick_chars("|/-\\ "));
        }
        Bars {
            bar,
            running: Mutex::new(None),
        }
    }

    fn running(&self) -> std::sync::MutexGuard<'_, Option<(Stage, Instant)>> {
        self.running.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Progress for Bars {
    fn stage(&self, stage: Stage, total: u64) {
        self.finish();
        *self.running() = Some((stage, Instant::now()));
        // Set up unseen, so that no frame shows the last stage's name or count.
        self.bar.set_draw_target(ProgressDrawTarget::hidden());
        self.bar.reset();
        self.bar.set_length(total);
        self.bar.set_prefix(stage.name());
        self.bar.set_message(stage.unit());
        self.bar.set_draw_target(ProgressDrawTarget::stderr());
        self.bar.enable_steady_tick(Duration::from_millis(200));
    }

    fn tick(&self, n: u64) {
        // An atomic add; indicatif redraws at most 20 times a second.
        self.bar.inc(n);
    }

    fn finish(&self) {
        let Some((stage, started)) = self.running().take() else {
            return;
        };
        self.bar.disable_steady_tick();
        self.bar.finish_and_clear();
        eprintln!(
            "{}",
            finished_line(stage, self.bar.position(), started.elapsed())
        );
    }
}

/// The line a finished stage leaves: `pages          2391 pages      1.20 s`.
fn finished_line(stage: Stage, done: u64, elapsed: Duration) -> String {
    let count = format!("{done} {}", stage.unit());
    format!(
        "{:<NAME_WIDTH$}{count:<18}{:>7.2} s",
        stage.name(),
        elapsed.as_secs_f64()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_stage_is_one_aligned_line() {
        let line = finished_line(Stage::BrowserSearch, 2000, Duration::from_millis(905));
        assert_eq!(line, "browser search 2000 records         0.91 s");
        let line = finished_line(Stage::Load, 7, Duration::from_millis(12));
        assert_eq!(line, "load           7 files              0.01 s");
    }
}
