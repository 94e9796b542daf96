//! The maps as view data: which shapes a map draws, in which frame, shaded how. Owns the three
//! kinds of map: the national map of the counties, a county's kommuner zoomed to the county
//! with its neighbours muted, and a kommun's locator. Templates draw them (`macros.html`).

use serde::Serialize;

use super::classes::{Class, Classes};
use super::geometry::{Bounds, Frame};
use super::mapdata::{MapData, Shape};

/// How each kind of map is drawn: the units of its longer side (coordinates are whole units),
/// points closer than `tolerance` units to the last one drawn left out (about a pixel at the
/// national maps' display size, which keeps such a map near 8 KB), and the display size in
/// CSS pixels of the longer side (the `width`/`height` attributes, for pages read without the
/// stylesheet).
struct Scale {
    units: f64,
    tolerance: u32,
    px: u32,
}

const NATIONAL: Scale = Scale {
    units: 750.0,
    tolerance: 2,
    px: 600,
};
const ZOOM: Scale = Scale {
    units: 1000.0,
    tolerance: 0,
    px: 480,
};
const LOCATOR: Scale = Scale {
    units: 400.0,
    tolerance: 2,
    px: 220,
};
/// The margin around a zoomed county, as a share of its longer side.
const ZOOM_MARGIN: f64 = 0.06;

impl Scale {
    fn frame(&self, source: Bounds) -> Frame {
        Frame::fit(source, self.units).simplified(self.tolerance)
    }
}

/// A county or kommun a map shows: its SCB code, name, report count and link.
#[derive(Debug, Clone)]
pub struct Area<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub count: u32,
    pub url: Option<String>,
}

/// What a shape is on its map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Shaded by its count.
    Area,
    /// Drawn muted for orientation (a neighbouring county, the rest of the country).
    Context,
    /// A locator's county, lightly marked.
    Region,
    /// A locator's kommun, strongly marked.
    Place,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShapeView {
    pub name: String,
    pub count: u32,
    /// The colour step (0 for none); see [`Classes`].
    pub step: u32,
    pub url: Option<String>,
    pub role: Role,
    pub d: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    pub view_box: String,
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<ShapeView>,
    /// The shaded classes, lowest first (empty when nothing is shaded).
    pub legend: Vec<Class>,
    /// A ring around a place too small to see at the map's scale: centre and radius in units.
    pub marker: Option<(i64, i64, u32)>,
}

impl MapView {
    fn new(frame: Frame, px: u32) -> MapView {
        let longer = frame.width.max(frame.height).max(1);
        MapView {
            view_box: frame.view_box(),
            width: frame.width * px / longer,
            height: frame.height * px / longer,
            shapes: Vec::new(),
            legend: Vec::new(),
            marker: None,
        }
    }

    fn draw(&mut self, frame: &Frame, shape: &Shape, area: &Area, role: Role, step: u32) {
        let d = frame.path(&shape.rings);
        if d.is_empty() {
            return;
        }
        self.shapes.push(ShapeView {
            name: area.name.to_string(),
            count: area.count,
            step,
            url: area.url.clone(),
            role,
            d,
        });
    }
}

/// The counties of Sweden shaded by their counts (`areas` are counties).
pub fn national(map: &MapData, areas: &[Area]) -> MapView {
    let frame = NATIONAL.frame(map.bounds);
    let classes = Classes::new(areas.iter().map(|a| a.count));
    let mut view = MapView::new(frame, NATIONAL.px);
    for area in areas {
        if let Some(shape) = map.county(area.code) {
            view.draw(&frame, shape, area, Role::Area, classes.step(area.count));
        }
    }
    view.legend = classes.legend();
    view
}

/// The kommuner of `county` shaded by their counts, zoomed to the county, with the
/// `neighbours` (other counties) that reach into the view drawn muted. `None` when the map
/// has no shape for the county.
pub fn county(
    map: &MapData,
    county: &str,
    kommuner: &[Area],
    neighbours: &[Area],
) -> Option<MapView> {
    let outline = map.county(county)?;
    let source = zoom_box(map, outline, kommuner);
    let frame = ZOOM.frame(source);
    let classes = Classes::new(kommuner.iter().map(|a| a.count));
    let mut view = MapView::new(frame, ZOOM.px);
    for area in neighbours.iter().filter(|a| a.code != county) {
        if let Some(shape) = map.county(area.code) {
            if shape.bounds.intersects(&source) {
                view.draw(&frame, shape, area, Role::Context, 0);
            }
        }
    }
    for area in kommuner {
        if let Some(shape) = map.municipality(area.code) {
            view.draw(&frame, shape, area, Role::Area, classes.step(area.count));
        }
    }
    view.legend = classes.legend();
    Some(view)
}

