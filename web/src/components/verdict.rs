//! The verdict in the header, linking to the diagnostics: on a narrow screen they are far below.

use leptos::prelude::*;

use crate::app::Ctx;

#[component]
pub fn Verdict() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let counts = Memo::new(move |_| ctx.output.with(|o| (o.errors(), o.warnings())));
    let text = move || match counts.get() {
        (0, 0) => "Valid".to_owned(),
        (0, w) => format!("Valid · {w} warning{}", if w == 1 { "" } else { "s" }),
        (e, _) => format!("{e} error{}", if e == 1 { "" } else { "s" }),
    };
    let class = move || {
        if counts.get().0 == 0 {
            "verdict good"
        } else {
            "verdict bad"
        }
    };
    view! {
        <a class=class href="#diag-h" aria-hidden="true" tabindex="-1">{text}</a>
    }
}
