//! The "where and when" grid as view data: one row per county (or method), one column per
//! year, each cell shaded by the reports active that year. Owns the grid's layout: its size
//! depends on rows × years only, never on the number of reports.

use std::collections::BTreeMap;

use serde::Serialize;

use super::classes::{Class, Classes};

/// Units per column and row, and the drawn square's side.
const CELL: u32 = 12;
const SQUARE: u32 = 10;
/// Room above the first row for the year labels.
const HEADER: u32 = 16;
/// Row labels are cut to this many characters (the whole name is in the row's title).
const LABEL_CHARS: usize = 26;
/// Units per character of a row label (the labels are 8 units high).
const UNITS_PER_CHAR: u32 = 5;
/// CSS pixels per unit of the `width`/`height` attributes.
const PX_PER_UNIT: u32 = 2;

/// One row's data: its label, link and per year the reports active then and how many of them
/// are ongoing.
#[derive(Debug, Clone)]
pub struct GridRow<'a> {
    pub label: &'a str,
    pub url: String,
    /// The row's reports (each once, whatever its years).
    pub total: u32,
    pub per_year: BTreeMap<u16, Active>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Active {
    pub count: u32,
    pub ongoing: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub year: u16,
    pub count: u32,
    pub ongoing: u32,
    /// Where its square starts.
    pub x: u32,
}

/// Neighbouring years of a row in the same colour step: drawn as one element (its squares
/// apart by the gap between columns) whose title names every year's count, which keeps a
/// grid of many reports light.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub step: u32,
    pub x: u32,
    /// From the first square's start to the last one's end.
    pub width: u32,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub name: String,
    /// The name as drawn (cut with "…" when long).
    pub label: String,
    pub url: String,
    pub y: u32,
    /// The row's reports.
    pub total: u32,
    pub runs: Vec<Run>,
    /// Every year's count, for the table.
    pub counts: Vec<u32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearTick {
    pub year: u16,
    pub x: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct GridView {
    pub view_box: String,
    pub width: u32,
    pub height: u32,
    /// Where the cells start; the labels end just before.
    pub label_width: u32,
    /// Where the first row starts (the year labels are above).
    pub top: u32,
    /// Units per column and row, and the side of a cell's square.
    pub cell: u32,
    pub square: u32,
    pub years: Vec<u16>,
    /// The labelled years, at their column's centre.
    pub ticks: Vec<YearTick>,
    pub rows: Vec<RowView>,
    pub legend: Vec<Class>,
    /// Counts of the cells are of reports active in the year; those still ongoing count up
    /// to this year.
    pub current_year: u16,
    /// Whether any cell counts ongoing work.
    pub ongoing: bool,
}

/// The grid of `rows` over every year any row has, or `None` when no row has any.
pub fn year_grid(rows: &[GridRow], current_year: u16) -> Option<GridView> {
    let years = rows.iter().flat_map(|r| r.per_year.keys().copied());
    let first = years.clone().min()?;
    let last = years.max()?;
    let years: Vec<u16> = (first..=last).collect();
    let classes = Classes::new(
        rows.iter()
            .flat_map(|r| r.per_year.values().map(|a| a.count)),
    );
    let longest = rows
        .iter()
        .map(|r| r.label.chars().count().min(LABEL_CHARS + 1))
        .max()
        .unwrap_or(0) as u32;
    let label_width = longest * UNITS_PER_CHAR + 8;
    let x_of = |year: u16| label_width + u32::from(year - first) * CELL;
    let ongoing = rows
        .iter()
        .any(|r| r.per_year.values().any(|a| a.ongoing > 0));
    let rows: Vec<RowView> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| row_view(row, HEADER + i as u32 * CELL, &years, &classes, x_of))
        .collect();
    // A column's room on the right, for the last year's label.
    let width = label_width + (years.len() as u32 + 1) * CELL;
    let height = HEADER + rows.len() as u32 * CELL;
    Some(GridView {
        view_box: format!("0 0 {width} {height}"),
        width: width * PX_PER_UNIT,
        height: height * PX_PER_UNIT,
        label_width,
        top: HEADER,
        cell: CELL,
        square: SQUARE,
        ticks: ticks(&years, x_of),
        years,
        rows,
        legend: classes.legend(),
        current_year,
        ongoing,
    })
}

