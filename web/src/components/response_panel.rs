//! The response the service would give: status line, and the body as JSON or XML (the `Format`
//! parameter), in the `service` or `documented` shape.

use leptos::ev;
use leptos::prelude::*;
use slb_msgroup::{Format, Shape};

use super::{CopyButton, Panel};
use crate::app::Ctx;
use crate::browser::focus_id;
use crate::output::status_line;

#[component]
pub fn ResponsePanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let response = Memo::new(move |_| ctx.output.with(|o| o.response.clone()));
    let format = Memo::new(move |_| ctx.state.with(|s| s.format));
    let tab = move |f: Format| {
        let id = format!("tab-{}", f.as_str().to_ascii_lowercase());
        view! {
            <button
                type="button"
                role="tab"
                id=id
                aria-controls="response-panel"
                aria-selected=move || (format.get() == f).to_string()
                tabindex=move || if format.get() == f { "0" } else { "-1" }
                on:click=move |_| ctx.commit(|s| s.format = f)
                on:keydown=move |ev: ev::KeyboardEvent| {
                    let other = match f {
                        Format::Json => Format::Xml,
                        Format::Xml => Format::Json,
                    };
                    if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
                        ev.prevent_default();
                        ctx.commit(|s| s.format = other);
                        focus_id(&format!("tab-{}", other.as_str().to_ascii_lowercase()));
                    }
                }
            >{f.as_str()}</button>
        }
    };
    let body = move || response.with(|r| r.body.clone());
    view! {
        <Panel heading_id="response-h" title="Response">
            <div class="out-head">
                <div role="tablist" aria-label="Response format" class="tabs">
                    {tab(Format::Json)}
                    {tab(Format::Xml)}
                </div>
                <label for="shape" class="inline">"Shape"</label>
                <select
                    id="shape"
                    prop:value=move || {
                        match ctx.state.with(|s| s.shape) {
                            Shape::Service => "service",
                            Shape::Documented => "documented",
                        }
                    }
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.commit(|s| s.shape = Shape::parse(&v).unwrap_or_default());
                    }
                >
                    <option value="service">"service (what the SDKs read)"</option>
                    <option value="documented">"documented (the reference's examples)"</option>
                </select>
            </div>
            <div id="response-panel" role="tabpanel" aria-labelledby=move || {
                format!("tab-{}", format.get().as_str().to_ascii_lowercase())
            }>
                <p class=move || {
                    if response.with(|r| r.status == 200) { "status-line good" } else { "status-line bad" }
                }>
                    <code>{move || response.with(status_line)}</code>
                    " "
                    <span class="ctype">{move || response.with(|r| r.content_type)}</span>
                </p>
                <div class="out-head">
                    <span id="response-body-label" class="label">"Response body"</span>
                    <CopyButton what="Response body" label="Copy body" text=body/>
                </div>
                <pre class="out body" tabindex="0" aria-labelledby="response-body-label">{body}</pre>
            </div>
        </Panel>
    }
}
