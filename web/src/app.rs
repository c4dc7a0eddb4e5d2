//! The page (browser only). Components bind signals to [`crate::state`] and show what
//! [`crate::output::evaluate`] computes; they hold no logic of their own.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use slb_msgroup::request::{Method, SignatureVersion};
use slb_msgroup::{BackendServer, Diagnostic, Format, Severity, Shape};
use wasm_bindgen::{JsCast, JsValue};

use crate::examples;
use crate::output::{Output, evaluate, status_line, to_markdown};
use crate::state::{
    self, Env, Field, FragmentError, State, Target, field_text, from_fragment, target_of,
};

/// Starts the page.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

const THEME_KEY: &str = "slb-msgroup-theme";
const HEIGHT_MESSAGE: &str = "slb-msgroup:height";

fn win() -> Option<web_sys::Window> {
    web_sys::window()
}

fn location_hash() -> String {
    win()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn is_embed() -> bool {
    win()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| {
            s.trim_start_matches('?')
                .split('&')
                .any(|p| p == "embed" || p.starts_with("embed="))
        })
}

/// The current UTC time as `YYYY-MM-DDThh:mm:ssZ`.
fn now() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..19).map_or(iso.clone(), |s| format!("{s}Z"))
}

fn random_u64() -> u64 {
    // Two draws of 32 bits each; Math.random has 52 bits of randomness.
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (hi << 32) | lo
}

fn random_nonce() -> String {
    format!("{:016x}{:016x}", random_u64(), random_u64())
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

fn copy_text(text: &str) {
    if let Some(w) = win() {
        let _promise = w.navigator().clipboard().write_text(text);
    }
}

fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

fn input_id(index: usize, field: Field) -> String {
    format!("s{index}-{}", field.name())
}

fn post_height() {
    let Some(w) = win() else { return };
    let height = document()
        .document_element()
        .map_or(0, |e| e.scroll_height());
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    if let Ok(Some(parent)) = w.parent() {
        let _ = parent.post_message(&message, "*");
    }
}

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
        let stored = win()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(THEME_KEY).ok().flatten());
        match stored.as_deref() {
            Some("light") => Self::Light,
            Some("dark") => Self::Dark,
            _ => Self::System,
        }
    }

    fn apply(self) {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", self.as_str());
        }
        if let Some(storage) = win().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(THEME_KEY, self.as_str());
        }
    }
}

/// How long typing must pause before the link is rewritten.
const FRAGMENT_DELAY_MS: u64 = 150;

/// Writes the link's fragment: a new history entry (`push`) or the current one replaced.
fn write_fragment(wanted: &str, push: bool) {
    if location_hash() == wanted {
        return;
    }
    let Some(history) = win().and_then(|w| w.history().ok()) else {
        return;
    };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(wanted))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(wanted))
    };
}

/// The page's signals.
#[derive(Clone, Copy)]
struct Ctx {
    state: RwSignal<State>,
    output: Memo<Output>,
    /// The cards: the last list that parsed.
    cards: Memo<Vec<BackendServer>>,
    /// Whether the cards show the raw text as it is now.
    cards_live: Memo<bool>,
    /// The next state change makes a new history entry (an example, a fix, a card added…);
    /// typing replaces the current one.
    push: StoredValue<bool>,
    status: RwSignal<String>,
    raw_ref: NodeRef<html::Textarea>,
}

impl Ctx {
    /// A discrete change: a new history entry, so the back button undoes it.
    fn commit(&self, f: impl FnOnce(&mut State)) {
        self.push.set_value(true);
        self.state.update(f);
    }

    fn say(&self, text: impl Into<String>) {
        self.status.set(text.into());
    }

    fn copy(&self, text: &str, what: &str) {
        copy_text(text);
        self.say(format!("{what} copied to the clipboard."));
    }
}

