//! The emulator's handler, without a socket: the requests the official clients send (the
//! captures in `fixtures/captures/`, see `clients/README.md`) and hand-made ones.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use slb_msgroup::emulator::{
    self, Credentials, HttpRequest, LogFormat, Options, State, handle, log_line, transport_error,
};

const NOW: u64 = 1_796_558_400; // 2026-12-06T12:00:00Z
/// 2026-12-06T19:15:00Z: within a minute of the captures' timestamps (19:14:37 to 19:14:40).
const CAPTURED: u64 = 1_796_584_500;

/// Reads a capture: request line, headers, blank line, body (test-only, fixtures we wrote).
fn capture(name: &str) -> HttpRequest {
    let path = format!(
        "{}/tests/fixtures/captures/{name}.http",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("{path}: no blank line"));
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let body = bytes[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let line = lines.next().unwrap_or_default();
    let mut parts = line.split(' ');
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    HttpRequest {
        method,
        path: path.to_owned(),
        query: query.to_owned(),
        headers,
        body,
    }
}

fn json(body: &[u8]) -> serde_json::Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)))
}

/// [`get`], signed with RPC v1 by `secret`, as a client that knows it sends it.
fn signed_get(query: &str, secret: &str) -> HttpRequest {
    let unsigned = get(query);
    let params: Vec<(String, String)> = unsigned
        .query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .filter(|(k, _)| *k != "Signature")
        .map(|(k, v)| {
            let v = percent_encoding::percent_decode_str(v).decode_utf8_lossy();
            (k.to_owned(), v.into_owned())
        })
        .collect();
    let signed = slb_msgroup::sign::v1("GET", &params, secret);
    HttpRequest {
        query: signed.query,
        ..unsigned
    }
}

/// A GET with `query` plus the common parameters every client sends (a fresh nonce each call;
/// the signature is a stand-in, verified only when the emulator knows credentials).
fn get(query: &str) -> HttpRequest {
    static NONCE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NONCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    HttpRequest {
        method: "GET".into(),
        path: "/".into(),
        query: format!(
            "{query}&Version=2014-05-15&AccessKeyId=testid&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=n{n}&Timestamp=2026-12-06T12%3A00%3A00Z&Signature=x"
        ),
        headers: vec![],
        body: vec![],
    }
}

const MODES: [&str; 5] = [
    "pop-core-get",
    "pop-core-post",
    "tea-node",
    "sdk-core-python",
    "tea-python",
];

#[test]
fn every_client_capture_creates_a_group() {
    let mut state = State::new(1);
    for (i, mode) in MODES.iter().enumerate() {
        let handled = handle(&capture(mode), &mut state, CAPTURED, &Options::default());
        let r = &handled.response;
        assert_eq!(r.status, 200, "{mode}: {}", r.text());
        assert_eq!(
            r.header("content-type"),
            Some("application/json;charset=utf-8")
        );
        let body = json(&r.body);
        let id = body["MasterSlaveServerGroupId"]
            .as_str()
            .unwrap_or_default();
        assert!(id.starts_with("rsp-"), "{mode}: {body}");
        let servers = &body["MasterSlaveBackendServers"]["MasterSlaveBackendServer"];
        assert_eq!(servers[0]["ServerId"], "i-bp1fq61enf4loa5i0001");
        assert_eq!(servers[0]["Port"], 80);
        assert_eq!(servers[1]["Port"], 90);
        assert_eq!(servers[1]["Weight"], 100);
        assert_eq!(servers[1]["ServerType"], "Slave");
        assert_eq!(state.groups.len(), i + 1);
        assert_eq!(state.groups[i].master_slave_server_group_id, id);
        assert_eq!(
            handled.outcome.action.as_deref(),
            Some("CreateMasterSlaveServerGroup")
        );
        assert_eq!(handled.outcome.code, None);
    }
    let listed = handle(
        &HttpRequest {
            method: "GET".into(),
            path: "/_emulator/groups".into(),
            ..HttpRequest::default()
        },
        &mut state,
        NOW,
        &Options::default(),
    );
    assert_eq!(listed.response.status, 200);
    let groups = json(&listed.response.body);
    assert_eq!(
        groups["MasterSlaveServerGroups"].as_array().map(Vec::len),
        Some(5)
    );
    assert_eq!(
        groups["MasterSlaveServerGroups"][0]["LoadBalancerId"],
        "lb-bp1hv944r69al4j9jkmvx"
    );
}

