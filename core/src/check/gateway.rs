//! The gateway's checks, in the service's order, as one pure function the CLI, the npm package
//! and an emulator share: a request in, the diagnostics, the decoded parameters and the
//! signature steps out. The clock, the credentials and the nonce memory are arguments.

use std::collections::{BTreeMap, BTreeSet};

use percent_encoding::percent_decode;

use super::model::HttpRequest;
use super::time;
use super::verify::{self, Scheme, SignatureReport};
use crate::codes::Code;
use crate::diagnostic::{Check, Diagnostic};
use crate::model::{ACTION, API_VERSION, Request, ServerList};

/// How far a timestamp may be from now, in seconds (api-facts §2.6: ±15 minutes, [L]).
pub const TIMESTAMP_WINDOW: i64 = 15 * 60;

/// The AccessKey secrets the gateway knows.
#[derive(Clone, Copy, Default)]
pub enum Secrets<'a> {
    /// None: the signature is not verified and no AccessKeyId is unknown.
    #[default]
    None,
    /// One secret, for whatever AccessKeyId the request names (the CLI without `--access-key-id`).
    Any(&'a str),
    /// AccessKeyId → secret; any other id is `InvalidAccessKeyId.NotFound` (an emulator's store).
    Map(&'a BTreeMap<String, String>),
}

impl std::fmt::Debug for Secrets<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::None => f.write_str("None"),
            Self::Any(_) => f.write_str("Any(<redacted>)"),
            Self::Map(m) => f
                .debug_tuple("Map")
                .field(&m.keys().collect::<Vec<_>>())
                .finish(),
        }
    }
}

/// What the gateway knows besides the request.
#[derive(Debug, Clone, Copy, Default)]
pub struct GatewayOptions<'a> {
    /// Now, in Unix seconds. `None`: the timestamp window is not checked.
    pub now: Option<i64>,
    pub secrets: Secrets<'a>,
    /// Nonces already used. `None`: nonce reuse is not checked. An emulator adds
    /// [`GatewayOutcome::nonce`] to it after each accepted request.
    pub nonces: Option<&'a BTreeSet<String>>,
}

/// What the gateway made of a request.
#[derive(Debug, Clone, Default)]
pub struct GatewayOutcome {
    /// The gateway's diagnostics, in the order it checks.
    pub diagnostics: Vec<Diagnostic>,
    /// Every parameter decoded, query then form body, in order (the first of a repeated name
    /// wins), `Signature` included.
    pub params: Vec<(String, String)>,
    pub signature: SignatureReport,
    /// The nonce the request carries.
    pub nonce: Option<String>,
}

impl GatewayOutcome {
    /// No gateway error.
    pub fn accepted(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The error the service answers with: the first one (an emulator renders its body).
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.is_error())
    }

    /// The value of a decoded parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The API's parameters, for its own rules.
    pub fn api_request(&self) -> Request {
        let get = |k: &str| self.param(k).map(str::to_owned);
        Request {
            region_id: get("RegionId"),
            load_balancer_id: get("LoadBalancerId"),
            master_slave_backend_servers: get("MasterSlaveBackendServers").map(ServerList::Raw),
            master_slave_server_group_name: get("MasterSlaveServerGroupName"),
        }
    }
}

/// Name–value pairs in order.
type Pairs = Vec<(String, String)>;

/// Decodes `a=b&c=d` form encoding (`+` is a space). Returns the decoded pairs, the same pairs
/// raw, and the raw text of each malformed parameter.
fn decode_pairs(text: &str) -> (Pairs, Pairs, Vec<String>) {
    let mut decoded = Vec::new();
    let mut raw = Vec::new();
    let mut bad = Vec::new();
    for part in text.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match (decode(k), decode(v)) {
            (Some(dk), Some(dv)) => {
                decoded.push((dk, dv));
                raw.push((k.to_owned(), v.to_owned()));
            }
            _ => bad.push(part.to_owned()),
        }
    }
    (decoded, raw, bad)
}

fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    // A % must be followed by two hex digits.
    for (i, &c) in b.iter().enumerate() {
        if c == b'%'
            && !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return None;
        }
    }
    let spaced = s.replace('+', " ");
    percent_decode(spaced.as_bytes())
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

fn missing(name: &str, path: &str) -> Diagnostic {
    Diagnostic::new(
        Code::MissingParameter,
        Check::CommonParameter,
        path,
        format!("{name} is absent; every request carries it."),
    )
    .with_message(format!(
        "The input parameter \u{201c}{name}\u{201d} that is mandatory for processing this request is not supplied."
    ))
}

/// Runs the gateway's checks on `request`.
pub fn gateway(request: &HttpRequest, options: &GatewayOptions<'_>) -> GatewayOutcome {
    let mut out = GatewayOutcome::default();
    let d = &mut out.diagnostics;
    let method = request.method.to_ascii_uppercase();

    // The method.
    if method != "GET" && method != "POST" {
        d.push(Diagnostic::new(
            Code::UnsupportedHttpMethod,
            Check::HttpMethod,
            "method",
            format!(
                "The request is sent with {}; the API takes GET or POST.",
                request.method
            ),
        ));
    }

    // Parameter decoding: the query, and a form body.
    let (query, raw_query, bad_query) = decode_pairs(&request.query);
    let form = request.media_type().as_deref() == Some("application/x-www-form-urlencoded");
    let body_text = String::from_utf8_lossy(&request.body);
    let (body_params, raw_body, mut bad_body) = if form {
        decode_pairs(&body_text)
    } else {
        Default::default()
    };
    if form && let Err(e) = std::str::from_utf8(&request.body) {
        bad_body.push(format!(
            "the form body (an invalid UTF-8 byte at offset {})",
            e.valid_up_to()
        ));
    }
    for (bad, path) in bad_query
        .iter()
        .map(|b| (b, "query"))
        .chain(bad_body.iter().map(|b| (b, "body")))
    {
        d.push(Diagnostic::new(
            Code::RequestParameterMalformed,
            Check::ParameterEncoding,
            path,
            format!(
                "{:?} has a % not followed by two hex digits, or does not decode to UTF-8 text.",
                super::clip(bad, 80)
            ),
        ));
    }
    let mut seen = BTreeSet::new();
    let mut raw_all = Vec::new();
    for ((k, v), raw) in query
        .iter()
        .zip(&raw_query)
        .chain(body_params.iter().zip(&raw_body))
    {
        if seen.insert(k.clone()) {
            out.params.push((k.clone(), v.clone()));
            raw_all.push(raw.clone());
        }
    }
    let param = |k: &str| {
        out.params
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };

    // Which scheme: ACS3 is an `Authorization: ACS3-…` header (or x-acs-* without v1's
    // parameters); anything else is v1.
    let authorization = request.header("authorization");
    let v1_markers = [
        "Signature",
        "AccessKeyId",
        "SignatureMethod",
        "Action",
        "Timestamp",
    ];
    let scheme = if authorization.is_some_and(|a| a.trim_start().starts_with("ACS3-")) {
        Scheme::Acs3
    } else if v1_markers.iter().any(|k| param(k).is_some()) {
        Scheme::V1
    } else if request.header("x-acs-action").is_some() || authorization.is_some() {
        Scheme::Acs3
    } else {
        Scheme::V1
    };
    out.signature.scheme = Some(scheme);

    // The common parameters.
    let header = |k: &str| request.header(k).map(|v| v.trim().to_owned());
    let (action, version, timestamp, nonce, key_id, auth) = match scheme {
        Scheme::V1 => {
            for name in ["Action", "Version", "AccessKeyId", "Signature", "Timestamp"] {
                if param(name).is_none() {
                    d.push(missing(name, name));
                }
            }
            (
                param("Action").map(|v| (v, "Action")),
                param("Version").map(|v| (v, "Version")),
                param("Timestamp").map(|v| (v, "Timestamp")),
                param("SignatureNonce"),
                param("AccessKeyId"),
                None,
            )
        }
        Scheme::Acs3 => {
            for name in [
                "x-acs-action",
                "x-acs-version",
                "x-acs-date",
                "x-acs-signature-nonce",
                "x-acs-content-sha256",
                "Authorization",
            ] {
                if request.header(name).is_none() {
                    d.push(missing(name, &format!("header {name}")));
                }
            }
            let auth = authorization.and_then(|a| {
                let parsed = verify::parse_authorization(a);
                if parsed.is_none() {
                    d.push(Diagnostic::new(
                        Code::IncompleteSignature,
                        Check::AuthorizationFormat,
                        "header Authorization",
                        format!(
                            "{:?} is not `ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;…>,Signature=<hex>`.",
                            super::clip(a, 80)
                        ),
                    ));
                }
                parsed
            });
            (
                header("x-acs-action").map(|v| (v, "header x-acs-action")),
                header("x-acs-version").map(|v| (v, "header x-acs-version")),
                header("x-acs-date").map(|v| (v, "header x-acs-date")),
                header("x-acs-signature-nonce"),
                auth.as_ref().map(|a| a.credential.clone()),
                auth,
            )
        }
    };
    out.nonce = nonce.clone();
    out.signature.access_key_id = key_id.clone();

    // The version, then the action.
    if let Some((v, path)) = &version
        && v != API_VERSION
    {
        d.push(Diagnostic::new(
            Code::InvalidVersion,
            Check::Version,
            *path,
            format!("Version {v:?} is not {API_VERSION}, the version of SLB's API."),
        ));
    }
    if let Some((a, path)) = &action
        && a != ACTION
    {
        d.push(Diagnostic::new(
            Code::InvalidActionNotFound,
            Check::Action,
            *path,
            format!(
                "The action is {a:?}; this tool models one action, {ACTION} (SLB {API_VERSION}), so it cannot check {a:?}."
            ),
        ));
    }

    // The timestamp window.
    if let Some((t, path)) = &timestamp {
        match time::parse(t) {
            None => d.push(Diagnostic::new(
                Code::InvalidTimeStampFormat,
                Check::TimestampFormat,
                *path,
                format!("{t:?} is not YYYY-MM-DDThh:mm:ssZ in UTC, like 2026-11-22T08:00:00Z."),
            )),
            Some(at) => {
                if let Some(now) = options.now
                    && (at - now).abs() > TIMESTAMP_WINDOW
                {
                    let minutes = (at - now).abs() / 60;
                    let when = if at < now { "before" } else { "after" };
                    d.push(Diagnostic::new(
                        Code::InvalidTimeStampExpired,
                        Check::TimestampWindow,
                        *path,
                        format!(
                            "{t} is {minutes} minutes {when} now ({}); the service allows 15 minutes either way. Sign each request when it is sent.",
                            crate::api::format_timestamp(u64::try_from(now).unwrap_or(0))
                        ),
                    ));
                }
            }
        }
    }

    // The AccessKeyId, then the secret to verify with.
    let secret: Option<&str> = match (options.secrets, key_id.as_deref()) {
        (Secrets::None, _) | (Secrets::Map(_), None) => None,
        (Secrets::Any(s), _) => Some(s),
        (Secrets::Map(map), Some(id)) => {
            let found = map.get(id).map(String::as_str);
            if found.is_none() {
                d.push(Diagnostic::new(
                    Code::InvalidAccessKeyIdNotFound,
                    Check::AccessKeyId,
                    match scheme {
                        Scheme::V1 => "AccessKeyId",
                        Scheme::Acs3 => "header Authorization",
                    },
                    format!("AccessKeyId {id:?} is not among the credentials given."),
                ));
            }
            found
        }
    };

    // The signature.
    let mut signature_checked = false;
    match scheme {
        Scheme::V1 => {
            if let Some(given) = param("Signature") {
                let (params, raw): (Vec<_>, Vec<_>) = out
                    .params
                    .iter()
                    .zip(&raw_all)
                    .filter(|((k, _), _)| k != "Signature")
                    .map(|(p, r)| (p.clone(), r.clone()))
                    .unzip();
                verify::v1(&method, &params, &raw, secret, &given, &mut out.signature);
                signature_checked = true;
            }
        }
        Scheme::Acs3 => {
            if let Some(auth) = &auth {
                let headers: Vec<(String, String)> = auth
                    .signed_headers
                    .iter()
                    .map(|h| (h.clone(), request.header_joined(h).unwrap_or_default()))
                    .collect();
                let body_hash = crate::sign::sha256_hex(&request.body);
                let payload_hash = header("x-acs-content-sha256").unwrap_or(body_hash.clone());
                let input = verify::Acs3Input {
                    method: &method,
                    query: &query_first(&query),
                    raw_query: &raw_query,
                    headers,
                    payload_hash: &payload_hash,
                    authorization: auth,
                };
                verify::acs3(&input, secret, &mut out.signature);
                signature_checked = true;
                if let Some(missing) = auth
                    .signed_headers
                    .iter()
                    .find(|h| request.header(h).is_none())
                {
                    out.signature.cause.get_or_insert(format!(
                        "SignedHeaders lists {missing}, which is not among the headers that arrived"
                    ));
                }
                if !payload_hash.eq_ignore_ascii_case(&body_hash) {
                    d.push(
                        Diagnostic::new(
                            Code::SignatureDoesNotMatch,
                            Check::ContentSha256,
                            "header x-acs-content-sha256",
                            format!(
                                "x-acs-content-sha256 is {payload_hash}, but the body that arrived ({} bytes) hashes to {body_hash}. (That the gateway answers this with SignatureDoesNotMatch is assumed.)",
                                request.body.len()
                            ),
                        )
                        .with_message(server_message(&out.signature)),
                    );
                }
            }
        }
    }
    if signature_checked {
        match out.signature.verified {
            Some(false) => {
                let s = &out.signature;
                let mut detail = format!(
                    "The signature sent is {}; recomputed from what arrived it is {}.",
                    s.given.as_deref().unwrap_or(""),
                    s.expected.as_deref().unwrap_or("")
                );
                if let Some(cause) = &s.cause {
                    detail.push_str(&format!(" Likely: {cause}."));
                }
                d.push(
                    Diagnostic::new(
                        Code::SignatureDoesNotMatch,
                        Check::Signature,
                        match scheme {
                            Scheme::V1 => "Signature",
                            Scheme::Acs3 => "header Authorization",
                        },
                        detail,
                    )
                    .with_message(server_message(&out.signature)),
                );
            }
            Some(true) => {}
            None => d.push(Diagnostic::new(
                Code::SignatureNotVerified,
                Check::SignatureSkipped,
                "signature",
                match options.secrets {
                    Secrets::None => "No AccessKey secret was given (--access-key-secret or ALIBABA_CLOUD_ACCESS_KEY_SECRET), so the signature was not compared; everything else was checked.",
                    _ => "No secret is known for the request's AccessKeyId, so the signature was not compared; everything else was checked.",
                },
            )),
        }
    }

    // Nonce reuse.
    if let (Some(nonce), Some(used)) = (&nonce, options.nonces)
        && used.contains(nonce)
    {
        d.push(Diagnostic::new(
            Code::SignatureNonceUsed,
            Check::Nonce,
            match scheme {
                Scheme::V1 => "SignatureNonce",
                Scheme::Acs3 => "header x-acs-signature-nonce",
            },
            format!(
                "The nonce {nonce:?} was used by an earlier request; each request needs a new one."
            ),
        ));
    }
    out
}

/// ACS3 signs the query only, the first of a repeated name.
fn query_first(query: &[(String, String)]) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    query
        .iter()
        .filter(|(k, _)| seen.insert(k.clone()))
        .cloned()
        .collect()
}

/// The service's `SignatureDoesNotMatch` message, ending with the server's string-to-sign.
pub fn server_message(s: &SignatureReport) -> String {
    format!(
        "Specified signature is not matched with our calculation. server string to sign is:{}",
        s.string_to_sign.as_deref().unwrap_or("")
    )
}
