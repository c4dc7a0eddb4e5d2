//! Reads a curl command line as people paste it: POSIX shell quoting (`'…'`, `"…"`, `\`), `\`
//! line continuations (LF or CRLF), bash's `$'…'` strings (browsers' "Copy as cURL (bash)"), a
//! leading `$ ` prompt, and the options that shape a request:
//! `-X`/`--request`, `-H`/`--header`, `-d`/`--data`/`--data-raw`/`--data-ascii`/`--data-binary`,
//! `--data-urlencode`, `--url`, `-G`/`--get`, `-A`/`--user-agent`, `-e`/`--referer`, `--json`.
//! Words are split by the `shlex` crate; the options are read here, as curl reads them.

use super::model::{HttpRequest, ReadError};
use super::url;
use crate::diagnostic::Span;
use crate::encode;

/// Options that take a value this reader does not need (the value is skipped).
const SKIP_WITH_VALUE: &[&str] = &[
    "-o",
    "--output",
    "-u",
    "--user",
    "-m",
    "--max-time",
    "--connect-timeout",
    "-x",
    "--proxy",
    "-w",
    "--write-out",
    "-b",
    "--cookie",
    "-c",
    "--cookie-jar",
    "--retry",
    "--retry-delay",
    "--retry-max-time",
    "--cacert",
    "--capath",
    "--cert",
    "--key",
    "-E",
    "--resolve",
    "--connect-to",
    "--max-redirs",
    "--limit-rate",
    "-r",
    "--range",
    "--interface",
    "-K",
    "--config",
    "--trace",
    "--trace-ascii",
    "--stderr",
    "-D",
    "--dump-header",
];

/// Short options that take a value (so `-XPOST` is `-X POST`).
const SHORT_WITH_VALUE: &str = "XHdAeoumxwbcErDKT";

/// Is `input` a curl command line?
pub fn looks_like(input: &str) -> bool {
    let t = strip_prompt(input.trim_start());
    t.strip_prefix("curl")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

fn strip_prompt(s: &str) -> &str {
    s.strip_prefix("$ ").unwrap_or(s).trim_start()
}

/// Reads a curl command line.
pub fn read(input: &str) -> Result<HttpRequest, ReadError> {
    let whole = Some(Span::new(0, input.len()));
    // A continuation typed on Windows is `\` CR LF; shlex knows `\` LF.
    // Continuations are removed before splitting: shlex would make an empty word of one that
    // starts a word (`-sS \⏎  -H …`). (Inside single quotes bash keeps them; curl commands do
    // not put them there.)
    let text = input.replace("\r\n", "\n").replace("\\\n", "");
    let text = strip_prompt(text.trim_start());
    let text = ansi_c_quotes(text).ok_or_else(|| {
        ReadError::new(
            "the curl command line has an unterminated or malformed $'…' string",
            whole,
        )
    })?;
    let Some(words) = shlex::split(&text) else {
        return Err(ReadError::new(
            "the curl command line has an unterminated quote or a trailing backslash",
            whole,
        ));
    };
    let mut words = words.into_iter();
    if words.next().as_deref() != Some("curl") {
        return Err(ReadError::new("the command is not curl", whole));
    }

    let mut method: Option<String> = None;
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut data: Vec<String> = Vec::new();
    let mut get = false;
    let mut url_arg: Option<String> = None;
    let mut json = false;

    let missing = |opt: &str| ReadError::new(format!("curl option {opt} needs a value"), whole);

    while let Some(word) = words.next() {
        // Split `-XPOST` into `-X` `POST`, and `-sS` into flags.
        let (opt, attached) = if word.starts_with("--") || !word.starts_with('-') || word == "-" {
            (word.clone(), None)
        } else {
            let mut flag = None;
            let mut rest = None;
            for (i, c) in word[1..].char_indices() {
                if SHORT_WITH_VALUE.contains(c) {
                    flag = Some(format!("-{c}"));
                    let after = &word[1 + i + c.len_utf8()..];
                    rest = (!after.is_empty()).then(|| after.to_owned());
                    break;
                }
            }
            match flag {
                Some(f) => (f, rest),
                // Only flags without a value, such as -sSLk or -G.
                None => (
                    if word[1..].contains('G') {
                        "-G".to_owned()
                    } else {
                        word.clone()
                    },
                    None,
                ),
            }
        };
        let mut value = |opt: &str| -> Result<String, ReadError> {
            match &attached {
                Some(v) => Ok(v.clone()),
                None => words.next().ok_or_else(|| missing(opt)),
            }
        };
        match opt.as_str() {
            "-X" | "--request" => method = Some(value(&opt)?),
            "-H" | "--header" => {
                let h = value(&opt)?;
                let Some((name, v)) = h.split_once(':') else {
                    return Err(ReadError::new(
                        format!("curl header {:?} has no colon", super::clip(&h, 60)),
                        whole,
                    ));
                };
                let (name, v) = (name.trim(), v.trim());
                // `-H 'Name:'` removes a header curl would add; nothing to send.
                if !v.is_empty() {
                    headers.push((name.to_owned(), v.to_owned()));
                }
            }
            "-d" | "--data" | "--data-raw" | "--data-ascii" | "--data-binary" | "--json" => {
                let d = value(&opt)?;
                if d.starts_with('@') && opt != "--data-raw" {
                    return Err(ReadError::new(
                        format!(
                            "curl {opt} {d} reads a file; paste the data itself (this check reads no files)"
                        ),
                        whole,
                    ));
                }
                json |= opt == "--json";
                data.push(d);
            }
            "--data-urlencode" => data.push(urlencode_arg(&value(&opt)?, whole)?),
            "-F" | "--form" => {
                return Err(ReadError::new(
                    "curl -F sends multipart/form-data, which the API does not take; use -d or --data-urlencode",
                    whole,
                ));
            }
            "--url" => url_arg = Some(value(&opt)?),
            "-G" | "--get" => get = true,
            "-A" | "--user-agent" => headers.push(("User-Agent".into(), value(&opt)?)),
            "-e" | "--referer" => headers.push(("Referer".into(), value(&opt)?)),
            "-I" | "--head" => method = Some("HEAD".into()),
            o if SKIP_WITH_VALUE.contains(&o) => {
                let _ = value(o)?;
            }
            o if o.starts_with('-') && o.len() > 1 => {}
            _ => {
                if url_arg.is_none() {
                    url_arg = Some(word);
                }
            }
        }
    }

    let Some(target) = url_arg else {
        return Err(ReadError::new("the curl command has no URL", whole));
    };
    let target = if target.contains("://") || target.starts_with('/') {
        target
    } else {
        // curl guesses http:// for a bare host.
        format!("http://{target}")
    };
    let parts = url::split(&target, 0).map_err(|e| ReadError::new(e.detail, whole))?;
    let body = data.join("&");
    let mut query = parts.query;
    let mut body_bytes = Vec::new();
    if get {
        if !body.is_empty() {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&body);
        }
    } else if !data.is_empty() {
        body_bytes = body.into_bytes();
        if !headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        {
            let ct = if json {
                "application/json"
            } else {
                "application/x-www-form-urlencoded"
            };
            headers.push(("Content-Type".into(), ct.into()));
        }
    }
    let method = method.unwrap_or_else(|| {
        if !get && !data.is_empty() {
            "POST".into()
        } else {
            "GET".into()
        }
    });
    if let Some(host) = parts.host
        && !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host"))
    {
        headers.insert(0, ("Host".into(), host));
    }
    Ok(HttpRequest {
        method,
        path: parts.path,
        query,
        headers,
        body: body_bytes,
    })
}

