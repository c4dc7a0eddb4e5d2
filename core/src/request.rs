//! Turns a request into something a user can send: the URL (unsigned, or signed with RPC v1 or
//! ACS3-HMAC-SHA256), the headers, and every intermediate string of the signature so users who
//! meet `SignatureDoesNotMatch` can compare them with what the service echoes.

use serde::{Deserialize, Serialize};

use crate::endpoint;
use crate::model::{ACTION, API_VERSION, Request};
use crate::response::Format;
use crate::sign;

#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SignatureVersion {
    /// No credentials: the plain URL.
    None,
    /// RPC signature v1, HMAC-SHA1 (what the classic SDKs send).
    V1,
    /// ACS3-HMAC-SHA256 (what the current SDKs send by default).
    V3,
}

impl SignatureVersion {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "none" => Some(Self::None),
            "v1" => Some(Self::V1),
            "v3" => Some(Self::V3),
            _ => None,
        }
    }
}

#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    #[serde(rename = "GET")]
    Get,
    #[serde(rename = "POST")]
    Post,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "GET" => Some(Self::Get),
            "POST" => Some(Self::Post),
            _ => None,
        }
    }
}

#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    #[default]
    Https,
    Http,
}

impl Protocol {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Https => "https",
            Self::Http => "http",
        }
    }
}

/// An AccessKey pair. The secret only ever goes into the HMAC.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub access_key_id: String,
    pub access_key_secret: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .finish()
    }
}

/// How to build the request.
#[derive(Debug, Clone, Default)]
pub struct RequestOptions {
    /// `None`: v1 when there are credentials, else unsigned.
    pub signature: Option<SignatureVersion>,
    /// `None`: GET, or POST for v3 (which is POST only).
    pub method: Option<Method>,
    pub format: Format,
    pub protocol: Protocol,
    /// A host (and optional port) that overrides the region's endpoint.
    pub endpoint: Option<String>,
    pub credentials: Option<Credentials>,
    /// `YYYY-MM-DDThh:mm:ssZ`, UTC. Required when signing.
    pub timestamp: String,
    /// Unique per request. Required when signing.
    pub nonce: String,
}

/// A request ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltRequest {
    pub method: Method,
    pub url: String,
    pub host: String,
    /// The headers to send (v3: the signed ones and `Authorization`).
    pub headers: Vec<(String, String)>,
    /// The sorted, encoded query that is signed (v1), or the canonical query string (v3).
    pub canonical_query: Option<String>,
    /// v3 only: the canonical request that is hashed.
    pub canonical_request: Option<String>,
    pub string_to_sign: Option<String>,
    pub signature: Option<String>,
    pub signed: bool,
}

/// A misuse of the request builder (bad input data is never an error here: it is diagnostics).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    BadTimestamp(String),
    MissingCredentials(SignatureVersion),
    EmptyNonce,
    V3NeedsPost,
    /// No host can be made from the RegionId or the endpoint option.
    Host(endpoint::HostError),
    /// A parameter is over its size limit: the service refuses it, so nothing is built.
    TooLarge {
        name: &'static str,
        bytes: usize,
    },
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadTimestamp(t) => write!(
                f,
                "timestamp {t:?} is not in the form YYYY-MM-DDThh:mm:ssZ (UTC), like 2026-11-22T08:00:00Z"
            ),
            Self::MissingCredentials(v) => write!(
                f,
                "signature version {} needs accessKeyId and accessKeySecret",
                match v {
                    SignatureVersion::V3 => "v3",
                    _ => "v1",
                }
            ),
            Self::EmptyNonce => write!(f, "a signed request needs a nonce"),
            Self::V3NeedsPost => write!(f, "ACS3-HMAC-SHA256 (v3) requests are sent with POST"),
            Self::Host(e) => e.fmt(f),
            Self::TooLarge { name, bytes } => write!(
                f,
                "{name} is {bytes} bytes long, over the {} bytes the service reads, so no request is built",
                crate::rules::MAX_PARAMETER_BYTES
            ),
        }
    }
}

