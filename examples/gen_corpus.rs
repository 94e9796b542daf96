//! Deterministic benchmark / test corpus generator for fouweb.
//!
//! ```text
//! cargo run --release --example gen_corpus -- N DIR [--seed S]
//! ```
//!
//! Writes `DIR/site.yaml` and `DIR/content/<slug>.md` for N Swedish FoU project
//! reports (~9 KB each: YAML frontmatter + Markdown). `DIR/content` is deleted
//! and recreated first; nothing else in DIR is touched.
//!
//! Properties:
//! * Output is a pure function of (N, seed) and fouweb's built-in vocabulary:
//!   report `i` is generated from its own splitmix64 streams seeded by (seed, i),
//!   so the corpus for N is a byte-exact prefix of the corpus for any larger N.
//! * Counties, sub-regions, municipalities and methods (with their codes, names,
//!   aliases and descriptions) come from `fouweb::vocabulary::Vocabulary::builtin()`,
//!   i.e. `data/regions.yaml` and `data/methods.yaml`; this file only adds what
//!   the vocabulary does not hold (county weights, method popularity, the
//!   deliberately unknown methods and the word stock for the body text).
//! * Every frontmatter value is *valid* for fouweb; the only intended warnings are
//!   the deliberately unknown methods (~1 in 15 reports) and the comma-separated
//!   `methods:` string (~1 in 40 reports).
//! * The frontmatter exercises every accepted form: county as name, short name,
//!   quoted SCB code, letter, alias, case variants, sub-region or a list of two
//!   counties; municipalities as names, quoted SCB codes or "X kommun" aliases;
//!   periods as flow/block maps (with or without end), a bare year, or
//!   "YYYY–YYYY" / "YYYY-YYYY" strings; methods as names, short names and aliases
//!   in mixed case; plain, single- and double-quoted scalars, block and flow
//!   lists, folded and literal block scalars, shuffled key order, `slug:` and
//!   `draft:` keys.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fouweb::vocabulary::{
    slugify, County, CountyIdx, KommunIdx, Method, MethodIdx, Municipality, Regions, SubregionIdx,
    Vocabulary,
};

const DEFAULT_SEED: u64 = 42;
const MAX_REPORTS: usize = 1_000_000;

const USAGE: &str = "\
usage: gen_corpus N DIR [--seed S]

Writes a deterministic corpus of N Swedish FoU project reports:
  DIR/site.yaml
  DIR/content/<slug>.md      (DIR/content is deleted and recreated)

arguments:
  N          number of reports, 1..=1000000
  DIR        output directory (created if missing)
  --seed S   unsigned 64-bit seed (default 42); also --seed=S
  -h, --help show this help

Same (N, seed) gives byte-identical output; the corpus for N is a prefix of
the corpus for any larger N.

example:
  cargo run --release --example gen_corpus -- 10000 /tmp/corpus --seed 7";

// ---------------------------------------------------------------------------
// Entry point and argument handling
// ---------------------------------------------------------------------------

struct Args {
    n: usize,
    dir: PathBuf,
    seed: u64,
}

enum ArgsOutcome {
    Run(Args),
    Help,
}

fn parse_args(raw: &[String]) -> Result<ArgsOutcome, String> {
    let mut positional: Vec<&str> = Vec::new();
    let mut seed: Option<u64> = None;
    let mut k = 0;
    while k < raw.len() {
        let a = raw[k].as_str();
        if a == "-h" || a == "--help" {
            return Ok(ArgsOutcome::Help);
        } else if a == "--seed" {
            let v = raw
                .get(k + 1)
                .ok_or_else(|| "--seed needs a value".to_string())?;
            seed = Some(parse_seed(v)?);
            k += 1;
        } else if let Some(v) = a.strip_prefix("--seed=") {
            seed = Some(parse_seed(v)?);
        } else if a.starts_with('-')
            && a.len() > 1
            && !a[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return Err(format!("unknown option '{a}'"));
        } else {
            positional.push(a);
        }
        k += 1;
    }
    if positional.len() != 2 {
        return Err(format!(
            "expected 2 positional arguments (N DIR), got {}",
            positional.len()
        ));
    }
    let n: usize = positional[0]
        .parse()
        .map_err(|_| format!("N must be a positive integer, got '{}'", positional[0]))?;
    if n == 0 || n > MAX_REPORTS {
        return Err(format!("N must be between 1 and {MAX_REPORTS}, got {n}"));
    }
    if positional[1].is_empty() {
        return Err("DIR must not be empty".to_string());
    }
    Ok(ArgsOutcome::Run(Args {
        n,
        dir: PathBuf::from(positional[1]),
        seed: seed.unwrap_or(DEFAULT_SEED),
    }))
}

fn parse_seed(v: &str) -> Result<u64, String> {
    v.parse::<u64>()
        .map_err(|_| format!("--seed must be an unsigned 64-bit integer, got '{v}'"))
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&raw) {
        Ok(ArgsOutcome::Help) => {
            // Ignore a closed stdout (`gen_corpus --help | head -1`).
            let _ = writeln!(std::io::stdout(), "{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(ArgsOutcome::Run(args)) => match run(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("gen_corpus: error: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("gen_corpus: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let start = std::time::Instant::now();
    let content = args.dir.join("content");
    fs::create_dir_all(&args.dir)
        .map_err(|e| format!("cannot create {}: {e}", args.dir.display()))?;
    match fs::remove_dir_all(&content) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot remove {}: {e}", content.display())),
    }
    fs::create_dir_all(&content)
        .map_err(|e| format!("cannot create {}: {e}", content.display()))?;
    let site = "title: \"Benchmark corpus\"\nbase_url: \"https://example.org/\"\n";
    write_file(&args.dir.join("site.yaml"), site.as_bytes())?;

    // Phase 1 (sequential, cheap): the metadata of every report. Report i only
    // depends on (seed, i), so this is prefix-stable.
    let tables = Tables::new();
    let metas: Vec<Meta> = (0..args.n)
        .map(|i| make_meta(args.seed, i, &tables))
        .collect();

    // Phase 2 (parallel): bodies and files. Report i reads metas[..i] for links.
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16)
        .min(args.n);
    let results: Vec<Result<u64, String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let metas = &metas;
                let content = &content;
                let seed = args.seed;
                s.spawn(move || -> Result<u64, String> {
                    let mut bytes = 0u64;
                    let mut i = w;
                    while i < metas.len() {
                        let text = render_report(seed, i, metas);
                        let path = content.join(format!("{}.md", metas[i].slug));
                        write_file(&path, text.as_bytes())?;
                        bytes += text.len() as u64;
                        i += workers;
                    }
                    Ok(bytes)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("worker thread panicked".to_string()))
            })
            .collect()
    });
    let mut total = 0u64;
    for r in results {
        total += r?;
    }
    eprintln!(
        "gen_corpus: N={} seed={} total_bytes={} mean_bytes={:.0} dir={} ({:.2}s)",
        args.n,
        args.seed,
        total,
        total as f64 / args.n as f64,
        args.dir.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn write_file(path: &Path, data: &[u8]) -> Result<(), String> {
    fs::write(path, data).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

// ---------------------------------------------------------------------------
// PRNG: splitmix64, one stream per (seed, report, purpose)
// ---------------------------------------------------------------------------

fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

struct Rng(u64);

impl Rng {
    fn for_report(seed: u64, i: usize, stream: u64) -> Rng {
        let a = mix64(seed ^ 0x6A09_E667_F3BC_C909);
        let b = mix64(a ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        Rng(mix64(b ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03)))
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.0)
    }
    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }
    /// True with probability pm/1000 (integer only, so platform-independent).
    fn pm(&mut self, pm: usize) -> bool {
        self.below(1000) < pm
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn pick_str(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| w as u64).sum();
        let mut x = self.below(total as usize) as u64;
        for (k, &w) in weights.iter().enumerate() {
            if x < w as u64 {
                return k;
            }
            x -= w as u64;
        }
        weights.len() - 1
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for k in (1..xs.len()).rev() {
            let j = self.below(k + 1);
            xs.swap(k, j);
        }
    }
}

// ---------------------------------------------------------------------------
// Small string helpers
// ---------------------------------------------------------------------------

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Subject in mid-sentence position: lowercase the first letter unless the
/// word starts with an acronym ("FoU-enheten").
fn decap(s: &str) -> String {
    if s.starts_with("FoU") {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
fn genitive(name: &str) -> String {
    if name.ends_with('s') || name.ends_with('x') || name.ends_with('z') {
        name.to_string()
    } else {
        format!("{name}s")
    }
}

fn thousands(n: u64) -> String {
    // Swedish style: groups of three digits separated by spaces ("1 250 000").
    let s = n.to_string();
    let mut out = String::new();
    let mut until_sep = match s.len() % 3 {
        0 => 3,
        r => r,
    };
    for ch in s.chars() {
        if until_sep == 0 {
            out.push(' ');
            until_sep = 3;
        }
        out.push(ch);
        until_sep -= 1;
    }
    out
}

// ---------------------------------------------------------------------------
// YAML scalar rendering
// ---------------------------------------------------------------------------

fn needs_quote(s: &str, flow: bool) -> bool {
    let first = match s.chars().next() {
        Some(c) => c,
        None => return true,
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_ascii_digit() || first == ' ' {
        return true;
    }
    if s.ends_with(' ') || s.ends_with(':') || s.contains(": ") || s.contains(" #") {
        return true;
    }
    if s.contains('\n') || s.contains('\t') {
        return true;
    }
    if flow && s.contains(|c| ",[]{}:".contains(c)) {
        return true;
    }
    let l = s.to_lowercase();
    matches!(
        l.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "~"
    )
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A valid YAML scalar for `s`: plain when safe (mostly), otherwise double-
/// or single-quoted. `flow` = inside `[...]` / `{...}`.
fn scalar(r: &mut Rng, s: &str, flow: bool) -> String {
    if needs_quote(s, flow) {
        if r.below(4) == 0 && !s.contains('\n') {
            single_quoted(s)
        } else {
            double_quoted(s)
        }
    } else {
        match r.below(12) {
            0 => double_quoted(s),
            1 => single_quoted(s),
            _ => s.to_string(),
        }
    }
}

/// Always quoted (numbers-as-strings such as SCB codes).
fn quoted(r: &mut Rng, s: &str) -> String {
    if r.below(4) == 0 {
        single_quoted(s)
    } else {
        double_quoted(s)
    }
}

/// `key:` followed by a YAML list in one of three layouts. Items are raw strings
/// (`force_quote` for SCB codes).
fn yaml_list(r: &mut Rng, key: &str, items: &[String], force_quote: &[bool]) -> String {
    let mut out = String::new();
    match r.below(10) {
        // Block lists, mostly indented, sometimes flush with the key.
        layout @ 0..=6 => {
            let indent = if layout <= 5 { "  " } else { "" };
            let _ = writeln!(out, "{key}:");
            for (k, it) in items.iter().enumerate() {
                let v = if force_quote[k] {
                    quoted(r, it)
                } else {
                    scalar(r, it, false)
                };
                let _ = writeln!(out, "{indent}- {v}");
            }
        }
        _ => {
            let vs: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(k, it)| {
                    if force_quote[k] {
                        quoted(r, it)
                    } else {
                        scalar(r, it, true)
                    }
                })
                .collect();
            let _ = writeln!(out, "{key}: [{}]", vs.join(", "));
        }
    }
    out
}

fn yaml_str_list(r: &mut Rng, key: &str, items: &[String]) -> String {
    let fq = vec![false; items.len()];
    yaml_list(r, key, items, &fq)
}

// ---------------------------------------------------------------------------
// Reference data: fouweb's built-in vocabulary plus the generator's own weights
// ---------------------------------------------------------------------------

fn vocabulary() -> &'static Vocabulary {
    Vocabulary::builtin()
}

fn regions() -> &'static Regions {
    &vocabulary().regions
}

fn county_at(idx: CountyIdx) -> &'static County {
    regions().county(idx)
}

