//! `GET /api/search`: the dev server answers a search from its live tantivy index, with the
//! same JSON as `fouweb search --json`. Parameters as on the search page: `q`, the filter
//! groups' keys ([`FilterGroup::key`]: `lan`, `metod`, `kommun`, `ar`; repeated or
//! comma-separated; OR within a group, AND across), and `limit`.

use axum::extract::State;
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use crate::search::{FilterGroup, Request, SearchError, Searcher};
use crate::vocabulary::Vocabulary;

use super::http::Shared;

pub const PATH: &str = "/api/search";

/// Hits per answer unless `limit` says otherwise, and the most `limit` may ask for.
const DEFAULT_LIMIT: usize = 10;
const MAX_LIMIT: usize = 1000;

/// What a search needs: the index as of the last rebuild and the vocabulary that resolves
/// filter names.
pub struct SearchState {
    pub searcher: Searcher,
    pub vocabulary: Vocabulary,
}

pub async fn search(State(shared): State<Shared>, uri: Uri) -> Response {
    let Some(state) = shared.search() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the search index is still being built; try again in a moment",
        );
    };
    let request = match parse(uri.query().unwrap_or("")) {
        Ok(request) => request,
        Err(message) => return error(StatusCode::BAD_REQUEST, &message),
    };
    let answer =
        tokio::task::spawn_blocking(move || state.searcher.search(&request, &state.vocabulary))
            .await;
    match answer {
        Ok(Ok(response)) => match serde_json::to_vec(&response) {
            Ok(body) => json(StatusCode::OK, body),
            Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
        },
        Ok(Err(err @ SearchError::UnknownFilter { .. })) => {
            error(StatusCode::BAD_REQUEST, &err.to_string())
        }
        Ok(Err(err)) => error(StatusCode::INTERNAL_SERVER_ERROR, &err.to_string()),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "the search failed"),
    }
}

/// The search a query string asks for. Unknown parameters are ignored.
fn parse(query: &str) -> Result<Request, String> {
    let mut request = Request {
        limit: DEFAULT_LIMIT,
        ..Request::default()
    };
    let mut words: Vec<String> = Vec::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "q" => words.push(value.into_owned()),
            "limit" => {
                request.limit = value
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| format!("limit must be a number, not `{value}`"))?
                    .clamp(1, MAX_LIMIT);
            }
            key => {
                if let Some(group) = FilterGroup::from_key(key) {
                    request.values_mut(group).extend(
                        value
                            .split(',')
                            .map(str::trim)
                            .filter(|v| !v.is_empty())
                            .map(str::to_string),
                    );
                }
            }
        }
    }
    request.query = words.join(" ");
    Ok(request)
}

fn json(status: StatusCode, body: Vec<u8>) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

fn error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "error": message }).to_string();
    json(status, body.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_repeat_or_separate_with_commas() {
        let r = parse("q=barn+grupp&lan=Sk%C3%A5ne,18&lan=Dalarna&metod=bra&ar=2021&limit=3&x=1")
            .unwrap();
        assert_eq!(r.query, "barn grupp");
        assert_eq!(r.counties, ["Skåne", "18", "Dalarna"]);
        assert_eq!(r.methods, ["bra"]);
        assert_eq!(r.years, ["2021"]);
        assert_eq!(r.limit, 3);
        assert!(r.municipalities.is_empty());
    }

    #[test]
    fn empty_and_bad_parameters() {
        let r = parse("").unwrap();
        assert_eq!((r.query.as_str(), r.limit), ("", DEFAULT_LIMIT));
        assert_eq!(parse("limit=100000").unwrap().limit, MAX_LIMIT);
        assert_eq!(parse("lan=,&metod=").unwrap().counties.len(), 0);
        assert!(parse("limit=många").unwrap_err().contains("många"));
    }
}
