//! The first byte where the server's string differs from the client's, and what it likely is.

use percent_encoding::percent_decode_str;
use serde::Serialize;

/// Where two strings-to-sign (or canonical requests) first differ.
#[cfg_attr(feature = "wasm-check", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FirstDifference {
    /// Byte offset of the first difference (UTF-8).
    pub offset: usize,
    /// The server's string around the difference (up to 24 bytes each side).
    pub expected: String,
    /// The client's string around the difference.
    pub given: String,
    /// What the difference likely is.
    pub likely: String,
}

/// The text the service's `SignatureDoesNotMatch` message ends with.
pub const SERVER_STS_MARKER: &str = "server string to sign is:";

/// Takes what the user gave: a string-to-sign their client logged, or the service's whole error
/// message (the text after `server string to sign is:`, up to the end or a closing quote).
pub fn given_string_to_sign(text: &str) -> String {
    let text = match text.find(SERVER_STS_MARKER) {
        Some(i) => {
            let rest = &text[i + SERVER_STS_MARKER.len()..];
            // Embedded in JSON or a log line: stop at a quote or an HTML/XML tag.
            let end = rest.find(['"', '<']).unwrap_or(rest.len());
            &rest[..end]
        }
        None => text,
    };
    // Logged with a literal "\n" for ACS3's line break, or with a trailing newline.
    text.trim().replace("\\n", "\n")
}

/// Compares the server's `expected` string with the client's `given` one.
pub fn first_difference(expected: &str, given: &str) -> Option<FirstDifference> {
    let offset = expected
        .bytes()
        .zip(given.bytes())
        .position(|(a, b)| a != b)
        .or_else(|| (expected.len() != given.len()).then(|| expected.len().min(given.len())))?;
    Some(FirstDifference {
        offset,
        expected: around(expected, offset),
        given: around(given, offset),
        likely: likely(expected, given, offset),
    })
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn around(s: &str, offset: usize) -> String {
    let a = floor(s, offset.saturating_sub(24));
    let b = floor(s, offset + 24);
    let prefix = if a > 0 { "…" } else { "" };
    let suffix = if b < s.len() { "…" } else { "" };
    format!("{prefix}{}{suffix}", &s[a..b])
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// v1's string-to-sign is `METHOD&%2F&<encoded canonical query>`: its pairs, encoded once.
fn v1_pairs(sts: &str) -> Option<(String, Vec<(String, String)>)> {
    let mut parts = sts.splitn(3, '&');
    let method = parts.next()?.to_owned();
    let _path = parts.next()?;
    let canonical = decode(parts.next()?);
    let pairs = canonical
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_owned(), v.to_owned())
        })
        .collect();
    Some((method, pairs))
}

