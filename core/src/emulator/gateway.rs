//! The gateway, for the emulator: the check engine's [`crate::check::gateway`] (the same checks
//! `slb-msgroup check` runs: decoding, the common parameters, the version, the action, the
//! timestamp window, the AccessKeyId, the v1 or ACS3 signature, nonce reuse), turned into the
//! service's answer. One engine: nothing here decides a rule of its own but the path, since the
//! API answers on `/` only.

use std::collections::BTreeMap;

use super::http::HttpRequest;
use super::state::NonceLog;
use crate::check::{self, GatewayOptions, Secrets};
use crate::codes::Code;
use crate::response::Format;

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

impl Credentials {
    /// Reads `ID:SECRET` strings (the CLI's `--credential`, the npm emulator's `credentials`):
    /// none is [`Credentials::Any`]; a later repeat of an id wins. `Err` names the first string
    /// that is not two non-empty parts.
    pub fn from_pairs<S: AsRef<str>>(pairs: impl IntoIterator<Item = S>) -> Result<Self, String> {
        let mut known = BTreeMap::new();
        for pair in pairs {
            let pair = pair.as_ref();
            match pair.split_once(':') {
                Some((id, secret)) if !id.is_empty() && !secret.is_empty() => {
                    known.insert(id.to_owned(), secret.to_owned());
                }
                _ => return Err(format!("{pair:?}: expected ID:SECRET, both non-empty")),
            }
        }
        Ok(if known.is_empty() {
            Self::Any
        } else {
            Self::Known(known)
        })
    }
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

/// The gateway checks: the parameters of an admitted request, or the rejection. An admitted
/// request's nonce is remembered.
pub fn gateway_check(
    request: &HttpRequest,
    nonces: &mut NonceLog,
    now_unix: u64,
    credentials: &Credentials,
) -> Result<Admitted, Rejection> {
    let secrets = match credentials {
        Credentials::Any => Secrets::None,
        Credentials::Known(map) => Secrets::Map(map),
    };
    let outcome = check::gateway(
        request,
        &GatewayOptions {
            now: i64::try_from(now_unix).ok(),
            secrets,
            nonces: Some(nonces.seen()),
        },
    );
    let format = outcome
        .param("Format")
        .and_then(Format::parse)
        .unwrap_or_default();
    let action = outcome
        .param("Action")
        .or_else(|| request.header("x-acs-action"))
        .map(str::to_owned);
    if let Some(d) = outcome.diagnostics.iter().find(|d| d.is_error()) {
        return Err(Rejection {
            code: d.code.as_str(),
            message: d.message.clone(),
            status: d.http_status.unwrap_or(400),
            format,
            string_to_sign: (d.code == Code::SignatureDoesNotMatch)
                .then(|| outcome.signature.string_to_sign.clone())
                .flatten(),
            action,
        });
    }
    if request.path != "/" {
        return Err(Rejection {
            code: Code::InvalidActionNotFound.as_str(),
            message: Code::InvalidActionNotFound.info().message.to_owned(),
            status: Code::InvalidActionNotFound
                .info()
                .http_status
                .unwrap_or(404),
            format,
            string_to_sign: None,
            action,
        });
    }
    if let Some(nonce) = &outcome.nonce {
        nonces.insert(nonce, now_unix);
    }
    Ok(Admitted {
        action: action.unwrap_or_default(),
        params: outcome.params,
        format,
    })
}
