//! The Embed button: the `<iframe>` snippet for this state, and the listener that resizes it.

use leptos::ev;
use leptos::prelude::*;

use super::CopyButton;
use crate::app::Ctx;
use crate::browser::{self, HEIGHT_MESSAGE, focus_id};
use crate::state::to_fragment;

#[component]
pub fn EmbedButton() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let snippet = move || {
        let fragment = ctx.state.with(to_fragment);
        // `&` is escaped for the HTML attribute; `show` lists the parts (the default, spelt out
        // so the embedder sees the choice).
        let src = format!(
            "{}?embed&show=form,diagnostics,request,response#{fragment}",
            browser::page_base()
        )
        .replace('&', "&amp;");
        format!(
            "<iframe src=\"{src}\" title=\"CreateMasterSlaveServerGroup playground\" \
             style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>\n\
             <script>addEventListener(\"message\",e=>{{if(e.data&&e.data.type===\"{HEIGHT_MESSAGE}\")\
             for(const f of document.getElementsByTagName(\"iframe\"))\
             if(f.contentWindow===e.source)f.style.height=e.data.height+\"px\"}})</script>"
        )
    };
    let close = move || {
        open.set(false);
        focus_id("embed-button");
    };
    // Escape closes the dialog wherever the focus is (it starts on the button that opened it).
    let _ = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            close();
        }
    });
    view! {
        <button
            type="button"
            id="embed-button"
            aria-expanded=move || open.get().to_string()
            aria-controls="embed-panel"
            on:click=move |_| {
                open.update(|o| *o = !*o);
                if open.get_untracked() {
                    request_animation_frame(|| focus_id("embed-snippet"));
                }
            }
        >"Embed"</button>
        <Show when=move || open.get()>
            <div class="popover" id="embed-panel" role="dialog" aria-label="Embed">
                <label for="embed-snippet">"Embed snippet"</label>
                <textarea id="embed-snippet" readonly rows="6" prop:value=snippet></textarea>
                <CopyButton what="Embed snippet" label="Copy snippet" text=snippet/>
            </div>
        </Show>
    }
}
