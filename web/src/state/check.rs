//! The "Check a request" view: a checked request loaded into the builder, and the first
//! difference between two strings-to-sign.

use super::*;

/// "Load into the form": the builder's state for the API parameters a checked request carries
/// (its method, signature version, `Timestamp` and nonce too, so the builder can make the same
/// request again). The AccessKey is not taken: the caller keeps the builder's. `None` when the
/// input was not read as a request.
pub fn state_from_check(report: &slb_msgroup::check::CheckReport) -> Option<State> {
    let input = report.input.as_ref()?;
    let param = |k: &str| {
        report
            .parameters
            .0
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
    };
    let header = |k: &str| {
        input
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.clone())
    };
    let signature = match report.signature.scheme {
        Some(slb_msgroup::check::Scheme::V1) => Some(SignatureVersion::V1),
        Some(slb_msgroup::check::Scheme::Acs3) => Some(SignatureVersion::V3),
        None => None,
    };
    let method = if input.method.eq_ignore_ascii_case("POST") {
        Some(Method::Post)
    } else if signature == Some(SignatureVersion::V3) {
        Some(Method::Get)
    } else {
        None
    };
    Some(State {
        region_id: param("RegionId").unwrap_or_default(),
        load_balancer_id: param("LoadBalancerId").unwrap_or_default(),
        group_name: param("MasterSlaveServerGroupName").unwrap_or_default(),
        servers: param("MasterSlaveBackendServers").unwrap_or_default(),
        format: param("Format")
            .and_then(|f| Format::parse(&f))
            .unwrap_or_default(),
        shape: Shape::default(),
        signature,
        method,
        timestamp: param("Timestamp").or_else(|| header("x-acs-date")),
        nonce: param("SignatureNonce").or_else(|| header("x-acs-signature-nonce")),
        secrets: Secrets::default(),
    })
}

/// A string cut around the byte where it first differs from another: the text before, the
/// differing character (empty when the string ends there) and the rest, for a `<mark>` around
/// the middle. An offset inside a character moves back to its start; past the end, the whole
/// string comes before.
pub fn split_at_difference(s: &str, offset: usize) -> (&str, &str, &str) {
    let mut at = offset.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    let len = s[at..].chars().next().map_or(0, char::len_utf8);
    (&s[..at], &s[at..at + len], &s[at + len..])
}
