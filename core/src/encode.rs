//! Percent-encoding with the RPC rules: only `A-Z a-z 0-9 - _ . ~` stay literal; every other
//! UTF-8 byte becomes `%XX` with uppercase hex (space is `%20`, `*` is `%2A`).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but the RFC 3986 unreserved characters.
const RPC: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes `s` with the RPC rules.
pub fn rpc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    rpc_into(s, &mut out);
    out
}

/// Appends `s`, percent-encoded with the RPC rules, to `out`: the encoder's runs of literal text
/// and `%XX` triples are pushed as they come, without `fmt` (a URL's worth of values is the
/// costliest part of building a request).
pub fn rpc_into(s: &str, out: &mut String) {
    for chunk in utf8_percent_encode(s, RPC) {
        out.push_str(chunk);
    }
}

#[cfg(test)]
mod tests {
    use super::rpc;

    #[test]
    fn edge_cases() {
        assert_eq!(
            rpc("a b*c~d/e+f=g%h'i\"j"),
            "a%20b%2Ac~d%2Fe%2Bf%3Dg%25h%27i%22j"
        );
        assert_eq!(rpc("主备😀"), "%E4%B8%BB%E5%A4%87%F0%9F%98%80");
        assert_eq!(rpc("\u{FFFD}"), "%EF%BF%BD");
        assert_eq!(rpc("AZaz09-_.~"), "AZaz09-_.~");
    }
}
