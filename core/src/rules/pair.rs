//! Checks of the list as a whole: the count (rule 3) and the pair (rules 9 and 10).

use super::Sink;
use super::entry::{Checked, quote_at};
use crate::codes::Code;
use crate::diagnostic::{Check, Diagnostic, Fix, Span};
use crate::json::{Node, Value};
use crate::servers::{Fields, PARAM, SERVER_ID, SERVER_TYPE};

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

type Entry<'a> = (&'a Node<'a>, Fields<'a>, Checked<'a>);

pub(super) fn check_pair(raw: &str, [a, b]: [&Entry<'_>; 2], sink: &mut Sink) {
    // 9. The same ServerId and Port, only when both ids and ports are valid.
    if let (Some(ida), Some(idb), Some(pa), Some(pb)) =
        (a.2.server_id, b.2.server_id, a.2.port, b.2.port)
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
                    crate::text::excerpt(ida)
                ),
            )
            .with_span(span),
        );
    }

    // 10. One Master and one Slave, when both types are valid or defaulted.
    let (Some((ra, given_a)), Some((rb, given_b))) = (a.2.server_type, b.2.server_type) else {
        return;
    };
    if ra != rb {
        return;
    }
    let both = if ra == "Master" { "Masters" } else { "Slaves" };
    let how = match (given_a, given_b) {
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
        // The value's own quote, else the key's (the value may be a bare word or number).
        let q = match quote_at(raw, m.value.span) {
            '"' => quote_at(raw, m.key_span),
            q => q,
        };
        return Fix::replace(label, m.value.span, format!("{q}{want}{q}"));
    }
    // Insert before the closing brace, in the quote style of the entry's first key.
    let Value::Object(members) = &node.value else {
        return Fix::new(label, Vec::new());
    };
    let q = members.first().map_or('"', |m| quote_at(raw, m.key_span));
    let close = node.span.end.saturating_sub(1);
    let text = if members.is_empty() {
        format!("{q}ServerType{q}:{q}{want}{q}")
    } else {
        format!(",{q}ServerType{q}:{q}{want}{q}")
    };
    let at = members.last().map_or(close, |m| m.value.span.end);
    Fix::insert(label, at, text)
}
