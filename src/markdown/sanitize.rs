//! The one rule for what HTML a report body may contain: the elements, the attributes of each,
//! the classes, the URL schemes and the only `style` values.
//!
//! A body becomes HTML in one of two ways, and both obey this rule. Every body's Markdown events
//! pass [`event`], which keeps only what the rule allows of what pulldown-cmark would write from
//! the content (heading attribute blocks, fence info strings, link and image targets). A body
//! with raw HTML is then also cleaned by [`sanitizer`], the ammonia builder made from the same
//! tables and functions. Running ammonia on every body would cost about five times the
//! rendering itself, so bodies without raw HTML skip it; the tests in `super` show that ammonia
//! would remove nothing from their HTML.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use ammonia::url::{ParseError, Url};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Tag};

/// Elements a body may contain; any other element is removed, its text kept (`script` and
/// `style` with their content). No landmarks (`nav`, `header`, …): the page has its own.
#[rustfmt::skip]
pub(super) const TAGS: &[&str] = &[
    // What pulldown-cmark writes for the enabled Markdown features.
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "div", "sup", "em", "strong", "del",
    "a", "img",
    // Further elements that raw HTML in a report may use.
    "abbr", "b", "bdi", "bdo", "caption", "cite", "col", "colgroup", "dd", "details", "dfn", "dl",
    "dt", "figcaption", "figure", "i", "ins", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp",
    "small", "span", "sub", "summary", "tfoot", "time", "u", "var", "wbr",
];

/// The attributes each element may carry; every other attribute, on every element, is removed
/// (event handlers, `style` outside table cells, `tabindex`, `autofocus`, `data-*`, …).
pub(super) const ATTRIBUTES: &[(&str, &[&str])] = &[
    // `id` on `a`, `li`, `sup`: footnotes written in raw HTML.
    ("a", &["href", "title", "id"]),
    ("img", &["src", "alt", "title", "width", "height"]),
    // Heading ids are slugs made unique by `Anchors`; classes pass `class_allowed`.
    ("h1", &["id", "class"]),
    ("h2", &["id", "class"]),
    ("h3", &["id", "class"]),
    ("h4", &["id", "class"]),
    ("h5", &["id", "class"]),
    ("h6", &["id", "class"]),
    // Footnotes: `<div class="footnote-definition" id=…>`, `<sup class="footnote-…">`.
    ("div", &["id", "class"]),
    ("sup", &["id", "class"]),
    ("li", &["id"]),
    ("ol", &["start"]),
    ("code", &["class"]),
    // `style` only with the values in `TABLE_ALIGNMENTS`.
    ("th", &["style", "colspan", "rowspan", "scope"]),
    ("td", &["style", "colspan", "rowspan"]),
    ("abbr", &["title"]),
    ("dfn", &["title"]),
    ("bdo", &["dir"]),
    ("time", &["datetime"]),
    ("del", &["datetime"]),
    ("ins", &["datetime"]),
];

/// URL schemes a link or image may use. A URL without a scheme (`/rapporter/…`, `#not`) is
/// relative and allowed; any other scheme (`javascript:`, `data:`, `file:`, …) is not.
pub(super) const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The only `style` values, on `th` and `td`: the column alignment fouweb writes for a table.
pub(super) const TABLE_ALIGNMENTS: &[&str] = &[
    "text-align: left",
    "text-align: center",
    "text-align: right",
];

/// Whether `tag` may carry `attribute` at all (its value is checked by [`attribute_value`]).
#[cfg(test)]
pub(super) fn attribute_allowed(tag: &str, attribute: &str) -> bool {
    ATTRIBUTES
        .iter()
        .any(|(t, attributes)| *t == tag && attributes.contains(&attribute))
}

/// Whether `tag` may carry `class`: report headings any plain token (letters, digits, `-`, `_`),
/// code blocks `language-` and such a token, footnotes the classes pulldown-cmark gives them.
pub(super) fn class_allowed(tag: &str, class: &str) -> bool {
    match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => plain_token(class),
        "code" => class.strip_prefix("language-").is_some_and(plain_token),
        "div" => class == "footnote-definition",
        "sup" => matches!(class, "footnote-reference" | "footnote-definition-label"),
        _ => false,
    }
}

