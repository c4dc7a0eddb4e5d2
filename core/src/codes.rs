//! The one registry of diagnostic codes: every code the validator can report, with its HTTP
//! status, the service's message and an explanation. Rules refer to codes by [`Code`]; the
//! explanations feed `errorCodes()` in the npm package and the README.

use serde::{Deserialize, Serialize, Serializer};

/// How bad a finding is. Errors make the service reject the request; warnings do not.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// Everything the registry knows about one code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    pub code: Code,
    pub severity: Severity,
    /// The HTTP status the service answers with; `None` for warnings (the call succeeds).
    pub http_status: Option<u16>,
    /// The service's message (verbatim from the API reference for the action-specific codes).
    /// Warnings are ours, so their message is ours too.
    pub message: &'static str,
    /// What the code means and what to do about it.
    pub description: &'static str,
}

macro_rules! registry {
    ($( $variant:ident => $name:literal, $severity:ident, $status:expr, $message:literal, $description:literal; )+) => {
        /// A diagnostic code. Service codes are spelled as the service spells them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $variant, )+
        }

        impl Code {
            /// Every code, errors in the order the service checks them, then warnings.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )+ ];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $name, )+
                }
            }

            pub const fn info(self) -> CodeInfo {
                match self {
                    $( Code::$variant => CodeInfo {
                        code: Code::$variant,
                        severity: Severity::$severity,
                        http_status: $status,
                        message: $message,
                        description: $description,
                    }, )+
                }
            }

            pub fn from_name(name: &str) -> Option<Code> {
                match name {
                    $( $name => Some(Code::$variant), )+
                    _ => None,
                }
            }
        }
    };
}

registry! {
    MissingParameter => "MissingParameter", Error, Some(400),
        "The input parameter that is mandatory for processing this request is not supplied.",
        "RegionId or LoadBalancerId is absent or empty. Both are required.";
    InvalidRegionId => "InvalidRegionId.NotFound", Error, Some(404),
        "The specified RegionId does not exist.",
        "RegionId is not a region id: 1 to 63 lowercase letters, digits and hyphens, like cn-hangzhou. No endpoint, URL or snippet is built on it, since the id becomes part of the host name.";
    InvalidParameterLength => "InvalidParameterLength", Error, Some(400),
        "The specified parameter length is not valid.",
        "LoadBalancerId or MasterSlaveServerGroupName is longer than 64 KiB (an assumption: the service documents no limit; 64 KiB is the cap this tool applies to MasterSlaveBackendServers too). Nothing is built from it.";
    InvalidParameter => "InvalidParameter", Error, Some(400),
        "The specified parameter is not valid.",
        "MasterSlaveBackendServers is not a list of objects (a syntax error, a value that is not an array, an element that is not an object), is longer than 64 KiB or nested deeper than 32; or a server's Weight is not an integer in 0..=100, its Type is not ecs, eni or eci, or a text field is not a string.";
    BackendServersNumMustBeTwo => "BACKEND_SERVERS_NUM_MUST_BE_TWO", Error, Some(400),
        "Backend servers num must be 2.",
        "An active/standby group holds exactly two servers. An absent or empty MasterSlaveBackendServers counts as an empty list.";
    BackendServerIdCanNotEmpty => "BACKEND_SERVER_ID_CAN_NOT_EMPTY", Error, Some(400),
        "Backend server id can not empty.",
        "A server's ServerId is absent, null or blank. Give the ECS instance, ENI or ECI id.";
    BackendServerPortCanNotEmpty => "BACKEND_SERVER_PORT_CAN_NOT_EMPTY", Error, Some(400),
        "Backend server port can not empty.",
        "A server's Port is absent, null or blank.";
    RealServerPortNotSupport => "RealServerPortNotSupport", Error, Some(400),
        "Real server port not support.",
        "A server's Port is not an integer in 1..=65535. Numbers and decimal strings are both accepted.";
    InvalidServerType => "INVALID_SERVER_TYPE", Error, Some(400),
        "Invalid server type.",
        "A server's ServerType is given and is not exactly Master or Slave (the check is case-sensitive).";
    BackendServersHaveSamePortAndServerId => "BACKEND_SERVERS_HAVE_SAME_PORT_AND_SERVERID", Error, Some(400),
        "Backend servers have same port and serverId.",
        "Both servers have the same ServerId and the same Port (80 equals \"80\"). The same port on two different servers is fine.";
    BackendServersCanOnlyContainOneMasterAndOneSlave => "BACKEND_SERVERS_CAN_ONLY_CONTAIN_ONE_MASTER_AND_ONE_SLAVE", Error, Some(400),
        "Backend servers can only contain one master and one slave.",
        "The two servers are not one Master and one Slave. ServerType defaults to Master, so two servers that omit it are two Masters.";
    UnknownServerKey => "UnknownServerKey", Warning, None,
        "The service ignores this key.",
        "A server entry has a key the service does not know (IsBackup, or a typo such as Serverid). The service ignores it; the closest known key is suggested.";
    DuplicateServerKey => "DuplicateServerKey", Warning, None,
        "This key is given twice; the last one wins.",
        "A server entry gives the same key twice. The service's parser keeps the last value.";
    UnknownRegion => "UnknownRegion", Warning, None,
        "This region is not a known SLB region.",
        "RegionId is not among the 57 known SLB regions; the endpoint is guessed as slb.<region>.aliyuncs.com.";
    SuspiciousLoadBalancerId => "SuspiciousLoadBalancerId", Warning, None,
        "This does not look like a load balancer id.",
        "LoadBalancerId does not look like lb- followed by lowercase letters and digits (for example lb-bp1hv944r69al4j9jkmvx).";
    InvalidDescription => "InvalidDescription", Warning, None,
        "The description does not meet the documented format.",
        "A server's Description is not 1 to 80 characters of letters, digits, Chinese characters and - / . _ as documented.";
    MissingServerIp => "MissingServerIp", Warning, None,
        "ENI and ECI servers should give ServerIp.",
        "A server with Type eni or eci has no ServerIp, the IP address of the ENI or ECI.";
    GroupNameTooLong => "GroupNameTooLong", Warning, None,
        "The group name is longer than 80 characters.",
        "MasterSlaveServerGroupName is longer than 80 characters (the limit of the sibling VServerGroupName; undocumented for this API).";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The registry as a list, in order.
pub fn all() -> impl Iterator<Item = CodeInfo> {
    Code::ALL.iter().map(|c| c.info())
}
