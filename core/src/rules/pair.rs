//! Checks of the list as a whole: the count (rule 3) and the pair (rules 9 and 10).

use super::Sink;
use super::entry::{IntRead, Resolved, read_int};
use crate::codes::Code;
use crate::diagnostic::{Check, Diagnostic, Fix, Span};
use crate::json::{Node, Value};
use crate::servers::{Fields, PARAM, PORT, SERVER_ID, SERVER_TYPE};

pub(super) fn check_count(count: usize, span: Option<Span>, sink: &mut Sink) {
    if count == 2 {
        return;
    }
    let detail = match count {
        0 if span.is_none() => {
            "MasterSlaveBackendServers is absent or empty, which is an empty list; give exactly two servers, one Master and one Slave.".to_owned()
        }
        0 => "The list is empty; give exactly two servers, one Master and one Slave.".to_owned(),
        1 => "The list holds 1 server; add a second one (one Master and one Slave).".to_owned(),
        n => format!("The list holds {n} servers; an active/standby group holds exactly two."),
    };
    let mut d = Diagnostic::new(
        Code::BackendServersNumMustBeTwo,
        Check::Count,
        PARAM,
        detail,
    );
    if let Some(span) = span {
        d = d.with_span(span);
    }
    sink.push(d);
}

type Entry<'a> = (&'a Node, Fields<'a>, Option<Resolved>);

pub(super) fn check_pair(raw: &str, [a, b]: [&Entry<'_>; 2], sink: &mut Sink) {
    // 9. The same ServerId and Port, only when both ids and ports are valid.
    let id = |e: &Entry<'_>| {
        e.1.value(SERVER_ID).and_then(|n| match &n.value {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(_) => raw.get(n.span.start..n.span.end).map(str::to_owned),
            _ => None,
        })
    };
    let port = |e: &Entry<'_>| match read_int(e.1.value(PORT)) {
        IntRead::Int(p) if (1..=65535).contains(&p) => Some(p),
        _ => None,
    };
    if let (Some(ida), Some(idb), Some(pa), Some(pb)) = (id(a), id(b), port(a), port(b))
        && ida == idb
        && pa == pb
    {
        let span = b.1.value(SERVER_ID).map_or(b.0.span, |n| n.span);
        sink.push(
            Diagnostic::new(
                Code::BackendServersHaveSamePortAndServerId,
                Check::SamePortAndServerId,
                format!("{PARAM}[1]"),
                format!(
                    "Both servers are ServerId \"{}\" on Port {pa}; use two different servers (the same port on two servers is fine).",
                    crate::text::excerpt(&ida)
                ),
            )
            .with_span(span),
        );
    }

    // 10. One Master and one Slave, when both types are valid or defaulted.
    fn role(e: &Entry<'_>) -> Option<&'static str> {
        match e.1.value(SERVER_TYPE).map(|n| &n.value) {
            None => Some("Master"),
            Some(Value::String(s)) if s.is_empty() || s == "Master" => Some("Master"),
            Some(Value::String(s)) if s == "Slave" => Some("Slave"),
            _ => None,
        }
    }
    let (Some(ra), Some(rb)) = (role(a), role(b)) else {
        return;
    };
    if ra != rb {
        return;
    }
    let given = |e: &Entry<'_>| {
        e.1.value(SERVER_TYPE)
            .is_some_and(|n| !matches!(&n.value, Value::String(s) if s.is_empty()))
    };
    let both = if ra == "Master" { "Masters" } else { "Slaves" };
    let how = match (given(a), given(b)) {
        (false, false) => " (neither gives ServerType, which defaults to Master)",
        (true, false) | (false, true) => " (ServerType defaults to Master where it is not given)",
        (true, true) => "",
    };
    // Fix: make the second server the Slave, or the first the Master.
    let (target, index, want) = if ra == "Master" {
        (b, 1, "Slave")
    } else {
        (a, 0, "Master")
    };
    let fix = set_server_type_fix(raw, target, want);
    let span = target
        .1
        .value(SERVER_TYPE)
        .map_or(target.0.span, |n| n.span);
    sink.push(
        Diagnostic::new(
            Code::BackendServersCanOnlyContainOneMasterAndOneSlave,
            Check::MasterSlavePair,
            format!("{PARAM}[{index}].ServerType"),
            format!("Both servers are {both}{how}; make one Master and the other Slave."),
        )
        .with_span(span)
        .with_fix(Some(fix)),
    );
}

/// Sets an entry's ServerType: rewrites the value when the key is there, else adds the key.
fn set_server_type_fix(raw: &str, (node, fields, _): &Entry<'_>, want: &str) -> Fix {
    let label = format!("Make this server the {want}");
    if let Some(m) = fields.known[SERVER_TYPE] {
        let q = match raw.as_bytes().get(m.value.span.start) {
            Some(b'\'') => '\'',
            _ => match raw.as_bytes().get(m.key_span.start) {
                Some(b'\'') => '\'',
                _ => '"',
            },
        };
        return Fix::replace(label, m.value.span, format!("{q}{want}{q}"));
    }
    // Insert before the closing brace, in the quote style of the entry's first key.
    let Value::Object(members) = &node.value else {
        return Fix::new(label, Vec::new());
    };
    let q = members
        .first()
        .and_then(|m| raw.as_bytes().get(m.key_span.start))
        .map_or('"', |b| if *b == b'\'' { '\'' } else { '"' });
    let close = node.span.end.saturating_sub(1);
    let text = if members.is_empty() {
        format!("{q}ServerType{q}:{q}{want}{q}")
    } else {
        format!(",{q}ServerType{q}:{q}{want}{q}")
    };
    let at = members.last().map_or(close, |m| m.value.span.end);
    Fix::insert(label, at, text)
}
