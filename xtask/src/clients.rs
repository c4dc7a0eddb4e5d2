//! The official Alibaba Cloud clients, pinned in `clients/` (npm: `package-lock.json`; PyPI:
//! `requirements.txt`, into a venv at `target/clients-venv`), and the tests that drive them
//! against the emulator.

use std::path::PathBuf;

use crate::tools::{self, Cmd, Result, root, step};

/// The folder of the client pins and driver scripts, relative to the repository root.
pub const CLIENTS: &str = "clients";

/// The venv the Python clients are installed into.
pub fn venv() -> PathBuf {
    root().join("target/clients-venv")
}

/// The venv's Python.
pub fn python() -> String {
    venv().join("bin/python").to_string_lossy().into_owned()
}

/// Installs the Node clients (`npm ci`, skipped when fresh) and the Python clients (a venv,
/// skipped when it holds exactly `requirements.txt`).
pub fn setup() -> Result {
    tools::ensure_npm_packages(CLIENTS)?;
    let requirements = root().join(CLIENTS).join("requirements.txt");
    let wanted = std::fs::read_to_string(&requirements)
        .map_err(|e| format!("{}: {e}", requirements.display()))?;
    let marker = venv().join("installed-requirements.txt");
    if std::fs::read_to_string(&marker).is_ok_and(|m| m == wanted) {
        return Ok(());
    }
    step("Python clients: a venv at target/clients-venv from clients/requirements.txt");
    if !venv().join("bin/python").exists() {
        let make = || Cmd::new("python3").args(["-m", "venv"]).arg(venv()).run();
        if make().is_err() {
            // Debian splits venv (and its pip) out of python3.
            step("installing Debian's python3 and python3-venv");
            let _ = std::fs::remove_dir_all(venv());
            tools::apt_install(&["python3", "python3-venv"])?;
            make()?;
        }
    }
    Cmd::new(&python())
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(&requirements)
        .run()?;
    std::fs::write(&marker, wanted).map_err(|e| format!("{}: {e}", marker.display()))
}

/// The client modes: (name, driver).
const MODES: [(&str, Driver); 5] = [
    ("pop-core-get", Driver::Node),
    ("pop-core-post", Driver::Node),
    ("tea-node", Driver::Node),
    ("sdk-core-python", Driver::Python),
    ("tea-python", Driver::Python),
];

#[derive(Debug, Clone, Copy)]
enum Driver {
    Node,
    Python,
}

const ID: &str = "testid";
const SECRET: &str = "testsecret";

/// An emulator to drive: the command that starts it (its first line of output is the base URL).
pub struct Server {
    pub name: &'static str,
    pub program: String,
    pub args: Vec<String>,
}

/// A running emulator, stopped (SIGTERM, then a wait) when dropped.
struct Running {
    child: std::process::Child,
    url: String,
}

impl Running {
    fn start(server: &Server) -> Result<Self> {
        use std::io::BufRead as _;
        let mut child = std::process::Command::new(&server.program)
            .args(&server.args)
            .args(["--port", "0", "--credential", &format!("{ID}:{SECRET}")])
            .current_dir(root())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| format!("starting {}: {e}", server.program))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut reader = std::io::BufReader::new(stdout);
        let mut first = String::new();
        reader
            .read_line(&mut first)
            .map_err(|e| format!("reading the base URL: {e}"))?;
        // The log lines: shown, so a failing run says what the server saw.
        std::thread::spawn(move || {
            for l in reader.lines().map_while(std::result::Result::ok) {
                println!("    [server] {l}");
            }
        });
        let url = first.trim().to_owned();
        if !url.starts_with("http://127.0.0.1:") {
            let _ = child.kill();
            return Err(format!(
                "{}: the first line is not a loopback base URL: {url:?}",
                server.name
            ));
        }
        Ok(Self { child, url })
    }

    /// `GET path` over a plain socket; the body.
    fn get(&self, path: &str) -> Result<(u16, String)> {
        use std::io::{Read as _, Write as _};
        let addr = self.url.trim_start_matches("http://");
        let mut s = std::net::TcpStream::connect(addr).map_err(|e| e.to_string())?;
        s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .map_err(|e| e.to_string())?;
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .map_err(|e| e.to_string())?;
        let mut buf = String::new();
        s.read_to_string(&mut buf).map_err(|e| e.to_string())?;
        let status = buf
            .get(9..12)
            .and_then(|c| c.parse().ok())
            .ok_or_else(|| format!("not an HTTP response: {buf:?}"))?;
        let body = buf.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_owned();
        Ok((status, body))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = Cmd::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .read();
        let _ = self.child.wait();
    }
}

