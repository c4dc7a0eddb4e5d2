//! The site header: the title, and the toolbar (verdict, examples, copy link and Markdown,
//! embed, theme). In embed mode only the toolbar shows.

use leptos::prelude::*;

use super::{EmbedButton, ExamplesMenu, ThemeToggle, UndoButtons, Verdict};
use crate::app::Ctx;
use crate::browser;
use crate::output::to_markdown;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <header class="site">
            <div class="title">
                <h1>"CreateMasterSlaveServerGroup playground"</h1>
                <p class="sub">
                    "Alibaba Cloud SLB API 2014-05-15 · validated offline in your browser, nothing is sent"
                </p>
            </div>
            <div class="toolbar">
                <Verdict/>
                <ExamplesMenu/>
                <UndoButtons/>
                <button type="button" on:click=move |_| {
                    ctx.copy(&browser::location_href(), "Link");
                }>"Copy link"</button>
                <button type="button" on:click=move |_| {
                    let link = browser::location_href();
                    let md = ctx.state.with(|s| ctx.output.with(|o| to_markdown(s, o, &link)));
                    ctx.copy(&md, "Markdown");
                }>"Copy as Markdown"</button>
                <EmbedButton/>
                <ThemeToggle/>
            </div>
        </header>
    }
}
