//! Markdown → safe HTML, summaries and plain text.
//!
//! pulldown-cmark escapes all text itself, so a document without raw HTML is safe once link
//! targets are checked; only documents that contain raw HTML go through ammonia, which keeps the
//! common case fast.

use std::collections::HashMap;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::vocabulary::slugify;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a report body to sanitised HTML with `id`s on every heading.
pub fn to_html(markdown: &str) -> String {
    let mut has_raw_html = false;
    let mut anchors = Anchors::default();
    let mut events: Vec<Event> = Vec::with_capacity(markdown.len() / 16);
    let mut heading_start: Option<usize> = None;
    for event in Parser::new_ext(markdown, options()) {
        let event = match event {
            Event::Html(_) | Event::InlineHtml(_) => {
                has_raw_html = true;
                event
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: safe_url(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: safe_url(dest_url),
                title,
                id,
            }),
            // The page title is the only h1: body headings start at h2.
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading_start = Some(events.len());
                Event::Start(Tag::Heading {
                    level: level.max(HeadingLevel::H2),
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading_start.take() {
                    anchors.assign(&mut events, start);
                }
                Event::End(TagEnd::Heading(level.max(HeadingLevel::H2)))
            }
            other => other,
        };
        events.push(event);
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if has_raw_html {
        sanitizer().clean(&html).to_string()
    } else {
        html
    }
}

/// Gives the heading that starts at `events[start]` an id: its own `{#id}` or a slug of its text,
/// made unique within the document.
#[derive(Default)]
struct Anchors {
    used: HashMap<String, usize>,
}

impl Anchors {
    fn assign(&mut self, events: &mut [Event], start: usize) {
        let Some(Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        })) = events.get(start).cloned()
        else {
            return;
        };
        let base = match &id {
            Some(given) => slugify(given),
            None => {
                let text: String = events[start + 1..]
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                slugify(&text)
            }
        };
        let base = if base.is_empty() {
            heading_fallback(level)
        } else {
            base
        };
        let count = self.used.entry(base.clone()).or_insert(0);
        let unique = if *count == 0 {
            base
        } else {
            format!("{base}-{count}")
        };
        *count += 1;
        events[start] = Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(unique)),
            classes,
            attrs,
        });
    }
}

fn heading_fallback(level: HeadingLevel) -> String {
    format!("rubrik-{}", level as u8)
}

/// Link targets with a scheme that runs code are replaced by `#`. Browsers ignore control
/// characters and whitespace inside a scheme, so those are removed before the check.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    let dangerous = ["javascript:", "vbscript:", "data:", "file:"]
        .iter()
        .any(|s| scheme.starts_with(s));
    if dangerous {
        CowStr::Borrowed("#")
    } else {
        url
    }
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        for tag in ["h1", "h2", "h3", "h4", "h5", "h6", "div", "sup", "li", "a"] {
            b.add_tag_attributes(tag, ["id"]);
        }
        b.add_tag_attributes("th", ["style"]);
        b.add_tag_attributes("td", ["style"]);
        b.add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"]);
        b.add_allowed_classes("div", ["footnote-definition"]);
        b.attribute_filter(|_, attr, value| match attr {
            "style" => [
                "text-align: left",
                "text-align: center",
                "text-align: right",
            ]
            .contains(&value)
            .then_some(value.into()),
            _ => Some(value.into()),
        });
        b
    })
}

/// The first paragraph as plain text, cut to about `max_chars` at a word boundary.
///
/// pulldown-cmark reads a document's whole block structure before yielding the first event,
/// so the search starts on a prefix that ends at a blank line (a paragraph never spans one)
/// and reads the whole text only when the prefix holds no paragraph.
pub fn first_paragraph(markdown: &str, max_chars: usize) -> String {
    const PREFIX: usize = 1024;
    if markdown.len() > PREFIX {
        // "\n\n" is ASCII, so a match is always at a character boundary.
        let cut = memchr_blank_line(markdown.as_bytes(), PREFIX);
        if let Some(cut) = cut {
            let found = paragraph_text(&markdown[..cut]);
            if !found.is_empty() {
                return truncate_words(found, max_chars);
            }
        }
    }
    truncate_words(paragraph_text(markdown), max_chars)
}

