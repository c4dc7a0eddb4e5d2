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
    (
        api { $( $variant:ident => $name:literal, $severity:ident, $status:expr, $message:literal, $description:literal; )+ }
        gateway { $( $gvariant:ident => $gname:literal, $gseverity:ident, $gstatus:expr, $gmessage:literal, $gdescription:literal; )+ }
    ) => {
        /// A diagnostic code. Service codes are spelled as the service spells them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( $variant, )+
            $( $gvariant, )+
        }

        impl Code {
            /// The API's own codes (what `validate` reports), errors in the order the service
            /// checks them, then warnings.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )+ ];

            /// The gateway's codes and the request reader's (what `check` reports before the
            /// API's), in the order the gateway checks them.
            pub const GATEWAY: &'static [Code] = &[ $( Code::$gvariant, )+ ];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Code::$variant => $name, )+
                    $( Code::$gvariant => $gname, )+
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
                    $( Code::$gvariant => CodeInfo {
                        code: Code::$gvariant,
                        severity: Severity::$gseverity,
                        http_status: $gstatus,
                        message: $gmessage,
                        description: $gdescription,
                    }, )+
                }
            }

            pub fn from_name(name: &str) -> Option<Code> {
                match name {
                    $( $name => Some(Code::$variant), )+
                    $( $gname => Some(Code::$gvariant), )+
                    _ => None,
                }
            }
        }
    };
}

registry! {
    api {
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
    gateway {
    // The request reader's own codes (no HTTP status: the request never reached the service).
    InputTooLarge => "InputTooLarge", Error, None,
        "The input is too large to check.",
        "The text given to check is over 1 MiB (1,048,576 bytes). It is refused before any work.";
    UnreadableRequest => "UnreadableRequest", Error, None,
        "The input is not a request this tool can read.",
        "The text is not a URL, a curl command line or a raw HTTP/1.1 request (request line, headers, a blank line, the body), or one of its parts is malformed (an unterminated quote, a header without a colon, a curl option without its value).";
    // The POP gateway, in the order it checks (api-facts §4.5, [M]/[L]: statuses and messages
    // as documented or seen in SDKs; the order is assumed).
    UnsupportedHttpMethod => "UnsupportedHTTPMethod", Error, Some(403),
        "This http method is not supported.",
        "The method is not GET or POST. RPC-style APIs take GET or POST only. (Message assumed.)";
    RequestParameterMalformed => "RequestParameterMalformed", Error, Some(400),
        "Request parameters has malformed encoded characters.",
        "A query or form parameter has a % that is not followed by two hex digits, or decodes to bytes that are not UTF-8.";
    IncompleteSignature => "IncompleteSignature", Error, Some(400),
        "The request signature does not conform to Aliyun standards.",
        "The Authorization header is not `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b;…>,Signature=<hex>`, or v1's SignatureMethod is not HMAC-SHA1. (Message assumed.)";
    InvalidVersion => "InvalidVersion", Error, Some(400),
        "Specified parameter Version is not valid.",
        "The Version parameter (v1) or x-acs-version header (ACS3) is not 2014-05-15. (HTTP status assumed.)";
    InvalidActionNotFound => "InvalidAction.NotFound", Error, Some(404),
        "Specified api is not found, please check your url and method.",
        "The Action parameter (v1) or x-acs-action header (ACS3) names an action other than CreateMasterSlaveServerGroup, the one action this tool models.";
    InvalidTimeStampFormat => "InvalidTimeStamp.Format", Error, Some(400),
        "Specified time stamp or date value is not well formatted.",
        "Timestamp (v1) or x-acs-date (ACS3) is not YYYY-MM-DDThh:mm:ssZ in UTC. (Code and message assumed.)";
    InvalidTimeStampExpired => "InvalidTimeStamp.Expired", Error, Some(400),
        "Specified time stamp or date value is expired.",
        "Timestamp (v1) or x-acs-date (ACS3) is more than 15 minutes before or after now (the window is assumed from third-party code).";
    InvalidAccessKeyIdNotFound => "InvalidAccessKeyId.NotFound", Error, Some(404),
        "Specified access key is not found.",
        "The AccessKeyId (v1) or the Authorization header's Credential (ACS3) is not among the credentials given.";
    SignatureDoesNotMatch => "SignatureDoesNotMatch", Error, Some(400),
        "Specified signature is not matched with our calculation.",
        "The signature recomputed from what arrived differs from the one sent (or, for ACS3, x-acs-content-sha256 is not the SHA-256 of the body). The message ends with the server's string-to-sign, as the service's does.";
    SignatureNonceUsed => "SignatureNonceUsed", Error, Some(400),
        "Specified signature nonce was used already.",
        "SignatureNonce (v1) or x-acs-signature-nonce (ACS3) is in the nonce memory given: each request needs a new one.";
    SignatureNotVerified => "SignatureNotVerified", Warning, None,
        "The signature was not verified.",
        "No AccessKey secret was given, so everything but the signature comparison was checked. The canonical strings and the string-to-sign are still shown.";
    }
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

/// The API's codes as a list, in order.
pub fn all() -> impl Iterator<Item = CodeInfo> {
    Code::ALL.iter().map(|c| c.info())
}

/// The gateway's and the request reader's codes, in the order they are checked.
pub fn gateway() -> impl Iterator<Item = CodeInfo> {
    Code::GATEWAY.iter().map(|c| c.info())
}
