//! Maps and charts as view data for the templates: static SVG drawn by `macros.html` from
//! what these modules compute, with no script.
//!
//! - [`mapdata`]: the embedded outlines of the län and kommuner (`data/sweden-map.json`);
//! - [`geometry`]: boxes, the frame of a drawing, clipping, compact path data;
//! - [`classes`]: the choropleth classes of a set of counts and their colour steps;
//! - [`maps`]: the national map, a county's zoomed map, a kommun's locator;
//! - [`grid`]: the rows × years grid of reports active per year;
//! - [`sparkline`]: reports per year as a small line.

mod classes;
mod geometry;
mod grid;
mod mapdata;
mod maps;
mod sparkline;

pub use grid::{year_grid, Active, GridRow};
pub use mapdata::{MapData, CREDIT};
pub use maps::{county, locator, national, Area, MapView};
pub use sparkline::sparkline;
