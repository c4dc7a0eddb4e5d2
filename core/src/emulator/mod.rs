//! The local emulator's handler: an HTTP request in, the HTTP response the service would send
//! out. The gateway checks ([`gateway::gateway_check`]), then the API's rules, then the body in
//! the service's shape (JSON by default, XML for `Format=XML`; every error has a non-2xx status
//! and a `Code`). State (groups, nonces, ids) and the clock are passed in; the Rust server
//! (`slb-msgroup emulate`) and the npm package's `startEmulator` are transports around it.
//!
//! Its own introspection lives beside the API, as LocalStack's does: `GET /_emulator/health`
//! and `GET /_emulator/groups`.

pub mod gateway;
pub mod http;
pub mod state;

use serde::Serialize;

pub use gateway::Credentials;
pub use http::{HttpRequest, HttpResponse};
pub use state::{Group, GroupServer, NonceLog, State};

use crate::endpoint;
use crate::model::{Request, ServerList};
use crate::response::{self, ErrorOptions, Format, ResponseOptions, Shape};
use crate::rules;

/// How the emulator is set up.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub credentials: Credentials,
}

/// What one request did, for the log line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub method: String,
    pub path: String,
    /// The action the request named, if any.
    pub action: Option<String>,
    pub status: u16,
    /// The error code, for an error.
    pub code: Option<String>,
    /// On `SignatureDoesNotMatch`: the server's string-to-sign.
    pub string_to_sign: Option<String>,
}

/// The response and what to log about it.
#[derive(Debug, Clone)]
pub struct Handled {
    pub response: HttpResponse,
    pub outcome: Outcome,
}

/// Answers one request. `now_unix` is the clock (seconds since the Unix epoch).
pub fn handle(
    request: &HttpRequest,
    state: &mut State,
    now_unix: u64,
    options: &Options,
) -> Handled {
    let mut outcome = Outcome {
        method: request.method.clone(),
        path: request.path.clone(),
        action: None,
        status: 200,
        code: None,
        string_to_sign: None,
    };
    if let Some(response) = introspection(request, state, options) {
        outcome.status = response.status;
        return Handled { response, outcome };
    }
    state.nonces.prune(now_unix, gateway::TIME_WINDOW_SECONDS);
    let request_id = state.ids.request_id();
    let admitted =
        match gateway::gateway_check(request, &mut state.nonces, now_unix, &options.credentials) {
            Ok(a) => a,
            Err(r) => {
                let rendered = response::render_error(
                    &ErrorOptions {
                        code: r.code,
                        message: &r.message,
                        status: r.status,
                        request_id: &request_id,
                        host_id: endpoint::DEFAULT_HOST,
                    },
                    r.format,
                );
                outcome.action = r.action;
                outcome.code = Some(r.code.to_owned());
                outcome.string_to_sign = r.string_to_sign;
                return finish(rendered, &request_id, outcome);
            }
        };
    outcome.action = Some(admitted.action.clone());
    let api = api_request(&admitted.params);
    let analysis = rules::analyze(&api);
    let group_id = state.ids.group_id();
    let rendered = response::render_analysis(
        &api,
        &analysis,
        &ResponseOptions {
            format: admitted.format,
            shape: Shape::Service,
            request_id: Some(request_id.clone()),
            group_id: Some(group_id.clone()),
            entropy: 0,
        },
    );
    match (&analysis.servers.resolved, analysis.report.first_error()) {
        (Some(servers), None) => state.add_group(Group {
            master_slave_server_group_id: group_id,
            region_id: api.region_id.clone().unwrap_or_default(),
            load_balancer_id: api.load_balancer_id.clone().unwrap_or_default(),
            master_slave_server_group_name: api.master_slave_server_group_name.clone(),
            master_slave_backend_servers: servers.iter().map(GroupServer::of).collect(),
            request_id: request_id.clone(),
        }),
        (_, error) => {
            outcome.code = Some(
                error
                    .map_or("InternalError", |d| d.code.as_str())
                    .to_owned(),
            );
        }
    }
    finish(rendered, &request_id, outcome)
}

/// The API's parameters, by name (the first of a repeated name counts, as in the gateway).
fn api_request(params: &[(String, String)]) -> Request {
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    Request {
        region_id: get("RegionId"),
        load_balancer_id: get("LoadBalancerId"),
        master_slave_backend_servers: get("MasterSlaveBackendServers").map(ServerList::Raw),
        master_slave_server_group_name: get("MasterSlaveServerGroupName"),
    }
}

