//! One module per subcommand. Each takes its parsed arguments, calls the library and reports
//! to the terminal (through [`crate::console`]).

pub mod build;
pub mod check;
pub mod new;
pub mod search;
pub mod serve;

pub use crate::console::print_diagnostics;
