//! An edit of report files, checked against the rest of the site before the model changes.
//! Owns the rules an edit must keep (unique URL names, the limit on unknown methods), when an
//! edit touches only one page (a body edit), and how a page is found again after an edit
//! shifted every index.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::content::{duplicate_slug, MethodRef, Report};

use super::drafts::KeptDrafts;
use super::lookup::Lookup;
use crate::diagnostics::Diagnostics;
use crate::vocabulary::{CountyIdx, KommunIdx, MethodId};

use super::super::deps::pages_of_report;
use super::super::model::{ReportIdx, Site, SiteMethodIdx};
use super::super::plan::{List, PageKind, Urls};

/// A changed report file as shown in messages, its new version (`None` when deleted or a
/// draft) and its diagnostics.
pub(super) type Parsed = (PathBuf, Option<Report>, Diagnostics);

/// A changed draft left out of the site (no `--drafts`): its path as shown and its URL name,
/// which no other report may take, as in a build.
pub(super) type LeftOutDraft = (PathBuf, String);

/// Sorts the diagnostics of `parsed` into `warnings` and errors, and checks the edit against
/// the rest of `site`. Every error, or nothing.
pub(super) fn check(
    root: &Path,
    (site, lookup): (&Site, &Lookup),
    changed: &BTreeSet<PathBuf>,
    edit: (&[Parsed], &[LeftOutDraft], &KeptDrafts),
    warnings: &mut Diagnostics,
) -> Result<(), Diagnostics> {
    let (parsed, drafts, kept) = edit;
    let mut errors = Diagnostics::new();
    for (_, _, diagnostics) in parsed {
        for d in diagnostics.items() {
            if d.is_error() {
                errors.push(d.clone());
            } else {
                warnings.push(d.clone());
            }
        }
    }
    check_slugs((site, lookup), changed, (parsed, drafts, kept), &mut errors);
    check_unknown_methods(root, site, changed, parsed, &mut errors);
    if errors.has_errors() {
        errors.sort();
        return Err(errors);
    }
    Ok(())
}

/// With only bodies edited, each edit with the index of the report it replaces; `None` when
/// any other field changed or a report came or went.
pub(super) fn body_edits(
    site: &Site,
    lookup: &Lookup,
    parsed: &[Parsed],
) -> Option<Vec<(ReportIdx, Report)>> {
    parsed
        .iter()
        .map(|(shown, new, _)| {
            let (r, new) = (lookup.by_source(shown)?, new.as_ref()?);
            same_but_body(site.report(r), new).then(|| (r, new.clone()))
        })
        .collect()
}

/// The pages the changed reports fed before the edit, named so that they can be found again
/// after it, with their output paths.
pub(super) fn old_pages(
    site: &Site,
    changed: &BTreeSet<PathBuf>,
    lookup: &Lookup,
) -> Vec<(PageKey, String)> {
    let urls = Urls::new(&site.config);
    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    for shown in changed {
        let Some(r) = lookup.by_source(shown) else {
            continue;
        };
        for page in pages_of_report(site, r) {
            if seen.insert(page) {
                let path = urls.output_path(&urls.of(site, page));
                pages.push((key_of(site, page), path));
            }
        }
    }
    pages
}

/// A page named so that it can be found again in the site after an edit (indices shift).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PageKey {
    Stable(PageKind),
    Report(String),
    /// Page `n` of a list.
    List(ListKey, u32),
    /// The feed of a term (whose list this is).
    Feed(ListKey),
}

/// A list named by what does not shift in an edit: methods by their URL names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListKey {
    Reports,
    Method(String),
    County(CountyIdx),
    Municipality(KommunIdx),
    Year(u16),
    MethodCounty(String, CountyIdx),
}

/// True when two versions of a report differ at most in their Markdown body (the summary,
/// which other pages show, is compared as a field of its own).
fn same_but_body(old: &Report, new: &Report) -> bool {
    let strip = |r: &Report| Report {
        body: "".into(),
        ..r.clone()
    };
    strip(old) == strip(new)
}

pub(super) fn key_of(site: &Site, page: PageKind) -> PageKey {
    if let Some((list, n)) = page.list() {
        return PageKey::List(list_key(site, list), n);
    }
    match page {
        PageKind::Report(r) => PageKey::Report(site.report(r).slug.clone()),
        PageKind::TermFeed(term) => PageKey::Feed(list_key(site, term.list())),
        other => PageKey::Stable(other),
    }
}

fn list_key(site: &Site, list: List) -> ListKey {
    let method = |m: SiteMethodIdx| site.method(m).id.0.clone();
    match list {
        List::Reports => ListKey::Reports,
        List::Method(m) => ListKey::Method(method(m)),
        List::County(c) => ListKey::County(c),
        List::Municipality(k) => ListKey::Municipality(k),
        List::Year(y) => ListKey::Year(y),
        List::MethodCounty(m, c) => ListKey::MethodCounty(method(m), c),
    }
}

