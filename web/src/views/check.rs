//! The "Check a request" view: a captured request pasted in, checked offline as the service
//! would (`slb_msgroup::check`), with its verdict, diagnostics and signature steps side by side.
//!
//! The engine is not in the page's wasm: it is a second module (`web/check`), loaded the first
//! time the view opens ([`browser::load_check_engine`]); nothing of the view is rendered before.
//!
//! What is typed here (the request, the AccessKeySecret, the string-to-sign) lives in this
//! view's signals only: never in the state, so never in the link, storage or undo history (a
//! signed request is a bearer token for 15 minutes). The check runs only while the view is shown.

use leptos::prelude::*;
use slb_msgroup::Severity;
use slb_msgroup::api::ApiDiagnostic;
use slb_msgroup::check::{CheckReport, Scheme, SignatureReport};
use slb_msgroup_web_check::{Reply, read_reply};

use crate::app::{Ctx, ViewKind};
use crate::browser::{self, focus_id};
use crate::components::{CopyButton, Panel};
use crate::state::{State, split_at_difference, state_from_check};

/// One labelled text box of this view, bound to a signal of its own.
#[component]
fn CheckField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] secret: bool,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let input = if let Some(rows) = rows {
        view! {
            <textarea
                id=id
                rows=rows
                spellcheck="false"
                autocomplete="off"
                aria-describedby=hint_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                type=if secret { "password" } else { "text" }
                spellcheck="false"
                autocomplete="off"
                aria-describedby=hint_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        </div>
    }
}

/// The verdict line: the status the service would answer, and why.
fn verdict(report: Option<&CheckReport>) -> (&'static str, String) {
    let Some(r) = report else {
        return (
            "summary",
            "Paste a request to check it: a URL, a curl command or a raw HTTP request.".to_owned(),
        );
    };
    let first = r
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .map(|d| d.code.clone())
        .unwrap_or_default();
    match (r.accepted, r.status) {
        (true, _) => (
            "summary good",
            "Accepted: the service would answer HTTP 200.".to_owned(),
        ),
        (false, Some(s)) => (
            "summary bad",
            format!("Rejected: the service would answer HTTP {s} {first}."),
        ),
        (false, None) => (
            "summary bad",
            format!("Not checked: the text is not a request ({first})."),
        ),
    }
}

fn diagnostic_item(d: ApiDiagnostic) -> impl IntoView {
    let class = if d.severity == Severity::Error {
        "diag err"
    } else {
        "diag warn"
    };
    let status = d
        .http_status
        .map_or_else(|| "warning".to_owned(), |s| format!("HTTP {s}"));
    view! {
        <li class=class>
            <div class="diag-head">
                <code class="code">{d.code}</code>
                <span class="badge">{status}</span>
                <code class="path">{d.path}</code>
            </div>
            <p class="message">{d.message}</p>
            <p class="detail">{d.detail}</p>
        </li>
    }
}

/// A step's text, with a `<mark>` around the character at `offset` (the first difference).
/// Text nodes only: what was pasted is never parsed as markup.
fn marked(text: String, offset: Option<usize>) -> impl IntoView {
    let (before, at, after, mark) = match offset {
        Some(o) => {
            let (a, b, c) = split_at_difference(&text, o);
            (a.to_owned(), b.to_owned(), c.to_owned(), true)
        }
        None => (text, String::new(), String::new(), false),
    };
    view! {
        <pre class="step-text" tabindex="0">
            {before}
            {mark.then(|| view! { <mark class="diff" title="the first difference">{at}</mark> })}
            {after}
        </pre>
    }
}

/// One step: a heading and its text (marked or not).
fn step(title: String, text: String, offset: Option<usize>) -> impl IntoView {
    view! {
        <div class="step">
            <h3>{title}</h3>
            {marked(text, offset)}
        </div>
    }
}

