//! The public JSON shapes shared by the npm package and the CLI: field names as the API spells
//! them, spans in UTF-16 code units (what JavaScript strings index by). The wasm layer and the CLI
//! only convert to and from these; every decision is made here and below.

use std::collections::BTreeMap;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::codes::{self, Severity};
use crate::diagnostic::{Diagnostic, Fix, Report, Span};
use crate::ids::IdGen;
use crate::model::{BackendServer, Request};
use crate::request::{self, Credentials, Method, Protocol, SignatureVersion};
use crate::response::{self, Format, Response, Shape};
use crate::rules;
use crate::snippets;
use crate::text::{line_col, utf16_offset};

/// A span in UTF-16 code units; the CLI adds the 1-based line and column of its start.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "Span"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiSpan {
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "Edit"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiEdit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "Fix"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiFix {
    pub label: String,
    #[cfg_attr(feature = "wasm", tsify(type = "Edit[]"))]
    pub edits: Vec<ApiEdit>,
}

#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "Diagnostic", missing_as_null)
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiDiagnostic {
    pub code: String,
    pub severity: Severity,
    pub http_status: Option<u16>,
    pub message: String,
    pub detail: String,
    pub path: String,
    #[cfg_attr(feature = "wasm", tsify(type = "Span | null"))]
    pub span: Option<ApiSpan>,
    #[cfg_attr(feature = "wasm", tsify(type = "Fix | null"))]
    pub fix: Option<ApiFix>,
}

#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "Report"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiReport {
    pub ok: bool,
    #[cfg_attr(feature = "wasm", tsify(type = "Diagnostic[]"))]
    pub diagnostics: Vec<ApiDiagnostic>,
}

#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "ParsedServers", missing_as_null)
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiParsedServers {
    pub servers: Option<Vec<BackendServer>>,
    #[cfg_attr(feature = "wasm", tsify(type = "Diagnostic[]"))]
    pub diagnostics: Vec<ApiDiagnostic>,
}

/// Options of `buildRequest`.
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "RequestOptions")
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiRequestOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_version: Option<SignatureVersion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key_secret: Option<String>,
    /// `YYYY-MM-DDThh:mm:ssZ`; default: now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    /// Default: random.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}

/// String pairs in the order they were made (headers, snippets), serialized as an object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrderedMap(pub Vec<(String, String)>);

impl Serialize for OrderedMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for OrderedMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, String>::deserialize(d)?;
        Ok(Self(map.into_iter().collect()))
    }
}

#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "BuiltRequest", missing_as_null)
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiBuiltRequest {
    pub method: String,
    pub url: String,
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, string>"))]
    pub headers: OrderedMap,
    pub canonical_query: Option<String>,
    pub string_to_sign: Option<String>,
    pub signed: bool,
}

/// Options of `renderResponse`.
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "ResponseOptions")
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiResponseOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<Shape>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
}

/// Options of `snippets`.
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "SnippetOptions")
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiSnippetOptions {
    /// A host that overrides the region's endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    /// Only these snippets (ids such as `curl-bash`, `python`); default: all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<String>>,
}

#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(rename = "Region"))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiRegion {
    pub region_id: String,
    pub endpoint: String,
}

#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "ErrorCode", missing_as_null)
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiErrorCode {
    pub code: String,
    pub http_status: Option<u16>,
    pub severity: Severity,
    pub message: String,
    pub description: String,
}

/// Where a span's offsets are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    /// UTF-16 code units only (the npm package).
    Utf16,
    /// UTF-16 code units plus line and column (the CLI).
    Utf16WithLines,
}

fn span(raw: &str, s: Span, units: Units) -> ApiSpan {
    let (line, column) = match units {
        Units::Utf16 => (None, None),
        Units::Utf16WithLines => {
            let lc = line_col(raw, s.start);
            (Some(lc.line), Some(lc.column))
        }
    };
    ApiSpan {
        start: utf16_offset(raw, s.start),
        end: utf16_offset(raw, s.end),
        line,
        column,
    }
}

