//! Recomputes the signature from what arrived, as the service does, with the canonicalization of
//! `sign.rs`: v1 over every parameter but `Signature` (blank ones included, values decoded then
//! re-encoded per RFC 3986); ACS3 over the headers the request's `SignedHeaders` lists.
//! When the secret is known and the signatures differ, a few usual client mistakes are tried
//! (the other method, the parameters signed as they were encoded on the wire, blank parameters
//! left out, the v1 key without its `&`): one that reproduces the client's signature names the
//! cause exactly.

use serde::Serialize;

use super::diff::{self, FirstDifference};
use crate::sign;

/// The signature scheme a request uses.
#[cfg_attr(feature = "wasm-check", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// RPC v1, HMAC-SHA1: the `Signature` parameter.
    V1,
    /// ACS3-HMAC-SHA256: the `Authorization` header.
    Acs3,
}

/// Each step of the signature check. The secret is never part of it.
#[cfg_attr(feature = "wasm-check", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignatureReport {
    pub scheme: Option<Scheme>,
    /// `true` or `false` when the secret was known; `null` when the signature was not verified.
    pub verified: Option<bool>,
    pub access_key_id: Option<String>,
    /// ACS3: the headers the request says it signed.
    pub signed_headers: Option<Vec<String>>,
    pub canonical_query: Option<String>,
    /// ACS3: the canonical request that is hashed.
    pub canonical_request: Option<String>,
    /// The server's string-to-sign.
    pub string_to_sign: Option<String>,
    /// The signature the server computes (only with the secret).
    pub expected: Option<String>,
    /// The signature the request carries.
    pub given: Option<String>,
    /// The client's string-to-sign (ACS3: or canonical request), when the user gave it or one
    /// of the usual mistakes reproduces the client's signature.
    pub client_string_to_sign: Option<String>,
    /// The string-to-sign the service's `SignatureDoesNotMatch` message ends with, when the user
    /// pasted that message.
    pub service_string_to_sign: Option<String>,
    /// Where the client's string first differs from the server's.
    pub first_difference: Option<FirstDifference>,
    /// Why the client's signature differs, when one of the usual mistakes reproduces it.
    pub cause: Option<String>,
}

/// ACS3's `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    pub credential: String,
    pub signed_headers: Vec<String>,
    pub signature: String,
}

