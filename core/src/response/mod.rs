//! Response bodies, success and error, in JSON and XML, in two shapes:
//! `service` (what the service returns and the SDKs read) and `documented` (the layout of the API
//! reference's examples).

mod json;
mod xml;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::encode;
use crate::endpoint;
use crate::ids::IdGen;
use crate::model::Request;
use crate::rules::{self, Analysis, Resolved};

/// The body format, as the `Format` request parameter names it.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    #[default]
    #[serde(rename = "JSON")]
    Json,
    #[serde(rename = "XML")]
    Xml,
}

impl Format {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Json => "JSON",
            Self::Xml => "XML",
        }
    }

    /// Reads `JSON` or `XML` (any case).
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "JSON" => Some(Self::Json),
            "XML" => Some(Self::Xml),
            _ => None,
        }
    }
}

/// The layout of a success body.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// What the service returns: flat JSON, `…Response` XML root, integers, defaults filled in.
    #[default]
    Service,
    /// The API reference's example layout: wrapper object, plural item key, strings, only the
    /// fields the request gave.
    Documented,
}

impl Shape {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "service" => Some(Self::Service),
            "documented" => Some(Self::Documented),
            _ => None,
        }
    }
}

/// How to render a response.
#[derive(Debug, Clone, Default)]
pub struct ResponseOptions {
    pub format: Format,
    pub shape: Shape,
    /// The RequestId to use; random (from `entropy`) when absent.
    pub request_id: Option<String>,
    /// The MasterSlaveServerGroupId to use; random (from `entropy`) when absent.
    pub group_id: Option<String>,
    /// Seeds the random ids.
    pub entropy: u64,
}

/// A rendered response.
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "RenderedResponse")
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
}

/// What a success body holds.
pub(crate) struct Success<'a> {
    pub request_id: &'a str,
    pub group_id: &'a str,
    pub servers: &'a [Resolved],
}

/// What an error body holds.
pub(crate) struct Failure<'a> {
    pub request_id: &'a str,
    pub host_id: &'a str,
    pub code: &'a str,
    pub message: &'a str,
    pub recommend: &'a str,
}

/// Validates `request` and renders the response the service would give.
pub fn render(request: &Request, options: &ResponseOptions) -> Response {
    render_analysis(request, &rules::analyze(request), options)
}

/// Renders the response for an analysis already made (the playground validates once per
/// keystroke and renders both formats from it).
pub fn render_analysis(
    request: &Request,
    analysis: &Analysis,
    options: &ResponseOptions,
) -> Response {
    let mut ids = IdGen::new(options.entropy);
    let request_id = options
        .request_id
        .clone()
        .unwrap_or_else(|| ids.request_id());
    match (analysis.report.first_error(), &analysis.servers.resolved) {
        (None, Some(servers)) => {
            let group_id = options.group_id.clone().unwrap_or_else(|| ids.group_id());
            let success = Success {
                request_id: &request_id,
                group_id: &group_id,
                servers,
            };
            Response {
                status: 200,
                content_type: content_type(options.format),
                body: match (options.format, options.shape) {
                    (Format::Json, Shape::Service) => json::success_service(&success),
                    (Format::Json, Shape::Documented) => json::success_documented(&success),
                    (Format::Xml, Shape::Service) => xml::success_service(&success),
                    (Format::Xml, Shape::Documented) => xml::success_documented(&success),
                },
            }
        }
        (error, _) => error_response(request, error, &request_id, options.format),
    }
}

fn error_response(
    request: &Request,
    error: Option<&Diagnostic>,
    request_id: &str,
    format: Format,
) -> Response {
    // A report with no error always has resolved servers; this is only a safe default.
    let (code, message, status) = error.map_or(
        (
            "InternalError",
            "The request processing has failed due to some unknown error, exception or failure.",
            500,
        ),
        |d| {
            (
                d.code.as_str(),
                d.message.as_str(),
                d.http_status.unwrap_or(400),
            )
        },
    );
    // A RegionId that is not a region id makes no host: the error body names the default one.
    let host = endpoint::host_for(request.region_id.as_deref())
        .unwrap_or_else(|_| endpoint::DEFAULT_HOST.to_owned());
    render_error(
        &ErrorOptions {
            code,
            message,
            status,
            request_id,
            host_id: &host,
        },
        format,
    )
}

/// What an error response says, for errors found before the API's own rules (the gateway's).
#[derive(Debug, Clone, Copy)]
pub struct ErrorOptions<'a> {
    pub code: &'a str,
    pub message: &'a str,
    pub status: u16,
    pub request_id: &'a str,
    /// The endpoint host, as the service's `HostId`.
    pub host_id: &'a str,
}

/// Renders an error body (`RequestId`, `HostId`, `Code`, `Message`, `Recommend`) with its status.
pub fn render_error(error: &ErrorOptions<'_>, format: Format) -> Response {
    let recommend = format!(
        "https://api.aliyun.com/troubleshoot?q={}&product=Slb&requestId={}",
        encode::rpc(error.code),
        encode::rpc(error.request_id)
    );
    let failure = Failure {
        request_id: error.request_id,
        host_id: error.host_id,
        code: error.code,
        message: error.message,
        recommend: &recommend,
    };
    Response {
        status: error.status,
        content_type: content_type(format),
        body: match format {
            Format::Json => json::error(&failure),
            Format::Xml => xml::error(&failure),
        },
    }
}

const fn content_type(format: Format) -> &'static str {
    match format {
        Format::Json => "application/json;charset=utf-8",
        Format::Xml => "text/xml;charset=utf-8",
    }
}
