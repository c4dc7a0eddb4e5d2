//! Where a gateway diagnostic is in the input: the parameter (`Name=value`), the header line
//! (`Name: value`) or the method it is about, found in the text as given. A diagnostic about
//! something absent gets no span.

use crate::diagnostic::{Check, Diagnostic, Span};

/// ASCII case-insensitive search for `needle` in `hay`, from `from`.
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Is `b` a byte that may come right before a parameter name?
fn starts_param(b: u8) -> bool {
    matches!(b, b'?' | b'&' | b'\'' | b'"' | b' ' | b'\t' | b'\n' | b'\r')
}

/// Is `b` the end of a parameter's value?
fn ends_value(b: u8) -> bool {
    matches!(b, b'&' | b'\'' | b'"' | b' ' | b'\t' | b'\n' | b'\r' | b'#')
}

/// The span of `name=value` where `name` is a whole parameter name.
fn parameter(input: &str, name: &str) -> Option<Span> {
    let bytes = input.as_bytes();
    let needle = format!("{name}=");
    let mut from = 0;
    while let Some(at) = input.get(from..)?.find(&needle).map(|i| i + from) {
        if at == 0 || starts_param(bytes[at - 1]) {
            let end = (at + needle.len()..bytes.len())
                .find(|&i| ends_value(bytes[i]))
                .unwrap_or(bytes.len());
            return Some(Span::new(at, end));
        }
        from = at + 1;
    }
    None
}

/// The span of the header line `name: value`.
fn header(input: &str, name: &str) -> Option<Span> {
    let bytes = input.as_bytes();
    let needle = format!("{name}:");
    let mut from = 0;
    while let Some(at) = find_ci(input, &needle, from) {
        if at == 0 || starts_param(bytes[at - 1]) {
            let end = (at..bytes.len())
                .find(|&i| matches!(bytes[i], b'\r' | b'\n' | b'\'' | b'"'))
                .unwrap_or(bytes.len());
            return Some(Span::new(at, end));
        }
        from = at + 1;
    }
    None
}

/// Gives each diagnostic the span of what it is about, when that is in `input`.
pub fn locate(input: &str, method: &str, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut().filter(|d| d.span.is_none()) {
        if matches!(d.check, Check::CommonParameter | Check::SignatureSkipped) {
            continue;
        }
        d.span = if d.path == "method" {
            input
                .find(method)
                .map(|at| Span::new(at, at + method.len()))
        } else if let Some(name) = d.path.strip_prefix("header ") {
            header(input, name)
        } else if d.path == "query" || d.path == "body" {
            // The detail quotes the malformed parameter.
            d.detail
                .split('"')
                .nth(1)
                .and_then(|raw| input.find(raw).map(|at| Span::new(at, at + raw.len())))
        } else {
            parameter(input, &d.path)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_parameters_and_headers() {
        let input = "GET /?XTimestamp=1&Timestamp=2026&A=b HTTP/1.1\nhost: x\nX-Acs-Date: 2026\n\n";
        let s = parameter(input, "Timestamp").unwrap_or_else(|| unreachable!());
        assert_eq!(&input[s.start..s.end], "Timestamp=2026");
        let s = header(input, "x-acs-date").unwrap_or_else(|| unreachable!());
        assert_eq!(&input[s.start..s.end], "X-Acs-Date: 2026");
        assert!(parameter(input, "Nope").is_none());
        let curl = "curl -H 'x-acs-date: 1' 'https://h/?Signature=abc'";
        let s = parameter(curl, "Signature").unwrap_or_else(|| unreachable!());
        assert_eq!(&curl[s.start..s.end], "Signature=abc");
        let s = header(curl, "x-acs-date").unwrap_or_else(|| unreachable!());
        assert_eq!(&curl[s.start..s.end], "x-acs-date: 1");
    }
}
