//! Golden fixtures: each `tests/fixtures/{ok,err}/<name>.json` is a request; its snapshot holds
//! the diagnostics (rendered and as data, with each span's exact substring) and every response
//! body the request gets.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use slb_msgroup::{
    Code, Format, Request, ResponseOptions, Shape, render, render_response, validate,
};

const REQUEST_ID: &str = "9DEC9C28-AB05-4DDF-9A78-6B08EC9CE18C";
const GROUP_ID: &str = "rsp-cige6j5e7p";

fn load(path: &Path) -> Request {
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    serde_json::from_str(&text).expect("fixture is a request")
}

fn options(format: Format, shape: Shape) -> ResponseOptions {
    ResponseOptions {
        format,
        shape,
        request_id: Some(REQUEST_ID.into()),
        group_id: Some(GROUP_ID.into()),
        entropy: 0,
    }
}

fn describe(request: &Request) -> String {
    let raw = request
        .master_slave_backend_servers
        .as_ref()
        .map(|l| l.raw().into_owned())
        .unwrap_or_default();
    let report = validate(request);
    let mut out = String::new();
    let _ = writeln!(out, "MasterSlaveBackendServers: {raw}");
    let _ = writeln!(out, "ok: {}", report.ok);
    let _ = writeln!(out, "--- diagnostics");
    out.push_str(&render::text(&raw, &report.diagnostics));
    let _ = writeln!(out, "--- spans");
    for d in &report.diagnostics {
        match d.span {
            Some(s) => {
                let text = raw.get(s.start..s.end).expect("span on char boundaries");
                let _ = writeln!(out, "{} {} {}..{} `{text}`", d.code, d.path, s.start, s.end);
            }
            None => {
                let _ = writeln!(out, "{} {} (no span)", d.code, d.path);
            }
        }
    }
    let shapes: &[Shape] = if report.ok {
        &[Shape::Service, Shape::Documented]
    } else {
        &[Shape::Service]
    };
    for &shape in shapes {
        for format in [Format::Json, Format::Xml] {
            let r = render_response(request, &options(format, shape));
            let _ = writeln!(
                out,
                "--- response {} {shape:?}: HTTP {} {}",
                format.as_str(),
                r.status,
                r.content_type
            );
            out.push_str(&r.body);
            out.push('\n');
        }
    }
    out
}

#[test]
fn ok_fixtures() {
    insta::glob!("fixtures/ok/*.json", |path| {
        let request = load(path);
        let report = validate(&request);
        assert!(
            report.diagnostics.is_empty(),
            "{} should be clean: {:#?}",
            path.display(),
            report.diagnostics
        );
        insta::assert_snapshot!(describe(&request));
    });
}

#[test]
fn err_fixtures() {
    insta::glob!("fixtures/err/*.json", |path| {
        let request = load(path);
        let report = validate(&request);
        assert!(
            !report.diagnostics.is_empty(),
            "{} should have diagnostics",
            path.display()
        );
        insta::assert_snapshot!(describe(&request));
    });
}

/// Every code in the registry is triggered by at least one `err` fixture (the README's table of
/// codes is checked in cli/tests/readme.rs).
#[test]
fn every_code_has_a_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/err");
    let mut seen = BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("fixtures dir") {
        let path = entry.expect("entry").path();
        for d in validate(&load(&path)).diagnostics {
            seen.insert(d.code);
        }
    }
    let all: BTreeSet<Code> = Code::ALL.iter().copied().collect();
    let missing: Vec<_> = all.difference(&seen).collect();
    assert!(
        missing.is_empty(),
        "codes without an err fixture: {missing:?}"
    );
}

/// Every fix offered by a fixture applies, and removes the diagnostic it belongs to.
#[test]
fn fixes_apply_and_resolve_their_diagnostic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/err");
    for entry in std::fs::read_dir(dir).expect("fixtures dir") {
        let path = entry.expect("entry").path();
        let request = load(&path);
        let raw = request
            .master_slave_backend_servers
            .as_ref()
            .map(|l| l.raw().into_owned())
            .unwrap_or_default();
        for d in validate(&request).diagnostics {
            let Some(fix) = &d.fix else { continue };
            let fixed = fix.apply(&raw).expect("fix applies");
            let mut after = request.clone();
            after.master_slave_backend_servers = Some(slb_msgroup::ServerList::Raw(fixed.clone()));
            let still = validate(&after)
                .diagnostics
                .into_iter()
                .any(|e| e.code == d.code && e.path == d.path && e.check == d.check);
            assert!(
                !still,
                "{}: fix {:?} for {} at {} did not resolve it: {fixed}",
                path.display(),
                fix.label,
                d.code,
                d.path
            );
        }
    }
}

/// No snapshot outlives its fixture: a removed or renamed fixture must take its snapshot along.
#[test]
fn no_orphan_fixture_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    for entry in std::fs::read_dir(root.join("snapshots")).expect("snapshots dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("UTF-8 name");
        for kind in ["ok", "err"] {
            let prefix = format!("fixtures__{kind}_fixtures@");
            if let Some(rest) = name.strip_prefix(&prefix) {
                let fixture = rest.strip_suffix(".snap").expect("a .snap file");
                assert!(
                    root.join("fixtures").join(kind).join(fixture).is_file(),
                    "snapshot {name} has no fixture {kind}/{fixture}"
                );
            }
        }
        assert!(
            !name.ends_with(".snap.new"),
            "pending snapshot {name}: review it"
        );
    }
}
