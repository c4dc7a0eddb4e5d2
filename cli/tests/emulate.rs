//! `slb-msgroup emulate` over a real socket: the first line, the API, the introspection paths, and
//! bad input (garbage, truncated and oversized bodies, headers that never end, malformed
//! percent-encoding, bytes that are not UTF-8), each followed by a valid request that must still
//! be answered. Then SIGTERM.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{Shutdown, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Emulator {
    child: Child,
    addr: String,
}

impl Emulator {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_slb-msgroup"))
            .args(["emulate", "--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        // Keep draining the log so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            while stdout.read_line(&mut sink).is_ok_and(|n| n > 0) {
                sink.clear();
            }
        });
        let url = first.trim().to_owned();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        let addr = url.trim_start_matches("http://").to_owned();
        Self { child, addr }
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s
    }

    /// Sends raw bytes and reads until the server closes: the status, if any. `give_up`: the
    /// client closes its side after sending, as one that stops halfway does.
    fn send(&self, bytes: &[u8], give_up: bool) -> (Option<u16>, String) {
        let mut s = self.connect();
        // The server may answer and close before taking everything (a body over the cap).
        let _ = s.write_all(bytes);
        if give_up {
            let _ = s.shutdown(Shutdown::Write);
        }
        read_response(&mut s)
    }

    fn raw(&self, bytes: &[u8]) -> (Option<u16>, String) {
        self.send(bytes, false)
    }

    fn get(&self, target: &str) -> (Option<u16>, String) {
        self.raw(
            format!(
                "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                self.addr
            )
            .as_bytes(),
        )
    }

    /// A valid request must be answered: 200 and a group id.
    fn assert_alive(&self) {
        let (status, body) = self.get(&format!("/?{}", valid()));
        assert_eq!(status, Some(200), "{body}");
        assert!(
            body.contains("\"MasterSlaveServerGroupId\": \"rsp-"),
            "{body}"
        );
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_response(s: &mut TcpStream) -> (Option<u16>, String) {
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .strip_prefix("HTTP/1.1 ")
        .and_then(|r| r.get(..3))
        .and_then(|c| c.parse().ok());
    (status, text)
}

/// A valid request's parameters, decoded: the API's and the common ones a client sends, with the
/// current time and a fresh nonce (the emulator checks the timestamp window and nonce reuse).
fn valid_params() -> Vec<(String, String)> {
    static NONCE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NONCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    [
        ("Action", "CreateMasterSlaveServerGroup".to_owned()),
        ("RegionId", "cn-hangzhou".to_owned()),
        ("LoadBalancerId", "lb-bp1hv944r69al4j9jkmvx".to_owned()),
        (
            "MasterSlaveBackendServers",
            r#"[{"ServerId":"i-a","Port":80},{"ServerId":"i-b","Port":80,"ServerType":"Slave"}]"#
                .to_owned(),
        ),
        ("MasterSlaveServerGroupName", "主备".to_owned()),
        ("Version", "2014-05-15".to_owned()),
        ("AccessKeyId", "testid".to_owned()),
        ("SignatureMethod", "HMAC-SHA1".to_owned()),
        ("SignatureVersion", "1.0".to_owned()),
        ("SignatureNonce", format!("{}-{n}", std::process::id())),
        ("Timestamp", slb_msgroup::api::format_timestamp(now)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// [`valid_params`] as a query, signed with `secret` (RPC v1).
fn signed_valid(secret: &str) -> String {
    slb_msgroup::sign::v1("GET", &valid_params(), secret).query
}

/// [`valid_params`] as a query with a stand-in signature: the emulator runs without credentials
/// in these tests, so the signature is not compared.
fn valid() -> String {
    format!(
        "{}&Signature=x",
        slb_msgroup::sign::canonical_query(&valid_params())
    )
}

#[test]
fn answers_the_api_and_lists_the_groups() {
    let emu = Emulator::start(&[]);
    emu.assert_alive();
    let (status, body) = emu.get(&format!(
        "/?{}",
        valid().replace("Port%22%3A80%7D", "Port%22%3A70000%7D")
    ));
    assert_eq!(status, Some(400), "{body}");
    assert!(
        body.contains("\"Code\": \"RealServerPortNotSupport\""),
        "{body}"
    );
    assert!(
        body.contains("Content-Type: application/json;charset=utf-8")
            || body.contains("content-type: application/json;charset=utf-8"),
        "{body}"
    );
    let (status, body) = emu.get(&format!("/?{}&Format=XML", valid()));
    assert_eq!(status, Some(200), "{body}");
    assert!(
        body.contains("<CreateMasterSlaveServerGroupResponse>"),
        "{body}"
    );
    let (status, body) = emu.get("/_emulator/groups");
    assert_eq!(status, Some(200));
    assert_eq!(
        body.matches("\"MasterSlaveServerGroupId\"").count(),
        2,
        "{body}"
    );
    assert!(body.contains("主备"), "{body}");
    let (status, _) = emu.get("/_emulator/health");
    assert_eq!(status, Some(200));
    // Keep-alive: two requests on one connection.
    let mut s = emu.connect();
    let one = "GET /_emulator/health HTTP/1.1\r\nHost: x\r\n\r\n";
    let two = format!(
        "GET /?{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        valid()
    );
    s.write_all(format!("{one}{two}").as_bytes()).unwrap();
    let (_, text) = read_response(&mut s);
    assert_eq!(text.matches("HTTP/1.1 200 OK").count(), 2, "{text}");
}

#[test]
fn bad_input_gets_a_4xx_or_a_closed_connection_and_the_server_goes_on() {
    let emu = Emulator::start(&[]);
    // Requests that end: the server closes after answering (Connection: close, or an error).
    let cases: Vec<(&str, Vec<u8>, Option<u16>)> = vec![
        ("garbage", b"\x00\x01\x02\xff garbage \r\n\r\n".to_vec(), Some(400)),
        ("no request line", b"\r\n\r\n\r\n".to_vec(), None),
        (
            "invalid percent-encoding",
            format!("GET /?{}&RegionId=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", valid()).into_bytes(),
            Some(400),
        ),
        (
            "percent-encoded bytes that are not UTF-8",
            format!("GET /?{}&MasterSlaveServerGroupName=%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", valid()).into_bytes(),
            Some(400),
        ),
        (
            "raw bytes that are not UTF-8 in the target",
            b"GET /?RegionId=\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
            Some(400),
        ),
        (
            "a form body that is not UTF-8",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4\r\nConnection: close\r\n\r\n\xff\xfe=\x80".to_vec(),
            Some(400),
        ),
        (
            "a truncated body",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=Create".to_vec(),
            None,
        ),
        (
            "a truncated chunked body",
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nabc".to_vec(),
            None,
        ),
        (
            "a 10 MiB body, declared",
            [
                b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10485760\r\n\r\n".as_slice(),
                &vec![b'a'; 10 * 1024 * 1024],
            ]
            .concat(),
            Some(413),
        ),
        (
            "a 10 MiB body, chunked",
            {
                let mut v = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
                for _ in 0..160 {
                    v.extend_from_slice(b"10000\r\n");
                    v.extend_from_slice(&vec![b'a'; 0x10000]);
                    v.extend_from_slice(b"\r\n");
                }
                v.extend_from_slice(b"0\r\n\r\n");
                v
            },
            Some(413),
        ),
        (
            "headers past the cap",
            {
                let mut v = b"GET / HTTP/1.1\r\nHost: x\r\n".to_vec();
                for i in 0..20_000 {
                    v.extend_from_slice(format!("X-Filler-{i}: {}\r\n", "z".repeat(20)).as_bytes());
                }
                v.extend_from_slice(b"\r\n");
                v
            },
            Some(431),
        ),
    ];
    for (name, bytes, expected) in cases {
        let give_up = name.starts_with("a truncated");
        let (status, text) = emu.send(&bytes, give_up);
        match expected {
            Some(code) => assert_eq!(
                status,
                Some(code),
                "{name}: {}",
                &text[..text.len().min(400)]
            ),
            None => assert!(
                status.is_none_or(|s| (400..500).contains(&s)),
                "{name}: {text}"
            ),
        }
        emu.assert_alive();
    }
}

#[test]
fn headers_that_never_end_are_cut_off() {
    let emu = Emulator::start(&[]);
    let mut s = emu.connect();
    let started = Instant::now();
    s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    // One more header line a second, never the blank line.
    let mut closed = false;
    for i in 0..30 {
        std::thread::sleep(Duration::from_secs(1));
        if s.write_all(format!("X-Slow-{i}: y\r\n").as_bytes())
            .is_err()
        {
            closed = true;
            break;
        }
        let mut probe = [0u8; 512];
        s.set_nonblocking(true).unwrap();
        let read = s.read(&mut probe);
        s.set_nonblocking(false).unwrap();
        if matches!(read, Ok(0)) || matches!(read, Ok(n) if n > 0) {
            closed = true;
            break;
        }
    }
    assert!(closed, "the connection stayed open");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    emu.assert_alive();
}

#[test]
fn json_logs_and_a_clean_stop_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_slb-msgroup"))
        .args([
            "emulate",
            "--port",
            "0",
            "--log",
            "json",
            "--credential",
            "testid:testsecret",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let addr = first.trim().trim_start_matches("http://").to_owned();
    let mut s = TcpStream::connect(&addr).unwrap();
    s.write_all(
        format!(
            "GET /?{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            signed_valid("testsecret")
        )
        .as_bytes(),
    )
    .unwrap();
    let (status, _) = read_response(&mut s);
    assert_eq!(status, Some(200));
    let mut log = String::new();
    stdout.read_line(&mut log).unwrap();
    let line: serde_json::Value = serde_json::from_str(&log).unwrap();
    assert_eq!(line["action"], "CreateMasterSlaveServerGroup");
    assert_eq!(line["status"], 200);
    assert!(line["time"].as_str().unwrap().ends_with('Z'));

    let started = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(started.elapsed() < Duration::from_secs(8));
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("shutting down"), "{err}");
}

#[test]
fn a_bad_credential_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_slb-msgroup"))
        .args(["emulate", "--port", "0", "--credential", "nocolon"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ID:SECRET"));
}
