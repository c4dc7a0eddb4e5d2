//! The page's root (browser only): the signals every component shares ([`Ctx`]), the link that
//! follows the state, and the frame around the view (header, status line, footer).
//!
//! Where things are: the components live one per file in [`crate::components`], the views
//! (what fills `<main>`) in [`crate::views`], the browser glue in [`crate::browser`]; the state
//! and everything computed from it are plain Rust ([`crate::state`], [`crate::output`]).

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use slb_msgroup::BackendServer;

use crate::browser::{self, location_hash};
use crate::components::Header;
use crate::examples;
use crate::output::{Output, evaluate};
use crate::state::{Env, FragmentError, State, from_fragment};
use crate::views::Playground;

/// Starts the page.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// How long typing must pause before the link is rewritten.
const FRAGMENT_DELAY_MS: u64 = 150;

/// The page's signals, shared by every component (`expect_context::<Ctx>()`).
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<State>,
    pub output: Memo<Output>,
    /// The cards: the last list that parsed.
    pub cards: Memo<Vec<BackendServer>>,
    /// Whether the cards show the raw text as it is now.
    pub cards_live: Memo<bool>,
    /// The next state change makes a new history entry (an example, a fix, a card added…);
    /// typing replaces the current one.
    pub push: StoredValue<bool>,
    pub status: RwSignal<String>,
    pub raw_ref: NodeRef<html::Textarea>,
}

impl Ctx {
    /// A discrete change: a new history entry, so the back button undoes it.
    pub fn commit(&self, f: impl FnOnce(&mut State)) {
        self.push.set_value(true);
        self.state.update(f);
    }

    /// A line in the status region (read out by screen readers).
    pub fn say(&self, text: impl Into<String>) {
        self.status.set(text.into());
    }

    pub fn copy(&self, text: &str, what: &str) {
        browser::copy_text(text);
        self.say(format!("{what} copied to the clipboard."));
    }
}

/// Reads the state from the link; the default example when there is none.
fn initial_state() -> (State, Option<String>) {
    let hash = location_hash();
    if hash.len() <= 1 {
        return (examples::default_state(), None);
    }
    match from_fragment(&hash) {
        Ok(state) => (state, None),
        Err(FragmentError::NotVersioned) => (examples::default_state(), None),
        Err(e) => (examples::default_state(), Some(e.to_string())),
    }
}

#[component]
fn App() -> impl IntoView {
    let embed = browser::is_embed();
    let (initial, notice) = initial_state();
    let state = RwSignal::new(initial);
    let nonce = browser::random_nonce();
    let entropy = browser::random_u64();
    let output = Memo::new(move |_| {
        let env = Env {
            now: browser::now(),
            nonce: nonce.clone(),
        };
        state.with(|s| evaluate(s, &env, entropy))
    });
    let cards = Memo::new(move |prev: Option<&Vec<BackendServer>>| {
        output
            .with(|o| o.cards.clone())
            .or_else(|| prev.cloned())
            .unwrap_or_default()
    });
    let cards_live = Memo::new(move |_| output.with(|o| o.cards.is_some()));
    let ctx = Ctx {
        state,
        output,
        cards,
        cards_live,
        push: StoredValue::new(false),
        status: RwSignal::new(notice.unwrap_or_default()),
        raw_ref: NodeRef::new(),
    };
    provide_context(ctx);
    sync_link(ctx);

    if embed {
        browser::mark_embedded();
        Effect::new(move |_| {
            output.track();
            request_animation_frame(browser::post_height);
        });
        let _ = window_event_listener(ev::resize, move |_| browser::post_height());
    }

    view! {
        <a class="skip" href="#form">"Skip to the form"</a>
        <Header/>
        <p class="status" role="status" aria-live="polite">{move || ctx.status.get()}</p>
        <main class="layout">
            <Playground/>
        </main>
        <footer class="site">
            <p>
                "Diagnostics follow the service's checks in order; the first error is what a real call answers. "
                "The page keeps its state in the link (never the AccessKey) and makes no network request."
            </p>
        </footer>
    }
}

/// The link follows the state: other changes push a history entry at once; typing replaces the
/// current one once the typing pauses (`history.replaceState` is the dearest part of a
/// keystroke), and a pending replacement is written before any push, so back returns to it.
/// Back and forward restore the state the link holds (the secrets stay as they are).
fn sync_link(ctx: Ctx) {
    let fragment = Memo::new(move |_| ctx.output.with(|o| o.fragment.clone()));
    let pending: StoredValue<Option<(TimeoutHandle, String)>> = StoredValue::new(None);
    Effect::new(move |_| {
        let wanted = format!("#{}", fragment.get());
        let push = ctx.push.get_value();
        ctx.push.set_value(false);
        if let Some((handle, earlier)) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
            if push {
                browser::write_fragment(&earlier, false);
            }
        }
        if location_hash() == wanted {
            return;
        }
        if push {
            browser::write_fragment(&wanted, true);
            return;
        }
        let later = wanted.clone();
        let scheduled = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                browser::write_fragment(&later, false);
            },
            std::time::Duration::from_millis(FRAGMENT_DELAY_MS),
        );
        match scheduled {
            Ok(handle) => pending.set_value(Some((handle, wanted))),
            Err(_) => browser::write_fragment(&wanted, false),
        }
    });
    let _ = window_event_listener(ev::popstate, move |_| {
        if let Some((handle, _)) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if let Ok(from_link) = from_fragment(&location_hash()) {
            ctx.state.update(|s| {
                let secrets = std::mem::take(&mut s.secrets);
                *s = State {
                    secrets,
                    ..from_link
                };
            });
        }
    });
}