fn kommun_at(idx: KommunIdx) -> &'static Municipality {
    regions().municipality(idx)
}

fn method_at(idx: MethodIdx) -> &'static Method {
    vocabulary().methods.get(idx)
}

/// How many reports each county gets, roughly the square root of its population.
/// Keyed by SCB code; a county not listed here gets `DEFAULT_COUNTY_WEIGHT`.
#[rustfmt::skip]
const COUNTY_WEIGHTS: &[(&str, u32)] = &[
    ("01", 15), ("03", 7), ("04", 6), ("05", 8), ("06", 7), ("07", 4), ("08", 5),
    ("09", 2), ("10", 4), ("12", 12), ("13", 6), ("14", 13), ("17", 5), ("18", 6),
    ("19", 5), ("20", 5), ("21", 5), ("22", 5), ("23", 3), ("24", 5), ("25", 5),
];
const DEFAULT_COUNTY_WEIGHT: u32 = 4;

/// The methods reports name most often, most popular first (vocabulary ids). All
/// other vocabulary methods follow in vocabulary order; the chance of a method
/// then falls off Zipf-like with its rank (see `zipf_weight`).
const POPULAR_METHODS: &[&str] = &[
    "stodgrupper-for-barn",
    "bra",
    "fora-barnen-pa-tal",
    "bbic",
    "mi",
    "losningsfokuserat-arbetssatt",
    "beardslee",
    "sofia-modellen",
    "trappan",
    "komet",
];

/// Realistic methods that are deliberately NOT in the vocabulary (warnings
/// expected): (name, how the body text refers to it). Any that the vocabulary
/// has since learned are skipped, so they never turn into silent matches.
const UNKNOWN_METHODS: &[(&str, &str)] = &[
    (
        "Trygghetscirkeln",
        "Trygghetscirkeln (Circle of Security) för att stärka anknytningen",
    ),
    (
        "ESTER",
        "ESTER-bedömning av risk- och skyddsfaktorer hos barn och unga",
    ),
    ("Skolfam", "Skolfam för familjehemsplacerade barns skolgång"),
    (
        "Familjecentral",
        "familjecentralen som mötesplats och stödstruktur",
    ),
    (
        "TMO",
        "TMO – traumamedveten omsorg i familjehem och på boenden",
    ),
    (
        "MBT",
        "MBT – mentaliseringsbaserad terapi för unga och föräldrar",
    ),
    ("Nätverksmöten", "nätverksmöten kring barnet och familjen"),
    (
        "Case management",
        "case management med en sammanhållande kontaktperson",
    ),
];

/// Zipf-like popularity of the method at `rank` (1 = most popular):
/// floor(1000 / rank^0.8), computed in integers (the largest w with
/// w^5 · rank^4 ≤ 1000^5) so that it is the same on every platform.
fn zipf_weight(rank: usize) -> u32 {
    const THOUSAND_POW5: u128 = 1_000_000_000_000_000;
    let r4 = (rank as u128).pow(4);
    let (mut lo, mut hi) = (0u128, 1000u128);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if mid.pow(5) * r4 <= THOUSAND_POW5 {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo as u32).max(1)
}

/// What report metadata is drawn from, derived once from the vocabulary.
struct Tables {
    /// Weight of each county, in vocabulary (SCB) order.
    county_weights: Vec<u32>,
    /// The municipalities of each county, in SCB order.
    kommuner_by_county: Vec<Vec<KommunIdx>>,
    /// Sub-regions with their members inside the sub-region's own county.
    /// Members elsewhere (Kungsbacka, in Hallands län, belongs to
    /// Göteborgsregionen) are left out so that every generated kommun belongs
    /// to the county the report names.
    subregions: Vec<(SubregionIdx, Vec<KommunIdx>)>,
    /// Methods by popularity, and their weights.
    methods: Vec<MethodIdx>,
    method_weights: Vec<u32>,
    /// Indices into `UNKNOWN_METHODS` that the vocabulary indeed does not know.
    unknown_methods: Vec<usize>,
}

impl Tables {
    fn new() -> Tables {
        let regions = regions();
        let county_weights = regions
            .counties
            .iter()
            .map(|c| {
                COUNTY_WEIGHTS
                    .iter()
                    .find(|(code, _)| *code == c.code.0)
                    .map_or(DEFAULT_COUNTY_WEIGHT, |&(_, w)| w)
            })
            .collect();
        let mut kommuner_by_county = vec![Vec::new(); regions.counties.len()];
        for (k, m) in regions.municipalities.iter().enumerate() {
            kommuner_by_county[m.county.0 as usize].push(KommunIdx(k as u16));
        }
        let subregions = regions
            .subregions
            .iter()
            .enumerate()
            .map(|(s, sr)| {
                let members: Vec<KommunIdx> = sr
                    .municipalities
                    .iter()
                    .copied()
                    .filter(|&m| regions.municipality(m).county == sr.county)
                    .collect();
                (SubregionIdx(s as u16), members)
            })
            .filter(|(_, members)| !members.is_empty())
            .collect();

        let all = vocabulary().methods.all();
        let mut methods: Vec<MethodIdx> = POPULAR_METHODS
            .iter()
            .filter_map(|id| all.iter().position(|m| m.id.0 == *id))
            .map(|k| MethodIdx(k as u32))
            .collect();
        for k in 0..all.len() {
            let idx = MethodIdx(k as u32);
            if !methods.contains(&idx) {
                methods.push(idx);
            }
        }
        let method_weights = (1..=methods.len()).map(zipf_weight).collect();
        let unknown_methods = (0..UNKNOWN_METHODS.len())
            .filter(|&u| vocabulary().methods.find(UNKNOWN_METHODS[u].0).is_none())
            .collect();
        Tables {
            county_weights,
            kommuner_by_county,
            subregions,
            methods,
            method_weights,
            unknown_methods,
        }
    }
}

// ---------------------------------------------------------------------------
// Report metadata (phase 1)
// ---------------------------------------------------------------------------

enum MethodRef {
    Known { idx: MethodIdx, form: String },
    Unknown { idx: usize },
}

impl MethodRef {
    /// The spelling in the frontmatter.
    fn form(&self) -> &str {
        match self {
            MethodRef::Known { form, .. } => form,
            MethodRef::Unknown { idx } => UNKNOWN_METHODS[*idx].0,
        }
    }
    /// The short name the body text uses.
    fn canonical(&self) -> &'static str {
        match self {
            MethodRef::Known { idx, .. } => &method_at(*idx).short_name,
            MethodRef::Unknown { idx } => UNKNOWN_METHODS[*idx].0,
        }
    }
    fn heading(&self) -> &'static str {
        match self {
            MethodRef::Known { idx, .. } => &method_at(*idx).name,
            MethodRef::Unknown { idx } => UNKNOWN_METHODS[*idx].0,
        }
    }
    /// The method mid-sentence: "Arbetet med {mention} …".
    fn mention(&self) -> String {
        match self {
            MethodRef::Known { idx, .. } => {
                let m = method_at(*idx);
                if m.kind.is_empty() {
                    m.short_name.clone()
                } else {
                    format!("{} ({})", m.short_name, m.kind)
                }
            }
            MethodRef::Unknown { idx } => UNKNOWN_METHODS[*idx].1.to_string(),
        }
    }
    /// The opening of the method's section under "## Metoder".
    fn intro(&self) -> String {
        match self {
            MethodRef::Known { idx, .. } => {
                let m = method_at(*idx);
                if m.description.is_empty() {
                    format!("Projektet använde {}.", m.name)
                } else {
                    m.description.trim().to_string()
                }
            }
            MethodRef::Unknown { idx } => format!("Projektet använde {}.", UNKNOWN_METHODS[*idx].1),
        }
    }
}

#[derive(Clone, Copy)]
enum PeriodForm {
    FlowMap,
    BlockMap,
    Year,
    RangeEnDash,
    RangeHyphen,
}

struct Period {
    start: (u32, u32),
    end: Option<(u32, u32)>,
    form: PeriodForm,
}

