//! The report of `check`: one serializable shape for the CLI, the npm package and the
//! playground, and its rendering for people.

use std::fmt::Write as _;

use serde::Serialize;

use super::gateway::GatewayOutcome;
use super::model::{HttpRequest, InputKind};
use super::verify::SignatureReport;
use crate::api::{self, ApiDiagnostic, OrderedMap, Units};
use crate::diagnostic::Diagnostic;
use crate::rules::Analysis;

/// The request as read, for the report (the body as text, invalid UTF-8 replaced).
#[cfg_attr(feature = "wasm-check", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputSummary {
    pub kind: InputKind,
    pub method: String,
    pub path: String,
    pub query: String,
    #[cfg_attr(feature = "wasm-check", tsify(type = "[string, string][]"))]
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// What `check` found.
#[cfg_attr(
    feature = "wasm-check",
    derive(tsify::Tsify),
    tsify(rename = "CheckReport", missing_as_null)
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    /// The service would accept the request: no error at all.
    pub accepted: bool,
    /// The HTTP status the service would answer with (200 when accepted); `null` when the input
    /// could not be read as a request.
    pub status: Option<u16>,
    #[cfg_attr(feature = "wasm-check", tsify(type = "InputSummary | null"))]
    pub input: Option<InputSummary>,
    /// The gateway's diagnostics first (spans into the input), then the API's (spans into
    /// `MasterSlaveBackendServers`).
    #[cfg_attr(feature = "wasm-check", tsify(type = "Diagnostic[]"))]
    pub diagnostics: Vec<ApiDiagnostic>,
    /// How many of `diagnostics` are the gateway's (and the reader's): the first ones.
    pub gateway_diagnostics: usize,
    #[cfg_attr(feature = "wasm-check", tsify(type = "SignatureReport"))]
    pub signature: SignatureReport,
    /// Every parameter decoded (query, then a form body), but `Signature`.
    #[cfg_attr(feature = "wasm-check", tsify(type = "Record<string, string>"))]
    pub parameters: OrderedMap,
}

impl CheckReport {
    fn finish(
        input: Option<InputSummary>,
        diagnostics: Vec<ApiDiagnostic>,
        gateway_diagnostics: usize,
        signature: SignatureReport,
        parameters: OrderedMap,
        readable: bool,
    ) -> Self {
        let first_error = diagnostics
            .iter()
            .find(|d| d.severity == crate::Severity::Error);
        let accepted = first_error.is_none() && readable;
        let status = if !readable {
            None
        } else if let Some(e) = first_error {
            e.http_status
        } else {
            Some(200)
        };
        Self {
            accepted,
            status,
            input,
            diagnostics,
            gateway_diagnostics,
            signature,
            parameters,
        }
    }

    /// A report for input that was refused before it was read.
    pub fn unread(d: Diagnostic) -> Self {
        Self::finish(
            None,
            vec![api::diagnostic("", &d, Units::Utf16WithLines)],
            1,
            SignatureReport::default(),
            OrderedMap::default(),
            false,
        )
    }

    /// A report for input that could not be read (the span points into it).
    pub fn unread_with_input(d: Diagnostic, input: &str) -> Self {
        Self::finish(
            None,
            vec![api::diagnostic(input, &d, Units::Utf16WithLines)],
            1,
            SignatureReport::default(),
            OrderedMap::default(),
            false,
        )
    }

    pub(crate) fn new(
        kind: InputKind,
        request: &HttpRequest,
        input: &str,
        gateway: &GatewayOutcome,
        api_analysis: &Analysis,
    ) -> Self {
        let raw = api_analysis.raw.as_deref().unwrap_or("");
        let diagnostics = gateway
            .diagnostics
            .iter()
            .map(|d| api::diagnostic(input, d, Units::Utf16WithLines))
            .chain(
                api_analysis
                    .report
                    .diagnostics
                    .iter()
                    .map(|d| api::diagnostic(raw, d, Units::Utf16WithLines)),
            )
            .collect();
        let summary = InputSummary {
            kind,
            method: request.method.clone(),
            path: request.path.clone(),
            query: request.query.clone(),
            headers: request.headers.clone(),
            body: String::from_utf8_lossy(&request.body).into_owned(),
        };
        let parameters = OrderedMap(
            gateway
                .params
                .iter()
                .filter(|(k, _)| k != "Signature")
                .cloned()
                .collect(),
        );
        Self::finish(
            Some(summary),
            diagnostics,
            gateway.diagnostics.len(),
            gateway.signature.clone(),
            parameters,
            true,
        )
    }