fn drive(mode: &str, driver: Driver, url: &str, scenario: &str) -> Result<serde_json::Value> {
    let args = [mode, url, ID, SECRET, scenario];
    let out = match driver {
        Driver::Node => Cmd::new("node")
            .arg("clients/drive.mjs")
            .args(args)
            .read()?,
        Driver::Python => Cmd::new(&python())
            .arg("clients/drive.py")
            .args(args)
            .read()?,
    };
    serde_json::from_str(out.trim()).map_err(|e| format!("{mode} {scenario}: {e}: {out}"))
}

fn scenario_servers(scenario: &str) -> Result<serde_json::Value> {
    let path = root().join(CLIENTS).join("scenarios.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let all: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    Ok(all[scenario].clone())
}

/// What one client answered for one scenario, against what the issue asks.
fn judge(
    mode: &str,
    scenario: &str,
    got: &serde_json::Value,
    groups: &str,
) -> std::result::Result<(), String> {
    let expect_error = |code: &str| -> std::result::Result<(), String> {
        if got["ok"] != false || got["code"] != code {
            return Err(format!("expected the client to raise {code}"));
        }
        let status = got["status"].as_u64().unwrap_or(0);
        if !(400..600).contains(&status) {
            return Err(format!("expected a 4xx/5xx status with {code}"));
        }
        Ok(())
    };
    match scenario {
        "valid" | "special-chars" => {
            if got["ok"] != true {
                return Err("expected success".into());
            }
            let id = got["groupId"].as_str().unwrap_or_default();
            if !id.starts_with("rsp-") {
                return Err("no group id".into());
            }
            if !groups.contains(&format!("\"{id}\"")) {
                return Err(format!("{id} is not in /_emulator/groups"));
            }
            let want = scenario_servers(scenario)?;
            let servers = got["servers"].as_array().cloned().unwrap_or_default();
            if servers.len() != 2 {
                return Err("expected two servers".into());
            }
            for (s, w) in servers
                .iter()
                .zip(want["servers"].as_array().into_iter().flatten())
            {
                let same = s["serverId"] == w["ServerId"]
                    && s["port"].as_u64().map(|p| p.to_string())
                        == w["Port"].as_str().map(str::to_owned)
                    && s["weight"].as_u64().map(|p| p.to_string())
                        == w["Weight"].as_str().map(str::to_owned)
                    && s["serverType"] == w["ServerType"]
                    && (w["Description"].is_null() || s["description"] == w["Description"]);
                if !same {
                    return Err(format!("server {s} is not {w}"));
                }
            }
            if scenario == "special-chars" {
                let name = want["MasterSlaveServerGroupName"]
                    .as_str()
                    .unwrap_or_default();
                let listed = serde_json::to_string(name).map_err(|e| e.to_string())?;
                if !groups.contains(&listed) {
                    return Err(format!(
                        "the group name {listed} is not in /_emulator/groups"
                    ));
                }
            }
            Ok(())
        }
        "bad-port" => expect_error("RealServerPortNotSupport").and_then(|()| {
            if got["status"] == 400 {
                Ok(())
            } else {
                Err("expected status 400".into())
            }
        }),
        "wrong-secret" if mode == "sdk-core-python" => {
            // sdk-core renames the error only when our string-to-sign equals its own, byte for byte.
            expect_error("InvalidAccessKeySecret")
        }
        "wrong-secret" => expect_error("SignatureDoesNotMatch"),
        "unknown-id" => expect_error("InvalidAccessKeyId.NotFound"),
        "nonce-reuse" => {
            if got["first"]["ok"] != true {
                return Err("the first use of the nonce should succeed".into());
            }
            expect_error("SignatureNonceUsed")
        }
        "expired" => expect_error("InvalidTimeStamp.Expired"),
        other => Err(format!("unknown scenario {other}")),
    }
}

const SCENARIOS: [&str; 7] = [
    "valid",
    "bad-port",
    "special-chars",
    "wrong-secret",
    "unknown-id",
    "nonce-reuse",
    "expired",
];

/// Drives every client through every scenario against `server`.
pub fn test_server(server: &Server) -> Result {
    step(&format!(
        "official clients against the {} emulator",
        server.name
    ));
    let running = Running::start(server)?;
    let (status, health) = running.get("/_emulator/health")?;
    if status != 200 {
        return Err(format!("/_emulator/health answered {status}"));
    }
    let health: serde_json::Value = serde_json::from_str(&health).map_err(|e| e.to_string())?;
    if health["status"] != "ok" {
        return Err(format!("/_emulator/health says {health}"));
    }
    let (mut passed, mut failed) = (0, 0);
    for (mode, driver) in MODES {
        for scenario in SCENARIOS {
            let got = drive(mode, driver, &running.url, scenario)?;
            let (_, groups) = running.get("/_emulator/groups")?;
            match judge(mode, scenario, &got, &groups) {
                Ok(()) => {
                    passed += 1;
                    println!("  ok {mode} {scenario}");
                }
                Err(why) => {
                    failed += 1;
                    println!("  FAILED {mode} {scenario}: {why}\n     got {got}");
                }
            }
        }
    }
    // The README's examples, as written.
    for (file, driver) in [
        ("pop-core.mjs", Driver::Node),
        ("tea-node.mjs", Driver::Node),
        ("sdk-core.py", Driver::Python),
        ("tea.py", Driver::Python),
    ] {
        let path = format!("clients/examples/{file}");
        let program = match driver {
            Driver::Node => "node".to_owned(),
            Driver::Python => python(),
        };
        let out = Cmd::new(&program)
            .arg(&path)
            .env("SLB_ENDPOINT", &running.url)
            .read()
            .unwrap_or_default();
        let id = out.trim();
        let (_, groups) = running.get("/_emulator/groups")?;
        if id.starts_with("rsp-") && groups.contains(&format!("\"{id}\"")) {
            passed += 1;
            println!("  ok README example {path}");
        } else {
            failed += 1;
            println!("  FAILED README example {path}: printed {out:?}");
        }
    }
    drop(running);
    println!(
        "clients vs {}: {passed} passed, {failed} failed",
        server.name
    );
    if failed > 0 {
        return Err(format!(
            "{failed} client scenario(s) failed against the {} emulator",
            server.name
        ));
    }
    Ok(())
}

/// The Rust emulator (`slb-msgroup emulate`, the debug build the native tests use).
pub fn rust_server() -> Result<Server> {
    Cmd::new("cargo")
        .args(["build", "-p", "slb-msgroup-cli"])
        .run()?;
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root().join("target"), |d| root().join(d));
    Ok(Server {
        name: "Rust",
        program: dir.join("debug/slb-msgroup").to_string_lossy().into_owned(),
        args: vec!["emulate".into()],
    })
}

