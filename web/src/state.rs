//! The page's state as a plain struct, and the pure functions over it: the URL fragment
//! (`#v1.…`, secrets excluded), the API request it stands for, and the edits the cards make to
//! the raw `MasterSlaveBackendServers` text. Components only bind signals to this.

use slb_msgroup::request::{Credentials, Method, Protocol, RequestOptions, SignatureVersion};
use slb_msgroup::{BackendServer, Diagnostic, Format, NumOrStr, Request, ServerList, Shape};

/// The version every fragment this build writes starts with.
pub const FRAGMENT_VERSION: &str = "v1";

/// Everything on the page that a person sets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    pub region_id: String,
    pub load_balancer_id: String,
    pub group_name: String,
    /// The raw `MasterSlaveBackendServers` text, exactly as typed: the source of truth for the
    /// server cards.
    pub servers: String,
    /// The `Format` request parameter, and so the response body shown.
    pub format: Format,
    pub shape: Shape,
    /// `None`: v1 when credentials are given, else unsigned.
    pub signature: Option<SignatureVersion>,
    /// `None`: GET, or POST for v3.
    pub method: Option<Method>,
    /// A fixed `Timestamp` for reproducible signatures; `None`: the current time.
    pub timestamp: Option<String>,
    /// A fixed `SignatureNonce`; `None`: a random one per page load.
    pub nonce: Option<String>,
    /// Kept in memory only: never in the fragment, storage or logs.
    pub secrets: Secrets,
}

/// The AccessKey pair. Its `Debug` hides the secret, and nothing serializes it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secrets {
    pub access_key_id: String,
    pub access_key_secret: String,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Secrets")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .finish()
    }
}

impl Secrets {
    /// Both halves given.
    pub fn credentials(&self) -> Option<Credentials> {
        let id = self.access_key_id.trim();
        let secret = &self.access_key_secret;
        (!id.is_empty() && !secret.is_empty()).then(|| Credentials {
            access_key_id: id.to_owned(),
            access_key_secret: secret.clone(),
        })
    }
}

impl State {
    /// A state from an API request (the examples).
    pub fn from_request(request: &Request) -> Self {
        Self {
            region_id: request.region_id.clone().unwrap_or_default(),
            load_balancer_id: request.load_balancer_id.clone().unwrap_or_default(),
            group_name: request
                .master_slave_server_group_name
                .clone()
                .unwrap_or_default(),
            servers: request
                .master_slave_backend_servers
                .as_ref()
                .map(|l| l.raw().into_owned())
                .unwrap_or_default(),
            ..Self::default()
        }
    }

    /// The same state with the request parameters of `other` (format, signing options and
    /// secrets stay).
    #[must_use]
    pub fn with_request_of(&self, other: &Self) -> Self {
        Self {
            region_id: other.region_id.clone(),
            load_balancer_id: other.load_balancer_id.clone(),
            group_name: other.group_name.clone(),
            servers: other.servers.clone(),
            ..self.clone()
        }
    }
}

/// The API request the form stands for. An empty field is an absent parameter.
pub fn to_request(state: &State) -> Request {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    Request {
        region_id: opt(&state.region_id),
        load_balancer_id: opt(&state.load_balancer_id),
        master_slave_backend_servers: opt(&state.servers).map(ServerList::Raw),
        master_slave_server_group_name: opt(&state.group_name),
    }
}

/// What the page does not choose itself: the clock and randomness.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// The current time, `YYYY-MM-DDThh:mm:ssZ`.
    pub now: String,
    /// A random nonce made at page load.
    pub nonce: String,
}

/// The options for the request builder.
pub fn request_options(state: &State, env: &Env) -> RequestOptions {
    RequestOptions {
        signature: state.signature,
        method: state.method,
        format: state.format,
        protocol: Protocol::Https,
        endpoint: None,
        credentials: state.secrets.credentials(),
        timestamp: state.timestamp.clone().unwrap_or_else(|| env.now.clone()),
        nonce: state
            .nonce
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| env.nonce.clone()),
    }
}

// ---------------------------------------------------------------------------------------------
// The fragment

/// Why a fragment was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FragmentError {
    /// No `vN.` prefix: not one of our links.
    NotVersioned,
    /// A version this build does not know (a newer page made it).
    UnknownVersion(String),
    /// A value is not valid percent-encoded UTF-8.
    BadEncoding(String),
}

