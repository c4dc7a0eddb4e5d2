//! A plain-text rendering of diagnostics for people (the CLI's `--text`, and the snapshots):
//! code, message, detail, the raw string with the span underlined, and the fix.

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, Span};
use crate::text::line_col;

/// How many characters of context to show on each side of a span.
const CONTEXT: usize = 36;

/// Renders `diagnostics` found in `raw` (the `MasterSlaveBackendServers` string).
pub fn text(raw: &str, diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return "valid: no diagnostics\n".to_owned();
    }
    let mut out = String::new();
    for d in diagnostics {
        let status = d
            .http_status
            .map(|s| format!(" (HTTP {s})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}[{}]{status}: {}",
            d.severity.as_str(),
            d.code,
            d.message
        );
        let _ = writeln!(out, "  --> {}", d.path);
        if let Some(span) = d.span {
            snippet(&mut out, raw, span);
        }
        let _ = writeln!(out, "  = {}", d.detail);
        if let Some(fix) = &d.fix {
            match fix.apply(raw) {
                Some(fixed) => {
                    let _ = writeln!(out, "  fix: {}", fix.label);
                    // Show the changed region of the fixed text.
                    if let Some(first) = fix.edits.iter().map(|e| e.span.start).min() {
                        let end = first + fix.edits.iter().map(|e| e.text.len()).max().unwrap_or(0);
                        let _ = writeln!(out, "  fixed:");
                        snippet(&mut out, &fixed, Span::new(first, end.min(fixed.len())));
                    }
                }
                None => {
                    let _ = writeln!(out, "  fix: {} (does not apply)", fix.label);
                }
            }
        }
    }
    out
}

/// One line of `raw` around `span`, with carets under the span.
fn snippet(out: &mut String, raw: &str, span: Span) {
    let at = line_col(raw, span.start);
    let line_start = raw[..floor(raw, span.start)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = raw[line_start..]
        .find('\n')
        .map_or(raw.len(), |i| line_start + i);
    let line: Vec<char> = raw[line_start..line_end].chars().collect();
    let col = at.column - 1;
    let span_chars = raw
        .get(floor(raw, span.start)..floor(raw, span.end.min(line_end)))
        .map_or(0, |s| s.chars().count());
    let from = col.saturating_sub(CONTEXT);
    let to = (col + span_chars + CONTEXT).min(line.len());
    let mut shown: String = line[from..to]
        .iter()
        .map(|c| if c.is_control() { '␣' } else { *c })
        .collect();
    let mut pad = col - from;
    if from > 0 {
        shown.insert(0, '…');
        pad += 1;
    }
    if to < line.len() {
        shown.push('…');
    }
    let _ = writeln!(out, "  {}:{} |", at.line, at.column);
    let _ = writeln!(out, "   | {shown}");
    let _ = writeln!(
        out,
        "   | {}{}",
        " ".repeat(pad),
        "^".repeat(span_chars.max(1))
    );
}

fn floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
