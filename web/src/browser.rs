//! The browser glue, in one place: the location and its fragment, the clipboard, focus, the
//! height messages an embedding page listens to, the theme's storage, the clock and randomness.
//! Components call these; nothing else touches `web_sys` for them.

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};

/// The message type an embedding page listens for.
pub const HEIGHT_MESSAGE: &str = "slb-msgroup:height";
/// The `localStorage` key of the theme (the only thing the page stores).
const THEME_KEY: &str = "slb-msgroup-theme";

fn win() -> Option<web_sys::Window> {
    web_sys::window()
}

// ---------------------------------------------------------------------------------------------
// The location and its fragment

/// `location.hash`, with its `#`; empty when there is none.
pub fn location_hash() -> String {
    win()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `location.href`: the link to this state.
pub fn location_href() -> String {
    win()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment (`origin` + `pathname`).
pub fn page_base() -> String {
    win()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// `location.search`, with its `?` (`?embed&show=form`); empty when there is none.
pub fn location_search() -> String {
    win()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Writes the link's fragment: a new history entry (`push`) or the current one replaced.
pub fn write_fragment(wanted: &str, push: bool) {
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

// ---------------------------------------------------------------------------------------------
// Clipboard and focus

/// Puts `text` on the clipboard (fire and forget).
pub fn copy_text(text: &str) {
    if let Some(w) = win() {
        let _promise = w.navigator().clipboard().write_text(text);
    }
}

/// Whether the page has an element with this id (a card outside the window has none).
pub fn has_element(id: &str) -> bool {
    document().get_element_by_id(id).is_some()
}

/// Focuses the element with this id, if there is one.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the first of these ids that is on the page.
pub fn focus_first(ids: &[&str]) {
    if let Some(el) = ids
        .iter()
        .find_map(|id| document().get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

// ---------------------------------------------------------------------------------------------
// Embedding

/// Marks `<html>` as embedded (the `.embed` styles).
pub fn mark_embedded() {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("embed");
    }
}

/// Tells the parent page how tall the content is, `{type: "slb-msgroup:height", height}`, each
/// time `content` changes size, growing or shrinking. (The document's `scrollHeight` never
/// drops below the frame's own height, so a frame sized by it could only grow.)
pub fn report_height(content: &web_sys::Element) {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            if let Some(el) = entries
                .get(0)
                .dyn_into::<web_sys::ResizeObserverEntry>()
                .ok()
                .map(|e| e.target())
            {
                post_height(&el);
            }
        },
    );
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(content);
        // The observer and its callback live as long as the page.
        callback.forget();
        std::mem::forget(observer);
    }
    post_height(content);
}

fn post_height(content: &web_sys::Element) {
    let Some(w) = win() else { return };
    let height = content.get_bounding_client_rect().height().ceil();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
    if let Ok(Some(parent)) = w.parent() {
        let _ = parent.post_message(&message, "*");
    }
}

// ---------------------------------------------------------------------------------------------
// The theme

/// The theme stored by an earlier visit (`light`, `dark`, `system`), if any.
pub fn stored_theme() -> Option<String> {
    win()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
}

/// Sets `<html data-theme>` and stores the choice.
pub fn apply_theme(name: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", name);
    }
    if let Some(storage) = win().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(THEME_KEY, name);
    }
}

// ---------------------------------------------------------------------------------------------
// Clock and randomness (injected into the pure code as `state::Env` and an entropy seed)

/// The current UTC time as `YYYY-MM-DDThh:mm:ssZ`.
pub fn now() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.get(..19).map_or(iso.clone(), |s| format!("{s}Z"))
}

/// The current time in Unix seconds (the check's timestamp window).
pub fn unix_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

pub fn random_u64() -> u64 {
    // Two draws of 32 bits each; Math.random has 52 bits of randomness.
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (hi << 32) | lo
}

pub fn random_nonce() -> String {
    format!("{:016x}{:016x}", random_u64(), random_u64())
}

// ---------------------------------------------------------------------------------------------
// The check engine: a second wasm module, loaded when the "Check a request" view first opens

/// The global function `boot.js` defines: it imports the check chunk (`check-<hash>.js`, the
/// engine's wasm deflated and inlined as the page's own is) and resolves to its `check`
/// function. A dynamic `import()` of the page's own file is what the Content-Security-Policy
/// allows (`script-src 'self'`); the single-file build resolves it from its inline copy.
const CHECK_LOADER: &str = "slbMsgroupLoadCheck";

thread_local! {
    static CHECK: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

fn describe_error(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Loads the check engine (once; later calls return at once).
pub async fn load_check_engine() -> Result<(), String> {
    if CHECK.with_borrow(Option::is_some) {
        return Ok(());
    }
    let loader = win()
        .and_then(|w| js_sys::Reflect::get(&w, &CHECK_LOADER.into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the page has no {CHECK_LOADER} (boot.js)"))?;
    let promise = loader
        .call0(&JsValue::NULL)
        .map_err(|e| describe_error(&e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| format!("{CHECK_LOADER} did not return a promise"))?;
    let check = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| describe_error(&e))?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| "the check chunk gave no function".to_owned())?;
    CHECK.set(Some(check));
    Ok(())
}

/// Runs the loaded check engine: its reply as JSON (`slb_msgroup_web_check::Reply`).
pub fn run_check(
    input: &str,
    now: i64,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    string_to_sign: Option<String>,
) -> Result<String, String> {
    let check = CHECK
        .with_borrow(Clone::clone)
        .ok_or_else(|| "the check engine is not loaded".to_owned())?;
    let text = |s: Option<String>| s.map_or(JsValue::UNDEFINED, JsValue::from);
    let args = js_sys::Array::of5(
        &input.into(),
        &JsValue::from(now as f64),
        &text(access_key_id),
        &text(access_key_secret),
        &text(string_to_sign),
    );
    check
        .apply(&JsValue::NULL, &args)
        .map_err(|e| describe_error(&e))?
        .as_string()
        .ok_or_else(|| "the check engine returned no text".to_owned())
}
