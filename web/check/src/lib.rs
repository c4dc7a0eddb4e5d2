//! The playground's check engine (`slb_msgroup::check`), built as a wasm module of its own.
//!
//! The check engine is about a third of the playground's code, and only the "Check a request"
//! view needs it; so the page's wasm leaves it out and the post-build hook (`web/postbuild.mjs`)
//! inlines this module into a chunk of its own, `check-<hash>.js`, imported when the view first
//! opens (built with the `boundary` feature). One call crosses, with one JSON string back,
//! which the view reads into the same [`CheckReport`] ([`read_reply`]).

use serde::Serialize;
use serde_json::Value;
use slb_msgroup::Severity;
use slb_msgroup::api::{ApiDiagnostic, ApiEdit, ApiFix, ApiSpan, OrderedMap};
use slb_msgroup::check::{
    CheckOptions, CheckReport, FirstDifference, InputKind, InputSummary, Scheme, SignatureReport,
    check,
};

/// What one check gives the page: the report, and its text for "Copy report".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub report: CheckReport,
    /// [`CheckReport::text`].
    pub text: String,
}

/// The reply as it crosses, JSON: the report as the npm package writes it, its parameters again
/// in order with repeated names kept (the report's `parameters` is an object, which keeps
/// neither), and its text.
#[derive(Serialize)]
struct Wire<'a> {
    report: &'a CheckReport,
    parameters: &'a [(String, String)],
    text: String,
}

/// Checks `input` and returns the reply as JSON.
pub fn reply(
    input: &str,
    now: Option<i64>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    string_to_sign: Option<String>,
) -> String {
    let options = CheckOptions {
        now,
        access_key_id,
        access_key_secret,
        string_to_sign,
        nonces: Vec::new(),
    };
    let report = check(input, &options);
    let wire = Wire {
        report: &report,
        parameters: &report.parameters.0,
        text: report.text(),
    };
    // Strings, numbers and booleans only: writing them cannot fail.
    serde_json::to_string(&wire).unwrap_or_default()
}

/// Reads a [`reply`] back into the report types.
///
/// By hand from a [`Value`] rather than with derived `Deserialize`s: the page's wasm already
/// has the `Value` reader, and the derived ones for these types cost it about 35 KB.
pub fn read_reply(json: &str) -> Result<Reply, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("the check reply: {e}"))?;
    let r = &v["report"];
    let report = CheckReport {
        accepted: r["accepted"].as_bool().unwrap_or(false),
        status: number(&r["status"]),
        input: r.get("input").filter(|i| i.is_object()).map(input_summary),
        diagnostics: r["diagnostics"]
            .as_array()
            .map(|a| a.iter().map(diagnostic).collect())
            .unwrap_or_default(),
        gateway_diagnostics: number(&r["gatewayDiagnostics"]).unwrap_or(0),
        signature: signature(&r["signature"]),
        parameters: OrderedMap(pairs(&v["parameters"])),
    };
    Ok(Reply {
        report,
        text: string(&v["text"]),
    })
}

fn string(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

fn optional(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

fn number<T: TryFrom<u64>>(v: &Value) -> Option<T> {
    v.as_u64().and_then(|n| T::try_from(n).ok())
}

fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array()
        .map(|a| a.iter().filter_map(optional).collect())
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| a.iter().map(|p| (string(&p[0]), string(&p[1]))).collect())
        .unwrap_or_default()
}

fn input_summary(i: &Value) -> InputSummary {
    InputSummary {
        kind: match i["kind"].as_str() {
            Some("curl") => InputKind::Curl,
            Some("http") => InputKind::Http,
            Some("parts") => InputKind::Parts,
            _ => InputKind::Url,
        },
        method: string(&i["method"]),
        path: string(&i["path"]),
        query: string(&i["query"]),
        headers: pairs(&i["headers"]),
        body: string(&i["body"]),
    }
}

