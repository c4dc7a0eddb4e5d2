//! Reads a URL: `https://host[:port]/path?query#fragment`, or a path `/path?query`. A URL on its
//! own is a GET request.

use super::model::{HttpRequest, ReadError};
use crate::diagnostic::Span;

/// A URL cut into its parts. The query is kept raw (still percent-encoded), without the `?`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    pub host: Option<String>,
    pub path: String,
    pub query: String,
}

/// Cuts `url` into host, path and raw query. `offset` is where `url` starts in the input, for
/// the spans of errors.
pub fn split(url: &str, offset: usize) -> Result<UrlParts, ReadError> {
    let url = url.trim();
    let without_fragment = url.split('#').next().unwrap_or("");
    let lower = without_fragment.to_ascii_lowercase();
    let (host, rest) = if lower.starts_with("http://") || lower.starts_with("https://") {
        let after = &without_fragment[without_fragment.find("://").map_or(0, |i| i + 3)..];
        let end = after.find(['/', '?']).unwrap_or(after.len());
        let authority = &after[..end];
        // user:password@ is not part of the host.
        let host = authority.rsplit('@').next().unwrap_or(authority);
        if host.is_empty() {
            return Err(ReadError::new(
                "the URL has no host",
                Some(Span::new(offset, offset + url.len())),
            ));
        }
        (Some(host.to_owned()), &after[end..])
    } else if without_fragment.starts_with('/') || without_fragment.starts_with('?') {
        (None, without_fragment)
    } else {
        return Err(ReadError::new(
            format!(
                "{:?} is not a URL (expected http://, https://, or a path starting with /)",
                crate::check::clip(url, 60)
            ),
            Some(Span::new(offset, offset + url.len())),
        ));
    };
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, q),
        None => (rest, ""),
    };
    Ok(UrlParts {
        host,
        path: if path.is_empty() {
            "/".into()
        } else {
            path.into()
        },
        query: query.into(),
    })
}

/// Reads a URL as a GET request.
pub fn read(input: &str) -> Result<HttpRequest, ReadError> {
    let start = input.len() - input.trim_start().len();
    let parts = split(input, start)?;
    let mut headers = Vec::new();
    if let Some(host) = parts.host {
        headers.push(("host".to_owned(), host));
    }
    Ok(HttpRequest {
        method: "GET".into(),
        path: parts.path,
        query: parts.query,
        headers,
        body: Vec::new(),
    })
}
