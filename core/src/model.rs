//! The request as the API takes it, with the API's own field names.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The action's name.
pub const ACTION: &str = "CreateMasterSlaveServerGroup";
/// The API version.
pub const API_VERSION: &str = "2014-05-15";

/// The keys a backend server entry may have, in the order the API reference lists them.
pub const SERVER_KEYS: [&str; 7] = [
    "ServerId",
    "Port",
    "Weight",
    "ServerType",
    "Type",
    "Description",
    "ServerIp",
];

pub const DEFAULT_WEIGHT: u8 = 100;
pub const DEFAULT_SERVER_TYPE: &str = "Master";
pub const DEFAULT_TYPE: &str = "ecs";

/// A `CreateMasterSlaveServerGroup` request.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Request {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_balancer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_slave_backend_servers: Option<ServerList>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_slave_server_group_name: Option<String>,
}

/// `MasterSlaveBackendServers`: the raw string the API takes, or an already structured list.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ServerList {
    Raw(String),
    Servers(Vec<BackendServer>),
}

/// Reads a string or a list, with a clear message for anything else (an untagged enum would
/// only say that nothing matched).
impl<'de> Deserialize<'de> for ServerList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = ServerList;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("the raw MasterSlaveBackendServers string or a list of server objects")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ServerList, E> {
                Ok(ServerList::Raw(v.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<ServerList, E> {
                Ok(ServerList::Raw(v))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<ServerList, A::Error> {
                let mut servers = Vec::new();
                while let Some(server) = seq.next_element::<BackendServer>()? {
                    servers.push(server);
                }
                Ok(ServerList::Servers(servers))
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

impl ServerList {
    /// The string that goes on the wire. A structured list is rendered as compact JSON.
    pub fn raw(&self) -> Cow<'_, str> {
        match self {
            Self::Raw(s) => Cow::Borrowed(s),
            Self::Servers(list) => Cow::Owned(render_servers(list)),
        }
    }

    /// The length in bytes of the string that goes on the wire.
    pub fn raw_len(&self) -> usize {
        self.raw().len()
    }
}

/// A number or a decimal string (`80` and `"80"` alike), as `Port` and `Weight` may be given.
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(type = "number | string")
)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum NumOrStr {
    Int(i64),
    Float(f64),
    Str(String),
}

impl NumOrStr {
    fn write_json(&self, out: &mut String) {
        match self {
            Self::Int(i) => out.push_str(itoa::Buffer::new().format(*i)),
            // A whole number (from JavaScript, one past 2^53) is written as one, so the
            // validator reports its range rather than "not an integer".
            #[allow(clippy::cast_possible_truncation)]
            Self::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => {
                out.push_str(itoa::Buffer::new().format(*f as i64));
            }
            // serde_json's float writer, so the wasm carries one float formatter.
            Self::Float(f) if f.is_finite() => {
                out.push_str(&serde_json::Value::from(*f).to_string())
            }
            // JSON has no NaN or Infinity: they go as text, which the validator names.
            Self::Float(f) => write_json_string(&non_finite_name(*f), out),
            Self::Str(s) => write_json_string(s, out),
        }
    }
}

/// One backend server as given. Every field is optional here: the validator says what is missing.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct BackendServer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<NumOrStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<NumOrStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_ip: Option<String>,
    /// Keys the service does not know. They are kept, so the validator can warn about them.
    #[serde(flatten)]
    #[cfg_attr(feature = "wasm", tsify(type = "{}"))]
    pub extra: BTreeMap<String, serde_json::Value>,
}

// `NumOrStr` and `BackendServer` read their input with hand-written visitors: serde's derives
// for `untagged` and `flatten` buffer the input first, which costs the npm package's wasm about
// 5 KB gzipped. The behaviour is the derives' own.

impl<'de> Deserialize<'de> for NumOrStr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = NumOrStr;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number or a string")
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<NumOrStr, E> {
                Ok(NumOrStr::Int(v))
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<NumOrStr, E> {
                Ok(i64::try_from(v).map_or_else(|_| NumOrStr::Str(v.to_string()), NumOrStr::Int))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<NumOrStr, E> {
                Ok(NumOrStr::Float(v))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NumOrStr, E> {
                Ok(NumOrStr::Str(v.to_owned()))
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

impl<'de> Deserialize<'de> for BackendServer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = BackendServer;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a server object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<BackendServer, A::Error> {
                let mut s = BackendServer::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "ServerId" => s.server_id = map.next_value()?,
                        "Port" => s.port = map.next_value()?,
                        "Weight" => s.weight = map.next_value()?,
                        "ServerType" => s.server_type = map.next_value()?,
                        "Type" => s.r#type = map.next_value()?,
                        "Description" => s.description = map.next_value()?,
                        "ServerIp" => s.server_ip = map.next_value()?,
                        _ => {
                            let value = map.next_value()?;
                            s.extra.insert(key, value);
                        }
                    }
                }
                Ok(s)
            }
        }

        deserializer.deserialize_map(Visitor)
    }
}

/// Renders a structured list as the compact double-quoted JSON string the API takes, keys in the
/// API reference's order, absent fields left out.
pub fn render_servers(list: &[BackendServer]) -> String {
    let mut out = String::from("[");
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        let mut first = true;
        let mut key = |out: &mut String, name: &str| {
            if !first {
                out.push(',');
            }
            first = false;
            write_json_string(name, out);
            out.push(':');
        };
        if let Some(v) = &s.server_id {
            key(&mut out, "ServerId");
            write_json_string(v, &mut out);
        }
        if let Some(v) = &s.port {
            key(&mut out, "Port");
            v.write_json(&mut out);
        }
        if let Some(v) = &s.weight {
            key(&mut out, "Weight");
            v.write_json(&mut out);
        }
        for (name, v) in [
            ("ServerType", &s.server_type),
            ("Type", &s.r#type),
            ("Description", &s.description),
            ("ServerIp", &s.server_ip),
        ] {
            if let Some(v) = v {
                key(&mut out, name);
                write_json_string(v, &mut out);
            }
        }
        for (name, v) in &s.extra {
            key(&mut out, name);
            out.push_str(&v.to_string());
        }
        out.push('}');
    }
    out.push(']');
    out
}

/// `NaN`, `Infinity` or `-Infinity`, as JavaScript writes them.
pub fn non_finite_name(f: f64) -> String {
    if f.is_nan() {
        "NaN".to_owned()
    } else if f > 0.0 {
        "Infinity".to_owned()
    } else {
        "-Infinity".to_owned()
    }
}

fn write_json_string(s: &str, out: &mut String) {
    crate::json::write::push_string(out, s);
}
