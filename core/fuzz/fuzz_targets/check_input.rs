//! Any bytes as a captured request (URL, curl command line, raw HTTP): the readers and the
//! gateway checks never panic, with and without a secret, a clock and a string-to-sign to compare;
//! the secret never appears in the report.

#![no_main]

use libfuzzer_sys::fuzz_target;
use slb_msgroup::check::{self, CheckOptions};

const SECRET: &str = "fuzz-s3cr3t-9Q";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (input, sts) = match text.split_once('\u{0}') {
        Some((a, b)) => (a, Some(b.to_owned())),
        None => (text.as_ref(), None),
    };
    for options in [
        CheckOptions::default(),
        CheckOptions {
            now: Some(1_763_798_400),
            access_key_id: Some("testid".into()),
            access_key_secret: Some(SECRET.into()),
            string_to_sign: sts.clone(),
            nonces: vec!["n1".into()],
        },
        CheckOptions {
            access_key_secret: Some(SECRET.into()),
            ..CheckOptions::default()
        },
    ] {
        let report = check::check(input, &options);
        let json = serde_json::to_string(&report).expect("a report serializes");
        assert!(!json.contains(SECRET), "the secret leaked");
        let _ = report.text();
    }
});
