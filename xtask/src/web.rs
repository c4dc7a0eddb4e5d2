//! The playground (`web/`, built by Trunk into `dist/`), its browser tests (`e2e/`, playwright-core
//! driving Debian's chromium) and its keystroke benchmark.
//!
//! Trunk never downloads a tool here (`Trunk.toml`: offline, the system wasm-bindgen, no wasm-opt
//! of its own); its post-build hook `web/postbuild.mjs` shrinks the wasm with npm's binaryen
//! and inlines it into `boot.js`, since the page's Content-Security-Policy forbids fetch().

use std::path::PathBuf;

use crate::tools::{self, Cmd, Result, root, step};

/// The Node project of the browser tests (and of binaryen for the build).
const E2E: &str = "e2e";
/// The raw wasm of the last build, kept by the post-build hook for the size report.
const WASM_COPY: &str = "target/web/slb-msgroup-web_bg.wasm";
/// The check engine's wasm (`web/check`), loaded when the "Check a request" view opens.
const CHECK_WASM_COPY: &str = "target/web/check_bg.wasm";

pub fn setup() -> Result {
    tools::ensure_wasm_target()?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_trunk()?;
    tools::ensure_npm_packages(E2E)
}

/// clippy with `-D warnings` for the page itself (it only exists on wasm32), and for its check
/// engine's wasm boundary (`web/check` with `boundary`, as the post-build hook builds it).
pub fn clippy() -> Result {
    tools::ensure_wasm_target()?;
    step("clippy (playground, wasm32)");
    Cmd::new("cargo")
        .args([
            "clippy",
            "-p",
            "slb-msgroup-web",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])
        .run()?;
    step("clippy (the playground's check engine, wasm32, --features boundary)");
    Cmd::new("cargo")
        .args([
            "clippy",
            "-p",
            "slb-msgroup-web-check",
            "--lib",
            "--features",
            "boundary",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ])
        .run()
}

/// `trunk build --release` into `dist/`; prints the wasm's size. Returns the dist path.
pub fn build() -> Result<PathBuf> {
    setup()?;
    step("playground: trunk build --release");
    Cmd::new("trunk")
        .args(["build", "--release", "--offline"])
        .run()?;
    let dist = root().join("dist");
    if !dist.join("index.html").exists() || !dist.join("boot.js").exists() {
        return Err("trunk build left no dist/index.html and dist/boot.js".to_owned());
    }
    let (raw, gzip) = tools::sizes(&root().join(WASM_COPY))?;
    let (boot_raw, boot_gzip) = tools::sizes(&dist.join("boot.js"))?;
    println!(
        "playground wasm: {raw} B raw, {gzip} B gzip; boot.js (the glue and the wasm deflated and inlined): {boot_raw} B raw, {boot_gzip} B gzip"
    );
    let chunk = std::fs::read_dir(&dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("check-") && n.ends_with(".js"))
        })
        .ok_or("trunk build left no dist/check-<hash>.js (web/postbuild.mjs)")?;
    let (raw, gzip) = tools::sizes(&root().join(CHECK_WASM_COPY))?;
    let (chunk_raw, chunk_gzip) = tools::sizes(&chunk)?;
    println!(
        "check engine wasm (loaded when the check view opens): {raw} B raw, {gzip} B gzip; its chunk: {chunk_raw} B raw, {chunk_gzip} B gzip"
    );
    Ok(dist)
}

/// The whole page as one HTML file, `dist/slb-msgroup.html` (`web/single-file.mjs`): the
/// stylesheet, the glue and the deflated wasm inlined, the same Content-Security-Policy with the
/// inline code allowed by hash. Prints its size.
pub fn single_file(dist: &std::path::Path) -> Result {
    step("playground: single-file build (dist/slb-msgroup.html)");
    Cmd::new("node")
        .arg("web/single-file.mjs")
        .arg(dist.to_string_lossy().as_ref())
        .run()?;
    let (raw, gzip) = tools::sizes(&dist.join("slb-msgroup.html"))?;
    println!("single-file playground: {raw} B raw, {gzip} B gzip");
    Ok(())
}

/// Builds (release, as tested) and serves on http://127.0.0.1:8080 with a valid example loaded;
/// Trunk rebuilds on changes to the sources.
pub fn serve() -> Result {
    setup()?;
    step("playground: trunk serve on http://127.0.0.1:8080");
    Cmd::new("trunk")
        .args([
            "serve",
            "--release",
            "--offline",
            "--address",
            "127.0.0.1",
            "--port",
            "8080",
            "--no-autoreload",
        ])
        .run()
}

/// The browser suite against a release build of `dist/`, with the page-weight budget.
pub fn test() -> Result {
    let dist = build()?;
    single_file(&dist)?;
    tools::ensure_chromium()?;
    step("playground: browser tests (node --test, playwright-core, chromium)");
    Cmd::new("node")
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .dir(E2E)
        .run()
}

/// Keystroke and paste → updated URL, diagnostics and body, in headless Chromium, beside a
/// one-input floor page, with 2 and 1,000 servers at 1× and 4× CPU throttling (prints a table);
/// then cold load to a ready page beside swagger-ui-dist serving the same operation
/// (`e2e/bench/coldload.mjs`, at 1× and 4× CPU throttling).
pub fn bench() -> Result {
    build()?;
    tools::ensure_chromium()?;
    step("playground: keystroke and paste timing (headless chromium, 1× and 4× CPU)");
    Cmd::new("node").arg("bench.mjs").dir(E2E).run()?;
    step(
        "playground: cold load to ready beside swagger-ui-dist (25 fresh loads each, 1x and 4x CPU)",
    );
    Cmd::new("node").arg("bench/coldload.mjs").dir(E2E).run()
}