    /// Does `d` (one of [`Self::diagnostics`]) have its span in the input (not in
    /// `MasterSlaveBackendServers`)?
    pub fn in_input(&self, d: &ApiDiagnostic) -> bool {
        self.diagnostics[..self.gateway_diagnostics.min(self.diagnostics.len())]
            .iter()
            .any(|g| std::ptr::eq(g, d))
    }

    /// The report for people: the verdict, each diagnostic, then the signature's steps.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = match (self.accepted, self.status) {
            (true, _) => writeln!(out, "accepted (HTTP 200)"),
            (false, Some(s)) => writeln!(out, "rejected (HTTP {s})"),
            (false, None) => writeln!(out, "not checked: the input is not a request"),
        };
        if let Some(i) = &self.input {
            let query = if i.query.is_empty() {
                String::new()
            } else {
                format!("?{}", i.query)
            };
            let _ = writeln!(
                out,
                "read as {}: {} {}{}",
                match i.kind {
                    InputKind::Url => "a URL",
                    InputKind::Curl => "a curl command",
                    InputKind::Http => "a raw HTTP request",
                    InputKind::Parts => "request parts",
                },
                i.method,
                i.path,
                super::clip(&query, 100)
            );
        }
        for d in &self.diagnostics {
            let status = d
                .http_status
                .map(|s| format!(" (HTTP {s})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "\n{}[{}]{status}: {}",
                d.severity.as_str(),
                d.code,
                d.message
            );
            let at = match &d.span {
                Some(s) if self.in_input(d) => match (s.line, s.column) {
                    (Some(l), Some(c)) => format!(" (input line {l}, column {c})"),
                    _ => String::new(),
                },
                _ => String::new(),
            };
            let _ = writeln!(out, "  --> {}{at}", d.path);
            let _ = writeln!(out, "  = {}", d.detail);
        }
        let s = &self.signature;
        if let Some(scheme) = s.scheme {
            let _ = writeln!(
                out,
                "\nsignature ({}): {}",
                match scheme {
                    super::Scheme::V1 => "v1, HMAC-SHA1",
                    super::Scheme::Acs3 => "ACS3-HMAC-SHA256",
                },
                match s.verified {
                    Some(true) => "verified",
                    Some(false) => "does not match",
                    None => "not verified (no secret given)",
                }
            );
            let field = |out: &mut String, name: &str, v: &Option<String>| {
                if let Some(v) = v {
                    let _ = writeln!(out, "  {name}:\n    {}", v.replace('\n', "\n    "));
                }
            };
            field(&mut out, "access key id", &s.access_key_id);
            field(&mut out, "canonical query", &s.canonical_query);
            field(&mut out, "canonical request", &s.canonical_request);
            field(&mut out, "string to sign (server)", &s.string_to_sign);
            field(
                &mut out,
                "string to sign (client)",
                &s.client_string_to_sign,
            );
            field(
                &mut out,
                "string to sign (service's message)",
                &s.service_string_to_sign,
            );
            field(&mut out, "expected signature", &s.expected);
            field(&mut out, "given signature", &s.given);
            field(&mut out, "likely cause", &s.cause);
            if let Some(f) = &s.first_difference {
                let _ = writeln!(
                    out,
                    "  first difference at byte {}:\n    server: {}\n    client: {}\n    likely: {}",
                    f.offset, f.expected, f.given, f.likely
                );
            }
        }
        out
    }
}
