//! Reads the raw `MasterSlaveBackendServers` string into a list of entries, the way the service
//! reads it: a JSON array of objects, strings in double or single quotes, at most 64 KiB and 32
//! levels deep. List-level problems become `InvalidParameter` diagnostics here; the per-entry and
//! pair checks live in [`crate::rules`].

use std::collections::BTreeMap;

use crate::codes::Code;
use crate::diagnostic::{Check, Diagnostic, Span};
use crate::json::{self, Member, Node, ParseError, Value};
use crate::model::{BackendServer, NumOrStr, SERVER_KEYS};

/// The longest raw string accepted, in bytes.
pub const MAX_BYTES: usize = 64 * 1024;

pub const PARAM: &str = "MasterSlaveBackendServers";

/// The list as read: its elements (when it could be read) and the list-level errors.
#[derive(Debug)]
pub struct ListRead<'a> {
    /// `None` when the text is not an array at all (syntax error, too large, too deep, not an
    /// array). An absent or empty parameter is an empty list.
    pub items: Option<Vec<Node<'a>>>,
    /// The span of the whole list, when there is one.
    pub span: Option<Span>,
    pub errors: Vec<Diagnostic>,
}

/// Reads `raw`. `None` (the parameter is absent) and `""` are an empty list.
pub fn read_list(raw: Option<&str>) -> ListRead<'_> {
    let raw = match raw {
        None | Some("") => {
            return ListRead {
                items: Some(Vec::new()),
                span: None,
                errors: Vec::new(),
            };
        }
        Some(raw) => raw,
    };
    let fail = |d: Diagnostic| ListRead {
        items: None,
        span: None,
        errors: vec![d],
    };
    if raw.len() > MAX_BYTES {
        return fail(Diagnostic::new(
            Code::InvalidParameter,
            Check::TooLarge,
            PARAM,
            format!(
                "MasterSlaveBackendServers is {} bytes long; the limit is {MAX_BYTES} bytes (64 KiB).",
                raw.len()
            ),
        ));
    }
    let node = match json::parse(raw) {
        Ok(node) => node,
        Err(ParseError::Syntax {
            span,
            expected,
            found,
            fix,
        }) => {
            let at = crate::text::line_col(raw, span.start);
            return fail(
                Diagnostic::new(
                    Code::InvalidParameter,
                    Check::Syntax,
                    PARAM,
                    format!(
                        "Syntax error at line {}, column {}: expected {expected}, found {found}.",
                        at.line, at.column
                    ),
                )
                .with_span(span)
                .with_fix(fix),
            );
        }
        Err(ParseError::TooDeep { span }) => {
            return fail(
                Diagnostic::new(
                    Code::InvalidParameter,
                    Check::TooDeep,
                    PARAM,
                    format!(
                        "MasterSlaveBackendServers is nested deeper than {} levels here.",
                        json::MAX_DEPTH
                    ),
                )
                .with_span(span),
            );
        }
    };
    let span = node.span;
    let items = match node.value {
        Value::Array(items) => items,
        other => {
            return fail(
                Diagnostic::new(
                    Code::InvalidParameter,
                    Check::NotAList,
                    PARAM,
                    format!(
                        "MasterSlaveBackendServers is {}; expected a list of two server objects, like [{{\"ServerId\":\"i-1\",\"Port\":80}}, …].",
                        other.kind()
                    ),
                )
                .with_span(span),
            );
        }
    };
    let errors = items
        .iter()
        .enumerate()
        .filter(|(_, item)| !matches!(item.value, Value::Object(_)))
        .map(|(i, item)| {
            Diagnostic::new(
                Code::InvalidParameter,
                Check::EntryNotObject,
                format!("{PARAM}[{i}]"),
                format!(
                    "Server {} is {}; expected an object with ServerId and Port.",
                    i + 1,
                    item.value.kind()
                ),
            )
            .with_span(item.span)
        })
        .collect();
    ListRead {
        items: Some(items),
        span: Some(span),
        errors,
    }
}

/// The known fields of one entry, last one winning, plus what else the entry holds.
#[derive(Debug, Default)]
pub struct Fields<'a> {
    pub known: [Option<&'a Member<'a>>; 7],
    /// Keys the service does not know, in order.
    pub unknown: Vec<&'a Member<'a>>,
    /// Known keys given more than once: every occurrence but the last.
    pub shadowed: Vec<&'a Member<'a>>,
}

pub const SERVER_ID: usize = 0;
pub const PORT: usize = 1;
pub const WEIGHT: usize = 2;
pub const SERVER_TYPE: usize = 3;
pub const TYPE: usize = 4;
pub const DESCRIPTION: usize = 5;
pub const SERVER_IP: usize = 6;

