//! The JavaScript boundary of the npm package `slb-msgroup`. It only converts: JS values to the
//! core's types (`JSON.stringify`, then one pass over the text for the common request of four
//! strings, else the core's JSON reader and serde, [`crate::json_de`]), a call into the core, and
//! the result back to plain JS objects (JSON text written here from the core's types, the shapes
//! of [`crate::api`], then one `JSON.parse`: cheaper than a crossing per field). The clock and randomness come from JS and are handed to the core as
//! [`Environment`]. Misuse (a request that is not an object, an unknown option, a malformed
//! timestamp) throws a JS `Error`; bad request data is never an exception, it is diagnostics.
//!
//! The TypeScript types of the package are generated from the core's types by `tsify` derives
//! (behind this same feature) and from the signatures below.

#[cfg(feature = "wasm-check")]
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::api::{self, ApiRequestOptions, ApiResponseOptions, ApiSnippetOptions, Environment};
use crate::model::Request;

/// Serializes as the JSON shapes of `api`: plain objects for maps, `null` for `None`.
#[cfg(feature = "wasm-check")]
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    // (serde_json's error is not formatted: writing into a String cannot fail, and its message
    // would bring std::io's error texts into the .wasm.)
    let json = serde_json::to_string(value)
        .map_err(|_| JsError::new("slb-msgroup: could not convert the result"))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new("slb-msgroup: could not convert the result"))
}

/// A report as the JSON text `JSON.parse` reads back into the shape of `api::ApiReport`
/// (`Report`, `Diagnostic`), written straight from the core's diagnostics: no copy into the API
/// types, no serializer, and spans counted in UTF-16 units of `raw` as `api::report` counts them.
fn report_to_js(raw: &str, report: &crate::diagnostic::Report) -> Result<JsValue, JsError> {
    let mut out = String::with_capacity(32 + 320 * report.diagnostics.len());
    out.push_str(if report.ok {
        "{\"ok\":true,\"diagnostics\":"
    } else {
        "{\"ok\":false,\"diagnostics\":"
    });
    write_diagnostics(raw, &report.diagnostics, &mut out);
    out.push('}');
    parse_json(&out)
}

/// `JSON.parse` of text written here.
fn parse_json(text: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(text).map_err(|_| JsError::new("slb-msgroup: could not convert the result"))
}

fn write_diagnostics(raw: &str, diagnostics: &[crate::diagnostic::Diagnostic], out: &mut String) {
    // Offsets into ASCII text are already UTF-16 offsets.
    let ascii = raw.is_ascii();
    let utf16 = |offset: usize| {
        if ascii {
            offset.min(raw.len())
        } else {
            crate::text::utf16_offset(raw, offset)
        }
    };
    let span = |start: usize, end: usize, out: &mut String| {
        out.push_str("{\"start\":");
        json_uint(utf16(start), out);
        out.push_str(",\"end\":");
        json_uint(utf16(end), out);
    };
    out.push('[');
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":");
        json_string(d.code.as_str(), out);
        out.push_str(match d.severity {
            crate::codes::Severity::Error => ",\"severity\":\"error\",\"httpStatus\":",
            crate::codes::Severity::Warning => ",\"severity\":\"warning\",\"httpStatus\":",
        });
        match d.http_status {
            Some(status) => json_uint(usize::from(status), out),
            None => out.push_str("null"),
        }
        out.push_str(",\"message\":");
        json_string(&d.message, out);
        out.push_str(",\"detail\":");
        json_string(&d.detail, out);
        out.push_str(",\"path\":");
        json_string(&d.path, out);
        out.push_str(",\"span\":");
        match d.span {
            Some(s) => {
                span(s.start, s.end, out);
                out.push('}');
            }
            None => out.push_str("null"),
        }
        out.push_str(",\"fix\":");
        match &d.fix {
            Some(fix) => {
                out.push_str("{\"label\":");
                json_string(&fix.label, out);
                out.push_str(",\"edits\":[");
                for (j, e) in fix.edits.iter().enumerate() {
                    if j > 0 {
                        out.push(',');
                    }
                    span(e.span.start, e.span.end, out);
                    out.push_str(",\"text\":");
                    json_string(&e.text, out);
                    out.push('}');
                }
                out.push_str("]}");
            }
            None => out.push_str("null"),
        }
        out.push('}');
    }
    out.push(']');
}

