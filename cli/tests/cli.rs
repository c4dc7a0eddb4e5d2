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

// --- check

fn check_fixture(name: &str) -> String {
    fixture(&format!("check/{name}"))
}

fn capture(name: &str) -> String {
    fixture(&format!("captures/{name}.http"))
}

#[test]
fn check_exit_codes_and_shape() {
    let now = ["--now", "2026-12-06T12:05:00Z"];
    let ok = run(
        &[&["check"][..], &now].concat(),
        &check_fixture("url-ok.txt"),
        Some(("testid", "testsecret")),
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    let v: serde_json::Value = serde_json::from_str(&stdout(&ok)).unwrap();
    assert_eq!(v["accepted"], true);
    assert_eq!(v["status"], 200);
    assert_eq!(v["signature"]["scheme"], "v1");
    assert_eq!(v["signature"]["verified"], true);
    assert_eq!(
        v["parameters"]["LoadBalancerId"],
        "lb-bp1hv944r69al4j9jkmvx"
    );
    assert_eq!(v["diagnostics"], serde_json::json!([]));

    // Options beat the environment; a wrong secret is a rejection (exit 1).
    let bad = run(
        &[&["check", "--access-key-secret", "wrong"][..], &now].concat(),
        &check_fixture("url-ok.txt"),
        Some(("testid", "testsecret")),
    );
    assert_eq!(bad.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&bad)).unwrap();
    assert_eq!(v["status"], 400);
    assert_eq!(v["diagnostics"][0]["code"], "SignatureDoesNotMatch");
    assert_eq!(v["signature"]["verified"], false);

    // Without a secret: checked, not verified, accepted.
    let unverified = run(
        &[&["check"][..], &now].concat(),
        &check_fixture("url-ok.txt"),
        None,
    );
    assert_eq!(unverified.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&unverified)).unwrap();
    assert_eq!(v["signature"]["verified"], serde_json::Value::Null);
    assert_eq!(v["diagnostics"][0]["code"], "SignatureNotVerified");

    // Another AccessKey id than the one given.
    let other = run(
        &[&["check", "--access-key-id", "otherid"][..], &now].concat(),
        &check_fixture("url-ok.txt"),
        Some(("testid", "testsecret")),
    );
    assert_eq!(other.status.code(), Some(1));
    assert!(stdout(&other).contains("InvalidAccessKeyId.NotFound"));

    // Garbage is a rejection with a diagnostic, not a usage error; a bad --now is misuse.
    let garbage = run(&["check"], "hello", None);
    assert_eq!(garbage.status.code(), Some(1));
    assert!(stdout(&garbage).contains("UnreadableRequest"));
    let misuse = run(&["check", "--now", "yesterday"], "", None);
    assert_eq!(misuse.status.code(), Some(2));
    let missing = run(&["check", "/nonexistent/request.http"], "", None);
    assert_eq!(missing.status.code(), Some(2));

    // Over 1 MiB: refused with a diagnostic (only 1 MiB + 1 byte is read).
    let big = format!("https://slb.aliyuncs.com/?A={}", "a".repeat(2 << 20));
    let path = std::env::temp_dir().join(format!("slb-msgroup-big-{}.txt", std::process::id()));
    std::fs::write(&path, &big).unwrap();
    let refused = run(&["check", path.to_str().unwrap()], "", None);
    let _ = std::fs::remove_file(&path);
    assert_eq!(refused.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&refused)).unwrap();
    assert_eq!(v["diagnostics"][0]["code"], "InputTooLarge");
    assert_eq!(v["status"], serde_json::Value::Null);
}

#[test]
fn check_text_and_first_difference() {
    let input = check_fixture("gw-signature-plus-for-space.txt");
    let out = run(
        &["check", "--text", "--now", "2026-12-06T12:05:00Z"],
        &input,
        Some(("testid", "testsecret")),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.starts_with("rejected (HTTP 400)\n"), "{text}");
    assert!(text.contains("+ vs %20"), "{text}");

    // The client's logged string-to-sign names the first differing byte.
    let input = check_fixture("sts-client-logged.txt");
    let sts = check_fixture("sts-client-logged.sts");
    let out = run(
        &[
            "check",
            "--now",
            "2026-12-06T12:05:00Z",
            "--string-to-sign",
            sts.trim(),
        ],
        &input,
        Some(("testid", "testsecret")),
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["signature"]["firstDifference"]["offset"], 127);
}

#[test]
fn check_reads_every_capture() {
    for client in [
        "pop-core-get",
        "pop-core-post",
        "tea-node",
        "sdk-core-python",
        "tea-python",
    ] {
        // Long after the capture: expired, and the signature still holds.
        let out = run(
            &["check", "--now", "2030-01-01T00:00:00Z"],
            &capture(client),
            Some(("testid", "testsecret")),
        );
        assert_eq!(out.status.code(), Some(1), "{client}");
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["signature"]["verified"], true, "{client}");
        assert_eq!(v["diagnostics"][0]["code"], "InvalidTimeStamp.Expired");
    }
}

#[test]
fn github_annotations() {
    let out = run(
        &["check", "--format", "github"],
        "GET /?A=1 HTTP/1.1\nHost slb\n\n",
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "::error file=stdin,line=2,col=1,title=UnreadableRequest::input: The input is not a request this tool can read. header line \"Host slb\" has no colon\n"
    );
    let out = run(
        &["validate", "--format", "github"],
        &fixture("err/count-one.json"),
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("::error file=stdin,title=BACKEND_SERVERS_NUM_MUST_BE_TWO::"),
        "{}",
        stdout(&out)
    );
}

/// `--format sarif` is valid against the SARIF 2.1.0 schema (OASIS,
/// `cli/tests/sarif-schema-2.1.0.json`), for `validate` and `check`, with and without findings.
#[test]
fn sarif_is_valid() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let cases: Vec<(Vec<&str>, String)> = vec![
        (vec!["validate"], fixture("err/many-errors-in-order.json")),
        (vec!["validate"], fixture("ok/single-quoted.json")),
        (vec!["check"], check_fixture("garbage-http-bad-header.txt")),
        (
            vec!["check"],
            check_fixture("gw-signature-wrong-secret.txt"),
        ),
        (vec!["check"], capture("tea-python")),
    ];
    for (args, input) in cases {
        let mut args = args.clone();
        args.extend(["--format", "sarif"]);
        let out = run(&args, &input, Some(("testid", "testsecret")));
        let log: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        assert_eq!(log["version"], "2.1.0");
    }
}

/// The secret appears in no output of `check`, in any format.
#[test]
fn check_never_prints_the_secret() {
    for format in ["json", "text", "github", "sarif"] {
        for input in [
            check_fixture("url-ok.txt"),
            check_fixture("gw-signature-plus-for-space.txt"),
            capture("tea-node"),
        ] {
            let out = run(
                &["check", "--format", format, "--string-to-sign", "GET&%2F&x"],
                &input,
                Some(("testid", SECRET)),
            );
            for stream in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(stream);
                assert!(!text.contains("s3cr3t"), "{format} printed the secret");
                assert!(!text.contains(&slb_msgroup::encode::rpc(SECRET)));
            }
        }
    }
}