/// Reads an ACS3 `Authorization` header; `None` when it is not well formed.
pub fn parse_authorization(value: &str) -> Option<Authorization> {
    let rest = value.trim().strip_prefix("ACS3-HMAC-SHA256")?;
    if !rest.starts_with(' ') {
        return None;
    }
    let (mut credential, mut signed, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (k, v) = part.trim().split_once('=')?;
        match k.trim() {
            "Credential" => credential = Some(v.trim().to_owned()),
            "SignedHeaders" => signed = Some(v.trim().to_owned()),
            "Signature" => signature = Some(v.trim().to_owned()),
            _ => {}
        }
    }
    let signed_headers: Vec<String> = signed?
        .split(';')
        .filter(|h| !h.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let (credential, signature) = (credential?, signature?);
    (!credential.is_empty() && !signature.is_empty() && !signed_headers.is_empty()).then_some(
        Authorization {
            credential,
            signed_headers,
            signature,
        },
    )
}

/// The v1 check. `params` are the decoded parameters but `Signature`; `raw` the same pairs as
/// they were encoded on the wire.
pub fn v1(
    method: &str,
    params: &[(String, String)],
    raw: &[(String, String)],
    secret: Option<&str>,
    given: &str,
    report: &mut SignatureReport,
) {
    let s = sign::v1(method, params, secret.unwrap_or(""));
    report.canonical_query = Some(s.canonical_query.clone());
    report.string_to_sign = Some(s.string_to_sign.clone());
    report.given = Some(given.to_owned());
    let Some(secret) = secret else { return };
    report.expected = Some(s.signature.clone());
    let ok = s.signature == given;
    report.verified = Some(ok);
    if ok {
        return;
    }
    let key = format!("{secret}&");
    let sts = |m: &str, canonical: &str| format!("{m}&%2F&{}", crate::encode::rpc(canonical));
    let other = if method == "GET" { "POST" } else { "GET" };
    let mut raw_sorted: Vec<&(String, String)> = raw.iter().collect();
    raw_sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let as_sent: String = raw_sorted
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let non_blank: Vec<(String, String)> = params
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .cloned()
        .collect();
    let candidates: [(String, String, &str); 4] = [
        (
            sts(other, &s.canonical_query),
            key.clone(),
            "the client signed with another method than the one the request was sent with",
        ),
        (
            sts(method, &as_sent),
            key.clone(),
            "the client signed the parameters as it encoded them on the wire, not re-encoded per RFC 3986",
        ),
        (
            sign::v1(method, &non_blank, secret).string_to_sign,
            key,
            "the client left the blank parameters (such as SignatureType=) out of what it signed",
        ),
        (
            s.string_to_sign.clone(),
            secret.to_owned(),
            "the client's HMAC key is the secret alone; v1's key is the secret followed by &",
        ),
    ];
    for (candidate, k, why) in candidates {
        if sign::hmac_sha1_base64(&k, &candidate) == given {
            report.cause = Some(why.to_owned());
            if candidate != s.string_to_sign && report.first_difference.is_none() {
                report.client_string_to_sign = Some(candidate.clone());
                report.first_difference = diff::first_difference(&s.string_to_sign, &candidate);
            }
            return;
        }
    }
}

/// What the ACS3 check needs from the request.
#[derive(Debug)]
pub struct Acs3Input<'a> {
    pub method: &'a str,
    pub query: &'a [(String, String)],
    /// The raw query as it arrived, for the "signed as sent" candidate.
    pub raw_query: &'a [(String, String)],
    /// Each signed header's name and value (missing ones empty).
    pub headers: Vec<(String, String)>,
    pub payload_hash: &'a str,
    pub authorization: &'a Authorization,
}

/// The ACS3 check.
pub fn acs3(input: &Acs3Input<'_>, secret: Option<&str>, report: &mut SignatureReport) {
    let auth = input.authorization;
    let s = sign::v3(
        input.method,
        input.query,
        &input.headers,
        input.payload_hash,
        &auth.credential,
        secret.unwrap_or(""),
    );
    report.signed_headers = Some(auth.signed_headers.clone());
    report.canonical_query = Some(s.canonical_query.clone());
    report.canonical_request = Some(s.canonical_request.clone());
    report.string_to_sign = Some(s.string_to_sign.clone());
    report.given = Some(auth.signature.clone());
    let Some(secret) = secret else { return };
    report.expected = Some(s.signature.clone());
    let ok = s.signature.eq_ignore_ascii_case(&auth.signature);
    report.verified = Some(ok);
    if ok {
        return;
    }
    let other = if input.method == "GET" { "POST" } else { "GET" };
    let mut lines: Vec<String> = s.canonical_request.split('\n').map(str::to_owned).collect();
    let mut candidates = Vec::new();
    if let Some(first) = lines.first_mut() {
        *first = other.to_owned();
        candidates.push((
            lines.join("\n"),
            "the client signed with another method than the one the request was sent with",
        ));
    }
    let mut raw_sorted: Vec<&(String, String)> = input.raw_query.iter().collect();
    raw_sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let as_sent = raw_sorted
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");
    let mut lines: Vec<String> = s.canonical_request.split('\n').map(str::to_owned).collect();
    if lines.len() > 2 {
        lines[2] = as_sent;
        candidates.push((
            lines.join("\n"),
            "the client signed the query as it encoded it on the wire, not re-encoded per RFC 3986",
        ));
    }
    for (canonical, why) in candidates {
        if sign::hmac_sha256_hex(secret, &sign::v3_string_to_sign(&canonical))
            .eq_ignore_ascii_case(&auth.signature)
        {
            report.cause = Some(why.to_owned());
            if report.first_difference.is_none() {
                report.first_difference = diff::first_difference(&s.canonical_request, &canonical);
                report.client_string_to_sign = Some(canonical);
            }
            return;
        }
    }
}
