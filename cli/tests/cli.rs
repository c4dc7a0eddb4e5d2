//! The command line, run as a user runs it: exit codes, JSON shapes, every signing vector, and
//! the secret never printed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SECRET: &str = "s3cr3t/+=key";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_slb-msgroup"));
    c.env_remove("ALIBABA_CLOUD_ACCESS_KEY_ID")
        .env_remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        .env_remove("RUST_BACKTRACE");
    c
}

fn run(args: &[&str], stdin: &str, creds: Option<(&str, &str)>) -> Output {
    let mut cmd = bin();
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some((id, secret)) = creds {
        cmd.env("ALIBABA_CLOUD_ACCESS_KEY_ID", id)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret);
    }
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn fixture(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures")
        .join(path);
    std::fs::read_to_string(p).unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn validate_exit_codes_and_shape() {
    let ok = run(&["validate"], &fixture("ok/single-quoted.json"), None);
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(
        stdout(&ok),
        "{\n  \"ok\": true,\n  \"diagnostics\": []\n}\n"
    );

    let bad = run(
        &["validate", "-"],
        &fixture("ok/cjk-emoji.json").replacen(r#"\"Port\":80,"#, r#"\"Port\":0,"#, 1),
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    insta::assert_snapshot!("validate-json-utf16", stdout(&bad));

    let text = run(
        &["validate", "--text"],
        &fixture("err/syntax-missing-comma.json"),
        None,
    );
    assert_eq!(text.status.code(), Some(1));
    insta::assert_snapshot!("validate-text", stdout(&text));

    let usage = run(&["validate"], "{not json", None);
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("not a request object"));
    let unknown = run(&["validate"], r#"{"RegionID":"cn-hangzhou"}"#, None);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], "", None).status.code(), Some(2));
    assert_eq!(
        run(&["validate", "/no/such/file.json"], "", None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn spans_are_utf16_with_line_and_column() {
    let raw = "[\n {'ServerId':'主😀','Port':0,'ServerType':'Master'},{'ServerId':'i-2','Port':80,'ServerType':'Slave'}]";
    let req = serde_json::json!({"RegionId":"cn-hangzhou","LoadBalancerId":"lb-1","MasterSlaveBackendServers": raw});
    let out = run(&["validate"], &req.to_string(), None);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "RealServerPortNotSupport");
    let utf16: Vec<u16> = raw.encode_utf16().collect();
    let (s, e) = (
        d["span"]["start"].as_u64().unwrap() as usize,
        d["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&utf16[s..e]).unwrap(), "0");
    assert_eq!(
        (d["span"]["line"].as_u64(), d["span"]["column"].as_u64()),
        (Some(2), Some(26))
    );
}

#[test]
fn response_exit_codes() {
    let ok = run(
        &[
            "response",
            "--format",
            "XML",
            "--shape",
            "documented",
            "--request-id",
            "R",
            "--group-id",
            "rsp-g",
        ],
        &fixture("ok/single-quoted.json"),
        None,
    );
    assert_eq!(ok.status.code(), Some(0));
    insta::assert_snapshot!("response-documented-xml", stdout(&ok));
    let bad = run(
        &["response", "--request-id", "R"],
        &fixture("err/port-empty.json"),
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    let body: serde_json::Value = serde_json::from_str(&stdout(&bad)).unwrap();
    assert_eq!(body["Code"], "BACKEND_SERVER_PORT_CAN_NOT_EMPTY");
    assert_eq!(body["RequestId"], "R");
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct V1Vector {
    name: String,
    method: String,
    access_key_secret: String,
    params: Vec<(String, String)>,
    string_to_sign: String,
    query: String,
}

fn vectors(name: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/vectors")
            .join(name),
    )
    .unwrap()
}

#[test]
fn every_v1_vector_through_the_cli() {
    let all: Vec<V1Vector> = serde_json::from_str(&vectors("signature-v1.json")).unwrap();
    for v in all {
        let get = |k: &str| {
            v.params
                .iter()
                .find(|(pk, _)| pk == k)
                .map(|(_, pv)| pv.clone())
        };
        let mut req = serde_json::Map::new();
        for k in [
            "RegionId",
            "LoadBalancerId",
            "MasterSlaveBackendServers",
            "MasterSlaveServerGroupName",
        ] {
            if let Some(val) = get(k) {
                req.insert(k.into(), val.into());
            }
        }
        let format = get("Format").unwrap();
        let ts = get("Timestamp").unwrap();
        let nonce = get("SignatureNonce").unwrap();
        let id = get("AccessKeyId").unwrap();
        let out = run(
            &[
                "request",
                "--sign",
                "v1",
                "--method",
                &v.method,
                "--format",
                &format,
                "--timestamp",
                &ts,
                "--nonce",
                &nonce,
            ],
            &serde_json::Value::Object(req).to_string(),
            Some((&id, &v.access_key_secret)),
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            v.name,
            String::from_utf8_lossy(&out.stderr)
        );
        let built: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(
            built["stringToSign"],
            v.string_to_sign.as_str(),
            "{}",
            v.name
        );
        assert_eq!(
            built["url"].as_str().unwrap().split_once('?').unwrap().1,
            v.query,
            "{}",
            v.name
        );
        assert_eq!(built["method"], v.method.as_str());
    }
}

#[test]
fn every_v3_vector_through_the_cli() {
    let all: Vec<serde_json::Value> = serde_json::from_str(&vectors("signature-v3.json")).unwrap();
    for v in all {
        let h = &v["headers"];
        let out = run(
            &[
                "request",
                "--sign",
                "v3",
                "--endpoint",
                h["host"].as_str().unwrap(),
                "--timestamp",
                h["x-acs-date"].as_str().unwrap(),
                "--nonce",
                h["x-acs-signature-nonce"].as_str().unwrap(),
            ],
            &v["query"].to_string(),
            Some((
                v["accessKeyId"].as_str().unwrap(),
                v["accessKeySecret"].as_str().unwrap(),
            )),
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let built: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(built["url"], v["url"]);
        assert_eq!(built["headers"]["Authorization"], v["authorization"]);
        assert_eq!(built["method"], "POST");
    }
}

/// The secret appears in no output of any command, signed or not.
#[test]
fn secret_never_printed() {
    let inputs = [
        fixture("ok/single-quoted.json"),
        fixture("ok/cjk-emoji.json"),
        fixture("err/many-errors-in-order.json"),
    ];
    let commands: &[&[&str]] = &[
        &["validate"],
        &["validate", "--text"],
        &["request"],
        &["request", "--sign", "v1", "--method", "POST"],
        &["request", "--sign", "v3"],
        &["request", "--sign", "none"],
        &["response"],
        &["response", "--format", "xml"],
        &["snippets"],
        &["snippets", "--lang", "curl-bash"],
    ];
    for input in &inputs {
        for args in commands {
            let out = run(args, input, Some(("LTAI5tExampleKey0001", SECRET)));
            for stream in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(stream);
                assert!(!text.contains(SECRET), "{args:?} printed the secret");
                assert!(
                    !text.contains("s3cr3t"),
                    "{args:?} printed part of the secret"
                );
                assert!(
                    !text.contains(&slb_msgroup::encode::rpc(SECRET)),
                    "{args:?} printed the encoded secret"
                );
            }
        }
    }
    // Signing without credentials is a usage error, not a silent unsigned URL.
    let out = run(&["request", "--sign", "v1"], &inputs[0], None);
    assert_eq!(out.status.code(), Some(2));
}

/// A request file larger than 1 MiB is refused before it is read in full (a 100 MiB file had cost
/// 908 MB and 27 s); standard input is capped the same way. Exit 2, a message that says why.
#[test]
fn input_is_capped() {
    let dir = std::env::temp_dir().join(format!("slb-msgroup-cap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.json");
    // A sparse 100 MiB file: no disk, no time to write it.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    for command in ["validate", "request", "response", "snippets"] {
        let out = bin()
            .args([command, big.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("larger than 1048576 bytes") && err.contains("not read"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }

    let mut child = bin()
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The CLI stops reading at the cap: a broken pipe here is the point.
        let _ = stdin.write_all(&vec![b' '; 5 * 1024 * 1024]);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("standard input: larger than")
    );
}

/// What serde_json's messages left unclear is named: a byte order mark, a lone surrogate.
#[test]
fn bom_and_lone_surrogate_are_named() {
    let request = fixture("ok/single-quoted.json");
    let out = run(&["validate"], &format!("\u{feff}{request}"), None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("byte order mark (U+FEFF)"), "{err}");

    let out = run(&["validate"], r#"{"RegionId":"\ud800"}"#, None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("lone UTF-16 surrogate escape"), "{err}");
    assert!(err.contains("line 1 column"), "{err}");
}
