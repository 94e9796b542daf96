//! Project periods: the one place that reads `period:` in all its accepted forms.
//!
//! Accepted: `{start: 2008-06, end: 2009-12}` (end optional for ongoing work; `from`/`to` and
//! Swedish `slut` also work), `[2008-06, 2009-12]`, a single year `2015`, and ranges written as
//! text: "2008–2009", "2008-2009", "2008/2009", "2008-03 – 2009-05", "2021 till 2023", "2021–"
//! (ongoing). Each end may be a year, a month (`2008-06`, `juni 2008`, `jun 2008`), a date
//! (`2008-06-15`, `15/6 2008`) or a term (`ht 2008`, `våren 2009`).

use std::fmt;

use serde::Serialize;

use crate::yaml::Node;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: u8,
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// When a project ran. `end` is `None` for ongoing work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub start: YearMonth,
    pub end: Option<YearMonth>,
}

/// `2008-06 – 2009-12`, or `2015-01 –` for ongoing work: the period as the search indexes
/// store and show it.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            Some(end) => write!(f, "{} – {end}", self.start),
            None => write!(f, "{} –", self.start),
        }
    }
}

impl Period {
    /// The calendar years the project was active in; ongoing work runs to `current_year`.
    pub fn years(&self, current_year: u16) -> std::ops::RangeInclusive<u16> {
        let last = self
            .end
            .map_or(current_year.max(self.start.year), |e| e.year);
        self.start.year..=last
    }

    /// The latest month the period reaches (for "newest first" ordering).
    pub fn latest(&self) -> YearMonth {
        self.end.unwrap_or(YearMonth {
            year: 9999,
            month: 12,
        })
    }
}

/// Why a `period:` value was refused; `at` is the written text to point at, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError {
    pub message: String,
    pub hint: String,
    pub at: Option<String>,
}

