//! The request: its URL (unsigned, or signed with v1 or v3 when an AccessKey is given), the
//! signing options, and the canonical query → StringToSign → signature steps.

use leptos::prelude::*;
use slb_msgroup::request::{Method, SignatureVersion};

use super::{CopyButton, Panel};
use crate::app::Ctx;
use crate::output::url_preview;

#[component]
pub fn RequestPanel() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let built = Memo::new(move |_| ctx.output.with(|o| o.request.clone()));
    let url = move || built.with(|b| b.as_ref().map(|r| r.url.clone()).unwrap_or_default());
    // A long list's URL is shown in part (Copy URL copies all of it), with a note saying so.
    let preview =
        move || built.with(|b| b.as_ref().map(|r| url_preview(&r.url)).unwrap_or_default());
    let shown_note = Memo::new(move |_| preview().1);
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
    // Why the URL is not signed as chosen (no AccessKey yet), or why there is none.
    let note = Memo::new(move |_| ctx.output.with(|o| o.request_note.clone()));
    let problem = move || {
        note.get()
            .or_else(|| built.with(|b| b.as_ref().err().cloned()))
    };
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
        <Panel heading_id="request-h" title="Request">
            <div class="out-head">
                <label for="request-url">"Request URL"</label>
                <span class="badge">{method}</span>
                <CopyButton what="Request URL" label="Copy URL" text=url/>
            </div>
            <textarea
                id="request-url"
                class="out"
                readonly
                rows="4"
                aria-describedby=move || {
                    match (problem().is_some(), shown_note.with(Option::is_some)) {
                        (true, true) => Some("request-note url-shown"),
                        (true, false) => Some("request-note"),
                        (false, true) => Some("url-shown"),
                        (false, false) => None,
                    }
                }
                prop:value=move || preview().0
            ></textarea>
            {move || shown_note.get().map(|n| view! { <p id="url-shown" class="note">{n}</p> })}
            {move || problem().map(|p| view! { <p id="request-note" class="note">{p}</p> })}
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
                                ctx.set_secrets(|k| k.access_key_id = v);
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
                                ctx.set_secrets(|k| k.access_key_secret = v);
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
                            placeholder="now, or 2026-01-02T03:04:05Z"
                            spellcheck="false"
                            prop:value=move || ctx.state.with(|s| s.timestamp.clone().unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                ctx.edit(("Timestamp", 0), |s| s.timestamp = (!v.is_empty()).then_some(v));
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
                                ctx.edit(("SignatureNonce", 0), |s| s.nonce = (!v.is_empty()).then_some(v));
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
                                        <CopyButton
                                            what=name
                                            aria_label=format!("Copy {name}")
                                            text=move || copied.clone()
                                        />
                                    </div>
                                    <pre tabindex="0">{value}</pre>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </details>
        </Panel>
    }
}
