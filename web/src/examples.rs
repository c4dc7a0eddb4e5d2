//! The Examples menu: a valid group, the API reference's example as published (with its missing
//! comma), and one request per diagnostic code, taken from the core's test fixtures.

use slb_msgroup::{Code, Request};

use crate::state::State;

/// One entry of the menu.
#[derive(Debug, Clone)]
pub struct Example {
    pub label: String,
    pub state: State,
}

/// The valid group the page opens with.
pub const VALID: &str = include_str!("../../core/tests/fixtures/ok/single-quoted.json");
/// The API reference's example, as published: `'100''ServerType'` lacks a comma.
pub const REFERENCE: &str = include_str!("../../core/tests/fixtures/err/syntax-missing-comma.json");

/// One fixture per code, in the registry's order.
const PER_CODE: &[(Code, &str)] = &[
    (
        Code::MissingParameter,
        include_str!("../../core/tests/fixtures/err/missing-region.json"),
    ),
    (
        Code::InvalidRegionId,
        include_str!("../../core/tests/fixtures/err/region-moves-host.json"),
    ),
    (
        Code::InvalidParameter,
        include_str!("../../core/tests/fixtures/err/weight-out-of-range.json"),
    ),
    (
        Code::BackendServersNumMustBeTwo,
        include_str!("../../core/tests/fixtures/err/count-one.json"),
    ),
    (
        Code::BackendServerIdCanNotEmpty,
        include_str!("../../core/tests/fixtures/err/server-id-empty.json"),
    ),
    (
        Code::BackendServerPortCanNotEmpty,
        include_str!("../../core/tests/fixtures/err/port-empty.json"),
    ),
    (
        Code::RealServerPortNotSupport,
        include_str!("../../core/tests/fixtures/err/port-not-supported.json"),
    ),
    (
        Code::InvalidServerType,
        include_str!("../../core/tests/fixtures/err/server-type-case.json"),
    ),
    (
        Code::BackendServersHaveSamePortAndServerId,
        include_str!("../../core/tests/fixtures/err/same-port-and-server-id.json"),
    ),
    (
        Code::BackendServersCanOnlyContainOneMasterAndOneSlave,
        include_str!("../../core/tests/fixtures/err/two-masters-by-default.json"),
    ),
    (
        Code::UnknownServerKey,
        include_str!("../../core/tests/fixtures/err/unknown-key.json"),
    ),
    (
        Code::DuplicateServerKey,
        include_str!("../../core/tests/fixtures/err/duplicate-key.json"),
    ),
    (
        Code::UnknownRegion,
        include_str!("../../core/tests/fixtures/err/unknown-region.json"),
    ),
    (
        Code::SuspiciousLoadBalancerId,
        include_str!("../../core/tests/fixtures/err/suspicious-load-balancer-id.json"),
    ),
    (
        Code::InvalidDescription,
        include_str!("../../core/tests/fixtures/err/description-format.json"),
    ),
    (
        Code::MissingServerIp,
        include_str!("../../core/tests/fixtures/err/eni-without-server-ip.json"),
    ),
    (
        Code::GroupNameTooLong,
        include_str!("../../core/tests/fixtures/err/group-name-too-long.json"),
    ),
];

fn state_of(json: &str) -> State {
    serde_json::from_str::<Request>(json)
        .map(|r| State::from_request(&r))
        .unwrap_or_default()
}

/// The state the page opens with when the link holds none.
pub fn default_state() -> State {
    state_of(VALID)
}

/// Every example, in menu order.
pub fn all() -> Vec<Example> {
    let mut out = vec![
        Example {
            label: "A valid group".to_owned(),
            state: default_state(),
        },
        Example {
            label: "API reference example (as published)".to_owned(),
            state: state_of(REFERENCE),
        },
    ];
    out.extend(PER_CODE.iter().map(|(code, json)| Example {
        label: code.as_str().to_owned(),
        state: state_of(json),
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::to_request;

    /// Codes whose only trigger is too big to be a menu entry (64 KiB of text in a field).
    const NO_EXAMPLE: [Code; 1] = [Code::InvalidParameterLength];

    #[test]
    fn every_code_has_an_example_that_triggers_it() {
        for code in Code::ALL.iter().filter(|c| !NO_EXAMPLE.contains(c)) {
            let (_, json) = PER_CODE
                .iter()
                .find(|(c, _)| c == code)
                .unwrap_or_else(|| panic!("no example for {code:?}"));
            let report = slb_msgroup::validate(&to_request(&state_of(json)));
            assert!(
                report.diagnostics.iter().any(|d| d.code == *code),
                "{code:?}: {:?}",
                report.diagnostics
            );
        }
    }

    #[test]
    fn reference_example_misses_a_comma_and_the_fix_inserts_it() {
        let state = state_of(REFERENCE);
        let report = slb_msgroup::validate(&to_request(&state));
        let fix = report.diagnostics[0].fix.clone().unwrap();
        let fixed = fix.apply(&state.servers).unwrap();
        assert!(fixed.contains("'100','ServerType'"), "{fixed}");
        let fixed_state = State {
            servers: fixed,
            ..state
        };
        assert!(slb_msgroup::validate(&to_request(&fixed_state)).ok);
    }

    #[test]
    fn labels() {
        let all = all();
        assert_eq!(all.len(), 2 + Code::ALL.len() - NO_EXAMPLE.len());
        assert_eq!(all[1].label, "API reference example (as published)");
    }
}
