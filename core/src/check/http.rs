//! Reads a raw HTTP/1.1 request: the request line (`METHOD target HTTP/1.x`), headers, a blank
//! line and the body. Lines end in CRLF or LF; the target may be a path or an absolute URL; a
//! `Content-Length` cuts the body, and a chunked body is decoded.

use super::model::{HttpRequest, ReadError};
use super::url;
use crate::diagnostic::Span;

/// Is the first line a request line?
pub fn looks_like(input: &str) -> bool {
    let first = input.trim_start().lines().next().unwrap_or("");
    let mut words = first.split_whitespace();
    let method = words.next().unwrap_or("");
    let _target = words.next();
    let version = words.next().unwrap_or("");
    !method.is_empty()
        && method.bytes().all(|b| b.is_ascii_uppercase())
        && version.starts_with("HTTP/")
}

/// Reads a raw HTTP request.
pub fn read(input: &str) -> Result<HttpRequest, ReadError> {
    let start = input.len() - input.trim_start().len();
    let text = &input[start..];
    // The head ends at the first empty line (CRLF CRLF or LF LF).
    let (head, body, body_at) = match (text.find("\r\n\r\n"), text.find("\n\n")) {
        (Some(a), Some(b)) if b < a => (&text[..b], &text[b + 2..], b + 2),
        (Some(a), _) => (&text[..a], &text[a + 4..], a + 4),
        (None, Some(b)) => (&text[..b], &text[b + 2..], b + 2),
        (None, None) => (text, "", text.len()),
    };
    let mut lines = Vec::new();
    let mut at = start;
    for line in head.split('\n') {
        lines.push((at, line.strip_suffix('\r').unwrap_or(line)));
        at += line.len() + 1;
    }
    let Some(&(line_at, request_line)) = lines.first() else {
        return Err(ReadError::new("the request is empty", None));
    };
    let words: Vec<&str> = request_line.split_whitespace().collect();
    let [method, target, version] = words[..] else {
        return Err(ReadError::new(
            "the request line is not `METHOD target HTTP/1.1`",
            Some(Span::new(line_at, line_at + request_line.len())),
        ));
    };
    if !version.starts_with("HTTP/") {
        return Err(ReadError::new(
            format!("{version:?} is not an HTTP version such as HTTP/1.1"),
            Some(Span::new(line_at, line_at + request_line.len())),
        ));
    }
    let parts = url::split(target, line_at)?;

    let mut headers: Vec<(String, String)> = Vec::new();
    for &(at, line) in &lines[1..] {
        if line.starts_with([' ', '\t']) {
            // obs-fold: a continuation of the previous header's value.
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
                continue;
            }
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(ReadError::new(
                format!("header line {:?} has no colon", super::clip(line, 60)),
                Some(Span::new(at, at + line.len())),
            ));
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(ReadError::new(
                format!("{:?} is not a header name", super::clip(name, 60)),
                Some(Span::new(at, at + line.len())),
            ));
        }
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    if let Some(host) = parts.host
        && !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host"))
    {
        headers.insert(0, ("Host".into(), host));
    }

    let request = HttpRequest {
        method: method.to_owned(),
        path: parts.path,
        query: parts.query,
        headers,
        body: Vec::new(),
    };
    let chunked = request
        .header("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let body_bytes = if chunked {
        dechunk(body).ok_or_else(|| {
            ReadError::new(
                "the chunked body is malformed",
                Some(Span::new(start + body_at, input.len())),
            )
        })?
    } else {
        let bytes = body.as_bytes();
        match request
            .header("content-length")
            .and_then(|v| v.trim().parse::<usize>().ok())
        {
            Some(n) if n <= bytes.len() => bytes[..n].to_vec(),
            _ => bytes.to_vec(),
        }
    };
    Ok(HttpRequest {
        body: body_bytes,
        ..request
    })
}

/// Decodes a chunked body (hex size, CRLF, data, CRLF, …, 0).
fn dechunk(body: &str) -> Option<Vec<u8>> {
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        let line_end = i + body.get(i..)?.find('\n')?;
        let size_text = body[i..line_end].trim_end_matches('\r');
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        i = line_end + 1;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(bytes.get(i..i.checked_add(size)?)?);
        i += size;
        // The CRLF (or LF) after the data.
        if bytes.get(i) == Some(&b'\r') {
            i += 1;
        }
        if bytes.get(i) == Some(&b'\n') {
            i += 1;
        }
    }
}
