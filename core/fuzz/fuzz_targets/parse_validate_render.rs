//! Any bytes as the raw server list and as a request object: parse, validate, apply every fix,
//! render every body, build every URL and snippet. Nothing may panic, and spans stay inside.

#![no_main]

use libfuzzer_sys::fuzz_target;
use slb_msgroup::request::{self, Credentials, RequestOptions, SignatureVersion};
use slb_msgroup::response::{Format, ResponseOptions, Shape};
use slb_msgroup::{Request, ServerList, analyze, render_response, snippets};

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data).into_owned();
    let mut requests = vec![Request {
        region_id: Some("cn-hangzhou".into()),
        load_balancer_id: Some("lb-1".into()),
        master_slave_backend_servers: Some(ServerList::Raw(raw.clone())),
        master_slave_server_group_name: Some(raw.chars().take(90).collect()),
    }];
    if let Ok(req) = serde_json::from_slice::<Request>(data) {
        requests.push(req);
    }
    for req in &requests {
        let analysis = analyze(req);
        let text = analysis.raw.as_deref().unwrap_or("");
        for d in &analysis.report.diagnostics {
            if let Some(s) = d.span {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            if let Some(fix) = &d.fix {
                let fixed = fix.apply(text).expect("fixes apply");
                let _ = slb_msgroup::parse_servers(&fixed);
            }
        }
        for format in [Format::Json, Format::Xml] {
            for shape in [Shape::Service, Shape::Documented] {
                let _ = render_response(req, &ResponseOptions { format, shape, entropy: 3, ..Default::default() });
            }
        }
        for signature in [SignatureVersion::None, SignatureVersion::V1, SignatureVersion::V3] {
            let _ = request::build(req, &RequestOptions {
                signature: Some(signature),
                credentials: Some(Credentials { access_key_id: "id".into(), access_key_secret: "secret".into() }),
                timestamp: "2026-11-22T08:00:00Z".into(),
                nonce: "n".into(),
                ..Default::default()
            });
        }
        let _ = snippets::snippets(req, &Default::default());
    }
});
