//! Counties (län), sub-regions and municipalities (kommuner), with their SCB codes, and the
//! lookup of an editor's spelling of them.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::matching::{self, key, region_key};
use super::{slugify, DataError};

/// A two-digit SCB county code such as `"07"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CountyCode(pub String);

/// A four-digit SCB municipality code such as `"1880"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KommunCode(pub String);

/// Index of a county in [`Regions::counties`] (SCB order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountyIdx(pub u16);

/// Index of a sub-region in [`Regions::subregions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SubregionIdx(pub u16);

/// Index of a municipality in [`Regions::municipalities`] (SCB order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KommunIdx(pub u16);

#[derive(Debug, Clone)]
pub struct County {
    pub code: CountyCode,
    pub name: String,
    pub short_name: String,
    pub letter: String,
    pub aliases: Vec<String>,
    pub slug: String,
}

#[derive(Debug, Clone)]
pub struct Subregion {
    pub id: String,
    pub name: String,
    pub county: CountyIdx,
    pub aliases: Vec<String>,
    pub municipalities: Vec<KommunIdx>,
}

#[derive(Debug, Clone)]
pub struct Municipality {
    pub code: KommunCode,
    pub name: String,
    pub county: CountyIdx,
    pub aliases: Vec<String>,
    pub slug: String,
}

/// What a county spelling resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionMatch {
    County(CountyIdx),
    /// A sub-region, which also names its county.
    Subregion(SubregionIdx),
}

