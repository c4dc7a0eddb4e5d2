//! The URL fragment (`#v1.…`): what a share link holds of the state, secrets excluded.

use super::*;

/// Why a fragment was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FragmentError {
    /// No `vN.` prefix: not one of our links.
    NotVersioned,
    /// A version this build does not know (a newer page made it).
    UnknownVersion(String),
    /// A value is not valid percent-encoded UTF-8.
    BadEncoding(String),
}

impl std::fmt::Display for FragmentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotVersioned => write!(f, "the link holds no playground state"),
            Self::UnknownVersion(v) => write!(
                f,
                "the link was made by a newer playground (state version {v}); showing the default example"
            ),
            Self::BadEncoding(key) => write!(f, "the link's value for {key:?} is damaged"),
        }
    }
}

// v1 keys. Never reuse or rename one: links in the wild carry them.
pub(super) const K_REGION: &str = "r";
pub(super) const K_LB: &str = "lb";
pub(super) const K_NAME: &str = "n";
pub(super) const K_SERVERS: &str = "s";
pub(super) const K_FORMAT: &str = "f";
pub(super) const K_SHAPE: &str = "sh";
pub(super) const K_SIGNATURE: &str = "sig";
pub(super) const K_METHOD: &str = "m";
pub(super) const K_TIMESTAMP: &str = "ts";
pub(super) const K_NONCE: &str = "nonce";

/// The state as a URL fragment (without `#`): `v1.` then `key=value` pairs joined by `&`, values
/// percent-encoded, defaults left out. The AccessKey pair is never written.
pub fn to_fragment(state: &State) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let text = [
        (K_REGION, &state.region_id),
        (K_LB, &state.load_balancer_id),
        (K_NAME, &state.group_name),
        (K_SERVERS, &state.servers),
    ];
    for (key, value) in text {
        if !value.is_empty() {
            pairs.push((key, value));
        }
    }
    if state.format == Format::Xml {
        pairs.push((K_FORMAT, "xml"));
    }
    if state.shape == Shape::Documented {
        pairs.push((K_SHAPE, "documented"));
    }
    if let Some(sig) = state.signature {
        pairs.push((
            K_SIGNATURE,
            match sig {
                SignatureVersion::None => "none",
                SignatureVersion::V1 => "v1",
                SignatureVersion::V3 => "v3",
            },
        ));
    }
    if let Some(method) = state.method {
        pairs.push((
            K_METHOD,
            match method {
                Method::Get => "get",
                Method::Post => "post",
            },
        ));
    }
    if let Some(ts) = &state.timestamp {
        pairs.push((K_TIMESTAMP, ts));
    }
    if let Some(nonce) = &state.nonce {
        pairs.push((K_NONCE, nonce));
    }
    let mut out = format!("{FRAGMENT_VERSION}.");
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        encode_into(value, &mut out);
    }
    out
}

/// Reads a fragment (with or without the leading `#`). Unknown keys are ignored, so a link made
/// by a newer v1 page still opens; secrets are never read from it.
pub fn from_fragment(fragment: &str) -> Result<State, FragmentError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (version, body) = fragment
        .split_once('.')
        .filter(|(v, _)| {
            v.len() > 1 && v.starts_with('v') && v[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .ok_or(FragmentError::NotVersioned)?;
    match version {
        "v1" => decode_v1(body),
        other => Err(FragmentError::UnknownVersion(other.to_owned())),
    }
}

pub(super) fn decode_v1(body: &str) -> Result<State, FragmentError> {
    let mut state = State::default();
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(raw).ok_or_else(|| FragmentError::BadEncoding(key.to_owned()))?;
        match key {
            K_REGION => state.region_id = value,
            K_LB => state.load_balancer_id = value,
            K_NAME => state.group_name = value,
            K_SERVERS => state.servers = value,
            K_FORMAT => state.format = Format::parse(&value).unwrap_or_default(),
            K_SHAPE => state.shape = Shape::parse(&value).unwrap_or_default(),
            K_SIGNATURE => state.signature = SignatureVersion::parse(&value),
            K_METHOD => state.method = Method::parse(&value),
            K_TIMESTAMP => state.timestamp = Some(value),
            K_NONCE => state.nonce = Some(value),
            _ => {}
        }
    }
    Ok(state)
}

/// Bytes left as they are in a fragment value: unreserved characters and the sub-delimiters that
/// are not our separators. `'`, `,` and `:` stay literal so the single-quoted server list reads.
pub(super) const fn is_literal(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b','
                | b';'
                | b':'
                | b'@'
                | b'/'
                | b'?'
        )
}

/// [`is_literal`] for every byte, looked up once per byte of a long server list.
pub(super) const LITERAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_literal(b as u8);
        b += 1;
    }
    table
};

pub(super) fn encode_into(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.reserve(value.len() + value.len() / 4);
    for &b in value.as_bytes() {
        if LITERAL[usize::from(b)] {
            bytes.push(b);
        } else {
            bytes.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
        }
    }
    // Only ASCII was added to what was already a string.
    *out = String::from_utf8(bytes).unwrap_or_default();
}

pub(super) fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = value.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
