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
        Cmd::new("python3")
            .args(["-m", "venv"])
            .arg(venv())
            .run()
            .map_err(|e| format!("{e} (on Debian: apt-get install python3-venv)"))?;
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
