//! Reads any `Deserialize` type from the JSON tree of [`crate::json`]: the npm boundary's one
//! reader. JavaScript hands over `JSON.stringify` text; the project's own linear, depth-bounded
//! parser reads it, and serde's derives see the values through this adapter, so their messages
//! ("unknown field `Region`, expected one of …", "invalid type: integer `42`, expected a string")
//! are serde's own. It adds no float parser and no second JSON reader to the wasm.

use serde::de::value::{Error, MapDeserializer, SeqDeserializer};
use serde::de::{self, IntoDeserializer, Visitor};

use crate::json::{self, Node, ParseError, Value};
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
    use crate::model::{NumOrStr, Request, ServerList};

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
        let e = from_str::<ApiRequestOptions>(r#"{"method":1}"#).unwrap_err();
        assert!(e.contains("expected a string"), "{e}");
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let e =
            from_str::<Request>(&format!(r#"{{"MasterSlaveBackendServers":{deep}}}"#)).unwrap_err();
        assert!(e.contains("nested too deeply"), "{e}");
    }
}
