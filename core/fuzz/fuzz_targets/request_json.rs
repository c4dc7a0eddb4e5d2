//! Any bytes as a request file (what the CLI and a CI pipeline read): the reader names what is
//! wrong or gives a request; every request validates, renders and builds without a panic, and a
//! URL or snippet is only ever built on a host made of host-name characters.

#![no_main]

use libfuzzer_sys::fuzz_target;
use slb_msgroup::api::{self, ApiRequestOptions, ApiSnippetOptions, Environment, Units};

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or("")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(request) = api::parse_request(text) else { return };
    let env = Environment { unix_seconds: 1_763_798_400, entropy: 9 };
    let report = api::validate(&request, Units::Utf16WithLines);
    let _ = api::render_response(&request, &Default::default(), env);
    let options = ApiRequestOptions {
        access_key_id: Some("id".into()),
        access_key_secret: Some("secret".into()),
        ..Default::default()
    };
    if let Ok(built) = api::build_request(&request, &options, env) {
        let host = host_of(&built.url);
        assert!(
            host.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-:".contains(&b)),
            "host {host:?} from {:?}",
            request.region_id
        );
        assert!(host.ends_with(".aliyuncs.com"), "{host}");
    }
    if report.diagnostics.iter().any(|d| d.code == "InvalidRegionId.NotFound") {
        assert!(api::snippets(&request, &ApiSnippetOptions::default()).is_err());
    } else {
        let _ = api::snippets(&request, &ApiSnippetOptions::default());
    }
});
