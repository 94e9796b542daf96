//! The index schema: full-text fields (each twice: with and without å/ä/ö), facets for county
//! (`/län/kommun`), method and year, and the stored fields a hit is shown with.

use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    STORED, STRING,
};

use super::analyzer::{FOLDED_INDEX, SWEDISH};

/// Bumped whenever the schema or the analyzers change; an index of another version is rebuilt.
pub const VERSION: u32 = 4;

/// The fast field the facet counts are looked up by.
pub const SLOT: &str = "slot";

#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub slug: Field,
    /// The report's entry in the facet table ([`super::IndexMeta::reports`]); stays the same
    /// while a live index is updated.
    pub slot: Field,
    pub title: Field,
    pub title_folded: Field,
    pub body: Field,
    pub body_folded: Field,
    /// Method names, organisation, outcomes, tags: searchable metadata.
    pub meta: Field,
    pub meta_folded: Field,
    pub county: Field,
    pub method: Field,
    pub year: Field,
    pub url: Field,
    pub summary: Field,
    pub period: Field,
    /// County names and method ids of the report, for showing a hit.
    pub county_name: Field,
    pub method_id: Field,
}

/// A full-text field: term frequencies for ranking, no positions (nothing needs phrases).
fn text(analyzer: &str, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        slug: b.add_text_field("slug", STRING | STORED),
        slot: b.add_u64_field(SLOT, NumericOptions::default().set_fast().set_stored()),
        title: b.add_text_field("title", text(SWEDISH, true)),
        title_folded: b.add_text_field("title_folded", text(FOLDED_INDEX, false)),
        // Stored for snippets (which re-tokenize the text, so no positions are needed).
        body: b.add_text_field("body", text(SWEDISH, true)),
        body_folded: b.add_text_field("body_folded", text(FOLDED_INDEX, false)),
        meta: b.add_text_field("meta", text(SWEDISH, false)),
        meta_folded: b.add_text_field("meta_folded", text(FOLDED_INDEX, false)),
        county: b.add_facet_field("county", FacetOptions::default()),
        method: b.add_facet_field("method", FacetOptions::default()),
        year: b.add_facet_field("year", FacetOptions::default()),
        url: b.add_text_field("url", STORED),
        summary: b.add_text_field("summary", STORED),
        period: b.add_text_field("period", STORED),
        county_name: b.add_text_field("county_name", STORED),
        method_id: b.add_text_field("method_id", STORED),
    };
    (b.build(), fields)
}
