//! Golden snippets, the shell quoting cases, and the curl (bash) snippet run for real against a
//! stand-in `curl`, checking that it signs exactly as the library does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use slb_msgroup::request::{self, Credentials, RequestOptions, SignatureVersion};
use slb_msgroup::snippets::{self, IDS, SnippetOptions, bash_quote, powershell_quote};
use slb_msgroup::{Request, ServerList};

fn request(servers: &str, name: Option<&str>) -> Request {
    Request {
        region_id: Some("cn-hangzhou".into()),
        load_balancer_id: Some("lb-bp1hv944r69al4j9jkmvx".into()),
        master_slave_backend_servers: Some(ServerList::Raw(servers.into())),
        master_slave_server_group_name: name.map(Into::into),
    }
}

const SINGLE: &str = "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100','ServerType':'Slave'}]";
const DOUBLE: &str = r#"[{"ServerId":"i-1","Port":80,"ServerType":"Master","Description":"it's \"primary\" 主"},{"ServerId":"i-2","Port":80,"ServerType":"Slave"}]"#;

#[test]
fn golden_snippets() {
    for (name, req) in [
        ("single-quoted", request(SINGLE, Some("Group1"))),
        (
            "double-quoted",
            request(DOUBLE, Some("主备 group $HOME `x` %PATH% ${x}")),
        ),
    ] {
        let all = snippets::snippets(&req, &SnippetOptions::default());
        assert_eq!(all.iter().map(|s| s.id).collect::<Vec<_>>(), IDS);
        for s in all {
            insta::assert_snapshot!(format!("{name}-{}", s.id), s.code);
        }
    }
}

#[test]
fn shell_quoting() {
    assert_eq!(bash_quote("[{'a':'b'}]"), r"'[{'\''a'\'':'\''b'\''}]'");
    assert_eq!(bash_quote(r#"{"a":"$x `y` \z"}"#), r#"'{"a":"$x `y` \z"}'"#);
    assert_eq!(powershell_quote("[{'a':\"b\"}]"), "'[{''a'':\"b\"}]'");
    assert_eq!(powershell_quote("it\u{2019}s"), "'it\u{2019}\u{2019}s'");
}

fn bash_available() -> bool {
    Command::new("bash")
        .arg("-c")
        .arg("command -v openssl")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs a bash snippet with `curl`, `date` and `openssl rand` replaced, returning what curl got.
fn run_bash(code: &str, timestamp: &str, nonce: &str) -> String {
    let dir = std::env::temp_dir().join(format!("slb-msgroup-snippet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("snippet.sh");
    std::fs::write(&script, code).unwrap();
    let prelude = format!(
        "curl() {{ printf '%s\\n' \"$@\"; }}\n\
         date() {{ printf '%s\\n' '{timestamp}'; }}\n\
         openssl() {{ if [ \"$1\" = rand ]; then printf '%s\\n' '{nonce}'; else command openssl \"$@\"; fi; }}\n\
         export -f curl date openssl\n"
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("{prelude}bash {}", script.display()))
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "testid")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s3cr3t/+=key")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "snippet failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn curl_bash_snippet_signs_like_the_library() {
    if !bash_available() {
        panic!("bash and openssl are needed for this test");
    }
    for req in [
        request(SINGLE, Some("Group1")),
        request(DOUBLE, Some("主备 group *~ 'q' \"d\" 😀")),
    ] {
        let code = snippets::snippets(&req, &SnippetOptions::default())
            .into_iter()
            .find(|s| s.id == "curl-bash")
            .unwrap()
            .code;
        let (timestamp, nonce) = ("2026-11-22T08:00:00Z", "3ee8c1b883d344afa94f4e0ad82fd6cf");
        let got = run_bash(&code, timestamp, nonce);
        let built = request::build(
            &req,
            &RequestOptions {
                signature: Some(SignatureVersion::V1),
                credentials: Some(Credentials {
                    access_key_id: "testid".into(),
                    access_key_secret: "s3cr3t/+=key".into(),
                }),
                timestamp: timestamp.into(),
                nonce: nonce.into(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(got.lines().collect::<Vec<_>>(), ["-sS", built.url.as_str()]);
    }
}
