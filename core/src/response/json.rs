//! JSON bodies, built from serde structs so the key order is the service's.

use serde::Serialize;

use super::{Failure, Success};
use crate::rules::Resolved;

fn pretty<T: Serialize>(value: &T) -> String {
    // Serializing plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ServiceServer<'a> {
    server_id: &'a str,
    port: u16,
    weight: u8,
    server_type: &'a str,
    r#type: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct ServiceServers<'a> {
    #[serde(rename = "MasterSlaveBackendServer")]
    items: Vec<ServiceServer<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ServiceBody<'a> {
    request_id: &'a str,
    master_slave_server_group_id: &'a str,
    master_slave_backend_servers: ServiceServers<'a>,
}

pub(super) fn success_service(s: &Success<'_>) -> String {
    pretty(&ServiceBody {
        request_id: s.request_id,
        master_slave_server_group_id: s.group_id,
        master_slave_backend_servers: ServiceServers {
            items: s
                .servers
                .iter()
                .map(|r| ServiceServer {
                    server_id: &r.server_id,
                    port: r.port,
                    weight: r.weight,
                    server_type: r.server_type,
                    r#type: r.r#type,
                    description: r.description.as_deref(),
                })
                .collect(),
        },
    })
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DocumentedServer<'a> {
    server_id: &'a str,
    port: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    server_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    r#type: Option<&'a str>,
}

impl<'a> DocumentedServer<'a> {
    fn of(r: &'a Resolved) -> Self {
        Self {
            server_id: &r.server_id,
            port: r.port.to_string(),
            weight: r.weight_given.then(|| r.weight.to_string()),
            server_type: r.server_type_given.then_some(r.server_type),
            description: r.description.as_deref(),
            r#type: r.type_given.then_some(r.r#type),
        }
    }
}

#[derive(Serialize)]
struct DocumentedServers<'a> {
    #[serde(rename = "MasterSlaveBackendServers")]
    items: Vec<DocumentedServer<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DocumentedInner<'a> {
    master_slave_backend_servers: DocumentedServers<'a>,
    master_slave_server_group_id: &'a str,
    request_id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DocumentedBody<'a> {
    create_master_slave_server_group: DocumentedInner<'a>,
}

pub(super) fn success_documented(s: &Success<'_>) -> String {
    pretty(&DocumentedBody {
        create_master_slave_server_group: DocumentedInner {
            master_slave_backend_servers: DocumentedServers {
                items: s.servers.iter().map(DocumentedServer::of).collect(),
            },
            master_slave_server_group_id: s.group_id,
            request_id: s.request_id,
        },
    })
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ErrorBody<'a> {
    request_id: &'a str,
    host_id: &'a str,
    code: &'a str,
    message: &'a str,
    recommend: &'a str,
}

pub(super) fn error(f: &Failure<'_>) -> String {
    pretty(&ErrorBody {
        request_id: f.request_id,
        host_id: f.host_id,
        code: f.code,
        message: f.message,
        recommend: f.recommend,
    })
}

/// The documented layout shares one field order with the XML writer.
pub(super) fn documented_fields(r: &Resolved) -> Vec<(&'static str, String)> {
    let d = DocumentedServer::of(r);
    let mut out = vec![("ServerId", d.server_id.to_owned()), ("Port", d.port)];
    if let Some(w) = d.weight {
        out.push(("Weight", w));
    }
    if let Some(t) = d.server_type {
        out.push(("ServerType", t.to_owned()));
    }
    if let Some(t) = d.description {
        out.push(("Description", t.to_owned()));
    }
    if let Some(t) = d.r#type {
        out.push(("Type", t.to_owned()));
    }
    out
}

/// The service layout's fields in order, shared with the XML writer.
pub(super) fn service_fields(r: &Resolved) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("ServerId", r.server_id.clone()),
        ("Port", r.port.to_string()),
        ("Weight", r.weight.to_string()),
        ("ServerType", r.server_type.to_owned()),
        ("Type", r.r#type.to_owned()),
    ];
    if let Some(d) = &r.description {
        out.push(("Description", d.clone()));
    }
    out
}
