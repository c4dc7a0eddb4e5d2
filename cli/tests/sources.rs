//! The README's "Where the sources disagree" table: each row's "this tool" column is what the
//! engine does. A row that changes without the engine (or the other way round) fails here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use slb_msgroup::{Code, Request, ServerList, validate};

fn readme_table() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let start = readme
        .find("## Where the sources disagree")
        .expect("README has the table of disagreements");
    let rest = &readme[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    rest[..end].to_owned()
}

/// The table row whose first cell starts with `question`.
fn row(table: &str, question: &str) -> String {
    table
        .lines()
        .find(|l| l.starts_with(&format!("| {question}")))
        .unwrap_or_else(|| panic!("no row {question:?}"))
        .to_owned()
}

fn codes(servers: Option<&str>) -> Vec<Code> {
    let request = Request {
        region_id: Some("cn-hangzhou".into()),
        load_balancer_id: Some("lb-bp1hv944r69al4j9jkmvx".into()),
        master_slave_backend_servers: servers.map(|s| ServerList::Raw(s.into())),
        master_slave_server_group_name: None,
    };
    validate(&request)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect()
}

const PAIR: &str = "[{'ServerId':'i-a','Port':'80','ServerType':'Master'},{'ServerId':'i-b','Port':'80','ServerType':'Slave'}]";

#[test]
fn every_row_has_its_evidence() {
    let table = readme_table();
    let rows: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| question"))
        .collect();
    assert!(rows.len() >= 10, "{rows:?}");
    for r in rows {
        let cells: Vec<&str> = r.trim_matches('|').split(" | ").collect();
        assert_eq!(cells.len(), 6, "six columns: {r}");
        assert!(!cells[4].trim().is_empty(), "our choice: {r}");
        assert!(!cells[5].trim().is_empty(), "evidence: {r}");
    }
}

#[test]
fn this_tool_does_what_the_table_says() {
    let table = readme_table();

    // `eci` is accepted, though the reference lists only ecs and eni.
    assert!(row(&table, "`Type` values").contains("`ecs`, `eni`, `eci`; else `InvalidParameter`"));
    assert_eq!(
        codes(Some(&PAIR.replace(
            "'Port':'80','ServerType':'Master'",
            "'Port':'80','ServerType':'Master','Type':'eci','ServerIp':'10.0.0.1'"
        ))),
        []
    );
    assert_eq!(
        codes(Some(&PAIR.replace(
            "'ServerType':'Master'",
            "'ServerType':'Master','Type':'vm'"
        ))),
        [Code::InvalidParameter]
    );

    // An absent or empty list is an empty list: two servers are needed.
    assert!(
        row(&table, "Is `MasterSlaveBackendServers` required?")
            .contains("`BACKEND_SERVERS_NUM_MUST_BE_TWO`")
    );
    for servers in [None, Some(""), Some("[]")] {
        assert_eq!(
            codes(servers),
            [Code::BackendServersNumMustBeTwo],
            "{servers:?}"
        );
    }

    // The same port on two different servers is valid; the same server and port is not.
    assert!(
        row(&table, "`BACKEND_SERVERS_HAVE_SAME_PORT_AND_SERVERID`")
            .contains("the same port on two servers is fine")
    );
    assert_eq!(codes(Some(PAIR)), []);
    assert_eq!(
        codes(Some(&PAIR.replace("'i-b','Port':'80'", "'i-a','Port':80"))),
        [Code::BackendServersHaveSamePortAndServerId]
    );

    // Exactly two.
    assert!(row(&table, "How many servers").contains("exactly 2"));
    let three = PAIR.replace(
        "}]",
        "},{'ServerId':'i-c','Port':'81','ServerType':'Slave'}]",
    );
    assert!(codes(Some(&three)).contains(&Code::BackendServersNumMustBeTwo));

    // ServerType is case-sensitive.
    assert!(row(&table, "`ServerType` case").contains("case-sensitive"));
    assert_eq!(
        codes(Some(&PAIR.replace("'Master'", "'master'"))),
        [Code::InvalidServerType]
    );

    // The reference's own example: a syntax error.
    let published = "[{'ServerId':'vm-233','Port':'80','Weight':'100','ServerType':'Master'},{'ServerId':'vm-232','Port':'90','Weight':'100''ServerType':'Slave'}]";
    assert!(row(&table, "The reference's own example").contains("`InvalidParameter`"));
    assert_eq!(codes(Some(published)), [Code::InvalidParameter]);
}
