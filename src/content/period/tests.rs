//! Every accepted way of writing a period, and the refused ones.
use super::*;
use crate::yaml;

fn ym(year: u16, month: u8) -> YearMonth {
    YearMonth { year, month }
}

fn period(src: &str) -> Result<Period, PeriodError> {
    match yaml::parse(&format!("period: {src}\n")).unwrap() {
        Node::Map(mut entries) => parse(&entries.remove(0).1),
        _ => unreachable!(),
    }
}

#[test]
fn one_reading_per_form() {
    let year = Period {
        start: ym(2010, 1),
        end: Some(ym(2010, 12)),
    };
    assert_eq!(period("2010").unwrap(), year);
    assert_eq!(
        period("[2010]").unwrap(),
        year,
        "a list of one is that year"
    );
    assert_eq!(
        period("[2010, ~]").unwrap().end,
        None,
        "an empty end is ongoing"
    );
    assert_eq!(
        period("ht 2008").unwrap(),
        Period {
            start: ym(2008, 8),
            end: Some(ym(2008, 12))
        },
        "a term is the whole term"
    );
    assert_eq!(period("vt 2009").unwrap().end, Some(ym(2009, 6)));
    assert_eq!(period("2008-06").unwrap().end, Some(ym(2008, 6)));
}

#[test]
fn a_start_or_end_written_twice_is_refused_at_the_second() {
    let err = period("{start: 2010, from: 2011}").unwrap_err();
    assert_eq!(
        err.message,
        "`start` and `from` both give the period's start; keep one"
    );
    assert_eq!(err.at.as_deref(), Some("from"));
    let err = period("{start: 2010, end: 2012, to: 2009}").unwrap_err();
    assert_eq!(err.at.as_deref(), Some("to"));
}

#[test]
fn accepts_every_documented_form() {
    let full = Period {
        start: ym(2008, 6),
        end: Some(ym(2009, 12)),
    };
    assert_eq!(period("{start: 2008-06, end: 2009-12}").unwrap(), full);
    assert_eq!(
        period("\n  start: 2008-06\n  end: 2009-12-31").unwrap(),
        full
    );
    let years = Period {
        start: ym(2008, 1),
        end: Some(ym(2009, 12)),
    };
    assert_eq!(period("\"2008–2009\"").unwrap(), years);
    assert_eq!(period("2008-2009").unwrap(), years);
    assert_eq!(period("2008 - 2009").unwrap(), years);
    assert_eq!(period("{start: 2008, end: 2009}").unwrap(), years);
    assert_eq!(
        period("2015").unwrap(),
        Period {
            start: ym(2015, 1),
            end: Some(ym(2015, 12))
        }
    );
    assert_eq!(
        period("2008-03 – 2009-05").unwrap(),
        Period {
            start: ym(2008, 3),
            end: Some(ym(2009, 5))
        }
    );
    assert_eq!(
        period("2008-03-2009-05").unwrap(),
        Period {
            start: ym(2008, 3),
            end: Some(ym(2009, 5))
        }
    );
}

#[test]
fn accepts_the_forms_editors_write_in_prose() {
    let p = |start: (u16, u8), end: (u16, u8)| Period {
        start: ym(start.0, start.1),
        end: Some(ym(end.0, end.1)),
    };
    assert_eq!(
        period("\"1/9 2021 till 30/6 2023\"").unwrap(),
        p((2021, 9), (2023, 6))
    );
    assert_eq!(
        period("juni 2008 – december 2009").unwrap(),
        p((2008, 6), (2009, 12))
    );
    assert_eq!(
        period("Jan. 2008 - dec 2009").unwrap(),
        p((2008, 1), (2009, 12))
    );
    assert_eq!(
        period("ht 2008 – vt 2009").unwrap(),
        p((2008, 8), (2009, 6))
    );
    assert_eq!(period("2008/2009").unwrap(), p((2008, 1), (2009, 12)));
    assert_eq!(
        period("[2008-06, 2009-12]").unwrap(),
        p((2008, 6), (2009, 12))
    );
    assert_eq!(
        period("{from: 2008-06, to: 2009-12}").unwrap(),
        p((2008, 6), (2009, 12))
    );
    assert_eq!(
        period("{start: 2008-06, slut: 2009-12}").unwrap(),
        p((2008, 6), (2009, 12))
    );
}

#[test]
fn open_ends_are_ongoing() {
    let open = Period {
        start: ym(2021, 9),
        end: None,
    };
    assert_eq!(period("{start: 2021-09}").unwrap(), open);
    assert_eq!(period("{start: 2021-09, end: }").unwrap(), open);
    assert_eq!(period("{start: 2021-09, end: pågående}").unwrap(), open);
    assert_eq!(period("2021-09 –").unwrap(), open);
}

#[test]
fn impossible_dates_are_refused_with_the_culprit() {
    let err = period("{start: 2008-13, end: 2009-01}").unwrap_err();
    assert!(err.message.contains("month 13"), "{}", err.message);
    assert_eq!(err.at.as_deref(), Some("2008-13"));
    assert!(period("{start: 2009-02-30}")
        .unwrap_err()
        .message
        .contains("28 days"));
    let err = period("{start: 2010-05, end: 2009-01}").unwrap_err();
    assert!(err.message.contains("before it starts"));
    assert!(period("{end: 2009-01}").is_err());
    assert!(period("snart").is_err());
    assert!(period("31/2 2009").is_err());
    assert!(period("[2008, 2009, 2010]").is_err());
    assert!(period("{start: 2008, stopp: 2009}")
        .unwrap_err()
        .message
        .contains("stopp"));
}

#[test]
fn years_cover_the_range_and_run_on_when_ongoing() {
    let p = Period {
        start: ym(2008, 6),
        end: Some(ym(2010, 1)),
    };
    assert_eq!(p.years(2026).collect::<Vec<_>>(), vec![2008, 2009, 2010]);
    let open = Period {
        start: ym(2024, 1),
        end: None,
    };
    assert_eq!(open.years(2026).count(), 3);
    assert!(current_year() >= 2024);
}
