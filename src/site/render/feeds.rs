//! The Atom feeds: the site's (`feed.xml`) and one per method, county and kommun (`feed.xml`
//! beside the term's page). Owns what a feed lists — the newest reports, at most
//! [`FEED_ENTRIES`] — and its dates: an entry is "updated" when its project started, a feed
//! when its newest entry did. Both kinds render with the `feed.xml` template.

use minijinja::context;
use minijinja::value::Value;

use super::super::model::ReportIdx;
use super::super::plan::Term;
use super::Renderer;

/// How many reports a feed lists: the newest, not thousands.
const FEED_ENTRIES: usize = 50;

/// The `updated` of a feed without entries.
const NEVER: &str = "1970-01-01T00:00:00Z";

impl Renderer<'_> {
    /// The feed of `term`, or the site's (`None`): its entries, its `updated`, and `feed` (see
    /// [`Self::feed_ref`]).
    pub(super) fn feed(&self, term: Option<Term>) -> Value {
        let newest = match term {
            None => self.newest(FEED_ENTRIES),
            Some(term) => {
                let reports = term
                    .list()
                    .reports(self.site, 0..term.list().len(self.site));
                self.newest_of(reports, FEED_ENTRIES)
            }
        };
        let entries: Vec<Value> = newest.into_iter().map(|r| self.entry(r)).collect();
        let updated = entries
            .first()
            .and_then(|e| e.get_attr("updated").ok())
            .map(|v| v.to_string())
            .unwrap_or_else(|| NEVER.into());
        context! { entries => entries, updated => updated, feed => self.feed_ref(term) }
    }

    /// A report as a feed entry: its card and when its project started.
    fn entry(&self, r: ReportIdx) -> Value {
        let p = &self.site.report(r).period;
        let updated = format!("{}-01T00:00:00Z", p.start);
        context! { updated => updated, ..self.card(r) }
    }

    /// What a feed is and where (`feed` in the feed and on its term's pages): its `url`, the
    /// `page` it is the feed of (its id and alternate link), and its `term` (`kind` —
    /// `method`, `county` or `municipality` — and `name`), none for the site's feed.
    pub(super) fn feed_ref(&self, term: Option<Term>) -> Value {
        let Some(term) = term else {
            return context! { url => self.urls.feed(), page => self.urls.home(), term => () };
        };
        let page = self.urls.of(self.site, term.list().page(1));
        let regions = &self.site.vocabulary.regions;
        let (kind, name) = match term {
            Term::Method(m) => ("method", self.site.method(m).name.as_str()),
            Term::County(c) => ("county", regions.county(c).name.as_str()),
            Term::Municipality(k) => ("municipality", regions.municipality(k).name.as_str()),
        };
        context! {
            url => self.urls.term_feed(&page),
            page => page,
            term => context! { kind => kind, name => name },
        }
    }
}
