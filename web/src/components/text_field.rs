//! One labelled text input bound to a field of the state (the label is the API's name).

use leptos::prelude::*;

use crate::app::Ctx;
use crate::state::{State, Target};

#[component]
pub fn TextField(
    id: &'static str,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    /// Where the diagnostics about this field point.
    target: Target,
    get: fn(&State) -> String,
    set: fn(&mut State, String),
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let note = ctx.note(target);
    view! {
        <div class="field">
            <label for=id>{id}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                list=list
                placeholder=hint
                aria-invalid=move || note.with(|n| n.invalid.then_some("true"))
                aria-describedby=move || {
                    note.with(|n| (!n.described_by.is_empty()).then(|| n.described_by.clone()))
                }
                prop:value=move || ctx.state.with(get)
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    ctx.edit((id, 0), |s| set(s, value));
                }
            />
        </div>
    }
}
