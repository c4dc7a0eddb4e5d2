//! # slb-msgroup
//!
//! The exact, offline validator for Alibaba Cloud SLB `CreateMasterSlaveServerGroup`
//! (API version 2014-05-15): it parses the raw `MasterSlaveBackendServers` string the way the
//! service reads it, reports diagnostics as data, renders the service's response bodies, and
//! builds signed request URLs and code snippets.
//!
//! Pure Rust with no I/O: the clock, randomness and credentials are arguments.
//!
//! ```
//! use slb_msgroup::{Request, ServerList, validate};
//!
//! let request = Request {
//!     region_id: Some("cn-hangzhou".into()),
//!     load_balancer_id: Some("lb-bp1hv944r69al4j9jkmvx".into()),
//!     master_slave_backend_servers: Some(ServerList::Raw(
//!         "[{'ServerId':'vm-233','Port':'80','ServerType':'Master'},\
//!           {'ServerId':'vm-232','Port':'90','ServerType':'Slave'}]".into(),
//!     )),
//!     master_slave_server_group_name: Some("Group1".into()),
//! };
//! assert!(validate(&request).ok);
//! ```

pub mod api;
pub mod check;
pub mod ci;
pub mod codes;
pub mod diagnostic;
pub mod emulator;
pub mod encode;
pub mod endpoint;
pub mod ids;
pub mod json;
pub mod json_de;
pub mod model;
pub mod render;
pub mod request;
pub mod response;
pub mod rules;
pub mod servers;
pub mod sign;
pub mod snippets;
pub mod text;
#[cfg(feature = "wasm")]
pub mod wasm;

pub use codes::{Code, CodeInfo, Severity};
pub use diagnostic::{Check, Diagnostic, Edit, Fix, Report, Span};
pub use model::{BackendServer, NumOrStr, Request, ServerList};
pub use response::{Format, Response, ResponseOptions, Shape, render as render_response};
pub use rules::{Analysis, Resolved, analyze, parse_servers, validate};

/// Sorts a short slice (a request's parameters, a fix's edits) in place, stably, by `less`.
/// Insertion sort: for the dozen or so items sorted here as fast as the standard sorts, and one
/// small function per use instead of a full sort implementation in the `.wasm` each time.
pub(crate) fn sort_short_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
