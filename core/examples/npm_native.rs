//! The native side of the npm bench (`npm/bench/validate.mjs`): reads requests as JSON, one per
//! line of standard input, and prints per line the microseconds one `api::validate` call takes
//! natively (best of five rounds), the same call the npm package's `validate()` makes.
//!
//!   cargo run --profile bench -p slb-msgroup --example npm_native < requests.jsonl

use std::io::{BufRead, Write};
use std::time::Instant;

use slb_msgroup::api::{self, Units};

fn per_call_us(request: &slb_msgroup::Request) -> f64 {
    let mut calls: u32 = 1;
    // Grow the batch until one takes at least 20 ms.
    loop {
        let start = Instant::now();
        for _ in 0..calls {
            std::hint::black_box(api::validate(std::hint::black_box(request), Units::Utf16));
        }
        if start.elapsed().as_millis() >= 20 {
            break;
        }
        calls *= 2;
    }
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..calls {
            std::hint::black_box(api::validate(std::hint::black_box(request), Units::Utf16));
        }
        best = best.min(start.elapsed().as_secs_f64() * 1e6 / f64::from(calls));
    }
    best
}

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.unwrap_or_default();
        if line.trim().is_empty() {
            continue;
        }
        match api::parse_request(&line) {
            Ok(request) => {
                let _ = writeln!(out, "{:.4}", per_call_us(&request));
            }
            Err(e) => {
                let _ = writeln!(out, "error: {e}");
            }
        }
    }
}