/// The strings compared, side by side: the server's (left) and the client's or the service's
/// (right), with the byte where they first differ.
fn compared(s: &SignatureReport) -> Option<(String, String, String, String, Option<usize>)> {
    let offset = s.first_difference.as_ref().map(|f| f.offset);
    let (right_title, right) = if let Some(c) = &s.client_string_to_sign {
        ("Your client's string", c.clone())
    } else if let Some(m) = &s.service_string_to_sign {
        ("The service's string (from its message)", m.clone())
    } else {
        return None;
    };
    // ACS3: the client may have given its canonical request rather than its string-to-sign.
    let (left_title, left) = if s.scheme == Some(Scheme::Acs3)
        && !right.starts_with("ACS3-HMAC-SHA256")
        && s.canonical_request.is_some()
    {
        (
            "Canonical request (recomputed)",
            s.canonical_request.clone()?,
        )
    } else {
        ("String to sign (recomputed)", s.string_to_sign.clone()?)
    };
    Some((
        left_title.to_owned(),
        left,
        right_title.to_owned(),
        right,
        offset,
    ))
}

fn signature_steps(s: SignatureReport) -> impl IntoView {
    let scheme = match s.scheme {
        Some(Scheme::V1) => "v1, HMAC-SHA1",
        Some(Scheme::Acs3) => "ACS3-HMAC-SHA256",
        None => "none",
    };
    let (verified_class, verified) = match s.verified {
        Some(true) => ("status-line good", "verified"),
        Some(false) => ("status-line bad", "does not match"),
        None => ("status-line", "not verified: give the AccessKeySecret"),
    };
    let pair = compared(&s);
    let compared_title = pair.as_ref().map(|p| p.0.clone());
    let mut single = Vec::new();
    if let Some(q) = &s.canonical_query {
        single.push(("Canonical query", q.clone()));
    }
    if let Some(c) = &s.canonical_request
        && compared_title.as_deref() != Some("Canonical request (recomputed)")
    {
        single.push(("Canonical request", c.clone()));
    }
    if pair.is_none()
        && let Some(t) = &s.string_to_sign
    {
        single.push(("String to sign", t.clone()));
    }
    let singles = single
        .into_iter()
        .map(|(t, v)| step(t.to_owned(), v, None))
        .collect_view();
    let side = pair.map(|(lt, l, rt, r, offset)| {
        view! {
            <div class="side">
                {step(lt, l, offset)}
                {step(rt, r, offset)}
            </div>
        }
    });
    let difference = s.first_difference.clone().map(|f| {
        view! {
            <p class="note">
                {format!("First difference at byte {}: {}.", f.offset, f.likely)}
            </p>
        }
    });
    let signatures = (s.expected.is_some() || s.given.is_some()).then(|| {
        let differ = s.verified == Some(false);
        let offset = |a: &Option<String>, b: &Option<String>| {
            let (a, b) = (a.as_deref()?, b.as_deref()?);
            differ.then(|| {
                a.bytes()
                    .zip(b.bytes())
                    .position(|(x, y)| x != y)
                    .unwrap_or(a.len().min(b.len()))
            })
        };
        let at = offset(&s.expected, &s.given);
        view! {
            <div class="side">
                {step(
                    "Expected signature".to_owned(),
                    s.expected.clone().unwrap_or_else(|| "(needs the AccessKeySecret)".to_owned()),
                    s.expected.as_ref().and(at),
                )}
                {step("Given signature".to_owned(), s.given.clone().unwrap_or_default(), at)}
            </div>
        }
    });
    let cause = s
        .cause
        .clone()
        .map(|c| view! { <p class="note">{format!("Likely cause: {c}.")}</p> });
    let key = s
        .access_key_id
        .clone()
        .map(|k| view! { <span>"AccessKeyId "<code>{k}</code></span> });
    view! {
        <p class=verified_class>
            <span>{format!("Signature ({scheme}):")}" "<code>{verified}</code></span>
            {key}
        </p>
        {cause}
        {difference}
        {singles}
        {side}
        {signatures}
    }
}

/// Where the check engine (the lazily loaded second wasm module) is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Engine {
    Loading,
    Ready,
    Failed(String),
}

/// What the verdict shows: nothing to check, the engine on its way or failed, or a reply.
type Checked = Option<Result<Reply, String>>;

#[component]
pub fn CheckView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Nothing of the view is rendered, and the engine is not loaded, until it is first shown.
    let opened = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || ctx.view.get() == ViewKind::Check
    });
    move || opened.get().then(check_view)
}

