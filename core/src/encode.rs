//! Percent-encoding with the RPC rules: only `A-Z a-z 0-9 - _ . ~` stay literal; every other
//! UTF-8 byte becomes `%XX` with uppercase hex (space is `%20`, `*` is `%2A`).

/// The RFC 3986 unreserved characters: the bytes that stay literal.
const fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// Percent-encodes `s` with the RPC rules.
pub fn rpc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    rpc_into(s, &mut out);
    out
}

/// Appends `s`, percent-encoded with the RPC rules, to `out`: runs of literal text are copied
/// whole and each other byte becomes its `%XX` triple, without `fmt` (a URL's worth of values is
/// the costliest part of building a request).
pub fn rpc_into(s: &str, out: &mut String) {
    let mut literal = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !unreserved(b) {
            // A run copied is unreserved ASCII only, so both its ends are character boundaries
            // (the bytes of a multi-byte character are encoded one after the other).
            if literal < i {
                out.push_str(&s[literal..i]);
            }
            out.push_str(percent_encoding::percent_encode_byte(b));
            literal = i + 1;
        }
    }
    out.push_str(&s[literal..]);
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
