//! fouweb turns a folder of Markdown project reports with YAML frontmatter into a searchable
//! static website for regional FoU knowledge bases.
//!
//! The pipeline follows the module tree: [`config`] and [`vocabulary`] are the inputs besides
//! the reports; [`content`] reads and validates reports; [`site`] builds the model, plans and
//! renders the pages ([`markdown`], [`theme`]) and writes them atomically; [`search`] indexes
//! the same model for `fouweb search`. [`diagnostics`]
//! collects every problem on the way. [`cli`] and [`cmd`] are the command line.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod console;
pub mod content;
pub mod diagnostics;
pub mod html;
pub mod links;
pub mod markdown;
pub mod progress;
pub mod search;
pub mod serve;
pub mod site;
pub mod text;
pub mod theme;
pub mod vocabulary;
pub mod yaml;
