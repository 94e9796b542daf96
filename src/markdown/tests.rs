//! Tests of Markdown rendering and of the one sanitising rule.
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

use super::sanitize::{attribute_allowed, attribute_value, sanitizer, TAGS};

/// Every Markdown construct the enabled options produce, with content-given parts that
/// should not survive (heading attribute blocks, fence info strings, URLs). No raw HTML, so
/// `to_html` takes the path without ammonia.
const CORPUS: &str = r#"# Titel {#titel .rubrik onclick=x}

Inledning med *betoning*, **fetstil**, ***båda***, ~~struket~~, `kod <b> & "citat"` och
ett tecken&nbsp;som binder, &copy; &amp; &lt;b&gt; &quot; &#39; "raka" 'enkla' citat.\
Hård radbrytning med snedstreck och  
med två blanksteg.

## Syfte och mål {tabindex=0 autofocus onfocus=alert(document.domain)}

### Tredje {.note .a" onclick="x data-x=1 ONCLICK=y style=position:fixed;inset:0}

#### Fjärde {#"onclick='x' .y&z}

##### Femte {onmouseover=alert(2) .ok_1-2}

###### Sjätte {#sjatte-id class=x id=y}

Setext ett {onclick=x .setext}
===============================

Setext två {tabindex=0 autofocus #eget}
---------------------------------------

Länkar: [inline](https://example.org/a?b=1&c='2' "Titel \"x\"") [relativ](/rapporter/x/)
[ankare](#syfte-och-mal) [referens][ref] [kort] <https://example.org/auto> <namn@example.org>
[js](javascript:alert(1)) [data](data:text/html,x) [vb](vbscript:x) [fil](file:///etc/passwd)
[ftp](ftp://example.org/) [mellanslag](<a b.html>) [ipv6](http://[::1]/) [bak](http:\\evil.example)
<javascript:alert(1)> [tel](tel:+4619123456) [mail](mailto:a@example.org)

[ref]: https://example.org/ref "Referens"
[kort]: /kort/

![bild](/bild.png "Bildtitel") ![alt med "citat"](data:image/png;base64,AAAA) ![x](javascript:x)

| Vänster | Mitten | Höger | Ingen |
|:--------|:------:|------:|-------|
| 1 | 2 | 3 | 4 |
| *a* | `b` | [c](/c) | ~~d~~ |

Fotnot[^1] och en till[^a "b'] och en odefinierad[^saknas].

[^1]: Första fotnoten.
[^a "b']: Andra, med *betoning*.

```rust onload=x
fn main() { println!("<hej>"); }
```

```"><b>onmouseover=x
kod
```

```c++
kod
```

```
utan språk
```

    indraget kodblock <b>

1. ett
2. två
   - inre
   - lista

3. löst

Mellan listorna.

7. börjar på sju

- [ ] ingen uppgiftslista
- [x] utan tillägget

> Citat med **fetstil**
>
> > och ett inre citat

---

Slut.
"#;

/// The spelling differences between pulldown-cmark's HTML and ammonia's re-serialisation of
/// the same elements, attributes and text: void elements without ` /`, `'` not escaped in
/// attribute values, no-break space written as `&nbsp;`.
fn as_ammonia_writes_it(html: &str) -> String {
    html.replace(" />", ">")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace('\u{a0}', "&nbsp;")
}

/// Every start tag's name and attributes, for HTML as pulldown-cmark writes it (values in
/// double quotes, `"` inside them escaped).
fn elements(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for piece in html.split('<').skip(1) {
        let tag = &piece[..piece.find('>').expect("a tag ends")];
        if tag.starts_with('/') {
            continue;
        }
        let tag = tag.trim_end_matches('/').trim_end();
        let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut attributes = Vec::new();
        while let Some((attribute, after)) = rest.trim_start().split_once("=\"") {
            let (value, after) = after.split_once('"').expect("a value ends");
            attributes.push((attribute.to_string(), value.to_string()));
            rest = after;
        }
        assert!(rest.trim().is_empty(), "unparsed {rest:?} in <{tag}>");
        out.push((name.to_string(), attributes));
    }
    out
}

fn has_raw_html(markdown: &str) -> bool {
    Parser::new_ext(markdown, options()).any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
}

/// The fast path's HTML for `markdown` is exactly what the rule lets through.
fn assert_within_the_rule(markdown: &str) -> String {
    assert!(!has_raw_html(markdown), "no raw HTML in {markdown:?}");
    let html = to_html(markdown);
    assert_eq!(
        sanitizer().clean(&html).to_string(),
        as_ammonia_writes_it(&html),
        "ammonia would change the HTML of {markdown:?}"
    );
    for (tag, attributes) in elements(&html) {
        assert!(TAGS.contains(&tag.as_str()), "<{tag}> in {html}");
        for (attribute, value) in attributes {
            let unescaped = value.replace("&quot;", "\"").replace("&#39;", "'");
            assert!(
                attribute_allowed(&tag, &attribute)
                    && attribute_value(&tag, &attribute, &unescaped).as_deref()
                        == Some(unescaped.as_str()),
                "{attribute}=\"{value}\" on <{tag}> in {html}"
            );
        }
    }
    html
}

#[test]
fn the_html_without_raw_html_is_exactly_what_the_rule_allows() {
    let html = assert_within_the_rule(CORPUS);
    // The corpus reaches every element pulldown-cmark writes for the enabled features.
    for tag in [
        "<h2 ",
        "<h3 ",
        "<h4 ",
        "<h5 ",
        "<h6 ",
        "<p>",
        "<em>",
        "<strong>",
        "<del>",
        "<code>",
        "<code class=\"language-rust\">",
        "<pre>",
        "<a href=\"https://example.org/a?b=1",
        "<a href=\"mailto:namn@example.org\">",
        "<img ",
        "<table>",
        "<thead>",
        "<tbody>",
        "<th style=\"text-align: center\">",
        "<td style=\"text-align: right\">",
        "<td>",
        "<sup class=\"footnote-reference\">",
        "<div class=\"footnote-definition\"",
        "<ol>",
        "<ol start=\"7\">",
        "<ul>",
        "<li>",
        "<blockquote>",
        "<br />",
        "<hr />",
    ] {
        assert!(html.contains(tag), "{tag} missing from {html}");
    }
    // And each line of it on its own (other heading levels, other neighbours), where a line
    // out of its context is not raw HTML.
    for line in CORPUS.lines().filter(|line| !has_raw_html(line)) {
        assert_within_the_rule(line);
    }
}

#[test]
fn heading_attribute_blocks_keep_only_the_id_and_plain_classes() {
    let payloads = [
        "{tabindex=0 autofocus onfocus=alert(document.domain)}",
        "{onclick=alert(1)}",
        "{onmouseover=alert(1)}",
        "{ONCLICK=alert(1)}",
        "{style=position:fixed;inset:0}",
        "{style=\"position:fixed\"}",
        "{data-x=1}",
        "{.a\" onclick=\"x}",
        "{#\"><script>alert(1)</script>}",
        "{#x onfocus=y .b autofocus}",
    ];
    let mut headings = Vec::new();
    for payload in payloads {
        for hashes in 1..=6 {
            headings.push(format!("{} Fokus {payload}\n", "#".repeat(hashes)));
        }
        headings.push(format!("Fokus {payload}\n=====\n"));
        headings.push(format!("Fokus {payload}\n-----\n"));
        headings.push(format!("> ## Fokus {payload}\n"));
        headings.push(format!("- ## Fokus {payload}\n"));
    }
    for md in &headings {
        let html = to_html(md);
        for (tag, attributes) in elements(&html) {
            for (attribute, value) in attributes {
                assert!(
                    matches!(attribute.as_str(), "id" | "class"),
                    "{attribute}=\"{value}\" on <{tag}>: {md:?} → {html}"
                );
            }
        }
        let lower = html.to_ascii_lowercase();
        for forbidden in [
            " onfocus=",
            " onclick=",
            " onmouseover=",
            " style=",
            " autofocus",
            " tabindex",
            " data-x",
            "<script",
        ] {
            assert!(!lower.contains(forbidden), "{md:?} → {html}");
        }
        if !has_raw_html(md) {
            assert_within_the_rule(md);
        }
    }
    assert_eq!(
        to_html("## Not {#my-id .note}\n"),
        "<h2 id=\"my-id\" class=\"note\">Not</h2>\n"
    );
    assert_eq!(
        to_html("Not {#my-id .note .a\"b .c_1-D}\n---\n"),
        "<h2 id=\"my-id\" class=\"note c_1-D\">Not</h2>\n"
    );
}

#[test]
fn fence_info_strings_give_only_a_plain_language_class() {
    assert_eq!(
        to_html("```rust onload=x\nfn f() {}\n```\n"),
        "<pre><code class=\"language-rust\">fn f() {}\n</code></pre>\n"
    );
    for info in ["\"><b>x", "rust\"onload=x", "c++", "a{b}"] {
        assert_eq!(
            to_html(&format!("```{info}\nx\n```\n")),
            "<pre><code>x\n</code></pre>\n",
            "{info}"
        );
    }
}

#[test]
fn both_paths_apply_the_same_rule() {
    // The same heading, table and links, once without and once with raw HTML in the body.
    let md = "## Not {#eget .note onclick=x}\n\n| a | b |\n|:-|--|\n| 1 | 2 |\n\n[x](ftp://example.org/) [y](/y) ![z](data:x)\n";
    let fast = to_html(md);
    let sanitised = to_html(&format!("{md}\n<b>fet</b>\n"));
    assert_eq!(
        sanitised,
        format!("{}<p><b>fet</b></p>\n", as_ammonia_writes_it(&fast)),
        "{fast}"
    );
    assert!(fast.contains("<h2 id=\"eget\" class=\"note\">"), "{fast}");
    assert!(fast.contains("<th style=\"text-align: left\">"), "{fast}");
    assert!(fast.contains("<a href=\"#\">x</a>"), "{fast}");
}

#[test]
fn raw_html_keeps_only_what_the_rule_allows() {
    let html = to_html(concat!(
            "<h2 id=\"a\" class=\"note x&quot;y\" onclick=\"x()\" style=\"color: red\" tabindex=\"0\" autofocus>R</h2>\n\n",
            "<table><tr><td style=\"text-align: left\">1</td><td style=\"position: fixed\">2</td></tr></table>\n\n",
            "<p style=\"position:fixed;inset:0\" data-x=\"1\" class=\"note\" title=\"t\">p</p>\n\n",
            "<a href=\"ftp://example.org/\" target=\"_blank\">f</a> <a href=\"https://example.org/\">h</a>\n\n",
            "<nav><details open><summary>S</summary>D</details></nav>\n",
        ));
    assert!(
        html.contains("<h2 id=\"a\" class=\"note\">R</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<td style=\"text-align: left\">1</td><td>2</td>"),
        "{html}"
    );
    assert!(html.contains("<p>p</p>"), "{html}");
    assert!(
        html.contains("<a>f</a> <a href=\"https://example.org/\">h</a>"),
        "{html}"
    );
    assert!(
        html.contains("<details><summary>S</summary>D</details>"),
        "{html}"
    );
    assert!(!html.contains("<nav"), "{html}");
}