/// String pairs as a JSON object, in their order (a later duplicate key wins, as in JS).
fn json_object(pairs: &[(String, String)], out: &mut String) {
    out.push('{');
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(k, out);
        out.push(':');
        json_string(v, out);
    }
    out.push('}');
}

fn json_uint(n: usize, out: &mut String) {
    crate::json::write::push_uint(out, n as u64);
}

/// A JSON string literal, escaped as serde_json escapes it (the core's one JSON string writer).
fn json_string(s: &str, out: &mut String) {
    crate::json::write::push_string(out, s);
}

/// Reads a plain JS object into `T` in one pass: `JSON.stringify` on the JS side (which stops at a
/// cycle and at a BigInt with a `TypeError`, and skips `undefined`), then the core's own JSON
/// reader here ([`crate::json_de`]), whose depth bound keeps the work off the wasm stack's edge,
/// and serde's `deny_unknown_fields`, which names a misspelt key. No input can overflow the wasm
/// stack, so the module stays usable after any call.
fn from_object<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    crate::json_de::from_str(&json_text(value, Err)?)
}

/// The value as `JSON.stringify` writes it, with NaN and ±Infinity kept by name. Text over the
/// cap is not copied into wasm: `over_cap` gets the message and may name a better culprit.
fn json_text(
    value: &JsValue,
    over_cap: impl FnOnce(String) -> Result<(), String>,
) -> Result<String, String> {
    let text = js_sys::JSON::stringify(value).map_err(|e| unreadable(&e))?;
    if let Err(message) = too_long("the value as JSON", &text) {
        over_cap(message.clone())?;
        return Err(message);
    }
    let mut text = text.as_string().unwrap_or_default();
    // JSON writes NaN and ±Infinity as null: look again, and keep them as their names so the
    // validator can say what they were (only when a null is there at all: the common case pays
    // nothing).
    if text.contains("null") {
        let keep = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key, v: JsValue| match v
            .as_f64()
        {
            Some(f) if !f.is_finite() => JsValue::from_str(&crate::model::non_finite_name(f)),
            _ => v,
        });
        let again = js_sys::JSON::stringify_with_replacer(value, keep.as_ref().unchecked_ref())
            .map_err(|e| unreadable(&e))?;
        text = again.as_string().unwrap_or_default();
    }
    Ok(text)
}

/// Refuses a string longer than a request can be before its text is copied into wasm: past the
/// cap nothing is read, and the cost of the call stays bounded whatever was passed.
fn too_long(what: &str, text: &js_sys::JsString) -> Result<(), String> {
    let length = text.length() as usize;
    if length > api::MAX_REQUEST_JSON_BYTES {
        return Err(format!(
            "{what} is {length} characters long; at most {} are read (a parameter is at most 64 KiB)",
            api::MAX_REQUEST_JSON_BYTES
        ));
    }
    Ok(())
}

/// The message of what `JSON.stringify` threw (a cycle, a BigInt, a `toJSON` that throws).
fn unreadable(thrown: &JsValue) -> String {
    let message = thrown
        .dyn_ref::<js_sys::Error>()
        .and_then(|e| e.message().as_string())
        .unwrap_or_else(|| "it cannot be written as JSON".to_owned());
    let why = if message.contains("circular") {
        "it refers to itself (a cycle)".to_owned()
    } else if message.contains("BigInt") {
        "a BigInt is not a JSON number (give numbers as numbers or decimal strings)".to_owned()
    } else {
        message
    };
    format!("the value cannot be read as JSON: {why}")
}

