//! What the dev server adds to served HTML: the live-reload script, and the error overlay while
//! the site cannot be rebuilt. Never part of `fouweb build` output.

use crate::diagnostics::Diagnostics;
use crate::html::escape;

/// Where the browser listens for rebuilds (Server-Sent Events).
pub const EVENTS_PATH: &str = "/__fouweb/events";

/// The script: reloads when the site's version changes (also after a reconnect, so an event
/// missed during a reload is not lost) and swaps stylesheets in place on `css`.
pub fn script(version: u64) -> String {
    format!(
        r#"<script id="fouweb-live">(() => {{
  const version = {version};
  let source;
  function connect() {{
    source = new EventSource("{EVENTS_PATH}");
    source.addEventListener("version", (e) => {{ if (Number(e.data) !== version) location.reload(); }});
    source.addEventListener("css", () => {{
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {{
        const url = new URL(link.href);
        url.searchParams.set("fouweb", Date.now());
        link.href = url.href;
      }}
    }});
    source.onerror = () => {{ source.close(); setTimeout(connect, 500); }};
  }}
  connect();
}})();</script>"#
    )
}

/// The overlay shown on every page while some file has errors.
pub fn overlay(errors: &Diagnostics) -> String {
    let mut html = String::from(
        r#"<div id="fouweb-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#f5f5f5;font:15px/1.5 ui-monospace,monospace;padding:2rem"><h2 style="margin:0 0 1rem;color:#ff8a80;font:700 1.3rem system-ui,sans-serif">fouweb: the site could not be rebuilt</h2>"#,
    );
    for d in errors.items().iter().filter(|d| d.is_error()) {
        html.push_str(r#"<section class="fouweb-error" style="margin:0 0 1.5rem">"#);
        html.push_str(&format!(
            r#"<p style="margin:0"><strong class="fouweb-error-location">{}</strong>: {}</p>"#,
            escape(&d.location()),
            escape(&d.message)
        ));
        if let Some(snippet) = &d.snippet {
            html.push_str(&format!(
                r#"<pre style="margin:.3rem 0;padding:.5rem;background:#000;white-space:pre-wrap">{}</pre>"#,
                escape(&snippet.text)
            ));
        }
        if let Some(hint) = &d.hint {
            html.push_str(&format!(
                r#"<p style="margin:0;color:#b9f6ca">hint: {}</p>"#,
                escape(hint)
            ));
        }
        html.push_str("</section>");
    }
    html.push_str(r#"<p style="color:#bbb">The last good version of the site is underneath. Fix the file and this page updates by itself.</p></div>"#);
    html
}

/// `page` with `extra` inserted before its last `</body>` (or at the end).
pub fn inject(page: &[u8], extra: &str) -> Vec<u8> {
    let at = find_last(page, b"</body>").unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + extra.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    #[test]
    fn injects_before_the_closing_body_tag() {
        assert_eq!(
            inject(b"<body><p>x</p></body></html>", "<i>"),
            b"<body><p>x</p><i></body></html>"
        );
        assert_eq!(inject(b"plain", "<i>"), b"plain<i>");
    }

    #[test]
    fn overlay_escapes_what_it_shows() {
        let mut errors = Diagnostics::new();
        errors.push(Diagnostic::error("content/<a>.md", "bad <script>").with_hint("fix & retry"));
        let html = overlay(&errors);
        assert!(html.contains("content/&lt;a&gt;.md"));
        assert!(html.contains("bad &lt;script&gt;"));
        assert!(html.contains("fix &amp; retry"));
    }
}