const BAD_PORT: &str = "Action=CreateMasterSlaveServerGroup&RegionId=cn-hangzhou&LoadBalancerId=lb-bp1hv944r69al4j9jkmvx&MasterSlaveBackendServers=%5B%7B%22ServerId%22%3A%22i-a%22%2C%22Port%22%3A%2270000%22%7D%2C%7B%22ServerId%22%3A%22i-b%22%2C%22Port%22%3A%2280%22%2C%22ServerType%22%3A%22Slave%22%7D%5D";

#[test]
fn an_api_error_has_a_status_and_a_code_in_json_and_xml() {
    let mut state = State::new(2);
    let handled = handle(&get(BAD_PORT), &mut state, NOW, &Options::default());
    assert_eq!(handled.response.status, 400);
    let body = json(&handled.response.body);
    assert_eq!(body["Code"], "RealServerPortNotSupport");
    assert_eq!(body["HostId"], "slb.aliyuncs.com");
    assert!(
        body["Recommend"]
            .as_str()
            .unwrap_or_default()
            .contains("RealServerPortNotSupport")
    );
    assert_eq!(body["RequestId"].as_str().map(str::len), Some(36));
    assert_eq!(
        handled.response.header("x-acs-request-id"),
        body["RequestId"].as_str()
    );
    assert_eq!(
        handled.outcome.code.as_deref(),
        Some("RealServerPortNotSupport")
    );
    assert!(state.groups.is_empty());

    let xml = handle(
        &get(&format!("{BAD_PORT}&Format=XML")),
        &mut state,
        NOW,
        &Options::default(),
    );
    assert_eq!(xml.response.status, 400);
    assert_eq!(
        xml.response.header("content-type"),
        Some("text/xml;charset=utf-8")
    );
    assert!(
        xml.response
            .text()
            .contains("<Code>RealServerPortNotSupport</Code>")
    );
}

#[test]
fn xml_success_has_the_service_root() {
    let mut state = State::new(3);
    let q = BAD_PORT.replace("70000", "8080") + "&Format=xml";
    let handled = handle(&get(&q), &mut state, NOW, &Options::default());
    assert_eq!(handled.response.status, 200, "{}", handled.response.text());
    assert!(
        handled
            .response
            .text()
            .contains("<CreateMasterSlaveServerGroupResponse>")
    );
    assert_eq!(state.groups.len(), 1);
}

#[test]
fn malformed_input_is_a_clear_400() {
    let mut state = State::new(4);
    for query in [
        "Action=CreateMasterSlaveServerGroup&RegionId=%zz",
        "Action=CreateMasterSlaveServerGroup&RegionId=%E4%B8",
        "Action=CreateMasterSlaveServerGroup&RegionId=%",
        "Action=CreateMasterSlaveServerGroup&RegionId=%FF%FE",
    ] {
        let handled = handle(&get(query), &mut state, NOW, &Options::default());
        assert_eq!(handled.response.status, 400, "{query}");
        assert_eq!(
            json(&handled.response.body)["Code"],
            "RequestParameterMalformed"
        );
    }
    let form = HttpRequest {
        method: "POST".into(),
        path: "/".into(),
        query: String::new(),
        headers: vec![(
            "Content-Type".into(),
            "application/x-www-form-urlencoded".into(),
        )],
        body: vec![0xff, 0xfe, b'=', 0x80],
    };
    let handled = handle(&form, &mut state, NOW, &Options::default());
    assert_eq!(handled.response.status, 400);
    assert_eq!(
        json(&handled.response.body)["Code"],
        "RequestParameterMalformed"
    );

    let garbage = HttpRequest {
        method: "POST".into(),
        path: "/".into(),
        body: b"\x00\x01garbage".to_vec(),
        ..HttpRequest::default()
    };
    let handled = handle(&garbage, &mut state, NOW, &Options::default());
    assert_eq!(handled.response.status, 400);
    assert_eq!(json(&handled.response.body)["Code"], "MissingParameter");

    let other = handle(
        &get("Action=DescribeRegions"),
        &mut state,
        NOW,
        &Options::default(),
    );
    assert_eq!(other.response.status, 404);
    assert_eq!(json(&other.response.body)["Code"], "InvalidAction.NotFound");
    assert!(state.groups.is_empty());
}

