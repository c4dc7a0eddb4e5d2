//! Reads any `Deserialize` type from the JSON tree of [`crate::json`]: the npm boundary's one
//! reader. JavaScript hands over `JSON.stringify` text; the project's own linear, depth-bounded
//! parser reads it, and serde's derives see the values through this adapter, so their messages
//! ("unknown field `Region`, expected one of …", "invalid type: integer `42`, expected a string")
//! are serde's own. It adds no float parser and no second JSON reader to the wasm.

use std::fmt;

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, IntoDeserializer, Visitor};

use crate::json::{self, Node, ParseError, Value};
use crate::model::{Request, ServerList};
use crate::servers::exact_f64;

/// The deepest nesting read: far below what overflows the wasm stack, and far above the
/// 32 levels the server list may use, so that the list's own diagnostic reports depths between.
pub const MAX_DEPTH: usize = 128;

/// Parses `text` and deserializes a `T` from it. The message of an error is meant for people.
pub fn from_str<T: de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let node = json::parse_nested(text, MAX_DEPTH).map_err(|e| match e {
        ParseError::TooDeep { .. } => {
            format!("the value is nested too deeply (deeper than {MAX_DEPTH} levels)")
        }
        ParseError::Syntax {
            expected, found, ..
        } => format!("not JSON: expected {expected}, found {found}"),
    })?;
    T::deserialize(NodeDe(node)).map_err(|e| e.to_string())
}

/// The common request in one pass: `JSON.stringify` of an object whose values are all strings
/// and whose keys are the four parameters, read straight into a [`Request`] (no JSON tree, no
/// serde). `None` for anything else (a `null`, a number, a structured list, an unknown or
/// repeated key, a `\u` escape), which [`from_str`] then reads with serde's messages.
pub fn flat_request(text: &str) -> Option<Request> {
    let mut at = 1;
    let mut request = Request::default();
    if !text.starts_with('{') {
        return None;
    }
    if text == "{}" {
        return Some(request);
    }
    loop {
        let key = flat_string(text, &mut at)?;
        if text.as_bytes().get(at) != Some(&b':') {
            return None;
        }
        at += 1;
        let value = flat_string(text, &mut at)?;
        let slot = match key.as_str() {
            "RegionId" => &mut request.region_id,
            "LoadBalancerId" => &mut request.load_balancer_id,
            "MasterSlaveServerGroupName" => &mut request.master_slave_server_group_name,
            "MasterSlaveBackendServers" if request.master_slave_backend_servers.is_none() => {
                request.master_slave_backend_servers = Some(ServerList::Raw(value));
                match text.as_bytes().get(at)? {
                    b',' => at += 1,
                    b'}' => return (at + 1 == text.len()).then_some(request),
                    _ => return None,
                }
                continue;
            }
            _ => return None,
        };
        if slot.is_some() {
            return None;
        }
        *slot = Some(value);
        match text.as_bytes().get(at)? {
            b',' => at += 1,
            b'}' => return (at + 1 == text.len()).then_some(request),
            _ => return None,
        }
    }
}

/// A JSON string at `*at` with the escapes `JSON.stringify` writes, but `\u`.
fn flat_string(text: &str, at: &mut usize) -> Option<String> {
    let bytes = text.as_bytes();
    if bytes.get(*at) != Some(&b'"') {
        return None;
    }
    *at += 1;
    let mut start = *at;
    let mut out = String::new();
    loop {
        match *bytes.get(*at)? {
            b'"' => {
                out.push_str(&text[start..*at]);
                *at += 1;
                return Some(out);
            }
            b'\\' => {
                out.push_str(&text[start..*at]);
                out.push(match bytes.get(*at + 1)? {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return None,
                });
                *at += 2;
                start = *at;
            }
            _ => *at += 1,
        }
    }
}

/// serde's own messages, with one difference: a float in "invalid type: floating point `80.5`"
/// is written by serde_json's float writer, not by `core::fmt` (serde's `Unexpected` display
/// would bring a second float printer of about 15 KB into the npm package's `.wasm`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self(format!(
            "invalid type: {}, expected {exp}",
            Unexpected(unexp)
        ))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self(format!(
            "invalid value: {}, expected {exp}",
            Unexpected(unexp)
        ))
    }
}

/// serde's display of [`de::Unexpected`], but for the float printer.
struct Unexpected<'a>(de::Unexpected<'a>);

impl fmt::Display for Unexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use de::Unexpected as U;
        match self.0 {
            U::Bool(b) => write!(f, "boolean `{b}`"),
            U::Unsigned(i) => write!(f, "integer `{i}`"),
            U::Signed(i) => write!(f, "integer `{i}`"),
            U::Float(x) => {
                let text = serde_json::Number::from_f64(x)
                    .map_or_else(|| crate::model::non_finite_name(x), |n| n.to_string());
                // As serde writes it: a whole number keeps a decimal point.
                let point = if text.contains(['.', 'e', 'E', 'N', 'I']) {
                    ""
                } else {
                    ".0"
                };
                write!(f, "floating point `{text}{point}`")
            }
            U::Char(c) => write!(f, "character `{c}`"),
            U::Str(s) => write!(f, "string {s:?}"),
            U::Bytes(_) => f.write_str("byte array"),
            U::Unit => f.write_str("unit value"),
            U::Option => f.write_str("Option value"),
            U::NewtypeStruct => f.write_str("newtype struct"),
            U::Seq => f.write_str("sequence"),
            U::Map => f.write_str("map"),
            U::Enum => f.write_str("enum"),
            U::UnitVariant => f.write_str("unit variant"),
            U::NewtypeVariant => f.write_str("newtype variant"),
            U::TupleVariant => f.write_str("tuple variant"),
            U::StructVariant => f.write_str("struct variant"),
            U::Other(other) => f.write_str(other),
        }
    }
}