fn fix(raw: &str, f: &Fix) -> ApiFix {
    ApiFix {
        label: f.label.clone(),
        edits: f
            .edits
            .iter()
            .map(|e| ApiEdit {
                start: utf16_offset(raw, e.span.start),
                end: utf16_offset(raw, e.span.end),
                text: e.text.clone(),
            })
            .collect(),
    }
}

pub fn diagnostic(raw: &str, d: &Diagnostic, units: Units) -> ApiDiagnostic {
    ApiDiagnostic {
        code: d.code.as_str().to_owned(),
        severity: d.severity,
        http_status: d.http_status,
        message: d.message.clone(),
        detail: d.detail.clone(),
        path: d.path.clone(),
        span: d.span.map(|s| span(raw, s, units)),
        fix: d.fix.as_ref().map(|f| fix(raw, f)),
    }
}

pub fn report(raw: &str, r: &Report, units: Units) -> ApiReport {
    ApiReport {
        ok: r.ok,
        diagnostics: r
            .diagnostics
            .iter()
            .map(|d| diagnostic(raw, d, units))
            .collect(),
    }
}

/// The most request JSON a front end reads (the CLI's file or standard input): four parameters of
/// at most 64 KiB each, with room for JSON escapes. Anything larger is refused before it is parsed.
pub const MAX_REQUEST_JSON_BYTES: usize = 1024 * 1024;

/// Reads a request from JSON text, naming what serde_json's messages leave unclear: a byte order
/// mark, a lone UTF-16 surrogate escape, and text over [`MAX_REQUEST_JSON_BYTES`].
pub fn parse_request(text: &str) -> Result<Request, String> {
    if text.len() > MAX_REQUEST_JSON_BYTES {
        return Err(format!(
            "the request is {} bytes; at most {MAX_REQUEST_JSON_BYTES} are read",
            text.len()
        ));
    }
    if text.starts_with('\u{feff}') {
        return Err(
            "the text starts with a byte order mark (U+FEFF); save it as UTF-8 without a BOM"
                .to_owned(),
        );
    }
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        if message.contains("surrogate") || message.contains("hex escape") {
            format!(
                "a lone UTF-16 surrogate escape (\\ud800 to \\udfff without its pair) at line {} column {}: \
                 it stands for no character",
                e.line(),
                e.column()
            )
        } else {
            message
        }
    })
}

/// `validate(request)`.
pub fn validate(request: &Request, units: Units) -> ApiReport {
    let (raw, r) = rules::validate_with_raw(request);
    report(raw.as_deref().unwrap_or(""), &r, units)
}

/// `parseServers(raw)`.
pub fn parse_servers(raw: &str, units: Units) -> ApiParsedServers {
    let (outcome, r) = rules::parse_servers(raw);
    ApiParsedServers {
        servers: outcome.servers,
        diagnostics: report(raw, &r, units).diagnostics,
    }
}

/// What the caller supplies for the defaults: the clock and randomness.
#[derive(Debug, Clone, Copy)]
pub struct Environment {
    /// Seconds since the Unix epoch, for the default timestamp.
    pub unix_seconds: u64,
    /// Seeds the default nonce and random ids.
    pub entropy: u64,
}

