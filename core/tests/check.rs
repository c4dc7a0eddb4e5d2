//! `check`: captures from the official clients, golden fixtures for the readers and every
//! gateway code, garbage input, and arbitrary input that never panics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use proptest::prelude::*;
use slb_msgroup::Code;
use slb_msgroup::check::{
    self, CheckOptions, CheckReport, GatewayOptions, MAX_INPUT, Secrets, gateway, time,
};

const NOW: &str = "2026-12-06T12:05:00Z";

fn options(secret: bool) -> CheckOptions {
    CheckOptions {
        now: time::parse(NOW),
        access_key_id: Some("testid".into()),
        access_key_secret: secret.then(|| "testsecret".into()),
        string_to_sign: None,
        nonces: vec!["used-nonce".into()],
    }
}

fn describe(input: &str, report: &CheckReport) -> String {
    let mut out = String::new();
    match check::read(input) {
        Ok((kind, r)) => {
            let _ = writeln!(out, "--- read as {kind:?}");
            let _ = writeln!(out, "{} {}", r.method, r.path);
            let _ = writeln!(out, "query: {}", r.query);
            for (k, v) in &r.headers {
                let _ = writeln!(out, "header {k}: {v}");
            }
            let _ = writeln!(out, "body: {}", String::from_utf8_lossy(&r.body));
        }
        Err(e) => {
            let _ = writeln!(out, "--- unreadable: {} {:?}", e.detail, e.span);
        }
    }
    let _ = writeln!(
        out,
        "--- report: accepted {} status {:?}",
        report.accepted, report.status
    );
    out.push_str(&report.text());
    out
}

fn codes(report: &CheckReport) -> Vec<String> {
    report.diagnostics.iter().map(|d| d.code.clone()).collect()
}

/// Each fixture is read and checked with the test key (`nosecret-*` without the secret), `now`
/// 5 minutes after the fixtures' timestamp and `used-nonce` already used; a `.sts` file beside
/// it is the string-to-sign the user gives.
#[test]
fn fixtures() {
    insta::glob!("fixtures/check/*.txt", |path| {
        let input = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let mut opts = options(!name.starts_with("nosecret-"));
        let sts = path.with_extension("sts");
        if sts.exists() {
            opts.string_to_sign = Some(std::fs::read_to_string(sts).unwrap());
        }
        let report = check::check(&input, &opts);
        // The JSON shape serializes, and never holds the secret.
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains("testsecret"), "{name}: the secret leaked");
        let ok = name.starts_with("url-")
            || name.starts_with("nosecret-")
            || name.starts_with("curl-")
            || name.starts_with("http-");
        assert_eq!(report.accepted, ok, "{name}: {:?}", codes(&report));
        insta::assert_snapshot!(describe(&input, &report));
    });
}

/// Every gateway code is triggered by a fixture (the API's codes have theirs in `err/`).
#[test]
fn every_gateway_code_has_a_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let mut seen = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let input = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let report = check::check(&input, &options(!name.starts_with("nosecret-")));
        seen.extend(codes(&report));
    }
    let big = "x".repeat(MAX_INPUT + 1);
    seen.extend(codes(&check::check(&big, &options(true))));
    let missing: Vec<&str> = Code::GATEWAY
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "gateway codes without a fixture: {missing:?}"
    );
}

#[test]
fn input_over_the_cap_is_refused_early() {
    let big = format!("https://slb.aliyuncs.com/?A={}", "a".repeat(MAX_INPUT));
    let report = check::check(&big, &options(true));
    assert!(!report.accepted);
    assert_eq!(report.status, None);
    assert_eq!(codes(&report), ["InputTooLarge"]);
    assert!(report.diagnostics[0].detail.contains("1 MiB"));
}

// --- Captures from the official clients (see fixtures/captures/README.md).

const CLIENTS: [&str; 5] = [
    "pop-core-get",
    "pop-core-post",
    "tea-node",
    "sdk-core-python",
    "tea-python",
];

fn capture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/captures")
        .join(format!("{name}.http"));
    std::fs::read_to_string(path).unwrap()
}

/// The capture's own timestamp (`Timestamp` or `x-acs-date`), in Unix seconds.
fn signed_at(input: &str) -> i64 {
    let report = check::check(input, &CheckOptions::default());
    let t = report
        .parameters
        .0
        .iter()
        .find(|(k, _)| k == "Timestamp")
        .map(|(_, v)| v.clone())
        .or_else(|| {
            report.input.as_ref().and_then(|i| {
                i.headers
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("x-acs-date"))
                    .map(|(_, v)| v.clone())
            })
        })
        .unwrap();
    time::parse(&t).unwrap()
}

fn with(now: i64, secret: &str) -> CheckOptions {
    CheckOptions {
        now: Some(now),
        access_key_id: Some("testid".into()),
        access_key_secret: Some(secret.into()),
        ..CheckOptions::default()
    }
}

