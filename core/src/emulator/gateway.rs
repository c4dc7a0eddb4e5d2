//! The seam to the gateway checks (issue 11's check engine): everything the service's gateway
//! decides before the API's own rules. The handler calls [`gateway_check`] and nothing else for
//! it; at the merge with the check engine, this function's body becomes a call to the engine's
//! `gateway(...)` and a conversion of its verdict, and [`VERIFIES_SIGNATURES`] becomes `true`.
//!
//! Until then it does the part every request needs: it reads the parameters (query, and an
//! `application/x-www-form-urlencoded` body), refuses malformed percent-encoding and non-UTF-8,
//! and routes by path and action. It does not check the version, the timestamp, the access key,
//! the signature or the nonce: every request is taken as if sent without `--credential`.

use std::collections::BTreeMap;

use super::http::HttpRequest;
use super::state::NonceLog;
use crate::model::ACTION;
use crate::response::Format;

/// Whether [`gateway_check`] verifies access keys, signatures, timestamps and nonces. The
/// emulator says so on startup and in `/_emulator/health`, and the client tests assert the
/// gateway scenarios when it is `true`.
pub const VERIFIES_SIGNATURES: bool = false;

/// How long a timestamp stays valid, and so how long nonces are remembered (seconds).
pub const TIME_WINDOW_SECONDS: u64 = 15 * 60;

/// The access keys the emulator knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Credentials {
    /// No `--credential`: any AccessKeyId is accepted and signatures are not verified.
    #[default]
    Any,
    /// Only these AccessKeyIds, with their secrets; every signature is verified.
    Known(BTreeMap<String, String>),
}

/// A request the gateway lets through to the API's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admitted {
    /// Every parameter, decoded (query first, then the form body), in arrival order; the first
    /// of a repeated name counts.
    pub params: Vec<(String, String)>,
    pub format: Format,
    /// The action the request names (the `Action` parameter or the `x-acs-action` header).
    pub action: String,
}

/// A request the gateway refuses: the service's code, message and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub code: &'static str,
    pub message: String,
    pub status: u16,
    /// The body format the request asked for, as far as it could be read.
    pub format: Format,
    /// On `SignatureDoesNotMatch`: the server's string-to-sign (also in the message, where the
    /// SDKs look for it), for the log.
    pub string_to_sign: Option<String>,
    /// The action, when the request named one (for the log).
    pub action: Option<String>,
}

/// The gateway checks: the parameters of an admitted request, or the rejection.
pub fn gateway_check(
    request: &HttpRequest,
    nonces: &mut NonceLog,
    now_unix: u64,
    credentials: &Credentials,
) -> Result<Admitted, Rejection> {
    // Verification state the check engine will use; read here so the signature is final.
    let _ = (nonces, now_unix, credentials);
    let mut params = Vec::new();
    let malformed = |format| Rejection {
        code: "RequestParameterMalformed",
        message: "Request parameters has malformed encoded characters.".into(),
        status: 400,
        format,
        string_to_sign: None,
        action: None,
    };
    let query = decode_pairs(&request.query);
    let form = if request.media_type().as_deref() == Some("application/x-www-form-urlencoded") {
        match std::str::from_utf8(&request.body) {
            Ok(body) => decode_pairs(body),
            Err(_) => None,
        }
    } else {
        Some(Vec::new())
    };
    let (Some(query), Some(form)) = (query, form) else {
        let format = format_of(&decode_lossy(&request.query));
        return Err(malformed(format));
    };
    params.extend(query);
    params.extend(form);
    let format = format_of(&params);
    let action = param(&params, "Action")
        .or_else(|| request.header("x-acs-action"))
        .map(str::to_owned);
    let reject = |code, message: &str, status| Rejection {
        code,
        message: message.to_owned(),
        status,
        format,
        string_to_sign: None,
        action: action.clone(),
    };
    if request.path != "/" {
        return Err(reject(
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
            404,
        ));
    }
    match action.as_deref() {
        None | Some("") => Err(reject(
            "MissingParameter",
            "The input parameter \u{201c}Action\u{201d} that is mandatory for processing this request is not supplied.",
            400,
        )),
        Some(a) if a == ACTION => Ok(Admitted {
            params,
            format,
            action: a.to_owned(),
        }),
        Some(_) => Err(reject(
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
            404,
        )),
    }
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn format_of(params: &[(String, String)]) -> Format {
    param(params, "Format")
        .and_then(Format::parse)
        .unwrap_or_default()
}

/// `k=v&…` with `+` as a space; `None` on a malformed `%` escape or bytes that are not UTF-8.
fn decode_pairs(s: &str) -> Option<Vec<(String, String)>> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

/// The pairs that decode, for choosing the format of the rejection of those that do not.
fn decode_lossy(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode("a+b%20c%2A~").as_deref(), Some("a b c*~"));
        assert_eq!(decode("%E4%B8%BB").as_deref(), Some("主"));
        assert_eq!(decode("%"), None);
        assert_eq!(decode("%4"), None);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%+1"), None);
        assert_eq!(decode("%FF"), None);
        assert_eq!(
            decode_pairs("a=1&&b&c=%3D").unwrap_or_default(),
            vec![
                ("a".to_owned(), "1".to_owned()),
                ("b".to_owned(), String::new()),
                ("c".to_owned(), "=".to_owned())
            ]
        );
    }
}
