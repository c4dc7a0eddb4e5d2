//! Strings in double or single quotes, their escapes and `\u` surrogate pairs.

use std::borrow::Cow;

use super::{ParseError, Parser, describe_char};
use crate::diagnostic::{Fix, Span};

/// The bytes that end a run of ordinary characters in a string: a control character, a
/// backslash (both flags), or the quote (`"` has flag 1, `'` flag 2).
static STOPS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = 3;
        b += 1;
    }
    table[b'\\' as usize] = 3;
    table[b'"' as usize] = 1;
    table[b'\'' as usize] = 2;
    table
};

const fn stop_flag(quote: u8) -> u8 {
    if quote == b'"' { 1 } else { 2 }
}

impl<'a> Parser<'a> {
    /// Reads a string quoted with `q` (the current byte) and returns its decoded text: a slice
    /// of the source when the string has no escape, else a copy with the escapes decoded.
    pub(super) fn string(&mut self, q: u8) -> Result<Cow<'a, str>, Box<ParseError>> {
        if self.quote.is_none() {
            self.quote = Some(q);
        }
        let start = self.pos;
        self.pos += 1;
        let run_end = self.run_end(q);
        if self.peek_at(run_end) == Some(q) {
            self.pos = run_end + 1;
            return Ok(Cow::Borrowed(&self.src[start + 1..run_end]));
        }
        let mut out = String::new();
        loop {
            // Copy the run of ordinary characters in one go.
            let run_end = self.run_end(q);
            out.push_str(&self.src[self.pos..run_end]);
            self.pos = run_end;
            match self.peek() {
                None => {
                    let quote = q as char;
                    return Err(Box::new(ParseError::Syntax {
                        span: Span::new(start, self.bytes.len()),
                        expected: format!("a closing {}", describe_char(quote)),
                        found: "the end of the text".to_owned(),
                        fix: None,
                    }));
                }
                Some(b) if b == q => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => self.escape(q, &mut out)?,
                Some(b) => {
                    let escaped = match b {
                        b'\n' => "\\n".to_owned(),
                        b'\t' => "\\t".to_owned(),
                        b'\r' => "\\r".to_owned(),
                        _ => format!("\\u{b:04x}"),
                    };
                    let span = Span::new(self.pos, self.pos + 1);
                    return Err(Box::new(ParseError::Syntax {
                        span,
                        expected: "a character or an escape inside the string".to_owned(),
                        found: describe_char(b as char),
                        fix: Some(Fix::replace(
                            format!("Write it as {escaped}"),
                            span,
                            escaped,
                        )),
                    }));
                }
            }
        }
    }

    /// Where the run of ordinary characters from the current position ends: at the quote `q`, a
    /// backslash, a control character, or the end of the text.
    fn run_end(&self, q: u8) -> usize {
        let flag = stop_flag(q);
        self.bytes[self.pos..]
            .iter()
            .position(|&b| STOPS[usize::from(b)] & flag != 0)
            .map_or(self.bytes.len(), |n| self.pos + n)
    }

    fn peek_at(&self, pos: usize) -> Option<u8> {
        self.bytes.get(pos).copied()
    }

    pub(super) fn escape(&mut self, q: u8, out: &mut String) -> Result<(), Box<ParseError>> {
        let start = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'\'') if q == b'\'' => '\'',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4(start)?;
                let c = if (0xD800..0xDC00).contains(&hi)
                    && self.bytes[self.pos..].starts_with(b"\\u")
                {
                    let save = self.pos;
                    self.pos += 2;
                    let lo = self.hex4(save)?;
                    if (0xDC00..0xE000).contains(&lo) {
                        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                    } else {
                        // Not a pair: the high half stands alone; read the second escape again.
                        self.pos = save;
                        None
                    }
                } else {
                    char::from_u32(hi)
                };
                // A lone surrogate has no UTF-8 form: it becomes U+FFFD, as in most readers.
                out.push(c.unwrap_or('\u{FFFD}'));
                return Ok(());
            }
            _ => {
                let end = self
                    .char_at(self.pos)
                    .map_or(self.pos, |c| self.pos + c.len_utf8());
                let found = match self.char_at(self.pos) {
                    Some(c) => format!("\\{c}"),
                    None => "a lone backslash".to_owned(),
                };
                return Err(Box::new(ParseError::Syntax {
                    span: Span::new(start, end),
                    expected: "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX".to_owned(),
                    found,
                    fix: None,
                }));
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    pub(super) fn hex4(&mut self, escape_start: usize) -> Result<u32, Box<ParseError>> {
        let digits = self.bytes.get(self.pos..self.pos + 4);
        match digits {
            Some(d) if d.iter().all(u8::is_ascii_hexdigit) => {
                let mut v = 0u32;
                for &b in d {
                    v = v * 16 + (b as char).to_digit(16).unwrap_or(0);
                }
                self.pos += 4;
                Ok(v)
            }
            _ => {
                let end = (self.pos..self.bytes.len().min(self.pos + 4))
                    .take_while(|&i| self.bytes[i].is_ascii_hexdigit())
                    .last()
                    .map_or(self.pos, |i| i + 1);
                Err(Box::new(ParseError::Syntax {
                    span: Span::new(escape_start, end),
                    expected: "four hex digits after \\u".to_owned(),
                    found: format!("'{}'", &self.src[escape_start..end]),
                    fix: None,
                }))
            }
        }
    }
}
