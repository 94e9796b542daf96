//! The pages of a list: which reports a page shows and its pager. Owns the pager's window (which
//! page numbers it links) and the rule that a page shows nothing about the list as a whole but
//! its number of pages, so that a report feeds only the pages from its own on (see
//! [`crate::site::deps`]).

use minijinja::context;
use minijinja::value::Value;

use super::super::plan::List;
use super::Renderer;

/// A pager with at most this many pages lists all of them; longer ones show the first, the
/// last and [`AROUND`] pages on each side of the current one.
const ALL_UP_TO: u32 = 9;
const AROUND: u32 = 2;

impl Renderer<'_> {
    /// Page `n` of `list`: the cards of its reports and its `pagination`.
    pub(super) fn list_page(&self, list: List, n: u32) -> (Value, Value) {
        let site = self.site;
        let len = list.len(site);
        let positions = List::positions(n, len, site.config.paginate_by);
        let cards = self.cards_of(list.reports(site, positions.clone()));
        (cards, self.pagination(list, n, positions))
    }

    /// The pager of page `n` of `list` (see `CONTEXT.md`).
    fn pagination(&self, list: List, n: u32, positions: std::ops::Range<usize>) -> Value {
        let count = list.pages(self.site);
        let url = |page: u32| self.urls.of(self.site, list.page(page));
        let pages: Vec<Value> = window(n, count)
            .into_iter()
            .map(|page| match page {
                Some(page) => context! { number => page, url => url(page), current => page == n },
                None => context! { gap => true },
            })
            .collect();
        context! {
            number => n,
            count => count,
            first_item => positions.start + 1,
            last_item => positions.end,
            first => url(1),
            last => url(count),
            previous => (n > 1).then(|| url(n - 1)),
            next => (n < count).then(|| url(n + 1)),
            pages => pages,
        }
    }
}

/// The page numbers a pager of `count` pages shows on page `current`, `None` for a gap.
fn window(current: u32, count: u32) -> Vec<Option<u32>> {
    if count <= ALL_UP_TO {
        return (1..=count).map(Some).collect();
    }
    let from = current.saturating_sub(AROUND).max(2);
    let to = (current + AROUND).min(count - 1);
    let mut pages = vec![Some(1)];
    // A gap of one page shows that page instead of an ellipsis.
    match from {
        3 => pages.push(Some(2)),
        f if f > 3 => pages.push(None),
        _ => {}
    }
    pages.extend((from..=to).map(Some));
    match count - to {
        2 => pages.push(Some(count - 1)),
        d if d > 2 => pages.push(None),
        _ => {}
    }
    pages.push(Some(count));
    pages
}

#[cfg(test)]
mod tests {
    use super::window;

    fn shown(current: u32, count: u32) -> String {
        window(current, count)
            .into_iter()
            .map(|p| p.map_or("…".to_string(), |p| p.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn few_pages_are_all_shown_many_get_a_window() {
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(4, 9), "1 2 3 4 5 6 7 8 9");
        assert_eq!(shown(1, 20), "1 2 3 … 20");
        assert_eq!(shown(4, 20), "1 2 3 4 5 6 … 20");
        assert_eq!(shown(5, 20), "1 2 3 4 5 6 7 … 20");
        assert_eq!(shown(6, 20), "1 … 4 5 6 7 8 … 20");
        assert_eq!(shown(10, 20), "1 … 8 9 10 11 12 … 20");
        assert_eq!(shown(17, 20), "1 … 15 16 17 18 19 20");
        assert_eq!(shown(20, 20), "1 … 18 19 20");
    }
}
