//! Any bytes as what arrives at the emulator: read as a raw HTTP request where they are one,
//! else split into a method, path, query and body. The handler never panics, every answer has a
//! status and a body, and every error is a non-2xx status with a `Code`; the state stays bounded.

#![no_main]

use libfuzzer_sys::fuzz_target;
use slb_msgroup::check::{self, HttpRequest};
use slb_msgroup::emulator::{Credentials, Options, State, handle};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let request = match check::http::read(&text) {
        Ok(r) => r,
        Err(_) => {
            let mut parts = data.splitn(4, |b| *b == b'\n');
            let mut next = || String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
            HttpRequest {
                method: next(),
                path: next(),
                query: next(),
                headers: vec![(
                    "Content-Type".into(),
                    "application/x-www-form-urlencoded".into(),
                )],
                body: parts.next().unwrap_or_default().to_vec(),
            }
        }
    };
    let mut state = State::new(7);
    for options in [
        Options::default(),
        Options {
            credentials: Credentials::Known([("testid".into(), "testsecret".into())].into()),
        },
    ] {
        for _ in 0..2 {
            let handled = handle(&request, &mut state, 1_796_584_500, &options);
            let r = &handled.response;
            assert!((200..600).contains(&r.status));
            if r.status >= 400 && !request.path.starts_with("/_emulator") {
                assert!(handled.outcome.code.is_some(), "an error without a code");
            }
        }
    }
});