/// A JSON node as a serde `Deserializer`.
struct NodeDe<'a>(Node<'a>);

impl<'de> IntoDeserializer<'de, Error> for NodeDe<'_> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for NodeDe<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(text) => {
                if let Ok(i) = text.parse::<i64>() {
                    visitor.visit_i64(i)
                } else if let Ok(u) = text.parse::<u64>() {
                    visitor.visit_u64(u)
                } else if let Some(f) = exact_f64(text) {
                    visitor.visit_f64(f)
                } else {
                    // Beyond an exact f64 (never a valid Port or Weight): the text, as written.
                    visitor.visit_str(text)
                }
            }
            Value::String(s) => visitor.visit_string(s.into_owned()),
            Value::Array(items) => {
                visitor.visit_seq(SeqDeserializer::new(items.into_iter().map(NodeDe)))
            }
            Value::Object(members) => visitor.visit_map(MapDeserializer::new(
                members
                    .into_iter()
                    .map(|m| (m.key.into_owned(), NodeDe(m.value))),
            )),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // The options' enums are plain strings ("v1", "GET", "XML").
        match self.0.value {
            Value::String(s) => visitor.visit_enum(s.into_owned().into_deserializer()),
            other => Err(de::Error::invalid_type(unexpected(&other), &"a string")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

fn unexpected<'v>(value: &'v Value<'_>) -> de::Unexpected<'v> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(_) => de::Unexpected::Other("a number"),
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiRequestOptions;
    use crate::model::NumOrStr;

    #[test]
    fn flat_requests_read_as_serde_reads_them() {
        for text in [
            r#"{}"#,
            r#"{"RegionId":"cn-hangzhou","LoadBalancerId":"lb-1","MasterSlaveBackendServers":"[{\"ServerId\":\"i-1\",\"Port\":\"80\"}]","MasterSlaveServerGroupName":"g\\1\n\t\/"}"#,
            r#"{"MasterSlaveBackendServers":"[{'ServerId':'é'}]"}"#,
        ] {
            let fast = flat_request(text).expect(text);
            assert_eq!(fast, from_str::<Request>(text).unwrap(), "{text}");
        }
        for text in [
            r#"{"RegionId":null}"#,
            r#"{"Region":"x"}"#,
            r#"{"RegionId":"x","RegionId":"y"}"#,
            r#"{"RegionId":"\u0041"}"#,
            r#"{"MasterSlaveBackendServers":[]}"#,
            r#"{"RegionId":"x"}x"#,
            r#"{"RegionId":"x""#,
            r#"["x"]"#,
        ] {
            assert_eq!(flat_request(text), None, "{text}");
        }
    }

    #[test]
    fn requests_and_options() {
        let r: Request = from_str(
            r#"{"RegionId":"cn-hangzhou","MasterSlaveBackendServers":[{"ServerId":"i-1","Port":9007199254740992,"Weight":"1","X":[1,{"y":null}]}],"MasterSlaveServerGroupName":null}"#,
        )
        .unwrap();
        assert_eq!(r.region_id.as_deref(), Some("cn-hangzhou"));
        assert_eq!(r.master_slave_server_group_name, None);
        let Some(ServerList::Servers(list)) = r.master_slave_backend_servers else {
            panic!("a structured list")
        };
        assert_eq!(list[0].port, Some(NumOrStr::Int(9_007_199_254_740_992)));
        assert_eq!(list[0].weight, Some(NumOrStr::Str("1".into())));
        assert_eq!(list[0].extra["X"].to_string(), r#"[1,{"y":null}]"#);

        let o: ApiRequestOptions =
            from_str(r#"{"signatureVersion":"v3","method":"POST","format":"XML"}"#).unwrap();
        assert_eq!(o.method, Some(crate::request::Method::Post));
    }

    #[test]
    fn serde_messages() {
        let e = from_str::<Request>(r#"{"Region":"x"}"#).unwrap_err();
        assert!(
            e.starts_with("unknown field `Region`, expected one of"),
            "{e}"
        );
        let e = from_str::<Request>(r#"{"RegionId":42}"#).unwrap_err();
        assert_eq!(e, "invalid type: integer `42`, expected a string");
        let e = from_str::<ApiRequestOptions>(r#"{"signatureVersion":"v2"}"#).unwrap_err();
        assert!(e.contains("v2"), "{e}");
        let e = from_str::<Request>(r#"{"RegionId":80.5}"#).unwrap_err();
        assert_eq!(e, "invalid type: floating point `80.5`, expected a string");
        let e = from_str::<Request>(r#"{"RegionId":[1]}"#).unwrap_err();
        assert_eq!(e, "invalid type: sequence, expected a string");
        let e = from_str::<ApiRequestOptions>(r#"{"method":1}"#).unwrap_err();
        assert!(e.contains("expected a string"), "{e}");
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let e =
            from_str::<Request>(&format!(r#"{{"MasterSlaveBackendServers":{deep}}}"#)).unwrap_err();
        assert!(e.contains("nested too deeply"), "{e}");
    }
}
