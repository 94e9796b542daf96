//! A search index kept in memory and updated report by report, for the dev server: an edit
//! deletes the report's old document and adds its new one; the rest is never re-indexed.

use std::collections::HashMap;

use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use crate::site::workspace::ReportChanges;
use crate::site::{ReportIdx, Site, Urls};

use super::index::{add_documents, document, meta_of, writer};
use super::schema::{self, Fields};
use super::{analyzer, plain_texts, SearchError, Searcher};

pub struct LiveIndex {
    writer: IndexWriter,
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
    /// Indexes every report of `site`.
    pub fn new(site: &Site) -> Result<(LiveIndex, Searcher), SearchError> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        analyzer::register(index.tokenizers());
        let writer = writer(&index)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(SearchError::index)?;
        let mut live = LiveIndex {
            writer,
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
    /// of the reports named in them (everything if `changes.everything`).
    pub fn update(
        &mut self,
        site: &Site,
        changes: &ReportChanges,
    ) -> Result<Searcher, SearchError> {
        if changes.everything {
            return self.reindex(site);
        }
        let f = self.fields;
        for slug in changes.removed.iter().chain(&changes.changed) {
            if let Some(slot) = self.slots.remove(slug) {
                self.writer.delete_term(Term::from_field_text(f.slug, slug));
                self.free.push(slot);
            }
        }
        let by_slug: HashMap<&str, ReportIdx> = site
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug.as_str(), i as ReportIdx))
            .collect();
        let urls = Urls::new(&site.config);
        for slug in &changes.changed {
            let Some(&r) = by_slug.get(slug.as_str()) else {
                continue; // created and deleted again since the last update
            };
            let slot = self.free.pop().unwrap_or_else(|| {
                self.next_slot += 1;
                self.next_slot - 1
            });
            let text = crate::markdown::plain_text(&site.reports[r as usize].body);
            let doc = document(site, &urls, &f, &text, r, slot);
            self.writer.add_document(doc).map_err(SearchError::index)?;
            self.slots.insert(slug.clone(), slot);
        }
        // The changes should account for every report; if they do not, start afresh rather
        // than answer with a stale index.
        if self.slots.len() != site.reports.len()
            || site
                .reports
                .iter()
                .any(|r| !self.slots.contains_key(&r.slug))
        {
            return self.reindex(site);
        }
        self.commit(site)
    }

    /// Replaces every document.
    fn reindex(&mut self, site: &Site) -> Result<Searcher, SearchError> {
        self.writer
            .delete_all_documents()
            .map_err(SearchError::index)?;
        self.free.clear();
        self.next_slot = site.reports.len() as u64;
        self.slots = site
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug.clone(), i as u64))
            .collect();
        let texts = plain_texts(site);
        add_documents(&mut self.writer, site, &self.fields, &texts, u64::from)?;
        self.commit(site)
    }

    fn commit(&mut self, site: &Site) -> Result<Searcher, SearchError> {
        self.writer.commit().map_err(SearchError::index)?;
        self.reader.reload().map_err(SearchError::index)?;
        let slots = &self.slots;
        let meta = meta_of(site, |r| slots.get(&site.reports[r as usize].slug).copied());
        Ok(Searcher::new(self.reader.clone(), meta))
    }
}
