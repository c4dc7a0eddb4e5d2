//! The playground view: the form in one column, what it makes in the other. An embed shows
//! only the parts it chose (`?embed&show=…`).

use leptos::prelude::*;

use crate::components::{Diagnostics, Form, RequestPanel, ResponsePanel, SnippetsPanel};
use crate::embed::{Part, Parts};

#[component]
pub fn Playground(parts: Parts) -> impl IntoView {
    let form = parts.shows(Part::Form).then(|| {
        view! {
            <div class="col">
                <Form/>
            </div>
        }
    });
    let outputs = Part::ALL[1..].iter().any(|&p| parts.shows(p)).then(|| {
        view! {
            <div class="col">
                {parts.shows(Part::Diagnostics).then(|| view! { <Diagnostics/> })}
                {parts.shows(Part::Request).then(|| view! { <RequestPanel/> })}
                {parts.shows(Part::Response).then(|| view! { <ResponsePanel/> })}
                {parts.shows(Part::Snippets).then(|| view! { <SnippetsPanel/> })}
            </div>
        }
    });
    view! { {form} {outputs} }
}
