//! How deep and how wide a body is, measured before it is rendered.
//!
//! The sanitiser's HTML parser spends time in proportion to how deeply elements nest for every
//! tag it reads, and a Markdown table gives every row as many cells as its header (short rows
//! are padded), so a body's nesting and its tables' cells decide what rendering it costs. One
//! pass over the Markdown events counts both: Markdown's own elements and the tags of raw HTML
//! nest together, and the cells of all tables add up.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The first place where a body goes past a limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Excess {
    /// Elements nest `depth` deep at byte offset `at`.
    Depth { depth: usize, at: usize },
    /// The tables hold `cells` cells once the table starting at byte `at` is counted; that
    /// table has `columns` columns.
    Cells {
        cells: usize,
        columns: usize,
        at: usize,
    },
}

/// HTML elements that never hold others (no end tag).
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out: the parser closes them itself, so they do not
/// nest by being repeated.
const OPTIONAL_END: [&str; 13] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "rt", "rp",
];

/// The first excess of `body` over `max_depth` levels of nesting or `max_cells` table cells.
pub fn excess(body: &str, max_depth: usize, max_cells: usize) -> Option<Excess> {
    let mut markdown_depth = 0usize;
    let mut html_depth = 0usize;
    let mut cells = 0usize;
    let mut table: Option<(usize, usize)> = None; // columns, start
    for (event, range) in Parser::new_ext(body, super::options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                markdown_depth += 1;
                if let Tag::Table(alignments) = &tag {
                    table = Some((alignments.len(), range.start));
                }
                if matches!(tag, Tag::TableHead | Tag::TableRow) {
                    let (columns, at) = table.unwrap_or((1, range.start));
                    cells = cells.saturating_add(columns);
                    if cells > max_cells {
                        return Some(Excess::Cells { cells, columns, at });
                    }
                }
            }
            Event::End(end) => {
                markdown_depth = markdown_depth.saturating_sub(1);
                if end == TagEnd::Table {
                    table = None;
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let deepest = html_tags(
                    &html,
                    &mut html_depth,
                    max_depth - markdown_depth.min(max_depth),
                );
                if let Some(offset) = deepest {
                    let at = offset_in(&range, offset);
                    let depth = markdown_depth + html_depth;
                    return Some(Excess::Depth { depth, at });
                }
            }
            _ => {}
        }
        if markdown_depth + html_depth > max_depth {
            let depth = markdown_depth + html_depth;
            return Some(Excess::Depth {
                depth,
                at: range.start,
            });
        }
    }
    None
}

fn offset_in(range: &Range<usize>, offset: usize) -> usize {
    (range.start + offset).min(range.end.max(range.start))
}

/// Follows the start and end tags in `html`, keeping `depth` (never below 0). Returns the
/// offset of the tag that takes it past `max`, if one does.
fn html_tags(html: &str, depth: &mut usize, max: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(pos) = html[i..].find('<') {
        let at = i + pos;
        i = at + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |end| i + end + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = html[name_start..]
            .find('>')
            .map_or(html.len(), |e| name_start + e);
        i = tag_end.min(html.len());
        if closing {
            *depth = depth.saturating_sub(1);
            continue;
        }
        let self_closing = html[..tag_end].ends_with('/');
        if self_closing || VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        *depth += 1;
        if *depth > max {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_bodies_are_shallow_and_small() {
        let body = "# Rubrik\n\n- a\n  - b\n\n> citat *kursiv*\n\n<div><p>x<br>y</p></div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(excess(body, 10, 10), None);
    }

    #[test]
    fn raw_html_and_markdown_nest_together() {
        let body = format!("> {}x", "<div>".repeat(20));
        let Some(Excess::Depth { depth, at }) = excess(&body, 16, 100) else {
            panic!("not caught")
        };
        assert_eq!(depth, 17);
        assert_eq!(&body[at..at + 5], "<div>");
    }

    #[test]
    fn closed_void_and_optional_end_tags_do_not_nest() {
        let body = "<div></div>".repeat(1000) + &"<br><p><li><img/>".repeat(1000);
        assert_eq!(excess(&body, 8, 10), None);
    }

    #[test]
    fn short_rows_count_as_wide_as_the_header() {
        let body = format!(
            "|{}\n|{}\n{}",
            "a|".repeat(50),
            "-|".repeat(50),
            "x\n".repeat(10)
        );
        assert_eq!(
            excess(&body, 100, 500),
            Some(Excess::Cells {
                cells: 550,
                columns: 50,
                at: 0
            })
        );
        assert_eq!(excess(&body, 100, 550), None);
    }
}
