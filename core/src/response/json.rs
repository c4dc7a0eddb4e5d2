//! JSON bodies, written in the service's key order straight into one buffer.

use super::{Failure, Success};
use crate::json::write::Pretty;
use crate::rules::Resolved;

/// Room for a body of two servers (about 550 bytes), so the buffer rarely grows.
const CAPACITY: usize = 768;

pub(super) fn success_service(s: &Success<'_>) -> String {
    let mut p = Pretty::with_capacity(CAPACITY);
    p.open(None, '{');
    p.string("RequestId", s.request_id);
    p.string("MasterSlaveServerGroupId", s.group_id);
    p.open(Some("MasterSlaveBackendServers"), '{');
    p.open(Some("MasterSlaveBackendServer"), '[');
    for r in s.servers {
        p.open(None, '{');
        p.string("ServerId", &r.server_id);
        p.uint("Port", r.port.into());
        p.uint("Weight", r.weight.into());
        p.string("ServerType", r.server_type);
        p.string("Type", r.r#type);
        if let Some(d) = &r.description {
            p.string("Description", d);
        }
        p.close('}');
    }
    p.close(']');
    p.close('}');
    p.close('}');
    p.finish()
}

pub(super) fn success_documented(s: &Success<'_>) -> String {
    let mut p = Pretty::with_capacity(CAPACITY);
    p.open(None, '{');
    p.open(Some("CreateMasterSlaveServerGroup"), '{');
    p.open(Some("MasterSlaveBackendServers"), '{');
    p.open(Some("MasterSlaveBackendServers"), '[');
    for r in s.servers {
        p.open(None, '{');
        documented_fields(r, |name, value| p.string(name, value));
        p.close('}');
    }
    p.close(']');
    p.close('}');
    p.string("MasterSlaveServerGroupId", s.group_id);
    p.string("RequestId", s.request_id);
    p.close('}');
    p.close('}');
    p.finish()
}

pub(super) fn error(f: &Failure<'_>) -> String {
    let mut p = Pretty::with_capacity(CAPACITY);
    p.open(None, '{');
    p.string("RequestId", f.request_id);
    p.string("HostId", f.host_id);
    p.string("Code", f.code);
    p.string("Message", f.message);
    p.string("Recommend", f.recommend);
    p.close('}');
    p.finish()
}

/// The documented layout's fields in order, every value as text (shared with the XML writer):
/// only the optional fields the request gave.
pub(super) fn documented_fields(r: &Resolved, mut field: impl FnMut(&'static str, &str)) {
    let mut digits = itoa::Buffer::new();
    field("ServerId", &r.server_id);
    field("Port", digits.format(r.port));
    if r.weight_given {
        field("Weight", digits.format(r.weight));
    }
    if r.server_type_given {
        field("ServerType", r.server_type);
    }
    if let Some(d) = &r.description {
        field("Description", d);
    }
    if r.type_given {
        field("Type", r.r#type);
    }
}

/// The service layout's fields in order, every value as text (shared with the XML writer).
pub(super) fn service_fields(r: &Resolved, mut field: impl FnMut(&'static str, &str)) {
    let mut digits = itoa::Buffer::new();
    field("ServerId", &r.server_id);
    field("Port", digits.format(r.port));
    field("Weight", digits.format(r.weight));
    field("ServerType", r.server_type);
    field("Type", r.r#type);
    if let Some(d) = &r.description {
        field("Description", d);
    }
}
