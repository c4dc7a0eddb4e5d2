//! Every vector in `../shared/vectors/`, made with the official SDK code, reproduced byte for
//! byte: through the signing functions, and through `request::build` from a request.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use serde::Deserialize;
use slb_msgroup::request::{self, Credentials, Method, RequestOptions, SignatureVersion};
use slb_msgroup::{Format, Request, ServerList, sign};

fn vectors(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/vectors")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct V1Vector {
    name: String,
    method: String,
    access_key_secret: String,
    params: Vec<(String, String)>,
    string_to_sign: String,
    signature: String,
    query: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct V3Vector {
    name: String,
    method: String,
    url: String,
    query: std::collections::BTreeMap<String, String>,
    headers: std::collections::BTreeMap<String, String>,
    access_key_id: String,
    access_key_secret: String,
    payload_hash: String,
    authorization: String,
}

fn param<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn request_of(get: impl Fn(&str) -> Option<String>) -> Request {
    Request {
        region_id: get("RegionId"),
        load_balancer_id: get("LoadBalancerId"),
        master_slave_backend_servers: get("MasterSlaveBackendServers").map(ServerList::Raw),
        master_slave_server_group_name: get("MasterSlaveServerGroupName"),
    }
}

#[test]
fn v1_vectors_through_the_signer() {
    let all: Vec<V1Vector> = serde_json::from_str(&vectors("signature-v1.json")).unwrap();
    assert!(all.len() >= 4);
    for v in &all {
        let s = sign::v1(&v.method, &v.params, &v.access_key_secret);
        assert_eq!(s.string_to_sign, v.string_to_sign, "{}", v.name);
        assert_eq!(s.signature, v.signature, "{}", v.name);
        assert_eq!(s.query, v.query, "{}", v.name);
    }
}

#[test]
fn v1_vectors_through_the_request_builder() {
    let all: Vec<V1Vector> = serde_json::from_str(&vectors("signature-v1.json")).unwrap();
    for v in &all {
        let p = |k: &str| param(&v.params, k).map(str::to_owned);
        let options = RequestOptions {
            signature: Some(SignatureVersion::V1),
            method: Method::parse(&v.method),
            format: Format::parse(&p("Format").unwrap()).unwrap(),
            credentials: Some(Credentials {
                access_key_id: p("AccessKeyId").unwrap(),
                access_key_secret: v.access_key_secret.clone(),
            }),
            timestamp: p("Timestamp").unwrap(),
            nonce: p("SignatureNonce").unwrap(),
            ..Default::default()
        };
        let built = request::build(&request_of(p), &options).unwrap();
        assert_eq!(built.method.as_str(), v.method, "{}", v.name);
        assert_eq!(
            built.string_to_sign.as_deref(),
            Some(v.string_to_sign.as_str()),
            "{}",
            v.name
        );
        assert_eq!(
            built.signature.as_deref(),
            Some(v.signature.as_str()),
            "{}",
            v.name
        );
        let (_, query) = built.url.split_once('?').unwrap();
        assert_eq!(query, v.query, "{}", v.name);
        assert!(!built.url.contains(&v.access_key_secret));
    }
}

#[test]
fn v3_vectors() {
    let all: Vec<V3Vector> = serde_json::from_str(&vectors("signature-v3.json")).unwrap();
    assert!(all.len() >= 2);
    for v in &all {
        // Through the signer.
        let query: Vec<(String, String)> = v.query.clone().into_iter().collect();
        let headers: Vec<(String, String)> = v.headers.clone().into_iter().collect();
        let s = sign::v3(
            &v.method,
            &query,
            &headers,
            &v.payload_hash,
            &v.access_key_id,
            &v.access_key_secret,
        );
        assert_eq!(s.authorization, v.authorization, "{}", v.name);

        // Through the request builder.
        let get = |k: &str| v.query.get(k).cloned();
        let options = RequestOptions {
            signature: Some(SignatureVersion::V3),
            endpoint: Some(v.headers["host"].clone()),
            credentials: Some(Credentials {
                access_key_id: v.access_key_id.clone(),
                access_key_secret: v.access_key_secret.clone(),
            }),
            timestamp: v.headers["x-acs-date"].clone(),
            nonce: v.headers["x-acs-signature-nonce"].clone(),
            ..Default::default()
        };
        let built = request::build(&request_of(get), &options).unwrap();
        assert_eq!(built.url, v.url, "{}", v.name);
        assert_eq!(built.method, Method::Post);
        let auth = built
            .headers
            .iter()
            .find(|(k, _)| k == "Authorization")
            .unwrap();
        assert_eq!(auth.1, v.authorization, "{}", v.name);
        for (k, value) in &v.headers {
            assert!(
                built.headers.iter().any(|(hk, hv)| hk == k && hv == value),
                "{}: header {k}",
                v.name
            );
        }
    }
}
