//! `cargo xtask <command>`: the project's one entry point for building, serving and testing.
//! Every command installs what it needs on a fresh machine first.

mod clients;
mod npm;
mod tools;
mod web;

use std::process::ExitCode;

use tools::{Cmd, Result};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  test     every test: fmt, clippy (native and wasm32), native tests, the official clients
           against the emulator, wasm tests under Node, the npm package's Node suite, the
           browser suite; prints the size budgets
  clients  only the official clients against the emulator
  serve    build the playground and serve it on http://127.0.0.1:8080
  build    build the playground into dist/; with --single-file also dist/slb-msgroup.html,
           the whole page in one file (works from file://, for a docs site to vendor)
  npm      build the npm package into npm/pkg/
  bench    run the benchmarks (criterion, Node, browser keystroke timing)
  setup    install the tools the other commands need, and nothing else";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("serve") => web::serve(),
        Some("build") => match args.get(1).map(String::as_str) {
            None => web::build().map(|_| ()),
            Some("--single-file") => web::build().and_then(|dist| web::single_file(&dist)),
            Some(other) => Err(format!("unknown option {other:?} for build\n\n{USAGE}")),
        },
        Some("npm") => npm::build().map(|_| ()),
        Some("bench") => bench(),
        Some("clients") => clients::test().and_then(|()| {
            npm::build()?;
            clients::test_node()
        }),
        Some("setup") => setup(),
        Some("-h" | "--help" | "help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn setup() -> Result {
    tools::ensure_wasm_target()?;
    tools::ensure_wasm_bindgen()?;
    tools::ensure_trunk()?;
    npm::setup()?;
    web::setup()?;
    clients::setup()?;
    Ok(())
}

fn test() -> Result {
    tools::ensure_wasm_target()?;
    tools::step("cargo fmt --check");
    Cmd::new("cargo")
        .args(["fmt", "--all", "--", "--check"])
        .run()?;

    tools::step("clippy (native)");
    Cmd::new("cargo")
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .run()?;
    // Both npm builds: the main entry (`wasm`) and `slb-msgroup/check` (`wasm-check`).
    for features in ["wasm", "wasm-check"] {
        tools::step(&format!("clippy (wasm32, --features {features})"));
        Cmd::new("cargo")
            .args([
                "clippy",
                "-p",
                "slb-msgroup",
                "--features",
                features,
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ])
            .run()?;
    }
    web::clippy()?;

    tools::step("native tests");
    Cmd::new("cargo")
        .args(["test", "--workspace"])
        .env("INSTA_UPDATE", "no")
        .run()?;

    clients::test()?;
    npm::test()?;
    clients::test_node()?;
    web::test()?;
    println!("\nxtask test: all passed");
    Ok(())
}

fn bench() -> Result {
    tools::step("criterion (native)");
    Cmd::new("cargo")
        .args(["bench", "-p", "slb-msgroup", "--bench", "validate"])
        .run()?;
    npm::bench()?;
    web::bench()?;
    Ok(())
}