fn check_view() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let input = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let key_id = RwSignal::new(String::new());
    let sts = RwSignal::new(String::new());
    let engine = RwSignal::new(Engine::Loading);
    leptos::task::spawn_local(async move {
        engine.set(match browser::load_check_engine().await {
            Ok(()) => Engine::Ready,
            Err(e) => Engine::Failed(e),
        });
    });
    // Only while the view is shown: typing in the builder does not pay for it.
    let report: Memo<Checked> = Memo::new(move |_| {
        if ctx.view.get() != ViewKind::Check {
            return None;
        }
        let text = input.get();
        if text.trim().is_empty() {
            return None;
        }
        match engine.get() {
            Engine::Loading => return None,
            Engine::Failed(e) => return Some(Err(e)),
            Engine::Ready => {}
        }
        let given = |s: RwSignal<String>| {
            let v = s.get();
            (!v.trim().is_empty()).then_some(v)
        };
        Some(
            browser::run_check(
                &text,
                browser::unix_now(),
                given(key_id).map(|k| k.trim().to_owned()),
                given(secret),
                given(sts),
            )
            .and_then(|json| read_reply(&json)),
        )
    });
    let summary = move || match (engine.get(), report.get()) {
        (Engine::Failed(e), _) => (
            "summary bad",
            format!("Not checked: the check engine did not load ({e})."),
        ),
        (_, Some(Err(e))) => (
            "summary bad",
            format!("Not checked: the check engine failed ({e})."),
        ),
        (Engine::Loading, None) if !input.with(|t| t.trim().is_empty()) => {
            ("summary", "Loading the check engine…".to_owned())
        }
        (_, Some(Ok(r))) => verdict(Some(&r.report)),
        (_, None) => verdict(None),
    };
    let diagnostics = move || {
        report
            .with(|r| match r {
                Some(Ok(r)) => r.report.diagnostics.clone(),
                _ => Vec::new(),
            })
            .into_iter()
            .map(diagnostic_item)
            .collect_view()
    };
    let steps = move || {
        report.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .filter(|r| r.report.signature.scheme.is_some())
                .map(|r| signature_steps(r.report.signature.clone()))
        })
    };
    let loadable = move || report.with(|r| matches!(r, Some(Ok(r)) if r.report.input.is_some()));
    let load = move |_| {
        let Some(loaded) = report.with_untracked(|r| match r {
            Some(Ok(r)) => state_from_check(&r.report),
            _ => None,
        }) else {
            return;
        };
        ctx.commit(|s| {
            let secrets = std::mem::take(&mut s.secrets);
            *s = State { secrets, ..loaded };
        });
        ctx.view.set(ViewKind::Build);
        ctx.say("Loaded the request's parameters into the form. Undo (Ctrl+Z) brings back what was there.");
        focus_id("RegionId");
    };
    let report_text = move || {
        report
            .with_untracked(|r| match r {
                Some(Ok(r)) => Some(r.text.clone()),
                _ => None,
            })
            .unwrap_or_default()
    };
    view! {
        <div class="col">
            <Panel heading_id="check-h" title="Check a request" id="check">
                <p class="hint">
                    "Checked offline, as the service would: nothing is sent. What you paste and the secret stay in this tab's memory, never in the link, storage or undo history."
                </p>
                <CheckField
                    id="check-input"
                    label="Captured request"
                    value=input
                    rows=8
                    hint="A URL, a curl command or a raw HTTP request (as your client logged or a proxy recorded it)."
                />
                <div class="grid check-keys">
                    <CheckField
                        id="check-secret"
                        label="AccessKeySecret to verify with"
                        value=secret
                        secret=true
                    />
                    <CheckField
                        id="check-key-id"
                        label="AccessKeyId expected (optional)"
                        value=key_id
                    />
                </div>
                <CheckField
                    id="check-sts"
                    label="String-to-sign your client logged, or the service's error message (optional)"
                    value=sts
                    rows=3
                />
            </Panel>
        </div>
        <div class="col">
            <Panel heading_id="check-verdict-h" title="Verdict" class="diagnostics check-verdict" live=true>
                <p class=move || summary().0>{move || summary().1}</p>
                <ul class="diag-list">{diagnostics}</ul>
                <div class="actions">
                    <button type="button" disabled=move || !loadable() on:click=load>
                        "Load into the form"
                    </button>
                    <CopyButton what="Check report" label="Copy report" text=report_text/>
                </div>
            </Panel>
            <Panel heading_id="check-steps-h" title="Signature steps" class="check-steps">
                {move || match steps() {
                    Some(v) => v.into_any(),
                    None => view! { <p class="hint">"No signature to check yet."</p> }.into_any(),
                }}
            </Panel>
        </div>
    }
}
