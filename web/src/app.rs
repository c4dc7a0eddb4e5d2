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
use crate::embed::Parts;
use crate::examples;
use crate::output::{Output, evaluate};
use crate::state::{
    Env, FieldNote, FragmentError, Secrets, State, Target, diagnostic_targets, field_note,
    from_fragment, to_fragment,
};
use crate::undo::{Typing, Undo};
use crate::views::{CheckView, Playground};

/// Starts the page.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// How long typing must pause before the link is rewritten.
const FRAGMENT_DELAY_MS: u64 = 150;

/// Which view fills `<main>`: the builder, or "Check a request".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Build,
    Check,
}

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
    /// Undo and redo (the AccessKey is not part of it: it stays as typed).
    pub undo: StoredValue<Undo<State>>,
    /// Whether there is something to undo and to redo (the buttons' state).
    pub can_undo: RwSignal<(bool, bool)>,
    /// What each diagnostic is about, for the fields' `aria-invalid` and `aria-describedby`.
    pub targets: Memo<Vec<(Option<Target>, bool)>>,
    /// The view shown (not in the link: the check view's inputs are never shared).
    pub view: RwSignal<ViewKind>,
}

impl Ctx {
    /// The state as undo keeps it: without the AccessKey.
    fn snapshot(&self) -> State {
        self.state.with_untracked(|s| State {
            secrets: Secrets::default(),
            ..s.clone()
        })
    }

    fn record(&self, typing: Option<Typing>) -> bool {
        let began = self
            .undo
            .try_update_value(|u| u.record(typing, || self.snapshot()))
            .unwrap_or(false);
        if began {
            self.refresh_undo();
        }
        began
    }

    fn refresh_undo(&self) {
        let now = self.undo.with_value(|u| (u.can_undo(), u.can_redo()));
        if self.can_undo.get_untracked() != now {
            self.can_undo.set(now);
        }
    }

    /// A discrete change: one undo step, and a new history entry, so the back button undoes it.
    pub fn commit(&self, f: impl FnOnce(&mut State)) {
        self.record(None);
        self.push.set_value(true);
        self.state.update(f);
    }

    /// Typing in a field: one undo step (and one history entry) per run of typing in it.
    pub fn edit(&self, typing: Typing, f: impl FnOnce(&mut State)) {
        if self.record(Some(typing)) {
            self.push.set_value(true);
        }
        self.state.update(f);
    }

    /// The AccessKey: neither undone nor in the history.
    pub fn set_secrets(&self, f: impl FnOnce(&mut Secrets)) {
        self.state.update(|s| f(&mut s.secrets));
    }

    /// Replaces everything but the AccessKey.
    fn restore(&self, to: State) {
        self.state.update(|s| {
            let secrets = std::mem::take(&mut s.secrets);
            *s = State { secrets, ..to };
        });
    }

    pub fn undo(&self) {
        let current = self.snapshot();
        if let Some(back) = self.undo.try_update_value(|u| u.undo(current)).flatten() {
            self.restore(back);
            self.say("Undone.");
        }
        self.refresh_undo();
    }

    pub fn redo(&self) {
        let current = self.snapshot();
        if let Some(forward) = self.undo.try_update_value(|u| u.redo(current)).flatten() {
            self.restore(forward);
            self.say("Redone.");
        }
        self.refresh_undo();
    }

    /// Back to the page as it opens (the AccessKey stays); undo brings the request back.
    pub fn reset(&self) {
        self.commit(|s| {
            let secrets = std::mem::take(&mut s.secrets);
            *s = State {
                secrets,
                ..examples::default_state()
            };
        });
        self.say("Reset to the valid example. Undo (Ctrl+Z) brings back what was there.");
    }

