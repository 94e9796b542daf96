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
//! * Output is a pure function of (N, seed): report `i` is generated from its own
//!   splitmix64 streams seeded by (seed, i), so the corpus for N is a byte-exact
//!   prefix of the corpus for any larger N.
//! * Every frontmatter value is *valid* for fouweb; the only intended warnings are
//!   the deliberately unknown methods (~1 in 15 reports) and the comma-separated
//!   `methods:` string (~1 in 40 reports).
//! * The frontmatter exercises every accepted form: county as name, short name,
//!   quoted SCB code, alias, case variants, sub-region or a list of two counties;
//!   municipalities as names, quoted SCB codes or "X kommun" aliases; periods as
//!   flow/block maps (with or without end), a bare year, or "YYYY–YYYY" /
//!   "YYYY-YYYY" strings; methods as names, short names and aliases in mixed
//!   case; plain, single- and double-quoted scalars, block and flow lists, folded
//!   and literal block scalars, shuffled key order, `slug:` and `draft:` keys.
//!
//! Standard library only, so it can also be built standalone:
//! `rustc -O --edition 2021 examples/gen_corpus.rs -o /tmp/gen_corpus`.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    let metas: Vec<Meta> = (0..args.n).map(|i| make_meta(args.seed, i)).collect();

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

/// fouweb slug rule: lowercase, å/ä → a, ö → o, é → e, other runs → '-', trimmed.
fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for ch in s.chars().flat_map(char::to_lowercase) {
        let m = match ch {
            'å' | 'ä' => Some('a'),
            'ö' => Some('o'),
            'é' => Some('e'),
            'a'..='z' | '0'..='9' => Some(ch),
            _ => None,
        };
        match m {
            Some(c) => {
                out.push(c);
                dash = false;
            }
            None if !dash => {
                out.push('-');
                dash = true;
            }
            None => {}
        }
    }
    out.trim_matches('-').to_string()
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
        0..=5 => {
            let _ = writeln!(out, "{key}:");
            for (k, it) in items.iter().enumerate() {
                let v = if force_quote[k] {
                    quoted(r, it)
                } else {
                    scalar(r, it, false)
                };
                let _ = writeln!(out, "  - {v}");
            }
        }
        6 => {
            let _ = writeln!(out, "{key}:");
            for (k, it) in items.iter().enumerate() {
                let v = if force_quote[k] {
                    quoted(r, it)
                } else {
                    scalar(r, it, false)
                };
                let _ = writeln!(out, "- {v}");
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
// Reference data types (tables at the end of the file)
// ---------------------------------------------------------------------------

struct County {
    code: &'static str,
    name: &'static str,
    short: &'static str,
    aliases: &'static [&'static str],
    weight: u32,
}

struct SubRegion {
    name: &'static str,
    parent: &'static str,
    aliases: &'static [&'static str],
    /// Member municipality codes inside the parent county (cross-county members dropped).
    members: &'static [&'static str],
}

struct Muni {
    code: &'static str,
    name: &'static str,
    aliases: &'static [&'static str],
}

struct Method {
    #[allow(dead_code)]
    id: &'static str,
    name: &'static str,
    short: &'static str,
    aliases: &'static [&'static str],
    desc: &'static str,
}

/// Zipf-like popularity, round(1000 / (k+1)^0.8), k = position in METHODS.
const METHOD_WEIGHTS: [u32; 45] = [
    1000, 574, 415, 330, 276, 238, 211, 189, 172, 158, 147, 137, 128, 121, 115, 109, 104, 99, 95,
    91, 88, 84, 81, 79, 76, 74, 72, 70, 68, 66, 64, 62, 61, 60, 58, 57, 56, 54, 53, 52, 51, 50, 49,
    48, 48,
];

/// Realistic methods that are deliberately NOT in the vocabulary (warnings expected).
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

// ---------------------------------------------------------------------------
// Report metadata (phase 1)
// ---------------------------------------------------------------------------

enum MethodRef {
    Known { idx: usize, form: String },
    Unknown { idx: usize },
}

impl MethodRef {
    fn form(&self) -> &str {
        match self {
            MethodRef::Known { form, .. } => form,
            MethodRef::Unknown { idx } => UNKNOWN_METHODS[*idx].0,
        }
    }
    fn canonical(&self) -> &'static str {
        match self {
            MethodRef::Known { idx, .. } => METHODS[*idx].short,
            MethodRef::Unknown { idx } => UNKNOWN_METHODS[*idx].0,
        }
    }
    fn heading(&self) -> &'static str {
        match self {
            MethodRef::Known { idx, .. } => METHODS[*idx].name,
            MethodRef::Unknown { idx } => UNKNOWN_METHODS[*idx].0,
        }
    }
    fn desc(&self) -> &'static str {
        match self {
            MethodRef::Known { idx, .. } => METHODS[*idx].desc,
            MethodRef::Unknown { idx } => UNKNOWN_METHODS[*idx].1,
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
    /// Canonical county indices (1 or 2).
    counties: Vec<usize>,
    /// Sub-region used in `county:`, if any.
    subregion: Option<usize>,
    /// Municipality indices and their frontmatter spellings.
    munis: Vec<usize>,
    muni_forms: Vec<String>,
    omit_munis: bool,
    methods: Vec<MethodRef>,
    methods_as_string: bool,
    period: Period,
}

impl Meta {
    fn place(&self) -> &'static str {
        match self.subregion {
            Some(s) => SUBREGIONS[s].name,
            None => COUNTIES[self.counties[0]].short,
        }
    }
    fn muni_name(&self, r: &mut Rng) -> &'static str {
        MUNIS[*r.pick(&self.munis)].name
    }
}

fn county_index(code: &str) -> usize {
    COUNTIES.iter().position(|c| c.code == code).unwrap_or(0)
}

fn munis_of_county(ci: usize) -> Vec<usize> {
    let code = COUNTIES[ci].code;
    (0..MUNIS.len())
        .filter(|&m| &MUNIS[m].code[..2] == code)
        .collect()
}

fn muni_index(code: &str) -> usize {
    MUNIS.iter().position(|m| m.code == code).unwrap_or(0)
}

fn county_weights() -> Vec<u32> {
    COUNTIES.iter().map(|c| c.weight).collect()
}

fn case_variant(r: &mut Rng, s: &str) -> String {
    match r.below(3) {
        0 => s.to_uppercase(),
        _ => s.to_lowercase(),
    }
}

fn county_spelling(r: &mut Rng, ci: usize) -> (String, bool) {
    let c = &COUNTIES[ci];
    // (text, must be quoted)
    match r.below(100) {
        0..=57 => (c.name.to_string(), false),
        58..=67 => (c.short.to_string(), false),
        68..=74 => (c.code.to_string(), true),
        75..=87 => (r.pick(c.aliases).to_string(), false),
        _ => {
            let base = if r.below(2) == 0 { c.name } else { c.short };
            (case_variant(r, base), false)
        }
    }
}

