//! The validator: every error and warning of `rules.md`, errors in the order the service is
//! assumed to check them (the first is the one a real call answers with), then warnings.

mod entry;
mod pair;
mod params;

use crate::diagnostic::{Diagnostic, Report};
use crate::json::Value;
use std::borrow::Cow;

use crate::model::{BackendServer, Request, ServerList};
use crate::servers::{self, Fields};

pub use entry::Resolved;
pub use params::{MAX_GROUP_NAME_CHARS, MAX_PARAMETER_BYTES};

/// Diagnostics of one run, kept apart by severity until the end so each keeps its own order.
#[derive(Debug, Default)]
struct Sink {
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Sink {
    fn push(&mut self, d: Diagnostic) {
        if d.is_error() {
            self.errors.push(d);
        } else {
            self.warnings.push(d);
        }
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        self.errors.append(&mut self.warnings);
        self.errors
    }
}

/// Everything the checks found out about the server list.
#[derive(Debug)]
pub struct ServersOutcome {
    /// The structured view, when the text is a list of objects.
    pub servers: Option<Vec<BackendServer>>,
    /// The entries with every value valid and defaults filled in, when there is no error at all
    /// in the list.
    pub resolved: Option<Vec<Resolved>>,
}

/// The result of validating a whole request.
#[derive(Debug)]
pub struct Analysis<'r> {
    /// The `MasterSlaveBackendServers` string as it goes on the wire (`None` when absent):
    /// borrowed from the request when it holds the raw string.
    pub raw: Option<Cow<'r, str>>,
    pub report: Report,
    pub servers: ServersOutcome,
}

/// Validates a request.
pub fn analyze(request: &Request) -> Analysis<'_> {
    run(request, Outputs::All)
}

/// What a run builds besides the report: everything ([`analyze`], [`parse_servers`]), or
/// nothing ([`validate`], which skips the list's structured view and resolved entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outputs {
    All,
    Report,
}

fn run(request: &Request, outputs: Outputs) -> Analysis<'_> {
    let raw = request
        .master_slave_backend_servers
        .as_ref()
        .map(ServerList::raw);
    let mut sink = Sink::default();
    params::check(request, &mut sink);
    let servers = check_servers(raw.as_deref(), outputs, &mut sink);
    let report = Report::new(sink.finish());
    let servers = if report.ok {
        servers
    } else {
        ServersOutcome {
            resolved: None,
            ..servers
        }
    };
    Analysis {
        raw,
        report,
        servers,
    }
}

/// Validates a request; the diagnostics only.
pub fn validate(request: &Request) -> Report {
    run(request, Outputs::Report).report
}

/// Validates a request, keeping the list's text the spans point into (what the npm package
/// needs to turn them into UTF-16 offsets): [`validate`] plus that text, without the list's
/// structured view and resolved entries that [`analyze`] builds.
pub fn validate_with_raw(request: &Request) -> (Option<Cow<'_, str>>, Report) {
    let analysis = run(request, Outputs::Report);
    (analysis.raw, analysis.report)
}

/// Reads and checks the raw server list on its own (no RegionId or LoadBalancerId checks).
pub fn parse_servers(raw: &str) -> (ServersOutcome, Report) {
    let mut sink = Sink::default();
    let outcome = check_servers(Some(raw), Outputs::All, &mut sink);
    (outcome, Report::new(sink.finish()))
}

fn check_servers(raw: Option<&str>, outputs: Outputs, sink: &mut Sink) -> ServersOutcome {
    let read = servers::read_list(raw);
    let text = raw.unwrap_or("");
    let had_list_errors = !read.errors.is_empty();
    for d in read.errors {
        sink.push(d);
    }
    let Some(items) = read.items else {
        return ServersOutcome {
            servers: None,
            resolved: None,
        };
    };
    let errors_before = sink.errors.len();
    pair::check_count(items.len(), read.span, sink);

    let mut entries = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        if let Value::Object(members) = &item.value {
            let fields = Fields::of(members);
            let checked = entry::check(text, index, item, &fields, sink);
            entries.push(Some((item, fields, checked)));
        } else {
            entries.push(None);
        }
    }

    // The pair checks need exactly two object entries.
    if let [Some(a), Some(b)] = entries.as_slice() {
        pair::check_pair(text, [a, b], sink);
    }

    // The structured view, from the fields already read (every element is an object when
    // there is no list error).
    let model = if had_list_errors || outputs == Outputs::Report {
        None
    } else {
        let mut list = Vec::with_capacity(entries.len());
        for (_, fields, _) in entries.iter().flatten() {
            list.push(servers::to_model(text, fields));
        }
        Some(list)
    };
    let clean = sink.errors.len() == errors_before && !had_list_errors;
    let resolved = if clean && outputs == Outputs::All {
        entries
            .iter()
            .map(|e| {
                e.as_ref()
                    .and_then(|(_, _, checked)| checked.resolved)
                    .map(entry::Values::to_resolved)
            })
            .collect::<Option<Vec<_>>>()
    } else {
        None
    };
    ServersOutcome {
        servers: model,
        resolved,
    }
}
