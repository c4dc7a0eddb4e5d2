//! Checks of one server entry (rules 4 to 8, and the entry warnings).

use super::Sink;
use crate::codes::Code;
use crate::diagnostic::{Check, Diagnostic, Fix, Span};
use crate::json::{Member, Node, Value};
use crate::model::{DEFAULT_SERVER_TYPE, DEFAULT_TYPE, DEFAULT_WEIGHT, SERVER_KEYS};
use crate::servers::{
    DESCRIPTION, Fields, PARAM, PORT, SERVER_ID, SERVER_IP, SERVER_TYPE, TYPE, WEIGHT,
};
use crate::text::{excerpt, is_blank};

/// An entry with every value checked and the defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub server_id: String,
    pub port: u16,
    pub weight: u8,
    pub server_type: &'static str,
    pub r#type: &'static str,
    pub description: Option<String>,
    pub server_ip: Option<String>,
    /// Which optional fields the request gave (the `documented` response shape lists only those).
    pub weight_given: bool,
    pub server_type_given: bool,
    pub type_given: bool,
}

/// An integer read from a number or a decimal string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IntRead {
    /// Absent, null, or a blank string.
    Blank,
    Int(i128),
    /// Present, but not an integer (a fraction, an exponent, a word, another JSON type).
    NotInt,
}

fn read_int(node: Option<&Node<'_>>) -> IntRead {
    let Some(node) = node else {
        return IntRead::Blank;
    };
    let text: &str = match &node.value {
        Value::Null => return IntRead::Blank,
        Value::Number(t) => t,
        Value::String(s) if is_blank(s) => return IntRead::Blank,
        Value::String(s) => s,
        _ => return IntRead::NotInt,
    };
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return IntRead::NotInt;
    }
    // More digits than any port or weight: saturate, so the range check reports it.
    let v = digits.bytes().fold(0u64, |v, b| {
        v.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    let v = i128::from(v);
    IntRead::Int(if text.starts_with('-') { -v } else { v })
}

/// A string field's text: `Some` for a string (or a number, which the service reads as text,
/// as written).
fn text_of<'n>(node: &'n Node<'_>) -> Option<&'n str> {
    match &node.value {
        Value::String(s) => Some(s),
        Value::Number(t) => Some(t),
        _ => None,
    }
}

fn source(raw: &str, span: Span) -> &str {
    raw.get(span.start..span.end).unwrap_or("")
}

/// The quote the text uses at `span` (for fixes that rewrite a string), `"` by default.
pub(super) fn quote_at(raw: &str, span: Span) -> char {
    match raw.as_bytes().get(span.start) {
        Some(b'\'') => '\'',
        _ => '"',
    }
}

/// The closest of `options` to `found`, compared without case, if it is close enough.
pub(super) fn closest<'o>(found: &str, options: &[&'o str]) -> Option<&'o str> {
    let lower = found.to_ascii_lowercase();
    options
        .iter()
        .map(|o| (*o, strsim::levenshtein(&lower, &o.to_ascii_lowercase())))
        .filter(|(o, d)| *d <= 2.min(o.len() / 2).max(1) || lower == o.to_ascii_lowercase())
        .min_by_key(|(_, d)| *d)
        .map(|(o, _)| o)
}

fn replace_string_fix(raw: &str, node: &Node<'_>, with: &str) -> Fix {
    let q = quote_at(raw, node.span);
    Fix::replace(
        format!("Change to {with}"),
        node.span,
        format!("{q}{with}{q}"),
    )
}

/// What the checks of one entry established, for the pair checks and the response.
#[derive(Debug)]
pub(super) struct Checked<'n> {
    /// The ServerId, when it is a non-blank string or a number.
    pub server_id: Option<&'n str>,
    /// The Port, when it is an integer in 1..=65535.
    pub port: Option<u16>,
    /// The ServerType (defaulted when not given) and whether it was given, when it is valid.
    pub server_type: Option<(&'static str, bool)>,
    /// Every value, when the entry has no error at all.
    pub resolved: Option<Values<'n>>,
}

