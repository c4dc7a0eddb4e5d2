//! Everything the page shows for one state, computed once per keystroke: one `analyze()`, one
//! response body (the format shown) and the request URL. The link's fragment is not among them:
//! it is written once typing pauses, and made then.

use std::fmt::Write as _;

use slb_msgroup::Request;
use slb_msgroup::request::{self, BuiltRequest, RequestError, RequestOptions, SignatureVersion};
use slb_msgroup::response::{ResponseOptions, render_analysis};
use slb_msgroup::{BackendServer, Diagnostic, Response, analyze};

use crate::state::{Env, State, request_options, thousands, to_request};

/// What the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub diagnostics: Vec<Diagnostic>,
    /// The server list as cards, when the raw text is a list of objects.
    pub cards: Option<Vec<BackendServer>>,
    pub response: Response,
    /// The request, or why it cannot be built at all. When it cannot be signed (v1 or v3
    /// chosen before the AccessKey is typed, a malformed fixed timestamp) it is the unsigned
    /// request, and [`Output::request_note`] says why.
    pub request: Result<BuiltRequest, String>,
    /// Why the request shown is not signed as chosen, and what to do about it.
    pub request_note: Option<String>,
}

impl Output {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Computes the page for `state`. `entropy` seeds the response's ids, so they stay the same
/// from one keystroke to the next.
pub fn evaluate(state: &State, env: &Env, entropy: u64) -> Output {
    let api_request = to_request(state);
    let analysis = analyze(&api_request);
    let response = render_analysis(
        &api_request,
        &analysis,
        &ResponseOptions {
            format: state.format,
            shape: state.shape,
            entropy,
            ..ResponseOptions::default()
        },
    );
    let (built, request_note) = build_request(&api_request, state, env);
    Output {
        diagnostics: analysis.report.diagnostics,
        // An absent or empty list reads as no servers; text that does not parse as none.
        cards: analysis.servers.servers,
        response,
        request: built,
        request_note,
    }
}

/// The request as chosen; when it cannot be signed, the unsigned one with a note. A link made
/// with v1 or v3 signing opens without the AccessKey (it is never in the link), so this is the
/// usual case, not an error.
fn build_request(
    api_request: &Request,
    state: &State,
    env: &Env,
) -> (Result<BuiltRequest, String>, Option<String>) {
    let options = request_options(state, env);
    let error = match request::build(api_request, &options) {
        Ok(built) => return (Ok(built), None),
        Err(e) => e,
    };
    let note = match &error {
        RequestError::MissingCredentials(version) => format!(
            "This is the unsigned URL: enter AccessKeyId and AccessKeySecret under \"Sign the request\" to sign it with {}.",
            match version {
                SignatureVersion::V3 => "v3 (ACS3-HMAC-SHA256)",
                _ => "v1 (HMAC-SHA1)",
            }
        ),
        other => format!("This is the unsigned URL; it cannot be signed: {other}."),
    };
    let unsigned = RequestOptions {
        signature: Some(SignatureVersion::None),
        credentials: None,
        ..options
    };
    match request::build(api_request, &unsigned) {
        Ok(built) => (Ok(built), Some(note)),
        Err(_) => (Err(error.to_string()), None),
    }
}

/// An output box (the request URL, a snippet) shows at most this many bytes of its text; its
/// copy button copies all of it.
pub const SHOWN_BYTES: usize = 4096;

/// What the request URL box shows: the URL, or its first [`SHOWN_BYTES`] and `…` with a note
/// saying so (a long server list makes a URL of 100 KB, which no one reads in a box and which
/// costs the browser a layout per keystroke).
pub fn url_preview(url: &str) -> (String, Option<String>) {
    shown_part(url, "URL", "Copy URL")
}

/// [`url_preview`] for any text: `what` names it in the note, `copy` is its copy button.
pub fn shown_part(text: &str, what: &str, copy: &str) -> (String, Option<String>) {
    if text.len() <= SHOWN_BYTES {
        return (text.to_owned(), None);
    }
    let mut at = SHOWN_BYTES;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let note = format!(
        "The {what} is {} characters long; the first {} are shown. {copy} copies all of it.",
        thousands(text.chars().count()),
        thousands(text[..at].chars().count())
    );
    (format!("{}…", &text[..at]), Some(note))
}

/// The status line of a response, e.g. `HTTP/1.1 400 Bad Request`.
pub fn status_line(response: &Response) -> String {
    let reason = match response.status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "",
    };
    format!("HTTP/1.1 {} {reason}", response.status)
}