/// Regions as stored in YAML (the embedded data and a site's `vocabulary/` files).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionsData {
    #[serde(default)]
    pub counties: Vec<CountyData>,
    #[serde(default)]
    pub subregions: Vec<SubregionData>,
    #[serde(default)]
    pub municipalities: Vec<MunicipalityData>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountyData {
    pub code: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub letter: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubregionData {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub parent_county: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub municipalities: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityData {
    pub code: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub county: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Regions {
    pub counties: Vec<County>,
    pub subregions: Vec<Subregion>,
    pub municipalities: Vec<Municipality>,
    region_index: HashMap<String, RegionMatch>,
    kommun_index: HashMap<String, KommunIdx>,
}

impl Regions {
    pub fn county(&self, idx: CountyIdx) -> &County {
        &self.counties[idx.0 as usize]
    }

    pub fn subregion(&self, idx: SubregionIdx) -> &Subregion {
        &self.subregions[idx.0 as usize]
    }

    pub fn municipality(&self, idx: KommunIdx) -> &Municipality {
        &self.municipalities[idx.0 as usize]
    }

    pub fn county_by_code(&self, code: &str) -> Option<CountyIdx> {
        let code = pad_code(code, 2);
        self.counties
            .iter()
            .position(|c| c.code.0 == code)
            .map(|i| CountyIdx(i as u16))
    }

    pub fn kommun_by_code(&self, code: &str) -> Option<KommunIdx> {
        let code = pad_code(code, 4);
        self.municipalities
            .binary_search_by(|m| m.code.0.as_str().cmp(code.as_str()))
            .ok()
            .map(|i| KommunIdx(i as u16))
    }

    /// The county whose URL name is `slug` (`orebro`, as in `/lan/orebro/`).
    pub fn county_by_slug(&self, slug: &str) -> Option<CountyIdx> {
        self.counties
            .iter()
            .position(|c| c.slug == slug)
            .map(|i| CountyIdx(i as u16))
    }

    /// The municipality whose URL name is `slug` (`habo-jonkoping`).
    pub fn kommun_by_slug(&self, slug: &str) -> Option<KommunIdx> {
        self.municipalities
            .iter()
            .position(|m| m.slug == slug)
            .map(|i| KommunIdx(i as u16))
    }

    /// Resolves a county spelling: name, short name, SCB code, letter, alias or sub-region.
    /// "Västra Götaland (Skaraborg)" also works: the more specific of the two names, when they
    /// agree on the county.
    pub fn find_region(&self, text: &str) -> Option<RegionMatch> {
        self.find_region_exact(text).or_else(|| {
            let (before, inside) = matching::bracketed(text)?;
            match (
                self.find_region_exact(before),
                self.find_region_exact(inside),
            ) {
                (Some(a), Some(b)) if self.county_of(a) != self.county_of(b) => None,
                (Some(RegionMatch::County(_)), Some(b)) => Some(b),
                (a, b) => a.or(b),
            }
        })
    }

    fn find_region_exact(&self, text: &str) -> Option<RegionMatch> {
        if let Some(idx) = text
            .trim()
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| self.county_by_code(text.trim()))
            .flatten()
        {
            return Some(RegionMatch::County(idx));
        }
        self.region_index.get(&region_key(text)).copied()
    }

    /// Resolves a municipality spelling: name, SCB code or alias ("Nora kommun").
    pub fn find_kommun(&self, text: &str) -> Option<KommunIdx> {
        let trimmed = text.trim();
        if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return self.kommun_by_code(trimmed);
        }
        self.kommun_index.get(&key(trimmed)).copied()
    }

    /// The county a region match stands for.
    pub fn county_of(&self, m: RegionMatch) -> CountyIdx {
        match m {
            RegionMatch::County(c) => c,
            RegionMatch::Subregion(s) => self.subregion(s).county,
        }
    }

    /// Up to `limit` county or sub-region names close to an unknown spelling.
    pub fn suggest_regions(&self, text: &str, limit: usize) -> Vec<&str> {
        let counties = self.counties.iter().flat_map(|c| {
            [c.name.as_str(), c.short_name.as_str()]
                .into_iter()
                .chain(c.aliases.iter().map(String::as_str))
                .map(move |spelling| (c.name.as_str(), spelling))
        });
        let subregions = self.subregions.iter().flat_map(|s| {
            std::iter::once(s.name.as_str())
                .chain(s.aliases.iter().map(String::as_str))
                .map(move |spelling| (s.name.as_str(), spelling))
        });
        matching::closest(text, counties.chain(subregions), limit, 0.78)
    }

    /// Up to `limit` municipality names close to an unknown spelling.
    pub fn suggest_kommuner(&self, text: &str, limit: usize) -> Vec<&str> {
        let all = self.municipalities.iter().flat_map(|m| {
            std::iter::once(m.name.as_str())
                .chain(m.aliases.iter().map(String::as_str))
                .map(move |spelling| (m.name.as_str(), spelling))
        });
        matching::closest(text, all, limit, 0.8)
    }

    /// Builds the tables from reference data. Fails on codes that do not fit together.
    pub fn from_data(data: RegionsData) -> Result<Regions, DataError> {
        let mut regions = Regions::default();
        for c in data.counties {
            let name = c
                .name
                .ok_or_else(|| DataError::new(format!("county {} has no name", c.code), &c.code))?;
            let short_name = c.short_name.unwrap_or_else(|| name.clone());
            regions.counties.push(County {
                code: CountyCode(pad_code(&c.code, 2)),
                slug: slugify(&short_name),
                name,
                short_name,
                letter: c.letter.unwrap_or_default(),
                aliases: c.aliases,
            });
        }
        regions.counties.sort_by(|a, b| a.code.cmp(&b.code));
        for m in data.municipalities {
            let code = pad_code(&m.code, 4);
            let name = m
                .name
                .ok_or_else(|| DataError::new(format!("municipality {code} has no name"), &code))?;
            let county_code = m.county.unwrap_or_else(|| code[..2].to_string());
            let county = regions.county_by_code(&county_code).ok_or_else(|| {
                DataError::new(
                    format!("municipality {name} names unknown county {county_code}"),
                    &county_code,
                )
            })?;
            regions.municipalities.push(Municipality {
                code: KommunCode(code),
                slug: slugify(&name),
                name,
                county,
                aliases: m.aliases,
            });
        }
        regions.municipalities.sort_by(|a, b| a.code.cmp(&b.code));
        regions.disambiguate_slugs();
        for s in data.subregions {
            let subregion = regions.subregion_from_data(s)?;
            regions.subregions.push(subregion);
        }
        regions.rebuild_index()?;
        Ok(regions)
    }

    /// Håbo and Habo fold to the same URL name; kommuner that collide get their county's name
    /// appended (`habo-uppsala`, `habo-jonkoping`).
    fn disambiguate_slugs(&mut self) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for m in &self.municipalities {
            *seen.entry(m.slug.clone()).or_default() += 1;
        }
        for i in 0..self.municipalities.len() {
            if seen.get(&self.municipalities[i].slug).copied().unwrap_or(0) > 1 {
                let county = &self.counties[self.municipalities[i].county.0 as usize].slug;
                let slug = format!("{}-{county}", self.municipalities[i].slug);
                self.municipalities[i].slug = slug;
            }
        }
    }

    fn subregion_from_data(&self, s: SubregionData) -> Result<Subregion, DataError> {
        let name = s
            .name
            .ok_or_else(|| DataError::new(format!("sub-region {} has no name", s.id), &s.id))?;
        let parent = s.parent_county.ok_or_else(|| {
            DataError::new(format!("sub-region {name} has no parent_county"), &name)
        })?;
        let county = self
            .county_by_code(&parent)
            .or_else(|| match self.find_region(&parent) {
                Some(RegionMatch::County(c)) => Some(c),
                _ => None,
            })
            .ok_or_else(|| {
                DataError::new(
                    format!("sub-region {name}: unknown parent_county `{parent}`"),
                    &parent,
                )
            })?;
        let municipalities = s
            .municipalities
            .iter()
            .map(|m| {
                self.find_kommun(m).ok_or_else(|| {
                    DataError::new(format!("sub-region {name}: unknown municipality `{m}`"), m)
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Subregion {
            id: s.id,
            name,
            county,
            aliases: s.aliases,
            municipalities,
        })
    }

    /// Adds a site's extra aliases and sub-regions. Errors are plain sentences; the caller adds
    /// the file.
    pub fn extend(&mut self, data: RegionsData) -> Result<(), DataError> {
        for c in data.counties {
            let idx = self.county_by_code(&c.code).ok_or_else(|| {
                DataError::new(format!("unknown county code `{}`", c.code), &c.code)
            })?;
            self.counties[idx.0 as usize].aliases.extend(c.aliases);
        }
        for m in data.municipalities {
            let idx = self.kommun_by_code(&m.code).ok_or_else(|| {
                DataError::new(format!("unknown municipality code `{}`", m.code), &m.code)
            })?;
            self.municipalities[idx.0 as usize]
                .aliases
                .extend(m.aliases);
        }
        for s in data.subregions {
            match self.subregions.iter().position(|x| x.id == s.id) {
                Some(i) => self.subregions[i].aliases.extend(s.aliases),
                None => {
                    let subregion = self.subregion_from_data(s)?;
                    self.subregions.push(subregion);
                }
            }
        }
        self.rebuild_index()
    }

    fn rebuild_index(&mut self) -> Result<(), DataError> {
        let mut regions: HashMap<String, RegionMatch> = HashMap::new();
        let mut insert =
            |spelling: &str, target: RegionMatch, owner: &str| -> Result<(), DataError> {
                let k = region_key(spelling);
                if k.is_empty() {
                    return Ok(());
                }
                match regions.insert(k, target) {
                    Some(previous) if previous != target => Err(DataError::new(
                        format!(
                        "the spelling `{spelling}` of {owner} is already used for another region"
                    ),
                        spelling,
                    )),
                    _ => Ok(()),
                }
            };
        for (i, c) in self.counties.iter().enumerate() {
            let target = RegionMatch::County(CountyIdx(i as u16));
            insert(&c.name, target, &c.name)?;
            insert(&c.short_name, target, &c.name)?;
            insert(&c.letter, target, &c.name)?;
            for alias in &c.aliases {
                insert(alias, target, &c.name)?;
            }
        }
        for (i, s) in self.subregions.iter().enumerate() {
            let target = RegionMatch::Subregion(SubregionIdx(i as u16));
            insert(&s.name, target, &s.name)?;
            for alias in &s.aliases {
                insert(alias, target, &s.name)?;
            }
        }
        let mut kommuner: HashMap<String, KommunIdx> = HashMap::new();
        for (i, m) in self.municipalities.iter().enumerate() {
            for spelling in std::iter::once(&m.name).chain(&m.aliases) {
                if let Some(previous) = kommuner.insert(key(spelling), KommunIdx(i as u16)) {
                    if previous.0 as usize != i {
                        return Err(DataError::new(
                            format!(
                                "the spelling `{spelling}` of {} is already used for another municipality",
                                m.name
                            ),
                            spelling,
                        ));
                    }
                }
            }
        }
        self.region_index = regions;
        self.kommun_index = kommuner;
        Ok(())
    }
}

/// "7" → "07"; codes that are already long enough pass unchanged.
fn pad_code(code: &str, width: usize) -> String {
    format!("{:0>width$}", code.trim())
}

#[cfg(test)]
mod tests {
    use crate::vocabulary::Vocabulary;

    use super::*;

    fn regions() -> Regions {
        Vocabulary::builtin().regions.clone()
    }

    #[test]
    fn reference_data_is_complete() {
        let r = regions();
        assert_eq!(r.counties.len(), 21);
        assert_eq!(r.municipalities.len(), 290);
        assert!(r.subregions.iter().any(|s| s.name == "Skaraborg"));
    }

    #[test]
    fn counties_match_in_every_accepted_form() {
        let r = regions();
        let kronoberg = r.county_by_code("07").unwrap();
        for spelling in [
            "Kronobergs län",
            "kronoberg",
            " KRONOBERGS LÄNS ",
            "07",
            "7",
            "G",
        ] {
            assert_eq!(
                r.find_region(spelling),
                Some(RegionMatch::County(kronoberg)),
                "{spelling}"
            );
        }
    }

    #[test]
    fn subregions_roll_up_to_their_county() {
        let r = regions();
        assert_eq!(
            r.find_region("Västra Götaland (Skaraborg)"),
            r.find_region("Skaraborg")
        );
        assert_eq!(r.find_region("Region Kronoberg (07)"), r.find_region("07"));
        assert_eq!(
            r.find_region("Skåne (Skaraborg)"),
            None,
            "two different counties"
        );
        let m = r.find_region("Skaraborg").unwrap();
        assert!(matches!(m, RegionMatch::Subregion(_)));
        assert_eq!(r.county(r.county_of(m)).name, "Västra Götalands län");
    }

    #[test]
    fn municipality_url_names_are_unique() {
        let r = regions();
        let mut slugs: Vec<&str> = r.municipalities.iter().map(|m| m.slug.as_str()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), 290);
        assert_eq!(
            r.municipality(r.find_kommun("Håbo").unwrap()).slug,
            "habo-uppsala"
        );
        assert_eq!(
            r.municipality(r.find_kommun("Habo").unwrap()).slug,
            "habo-jonkoping"
        );
        assert_eq!(r.municipality(r.find_kommun("Nora").unwrap()).slug, "nora");
    }

    #[test]
    fn municipalities_match_by_name_code_and_alias() {
        let r = regions();
        let nora = r.find_kommun("Nora").unwrap();
        assert_eq!(r.municipality(nora).code.0, "1884");
        assert_eq!(r.find_kommun("1884"), Some(nora));
        assert_eq!(r.find_kommun("nora kommun"), Some(nora));
        assert_eq!(r.county(r.municipality(nora).county).name, "Örebro län");
        assert_eq!(r.find_kommun("Narnia"), None);
    }

    #[test]
    fn suggestions_offer_the_right_county() {
        let r = regions();
        assert_eq!(
            r.suggest_regions("Kronobergs lan", 1),
            vec!["Kronobergs län"]
        );
        assert_eq!(
            r.suggest_regions("Vastra Gotaland", 1),
            vec!["Västra Götalands län"]
        );
    }
}
