//! Request signatures: RPC v1 (HMAC-SHA1) exactly as aliyun-python-sdk-core builds it, and
//! ACS3-HMAC-SHA256 (v3) exactly as alibabacloud-tea-openapi builds it. Pure functions of their
//! inputs: the timestamp, nonce and credentials are arguments.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

use crate::encode;

/// The hex SHA-256 of an empty body.
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// `k=v` pairs sorted by raw key (code point order), both sides RPC-encoded, joined by `&`.
pub fn canonical_query(params: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    crate::sort_short_by(&mut sorted, |a, b| a.0 < b.0);
    let mut out = String::with_capacity(
        sorted
            .iter()
            .map(|(k, v)| k.len() + v.len() + 2)
            .sum::<usize>()
            * 2,
    );
    push_sorted_query(
        sorted.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        &mut out,
    );
    out
}

/// Appends `k=v` pairs already in canonical order, both sides RPC-encoded, joined by `&`.
fn push_sorted_query<'p>(params: impl IntoIterator<Item = (&'p str, &'p str)>, out: &mut String) {
    for (i, (k, v)) in params.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode::rpc_into(k, out);
        out.push('=');
        encode::rpc_into(v, out);
    }
}

/// The parts of an RPC v1 signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V1 {
    pub canonical_query: String,
    pub string_to_sign: String,
    pub signature: String,
    /// The canonical query with `Signature` appended: the URL's query string.
    pub query: String,
}

/// Signs `params` (every parameter that goes into the URL except `Signature`) with RPC v1.
pub fn v1(method: &str, params: &[(String, String)], access_key_secret: &str) -> V1 {
    let canonical = canonical_query(params);
    let string_to_sign = format!("{method}&%2F&{}", encode::rpc(&canonical));
    let signature = hmac_sha1_base64(&format!("{access_key_secret}&"), &string_to_sign);
    let query = format!("{canonical}&Signature={}", encode::rpc(&signature));
    V1 {
        canonical_query: canonical,
        string_to_sign,
        signature,
        query,
    }
}

/// Base64 of HMAC-SHA1(`key`, `message`): v1's signature with `key` = secret + `&`.
pub fn hmac_sha1_base64(key: &str, message: &str) -> String {
    // HMAC takes a key of any length, so `new_from_slice` cannot fail.
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(key.as_bytes()) else {
        return String::new();
    };
    mac.update(message.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// The parts of an ACS3-HMAC-SHA256 signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V3 {
    pub canonical_query: String,
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signed_headers: String,
    pub signature: String,
    pub authorization: String,
}

/// Signs a request with ACS3-HMAC-SHA256. `headers` are the headers to sign (any case); the
/// payload hash is the hex SHA-256 of the body.
pub fn v3(
    method: &str,
    query: &[(String, String)],
    headers: &[(String, String)],
    payload_hash: &str,
    access_key_id: &str,
    access_key_secret: &str,
) -> V3 {
    let canonical_query = canonical_query(query);
    let mut lowered: Vec<(String, String)> = headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    crate::sort_short_by(&mut lowered, |a, b| a < b);
    let canonical_headers: String = lowered.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    let signed_headers = lowered
        .iter()
        .map(|(k, _)| k.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let canonical_request = format!(
        "{method}\n/\n{canonical_query}\n{canonical_headers}\n{signed_headers}\n{payload_hash}"
    );
    let string_to_sign = v3_string_to_sign(&canonical_request);
    let signature = hmac_sha256_hex(access_key_secret, &string_to_sign);
    let authorization = format!(
        "ACS3-HMAC-SHA256 Credential={access_key_id},SignedHeaders={signed_headers},Signature={signature}"
    );
    V3 {
        canonical_query,
        canonical_request,
        string_to_sign,
        signed_headers,
        signature,
        authorization,
    }
}

/// ACS3's string-to-sign: the algorithm and the hex SHA-256 of the canonical request.
pub fn v3_string_to_sign(canonical_request: &str) -> String {
    format!(
        "ACS3-HMAC-SHA256\n{}",
        hex::encode(Sha256::digest(canonical_request.as_bytes()))
    )
}

/// Hex HMAC-SHA256(`secret`, `message`): ACS3's signature (the key is the secret, no `&`).
pub fn hmac_sha256_hex(secret: &str, message: &str) -> String {
    match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mut mac) => {
            mac.update(message.as_bytes());
            hex::encode(mac.finalize().into_bytes())
        }
        Err(_) => String::new(),
    }
}

/// The hex SHA-256 of a body.
pub fn sha256_hex(body: &[u8]) -> String {
    hex::encode(Sha256::digest(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    /// The published vector of the Alibaba Cloud RPC signature documentation.
    #[test]
    fn documented_rpc_vector() {
        let params = p(&[
            ("AccessKeyId", "testid"),
            ("Action", "DescribeRegions"),
            ("Format", "XML"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
            ("SignatureVersion", "1.0"),
            ("Timestamp", "2016-02-23T12:46:24Z"),
            ("Version", "2014-05-26"),
        ]);
        let s = v1("GET", &params, "testsecret");
        assert_eq!(s.signature, "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        assert_eq!(sha256_hex(b""), EMPTY_PAYLOAD_SHA256);
    }
}
