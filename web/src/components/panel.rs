//! The two pieces of markup every part of the page repeats: a titled panel, and a copy button.

use leptos::prelude::*;

use crate::app::Ctx;

/// A `<section class="panel">` labelled by its `<h2>`. The children keep their type
/// (`TypedChildren`): erasing it (`Children`) costs about 40 KB of wasm.
#[component]
pub fn Panel<C: IntoView + 'static>(
    /// The heading's id; the section is labelled by it.
    heading_id: &'static str,
    /// The heading's text.
    title: &'static str,
    /// The section's own id (a skip link's target).
    #[prop(optional)]
    id: Option<&'static str>,
    /// More classes beside `panel`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// A live region (`role="region"`, `aria-live="polite"`): the diagnostics.
    #[prop(optional)]
    live: bool,
    children: TypedChildren<C>,
) -> impl IntoView {
    let children = children.into_inner();
    let class = class.map_or_else(|| "panel".to_owned(), |c| format!("panel {c}"));
    view! {
        <section
            id=id
            class=class
            role=live.then_some("region")
            aria-live=live.then_some("polite")
            aria-labelledby=heading_id
        >
            <h2 id=heading_id>{title}</h2>
            {children()}
        </section>
    }
}

/// A button that copies `text()` (computed on click only) and says so in the status line.
#[component]
pub fn CopyButton(
    /// What is copied, as the status line names it ("Request URL copied to the clipboard.").
    #[prop(into)]
    what: String,
    /// The text to copy.
    text: impl Fn() -> String + Send + Sync + 'static,
    /// The button's text; "Copy" when not given.
    #[prop(optional)]
    label: Option<&'static str>,
    /// An accessible name when the label alone is ambiguous ("Copy StringToSign").
    #[prop(optional, into)]
    aria_label: Option<String>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <button type="button" aria-label=aria_label on:click=move |_| ctx.copy(&text(), &what)>
            {label.unwrap_or("Copy")}
        </button>
    }
}