impl<'a> Fields<'a> {
    pub fn of(members: &'a [Member<'a>]) -> Self {
        let mut fields = Fields::default();
        for m in members {
            match key_index(&m.key) {
                Some(i) => {
                    if let Some(previous) = fields.known[i].replace(m) {
                        fields.shadowed.push(previous);
                    }
                }
                None => fields.unknown.push(m),
            }
        }
        fields
    }

    /// The value of a known field, treating `null` as absent.
    pub fn value(&self, index: usize) -> Option<&'a Node<'a>> {
        self.known[index]
            .map(|m| &m.value)
            .filter(|n| !matches!(n.value, Value::Null))
    }
}

/// The index of a known key in [`SERVER_KEYS`].
fn key_index(key: &str) -> Option<usize> {
    let i = match key {
        "ServerId" => SERVER_ID,
        "Port" => PORT,
        "Weight" => WEIGHT,
        "ServerType" => SERVER_TYPE,
        "Type" => TYPE,
        "Description" => DESCRIPTION,
        "ServerIp" => SERVER_IP,
        _ => return None,
    };
    debug_assert_eq!(SERVER_KEYS[i], key);
    Some(i)
}

/// The structured view of one entry. Values of an unexpected JSON type are kept as their source
/// text; `null` is left out.
pub fn to_model(raw: &str, f: &Fields<'_>) -> BackendServer {
    let text = |i: usize| {
        f.value(i).map(|n| match &n.value {
            Value::String(s) => String::from(&**s),
            _ => raw[n.span.start..n.span.end].to_owned(),
        })
    };
    let num = |i: usize| {
        f.value(i).map(|n| match &n.value {
            Value::String(s) => NumOrStr::Str(String::from(&**s)),
            Value::Number(t) => number_model(t),
            _ => NumOrStr::Str(raw[n.span.start..n.span.end].to_owned()),
        })
    };
    // Inserted one by one, as `to_json` does an object's members.
    let mut extra = BTreeMap::new();
    for m in &f.unknown {
        extra.insert(m.key.to_string(), to_json(&m.value));
    }
    BackendServer {
        server_id: text(SERVER_ID),
        port: num(PORT),
        weight: num(WEIGHT),
        server_type: text(SERVER_TYPE),
        r#type: text(TYPE),
        description: text(DESCRIPTION),
        server_ip: text(SERVER_IP),
        extra,
    }
}

/// The structured view of a number: an `i64`, else an exact `f64`, else its text.
fn number_model(text: &str) -> NumOrStr {
    if let Ok(i) = text.parse::<i64>() {
        return NumOrStr::Int(i);
    }
    exact_f64(text).map_or_else(|| NumOrStr::Str(text.to_owned()), NumOrStr::Float)
}

/// Reads a JSON number exactly with Clinger's fast path: when its digits fit in 2^53 and the
/// power of ten is at most 22, one IEEE multiplication or division is correctly rounded. Other
/// numbers (never a valid Port or Weight) stay text. This keeps core's general float parser, and
/// its tables (about 15 KB gzipped), out of the wasm.
pub(crate) fn exact_f64(text: &str) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut m: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        m = m
            .checked_mul(10)?
            .checked_add(u64::from(b.checked_sub(b'0')?))?;
    }
    if m > 1 << 53 {
        return None;
    }
    let e = exponent.checked_sub(i64::try_from(frac.len()).ok()?)?;
    let power = POW10.get(usize::try_from(e.unsigned_abs()).ok()?)?;
    #[allow(clippy::cast_precision_loss)] // m <= 2^53: exact
    let m = m as f64;
    let v = if e >= 0 { m * power } else { m / power };
    Some(if negative { -v } else { v })
}

fn to_json(node: &Node<'_>) -> serde_json::Value {
    match &node.value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(t) => match number_model(t) {
            NumOrStr::Int(i) => i.into(),
            NumOrStr::Float(f) => f.into(),
            NumOrStr::Str(s) => s.into(),
        },
        Value::String(s) => s.to_string().into(),
        Value::Array(items) => items.iter().map(to_json).collect(),
        // Inserted one by one (a later duplicate key wins, as with `collect`): collecting sorts
        // first, and that sort costs the `.wasm` about 4 KB.
        Value::Object(members) => {
            let mut map = serde_json::Map::new();
            for m in members {
                map.insert(m.key.to_string(), to_json(&m.value));
            }
            map.into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_floats() {
        for (text, want) in [
            ("80.5", Some(80.5)),
            ("-0.25", Some(-0.25)),
            ("1e3", Some(1000.0)),
            ("12.5E-1", Some(1.25)),
            ("123456.789012", Some(123_456.789_012)),
        ] {
            assert_eq!(exact_f64(text), want, "{text}");
        }
        assert_eq!(exact_f64("1e400"), None);
        assert_eq!(exact_f64("0.12345678901234567890"), None);
        assert_eq!(number_model("1e400"), NumOrStr::Str("1e400".into()));
        assert_eq!(number_model("-7"), NumOrStr::Int(-7));
    }
}
