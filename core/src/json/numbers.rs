//! Numbers, kept as their source text once their syntax is checked.

use super::{Node, ParseError, Parser, Value};
use crate::diagnostic::{Fix, Span};

impl<'a> Parser<'a> {
    pub(super) fn number(&mut self) -> Result<Node<'a>, Box<ParseError>> {
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
                    return Err(Box::new(ParseError::Syntax {
                        span: Span::new(start, digits_end),
                        expected: "a number without leading zeros".to_owned(),
                        found: format!("'{}'", &self.src[start..digits_end]),
                        fix: Some(Fix::replace(
                            format!("Write {replacement}"),
                            Span::new(int_start, digits_end),
                            replacement,
                        )),
                    }));
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
            value: Value::Number(&self.src[start..self.pos]),
            span: Span::new(start, self.pos),
        })
    }

    pub(super) fn digits_end(&self, from: usize) -> usize {
        self.bytes[from..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(self.bytes.len(), |n| from + n)
    }
}
