//! `slb-msgroup emulate`: the emulator's handler (`slb_msgroup::emulator`) behind a socket.
//!
//! The transport is hyper 1's HTTP/1 server on a current-thread tokio runtime. hyper rather than
//! axum: the emulator has one handler and no routing, so axum's router, extractors and the
//! tower-http stack would add compile time and binary size for nothing; the limits the issue asks
//! for come from hyper and its companions all the same: hyper's header-read timeout and header
//! buffer cap, http-body-util's `Limited` for the body cap (413), a tokio timeout on the body,
//! hyper-util's graceful shutdown on SIGINT and SIGTERM. No HTTP is parsed here.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http_body_util::{BodyExt as _, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use slb_msgroup::emulator::{
    self, Credentials, HttpRequest, LogFormat, Options, State, handle, log_line, transport_error,
};

/// The largest request body read (bigger ones get 413). The API's largest parameter, the server
/// list, is capped at 64 KiB by the rules; 1 MiB leaves room for any form encoding of it.
pub const BODY_CAP: usize = 1024 * 1024;
/// The request line and headers must arrive within this time, or the connection is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);
/// The body must arrive within this time, or the answer is 408.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// hyper's read buffer, which bounds the request line and headers.
pub const MAX_HEAD: usize = 64 * 1024;
/// How long open connections get to finish on shutdown.
const DRAIN: Duration = Duration::from_secs(5);

/// What the command line asked for.
#[derive(Debug)]
pub struct Config {
    pub host: String,
    pub port: u16,
    pub credentials: Credentials,
    pub log: LogFormat,
    pub entropy: u64,
}

#[derive(Debug)]
struct Shared {
    state: Mutex<State>,
    options: Options,
    log: LogFormat,
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes one line to standard output; a closed pipe is not worth a panic.
fn line(text: &str) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{text}");
    let _ = stdout.flush();
}

/// Runs the server until SIGINT or SIGTERM.
pub fn run(config: Config) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting the runtime: {e}"))?;
    runtime.block_on(serve(config))
}

async fn serve(config: Config) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.host, config.port))?;
    let addr: SocketAddr = listener.local_addr().map_err(|e| e.to_string())?;
    // The first line of standard output: the base URL.
    line(&format!("http://{addr}"));
    if !addr.ip().is_loopback() {
        eprintln!("slb-msgroup emulate: listening on {addr}, reachable from other machines");
    }
    match &config.credentials {
        Credentials::Any => eprintln!(
            "slb-msgroup emulate: no --credential given: any AccessKeyId is accepted and signatures are not verified"
        ),
        Credentials::Known(list) => eprintln!(
            "slb-msgroup emulate: {} credential(s): unknown AccessKeyIds are refused and every signature is verified",
            list.len()
        ),
    }
    eprintln!(
        "slb-msgroup emulate: created groups at http://{addr}/_emulator/groups; Ctrl-C stops"
    );

    let shared = Arc::new(Shared {
        state: Mutex::new(State::new(config.entropy)),
        options: Options {
            credentials: config.credentials,
        },
        log: config.log,
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_buf_size(MAX_HEAD);
    let graceful = GracefulShutdown::new();
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(|e| format!("SIGTERM handler: {e}"))?;

    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        // Out of file descriptors and the like: wait a little, keep serving.
                        eprintln!("slb-msgroup emulate: accept: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let shared = Arc::clone(&shared);
                let service = service_fn(move |req| answer(req, Arc::clone(&shared)));
                let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
                tokio::spawn(async move {
                    // A client that goes away or sends garbage ends its own connection only.
                    let _ = connection.await;
                });
            }
            _ = tokio::signal::ctrl_c() => break,
            _ = terminate.recv() => break,
        }
    }
    drop(listener);
    eprintln!("slb-msgroup emulate: shutting down");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => {}
    }
    Ok(())
}

type Answer = hyper::Response<Full<Bytes>>;

fn to_hyper(response: emulator::HttpResponse, close: bool) -> Answer {
    let mut builder = hyper::Response::builder().status(response.status);
    for (k, v) in &response.headers {
        builder = builder.header(k.as_str(), v.as_str());
    }
    if close {
        builder = builder.header("Connection", "close");
    }
    builder
        .body(Full::new(Bytes::from(response.body)))
        .unwrap_or_else(|_| {
            let mut fallback = hyper::Response::new(Full::new(Bytes::new()));
            *fallback.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
            fallback
        })
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, State> {
    // A panic while holding the lock cannot leave the state half-written in a way that matters
    // more than stopping the server would.
    shared
        .state
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Refuses a request before the handler: the service's error shape, logged like any other.
fn refuse(shared: &Shared, req: &HttpRequest, status: u16, code: &str, message: &str) -> Answer {
    let handled = transport_error(
        &req.method,
        &req.path,
        &req.query,
        &mut lock(shared),
        status,
        code,
        message,
    );
    line(&log_line(&handled.outcome, now_unix(), shared.log));
    to_hyper(handled.response, true)
}

async fn answer(req: hyper::Request<Incoming>, shared: Arc<Shared>) -> Result<Answer, Infallible> {
    let (parts, body) = req.into_parts();
    let mut request = HttpRequest {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or("").to_owned(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: Vec::new(),
    };
    let too_large = |shared: &Shared, request: &HttpRequest| {
        refuse(
            shared,
            request,
            413,
            "RequestEntityTooLarge",
            &format!("The request body is larger than {BODY_CAP} bytes."),
        )
    };
    let declared = request
        .header("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_CAP as u64) {
        return Ok(too_large(&shared, &request));
    }
    match tokio::time::timeout(BODY_TIMEOUT, Limited::new(body, BODY_CAP).collect()).await {
        Err(_) => {
            return Ok(refuse(
                &shared,
                &request,
                408,
                "RequestTimeout",
                "The request body did not arrive in time.",
            ));
        }
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => {
            return Ok(too_large(&shared, &request));
        }
        Ok(Err(_)) => {
            return Ok(refuse(
                &shared,
                &request,
                400,
                "RequestBodyMalformed",
                "The request body could not be read.",
            ));
        }
        Ok(Ok(collected)) => request.body = collected.to_bytes().to_vec(),
    }
    let now = now_unix();
    let handled = handle(&request, &mut lock(&shared), now, &shared.options);
    line(&log_line(&handled.outcome, now, shared.log));
    Ok(to_hyper(handled.response, false))
}
