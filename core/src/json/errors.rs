//! Syntax errors: what was found where, what was expected, and the fixes that close what the
//! text left open.

use super::{ParseError, Parser};
use crate::diagnostic::{Fix, Span};

pub(super) fn describe_char(c: char) -> String {
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

impl<'a> Parser<'a> {
    /// "found" text and span for whatever is at the current position.
    pub(super) fn found_here(&self) -> (String, Span) {
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

    pub(super) fn unexpected(&self, expected: &str, fix: Option<Fix>) -> Box<ParseError> {
        let (found, span) = self.found_here();
        Box::new(ParseError::Syntax {
            span,
            expected: expected.to_owned(),
            found,
            fix,
        })
    }

    /// A fix that closes every open container at the end of the text, when the text simply stops.
    pub(super) fn close_all_fix(&self) -> Option<Fix> {
        if self.pos < self.bytes.len() || self.open.is_empty() {
            return None;
        }
        let closers = self.open.closers();
        Some(Fix::insert(
            format!("Close with {closers}"),
            self.bytes.len(),
            closers,
        ))
    }

    /// The text stops right after a comma: the fix drops the comma and closes what is open.
    pub(super) fn eof_after_comma(&self, comma: usize, expected: &str) -> Box<ParseError> {
        let closers = self.open.closers();
        Box::new(ParseError::Syntax {
            span: Span::at(self.pos),
            expected: expected.to_owned(),
            found: "the end of the text".to_owned(),
            fix: Some(Fix::replace(
                format!("Drop the last comma and close with {closers}"),
                Span::new(comma, self.bytes.len()),
                closers,
            )),
        })
    }
}
