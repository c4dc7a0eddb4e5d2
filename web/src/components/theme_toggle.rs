//! The theme button: the system's theme, light or dark, remembered in `localStorage`.

use leptos::prelude::*;

use crate::browser;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    fn next(self) -> Self {
        match self {
            Self::System => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::System,
        }
    }

    fn stored() -> Self {
        match browser::stored_theme().as_deref() {
            Some("light") => Self::Light,
            Some("dark") => Self::Dark,
            _ => Self::System,
        }
    }
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(Theme::stored());
    Effect::new(move |_| browser::apply_theme(theme.get().as_str()));
    view! {
        <button
            type="button"
            class="theme"
            aria-label=move || format!("Theme: {} (change)", theme.get().as_str())
            on:click=move |_| theme.update(|t| *t = t.next())
        >
            {move || format!("Theme: {}", theme.get().as_str())}
        </button>
    }
}
