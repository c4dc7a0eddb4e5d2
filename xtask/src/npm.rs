//! The npm package `slb-msgroup` (`npm/`): the core compiled to wasm32 with the `wasm` feature,
//! bound by `wasm-bindgen` for Node (CommonJS, wrapped by `npm/index.mjs` for `import`) and for
//! browsers and bundlers (ESM with an async `init()`), shrunk by `wasm-opt -Oz` from npm's
//! `binaryen`, into `npm/pkg/`.

use std::path::{Path, PathBuf};

use crate::tools::{self, Cmd, Result, root, step};

/// The package directory, relative to the repository root.
const NPM: &str = "npm";
/// wasm-bindgen's output name: `slb_msgroup.js`, `slb_msgroup_bg.wasm`, `slb_msgroup.d.ts`.
const OUT_NAME: &str = "slb_msgroup";
/// The wasm-bindgen targets, each into `npm/pkg/<dir>`, built with their core features and held
/// to their gzip budget.
const TARGETS: [(&str, &str, &str, u64); 2] = [
    ("nodejs", "node", "wasm,node-emulator", NODE_GZIP_BUDGET),
    ("web", "web", "wasm", GZIP_BUDGET),
];
/// The generated TypeScript declarations, checked in: the build fails when they drift.
const CHECKED_IN_DTS: &str = "npm/slb-msgroup.d.ts";
/// Set to `1` to rewrite the checked-in declarations instead of failing on drift.
const UPDATE_DTS_VAR: &str = "SLB_UPDATE_DTS";
/// The size budget of each shipped `.wasm`, gzipped (issue 4): the build fails above it.
const GZIP_BUDGET: u64 = 120_000;
/// The Node build also carries the emulator's handler (issue 12, `startEmulator`), about 12 KB
/// gzipped; browsers never load it. Its own budget keeps that growth in view.
const NODE_GZIP_BUDGET: u64 = 135_000;
/// What `npm pack` must list, and nothing else.
const PACKED: [&str; 13] = [
    "README.md",
    "bin/slb-msgroup.mjs",
    "emulator.mjs",
    "index.d.mts",
    "index.mjs",
    "package.json",
    "pkg/node/slb_msgroup.d.ts",
    "pkg/node/slb_msgroup.js",
    "pkg/node/slb_msgroup_bg.wasm",
    "pkg/web/package.json",
    "pkg/web/slb_msgroup.d.ts",
    "pkg/web/slb_msgroup.js",
    "pkg/web/slb_msgroup_bg.wasm",
];

pub fn setup() -> Result {
    tools::ensure_wasm_target()?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_npm_packages(NPM)
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), |d| root().join(d))
}

fn pkg_dir() -> PathBuf {
    root().join(NPM).join("pkg")
}

