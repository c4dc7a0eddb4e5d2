//! Writing JSON text directly into a `String`: string escaping as serde_json does it, and an
//! indented writer whose layout is serde_json's `to_string_pretty` (two spaces, `": "`), so the
//! response bodies are built in one buffer without serializer machinery or `core::fmt`.

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the control
/// characters (`\b \f \n \r \t` by name, the others as `\u00xx`); everything else as is.
pub fn push_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let bytes = s.as_bytes();
    let needs_escape = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    // Most texts have nothing to escape: find the first byte that needs it, if any.
    let Some(first) = bytes.iter().position(|&b| needs_escape(b)) else {
        out.push_str(s);
        out.push('"');
        return;
    };
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate().skip(first) {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        // Every byte escaped is ASCII, so `start..i` is on character boundaries.
        out.push_str(&s[start..i]);
        start = i + 1;
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// Appends an unsigned integer in decimal.
pub fn push_uint(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// Appends a line's indent: two spaces a level.
pub fn push_indent(out: &mut String, depth: usize) {
    const SPACES: &str = "                ";
    let mut n = 2 * depth;
    while n > 0 {
        let step = n.min(SPACES.len());
        out.push_str(&SPACES[..step]);
        n -= step;
    }
}

/// An indented JSON writer. Containers and members are written in order; the caller keeps them
/// balanced.
#[derive(Debug)]
pub struct Pretty {
    out: String,
    depth: usize,
    /// No member written yet in the innermost open container.
    empty: bool,
}

impl Pretty {
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            depth: 0,
            empty: true,
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        push_indent(&mut self.out, self.depth);
    }

    /// Starts a member (or array item, with no key): the separator, the indent and the key.
    fn member(&mut self, key: Option<&str>) {
        if self.depth > 0 {
            if !self.empty {
                self.out.push(',');
            }
            self.newline();
        }
        self.empty = false;
        if let Some(key) = key {
            // Keys are the API's field names: nothing in them needs escaping.
            debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric()));
            self.out.push('"');
            self.out.push_str(key);
            self.out.push_str("\": ");
        }
    }

    /// Opens an object (`{`) or array (`[`), as a member named `key` or an item.
    pub fn open(&mut self, key: Option<&str>, bracket: char) {
        self.member(key);
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    /// Closes the innermost container with `bracket` (`}` or `]`).
    pub fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// A member with a string value. `key` is a field name (letters and digits).
    pub fn string(&mut self, key: &str, value: &str) {
        self.member(Some(key));
        push_string(&mut self.out, value);
    }

    pub fn uint(&mut self, key: &str, value: u64) {
        self.member(Some(key));
        push_uint(&mut self.out, value);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json_does() {
        let all: String = (0u32..0x80)
            .filter_map(char::from_u32)
            .chain("é主😀\u{7f}\u{2028}".chars())
            .collect();
        for s in ["", "plain", "a\"b\\c", "\u{0}\u{1f}\t\n\r\u{8}\u{c}", &all] {
            let mut out = String::new();
            push_string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn layout_is_serde_jsons_pretty_layout() {
        let mut p = Pretty::with_capacity(0);
        p.open(None, '{');
        p.string("a", "x");
        p.open(Some("b"), '{');
        p.open(Some("c"), '[');
        p.open(None, '{');
        p.uint("d", 1);
        p.close('}');
        p.open(None, '{');
        p.close('}');
        p.close(']');
        p.open(Some("e"), '[');
        p.close(']');
        p.close('}');
        p.close('}');
        let want = serde_json::json!({"a": "x", "b": {"c": [{"d": 1}, {}], "e": []}});
        assert_eq!(p.finish(), serde_json::to_string_pretty(&want).unwrap());
    }
}