/// The page `key` names in `site`, if it still has one: a page of a list only while the list
/// exists and has that many pages.
pub(super) fn resolve(site: &Site, lookup: &Lookup, key: &PageKey) -> Option<PageKind> {
    match key {
        PageKey::Stable(page) => Some(*page),
        PageKey::Report(slug) => lookup.by_slug(slug).map(PageKind::Report),
        PageKey::List(list, n) => {
            let list = resolve_list(site, list)?;
            (list.exists(site) && *n <= list.pages(site)).then(|| list.page(*n))
        }
        PageKey::Feed(list) => {
            let list = resolve_list(site, list)?;
            list.exists(site)
                .then_some(PageKind::TermFeed(list.term()?))
        }
    }
}

/// The list `key` names in `site`, unless its method is gone.
fn resolve_list(site: &Site, key: &ListKey) -> Option<List> {
    let method = |id: &str| {
        site.methods
            .iter()
            .position(|m| m.id.0 == id)
            .map(|m| SiteMethodIdx(m as u32))
    };
    Some(match key {
        ListKey::Reports => List::Reports,
        ListKey::Method(id) => List::Method(method(id)?),
        ListKey::County(c) => List::County(*c),
        ListKey::Municipality(k) => List::Municipality(*k),
        ListKey::Year(y) => List::Year(*y),
        ListKey::MethodCounty(id, c) => List::MethodCounty(method(id)?, *c),
    })
}

/// The site's limit on methods outside the vocabulary, after an edit. Counting the site's
/// current ones plus the edit's new ones over-estimates; only when that reaches the limit are
/// all reports counted again, in file order as a build does.
fn check_unknown_methods(
    root: &Path,
    site: &Site,
    changed: &BTreeSet<PathBuf>,
    parsed: &[(PathBuf, Option<Report>, Diagnostics)],
    errors: &mut Diagnostics,
) {
    let limits = &site.config.limits;
    let known: HashSet<&MethodId> = site
        .methods
        .iter()
        .filter(|m| !m.known)
        .map(|m| &m.id)
        .collect();
    let added: HashSet<&MethodId> = parsed
        .iter()
        .filter_map(|(_, r, _)| r.as_ref())
        .flat_map(|r| &r.methods)
        .filter_map(|m| match m {
            MethodRef::Unknown { id, .. } if !known.contains(id) => Some(id),
            _ => None,
        })
        .collect();
    if known.len() + added.len() <= limits.unknown_methods {
        return;
    }
    let mut reports: Vec<&Report> = site
        .reports
        .iter()
        .filter(|r| !changed.contains(&r.source))
        .chain(parsed.iter().filter_map(|(_, r, _)| r.as_ref()))
        .collect();
    reports.sort_by(|a, b| a.source.cmp(&b.source));
    crate::content::check_unknown_methods(root, reports, limits, errors);
}

/// The URL names of the changed reports must stay unique among all reports, drafts left out
/// included. As in a build, the error is the later file's of the two in path order.
fn check_slugs(
    (site, lookup): (&Site, &Lookup),
    changed: &BTreeSet<PathBuf>,
    edit: (&[Parsed], &[LeftOutDraft], &KeptDrafts),
    errors: &mut Diagnostics,
) {
    let (parsed, drafts, kept) = edit;
    // The owners of URL names among the files the edit leaves alone: the reports (found
    // through the lookup, not gathered: an edit should not cost every report) and the drafts.
    let unchanged_report = |slug: &str| {
        let source = site.report(lookup.by_slug(slug)?).source.as_path();
        (!changed.contains(source)).then_some(source)
    };
    let mut owners: HashMap<&str, &Path> = kept
        .iter()
        .filter(|(shown, _)| !changed.contains(*shown))
        .map(|(shown, slug)| (slug.as_str(), shown.as_path()))
        .collect();
    let edited = parsed
        .iter()
        .filter_map(|(shown, report, _)| Some((shown, &report.as_ref()?.slug)))
        .chain(drafts.iter().map(|(shown, slug)| (shown, slug)));
    for (shown, slug) in edited {
        let owner = owners.get(slug.as_str()).copied();
        let before = owner.or_else(|| unchanged_report(slug));
        owners.insert(slug, shown);
        if let Some(other) = before {
            let (first, second) = if other < shown.as_path() {
                (other, shown.as_path())
            } else {
                (shown.as_path(), other)
            };
            errors.push(duplicate_slug(second, slug, first));
            owners.insert(slug, first);
        }
    }
}