#[component]
fn App() -> impl IntoView {
    let embed = is_embed();
    let (initial, notice) = initial_state();
    let state = RwSignal::new(initial);
    let nonce = random_nonce();
    let entropy = random_u64();
    let output = Memo::new(move |_| {
        let env = Env {
            now: now(),
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

    // The link follows the state: other changes push a history entry at once; typing replaces
    // the current one once the typing pauses (`history.replaceState` is the dearest part of a
    // keystroke), and a pending replacement is written before any push, so back returns to it.
    let fragment = Memo::new(move |_| output.with(|o| o.fragment.clone()));
    let pending: StoredValue<Option<(TimeoutHandle, String)>> = StoredValue::new(None);
    Effect::new(move |_| {
        let wanted = format!("#{}", fragment.get());
        let push = ctx.push.get_value();
        ctx.push.set_value(false);
        if let Some((handle, earlier)) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
            if push {
                write_fragment(&earlier, false);
            }
        }
        if location_hash() == wanted {
            return;
        }
        if push {
            write_fragment(&wanted, true);
            return;
        }
        let later = wanted.clone();
        let scheduled = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                write_fragment(&later, false);
            },
            std::time::Duration::from_millis(FRAGMENT_DELAY_MS),
        );
        match scheduled {
            Ok(handle) => pending.set_value(Some((handle, wanted))),
            Err(_) => write_fragment(&wanted, false),
        }
    });
    // Back and forward restore the state the link holds (the secrets stay as they are).
    let _ = window_event_listener(ev::popstate, move |_| {
        if let Some((handle, _)) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if let Ok(from_link) = from_fragment(&location_hash()) {
            state.update(|s| {
                let secrets = std::mem::take(&mut s.secrets);
                *s = State {
                    secrets,
                    ..from_link
                };
            });
        }
    });

    let theme = RwSignal::new(Theme::stored());
    Effect::new(move |_| theme.get().apply());

    if embed {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embed");
        }
        Effect::new(move |_| {
            output.track();
            request_animation_frame(post_height);
        });
        let _ = window_event_listener(ev::resize, move |_| post_height());
    }

    view! {
        <a class="skip" href="#form">"Skip to the form"</a>
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
                <button type="button" on:click=move |_| {
                    if let Some(href) = win().and_then(|w| w.location().href().ok()) {
                        ctx.copy(&href, "Link");
                    }
                }>"Copy link"</button>
                <button type="button" on:click=move |_| {
                    let link = win().and_then(|w| w.location().href().ok()).unwrap_or_default();
                    let md = state.with(|s| output.with(|o| to_markdown(s, o, &link)));
                    ctx.copy(&md, "Markdown");
                }>"Copy as Markdown"</button>
                <EmbedButton/>
                <button
                    type="button"
                    class="theme"
                    aria-label=move || format!("Theme: {} (change)", theme.get().as_str())
                    on:click=move |_| theme.update(|t| *t = t.next())
                >
                    {move || format!("Theme: {}", theme.get().as_str())}
                </button>
            </div>
        </header>
        <p class="status" role="status" aria-live="polite">{move || ctx.status.get()}</p>
        <main class="layout">
            <div class="col">
                <Form/>
            </div>
            <div class="col">
                <Diagnostics/>
                <RequestPanel/>
                <ResponsePanel/>
                <SnippetsPanel/>
            </div>
        </main>
        <footer class="site">
            <p>
                "Diagnostics follow the service's checks in order; the first error is what a real call answers. "
                "The page keeps its state in the link (never the AccessKey) and makes no network request."
            </p>
        </footer>
    }
}