struct Meta {
    title: String,
    slug: String,
    draft: bool,
    /// Rendered `county:` frontmatter entry.
    county_yaml: String,
    /// The counties the report names (1 or 2).
    counties: Vec<CountyIdx>,
    /// Sub-region used in `county:`, if any.
    subregion: Option<SubregionIdx>,
    /// Municipalities and their frontmatter spellings.
    munis: Vec<KommunIdx>,
    muni_forms: Vec<String>,
    omit_munis: bool,
    methods: Vec<MethodRef>,
    methods_as_string: bool,
    period: Period,
}

impl Meta {
    /// The first county.
    fn county(&self) -> &'static County {
        county_at(self.counties[0])
    }
    /// The sub-region, or else the first county's short name.
    fn place(&self) -> &'static str {
        place_name(self.subregion, self.counties[0])
    }
    /// A random municipality of the report (its county when it names none).
    fn muni_name(&self, r: &mut Rng) -> &'static str {
        if self.munis.is_empty() {
            return &self.county().short_name;
        }
        &kommun_at(*r.pick(&self.munis)).name
    }
}

fn place_name(subregion: Option<SubregionIdx>, county: CountyIdx) -> &'static str {
    match subregion {
        Some(s) => &regions().subregion(s).name,
        None => &county_at(county).short_name,
    }
}

fn case_variant(r: &mut Rng, s: &str) -> String {
    match r.below(3) {
        0 => s.to_uppercase(),
        _ => s.to_lowercase(),
    }
}

fn county_spelling(r: &mut Rng, ci: CountyIdx) -> (String, bool) {
    let c = county_at(ci);
    // (text, must be quoted)
    match r.below(100) {
        0..=57 => (c.name.clone(), false),
        58..=67 => (c.short_name.clone(), false),
        68..=72 => (c.code.0.clone(), true),
        73..=74 if !c.letter.is_empty() => (c.letter.clone(), false),
        73..=87 if !c.aliases.is_empty() => (r.pick(&c.aliases).clone(), false),
        73..=87 => (c.name.clone(), false),
        _ => {
            let base = if r.below(2) == 0 {
                &c.name
            } else {
                &c.short_name
            };
            (case_variant(r, base), false)
        }
    }
}

fn make_meta(seed: u64, i: usize, t: &Tables) -> Meta {
    let mut r = Rng::for_report(seed, i, 1);
    let cw = &t.county_weights;

    // --- county -----------------------------------------------------------
    let mut counties = Vec::new();
    let mut subregion = None;
    let mut pool: Vec<KommunIdx>;
    let county_yaml;
    let kind = r.below(100);
    if kind < 8 && !t.subregions.is_empty() {
        // sub-region (name or alias)
        let (s, members) = r.pick(&t.subregions);
        let sr = regions().subregion(*s);
        subregion = Some(*s);
        counties.push(sr.county);
        pool = members.clone();
        let text = if !sr.aliases.is_empty() && r.below(3) == 0 {
            r.pick(&sr.aliases).clone()
        } else if r.below(8) == 0 {
            case_variant(&mut r, &sr.name)
        } else {
            sr.name.clone()
        };
        county_yaml = format!("county: {}\n", scalar(&mut r, &text, false));
    } else if kind < 12 && cw.len() >= 2 {
        // a list of two counties
        let a = r.weighted(cw);
        let mut b = r.weighted(cw);
        while b == a {
            b = r.weighted(cw);
        }
        let (a, b) = (CountyIdx(a as u16), CountyIdx(b as u16));
        counties.push(a);
        counties.push(b);
        pool = t.kommuner_by_county[a.0 as usize].clone();
        pool.extend(&t.kommuner_by_county[b.0 as usize]);
        let items: Vec<(String, bool)> =
            vec![county_spelling(&mut r, a), county_spelling(&mut r, b)];
        let texts: Vec<String> = items.iter().map(|x| x.0.clone()).collect();
        let fq: Vec<bool> = items.iter().map(|x| x.1).collect();
        county_yaml = yaml_list(&mut r, "county", &texts, &fq);
    } else {
        let c = CountyIdx(r.weighted(cw) as u16);
        counties.push(c);
        pool = t.kommuner_by_county[c.0 as usize].clone();
        let (text, fq) = county_spelling(&mut r, c);
        if r.pm(10) {
            // a one-element list is also a list
            county_yaml = yaml_list(&mut r, "county", &[text], &[fq]);
        } else if fq {
            county_yaml = format!("county: {}\n", quoted(&mut r, &text));
        } else {
            county_yaml = format!("county: {}\n", scalar(&mut r, &text, false));
        }
    }

    // --- municipalities ---------------------------------------------------
    let want = *r.pick(&[1usize, 1, 1, 2, 2, 2, 3, 3, 4]);
    let mut munis = Vec::new();
    for _ in 0..want.min(pool.len()) {
        let k = r.below(pool.len());
        munis.push(pool.swap_remove(k));
    }
    let muni_forms: Vec<String> = munis
        .iter()
        .map(|&m| {
            let mu = kommun_at(m);
            match r.below(100) {
                0..=77 => mu.name.clone(),
                78..=88 => mu.code.0.clone(),
                89..=97 if !mu.aliases.is_empty() => r.pick(&mu.aliases).clone(),
                89..=97 => mu.name.clone(),
                _ => mu.name.to_lowercase(),
            }
        })
        .collect();
    let omit_munis = r.pm(40);

    // --- methods ----------------------------------------------------------
    let nmeth = (*r.pick(&[1usize, 2, 2, 2, 3, 3, 3, 4])).min(t.methods.len());
    let mut chosen: Vec<MethodIdx> = Vec::new();
    while chosen.len() < nmeth {
        let m = t.methods[r.weighted(&t.method_weights)];
        if !chosen.contains(&m) {
            chosen.push(m);
        }
    }
    let mut methods: Vec<MethodRef> = chosen
        .into_iter()
        .map(|idx| {
            let m = method_at(idx);
            let form = match r.below(100) {
                0..=34 => m.name.clone(),
                35..=69 => m.short_name.clone(),
                70..=89 if !m.aliases.is_empty() => r.pick(&m.aliases).clone(),
                70..=89 => m.short_name.clone(),
                _ => {
                    let base = if r.below(2) == 0 {
                        &m.name
                    } else {
                        &m.short_name
                    };
                    case_variant(&mut r, base)
                }
            };
            MethodRef::Known { idx, form }
        })
        .collect();
    if r.below(15) == 0 && !t.unknown_methods.is_empty() {
        let u = MethodRef::Unknown {
            idx: *r.pick(&t.unknown_methods),
        };
        if methods.len() >= 4 {
            let k = r.below(methods.len());
            methods[k] = u;
        } else {
            let k = r.below(methods.len() + 1);
            methods.insert(k, u);
        }
    }
    let methods_as_string =
        r.below(40) == 0 && methods.len() >= 2 && methods.iter().all(|m| !m.form().contains(','));

    // --- period -----------------------------------------------------------
    let form = match r.below(100) {
        0..=59 => PeriodForm::FlowMap,
        60..=77 => PeriodForm::BlockMap,
        78..=85 => PeriodForm::Year,
        86..=92 => PeriodForm::RangeEnDash,
        _ => PeriodForm::RangeHyphen,
    };
    let period = match form {
        PeriodForm::FlowMap | PeriodForm::BlockMap => {
            if r.below(100) < 10 {
                // ongoing: open end
                let sy = r.range(2019, 2024);
                Period {
                    start: (sy, r.range(1, 12)),
                    end: None,
                    form,
                }
            } else {
                let dur = r.range(6, 40);
                let mut s = r.range(2005 * 12, 2023 * 12 + 11);
                let last = 2024 * 12 + 11;
                if s + dur > last {
                    s = last - dur;
                }
                let e = s + dur;
                Period {
                    start: (s / 12, s % 12 + 1),
                    end: Some((e / 12, e % 12 + 1)),
                    form,
                }
            }
        }
        PeriodForm::Year => {
            let y = r.range(2005, 2024);
            Period {
                start: (y, 1),
                end: Some((y, 12)),
                form,
            }
        }
        PeriodForm::RangeEnDash | PeriodForm::RangeHyphen => {
            let sy = r.range(2005, 2023);
            let ey = (sy + r.range(1, 3)).min(2024);
            Period {
                start: (sy, 1),
                end: Some((ey, 12)),
                form,
            }
        }
    };

    // --- title and slug -----------------------------------------------------
    let draft = r.below(50) == 0;
    let first_muni = match munis.first() {
        Some(&m) => &kommun_at(m).name,
        None => &county_at(counties[0]).short_name,
    };
    let place = place_name(subregion, counties[0]);
    let title = make_title(&mut r, first_muni, place, &methods, &period);
    let mut slug = format!("r{i:05}-{}", slugify(&title));
    if slug.len() > 80 {
        slug.truncate(80);
    }
    let slug = slug.trim_end_matches('-').to_string();

    Meta {
        title,
        slug,
        draft,
        county_yaml,
        counties,
        subregion,
        munis,
        muni_forms,
        omit_munis,
        methods,
        methods_as_string,
        period,
    }
}

fn make_title(r: &mut Rng, muni: &str, place: &str, methods: &[MethodRef], p: &Period) -> String {
    let theme = *r.pick(THEMES);
    let theme2 = *r.pick(THEMES2);
    let method = methods[0].canonical();
    let ey = p.end.map(|e| e.0).unwrap_or(2024);
    match r.below(20) {
        0 => "Barn med ”krångel” i familjen".to_string(),
        1 => format!("Stöd till barn i familjer med {}", r.pick(PROBLEMS)),
        2 => format!("{} i {muni}", cap(theme)),
        3 => format!("{} – erfarenheter från {place}", cap(theme)),
        4 => format!("Att se barnen: {theme} i {muni}"),
        5 => format!("Projekt {} – {theme}", r.pick(PROJECT_WORDS)),
        6 => format!("Projekt \"{}\": {theme} i {place}", r.pick(PROJECT_WORDS)),
        7 => format!("Från kartläggning till {theme2}"),
        8 => format!("\"Vi pratar om det\" – {theme} i {place}"),
        9 => format!("Tidiga insatser för barn som anhöriga i {muni}"),
        10 => format!("{method} i praktiken – {muni}"),
        11 => format!("Samverkan kring {} i {place}", r.pick(TARGETS)),
        12 => format!("Barnens röst i {theme2}"),
        13 => format!(
            "Slutrapport: {} för {} {}–{ey}",
            cap(theme),
            r.pick(TARGETS),
            p.start.0
        ),
        14 => format!("Utvärdering av {method} i {} kommun", genitive(muni)),
        15 => format!("Ett år med {theme}: vad har vi lärt oss?"),
        16 => format!("Barngruppsledarnas erfarenheter i {place} {}", p.start.0),
        17 => format!("Föräldrastödet i {muni} – ”{}”", r.pick(QUOTES)),
        18 => format!(
            "Projekt {}: {theme2} för barn som anhöriga",
            r.pick(PROJECT_WORDS)
        ),
        _ => format!(
            "{} – ett utvecklingsarbete i {muni} och {place}",
            cap(theme)
        ),
    }
}

