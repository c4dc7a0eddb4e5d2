//! JSONTestSuite (read from `../shared/conformance/JSONTestSuite/test_parsing`, not copied): every
//! file's text given as the server list. No file panics; every `y_` file reads without a syntax
//! diagnostic; every `n_` file gets one, except the leniencies `rules.md` names.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use slb_msgroup::{Check, parse_servers};

/// `n_` files that the service's dialect accepts on purpose, and why.
const LENIENT: &[(&str, &str)] = &[
    (
        "n_string_single_quote.json",
        "strings in single quotes are accepted (rules.md: Input)",
    ),
    (
        "n_object_single_quote.json",
        "keys in single quotes are accepted (rules.md: Input)",
    ),
    (
        "n_structure_no_data.json",
        "an empty parameter is an empty list (rules.md: Errors, 3)",
    ),
];

fn suite() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/conformance/JSONTestSuite/test_parsing");
    dir.is_dir().then_some(dir)
}

fn is_syntax(check: Check) -> bool {
    matches!(check, Check::Syntax | Check::TooDeep | Check::TooLarge)
}

#[test]
fn json_test_suite() {
    let Some(dir) = suite() else {
        panic!("JSONTestSuite not found beside the repository (../shared/conformance)");
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("suite dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() > 300, "only {} files", files.len());

    let (mut y, mut n, mut i) = (0, 0, 0);
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let bytes = std::fs::read(path).expect("readable");
        // The service takes a string: text that is not UTF-8 arrives with U+FFFD in place of the
        // bad bytes, as a browser or the SDKs would send it.
        let text = String::from_utf8_lossy(&bytes);
        let (_, report) = parse_servers(&text);
        let syntax = report.diagnostics.iter().any(|d| is_syntax(d.check));
        for d in &report.diagnostics {
            if let Some(s) = d.span {
                assert!(
                    s.start <= s.end && s.end <= text.len(),
                    "{name}: span {s:?} out of range"
                );
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                    "{name}: span {s:?} splits a character"
                );
            }
        }
        let lenient = LENIENT.iter().any(|(f, _)| *f == name);
        match &name[..2] {
            "y_" => {
                y += 1;
                if syntax {
                    failures.push(format!(
                        "{name}: valid JSON got a syntax diagnostic: {:?}",
                        report.diagnostics[0].detail
                    ));
                }
            }
            "n_" => {
                n += 1;
                if lenient && syntax {
                    failures.push(format!("{name}: listed as lenient but rejected"));
                }
                if !lenient && !syntax {
                    failures.push(format!("{name}: invalid JSON accepted: {text:?}"));
                }
            }
            _ => i += 1,
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!((y, n, i), (95, 188, 35), "the suite changed");
}