impl PeriodError {
    fn new(message: impl Into<String>, at: Option<&str>) -> Self {
        PeriodError {
            message: message.into(),
            hint: "write `period: {start: 2008-06, end: 2009-12}`, a year such as `period: 2015`, or \"2008–2009\"".into(),
            at: at.map(str::to_string),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Edge {
    Start,
    End,
}

/// Reads a `period:` value.
pub fn parse(node: &Node) -> Result<Period, PeriodError> {
    match node {
        Node::Int(_) | Node::Str(_) => {
            let text = node.scalar_text().unwrap_or_default();
            parse_text(&text)
        }
        Node::Map(entries) => parse_map(entries),
        Node::Seq(items) if (1..=2).contains(&items.len()) => {
            let start = point_node(&items[0], Edge::Start)?
                .ok_or_else(|| PeriodError::new("the period has no start", None))?;
            // `[2010]` reads like `2010` (the whole year); `[2010, ~]` is ongoing.
            let end = match items.get(1) {
                None => point_node(&items[0], Edge::End)?,
                Some(Node::Null) => None,
                Some(node) => point_node(node, Edge::End)?,
            };
            checked(start, end, items.get(1).and_then(Node::scalar_text))
        }
        Node::Null => Err(PeriodError::new("`period` is empty", None)),
        other => Err(PeriodError::new(
            format!(
                "`period` must be a start/end mapping, a year or a range, found {}",
                other.kind()
            ),
            None,
        )),
    }
}

fn parse_map(entries: &[(String, Node)]) -> Result<Period, PeriodError> {
    let mut start: Option<(&str, &Node)> = None;
    let mut end: Option<(&str, &Node)> = None;
    for (key, value) in entries {
        let (slot, edge) = match key.as_str() {
            "start" | "from" | "början" => (&mut start, "start"),
            "end" | "to" | "slut" => (&mut end, "end"),
            other => {
                return Err(PeriodError::new(
                    format!(
                        "unknown key `{other}` in `period`; only `start` and `end` are allowed"
                    ),
                    Some(other),
                ))
            }
        };
        if let Some((first, _)) = slot {
            return Err(PeriodError::new(
                format!("`{first}` and `{key}` both give the period's {edge}; keep one"),
                Some(key.as_str()),
            ));
        }
        *slot = Some((key.as_str(), value));
    }
    let start = match start.map(|(_, node)| node) {
        Some(node) if *node != Node::Null => point_node(node, Edge::Start)?,
        _ => return Err(PeriodError::new("`period` has no `start`", None)),
    };
    let start = start
        .ok_or_else(|| PeriodError::new("the period's `start` cannot be open", Some("start")))?;
    let end = match end.map(|(_, node)| node) {
        None | Some(Node::Null) => None,
        Some(node) => point_node(node, Edge::End)?,
    };
    checked(start, end, end_text(entries))
}

fn end_text(entries: &[(String, Node)]) -> Option<String> {
    entries
        .iter()
        .find(|(k, _)| matches!(k.as_str(), "end" | "to" | "slut"))
        .and_then(|(_, v)| v.scalar_text())
}

fn point_node(node: &Node, edge: Edge) -> Result<Option<YearMonth>, PeriodError> {
    match node.scalar_text() {
        Some(text) => point(&text, edge),
        None => Err(PeriodError::new(
            format!(
                "the period's `{}` must be a year or a month such as 2008-06, found {}",
                if edge == Edge::Start { "start" } else { "end" },
                node.kind()
            ),
            None,
        )),
    }
}

fn parse_text(text: &str) -> Result<Period, PeriodError> {
    let (first, second) = split_range(text);
    let start = point(first, Edge::Start)?.ok_or_else(|| {
        PeriodError::new(
            format!("`{}` is not a period", text.trim()),
            Some(text.trim()),
        )
    })?;
    let end = match second {
        Some(second) => point(second, Edge::End)?,
        // A lone year covers the whole year, a term (`ht 2008`) the term, a month that month.
        None => point(first, Edge::End)?.or(Some(start)),
    };
    checked(start, end, second.map(|s| s.trim().to_string()))
}

fn checked(
    start: YearMonth,
    end: Option<YearMonth>,
    end_text: Option<String>,
) -> Result<Period, PeriodError> {
    if let Some(end) = end {
        if end < start {
            let mut err = PeriodError::new(
                format!("the period ends ({end}) before it starts ({start})"),
                end_text.as_deref(),
            );
            err.hint = "swap `start` and `end`, or correct the year".into();
            return Err(err);
        }
    }
    Ok(Period { start, end })
}

/// Splits "2008–2009", "2008 - 2009", "2008-03 till 2009-05" and "2008-2009"; a single point
/// comes back alone.
fn split_range(text: &str) -> (&str, Option<&str>) {
    for sep in ["–", "—", " - ", " till ", " to ", ".."] {
        if let Some((a, b)) = text.split_once(sep) {
            return (a, Some(b));
        }
    }
    // Plain hyphens are also the date separator: only "YYYY-YYYY" and "YYYY-MM-YYYY-MM" are
    // ranges.
    let parts: Vec<&str> = text.trim().split('-').collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let trimmed = text.trim();
    if let Some((a, b)) = trimmed.split_once('/') {
        let year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
        if year(a) && year(b) {
            return (a, Some(b));
        }
    }
    if digits {
        if lens == [4, 4] {
            return (&trimmed[..4], Some(&trimmed[5..]));
        }
        if lens.len() == 4 && lens[0] == 4 && lens[2] == 4 && lens[1] <= 2 && lens[3] <= 2 {
            let cut = lens[0] + 1 + lens[1];
            return (&trimmed[..cut], Some(&trimmed[cut + 1..]));
        }
    }
    (text, None)
}

const OPEN_WORDS: [&str; 7] = [
    "",
    "pågående",
    "pågår",
    "ongoing",
    "present",
    "nu",
    "tills vidare",
];

/// One end of a period: "2008", "2008-06", "2008-6" or "2008-06-15". `None` means open.
fn point(text: &str, edge: Edge) -> Result<Option<YearMonth>, PeriodError> {
    let t = text.trim();
    if OPEN_WORDS.contains(&t.to_lowercase().as_str()) {
        return match edge {
            Edge::End => Ok(None),
            Edge::Start => Err(PeriodError::new("the period has no start", None)),
        };
    }
    let invalid = || {
        PeriodError::new(
            format!("`{t}` is not a year or a month; write it as 2008 or 2008-06"),
            Some(t),
        )
    };
    if let Some(found) = worded(t, edge) {
        return found.map(Some);
    }
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        || parts[0].len() != 4
    {
        return Err(invalid());
    }
    let number = |s: &str| s.parse::<u32>().map_err(|_| invalid());
    let year = number(parts[0])?;
    if !(1900..=2100).contains(&year) {
        return Err(PeriodError::new(
            format!("the year {year} is out of range (1900–2100)"),
            Some(t),
        ));
    }
    let month = match parts.get(1) {
        None => {
            if edge == Edge::Start {
                1
            } else {
                12
            }
        }
        Some(m) if m.len() <= 2 => number(m)?,
        Some(_) => return Err(invalid()),
    };
    if !(1..=12).contains(&month) {
        return Err(PeriodError::new(
            format!("`{t}` has month {month}; months run from 01 to 12"),
            Some(t),
        ));
    }
    match parts.get(2) {
        None => {}
        Some(d) if d.len() <= 2 => {
            let day = number(d)?;
            if day == 0 || day > days_in_month(year, month) {
                return Err(PeriodError::new(
                    format!(
                        "`{t}` is not a date: {year}-{month:02} has {} days",
                        days_in_month(year, month)
                    ),
                    Some(t),
                ));
            }
        }
        Some(_) => return Err(invalid()),
    }
    if parts.len() > 3 {
        return Err(invalid());
    }
    Ok(Some(YearMonth {
        year: year as u16,
        month: month as u8,
    }))
}

/// Month and term names, with the months they start and end in.
const NAMED: [(&str, u8, u8); 30] = [
    ("januari", 1, 1),
    ("jan", 1, 1),
    ("january", 1, 1),
    ("februari", 2, 2),
    ("feb", 2, 2),
    ("february", 2, 2),
    ("mars", 3, 3),
    ("mar", 3, 3),
    ("march", 3, 3),
    ("april", 4, 4),
    ("apr", 4, 4),
    ("maj", 5, 5),
    ("may", 5, 5),
    ("juni", 6, 6),
    ("jun", 6, 6),
    ("june", 6, 6),
    ("juli", 7, 7),
    ("jul", 7, 7),
    ("july", 7, 7),
    ("augusti", 8, 8),
    ("aug", 8, 8),
    ("august", 8, 8),
    ("september", 9, 9),
    ("sep", 9, 9),
    ("sept", 9, 9),
    ("oktober", 10, 10),
    ("okt", 10, 10),
    ("october", 10, 10),
    ("november", 11, 11),
    ("nov", 11, 11),
];

const NAMED_MORE: [(&str, u8, u8); 9] = [
    ("december", 12, 12),
    ("dec", 12, 12),
    // Terms and seasons: autumn term from August, spring term to June.
    ("ht", 8, 12),
    ("hösten", 8, 12),
    ("höst", 8, 12),
    ("vt", 1, 6),
    ("våren", 1, 6),
    ("vår", 1, 6),
    ("sommaren", 6, 8),
];

/// "juni 2008", "jun. 2008", "ht 2008", "15/6 2008": `None` when the text is not of that shape.
fn worded(t: &str, edge: Edge) -> Option<Result<YearMonth, PeriodError>> {
    let lower = t.to_lowercase();
    let (head, year) = lower.rsplit_once(char::is_whitespace)?;
    let year: u16 = (year.len() == 4).then(|| year.parse().ok()).flatten()?;
    let head = head.trim().trim_end_matches('.');
    let month = if let Some((day, month)) = head.split_once('/') {
        let (day, month): (u32, u32) = (day.parse().ok()?, month.parse().ok()?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(u32::from(year), month) {
            return Some(Err(PeriodError::new(
                format!("`{t}` is not a date"),
                Some(t),
            )));
        }
        month as u8
    } else {
        let (_, first, last) = NAMED
            .iter()
            .chain(&NAMED_MORE)
            .find(|(name, _, _)| *name == head)?;
        if edge == Edge::Start {
            *first
        } else {
            *last
        }
    };
    if !(1900..=2100).contains(&year) {
        return Some(Err(PeriodError::new(
            format!("the year {year} is out of range (1900–2100)"),
            Some(t),
        )));
    }
    Some(Ok(YearMonth { year, month }))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The current calendar year (UTC), for ongoing periods.
pub fn current_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil-from-days (Howard Hinnant), enough for the year.
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    year as u16
}

#[cfg(test)]
mod tests;