// ---------------------------------------------------------------------------
// Text generation
// ---------------------------------------------------------------------------

/// A head noun with gender (false = utrum/en, true = neutrum/ett) and its forms.
struct Noun(bool, &'static str, &'static str, &'static str, &'static str);

#[derive(Clone, Copy)]
enum NForm {
    IndefSg,
    DefSg,
    IndefPl,
    DefPl,
    Bare,
}

/// (utrum, neutrum, plural/definite)
struct Adj(&'static str, &'static str, &'static str);

/// (infinitive, present, past, supine, past passive, present passive)
struct Verb(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Body text generator for one report: its own RNG stream plus the report's
/// metadata (municipalities, methods, period) that sentences refer to.
struct Gen<'a> {
    r: Rng,
    meta: &'a Meta,
}

impl<'a> Gen<'a> {
    /// A (possibly compound) noun in the requested form, plus its gender.
    fn noun(&mut self, form: NForm) -> (String, bool) {
        let r = &mut self.r;
        // Some curated, frequent compounds so that every inflected form of the
        // words search will be tested on occurs often.
        let curated = r.below(100) < 14;
        let head = if curated {
            r.pick(KEY_NOUNS)
        } else {
            r.pick(HEAD_NOUNS)
        };
        let mut s = String::new();
        let k = if curated { 0 } else { r.below(100) };
        if k >= 30 {
            let pre = *r.pick(PREFIXES);
            s.push_str(pre);
            if k >= 88 {
                let mid = *r.pick(MIDS);
                s.push_str(mid);
            }
        }
        let f = match form {
            NForm::IndefSg | NForm::Bare => head.1,
            NForm::DefSg => head.2,
            NForm::IndefPl => head.3,
            NForm::DefPl => head.4,
        };
        s.push_str(f);
        (s, head.0)
    }

    fn np(&mut self, form: NForm) -> String {
        let with_adj = self.r.below(100) < 45;
        let (n, neu) = self.noun(form);
        if !with_adj {
            return match form {
                NForm::IndefSg => format!("{} {n}", if neu { "ett" } else { "en" }),
                _ => n,
            };
        }
        let a = self.r.pick(ADJS);
        match form {
            NForm::IndefSg => {
                if neu {
                    format!("ett {} {n}", a.1)
                } else {
                    format!("en {} {n}", a.0)
                }
            }
            NForm::Bare => format!("{} {n}", if neu { a.1 } else { a.0 }),
            NForm::IndefPl => format!("{} {n}", a.2),
            NForm::DefSg => format!("{} {} {n}", if neu { "det" } else { "den" }, a.2),
            NForm::DefPl => format!("de {} {n}", a.2),
        }
    }

    fn obj_np(&mut self) -> String {
        let f = match self.r.below(4) {
            0 => NForm::IndefSg,
            1 => NForm::DefSg,
            2 => NForm::IndefPl,
            _ => NForm::DefPl,
        };
        self.np(f)
    }

    fn muni(&mut self) -> &'static str {
        self.meta.muni_name(&mut self.r)
    }

    fn method(&mut self) -> &'static str {
        let k = self.r.below(self.meta.methods.len());
        self.meta.methods[k].canonical()
    }

    fn clause(&mut self) -> String {
        match self.r.below(4) {
            0 => {
                let n = self.np(NForm::DefSg);
                let v = self.r.pick(VERBS);
                let adv = *self.r.pick(ADVERBIALS);
                format!("{n} {} {adv}", v.5)
            }
            1 => {
                let s = decap(self.r.pick_str(SUBJECTS));
                let v = self.r.pick(VERBS);
                let o = self.obj_np();
                format!("{s} behöver {} {o}", v.0)
            }
            _ => self.r.pick(CLAUSES).to_string(),
        }
    }

    fn sentence(&mut self) -> String {
        let mut s = match self.r.below(18) {
            0 | 1 => {
                let subj = *self.r.pick(SUBJECTS);
                let v = self.r.pick(VERBS).2;
                let o = self.obj_np();
                let adv = *self.r.pick(ADVERBIALS);
                format!("{subj} {v} {o} {adv}.")
            }
            2 => {
                let c = *self.r.pick(CONNECTORS);
                let v = self.r.pick(VERBS).2;
                let subj = decap(self.r.pick_str(SUBJECTS));
                let o = self.obj_np();
                let adv = *self.r.pick(ADVERBIALS);
                format!("{c} {v} {subj} {o} {adv}.")
            }
            3 => {
                let n = self.r.range(6, 480);
                let who = *self.r.pick(&[
                    "barn",
                    "föräldrar",
                    "ungdomar",
                    "familjer",
                    "syskon",
                    "vårdnadshavare",
                ]);
                let what = *self.r.pick(&[
                    "gruppverksamheten",
                    "samtalen",
                    "utbildningen",
                    "träffarna",
                    "barngrupperna",
                    "föräldragrupperna",
                    "stödgruppen",
                ]);
                let m = self.muni();
                format!("Totalt deltog {n} {who} i {what} i {m}.")
            }
            4 => {
                let pct = self.r.range(35, 97);
                let who = *self.r.pick(PARTICIPANTS);
                let c = self.clause();
                format!("{pct} procent av {who} uppgav att {c}.")
            }
            5 => {
                let k = self.r.below(self.meta.methods.len());
                let d = self.meta.methods[k].mention();
                let v = self.r.pick(VERBS).4;
                let adv = *self.r.pick(ADVERBIALS);
                format!("Arbetet med {d} {v} {adv}.")
            }
            6 => {
                let c = self.clause();
                let lead = *self.r.pick(&[
                    "En viktig lärdom är att",
                    "Utvärderingen visar att",
                    "Flera intervjuer pekar på att",
                    "Det framgick tidigt att",
                    "Erfarenheten visar att",
                ]);
                format!("{lead} {c}.")
            }
            7 => {
                let c = *self.r.pick(CONNECTORS);
                let v = self.r.pick(VERBS).4;
                let o = self.np(NForm::DefPl);
                let m = self.muni();
                let cl = self.clause();
                format!("{c} {v} {o} i {m}, vilket innebar att {cl}.")
            }
            8 => {
                let subj = *self.r.pick(SUBJECTS);
                let v = self.r.pick(VERBS).2;
                let a = self.obj_np();
                let b = self.obj_np();
                let t = *self.r.pick(TARGETS);
                format!("{subj} {v} {a} och {b} för {t}.")
            }
            9 => {
                let p = &self.meta.period;
                let y = self
                    .r
                    .range(p.start.0, p.end.map(|e| e.0).unwrap_or(2024).max(p.start.0));
                let v = self.r.pick(VERBS).2;
                let subj = decap(self.r.pick_str(SUBJECTS));
                let o = self.obj_np();
                let with = *self.r.pick(&[
                    "skolan",
                    "elevhälsan",
                    "vuxenpsykiatrin",
                    "beroendevården",
                    "barn- och ungdomspsykiatrin",
                    "ideella organisationer",
                    "brukarföreningen",
                    "primärvården",
                ]);
                format!("Under {y} {v} {subj} {o} tillsammans med {with}.")
            }
            10 => {
                let n = self.np(NForm::DefSg);
                let v = self.r.pick(VERBS).0;
                let o = self.obj_np();
                let t = *self.r.pick(TARGETS);
                format!("Syftet med {n} var att {v} {o} för {t}.")
            }
            11 => {
                let subj = *self.r.pick(SUBJECTS);
                let v = self.r.pick(VERBS).3;
                let o = self.np(NForm::IndefPl);
                let adv = *self.r.pick(ADVERBIALS);
                format!("{subj} har {v} {o} {adv}.")
            }
            12 => {
                let n = self.np(NForm::Bare);
                let m = self.muni();
                let prob = *self.r.pick(PROBLEMS);
                format!("Det finns ett stort behov av {n} för barn i familjer med {prob} i {m}.")
            }
            13 => {
                let role = *self.r.pick(ROLES);
                let (n, neu) = self.noun(NForm::DefSg);
                let a = self.r.pick(ADJS);
                let b = self.r.pick(ADJS);
                let (x, y) = if neu { (a.1, b.1) } else { (a.0, b.0) };
                format!("Flera av {role} beskrev {n} som {x} och {y}.")
            }
            14 => {
                let n = self.np(NForm::DefSg);
                let subj = decap(self.r.pick_str(SUBJECTS));
                let v = self.r.pick(VERBS).0;
                let o = self.obj_np();
                let adv = *self.r.pick(ADVERBIALS);
                format!("Genom {n} har {subj} kunnat {v} {o} {adv}.")
            }
            15 => {
                let n = cap(&self.np(NForm::DefPl));
                let v = self.r.pick(VERBS).4;
                let subj = decap(self.r.pick_str(SUBJECTS));
                let adv = *self.r.pick(ADVERBIALS);
                format!("{n} {v} av {subj} {adv}.")
            }
            16 => {
                let m = self.muni();
                let v = self.r.pick(VERBS).1;
                let subj = decap(self.r.pick_str(SUBJECTS));
                let o = self.obj_np();
                let meth = self.method();
                format!("I {m} {v} {subj} nu {o} med stöd av {meth}.")
            }
            _ => {
                let n = self.np(NForm::Bare);
                let prob = *self.r.pick(PROBLEMS);
                let o = self.np(NForm::IndefPl);
                format!("Utvecklingen av {n} för barn till föräldrar med {prob} kräver {o}.")
            }
        };
        if self.r.pm(45) {
            s = emphasize(&mut self.r, &s);
        }
        s
    }

    fn paragraph_into(&mut self, out: &mut String, lo: u32, hi: u32) {
        let n = self.r.range(lo, hi);
        for k in 0..n {
            if k > 0 {
                out.push(' ');
            }
            let s = self.sentence();
            out.push_str(&s);
        }
        out.push_str("\n\n");
    }
}