/// The box a county's map shows: the county and its kommuner, with a margin.
fn zoom_box(map: &MapData, outline: &Shape, kommuner: &[Area]) -> Bounds {
    kommuner
        .iter()
        .filter_map(|a| map.municipality(a.code))
        .fold(outline.bounds, |b, k| b.union(k.bounds))
        .with_margin(ZOOM_MARGIN, 2.0)
}

/// Where a kommun lies: every county muted, the kommun's `county` lightly marked (and
/// linked), the kommun itself strongly marked with a ring around it. `None` when the map has
/// no shape for the kommun.
pub fn locator(map: &MapData, counties: &[Area], county: &str, kommun: &Area) -> Option<MapView> {
    let place = map.municipality(kommun.code)?;
    let frame = LOCATOR.frame(map.bounds);
    let mut view = MapView::new(frame, LOCATOR.px);
    for area in counties {
        if let Some(shape) = map.county(area.code) {
            let role = if area.code == county {
                Role::Region
            } else {
                Role::Context
            };
            view.draw(&frame, shape, area, role, 0);
        }
    }
    view.draw(&frame, place, kommun, Role::Place, 0);
    let (x, y) = frame.units(place.label_at);
    view.marker = Some((x, y, 10));
    Some(view)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area<'a>(code: &'a str, name: &'a str, count: u32) -> Area<'a> {
        Area {
            code,
            name,
            count,
            url: (count > 0).then(|| format!("/{code}/")),
        }
    }

    #[test]
    fn the_national_map_shades_counties_by_class() {
        let map = MapData::embedded();
        let areas = [
            area("07", "Kronobergs län", 3),
            area("09", "Gotlands län", 0),
        ];
        let view = national(map, &areas);
        assert_eq!(view.view_box, "0 0 313 750");
        assert_eq!((view.width, view.height), (250, 600));
        assert_eq!(view.shapes.len(), 2);
        assert_eq!(view.shapes[0].step, 5);
        assert_eq!(view.shapes[1].step, 0);
        assert!(view.shapes[0].d.starts_with('M'));
        assert_eq!(view.legend.len(), 1);
    }

    #[test]
    fn a_county_map_is_zoomed_to_the_county_and_shows_only_neighbours_in_view() {
        let map = MapData::embedded();
        let kommuner = [area("0980", "Gotland", 2)];
        let neighbours = [
            area("01", "Stockholms län", 0),
            area("09", "Gotlands län", 0),
            area("25", "Norrbottens län", 0),
        ];
        let view = county(map, "09", &kommuner, &neighbours).unwrap();
        let names: Vec<&str> = view.shapes.iter().map(|s| s.name.as_str()).collect();
        assert!(!names.contains(&"Norrbottens län"), "{names:?}");
        assert!(
            !names.contains(&"Gotlands län"),
            "the county itself is its kommuner"
        );
        assert_eq!(view.shapes.last().map(|s| s.role), Some(Role::Area));
        // The view box has the county's proportions at the zoom's size.
        let outline = map.county("09").unwrap().bounds;
        let (w, h) = (outline.width(), outline.height());
        let longer = view
            .view_box
            .split(' ')
            .map(|n| n.parse::<u32>().unwrap())
            .max();
        assert_eq!(longer, Some(1000));
        assert!(h > w && view.height > view.width);
        assert!(county(map, "99", &kommuner, &neighbours).is_none());
    }

    #[test]
    fn a_locator_marks_its_county_and_kommun() {
        let map = MapData::embedded();
        let counties = [area("07", "Kronobergs län", 0), area("12", "Skåne län", 0)];
        let view = locator(map, &counties, "07", &area("0780", "Växjö", 1)).unwrap();
        let roles: Vec<Role> = view.shapes.iter().map(|s| s.role).collect();
        assert_eq!(roles, [Role::Region, Role::Context, Role::Place]);
        let (x, y, _) = view.marker.unwrap();
        assert!(x > 0 && y > 0 && x < 167 && y < 400);
    }
}
