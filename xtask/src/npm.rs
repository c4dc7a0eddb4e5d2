//! The npm package `slb-msgroup` (`npm/`): the core compiled to wasm32 with the `wasm` feature,
//! bound by `wasm-bindgen` for Node (CommonJS, wrapped by `npm/index.mjs` for `import`) and for
//! browsers and bundlers (ESM with an async `init()`), shrunk by `wasm-opt -Oz` from npm's
//! `binaryen`, into `npm/pkg/`.

use std::path::{Path, PathBuf};

use crate::tools::{self, Cmd, Result, root, step};

/// The package directory, relative to the repository root.
const NPM: &str = "npm";
/// One `.wasm` of the package: the core built with `features`, bound by wasm-bindgen as
/// `out_name` (`<out_name>.js`, `<out_name>_bg.wasm`, `<out_name>.d.ts`), its declarations
/// checked in at `dts` (the build fails when they drift), and its gzip size budget.
struct Variant {
    features: &'static str,
    out_name: &'static str,
    dts: &'static str,
    budget: u64,
}

/// `slb-msgroup` (issue 4's API, within issue 13's 100 KB budget) and `slb-msgroup/check` (the same
/// plus `checkRequest`, issue 11: the check engine adds about 55 KB gzipped, so it ships as its
/// own entry point and leaves the main one's size alone).
const VARIANTS: [Variant; 2] = [
    Variant {
        features: "wasm",
        out_name: "slb_msgroup",
        dts: "npm/slb-msgroup.d.ts",
        budget: 100_000,
    },
    Variant {
        features: "wasm-check",
        out_name: "slb_msgroup_check",
        dts: "npm/slb-msgroup-check.d.ts",
        budget: 158_000,
    },
];
/// The wasm-bindgen targets, each into `npm/pkg/<dir>`.
const TARGETS: [(&str, &str); 2] = [("nodejs", "node"), ("web", "web")];
/// Set to `1` to rewrite the checked-in declarations instead of failing on drift.
const UPDATE_DTS_VAR: &str = "SLB_UPDATE_DTS";
/// What `npm pack` must list, and nothing else.
const PACKED: [&str; 20] = [
    "README.md",
    "bin/slb-msgroup.mjs",
    "check.mjs",
    "emulator.mjs",
    "index.d.mts",
    "index.mjs",
    "package.json",
    "pkg/node/slb_msgroup.d.ts",
    "pkg/node/slb_msgroup.js",
    "pkg/node/slb_msgroup_bg.wasm",
    "pkg/node/slb_msgroup_check.d.ts",
    "pkg/node/slb_msgroup_check.js",
    "pkg/node/slb_msgroup_check_bg.wasm",
    "pkg/web/package.json",
    "pkg/web/slb_msgroup.d.ts",
    "pkg/web/slb_msgroup.js",
    "pkg/web/slb_msgroup_bg.wasm",
    "pkg/web/slb_msgroup_check.d.ts",
    "pkg/web/slb_msgroup_check.js",
    "pkg/web/slb_msgroup_check_bg.wasm",
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
    let pkg = pkg_dir();
    if pkg.exists() {
        std::fs::remove_dir_all(&pkg).map_err(|e| format!("{}: {e}", pkg.display()))?;
    }
    for variant in &VARIANTS {
        build_variant(&pkg, variant)?;
    }
    // The web build is ESM inside a package whose default module type is CommonJS.
    write(
        &pkg.join("web/package.json"),
        "{\n  \"type\": \"module\"\n}\n",
    )?;
    for variant in &VARIANTS {
        check_dts(
            &pkg.join(format!("node/{}.d.ts", variant.out_name)),
            variant.dts,
        )?;
    }
    check_sizes(&pkg)?;
    Ok(pkg)
}

