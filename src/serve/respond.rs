//! The HTTP side of the preview, on hyper: connections are accepted on one thread, each
//! bounded in time and in number, and every request is answered from the served folder.
//! Files are streamed, not read whole, except pages, which get the reload script.

use std::convert::Infallible;
use std::io;
use std::net::TcpListener;
use std::sync::{Arc, PoisonError};
use std::time::Duration;

use futures_util::StreamExt;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Bytes, Frame, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::Semaphore;

use super::{Server, http, page};
use crate::language::Language;

/// Connections served at once; more are answered "503 Service Unavailable" and closed.
const MAX_CONNECTIONS: usize = 256;
/// Open pages listening for rebuilds at once (each holds a connection).
const MAX_EVENT_STREAMS: usize = 64;
/// How long a client has to send a whole request head, from the moment it connects (or
/// finished the previous request): a client that sends nothing, or a byte at a time, is
/// disconnected then.
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// How long a response may wait for a client that stopped reading it.
const WRITE_STALL: Duration = Duration::from_secs(10);
/// How often an idle event stream is sent a comment, to notice pages that were closed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

type Body = UnsyncBoxBody<Bytes, io::Error>;

/// Serves `listener` until the process ends; returns only when the server cannot start.
pub fn serve(listener: TcpListener, server: Arc<Server>) -> io::Result<Infallible> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        let event_streams = Arc::new(Semaphore::new(MAX_EVENT_STREAMS));
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file handles, for instance: wait for connections to close.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let Ok(permit) = connections.clone().try_acquire_owned() else {
                tokio::spawn(refuse_busy(stream, server.language()));
                continue;
            };
            let (server, event_streams) = (server.clone(), event_streams.clone());
            tokio::spawn(async move {
                let mut timed = tokio_io_timeout::TimeoutStream::new(stream);
                timed.set_write_timeout(Some(WRITE_STALL));
                let service = hyper::service::service_fn(move |request| {
                    let answer = answer(&server, &event_streams, &request);
                    async move { Ok::<_, Infallible>(answer) }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEAD_DEADLINE)
                    .serve_connection(TokioIo::new(Box::pin(timed)), service)
                    .await;
                drop(permit);
            });
        }
    })
}

/// Answers "503 Service Unavailable" without reading the request, and closes the connection.
async fn refuse_busy(mut stream: tokio::net::TcpStream, language: Language) {
    use tokio::io::AsyncWriteExt;
    let body = match language {
        Language::Vi => "Máy chủ xem trước đang bận; tải lại trang sau giây lát.",
        Language::En => "The preview server is busy; reload the page in a moment.",
    };
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let write = stream.write_all(response.as_bytes());
    let _ = tokio::time::timeout(WRITE_STALL, write).await;
}

/// The response to `request`.
fn answer(
    server: &Server,
    event_streams: &Arc<Semaphore>,
    request: &Request<Incoming>,
) -> Response<Body> {
    let language = server.language();
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "GET, HEAD");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| http::host_allowed(h, server.port)) {
        return plain(StatusCode::FORBIDDEN, &foreign_host(server.port, language));
    }
    let target = request.uri().path_and_query().map_or("/", |p| p.as_str());
    // hyper sends no body in answer to HEAD, and keeps the length.
    if target.split('?').next() == Some(page::EVENTS_PATH) {
        match event_streams.clone().try_acquire_owned() {
            Ok(permit) => events(server, permit),
            Err(_) => plain(StatusCode::SERVICE_UNAVAILABLE, busy(language)),
        }
    } else {
        file(server, target)
    }
}

