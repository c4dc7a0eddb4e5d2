//! Code snippets that send the request: curl, the `aliyun` CLI, the SDKs and Terraform. They are
//! computed only while the panel is open.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::CopyButton;
use crate::app::Ctx;
use crate::browser::focus_id;
use crate::output::shown_part;
use crate::state;

#[component]
pub fn SnippetsPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(0_usize);
    // Computed only while the panel is open: typing elsewhere does not pay for ten snippets.
    let all = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let request = ctx.state.with(state::to_request);
        // None for a request no host can be made for (the request panel says why).
        slb_msgroup::snippets::snippets(&request, &slb_msgroup::snippets::SnippetOptions::default())
            .unwrap_or_default()
    });
    let count = slb_msgroup::snippets::IDS.len();
    let code = move || {
        all.with(|a| {
            a.get(chosen.get())
                .map(|s| s.code.clone())
                .unwrap_or_default()
        })
    };
    // A long list's snippet is shown in part (Copy snippet copies all of it), with a note.
    let shown = move || {
        all.with(|a| {
            a.get(chosen.get())
                .map(|s| shown_part(&s.code, "snippet", "Copy snippet"))
                .unwrap_or_default()
        })
    };
    let shown_note = Memo::new(move |_| shown().1);
    let tabs = move || {
        all.with(|a| {
            a.iter()
                .enumerate()
                .map(|(i, s)| {
                    let id = format!("snippet-tab-{i}");
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=id
                            aria-controls="snippet-panel"
                            aria-selected=move || (chosen.get() == i).to_string()
                            tabindex=move || if chosen.get() == i { "0" } else { "-1" }
                            on:click=move |_| chosen.set(i)
                            on:keydown=move |ev: ev::KeyboardEvent| {
                                let next = match ev.key().as_str() {
                                    "ArrowRight" => (i + 1) % count,
                                    "ArrowLeft" => (i + count - 1) % count,
                                    _ => return,
                                };
                                ev.prevent_default();
                                chosen.set(next);
                                focus_id(&format!("snippet-tab-{next}"));
                            }
                        >{s.label}</button>
                    }
                })
                .collect_view()
        })
    };
    // Not a `Panel`: its heading sits in the `<summary>` that opens it.
    view! {
        <section class="panel" aria-labelledby="snippets-h">
            <details on:toggle=move |ev| {
                let now_open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                open.set(now_open);
            }>
                <summary><h2 id="snippets-h" class="inline-h">"Code snippets"</h2></summary>
                <p class="hint">
                    "Every snippet reads ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET from the environment."
                </p>
                <div role="tablist" aria-label="Snippet" class="tabs wrap">{tabs}</div>
                <div class="out-head">
                    <span id="snippet-label" class="label">
                        {move || all.with(|a| a.get(chosen.get()).map(|s| s.label).unwrap_or_default())}
                    </span>
                    <CopyButton what="Snippet" label="Copy snippet" text=code/>
                </div>
                <pre
                    id="snippet-panel"
                    role="tabpanel"
                    tabindex="0"
                    aria-labelledby="snippet-label"
                    aria-describedby=move || shown_note.with(Option::is_some).then_some("snippet-shown")
                >{move || shown().0}</pre>
                {move || shown_note.get().map(|n| view! { <p id="snippet-shown" class="note">{n}</p> })}
            </details>
        </section>
    }
}
