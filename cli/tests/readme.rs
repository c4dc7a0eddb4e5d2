//! The README's examples and tables are produced here, by the real binary and the registry, and
//! compared with the README, so they cannot go stale. Run with
//! `UPDATE_README=1` to rewrite them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

fn readme_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../README.md")
}

/// Replaces (or, with `UPDATE_README`, rewrites) the text between `<!-- name:start -->` and
/// `<!-- name:end -->`, and asserts it equals `expected`.
pub fn check_block(name: &str, expected: &str) {
    let path = readme_path();
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme
        .find(&start_marker)
        .unwrap_or_else(|| panic!("README has no {name} block"))
        + start_marker.len();
    let end = readme[start..].find(&end_marker).expect("end marker") + start;
    let current = &readme[start..end];
    if current != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, updated).expect("write README");
        } else {
            panic!(
                "README block {name} is stale; run with UPDATE_README=1.\n--- expected\n{expected}--- found\n{current}"
            );
        }
    }
}

/// A README table of codes, one row each, as the registry describes them.
fn codes_markdown(codes: impl Iterator<Item = slb_msgroup::CodeInfo>) -> String {
    let mut table =
        String::from("| code | severity | HTTP | message | when |\n|---|---|---|---|---|\n");
    for info in codes {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            info.code,
            info.severity.as_str(),
            info.http_status.map_or("–".to_owned(), |s| s.to_string()),
            info.message,
            info.description.replace('|', "\\|"),
        ));
    }
    table
}

#[test]
fn codes_table() {
    check_block("codes", &codes_markdown(slb_msgroup::codes::all()));
}

fn cli(args: &[&str], stdin: &str, creds: bool) -> String {
    use std::io::Write as _;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_slb-msgroup"));
    cmd.args(args)
        .env_remove("ALIBABA_CLOUD_ACCESS_KEY_ID")
        .env_remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if creds {
        cmd.env("ALIBABA_CLOUD_ACCESS_KEY_ID", "testid")
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "testsecret");
    }
    let mut child = cmd.spawn().expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("output");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn fenced(lang: &str, command: &str, output: &str) -> String {
    format!(
        "```console\n$ {command}\n```\n\n```{lang}\n{}\n```\n",
        output.trim_end()
    )
}

const PUBLISHED: &str = r#"{
  "RegionId": "cn-hangzhou",
  "LoadBalancerId": "lb-bp1hv944r69al4j9jkmvx",
  "MasterSlaveBackendServers": "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100''ServerType':'Slave'}]",
  "MasterSlaveServerGroupName": "Group1"
}"#;

fn fixed() -> String {
    PUBLISHED.replace("'100''ServerType'", "'100','ServerType'")
}

#[test]
fn example_validate() {
    let mut block = format!("```json\n{PUBLISHED}\n```\n\n");
    block.push_str(&fenced(
        "text",
        "slb-msgroup validate --text request.json",
        &cli(&["validate", "--text"], PUBLISHED, false),
    ));
    block.push_str("\nThe same as JSON (spans in UTF-16 code units, as in the npm package, plus line and column):\n\n");
    block.push_str(&fenced(
        "json",
        "slb-msgroup validate request.json",
        &cli(&["validate"], PUBLISHED, false),
    ));
    check_block("example-validate", &block);
}

#[test]
fn example_request_and_response() {
    let fixed = fixed();
    let mut block = String::from(
        "With the comma inserted the request is valid. Its signed URL, with fixed inputs (`testid` and `testsecret` in the environment):\n\n",
    );
    block.push_str(&fenced(
        "json",
        "slb-msgroup request request.json --timestamp 2016-02-23T12:46:24Z --nonce 3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        &cli(&["request", "--timestamp", "2016-02-23T12:46:24Z", "--nonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"], &fixed, true),
    ));
    block.push_str("\nThe response the service gives:\n\n");
    block.push_str(&fenced(
        "xml",
        "slb-msgroup response request.json --format xml --request-id 9DEC9C28-AB05-4DDF-9A78-6B08EC9CE18C --group-id rsp-cige6j5e7p",
        &cli(&["response", "--format", "xml", "--request-id", "9DEC9C28-AB05-4DDF-9A78-6B08EC9CE18C", "--group-id", "rsp-cige6j5e7p"], &fixed, false),
    ));
    block.push_str("\nAnd a snippet that sends it:\n\n");
    block.push_str(&fenced(
        "bash",
        "slb-msgroup snippets request.json --lang aliyun-bash",
        &cli(&["snippets", "--lang", "aliyun-bash"], &fixed, false),
    ));
    check_block("example-request", &block);
}

/// A hand-rolled client's request: it encoded the space of `Group 1` as `+` and signed that.
const HAND_ROLLED: &str = "curl -sS \\
  'https://slb.aliyuncs.com/?AccessKeyId=testid&Action=CreateMasterSlaveServerGroup&Format=JSON&LoadBalancerId=lb-bp1hv944r69al4j9jkmvx&MasterSlaveBackendServers=%5B%7B%22ServerId%22%3A%22i-1%22%2C%22Port%22%3A80%2C%22ServerType%22%3A%22Master%22%7D%2C%7B%22ServerId%22%3A%22i-2%22%2C%22Port%22%3A80%2C%22ServerType%22%3A%22Slave%22%7D%5D&MasterSlaveServerGroupName=Group+1&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2026-12-06T12%3A00%3A00Z&Version=2014-05-15&Signature=%2BNhLekg3942pskxiQFvAxtQLBow%3D'
";

#[test]
fn example_check() {
    let mut block = format!("```bash\n{HAND_ROLLED}```\n\n");
    block.push_str(&fenced(
        "text",
        "slb-msgroup check --text --now 2026-12-06T12:05:00Z request.sh",
        &cli(
            &["check", "--text", "--now", "2026-12-06T12:05:00Z"],
            HAND_ROLLED,
            true,
        ),
    ));
    check_block("example-check", &block);
}

#[test]
fn gateway_codes_table() {
    check_block(
        "gateway-codes",
        &codes_markdown(slb_msgroup::codes::gateway()),
    );
}

/// The client examples of "Test your code offline" are the files `cargo xtask test` runs.
#[test]
fn offline_clients() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../clients/examples");
    let mut block = String::new();
    for (file, title, lang) in [
        (
            "pop-core.mjs",
            "npm `@alicloud/pop-core` (v1 signature; POST here, GET when `method` is left out)",
            "js",
        ),
        (
            "tea-node.mjs",
            "npm `@alicloud/openapi-client` (ACS3), the generic Tea client",
            "js",
        ),
        (
            "sdk-core.py",
            "PyPI `aliyun-python-sdk-core` with `aliyun-python-sdk-slb` (v1)",
            "python",
        ),
        (
            "tea.py",
            "PyPI `alibabacloud-slb20140515` on `alibabacloud-tea-openapi` (ACS3)",
            "python",
        ),
    ] {
        let code = std::fs::read_to_string(dir.join(file)).unwrap();
        block.push_str(&format!(
            "{title}, `clients/examples/{file}`:\n\n```{lang}\n{code}```\n\n"
        ));
    }
    check_block("offline-clients", &block);
}