/// The Node emulator: the npm package's bin (`npx slb-msgroup emulate`), over the built
/// `npm/pkg/` (`cargo xtask npm`).
pub fn node_server() -> Server {
    Server {
        name: "Node",
        program: "node".into(),
        args: vec!["npm/bin/slb-msgroup.mjs".into(), "emulate".into()],
    }
}

/// `cargo xtask test`'s part for the Rust emulator: install the clients, drive them, load it.
pub fn test() -> Result {
    setup()?;
    let rust = rust_server()?;
    test_server(&rust)?;
    load_server(&rust)
}

/// The same for the Node emulator, once the npm package is built.
pub fn test_node() -> Result {
    setup()?;
    let node = node_server();
    test_server(&node)?;
    load_server(&node)
}

/// The resident memory of a process, in KiB (Linux's `/proc/<pid>/status`).
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The bounded loopback load run (`clients/load.mjs`: 10,000 requests, 100 connections) against
/// `server`, started without credentials; fails on any error or non-2xx answer.
pub fn load_server(server: &Server) -> Result {
    use std::io::BufRead as _;
    step(&format!("load run against the {} emulator", server.name));
    let mut child = std::process::Command::new(&server.program)
        .args(&server.args)
        .args(["--port", "0"])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("starting {}: {e}", server.program))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut reader = std::io::BufReader::new(stdout);
    let mut first = String::new();
    reader.read_line(&mut first).map_err(|e| e.to_string())?;
    // Drain the 10,000 log lines.
    std::thread::spawn(move || for _ in reader.lines() {});
    let pid = child.id();
    let before = rss_kib(pid);
    let out = Cmd::new("node")
        .args(["clients/load.mjs", first.trim()])
        .read();
    let after = rss_kib(pid);
    let _ = Cmd::new("kill").args(["-TERM", &pid.to_string()]).read();
    let _ = child.wait();
    let out = out?;
    let result: serde_json::Value =
        serde_json::from_str(out.trim()).map_err(|e| format!("{e}: {out}"))?;
    let kib = |k: Option<u64>| {
        k.map_or_else(
            || "?".to_owned(),
            |k| format!("{:.1} MiB", k as f64 / 1024.0),
        )
    };
    println!(
        "{}: {} requests in {} s: {} req/s, p50 {} ms, p99 {} ms, errors {}, non-2xx {}, memory {} -> {}",
        server.name,
        result["requests"],
        result["seconds"],
        result["throughput"],
        result["p50ms"],
        result["p99ms"],
        result["errors"],
        result["non2xx"],
        kib(before),
        kib(after)
    );
    if result["requests"] != 10_000
        || result["errors"] != 0
        || result["timeouts"] != 0
        || result["non2xx"] != 0
    {
        return Err(format!(
            "the load run against the {} emulator had failures: {out}",
            server.name
        ));
    }
    Ok(())
}
