//! One module per subcommand. Each takes its parsed arguments, calls the library and reports
//! to the terminal.

pub mod build;
pub mod check;
pub mod new;
pub mod search;
pub mod serve;

use std::io::Write;

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
