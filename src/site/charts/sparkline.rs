//! A method's reports per year as a small line (the method catalogue). Owns its scale: every
//! sparkline spans the same years (the site's), so that lines can be compared by when; each is
//! scaled to its own largest count, which its text states.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

/// Units per year, and the line's height.
const STEP: u32 = 4;
const HEIGHT: u32 = 20;
/// CSS pixels per unit of the `width`/`height` attributes.
const PX_PER_UNIT: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Sparkline {
    pub view_box: String,
    pub width: u32,
    pub height: u32,
    pub d: String,
    pub first: u16,
    pub last: u16,
    /// The year with the most reports (the first such) and their number.
    pub peak_year: u16,
    pub peak: u32,
    /// Every year of the span with its count, for the text equivalent.
    pub years: Vec<(u16, u32)>,
}

/// The line of `per_year` over `first..=last`, or `None` when no year in it has reports.
pub fn sparkline(per_year: &BTreeMap<u16, u32>, first: u16, last: u16) -> Option<Sparkline> {
    let years: Vec<(u16, u32)> = (first..=last)
        .map(|y| (y, per_year.get(&y).copied().unwrap_or(0)))
        .collect();
    let (peak_year, peak) =
        years.iter().copied().fold(
            (first, 0),
            |best, (y, n)| if n > best.1 { (y, n) } else { best },
        );
    if peak == 0 {
        return None;
    }
    // The top unit is left free for the line's stroke.
    let y_of = |n: u32| i64::from(HEIGHT) - i64::from(n * (HEIGHT - 1)).div_euclid(i64::from(peak));
    let mut d = String::new();
    let mut previous = y_of(years[0].1);
    // Writing to a String cannot fail.
    let _ = write!(d, "M0 {previous}");
    if years.len() == 1 {
        let _ = write!(d, "h{STEP}");
    }
    for &(_, n) in &years[1..] {
        let dy = y_of(n) - previous;
        if dy == 0 {
            let _ = write!(d, "h{STEP}");
        } else {
            // A minus sign separates numbers by itself.
            let gap = if dy < 0 { "" } else { " " };
            let _ = write!(d, "l{STEP}{gap}{dy}");
        }
        previous += dy;
    }
    let width = (years.len() as u32 - 1).max(1) * STEP;
    Some(Sparkline {
        view_box: format!("0 0 {width} {HEIGHT}"),
        width: width * PX_PER_UNIT,
        height: HEIGHT * PX_PER_UNIT,
        d,
        first,
        last,
        peak_year,
        peak,
        years,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_spans_the_given_years_and_peaks_at_the_top() {
        let per_year = BTreeMap::from([(2011, 2), (2012, 4)]);
        let line = sparkline(&per_year, 2010, 2013).unwrap();
        assert_eq!(line.view_box, "0 0 12 20");
        assert_eq!(line.d, "M0 20l4-9l4-10l4 19");
        let flat = sparkline(&BTreeMap::from([(2011, 1), (2012, 1)]), 2010, 2013).unwrap();
        assert_eq!(flat.d, "M0 20l4-19h4l4 19");
        assert_eq!((line.peak_year, line.peak), (2012, 4));
        assert_eq!(line.years, [(2010, 0), (2011, 2), (2012, 4), (2013, 0)]);
        assert!(sparkline(&BTreeMap::new(), 2010, 2013).is_none());
        assert_eq!(sparkline(&per_year, 2012, 2012).unwrap().d, "M0 1h4");
    }
}
