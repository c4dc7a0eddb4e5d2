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
/// values is the costliest part of building a request): the text is encoded in chunks into a
/// buffer on the stack, and each chunk, ASCII only, is appended at once.
pub fn rpc_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    const CHUNK: usize = 64;
    let mut buf = [0u8; 3 * CHUNK];
    for chunk in s.as_bytes().chunks(CHUNK) {
        let mut n = 0;
        for &b in chunk {
            if UNRESERVED[usize::from(b)] {
                buf[n] = b;
                n += 1;
            } else {
                buf[n] = b'%';
                buf[n + 1] = HEX[usize::from(b >> 4)];
                buf[n + 2] = HEX[usize::from(b & 0xF)];
                n += 3;
            }
        }
        // Unreserved bytes and `%XX` triples are ASCII: always UTF-8.
        if let Ok(encoded) = std::str::from_utf8(&buf[..n]) {
            out.push_str(encoded);
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