    /// What the diagnostics say about one field.
    pub fn note(&self, target: Target) -> Memo<FieldNote> {
        let targets = self.targets;
        Memo::new(move |_| targets.with(|t| field_note(t, target)))
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
    let parts = Parts::from_query(&browser::location_search());
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
        undo: StoredValue::new(Undo::default()),
        can_undo: RwSignal::new((false, false)),
        targets: Memo::new(move |_| output.with(|o| diagnostic_targets(&o.diagnostics))),
        view: RwSignal::new(ViewKind::Build),
    };
    provide_context(ctx);
    sync_link(ctx);
    // Ctrl+Z / Cmd+Z undo, with Shift (or Ctrl+Y) redo, wherever the focus is: the fields are
    // bound to the state, so the browser's own undo inside one of them would fight it.
    // Not in the check view: its boxes keep the browser's own undo, and the builder is hidden.
    let _ = window_event_listener(ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key())
            || ev.alt_key()
            || ctx.view.get_untracked() != ViewKind::Build
        {
            return;
        }
        match ev.key().as_str() {
            "z" | "Z" if ev.shift_key() => ctx.redo(),
            "z" | "Z" => ctx.undo(),
            "y" | "Y" if ev.ctrl_key() => ctx.redo(),
            _ => return,
        }
        ev.prevent_default();
    });

    // An embed: no header or footer, the parts the embedder chose, and the content's height
    // posted to the parent whenever it changes.
    let root: NodeRef<html::Div> = NodeRef::new();
    if parts.embed {
        browser::mark_embedded();
        root.on_load(|el| browser::report_height(&el));
    }
    let layout = if parts.two_columns() {
        "layout"
    } else {
        "layout one-col"
    };

    view! {
        <div class="app" node_ref=root>
            {(!parts.embed).then(|| view! {
                <a class="skip" href="#form">"Skip to the form"</a>
                <Header/>
            })}
            <p class="status" role="status" aria-live="polite">{move || ctx.status.get()}</p>
            {if parts.embed {
                view! { <main class=layout><Playground parts/></main> }.into_any()
            } else {
                view! {
                    <ViewTabs/>
                    <main>
                        <div
                            id="view-build"
                            class=layout
                            role="tabpanel"
                            aria-labelledby="tab-build"
                            hidden=move || ctx.view.get() != ViewKind::Build
                        >
                            <Playground parts/>
                        </div>
                        <div
                            id="view-check"
                            class="layout"
                            role="tabpanel"
                            aria-labelledby="tab-check"
                            hidden=move || ctx.view.get() != ViewKind::Check
                        >
                            <CheckView/>
                        </div>
                    </main>
                }
                .into_any()
            }}
            {(!parts.embed).then(|| view! {
                <footer class="site">
                    <p>
                        "Diagnostics follow the service's checks in order; the first error is what a real call answers. "
                        "The page keeps its state in the link (never the AccessKey) and makes no network request."
                    </p>
                </footer>
            })}
        </div>
    }
}

/// The tabs that switch `<main>` between the builder and the check view (arrow keys, Home and
/// End move between them, as the WAI-ARIA tabs pattern has it).
#[component]
fn ViewTabs() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let tab = move |kind: ViewKind, id: &'static str, panel: &'static str, label: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=id
                aria-controls=panel
                aria-selected=move || (ctx.view.get() == kind).to_string()
                tabindex=move || if ctx.view.get() == kind { "0" } else { "-1" }
                on:click=move |_| ctx.view.set(kind)
                on:keydown=move |ev: ev::KeyboardEvent| {
                    let next = match (ev.key().as_str(), kind) {
                        ("ArrowRight" | "ArrowLeft", ViewKind::Build) | ("End", _) => ViewKind::Check,
                        ("ArrowRight" | "ArrowLeft", ViewKind::Check) | ("Home", _) => ViewKind::Build,
                        _ => return,
                    };
                    ev.prevent_default();
                    ctx.view.set(next);
                    browser::focus_id(match next {
                        ViewKind::Build => "tab-build",
                        ViewKind::Check => "tab-check",
                    });
                }
            >{label}</button>
        }
    };
    view! {
        <div class="views">
            <div class="tabs" role="tablist" aria-label="View">
                {tab(ViewKind::Build, "tab-build", "view-build", "Build a request")}
                {tab(ViewKind::Check, "tab-check", "view-check", "Check a request")}
            </div>
        </div>
    }
}

/// The link follows the state: other changes push a history entry at once; typing replaces the
/// current one once the typing pauses (`history.replaceState` is the dearest part of a
/// keystroke, and the fragment of a long list is made only then), and a pending replacement is
/// written before any push, so back returns to it. Back and forward restore the state the link
/// holds (the secrets stay as they are).
fn sync_link(ctx: Ctx) {
    let link = |s: &State| format!("#{}", to_fragment(s));
    // The state typed since the link was last written, and the timer that writes it.
    let pending: StoredValue<Option<(TimeoutHandle, State)>> = StoredValue::new(None);
    Effect::new(move |_| {
        let now = ctx.state.get();
        let push = ctx.push.get_value();
        ctx.push.set_value(false);
        if let Some((handle, earlier)) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
            if push {
                browser::write_fragment(&link(&earlier), false);
            }
        }
        if push {
            browser::write_fragment(&link(&now), true);
            return;
        }
        let scheduled = set_timeout_with_handle(
            move || {
                if let Some((_, typed)) = pending.try_update_value(Option::take).flatten() {
                    browser::write_fragment(&link(&typed), false);
                }
            },
            std::time::Duration::from_millis(FRAGMENT_DELAY_MS),
        );
        match scheduled {
            Ok(handle) => pending.set_value(Some((handle, now))),
            Err(_) => browser::write_fragment(&link(&now), false),
        }
    });
    let _ = window_event_listener(ev::popstate, move |_| {
        if let Some((handle, _)) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if let Ok(from_link) = from_fragment(&location_hash()) {
            ctx.record(None);
            ctx.restore(from_link);
        }
    });
}
