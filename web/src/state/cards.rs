//! The server cards: a card's fields, the edits cards make to the raw
//! `MasterSlaveBackendServers` text (in its own quote style), and which field a diagnostic is about.

use super::*;

/// A field of a server card, named as the API names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    ServerId,
    Port,
    Weight,
    ServerType,
    Type,
    Description,
    ServerIp,
}

impl Field {
    pub const ALL: [Self; 7] = [
        Self::ServerId,
        Self::Port,
        Self::Weight,
        Self::ServerType,
        Self::Type,
        Self::Description,
        Self::ServerIp,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            Self::ServerId => "ServerId",
            Self::Port => "Port",
            Self::Weight => "Weight",
            Self::ServerType => "ServerType",
            Self::Type => "Type",
            Self::Description => "Description",
            Self::ServerIp => "ServerIp",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The text a card shows for a field.
pub fn field_text(server: &BackendServer, field: Field) -> String {
    let num = |v: &Option<NumOrStr>| match v {
        Some(NumOrStr::Int(i)) => i.to_string(),
        Some(NumOrStr::Float(f)) => float_text(*f),
        Some(NumOrStr::Str(s)) => s.clone(),
        None => String::new(),
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    match field {
        Field::ServerId => text(&server.server_id),
        Field::Port => num(&server.port),
        Field::Weight => num(&server.weight),
        Field::ServerType => text(&server.server_type),
        Field::Type => text(&server.r#type),
        Field::Description => text(&server.description),
        Field::ServerIp => text(&server.server_ip),
    }
}

/// A non-integer `Port` or `Weight` as a card shows it: a whole number without its `.0`, any
/// other through serde_json's writer, which the page carries anyway (`f64`'s `Display` would add
/// its own float printer, about 13 KB of the page's wasm).
pub(super) fn float_text(f: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    if f.fract() == 0.0 && f.abs() < 9.0e18 {
        (f as i64).to_string()
    } else if f.is_finite() {
        serde_json::Value::from(f).to_string()
    } else if f.is_nan() {
        "NaN".to_owned()
    } else if f > 0.0 {
        "Infinity".to_owned()
    } else {
        "-Infinity".to_owned()
    }
}

/// Sets a field from what a card's input holds. An empty input removes the key; `Port` and
/// `Weight` keep their kind (a number stays a number while the text is an integer).
pub fn set_field(server: &mut BackendServer, field: Field, value: &str) {
    let text = (!value.is_empty()).then(|| value.to_owned());
    let num = |old: &Option<NumOrStr>| -> Option<NumOrStr> {
        let text = text.clone()?;
        match (old, text.parse::<i64>()) {
            (Some(NumOrStr::Int(_) | NumOrStr::Float(_)), Ok(i)) => Some(NumOrStr::Int(i)),
            _ => Some(NumOrStr::Str(text)),
        }
    };
    match field {
        Field::ServerId => server.server_id = text,
        Field::Port => server.port = num(&server.port),
        Field::Weight => server.weight = num(&server.weight),
        Field::ServerType => server.server_type = text,
        Field::Type => server.r#type = text,
        Field::Description => server.description = text,
        Field::ServerIp => server.server_ip = text,
    }
}

/// The quotes a raw server list is written with: the cards keep the style the person chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quotes {
    /// JSON, as the SDKs send it.
    #[default]
    Double,
    /// The single-quoted form of the API reference and Terraform.
    Single,
}

impl Quotes {
    /// The style of `raw`: that of its first quote (double when it has none).
    pub fn of(raw: &str) -> Self {
        match raw.bytes().find(|b| matches!(b, b'"' | b'\'')) {
            Some(b'\'') => Self::Single,
            _ => Self::Double,
        }
    }
}

/// The list as compact text in the style of `raw` (what a card edit writes).
pub fn render_like(raw: &str, list: &[BackendServer]) -> String {
    in_style_of(raw, slb_msgroup::model::render_servers(list))
}

/// Compact JSON in the quote style of `raw`.
pub(super) fn in_style_of(raw: &str, json: String) -> String {
    match Quotes::of(raw) {
        Quotes::Double => json,
        Quotes::Single => single_quoted(&json),
    }
}

/// The list as compact JSON with entry `index` replaced by `edited`: the entries around it are
/// rendered where they are, not copied first (a card edit in a list of a thousand).
pub(super) fn render_edited(
    servers: &[BackendServer],
    index: usize,
    edited: &BackendServer,
) -> String {
    use slb_msgroup::model::render_servers;
    let (before, after) = (
        servers.get(..index).unwrap_or_default(),
        servers.get(index + 1..).unwrap_or_default(),
    );
    let parts = [
        render_servers(before),
        render_servers(std::slice::from_ref(edited)),
        render_servers(after),
    ];
    let mut out = String::with_capacity(parts.iter().map(String::len).sum());
    out.push('[');
    // Each part is `[…]`: its entries go in without the brackets.
    for part in parts.iter().filter_map(|p| p.get(1..p.len() - 1)) {
        if part.is_empty() {
            continue;
        }
        if out.len() > 1 {
            out.push(',');
        }
        out.push_str(part);
    }
    out.push(']');
    out
}

/// Compact JSON rewritten with single-quoted strings: `"` delimiters become `'`, a `'` inside a
/// string is escaped as `\'`, and an escaped `\"` needs no escape any more.
pub(super) fn single_quoted(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut chars = json.chars();
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (_, '"') => {
                in_string = !in_string;
                out.push('\'');
            }
            (true, '\\') => match chars.next() {
                Some('"') => out.push('"'),
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            (true, '\'') => out.push_str("\\'"),
            (_, c) => out.push(c),
        }
    }
    out
}

/// The raw text after a card edit, in the quote style of `raw`.
pub fn edit_server(
    raw: &str,
    servers: &[BackendServer],
    index: usize,
    field: Field,
    value: &str,
) -> String {
    let Some(server) = servers.get(index) else {
        return render_like(raw, servers);
    };
    let mut edited = server.clone();
    set_field(&mut edited, field, value);
    in_style_of(raw, render_edited(servers, index, &edited))
}

/// The raw text with one more server: a new id on port 80, as the other role. `Port` is written
/// the way the other entries write it (a string unless they use numbers).
pub fn add_server(raw: &str, servers: &[BackendServer]) -> String {
    let mut list = servers.to_vec();
    let n = list.len() + 1;
    let has_master = list
        .iter()
        .any(|s| s.server_type.as_deref().unwrap_or("Master") == "Master");
    let numbers = list
        .iter()
        .rev()
        .find_map(|s| s.port.as_ref())
        .is_some_and(|p| matches!(p, NumOrStr::Int(_) | NumOrStr::Float(_)));
    list.push(BackendServer {
        server_id: Some(format!("i-server{n}")),
        port: Some(if numbers {
            NumOrStr::Int(80)
        } else {
            NumOrStr::Str("80".to_owned())
        }),
        server_type: Some(if has_master { "Slave" } else { "Master" }.to_owned()),
        ..BackendServer::default()
    });
    render_like(raw, &list)
}

pub fn remove_server(raw: &str, servers: &[BackendServer], index: usize) -> String {
    let mut list = servers.to_vec();
    if index < list.len() {
        list.remove(index);
    }
    render_like(raw, &list)
}

/// The servers exchange their roles (`ServerType`, an absent one being a Master): with two
/// servers the Master becomes the Slave and the other way round; with more, the roles are
/// reversed along the list.
pub fn swap_roles(raw: &str, servers: &[BackendServer]) -> String {
    let roles: Vec<String> = servers
        .iter()
        .rev()
        .map(|s| s.server_type.clone().unwrap_or_else(|| "Master".to_owned()))
        .collect();
    let list: Vec<BackendServer> = servers
        .iter()
        .zip(roles)
        .map(|(s, role)| BackendServer {
            server_type: Some(role),
            ..s.clone()
        })
        .collect();
    render_like(raw, &list)
}

/// Where a diagnostic's path points on the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    RegionId,
    LoadBalancerId,
    GroupName,
    Servers,
    Card(usize, Field),
}

/// Reads a diagnostic path such as `MasterSlaveBackendServers[1].Port`.
pub fn target_of(path: &str) -> Option<Target> {
    match path {
        "RegionId" => return Some(Target::RegionId),
        "LoadBalancerId" => return Some(Target::LoadBalancerId),
        "MasterSlaveServerGroupName" => return Some(Target::GroupName),
        "MasterSlaveBackendServers" => return Some(Target::Servers),
        _ => {}
    }
    let rest = path.strip_prefix("MasterSlaveBackendServers[")?;
    let (index, rest) = rest.split_once(']')?;
    let index = index.parse().ok()?;
    match rest.strip_prefix('.').and_then(Field::from_name) {
        Some(field) => Some(Target::Card(index, field)),
        None => Some(Target::Servers),
    }
}

/// The id of a diagnostic's detail in the list (the `n`th diagnostic, from 0).
pub fn diagnostic_detail_id(n: usize) -> String {
    format!("diag-{n}-detail")
}

/// What a form field shows of the diagnostics about it: `aria-invalid` when one is an error,
/// and `aria-describedby` naming their details.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldNote {
    pub invalid: bool,
    /// Space-separated ids, empty when no diagnostic is about the field.
    pub described_by: String,
}

/// The diagnostics' targets, in order: `(target, is_error)` for each diagnostic.
pub fn diagnostic_targets(diagnostics: &[Diagnostic]) -> Vec<(Option<Target>, bool)> {
    diagnostics
        .iter()
        .map(|d| (target_of(&d.path), d.is_error()))
        .collect()
}

/// The note for one field, from [`diagnostic_targets`]. Only the diagnostics the list shows
/// (the first [`DIAGNOSTICS_SHOWN`]) can describe it; any error makes it invalid.
pub fn field_note(targets: &[(Option<Target>, bool)], target: Target) -> FieldNote {
    let mut note = FieldNote::default();
    for (n, (t, error)) in targets.iter().enumerate() {
        if *t == Some(target) {
            note.invalid |= *error;
            if n >= DIAGNOSTICS_SHOWN {
                continue;
            }
            if !note.described_by.is_empty() {
                note.described_by.push(' ');
            }
            note.described_by.push_str(&diagnostic_detail_id(n));
        }
    }
    note
}
