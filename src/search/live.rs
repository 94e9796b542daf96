//! A search index kept up to date report by report, for the dev server: an edit deletes the
//! report's old document and adds its new one; the rest is never re-indexed. It lives in a
//! folder the server gives it (removed when the server stops), so that memory holds the parts
//! being searched, not every report's text.

use std::borrow::Cow;
use std::collections::HashMap;

use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use crate::site::ReportChanges;
use crate::site::{ReportIdx, Site, Urls};

use super::index::{add_documents, document, meta_of, writer, LIVE_BUDGET};
use super::schema::{self, Fields};
use super::{analyzer, SearchError, Searcher};

pub struct LiveIndex {
    index: Index,
    /// The writer for edits: one thread and tantivy's smallest budget, because each commit
    /// starts a fresh segment whose arenas (sized by the budget) the kernel must zero. `None`
    /// only while a full reindex has a larger writer.
    writer: Option<IndexWriter>,
    reader: IndexReader,
    fields: Fields,
    /// Slug → slot (the report's entry in the facet table) of every indexed report.
    slots: HashMap<String, u64>,
    /// Slots of removed reports, for reuse.
    free: Vec<u64>,
    /// The slot after the highest one handed out.
    next_slot: u64,
}

impl LiveIndex {
    /// Indexes every report of `site` into `dir`, an empty folder.
    pub fn new(site: &Site, dir: &std::path::Path) -> Result<(LiveIndex, Searcher), SearchError> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(dir, schema).map_err(SearchError::index)?;
        analyzer::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(SearchError::index)?;
        let mut live = LiveIndex {
            index,
            writer: None,
            reader,
            fields,
            slots: HashMap::new(),
            free: Vec::new(),
            next_slot: 0,
        };
        let searcher = live.reindex(site)?;
        Ok((live, searcher))
    }

    /// Brings the index up to date with `site` after `changes`, touching only the documents
    /// of the reports named in them (everything if `changes.everything`). `find` gives the
    /// report with a URL name, so that an update need not index every report to find a few.
    pub fn update(
        &mut self,
        site: &Site,
        changes: &ReportChanges,
        find: impl Fn(&str) -> Option<ReportIdx>,
    ) -> Result<Searcher, SearchError> {
        if changes.everything {
            return self.reindex(site);
        }
        let f = self.fields;
        let mut writer = match self.writer.take() {
            Some(writer) => writer,
            None => edit_writer(&self.index)?,
        };
        for slug in changes.removed.iter().chain(&changes.changed) {
            if let Some(slot) = self.slots.remove(slug) {
                writer.delete_term(Term::from_field_text(f.slug, slug));
                self.free.push(slot);
            }
        }
        let urls = Urls::new(&site.config);
        for slug in &changes.changed {
            let Some(r) = find(slug) else {
                continue; // created and deleted again since the last update
            };
            let slot = self.free.pop().unwrap_or_else(|| {
                self.next_slot += 1;
                self.next_slot - 1
            });
            let text = crate::markdown::plain_text(&site.report(r).body);
            let doc = document(site, &urls, &f, &text, r, slot);
            writer.add_document(doc).map_err(SearchError::index)?;
            self.slots.insert(slug.clone(), slot);
        }
        // The changes should account for every report; if they do not, start afresh rather
        // than answer with a stale index. (Counted, not compared report by report: that would
        // cost every report on every edit.)
        if self.slots.len() != site.reports.len() {
            drop(writer);
            return self.reindex(site);
        }
        let searcher = self.commit(&mut writer, site);
        self.writer = Some(writer);
        searcher
    }

    /// Replaces every document, with a writer on every core for the bulk of the work.
    fn reindex(&mut self, site: &Site) -> Result<Searcher, SearchError> {
        // Only one writer may hold the index.
        if let Some(edits) = self.writer.take() {
            edits.wait_merging_threads().map_err(SearchError::index)?;
        }
        let mut bulk = writer(&self.index, LIVE_BUDGET)?;
        bulk.delete_all_documents().map_err(SearchError::index)?;
        self.free.clear();
        self.next_slot = site.reports.len() as u64;
        self.slots = site
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug.clone(), i as u64))
            .collect();
        // Each chunk's texts made as it is indexed, never the whole site's at once.
        let text_of = |r| {
            super::Texts::Bodies
                .of(site, r)
                .map(Cow::Owned)
                .map_err(SearchError::Index)
        };
        add_documents(&mut bulk, site, &self.fields, text_of, u64::from)?;
        let searcher = self.commit(&mut bulk, site)?;
        bulk.wait_merging_threads().map_err(SearchError::index)?;
        self.writer = Some(edit_writer(&self.index)?);
        Ok(searcher)
    }

    fn commit(&self, writer: &mut IndexWriter, site: &Site) -> Result<Searcher, SearchError> {
        writer.commit().map_err(SearchError::index)?;
        self.reader.reload().map_err(SearchError::index)?;
        let slots = &self.slots;
        let meta = meta_of(site, |r| slots.get(&site.report(r).slug).copied());
        Ok(Searcher::new(self.reader.clone(), meta))
    }
}