impl std::fmt::Display for FragmentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotVersioned => write!(f, "the link holds no playground state"),
            Self::UnknownVersion(v) => write!(
                f,
                "the link was made by a newer playground (state version {v}); showing the default example"
            ),
            Self::BadEncoding(key) => write!(f, "the link's value for {key:?} is damaged"),
        }
    }
}

// v1 keys. Never reuse or rename one: links in the wild carry them.
const K_REGION: &str = "r";
const K_LB: &str = "lb";
const K_NAME: &str = "n";
const K_SERVERS: &str = "s";
const K_FORMAT: &str = "f";
const K_SHAPE: &str = "sh";
const K_SIGNATURE: &str = "sig";
const K_METHOD: &str = "m";
const K_TIMESTAMP: &str = "ts";
const K_NONCE: &str = "nonce";

/// The state as a URL fragment (without `#`): `v1.` then `key=value` pairs joined by `&`, values
/// percent-encoded, defaults left out. The AccessKey pair is never written.
pub fn to_fragment(state: &State) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let text = [
        (K_REGION, &state.region_id),
        (K_LB, &state.load_balancer_id),
        (K_NAME, &state.group_name),
        (K_SERVERS, &state.servers),
    ];
    for (key, value) in text {
        if !value.is_empty() {
            pairs.push((key, value));
        }
    }
    if state.format == Format::Xml {
        pairs.push((K_FORMAT, "xml"));
    }
    if state.shape == Shape::Documented {
        pairs.push((K_SHAPE, "documented"));
    }
    if let Some(sig) = state.signature {
        pairs.push((
            K_SIGNATURE,
            match sig {
                SignatureVersion::None => "none",
                SignatureVersion::V1 => "v1",
                SignatureVersion::V3 => "v3",
            },
        ));
    }
    if let Some(method) = state.method {
        pairs.push((
            K_METHOD,
            match method {
                Method::Get => "get",
                Method::Post => "post",
            },
        ));
    }
    if let Some(ts) = &state.timestamp {
        pairs.push((K_TIMESTAMP, ts));
    }
    if let Some(nonce) = &state.nonce {
        pairs.push((K_NONCE, nonce));
    }
    let mut out = format!("{FRAGMENT_VERSION}.");
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        encode_into(value, &mut out);
    }
    out
}

/// Reads a fragment (with or without the leading `#`). Unknown keys are ignored, so a link made
/// by a newer v1 page still opens; secrets are never read from it.
pub fn from_fragment(fragment: &str) -> Result<State, FragmentError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (version, body) = fragment
        .split_once('.')
        .filter(|(v, _)| {
            v.len() > 1 && v.starts_with('v') && v[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .ok_or(FragmentError::NotVersioned)?;
    match version {
        "v1" => decode_v1(body),
        other => Err(FragmentError::UnknownVersion(other.to_owned())),
    }
}

fn decode_v1(body: &str) -> Result<State, FragmentError> {
    let mut state = State::default();
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(raw).ok_or_else(|| FragmentError::BadEncoding(key.to_owned()))?;
        match key {
            K_REGION => state.region_id = value,
            K_LB => state.load_balancer_id = value,
            K_NAME => state.group_name = value,
            K_SERVERS => state.servers = value,
            K_FORMAT => state.format = Format::parse(&value).unwrap_or_default(),
            K_SHAPE => state.shape = Shape::parse(&value).unwrap_or_default(),
            K_SIGNATURE => state.signature = SignatureVersion::parse(&value),
            K_METHOD => state.method = Method::parse(&value),
            K_TIMESTAMP => state.timestamp = Some(value),
            K_NONCE => state.nonce = Some(value),
            _ => {}
        }
    }
    Ok(state)
}

/// Bytes left as they are in a fragment value: unreserved characters and the sub-delimiters that
/// are not our separators. `'`, `,` and `:` stay literal so the single-quoted server list reads.
const fn is_literal(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b'!'
                | b'$'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b','
                | b';'
                | b':'
                | b'@'
                | b'/'
                | b'?'
        )
}

/// [`is_literal`] for every byte, looked up once per byte of a long server list.
const LITERAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_literal(b as u8);
        b += 1;
    }
    table
};

fn encode_into(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.reserve(value.len() + value.len() / 4);
    for &b in value.as_bytes() {
        if LITERAL[usize::from(b)] {
            bytes.push(b);
        } else {
            bytes.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
        }
    }
    // Only ASCII was added to what was already a string.
    *out = String::from_utf8(bytes).unwrap_or_default();
}

fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = value.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

