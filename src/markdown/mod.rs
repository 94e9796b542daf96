//! Markdown → HTML, summaries and plain text: owns how a report body is rendered (enabled
//! Markdown features, headings from h2 with unique ids, the first paragraph, the search text).
//!
//! What that HTML may contain is the rule of [`sanitize`], applied to every body. pulldown-cmark
//! escapes all text itself, so a body without raw HTML only needs the content-given parts of its
//! events checked (heading attributes, fence languages, URLs); a body with raw HTML also goes
//! through ammonia with the same rule.

mod sanitize;
pub mod shape;

use std::collections::HashMap;

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
        let event = match sanitize::event(event) {
            event @ (Event::Html(_) | Event::InlineHtml(_)) => {
                has_raw_html = true;
                event
            }
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
        sanitize::sanitizer().clean(&html).to_string()
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
mod tests;
