//! The open-data files: `data/reports.json` (a contract users and tests rely on) and
//! `data/matrix.csv` (the method × county matrix in long form).

use serde::Serialize;

use crate::content::YearMonth;

use super::model::Site;
use super::plan::Urls;

#[derive(Serialize)]
struct Coded<'a> {
    code: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct MethodEntry<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct PeriodEntry {
    start: YearMonth,
    end: Option<YearMonth>,
}

#[derive(Serialize)]
struct ReportEntry<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    counties: Vec<Coded<'a>>,
    subregions: Vec<&'a str>,
    municipalities: Vec<Coded<'a>>,
    methods: Vec<MethodEntry<'a>>,
    period: PeriodEntry,
    organisation: Option<&'a str>,
    outcomes: &'a [String],
    summary: &'a str,
}

/// `data/reports.json`: every report's normalised metadata, in the site's order.
pub fn reports_json(site: &Site, urls: &Urls) -> Vec<u8> {
    let regions = &site.vocabulary.regions;
    let entries: Vec<ReportEntry> = site
        .reports
        .iter()
        .zip(&site.report_methods)
        .map(|(r, methods)| ReportEntry {
            slug: &r.slug,
            url: urls.report(&r.slug),
            title: &r.title,
            counties: r
                .counties
                .iter()
                .map(|&c| {
                    let c = regions.county(c);
                    Coded {
                        code: &c.code.0,
                        name: &c.name,
                    }
                })
                .collect(),
            subregions: r
                .subregions
                .iter()
                .map(|&s| regions.subregion(s).name.as_str())
                .collect(),
            municipalities: r
                .municipalities
                .iter()
                .map(|&k| {
                    let k = regions.municipality(k);
                    Coded {
                        code: &k.code.0,
                        name: &k.name,
                    }
                })
                .collect(),
            methods: methods
                .iter()
                .map(|&m| {
                    let m = site.method(m);
                    MethodEntry {
                        id: &m.id.0,
                        name: &m.name,
                    }
                })
                .collect(),
            period: PeriodEntry {
                start: r.period.start,
                end: r.period.end,
            },
            organisation: r.organisation.as_deref(),
            outcomes: &r.outcomes,
            summary: &r.summary,
        })
        .collect();
    // Plain structs with string keys: serialising them into memory cannot fail.
    let mut out = serde_json::to_vec_pretty(&entries).unwrap_or_default();
    out.push(b'\n');
    out
}

/// `data/matrix.csv`: one row per method and county with at least one report.
pub fn matrix_csv(site: &Site) -> Vec<u8> {
    let regions = &site.vocabulary.regions;
    let mut out = String::from("method_id,method,county_code,county,reports\n");
    for (m, counts) in site.matrix() {
        let method = site.method(m);
        for (c, &count) in counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let county = &regions.counties[c];
            let fields = [
                method.id.0.as_str(),
                &method.name,
                &county.code.0,
                &county.name,
            ];
            for field in fields {
                push_csv_field(&mut out, field);
                out.push(',');
            }
            out.push_str(&count.to_string());
            out.push('\n');
        }
    }
    out.into_bytes()
}

fn push_csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut s = String::new();
        push_csv_field(&mut s, "BRA – Barns rätt, som \"anhöriga\"");
        assert_eq!(s, "\"BRA – Barns rätt, som \"\"anhöriga\"\"\"");
    }
}