/// Every value of an entry with no error, borrowed from the text until a [`Resolved`] is wanted.
#[derive(Debug, Clone, Copy)]
pub(super) struct Values<'n> {
    server_id: &'n str,
    port: u16,
    weight: (u8, bool),
    server_type: (&'static str, bool),
    r#type: (&'static str, bool),
    description: Option<&'n str>,
    server_ip: Option<&'n str>,
}

impl Values<'_> {
    pub(super) fn to_resolved(self) -> Resolved {
        Resolved {
            server_id: self.server_id.to_owned(),
            port: self.port,
            weight: self.weight.0,
            server_type: self.server_type.0,
            r#type: self.r#type.0,
            description: self.description.map(str::to_owned),
            server_ip: self.server_ip.map(str::to_owned),
            weight_given: self.weight.1,
            server_type_given: self.server_type.1,
            type_given: self.r#type.1,
        }
    }
}

pub(super) fn check<'n>(
    raw: &str,
    index: usize,
    item: &Node<'_>,
    f: &Fields<'n>,
    sink: &mut Sink,
) -> Checked<'n> {
    let path = |key: &str| format!("{PARAM}[{index}].{key}");
    // Prose counts servers from 1, as the playground's cards do; paths keep the JSON index.
    let number = index + 1;
    let show = |node: &Node<'_>| excerpt(source(raw, node.span));
    let mut valid = true;

    // 4. ServerId
    let server_id = match f.value(SERVER_ID) {
        None => {
            let detail = match f.known[SERVER_ID] {
                Some(_) => {
                    format!("Server {number} has ServerId null; give the ECS, ENI or ECI id.")
                }
                None => format!(
                    "Server {number} has no ServerId; give the ECS, ENI or ECI id, like \"i-bp1fq61enf4loa5i0000\"."
                ),
            };
            let span = f.known[SERVER_ID].map_or(item.span, |m| m.value.span);
            sink.push(
                Diagnostic::new(
                    Code::BackendServerIdCanNotEmpty,
                    Check::ServerIdEmpty,
                    path("ServerId"),
                    detail,
                )
                .with_span(span),
            );
            None
        }
        Some(node) => match text_of(node) {
            Some(id) if is_blank(id) => {
                sink.push(
                    Diagnostic::new(
                        Code::BackendServerIdCanNotEmpty,
                        Check::ServerIdEmpty,
                        path("ServerId"),
                        format!("Server {number} has a blank ServerId ({}).", show(node)),
                    )
                    .with_span(node.span),
                );
                None
            }
            other => other,
        },
    };
    if server_id.is_none() {
        valid = false;
    }

    // 5 and 6. Port
    let port_node = f.value(PORT);
    let port = match read_int(port_node) {
        IntRead::Blank => {
            let span = f.known[PORT].map_or(item.span, |m| m.value.span);
            let detail = match port_node {
                Some(node) => format!("Server {number} has a blank Port ({}).", show(node)),
                None if f.known[PORT].is_some() => format!("Server {number} has Port null."),
                None => format!("Server {number} has no Port; give an integer from 1 to 65535."),
            };
            sink.push(
                Diagnostic::new(
                    Code::BackendServerPortCanNotEmpty,
                    Check::PortEmpty,
                    path("Port"),
                    detail,
                )
                .with_span(span),
            );
            None
        }
        IntRead::Int(p) if (1..=65535).contains(&p) => u16::try_from(p).ok(),
        read => {
            // `read_int` only answers NotInt or Int for a present value.
            let node = port_node.unwrap_or(item);
            let what = if read == IntRead::NotInt {
                "not an integer"
            } else {
                "out of range"
            };
            sink.push(
                Diagnostic::new(
                    Code::RealServerPortNotSupport,
                    Check::PortValue,
                    path("Port"),
                    format!(
                        "Server {number} has Port {} ({what}); expected an integer from 1 to 65535.",
                        show(node)
                    ),
                )
                .with_span(node.span),
            );
            None
        }
    };
    if port.is_none() {
        valid = false;
    }

    // 7. ServerType
    let server_type = choice(
        &Choice {
            field: "ServerType",
            allowed: &["Master", "Slave"],
            default: DEFAULT_SERVER_TYPE,
            code: Code::InvalidServerType,
            check: Check::ServerTypeValue,
            expected: "Master or Slave (case-sensitive)",
        },
        raw,
        index,
        f.value(SERVER_TYPE),
        sink,
    );
    if server_type.is_none() {
        valid = false;
    }

    // 8. Weight, Type, and text fields of the wrong JSON type.
    let weight_node = f.value(WEIGHT);
    let weight = match read_int(weight_node) {
        IntRead::Blank if weight_node.is_none() => Some((DEFAULT_WEIGHT, false)),
        IntRead::Int(w) if (0..=100).contains(&w) => u8::try_from(w).ok().map(|w| (w, true)),
        _ => {
            let node = weight_node.unwrap_or(item);
            sink.push(
                Diagnostic::new(
                    Code::InvalidParameter,
                    Check::WeightValue,
                    path("Weight"),
                    format!(
                        "Server {number} has Weight {}; expected an integer from 0 to 100 (default 100).",
                        show(node)
                    ),
                )
                .with_span(node.span),
            );
            None
        }
    };
    if weight.is_none() {
        valid = false;
    }

    let kind = choice(
        &Choice {
            field: "Type",
            allowed: &["ecs", "eni", "eci"],
            default: DEFAULT_TYPE,
            code: Code::InvalidParameter,
            check: Check::TypeValue,
            expected: "ecs, eni or eci (default ecs)",
        },
        raw,
        index,
        f.value(TYPE),
        sink,
    );
    if kind.is_none() {
        valid = false;
    }

    let mut texts: [Option<&str>; 3] = [None, None, None];
    for (slot, (field, name)) in [
        (SERVER_ID, "ServerId"),
        (DESCRIPTION, "Description"),
        (SERVER_IP, "ServerIp"),
    ]
    .into_iter()
    .enumerate()
    {
        if let Some(node) = f.value(field) {
            match text_of(node) {
                Some(t) => texts[slot] = Some(t),
                None => {
                    valid = false;
                    sink.push(
                        Diagnostic::new(
                            Code::InvalidParameter,
                            Check::TextType,
                            path(name),
                            format!(
                                "Server {number} has {name} {}, which is {}; expected a string.",
                                show(node),
                                node.value.kind()
                            ),
                        )
                        .with_span(node.span),
                    );
                }
            }
        }
    }
    let [_, description, server_ip] = texts;

    warnings(
        raw,
        index,
        f,
        kind.map(|k| k.0),
        description,
        server_ip,
        sink,
    );

    let resolved = match (valid, server_id, port, server_type, weight, kind) {
        (true, Some(server_id), Some(port), Some(server_type), Some(weight), Some(r#type)) => {
            Some(Values {
                server_id,
                port,
                weight,
                server_type,
                r#type,
                description,
                server_ip,
            })
        }
        _ => None,
    };
    Checked {
        server_id,
        port,
        server_type,
        resolved,
    }
}