/// The byte offset of the first blank line ("\n\n") at or after `from`.
fn memchr_blank_line(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| from + i)
}

fn paragraph_text(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    let mut nesting = 0usize;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Paragraph) if nesting == 0 => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if in_paragraph => {
                if !text.trim().is_empty() {
                    break;
                }
                in_paragraph = false;
            }
            Event::Start(
                Tag::BlockQuote(_) | Tag::List(_) | Tag::Table(_) | Tag::FootnoteDefinition(_),
            ) => nesting += 1,
            Event::End(
                TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::FootnoteDefinition,
            ) => nesting = nesting.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All text of the document, without markup (for search).
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image,
            ) => {}
            Event::SoftBreak | Event::HardBreak | Event::End(_) if !text.ends_with(' ') => {
                text.push(' ')
            }
            _ => {}
        }
    }
    text.truncate(text.trim_end().len());
    text
}

fn truncate_words(text: String, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', '.', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_gfm_features_with_heading_anchors() {
        let html = to_html("## Syfte och mål\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nText[^1] ~~bort~~\n\n[^1]: Not.\n\n## Syfte och mål\n");
        assert!(html.contains("<h2 id=\"syfte-och-mal\">"), "{html}");
        assert!(
            to_html("# Titel\n").starts_with("<h2 id=\"titel\">"),
            "h1 becomes h2"
        );
        assert!(html.contains("<h2 id=\"syfte-och-mal-1\">"), "{html}");
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>bort</del>"));
        assert!(html.contains("footnote-definition"));
    }

    #[test]
    fn raw_html_is_sanitised() {
        let html = to_html("Hej <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">a</div>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
    }

    #[test]
    fn script_urls_are_neutralised() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](JaVa\tScRiPt:alert(1))",
            "![x](data:text/html,<b>)",
            "<javascript:alert(1)>",
        ] {
            let html = to_html(md);
            let lower = html.to_lowercase();
            assert!(!lower.contains("href=\"java"), "{md} → {html}");
            assert!(!lower.contains("src=\"data:"), "{md} → {html}");
        }
        assert!(to_html("[x](https://example.org/)").contains("href=\"https://example.org/\""));
    }

    #[test]
    fn text_is_escaped_without_raw_html() {
        assert_eq!(to_html("a & b < c"), "<p>a &amp; b &lt; c</p>\n");
    }

    #[test]
    fn first_paragraph_skips_headings_and_cuts_at_words() {
        let md = "# Rubrik\n\nDet här är **första** stycket\nmed två rader.\n\nAndra stycket.";
        assert_eq!(
            first_paragraph(md, 300),
            "Det här är första stycket med två rader."
        );
        assert_eq!(first_paragraph(md, 12), "Det här är…");
        assert_eq!(first_paragraph("", 10), "");
        let fenced = format!(
            "## R\n\n```\n{}```\n\nFörsta stycket.\n",
            "rad\n\n".repeat(1000)
        );
        assert_eq!(
            first_paragraph(&fenced, 100),
            "Första stycket.",
            "a prefix cut inside code"
        );
        let wide = format!("{}\n\nStycke.\n", "å".repeat(3000));
        assert_eq!(
            first_paragraph(&wide, 10),
            "åååååååååå…",
            "no panic inside a multi-byte character"
        );
        let late = format!("{}\n\nSent stycke.\n", "# R\n\n".repeat(2000));
        assert_eq!(first_paragraph(&late, 100), "Sent stycke.");
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("## Rubrik\n\nEtt *ord* och `kod`."),
            "Rubrik Ett ord och kod."
        );
    }
}