/// Wrap one purely alphabetic word (not the first) in **bold** or *italic*.
fn emphasize(r: &mut Rng, s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    if words.len() < 3 {
        return s.to_string();
    }
    let j = 1 + r.below(words.len() - 2);
    if !words[j].chars().all(|c| c.is_alphabetic()) {
        return s.to_string();
    }
    let mark = if r.below(2) == 0 { "**" } else { "*" };
    let mut out = String::with_capacity(s.len() + 4);
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if k == j {
            out.push_str(mark);
            out.push_str(w);
            out.push_str(mark);
        } else {
            out.push_str(w);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Report rendering (phase 2)
// ---------------------------------------------------------------------------

fn period_yaml(r: &mut Rng, p: &Period) -> String {
    let ym = |r: &mut Rng, (y, m): (u32, u32)| {
        let s = format!("{y:04}-{m:02}");
        if r.below(10) == 0 {
            double_quoted(&s)
        } else {
            s
        }
    };
    match p.form {
        PeriodForm::FlowMap => {
            let sp = if r.below(3) == 0 { " " } else { "" };
            let s = ym(r, p.start);
            match p.end {
                Some(e) => {
                    let e = ym(r, e);
                    if r.below(8) == 0 {
                        format!("period: {{{sp}end: {e}, start: {s}{sp}}}\n")
                    } else {
                        format!("period: {{{sp}start: {s}, end: {e}{sp}}}\n")
                    }
                }
                None => format!("period: {{{sp}start: {s}{sp}}}\n"),
            }
        }
        PeriodForm::BlockMap => {
            let s = ym(r, p.start);
            match p.end {
                Some(e) => {
                    let e = ym(r, e);
                    format!("period:\n  start: {s}\n  end: {e}\n")
                }
                None => format!("period:\n  start: {s}\n"),
            }
        }
        PeriodForm::Year => format!("period: {}\n", p.start.0),
        PeriodForm::RangeEnDash => {
            format!(
                "period: \"{}–{}\"\n",
                p.start.0,
                p.end.map(|e| e.0).unwrap_or(p.start.0)
            )
        }
        PeriodForm::RangeHyphen => {
            let y = format!("{}-{}", p.start.0, p.end.map(|e| e.0).unwrap_or(p.start.0));
            format!("period: {}\n", quoted(r, &y))
        }
    }
}

fn methods_yaml(r: &mut Rng, m: &Meta) -> String {
    let forms: Vec<String> = m.methods.iter().map(|x| x.form().to_string()).collect();
    if m.methods_as_string {
        let joined = forms.join(", ");
        return format!("methods: {}\n", scalar(r, &joined, false));
    }
    yaml_str_list(r, "methods", &forms)
}

fn folded(key: &str, text: &str, literal: bool) -> String {
    // Wrap at ~72 columns, two-space indent.
    let mut out = format!("{key}: {}\n", if literal { "|" } else { ">-" });
    let mut line = String::new();
    for w in text.split(' ') {
        if !line.is_empty() && line.len() + 1 + w.len() > 72 {
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn render_report(seed: u64, i: usize, metas: &[Meta]) -> String {
    let meta = &metas[i];
    let mut g = Gen {
        r: Rng::for_report(seed, i, 2),
        meta,
    };
    let county = meta.county().name.as_str();
    let county_short = meta.county().short_name.as_str();
    let place = meta.place();
    let first_muni = match meta.munis.first() {
        Some(&m) => kommun_at(m).name.as_str(),
        None => county_short,
    };
    let sy = meta.period.start.0;
    let ey = meta.period.end.map(|e| e.0);

    // --- frontmatter values -------------------------------------------------
    let org = match g.r.below(16) {
        0 => format!("Regionförbundet {county_short}"),
        1 => format!("Region {county_short}"),
        2 | 3 => format!("{} kommun", genitive(first_muni)),
        4 => format!("Socialförvaltningen i {first_muni}"),
        5 => format!("Länsstyrelsen i {county}"),
        6 | 7 => format!("FoU {place}"),
        8 => format!("Samordningsförbundet {place}"),
        9 => format!("Rädda Barnen {place}"),
        10 => "Maskrosbarn".to_string(),
        11 => format!("Bris region {county_short}"),
        12 => format!("Barn- och ungdomspsykiatrin i {county_short}"),
        13 => format!("Familjecentralen i {first_muni}"),
        14 => format!("Elevhälsan i {first_muni}"),
        _ => format!("FoU Välfärd {place}"),
    };
    let mut outcomes = Vec::new();
    for _ in 0..g.r.range(1, 4) {
        let m = g.method();
        let o = match g.r.below(7) {
            0 => format!("{} kommuner driver {m} efter projektet", g.r.range(2, 12)),
            1 => {
                let t = *g.r.pick(THEMES);
                let mu = g.muni();
                format!("Gemensam rutin för {t} antagen i {mu}")
            }
            2 => format!("Över {} barn har deltagit i {m}", g.r.range(2, 60) * 10),
            3 => format!("{} medarbetare utbildade i {m}", g.r.range(8, 140)),
            4 => format!("{m} ingår nu i ordinarie verksamhet"),
            5 => format!("Resultat: {} nya barngrupper startade", g.r.range(2, 9)),
            _ => format!("Föräldrastödet permanentades i {}", g.muni()),
        };
        if !outcomes.contains(&o) {
            outcomes.push(o);
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for _ in 0..g.r.range(2, 5) {
        let t = g.r.pick(TAGS).to_string();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    let contact_name = format!("{} {}", g.r.pick(FIRST_NAMES), g.r.pick(LAST_NAMES));
    let contact = match g.r.below(3) {
        0 => contact_name.clone(),
        1 => format!("{contact_name}, {}", org),
        _ => {
            let email = format!(
                "{}@{}.se",
                slugify(&contact_name).replace('-', "."),
                slugify(first_muni)
            );
            format!("{contact_name} <{email}>")
        }
    };
    let summary = {
        let mut s = format!(
            "{} beskriver hur {org} arbetade med {} för {}.",
            g.r.pick(&[
                "Rapporten",
                "Slutrapporten",
                "Den här rapporten",
                "Projektrapporten"
            ]),
            meta.methods[0].canonical(),
            g.r.pick(TARGETS)
        );
        s.push(' ');
        let c = g.sentence();
        s.push_str(&c);
        s.replace("**", "").replace('*', "")
    };
    let ongoing = meta.period.end.is_none();

    let mut entries: Vec<String> = Vec::new();
    let t = if g.r.below(3) == 0 {
        double_quoted(&meta.title)
    } else {
        scalar(&mut g.r, &meta.title, false)
    };
    entries.push(format!("title: {t}\n"));
    entries.push(meta.county_yaml.clone());
    if !meta.omit_munis {
        let fq: Vec<bool> = meta
            .muni_forms
            .iter()
            .map(|f| f.as_bytes()[0].is_ascii_digit())
            .collect();
        if !meta.muni_forms.is_empty() {
            entries.push(yaml_list(&mut g.r, "municipalities", &meta.muni_forms, &fq));
        }
    }
    entries.push(period_yaml(&mut g.r, &meta.period));
    entries.push(methods_yaml(&mut g.r, meta));
    if g.r.pm(960) {
        entries.push(format!("organisation: {}\n", scalar(&mut g.r, &org, false)));
    }
    if g.r.pm(880) {
        entries.push(yaml_str_list(&mut g.r, "outcomes", &outcomes));
    }
    if g.r.pm(400) {
        let mut tg: Vec<String> = Vec::new();
        for _ in 0..g.r.range(1, 3) {
            let t = g.r.pick(TARGETS).to_string();
            if !tg.contains(&t) {
                tg.push(t);
            }
        }
        entries.push(yaml_str_list(&mut g.r, "target_groups", &tg));
    }
    if g.r.pm(400) {
        let f = match g.r.below(6) {
            0 => format!("Länsstyrelsen i {county}, utvecklingsmedel"),
            1 => "Socialstyrelsen".to_string(),
            2 => "Allmänna arvsfonden".to_string(),
            3 => "Statsbidrag: stöd till barn som anhöriga".to_string(),
            4 => format!(
                "Egen finansiering och {}",
                g.r.pick(&[
                    "statsbidrag",
                    "projektmedel från regionen",
                    "medel från samordningsförbundet"
                ])
            ),
            _ => "Folkhälsomyndigheten".to_string(),
        };
        entries.push(format!("funding: {}\n", scalar(&mut g.r, &f, false)));
    }
    if g.r.pm(400) {
        entries.push(format!(
            "budget_sek: {}\n",
            g.r.range(5, 400) as u64 * 10_000
        ));
    }
    if g.r.pm(600) {
        let st = if ongoing { "pågående" } else { "avslutat" };
        entries.push(format!("status: {}\n", scalar(&mut g.r, st, false)));
    }
    if g.r.pm(500) {
        entries.push(format!("contact: {}\n", scalar(&mut g.r, &contact, false)));
    }
    if g.r.pm(800) {
        entries.push(yaml_str_list(&mut g.r, "tags", &tags));
    }
    if g.r.pm(550) {
        let e = match g.r.below(10) {
            0..=2 => folded("summary", &summary, false),
            3 => folded("summary", &summary, true),
            _ => format!("summary: {}\n", scalar(&mut g.r, &summary, false)),
        };
        entries.push(e);
    }
    if g.r.pm(30) {
        entries.push(format!("slug: {}\n", meta.slug));
    }
    if meta.draft {
        entries.push("draft: true\n".to_string());
    } else if g.r.pm(20) {
        entries.push("draft: false\n".to_string());
    }
    match g.r.below(100) {
        0..=11 => g.r.shuffle(&mut entries),
        12..=24 => {
            let n = entries.len();
            let a = 1 + g.r.below(n - 1);
            let b = 1 + g.r.below(n - 1);
            entries.swap(a, b);
        }
        _ => {}
    }

    let mut out = String::with_capacity(12 * 1024);
    out.push_str("---\n");
    for e in &entries {
        out.push_str(e);
    }
    out.push_str("---\n\n");

    // --- body ---------------------------------------------------------------
    let target = 6300 + g.r.below(2600) + g.r.below(2600);
    let with_footnote = g.r.pm(200);
    let two_footnotes = with_footnote && g.r.pm(250);

    let period_text = match ey {
        None => format!("sedan {sy} och pågår fortfarande"),
        Some(e) if e == sy => format!("under {sy}"),
        Some(e) => format!("mellan {sy} och {e}"),
    };
    let _ = write!(
        out,
        "{} var ett utvecklingsprojekt som drevs av {org} {period_text}. ",
        meta.title.replace(['*', '[', ']', '#'], "")
    );
    let s1 = g.sentence();
    let s2 = g.sentence();
    let _ = write!(out, "{s1} {s2}\n\n");

    out.push_str("## Bakgrund\n\n");
    g.paragraph_into(&mut out, 3, 6);
    if with_footnote {
        // put the reference at the end of the previous paragraph
        out.truncate(out.len() - 2);
        out.push_str("[^1]\n\n");
    }
    g.paragraph_into(&mut out, 3, 6);
    if i > 0 && g.r.pm(350) {
        if let Some(j) = pick_earlier(&mut g.r, i, metas) {
            out.truncate(out.len() - 2);
            let _ = write!(
                out,
                " Ett liknande arbete beskrivs i [{}](/rapporter/{}/).\n\n",
                metas[j].title, metas[j].slug
            );
        }
    }

    out.push_str("## Syfte och mål\n\n");
    g.paragraph_into(&mut out, 2, 3);
    out.push_str("Projektets mål var att:\n\n");
    for _ in 0..g.r.range(3, 6) {
        let v = g.r.pick(VERBS).0;
        let o = g.obj_np();
        let t = *g.r.pick(TARGETS);
        let _ = writeln!(out, "- {v} {o} för {t}");
    }
    out.push('\n');

    out.push_str("## Målgrupp\n\n");
    let munis_text: Vec<&str> = meta
        .munis
        .iter()
        .map(|&m| kommun_at(m).name.as_str())
        .collect();
    let where_ = if munis_text.is_empty() {
        county.to_string()
    } else {
        munis_text.join(", ")
    };
    let _ = write!(
        out,
        "Målgruppen var {}, främst barn och unga i åldern {}–{} år i {where_}. ",
        g.r.pick(TARGETS),
        g.r.range(3, 9),
        g.r.range(12, 20)
    );
    g.paragraph_into(&mut out, 2, 4);

    out.push_str("## Genomförande\n\n");
    g.paragraph_into(&mut out, 3, 6);
    out.push_str("Arbetet genomfördes i följande steg:\n\n");
    for k in 0..g.r.range(3, 5) {
        let v = g.r.pick(VERBS).4;
        let o = g.np(NForm::DefPl);
        let adv = *g.r.pick(ADVERBIALS);
        let _ = writeln!(out, "{}. {} {v} {adv}", k + 1, cap(&o));
    }
    out.push('\n');
    if g.r.pm(400) {
        let _ = writeln!(
            out,
            "### {}\n",
            g.r.pick(&[
                "Det första året",
                "Organisation och styrning",
                "Rekrytering av deltagare",
                "Utbildning av gruppledare",
                "Samverkan med skolan"
            ])
        );
        g.paragraph_into(&mut out, 2, 5);
    }
    out.push_str("| År | Aktivitet | Deltagare | Kostnad (kr) |\n|---|---|---:|---:|\n");
    let last_year = ey.unwrap_or(2024).min(sy + 5).max(sy);
    for y in sy..=last_year {
        let f = if g.r.below(2) == 0 {
            NForm::IndefPl
        } else {
            NForm::Bare
        };
        let (n, _) = g.noun(f);
        let _ = writeln!(
            out,
            "| {y} | {} | {} | {} |",
            cap(&n),
            g.r.range(5, 300),
            thousands(g.r.range(20, 900) as u64 * 1000)
        );
    }
    out.push('\n');
    g.paragraph_into(&mut out, 2, 5);

    out.push_str("## Metoder\n\n");
    for k in 0..meta.methods.len() {
        let m = &meta.methods[k];
        let _ = writeln!(out, "### {}\n", m.heading());
        let _ = write!(out, "{} ", m.intro());
        g.paragraph_into(&mut out, 2, 4);
    }

    out.push_str("## Resultat\n\n");
    g.paragraph_into(&mut out, 3, 5);
    for (k, o) in outcomes.iter().enumerate() {
        let _ = writeln!(out, "{}. {o}.", k + 1);
    }
    out.push('\n');
    let q = *g.r.pick(QUOTES);
    let role = *g.r.pick(ROLES);
    if g.r.below(4) == 0 {
        let c = g.clause();
        let _ = write!(out, "> ”{q}”, säger en av {role}.\n>\n> {}.\n\n", cap(&c));
    } else {
        let _ = write!(out, "> ”{q}”, säger en av {role}.\n\n");
    }

    // Tail sections are built first so the filler can aim at the target size.
    let mut tail = String::with_capacity(2048);
    tail.push_str("## Spridning och implementering\n\n");
    g.paragraph_into(&mut tail, 2, 4);
    tail.push_str("## Kontakt och läs mer\n\n");
    let _ = writeln!(tail, "- Kontaktperson: {contact_name}, {org}");
    let dom = *g.r.pick(DOMAINS);
    let m0 = meta.methods[0].canonical();
    let _ = writeln!(
        tail,
        "- [Mer om {m0} hos {dom}](https://www.{dom}/metoder/{}/)",
        slugify(m0)
    );
    if i > 0 {
        let mut seen = Vec::new();
        for _ in 0..g.r.range(1, 3) {
            if let Some(j) = pick_earlier(&mut g.r, i, metas) {
                if !seen.contains(&j) {
                    seen.push(j);
                    let _ = writeln!(
                        tail,
                        "- Se även [{}](/rapporter/{}/)",
                        metas[j].title, metas[j].slug
                    );
                }
            }
        }
    }
    if with_footnote {
        let _ = write!(
            tail,
            "\n[^1]: {} ({}), {}.\n",
            g.r.pick(FOOTNOTE_SOURCES),
            g.r.range(2004, sy.max(2005)),
            g.r.pick(&["s. 12", "s. 4–7", "kapitel 3", "bilaga 2", "s. 31"])
        );
    }
    if two_footnotes {
        let _ = writeln!(
            tail,
            "[^2]: Uppgifterna kommer från projektets egen uppföljning {sy}."
        );
    }

    out.push_str("## Erfarenheter och lärdomar\n\n");
    let mut second_ref_done = false;
    loop {
        g.paragraph_into(&mut out, 3, 6);
        if two_footnotes && !second_ref_done {
            out.truncate(out.len() - 2);
            out.push_str("[^2]\n\n");
            second_ref_done = true;
        }
        if out.len() + tail.len() + 250 >= target {
            break;
        }
        if g.r.pm(220) {
            for _ in 0..g.r.range(2, 5) {
                let c = g.clause();
                let _ = writeln!(out, "- {}", cap(&c));
            }
            out.push('\n');
        } else if g.r.pm(150) {
            let t = *g.r.pick(&[
                "Vad fungerade bra?",
                "Vad var svårt?",
                "Barnens perspektiv",
                "Föräldrarnas erfarenheter",
                "Personalens erfarenheter",
                "Samverkan i praktiken",
            ]);
            let _ = writeln!(out, "### {t}\n");
        }
    }
    out.push_str(&tail);
    out
}

/// A random earlier, non-draft report (links must not point at skipped pages).
fn pick_earlier(r: &mut Rng, i: usize, metas: &[Meta]) -> Option<usize> {
    for _ in 0..4 {
        // Favour nearby reports a little, but reach back through the whole corpus.
        let j = if r.below(2) == 0 {
            i - 1 - r.below(i.min(50))
        } else {
            r.below(i)
        };
        if !metas[j].draft {
            return Some(j);
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Word stock
// ---------------------------------------------------------------------------

#[rustfmt::skip]
const HEAD_NOUNS: &[Noun] = &[
    Noun(false, "grupp", "gruppen", "grupper", "grupperna"),
    Noun(false, "verksamhet", "verksamheten", "verksamheter", "verksamheterna"),
    Noun(false, "ledare", "ledaren", "ledare", "ledarna"),
    Noun(true, "stöd", "stödet", "stöd", "stöden"),
    Noun(true, "samtal", "samtalet", "samtal", "samtalen"),
    Noun(false, "insats", "insatsen", "insatser", "insatserna"),
    Noun(false, "rutin", "rutinen", "rutiner", "rutinerna"),
    Noun(true, "nätverk", "nätverket", "nätverk", "nätverken"),
    Noun(false, "utbildning", "utbildningen", "utbildningar", "utbildningarna"),
    Noun(false, "metod", "metoden", "metoder", "metoderna"),
    Noun(true, "program", "programmet", "program", "programmen"),
    Noun(true, "material", "materialet", "material", "materialen"),
    Noun(false, "modell", "modellen", "modeller", "modellerna"),
    Noun(false, "träff", "träffen", "träffar", "träffarna"),
    Noun(true, "möte", "mötet", "möten", "mötena"),
    Noun(true, "team", "teamet", "team", "teamen"),
    Noun(false, "plan", "planen", "planer", "planerna"),
    Noun(false, "samordnare", "samordnaren", "samordnare", "samordnarna"),
    Noun(false, "mottagning", "mottagningen", "mottagningar", "mottagningarna"),
    Noun(false, "uppföljning", "uppföljningen", "uppföljningar", "uppföljningarna"),
    Noun(false, "kartläggning", "kartläggningen", "kartläggningar", "kartläggningarna"),
    Noun(false, "handledning", "handledningen", "handledningar", "handledningarna"),
    Noun(true, "arbete", "arbetet", "arbeten", "arbetena"),
    Noun(true, "perspektiv", "perspektivet", "perspektiv", "perspektiven"),
    Noun(true, "behov", "behovet", "behov", "behoven"),
    Noun(true, "uppdrag", "uppdraget", "uppdrag", "uppdragen"),
    Noun(false, "process", "processen", "processer", "processerna"),
    Noun(false, "struktur", "strukturen", "strukturer", "strukturerna"),
    Noun(false, "enhet", "enheten", "enheter", "enheterna"),
    Noun(false, "samverkan", "samverkan", "samverkansformer", "samverkansformerna"),
    Noun(false, "riktlinje", "riktlinjen", "riktlinjer", "riktlinjerna"),
    Noun(false, "handbok", "handboken", "handböcker", "handböckerna"),
    Noun(true, "verktyg", "verktyget", "verktyg", "verktygen"),
    Noun(false, "satsning", "satsningen", "satsningar", "satsningarna"),
    Noun(false, "aktivitet", "aktiviteten", "aktiviteter", "aktiviteterna"),
    Noun(false, "familj", "familjen", "familjer", "familjerna"),
    Noun(false, "förälder", "föräldern", "föräldrar", "föräldrarna"),
    Noun(true, "barn", "barnet", "barn", "barnen"),
    Noun(false, "kurs", "kursen", "kurser", "kurserna"),
    Noun(false, "resurs", "resursen", "resurser", "resurserna"),
    Noun(false, "fråga", "frågan", "frågor", "frågorna"),
    Noun(false, "bedömning", "bedömningen", "bedömningar", "bedömningarna"),
    Noun(false, "utredning", "utredningen", "utredningar", "utredningarna"),
    Noun(false, "dokumentation", "dokumentationen", "dokumentationer", "dokumentationerna"),
    Noun(true, "forum", "forumet", "forum", "forumen"),
    Noun(false, "kompetens", "kompetensen", "kompetenser", "kompetenserna"),
];

#[rustfmt::skip]
const KEY_NOUNS: &[Noun] = &[
    Noun(false, "barngrupp", "barngruppen", "barngrupper", "barngrupperna"),
    Noun(false, "barngruppsverksamhet", "barngruppsverksamheten", "barngruppsverksamheter", "barngruppsverksamheterna"),
    Noun(false, "barngruppsledare", "barngruppsledaren", "barngruppsledare", "barngruppsledarna"),
    Noun(true, "föräldrastöd", "föräldrastödet", "föräldrastöd", "föräldrastöden"),
    Noun(true, "föräldrastödsprogram", "föräldrastödsprogrammet", "föräldrastödsprogram", "föräldrastödsprogrammen"),
    Noun(false, "föräldragrupp", "föräldragruppen", "föräldragrupper", "föräldragrupperna"),
    Noun(false, "stödgrupp", "stödgruppen", "stödgrupper", "stödgrupperna"),
    Noun(false, "anhöriggrupp", "anhöriggruppen", "anhöriggrupper", "anhöriggrupperna"),
    Noun(false, "tonårsgrupp", "tonårsgruppen", "tonårsgrupper", "tonårsgrupperna"),
    Noun(false, "gruppledare", "gruppledaren", "gruppledare", "gruppledarna"),
    Noun(false, "samverkansrutin", "samverkansrutinen", "samverkansrutiner", "samverkansrutinerna"),
    Noun(false, "familjebehandlare", "familjebehandlaren", "familjebehandlare", "familjebehandlarna"),
    Noun(false, "socialsekreterare", "socialsekreteraren", "socialsekreterare", "socialsekreterarna"),
    Noun(true, "barnperspektiv", "barnperspektivet", "barnperspektiv", "barnperspektiven"),
    Noun(true, "missbruksproblem", "missbruksproblemet", "missbruksproblem", "missbruksproblemen"),
    Noun(false, "missbruksvård", "missbruksvården", "missbruksvårdsinsatser", "missbruksvårdsinsatserna"),
    Noun(false, "familjeintervention", "familjeinterventionen", "familjeinterventioner", "familjeinterventionerna"),
    Noun(true, "anhörigstöd", "anhörigstödet", "anhörigstöd", "anhörigstöden"),
    Noun(false, "brukarrevision", "brukarrevisionen", "brukarrevisioner", "brukarrevisionerna"),
    Noun(false, "skolkurator", "skolkuratorn", "skolkuratorer", "skolkuratorerna"),
];

const PREFIXES: &[&str] = &[
    "barn",
    "barngrupps",
    "familje",
    "föräldra",
    "föräldrastöds",
    "samverkans",
    "stöd",
    "stödgrupps",
    "kunskaps",
    "metod",
    "verksamhets",
    "personal",
    "utbildnings",
    "behandlings",
    "uppföljnings",
    "missbruks",
    "beroende",
    "hälso",
    "skol",
    "elevhälso",
    "kommun",
    "region",
    "nätverks",
    "samtals",
    "anhörig",
    "kris",
    "vålds",
    "ungdoms",
    "brukar",
    "kvalitets",
    "lednings",
    "utvecklings",
    "mottagnings",
    "insats",
    "psykiatri",
    "öppenvårds",
    "förskole",
    "socialtjänst",
    "vuxen",
    "tonårs",
    "grupp",
];

const MIDS: &[&str] = &[
    "stöds",
    "arbets",
    "samverkans",
    "utvecklings",
    "kvalitets",
    "lednings",
    "metod",
    "grupp",
    "behandlings",
    "kunskaps",
    "uppföljnings",
    "handlednings",
    "planerings",
    "samordnings",
    "ledar",
];

#[rustfmt::skip]
const ADJS: &[Adj] = &[
    Adj("ny", "nytt", "nya"),
    Adj("gemensam", "gemensamt", "gemensamma"),
    Adj("tydlig", "tydligt", "tydliga"),
    Adj("lokal", "lokalt", "lokala"),
    Adj("regional", "regionalt", "regionala"),
    Adj("strukturerad", "strukturerat", "strukturerade"),
    Adj("evidensbaserad", "evidensbaserat", "evidensbaserade"),
    Adj("långsiktig", "långsiktigt", "långsiktiga"),
    Adj("förebyggande", "förebyggande", "förebyggande"),
    Adj("tidig", "tidigt", "tidiga"),
    Adj("samordnad", "samordnat", "samordnade"),
    Adj("flexibel", "flexibelt", "flexibla"),
    Adj("digital", "digitalt", "digitala"),
    Adj("återkommande", "återkommande", "återkommande"),
    Adj("tvärprofessionell", "tvärprofessionellt", "tvärprofessionella"),
    Adj("kommunövergripande", "kommunövergripande", "kommunövergripande"),
    Adj("befintlig", "befintligt", "befintliga"),
    Adj("hållbar", "hållbart", "hållbara"),
    Adj("god", "gott", "goda"),
    Adj("viktig", "viktigt", "viktiga"),
    Adj("kvalitativ", "kvalitativt", "kvalitativa"),
    Adj("systematisk", "systematiskt", "systematiska"),
    Adj("anpassad", "anpassat", "anpassade"),
    Adj("välfungerande", "välfungerande", "välfungerande"),
    Adj("trygg", "tryggt", "trygga"),
];

#[rustfmt::skip]
const VERBS: &[Verb] = &[
    Verb("utveckla", "utvecklar", "utvecklade", "utvecklat", "utvecklades", "utvecklas"),
    Verb("genomföra", "genomför", "genomförde", "genomfört", "genomfördes", "genomförs"),
    Verb("pröva", "prövar", "prövade", "prövat", "prövades", "prövas"),
    Verb("erbjuda", "erbjuder", "erbjöd", "erbjudit", "erbjöds", "erbjuds"),
    Verb("samordna", "samordnar", "samordnade", "samordnat", "samordnades", "samordnas"),
    Verb("kartlägga", "kartlägger", "kartlade", "kartlagt", "kartlades", "kartläggs"),
    Verb("dokumentera", "dokumenterar", "dokumenterade", "dokumenterat", "dokumenterades", "dokumenteras"),
    Verb("förankra", "förankrar", "förankrade", "förankrat", "förankrades", "förankras"),
    Verb("etablera", "etablerar", "etablerade", "etablerat", "etablerades", "etableras"),
    Verb("stärka", "stärker", "stärkte", "stärkt", "stärktes", "stärks"),
    Verb("analysera", "analyserar", "analyserade", "analyserat", "analyserades", "analyseras"),
    Verb("utvärdera", "utvärderar", "utvärderade", "utvärderat", "utvärderades", "utvärderas"),
    Verb("sprida", "sprider", "spred", "spridit", "spreds", "sprids"),
    Verb("implementera", "implementerar", "implementerade", "implementerat", "implementerades", "implementeras"),
    Verb("anpassa", "anpassar", "anpassade", "anpassat", "anpassades", "anpassas"),
    Verb("bygga", "bygger", "byggde", "byggt", "byggdes", "byggs"),
    Verb("förbättra", "förbättrar", "förbättrade", "förbättrat", "förbättrades", "förbättras"),
    Verb("synliggöra", "synliggör", "synliggjorde", "synliggjort", "synliggjordes", "synliggörs"),
    Verb("testa", "testar", "testade", "testat", "testades", "testas"),
    Verb("revidera", "reviderar", "reviderade", "reviderat", "reviderades", "revideras"),
    Verb("formulera", "formulerar", "formulerade", "formulerat", "formulerades", "formuleras"),
    Verb("initiera", "initierar", "initierade", "initierat", "initierades", "initieras"),
    Verb("finansiera", "finansierar", "finansierade", "finansierat", "finansierades", "finansieras"),
    Verb("prioritera", "prioriterar", "prioriterade", "prioriterat", "prioriterades", "prioriteras"),
    Verb("permanenta", "permanentar", "permanentade", "permanentat", "permanentades", "permanentas"),
    Verb("bredda", "breddar", "breddade", "breddat", "breddades", "breddas"),
    Verb("fördjupa", "fördjupar", "fördjupade", "fördjupat", "fördjupades", "fördjupas"),
    Verb("organisera", "organiserar", "organiserade", "organiserat", "organiserades", "organiseras"),
    Verb("leda", "leder", "ledde", "lett", "leddes", "leds"),
    Verb("planera", "planerar", "planerade", "planerat", "planerades", "planeras"),
    Verb("säkerställa", "säkerställer", "säkerställde", "säkerställt", "säkerställdes", "säkerställs"),
    Verb("följa", "följer", "följde", "följt", "följdes", "följs"),
    Verb("skapa", "skapar", "skapade", "skapat", "skapades", "skapas"),
    Verb("starta", "startar", "startade", "startat", "startades", "startas"),
];

const SUBJECTS: &[&str] = &[
    "Projektet",
    "Arbetsgruppen",
    "Styrgruppen",
    "Personalen",
    "Projektledaren",
    "Kommunen",
    "Regionen",
    "Socialtjänsten",
    "Elevhälsan",
    "Vuxenpsykiatrin",
    "Beroendevården",
    "Familjecentralen",
    "Ungdomsmottagningen",
    "Gruppledarna",
    "Utvärderaren",
    "Skolan",
    "Referensgruppen",
    "Förvaltningen",
    "Nätverket",
    "Öppenvården",
    "Mottagningsgruppen",
    "Barngruppsledarna",
    "Samordnaren",
    "Socialsekreterarna",
    "Länsstyrelsen",
    "FoU-enheten",
    "Barnombuden",
    "Föräldrastödsteamet",
    "Kuratorerna",
    "Barnhälsovården",
];

const ADVERBIALS: &[&str] = &[
    "under projekttiden",
    "inom ramen för projektet",
    "på flera orter i länet",
    "tillsammans med brukarorganisationer",
    "efter en inledande kartläggning",
    "med stöd av extern handledning",
    "utifrån barnets perspektiv",
    "i nära dialog med föräldrarna",
    "under hösten",
    "under våren",
    "i samarbete med skolan",
    "med hjälp av projektmedel",
    "trots hög personalomsättning",
    "i flera steg",
    "på ett systematiskt sätt",
    "i ordinarie verksamhet",
    "för första gången",
    "med gott resultat",
    "i mindre skala",
    "över kommungränserna",
    "i barngruppernas regi",
    "i samråd med barngruppsledarna",
    "inom föräldrastödet",
    "inom missbruks- och beroendevården",
    "i samverkan med regionen",
    "utan extra resurser",
    "vid varje terminsstart",
    "i de mindre kommunerna",
];

const CONNECTORS: &[&str] = &[
    "Dessutom",
    "Samtidigt",
    "Vidare",
    "Därefter",
    "Under det andra året",
    "Sammantaget",
    "I praktiken",
    "Mot slutet av projektet",
    "Inledningsvis",
    "Parallellt",
    "Efter hand",
    "Enligt utvärderingen",
    "Enligt projektledningen",
    "Under det första året",
    "Slutligen",
    "Därför",
    "Trots detta",
    "Senare",
];

const CLAUSES: &[&str] = &[
    "barnen fick ett språk för att prata om sin situation",
    "föräldrarna kände sig mer delaktiga i planeringen",
    "samverkan mellan skola och socialtjänst blev tydligare",
    "personalen upplevde större trygghet i samtalen med barn",
    "fler barn nåddes av stöd i ett tidigt skede",
    "väntetiderna till första samtal minskade",
    "ledningen behöver vara involverad från början",
    "metoden kräver kontinuerlig handledning för att hålla kvaliteten",
    "det tar tid att bygga förtroende mellan verksamheterna",
    "barnperspektivet blev en självklar del av vuxenvårdens utredningar",
    "gruppverksamheten behöver en stabil organisatorisk hemvist",
    "små kommuner har svårt att bära verksamheten på egen hand",
    "brukarnas erfarenheter förbättrade materialet avsevärt",
    "rutinerna för att uppmärksamma barn som anhöriga inte alltid följdes",
    "föräldrar med egen problematik ofta är angelägna om att barnen ska få stöd",
    "informationen till skolor och förskolor behöver upprepas varje termin",
    "barngruppsverksamheten nådde barn som tidigare saknat stöd",
    "barngruppsledarna behöver ett eget nätverk för erfarenhetsutbyte",
    "föräldrastödet blev mer tillgängligt när träffarna hölls på kvällstid",
    "barn till föräldrar med psykisk ohälsa sällan själva söker hjälp",
    "missbruket i familjen ofta varit okänt för skolan",
    "barnen uppskattade att träffa andra barn i samma situation",
    "föräldrarnas samtycke var det största hindret för att barnen skulle delta",
    "vuxenpsykiatrin började fråga efter patienternas barn",
    "anhöriga barn behöver information som är anpassad till deras ålder",
    "stödgrupperna fungerade bäst med två ledare från olika verksamheter",
];

const PARTICIPANTS: &[&str] = &[
    "deltagarna",
    "föräldrarna",
    "barnen",
    "ungdomarna",
    "medarbetarna",
    "gruppledarna",
    "barngruppsledarna",
    "socialsekreterarna",
    "vårdnadshavarna",
];

const ROLES: &[&str] = &[
    "föräldrarna",
    "gruppledarna",
    "ungdomarna",
    "socialsekreterarna",
    "lärarna",
    "skolkuratorerna",
    "barngruppsledarna",
    "deltagarna",
    "barnen",
];

const QUOTES: &[&str] = &[
    "Det var första gången någon frågade hur jag hade det",
    "Vi har fått ett gemensamt språk och vet vem vi ska ringa",
    "Barnen märker mer än vi vuxna tror",
    "Utan handledningen hade vi inte orkat",
    "Det viktigaste var att träffa andra i samma situation",
    "Nu ingår frågan om barnen i varje utredning",
    "Jag trodde att jag var ensam om att ha det så",
    "Föräldrastödet gav oss verktyg vi använder varje dag",
];

const PROBLEMS: &[&str] = &[
    "missbruk",
    "psykisk ohälsa",
    "våld",
    "allvarlig sjukdom",
    "ekonomisk utsatthet",
    "beroendeproblematik",
    "spelberoende",
    "kriminalitet",
    "hedersrelaterat förtryck",
    "alkoholproblem",
    "psykisk funktionsnedsättning",
];

const THEMES: &[&str] = &[
    "barngrupper",
    "familjestöd",
    "föräldrastöd",
    "samverkan mellan skola och socialtjänst",
    "stöd till anhöriga",
    "tidiga insatser",
    "förebyggande familjearbete",
    "nätverksarbete",
    "kunskapsutveckling",
    "barnperspektiv i vuxenvården",
    "mottagningsarbete",
    "öppenvård för unga",
    "barngruppsverksamhet",
    "föräldrastödsprogram",
    "stödgrupper för barn",
];

const THEMES2: &[&str] = &[
    "hållbar verksamhet",
    "gemensamma rutiner",
    "långsiktig samverkan",
    "ordinarie verksamhet",
    "ett nytt arbetssätt",
    "en regional modell",
    "kommunövergripande stöd",
    "barngruppernas framtid",
];

const PROJECT_WORDS: &[&str] = &[
    "Gläntan",
    "Bryggan",
    "Fyren",
    "Kompassen",
    "Ankaret",
    "Spira",
    "Trädet",
    "Hamnen",
    "Ljuspunkten",
    "Stegen",
    "Navet",
    "Vägvisaren",
    "Ledstången",
    "Solrosen",
    "Bron",
    "Måsen",
];

const TARGETS: &[&str] = &[
    "barn i familjer med missbruk",
    "barn som upplevt våld",
    "tonåringar med psykisk ohälsa",
    "små barn och deras föräldrar",
    "barn i familjehem",
    "unga vuxna",
    "föräldrar med psykisk ohälsa",
    "barn till föräldrar med kognitiva svårigheter",
    "nyanlända familjer",
    "barn i ekonomiskt utsatta familjer",
    "barn som anhöriga",
    "syskon till barn med funktionsnedsättning",
];

const TAGS: &[&str] = &[
    "barn som anhöriga",
    "missbruk",
    "psykisk ohälsa",
    "våld i nära relationer",
    "föräldrastöd",
    "samverkan",
    "skola",
    "förebyggande arbete",
    "utvärdering",
    "implementering",
    "ungdomar",
    "familjehem",
    "socialtjänst",
    "hälso- och sjukvård",
    "brukarinflytande",
    "nyanlända",
    "funktionsnedsättning",
    "ekonomiskt bistånd",
    "kriminalitet",
    "suicidprevention",
    "glesbygd",
    "kompetensutveckling",
    "digitalisering",
    "tidiga insatser",
    "barngrupper",
];

const FIRST_NAMES: &[&str] = &[
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Ingrid", "Malin", "Lars",
    "Mikael", "Johan", "Per", "Anders", "Erik", "Peter", "Karl", "Fredrik", "Daniel", "Fatima",
    "Amir", "Sanna", "Jonas", "Linnéa", "Åsa", "Örjan", "Ulrika", "Helena", "Mats",
];

const LAST_NAMES: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Lindberg",
    "Lindqvist",
    "Lundgren",
    "Berglund",
    "Sjöberg",
    "Holm",
    "Ek",
    "Åberg",
    "Hedlund",
    "Nyström",
    "Björk",
];

const DOMAINS: &[&str] = &[
    "kunskapsguiden.se",
    "socialstyrelsen.se",
    "skr.se",
    "anhoriga.se",
    "mfof.se",
    "folkhalsomyndigheten.se",
    "allmannabarnhuset.se",
    "raddabarnen.se",
    "bris.se",
    "nka.se",
];

const FOOTNOTE_SOURCES: &[&str] = &[
    "Socialstyrelsen, Barn som anhöriga – konsekvenser och behov",
    "Nationellt kompetenscentrum anhöriga, Barn som anhöriga till patienter i vården",
    "Länsstyrelsens utvärdering av utvecklingsmedlen",
    "Hjern m.fl., Barn som anhöriga till föräldrar med missbruk",
    "Projektets ansökan om utvecklingsmedel",
    "Kommunens handlingsplan för föräldrastöd",
];