fn row_view(
    row: &GridRow,
    y: u32,
    years: &[u16],
    classes: &Classes,
    x_of: impl Fn(u16) -> u32,
) -> RowView {
    let mut runs: Vec<Run> = Vec::new();
    for (&year, active) in row.per_year.iter().filter(|(_, a)| a.count > 0) {
        let step = classes.step(active.count);
        let cell = Cell {
            year,
            count: active.count,
            ongoing: active.ongoing,
            x: x_of(year),
        };
        match runs.last_mut() {
            Some(run) if run.step == step && run.x + run.width + (CELL - SQUARE) == cell.x => {
                run.width += CELL;
                run.cells.push(cell);
            }
            _ => runs.push(Run {
                step,
                x: cell.x,
                width: SQUARE,
                cells: vec![cell],
            }),
        }
    }
    let counts: Vec<u32> = years
        .iter()
        .map(|y| row.per_year.get(y).map_or(0, |a| a.count))
        .collect();
    RowView {
        name: row.label.to_string(),
        label: cut(row.label),
        url: row.url.clone(),
        y,
        total: row.total,
        runs,
        counts,
    }
}

/// Every fifth year labelled, and the first year when it is not too close to the next.
fn ticks(years: &[u16], x_of: impl Fn(u16) -> u32) -> Vec<YearTick> {
    let mut labelled: Vec<u16> = years.iter().copied().filter(|y| y % 5 == 0).collect();
    if let Some(&first) = years.first() {
        if labelled.first().is_none_or(|&next| next - first >= 4) {
            labelled.insert(0, first);
        }
    }
    labelled
        .into_iter()
        .map(|year| YearTick {
            year,
            x: x_of(year) + CELL / 2,
        })
        .collect()
}

fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS + 1 {
        return label.to_string();
    }
    let mut short: String = label.chars().take(LABEL_CHARS).collect();
    short.truncate(short.trim_end().len());
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(label: &'a str, years: &[(u16, u32)]) -> GridRow<'a> {
        GridRow {
            label,
            url: format!("/{label}/"),
            total: 1,
            per_year: years
                .iter()
                .map(|&(y, count)| (y, Active { count, ongoing: 0 }))
                .collect(),
        }
    }

    #[test]
    fn the_grid_spans_the_years_of_its_rows_and_grows_with_rows_and_years_only() {
        let rows = [row("Ab", &[(2010, 1), (2012, 4)]), row("Cd", &[(2011, 2)])];
        let grid = year_grid(&rows, 2020).unwrap();
        assert_eq!(grid.years, [2010, 2011, 2012]);
        assert_eq!(grid.label_width, 2 * UNITS_PER_CHAR + 8);
        assert_eq!(
            grid.view_box,
            format!("0 0 {} {}", 18 + 4 * 12, 16 + 2 * 12)
        );
        assert_eq!(grid.rows[0].counts, [1, 0, 4]);
        assert_eq!(grid.rows[1].y, HEADER + CELL);
        let cells: Vec<(u16, u32)> = grid.rows[0]
            .runs
            .iter()
            .flat_map(|g| g.cells.iter().map(|c| (c.year, c.x)))
            .collect();
        assert_eq!(cells, [(2010, 18), (2012, 42)]);
    }

    #[test]
    fn neighbouring_years_in_one_step_are_one_run() {
        let rows = [row(
            "Ab",
            &[(2010, 1), (2011, 1), (2012, 9), (2014, 9), (2015, 9)],
        )];
        let grid = year_grid(&rows, 2020).unwrap();
        let runs: Vec<(u32, u32, usize)> = grid.rows[0]
            .runs
            .iter()
            .map(|r| (r.x, r.width, r.cells.len()))
            .collect();
        // 2010–2011 (step of 1), 2012 (step of 9), a gap in 2013, 2014–2015.
        assert_eq!(runs, [(18, 22, 2), (42, 10, 1), (66, 22, 2)]);
        assert_eq!(grid.rows[0].runs[0].step, grid.rows[0].runs[0].step);
        assert_ne!(grid.rows[0].runs[0].step, grid.rows[0].runs[1].step);
        assert!(year_grid(&[row("Ef", &[])], 2020).is_none());
    }

    #[test]
    fn long_labels_are_cut_and_ticks_do_not_crowd() {
        assert_eq!(cut("Kort"), "Kort");
        let long = "Ett mycket långt metodnamn som inte får plats";
        assert_eq!(cut(long).chars().count(), LABEL_CHARS + 1);
        assert!(cut(long).ends_with('…'));
        let years: Vec<u16> = (2008..=2026).collect();
        let shown: Vec<u16> = ticks(&years, u32::from).iter().map(|t| t.year).collect();
        assert_eq!(shown, [2010, 2015, 2020, 2025]);
        let short: Vec<u16> = ticks(&[2011, 2012], u32::from)
            .iter()
            .map(|t| t.year)
            .collect();
        assert_eq!(short, [2011]);
    }
}