/// `buildRequest(request, options)`. A misuse (a malformed timestamp, signing without
/// credentials) is an error message.
pub fn build_request(
    request: &Request,
    options: &ApiRequestOptions,
    env: Environment,
) -> Result<ApiBuiltRequest, String> {
    if let Some(t) = &options.timestamp
        && !request::is_timestamp(t)
    {
        return Err(request::RequestError::BadTimestamp(t.clone()).to_string());
    }
    let credentials = match (&options.access_key_id, &options.access_key_secret) {
        (Some(id), Some(secret)) if !id.is_empty() && !secret.is_empty() => Some(Credentials {
            access_key_id: id.clone(),
            access_key_secret: secret.clone(),
        }),
        _ => None,
    };
    let built = request::build(
        request,
        &request::RequestOptions {
            signature: options.signature_version,
            method: options.method,
            format: options.format.unwrap_or_default(),
            protocol: options.protocol.unwrap_or_default(),
            endpoint: options.endpoint.clone(),
            credentials,
            timestamp: options
                .timestamp
                .clone()
                .unwrap_or_else(|| format_timestamp(env.unix_seconds)),
            nonce: options
                .nonce
                .clone()
                .unwrap_or_else(|| IdGen::new(env.entropy).nonce()),
        },
    )
    .map_err(|e| e.to_string())?;
    Ok(ApiBuiltRequest {
        method: built.method.as_str().to_owned(),
        url: built.url,
        headers: OrderedMap(built.headers),
        canonical_query: built.canonical_query,
        string_to_sign: built.string_to_sign,
        signed: built.signed,
    })
}

/// `renderResponse(request, options)`.
pub fn render_response(
    request: &Request,
    options: &ApiResponseOptions,
    env: Environment,
) -> Response {
    response::render(
        request,
        &response::ResponseOptions {
            format: options.format.unwrap_or_default(),
            shape: options.shape.unwrap_or_default(),
            request_id: options.request_id.clone(),
            group_id: options.group_id.clone(),
            entropy: env.entropy,
        },
    )
}

/// `snippets(request, options)`: id → code, in a stable order.
pub fn snippets(request: &Request, options: &ApiSnippetOptions) -> Result<OrderedMap, String> {
    if let Some(only) = &options.only
        && let Some(bad) = only.iter().find(|o| !snippets::IDS.contains(&o.as_str()))
    {
        return Err(format!(
            "unknown snippet {bad:?}; known: {}",
            snippets::IDS.join(", ")
        ));
    }
    let all = snippets::snippets(
        request,
        &snippets::SnippetOptions {
            endpoint: options.endpoint.clone(),
        },
    )
    .map_err(|e| e.to_string())?;
    Ok(OrderedMap(
        all.into_iter()
            .filter(|s| {
                options
                    .only
                    .as_ref()
                    .is_none_or(|o| o.iter().any(|x| x == s.id))
            })
            .map(|s| (s.id.to_owned(), s.code))
            .collect(),
    ))
}

/// `regions()`.
pub fn regions() -> Vec<ApiRegion> {
    crate::endpoint::REGIONS
        .iter()
        .map(|(r, h)| ApiRegion {
            region_id: (*r).to_owned(),
            endpoint: (*h).to_owned(),
        })
        .collect()
}

/// `errorCodes()`.
pub fn error_codes() -> Vec<ApiErrorCode> {
    codes::all()
        .map(|c| ApiErrorCode {
            code: c.code.as_str().to_owned(),
            http_status: c.http_status,
            severity: c.severity,
            message: c.message.to_owned(),
            description: c.description.to_owned(),
        })
        .collect()
}

/// `version()`: the crate's version.
pub const fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Formats Unix seconds as `YYYY-MM-DDThh:mm:ssZ` (UTC).
pub fn format_timestamp(unix_seconds: u64) -> String {
    let days = i64::try_from(unix_seconds / 86_400).unwrap_or(0);
    let secs = unix_seconds % 86_400;
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(format_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_timestamp(1_456_231_584), "2016-02-23T12:46:24Z");
        assert_eq!(format_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert!(request::is_timestamp(&format_timestamp(4_102_444_799)));
    }
}

/// Options of `checkRequest`.
#[cfg_attr(
    feature = "wasm-check",
    derive(tsify::Tsify),
    tsify(rename = "CheckOptions")
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApiCheckOptions {
    /// The AccessKey id the gateway knows; another id is `InvalidAccessKeyId.NotFound`.
    #[serde(default)]
    pub access_key_id: Option<String>,
    /// The secret to verify the signature with; without it the signature is not verified.
    #[serde(default)]
    pub access_key_secret: Option<String>,
    /// `YYYY-MM-DDThh:mm:ssZ`, for the timestamp window; default: now.
    #[serde(default)]
    pub now: Option<String>,
    /// The string-to-sign the client logged, or the service's error message.
    #[serde(default)]
    pub string_to_sign: Option<String>,
    /// Nonces already used.
    #[serde(default)]
    pub used_nonces: Option<Vec<String>>,
}

