//! The Examples menu: loading one is a history entry, and Escape closes the menu.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::Ctx;
use crate::browser::focus_id;
use crate::examples;

#[component]
pub fn ExamplesMenu() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let menu: NodeRef<html::Details> = NodeRef::new();
    let items = examples::all()
        .into_iter()
        .map(|ex| {
            let label = ex.label.clone();
            view! {
                <li>
                    <button type="button" on:click=move |_| {
                        let example = ex.state.clone();
                        ctx.commit(|s| *s = s.with_request_of(&example));
                        if let Some(d) = menu.get() {
                            d.set_open(false);
                        }
                        ctx.say(format!("Loaded the example “{}”.", ex.label));
                        focus_id("RegionId");
                    }>{label}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details
            class="menu"
            node_ref=menu
            on:keydown=move |ev: ev::KeyboardEvent| {
                if ev.key() == "Escape"
                    && let Some(d) = menu.get()
                {
                    d.set_open(false);
                    if let Ok(Some(summary)) = d.query_selector("summary")
                        && let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>()
                    {
                        let _ = summary.focus();
                    }
                }
            }
        >
            <summary>"Examples"</summary>
            <ul class="menu-list">{items}</ul>
        </details>
    }
}
