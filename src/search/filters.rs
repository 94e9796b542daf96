//! The search filter groups — län, metod, kommun, år — in one place: each group's URL key (the
//! search page's `?lan=…`, the dev server's `/api/search?lan=…` and the browser bundle's filter
//! name), its heading on the search page, which of a report's values fall in it (as labels,
//! the way the bundle filters by them), how the dev server's answer names it, and what the
//! search page's script is told about it ([`page_config`]).
//!
//! Not behind the `pagefind` feature: the dev server's API and the search page need the groups
//! with or without the browser bundle.

use serde::Serialize;

use crate::site::{ReportIdx, Site};

/// A group of search filters. Within a group values combine with OR, across groups with AND.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterGroup {
    County,
    Method,
    Municipality,
    Year,
}

impl FilterGroup {
    /// Every group, in the order the search page lists them.
    pub const ALL: [FilterGroup; 4] = [
        FilterGroup::County,
        FilterGroup::Method,
        FilterGroup::Municipality,
        FilterGroup::Year,
    ];

    /// The group's name in URLs and in the browser bundle's filters.
    pub fn key(self) -> &'static str {
        match self {
            FilterGroup::County => "lan",
            FilterGroup::Method => "metod",
            FilterGroup::Municipality => "kommun",
            FilterGroup::Year => "ar",
        }
    }

    /// The group a URL key names.
    pub fn from_key(key: &str) -> Option<FilterGroup> {
        FilterGroup::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The group's heading on the search page.
    pub fn label(self) -> &'static str {
        match self {
            FilterGroup::County => "Län",
            FilterGroup::Method => "Metod",
            FilterGroup::Municipality => "Kommun",
            FilterGroup::Year => "År",
        }
    }

    /// What a value of the group is called in an error ("unknown county `x`").
    pub fn kind(self) -> &'static str {
        match self {
            FilterGroup::County => "county",
            FilterGroup::Method => "method",
            FilterGroup::Municipality => "municipality",
            FilterGroup::Year => "year",
        }
    }

    /// Län and metod, the groups most searches start from, are open when the page loads.
    fn open_at_first(self) -> bool {
        matches!(self, FilterGroup::County | FilterGroup::Method)
    }

    /// The field of the dev server's answer (`Facets`) that counts the group's values; the
    /// kommun counts are not part of it.
    fn facet(self) -> Option<&'static str> {
        match self {
            FilterGroup::County => Some("county"),
            FilterGroup::Method => Some("method"),
            FilterGroup::Municipality => None,
            FilterGroup::Year => Some("year"),
        }
    }

    /// The field of a hit in the dev server's answer (`Hit`) that lists the group's values;
    /// the search page shows these groups on each result.
    fn hit_field(self) -> Option<&'static str> {
        match self {
            FilterGroup::County => Some("counties"),
            FilterGroup::Method => Some("methods"),
            FilterGroup::Municipality | FilterGroup::Year => None,
        }
    }

    /// The labels of report `r`'s values in the group, as the browser bundle filters by them
    /// (county, method and municipality names; the years the report is active in).
    pub fn report_labels(self, site: &Site, r: ReportIdx) -> Vec<String> {
        let report = site.report(r);
        let regions = &site.vocabulary.regions;
        match self {
            FilterGroup::County => report
                .counties
                .iter()
                .map(|&c| regions.county(c).name.clone())
                .collect(),
            FilterGroup::Method => site.report_methods[r.position()]
                .iter()
                .map(|&m| site.method(m).name.clone())
                .collect(),
            FilterGroup::Municipality => report
                .municipalities
                .iter()
                .map(|&k| regions.municipality(k).name.clone())
                .collect(),
            FilterGroup::Year => report
                .period
                .years(site.current_year)
                .map(|y| y.to_string())
                .collect(),
        }
    }

    /// (URL name, label) of every value the page may be asked for, in the vocabulary's order.
    /// Empty for years, whose value is its own label.
    fn values(self, site: &Site) -> Vec<[String; 2]> {
        let regions = &site.vocabulary.regions;
        let pair = |slug: &str, label: &str| [slug.to_string(), label.to_string()];
        match self {
            FilterGroup::County => regions
                .counties
                .iter()
                .map(|c| pair(&c.slug, &c.name))
                .collect(),
            FilterGroup::Method => site
                .methods
                .iter()
                .map(|m| pair(&m.id.0, &m.name))
                .collect(),
            FilterGroup::Municipality => regions
                .municipalities
                .iter()
                .map(|k| pair(&k.slug, &k.name))
                .collect(),
            FilterGroup::Year => Vec::new(),
        }
    }
}