/// A field whose value is one of a few exact strings (ServerType, Type).
struct Choice {
    field: &'static str,
    allowed: &'static [&'static str],
    default: &'static str,
    code: Code,
    check: Check,
    expected: &'static str,
}

/// Reads a choice field: `Some((value, given))`, or `None` after reporting a bad value. Absent,
/// null and the empty string mean the default.
fn choice(
    c: &Choice,
    raw: &str,
    index: usize,
    node: Option<&Node<'_>>,
    sink: &mut Sink,
) -> Option<(&'static str, bool)> {
    let number = index + 1;
    let Some(node) = node else {
        return Some((c.default, false));
    };
    let found = match &node.value {
        Value::String(s) if s.is_empty() => return Some((c.default, false)),
        Value::String(s) => {
            if let Some(ok) = c.allowed.iter().find(|a| **a == s) {
                return Some((ok, true));
            }
            Some(&**s)
        }
        _ => None,
    };
    let suggestion = found.and_then(|s| closest(s, c.allowed));
    let hint = suggestion
        .map(|s| format!(" Did you mean {s}?"))
        .unwrap_or_default();
    sink.push(
        Diagnostic::new(
            c.code,
            c.check,
            format!("{PARAM}[{index}].{}", c.field),
            format!(
                "Server {number} has {} {}; expected {}.{hint}",
                c.field,
                excerpt(source(raw, node.span)),
                c.expected
            ),
        )
        .with_span(node.span)
        .with_fix(suggestion.map(|s| replace_string_fix(raw, node, s))),
    );
    None
}

