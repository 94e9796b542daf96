//! Report files: discovery, frontmatter, periods and validation.

pub mod fields;
pub mod frontmatter;
mod limits;
mod loader;
mod locate;
pub mod period;
mod report;
mod scaffold;
pub mod split;
mod values;

pub use limits::check_unknown_methods;
pub use loader::{
    body_again, discover, duplicate_slug, is_report_path, load_file, load_reports, read_report,
};
pub use period::{Period, YearMonth};
pub use report::{MethodRef, Report};
pub use scaffold::{scaffold, NewReport};