/// The search page's configuration, embedded as JSON in `<script id="search-config">`: where
/// the bundle is and the filter groups.
#[derive(Debug, Clone, Serialize)]
pub struct SearchPageConfig {
    /// URL of the bundle folder (`…/pagefind/`).
    pub bundle: String,
    pub groups: Vec<GroupConfig>,
}

/// One filter group as the search page's script knows it.
#[derive(Debug, Clone, Serialize)]
pub struct GroupConfig {
    /// URL key and bundle filter name (`lan`).
    pub key: &'static str,
    /// Heading (`Län`).
    pub label: &'static str,
    /// (URL name, label) pairs in display order; empty when a value is its own label.
    pub values: Vec<[String; 2]>,
    /// Open when the page loads.
    pub open: bool,
    /// Values listed newest first (as text, descending) rather than in `values` order.
    pub newest_first: bool,
    /// The dev server's facet field counting the group (`Facets`), if any.
    pub facet: Option<&'static str>,
    /// The dev server's hit field listing the group's values (`Hit`), if any; such groups are
    /// shown on each result.
    pub hit: Option<&'static str>,
}

/// The search page's configuration for `site`, its bundle folder at `bundle` (the URL of
/// `pagefind/`). The script maps the URL's names (`metod=bra`) to the labels the bundle
/// filters by, so it gets the whole vocabulary (which keeps the page independent of the
/// reports).
pub fn page_config(site: &Site, bundle: String) -> SearchPageConfig {
    let groups = FilterGroup::ALL
        .into_iter()
        .map(|group| GroupConfig {
            key: group.key(),
            label: group.label(),
            values: group.values(site),
            open: group.open_at_first(),
            newest_first: group == FilterGroup::Year,
            facet: group.facet(),
            hit: group.hit_field(),
        })
        .collect();
    SearchPageConfig { bundle, groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_their_groups() {
        for group in FilterGroup::ALL {
            assert_eq!(FilterGroup::from_key(group.key()), Some(group));
        }
        assert_eq!(FilterGroup::from_key("q"), None);
        let keys: Vec<&str> = FilterGroup::ALL.iter().map(|g| g.key()).collect();
        assert_eq!(keys, ["lan", "metod", "kommun", "ar"]);
    }

    /// The fields the page is told about are the dev server's answer's field names.
    #[test]
    fn facet_and_hit_fields_are_the_answers() {
        let facets = serde_json::to_value(crate::search::Facets::default()).unwrap_or_default();
        let hit = serde_json::to_value(crate::search::Hit {
            slug: String::new(),
            title: String::new(),
            url: String::new(),
            score: 0.0,
            counties: Vec::new(),
            methods: Vec::new(),
            period: String::new(),
            snippet: String::new(),
        })
        .unwrap_or_default();
        for group in FilterGroup::ALL {
            if let Some(facet) = group.facet() {
                assert!(facets.get(facet).is_some(), "{facet}");
            }
            if let Some(field) = group.hit_field() {
                assert!(hit.get(field).is_some(), "{field}");
            }
        }
    }

    #[test]
    fn the_page_gets_every_group_in_order_with_its_vocabulary() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = crate::site::load(root, false, false)
            .0
            .expect("the example site loads");
        let config = serde_json::to_value(page_config(&site, "/pagefind/".into()))
            .expect("the configuration is JSON");
        assert_eq!(config["bundle"], "/pagefind/");
        let groups = config["groups"].as_array().expect("groups");
        assert_eq!(groups.len(), 4);
        assert_eq!(groups[0]["key"], "lan");
        assert_eq!(groups[0]["label"], "Län");
        assert_eq!(groups[0]["open"], true);
        assert_eq!(groups[2]["open"], false);
        assert_eq!(groups[3]["newest_first"], true);
        assert_eq!(groups[2]["facet"], serde_json::Value::Null);
        let counties = groups[0]["values"].as_array().expect("values");
        assert_eq!(counties.len(), site.vocabulary.regions.counties.len());
        assert_eq!(
            groups[1]["values"].as_array().map(Vec::len),
            Some(site.methods.len())
        );
        assert!(groups[3]["values"].as_array().is_some_and(Vec::is_empty));
    }
}
