//! The raw `MasterSlaveBackendServers` text: a transparent textarea over a layer that underlines
//! the diagnostics' spans.

use leptos::html;
use leptos::prelude::*;
use slb_msgroup::{Diagnostic, Severity};

use crate::app::Ctx;
use crate::state::Target;

/// One piece of the raw text in the underline layer.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    text: String,
    class: Option<&'static str>,
}

/// Splits the raw text at the diagnostics' spans (UTF-8 offsets), first come first served.
fn pieces(raw: &str, diagnostics: &[Diagnostic]) -> Vec<Piece> {
    let mut spans: Vec<(usize, usize, &'static str)> = diagnostics
        .iter()
        .filter_map(|d| {
            let span = d.span?;
            let class = match (d.severity, span.is_empty()) {
                (Severity::Error, false) => "err",
                (Severity::Warning, false) => "warn",
                (Severity::Error, true) => "err at",
                (Severity::Warning, true) => "warn at",
            };
            Some((span.start.min(raw.len()), span.end.min(raw.len()), class))
        })
        .collect();
    spans.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, class) in spans {
        if start < at || !raw.is_char_boundary(start) || !raw.is_char_boundary(end) {
            continue;
        }
        out.push(Piece {
            text: raw[at..start].to_owned(),
            class: None,
        });
        out.push(Piece {
            text: raw[start..end].to_owned(),
            class: Some(class),
        });
        at = end;
    }
    // A trailing newline needs a character after it to take its height.
    out.push(Piece {
        text: format!("{} ", &raw[at..]),
        class: None,
    });
    out
}

#[component]
pub fn RawEditor() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let backdrop: NodeRef<html::Div> = NodeRef::new();
    let note = ctx.note(Target::Servers);
    let marks = Memo::new(move |_| {
        let raw = ctx.state.with(|s| s.servers.clone());
        ctx.output.with(|o| pieces(&raw, &o.diagnostics))
    });
    view! {
        <div class="field raw">
            <label for="MasterSlaveBackendServers">"MasterSlaveBackendServers"</label>
            <div class="editor">
                <div class="backdrop" aria-hidden="true" node_ref=backdrop>
                    {move || {
                        marks
                            .get()
                            .into_iter()
                            .map(|p| match p.class {
                                Some(class) => view! { <mark class=class>{p.text}</mark> }.into_any(),
                                None => p.text.into_any(),
                            })
                            .collect_view()
                    }}
                </div>
                <textarea
                    id="MasterSlaveBackendServers"
                    node_ref=ctx.raw_ref
                    rows="7"
                    spellcheck="false"
                    autocomplete="off"
                    aria-invalid=move || note.with(|n| n.invalid.then_some("true"))
                    aria-describedby=move || note.with(|n| format!("raw-hint {}", n.described_by).trim_end().to_owned())
                    prop:value=move || ctx.state.with(|s| s.servers.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        ctx.edit(("MasterSlaveBackendServers", 0), |s| s.servers = value);
                    }
                    on:scroll=move |_| {
                        if let (Some(b), Some(t)) = (backdrop.get(), ctx.raw_ref.get()) {
                            b.set_scroll_top(t.scroll_top());
                            b.set_scroll_left(t.scroll_left());
                        }
                    }
                ></textarea>
            </div>
            <p id="raw-hint" class="hint">
                "The raw string the API takes: JSON, or the single-quoted form of the API reference and Terraform."
            </p>
        </div>
    }
}