/// The writer for single-report edits (see [`LiveIndex::writer`]).
fn edit_writer(index: &Index) -> Result<IndexWriter, SearchError> {
    // Tantivy's smallest budget for one indexing thread.
    const BUDGET: usize = 15_000_000;
    index
        .writer_with_num_threads(1, BUDGET)
        .map_err(SearchError::index)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use crate::search::{Request, Response};

    fn write(root: &Path, name: &str, title: &str, county: &str, method: &str, body: &str) {
        let text = format!(
            "---\ntitle: {title}\ncounty: {county}\nmethods: [{method}]\nperiod: 2020\n---\n\n{body}\n"
        );
        std::fs::write(root.join("content").join(name), text).unwrap();
    }

    fn load(root: &Path) -> Site {
        crate::site::load(root, false, false)
            .0
            .expect("the test site loads")
    }

    /// What a search answers, without scores (deleted documents still count in the word
    /// statistics until segments merge) and so without the order of ranked hits.
    fn answer(searcher: &Searcher, site: &Site, query: &str, methods: &[&str]) -> Response {
        let request = Request {
            query: query.into(),
            methods: methods.iter().map(|m| m.to_string()).collect(),
            limit: 100,
            ..Request::default()
        };
        let mut response = searcher.search(&request, &site.vocabulary).unwrap();
        for hit in &mut response.hits {
            hit.score = 0.0;
        }
        if !query.is_empty() {
            response.hits.sort_by(|a, b| a.slug.cmp(&b.slug));
        }
        response
    }

    fn assert_like_fresh(live: &Searcher, site: &Site) {
        let dir = tempfile::tempdir().unwrap();
        let (_, fresh) = LiveIndex::new(site, dir.path()).unwrap();
        for (query, methods) in [
            ("", &[][..]),
            ("barngrupper", &[]),
            ("", &["bra"]),
            ("samtal", &["beardslee"]),
        ] {
            assert_eq!(
                answer(live, site, query, methods),
                answer(&fresh, site, query, methods),
                "{query:?} {methods:?}"
            );
        }
    }

    #[test]
    fn updates_touch_only_the_changed_reports_and_answer_like_a_fresh_index() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("content")).unwrap();
        write(
            root,
            "a.md",
            "Alfa",
            "Gotland",
            "BRA",
            "Barngrupper på Gotland.",
        );
        write(
            root,
            "b.md",
            "Beta",
            "Örebro",
            "Beardslee",
            "Samtal med familjer.",
        );
        write(
            root,
            "c.md",
            "Gamma",
            "Kronoberg",
            "BRA",
            "Samtal i barngrupper.",
        );
        let site = load(root);
        let index_dir = tempfile::tempdir().unwrap();
        let (mut live, searcher) = LiveIndex::new(&site, index_dir.path()).unwrap();
        assert_eq!(answer(&searcher, &site, "barngrupper", &[]).total, 2);
        assert_like_fresh(&searcher, &site);

        // Edited (another county, another title: its title rank changes), removed, added
        // (taking the removed one's slot).
        write(
            root,
            "a.md",
            "Ö sist",
            "Kronoberg",
            "Beardslee",
            "Samtal om barngrupper.",
        );
        std::fs::remove_file(root.join("content/b.md")).unwrap();
        write(root, "d.md", "Delta", "Gotland", "BRA", "Nya barngrupper.");
        let site = load(root);
        let changes = ReportChanges {
            changed: BTreeSet::from(["a".to_string(), "d".to_string()]),
            removed: BTreeSet::from(["a".to_string(), "b".to_string()]),
            everything: false,
        };
        let searcher = live
            .update(&site, &changes, |slug| {
                site.reports_by_slug().get(slug).copied()
            })
            .unwrap();
        assert_eq!(live.slots.len(), 3);
        assert_eq!(live.next_slot, 3, "the freed slot was reused");
        let browsed = answer(&searcher, &site, "", &[]);
        let titles: Vec<&str> = browsed.hits.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Delta", "Gamma", "Ö sist"],
            "title order without a query"
        );
        assert_like_fresh(&searcher, &site);

        // Changes that do not account for every report start afresh instead of going stale.
        write(root, "e.md", "Epsilon", "Gotland", "BRA", "Text.");
        let site = load(root);
        let searcher = live
            .update(&site, &ReportChanges::default(), |slug| {
                site.reports_by_slug().get(slug).copied()
            })
            .unwrap();
        assert_like_fresh(&searcher, &site);
    }
}
