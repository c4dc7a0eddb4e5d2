//! Checks of the request's own parameters: RegionId, LoadBalancerId, MasterSlaveServerGroupName.

use super::Sink;
use crate::codes::Code;
use crate::diagnostic::{Check, Diagnostic};
use crate::endpoint;
use crate::model::Request;
use crate::text::excerpt;

/// The longest group name we accept without a warning (undocumented; the sibling
/// VServerGroupName allows 80).
pub const MAX_GROUP_NAME_CHARS: usize = 80;

fn missing(name: &str, check: Check) -> Diagnostic {
    Diagnostic::new(
        Code::MissingParameter,
        check,
        name,
        format!("{name} is required and was not given."),
    )
    .with_message(format!(
        "The input parameter “{name}” that is mandatory for processing this request is not supplied."
    ))
}

pub(super) fn check(request: &Request, sink: &mut Sink) {
    let region = request
        .region_id
        .as_deref()
        .filter(|s| !s.trim().is_empty());
    let lb = request
        .load_balancer_id
        .as_deref()
        .filter(|s| !s.trim().is_empty());

    match region {
        None => sink.push(missing("RegionId", Check::RegionMissing)),
        Some(r) if endpoint::known_host(r).is_none() => {
            let guess = endpoint::host_for(Some(r));
            let hint = endpoint::suggest_region(r)
                .map(|s| format!(" Did you mean {s}?"))
                .unwrap_or_default();
            sink.push(Diagnostic::new(
                Code::UnknownRegion,
                Check::UnknownRegion,
                "RegionId",
                format!(
                    "RegionId \"{}\" is not a known SLB region; the endpoint is guessed as {guess}.{hint}",
                    excerpt(r)
                ),
            ));
        }
        Some(_) => {}
    }
    match lb {
        None => sink.push(missing("LoadBalancerId", Check::LoadBalancerMissing)),
        Some(id) if !looks_like_lb_id(id) => sink.push(Diagnostic::new(
            Code::SuspiciousLoadBalancerId,
            Check::LoadBalancerIdFormat,
            "LoadBalancerId",
            format!(
                "LoadBalancerId \"{}\" is not lb- followed by lowercase letters and digits, like lb-bp1hv944r69al4j9jkmvx.",
                excerpt(id)
            ),
        )),
        Some(_) => {}
    }
    if let Some(name) = &request.master_slave_server_group_name {
        let chars = name.chars().count();
        if chars > MAX_GROUP_NAME_CHARS {
            sink.push(Diagnostic::new(
                Code::GroupNameTooLong,
                Check::GroupNameLength,
                "MasterSlaveServerGroupName",
                format!(
                    "MasterSlaveServerGroupName is {chars} characters long; keep it to {MAX_GROUP_NAME_CHARS}."
                ),
            ));
        }
    }
}

fn looks_like_lb_id(id: &str) -> bool {
    id.strip_prefix("lb-").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}