impl std::error::Error for RequestError {}

/// Checks `YYYY-MM-DDThh:mm:ssZ` with plausible field ranges.
pub fn is_timestamp(t: &str) -> bool {
    let b = t.as_bytes();
    if b.len() != 20 {
        return false;
    }
    let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
    let seps = [
        (4, b'-'),
        (7, b'-'),
        (10, b'T'),
        (13, b':'),
        (16, b':'),
        (19, b'Z'),
    ];
    if !digits.iter().all(|&i| b[i].is_ascii_digit()) || !seps.iter().all(|&(i, c)| b[i] == c) {
        return false;
    }
    let n = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    (1..=12).contains(&n(5)) && (1..=31).contains(&n(8)) && n(11) < 24 && n(14) < 60 && n(17) < 61
}

/// The request's own parameters, as the SDKs add them: only those that are set and not empty.
pub fn api_params(request: &Request) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |k: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push((k.to_owned(), v));
        }
    };
    add("LoadBalancerId", request.load_balancer_id.clone());
    add(
        "MasterSlaveBackendServers",
        request
            .master_slave_backend_servers
            .as_ref()
            .map(|l| l.raw().into_owned()),
    );
    add(
        "MasterSlaveServerGroupName",
        request.master_slave_server_group_name.clone(),
    );
    add("RegionId", request.region_id.clone());
    out
}

/// The request's own parameters, as the API names them.
pub const PARAMETER_NAMES: [&str; 4] = [
    "RegionId",
    "LoadBalancerId",
    "MasterSlaveBackendServers",
    "MasterSlaveServerGroupName",
];

/// Refuses a request with a parameter over its size limit before anything is encoded.
pub fn check_sizes(request: &Request) -> Result<(), RequestError> {
    let list_bytes = request
        .master_slave_backend_servers
        .as_ref()
        .map_or(0, crate::model::ServerList::raw_len);
    let sizes = [
        (
            "RegionId",
            request.region_id.as_ref().map_or(0, String::len),
        ),
        (
            "LoadBalancerId",
            request.load_balancer_id.as_ref().map_or(0, String::len),
        ),
        ("MasterSlaveBackendServers", list_bytes),
        (
            "MasterSlaveServerGroupName",
            request
                .master_slave_server_group_name
                .as_ref()
                .map_or(0, String::len),
        ),
    ];
    match sizes
        .into_iter()
        .find(|(_, bytes)| *bytes > crate::rules::MAX_PARAMETER_BYTES)
    {
        Some((name, bytes)) => Err(RequestError::TooLarge { name, bytes }),
        None => Ok(()),
    }
}

fn host(request: &Request, options: &RequestOptions) -> Result<String, RequestError> {
    endpoint::resolve(request.region_id.as_deref(), options.endpoint.as_deref())
        .map_err(RequestError::Host)
}

