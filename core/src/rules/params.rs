//! Checks of the request's own parameters: RegionId, LoadBalancerId, MasterSlaveServerGroupName.

use super::Sink;
use crate::codes::Code;
use crate::diagnostic::{Check, Diagnostic};
use crate::endpoint;
use crate::model::Request;
use crate::text::{excerpt, is_blank};

/// The longest group name we accept without a warning (undocumented; the sibling
/// VServerGroupName allows 80).
pub const MAX_GROUP_NAME_CHARS: usize = 80;

/// The longest value of any other parameter: 64 KiB, the cap of MasterSlaveBackendServers too (an
/// assumption: the service documents none). Past it the request is refused and nothing is built.
pub const MAX_PARAMETER_BYTES: usize = crate::servers::MAX_BYTES;

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
    let region = request.region_id.as_deref().filter(|s| !is_blank(s));
    let lb = request.load_balancer_id.as_deref().filter(|s| !is_blank(s));

    match region {
        None => sink.push(missing("RegionId", Check::RegionMissing)),
        Some(r) if !endpoint::is_region_id(r) => {
            let hint = endpoint::suggest_region(r)
                .map(|s| format!(" Did you mean {s}?"))
                .unwrap_or_default();
            sink.push(Diagnostic::new(
                Code::InvalidRegionId,
                Check::RegionShape,
                "RegionId",
                format!(
                    "RegionId \"{}\" is not a region id: 1 to {} lowercase letters, digits and hyphens, like cn-hangzhou.{hint}",
                    excerpt(r),
                    endpoint::MAX_REGION_ID_LEN,
                ),
            ));
        }
        Some(r) if endpoint::known_host(r).is_none() => {
            let hint = endpoint::suggest_region(r)
                .map(|s| format!(" Did you mean {s}?"))
                .unwrap_or_default();
            sink.push(Diagnostic::new(
                Code::UnknownRegion,
                Check::UnknownRegion,
                "RegionId",
                format!(
                    "RegionId \"{r}\" is not a known SLB region; the endpoint is guessed as slb.{r}.aliyuncs.com.{hint}"
                ),
            ));
        }
        Some(_) => {}
    }
    for (name, value) in [
        ("LoadBalancerId", lb),
        (
            "MasterSlaveServerGroupName",
            request.master_slave_server_group_name.as_deref(),
        ),
    ] {
        if let Some(v) = value.filter(|v| v.len() > MAX_PARAMETER_BYTES) {
            sink.push(Diagnostic::new(
                Code::InvalidParameterLength,
                Check::ParameterLength,
                name,
                format!(
                    "{name} is {} bytes long; at most {MAX_PARAMETER_BYTES} bytes are read.",
                    v.len()
                ),
            ));
        }
    }
    match lb {
        Some(id) if id.len() > MAX_PARAMETER_BYTES => {}
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
        if chars > MAX_GROUP_NAME_CHARS && name.len() <= MAX_PARAMETER_BYTES {
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
