//! `check`: reads what a client actually sent (a URL, a curl command line or a raw HTTP/1.1
//! request), runs the gateway's checks in the service's order (decoding, the common parameters,
//! the version, the action, the timestamp window, the AccessKeyId, the signature, nonce reuse),
//! then the API's own rules on the decoded parameters, and reports every step of the signature
//! with the first byte where the client's string-to-sign differs.
//!
//! Pure: the clock, the credentials and the nonce memory are arguments. [`gateway::gateway`] is
//! the reusable part an emulator calls for each request that arrives over a socket.

pub mod curl;
pub mod diff;
pub mod gateway;
pub mod http;
pub mod locate;
pub mod model;
pub mod report;
pub mod time;
pub mod url;
pub mod verify;

use std::collections::{BTreeMap, BTreeSet};

pub use diff::FirstDifference;
pub use gateway::{GatewayOptions, GatewayOutcome, Secrets, gateway};
pub use model::{HttpRequest, InputKind, ReadError};
pub use report::{CheckReport, InputSummary};
pub use verify::{Scheme, SignatureReport};

use crate::codes::Code;
use crate::diagnostic::{Check, Diagnostic, Span};

/// Inputs over this many bytes are refused before any work (1 MiB).
pub const MAX_INPUT: usize = 1024 * 1024;

/// What `check` needs besides the request.
#[derive(Clone, Default)]
pub struct CheckOptions {
    /// Now, in Unix seconds; `None`: the timestamp window is not checked.
    pub now: Option<i64>,
    pub access_key_id: Option<String>,
    pub access_key_secret: Option<String>,
    /// The string-to-sign the client logged, or the service's error message that ends with it.
    pub string_to_sign: Option<String>,
    /// Nonces already used.
    pub nonces: Vec<String>,
}

impl std::fmt::Debug for CheckOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckOptions")
            .field("now", &self.now)
            .field("access_key_id", &self.access_key_id)
            .field(
                "access_key_secret",
                &self.access_key_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("string_to_sign", &self.string_to_sign)
            .field("nonces", &self.nonces)
            .finish()
    }
}

/// Cuts `s` to at most `max` characters, with `…` when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// Recognises the input's form and reads it.
pub fn read(input: &str) -> Result<(InputKind, HttpRequest), ReadError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ReadError::new(
            "the input is empty; give a URL, a curl command line or a raw HTTP request",
            None,
        ));
    }
    if curl::looks_like(trimmed) {
        return curl::read(input).map(|r| (InputKind::Curl, r));
    }
    if http::looks_like(input) {
        return http::read(input).map(|r| (InputKind::Http, r));
    }
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || trimmed.starts_with("/?") {
        if trimmed.contains(char::is_whitespace) {
            return Err(ReadError::new(
                "a URL has no spaces or line breaks (a request with headers is a raw HTTP request: `GET /?… HTTP/1.1`, then the headers)",
                Some(Span::new(0, input.len())),
            ));
        }
        return url::read(input).map(|r| (InputKind::Url, r));
    }
    Err(ReadError::new(
        format!(
            "{:?} is not a URL (https://…), a curl command line (curl …) or a raw HTTP request (GET /?… HTTP/1.1)",
            clip(trimmed.lines().next().unwrap_or(""), 60)
        ),
        Some(Span::new(
            0,
            input
                .len()
                .min(trimmed.len() + (input.len() - input.trim_start().len())),
        )),
    ))
}

/// Checks input text: reads it, then [`check_request`].
pub fn check(input: &str, options: &CheckOptions) -> CheckReport {
    if input.len() > MAX_INPUT {
        let d = Diagnostic::new(
            Code::InputTooLarge,
            Check::InputSize,
            "input",
            format!(
                "The input is {} bytes; the check reads at most {MAX_INPUT} bytes (1 MiB).",
                input.len()
            ),
        );
        return CheckReport::unread(d);
    }
    match read(input) {
        Ok((kind, request)) => check_request(kind, &request, input, options),
        Err(e) => {
            let mut d = Diagnostic::new(
                Code::UnreadableRequest,
                Check::InputFormat,
                "input",
                e.detail,
            );
            d.span = e.span;
            CheckReport::unread_with_input(d, input)
        }
    }
}

/// Checks a request already in the model (`input` is the text the spans refer to).
pub fn check_request(
    kind: InputKind,
    request: &HttpRequest,
    input: &str,
    options: &CheckOptions,
) -> CheckReport {
    let map: BTreeMap<String, String>;
    let secrets = match (&options.access_key_id, &options.access_key_secret) {
        (Some(id), Some(secret)) if !secret.is_empty() => {
            map = BTreeMap::from([(id.clone(), secret.clone())]);
            Secrets::Map(&map)
        }
        (None, Some(secret)) if !secret.is_empty() => Secrets::Any(secret),
        _ => Secrets::None,
    };
    let nonces: BTreeSet<String> = options.nonces.iter().cloned().collect();
    let mut outcome = gateway(
        request,
        &GatewayOptions {
            now: options.now,
            secrets,
            nonces: (!options.nonces.is_empty()).then_some(&nonces),
        },
    );
    if let Some(text) = &options.string_to_sign
        && text.contains(diff::SERVER_STS_MARKER)
    {
        // The service's own message: its string-to-sign, against the one recomputed here.
        let service = diff::given_string_to_sign(text);
        let s = &mut outcome.signature;
        if let Some(ours) = s.string_to_sign.clone() {
            match diff::first_difference(&ours, &service) {
                Some(mut d) => {
                    d.likely = format!(
                        "the request that reached the service is not this one ({})",
                        d.likely
                    );
                    s.first_difference = Some(d);
                }
                None => {
                    s.cause.get_or_insert(
                        "the service's string to sign equals the one recomputed here, so the request arrived as captured: the client signed another string (give the string-to-sign it logged) or used another secret".into(),
                    );
                }
            }
            s.service_string_to_sign = Some(service);
        }
    } else if let Some(given) = &options.string_to_sign {
        let given = diff::given_string_to_sign(given);
        let s = &mut outcome.signature;
        // ACS3: the user may give the canonical request or the string-to-sign.
        let expected = if s.scheme == Some(Scheme::Acs3) && !given.starts_with("ACS3-HMAC-SHA256") {
            s.canonical_request.clone()
        } else {
            s.string_to_sign.clone()
        };
        if let Some(expected) = expected {
            s.first_difference = diff::first_difference(&expected, &given);
            s.client_string_to_sign = Some(given);
        }
    }
    // Another action's parameters are not this API's: its rules are not run.
    let other_action = outcome.diagnostics.iter().any(|d| d.check == Check::Action);
    locate::locate(input, &request.method, &mut outcome.diagnostics);
    let api_request = outcome.api_request();
    let api = if other_action {
        crate::rules::Analysis {
            raw: None,
            report: crate::diagnostic::Report::new(Vec::new()),
            servers: crate::rules::ServersOutcome {
                servers: None,
                resolved: None,
            },
        }
    } else {
        crate::rules::analyze(&api_request)
    };
    CheckReport::new(kind, request, input, &outcome, &api)
}