/// Headers as an object (`{ name: value }`) or as pairs (`[[name, value], …]`, for repeated
/// headers).
#[cfg_attr(
    feature = "wasm-check",
    derive(tsify::Tsify),
    tsify(type = "Record<string, string> | [string, string][]")
)]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ApiHeaders {
    Pairs(Vec<(String, String)>),
    Object(BTreeMap<String, String>),
}

/// A request given as parts: `checkRequest({ method, url, headers, body })`.
#[cfg_attr(
    feature = "wasm-check",
    derive(tsify::Tsify),
    tsify(rename = "HttpRequestParts")
)]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiHttpRequest {
    /// Default: GET.
    #[serde(default)]
    pub method: Option<String>,
    /// `https://host/?…` or `/?…`.
    pub url: String,
    #[serde(default)]
    pub headers: Option<ApiHeaders>,
    /// The body as text.
    #[serde(default)]
    pub body: Option<String>,
}

/// What `checkRequest` takes: the text a client sent, or its parts.
#[derive(Debug, Clone)]
pub enum CheckInput {
    Text(String),
    Parts(ApiHttpRequest),
}

/// `checkRequest(input, options)`. Misuse (a malformed `now`) is an error message; everything
/// about the request is in the report.
pub fn check_request(
    input: &CheckInput,
    options: &ApiCheckOptions,
    env: Environment,
) -> Result<crate::check::CheckReport, String> {
    use crate::check::{self, CheckOptions, InputKind};
    let now = match &options.now {
        Some(t) => Some(check::time::parse(t).ok_or_else(|| {
            format!(
                "now {t:?} is not in the form YYYY-MM-DDThh:mm:ssZ (UTC), like 2026-11-22T08:00:00Z"
            )
        })?),
        None => i64::try_from(env.unix_seconds).ok(),
    };
    let options = CheckOptions {
        now,
        access_key_id: options.access_key_id.clone().filter(|s| !s.is_empty()),
        access_key_secret: options.access_key_secret.clone().filter(|s| !s.is_empty()),
        string_to_sign: options.string_to_sign.clone(),
        nonces: options.used_nonces.clone().unwrap_or_default(),
    };
    Ok(match input {
        CheckInput::Text(text) => check::check(text, &options),
        CheckInput::Parts(parts) => {
            let headers = match &parts.headers {
                Some(ApiHeaders::Pairs(p)) => p.clone(),
                Some(ApiHeaders::Object(o)) => o.clone().into_iter().collect(),
                None => Vec::new(),
            };
            let body = parts.body.clone().unwrap_or_default();
            let size = parts.url.len()
                + body.len()
                + headers
                    .iter()
                    .map(|(k, v)| k.len() + v.len())
                    .sum::<usize>();
            if size > check::MAX_INPUT {
                return Ok(check::CheckReport::unread(
                    crate::diagnostic::Diagnostic::new(
                        crate::codes::Code::InputTooLarge,
                        crate::diagnostic::Check::InputSize,
                        "input",
                        format!(
                            "The request is {size} bytes; the check reads at most {} bytes (1 MiB).",
                            check::MAX_INPUT
                        ),
                    ),
                ));
            }
            let method = parts.method.clone().unwrap_or_else(|| "GET".into());
            match check::HttpRequest::from_parts(&method, &parts.url, headers, body.into_bytes()) {
                Ok(request) => {
                    check::check_request(InputKind::Parts, &request, &parts.url, &options)
                }
                Err(e) => {
                    let d = crate::diagnostic::Diagnostic::new(
                        crate::codes::Code::UnreadableRequest,
                        crate::diagnostic::Check::InputFormat,
                        "url",
                        e.detail,
                    );
                    check::CheckReport::unread(d)
                }
            }
        }
    })
}
