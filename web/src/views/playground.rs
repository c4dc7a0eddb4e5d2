//! The playground view: the form in one column, what it makes in the other.

use leptos::prelude::*;

use crate::components::{Diagnostics, Form, RequestPanel, ResponsePanel, SnippetsPanel};

#[component]
pub fn Playground() -> impl IntoView {
    view! {
        <div class="col">
            <Form/>
        </div>
        <div class="col">
            <Diagnostics/>
            <RequestPanel/>
            <ResponsePanel/>
            <SnippetsPanel/>
        </div>
    }
}