/// `true` for a plain object (not an array, not a function).
fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value) && !value.is_function()
}

fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_owned()
    } else if js_sys::Array::is_array(value) {
        "an array".to_owned()
    } else {
        format!(
            "a value of type {}",
            value.js_typeof().as_string().unwrap_or_default()
        )
    }
}

/// The request argument: a plain object with the API's field names.
fn request(function: &str, value: JsValue) -> Result<Request, JsError> {
    if !is_plain_object(&value) {
        return Err(JsError::new(&format!(
            "{function}: the request must be an object such as {{ RegionId, LoadBalancerId, \
             MasterSlaveBackendServers, MasterSlaveServerGroupName }}, not {}",
            describe(&value)
        )));
    }
    let invalid = |e: String| JsError::new(&format!("{function}: invalid request: {e}"));
    json_text(&value, |too_long_message| {
        // Over the cap: name the parameter that is too long, when one is.
        for name in crate::request::PARAMETER_NAMES {
            let field = js_sys::Reflect::get(&value, &JsValue::from_str(name)).unwrap_or_default();
            if let Some(text) = field.dyn_ref::<js_sys::JsString>() {
                too_long(name, text)?;
            }
        }
        Err(too_long_message)
    })
    .and_then(|text| {
        // The common case in one pass; anything else through serde, for its messages.
        crate::json_de::flat_request(&text).map_or_else(|| crate::json_de::from_str(&text), Ok)
    })
    .map_err(invalid)
}

/// An optional options argument: `undefined` or `null` means the defaults.
fn options<T: DeserializeOwned + Default>(function: &str, value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !is_plain_object(&value) {
        return Err(JsError::new(&format!(
            "{function}: the options must be an object, not {}",
            describe(&value)
        )));
    }
    from_object(&value).map_err(|e| JsError::new(&format!("{function}: invalid options: {e}")))
}

/// 64 random bits: `crypto.getRandomValues` where there is one, else `Math.random`.
fn entropy() -> u64 {
    let words = js_sys::Uint32Array::new_with_length(2);
    let filled = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .filter(|c| c.is_object())
        .and_then(|crypto| {
            let get = js_sys::Reflect::get(&crypto, &JsValue::from_str("getRandomValues")).ok()?;
            let get: js_sys::Function = get.dyn_into().ok()?;
            get.call1(&crypto, &words).ok()
        })
        .is_some();
    if filled {
        (u64::from(words.get_index(0)) << 32) | u64::from(words.get_index(1))
    } else {
        let word = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (word() << 32) | word()
    }
}

/// The clock (`Date.now()`) and randomness of the JS host.
fn environment() -> Environment {
    Environment {
        unix_seconds: (js_sys::Date::now() / 1000.0) as u64,
        entropy: entropy(),
    }
}

/// Validates a request: every error (in the order the service checks them) and warning, with
/// spans in UTF-16 code units into the raw `MasterSlaveBackendServers` string. Bad input is
/// never an exception; a request that is not an object, or has an unknown field, throws.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
) -> Result<JsValue, JsError> {
    let request = self::request("validate", request)?;
    let (raw, report) = crate::rules::validate_with_raw(&request);
    report_to_js(raw.as_deref().unwrap_or(""), &report)
}

/// Parses a raw `MasterSlaveBackendServers` string the way the service reads it (JSON, or the
/// single-quoted form): the servers (`null` when it is not a list of objects) and the
/// diagnostics of the parse.
#[wasm_bindgen(js_name = parseServers, unchecked_return_type = "ParsedServers")]
pub fn parse_servers(raw: &str) -> Result<JsValue, JsError> {
    let (outcome, report) = crate::rules::parse_servers(raw);
    // The list as the API's JSON text: the same object once parsed as serde's shape.
    let mut out = String::from("{\"servers\":");
    match &outcome.servers {
        Some(list) => out.push_str(&crate::model::render_servers(list)),
        None => out.push_str("null"),
    }
    out.push_str(",\"diagnostics\":");
    write_diagnostics(raw, &report.diagnostics, &mut out);
    out.push('}');
    parse_json(&out)
}

