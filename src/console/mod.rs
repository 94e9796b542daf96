//! What fouweb writes to the terminal besides a command's own result: diagnostics with their
//! summary, the progress of long work ([`progress()`]), and whether the `FOUWEB_TIMINGS` switch
//! asks for time breakdowns. Read the environment here and nowhere else.

mod progress;

pub use progress::progress;

use std::io::Write;
use std::sync::OnceLock;

use crate::diagnostics::Diagnostics;

/// Prints diagnostics and their summary to standard error.
pub fn print_diagnostics(diagnostics: &Diagnostics) {
    if diagnostics.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{}", diagnostics.render());
    let _ = writeln!(err, "{}", diagnostics.summary());
}

/// True when `FOUWEB_TIMINGS` is set: builds and the dev server then print where their time
/// goes (per template, per search step) to standard error.
pub fn timings() -> bool {
    static SET: OnceLock<bool> = OnceLock::new();
    *SET.get_or_init(|| std::env::var_os("FOUWEB_TIMINGS").is_some())
}
