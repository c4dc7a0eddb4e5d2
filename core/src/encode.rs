//! Percent-encoding with the RPC rules: only `A-Z a-z 0-9 - _ . ~` stay literal; every other
//! UTF-8 byte becomes `%XX` with uppercase hex (space is `%20`, `*` is `%2A`).

/// The RFC 3986 unreserved characters: the bytes that stay literal.
const UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~');
        b += 1;
    }
    table
};

/// Percent-encodes `s` with the RPC rules.
pub fn rpc(s: &str) -> String {
    let mut out = String::new();
    rpc_into(s, &mut out);
    out
}

/// Appends `s`, percent-encoded with the RPC rules, to `out`, without `fmt` (a URL's worth of
/// values is the costliest part of building a request): runs of unreserved bytes are copied
/// whole, every other byte becomes `%XX`.
pub fn rpc_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..]
            .iter()
            .position(|&b| !UNRESERVED[usize::from(b)])
            .unwrap_or(bytes.len() - at);
        // A run is unreserved ASCII, so it starts and ends on character boundaries (the bytes
        // of a multi-byte character are all encoded).
        if run > 0 {
            out.push_str(&s[at..at + run]);
            at += run;
        }
        if let Some(&b) = bytes.get(at) {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
            at += 1;
        }
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
