//! A JSON reader that keeps a byte span for every value and key, and reads the service's lenient
//! dialect: strings in double **or single** quotes. Everything else is strict RFC 8259: no
//! comments, no trailing commas, no bare words, no leading zeros.
//!
//! It never panics, runs in linear time and stops at the first syntax error, which it describes
//! (what was expected, what was found, where) with a fix when one is obvious.

use crate::diagnostic::{Fix, Span};

/// The deepest nesting accepted (the list itself is depth 1).
pub const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's source text, as written (always valid JSON number syntax).
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

impl Value {
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a boolean",
            Self::Number(_) => "a number",
            Self::String(_) => "a string",
            Self::Array(_) => "an array",
            Self::Object(_) => "an object",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

/// Why the text is not a list the service can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Syntax {
        span: Span,
        expected: String,
        found: String,
        fix: Option<Fix>,
    },
    TooDeep {
        span: Span,
    },
}

/// Parses one JSON document. `raw` must not be empty (the caller decides what empty means).
pub fn parse(raw: &str) -> Result<Node, ParseError> {
    parse_nested(raw, MAX_DEPTH)
}

/// [`parse`] with another bound on nesting (the npm boundary reads whole requests, whose server
/// list sits one level down).
pub fn parse_nested(raw: &str, max_depth: usize) -> Result<Node, ParseError> {
    let mut p = Parser {
        src: raw,
        bytes: raw.as_bytes(),
        pos: 0,
        open: Vec::new(),
        quote: None,
        max_depth,
    };
    p.skip_ws();
    let node = p.value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.unexpected("the end of the text", None));
    }
    Ok(node)
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The closing brackets of the containers that are open, innermost last.
    open: Vec<u8>,
    /// The first quote character seen, so fixes write keys in the text's own style.
    quote: Option<u8>,
    max_depth: usize,
}

