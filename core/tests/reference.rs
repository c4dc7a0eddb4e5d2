//! The API reference's own example: its request string as published (with its missing comma),
//! and its response bodies, which the `documented` shape reproduces.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use slb_msgroup::{
    Check, Code, Format, Request, ResponseOptions, ServerList, Shape, parse_servers,
    render_response, validate,
};

/// `MasterSlaveBackendServers` exactly as the API reference publishes it.
const PUBLISHED: &str = "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100''ServerType':'Slave'}]";

const REFERENCE_XML: &str = r#"<CreateMasterSlaveServerGroup>
  <RequestId>9DEC9C28-AB05-4DDF-9A78-6B08EC9CE18C</RequestId>
  <MasterSlaveServerGroupId>rsp-cige6j5e7p</MasterSlaveServerGroupId>
  <MasterSlaveBackendServers>
    <MasterSlaveBackendServers>
      <ServerId>vm-233</ServerId>
      <Port>80</Port>
      <Weight>100</Weight>
      <ServerType>Master</ServerType>
    </MasterSlaveBackendServers>
    <MasterSlaveBackendServers>
      <ServerId>vm-232</ServerId>
      <Port>90</Port>
      <Weight>100</Weight>
      <ServerType>Slave</ServerType>
    </MasterSlaveBackendServers>
  </MasterSlaveBackendServers>
</CreateMasterSlaveServerGroup>"#;

const REFERENCE_JSON: &str = r#"{
	"CreateMasterSlaveServerGroup":{
		"MasterSlaveBackendServers":{
			"MasterSlaveBackendServers":[
				{
					"ServerId":"vm-233",
					"Port":"80",
					"Weight":"100",
					"ServerType":"Master"
				},
				{
					"ServerId":"vm-232",
					"Port":"90",
					"Weight":"100",
					"ServerType":"Slave"
				}
			]
		},
		"MasterSlaveServerGroupId":"rsp-cige6j5e7p",
		"RequestId":"9DEC9C28-AB05-4DDF-9A78-6B08EC9CE18C"
	}
}"#;

fn request(servers: &str) -> Request {
    Request {
        region_id: Some("cn-hangzhou".into()),
        load_balancer_id: Some("lb-bp1hv944r69al4j9jkmvx".into()),
        master_slave_backend_servers: Some(ServerList::Raw(servers.into())),
        master_slave_server_group_name: Some("Group1".into()),
    }
}

fn fixed() -> String {
    let (_, report) = parse_servers(PUBLISHED);
    let fix = report.diagnostics[0].fix.as_ref().expect("a fix");
    fix.apply(PUBLISHED).expect("the fix applies")
}

#[test]
fn published_example_has_exactly_one_syntax_error_at_the_missing_comma() {
    let report = validate(&request(PUBLISHED));
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!(d.code, Code::InvalidParameter);
    assert_eq!(d.check, Check::Syntax);
    let span = d.span.expect("a span");
    let missing_at = PUBLISHED.find("'100''ServerType'").expect("the typo") + "'100'".len();
    assert_eq!((span.start, span.end), (missing_at, missing_at + 1));
    assert_eq!(&PUBLISHED[span.start..span.end], "'");
    let fix = d.fix.as_ref().expect("a fix");
    assert_eq!(fix.label, "Insert the missing comma");
    assert_eq!(fix.edits.len(), 1);
    assert_eq!(fix.edits[0].span.start, missing_at);
    assert_eq!(fix.edits[0].span.end, missing_at);
    assert_eq!(fix.edits[0].text, ",");
}

#[test]
fn after_the_fix_the_example_is_valid() {
    let fixed = fixed();
    assert_eq!(
        fixed,
        PUBLISHED.replace("'100''ServerType'", "'100','ServerType'")
    );
    let report = validate(&request(&fixed));
    assert!(
        report.ok && report.diagnostics.is_empty(),
        "{:#?}",
        report.diagnostics
    );
}

fn documented(format: Format) -> String {
    let options = ResponseOptions {
        format,
        shape: Shape::Documented,
        request_id: Some("9DEC9C28-AB05-4DDF-9A78-6B08EC9CE18C".into()),
        group_id: Some("rsp-cige6j5e7p".into()),
        entropy: 0,
    };
    let response = render_response(&request(&fixed()), &options);
    assert_eq!(response.status, 200);
    response.body
}

/// Elements in document order, as (depth, name, trimmed text) triples.
fn xml_outline(xml: &str) -> Vec<(usize, String, String)> {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(xml);
    let mut depth = 0;
    let mut out: Vec<(usize, String, String)> = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                out.push((
                    depth,
                    String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                    String::new(),
                ));
            }
            Event::Text(t) => {
                let text = t.decode().expect("text").trim().to_owned();
                if let Some(last) = out.last_mut() {
                    last.2.push_str(&text);
                }
            }
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn documented_xml_reproduces_the_reference() {
    assert_eq!(
        xml_outline(&documented(Format::Xml)),
        xml_outline(REFERENCE_XML)
    );
    // Indentation is free, but ours happens to match line for line.
    assert_eq!(documented(Format::Xml), REFERENCE_XML);
}

#[test]
fn documented_json_reproduces_the_reference() {
    let ours: serde_json::Value = serde_json::from_str(&documented(Format::Json)).expect("JSON");
    let theirs: serde_json::Value = serde_json::from_str(REFERENCE_JSON).expect("JSON");
    assert_eq!(ours, theirs);
    // The same key order too.
    let strip = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(strip(&documented(Format::Json)), strip(REFERENCE_JSON));
}