fn make_meta(seed: u64, i: usize) -> Meta {
    let mut r = Rng::for_report(seed, i, 1);
    let cw = county_weights();

    // --- county -----------------------------------------------------------
    let mut counties = Vec::new();
    let mut subregion = None;
    let mut pool: Vec<usize>;
    let county_yaml;
    let kind = r.below(100);
    if kind < 8 {
        // sub-region (name or alias)
        let s = r.below(SUBREGIONS.len());
        let sr = &SUBREGIONS[s];
        subregion = Some(s);
        counties.push(county_index(sr.parent));
        pool = sr.members.iter().map(|c| muni_index(c)).collect();
        let text = if !sr.aliases.is_empty() && r.below(3) == 0 {
            r.pick(sr.aliases).to_string()
        } else if r.below(8) == 0 {
            case_variant(&mut r, sr.name)
        } else {
            sr.name.to_string()
        };
        county_yaml = format!("county: {}\n", scalar(&mut r, &text, false));
    } else if kind < 12 {
        // a list of two counties
        let a = r.weighted(&cw);
        let mut b = r.weighted(&cw);
        while b == a {
            b = r.weighted(&cw);
        }
        counties.push(a);
        counties.push(b);
        pool = munis_of_county(a);
        pool.extend(munis_of_county(b));
        let items: Vec<(String, bool)> =
            vec![county_spelling(&mut r, a), county_spelling(&mut r, b)];
        let texts: Vec<String> = items.iter().map(|x| x.0.clone()).collect();
        let fq: Vec<bool> = items.iter().map(|x| x.1).collect();
        county_yaml = yaml_list(&mut r, "county", &texts, &fq);
    } else {
        let c = r.weighted(&cw);
        counties.push(c);
        pool = munis_of_county(c);
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
            let mu = &MUNIS[m];
            match r.below(100) {
                0..=77 => mu.name.to_string(),
                78..=88 => mu.code.to_string(),
                89..=97 => r.pick(mu.aliases).to_string(),
                _ => mu.name.to_lowercase(),
            }
        })
        .collect();
    let omit_munis = r.pm(40);

    // --- methods ----------------------------------------------------------
    let nmeth = *r.pick(&[1usize, 2, 2, 2, 3, 3, 3, 4]);
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < nmeth {
        let m = r.weighted(&METHOD_WEIGHTS);
        if !chosen.contains(&m) {
            chosen.push(m);
        }
    }
    let mut methods: Vec<MethodRef> = chosen
        .into_iter()
        .map(|idx| {
            let m = &METHODS[idx];
            let form = match r.below(100) {
                0..=34 => m.name.to_string(),
                35..=69 => m.short.to_string(),
                70..=89 if !m.aliases.is_empty() => r.pick(m.aliases).to_string(),
                70..=89 => m.short.to_string(),
                _ => {
                    let base = if r.below(2) == 0 { m.name } else { m.short };
                    case_variant(&mut r, base)
                }
            };
            MethodRef::Known { idx, form }
        })
        .collect();
    if r.below(15) == 0 {
        let u = MethodRef::Unknown {
            idx: r.below(UNKNOWN_METHODS.len()),
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
    let first_muni = munis
        .first()
        .map(|&m| MUNIS[m].name)
        .unwrap_or(COUNTIES[counties[0]].short);
    let place = match subregion {
        Some(s) => SUBREGIONS[s].name,
        None => COUNTIES[counties[0]].short,
    };
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
                let d = self.meta.methods[k].desc();
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
    let county = COUNTIES[meta.counties[0]].name;
    let place = meta.place();
    let first_muni = meta
        .munis
        .first()
        .map(|&m| MUNIS[m].name)
        .unwrap_or(COUNTIES[meta.counties[0]].short);
    let sy = meta.period.start.0;
    let ey = meta.period.end.map(|e| e.0);

    // --- frontmatter values -------------------------------------------------
    let org = match g.r.below(16) {
        0 => format!("Regionförbundet {}", COUNTIES[meta.counties[0]].short),
        1 => format!("Region {}", COUNTIES[meta.counties[0]].short),
        2 | 3 => format!("{} kommun", genitive(first_muni)),
        4 => format!("Socialförvaltningen i {first_muni}"),
        5 => format!("Länsstyrelsen i {county}"),
        6 | 7 => format!("FoU {place}"),
        8 => format!("Samordningsförbundet {place}"),
        9 => format!("Rädda Barnen {place}"),
        10 => "Maskrosbarn".to_string(),
        11 => format!("Bris region {}", COUNTIES[meta.counties[0]].short),
        12 => format!(
            "Barn- och ungdomspsykiatrin i {}",
            COUNTIES[meta.counties[0]].short
        ),
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
    let munis_text: Vec<&str> = meta.munis.iter().map(|&m| MUNIS[m].name).collect();
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
        let _ = write!(out, "Projektet använde {}. ", m.desc());
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

// ---------------------------------------------------------------------------
// Reference data, generated from ../shared/data/regions.yaml and methods.yaml
// ---------------------------------------------------------------------------
//
// Codes, names and aliases are copied verbatim; county weights (~ sqrt of
// population) and method descriptions are our own. Sub-region members that lie
// in another county (Kungsbacka in Göteborgsregionen) are left out so that
// every generated kommun belongs to the report's county.

// (code, name, short_name, aliases, weight ~ sqrt(population))
#[rustfmt::skip]
const COUNTIES: &[County] = &[
    County { code: "01", name: "Stockholms län", short: "Stockholm", aliases: &["Stockholm", "Stockholms läns", "Region Stockholm", "Stockholms läns landsting"], weight: 15 },
    County { code: "03", name: "Uppsala län", short: "Uppsala", aliases: &["Uppsala", "Uppsala läns", "Region Uppsala", "Landstinget i Uppsala län"], weight: 7 },
    County { code: "04", name: "Södermanlands län", short: "Södermanland", aliases: &["Södermanland", "Södermanlands läns", "Sörmland", "Sörmlands län", "Region Sörmland", "Landstinget Sörmland"], weight: 6 },
    County { code: "05", name: "Östergötlands län", short: "Östergötland", aliases: &["Östergötland", "Östergötlands läns", "Region Östergötland"], weight: 8 },
    County { code: "06", name: "Jönköpings län", short: "Jönköping", aliases: &["Jönköping", "Jönköpings läns", "Jönköpings", "Region Jönköpings län"], weight: 7 },
    County { code: "07", name: "Kronobergs län", short: "Kronoberg", aliases: &["Kronoberg", "Kronobergs läns", "Region Kronoberg"], weight: 4 },
    County { code: "08", name: "Kalmar län", short: "Kalmar", aliases: &["Kalmar", "Kalmar läns", "Region Kalmar län"], weight: 5 },
    County { code: "09", name: "Gotlands län", short: "Gotland", aliases: &["Gotland", "Gotlands läns", "Region Gotland"], weight: 2 },
    County { code: "10", name: "Blekinge län", short: "Blekinge", aliases: &["Blekinge", "Blekinge läns", "Region Blekinge"], weight: 4 },
    County { code: "12", name: "Skåne län", short: "Skåne", aliases: &["Skåne", "Skåne läns", "Region Skåne", "Skånes län"], weight: 12 },
    County { code: "13", name: "Hallands län", short: "Halland", aliases: &["Halland", "Hallands läns", "Region Halland"], weight: 6 },
    County { code: "14", name: "Västra Götalands län", short: "Västra Götaland", aliases: &["Västra Götaland", "Västra Götalands läns", "Västra Götalandsregionen", "VGR"], weight: 13 },
    County { code: "17", name: "Värmlands län", short: "Värmland", aliases: &["Värmland", "Värmlands läns", "Region Värmland"], weight: 5 },
    County { code: "18", name: "Örebro län", short: "Örebro", aliases: &["Örebro", "Örebro läns", "Region Örebro län", "Regionförbundet Örebro", "Regionförbundet Örebro län"], weight: 6 },
    County { code: "19", name: "Västmanlands län", short: "Västmanland", aliases: &["Västmanland", "Västmanlands läns", "Region Västmanland", "Landstinget Västmanland"], weight: 5 },
    County { code: "20", name: "Dalarnas län", short: "Dalarna", aliases: &["Dalarna", "Dalarnas läns", "Region Dalarna", "Kopparbergs län"], weight: 5 },
    County { code: "21", name: "Gävleborgs län", short: "Gävleborg", aliases: &["Gävleborg", "Gävleborgs läns", "Gävleborgs", "Region Gävleborg"], weight: 5 },
    County { code: "22", name: "Västernorrlands län", short: "Västernorrland", aliases: &["Västernorrland", "Västernorrlands läns", "Region Västernorrland"], weight: 5 },
    County { code: "23", name: "Jämtlands län", short: "Jämtland", aliases: &["Jämtland", "Jämtlands läns", "Jämtland Härjedalen", "Region Jämtland Härjedalen"], weight: 3 },
    County { code: "24", name: "Västerbottens län", short: "Västerbotten", aliases: &["Västerbotten", "Västerbottens läns", "Region Västerbotten", "Västerbottens läns landsting"], weight: 5 },
    County { code: "25", name: "Norrbottens län", short: "Norrbotten", aliases: &["Norrbotten", "Norrbottens läns", "Region Norrbotten", "Norrbottnen"], weight: 5 },
];

#[rustfmt::skip]
const SUBREGIONS: &[SubRegion] = &[
    SubRegion { name: "Skaraborg", parent: "14", aliases: &["Skaraborgs kommuner", "Skaraborgsområdet"], members: &["1444", "1445", "1446", "1447", "1470", "1471", "1472", "1473", "1493", "1494", "1495", "1496", "1497", "1498", "1499"] },
    SubRegion { name: "Sjuhärad", parent: "14", aliases: &["Sjuhäradsbygden", "Boråsregionen"], members: &["1442", "1443", "1452", "1463", "1465", "1466", "1490", "1491"] },
    SubRegion { name: "Fyrbodal", parent: "14", aliases: &["Fyrbodalsområdet"], members: &["1421", "1427", "1430", "1435", "1438", "1439", "1460", "1461", "1484", "1485", "1486", "1487", "1488", "1492"] },
    SubRegion { name: "Göteborgsregionen", parent: "14", aliases: &["GR"], members: &["1401", "1402", "1407", "1415", "1419", "1440", "1441", "1462", "1480", "1481", "1482", "1489"] },
    SubRegion { name: "Stockholm Nordväst", parent: "01", aliases: &["Nordvästra Stockholm", "Nordvästkommunerna"], members: &["0114", "0123", "0125", "0139", "0163", "0183", "0184", "0191"] },
    SubRegion { name: "Stockholm Nordost", parent: "01", aliases: &["Nordostkommunerna"], members: &["0117", "0160", "0162", "0186", "0187"] },
    SubRegion { name: "Norra Västmanland", parent: "19", aliases: &[], members: &["1904", "1962", "1982"] },
];

#[rustfmt::skip]
const MUNIS: &[Muni] = &[
    Muni { code: "0114", name: "Upplands Väsby", aliases: &["Upplands Väsby kommun"] },
    Muni { code: "0115", name: "Vallentuna", aliases: &["Vallentuna kommun"] },
    Muni { code: "0117", name: "Österåker", aliases: &["Österåkers kommun"] },
    Muni { code: "0120", name: "Värmdö", aliases: &["Värmdö kommun"] },
    Muni { code: "0123", name: "Järfälla", aliases: &["Järfälla kommun"] },
    Muni { code: "0125", name: "Ekerö", aliases: &["Ekerö kommun"] },
    Muni { code: "0126", name: "Huddinge", aliases: &["Huddinge kommun"] },
    Muni { code: "0127", name: "Botkyrka", aliases: &["Botkyrka kommun"] },
    Muni { code: "0128", name: "Salem", aliases: &["Salems kommun"] },
    Muni { code: "0136", name: "Haninge", aliases: &["Haninge kommun"] },
    Muni { code: "0138", name: "Tyresö", aliases: &["Tyresö kommun"] },
    Muni { code: "0139", name: "Upplands-Bro", aliases: &["Upplands-Bro kommun"] },
    Muni { code: "0140", name: "Nykvarn", aliases: &["Nykvarns kommun"] },
    Muni { code: "0160", name: "Täby", aliases: &["Täby kommun"] },
    Muni { code: "0162", name: "Danderyd", aliases: &["Danderyds kommun"] },
    Muni { code: "0163", name: "Sollentuna", aliases: &["Sollentuna kommun"] },
    Muni { code: "0180", name: "Stockholm", aliases: &["Stockholms kommun", "Stockholms stad"] },
    Muni { code: "0181", name: "Södertälje", aliases: &["Södertälje kommun"] },
    Muni { code: "0182", name: "Nacka", aliases: &["Nacka kommun"] },
    Muni { code: "0183", name: "Sundbyberg", aliases: &["Sundbybergs kommun", "Sundbybergs stad"] },
    Muni { code: "0184", name: "Solna", aliases: &["Solna kommun", "Solna stad"] },
    Muni { code: "0186", name: "Lidingö", aliases: &["Lidingö kommun", "Lidingö stad"] },
    Muni { code: "0187", name: "Vaxholm", aliases: &["Vaxholms kommun", "Vaxholms stad"] },
    Muni { code: "0188", name: "Norrtälje", aliases: &["Norrtälje kommun"] },
    Muni { code: "0191", name: "Sigtuna", aliases: &["Sigtuna kommun"] },
    Muni { code: "0192", name: "Nynäshamn", aliases: &["Nynäshamns kommun"] },
    Muni { code: "0305", name: "Håbo", aliases: &["Håbo kommun"] },
    Muni { code: "0319", name: "Älvkarleby", aliases: &["Älvkarleby kommun"] },
    Muni { code: "0330", name: "Knivsta", aliases: &["Knivsta kommun"] },
    Muni { code: "0331", name: "Heby", aliases: &["Heby kommun"] },
    Muni { code: "0360", name: "Tierp", aliases: &["Tierps kommun"] },
    Muni { code: "0380", name: "Uppsala", aliases: &["Uppsala kommun"] },
    Muni { code: "0381", name: "Enköping", aliases: &["Enköpings kommun"] },
    Muni { code: "0382", name: "Östhammar", aliases: &["Östhammars kommun"] },
    Muni { code: "0428", name: "Vingåker", aliases: &["Vingåkers kommun"] },
    Muni { code: "0461", name: "Gnesta", aliases: &["Gnesta kommun"] },
    Muni { code: "0480", name: "Nyköping", aliases: &["Nyköpings kommun"] },
    Muni { code: "0481", name: "Oxelösund", aliases: &["Oxelösunds kommun"] },
    Muni { code: "0482", name: "Flen", aliases: &["Flens kommun"] },
    Muni { code: "0483", name: "Katrineholm", aliases: &["Katrineholms kommun"] },
    Muni { code: "0484", name: "Eskilstuna", aliases: &["Eskilstuna kommun"] },
    Muni { code: "0486", name: "Strängnäs", aliases: &["Strängnäs kommun"] },
    Muni { code: "0488", name: "Trosa", aliases: &["Trosa kommun"] },
    Muni { code: "0509", name: "Ödeshög", aliases: &["Ödeshögs kommun"] },
    Muni { code: "0512", name: "Ydre", aliases: &["Ydre kommun"] },
    Muni { code: "0513", name: "Kinda", aliases: &["Kinda kommun"] },
    Muni { code: "0560", name: "Boxholm", aliases: &["Boxholms kommun"] },
    Muni { code: "0561", name: "Åtvidaberg", aliases: &["Åtvidabergs kommun"] },
    Muni { code: "0562", name: "Finspång", aliases: &["Finspångs kommun"] },
    Muni { code: "0563", name: "Valdemarsvik", aliases: &["Valdemarsviks kommun"] },
    Muni { code: "0580", name: "Linköping", aliases: &["Linköpings kommun"] },
    Muni { code: "0581", name: "Norrköping", aliases: &["Norrköpings kommun"] },
    Muni { code: "0582", name: "Söderköping", aliases: &["Söderköpings kommun"] },
    Muni { code: "0583", name: "Motala", aliases: &["Motala kommun"] },
    Muni { code: "0584", name: "Vadstena", aliases: &["Vadstena kommun"] },
    Muni { code: "0586", name: "Mjölby", aliases: &["Mjölby kommun"] },
    Muni { code: "0604", name: "Aneby", aliases: &["Aneby kommun"] },
    Muni { code: "0617", name: "Gnosjö", aliases: &["Gnosjö kommun"] },
    Muni { code: "0642", name: "Mullsjö", aliases: &["Mullsjö kommun"] },
    Muni { code: "0643", name: "Habo", aliases: &["Habo kommun"] },
    Muni { code: "0662", name: "Gislaved", aliases: &["Gislaveds kommun"] },
    Muni { code: "0665", name: "Vaggeryd", aliases: &["Vaggeryds kommun"] },
    Muni { code: "0680", name: "Jönköping", aliases: &["Jönköpings kommun"] },
    Muni { code: "0682", name: "Nässjö", aliases: &["Nässjö kommun"] },
    Muni { code: "0683", name: "Värnamo", aliases: &["Värnamo kommun"] },
    Muni { code: "0684", name: "Sävsjö", aliases: &["Sävsjö kommun"] },
    Muni { code: "0685", name: "Vetlanda", aliases: &["Vetlanda kommun"] },
    Muni { code: "0686", name: "Eksjö", aliases: &["Eksjö kommun"] },
    Muni { code: "0687", name: "Tranås", aliases: &["Tranås kommun"] },
    Muni { code: "0760", name: "Uppvidinge", aliases: &["Uppvidinge kommun"] },
    Muni { code: "0761", name: "Lessebo", aliases: &["Lessebo kommun"] },
    Muni { code: "0763", name: "Tingsryd", aliases: &["Tingsryds kommun"] },
    Muni { code: "0764", name: "Alvesta", aliases: &["Alvesta kommun"] },
    Muni { code: "0765", name: "Älmhult", aliases: &["Älmhults kommun"] },
    Muni { code: "0767", name: "Markaryd", aliases: &["Markaryds kommun"] },
    Muni { code: "0780", name: "Växjö", aliases: &["Växjö kommun"] },
    Muni { code: "0781", name: "Ljungby", aliases: &["Ljungby kommun"] },
    Muni { code: "0821", name: "Högsby", aliases: &["Högsby kommun"] },
    Muni { code: "0834", name: "Torsås", aliases: &["Torsås kommun"] },
    Muni { code: "0840", name: "Mörbylånga", aliases: &["Mörbylånga kommun"] },
    Muni { code: "0860", name: "Hultsfred", aliases: &["Hultsfreds kommun"] },
    Muni { code: "0861", name: "Mönsterås", aliases: &["Mönsterås kommun"] },
    Muni { code: "0862", name: "Emmaboda", aliases: &["Emmaboda kommun"] },
    Muni { code: "0880", name: "Kalmar", aliases: &["Kalmar kommun"] },
    Muni { code: "0881", name: "Nybro", aliases: &["Nybro kommun"] },
    Muni { code: "0882", name: "Oskarshamn", aliases: &["Oskarshamns kommun"] },
    Muni { code: "0883", name: "Västervik", aliases: &["Västerviks kommun"] },
    Muni { code: "0884", name: "Vimmerby", aliases: &["Vimmerby kommun"] },
    Muni { code: "0885", name: "Borgholm", aliases: &["Borgholms kommun"] },
    Muni { code: "0980", name: "Gotland", aliases: &["Region Gotland", "Gotlands kommun"] },
    Muni { code: "1060", name: "Olofström", aliases: &["Olofströms kommun"] },
    Muni { code: "1080", name: "Karlskrona", aliases: &["Karlskrona kommun"] },
    Muni { code: "1081", name: "Ronneby", aliases: &["Ronneby kommun"] },
    Muni { code: "1082", name: "Karlshamn", aliases: &["Karlshamns kommun"] },
    Muni { code: "1083", name: "Sölvesborg", aliases: &["Sölvesborgs kommun"] },
    Muni { code: "1214", name: "Svalöv", aliases: &["Svalövs kommun"] },
    Muni { code: "1230", name: "Staffanstorp", aliases: &["Staffanstorps kommun"] },
    Muni { code: "1231", name: "Burlöv", aliases: &["Burlövs kommun"] },
    Muni { code: "1233", name: "Vellinge", aliases: &["Vellinge kommun"] },
    Muni { code: "1256", name: "Östra Göinge", aliases: &["Östra Göinge kommun"] },
    Muni { code: "1257", name: "Örkelljunga", aliases: &["Örkelljunga kommun"] },
    Muni { code: "1260", name: "Bjuv", aliases: &["Bjuvs kommun"] },
    Muni { code: "1261", name: "Kävlinge", aliases: &["Kävlinge kommun"] },
    Muni { code: "1262", name: "Lomma", aliases: &["Lomma kommun"] },
    Muni { code: "1263", name: "Svedala", aliases: &["Svedala kommun"] },
    Muni { code: "1264", name: "Skurup", aliases: &["Skurups kommun"] },
    Muni { code: "1265", name: "Sjöbo", aliases: &["Sjöbo kommun"] },
    Muni { code: "1266", name: "Hörby", aliases: &["Hörby kommun"] },
    Muni { code: "1267", name: "Höör", aliases: &["Höörs kommun"] },
    Muni { code: "1270", name: "Tomelilla", aliases: &["Tomelilla kommun"] },
    Muni { code: "1272", name: "Bromölla", aliases: &["Bromölla kommun"] },
    Muni { code: "1273", name: "Osby", aliases: &["Osby kommun"] },
    Muni { code: "1275", name: "Perstorp", aliases: &["Perstorps kommun"] },
    Muni { code: "1276", name: "Klippan", aliases: &["Klippans kommun"] },
    Muni { code: "1277", name: "Åstorp", aliases: &["Åstorps kommun"] },
    Muni { code: "1278", name: "Båstad", aliases: &["Båstads kommun"] },
    Muni { code: "1280", name: "Malmö", aliases: &["Malmö kommun", "Malmö stad"] },
    Muni { code: "1281", name: "Lund", aliases: &["Lunds kommun"] },
    Muni { code: "1282", name: "Landskrona", aliases: &["Landskrona kommun", "Landskrona stad"] },
    Muni { code: "1283", name: "Helsingborg", aliases: &["Helsingborgs kommun", "Helsingborgs stad"] },
    Muni { code: "1284", name: "Höganäs", aliases: &["Höganäs kommun"] },
    Muni { code: "1285", name: "Eslöv", aliases: &["Eslövs kommun"] },
    Muni { code: "1286", name: "Ystad", aliases: &["Ystads kommun"] },
    Muni { code: "1287", name: "Trelleborg", aliases: &["Trelleborgs kommun"] },
    Muni { code: "1290", name: "Kristianstad", aliases: &["Kristianstads kommun"] },
    Muni { code: "1291", name: "Simrishamn", aliases: &["Simrishamns kommun"] },
    Muni { code: "1292", name: "Ängelholm", aliases: &["Ängelholms kommun"] },
    Muni { code: "1293", name: "Hässleholm", aliases: &["Hässleholms kommun"] },
    Muni { code: "1315", name: "Hylte", aliases: &["Hylte kommun"] },
    Muni { code: "1380", name: "Halmstad", aliases: &["Halmstads kommun"] },
    Muni { code: "1381", name: "Laholm", aliases: &["Laholms kommun"] },
    Muni { code: "1382", name: "Falkenberg", aliases: &["Falkenbergs kommun"] },
    Muni { code: "1383", name: "Varberg", aliases: &["Varbergs kommun"] },
    Muni { code: "1384", name: "Kungsbacka", aliases: &["Kungsbacka kommun"] },
    Muni { code: "1401", name: "Härryda", aliases: &["Härryda kommun"] },
    Muni { code: "1402", name: "Partille", aliases: &["Partille kommun"] },
    Muni { code: "1407", name: "Öckerö", aliases: &["Öckerö kommun"] },
    Muni { code: "1415", name: "Stenungsund", aliases: &["Stenungsunds kommun"] },
    Muni { code: "1419", name: "Tjörn", aliases: &["Tjörns kommun"] },
    Muni { code: "1421", name: "Orust", aliases: &["Orust kommun"] },
    Muni { code: "1427", name: "Sotenäs", aliases: &["Sotenäs kommun"] },
    Muni { code: "1430", name: "Munkedal", aliases: &["Munkedals kommun"] },
    Muni { code: "1435", name: "Tanum", aliases: &["Tanums kommun"] },
    Muni { code: "1438", name: "Dals-Ed", aliases: &["Dals-Eds kommun"] },
    Muni { code: "1439", name: "Färgelanda", aliases: &["Färgelanda kommun"] },
    Muni { code: "1440", name: "Ale", aliases: &["Ale kommun"] },
    Muni { code: "1441", name: "Lerum", aliases: &["Lerums kommun"] },
    Muni { code: "1442", name: "Vårgårda", aliases: &["Vårgårda kommun"] },
    Muni { code: "1443", name: "Bollebygd", aliases: &["Bollebygds kommun"] },
    Muni { code: "1444", name: "Grästorp", aliases: &["Grästorps kommun"] },
    Muni { code: "1445", name: "Essunga", aliases: &["Essunga kommun"] },
    Muni { code: "1446", name: "Karlsborg", aliases: &["Karlsborgs kommun"] },
    Muni { code: "1447", name: "Gullspång", aliases: &["Gullspångs kommun"] },
    Muni { code: "1452", name: "Tranemo", aliases: &["Tranemo kommun"] },
    Muni { code: "1460", name: "Bengtsfors", aliases: &["Bengtsfors kommun"] },
    Muni { code: "1461", name: "Mellerud", aliases: &["Melleruds kommun"] },
    Muni { code: "1462", name: "Lilla Edet", aliases: &["Lilla Edets kommun"] },
    Muni { code: "1463", name: "Mark", aliases: &["Marks kommun"] },
    Muni { code: "1465", name: "Svenljunga", aliases: &["Svenljunga kommun"] },
    Muni { code: "1466", name: "Herrljunga", aliases: &["Herrljunga kommun"] },
    Muni { code: "1470", name: "Vara", aliases: &["Vara kommun"] },
    Muni { code: "1471", name: "Götene", aliases: &["Götene kommun"] },
    Muni { code: "1472", name: "Tibro", aliases: &["Tibro kommun"] },
    Muni { code: "1473", name: "Töreboda", aliases: &["Töreboda kommun"] },
    Muni { code: "1480", name: "Göteborg", aliases: &["Göteborgs kommun", "Göteborgs stad", "Gothenburg"] },
    Muni { code: "1481", name: "Mölndal", aliases: &["Mölndals kommun", "Mölndals stad"] },
    Muni { code: "1482", name: "Kungälv", aliases: &["Kungälvs kommun"] },
    Muni { code: "1484", name: "Lysekil", aliases: &["Lysekils kommun"] },
    Muni { code: "1485", name: "Uddevalla", aliases: &["Uddevalla kommun"] },
    Muni { code: "1486", name: "Strömstad", aliases: &["Strömstads kommun"] },
    Muni { code: "1487", name: "Vänersborg", aliases: &["Vänersborgs kommun"] },
    Muni { code: "1488", name: "Trollhättan", aliases: &["Trollhättans kommun", "Trollhättans stad"] },
    Muni { code: "1489", name: "Alingsås", aliases: &["Alingsås kommun"] },
    Muni { code: "1490", name: "Borås", aliases: &["Borås kommun", "Borås stad"] },
    Muni { code: "1491", name: "Ulricehamn", aliases: &["Ulricehamns kommun"] },
    Muni { code: "1492", name: "Åmål", aliases: &["Åmåls kommun"] },
    Muni { code: "1493", name: "Mariestad", aliases: &["Mariestads kommun"] },
    Muni { code: "1494", name: "Lidköping", aliases: &["Lidköpings kommun"] },
    Muni { code: "1495", name: "Skara", aliases: &["Skara kommun"] },
    Muni { code: "1496", name: "Skövde", aliases: &["Skövde kommun"] },
    Muni { code: "1497", name: "Hjo", aliases: &["Hjo kommun"] },
    Muni { code: "1498", name: "Tidaholm", aliases: &["Tidaholms kommun"] },
    Muni { code: "1499", name: "Falköping", aliases: &["Falköpings kommun"] },
    Muni { code: "1715", name: "Kil", aliases: &["Kils kommun"] },
    Muni { code: "1730", name: "Eda", aliases: &["Eda kommun"] },
    Muni { code: "1737", name: "Torsby", aliases: &["Torsby kommun"] },
    Muni { code: "1760", name: "Storfors", aliases: &["Storfors kommun"] },
    Muni { code: "1761", name: "Hammarö", aliases: &["Hammarö kommun"] },
    Muni { code: "1762", name: "Munkfors", aliases: &["Munkfors kommun"] },
    Muni { code: "1763", name: "Forshaga", aliases: &["Forshaga kommun"] },
    Muni { code: "1764", name: "Grums", aliases: &["Grums kommun"] },
    Muni { code: "1765", name: "Årjäng", aliases: &["Årjängs kommun"] },
    Muni { code: "1766", name: "Sunne", aliases: &["Sunne kommun"] },
    Muni { code: "1780", name: "Karlstad", aliases: &["Karlstads kommun"] },
    Muni { code: "1781", name: "Kristinehamn", aliases: &["Kristinehamns kommun"] },
    Muni { code: "1782", name: "Filipstad", aliases: &["Filipstads kommun"] },
    Muni { code: "1783", name: "Hagfors", aliases: &["Hagfors kommun"] },
    Muni { code: "1784", name: "Arvika", aliases: &["Arvika kommun"] },
    Muni { code: "1785", name: "Säffle", aliases: &["Säffle kommun"] },
    Muni { code: "1814", name: "Lekeberg", aliases: &["Lekebergs kommun"] },
    Muni { code: "1860", name: "Laxå", aliases: &["Laxå kommun"] },
    Muni { code: "1861", name: "Hallsberg", aliases: &["Hallsbergs kommun"] },
    Muni { code: "1862", name: "Degerfors", aliases: &["Degerfors kommun"] },
    Muni { code: "1863", name: "Hällefors", aliases: &["Hällefors kommun"] },
    Muni { code: "1864", name: "Ljusnarsberg", aliases: &["Ljusnarsbergs kommun"] },
    Muni { code: "1880", name: "Örebro", aliases: &["Örebro kommun"] },
    Muni { code: "1881", name: "Kumla", aliases: &["Kumla kommun"] },
    Muni { code: "1882", name: "Askersund", aliases: &["Askersunds kommun"] },
    Muni { code: "1883", name: "Karlskoga", aliases: &["Karlskoga kommun"] },
    Muni { code: "1884", name: "Nora", aliases: &["Nora kommun"] },
    Muni { code: "1885", name: "Lindesberg", aliases: &["Lindesbergs kommun"] },
    Muni { code: "1904", name: "Skinnskatteberg", aliases: &["Skinnskattebergs kommun"] },
    Muni { code: "1907", name: "Surahammar", aliases: &["Surahammars kommun"] },
    Muni { code: "1960", name: "Kungsör", aliases: &["Kungsörs kommun"] },
    Muni { code: "1961", name: "Hallstahammar", aliases: &["Hallstahammars kommun"] },
    Muni { code: "1962", name: "Norberg", aliases: &["Norbergs kommun"] },
    Muni { code: "1980", name: "Västerås", aliases: &["Västerås kommun", "Västerås stad"] },
    Muni { code: "1981", name: "Sala", aliases: &["Sala kommun"] },
    Muni { code: "1982", name: "Fagersta", aliases: &["Fagersta kommun"] },
    Muni { code: "1983", name: "Köping", aliases: &["Köpings kommun"] },
    Muni { code: "1984", name: "Arboga", aliases: &["Arboga kommun"] },
    Muni { code: "2021", name: "Vansbro", aliases: &["Vansbro kommun"] },
    Muni { code: "2023", name: "Malung-Sälen", aliases: &["Malung-Sälens kommun"] },
    Muni { code: "2026", name: "Gagnef", aliases: &["Gagnefs kommun"] },
    Muni { code: "2029", name: "Leksand", aliases: &["Leksands kommun"] },
    Muni { code: "2031", name: "Rättvik", aliases: &["Rättviks kommun"] },
    Muni { code: "2034", name: "Orsa", aliases: &["Orsa kommun"] },
    Muni { code: "2039", name: "Älvdalen", aliases: &["Älvdalens kommun"] },
    Muni { code: "2061", name: "Smedjebacken", aliases: &["Smedjebackens kommun"] },
    Muni { code: "2062", name: "Mora", aliases: &["Mora kommun"] },
    Muni { code: "2080", name: "Falun", aliases: &["Falu kommun"] },
    Muni { code: "2081", name: "Borlänge", aliases: &["Borlänge kommun"] },
    Muni { code: "2082", name: "Säter", aliases: &["Säters kommun"] },
    Muni { code: "2083", name: "Hedemora", aliases: &["Hedemora kommun"] },
    Muni { code: "2084", name: "Avesta", aliases: &["Avesta kommun"] },
    Muni { code: "2085", name: "Ludvika", aliases: &["Ludvika kommun"] },
    Muni { code: "2101", name: "Ockelbo", aliases: &["Ockelbo kommun"] },
    Muni { code: "2104", name: "Hofors", aliases: &["Hofors kommun"] },
    Muni { code: "2121", name: "Ovanåker", aliases: &["Ovanåkers kommun"] },
    Muni { code: "2132", name: "Nordanstig", aliases: &["Nordanstigs kommun"] },
    Muni { code: "2161", name: "Ljusdal", aliases: &["Ljusdals kommun"] },
    Muni { code: "2180", name: "Gävle", aliases: &["Gävle kommun"] },
    Muni { code: "2181", name: "Sandviken", aliases: &["Sandvikens kommun"] },
    Muni { code: "2182", name: "Söderhamn", aliases: &["Söderhamns kommun"] },
    Muni { code: "2183", name: "Bollnäs", aliases: &["Bollnäs kommun"] },
    Muni { code: "2184", name: "Hudiksvall", aliases: &["Hudiksvalls kommun"] },
    Muni { code: "2260", name: "Ånge", aliases: &["Ånge kommun"] },
    Muni { code: "2262", name: "Timrå", aliases: &["Timrå kommun"] },
    Muni { code: "2280", name: "Härnösand", aliases: &["Härnösands kommun"] },
    Muni { code: "2281", name: "Sundsvall", aliases: &["Sundsvalls kommun"] },
    Muni { code: "2282", name: "Kramfors", aliases: &["Kramfors kommun"] },
    Muni { code: "2283", name: "Sollefteå", aliases: &["Sollefteå kommun"] },
    Muni { code: "2284", name: "Örnsköldsvik", aliases: &["Örnsköldsviks kommun"] },
    Muni { code: "2303", name: "Ragunda", aliases: &["Ragunda kommun"] },
    Muni { code: "2305", name: "Bräcke", aliases: &["Bräcke kommun"] },
    Muni { code: "2309", name: "Krokom", aliases: &["Krokoms kommun"] },
    Muni { code: "2313", name: "Strömsund", aliases: &["Strömsunds kommun"] },
    Muni { code: "2321", name: "Åre", aliases: &["Åre kommun"] },
    Muni { code: "2326", name: "Berg", aliases: &["Bergs kommun"] },
    Muni { code: "2361", name: "Härjedalen", aliases: &["Härjedalens kommun"] },
    Muni { code: "2380", name: "Östersund", aliases: &["Östersunds kommun"] },
    Muni { code: "2401", name: "Nordmaling", aliases: &["Nordmalings kommun"] },
    Muni { code: "2403", name: "Bjurholm", aliases: &["Bjurholms kommun"] },
    Muni { code: "2404", name: "Vindeln", aliases: &["Vindelns kommun"] },
    Muni { code: "2409", name: "Robertsfors", aliases: &["Robertsfors kommun"] },
    Muni { code: "2417", name: "Norsjö", aliases: &["Norsjö kommun"] },
    Muni { code: "2418", name: "Malå", aliases: &["Malå kommun"] },
    Muni { code: "2421", name: "Storuman", aliases: &["Storumans kommun"] },
    Muni { code: "2422", name: "Sorsele", aliases: &["Sorsele kommun"] },
    Muni { code: "2425", name: "Dorotea", aliases: &["Dorotea kommun"] },
    Muni { code: "2460", name: "Vännäs", aliases: &["Vännäs kommun"] },
    Muni { code: "2462", name: "Vilhelmina", aliases: &["Vilhelmina kommun"] },
    Muni { code: "2463", name: "Åsele", aliases: &["Åsele kommun"] },
    Muni { code: "2480", name: "Umeå", aliases: &["Umeå kommun"] },
    Muni { code: "2481", name: "Lycksele", aliases: &["Lycksele kommun"] },
    Muni { code: "2482", name: "Skellefteå", aliases: &["Skellefteå kommun"] },
    Muni { code: "2505", name: "Arvidsjaur", aliases: &["Arvidsjaurs kommun"] },
    Muni { code: "2506", name: "Arjeplog", aliases: &["Arjeplogs kommun"] },
    Muni { code: "2510", name: "Jokkmokk", aliases: &["Jokkmokks kommun"] },
    Muni { code: "2513", name: "Överkalix", aliases: &["Överkalix kommun"] },
    Muni { code: "2514", name: "Kalix", aliases: &["Kalix kommun"] },
    Muni { code: "2518", name: "Övertorneå", aliases: &["Övertorneå kommun"] },
    Muni { code: "2521", name: "Pajala", aliases: &["Pajala kommun"] },
    Muni { code: "2523", name: "Gällivare", aliases: &["Gällivare kommun"] },
    Muni { code: "2560", name: "Älvsbyn", aliases: &["Älvsbyns kommun"] },
    Muni { code: "2580", name: "Luleå", aliases: &["Luleå kommun"] },
    Muni { code: "2581", name: "Piteå", aliases: &["Piteå kommun"] },
    Muni { code: "2582", name: "Boden", aliases: &["Bodens kommun"] },
    Muni { code: "2583", name: "Haparanda", aliases: &["Haparanda kommun"] },
    Muni { code: "2584", name: "Kiruna", aliases: &["Kiruna kommun"] },
];

// Ordered by popularity (Zipf-like weights 1/(k+1)^0.8).
#[rustfmt::skip]
const METHODS: &[Method] = &[
    Method { id: "stodgrupper-for-barn", name: "Stödgrupper för barn", short: "Barngrupper", aliases: &["Barngrupp", "Barngruppsverksamhet", "Stödgrupp för barn", "Stödgruppsverksamhet", "Stödgruppsverksamhet för barn", "Barn- och tonårsgrupper"], desc: "stödgrupper för barn som lever i familjer med missbruk eller psykisk ohälsa" },
    Method { id: "bra", name: "BRA – Barns rätt som anhöriga", short: "BRA", aliases: &["BRA-samtal", "BRA-samtalet", "BRAsamtal", "Barns rätt som anhöriga", "Barns Rätt som Anhöriga", "BRA - Barns rätt som anhöriga", "Barns rätt som anhängiga"], desc: "BRA-samtalet, en strukturerad samtalsmodell där barn som anhöriga får information och stöd" },
    Method { id: "fora-barnen-pa-tal", name: "Föra barnen på tal", short: "Föra barnen på tal", aliases: &["Föra barn på tal", "Let's Talk about Children", "Lets Talk", "FBPT"], desc: "Föra barnen på tal, ett samtal med föräldrar om hur barnen har det i vardagen" },
    Method { id: "bbic", name: "BBIC – Barns behov i centrum", short: "BBIC", aliases: &["BBiC", "Barns behov i centrum"], desc: "BBIC – Barns behov i centrum, ett gemensamt system för utredning och uppföljning" },
    Method { id: "mi", name: "Motiverande samtal (MI)", short: "MI", aliases: &["Motiverande samtal", "Motivational Interviewing", "Motiverande intervju"], desc: "motiverande samtal för att stärka föräldrarnas egen motivation till förändring" },
    Method { id: "losningsfokuserat-arbetssatt", name: "Lösningsfokuserat arbetssätt", short: "Lösningsfokuserat", aliases: &["Lösningsfokuserade grupper", "Lösningfokuserade grupper", "Lösningsfokuserad grupp", "LF-grupper", "LF-grupp", "Lösningsfokuserad korttidsterapi", "Lösningsfokuserad samtalsmetodik", "SFBT", "Solution Focused Brief Therapy"], desc: "ett lösningsfokuserat arbetssätt med fokus på resurser och små steg" },
    Method { id: "beardslee", name: "Beardslees familjeintervention", short: "Beardslee", aliases: &["Beardslées familjeintervention", "Beardslée", "Familjeintervention enligt Beardslee", "Family Talk Intervention", "Family Talk"], desc: "Beardslees familjeintervention för familjer där en förälder har psykisk ohälsa" },
    Method { id: "sofia-modellen", name: "SOFIA-modellen", short: "SOFIA", aliases: &["Sofia-modellen", "Sofiamodellen"], desc: "SOFIA-modellen för samordnat stöd till barn och föräldrar" },
    Method { id: "trappan", name: "Trappan", short: "Trappan", aliases: &["Trappan-modellen", "Trappanmodellen"], desc: "Trappan, krissamtal för barn som har upplevt våld i familjen" },
    Method { id: "komet", name: "Komet", short: "Komet", aliases: &["KOMET", "Kommunikationsmetod"], desc: "Komet, ett föräldraprogram för familjer med mycket konflikter" },
    Method { id: "fou-cirkel", name: "FoU-cirkel (forskningscirkel)", short: "FoU-cirkel", aliases: &["FoU-cirklar", "Forskningscirkel", "Forskningscirklar", "Forskningscirkeln"], desc: "FoU-cirklar där praktiker och forskare tillsammans granskade arbetet" },
    Method { id: "girfec", name: "GIRFEC – Getting It Right For Every Child", short: "GIRFEC", aliases: &["Getting It Right For Every Child", "Den skotska modellen"], desc: "GIRFEC, en skotsk modell för samordnat stöd kring varje barn" },
    Method { id: "forstarkt-barn-och-foraldraperspektiv", name: "Förstärkt barn- och föräldraperspektiv i missbruks- och beroendevården (fördjupningsutbildning)", short: "Fördjupningsutbildningen", aliases: &["Förstärkt barn- och föräldraperspektiv", "Förstärkt barn- och föräldraperspektiv i missbruks- och beroendevården", "Fördjupningsutbildning", "Fördjupningsutbildning i förstärkt barn- och föräldraperspektiv", "Fördjupningskurs", "Fördjupningskursen", "Familjer i missbruk", "Utbildning av utbildare i förstärkt barn- och föräldraperspektiv"], desc: "fördjupningsutbildningen i förstärkt barn- och föräldraperspektiv" },
    Method { id: "cope", name: "COPE – Community Parent Education Program", short: "COPE", aliases: &["Community Parent Education Program"], desc: "COPE, föräldrastöd i stora grupper med filmade vardagssituationer" },
    Method { id: "abc", name: "ABC – Alla barn i centrum", short: "ABC", aliases: &["Alla barn i centrum"], desc: "ABC – Alla barn i centrum, ett universellt föräldrastödsprogram" },
    Method { id: "sip", name: "Samordnad individuell plan (SIP)", short: "SIP", aliases: &["Samordnad individuell plan"], desc: "samordnad individuell plan när flera huvudmän är inblandade" },
    Method { id: "min-livsblomma", name: "Min livsblomma", short: "Livsblomman", aliases: &["Blomman"], desc: "Min livsblomma, ett samtalsverktyg som synliggör barnets nätverk" },
    Method { id: "tabb-modellen", name: "TABB-modellen – Tillsammans för alla barns bästa", short: "TABB", aliases: &["TABB-modellen", "Tillsammans för alla barns bästa", "Barnombudsteam", "Barnombudsteamet"], desc: "TABB-modellen med barnombud i vuxenpsykiatrin och beroendevården" },
    Method { id: "checklista-barn-och-foraldraskap", name: "Checklista för barn- och föräldraperspektiv i missbruksvården", short: "Checklistan", aliases: &["Checklista", "Gemensam checklista", "Checklista för barn- och föräldraperspektiv"], desc: "en gemensam checklista för barn- och föräldraperspektiv i missbruksvården" },
    Method { id: "samverkansrutin-barn-vuxen", name: "Samverkansrutin mellan barn- och vuxenverksamhet", short: "Samverkansrutin", aliases: &["Samverkansrutinen", "Gemensam samverkansrutin", "Intern samverkansrutin", "Intern samverkan barn–vuxen", "Intern samverkan barn-vuxen"], desc: "en samverkansrutin mellan barn- och vuxenverksamheten" },
    Method { id: "signs-of-safety", name: "Signs of Safety", short: "Signs of Safety", aliases: &[], desc: "Signs of Safety, ett säkerhetsorienterat arbetssätt i barnavården" },
    Method { id: "mst", name: "Multisystemisk terapi (MST)", short: "MST", aliases: &["Multisystemisk terapi", "Multisystemic Therapy"], desc: "multisystemisk terapi för ungdomar med allvarliga beteendeproblem" },
    Method { id: "fft", name: "Funktionell familjeterapi (FFT)", short: "FFT", aliases: &["Funktionell familjeterapi", "Functional Family Therapy"], desc: "funktionell familjeterapi i familjens hem" },
    Method { id: "familjeperspektiv-i-socialtjanst", name: "Familjeperspektiv i socialtjänst", short: "Familjeperspektiv i socialtjänst", aliases: &["Familjeperspektiv i socialtjänsten", "Region Skånes modell"], desc: "utbildningsmodellen Familjeperspektiv i socialtjänsten" },
    Method { id: "brukarstyrd-brukarrevision", name: "Brukarstyrd brukarrevision", short: "Brukarrevision", aliases: &["Brukarstyrda brukarrevisioner", "Brukarrevisioner", "BBR"], desc: "brukarstyrda brukarrevisioner där brukare granskar verksamheten" },
    Method { id: "brukarrad", name: "Brukarråd", short: "Brukarråd", aliases: &["Brukarrådet", "Brukarråd för unga"], desc: "brukarråd där unga och föräldrar gav synpunkter på stödet" },
    Method { id: "vasternorrlandsmodellen", name: "Västernorrlandsmodellen", short: "Västernorrlandsmodellen", aliases: &["Västernorrlandsmodellen för barns brukarmedverkan"], desc: "Västernorrlandsmodellen för barns brukarmedverkan" },
    Method { id: "systematisk-uppfoljning", name: "Systematisk uppföljning med brukarenkät", short: "Systematisk uppföljning", aliases: &["Modell för systematisk uppföljning", "Uppföljningsmodell"], desc: "systematisk uppföljning med brukarenkät" },
    Method { id: "kbt", name: "Kognitiv beteendeterapi (KBT)", short: "KBT", aliases: &["Kognitiv beteendeterapi", "CBT"], desc: "kognitiv beteendeterapi i grupp och individuellt" },
    Method { id: "de-otroliga-aren", name: "De otroliga åren", short: "De otroliga åren", aliases: &["Incredible Years", "The Incredible Years"], desc: "De otroliga åren, ett föräldraprogram för familjer med yngre barn" },
    Method { id: "triple-p", name: "Triple P – Positive Parenting Program", short: "Triple P", aliases: &["Triple-P", "Positive Parenting Program"], desc: "Triple P, ett föräldrastödsprogram i flera nivåer" },
    Method { id: "connect", name: "Connect", short: "Connect", aliases: &["Connect föräldragrupper"], desc: "Connect, ett anknytningsbaserat föräldraprogram" },
    Method { id: "pmto", name: "PMTO – Parent Management Training Oregon", short: "PMTO", aliases: &["Parent Management Training Oregon"], desc: "PMTO, föräldrastöd för familjer där barnet har utagerande beteende" },
    Method { id: "asi", name: "ASI – Addiction Severity Index", short: "ASI", aliases: &["Addiction Severity Index", "ASI-intervju"], desc: "ASI-intervjun för strukturerad bedömning av missbruksproblem" },
    Method { id: "adad", name: "ADAD – Adolescent Drug Abuse Diagnosis", short: "ADAD", aliases: &["Adolescent Drug Abuse Diagnosis"], desc: "ADAD-intervjun för ungdomar med missbruksproblem" },
    Method { id: "cra", name: "CRA – Community Reinforcement Approach", short: "CRA", aliases: &["Community Reinforcement Approach"], desc: "CRA, ett förstärkningsbaserat behandlingsprogram" },
    Method { id: "craft", name: "CRAFT – Community Reinforcement and Family Training", short: "CRAFT", aliases: &["Community Reinforcement and Family Training"], desc: "CRAFT, stöd och träning för anhöriga till personer med missbruk" },
    Method { id: "aterfallsprevention", name: "Återfallsprevention", short: "ÅP", aliases: &["Relapse Prevention", "Återfallsprevention (ÅP)"], desc: "återfallsprevention i grupp" },
    Method { id: "tolvstegsbehandling", name: "Tolvstegsbehandling", short: "Tolvsteg", aliases: &["12-stegsbehandling", "Minnesotamodellen", "Tolvstegsprogrammet"], desc: "tolvstegsbehandling i öppenvård" },
    Method { id: "hap", name: "HAP – Haschavvänjningsprogrammet", short: "HAP", aliases: &["Haschavvänjningsprogrammet", "Haschavvänjningsprogram"], desc: "Haschavvänjningsprogrammet för unga cannabisbrukare" },
    Method { id: "familjeradslag", name: "Familjerådslag", short: "Familjerådslag", aliases: &["Family Group Conference", "FGC"], desc: "familjerådslag där släkt och nätverk tar fram en egen plan" },
    Method { id: "barnahus", name: "Barnahus", short: "Barnahus", aliases: &[], desc: "Barnahus för samordnade utredningar när barn utsatts för brott" },
    Method { id: "bostad-forst", name: "Bostad först (Housing First)", short: "Bostad först", aliases: &["Housing First"], desc: "Bostad först för föräldrar i hemlöshet" },
    Method { id: "ips", name: "IPS – Individual Placement and Support", short: "IPS", aliases: &["Individual Placement and Support"], desc: "IPS, arbetslivsinriktad rehabilitering med individuellt stöd" },
    Method { id: "marte-meo", name: "Marte Meo", short: "Marte Meo", aliases: &[], desc: "Marte Meo, videobaserad vägledning i samspelet mellan förälder och barn" },
];