fn finish(rendered: response::Response, request_id: &str, mut outcome: Outcome) -> Handled {
    outcome.status = rendered.status;
    Handled {
        response: HttpResponse {
            status: rendered.status,
            headers: vec![
                ("Content-Type".into(), rendered.content_type.into()),
                ("x-acs-request-id".into(), request_id.into()),
            ],
            body: rendered.body.into_bytes(),
        },
        outcome,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Health {
    status: &'static str,
    credentials: usize,
    groups: usize,
}

#[derive(Serialize)]
struct Problem {
    error: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Groups<'a> {
    master_slave_server_groups: Vec<&'a Group>,
}

fn json_response(status: u16, value: &impl Serialize) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![(
            "Content-Type".into(),
            "application/json;charset=utf-8".into(),
        )],
        // Plain structs of strings and integers always serialize.
        body: serde_json::to_vec_pretty(value).unwrap_or_default(),
    }
}

/// `/_emulator/…`: the emulator's own paths.
fn introspection(request: &HttpRequest, state: &State, options: &Options) -> Option<HttpResponse> {
    let rest = request.path.strip_prefix("/_emulator/")?;
    if request.method != "GET" {
        return Some(json_response(
            405,
            &Problem {
                error: "only GET is allowed here",
            },
        ));
    }
    Some(match rest {
        "health" => json_response(
            200,
            &Health {
                status: "ok",
                credentials: match &options.credentials {
                    Credentials::Any => 0,
                    Credentials::Known(list) => list.len(),
                },
                groups: state.groups.len(),
            },
        ),
        "groups" => json_response(
            200,
            &Groups {
                master_slave_server_groups: state.groups.iter().collect(),
            },
        ),
        _ => json_response(
            404,
            &Problem {
                error: "unknown path; try /_emulator/health or /_emulator/groups",
            },
        ),
    })
}

/// How the servers write their log lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// A JSON log line: the time, then the outcome's fields.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonLine<'a> {
    time: &'a str,
    method: &'a str,
    path: &'a str,
    action: Option<&'a str>,
    status: u16,
    code: Option<&'a str>,
    string_to_sign: Option<&'a str>,
}

/// One log line (no newline) for a request answered at `now_unix`.
pub fn log_line(outcome: &Outcome, now_unix: u64, format: LogFormat) -> String {
    let time = crate::api::format_timestamp(now_unix);
    match format {
        LogFormat::Json => serde_json::to_string(&JsonLine {
            time: &time,
            method: &outcome.method,
            path: &outcome.path,
            action: outcome.action.as_deref(),
            status: outcome.status,
            code: outcome.code.as_deref(),
            string_to_sign: outcome.string_to_sign.as_deref(),
        })
        .unwrap_or_default(),
        LogFormat::Text => {
            // The method, path and action come from the client: a value with a space, a quote
            // or a control character is written as a JSON string, so no request can split the
            // line or forge another.
            let mut line = format!(
                "{time} {} {} {} {} {}",
                log_word(&outcome.method),
                log_word(&outcome.path),
                log_word(outcome.action.as_deref().unwrap_or("-")),
                outcome.status,
                log_word(outcome.code.as_deref().unwrap_or("-")),
            );
            if let Some(sts) = &outcome.string_to_sign {
                // As a JSON string: one line, whatever the string holds.
                line.push_str(" server-string-to-sign=");
                line.push_str(&serde_json::to_string(sts).unwrap_or_default());
            }
            line
        }
    }
}

/// `s` as it is when it is one plain word, else as a JSON string.
fn log_word(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic() && b != b'"') {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(serde_json::to_string(s).unwrap_or_default())
    }
}

/// An error the transport answers itself (a body over the cap, a client too slow), in the
/// service's error shape and the format the query asked for, with what to log.
pub fn transport_error(
    method: &str,
    path: &str,
    query: &str,
    state: &mut State,
    status: u16,
    code: &str,
    message: &str,
) -> Handled {
    let format = query
        .split('&')
        .find_map(|p| p.strip_prefix("Format="))
        .and_then(Format::parse)
        .unwrap_or_default();
    let request_id = state.ids.request_id();
    let rendered = response::render_error(
        &ErrorOptions {
            code,
            message,
            status,
            request_id: &request_id,
            host_id: endpoint::DEFAULT_HOST,
        },
        format,
    );
    let outcome = Outcome {
        method: method.to_owned(),
        path: path.to_owned(),
        action: None,
        status,
        code: Some(code.to_owned()),
        string_to_sign: None,
    };
    finish(rendered, &request_id, outcome)
}
