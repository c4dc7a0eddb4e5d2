//! Diagnostics for CI pipelines: GitHub Actions workflow commands (`::error file=…::…`) and
//! SARIF 2.1.0, so the same findings show inline in a pull request. Pure: the caller names the
//! file and says which diagnostics' spans point into it.

use serde_json::{Value, json};

use crate::api::ApiDiagnostic;
use crate::codes::{Code, Severity};

/// Where a diagnostic is in the file, when its span points into the file.
fn position(d: &ApiDiagnostic, in_file: &dyn Fn(&ApiDiagnostic) -> bool) -> Option<(usize, usize)> {
    if !in_file(d) {
        return None;
    }
    let s = d.span.as_ref()?;
    Some((s.line?, s.column?))
}

/// Escapes a workflow command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn text(d: &ApiDiagnostic) -> String {
    let status = d
        .http_status
        .map(|s| format!(" (HTTP {s})"))
        .unwrap_or_default();
    format!("{}{status}: {} {}", d.path, d.message, d.detail)
}

/// One workflow command per diagnostic: `::error file=F,line=L,col=C,title=CODE::message`.
pub fn github(
    file: &str,
    diagnostics: &[ApiDiagnostic],
    in_file: &dyn Fn(&ApiDiagnostic) -> bool,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = vec![format!("file={}", escape_property(file))];
        if let Some((line, col)) = position(d, in_file) {
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
        }
        props.push(format!("title={}", escape_property(&d.code)));
        out.push_str(&format!(
            "::{level} {}::{}\n",
            props.join(","),
            escape_data(&text(d))
        ));
    }
    out
}

/// A SARIF 2.1.0 log with one run: the rules are the registry's codes that occur.
pub fn sarif(
    file: &str,
    diagnostics: &[ApiDiagnostic],
    in_file: &dyn Fn(&ApiDiagnostic) -> bool,
) -> Value {
    let mut rule_ids: Vec<&str> = Vec::new();
    for d in diagnostics {
        if !rule_ids.contains(&d.code.as_str()) {
            rule_ids.push(&d.code);
        }
    }
    let rules: Vec<Value> = rule_ids
        .iter()
        .map(|id| {
            let info = Code::from_name(id).map(Code::info);
            json!({
                "id": id,
                "shortDescription": { "text": info.map_or("", |i| i.message) },
                "fullDescription": { "text": info.map_or("", |i| i.description) },
                "defaultConfiguration": {
                    "level": match info.map(|i| i.severity) {
                        Some(Severity::Warning) => "warning",
                        _ => "error",
                    }
                },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut physical = json!({ "artifactLocation": { "uri": file } });
            if let Some((line, col)) = position(d, in_file) {
                physical["region"] = json!({ "startLine": line, "startColumn": col });
            }
            json!({
                "ruleId": d.code,
                "ruleIndex": rule_ids.iter().position(|r| *r == d.code).unwrap_or(0),
                "level": match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "message": { "text": text(d) },
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{ "fullyQualifiedName": d.path, "kind": "member" }],
                }],
                "properties": { "httpStatus": d.http_status },
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "slb-msgroup",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/slb-msgroup/slb-msgroup",
                    "rules": rules,
                }
            },
            "results": results,
        }]
    })
}