fn warnings(
    raw: &str,
    index: usize,
    f: &Fields<'_>,
    kind: Option<&str>,
    description: Option<&str>,
    server_ip: Option<&str>,
    sink: &mut Sink,
) {
    let path = |key: &str| format!("{PARAM}[{index}].{key}");
    let number = index + 1;
    for m in &f.unknown {
        let suggestion = closest(&m.key, &SERVER_KEYS);
        let already = suggestion.is_some_and(|s| f.known[key_index(s)].is_some());
        let hint = match suggestion {
            Some(s) if already => format!(" It looks like {s}, which the entry also gives."),
            Some(s) => format!(" Did you mean {s}?"),
            None => format!(" Known keys: {}.", SERVER_KEYS.join(", ")),
        };
        let fix = suggestion
            .filter(|_| !already)
            .map(|s| rename_fix(raw, m, s));
        sink.push(
            Diagnostic::new(
                Code::UnknownServerKey,
                Check::UnknownKey,
                path(&m.key),
                format!(
                    "Server {number} has the key \"{}\", which the service ignores.{hint}",
                    excerpt(&m.key)
                ),
            )
            .with_span(m.key_span)
            .with_fix(fix),
        );
    }
    for m in &f.shadowed {
        sink.push(
            Diagnostic::new(
                Code::DuplicateServerKey,
                Check::DuplicateKey,
                path(&m.key),
                format!(
                    "Server {number} gives {} more than once; this value ({}) is replaced by a later one.",
                    m.key,
                    excerpt(source(raw, m.value.span))
                ),
            )
            .with_span(m.key_span),
        );
    }
    if let (Some(d), Some(node)) = (description, f.value(DESCRIPTION)) {
        let chars = d.chars().count();
        let bad = d
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | '_')));
        let problem = if chars == 0 {
            Some("is empty".to_owned())
        } else if chars > 80 {
            Some(format!("is {chars} characters long"))
        } else {
            bad.map(|c| format!("contains {}", describe(c)))
        };
        if let Some(problem) = problem {
            sink.push(
                Diagnostic::new(
                    Code::InvalidDescription,
                    Check::DescriptionFormat,
                    path("Description"),
                    format!(
                        "Server {number}'s Description {problem}; the documented format is 1 to 80 letters, digits, Chinese characters and - / . _."
                    ),
                )
                .with_span(node.span),
            );
        }
    }
    if let Some(k @ ("eni" | "eci")) = kind
        && server_ip.is_none_or(is_blank)
    {
        let span = f.value(TYPE).map(|n| n.span);
        let mut d = Diagnostic::new(
            Code::MissingServerIp,
            Check::ServerIpMissing,
            path("ServerIp"),
            format!(
                "Server {number} has Type {k} but no ServerIp; give the IP address of the {}.",
                k.to_ascii_uppercase()
            ),
        );
        if let Some(span) = span {
            d = d.with_span(span);
        }
        sink.push(d);
    }
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("'{c}'"),
    }
}

fn key_index(key: &str) -> usize {
    SERVER_KEYS.iter().position(|k| *k == key).unwrap_or(0)
}

fn rename_fix(raw: &str, m: &Member<'_>, to: &str) -> Fix {
    let q = quote_at(raw, m.key_span);
    Fix::replace(format!("Rename to {to}"), m.key_span, format!("{q}{to}{q}"))
}