#[test]
fn captures_are_accepted_with_the_right_secret() {
    for client in CLIENTS {
        let input = capture(client);
        let report = check::check(&input, &with(signed_at(&input) + 60, "testsecret"));
        assert!(report.accepted, "{client}: {:#?}", report.diagnostics);
        assert_eq!(report.status, Some(200));
        assert_eq!(report.signature.verified, Some(true), "{client}");
        let scheme = if client.starts_with("tea-") {
            "acs3"
        } else {
            "v1"
        };
        assert_eq!(
            serde_json::to_value(report.signature.scheme).unwrap(),
            scheme,
            "{client}"
        );
        assert_eq!(
            report
                .parameters
                .0
                .iter()
                .find(|(k, _)| k == "MasterSlaveServerGroupName"),
            Some(&(
                "MasterSlaveServerGroupName".to_owned(),
                "Group 1*~".to_owned()
            )),
            "{client}"
        );
    }
}

#[test]
fn captures_with_a_wrong_secret_do_not_match() {
    for client in CLIENTS {
        let input = capture(client);
        let report = check::check(&input, &with(signed_at(&input) + 60, "wrongsecret"));
        assert_eq!(codes(&report), ["SignatureDoesNotMatch"], "{client}");
        assert_eq!(report.status, Some(400));
        assert_eq!(report.signature.verified, Some(false));
        let d = &report.diagnostics[0];
        assert_eq!(
            d.message,
            format!(
                "Specified signature is not matched with our calculation. server string to sign is:{}",
                report.signature.string_to_sign.clone().unwrap()
            )
        );
    }
}

#[test]
fn captures_with_one_parameter_changed_do_not_match() {
    for client in CLIENTS {
        let input = capture(client).replace("lb-bp1hv944r69al4j9jkmvx", "lb-bp1hv944r69al4j9jkmvz");
        let report = check::check(&input, &with(signed_at(&input) + 60, "testsecret"));
        assert_eq!(codes(&report), ["SignatureDoesNotMatch"], "{client}");
    }
}

#[test]
fn captures_twenty_minutes_later_are_expired() {
    for client in CLIENTS {
        let input = capture(client);
        let report = check::check(&input, &with(signed_at(&input) + 20 * 60, "testsecret"));
        assert_eq!(codes(&report), ["InvalidTimeStamp.Expired"], "{client}");
        assert_eq!(report.signature.verified, Some(true));
    }
}

#[test]
fn captures_without_a_secret_are_checked_but_not_verified() {
    for client in CLIENTS {
        let input = capture(client);
        let opts = CheckOptions {
            now: Some(signed_at(&input)),
            ..CheckOptions::default()
        };
        let report = check::check(&input, &opts);
        assert!(report.accepted, "{client}");
        assert_eq!(codes(&report), ["SignatureNotVerified"], "{client}");
        assert_eq!(report.signature.verified, None);
        assert!(report.signature.string_to_sign.is_some());
    }
}

/// The emulator's use: one call per request, a credential map and a nonce memory.
#[test]
fn gateway_as_an_emulator_calls_it() {
    let creds = BTreeMap::from([("testid".to_owned(), "testsecret".to_owned())]);
    let mut nonces = BTreeSet::new();
    for client in CLIENTS {
        let input = capture(client);
        let (_, request) = check::read(&input).unwrap();
        let outcome = gateway(
            &request,
            &GatewayOptions {
                now: Some(signed_at(&input)),
                secrets: Secrets::Map(&creds),
                nonces: Some(&nonces),
            },
        );
        assert!(outcome.accepted(), "{client}: {:?}", outcome.diagnostics);
        assert_eq!(
            outcome.api_request().region_id.as_deref(),
            Some("cn-hangzhou")
        );
        nonces.insert(outcome.nonce.clone().unwrap());
        // The same request again: the nonce was used.
        let again = gateway(
            &request,
            &GatewayOptions {
                now: Some(signed_at(&input)),
                secrets: Secrets::Map(&creds),
                nonces: Some(&nonces),
            },
        );
        assert_eq!(
            again
                .diagnostics
                .iter()
                .map(|d| d.code.as_str())
                .collect::<Vec<_>>(),
            ["SignatureNonceUsed"]
        );
        // An id the emulator does not know.
        let other = BTreeMap::from([("otherid".to_owned(), "testsecret".to_owned())]);
        let unknown = gateway(
            &request,
            &GatewayOptions {
                now: None,
                secrets: Secrets::Map(&other),
                nonces: None,
            },
        );
        assert_eq!(
            unknown.diagnostics[0].code.as_str(),
            "InvalidAccessKeyId.NotFound"
        );
    }
}

/// The parts form (npm's `{ method, url, headers, body }`) reads like the raw text.
#[test]
fn parts_read_like_text() {
    let input = capture("pop-core-post");
    let (_, r) = check::read(&input).unwrap();
    let host = r.header("host").unwrap().to_owned();
    let parts = check::HttpRequest::from_parts(
        "POST",
        &format!("http://{host}/"),
        r.headers.clone(),
        r.body.clone(),
    )
    .unwrap();
    assert_eq!(parts, r);
}

// --- Arbitrary input never panics.

