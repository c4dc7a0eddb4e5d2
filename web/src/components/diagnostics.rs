//! The diagnostics list, in an `aria-live` region: code (focuses the field or selects the span),
//! HTTP status, path, message, detail and the fix button.

use leptos::prelude::*;
use slb_msgroup::Diagnostic;

use super::{Panel, input_id};
use crate::app::Ctx;
use crate::browser::{focus_id, has_element};
use crate::state::{
    DIAGNOSTICS_SHOWN, Target, diagnostic_detail_id, more_diagnostics_note, target_of,
};

/// Focuses the field a diagnostic is about, or selects its span in the raw editor.
fn go_to(ctx: Ctx, d: &Diagnostic) {
    match target_of(&d.path) {
        // A card outside the window of a long list has no field: its span is selected instead.
        Some(Target::Card(index, field))
            if ctx.cards_live.get_untracked() && has_element(&input_id(index, field)) =>
        {
            focus_id(&input_id(index, field));
        }
        Some(Target::RegionId) => focus_id("RegionId"),
        Some(Target::LoadBalancerId) => focus_id("LoadBalancerId"),
        Some(Target::GroupName) => focus_id("MasterSlaveServerGroupName"),
        _ => {
            let Some(textarea) = ctx.raw_ref.get_untracked() else {
                return;
            };
            let _ = textarea.focus();
            if let Some(span) = d.span {
                let raw = ctx.state.with_untracked(|s| s.servers.clone());
                let start = slb_msgroup::text::utf16_offset(&raw, span.start) as u32;
                let end = slb_msgroup::text::utf16_offset(&raw, span.end) as u32;
                let _ = textarea.set_selection_range(start, end);
            }
        }
    }
}

#[component]
pub fn Diagnostics() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Only the first diagnostics are listed (a long list can have thousands); the summary
    // counts them all.
    let diagnostics = Memo::new(move |_| {
        ctx.output.with(|o| {
            o.diagnostics
                .iter()
                .take(DIAGNOSTICS_SHOWN)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let counts = Memo::new(move |_| ctx.output.with(|o| (o.errors(), o.warnings())));
    let more = Memo::new(move |_| {
        ctx.output
            .with(|o| more_diagnostics_note(o.diagnostics.len()))
    });
    let summary = move || {
        counts.with(|&(errors, warnings)| match (errors, warnings) {
            (0, 0) => "Valid: the service would accept this request.".to_owned(),
            (0, w) => format!("Valid, with {w} warning{}.", if w == 1 { "" } else { "s" }),
            (e, w) => format!(
                "{e} error{}, {w} warning{}. The first error is what the service answers.",
                if e == 1 { "" } else { "s" },
                if w == 1 { "" } else { "s" }
            ),
        })
    };
    let item = move |(n, d): (usize, Diagnostic)| {
        let class = if d.is_error() {
            "diag err"
        } else {
            "diag warn"
        };
        let status = d
            .http_status
            .map_or_else(|| "warning".to_owned(), |s| format!("HTTP {s}"));
        let fix = d.fix.clone().map(|fix| {
            let label = fix.label.clone();
            view! {
                <button type="button" class="fix" on:click=move |_| {
                    let raw = ctx.state.with_untracked(|s| s.servers.clone());
                    if let Some(fixed) = fix.apply(&raw) {
                        ctx.commit(|s| s.servers = fixed);
                        ctx.say(format!("Applied the fix: {}.", fix.label));
                    }
                }>{format!("Fix: {label}")}</button>
            }
        });
        let code = d.code.as_str();
        let to = d.clone();
        view! {
            <li class=class>
                <div class="diag-head">
                    <button type="button" class="code" on:click=move |_| go_to(ctx, &to)>
                        {code}
                    </button>
                    <span class="badge">{status}</span>
                    <code class="path">{d.path.clone()}</code>
                </div>
                <p class="message">{d.message.clone()}</p>
                <p class="detail" id=diagnostic_detail_id(n)>{d.detail.clone()}</p>
                {fix}
            </li>
        }
    };
    view! {
        <Panel heading_id="diag-h" title="Diagnostics" class="diagnostics" live=true>
            <p class=move || {
                if counts.with(|&(errors, _)| errors > 0) {
                    "summary bad"
                } else {
                    "summary good"
                }
            }>{summary}</p>
            <ul class="diag-list">
                {move || diagnostics.get().into_iter().enumerate().map(item).collect_view()}
            </ul>
            {move || more.get().map(|note| view! { <p id="more-diags" class="note">{note}</p> })}
        </Panel>
    }
}
