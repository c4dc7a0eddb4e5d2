//! The bounds on the work: 64 KiB of text and 32 levels of nesting.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use slb_msgroup::servers::MAX_BYTES;
use slb_msgroup::{Check, Code, Span, parse_servers};

fn padded(len: usize) -> String {
    // A valid list padded with spaces to exactly `len` bytes.
    let list = "[{'ServerId':'i-1','Port':80,'ServerType':'Master'},{'ServerId':'i-2','Port':80,'ServerType':'Slave'}]";
    format!("{list}{}", " ".repeat(len - list.len()))
}

#[test]
fn size_limit() {
    let (outcome, report) = parse_servers(&padded(MAX_BYTES));
    assert!(report.ok, "{:?}", report.diagnostics);
    assert_eq!(outcome.servers.map(|s| s.len()), Some(2));

    let (outcome, report) = parse_servers(&padded(MAX_BYTES + 1));
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!((d.code, d.check), (Code::InvalidParameter, Check::TooLarge));
    assert_eq!(
        d.detail,
        "MasterSlaveBackendServers is 65537 bytes long; the limit is 65536 bytes (64 KiB)."
    );
    assert!(outcome.servers.is_none());

    // Far larger input is refused without being read.
    let (_, report) = parse_servers(&"[".repeat(10 * 1024 * 1024));
    assert_eq!(report.diagnostics[0].check, Check::TooLarge);
}

#[test]
fn depth_limit() {
    let ok = format!("[{}{}]", "[".repeat(31), "]".repeat(31));
    let (_, report) = parse_servers(&ok);
    assert!(report.diagnostics.iter().all(|d| d.check != Check::TooDeep));

    let deep = format!("[{{'ServerId':{}1{}}}]", "[".repeat(40), "]".repeat(40));
    let (_, report) = parse_servers(&deep);
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!((d.code, d.check), (Code::InvalidParameter, Check::TooDeep));
    // The list is level 1, the object level 2, so the 31st '[' of the value is level 33.
    let at = "[{'ServerId':".len() + 30;
    assert_eq!(d.span, Some(Span::new(at, at + 1)));
}