/// A binary installed by `npm ci` in `npm/`.
fn npm_bin(name: &str) -> String {
    root()
        .join(NPM)
        .join("node_modules/.bin")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn write(path: &Path, contents: &str) -> Result {
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// Builds the package into `npm/pkg/` and returns that path.
pub fn build() -> Result<PathBuf> {
    setup()?;
    let input = target_dir().join(format!("wasm32-unknown-unknown/release/{OUT_NAME}.wasm"));

    let pkg = pkg_dir();
    if pkg.exists() {
        std::fs::remove_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    }
    for (target, dir, features, _) in TARGETS {
        step(&format!(
            "npm package: the core for wasm32 (release, --features {features})"
        ));
        Cmd::new("cargo")
            .args([
                "build",
                "-p",
                "slb-msgroup",
                "--lib",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "--features",
                features,
            ])
            // Keep the `target_features` section for wasm-bindgen; wasm-opt strips the rest.
            .env("CARGO_PROFILE_RELEASE_STRIP", "false")
            .run()?;
        step(&format!("npm package: wasm-bindgen --target {target}"));
        let out = pkg.join(dir);
        Cmd::new("wasm-bindgen")
            .args(["--target", target, "--out-name", OUT_NAME, "--out-dir"])
            .arg(&out)
            .arg(&input)
            .run()?;
        let wasm = out.join(format!("{OUT_NAME}_bg.wasm"));
        Cmd::new(&npm_bin("wasm-opt"))
            .args([
                "-Oz",
                "--converge",
                "--strip-debug",
                "--strip-producers",
                "--strip-target-features",
            ])
            // What rustc enables for wasm32-unknown-unknown; every engine of Node 18+ has them.
            .args([
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-multivalue",
                "--enable-reference-types",
            ])
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm)
            .run()?;
    }
    // The web build is ESM inside a package whose default module type is CommonJS.
    write(
        &pkg.join("web/package.json"),
        "{\n  \"type\": \"module\"\n}\n",
    )?;

    check_dts(&pkg.join(format!("node/{OUT_NAME}.d.ts")))?;
    check_sizes(&pkg)?;
    Ok(pkg)
}

/// Fails when the generated declarations differ from the checked-in ones.
fn check_dts(generated: &Path) -> Result {
    step(&format!("npm package: {CHECKED_IN_DTS} is up to date"));
    let fresh =
        std::fs::read_to_string(generated).map_err(|e| format!("{}: {e}", generated.display()))?;
    let checked_in_path = root().join(CHECKED_IN_DTS);
    let checked_in = std::fs::read_to_string(&checked_in_path).unwrap_or_default();
    if fresh == checked_in {
        println!("unchanged");
        return Ok(());
    }
    if std::env::var(UPDATE_DTS_VAR).is_ok_and(|v| v == "1") {
        write(&checked_in_path, &fresh)?;
        println!("rewrote {CHECKED_IN_DTS}");
        return Ok(());
    }
    let first_difference = fresh
        .lines()
        .zip(checked_in.lines().chain(std::iter::repeat("<end of file>")))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map_or_else(String::new, |(i, (a, b))| {
            format!(
                "\nfirst difference, line {}:\n  generated:  {a}\n  checked in: {b}",
                i + 1
            )
        });
    Err(format!(
        "the TypeScript declarations drifted from {CHECKED_IN_DTS}{first_difference}\n\
         review the change, then run `{UPDATE_DTS_VAR}=1 cargo xtask npm` and commit it"
    ))
}

/// Raw and gzip sizes of every shipped `.wasm`.
fn wasm_sizes(pkg: &Path) -> Result<Vec<(String, u64, u64, u64)>> {
    TARGETS
        .iter()
        .map(|(_, dir, _, budget)| {
            let rel = format!("pkg/{dir}/{OUT_NAME}_bg.wasm");
            let (raw, gzip) = tools::sizes(&pkg.join(format!("{dir}/{OUT_NAME}_bg.wasm")))?;
            Ok((rel, raw, gzip, *budget))
        })
        .collect()
}

/// Prints every `.wasm`'s sizes; fails above the budget.
fn check_sizes(pkg: &Path) -> Result {
    step("npm package: .wasm sizes");
    for (rel, raw, gzip, budget) in wasm_sizes(pkg)? {
        println!(
            "{rel}: {raw} bytes raw ({:.1} KiB), {gzip} bytes gzip ({:.1} KiB)",
            raw as f64 / 1024.0,
            gzip as f64 / 1024.0
        );
        if gzip > budget {
            return Err(format!(
                "{rel} is {gzip} bytes gzipped, over the budget of {budget}"
            ));
        }
        println!(
            "  {} bytes under the budget of {budget} bytes gzip",
            budget - gzip
        );
    }
    Ok(())
}

/// The `*.test.mjs` files of `npm/test/`, sorted, relative to `npm/`.
fn node_tests() -> Result<Vec<String>> {
    let dir = root().join(NPM).join("test");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .map(|n| format!("test/{n}"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("npm/test/ has no *.test.mjs".to_owned());
    }
    Ok(files)
}

/// The paths `npm pack --dry-run --json` lists.
fn packed_paths(json: &str) -> Vec<String> {
    const KEY: &str = "\"path\": \"";
    let mut paths = Vec::new();
    let mut rest = json;
    while let Some(start) = rest.find(KEY) {
        rest = &rest[start + KEY.len()..];
        if let Some(end) = rest.find('"') {
            paths.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
    }
    paths.sort();
    paths
}

/// Builds the package (checking the declarations and the size budget) and runs its tests:
/// wasm-bindgen-test under Node, the Node suite against the built package, the TypeScript
/// consumers, and `npm pack --dry-run`.
pub fn test() -> Result {
    build()?;

    step("npm package: wasm-bindgen-test under Node (core/tests/wasm.rs)");
    Cmd::new("cargo")
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "slb-msgroup",
            "--features",
            "wasm",
            "--test",
            "wasm",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .run()?;

    step("npm package: node --test against the built package");
    Cmd::new("node")
        .arg("--test")
        .args(node_tests()?)
        .dir(NPM)
        .run()?;

    step("npm package: tsc --noEmit (a Node consumer and a bundler consumer)");
    for config in ["test/tsconfig.node.json", "test/tsconfig.web.json"] {
        Cmd::new(&npm_bin("tsc"))
            .args(["--noEmit", "-p", config])
            .dir(NPM)
            .run()?;
    }

    step("npm package: npm pack --dry-run");
    let listing = Cmd::new("npm")
        .args(["pack", "--dry-run", "--json", "--ignore-scripts"])
        .dir(NPM)
        .read()?;
    let packed = packed_paths(&listing);
    for path in &packed {
        println!("  {path}");
    }
    let expected: Vec<String> = PACKED.iter().map(|s| (*s).to_owned()).collect();
    if packed != expected {
        let extra: Vec<&String> = packed.iter().filter(|p| !expected.contains(p)).collect();
        let missing: Vec<&String> = expected.iter().filter(|p| !packed.contains(p)).collect();
        return Err(format!(
            "npm pack lists unexpected files {extra:?} and misses {missing:?}"
        ));
    }
    Ok(())
}

/// `validate()` throughput against `JSON.parse` + an ajv-compiled JSON Schema (`npm/bench/`).
pub fn bench() -> Result {
    build()?;
    step("npm package: validate() vs JSON.parse + ajv (npm/bench/validate.mjs)");
    Cmd::new("node").arg("bench/validate.mjs").dir(NPM).run()
}