/// Builds the request URL: unsigned, or signed with RPC v1 (HMAC-SHA1) or ACS3-HMAC-SHA256.
/// The timestamp defaults to now and the nonce to a random one. Throws on misuse: a timestamp
/// not in the form `YYYY-MM-DDThh:mm:ssZ`, signing without credentials, an unknown option.
#[wasm_bindgen(js_name = buildRequest, unchecked_return_type = "BuiltRequest")]
pub fn build_request(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsError> {
    let request = self::request("buildRequest", request)?;
    let options: ApiRequestOptions =
        self::options("buildRequest", options.unwrap_or(JsValue::UNDEFINED))?;
    let built = api::build_request(&request, &options, environment())
        .map_err(|e| JsError::new(&format!("buildRequest: {e}")))?;
    let mut out = String::from("{\"method\":");
    json_string(&built.method, &mut out);
    out.push_str(",\"url\":");
    json_string(&built.url, &mut out);
    out.push_str(",\"headers\":");
    json_object(&built.headers.0, &mut out);
    for (name, v) in [
        ("canonicalQuery", &built.canonical_query),
        ("stringToSign", &built.string_to_sign),
    ] {
        out.push_str(",\"");
        out.push_str(name);
        out.push_str("\":");
        match v {
            Some(v) => json_string(v, &mut out),
            None => out.push_str("null"),
        }
    }
    out.push_str(if built.signed {
        ",\"signed\":true}"
    } else {
        ",\"signed\":false}"
    });
    parse_json(&out)
}

/// Renders the response the service would give: HTTP 200 and a success body for a valid
/// request, else the first error's status and an error body. Ids are random unless given.
#[wasm_bindgen(js_name = renderResponse, unchecked_return_type = "RenderedResponse")]
pub fn render_response(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ResponseOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsError> {
    let request = self::request("renderResponse", request)?;
    let options: ApiResponseOptions =
        self::options("renderResponse", options.unwrap_or(JsValue::UNDEFINED))?;
    let response = api::render_response(&request, &options, environment());
    let mut out = String::from("{\"status\":");
    json_uint(usize::from(response.status), &mut out);
    out.push_str(",\"contentType\":");
    json_string(response.content_type, &mut out);
    out.push_str(",\"body\":");
    json_string(&response.body, &mut out);
    out.push('}');
    parse_json(&out)
}

/// Code snippets that send the request (curl, the `aliyun` CLI, the SDKs, Terraform): an object
/// from snippet id to code, in a stable order.
#[wasm_bindgen(unchecked_return_type = "Record<string, string>")]
pub fn snippets(
    #[wasm_bindgen(unchecked_param_type = "Request")] request: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SnippetOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsError> {
    let request = self::request("snippets", request)?;
    let options: ApiSnippetOptions =
        self::options("snippets", options.unwrap_or(JsValue::UNDEFINED))?;
    let snippets =
        api::snippets(&request, &options).map_err(|e| JsError::new(&format!("snippets: {e}")))?;
    let mut out = String::new();
    json_object(&snippets.0, &mut out);
    parse_json(&out)
}

/// The known SLB regions and their endpoints.
#[wasm_bindgen(unchecked_return_type = "Region[]")]
pub fn regions() -> Result<JsValue, JsError> {
    // Written directly, as `validate()`'s report is: no serializer for two string fields.
    let mut out = String::from("[");
    for (i, r) in api::regions().iter().enumerate() {
        out.push_str(if i == 0 {
            "{\"regionId\":"
        } else {
            ",{\"regionId\":"
        });
        json_string(&r.region_id, &mut out);
        out.push_str(",\"endpoint\":");
        json_string(&r.endpoint, &mut out);
        out.push('}');
    }
    out.push(']');
    parse_json(&out)
}

/// Every diagnostic code: errors in the order the service checks them, then warnings.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Result<JsValue, JsError> {
    let mut out = String::from("[");
    for (i, c) in api::error_codes().iter().enumerate() {
        out.push_str(if i == 0 { "{\"code\":" } else { ",{\"code\":" });
        json_string(&c.code, &mut out);
        out.push_str(",\"httpStatus\":");
        match c.http_status {
            Some(status) => json_uint(usize::from(status), &mut out),
            None => out.push_str("null"),
        }
        out.push_str(match c.severity {
            crate::codes::Severity::Error => ",\"severity\":\"error\",\"message\":",
            crate::codes::Severity::Warning => ",\"severity\":\"warning\",\"message\":",
        });
        json_string(&c.message, &mut out);
        out.push_str(",\"description\":");
        json_string(&c.description, &mut out);
        out.push('}');
    }
    out.push(']');
    parse_json(&out)
}

/// The package's version.
#[wasm_bindgen]
pub fn version() -> String {
    api::version().to_owned()
}

/// Checks a request as a client sent it, the way the service does: `input` is the text (a URL,
/// a curl command line or a raw HTTP/1.1 request) or `{ method, url, headers, body }`. The
/// report has `accepted`, `status`, the gateway's diagnostics then the API's, every step of the
/// signature and the decoded parameters. `now` defaults to the clock. Throws on misuse only: an
/// input that is neither a string nor such an object, an unknown option, a malformed `now`.
#[cfg(feature = "wasm-check")]
#[wasm_bindgen(js_name = checkRequest, unchecked_return_type = "CheckReport")]
pub fn check_request(
    #[wasm_bindgen(unchecked_param_type = "string | HttpRequestParts")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let input = if let Some(text) = input.as_string() {
        api::CheckInput::Text(text)
    } else if is_plain_object(&input) {
        api::CheckInput::Parts(
            from_object(&input)
                .map_err(|e| JsError::new(&format!("checkRequest: invalid request: {e}")))?,
        )
    } else {
        return Err(JsError::new(&format!(
            "checkRequest: the input must be the request's text or {{ method, url, headers, body }}, not {}",
            describe(&input)
        )));
    };
    let options: api::ApiCheckOptions =
        self::options("checkRequest", options.unwrap_or(JsValue::UNDEFINED))?;
    let report = api::check_request(&input, &options, environment())
        .map_err(|e| JsError::new(&format!("checkRequest: {e}")))?;
    to_js(&report)
}