fn diagnostic(d: &Value) -> ApiDiagnostic {
    let start_end = |s: &Value| {
        (
            number(&s["start"]).unwrap_or(0),
            number(&s["end"]).unwrap_or(0),
        )
    };
    ApiDiagnostic {
        code: string(&d["code"]),
        severity: if d["severity"] == "warning" {
            Severity::Warning
        } else {
            Severity::Error
        },
        http_status: number(&d["httpStatus"]),
        message: string(&d["message"]),
        detail: string(&d["detail"]),
        path: string(&d["path"]),
        span: d.get("span").filter(|s| s.is_object()).map(|s| {
            let (start, end) = start_end(s);
            ApiSpan {
                start,
                end,
                line: number(&s["line"]),
                column: number(&s["column"]),
            }
        }),
        fix: d.get("fix").filter(|f| f.is_object()).map(|f| ApiFix {
            label: string(&f["label"]),
            edits: f["edits"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|e| {
                            let (start, end) = start_end(e);
                            ApiEdit {
                                start,
                                end,
                                text: string(&e["text"]),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }),
    }
}

fn signature(s: &Value) -> SignatureReport {
    SignatureReport {
        scheme: match s["scheme"].as_str() {
            Some("v1") => Some(Scheme::V1),
            Some("acs3") => Some(Scheme::Acs3),
            _ => None,
        },
        verified: s["verified"].as_bool(),
        access_key_id: optional(&s["accessKeyId"]),
        signed_headers: strings(&s["signedHeaders"]),
        canonical_query: optional(&s["canonicalQuery"]),
        canonical_request: optional(&s["canonicalRequest"]),
        string_to_sign: optional(&s["stringToSign"]),
        expected: optional(&s["expected"]),
        given: optional(&s["given"]),
        client_string_to_sign: optional(&s["clientStringToSign"]),
        service_string_to_sign: optional(&s["serviceStringToSign"]),
        first_difference: s.get("firstDifference").filter(|f| f.is_object()).map(|f| {
            FirstDifference {
                offset: number(&f["offset"]).unwrap_or(0),
                expected: string(&f["expected"]),
                given: string(&f["given"]),
                likely: string(&f["likely"]),
            }
        }),
        cause: optional(&s["cause"]),
    }
}

#[cfg(all(feature = "boundary", target_arch = "wasm32"))]
mod boundary {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// `check(input, now, accessKeyId, accessKeySecret, stringToSign)`: the [`super::Reply`]
    /// as JSON. `now` in Unix seconds (`undefined`: the timestamp window is not checked).
    #[wasm_bindgen]
    pub fn check(
        input: &str,
        now: Option<f64>,
        access_key_id: Option<String>,
        access_key_secret: Option<String>,
        string_to_sign: Option<String>,
    ) -> String {
        super::reply(
            input,
            now.map(|n| n as i64),
            access_key_id,
            access_key_secret,
            string_to_sign,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAPTURES: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../core/tests/fixtures/captures"
    );

    /// The reply read back is the report `check` makes, field for field.
    fn round_trip(input: &str, options: &CheckOptions) {
        let json = reply(
            input,
            options.now,
            options.access_key_id.clone(),
            options.access_key_secret.clone(),
            options.string_to_sign.clone(),
        );
        let back = read_reply(&json).unwrap();
        let direct = check(input, options);
        assert_eq!(back.report, direct);
        assert_eq!(back.text, direct.text());
    }

    #[test]
    fn every_capture_reads_back_into_the_same_report() {
        let mut seen = 0;
        for entry in std::fs::read_dir(CAPTURES).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "http") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            round_trip(&text, &CheckOptions::default());
            // With the right secret, a wrong one, and a client's string-to-sign that differs.
            for secret in ["testsecret", "wrong"] {
                round_trip(
                    &text,
                    &CheckOptions {
                        now: Some(1_781_000_000),
                        access_key_id: Some("testid".to_owned()),
                        access_key_secret: Some(secret.to_owned()),
                        string_to_sign: Some("POST&%2F&Action%3D".to_owned()),
                        nonces: Vec::new(),
                    },
                );
            }
            seen += 1;
        }
        assert_eq!(seen, 5);
    }

    #[test]
    fn parameters_keep_their_order() {
        // Not alphabetical: a JSON object read into a `Value` would come back sorted.
        let url = "https://slb.aliyuncs.com/?RegionId=cn-hangzhou&Action=CreateMasterSlaveServerGroup&LoadBalancerId=lb-1";
        round_trip(url, &CheckOptions::default());
        let back = read_reply(&reply(url, None, None, None, None)).unwrap();
        let names: Vec<_> = back
            .report
            .parameters
            .0
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(names, ["RegionId", "Action", "LoadBalancerId"]);
    }

    #[test]
    fn text_that_is_not_a_request_reads_back() {
        round_trip("hello", &CheckOptions::default());
        round_trip("", &CheckOptions::default());
        let back = read_reply(&reply("hello", Some(1), None, None, None)).unwrap();
        assert_eq!(back.report.status, None);
        assert!(!back.report.accepted);
    }

    #[test]
    fn a_reply_that_is_not_json_is_an_error() {
        assert!(
            read_reply("{")
                .unwrap_err()
                .starts_with("the check reply: ")
        );
    }
}