/// Builds the request URL (and, when signing, the signature and its intermediate strings).
pub fn build(request: &Request, options: &RequestOptions) -> Result<BuiltRequest, RequestError> {
    let version = options
        .signature
        .unwrap_or(if options.credentials.is_some() {
            SignatureVersion::V1
        } else {
            SignatureVersion::None
        });
    check_sizes(request)?;
    let host = host(request, options)?;
    let base = [options.protocol.as_str(), "://", &host, "/"].concat();

    match version {
        SignatureVersion::None => {
            // The parameters borrowed from the request, already in canonical (sorted) order, and
            // written straight into the URL.
            let list = request
                .master_slave_backend_servers
                .as_ref()
                .map(crate::model::ServerList::raw);
            let sorted = [
                ("Action", Some(ACTION)),
                ("Format", Some(options.format.as_str())),
                ("LoadBalancerId", request.load_balancer_id.as_deref()),
                ("MasterSlaveBackendServers", list.as_deref()),
                (
                    "MasterSlaveServerGroupName",
                    request.master_slave_server_group_name.as_deref(),
                ),
                ("RegionId", request.region_id.as_deref()),
                ("Version", Some(API_VERSION)),
            ];
            let given = sorted
                .iter()
                .filter_map(|&(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k, v)));
            let mut url = String::with_capacity(
                base.len()
                    + 1
                    + given
                        .clone()
                        .map(|(k, v)| k.len() + 3 * v.len() + 2)
                        .sum::<usize>(),
            );
            url.push_str(&base);
            url.push('?');
            for (i, (k, v)) in given.enumerate() {
                // The names are the API's: letters only, nothing to encode.
                debug_assert_eq!(crate::encode::rpc(k), k);
                if i > 0 {
                    url.push('&');
                }
                url.push_str(k);
                url.push('=');
                crate::encode::rpc_into(v, &mut url);
            }
            Ok(BuiltRequest {
                method: options.method.unwrap_or(Method::Get),
                url,
                host,
                headers: Vec::new(),
                canonical_query: None,
                canonical_request: None,
                string_to_sign: None,
                signature: None,
                signed: false,
            })
        }
        SignatureVersion::V1 => {
            let credentials = signing_inputs(options, version)?;
            let method = options.method.unwrap_or(Method::Get);
            let mut params = api_params(request);
            params.extend([
                ("AccessKeyId".into(), credentials.access_key_id.clone()),
                ("Action".into(), ACTION.into()),
                ("Format".into(), options.format.as_str().into()),
                ("SignatureMethod".into(), "HMAC-SHA1".into()),
                ("SignatureNonce".into(), options.nonce.clone()),
                ("SignatureVersion".into(), "1.0".into()),
                ("Timestamp".into(), options.timestamp.clone()),
                ("Version".into(), API_VERSION.into()),
            ]);
            let s = sign::v1(method.as_str(), &params, &credentials.access_key_secret);
            Ok(BuiltRequest {
                method,
                url: format!("{base}?{}", s.query),
                host,
                headers: Vec::new(),
                canonical_query: Some(s.canonical_query),
                canonical_request: None,
                string_to_sign: Some(s.string_to_sign),
                signature: Some(s.signature),
                signed: true,
            })
        }
        SignatureVersion::V3 => {
            let credentials = signing_inputs(options, version)?;
            if options.method == Some(Method::Get) {
                return Err(RequestError::V3NeedsPost);
            }
            let headers: Vec<(String, String)> = vec![
                ("host".into(), host.clone()),
                ("x-acs-action".into(), ACTION.into()),
                (
                    "x-acs-content-sha256".into(),
                    sign::EMPTY_PAYLOAD_SHA256.into(),
                ),
                ("x-acs-date".into(), options.timestamp.clone()),
                ("x-acs-signature-nonce".into(), options.nonce.clone()),
                ("x-acs-version".into(), API_VERSION.into()),
            ];
            let s = sign::v3(
                "POST",
                &api_params(request),
                &headers,
                sign::EMPTY_PAYLOAD_SHA256,
                &credentials.access_key_id,
                &credentials.access_key_secret,
            );
            let mut headers = headers;
            headers.push(("Authorization".into(), s.authorization));
            let url = if s.canonical_query.is_empty() {
                base
            } else {
                format!("{base}?{}", s.canonical_query)
            };
            Ok(BuiltRequest {
                method: Method::Post,
                url,
                host,
                headers,
                canonical_query: Some(s.canonical_query),
                canonical_request: Some(s.canonical_request),
                string_to_sign: Some(s.string_to_sign),
                signature: Some(s.signature),
                signed: true,
            })
        }
    }
}

fn signing_inputs(
    options: &RequestOptions,
    version: SignatureVersion,
) -> Result<&Credentials, RequestError> {
    let credentials = options
        .credentials
        .as_ref()
        .filter(|c| !c.access_key_id.is_empty() && !c.access_key_secret.is_empty())
        .ok_or(RequestError::MissingCredentials(version))?;
    if !is_timestamp(&options.timestamp) {
        return Err(RequestError::BadTimestamp(options.timestamp.clone()));
    }
    if options.nonce.is_empty() {
        return Err(RequestError::EmptyNonce);
    }
    Ok(credentials)
}