fn plain_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether a URL attribute's value (as the browser reads it) may stay. The same test ammonia
/// makes with `URL_SCHEMES`: a URL with a scheme needs an allowed one, a URL without one is
/// relative and stays, and one that does not parse at all goes.
pub(super) fn url_allowed(url: &str) -> bool {
    match Url::parse(url) {
        Ok(url) => URL_SCHEMES.contains(&url.scheme()),
        Err(error) => error == ParseError::RelativeUrlWithoutBase,
    }
}

/// The value an allowed attribute keeps, or `None` to remove it: classes cut to the allowed
/// ones, `style` only a table alignment, URLs only by [`url_allowed`].
pub(super) fn attribute_value<'v>(
    tag: &str,
    attribute: &str,
    value: &'v str,
) -> Option<Cow<'v, str>> {
    match attribute {
        "class" => {
            let kept: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|class| class_allowed(tag, class))
                .collect();
            (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
        }
        "style" => TABLE_ALIGNMENTS
            .contains(&value)
            .then_some(Cow::Borrowed(value)),
        "href" | "src" => url_allowed(value).then_some(Cow::Borrowed(value)),
        _ => Some(Cow::Borrowed(value)),
    }
}

/// The rule as an ammonia builder, for bodies with raw HTML.
pub(super) fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.tags(TAGS.iter().copied().collect())
            .clean_content_tags(HashSet::from(["script", "style"]))
            .generic_attributes(HashSet::new())
            .tag_attributes(
                ATTRIBUTES
                    .iter()
                    .map(|(tag, attributes)| (*tag, attributes.iter().copied().collect()))
                    .collect::<HashMap<_, HashSet<_>>>(),
            )
            .url_schemes(URL_SCHEMES.iter().copied().collect())
            .url_relative(ammonia::UrlRelative::PassThrough)
            // `rel` only matters with `target`, which a body cannot set; and Markdown links get
            // none either.
            .link_rel(None)
            .strip_comments(true)
            .attribute_filter(attribute_value);
        b
    })
}

/// The rule applied to one Markdown event, before pulldown-cmark writes it: a heading keeps its
/// `#id` and the allowed `.class`es (no `key=value` attributes), a fenced code block's info
/// string only an allowed language, a link or image target only an allowed URL (else `#`).
pub(super) fn event(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            mut classes,
            attrs: _,
        }) => {
            let tag = level.to_string();
            classes.retain(|class| class_allowed(&tag, class));
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: Vec::new(),
            })
        }
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
            // pulldown-cmark writes the first word as `class="language-…"`, ignores the rest.
            let language = info.split(' ').next().unwrap_or("");
            let info = if class_allowed("code", &format!("language-{language}")) {
                CowStr::from(language.to_string())
            } else {
                CowStr::Borrowed("")
            };
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            dest_url: safe_url(link_type, dest_url),
            link_type,
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            dest_url: safe_url(link_type, dest_url),
            link_type,
            title,
            id,
        }),
        other => other,
    }
}

/// `url`, or `#` when the rule would remove it. The check is on the attribute value as the
/// browser will read it: pulldown-cmark percent-encodes a target and puts `mailto:` before an
/// e-mail autolink, and either can change how the URL parses.
fn safe_url(link_type: LinkType, url: CowStr<'_>) -> CowStr<'_> {
    if url_allowed(&written_url(link_type, &url)) {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

/// The `href` value pulldown-cmark writes for a link to `url`, with the two character
/// references its URL escaping uses decoded.
fn written_url(link_type: LinkType, url: &str) -> String {
    let mut html = String::with_capacity(url.len() + 16);
    let link = Event::Start(Tag::Link {
        link_type,
        dest_url: CowStr::Borrowed(url),
        title: CowStr::Borrowed(""),
        id: CowStr::Borrowed(""),
    });
    pulldown_cmark::html::push_html(&mut html, std::iter::once(link));
    html.strip_prefix("<a href=\"")
        .and_then(|rest| rest.strip_suffix("\">"))
        .unwrap_or_default()
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}