/// The emulators of this instance, by handle. Handles and free functions rather than a class: a
/// wasm-bindgen class brings `[Symbol.dispose]` into the declarations, which TypeScript before
/// `lib: esnext` rejects. (wasm32 is single-threaded; the thread-local is the instance's.)
#[cfg(feature = "wasm-check")]
mod emulators {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    use crate::emulator::{LogFormat, Options, State};

    #[derive(Debug)]
    pub(super) struct Emulator {
        pub state: State,
        pub options: Options,
        pub log: LogFormat,
    }

    thread_local! {
        pub(super) static ALL: RefCell<(u32, BTreeMap<u32, Emulator>)> =
            const { RefCell::new((0, BTreeMap::new())) };
    }
}

/// What the handler answered, and the log line for it.
#[cfg(feature = "wasm-check")]
#[derive(Serialize)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    log: String,
}

#[cfg(feature = "wasm-check")]
fn with_emulator<T>(
    handle: u32,
    f: impl FnOnce(&mut emulators::Emulator) -> Result<T, JsError>,
) -> Result<T, JsError> {
    emulators::ALL.with(|all| {
        let mut all = all.borrow_mut();
        let emulator = all
            .1
            .get_mut(&handle)
            .ok_or_else(|| JsError::new("emulator: this emulator was closed"))?;
        f(emulator)
    })
}

