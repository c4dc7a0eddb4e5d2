//! Endpoints, unsigned URLs, encoding edge cases, misuse errors, and the secret kept out of
//! every output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use slb_msgroup::api::{
    self, ApiRequestOptions, ApiResponseOptions, ApiSnippetOptions, Environment,
};
use slb_msgroup::endpoint::{REGIONS, host_for};
use slb_msgroup::request::{
    self, Credentials, Method, Protocol, RequestError, RequestOptions, SignatureVersion,
};
use slb_msgroup::{Format, Request, ServerList};

fn request(region: &str, name: &str) -> Request {
    Request {
        region_id: Some(region.into()),
        load_balancer_id: Some("lb-bp1hv944r69al4j9jkmvx".into()),
        master_slave_backend_servers: Some(ServerList::Raw(
            "[{'ServerId':'vm-233','Port':'80','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','ServerType':'Slave'}]".into(),
        )),
        master_slave_server_group_name: Some(name.into()),
    }
}

#[test]
fn endpoint_for_every_region() {
    let table: String = REGIONS.iter().map(|(r, h)| format!("{r} {h}\n")).collect();
    insta::assert_snapshot!(table);
    assert_eq!(REGIONS.len(), 57);
    for (region, host) in REGIONS {
        assert_eq!(host_for(Some(region)).as_deref(), Ok(host));
        let built = request::build(&request(region, "g"), &RequestOptions::default()).unwrap();
        assert!(
            built.url.starts_with(&format!("https://{host}/?")),
            "{region}"
        );
    }
    assert_eq!(
        host_for(Some("xx-unknown-1")).as_deref(),
        Ok("slb.xx-unknown-1.aliyuncs.com")
    );
    // Only a region id becomes part of a host: anything else makes none.
    assert!(host_for(Some("xx-Unknown-1")).is_err());
    assert!(host_for(Some("x@evil.example/")).is_err());
    assert_eq!(host_for(None).as_deref(), Ok("slb.aliyuncs.com"));
}

#[test]
fn unsigned_url() {
    let built = request::build(
        &request("eu-central-1", "Group1"),
        &RequestOptions::default(),
    )
    .unwrap();
    assert!(!built.signed);
    assert_eq!(built.method, Method::Get);
    insta::assert_snapshot!(built.url);
    let over = request::build(
        &request("cn-hangzhou", "g"),
        &RequestOptions {
            endpoint: Some("slb-vpc.cn-hangzhou.aliyuncs.com".into()),
            protocol: Protocol::Http,
            format: Format::Xml,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(over.url.starts_with(
        "http://slb-vpc.cn-hangzhou.aliyuncs.com/?Action=CreateMasterSlaveServerGroup&Format=XML&"
    ));
}

#[test]
fn encoding_edge_cases_in_the_url() {
    for (name, encoded) in [
        (" ", "%20"),
        ("*", "%2A"),
        ("~", "~"),
        ("/", "%2F"),
        ("+", "%2B"),
        ("=", "%3D"),
        ("%", "%25"),
        ("'", "%27"),
        ("\"", "%22"),
        ("主备", "%E4%B8%BB%E5%A4%87"),
        ("😀", "%F0%9F%98%80"),
        ("\u{FFFD}", "%EF%BF%BD"),
        ("a&b=c", "a%26b%3Dc"),
    ] {
        let built =
            request::build(&request("cn-hangzhou", name), &RequestOptions::default()).unwrap();
        assert!(
            built
                .url
                .contains(&format!("&MasterSlaveServerGroupName={encoded}&")),
            "{name:?} → {}",
            built.url
        );
    }
}

#[test]
fn misuse_is_an_error() {
    let req = request("cn-hangzhou", "g");
    let creds = Some(Credentials {
        access_key_id: "id".into(),
        access_key_secret: "secret".into(),
    });
    let signed = |f: fn(&mut RequestOptions)| {
        let mut o = RequestOptions {
            credentials: creds.clone(),
            timestamp: "2026-11-22T08:00:00Z".into(),
            nonce: "n".into(),
            ..Default::default()
        };
        f(&mut o);
        request::build(&req, &o)
    };
    assert!(signed(|_| {}).unwrap().signed);
    assert_eq!(
        signed(|o| o.timestamp = "2026-11-22 08:00:00".into()),
        Err(RequestError::BadTimestamp("2026-11-22 08:00:00".into()))
    );
    assert!(
        signed(|o| o.timestamp = "2026-13-22T08:00:00Z".into())
            .unwrap_err()
            .to_string()
            .contains("YYYY-MM-DD")
    );
    assert_eq!(signed(|o| o.nonce.clear()), Err(RequestError::EmptyNonce));
    assert_eq!(
        signed(|o| {
            o.signature = Some(SignatureVersion::V3);
            o.method = Some(Method::Get)
        }),
        Err(RequestError::V3NeedsPost)
    );
    // Without credentials and without an explicit version, the URL is simply unsigned.
    assert!(!signed(|o| o.credentials = None).unwrap().signed);
    assert_eq!(
        signed(|o| {
            o.credentials = None;
            o.signature = Some(SignatureVersion::V1)
        }),
        Err(RequestError::MissingCredentials(SignatureVersion::V1))
    );
    assert!(matches!(
        signed(|o| o.endpoint = Some("https://x/".into())),
        Err(RequestError::Host(_))
    ));
}

/// The secret appears in no output of the library: URL, headers, signed strings, snippets,
/// responses, diagnostics.
#[test]
fn secret_never_in_any_output() {
    const SECRET: &str = "s3cr3t/+=key";
    let env = Environment {
        unix_seconds: 1_763_798_400,
        entropy: 7,
    };
    let req = request("cn-hangzhou", "主备 group");
    let mut outputs = Vec::new();
    for version in ["none", "v1", "v3"] {
        for method in ["GET", "POST"] {
            let options: ApiRequestOptions = serde_json::from_value(serde_json::json!({
                "signatureVersion": version, "method": method,
                "accessKeyId": "LTAI5tExampleKey0001", "accessKeySecret": SECRET,
            }))
            .unwrap();
            match api::build_request(&req, &options, env) {
                Ok(built) => outputs.push(serde_json::to_string(&built).unwrap()),
                Err(e) => outputs.push(e),
            }
        }
    }
    outputs.push(
        serde_json::to_string(&api::snippets(&req, &ApiSnippetOptions::default()).unwrap())
            .unwrap(),
    );
    outputs.push(api::render_response(&req, &ApiResponseOptions::default(), env).body);
    outputs.push(serde_json::to_string(&api::validate(&req, api::Units::Utf16)).unwrap());
    assert!(outputs.len() > 6);
    for out in outputs {
        assert!(
            !out.contains(SECRET) && !out.contains("s3cr3t"),
            "secret in {out}"
        );
        assert!(!out.contains(&slb_msgroup::encode::rpc(SECRET)));
    }
    let debug = format!(
        "{:?}",
        Credentials {
            access_key_id: "id".into(),
            access_key_secret: SECRET.into()
        }
    );
    assert!(!debug.contains(SECRET));
}
