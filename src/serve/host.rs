//! Which requests the dev server answers: those addressed to this machine by an IP address
//! (the `--bind` value is one) or as `localhost`. A web page elsewhere can point a name of its
//! own at 127.0.0.1 (DNS rebinding) and read the dev site through the browser; such a request
//! carries that name in its `Host` header (or its absolute target) and is refused.

use std::net::IpAddr;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// True for `host` (a `Host` header or a URI authority, with or without a port) that names
/// this machine: an IP address (rebinding needs a name), `localhost` or `*.localhost`.
pub fn allows(host: &str) -> bool {
    let name = without_port(host).to_ascii_lowercase();
    let name = name.trim_end_matches('.');
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok()
}

/// `example.org` of `example.org:1111`, `[::1]` of `[::1]:1111`.
fn without_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host.find(']').map_or(host, |end| &host[..=end]);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// Refuses a request whose `Host` header or absolute target names another host.
pub async fn check(request: Request, next: Next) -> Response {
    let host_header = request
        .headers()
        .get(axum::http::header::HOST)
        .map(|h| h.to_str().unwrap_or("\u{fffd}").to_string());
    let authority = request.uri().authority().map(|a| a.as_str().to_string());
    for host in host_header.iter().chain(&authority) {
        if !allows(host) {
            let message = format!(
                "fouweb serve answers only requests for this machine (127.0.0.1, localhost, [::1]); this one was for `{host}`\n"
            );
            return (StatusCode::FORBIDDEN, message).into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_localhost_pass_and_names_do_not() {
        for ok in [
            "127.0.0.1:1111",
            "127.0.0.1",
            "localhost:1111",
            "LOCALHOST",
            "app.localhost:8080",
            "[::1]:1111",
            "192.168.1.5:1111",
        ] {
            assert!(allows(ok), "{ok}");
        }
        for refused in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1.evil.example",
            "localhost.evil.example",
            "",
        ] {
            assert!(!allows(refused), "{refused}");
        }
    }
}
