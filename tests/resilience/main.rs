//! Rate limits, retries, the message poller and the raw call. Waiting is measured on
//! tokio's paused clock: a test that should wait 60 seconds takes milliseconds.

#[path = "../common/mod.rs"]
mod common;

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chatwork::{Client, Credentials, Error, RetryPolicy};
use common::*;
use futures_util::StreamExt;
use httpmock::{HttpMockResponse, MockServer};
use reqwest::Method;
use tokio::time::Instant;

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// A client builder for paused-time tests: no timeouts and no pool idle timer (a pending
/// timer would let the paused clock jump ahead while waiting for the mock's answer).
fn paused(server: &MockServer) -> chatwork::ClientBuilder {
    Client::builder(Credentials::api_token(TOKEN))
        .base_url(server.base_url())
        .no_timeouts()
        .pool_idle_timeout(None)
}

/// Default rate limiting and retries, for paused-time tests.
fn paused_client(server: &MockServer) -> Client {
    paused(server).build().unwrap()
}

fn answer(status: u16, remaining: u32, reset: u64, body: &str) -> HttpMockResponse {
    HttpMockResponse::builder()
        .status(status)
        .header("content-type", "application/json")
        .header("x-ratelimit-limit", "300")
        .header("x-ratelimit-remaining", remaining.to_string())
        .header("x-ratelimit-reset", reset.to_string())
        .body(body.to_owned())
        .build()
}

/// A mock whose n-th call (0-based) gets `script(n)`.
async fn scripted<'a>(
    server: &'a MockServer,
    method: &'static str,
    path: &'static str,
    script: impl Fn(usize) -> HttpMockResponse + Send + Sync + 'static,
) -> httpmock::Mock<'a> {
    let calls = Arc::new(AtomicUsize::new(0));
    server
        .mock_async(move |when, then| {
            when.method(method)
                .path(path)
                .header("x-chatworktoken", TOKEN);
            then.respond_with(move |_| script(calls.fetch_add(1, Ordering::SeqCst)));
        })
        .await
}

const ME: &str = r#"{"account_id":1,"room_id":2,"name":"n","chatwork_id":"","organization_id":0,"organization_name":"","department":"","title":"","url":"","introduction":"","mail":"","tel_organization":"","tel_extension":"","tel_mobile":"","skype":"","facebook":"","twitter":"","avatar_image_url":"","login_mail":""}"#;

/// Serves one HTTP answer on `listener` once it is bound, for the connect-retry test.
fn serve_once_later(
    port: u16,
    after: Duration,
    body: &'static str,
) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        std::thread::sleep(after);
        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
        let (mut stream, _) = listener.accept().unwrap();
        let mut buf = vec![0u8; 4096];
        let n = stream.read(&mut buf).unwrap();
        let request = String::from_utf8_lossy(&buf[..n]).into_owned();
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(response.as_bytes()).unwrap();
        request
    })
}

fn message(id: &str) -> String {
    format!(
        r#"{{"message_id":"{id}","account":{{"account_id":1,"name":"a","avatar_image_url":""}},"body":"m{id}","send_time":1,"update_time":0}}"#
    )
}

fn http_date(unix: u64) -> String {
    httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(unix))
}

/// A 429 with the token budget spent, its reset 30 s after Chatwork's own `Date`, which is
/// `skew` seconds off this machine's clock.
fn skewed_429(skew: i64) -> HttpMockResponse {
    let server_now = unix_now().checked_add_signed(skew).unwrap();
    HttpMockResponse::builder()
        .status(429)
        .header("date", http_date(server_now))
        .header("x-ratelimit-limit", "300")
        .header("x-ratelimit-remaining", "0")
        .header("x-ratelimit-reset", (server_now + 30).to_string())
        .body(r#"{"errors":["Rate limit exceeded"]}"#)
        .build()
}

fn message_at(id: &str, send_time: i64) -> String {
    format!(
        r#"{{"message_id":"{id}","account":{{"account_id":1,"name":"a","avatar_image_url":""}},"body":"m{id}","send_time":{send_time},"update_time":0}}"#
    )
}

mod clocks;
mod raw;
mod retries;
