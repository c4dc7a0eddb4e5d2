//! A JSON reader that keeps a byte span for every value and key, and reads the service's lenient
//! dialect: strings in double **or single** quotes. Everything else is strict RFC 8259: no
//! comments, no trailing commas, no bare words, no leading zeros.
//!
//! It never panics, runs in linear time and stops at the first syntax error, which it describes
//! (what was expected, what was found, where) with a fix when one is obvious.
//!
//! The parser is one `impl Parser` split by concern: `structure.rs` (values, arrays, objects,
//! depth), `strings.rs` (quotes and escapes), `numbers.rs`, and `errors.rs` (what a syntax error
//! says, and its fixes).

mod errors;
mod numbers;
mod strings;
mod structure;
pub mod write;

use std::borrow::Cow;

use crate::diagnostic::{Fix, Span};
use errors::describe_char;

/// The deepest nesting accepted (the list itself is depth 1).
pub const MAX_DEPTH: usize = 32;

/// A value of the tree. Numbers, and strings without escapes, borrow the source text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number's source text, as written (always valid JSON number syntax).
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Member<'a>>),
}

impl Value<'_> {
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
pub struct Node<'a> {
    pub value: Value<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: Cow<'a, str>,
    pub key_span: Span,
    pub value: Node<'a>,
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
pub fn parse(raw: &str) -> Result<Node<'_>, ParseError> {
    parse_nested(raw, MAX_DEPTH)
}

/// [`parse`] with another bound on nesting (the npm boundary reads whole requests, whose server
/// list sits one level down), of at most [`MAX_NESTING`].
pub fn parse_nested(raw: &str, max_depth: usize) -> Result<Node<'_>, ParseError> {
    let mut p = Parser {
        src: raw,
        bytes: raw.as_bytes(),
        pos: 0,
        open: Open::default(),
        quote: None,
        max_depth: max_depth.min(MAX_NESTING),
    };
    p.skip_ws();
    let node = p.value().map_err(|e| *e)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(*p.unexpected("the end of the text", None));
    }
    Ok(node)
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The closing brackets of the containers that are open.
    open: Open,
    /// The first quote character seen, so fixes write keys in the text's own style.
    quote: Option<u8>,
    max_depth: usize,
}

/// The most nesting [`parse_nested`] reads.
pub const MAX_NESTING: usize = 128;

/// The closing brackets of the open containers as a stack of bits, innermost last (a set bit is
/// `}`, a clear one `]`): no allocation, and [`MAX_NESTING`] levels at most.
#[derive(Debug, Default, Clone, Copy)]
struct Open {
    bits: u128,
    len: usize,
}

impl Open {
    const fn len(self) -> usize {
        self.len
    }

    const fn is_empty(self) -> bool {
        self.len == 0
    }

    /// Pushes `]` or `}`; the caller keeps the depth within [`MAX_NESTING`].
    fn push(&mut self, closer: u8) {
        debug_assert!(self.len < MAX_NESTING);
        let bit = 1u128 << self.len;
        if closer == b'}' {
            self.bits |= bit;
        } else {
            self.bits &= !bit;
        }
        self.len += 1;
    }

    fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    /// The closers of everything open, innermost first: what ends the text.
    fn closers(self) -> String {
        (0..self.len)
            .rev()
            .map(|i| if self.bits >> i & 1 == 1 { '}' } else { ']' })
            .collect()
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