fn requestish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("curl ".to_owned()),
        Just("GET /?".to_owned()),
        Just("POST / HTTP/1.1\r\n".to_owned()),
        Just("https://slb.aliyuncs.com/?".to_owned()),
        Just(" HTTP/1.1\n".to_owned()),
        Just("\r\n\r\n".to_owned()),
        Just("\n".to_owned()),
        Just(" \\\n".to_owned()),
        Just("'".to_owned()),
        Just("$'".to_owned()),
        Just("\\x".to_owned()),
        Just("\\u".to_owned()),
        Just("\"".to_owned()),
        Just("-H ".to_owned()),
        Just("-d ".to_owned()),
        Just("-X".to_owned()),
        Just("--data-urlencode ".to_owned()),
        Just("--url ".to_owned()),
        Just("Content-Type: application/x-www-form-urlencoded\n".to_owned()),
        Just("Transfer-Encoding: chunked\n".to_owned()),
        Just("Content-Length: 3\n".to_owned()),
        Just(
            "Authorization: ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host;x,Signature=0\n"
                .to_owned()
        ),
        Just("Action=CreateMasterSlaveServerGroup&".to_owned()),
        Just("Signature=abc%3D&".to_owned()),
        Just("Timestamp=2026-12-06T12%3A00%3A00Z&".to_owned()),
        Just("Timestamp=2026-12-06T12%3A00%3A0%EF%BF%BDZ&".to_owned()),
        Just("x-acs-date: 2026-12-06T12:00:0\u{e9}Z\n".to_owned()),
        Just("%".to_owned()),
        Just("%E4%B8".to_owned()),
        Just("+".to_owned()),
        Just("=".to_owned()),
        Just("&".to_owned()),
        Just("主😀".to_owned()),
        "[ -~]{0,8}",
    ];
    proptest::collection::vec(token, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,300}") {
        let report = check::check(&s, &options(true));
        prop_assert!(serde_json::to_string(&report).is_ok());
    }

    #[test]
    fn requestish_text_never_panics(s in requestish()) {
        for opts in [options(true), options(false)] {
            let report = check::check(&s, &CheckOptions { string_to_sign: Some(s.clone()), ..opts });
            let _ = report.text();
            for d in &report.diagnostics {
                if let Some(span) = &d.span {
                    prop_assert!(span.start <= span.end);
                }
            }
        }
    }
}

/// `api::check_request`, what `checkRequest` of the npm package calls: text or parts, headers as
/// an object or as pairs, the clock from the environment, misuse as an error message.
#[test]
fn api_check_request() {
    use slb_msgroup::api::{
        self, ApiCheckOptions, ApiHeaders, ApiHttpRequest, CheckInput, Environment,
    };
    let input = capture("tea-node");
    let (_, r) = check::read(&input).unwrap();
    let at = signed_at(&input);
    let env = Environment {
        unix_seconds: u64::try_from(at).unwrap(),
        entropy: 0,
    };
    let options = ApiCheckOptions {
        access_key_id: Some("testid".into()),
        access_key_secret: Some("testsecret".into()),
        ..ApiCheckOptions::default()
    };
    let text = api::check_request(&CheckInput::Text(input.clone()), &options, env).unwrap();
    assert!(text.accepted, "{:?}", text.diagnostics);
    let url = format!("http://{}{}?{}", r.header("host").unwrap(), r.path, r.query);
    let pairs = ApiHttpRequest {
        method: Some("POST".into()),
        url: url.clone(),
        headers: Some(ApiHeaders::Pairs(r.headers.clone())),
        body: None,
    };
    let report = api::check_request(&CheckInput::Parts(pairs), &options, env).unwrap();
    assert!(report.accepted, "{:?}", report.diagnostics);
    assert_eq!(report.signature, text.signature);
    let object = ApiHttpRequest {
        method: Some("POST".into()),
        url,
        headers: Some(ApiHeaders::Object(r.headers.iter().cloned().collect())),
        body: Some(String::new()),
    };
    let report = api::check_request(&CheckInput::Parts(object), &options, env).unwrap();
    assert!(report.accepted, "{:?}", report.diagnostics);

    // Twenty minutes later by the environment's clock; an explicit `now` wins over it.
    let later = Environment {
        unix_seconds: env.unix_seconds + 20 * 60,
        entropy: 0,
    };
    let report = api::check_request(&CheckInput::Text(input.clone()), &options, later).unwrap();
    assert_eq!(codes(&report), ["InvalidTimeStamp.Expired"]);
    let pinned = ApiCheckOptions {
        now: Some(slb_msgroup::api::format_timestamp(env.unix_seconds)),
        ..options.clone()
    };
    assert!(
        api::check_request(&CheckInput::Text(input.clone()), &pinned, later)
            .unwrap()
            .accepted
    );
    let bad = ApiCheckOptions {
        now: Some("noon".into()),
        ..options
    };
    assert!(
        api::check_request(&CheckInput::Text(input), &bad, env)
            .unwrap_err()
            .contains("noon")
    );
}
