//! The one HTTP request model every reader produces and the gateway checks.

use serde::Serialize;

use crate::diagnostic::Span;

/// A request as it arrived: method, path, raw query (without `?`), headers in order, body bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// The first header named `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of the header `name`, joined by `,` as HTTP folds repeated headers.
    pub fn header_joined(&self, name: &str) -> Option<String> {
        let values: Vec<&str> = self
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .collect();
        (!values.is_empty()).then(|| values.join(","))
    }

    /// The media type of `Content-Type`, lowercase, without parameters.
    pub fn media_type(&self) -> Option<String> {
        self.header("content-type").map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }

    /// Builds a request from its parts, as the npm `{ method, url, headers, body }` form gives it.
    /// The URL may be absolute (`https://host/?…`, which also gives `Host` when it is not among
    /// the headers) or a path (`/?…`).
    pub fn from_parts(
        method: &str,
        url: &str,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    ) -> Result<Self, ReadError> {
        let parts = super::url::split(url, 0)?;
        let mut request = HttpRequest {
            method: method.to_owned(),
            path: parts.path,
            query: parts.query,
            headers,
            body,
        };
        if let Some(host) = parts.host
            && request.header("host").is_none()
        {
            request.headers.insert(0, ("host".into(), host));
        }
        Ok(request)
    }
}

/// Which reader read the input.
#[cfg_attr(feature = "wasm-check", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// A URL: a GET request.
    Url,
    /// A curl command line.
    Curl,
    /// A raw HTTP/1.1 request.
    Http,
    /// Method, URL, headers and body given apart.
    Parts,
}

/// Why the input could not be read: a detail and where in the input (UTF-8 bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub detail: String,
    pub span: Option<Span>,
}

impl ReadError {
    pub fn new(detail: impl Into<String>, span: Option<Span>) -> Self {
        Self {
            detail: detail.into(),
            span,
        }
    }
}
