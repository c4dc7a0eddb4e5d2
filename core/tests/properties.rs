//! Properties over arbitrary input: no panic, spans inside the input and on character
//! boundaries, and a structured list survives a trip through its string form.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use slb_msgroup::{
    BackendServer, Format, NumOrStr, Request, ResponseOptions, ServerList, Shape, analyze,
    parse_servers, render_response,
};

fn check_spans(raw: &str, report: &slb_msgroup::Report) {
    for d in &report.diagnostics {
        if let Some(s) = d.span {
            assert!(
                s.start <= s.end && s.end <= raw.len(),
                "span {s:?} outside {raw:?}"
            );
            assert!(raw.is_char_boundary(s.start) && raw.is_char_boundary(s.end));
        }
        if let Some(fix) = &d.fix {
            assert!(
                fix.apply(raw).is_some(),
                "fix {fix:?} does not apply to {raw:?}"
            );
        }
    }
}

/// Strings that look like server lists more often than random text does.
fn listish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("'ServerId'".to_owned()),
        Just("\"Port\"".to_owned()),
        Just("'ServerType'".to_owned()),
        Just("'Master'".to_owned()),
        Just("\"Slave\"".to_owned()),
        Just("80".to_owned()),
        Just("'80'".to_owned()),
        Just("-0.5e3".to_owned()),
        Just("null".to_owned()),
        Just(" ".to_owned()),
        Just("\\u00e9".to_owned()),
        Just("'".to_owned()),
        Just("\"".to_owned()),
        "\\PC{0,3}",
    ];
    prop::collection::vec(token, 0..40).prop_map(|t| t.concat())
}

fn num_or_str() -> impl Strategy<Value = NumOrStr> {
    prop_oneof![
        any::<i64>().prop_map(NumOrStr::Int),
        // Non-integers with at most 15 significant digits: the ones read back exactly.
        (-99_999_999_999i64..99_999_999_999, 1..6u32)
            .prop_filter("not an integer", |(m, k)| m % 10i64.pow(*k) != 0)
            .prop_map(|(m, k)| NumOrStr::Float(m as f64 / 10f64.powi(k as i32))),
        ".{0,8}".prop_map(NumOrStr::Str),
    ]
}

fn server() -> impl Strategy<Value = BackendServer> {
    (
        proptest::option::of(".{0,12}"),
        proptest::option::of(num_or_str()),
        proptest::option::of(num_or_str()),
        proptest::option::of(prop_oneof![
            Just("Master".to_owned()),
            Just("Slave".to_owned()),
            ".{0,6}"
        ]),
        proptest::option::of(prop_oneof![
            Just("ecs".to_owned()),
            Just("eni".to_owned()),
            ".{0,4}"
        ]),
        proptest::option::of(".{0,20}"),
        proptest::option::of(".{0,15}"),
    )
        .prop_map(
            |(server_id, port, weight, server_type, r#type, description, server_ip)| {
                BackendServer {
                    server_id,
                    port,
                    weight,
                    server_type,
                    r#type,
                    description,
                    server_ip,
                    extra: Default::default(),
                }
            },
        )
}

fn render_all(request: &Request) {
    for format in [Format::Json, Format::Xml] {
        for shape in [Shape::Service, Shape::Documented] {
            let options = ResponseOptions {
                format,
                shape,
                entropy: 42,
                ..Default::default()
            };
            let r = render_response(request, &options);
            // 404: a RegionId that is not a region id (InvalidRegionId.NotFound).
            assert!(matches!(r.status, 200 | 400 | 404), "{}", r.status);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_reads_without_panic(raw in "\\PC{0,200}") {
        let (_, report) = parse_servers(&raw);
        check_spans(&raw, &report);
    }

    #[test]
    fn listish_strings_read_without_panic(raw in listish()) {
        let (_, report) = parse_servers(&raw);
        check_spans(&raw, &report);
        let request = Request {
            region_id: Some("cn-hangzhou".into()),
            load_balancer_id: Some("lb-1".into()),
            master_slave_backend_servers: Some(ServerList::Raw(raw)),
            master_slave_server_group_name: None,
        };
        render_all(&request);
    }

    #[test]
    fn structured_requests_validate_and_render(
        servers in prop::collection::vec(server(), 0..4),
        region in proptest::option::of("[a-z-]{0,16}"),
        lb in proptest::option::of(".{0,30}"),
        name in proptest::option::of(".{0,90}"),
    ) {
        let request = Request {
            region_id: region,
            load_balancer_id: lb,
            master_slave_backend_servers: Some(ServerList::Servers(servers)),
            master_slave_server_group_name: name,
        };
        let analysis = analyze(&request);
        check_spans(analysis.raw.as_deref().unwrap_or(""), &analysis.report);
        render_all(&request);
    }

    #[test]
    fn structured_list_round_trips_through_its_string(servers in prop::collection::vec(server(), 0..4)) {
        let raw = ServerList::Servers(servers.clone()).raw().into_owned();
        let (outcome, _) = parse_servers(&raw);
        prop_assert_eq!(outcome.servers, Some(servers));
    }
}
