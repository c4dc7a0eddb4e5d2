//! The structure: values, arrays and objects, commas and closing brackets, and the depth bound.

use super::{Member, Node, ParseError, Parser, Value};
use crate::diagnostic::{Fix, Span};

impl<'a> Parser<'a> {
    /// Consumes the closing bracket of the container that opened at `start`.
    pub(super) fn close(&mut self, start: usize, value: Value<'a>) -> Node<'a> {
        self.pos += 1;
        self.open.pop();
        Node {
            value,
            span: Span::new(start, self.pos),
        }
    }

    /// Consumes a comma inside a container closed by `closer`; what follows must be `expected`.
    pub(super) fn comma(&mut self, closer: u8, expected: &str) -> Result<(), Box<ParseError>> {
        let comma = self.pos;
        self.pos += 1;
        self.skip_ws();
        match self.peek() {
            None => Err(self.eof_after_comma(comma, expected)),
            Some(b) if b == closer => Err(Box::new(ParseError::Syntax {
                span: Span::new(comma, comma + 1),
                expected: format!("{expected} after ','"),
                found: format!("'{}' (a trailing comma)", closer as char),
                fix: Some(Fix::replace(
                    "Remove the trailing comma",
                    Span::new(comma, comma + 1),
                    "",
                )),
            })),
            Some(_) => Ok(()),
        }
    }

    pub(super) fn enter(&mut self, closer: u8) -> Result<(), Box<ParseError>> {
        if self.open.len() >= self.max_depth {
            return Err(Box::new(ParseError::TooDeep {
                span: Span::new(self.pos, self.pos + 1),
            }));
        }
        self.open.push(closer);
        self.pos += 1;
        Ok(())
    }

    pub(super) fn value(&mut self) -> Result<Node<'a>, Box<ParseError>> {
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

    pub(super) fn literal(&mut self, len: usize, value: Value<'a>) -> Node<'a> {
        let start = self.pos;
        self.pos += len;
        Node {
            value,
            span: Span::new(start, self.pos),
        }
    }

    pub(super) fn array(&mut self) -> Result<Node<'a>, Box<ParseError>> {
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

    pub(super) fn object(&mut self) -> Result<Node<'a>, Box<ParseError>> {
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
}