#[cfg(feature = "wasm-check")]
fn answer(
    handled: crate::emulator::Handled,
    log: crate::emulator::LogFormat,
) -> Result<JsValue, JsError> {
    let line = crate::emulator::log_line(&handled.outcome, environment().unix_seconds, log);
    let response = handled.response;
    to_js(&Answer {
        status: response.status,
        body: response.text(),
        headers: response.headers,
        log: line,
    })
}

/// Creates an emulator's state for the package's Node server (`startEmulator` and the
/// `slb-msgroup emulate` bin use these `emulator*` functions; use those). `credentials`:
/// `ID:SECRET` strings (none: any AccessKeyId, no verification); `log`: `text` or `json`.
/// Returns the handle the other `emulator*` functions take.
#[cfg(feature = "wasm-check")]
#[wasm_bindgen(js_name = emulatorNew)]
pub fn emulator_new(credentials: Vec<String>, log: &str) -> Result<u32, JsError> {
    use crate::emulator::{Credentials, LogFormat, Options, State};
    let credentials = Credentials::from_pairs(&credentials)
        .map_err(|e| JsError::new(&format!("startEmulator: credential {e}")))?;
    let log = match log {
        "text" => LogFormat::Text,
        "json" => LogFormat::Json,
        other => {
            return Err(JsError::new(&format!(
                "startEmulator: log {other:?}: expected \"text\" or \"json\""
            )));
        }
    };
    let emulator = emulators::Emulator {
        state: State::new(entropy()),
        options: Options { credentials },
        log,
    };
    Ok(emulators::ALL.with(|all| {
        let mut all = all.borrow_mut();
        all.0 = all.0.wrapping_add(1);
        let handle = all.0;
        all.1.insert(handle, emulator);
        handle
    }))
}

/// Answers one request: `headers` alternates names and values, as Node's `rawHeaders`.
#[cfg(feature = "wasm-check")]
#[wasm_bindgen(
    js_name = emulatorHandle,
    unchecked_return_type = "{ status: number, headers: [string, string][], body: string, log: string }"
)]
pub fn emulator_handle(
    handle: u32,
    method: String,
    path: String,
    query: String,
    headers: Vec<String>,
    body: Vec<u8>,
) -> Result<JsValue, JsError> {
    let headers = headers
        .chunks(2)
        .map(|p| (p[0].clone(), p.get(1).cloned().unwrap_or_default()))
        .collect();
    let request = crate::emulator::HttpRequest {
        method,
        path,
        query,
        headers,
        body,
    };
    with_emulator(handle, |e| {
        let now = environment().unix_seconds;
        let handled = crate::emulator::handle(&request, &mut e.state, now, &e.options);
        answer(handled, e.log)
    })
}

/// An error the transport answers itself (a body over the cap, a client too slow), in the
/// service's shape, with its log line.
#[cfg(feature = "wasm-check")]
#[wasm_bindgen(
    js_name = emulatorTransportError,
    unchecked_return_type = "{ status: number, headers: [string, string][], body: string, log: string }"
)]
pub fn emulator_transport_error(
    handle: u32,
    method: &str,
    path: &str,
    query: &str,
    status: u16,
    code: &str,
    message: &str,
) -> Result<JsValue, JsError> {
    with_emulator(handle, |e| {
        let handled = crate::emulator::transport_error(
            method,
            path,
            query,
            &mut e.state,
            status,
            code,
            message,
        );
        answer(handled, e.log)
    })
}

/// The groups created, as `GET /_emulator/groups` lists them.
#[cfg(feature = "wasm-check")]
#[wasm_bindgen(js_name = emulatorGroups, unchecked_return_type = "object[]")]
pub fn emulator_groups(handle: u32) -> Result<JsValue, JsError> {
    with_emulator(handle, |e| to_js(&e.state.groups))
}

/// Forgets an emulator's state.
#[cfg(feature = "wasm-check")]
#[wasm_bindgen(js_name = emulatorFree)]
pub fn emulator_free(handle: u32) {
    emulators::ALL.with(|all| {
        all.borrow_mut().1.remove(&handle);
    });
}
