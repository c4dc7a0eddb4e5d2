//! The native time to validate and render one request: what the playground does per keystroke
//! (one analysis, the URL, and both response bodies).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use slb_msgroup::request::{self, RequestOptions};
use slb_msgroup::response::{ResponseOptions, render_analysis};
use slb_msgroup::{Format, Request, ServerList, analyze, validate};

fn request(servers: &str) -> Request {
    Request {
        region_id: Some("cn-hangzhou".into()),
        load_balancer_id: Some("lb-bp1hv944r69al4j9jkmvx".into()),
        master_slave_backend_servers: Some(ServerList::Raw(servers.into())),
        master_slave_server_group_name: Some("Group1".into()),
    }
}

const VALID: &str = "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100','ServerType':'Slave'}]";
const INVALID: &str = "[{'ServerId':'vm-233','Port':'0','Weight':'100','ServerType':'master'},{'ServerId':'vm-232','Port':'90','Weight':'100''ServerType':'Slave'}]";

fn keystroke(req: &Request) -> usize {
    let analysis = analyze(req);
    let url = request::build(req, &RequestOptions::default()).unwrap().url;
    let mut total = url.len();
    for format in [Format::Json, Format::Xml] {
        let options = ResponseOptions {
            format,
            entropy: 1,
            ..Default::default()
        };
        total += render_analysis(req, &analysis, &options).body.len();
    }
    total
}

fn bench(c: &mut Criterion) {
    let valid = request(VALID);
    let invalid = request(INVALID);
    c.bench_function("validate+render valid", |b| {
        b.iter(|| keystroke(std::hint::black_box(&valid)))
    });
    c.bench_function("validate+render invalid", |b| {
        b.iter(|| keystroke(std::hint::black_box(&invalid)))
    });
    c.bench_function("validate only", |b| {
        b.iter(|| analyze(std::hint::black_box(&valid)).report.ok)
    });
    // `validate()`: the report alone, without the structured view of the list.
    c.bench_function("validate report only", |b| {
        b.iter(|| validate(std::hint::black_box(&valid)).ok)
    });
    let big = format!(
        "[{}]",
        (0..400)
            .map(|i| format!(
                "{{'ServerId':'i-{i}','Port':'{}','ServerType':'Slave'}}",
                i % 65535 + 1
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(big.len() < 64 * 1024);
    let big = request(&big);
    c.bench_function("validate 400 entries (~20 KiB)", |b| {
        b.iter(|| analyze(std::hint::black_box(&big)).report.diagnostics.len())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
