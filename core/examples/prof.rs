//! A loop over one request for profilers (callgrind): `cargo run --profile bench --example prof --
//! valid|invalid only|report|full [N]` (`only`: analyze; `report`: validate; `full`: analyze, the
//! URL and both bodies).
use slb_msgroup::request::{self, RequestOptions};
use slb_msgroup::response::{ResponseOptions, render_analysis};
use slb_msgroup::{Format, Request, ServerList, analyze, validate};

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let servers = if which == "invalid" {
        "[{'ServerId':'vm-233','Port':'0','Weight':'100','ServerType':'master'},{'ServerId':'vm-232','Port':'90','Weight':'100''ServerType':'Slave'}]"
    } else {
        "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100','ServerType':'Slave'}]"
    };
    let req = Request {
        region_id: Some("cn-hangzhou".into()),
        load_balancer_id: Some("lb-bp1hv944r69al4j9jkmvx".into()),
        master_slave_backend_servers: Some(ServerList::Raw(servers.into())),
        master_slave_server_group_name: Some("Group1".into()),
    };
    let mode = std::env::args().nth(2);
    let full = mode.as_deref() == Some("full");
    let report_only = mode.as_deref() == Some("report");
    let n: usize = std::env::args()
        .nth(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let mut total = 0;
    for _ in 0..n {
        if report_only {
            total += validate(std::hint::black_box(&req)).diagnostics.len();
            continue;
        }
        let a = analyze(std::hint::black_box(&req));
        total += a.report.diagnostics.len();
        if full {
            total += request::build(&req, &RequestOptions::default())
                .map(|b| b.url.len())
                .unwrap_or(0);
            for format in [Format::Json, Format::Xml] {
                let options = ResponseOptions {
                    format,
                    entropy: 1,
                    ..Default::default()
                };
                total += render_analysis(&req, &a, &options).body.len();
            }
        }
    }
    println!("{total}");
}
