//! The exported JS API, called as JS would call it, under Node (`wasm-bindgen-test-runner`).
//! Run by `cargo xtask test`; the Node suite in `npm/test/` covers the built package in depth.

#![cfg(all(target_arch = "wasm32", feature = "wasm"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use js_sys::{Array, JSON, Object, Reflect};
use slb_msgroup::wasm;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn to_json(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().as_string().unwrap()
}

/// A thrown `JsError` as the JS `Error` it becomes.
fn message(error: wasm_bindgen::JsError) -> String {
    let value: JsValue = error.into();
    assert!(value.is_instance_of::<js_sys::Error>());
    value.unchecked_into::<js_sys::Error>().message().into()
}

const SEED: &str = r#"{"RegionId":"cn-hangzhou","LoadBalancerId":"lb-bp1hv944r69al4j9jkmvx","MasterSlaveBackendServers":"[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100''ServerType':'Slave'}]"}"#;

#[wasm_bindgen_test]
fn validate_returns_plain_objects_with_utf16_spans() {
    let report = wasm::validate(js(SEED)).unwrap();
    assert_eq!(get(&report, "ok"), JsValue::FALSE);
    let first = Array::from(&get(&report, "diagnostics")).get(0);
    assert_eq!(
        Object::get_prototype_of(&first),
        Object::get_prototype_of(&Object::new().into())
    );
    assert_eq!(get(&first, "code").as_string().unwrap(), "InvalidParameter");
    assert_eq!(to_json(&get(&first, "span")), r#"{"start":119,"end":120}"#);

    let emoji = js(
        r#"{"RegionId":"cn-hangzhou","LoadBalancerId":"lb-1","MasterSlaveBackendServers":"[{\"ServerId\":\"😀\",\"Port\":\"x\"}]"}"#,
    );
    let report = wasm::validate(emoji).unwrap();
    let diagnostics = Array::from(&get(&report, "diagnostics"));
    let port = diagnostics
        .iter()
        .find(|d| get(d, "code").as_string().unwrap() == "RealServerPortNotSupport")
        .unwrap();
    // `[{"ServerId":"😀","Port":` is 25 UTF-16 code units (the emoji is two), 27 UTF-8 bytes.
    assert_eq!(get(&get(&port, "span"), "start").as_f64(), Some(25.0));
}

#[wasm_bindgen_test]
fn warnings_and_absent_spans_are_null() {
    let report = wasm::validate(js(r#"{"LoadBalancerId":"x"}"#)).unwrap();
    let first = Array::from(&get(&report, "diagnostics")).get(0);
    assert!(get(&first, "span").is_null());
    assert!(get(&first, "fix").is_null());
    let warning = Array::from(&get(&report, "diagnostics"))
        .iter()
        .find(|d| get(d, "severity").as_string().unwrap() == "warning")
        .unwrap();
    assert!(get(&warning, "httpStatus").is_null());
}

#[wasm_bindgen_test]
fn build_request_uses_the_js_clock_and_randomness() {
    let options = js(r#"{"accessKeyId":"id","accessKeySecret":"secret"}"#);
    let a = wasm::build_request(js(SEED), Some(options.clone())).unwrap();
    let b = wasm::build_request(js(SEED), Some(options)).unwrap();
    assert_eq!(get(&a, "signed"), JsValue::TRUE);
    let url = |v: &JsValue| get(v, "url").as_string().unwrap();
    assert_ne!(url(&a), url(&b), "a fresh nonce each call");
    let year = js_sys::Date::new_0().get_utc_full_year();
    assert!(
        url(&a).contains(&format!("Timestamp={year}-")),
        "{}",
        url(&a)
    );
    let headers = get(&wasm::build_request(js(SEED), None).unwrap(), "headers");
    assert_eq!(
        Object::get_prototype_of(&headers),
        Object::get_prototype_of(&Object::new().into())
    );
}

#[wasm_bindgen_test]
fn misuse_throws_errors() {
    let e = wasm::validate(JsValue::from_str("x")).unwrap_err();
    assert!(message(e).starts_with("validate: the request must be an object"));
    let e = wasm::validate(js(r#"{"Region":"x"}"#)).unwrap_err();
    assert!(message(e).contains("unknown field `Region`"));
    let e = wasm::build_request(js(SEED), Some(js(r#"{"timestamp":"now"}"#))).unwrap_err();
    assert!(message(e).starts_with("buildRequest: timestamp \"now\" is not in the form"));
}

#[wasm_bindgen_test]
fn the_other_functions() {
    let response = wasm::render_response(js(SEED), Some(js(r#"{"requestId":"R"}"#))).unwrap();
    assert_eq!(get(&response, "status").as_f64(), Some(400.0));
    let snippets = wasm::snippets(js(SEED), None).unwrap();
    assert!(Object::keys(snippets.unchecked_ref::<Object>()).length() > 0);
    assert_eq!(Array::from(&wasm::regions().unwrap()).length(), 57);
    assert!(Array::from(&wasm::error_codes().unwrap()).length() > 0);
    let parsed = wasm::parse_servers("[");
    assert!(get(&parsed.unwrap(), "servers").is_null());
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

/// A JS object that refers to itself, and one nested 10,000 deep: a clear `Error`, and the module
/// still answers the next call (issue: a wasm stack overflow had bricked it for the process).
#[wasm_bindgen_test]
fn cycles_and_depth_throw_and_the_module_lives_on() {
    let request = js(r#"{"RegionId":"cn-hangzhou","LoadBalancerId":"lb-1"}"#);
    let server = js(r#"{"ServerId":"i-1","Port":80}"#);
    Reflect::set(&server, &JsValue::from_str("self"), &server).unwrap();
    let list = Array::of2(&server, &js(r#"{"ServerId":"i-2","Port":81}"#));
    Reflect::set(
        &request,
        &JsValue::from_str("MasterSlaveBackendServers"),
        &list,
    )
    .unwrap();
    let e = wasm::validate(request.clone()).unwrap_err();
    assert!(message(e).contains("refers to itself"));

    let mut deep: JsValue = Object::new().into();
    for _ in 0..10_000 {
        let outer: JsValue = Object::new().into();
        Reflect::set(&outer, &JsValue::from_str("a"), &deep).unwrap();
        deep = outer;
    }
    Reflect::set(&server, &JsValue::from_str("self"), &deep).unwrap();
    let e = wasm::render_response(request, None).unwrap_err();
    let m = message(e);
    assert!(
        m.contains("nested too deeply") || m.contains("call stack"),
        "{m}"
    );

    let report = wasm::validate(js(SEED)).unwrap();
    assert_eq!(get(&report, "ok"), JsValue::FALSE);
}

/// The page's own path (the Rust API, no JS values): what a share link can hold, in the wasm
/// stack the page has. A list nested a million deep, 10 MiB fields, a host-moving RegionId.
#[wasm_bindgen_test]
fn the_pages_path_is_bounded_in_wasm() {
    use slb_msgroup::request::{self, RequestOptions};
    use slb_msgroup::{Request, ServerList, analyze, render_response};
    let big = "x".repeat(10 * 1024 * 1024);
    for (region, servers) in [
        ("cn-hangzhou", "[".repeat(1_000_000)),
        (
            "cn-hangzhou",
            format!("{}{}", "[".repeat(31), "]".repeat(31)),
        ),
        (big.as_str(), "[]".to_owned()),
        ("x@evil.example/", "[]".to_owned()),
    ] {
        let req = Request {
            region_id: Some(region.to_owned()),
            load_balancer_id: Some(big.clone()),
            master_slave_backend_servers: Some(ServerList::Raw(servers)),
            master_slave_server_group_name: Some(big.clone()),
        };
        let analysis = analyze(&req);
        assert!(!analysis.report.ok);
        assert!(render_response(&req, &Default::default()).status >= 400);
        assert!(request::build(&req, &RequestOptions::default()).is_err());
    }
}

/// `checkRequest` (`slb-msgroup/check`): text or parts in, a plain report out, the JS clock by
/// default, misuse thrown.
#[cfg(feature = "wasm-check")]
#[wasm_bindgen_test]
fn check_request_reads_text_and_parts() {
    let text = include_str!("fixtures/captures/pop-core-get.http");
    let options =
        js(r#"{"accessKeyId":"testid","accessKeySecret":"wrong","now":"2030-01-01T00:00:00Z"}"#);
    let report = wasm::check_request(JsValue::from_str(text), Some(options)).unwrap();
    assert_eq!(get(&report, "accepted"), JsValue::FALSE);
    assert_eq!(get(&report, "status"), JsValue::from(400));
    let codes: Vec<String> = Array::from(&get(&report, "diagnostics"))
        .iter()
        .map(|d| get(&d, "code").as_string().unwrap())
        .collect();
    assert_eq!(codes, ["InvalidTimeStamp.Expired", "SignatureDoesNotMatch"]);
    assert!(!to_json(&report).contains("\"wrong\""));
    let signature = get(&report, "signature");
    assert_eq!(get(&signature, "scheme"), JsValue::from_str("v1"));
    assert_eq!(get(&signature, "verified"), JsValue::FALSE);

    // Parts, and no options: the clock is now, long after the capture; nothing verified.
    let parts = js(
        r#"{"url":"https://slb.aliyuncs.com/?Action=DescribeRegions","headers":[["Accept","*/*"]]}"#,
    );
    let report = wasm::check_request(parts, None).unwrap();
    assert_eq!(
        get(&get(&report, "input"), "kind"),
        JsValue::from_str("parts")
    );
    assert_eq!(get(&get(&report, "signature"), "verified"), JsValue::NULL);

    assert!(
        message(wasm::check_request(JsValue::from(42), None).unwrap_err())
            .starts_with("checkRequest: the input must be")
    );
    let bad = js(r#"{"now":"noon"}"#);
    assert!(
        message(wasm::check_request(JsValue::from_str(text), Some(bad)).unwrap_err())
            .contains("now \"noon\"")
    );
}

/// The results written as JSON text by hand (`core/src/wasm.rs`) are, key for key and in order,
/// what serde_json writes for the API types (`core/src/api.rs`), which the CLI prints.
#[wasm_bindgen_test]
fn hand_written_results_match_the_api_types_serialized() {
    use slb_msgroup::api::{self, Units};
    let requests = [
        SEED.to_owned(),
        r#"{"RegionId":"cn-hangzhou","LoadBalancerId":"lb-1","MasterSlaveBackendServers":"[{'ServerId':'vm-233','Port':'80','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','ServerType':'Slave'}]","MasterSlaveServerGroupName":"g"}"#.to_owned(),
        r#"{"RegionId":"cn-hangzhou","LoadBalancerId":"lb-1","MasterSlaveBackendServers":"[{\"ServerId\":\"机器-1\",\"Port\":0,\"Serverid\":\"x\",\"ServerType\":\"master\"},{\"ServerId\":\"😀\",\"Port\":\"80\",\"Weight\":101}]"}"#.to_owned(),
        r#"{"RegionId":"cn-hangzhou","MasterSlaveBackendServers":[{"ServerId":"i-1","Port":80,"X":[1,{"y":null}]},{"ServerId":"i-2","Port":"81","ServerType":"Slave","Note":"a\"b\\c\nd\u0001"}]}"#.to_owned(),
        r#"{}"#.to_owned(),
    ];
    for text in &requests {
        let request = api::parse_request(text).unwrap();
        let want = serde_json::to_string(&api::validate(&request, Units::Utf16)).unwrap();
        assert_eq!(to_json(&wasm::validate(js(text)).unwrap()), want, "{text}");

        let options = r#"{"requestId":"R","groupId":"G","format":"XML"}"#;
        let want = api::render_response(
            &request,
            &serde_json::from_str(options).unwrap(),
            api::Environment {
                unix_seconds: 0,
                entropy: 1,
            },
        );
        let got = wasm::render_response(js(text), Some(js(options))).unwrap();
        assert_eq!(
            to_json(&got),
            serde_json::to_string(&want).unwrap(),
            "{text}"
        );

        let options = r#"{"accessKeyId":"id","accessKeySecret":"s","timestamp":"2026-11-22T08:00:00Z","nonce":"n","signatureVersion":"v3"}"#;
        let env = api::Environment {
            unix_seconds: 0,
            entropy: 1,
        };
        let want = api::build_request(&request, &serde_json::from_str(options).unwrap(), env)
            .map(|b| serde_json::to_string(&b).unwrap());
        let got = wasm::build_request(js(text), Some(js(options))).map(|v| to_json(&v));
        if let Ok(want) = want {
            assert_eq!(got.unwrap(), want, "{text}");
        }
        let want = api::snippets(&request, &api::ApiSnippetOptions::default())
            .map(|s| serde_json::to_string(&s).unwrap());
        if let Ok(want) = want {
            assert_eq!(
                to_json(&wasm::snippets(js(text), None).unwrap()),
                want,
                "{text}"
            );
        }
    }
    for raw in [
        "[",
        "[]",
        "[{'ServerId':'i-1','Port':80,'Extra':{'b':[1,2.5,true]}},{'ServerId':'i-1','Port':'80'}]",
        "[{\"ServerId\":\"é\",\"Port\":1e400,\"Weight\":12.5}]",
    ] {
        let want = serde_json::to_string(&api::parse_servers(raw, Units::Utf16)).unwrap();
        assert_eq!(to_json(&wasm::parse_servers(raw).unwrap()), want, "{raw}");
    }
    assert_eq!(
        to_json(&wasm::regions().unwrap()),
        serde_json::to_string(&api::regions()).unwrap()
    );
    assert_eq!(
        to_json(&wasm::error_codes().unwrap()),
        serde_json::to_string(&api::error_codes()).unwrap()
    );
}
