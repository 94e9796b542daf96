//! Every fact fouweb takes from Pagefind's source rather than from the `pagefind` crate's API:
//! the bundle writer (`bundle_index`) and the bundle (`bundle`) read them from here only, so
//! that an upgrade of Pagefind re-checks this one file (see `docs/pagefind-upgrade.md`).
//!
//! Each fact names where Pagefind keeps it (paths inside the `pagefind` crate's source). The
//! equality tests (`bundle_index::tests`, `bundle::tests`) prove them against the crate; the
//! version below is checked against the version the crate's own assets carry.

/// The Pagefind version these facts were read from. The writer writes the version the crate's
/// entry file carries (read at run time); a test fails when the two differ, so that a new
/// crate is not used before this file was checked against it.
pub const VERSION: &str = "1.6.0";

// ---------- Files ----------

/// The entry file the script starts from (`src/output/mod.rs`).
pub const ENTRY_FILE: &str = "pagefind-entry.json";

/// Folders whose files are named by a hash of their content (`src/index/mod.rs`), and the
/// metadata file's extension (also named by its hash).
pub const CONTENT_NAMED_DIRS: [&str; 3] = ["index/", "filter/", "fragment/"];
pub const META_EXTENSION: &str = ".pf_meta";

/// The crate's files that the search page does not use (`src/output/mod.rs`): its ready-made
/// interfaces' scripts and styles, the playground, the highlighter, and the wasm for unknown
/// languages (every fouweb record is Swedish). Prefixes, then whole names.
pub const UNUSED_ASSET_PREFIXES: [&str; 4] = [
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "playground/",
];
pub const UNUSED_ASSET_FILES: [&str; 2] = ["pagefind-highlight.js", "wasm.unknown.pagefind"];

// ---------- Encodings ----------

/// The bytes in front of every gzipped `.pf_*` file's content (`src/output/mod.rs`; the
/// script checks them).
pub const GZIP_SIGNATURE: &[u8] = b"pagefind_dcd";

/// Pagefind's gzip level. fouweb writes at its own level (`bundle::COMPRESSION`): the script
/// decompresses any, so only the equality tests use this one.
#[cfg(test)]
pub const GZIP_LEVEL: u32 = 9;

/// Hex digits of a file name's hash after the language and `_` (`src/index/mod.rs`:
/// `[0..=(language.len() + 7)]`).
pub const HASH_DIGITS: usize = 7;

/// How a name's hash grows when an earlier file has the same prefix: by one digit for
/// fragments, by two for word index chunks and filters (`src/index/mod.rs`).
pub const FRAGMENT_NAME_STEP: usize = 1;
pub const INDEX_NAME_STEP: usize = 2;

/// A word index chunk closes once its postings reach this many entries
/// (`src/options.rs`: `default_index_chunk_size`; the `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`
/// environment variable changes the crate's, never fouweb's).
pub const CHUNK_SIZE: usize = 20_000;

// ---------- Weights ----------

/// The weight of a word outside any weighted block: 1.0 × the multiplier 24
/// (`src/fossick/mod.rs`).
pub const WORD_WEIGHT: u8 = 24;

/// The weight the location lists start from: 25 (`src/index/mod.rs`), so the common weight
/// 24 is written once per list, as a change.
pub const LOCATIONS_START_WEIGHT: u8 = 25;

// ---------- Word rules ----------

/// Word characters besides letters and digits: Unicode's connector punctuation
/// (`src/utils.rs`: `WORD_SYMBOLS`). The entry file lists them for the script too.
pub const WORD_SYMBOLS: [char; 10] = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// The longest dotted tail and katakana suffix indexed, in characters
/// (`src/fossick/splitting.rs`).
pub const MAX_DOTTED_TAIL_CHARS: usize = 64;
pub const MAX_KATAKANA_SUFFIX_CHARS: usize = 16;

/// Katakana words of at least this many characters also index their suffixes of at least
/// `MIN_KATAKANA_SUFFIX_CHARS` (`src/fossick/splitting.rs`).
pub const MIN_KATAKANA_WORD_CHARS: usize = 3;
pub const MIN_KATAKANA_SUFFIX_CHARS: usize = 2;

/// Katakana code points (`src/fossick/splitting.rs`).
pub const KATAKANA: [std::ops::RangeInclusive<u32>; 4] = [
    0x30A1..=0x30FA,
    0x30FC..=0x30FF,
    0x31F0..=0x31FF,
    0xFF66..=0xFF9F,
];

/// Removed from words before they are split (`src/fossick/mod.rs`).
pub const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// Words of a record that Pagefind reads as instructions (`___PAGEFIND_WEIGHT___2`, …;
/// `src/fossick/mod.rs`): fouweb removes them from editors' text. The marker is looked for
/// first, the pattern only in text that has it.
pub const PRIVATE_MARKER: &str = "PAGEFIND_";
pub const PRIVATE_WORDS: &str = r"___(END_)?PAGEFIND_\S*\s?";
