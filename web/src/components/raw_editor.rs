//! The raw `MasterSlaveBackendServers` text: a transparent textarea over a layer that underlines
//! the diagnostics' spans.

use leptos::html;
use leptos::prelude::*;

use crate::app::Ctx;
use crate::state::{Target, underlines};

#[component]
pub fn RawEditor() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let note = ctx.note(Target::Servers);
    let layer: NodeRef<html::Div> = NodeRef::new();
    let marks = Memo::new(move |_| {
        ctx.state
            .with(|s| ctx.output.with(|o| underlines(&s.servers, &o.diagnostics)))
    });
    view! {
        <div class="field raw">
            <label for="MasterSlaveBackendServers">"MasterSlaveBackendServers"</label>
            <div class="editor">
                <div class="backdrop" aria-hidden="true">
                    <div class="layer" node_ref=layer>{move || {
                        marks
                            .get()
                            .into_iter()
                            .map(|p| match p.class {
                                Some(class) => view! { <mark class=class>{p.text}</mark> }.into_any(),
                                None => p.text.into_any(),
                            })
                            .collect_view()
                    }}</div>
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
                        // The layer holds the text up to the last underline only: it is moved,
                        // not scrolled.
                        if let (Some(l), Some(t)) = (layer.get(), ctx.raw_ref.get()) {
                            let _ = web_sys::HtmlElement::style(&l).set_property(
                                "transform",
                                &format!("translate({}px,{}px)", -t.scroll_left(), -t.scroll_top()),
                            );
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
