//! The README's generated parts are checked here, so they cannot go stale. Run with
//! `UPDATE_README=1` to rewrite them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

fn readme_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../README.md")
}

/// Replaces (or, with `UPDATE_README`, rewrites) the text between `<!-- name:start -->` and
/// `<!-- name:end -->`, and asserts it equals `expected`.
pub fn check_block(name: &str, expected: &str) {
    let path = readme_path();
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme
        .find(&start_marker)
        .unwrap_or_else(|| panic!("README has no {name} block"))
        + start_marker.len();
    let end = readme[start..].find(&end_marker).expect("end marker") + start;
    let current = &readme[start..end];
    if current != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, updated).expect("write README");
        } else {
            panic!(
                "README block {name} is stale; run with UPDATE_README=1.\n--- expected\n{expected}--- found\n{current}"
            );
        }
    }
}

#[test]
fn codes_table() {
    let mut table =
        String::from("| code | severity | HTTP | message | when |\n|---|---|---|---|---|\n");
    for info in slb_msgroup::codes::all() {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            info.code,
            info.severity.as_str(),
            info.http_status.map_or("–".to_owned(), |s| s.to_string()),
            info.message,
            info.description.replace('|', "\\|"),
        ));
    }
    check_block("codes", &table);
}