/// The page, file or 404 page that `target` names; while the last build failed, the error
/// page instead of any page.
fn file(server: &Server, target: &str) -> Response<Body> {
    const HTML: &str = "text/html; charset=utf-8";
    let generation = *server.generation.borrow();
    let file = http::relative_path(target).and_then(|r| http::resolve(&server.site, &r));
    let is_page = file
        .as_ref()
        .is_none_or(|f| f.extension().is_some_and(|e| e == "html"));
    if is_page {
        let failure = server
            .failure
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(error_page) = &*failure {
            let page = page::with_preview(error_page.as_bytes(), generation, None);
            return whole(StatusCode::INTERNAL_SERVER_ERROR, HTML, page);
        }
    }
    if let Some(path) = &file {
        let content_type = http::content_type(path);
        if content_type == HTML {
            if let Ok(bytes) = std::fs::read(path) {
                let warnings = server
                    .warnings
                    .read()
                    .unwrap_or_else(PoisonError::into_inner);
                let page = page::with_preview(&bytes, generation, warnings.as_deref());
                return whole(StatusCode::OK, HTML, page);
            }
        } else if let Ok(opened) = std::fs::File::open(path)
            && let Ok(meta) = opened.metadata()
        {
            let stream = tokio_util::io::ReaderStream::new(tokio::fs::File::from_std(opened));
            let body = StreamBody::new(stream.map(|chunk| chunk.map(Frame::data)));
            let mut response = respond(StatusCode::OK, content_type, BodyExt::boxed_unsync(body));
            response
                .headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(meta.len()));
            return response;
        }
    }
    let not_found = std::fs::read(server.site.join("404.html"))
        .unwrap_or_else(|_| "<h1>404</h1><p>Không tìm thấy trang này.</p>".into());
    let warnings = server
        .warnings
        .read()
        .unwrap_or_else(PoisonError::into_inner);
    let page = page::with_preview(&not_found, generation, warnings.as_deref());
    whole(StatusCode::NOT_FOUND, HTML, page)
}

/// Server-Sent Events: the build number now and after every rebuild, and a comment when
/// idle, until the page goes away (the write then fails and the stream ends).
fn events(server: &Server, permit: tokio::sync::OwnedSemaphorePermit) -> Response<Body> {
    let generation = server.generation.subscribe();
    let start = Some((generation, true, permit));
    let stream = futures_util::stream::unfold(start, |state| async move {
        let (mut generation, first, permit) = state?;
        let message = if first {
            format!(
                "retry: 500\n\ndata: {}\n\n",
                *generation.borrow_and_update()
            )
        } else {
            match tokio::time::timeout(KEEP_ALIVE, generation.changed()).await {
                Ok(Ok(())) => format!("data: {}\n\n", *generation.borrow_and_update()),
                // The server is stopping.
                Ok(Err(_)) => return None,
                Err(_) => ": still here\n\n".to_owned(),
            }
        };
        let frame = Ok(Frame::data(Bytes::from(message)));
        Some((frame, Some((generation, false, permit))))
    });
    respond(
        StatusCode::OK,
        "text/event-stream",
        BodyExt::boxed_unsync(StreamBody::new(stream)),
    )
}

fn respond(status: StatusCode, content_type: &'static str, body: Body) -> Response<Body> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// A response whose body is in memory.
fn whole(status: StatusCode, content_type: &'static str, body: Vec<u8>) -> Response<Body> {
    let body = Full::new(Bytes::from(body)).map_err(|never| match never {});
    respond(status, content_type, BodyExt::boxed_unsync(body))
}

/// A refusal in words; the connection is closed after it.
fn plain(status: StatusCode, text: &str) -> Response<Body> {
    let text = text.as_bytes().to_vec();
    let mut response = whole(status, "text/plain; charset=utf-8", text);
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

fn busy(language: Language) -> &'static str {
    match language {
        Language::Vi => "Đang có quá nhiều trang mở; đóng bớt rồi tải lại trang này.",
        Language::En => "Too many pages are open; close some and reload this one.",
    }
}

/// Why a request with another `Host` is refused, and which address to open instead.
fn foreign_host(port: u16, language: Language) -> String {
    match language {
        Language::Vi => format!(
            "Bản xem trước chỉ mở qua http://localhost:{port}/ hoặc địa chỉ IP của máy này; \
             trang web khác không được đọc nó."
        ),
        Language::En => format!(
            "The preview only answers at http://localhost:{port}/ or this computer's IP \
             address; other web sites may not read it."
        ),
    }
}
