//! Running commands, and installing the tools the project needs when they are missing. Everything
//! comes from the package registries: crates.io, npm and Debian.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

pub fn step(name: &str) {
    println!("\n==> {name}");
}

/// A command that runs from the repository root unless told otherwise.
pub struct Cmd {
    inner: Command,
    shown: String,
}

impl Cmd {
    pub fn new(program: &str) -> Self {
        let mut inner = Command::new(program);
        inner.current_dir(root());
        Self {
            inner,
            shown: program.to_owned(),
        }
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        for a in args {
            self.shown.push(' ');
            self.shown.push_str(&a.as_ref().to_string_lossy());
            self.inner.arg(a);
        }
        self
    }

    pub fn arg(self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.args([arg])
    }

    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.inner.current_dir(root().join(dir));
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.inner.env(key, value);
        self
    }

    /// Runs the command, its output going to ours; fails on a non-zero exit.
    pub fn run(mut self) -> Result {
        println!("$ {}", self.shown);
        let status = self
            .inner
            .status()
            .map_err(|e| format!("could not start `{}`: {e}", self.shown))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.shown))
        }
    }

    /// Runs the command and returns its standard output; fails on a non-zero exit.
    pub fn read(mut self) -> Result<String> {
        let out = self
            .inner
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("could not start `{}`: {e}", self.shown))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(format!("`{}` failed ({})", self.shown, out.status))
        }
    }
}

/// The version of a package in `Cargo.lock`.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")? + start;
    Ok(lock[start..end].to_owned())
}

/// The first line a tool prints for `--version`, if it runs.
fn version_of(program: &str) -> Option<String> {
    Cmd::new(program)
        .arg("--version")
        .read()
        .ok()
        .map(|s| s.lines().next().unwrap_or_default().trim().to_owned())
}

pub fn ensure_wasm_target() -> Result {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .read()
        .unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("installing the wasm32-unknown-unknown target");
        Cmd::new("rustup")
            .args(["target", "add", "wasm32-unknown-unknown"])
            .run()?;
    }
    Ok(())
}

/// `cargo install --locked CRATE@VERSION` unless `program --version` already mentions VERSION.
fn ensure_cargo_tool(program: &str, krate: &str, version: &str, extra: &[&str]) -> Result {
    if version_of(program).is_some_and(|v| v.split_whitespace().any(|w| w == version)) {
        return Ok(());
    }
    step(&format!("installing {krate} {version} from crates.io"));
    let install = |locked: bool| {
        Cmd::new("cargo")
            .arg("install")
            .args(locked.then_some("--locked"))
            .args(extra)
            .arg(format!("{krate}@{version}"))
            .run()
    };
    // The published lock file can name a version the registry no longer serves (a yanked
    // dependency): then resolve afresh, as `cargo install` does without --locked.
    install(true).or_else(|e| {
        println!("{e}; retrying without --locked");
        install(false)
    })
}

/// `wasm-bindgen-cli` at exactly the version of the `wasm-bindgen` crate in Cargo.lock.
pub fn ensure_wasm_bindgen() -> Result {
    let version = locked_version("wasm-bindgen")?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &version, &[])
}

/// The Trunk release the playground is built with. 0.22.0 declares rust-version 1.96.1 but builds
/// with the toolchain here, hence `--ignore-rust-version`.
pub const TRUNK_VERSION: &str = "0.22.0";

pub fn ensure_trunk() -> Result {
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, &["--ignore-rust-version"])
}

/// Debian's chromium, for the browser tests.
pub fn ensure_chromium() -> Result {
    if Path::new("/usr/bin/chromium").exists() {
        return Ok(());
    }
    step("installing Debian's chromium and chromium-driver");
    apt_install(&["chromium", "chromium-driver"])
}

/// `apt-get install -y --no-install-recommends PACKAGES` (after `apt-get update`), with sudo
/// when not root.
pub fn apt_install(packages: &[&str]) -> Result {
    let sudo = !Cmd::new("id")
        .arg("-u")
        .read()
        .is_ok_and(|u| u.trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if sudo {
            Cmd::new("sudo").arg("apt-get")
        } else {
            Cmd::new("apt-get")
        };
        cmd = cmd.env("DEBIAN_FRONTEND", "noninteractive");
        cmd.args(args).run()
    };
    apt(&["update"])?;
    apt(&[&["install", "-y", "--no-install-recommends"], packages].concat())
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lock file.
pub fn ensure_npm_packages(dir: &str) -> Result {
    let dir_path = root().join(dir);
    let lock = dir_path.join("package-lock.json");
    let marker = dir_path.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&marker)) {
        (Ok(l), Ok(m)) => match (l.modified(), m.modified()) {
            (Ok(l), Ok(m)) => m >= l,
            _ => false,
        },
        _ => false,
    };
    if !fresh {
        step(&format!("npm ci in {dir}"));
        Cmd::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .dir(dir)
            // swagger-ui-dist (the cold-load bench's comparison) depends on @scarf/scarf, whose
            // install script reports the install to scarf.sh unless told not to.
            .env("SCARF_ANALYTICS", "false")
            .run()?;
    }
    Ok(())
}

/// Raw and gzip sizes of a file, in bytes.
pub fn sizes(path: &Path) -> Result<(u64, u64)> {
    use std::io::Write as _;
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).map_err(|e| e.to_string())?;
    let compressed = gz.finish().map_err(|e| e.to_string())?;
    Ok((bytes.len() as u64, compressed.len() as u64))
}
