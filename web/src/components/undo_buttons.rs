//! Undo, Redo (also Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z) and Reset.

use leptos::prelude::*;

use crate::app::Ctx;

#[component]
pub fn UndoButtons() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <div class="undo" role="group" aria-label="Undo and reset">
            <button
                type="button"
                aria-keyshortcuts="Control+Z Meta+Z"
                title="Undo (Ctrl+Z)"
                disabled=move || !ctx.can_undo.get().0
                on:click=move |_| ctx.undo()
            >"Undo"</button>
            <button
                type="button"
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
                title="Redo (Ctrl+Shift+Z)"
                disabled=move || !ctx.can_undo.get().1
                on:click=move |_| ctx.redo()
            >"Redo"</button>
            <button type="button" title="Back to the valid example" on:click=move |_| ctx.reset()>
                "Reset"
            </button>
        </div>
    }
}
