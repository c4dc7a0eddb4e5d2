//! Any bytes as the text `check` reads (a URL, a curl command line, a raw HTTP request), with and
//! without a secret, and as the string-to-sign the user gives: nothing may panic, reader spans
//! stay inside the input, the report serializes and never holds the secret.

#![no_main]

use libfuzzer_sys::fuzz_target;
use slb_msgroup::check::{self, CheckOptions};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data).into_owned();
    for secret in [None, Some("fuzz-secret-0")] {
        let options = CheckOptions {
            now: Some(1_765_022_400),
            access_key_id: Some("testid".into()),
            access_key_secret: secret.map(str::to_owned),
            string_to_sign: Some(input.chars().rev().collect()),
            nonces: vec!["n".into()],
        };
        let report = check::check(&input, &options);
        let json = serde_json::to_string(&report).unwrap_or_default();
        assert!(!json.contains("fuzz-secret-0"));
        let _ = report.text();
        if let Ok((_, request)) = check::read(&input) {
            let _ = check::gateway(&request, &check::GatewayOptions::default());
        }
    }
});