#[test]
fn introspection_and_log_lines() {
    let mut state = State::new(5);
    let options = Options {
        credentials: Credentials::Known([("testid".into(), "testsecret".into())].into()),
    };
    let health = handle(
        &HttpRequest {
            method: "GET".into(),
            path: "/_emulator/health".into(),
            ..HttpRequest::default()
        },
        &mut state,
        NOW,
        &options,
    );
    assert_eq!(health.response.status, 200);
    let body = json(&health.response.body);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["credentials"], 1);

    let handled = handle(
        &signed_get(BAD_PORT, "testsecret"),
        &mut state,
        NOW,
        &options,
    );
    assert_eq!(
        log_line(&handled.outcome, NOW, LogFormat::Text),
        "2026-12-06T12:00:00Z GET / CreateMasterSlaveServerGroup 400 RealServerPortNotSupport"
    );
    let line = json(log_line(&handled.outcome, NOW, LogFormat::Json).as_bytes());
    assert_eq!(line["time"], "2026-12-06T12:00:00Z");
    assert_eq!(line["status"], 400);
    assert_eq!(line["code"], "RealServerPortNotSupport");

    let too_large = transport_error(
        "POST",
        "/",
        "Format=XML",
        &mut state,
        413,
        "RequestTooLarge",
        "too large",
    );
    assert_eq!(too_large.outcome.code.as_deref(), Some("RequestTooLarge"));
    let too_large = too_large.response;
    assert_eq!(too_large.status, 413);
    assert!(too_large.text().contains("<Code>RequestTooLarge</Code>"));
}

/// With credentials, the check engine's gateway decides: a wrong secret, an unknown AccessKeyId,
/// a nonce used twice, a timestamp 20 minutes old. Each is the service's code and status, and a
/// mismatch logs the server's string-to-sign.
#[test]
fn the_gateway_is_the_check_engines() {
    let mut state = State::new(6);
    let options = Options {
        credentials: Credentials::Known([("testid".into(), "testsecret".into())].into()),
    };
    let code = |h: &emulator::Handled| json(&h.response.body)["Code"].clone();
    let ok = BAD_PORT.replace("70000", "8080");

    let wrong = handle(&signed_get(&ok, "wrongsecret"), &mut state, NOW, &options);
    assert_eq!(
        (wrong.response.status, code(&wrong)),
        (400, "SignatureDoesNotMatch".into())
    );
    let sts = wrong.outcome.string_to_sign.clone().unwrap();
    assert!(sts.starts_with("GET&%2F&AccessKeyId%3Dtestid"), "{sts}");
    assert!(
        json(&wrong.response.body)["Message"]
            .as_str()
            .unwrap()
            .ends_with(&sts)
    );
    assert!(log_line(&wrong.outcome, NOW, LogFormat::Text).contains(&sts));

    let unknown = signed_get(&ok, "testsecret");
    let unknown = HttpRequest {
        query: unknown
            .query
            .replace("AccessKeyId=testid", "AccessKeyId=nobody"),
        ..unknown
    };
    let h = handle(&unknown, &mut state, NOW, &options);
    assert_eq!(
        (h.response.status, code(&h)),
        (404, "InvalidAccessKeyId.NotFound".into())
    );

    let first = signed_get(&ok, "testsecret");
    let h = handle(&first, &mut state, NOW, &options);
    assert_eq!(h.response.status, 200, "{}", h.response.text());
    let again = handle(&first, &mut state, NOW, &options);
    assert_eq!(
        (again.response.status, code(&again)),
        (400, "SignatureNonceUsed".into())
    );

    let late = handle(
        &signed_get(&ok, "testsecret"),
        &mut state,
        NOW + 20 * 60,
        &options,
    );
    assert_eq!(
        (late.response.status, code(&late)),
        (400, "InvalidTimeStamp.Expired".into())
    );
    assert_eq!(state.groups.len(), 1);
}

/// What a client sends reaches the text log as one word: an action with a line break or spaces
/// cannot split the line or forge another.
#[test]
fn log_lines_hold_client_text_on_one_line() {
    let mut state = State::new(8);
    let handled = handle(
        &get("Action=Create%0A2026-12-06T12:00:00Z GET / x 200 -"),
        &mut state,
        NOW,
        &Options::default(),
    );
    let line = log_line(&handled.outcome, NOW, LogFormat::Text);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.contains(r#""Create\n2026-12-06T12:00:00Z GET / x 200 -""#),
        "{line}"
    );
}

#[test]
fn credentials_read_from_id_secret_pairs() {
    assert_eq!(
        Credentials::from_pairs(Vec::<String>::new()),
        Ok(Credentials::Any)
    );
    assert_eq!(
        Credentials::from_pairs(["a:1", "b:x:y", "a:2"]),
        Ok(Credentials::Known(
            [("a".into(), "2".into()), ("b".into(), "x:y".into())].into()
        ))
    );
    for bad in ["nocolon", ":secret", "id:"] {
        assert_eq!(
            Credentials::from_pairs(["ok:1", bad]),
            Err(format!("{bad:?}: expected ID:SECRET, both non-empty"))
        );
    }
}