#[component]
fn ExamplesMenu() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let menu: NodeRef<html::Details> = NodeRef::new();
    let items = examples::all()
        .into_iter()
        .map(|ex| {
            let label = ex.label.clone();
            view! {
                <li>
                    <button type="button" on:click=move |_| {
                        let example = ex.state.clone();
                        ctx.commit(|s| *s = s.with_request_of(&example));
                        if let Some(d) = menu.get() {
                            d.set_open(false);
                        }
                        ctx.say(format!("Loaded the example “{}”.", ex.label));
                        focus_id("RegionId");
                    }>{label}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details
            class="menu"
            node_ref=menu
            on:keydown=move |ev: ev::KeyboardEvent| {
                if ev.key() == "Escape"
                    && let Some(d) = menu.get()
                {
                    d.set_open(false);
                    if let Ok(Some(summary)) = d.query_selector("summary")
                        && let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>()
                    {
                        let _ = summary.focus();
                    }
                }
            }
        >
            <summary>"Examples"</summary>
            <ul class="menu-list">{items}</ul>
        </details>
    }
}

#[component]
fn EmbedButton() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let snippet = move || {
        let fragment = ctx.output.with(|o| o.fragment.clone());
        let base = win()
            .and_then(|w| {
                let l = w.location();
                Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
            })
            .unwrap_or_default();
        format!(
            "<iframe src=\"{base}?embed#{fragment}\" title=\"CreateMasterSlaveServerGroup playground\" \
             style=\"width:100%;height:640px;border:0\" loading=\"lazy\"></iframe>\n\
             <script>addEventListener(\"message\",e=>{{if(e.data&&e.data.type===\"{HEIGHT_MESSAGE}\")\
             for(const f of document.getElementsByTagName(\"iframe\"))\
             if(f.contentWindow===e.source)f.style.height=e.data.height+\"px\"}})</script>"
        )
    };
    view! {
        <button
            type="button"
            id="embed-button"
            aria-expanded=move || open.get().to_string()
            aria-controls="embed-panel"
            on:click=move |_| open.update(|o| *o = !*o)
        >"Embed"</button>
        <Show when=move || open.get()>
            <div
                class="popover"
                id="embed-panel"
                on:keydown=move |ev: ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        open.set(false);
                        focus_id("embed-button");
                    }
                }
            >
                <label for="embed-snippet">"Embed snippet"</label>
                <textarea id="embed-snippet" readonly rows="6" prop:value=snippet></textarea>
                <button type="button" on:click=move |_| ctx.copy(&snippet(), "Embed snippet")>
                    "Copy snippet"
                </button>
            </div>
        </Show>
    }
}

#[component]
fn TextField(
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

#[component]
fn Form() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let regions = slb_msgroup::endpoint::REGIONS
        .iter()
        .map(|(r, _)| view! { <option value={*r}></option> })
        .collect_view();
    let count = Memo::new(move |_| ctx.cards.with(Vec::len));
    view! {
        <section id="form" class="panel" aria-labelledby="form-h">
            <h2 id="form-h">"Request parameters"</h2>
            <TextField
                id="RegionId"
                list="regions"
                hint="cn-hangzhou"
                get=|s| s.region_id.clone()
                set=|s, v| s.region_id = v
            />
            <datalist id="regions">{regions}</datalist>
            <TextField
                id="LoadBalancerId"
                hint="lb-bp1hv944r69al4j9jkmvx"
                get=|s| s.load_balancer_id.clone()
                set=|s, v| s.load_balancer_id = v
            />
            <TextField
                id="MasterSlaveServerGroupName"
                hint="optional"
                get=|s| s.group_name.clone()
                set=|s, v| s.group_name = v
            />
            <h3 class="servers-h">"Backend servers"</h3>
            <Show when=move || !ctx.cards_live.get()>
                <p class="note">
                    "The raw text below does not parse as a list of servers: the cards show the last list that did. "
                    "Editing a card replaces the raw text."
                </p>
            </Show>
            <div class="cards">
                <For
                    each=move || 0..count.get()
                    key=|i| *i
                    children=move |index| view! { <ServerCard index/> }
                />
            </div>
            <div class="row">
                <button type="button" on:click=move |_| {
                    let text = state::add_server(&ctx.cards.get_untracked());
                    ctx.commit(|s| s.servers = text);
                    let n = ctx.cards.with_untracked(Vec::len);
                    ctx.say(format!("Added Server {n}."));
                }>"Add server"</button>
                <button type="button" disabled=move || count.get() < 2 on:click=move |_| {
                    let text = state::swap_roles(&ctx.cards.get_untracked());
                    ctx.commit(|s| s.servers = text);
                    ctx.say("Swapped the roles.");
                }>"Swap roles"</button>
            </div>
            <RawEditor/>
        </section>
    }
}

