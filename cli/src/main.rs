//! `slb-msgroup`: the command line for shell users and CI pipelines. The same engine and the same
//! JSON shapes as the npm package (spans in UTF-16 code units, plus line and column).

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::Read as _;
use std::process::ExitCode;

mod emulate;

use clap::{Parser, Subcommand, ValueEnum};

use slb_msgroup::api::{self, Environment, Units};
use slb_msgroup::{Request, render};

/// Validate, sign and preview Alibaba Cloud SLB CreateMasterSlaveServerGroup requests offline.
///
/// The input is a request object as JSON, with the API's field names:
/// {"RegionId": "cn-hangzhou", "LoadBalancerId": "lb-…", "MasterSlaveBackendServers": "[…]" or […],
/// "MasterSlaveServerGroupName": "…"}
#[derive(Debug, Parser)]
#[command(name = "slb-msgroup", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the diagnostics as JSON (exit 0 valid, 1 invalid, 2 usage error).
    Validate {
        /// The request file, or - for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// Print the diagnostics for people: the raw string with the span underlined, code,
        /// message, detail and fix.
        #[arg(long)]
        text: bool,
        /// json (default), text, github (workflow annotations) or sarif (SARIF 2.1.0).
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
    },
    /// Print the request to send: method, URL, headers and the strings that are signed.
    /// Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.
    Request {
        #[arg(default_value = "-")]
        file: String,
        /// Signature version [default: v1 with credentials, else none]
        #[arg(long, value_enum)]
        sign: Option<Sign>,
        /// HTTP method [default: GET; POST for v3]
        #[arg(long, value_enum, ignore_case = true)]
        method: Option<MethodArg>,
        /// The response format the request asks for.
        #[arg(long, value_enum, ignore_case = true, default_value = "json")]
        format: FormatArg,
        /// A host that overrides the region's endpoint.
        #[arg(long)]
        endpoint: Option<String>,
        /// Use http instead of https.
        #[arg(long)]
        http: bool,
        /// YYYY-MM-DDThh:mm:ssZ (UTC) [default: now]
        #[arg(long)]
        timestamp: Option<String>,
        /// The signature nonce [default: random]
        #[arg(long)]
        nonce: Option<String>,
    },
    /// Print the response body the service would give (exit 0 for HTTP 200, 1 otherwise).
    Response {
        #[arg(default_value = "-")]
        file: String,
        #[arg(long, value_enum, ignore_case = true, default_value = "json")]
        format: FormatArg,
        /// service: what the service returns; documented: the API reference's example layout.
        #[arg(long, value_enum, default_value = "service")]
        shape: ShapeArg,
        /// The RequestId to use [default: random]
        #[arg(long)]
        request_id: Option<String>,
        /// The MasterSlaveServerGroupId to use [default: random]
        #[arg(long)]
        group_id: Option<String>,
    },
    /// Check a request as a client sent it (a URL, a curl command line or a raw HTTP request):
    /// the gateway's checks (encoding, common parameters, version, action, timestamp, AccessKey,
    /// signature), then the API's rules. Exit 0 accepted, 1 rejected, 2 usage error.
    Check {
        /// The file holding the request, or - for standard input.
        #[arg(default_value = "-")]
        file: String,
        /// The AccessKey id the gateway knows [default: ALIBABA_CLOUD_ACCESS_KEY_ID]; another id
        /// in the request is InvalidAccessKeyId.NotFound.
        #[arg(long)]
        access_key_id: Option<String>,
        /// The AccessKey secret to verify the signature with [default:
        /// ALIBABA_CLOUD_ACCESS_KEY_SECRET]. Without it the signature is not verified.
        #[arg(long)]
        access_key_secret: Option<String>,
        /// Now, YYYY-MM-DDThh:mm:ssZ (UTC), for the timestamp window [default: the clock]
        #[arg(long)]
        now: Option<String>,
        /// The string-to-sign your client logged, or the service's SignatureDoesNotMatch
        /// message: the report names the first byte that differs.
        #[arg(long)]
        string_to_sign: Option<String>,
        /// A nonce already used (repeatable): reusing it is SignatureNonceUsed.
        #[arg(long = "used-nonce")]
        used_nonces: Vec<String>,
        /// The report for people (same as --format text).
        #[arg(long)]
        text: bool,
        /// json (default), text, github (workflow annotations) or sarif (SARIF 2.1.0).
        #[arg(long, value_enum)]
        format: Option<ReportFormat>,
    },
    /// Print code that sends the request: all snippets as a JSON object, or one with --lang.
    Snippets {
        #[arg(default_value = "-")]
        file: String,
        /// One snippet: curl-bash, curl-powershell, curl-cmd, aliyun-bash, aliyun-powershell,
        /// python, typescript, go, java or terraform.
        #[arg(long)]
        lang: Option<String>,
        /// A host that overrides the region's endpoint.
        #[arg(long)]
        endpoint: Option<String>,
    },
    /// Run a local emulator of the API for offline tests: the official clients pointed at it
    /// get the answers the service would give. The first line of standard output is the base URL;
    /// then one log line per request.
    Emulate {
        /// The address to listen on (loopback unless told otherwise).
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// The port; 0 picks a free one.
        #[arg(long, default_value_t = 8090)]
        port: u16,
        /// An access key the emulator knows, as ID:SECRET (repeatable). Without any, every
        /// AccessKeyId is accepted and signatures are not verified.
        #[arg(long = "credential", value_name = "ID:SECRET")]
        credentials: Vec<String>,
        /// The log line format.
        #[arg(long, value_enum, default_value = "text")]
        log: LogArg,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogArg {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Json,
    Text,
    Github,
    Sarif,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Sign {
    None,
    V1,
    V3,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MethodArg {
    Get,
    Post,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Xml,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ShapeArg {
    Service,
    Documented,
}

impl FormatArg {
    const fn format(self) -> slb_msgroup::Format {
        match self {
            Self::Json => slb_msgroup::Format::Json,
            Self::Xml => slb_msgroup::Format::Xml,
        }
    }
}

/// A usage error: exit 2.
struct Usage(String);

/// Reads at most `cap` bytes of a file or standard input; more is a usage error, said before
/// anything is parsed or built.
fn read_capped(file: &str, cap: usize) -> Result<String, Usage> {
    let mut bytes = Vec::new();
    let (name, result) = if file == "-" {
        let stdin = std::io::stdin();
        let result = stdin.lock().take(cap as u64 + 1).read_to_end(&mut bytes);
        ("standard input", result)
    } else {
        let result =
            std::fs::File::open(file).and_then(|f| f.take(cap as u64 + 1).read_to_end(&mut bytes));
        (file, result)
    };
    result.map_err(|e| Usage(format!("{name}: {e}")))?;
    if bytes.len() > cap {
        return Err(Usage(format!(
            "{name}: larger than {cap} bytes; a request is at most four parameters of 64 KiB each, so it was not read"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Usage(format!(
            "{name}: not UTF-8 text (an invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn read_request(file: &str) -> Result<Request, Usage> {
    let text = read_capped(file, api::MAX_REQUEST_JSON_BYTES)?;
    api::parse_request(&text).map_err(|e| {
        Usage(format!(
            "{file}: not a request object: {e}\n(expected JSON like {{\"RegionId\": \"cn-hangzhou\", \"LoadBalancerId\": \"lb-…\", \"MasterSlaveBackendServers\": \"[…]\"}})"
        ))
    })
}

/// Reads the text to check, at most one byte over the cap (the engine refuses it then).
fn read_text(file: &str) -> Result<String, Usage> {
    let limit = u64::try_from(slb_msgroup::check::MAX_INPUT + 1).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| {
        Usage(if file == "-" {
            format!("reading standard input: {e}")
        } else {
            format!("{file}: {e}")
        })
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The file name annotations point at (`stdin` for standard input).
fn artifact(file: &str) -> &str {
    if file == "-" { "stdin" } else { file }
}

fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

fn environment() -> Environment {
    let unix_seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // RandomState is seeded from the operating system's randomness.
    let mut h = RandomState::new().build_hasher();
    h.write_u64(unix_seconds);
    Environment {
        unix_seconds,
        entropy: h.finish(),
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
fn out(text: &str) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn credential(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn run(cli: Cli) -> Result<ExitCode, Usage> {
    match cli.command {
        Command::Emulate {
            host,
            port,
            credentials,
            log,
        } => {
            let credentials = slb_msgroup::emulator::Credentials::from_pairs(&credentials)
                .map_err(|e| Usage(format!("--credential {e}")))?;
            let config = emulate::Config {
                host,
                port,
                credentials,
                log: match log {
                    LogArg::Text => slb_msgroup::emulator::LogFormat::Text,
                    LogArg::Json => slb_msgroup::emulator::LogFormat::Json,
                },
                entropy: environment().entropy,
            };
            match emulate::run(config) {
                Ok(()) => Ok(ExitCode::SUCCESS),
                Err(e) => {
                    eprintln!("slb-msgroup emulate: {e}");
                    Ok(ExitCode::FAILURE)
                }
            }
        }
        Command::Validate { file, text, format } => {
            let request = read_request(&file)?;
            let analysis = slb_msgroup::analyze(&request);
            let raw = analysis.raw.as_deref().unwrap_or("");
            let report = api::report(raw, &analysis.report, Units::Utf16WithLines);
            // Spans point into MasterSlaveBackendServers, not into the file: no line numbers.
            let in_file = |_: &api::ApiDiagnostic| false;
            match format.unwrap_or(if text {
                ReportFormat::Text
            } else {
                ReportFormat::Json
            }) {
                ReportFormat::Text => out(&render::text(raw, &analysis.report.diagnostics)),
                ReportFormat::Json => out(&format!("{}\n", json(&report))),
                ReportFormat::Github => out(&slb_msgroup::ci::github(
                    artifact(&file),
                    &report.diagnostics,
                    &in_file,
                )),
                ReportFormat::Sarif => out(&format!(
                    "{}\n",
                    json(&slb_msgroup::ci::sarif(
                        artifact(&file),
                        &report.diagnostics,
                        &in_file
                    ))
                )),
            }
            Ok(if analysis.report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Request {
            file,
            sign,
            method,
            format,
            endpoint,
            http,
            timestamp,
            nonce,
        } => {
            let request = read_request(&file)?;
            let options = api::ApiRequestOptions {
                signature_version: sign.map(|s| match s {
                    Sign::None => slb_msgroup::request::SignatureVersion::None,
                    Sign::V1 => slb_msgroup::request::SignatureVersion::V1,
                    Sign::V3 => slb_msgroup::request::SignatureVersion::V3,
                }),
                method: method.map(|m| match m {
                    MethodArg::Get => slb_msgroup::request::Method::Get,
                    MethodArg::Post => slb_msgroup::request::Method::Post,
                }),
                format: Some(format.format()),
                protocol: http.then_some(slb_msgroup::request::Protocol::Http),
                endpoint,
                access_key_id: credential("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                access_key_secret: credential("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                timestamp,
                nonce,
            };
            let built = api::build_request(&request, &options, environment()).map_err(Usage)?;
            out(&format!("{}\n", json(&built)));
            Ok(ExitCode::SUCCESS)
        }
        Command::Response {
            file,
            format,
            shape,
            request_id,
            group_id,
        } => {
            let request = read_request(&file)?;
            let options = api::ApiResponseOptions {
                format: Some(format.format()),
                shape: Some(match shape {
                    ShapeArg::Service => slb_msgroup::Shape::Service,
                    ShapeArg::Documented => slb_msgroup::Shape::Documented,
                }),
                request_id,
                group_id,
            };
            let response = api::render_response(&request, &options, environment());
            out(&format!("{}\n", response.body));
            eprintln!("HTTP {} ({})", response.status, response.content_type);
            Ok(if response.status == 200 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Check {
            file,
            access_key_id,
            access_key_secret,
            now,
            string_to_sign,
            used_nonces,
            text,
            format,
        } => {
            let now = match now {
                Some(t) => Some(slb_msgroup::check::time::parse(&t).ok_or_else(|| {
                    Usage(format!(
                        "--now {t:?} is not YYYY-MM-DDThh:mm:ssZ (UTC), like 2026-11-22T08:00:00Z"
                    ))
                })?),
                None => Some(now_seconds()),
            };
            let input = read_text(&file)?;
            let options = slb_msgroup::check::CheckOptions {
                now,
                access_key_id: access_key_id.or_else(|| credential("ALIBABA_CLOUD_ACCESS_KEY_ID")),
                access_key_secret: access_key_secret
                    .or_else(|| credential("ALIBABA_CLOUD_ACCESS_KEY_SECRET")),
                string_to_sign,
                nonces: used_nonces,
            };
            let report = slb_msgroup::check::check(&input, &options);
            // The gateway's diagnostics have spans into the file; the API's into a parameter.
            let in_input = |d: &api::ApiDiagnostic| report.in_input(d);
            let format = format.unwrap_or(if text {
                ReportFormat::Text
            } else {
                ReportFormat::Json
            });
            match format {
                ReportFormat::Json => out(&format!("{}\n", json(&report))),
                ReportFormat::Text => out(&report.text()),
                ReportFormat::Github => out(&slb_msgroup::ci::github(
                    artifact(&file),
                    &report.diagnostics,
                    &in_input,
                )),
                ReportFormat::Sarif => out(&format!(
                    "{}\n",
                    json(&slb_msgroup::ci::sarif(
                        artifact(&file),
                        &report.diagnostics,
                        &in_input
                    ))
                )),
            }
            Ok(if report.accepted {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Snippets {
            file,
            lang,
            endpoint,
        } => {
            let request = read_request(&file)?;
            let options = api::ApiSnippetOptions {
                endpoint,
                only: lang.clone().map(|l| vec![l]),
            };
            let all = api::snippets(&request, &options).map_err(Usage)?;
            match lang {
                Some(_) => {
                    for (_, code) in all.0 {
                        out(&code);
                    }
                }
                None => out(&format!("{}\n", json(&all))),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Usage(message)) => {
            eprintln!("slb-msgroup: {message}");
            ExitCode::from(2)
        }
    }
}