fn build_variant(pkg: &Path, variant: &Variant) -> Result {
    step(&format!(
        "npm package: the core for wasm32 (release, --features {})",
        variant.features
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
            variant.features,
        ])
        // Keep the `target_features` section for wasm-bindgen; wasm-opt strips the rest.
        .env("CARGO_PROFILE_RELEASE_STRIP", "false")
        .run()?;
    // Each variant overwrites cargo's output: keep a copy under the variant's name.
    let built = target_dir().join("wasm32-unknown-unknown/release/slb_msgroup.wasm");
    let input = target_dir().join(format!(
        "wasm32-unknown-unknown/release/{}.npm.wasm",
        variant.out_name
    ));
    std::fs::copy(&built, &input).map_err(|e| format!("{}: {e}", built.display()))?;

    for (target, dir) in TARGETS {
        step(&format!(
            "npm package: wasm-bindgen --target {target} ({})",
            variant.out_name
        ));
        let out = pkg.join(dir);
        Cmd::new("wasm-bindgen")
            .args([
                "--target",
                target,
                "--out-name",
                variant.out_name,
                "--out-dir",
            ])
            .arg(&out)
            .arg(&input)
            .run()?;
        let wasm = out.join(format!("{}_bg.wasm", variant.out_name));
        Cmd::new(&npm_bin("wasm-opt"))
            .args([
                "-Oz",
                "--converge",
                "--strip-debug",
                "--strip-producers",
                "--strip-target-features",
                // The module's own memory starts zeroed, and Rust never forms an address that
                // wraps around into the lowest 1 KiB (the bottom of the shadow stack), so loads
                // and stores may fold their constant offsets: about 900 bytes gzip.
                "--zero-filled-memory",
                "--low-memory-unused",
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
    Ok(())
}

/// Fails when the generated declarations differ from the checked-in ones at `checked_in`.
fn check_dts(generated: &Path, checked_in: &str) -> Result {
    step(&format!("npm package: {checked_in} is up to date"));
    let fresh =
        std::fs::read_to_string(generated).map_err(|e| format!("{}: {e}", generated.display()))?;
    let checked_in_path = root().join(checked_in);
    let current = std::fs::read_to_string(&checked_in_path).unwrap_or_default();
    if fresh == current {
        println!("unchanged");
        return Ok(());
    }
    if std::env::var(UPDATE_DTS_VAR).is_ok_and(|v| v == "1") {
        write(&checked_in_path, &fresh)?;
        println!("rewrote {checked_in}");
        return Ok(());
    }
    let first_difference = fresh
        .lines()
        .zip(current.lines().chain(std::iter::repeat("<end of file>")))
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map_or_else(String::new, |(i, (a, b))| {
            format!(
                "\nfirst difference, line {}:\n  generated:  {a}\n  checked in: {b}",
                i + 1
            )
        });
    Err(format!(
        "the TypeScript declarations drifted from {checked_in}{first_difference}\n\
         review the change, then run `{UPDATE_DTS_VAR}=1 cargo xtask npm` and commit it"
    ))
}

/// Raw and gzip sizes of every shipped `.wasm`, with its budget.
fn wasm_sizes(pkg: &Path) -> Result<Vec<(String, u64, u64, u64)>> {
    let mut out = Vec::new();
    for variant in &VARIANTS {
        for (_, dir) in TARGETS {
            let rel = format!("pkg/{dir}/{}_bg.wasm", variant.out_name);
            let (raw, gzip) =
                tools::sizes(&pkg.join(format!("{dir}/{}_bg.wasm", variant.out_name)))?;
            out.push((rel, raw, gzip, variant.budget));
        }
    }
    Ok(out)
}

/// Prints every `.wasm`'s sizes; fails above its budget.
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

    // With `wasm-check`, the superset: every export, `checkRequest` included.
    step("npm package: wasm-bindgen-test under Node (core/tests/wasm.rs)");
    Cmd::new("cargo")
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "slb-msgroup",
            "--features",
            "wasm-check",
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
    Cmd::new("node").arg("bench/validate.mjs").dir(NPM).run()?;
    step("npm package: the slowest call on 50 hostile inputs (npm/bench/hostile.mjs)");
    Cmd::new("node").arg("bench/hostile.mjs").dir(NPM).run()
}