#[component]
fn ServerCard(index: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let legend_id = format!("server-{index}-h");
    let labelled_by = legend_id.clone();
    let title = format!("Server {}", index + 1);
    let remove_label = format!("Remove {title}");
    let text = move |field: Field| {
        move || {
            ctx.cards
                .with(|c| c.get(index).map(|s| field_text(s, field)))
                .unwrap_or_default()
        }
    };
    let edit = move |field: Field| {
        move |ev: ev::Event| {
            let value = event_target_value(&ev);
            let raw = state::edit_server(&ctx.cards.get_untracked(), index, field, &value);
            ctx.state.update(|s| s.servers = raw);
        }
    };
    let input = move |field: Field, hint: &'static str, mode: &'static str| {
        let id = input_id(index, field);
        view! {
            <div class="field">
                <label for=id.clone()>{field.name()}</label>
                <input
                    id=id
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    inputmode=mode
                    placeholder=hint
                    prop:value=text(field)
                    on:input=edit(field)
                />
            </div>
        }
    };
    let choice = move |field: Field, options: &'static [(&'static str, &'static str)]| {
        let id = input_id(index, field);
        let current = text(field);
        view! {
            <div class="field">
                <label for=id.clone()>{field.name()}</label>
                <select id=id on:change=edit(field)>
                    {move || {
                        let now = current();
                        let mut views: Vec<_> = options
                            .iter()
                            .map(|(value, label)| {
                                view! { <option value={*value} selected={now == *value}>{*label}</option> }
                                    .into_any()
                            })
                            .collect();
                        if !options.iter().any(|(v, _)| *v == now) {
                            let shown = format!("{now} (not valid)");
                            views.push(
                                view! { <option value=now.clone() selected=true>{shown}</option> }
                                    .into_any(),
                            );
                        }
                        views
                    }}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="card" aria-labelledby=labelled_by>
            <legend id=legend_id>{title}</legend>
            <div class="grid">
                {input(Field::ServerId, "i-bp1…", "text")}
                {input(Field::Port, "1-65535", "numeric")}
                {input(Field::Weight, "100", "numeric")}
                {choice(
                    Field::ServerType,
                    &[("", "(Master)"), ("Master", "Master"), ("Slave", "Slave")],
                )}
                {choice(
                    Field::Type,
                    &[("", "(ecs)"), ("ecs", "ecs"), ("eni", "eni"), ("eci", "eci")],
                )}
                {input(Field::Description, "optional", "text")}
                {input(Field::ServerIp, "for eni and eci", "text")}
            </div>
            <button
                type="button"
                class="remove"
                aria-label=remove_label
                on:click=move |_| {
                    let text = state::remove_server(&ctx.cards.get_untracked(), index);
                    ctx.commit(|s| s.servers = text);
                    ctx.say(format!("Removed Server {}.", index + 1));
                }
            >"Remove"</button>
        </fieldset>
    }
}

/// One piece of the raw text in the underline layer.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    text: String,
    class: Option<&'static str>,
}

/// Splits the raw text at the diagnostics' spans (UTF-8 offsets), first come first served.
fn pieces(raw: &str, diagnostics: &[Diagnostic]) -> Vec<Piece> {
    let mut spans: Vec<(usize, usize, &'static str)> = diagnostics
        .iter()
        .filter_map(|d| {
            let span = d.span?;
            let class = match (d.severity, span.is_empty()) {
                (Severity::Error, false) => "err",
                (Severity::Warning, false) => "warn",
                (Severity::Error, true) => "err at",
                (Severity::Warning, true) => "warn at",
            };
            Some((span.start.min(raw.len()), span.end.min(raw.len()), class))
        })
        .collect();
    spans.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, class) in spans {
        if start < at || !raw.is_char_boundary(start) || !raw.is_char_boundary(end) {
            continue;
        }
        out.push(Piece {
            text: raw[at..start].to_owned(),
            class: None,
        });
        out.push(Piece {
            text: raw[start..end].to_owned(),
            class: Some(class),
        });
        at = end;
    }
    // A trailing newline needs a character after it to take its height.
    out.push(Piece {
        text: format!("{} ", &raw[at..]),
        class: None,
    });
    out
}