/// Rewrites bash's ANSI-C strings (`$'…'`, which browsers' "Copy as cURL (bash)" writes for
/// data with quotes or line breaks) as plain single-quoted words, which shlex reads.
fn ansi_c_quotes(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let (mut single, mut double) = (false, false);
    while let Some(c) = chars.next() {
        match c {
            '\\' if !single => {
                out.push(c);
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '\'' if !double => {
                single = !single;
                out.push(c);
            }
            '"' if !single => {
                double = !double;
                out.push(c);
            }
            '$' if !single && !double && chars.peek() == Some(&'\'') => {
                let _ = chars.next();
                let mut value: Vec<u8> = Vec::new();
                let push = |value: &mut Vec<u8>, c: char| {
                    value.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                };
                loop {
                    match chars.next()? {
                        '\'' => break,
                        '\\' => match chars.next()? {
                            'n' => value.push(b'\n'),
                            't' => value.push(b'\t'),
                            'r' => value.push(b'\r'),
                            'x' => {
                                let hex: String = chars.by_ref().take(2).collect();
                                // `\x00` ends a bash string; a word cannot hold NUL.
                                match u8::from_str_radix(&hex, 16).ok()? {
                                    0 => return None,
                                    byte => value.push(byte),
                                }
                            }
                            'u' => {
                                let hex: String = chars.by_ref().take(4).collect();
                                let c = char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?;
                                push(&mut value, c);
                            }
                            '0' => return None,
                            other => {
                                if !matches!(other, '\\' | '\'' | '"' | '?') {
                                    value.push(b'\\');
                                }
                                push(&mut value, other);
                            }
                        },
                        other => push(&mut value, other),
                    }
                }
                let value = String::from_utf8_lossy(&value);
                out.push_str(&shlex::try_quote(&value).ok()?);
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// `--data-urlencode`: `content`, `=content` or `name=content` (the content percent-encoded as
/// curl does: all but `A-Z a-z 0-9 - . _ ~`). The file forms `@file` and `name@file` are refused.
fn urlencode_arg(arg: &str, whole: Option<Span>) -> Result<String, ReadError> {
    let eq = arg.find('=');
    let at = arg.find('@');
    if let Some(a) = at
        && eq.is_none_or(|e| a < e)
    {
        return Err(ReadError::new(
            format!(
                "curl --data-urlencode {arg} reads a file; paste the data itself (this check reads no files)"
            ),
            whole,
        ));
    }
    Ok(match eq {
        Some(0) => encode::rpc(&arg[1..]),
        Some(e) => format!("{}={}", &arg[..e], encode::rpc(&arg[e + 1..])),
        None => encode::rpc(arg),
    })
}