fn likely(expected: &str, given: &str, offset: usize) -> String {
    if expected.starts_with("ACS3-HMAC-SHA256\n") && given.starts_with("ACS3-HMAC-SHA256\n") {
        return "the hashes of the canonical requests differ; compare the canonical request instead (give it as the string to sign)".into();
    }
    // A canonical request (ACS3): METHOD \n path \n query \n headers… \n signed \n hash.
    if expected.contains('\n') && given.contains('\n') {
        let line = expected[..floor(expected, offset)].matches('\n').count();
        let e: Vec<&str> = expected.split('\n').collect();
        let g: Vec<&str> = given.split('\n').collect();
        let el = e.get(line).copied().unwrap_or("");
        let gl = g.get(line).copied().unwrap_or("");
        return match line {
            0 => format!("the method: the server got {el}, the client signed {gl}"),
            1 => "the path".into(),
            2 => format!("the canonical query: {}", value_hint(el, gl)),
            _ if line + 2 == e.len() => format!(
                "the list of signed headers: the server has {el}, the client {gl}"
            ),
            _ if line + 1 == e.len() => {
                "the payload hash (x-acs-content-sha256): the body that arrived is not the one the client hashed".into()
            }
            _ => format!("a canonical header: the server has {el:?}, the client {gl:?}"),
        };
    }
    let (Some((em, ep)), Some((gm, gp))) = (v1_pairs(expected), v1_pairs(given)) else {
        return "the strings differ here".into();
    };
    if em != gm {
        return format!(
            "{em} vs {gm}: the request arrived as {em} but the client signed {gm} (the method is part of the string to sign)"
        );
    }
    let find = |list: &[(String, String)], k: &str| {
        list.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    for (k, v) in &ep {
        match find(&gp, k) {
            None => {
                return format!(
                    "a parameter missing: {k} arrived (and the server signs it) but the client did not sign it"
                );
            }
            Some(gv) if &gv != v => {
                if k == "Timestamp" {
                    return format!(
                        "a different Timestamp: the server has {}, the client signed {}",
                        decode(v),
                        decode(&gv)
                    );
                }
                return format!("{k}: {}", value_hint(v, &gv));
            }
            _ => {}
        }
    }
    if let Some((k, _)) = gp.iter().find(|(k, _)| find(&ep, k).is_none()) {
        return format!(
            "a parameter extra: the client signed {k}, which did not arrive (or arrived under another name)"
        );
    }
    "the order or the encoding of the parameters".into()
}

/// What differs between two encoded values.
fn value_hint(expected: &str, given: &str) -> String {
    let pairs = [
        (
            "%20",
            "+",
            "+ vs %20: the client encoded a space as + (form encoding); RFC 3986 wants %20",
        ),
        (
            "%20",
            "%2B",
            "+ vs %20: the client encoded a space as + (form encoding); RFC 3986 wants %20",
        ),
        ("%2A", "*", "* not encoded: RFC 3986 wants %2A"),
        ("~", "%7E", "~ encoded as %7E: RFC 3986 keeps ~"),
        (
            "%2B",
            "+",
            "a literal + sent unencoded: it arrives as a space; encode it as %2B",
        ),
    ];
    // Compare at the first differing byte.
    let mut at = expected
        .bytes()
        .zip(given.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(given.len()));
    // Back to the start of a %XX (or %25XX) escape the difference is inside.
    for back in 1..=4 {
        if at >= back && expected.as_bytes()[at - back] == b'%' {
            at -= back;
            break;
        }
    }
    let (e, g) = (&expected[floor(expected, at)..], &given[floor(given, at)..]);
    for (want, got, hint) in pairs {
        if e.starts_with(want) && g.starts_with(got) {
            return hint.into();
        }
    }
    // Double-encoded (v1's string to sign encodes values twice).
    for (want, got, hint) in [
        (
            "%2520",
            "%252B",
            "+ vs %20: the client encoded a space as + (form encoding); RFC 3986 wants %20",
        ),
        ("%252A", "*", "* not encoded: RFC 3986 wants %2A"),
        ("~", "%257E", "~ encoded as %7E: RFC 3986 keeps ~"),
    ] {
        if e.starts_with(want) && g.starts_with(got) {
            return hint.into();
        }
    }
    format!(
        "the value differs: the server has {:?}, the client signed {:?}",
        decode(expected),
        decode(given)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_versus_space() {
        let e = "GET&%2F&A%3Da%2520b%26B%3D1";
        let g = "GET&%2F&A%3Da%252Bb%26B%3D1";
        let d = first_difference(e, g).unwrap_or_else(|| unreachable!());
        assert_eq!(d.offset, 17);
        assert!(d.likely.contains("+ vs %20"), "{}", d.likely);
    }

    #[test]
    fn method_and_missing() {
        let d =
            first_difference("POST&%2F&A%3D1", "GET&%2F&A%3D1").unwrap_or_else(|| unreachable!());
        assert!(d.likely.starts_with("POST vs GET"), "{}", d.likely);
        let d = first_difference("GET&%2F&A%3D1%26B%3D2", "GET&%2F&A%3D1")
            .unwrap_or_else(|| unreachable!());
        assert!(d.likely.contains("missing: B"), "{}", d.likely);
        let d = first_difference("GET&%2F&A%3D1", "GET&%2F&A%3D1%26C%3D2")
            .unwrap_or_else(|| unreachable!());
        assert!(
            d.likely.contains("extra: the client signed C"),
            "{}",
            d.likely
        );
        assert!(first_difference("x", "x").is_none());
    }

    #[test]
    fn star_tilde_timestamp_and_canonical_requests() {
        let d = first_difference("GET&%2F&A%3Da%252Ab", "GET&%2F&A%3Da*b")
            .unwrap_or_else(|| unreachable!());
        assert!(d.likely.contains("* not encoded"), "{}", d.likely);
        let d = first_difference("GET&%2F&A%3Da~b", "GET&%2F&A%3Da%257Eb")
            .unwrap_or_else(|| unreachable!());
        assert!(d.likely.contains("~ encoded as %7E"), "{}", d.likely);
        let d = first_difference(
            "GET&%2F&Timestamp%3D2026-12-06T12%253A00%253A00Z",
            "GET&%2F&Timestamp%3D2026-12-06T12%253A00%253A01Z",
        )
        .unwrap_or_else(|| unreachable!());
        assert!(
            d.likely
                .starts_with("a different Timestamp: the server has 2026-12-06T12:00:00Z"),
            "{}",
            d.likely
        );
        let e = "POST\n/\nA=1\nhost:h\nx-acs-date:1\n\nhost;x-acs-date\nabc";
        let g = "POST\n/\nA=1\nhost:h\n\nhost\nabc";
        let d = first_difference(e, g).unwrap_or_else(|| unreachable!());
        assert!(d.likely.starts_with("a canonical header"), "{}", d.likely);
        let g = "GET\n/\nA=1\nhost:h\nx-acs-date:1\n\nhost;x-acs-date\nabc";
        let d = first_difference(e, g).unwrap_or_else(|| unreachable!());
        assert!(d.likely.starts_with("the method"), "{}", d.likely);
        let g = "POST\n/\nA=1\nhost:h\nx-acs-date:1\n\nhost;x-acs-date\nabd";
        let d = first_difference(e, g).unwrap_or_else(|| unreachable!());
        assert!(d.likely.starts_with("the payload hash"), "{}", d.likely);
    }

    #[test]
    fn extracts_from_the_service_message() {
        let m = r#"{"Message":"Specified signature is not matched with our calculation. server string to sign is:GET&%2F&A%3D1","Code":"SignatureDoesNotMatch"}"#;
        assert_eq!(given_string_to_sign(m), "GET&%2F&A%3D1");
    }
}