#[component]
fn RawEditor() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let backdrop: NodeRef<html::Div> = NodeRef::new();
    let marks = Memo::new(move |_| {
        let raw = ctx.state.with(|s| s.servers.clone());
        ctx.output.with(|o| pieces(&raw, &o.diagnostics))
    });
    view! {
        <div class="field raw">
            <label for="MasterSlaveBackendServers">"MasterSlaveBackendServers"</label>
            <div class="editor">
                <div class="backdrop" aria-hidden="true" node_ref=backdrop>
                    {move || {
                        marks
                            .get()
                            .into_iter()
                            .map(|p| match p.class {
                                Some(class) => view! { <mark class=class>{p.text}</mark> }.into_any(),
                                None => p.text.into_any(),
                            })
                            .collect_view()
                    }}
                </div>
                <textarea
                    id="MasterSlaveBackendServers"
                    node_ref=ctx.raw_ref
                    rows="7"
                    spellcheck="false"
                    autocomplete="off"
                    aria-describedby="raw-hint"
                    prop:value=move || ctx.state.with(|s| s.servers.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        ctx.state.update(|s| s.servers = value);
                    }
                    on:scroll=move |_| {
                        if let (Some(b), Some(t)) = (backdrop.get(), ctx.raw_ref.get()) {
                            b.set_scroll_top(t.scroll_top());
                            b.set_scroll_left(t.scroll_left());
                        }
                    }
                ></textarea>
            </div>
            <p id="raw-hint" class="hint">
                "The raw string the API takes: JSON, or the single-quoted form of the API reference and Terraform."
            </p>
        </div>
    }
}

/// Focuses the field a diagnostic is about, or selects its span in the raw editor.
fn go_to(ctx: Ctx, d: &Diagnostic) {
    match target_of(&d.path) {
        Some(Target::Card(index, field))
            if ctx.cards_live.get_untracked() && index < ctx.cards.with_untracked(Vec::len) =>
        {
            focus_id(&input_id(index, field));
        }
        Some(Target::RegionId) => focus_id("RegionId"),
        Some(Target::LoadBalancerId) => focus_id("LoadBalancerId"),
        Some(Target::GroupName) => focus_id("MasterSlaveServerGroupName"),
        _ => {
            let Some(textarea) = ctx.raw_ref.get_untracked() else {
                return;
            };
            let _ = textarea.focus();
            if let Some(span) = d.span {
                let raw = ctx.state.with_untracked(|s| s.servers.clone());
                let start = slb_msgroup::text::utf16_offset(&raw, span.start) as u32;
                let end = slb_msgroup::text::utf16_offset(&raw, span.end) as u32;
                let _ = textarea.set_selection_range(start, end);
            }
        }
    }
}

