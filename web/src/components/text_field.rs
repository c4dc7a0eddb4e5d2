//! One labelled text input bound to a field of the state (the label is the API's name).

use leptos::prelude::*;

use crate::app::Ctx;
use crate::state::State;

#[component]
pub fn TextField(
    id: &'static str,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    get: fn(&State) -> String,
    set: fn(&mut State, String),
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
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
                prop:value=move || ctx.state.with(get)
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    ctx.state.update(|s| set(s, value));
                }
            />
        </div>
    }
}