/// Request, diagnostics and response as Markdown, for a bug report or a ticket. No secret goes
/// in: a signed URL carries the signature and the AccessKeyId, so only the unsigned form is used.
pub fn to_markdown(state: &State, output: &Output, link: &str) -> String {
    let mut unsigned = state.clone();
    unsigned.secrets = crate::state::Secrets::default();
    unsigned.signature = None;
    let url = request::build(
        &to_request(&unsigned),
        &request_options(&unsigned, &Env::default()),
    )
    .map(|b| b.url)
    .unwrap_or_default();
    let mut md = String::new();
    let _ = writeln!(md, "### CreateMasterSlaveServerGroup\n");
    let _ = writeln!(md, "| parameter | value |\n|---|---|");
    for (name, value) in [
        ("RegionId", &state.region_id),
        ("LoadBalancerId", &state.load_balancer_id),
        ("MasterSlaveServerGroupName", &state.group_name),
        ("MasterSlaveBackendServers", &state.servers),
    ] {
        let shown = if value.is_empty() {
            "(absent)".to_owned()
        } else {
            format!("`{}`", value.replace('|', "\\|").replace('\n', " "))
        };
        let _ = writeln!(md, "| {name} | {shown} |");
    }
    let _ = writeln!(md, "\nRequest URL (unsigned):\n\n```text\n{url}\n```\n");
    if output.diagnostics.is_empty() {
        let _ = writeln!(md, "Diagnostics: none, the request is valid.\n");
    } else {
        let _ = writeln!(md, "Diagnostics:\n");
        for d in &output.diagnostics {
            let status = d
                .http_status
                .map(|s| format!(" (HTTP {s})"))
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "- **{}** {}{status} at `{}`: {} {}",
                d.code.as_str(),
                d.severity.as_str(),
                d.path,
                d.message,
                d.detail
            );
        }
        md.push('\n');
    }
    let lang = match state.format {
        slb_msgroup::Format::Json => "json",
        slb_msgroup::Format::Xml => "xml",
    };
    let _ = writeln!(
        md,
        "Response:\n\n```{lang}\n{}\n{}\n```\n",
        status_line(&output.response),
        output.response.body
    );
    if !link.is_empty() {
        let _ = writeln!(md, "[Open in the playground]({link})");
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples;
    use crate::state::Secrets;

    #[test]
    fn valid_example_is_valid() {
        let out = evaluate(&examples::default_state(), &Env::default(), 1);
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        assert_eq!(out.response.status, 200);
        assert_eq!(out.cards.as_ref().map(Vec::len), Some(2));
        let url = out.request.unwrap().url;
        assert!(url.starts_with("https://slb.aliyuncs.com/?"), "{url}");
    }

    #[test]
    fn same_entropy_same_body() {
        let state = examples::default_state();
        let a = evaluate(&state, &Env::default(), 7);
        let b = evaluate(&state, &Env::default(), 7);
        assert_eq!(a.response.body, b.response.body);
    }

    #[test]
    fn unparseable_text_has_no_cards() {
        let state = State {
            servers: "[{'ServerId':".into(),
            ..examples::default_state()
        };
        let out = evaluate(&state, &Env::default(), 1);
        assert_eq!(out.cards, None);
        assert!(out.errors() > 0);
    }

    /// Issue 10, item 2: a link made with v1 or v3 signing opens without the AccessKey.
    #[test]
    fn signing_without_keys_shows_the_unsigned_url() {
        for (version, named) in [(SignatureVersion::V1, "v1"), (SignatureVersion::V3, "v3")] {
            let state = State {
                signature: Some(version),
                ..examples::default_state()
            };
            let out = evaluate(&state, &Env::default(), 1);
            let built = out.request.as_ref().unwrap();
            assert!(!built.signed);
            assert!(
                built.url.starts_with("https://slb.aliyuncs.com/?"),
                "{}",
                built.url
            );
            let note = out.request_note.unwrap();
            assert!(note.contains("AccessKeyId and AccessKeySecret"), "{note}");
            assert!(note.contains(named), "{note}");
        }
        // With the keys it is signed, and there is nothing to say.
        let mut state = State {
            signature: Some(SignatureVersion::V3),
            ..examples::default_state()
        };
        state.secrets = Secrets {
            access_key_id: "id".into(),
            access_key_secret: "secret".into(),
        };
        let env = Env {
            now: "2026-01-02T03:04:05Z".into(),
            nonce: "n".into(),
        };
        let out = evaluate(&state, &env, 1);
        assert!(out.request.unwrap().signed);
        assert_eq!(out.request_note, None);
        // A malformed fixed timestamp: unsigned, with the reason.
        state.timestamp = Some("yesterday".into());
        let out = evaluate(&state, &env, 1);
        assert!(!out.request.unwrap().signed);
        assert!(out.request_note.unwrap().contains("yesterday"));
    }

    /// Issue 10, item 1: prose counts servers from 1 like the cards; paths keep the JSON index.
    #[test]
    fn prose_counts_servers_from_one() {
        let state = State {
            servers:
                "[{'ServerId':' ','Port':'80'},{'ServerId':'b','Port':'0','ServerType':'Slave'}]"
                    .into(),
            ..examples::default_state()
        };
        let out = evaluate(&state, &Env::default(), 1);
        let details: Vec<_> = out
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.detail.as_str()))
            .collect();
        assert!(
            details
                .iter()
                .any(|(p, d)| *p == "MasterSlaveBackendServers[0].ServerId"
                    && d.starts_with("Server 1 has a blank ServerId")),
            "{details:?}"
        );
        assert!(
            details
                .iter()
                .any(|(p, d)| *p == "MasterSlaveBackendServers[1].Port"
                    && d.starts_with("Server 2 has Port '0'")),
            "{details:?}"
        );
        assert!(
            !details.iter().any(|(_, d)| d.contains("Server 0")),
            "{details:?}"
        );
        let md = to_markdown(&state, &out, "");
        assert!(md.contains("Server 1 has a blank ServerId"), "{md}");
        assert!(
            md.contains("`MasterSlaveBackendServers[0].ServerId`"),
            "{md}"
        );
    }

    #[test]
    fn a_long_url_is_shown_in_part() {
        let short = "https://slb.aliyuncs.com/?Action=CreateMasterSlaveServerGroup";
        assert_eq!(url_preview(short), (short.to_owned(), None));
        let long = format!("https://slb.aliyuncs.com/?s={}", "A".repeat(98_158));
        assert_eq!(long.len(), 98_186);
        let (shown, note) = url_preview(&long);
        assert_eq!(shown.len(), SHOWN_BYTES + '…'.len_utf8());
        assert!(shown.starts_with("https://slb.aliyuncs.com/?s=AAA") && shown.ends_with("A…"));
        assert_eq!(
            note.as_deref(),
            Some(
                "The URL is 98,186 characters long; the first 4,096 are shown. Copy URL copies all of it."
            )
        );
        let (shown, note) = shown_part(&"é".repeat(3000), "snippet", "Copy snippet");
        assert_eq!(shown.chars().count(), 2049);
        assert_eq!(
            note.as_deref(),
            Some(
                "The snippet is 3,000 characters long; the first 2,048 are shown. Copy snippet copies all of it."
            )
        );
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn markdown_has_no_secret() {
        let mut state = examples::default_state();
        state.secrets = Secrets {
            access_key_id: "LTAIkeyid".into(),
            access_key_secret: "topsecret".into(),
        };
        let env = Env {
            now: "2026-01-02T03:04:05Z".into(),
            nonce: "n".into(),
        };
        let out = evaluate(&state, &env, 1);
        assert!(out.request.as_ref().is_ok_and(|r| r.signed));
        let md = to_markdown(&state, &out, "https://example.test/#v1.");
        assert!(!md.contains("topsecret"), "{md}");
        assert!(!md.contains("LTAIkeyid"), "{md}");
        assert!(md.contains("HTTP/1.1 200 OK"), "{md}");
    }
}