#[component]
fn Diagnostics() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let diagnostics = Memo::new(move |_| ctx.output.with(|o| o.diagnostics.clone()));
    let summary = move || {
        diagnostics.with(|ds| {
            let errors = ds.iter().filter(|d| d.is_error()).count();
            let warnings = ds.len() - errors;
            match (errors, warnings) {
                (0, 0) => "Valid: the service would accept this request.".to_owned(),
                (0, w) => format!("Valid, with {w} warning{}.", if w == 1 { "" } else { "s" }),
                (e, w) => format!(
                    "{e} error{}, {w} warning{}. The first error is what the service answers.",
                    if e == 1 { "" } else { "s" },
                    if w == 1 { "" } else { "s" }
                ),
            }
        })
    };
    let item = move |d: Diagnostic| {
        let class = if d.is_error() {
            "diag err"
        } else {
            "diag warn"
        };
        let status = d
            .http_status
            .map_or_else(|| "warning".to_owned(), |s| format!("HTTP {s}"));
        let fix = d.fix.clone().map(|fix| {
            let label = fix.label.clone();
            view! {
                <button type="button" class="fix" on:click=move |_| {
                    let raw = ctx.state.with_untracked(|s| s.servers.clone());
                    if let Some(fixed) = fix.apply(&raw) {
                        ctx.commit(|s| s.servers = fixed);
                        ctx.say(format!("Applied the fix: {}.", fix.label));
                    }
                }>{format!("Fix: {label}")}</button>
            }
        });
        let code = d.code.as_str();
        let to = d.clone();
        view! {
            <li class=class>
                <div class="diag-head">
                    <button type="button" class="code" on:click=move |_| go_to(ctx, &to)>
                        {code}
                    </button>
                    <span class="badge">{status}</span>
                    <code class="path">{d.path.clone()}</code>
                </div>
                <p class="message">{d.message.clone()}</p>
                <p class="detail">{d.detail.clone()}</p>
                {fix}
            </li>
        }
    };
    view! {
        <section
            class="panel diagnostics"
            role="region"
            aria-labelledby="diag-h"
            aria-live="polite"
        >
            <h2 id="diag-h">"Diagnostics"</h2>
            <p class=move || {
                if diagnostics.with(|d| d.iter().any(Diagnostic::is_error)) {
                    "summary bad"
                } else {
                    "summary good"
                }
            }>{summary}</p>
            <ul class="diag-list">
                {move || diagnostics.get().into_iter().map(item).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn RequestPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let built = Memo::new(move |_| ctx.output.with(|o| o.request.clone()));
    let url = move || built.with(|b| b.as_ref().map(|r| r.url.clone()).unwrap_or_default());
    let method = move || {
        built.with(|b| {
            b.as_ref()
                .map(|r| {
                    format!(
                        "{} {}",
                        r.method.as_str(),
                        if r.signed { "· signed" } else { "· unsigned" }
                    )
                })
                .unwrap_or_default()
        })
    };
    let problem = move || built.with(|b| b.as_ref().err().cloned());
    let steps = move || {
        built.with(|b| {
            let Ok(r) = b else { return Vec::new() };
            let mut out = Vec::new();
            if let Some(q) = &r.canonical_query {
                out.push(("Canonical query", q.clone()));
            }
            if let Some(c) = &r.canonical_request {
                out.push(("Canonical request", c.clone()));
            }
            if let Some(s) = &r.string_to_sign {
                out.push(("StringToSign", s.clone()));
            }
            if let Some(s) = &r.signature {
                out.push(("Signature", s.clone()));
            }
            if !r.headers.is_empty() {
                let headers = r
                    .headers
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join("\n");
                out.push(("Headers", headers));
            }
            out
        })
    };
    let sig_value = move || match ctx.state.with(|s| s.signature) {
        None => "auto",
        Some(SignatureVersion::None) => "none",
        Some(SignatureVersion::V1) => "v1",
        Some(SignatureVersion::V3) => "v3",
    };
    let method_value = move || match ctx.state.with(|s| s.method) {
        None => "auto",
        Some(Method::Get) => "get",
        Some(Method::Post) => "post",
    };
    view! {
        <section class="panel" aria-labelledby="request-h">
            <h2 id="request-h">"Request"</h2>
            <div class="out-head">
                <label for="request-url">"Request URL"</label>
                <span class="badge">{method}</span>
                <button type="button" on:click=move |_| ctx.copy(&url(), "Request URL")>
                    "Copy URL"
                </button>
            </div>
            <textarea id="request-url" class="out" readonly rows="4" prop:value=url></textarea>
            {move || problem().map(|p| view! { <p class="note">{p}</p> })}
            <details class="signing">
                <summary>"Sign the request (optional)"</summary>
                <p class="hint">
                    "The AccessKey stays in this tab's memory: never in the link, storage or logs."
                </p>
                <div class="grid">
                    <div class="field">
                        <label for="AccessKeyId">"AccessKeyId"</label>
                        <input
                            id="AccessKeyId"
                            type="text"
                            autocomplete="off"
                            spellcheck="false"
                            prop:value=move || ctx.state.with(|s| s.secrets.access_key_id.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.state.update(|s| s.secrets.access_key_id = v);
                            }
                        />
                    </div>
                    <div class="field">
                        <label for="AccessKeySecret">"AccessKeySecret"</label>
                        <input
                            id="AccessKeySecret"
                            type="password"
                            autocomplete="new-password"
                            spellcheck="false"
                            prop:value=move || ctx.state.with(|s| s.secrets.access_key_secret.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.state.update(|s| s.secrets.access_key_secret = v);
                            }
                        />
                    </div>
                    <div class="field">
                        <label for="signature">"Signature"</label>
                        <select
                            id="signature"
                            prop:value=sig_value
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.commit(|s| s.signature = SignatureVersion::parse(&v));
                            }
                        >
                            <option value="auto">"auto (v1 with an AccessKey)"</option>
                            <option value="none">"none (unsigned)"</option>
                            <option value="v1">"v1 HMAC-SHA1"</option>
                            <option value="v3">"v3 ACS3-HMAC-SHA256"</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="method">"Method"</label>
                        <select
                            id="method"
                            prop:value=method_value
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.commit(|s| s.method = Method::parse(&v));
                            }
                        >
                            <option value="auto">"auto"</option>
                            <option value="get">"GET"</option>
                            <option value="post">"POST"</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="Timestamp">"Timestamp"</label>
                        <input
                            id="Timestamp"
                            type="text"
                            placeholder="now (or fixed: 2026-01-02T03:04:05Z)"
                            spellcheck="false"
                            prop:value=move || ctx.state.with(|s| s.timestamp.clone().unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.state.update(|s| s.timestamp = (!v.is_empty()).then_some(v));
                            }
                        />
                    </div>
                    <div class="field">
                        <label for="SignatureNonce">"SignatureNonce"</label>
                        <input
                            id="SignatureNonce"
                            type="text"
                            placeholder="random"
                            spellcheck="false"
                            prop:value=move || ctx.state.with(|s| s.nonce.clone().unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.state.update(|s| s.nonce = (!v.is_empty()).then_some(v));
                            }
                        />
                    </div>
                </div>
                {move || {
                    steps()
                        .into_iter()
                        .map(|(name, value)| {
                            let copied = value.clone();
                            view! {
                                <div class="step">
                                    <div class="out-head">
                                        <h3>{name}</h3>
                                        <button
                                            type="button"
                                            aria-label=format!("Copy {name}")
                                            on:click=move |_| ctx.copy(&copied, name)
                                        >"Copy"</button>
                                    </div>
                                    <pre tabindex="0">{value}</pre>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </details>
        </section>
    }
}

#[component]
fn ResponsePanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let response = Memo::new(move |_| ctx.output.with(|o| o.response.clone()));
    let format = Memo::new(move |_| ctx.state.with(|s| s.format));
    let tab = move |f: Format| {
        let id = format!("tab-{}", f.as_str().to_ascii_lowercase());
        view! {
            <button
                type="button"
                role="tab"
                id=id
                aria-controls="response-panel"
                aria-selected=move || (format.get() == f).to_string()
                tabindex=move || if format.get() == f { "0" } else { "-1" }
                on:click=move |_| ctx.commit(|s| s.format = f)
                on:keydown=move |ev: ev::KeyboardEvent| {
                    let other = match f {
                        Format::Json => Format::Xml,
                        Format::Xml => Format::Json,
                    };
                    if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
                        ev.prevent_default();
                        ctx.commit(|s| s.format = other);
                        focus_id(&format!("tab-{}", other.as_str().to_ascii_lowercase()));
                    }
                }
            >{f.as_str()}</button>
        }
    };
    let body = move || response.with(|r| r.body.clone());
    view! {
        <section class="panel" aria-labelledby="response-h">
            <h2 id="response-h">"Response"</h2>
            <div class="out-head">
                <div role="tablist" aria-label="Response format" class="tabs">
                    {tab(Format::Json)}
                    {tab(Format::Xml)}
                </div>
                <label for="shape" class="inline">"Shape"</label>
                <select
                    id="shape"
                    prop:value=move || {
                        match ctx.state.with(|s| s.shape) {
                            Shape::Service => "service",
                            Shape::Documented => "documented",
                        }
                    }
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.commit(|s| s.shape = Shape::parse(&v).unwrap_or_default());
                    }
                >
                    <option value="service">"service (what the SDKs read)"</option>
                    <option value="documented">"documented (the reference's examples)"</option>
                </select>
            </div>
            <div id="response-panel" role="tabpanel" aria-labelledby=move || {
                format!("tab-{}", format.get().as_str().to_ascii_lowercase())
            }>
                <p class=move || {
                    if response.with(|r| r.status == 200) { "status-line good" } else { "status-line bad" }
                }>
                    <code>{move || response.with(status_line)}</code>
                    " "
                    <span class="ctype">{move || response.with(|r| r.content_type)}</span>
                </p>
                <div class="out-head">
                    <span id="response-body-label" class="label">"Response body"</span>
                    <button type="button" on:click=move |_| ctx.copy(&body(), "Response body")>
                        "Copy body"
                    </button>
                </div>
                <pre class="out body" tabindex="0" aria-labelledby="response-body-label">{body}</pre>
            </div>
        </section>
    }
}

#[component]
fn SnippetsPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(0_usize);
    // Computed only while the panel is open: typing elsewhere does not pay for ten snippets.
    let all = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let request = ctx.state.with(state::to_request);
        // None for a request no host can be made for: the request panel says why.
        slb_msgroup::snippets::snippets(&request, &slb_msgroup::snippets::SnippetOptions::default())
            .unwrap_or_default()
    });
    let count = slb_msgroup::snippets::IDS.len();
    let code = move || {
        all.with(|a| {
            a.get(chosen.get())
                .map(|s| s.code.clone())
                .unwrap_or_default()
        })
    };
    let tabs = move || {
        all.with(|a| {
            a.iter()
                .enumerate()
                .map(|(i, s)| {
                    let id = format!("snippet-tab-{i}");
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=id
                            aria-controls="snippet-panel"
                            aria-selected=move || (chosen.get() == i).to_string()
                            tabindex=move || if chosen.get() == i { "0" } else { "-1" }
                            on:click=move |_| chosen.set(i)
                            on:keydown=move |ev: ev::KeyboardEvent| {
                                let next = match ev.key().as_str() {
                                    "ArrowRight" => (i + 1) % count,
                                    "ArrowLeft" => (i + count - 1) % count,
                                    _ => return,
                                };
                                ev.prevent_default();
                                chosen.set(next);
                                focus_id(&format!("snippet-tab-{next}"));
                            }
                        >{s.label}</button>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel" aria-labelledby="snippets-h">
            <details on:toggle=move |ev| {
                let now_open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                open.set(now_open);
            }>
                <summary><h2 id="snippets-h" class="inline-h">"Code snippets"</h2></summary>
                <p class="hint">
                    "Every snippet reads ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET from the environment."
                </p>
                <div role="tablist" aria-label="Snippet" class="tabs wrap">{tabs}</div>
                <div class="out-head">
                    <span id="snippet-label" class="label">
                        {move || all.with(|a| a.get(chosen.get()).map(|s| s.label).unwrap_or_default())}
                    </span>
                    <button type="button" on:click=move |_| ctx.copy(&code(), "Snippet")>"Copy snippet"</button>
                </div>
                <pre id="snippet-panel" role="tabpanel" tabindex="0" aria-labelledby="snippet-label">{code}</pre>
            </details>
        </section>
    }
}

/// The verdict in the header, linking to the diagnostics: on a narrow screen they are far below.
#[component]
fn Verdict() -> impl IntoView {
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