fn describe_char(c: char) -> String {
    match c {
        '\'' => "a single quote".to_owned(),
        '"' => "a double quote".to_owned(),
        '\n' => "a line break".to_owned(),
        '\t' => "a tab".to_owned(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        '\u{feff}' => "a byte order mark (U+FEFF)".to_owned(),
        c => format!("'{c}'"),
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.src.get(pos..).and_then(|s| s.chars().next())
    }

    /// "found" text and span for whatever is at the current position.
    fn found_here(&self) -> (String, Span) {
        match self.char_at(self.pos) {
            None => ("the end of the text".to_owned(), Span::at(self.pos)),
            Some(c) => {
                // Name a whole bare word, so `True` or `NaN` reads as itself.
                if c.is_ascii_alphabetic() {
                    let end = self.bytes[self.pos..]
                        .iter()
                        .position(|b| !b.is_ascii_alphanumeric() && *b != b'_')
                        .map_or(self.bytes.len(), |n| self.pos + n);
                    let word = &self.src[self.pos..end];
                    return (format!("'{word}'"), Span::new(self.pos, end));
                }
                (
                    describe_char(c),
                    Span::new(self.pos, self.pos + c.len_utf8()),
                )
            }
        }
    }

    fn unexpected(&self, expected: &str, fix: Option<Fix>) -> ParseError {
        let (found, span) = self.found_here();
        ParseError::Syntax {
            span,
            expected: expected.to_owned(),
            found,
            fix,
        }
    }

    /// A fix that closes every open container at the end of the text, when the text simply stops.
    fn close_all_fix(&self) -> Option<Fix> {
        if self.pos < self.bytes.len() || self.open.is_empty() {
            return None;
        }
        let closers: String = self.open.iter().rev().map(|&b| b as char).collect();
        Some(Fix::insert(
            format!("Close with {closers}"),
            self.bytes.len(),
            closers,
        ))
    }

    /// Consumes the closing bracket of the container that opened at `start`.
    fn close(&mut self, start: usize, value: Value) -> Node {
        self.pos += 1;
        self.open.pop();
        Node {
            value,
            span: Span::new(start, self.pos),
        }
    }

    /// Consumes a comma inside a container closed by `closer`; what follows must be `expected`.
    fn comma(&mut self, closer: u8, expected: &str) -> Result<(), ParseError> {
        let comma = self.pos;
        self.pos += 1;
        self.skip_ws();
        match self.peek() {
            None => Err(self.eof_after_comma(comma, expected)),
            Some(b) if b == closer => Err(ParseError::Syntax {
                span: Span::new(comma, comma + 1),
                expected: format!("{expected} after ','"),
                found: format!("'{}' (a trailing comma)", closer as char),
                fix: Some(Fix::replace(
                    "Remove the trailing comma",
                    Span::new(comma, comma + 1),
                    "",
                )),
            }),
            Some(_) => Ok(()),
        }
    }

    /// The text stops right after a comma: the fix drops the comma and closes what is open.
    fn eof_after_comma(&self, comma: usize, expected: &str) -> ParseError {
        let closers: String = self.open.iter().rev().map(|&b| b as char).collect();
        ParseError::Syntax {
            span: Span::at(self.pos),
            expected: expected.to_owned(),
            found: "the end of the text".to_owned(),
            fix: Some(Fix::replace(
                format!("Drop the last comma and close with {closers}"),
                Span::new(comma, self.bytes.len()),
                closers,
            )),
        }
    }

    fn enter(&mut self, closer: u8) -> Result<(), ParseError> {
        if self.open.len() >= self.max_depth {
            return Err(ParseError::TooDeep {
                span: Span::new(self.pos, self.pos + 1),
            });
        }
        self.open.push(closer);
        self.pos += 1;
        Ok(())
    }

    fn value(&mut self) -> Result<Node, ParseError> {
        match self.peek() {
            Some(b'[') => self.array(),
            Some(b'{') => self.object(),
            Some(q @ (b'"' | b'\'')) => {
                let start = self.pos;
                let s = self.string(q)?;
                Ok(Node {
                    value: Value::String(s),
                    span: Span::new(start, self.pos),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') if self.bytes[self.pos..].starts_with(b"true") => {
                Ok(self.literal(4, Value::Bool(true)))
            }
            Some(b'f') if self.bytes[self.pos..].starts_with(b"false") => {
                Ok(self.literal(5, Value::Bool(false)))
            }
            Some(b'n') if self.bytes[self.pos..].starts_with(b"null") => {
                Ok(self.literal(4, Value::Null))
            }
            None => {
                let fix = self.close_all_fix();
                Err(self.unexpected("a value", fix))
            }
            Some(_) => Err(self.unexpected("a value", None)),
        }
    }

    fn literal(&mut self, len: usize, value: Value) -> Node {
        let start = self.pos;
        self.pos += len;
        Node {
            value,
            span: Span::new(start, self.pos),
        }
    }

    fn array(&mut self) -> Result<Node, ParseError> {
        let start = self.pos;
        self.enter(b']')?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            return Ok(self.close(start, Value::Array(items)));
        }
        loop {
            items.push(self.value()?);
            let value_end = self.pos;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.comma(b']', "a value")?,
                Some(b']') => return Ok(self.close(start, Value::Array(items))),
                Some(b'{' | b'[' | b'"' | b'\'' | b'-' | b'0'..=b'9') => {
                    let fix = Fix::insert("Insert the missing comma", value_end, ",");
                    return Err(self.unexpected("',' or ']'", Some(fix)));
                }
                _ => {
                    let fix = self.close_all_fix();
                    return Err(self.unexpected("',' or ']'", fix));
                }
            }
        }
    }

    fn object(&mut self) -> Result<Node, ParseError> {
        let start = self.pos;
        self.enter(b'}')?;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            return Ok(self.close(start, Value::Object(members)));
        }
        loop {
            let key_start = self.pos;
            let key = match self.peek() {
                Some(q @ (b'"' | b'\'')) => self.string(q)?,
                Some(b) if b.is_ascii_alphabetic() || b == b'_' => {
                    // A bare key: offer to quote it.
                    let end = self.bytes[self.pos..]
                        .iter()
                        .position(|b| !b.is_ascii_alphanumeric() && *b != b'_')
                        .map_or(self.bytes.len(), |n| self.pos + n);
                    let q = self.quote.unwrap_or(b'"') as char;
                    let word = &self.src[self.pos..end];
                    let fix = Fix::replace(
                        format!("Quote the key {word}"),
                        Span::new(self.pos, end),
                        format!("{q}{word}{q}"),
                    );
                    return Err(self.unexpected("a quoted key", Some(fix)));
                }
                None => {
                    let fix = self.close_all_fix();
                    return Err(self.unexpected("a quoted key", fix));
                }
                Some(_) => return Err(self.unexpected("a quoted key", None)),
            };
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws();
            if self.peek() != Some(b':') {
                let fix = match self.peek() {
                    Some(b'"' | b'\'' | b'-' | b'0'..=b'9' | b'{' | b'[') => {
                        Some(Fix::insert("Insert the missing colon", key_span.end, ":"))
                    }
                    _ => self.close_all_fix(),
                };
                return Err(self.unexpected("':'", fix));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value()?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            let value_end = self.pos;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.comma(b'}', "a key")?,
                Some(b'}') => return Ok(self.close(start, Value::Object(members))),
                Some(b'"' | b'\'') => {
                    let fix = Fix::insert("Insert the missing comma", value_end, ",");
                    return Err(self.unexpected("',' or '}'", Some(fix)));
                }
                _ => {
                    let fix = self.close_all_fix();
                    return Err(self.unexpected("',' or '}'", fix));
                }
            }
        }
    }

    /// Reads a string quoted with `q` (the current byte) and returns its decoded text.
    fn string(&mut self, q: u8) -> Result<String, ParseError> {
        if self.quote.is_none() {
            self.quote = Some(q);
        }
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run of ordinary characters in one go.
            let run_end = self.bytes[self.pos..]
                .iter()
                .position(|&b| b == q || b == b'\\' || b < 0x20)
                .map_or(self.bytes.len(), |n| self.pos + n);
            out.push_str(&self.src[self.pos..run_end]);
            self.pos = run_end;
            match self.peek() {
                None => {
                    let quote = q as char;
                    return Err(ParseError::Syntax {
                        span: Span::new(start, self.bytes.len()),
                        expected: format!("a closing {}", describe_char(quote)),
                        found: "the end of the text".to_owned(),
                        fix: None,
                    });
                }
                Some(b) if b == q => {
                    self.pos += 1;
                    return Ok(out);
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
                    return Err(ParseError::Syntax {
                        span,
                        expected: "a character or an escape inside the string".to_owned(),
                        found: describe_char(b as char),
                        fix: Some(Fix::replace(
                            format!("Write it as {escaped}"),
                            span,
                            escaped,
                        )),
                    });
                }
            }
        }
    }

    fn escape(&mut self, q: u8, out: &mut String) -> Result<(), ParseError> {
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
                return Err(ParseError::Syntax {
                    span: Span::new(start, end),
                    expected: "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX".to_owned(),
                    found,
                    fix: None,
                });
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self, escape_start: usize) -> Result<u32, ParseError> {
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
                Err(ParseError::Syntax {
                    span: Span::new(escape_start, end),
                    expected: "four hex digits after \\u".to_owned(),
                    found: format!("'{}'", &self.src[escape_start..end]),
                    fix: None,
                })
            }
        }
    }

    fn number(&mut self) -> Result<Node, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    let digits_end = self.digits_end(self.pos);
                    let int_start = if self.bytes[start] == b'-' {
                        start + 1
                    } else {
                        start
                    };
                    let text = &self.src[int_start..digits_end];
                    let trimmed = text.trim_start_matches('0');
                    let replacement = if trimmed.is_empty() { "0" } else { trimmed };
                    return Err(ParseError::Syntax {
                        span: Span::new(start, digits_end),
                        expected: "a number without leading zeros".to_owned(),
                        found: format!("'{}'", &self.src[start..digits_end]),
                        fix: Some(Fix::replace(
                            format!("Write {replacement}"),
                            Span::new(int_start, digits_end),
                            replacement,
                        )),
                    });
                }
            }
            Some(b'1'..=b'9') => self.pos = self.digits_end(self.pos),
            _ => return Err(self.unexpected("a digit", None)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.unexpected("a digit after '.'", None));
            }
            self.pos = self.digits_end(self.pos);
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.unexpected("a digit in the exponent", None));
            }
            self.pos = self.digits_end(self.pos);
        }
        Ok(Node {
            value: Value::Number(self.src[start..self.pos].to_owned()),
            span: Span::new(start, self.pos),
        })
    }

    fn digits_end(&self, from: usize) -> usize {
        self.bytes[from..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(self.bytes.len(), |n| from + n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(raw: &str) -> ParseError {
        match parse(raw) {
            Err(e) => e,
            Ok(v) => panic!("expected an error for {raw:?}, got {v:?}"),
        }
    }

    #[test]
    fn single_and_double_quotes() {
        let n = parse(r#"[{'a':"b\u00e9",'c':'it\'s'}]"#).unwrap();
        let Value::Array(items) = n.value else {
            panic!()
        };
        let Value::Object(m) = &items[0].value else {
            panic!()
        };
        assert_eq!(m[0].key, "a");
        assert_eq!(m[0].value.value, Value::String("bé".into()));
        assert_eq!(m[1].value.value, Value::String("it's".into()));
        assert_eq!(m[1].key_span, Span::new(16, 19));
    }

    #[test]
    fn missing_comma_between_members_has_fix() {
        let raw = "[{'a':'1''b':'2'}]";
        let ParseError::Syntax { span, fix, .. } = err(raw) else {
            panic!()
        };
        assert_eq!(span, Span::new(9, 10));
        assert_eq!(fix.unwrap().apply(raw).unwrap(), "[{'a':'1','b':'2'}]");
    }

    #[test]
    fn unterminated_list_offers_closers() {
        let raw = "[{'a':1}";
        let ParseError::Syntax { fix, .. } = err(raw) else {
            panic!()
        };
        assert_eq!(fix.unwrap().apply(raw).unwrap(), "[{'a':1}]");
        let raw = "[{'a':1";
        let ParseError::Syntax { fix, .. } = err(raw) else {
            panic!()
        };
        assert_eq!(fix.unwrap().apply(raw).unwrap(), "[{'a':1}]");
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&deep).is_ok());
        let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            err(&deeper),
            ParseError::TooDeep {
                span: Span::new(MAX_DEPTH, MAX_DEPTH + 1)
            }
        );
        // Far deeper input is refused just as fast, without recursion.
        assert!(matches!(
            err(&"[".repeat(100_000)),
            ParseError::TooDeep { .. }
        ));
    }

    #[test]
    fn surrogates() {
        let n = parse(r#""\ud83d\ude00\ud800x""#).unwrap();
        assert_eq!(n.value, Value::String("😀\u{FFFD}x".into()));
    }
}