// ---------------------------------------------------------------------------------------------
// The server cards

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
fn float_text(f: f64) -> String {
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
fn in_style_of(raw: &str, json: String) -> String {
    match Quotes::of(raw) {
        Quotes::Double => json,
        Quotes::Single => single_quoted(&json),
    }
}

/// The list as compact JSON with entry `index` replaced by `edited`: the entries around it are
/// rendered where they are, not copied first (a card edit in a list of a thousand).
fn render_edited(servers: &[BackendServer], index: usize, edited: &BackendServer) -> String {
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
fn single_quoted(json: &str) -> String {
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

// ---------------------------------------------------------------------------------------------
// Long lists: a window of cards, and the first diagnostics

/// The cards a list shows before the rest is summed up (the service takes two servers; a longer
/// list is pasted, and edited in the raw text).
pub const CARDS_SHOWN: usize = 10;
/// Beyond the first cards, at most this many more are shown for the servers that have a
/// diagnostic.
pub const FLAGGED_CARDS_SHOWN: usize = 10;
/// The diagnostics listed; the summary line counts them all.
pub const DIAGNOSTICS_SHOWN: usize = 20;

/// Which server cards the form shows, and how many it leaves to the raw text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardWindow {
    /// Indices (from 0) in list order: the first `limit`, then up to [`FLAGGED_CARDS_SHOWN`]
    /// further servers that have a diagnostic.
    pub shown: Vec<usize>,
    /// The servers not shown as cards.
    pub hidden: usize,
}

/// The window of cards for a list of `count` servers: the first `limit`, then the servers
/// further down that the diagnostics (`targets`) are about, and `pinned` (the server just
/// added). Linear in the diagnostics.
pub fn card_window(
    count: usize,
    limit: usize,
    targets: &[(Option<Target>, bool)],
    pinned: Option<usize>,
) -> CardWindow {
    let first = count.min(limit);
    let mut shown: Vec<usize> = (0..first).collect();
    // One flag per server after the first ones: in list order without a sort.
    let mut flagged = vec![false; count - first];
    for (t, _) in targets {
        if let Some(Target::Card(i, _)) = t
            && let Some(flag) = i.checked_sub(first).and_then(|at| flagged.get_mut(at))
        {
            *flag = true;
        }
    }
    shown.extend(
        (first..count)
            .zip(flagged)
            .filter_map(|(i, flag)| flag.then_some(i))
            .take(FLAGGED_CARDS_SHOWN),
    );
    if let Some(p) = pinned.filter(|&p| p < count) {
        let at = shown.partition_point(|&i| i < p);
        if shown.get(at) != Some(&p) {
            shown.insert(at, p);
        }
    }
    CardWindow {
        hidden: count - shown.len(),
        shown,
    }
}

/// `98186` as `98,186`.
pub fn thousands(n: usize) -> String {
    let mut out = (n % 1000).to_string();
    let mut rest = n / 1000;
    while rest > 0 {
        out = format!("{},{out:0>3}", rest % 1000);
        rest /= 1000;
    }
    out
}

/// The line under a window of cards, when it leaves servers out.
pub fn hidden_cards_note(window: &CardWindow) -> Option<String> {
    match window.hidden {
        0 => None,
        1 => {
            Some("1 more server is not shown as a card: edit it in the raw text below.".to_owned())
        }
        n => Some(format!(
            "{} more servers are not shown as cards: edit them in the raw text below.",
            thousands(n)
        )),
    }
}

/// The line closing a list of `total` diagnostics when only the first [`DIAGNOSTICS_SHOWN`]
/// are listed.
pub fn more_diagnostics_note(total: usize) -> Option<String> {
    let more = total.checked_sub(DIAGNOSTICS_SHOWN).filter(|&n| n > 0)?;
    Some(if more == 1 {
        "1 more diagnostic is not listed.".to_owned()
    } else {
        format!("{} more diagnostics are not listed.", thousands(more))
    })
}

/// One piece of the raw text in the raw editor's underline layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// `err`, `warn`, or with ` at` for an insertion point; `None` for plain text.
    pub class: Option<&'static str>,
}

/// The raw editor's underline layer: the raw text cut at the diagnostics' spans (UTF-8
/// offsets; overlapping spans are first come, first served), up to the end of the last span.
/// The layer scrolls with the textarea and its text is transparent, so the text after the last
/// span draws nothing and is left out, and a span over the whole list (the count of servers) is
/// shown by the editor's error outline, not by underlining everything: typing in a long list
/// lays out only the text before its underlines. Linear in the text and the diagnostics.
pub fn underlines(raw: &str, diagnostics: &[Diagnostic]) -> Vec<Piece> {
    let whole = raw.len() - raw.trim_start().len()..raw.trim_end().len();
    let mut spans: Vec<(usize, usize, &'static str)> = diagnostics
        .iter()
        .filter_map(|d| {
            let span = d.span?;
            let (start, end) = (span.start.min(raw.len()), span.end.min(raw.len()));
            if start <= whole.start && end >= whole.end && !span.is_empty() {
                return None;
            }
            let class = match (d.severity, span.is_empty()) {
                (slb_msgroup::Severity::Error, false) => "err",
                (slb_msgroup::Severity::Warning, false) => "warn",
                (slb_msgroup::Severity::Error, true) => "err at",
                (slb_msgroup::Severity::Warning, true) => "warn at",
            };
            Some((start, end, class))
        })
        .collect();
    spans.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, class) in spans {
        if start < at || !raw.is_char_boundary(start) || !raw.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push(Piece {
                text: raw[at..start].to_owned(),
                class: None,
            });
        }
        out.push(Piece {
            text: raw[start..end].to_owned(),
            class: Some(class),
        });
        at = end;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The "Check a request" view

/// "Load into the form": the builder's state for the API parameters a checked request carries
/// (its method, signature version, `Timestamp` and nonce too, so the builder can make the same
/// request again). The AccessKey is not taken: the caller keeps the builder's. `None` when the
/// input was not read as a request.
pub fn state_from_check(report: &slb_msgroup::check::CheckReport) -> Option<State> {
    let input = report.input.as_ref()?;
    let param = |k: &str| {
        report
            .parameters
            .0
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
    };
    let header = |k: &str| {
        input
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.clone())
    };
    let signature = match report.signature.scheme {
        Some(slb_msgroup::check::Scheme::V1) => Some(SignatureVersion::V1),
        Some(slb_msgroup::check::Scheme::Acs3) => Some(SignatureVersion::V3),
        None => None,
    };
    let method = if input.method.eq_ignore_ascii_case("POST") {
        Some(Method::Post)
    } else if signature == Some(SignatureVersion::V3) {
        Some(Method::Get)
    } else {
        None
    };
    Some(State {
        region_id: param("RegionId").unwrap_or_default(),
        load_balancer_id: param("LoadBalancerId").unwrap_or_default(),
        group_name: param("MasterSlaveServerGroupName").unwrap_or_default(),
        servers: param("MasterSlaveBackendServers").unwrap_or_default(),
        format: param("Format")
            .and_then(|f| Format::parse(&f))
            .unwrap_or_default(),
        shape: Shape::default(),
        signature,
        method,
        timestamp: param("Timestamp").or_else(|| header("x-acs-date")),
        nonce: param("SignatureNonce").or_else(|| header("x-acs-signature-nonce")),
        secrets: Secrets::default(),
    })
}

/// A string cut around the byte where it first differs from another: the text before, the
/// differing character (empty when the string ends there) and the rest, for a `<mark>` around
/// the middle. An offset inside a character moves back to its start; past the end, the whole
/// string comes before.
pub fn split_at_difference(s: &str, offset: usize) -> (&str, &str, &str) {
    let mut at = offset.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    let len = s[at..].chars().next().map_or(0, char::len_utf8);
    (&s[..at], &s[at..at + len], &s[at + len..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> State {
        State {
            region_id: "cn-hangzhou".into(),
            load_balancer_id: "lb-bp1hv944r69al4j9jkmvx".into(),
            group_name: "Group 1 & co = 100%".into(),
            servers: "[{'ServerId':'vm-233','Port':'80','Description':'中文 😀 #x'},\n {\"ServerId\":\"vm-232\"}]"
                .into(),
            format: Format::Xml,
            shape: Shape::Documented,
            signature: Some(SignatureVersion::V3),
            method: Some(Method::Post),
            timestamp: Some("2026-01-02T03:04:05Z".into()),
            nonce: Some("n-1".into()),
            secrets: Secrets::default(),
        }
    }

    #[test]
    fn a_float_field_reads_as_written() {
        assert_eq!(float_text(80.0), "80");
        assert_eq!(float_text(-3.0), "-3");
        assert_eq!(float_text(80.5), "80.5");
        assert_eq!(float_text(1e300), "1e+300");
        assert_eq!(float_text(0.000_000_1), "1e-7");
        assert_eq!(float_text(f64::NAN), "NaN");
        assert_eq!(float_text(f64::NEG_INFINITY), "-Infinity");
    }

    #[test]
    fn fragment_round_trip() {
        for state in [State::default(), full()] {
            let fragment = to_fragment(&state);
            assert!(fragment.starts_with("v1."), "{fragment}");
            assert_eq!(from_fragment(&fragment), Ok(state.clone()));
            assert_eq!(from_fragment(&format!("#{fragment}")), Ok(state));
        }
    }

    #[test]
    fn fragment_is_compact_and_readable() {
        let state = State {
            region_id: "cn-hangzhou".into(),
            servers: "[{'ServerId':'vm-233','Port':'80'}]".into(),
            ..State::default()
        };
        assert_eq!(
            to_fragment(&state),
            "v1.r=cn-hangzhou&s=%5B%7B'ServerId':'vm-233','Port':'80'%7D%5D"
        );
    }

    /// Links written by earlier builds must keep opening: these strings are frozen.
    #[test]
    fn old_links_decode() {
        let v1 = "#v1.r=cn-hangzhou&lb=lb-bp1hv944r69al4j9jkmvx&n=Group1\
                  &s=%5B%7B'ServerId':'vm-233','Port':'80'%7D%5D&f=xml&sh=documented\
                  &sig=v1&m=post&ts=2026-01-02T03:04:05Z&nonce=abc&future=ignored";
        let state = from_fragment(v1).unwrap();
        assert_eq!(state.region_id, "cn-hangzhou");
        assert_eq!(state.load_balancer_id, "lb-bp1hv944r69al4j9jkmvx");
        assert_eq!(state.group_name, "Group1");
        assert_eq!(state.servers, "[{'ServerId':'vm-233','Port':'80'}]");
        assert_eq!(state.format, Format::Xml);
        assert_eq!(state.shape, Shape::Documented);
        assert_eq!(state.signature, Some(SignatureVersion::V1));
        assert_eq!(state.method, Some(Method::Post));
        assert_eq!(state.timestamp.as_deref(), Some("2026-01-02T03:04:05Z"));
        assert_eq!(state.nonce.as_deref(), Some("abc"));
        // The smallest v1 link: everything default.
        assert_eq!(from_fragment("v1."), Ok(State::default()));
    }

    #[test]
    fn foreign_or_damaged_fragments_are_refused() {
        assert_eq!(from_fragment(""), Err(FragmentError::NotVersioned));
        assert_eq!(
            from_fragment("#section-2"),
            Err(FragmentError::NotVersioned)
        );
        assert_eq!(
            from_fragment("v2.r=x"),
            Err(FragmentError::UnknownVersion("v2".into()))
        );
        assert_eq!(
            from_fragment("v1.s=%E2%28"),
            Err(FragmentError::BadEncoding("s".into()))
        );
        assert_eq!(
            from_fragment("v1.s=%4"),
            Err(FragmentError::BadEncoding("s".into()))
        );
    }

    #[test]
    fn secrets_are_never_serialized() {
        let mut state = full();
        state.secrets = Secrets {
            access_key_id: "LTAI5tSecretIdValue".into(),
            access_key_secret: "s3cr3t-value-XYZ".into(),
        };
        let fragment = to_fragment(&state);
        assert!(!fragment.contains("s3cr3t"), "{fragment}");
        assert!(!fragment.contains("LTAI5tSecretIdValue"), "{fragment}");
        assert_eq!(fragment, to_fragment(&full()));
        assert!(!format!("{state:?}").contains("s3cr3t"));
        // A crafted link cannot plant credentials either.
        let planted = from_fragment("v1.access_key_secret=x&AccessKeySecret=y&secrets=z").unwrap();
        assert_eq!(planted.secrets, Secrets::default());
    }

    #[test]
    fn empty_fields_are_absent_parameters() {
        let request = to_request(&State::default());
        assert_eq!(request, Request::default());
        let request = to_request(&full());
        assert_eq!(request.region_id.as_deref(), Some("cn-hangzhou"));
        assert!(matches!(
            request.master_slave_backend_servers,
            Some(ServerList::Raw(_))
        ));
    }

    #[test]
    fn card_edits() {
        let raw =
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"ServerId":"b","Port":"81"}]"#;
        let (outcome, _) = slb_msgroup::parse_servers(raw);
        let servers = outcome.servers.unwrap();
        assert_eq!(field_text(&servers[0], Field::Port), "80");
        assert_eq!(
            edit_server(raw, &servers, 0, Field::Port, "8080"),
            r#"[{"ServerId":"a","Port":8080,"ServerType":"Master"},{"ServerId":"b","Port":"81"}]"#
        );
        assert_eq!(
            edit_server(raw, &servers, 0, Field::Port, "http"),
            r#"[{"ServerId":"a","Port":"http","ServerType":"Master"},{"ServerId":"b","Port":"81"}]"#
        );
        assert_eq!(
            edit_server(raw, &servers, 1, Field::ServerId, ""),
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"Port":"81"}]"#
        );
        assert_eq!(
            swap_roles(raw, &servers),
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"ServerId":"b","Port":"81","ServerType":"Master"}]"#
        );
        let pair_raw =
            r#"[{"ServerId":"a","ServerType":"Master"},{"ServerId":"b","ServerType":"Slave"}]"#;
        let (pair, _) = slb_msgroup::parse_servers(pair_raw);
        assert_eq!(
            swap_roles(pair_raw, &pair.servers.unwrap()),
            r#"[{"ServerId":"a","ServerType":"Slave"},{"ServerId":"b","ServerType":"Master"}]"#
        );
        assert_eq!(
            remove_server(raw, &servers, 0),
            r#"[{"ServerId":"b","Port":"81"}]"#
        );
        // A new server writes Port as the entries before it do: here a string.
        assert_eq!(
            add_server(raw, &servers[..1]),
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"ServerId":"i-server2","Port":80,"ServerType":"Slave"}]"#
        );
        assert_eq!(
            add_server(raw, &servers),
            r#"[{"ServerId":"a","Port":80,"ServerType":"Master"},{"ServerId":"b","Port":"81"},{"ServerId":"i-server3","Port":"80","ServerType":"Slave"}]"#
        );
        assert_eq!(
            add_server("", &[]),
            r#"[{"ServerId":"i-server1","Port":"80","ServerType":"Master"}]"#
        );
    }

    #[test]
    fn a_card_edit_renders_the_list_around_the_entry() {
        let raw = r#"[{"ServerId":"a","Port":80},{"ServerId":"b"},{"ServerId":"c","Weight":"5"}]"#;
        let servers = slb_msgroup::parse_servers(raw).0.servers.unwrap();
        for index in 0..4 {
            let mut list = servers.clone();
            if let Some(s) = list.get_mut(index) {
                set_field(s, Field::Port, "81");
            }
            assert_eq!(
                edit_server(raw, &servers, index, Field::Port, "81"),
                render_like(raw, &list),
                "{index}"
            );
        }
        let one = r#"[{"ServerId":"a"}]"#;
        let single = slb_msgroup::parse_servers(one).0.servers.unwrap();
        assert_eq!(edit_server(one, &single, 0, Field::ServerId, ""), "[{}]");
    }

    /// Issue 10, item 3: a card edit keeps the quotes the person chose.
    #[test]
    fn card_edits_keep_single_quotes() {
        let raw = "[{'ServerId':'vm-233','Port':'80','Description':'it\\'s \"x\"'},{'ServerId':'vm-232','Port':'90'}]";
        // It parses (its diagnostics are about the pair and the description, not the syntax).
        let (outcome, _) = slb_msgroup::parse_servers(raw);
        let servers = outcome.servers.unwrap();
        assert_eq!(Quotes::of(raw), Quotes::Single);
        let edited = edit_server(raw, &servers, 1, Field::Port, "91");
        assert_eq!(
            edited,
            "[{'ServerId':'vm-233','Port':'80','Description':'it\\'s \"x\"'},{'ServerId':'vm-232','Port':'91'}]"
        );
        // It reads back as the same list, with the edit.
        let (back, _) = slb_msgroup::parse_servers(&edited);
        let back = back.servers.unwrap();
        assert_eq!(back[0], servers[0]);
        assert_eq!(field_text(&back[1], Field::Port), "91");
        assert!(
            add_server(raw, &servers)
                .ends_with(",{'ServerId':'i-server3','Port':'80','ServerType':'Slave'}]")
        );
        assert!(remove_server(raw, &servers, 0).starts_with("[{'ServerId':'vm-232'"));
        assert!(swap_roles(raw, &servers).contains("'ServerType':'Master'"));
        assert_eq!(Quotes::of("[]"), Quotes::Double);
        assert_eq!(Quotes::of(r#"[{"ServerId":"it's"}]"#), Quotes::Double);
    }

    /// Issue 10, item 5: fields learn which diagnostics are about them.
    #[test]
    fn field_notes() {
        let targets = vec![
            (Some(Target::Card(0, Field::Port)), true),
            (Some(Target::RegionId), false),
            (Some(Target::Card(0, Field::Port)), false),
        ];
        assert_eq!(
            field_note(&targets, Target::Card(0, Field::Port)),
            FieldNote {
                invalid: true,
                described_by: "diag-0-detail diag-2-detail".into()
            }
        );
        assert_eq!(
            field_note(&targets, Target::RegionId),
            FieldNote {
                invalid: false,
                described_by: "diag-1-detail".into()
            }
        );
        assert_eq!(
            field_note(&targets, Target::GroupName),
            FieldNote::default()
        );
    }

    #[test]
    fn a_long_list_shows_a_window_of_cards() {
        // Two servers: both cards, nothing left out.
        assert_eq!(
            card_window(2, CARDS_SHOWN, &[], None),
            CardWindow {
                shown: vec![0, 1],
                hidden: 0
            }
        );
        assert_eq!(
            hidden_cards_note(&card_window(2, CARDS_SHOWN, &[], None)),
            None
        );
        // A thousand: the first ten, then the servers further down a diagnostic is about.
        let targets = vec![
            (Some(Target::Card(1, Field::Port)), true),
            (Some(Target::Card(500, Field::Port)), true),
            (Some(Target::Card(41, Field::Weight)), false),
            (Some(Target::Card(500, Field::ServerId)), true),
            (Some(Target::Servers), true),
            (Some(Target::Card(1000, Field::Port)), true),
        ];
        let window = card_window(1000, CARDS_SHOWN, &targets, None);
        assert_eq!(window.shown, vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 41, 500]);
        assert_eq!(window.hidden, 988);
        assert_eq!(
            hidden_cards_note(&window).as_deref(),
            Some("988 more servers are not shown as cards: edit them in the raw text below.")
        );
        assert_eq!(
            hidden_cards_note(&card_window(11, 10, &[], None)).as_deref(),
            Some("1 more server is not shown as a card: edit it in the raw text below.")
        );
        // At most ten flagged cards beyond the window.
        let many: Vec<_> = (0..1000)
            .map(|i| (Some(Target::Card(i, Field::Port)), true))
            .collect();
        let window = card_window(1000, CARDS_SHOWN, &many, None);
        assert_eq!(window.shown, (0..20).collect::<Vec<_>>());
        assert_eq!(window.hidden, 980);
        // A larger limit ("Show 10 more").
        assert_eq!(card_window(1000, 20, &[], None).shown.len(), 20);
        // The server just added is shown, in its place; not twice, and not past the end.
        let window = card_window(1001, CARDS_SHOWN, &targets, Some(1000));
        assert_eq!(
            window.shown,
            vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 41, 500, 1000]
        );
        assert_eq!(window.hidden, 988);
        assert_eq!(
            card_window(1001, CARDS_SHOWN, &targets, Some(41)),
            card_window(1001, CARDS_SHOWN, &targets, None)
        );
        assert_eq!(
            card_window(30, CARDS_SHOWN, &[], Some(20)).shown,
            vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20]
        );
        assert_eq!(
            card_window(3, CARDS_SHOWN, &[], Some(7)).shown,
            vec![0, 1, 2]
        );
    }

    #[test]
    fn only_the_first_diagnostics_are_listed() {
        assert_eq!(more_diagnostics_note(0), None);
        assert_eq!(more_diagnostics_note(DIAGNOSTICS_SHOWN), None);
        assert_eq!(
            more_diagnostics_note(DIAGNOSTICS_SHOWN + 1).as_deref(),
            Some("1 more diagnostic is not listed.")
        );
        assert_eq!(
            more_diagnostics_note(1001).as_deref(),
            Some("981 more diagnostics are not listed.")
        );
        assert_eq!(
            more_diagnostics_note(2020).as_deref(),
            Some("2,000 more diagnostics are not listed.")
        );
        // A field is described only by listed diagnostics, but an error beyond them still
        // makes it invalid.
        let mut targets = vec![(Some(Target::RegionId), false); DIAGNOSTICS_SHOWN];
        targets.push((Some(Target::Card(0, Field::Port)), true));
        assert_eq!(
            field_note(&targets, Target::Card(0, Field::Port)),
            FieldNote {
                invalid: true,
                described_by: String::new()
            }
        );
    }

    #[test]
    fn underlines_stop_after_the_last_span() {
        use slb_msgroup::{Code, Span};
        let d = |start, end, code| {
            let mut d = Diagnostic::new(
                code,
                slb_msgroup::Check::Count,
                "MasterSlaveBackendServers",
                "",
            );
            d = d.with_span(Span { start, end });
            d
        };
        let raw = "[{'ServerId':'a','Port':'0'},{'ServerId':'b'}]";
        let port = raw.find("'0'").unwrap();
        let pieces = underlines(raw, &[d(port, port + 3, Code::RealServerPortNotSupport)]);
        assert_eq!(
            pieces,
            vec![
                Piece {
                    text: "[{'ServerId':'a','Port':".into(),
                    class: None
                },
                Piece {
                    text: "'0'".into(),
                    class: Some("err")
                },
            ]
        );
        // A span over the whole list (spaces around it too) draws nothing: the outline shows it.
        let spaced = format!(" {raw}\n");
        assert_eq!(
            underlines(
                &spaced,
                &[d(1, raw.len() + 1, Code::BackendServersNumMustBeTwo)]
            ),
            vec![]
        );
        // An insertion point at the end, and an overlapping span left out.
        let pieces = underlines(
            "[1,",
            &[
                d(3, 3, Code::InvalidParameter),
                d(1, 3, Code::InvalidParameter),
                d(2, 3, Code::InvalidParameter),
            ],
        );
        assert_eq!(
            pieces,
            vec![
                Piece {
                    text: "[".into(),
                    class: None
                },
                Piece {
                    text: "1,".into(),
                    class: Some("err")
                },
                Piece {
                    text: String::new(),
                    class: Some("err at")
                },
            ]
        );
        assert_eq!(underlines("[]", &[]), vec![]);
    }

    #[test]
    fn targets() {
        assert_eq!(target_of("RegionId"), Some(Target::RegionId));
        assert_eq!(
            target_of("MasterSlaveBackendServers[1].Port"),
            Some(Target::Card(1, Field::Port))
        );
        assert_eq!(
            target_of("MasterSlaveBackendServers[0].IsBackup"),
            Some(Target::Servers)
        );
        assert_eq!(
            target_of("MasterSlaveBackendServers"),
            Some(Target::Servers)
        );
        assert_eq!(target_of("Other"), None);
    }

    #[test]
    fn a_checked_request_loads_into_the_form() {
        let url = include_str!("../../core/tests/fixtures/check/url-ok.txt");
        let report = slb_msgroup::check::check(url, &slb_msgroup::check::CheckOptions::default());
        let s = state_from_check(&report).unwrap_or_else(|| unreachable!("read as a request"));
        assert_eq!(s.region_id, "cn-hangzhou");
        assert_eq!(s.load_balancer_id, "lb-bp1hv944r69al4j9jkmvx");
        assert_eq!(s.group_name, "Group 1");
        assert_eq!(
            s.servers,
            "[{'ServerId':'vm-233','Port':'80','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','ServerType':'Slave'}]"
        );
        assert_eq!(s.format, Format::Json);
        assert_eq!(s.signature, Some(SignatureVersion::V1));
        assert_eq!(s.method, None);
        assert_eq!(s.timestamp.as_deref(), Some("2026-12-06T12:00:00Z"));
        assert_eq!(
            s.nonce.as_deref(),
            Some("3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf")
        );
        assert_eq!(s.secrets, Secrets::default());
        // The fragment the builder writes holds the parameters, never a signature.
        assert!(!to_fragment(&s).contains("p7JKIBKAjNHoOnvK9gM0za5gYXg"));
    }

    #[test]
    fn text_that_is_not_a_request_loads_nothing() {
        let report =
            slb_msgroup::check::check("hello", &slb_msgroup::check::CheckOptions::default());
        assert_eq!(state_from_check(&report), None);
    }

    #[test]
    fn the_difference_is_cut_on_a_character() {
        assert_eq!(split_at_difference("GET&%2F", 0), ("", "G", "ET&%2F"));
        assert_eq!(split_at_difference("a*b", 1), ("a", "*", "b"));
        assert_eq!(split_at_difference("ab", 2), ("ab", "", ""));
        assert_eq!(split_at_difference("ab", 9), ("ab", "", ""));
        // Inside "é" (two bytes): the whole character is marked.
        assert_eq!(split_at_difference("aéb", 2), ("a", "é", "b"));
    }
}
