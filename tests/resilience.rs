//! Rate limits, retries, the message poller and the raw call. Waiting is measured on
//! tokio's paused clock: a test that should wait 60 seconds takes milliseconds.

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

#[tokio::test(start_paused = true)]
async fn a_429_waits_for_the_reset_and_the_caller_sees_the_success() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 30;
    let m = scripted(&server, "GET", "/me", move |n| match n {
        0 => answer(429, 0, reset, r#"{"errors":["Rate limit exceeded"]}"#),
        _ => answer(200, 299, reset + 300, ME),
    })
    .await;
    let started = Instant::now();
    let me = paused_client(&server).get_me().send().await.unwrap();
    assert_eq!(me.name, "n");
    m.assert_calls_async(2).await;
    assert!(
        started.elapsed() >= Duration::from_secs(29),
        "retried after {:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn a_429_on_a_post_is_retried_too_since_chatwork_did_not_act() {
    let server = MockServer::start_async().await;
    let m = scripted(&server, "POST", "/rooms/5/messages", |n| match n {
        0 => HttpMockResponse::builder()
            .status(429)
            .header("retry-after", "7")
            .body(r#"{"errors":["Rate limit for message posting per room exceeded."]}"#)
            .build(),
        _ => answer(
            200,
            298,
            unix_now() + 300,
            r#"{"message_id":"1928374655918273645"}"#,
        ),
    })
    .await;
    let started = Instant::now();
    let posted = paused_client(&server)
        .post_message()
        .room_id(5)
        .body("hi")
        .send()
        .await
        .unwrap();
    assert_eq!(posted.message_id.as_str(), "1928374655918273645");
    m.assert_calls_async(2).await;
    assert!(
        started.elapsed() >= Duration::from_secs(7),
        "Retry-After honoured: {:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn a_429_past_the_bounds_is_a_typed_error_with_the_reset_time() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 20;
    let m = scripted(&server, "GET", "/me", move |_| {
        answer(429, 0, reset, r#"{"errors":["Rate limit exceeded"]}"#)
    })
    .await;
    let client = paused(&server)
        .no_rate_limiting()
        .retry_policy(RetryPolicy::default().with_rate_limit_retries(2, Duration::from_secs(600)))
        .build()
        .unwrap();
    let err = client.get_me().send().await.unwrap_err();
    m.assert_calls_async(3).await;
    let api = err.as_api().expect("an API error");
    assert_eq!(api.status(), 429);
    assert_eq!(api.rate_limit().map(|r| r.reset), Some(reset));
    assert!(err.is_retryable());

    // A reset further away than the total-wait bound is not waited for at all.
    let server = MockServer::start_async().await;
    let far = unix_now() + 400;
    let m = scripted(&server, "GET", "/me", move |_| {
        answer(429, 0, far, r#"{"errors":["Rate limit exceeded"]}"#)
    })
    .await;
    let started = Instant::now();
    let err = paused_client(&server).get_me().send().await.unwrap_err();
    m.assert_calls_async(1).await;
    assert_eq!(err.status(), Some(429));
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn a_post_that_times_out_after_sending_is_not_retried_but_a_get_is() {
    let server = MockServer::start_async().await;
    let slow = |method: &'static str, path: &'static str| {
        let server = &server;
        async move {
            server
                .mock_async(move |when, then| {
                    when.method(method).path(path);
                    then.status(200)
                        .delay(Duration::from_millis(3000))
                        .body(r#"{"message_id":"1"}"#);
                })
                .await
        }
    };
    let post = slow("POST", "/rooms/5/messages").await;
    let get = slow("GET", "/rooms/5/messages/1").await;
    let client = Client::builder(Credentials::api_token(TOKEN))
        .base_url(server.base_url())
        .timeout(Duration::from_millis(500))
        .retry_policy(
            RetryPolicy::default()
                .with_backoff(Duration::from_millis(10), Duration::from_millis(20)),
        )
        .build()
        .unwrap();
    let err = client
        .post_message()
        .room_id(5)
        .body("only once")
        .send()
        .await
        .unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert!(t.is_timeout());
    assert!(!err.is_retryable(), "the POST may have been applied");
    let err = client
        .get_message()
        .room_id(5)
        .message_id("1")
        .send()
        .await
        .unwrap_err();
    assert!(err.is_retryable());
    tokio::time::sleep(Duration::from_millis(300)).await;
    post.assert_calls_async(1).await;
    get.assert_calls_async(4).await;
}

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

#[tokio::test]
async fn a_post_whose_connection_was_never_made_is_retried() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let server = serve_once_later(port, Duration::from_millis(150), r#"{"message_id":"77"}"#);
    let client = Client::builder(Credentials::api_token(TOKEN))
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(
            RetryPolicy::default()
                .with_max_retries(40)
                .with_backoff(Duration::from_millis(100), Duration::from_millis(100)),
        )
        .build()
        .unwrap();
    let posted = client
        .post_message()
        .room_id(5)
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(posted.message_id.as_str(), "77");
    let request = server.join().unwrap();
    assert!(
        request.starts_with("POST /rooms/5/messages HTTP/1.1"),
        "{request}"
    );
    assert!(request.ends_with("body=hello"), "{request}");
}

#[tokio::test(start_paused = true)]
async fn a_get_on_503_is_retried_and_a_post_is_not() {
    let server = MockServer::start_async().await;
    let get = scripted(&server, "GET", "/rooms", |n| match n {
        0 | 1 => answer(503, 290, unix_now() + 300, "<html>busy</html>"),
        _ => answer(200, 289, unix_now() + 300, "[]"),
    })
    .await;
    let post = scripted(&server, "POST", "/rooms/5/tasks", |_| {
        answer(503, 290, unix_now() + 300, "<html>busy</html>")
    })
    .await;
    let client = paused_client(&server);
    let rooms = client.list_rooms().send().await.unwrap();
    assert!(rooms.is_empty());
    get.assert_calls_async(3).await;
    let err = client
        .create_task()
        .room_id(5)
        .body("t")
        .to_ids([1])
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert!(!err.is_retryable());
    post.assert_calls_async(1).await;
}

#[tokio::test(start_paused = true)]
async fn retry_policy_none_sends_each_request_once_and_hands_back_the_429() {
    let server = MockServer::start_async().await;
    let get = scripted(&server, "GET", "/rooms", |_| {
        answer(503, 290, unix_now() + 300, "<html>busy</html>")
    })
    .await;
    let limited = scripted(&server, "GET", "/me", |_| {
        answer(
            429,
            0,
            unix_now() + 60,
            r#"{"errors":["Rate limit exceeded"]}"#,
        )
    })
    .await;
    let client = paused(&server)
        .retry_policy(chatwork::RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.list_rooms().send().await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    get.assert_calls_async(1).await;
    let err = client.get_me().send().await.unwrap_err();
    assert_eq!(err.status(), Some(429));
    limited.assert_calls_async(1).await;
    assert_eq!(started.elapsed(), Duration::ZERO, "no backoff, no wait");
    // The other settings stay the defaults.
    let none = chatwork::RetryPolicy::none();
    let default = chatwork::RetryPolicy::default();
    assert_eq!((none.max_retries, none.max_rate_limit_retries), (0, 0));
    assert_eq!(
        (
            none.initial_backoff,
            none.max_backoff,
            none.max_rate_limit_wait
        ),
        (
            default.initial_backoff,
            default.max_backoff,
            default.max_rate_limit_wait
        )
    );
    let custom = chatwork::RetryPolicy::default()
        .with_max_retries(7)
        .with_backoff(Duration::from_millis(20), Duration::from_millis(300))
        .with_rate_limit_retries(2, Duration::from_secs(9));
    assert_eq!(
        (
            custom.max_retries,
            custom.initial_backoff,
            custom.max_backoff,
            custom.max_rate_limit_retries,
            custom.max_rate_limit_wait
        ),
        (
            7,
            Duration::from_millis(20),
            Duration::from_millis(300),
            2,
            Duration::from_secs(9)
        )
    );
}

#[tokio::test(start_paused = true)]
async fn the_budget_blocks_at_remaining_zero_until_the_reset_across_clones() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 60;
    let m = scripted(&server, "GET", "/me", move |n| match n {
        0 => answer(200, 0, reset, ME),
        _ => answer(200, 299, reset + 300, ME),
    })
    .await;
    let client = paused_client(&server);
    let started = Instant::now();
    client.get_me().send().await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(1));
    let clone = client.clone();
    clone.get_me().send().await.unwrap();
    m.assert_calls_async(2).await;
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(60),
        "the second call went out after {waited:?}"
    );

    // Turned off, the same answers do not hold anything up.
    let server = MockServer::start_async().await;
    scripted(&server, "GET", "/me", move |_| answer(200, 0, reset, ME)).await;
    let free = paused(&server).no_rate_limiting().build().unwrap();
    let started = Instant::now();
    free.get_me().send().await.unwrap();
    free.get_me().send().await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn eleven_posts_to_one_room_take_ten_seconds_while_another_room_proceeds() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 300;
    let room1 = scripted(&server, "POST", "/rooms/1/messages", move |_| {
        answer(200, 250, reset, r#"{"message_id":"1"}"#)
    })
    .await;
    let room1_tasks = scripted(&server, "POST", "/rooms/1/tasks", move |_| {
        answer(200, 250, reset, r#"{"task_ids":[1]}"#)
    })
    .await;
    let room2 = scripted(&server, "POST", "/rooms/2/messages", move |_| {
        answer(200, 250, reset, r#"{"message_id":"2"}"#)
    })
    .await;
    let client = paused_client(&server);
    let started = Instant::now();
    for i in 0..10 {
        client
            .post_message()
            .room_id(1)
            .body(format!("post {i}"))
            .send()
            .await
            .unwrap();
    }
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "ten posts go at once: {:?}",
        started.elapsed()
    );
    client
        .post_message()
        .room_id(2)
        .body("other room")
        .send()
        .await
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "another room is not held up: {:?}",
        started.elapsed()
    );
    // The 11th post to room 1 (a task creation counts too) waits for the window.
    client
        .create_task()
        .room_id(1)
        .body("eleventh")
        .to_ids([1])
        .send()
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(10),
        "the 11th went after {:?}",
        started.elapsed()
    );
    room1.assert_calls_async(10).await;
    room1_tasks.assert_calls_async(1).await;
    room2.assert_calls_async(1).await;
}

fn message(id: &str) -> String {
    format!(
        r#"{{"message_id":"{id}","account":{{"account_id":1,"name":"a","avatar_image_url":""}},"body":"m{id}","send_time":1,"update_time":0}}"#
    )
}

#[tokio::test(start_paused = true)]
async fn the_poller_yields_each_message_once_across_polls_204s_and_failures() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 300;
    let m = scripted(&server, "GET", "/rooms/9/messages", move |n| match n {
        0 => answer(
            200,
            299,
            reset,
            &format!("[{},{}]", message("101"), message("102")),
        ),
        1 => answer(204, 298, reset, ""),
        2 => answer(
            200,
            297,
            reset,
            &format!("[{},{}]", message("102"), message("103")),
        ),
        3 => answer(503, 296, reset, "busy"),
        _ => answer(200, 295, reset, &format!("[{}]", message("104"))),
    })
    .await;
    let client = paused(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let got: Vec<String> = client
        .message_stream(9, Duration::from_secs(10))
        .take(4)
        .map(|m| m.unwrap().message_id.to_string())
        .collect()
        .await;
    assert_eq!(got, ["101", "102", "103", "104"]);
    m.assert_calls_async(5).await;
    // Three intervals, plus a longer backoff after the 503.
    assert!(
        started.elapsed() >= Duration::from_secs(10 + 10 + 20),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn the_poller_is_lazy_and_a_limit_stops_fetching() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 300;
    let m = scripted(&server, "GET", "/rooms/9/messages", move |_| {
        answer(
            200,
            299,
            reset,
            &format!("[{},{},{}]", message("1"), message("2"), message("3")),
        )
    })
    .await;
    let client = paused_client(&server);
    let stream = client.message_stream(9, Duration::from_secs(10));
    tokio::time::sleep(Duration::from_secs(60)).await;
    drop(stream);
    m.assert_calls_async(0).await;
    let two: Vec<_> = client
        .message_stream(9, Duration::from_secs(10))
        .take(2)
        .collect()
        .await;
    assert_eq!(two.len(), 2);
    m.assert_calls_async(1).await;
}

#[tokio::test]
async fn the_poller_ends_with_a_permanent_error() {
    let server = MockServer::start_async().await;
    mock(
        &server,
        get("/rooms/9/messages"),
        403,
        r#"{"errors":["You don't have permission to get messages in this room"]}"#,
    )
    .await;
    let items: Vec<_> = client(&server)
        .message_stream(9, Duration::from_secs(10))
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap_err().status(), Some(403));
}

#[tokio::test]
async fn the_raw_call_sends_the_token_only_to_the_base_host() {
    let server = MockServer::start_async().await;
    let other = MockServer::start_async().await;
    let elsewhere = other
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body("{}");
        })
        .await;
    let ok = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/rooms/5/messages")
                .header("x-chatworktoken", TOKEN)
                .header("x-trace", "t1")
                .header("content-type", "application/x-www-form-urlencoded")
                .is_true(|req| req.uri().query() == Some("a=1&b=x+y"))
                .body("body=hi+there&self_unread=1");
            then.status(200)
                .header("x-ratelimit-remaining", "5")
                .header("x-ratelimit-limit", "300")
                .header("x-ratelimit-reset", "1")
                .body(r#"{"message_id":"9"}"#);
        })
        .await;
    let client = client(&server);
    let answer = client
        .raw(Method::POST, "/rooms/5/messages")
        .query("a", 1)
        .query("b", "x y")
        .form("body", "hi there")
        .form("self_unread", 1)
        .header("X-Trace", "t1")
        .send()
        .await
        .unwrap();
    ok.assert_async().await;
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.json::<serde_json::Value>().unwrap()["message_id"],
        "9"
    );
    assert_eq!(answer.rate_limit().map(|r| r.remaining), Some(5));
    assert_eq!(answer.bytes().as_ref(), br#"{"message_id":"9"}"#);
    assert_eq!(answer.headers()["x-ratelimit-limit"], "300");

    for path in [
        format!("{}/me", other.base_url()),
        format!("//{}/me", other.base_url().trim_start_matches("http://")),
        "../../me".to_string(),
        "/rooms/%2e%2e/%2E%2E/me".to_string(),
        "me?x=1".to_string(),
    ] {
        let err = client
            .raw(Method::GET, path.as_str())
            .send()
            .await
            .unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{path}: {err:?}");
    }
    for header in ["X-ChatWorkToken", "Authorization", "Host"] {
        let err = client
            .raw(Method::GET, "me")
            .header(header, "x")
            .send()
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains("cannot be overridden"),
            "{header}: {err}"
        );
    }
    elsewhere.assert_calls_async(0).await;

    // A non-success answer is the same typed error as everywhere.
    mock(
        &server,
        get("/nope"),
        404,
        r#"{"errors":["Resource not found"]}"#,
    )
    .await;
    let err = client_no_retry(&server)
        .raw(Method::GET, "nope")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.as_api().unwrap().errors(),
        ["Resource not found".to_string()]
    );
}

fn http_date(unix: u64) -> String {
    httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(unix))
}

#[tokio::test(start_paused = true)]
async fn a_room_level_429_waits_for_the_room_window_not_the_token_reset() {
    let server = MockServer::start_async().await;
    // The token still has 120 requests left and its window resets in 280 s: this 429 is the
    // per-room posting limit, whose window is 10 s.
    let reset = unix_now() + 280;
    let m = scripted(&server, "POST", "/rooms/5/messages", move |n| match n {
        0 => answer(
            429,
            120,
            reset,
            r#"{"errors":["Rate limit for message posting per room exceeded."]}"#,
        ),
        _ => answer(200, 119, reset, r#"{"message_id":"1"}"#),
    })
    .await;
    let started = Instant::now();
    paused_client(&server)
        .post_message()
        .room_id(5)
        .body("hi")
        .send()
        .await
        .unwrap();
    m.assert_calls_async(2).await;
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(10) && waited < Duration::from_secs(12),
        "waited {waited:?}"
    );
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

#[tokio::test(start_paused = true)]
async fn waits_use_chatworks_clock_when_ours_is_ten_minutes_off() {
    for skew in [-600, 600] {
        let server = MockServer::start_async().await;
        let m = scripted(&server, "GET", "/me", move |n| match n {
            0 => skewed_429(skew),
            _ => answer(200, 299, unix_now() + 300, ME),
        })
        .await;
        let started = Instant::now();
        let me = paused_client(&server).get_me().send().await;
        assert!(me.is_ok(), "skew {skew}: {me:?}");
        m.assert_calls_async(2).await;
        // 30 s and the 1 s margin: neither hammering (ours ahead) nor 10 minutes (ours behind).
        let waited = started.elapsed();
        assert!(
            waited >= Duration::from_secs(31) && waited < Duration::from_secs(33),
            "skew {skew}: waited {waited:?}"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn the_budget_wait_is_bounded_by_the_policy() {
    let server = MockServer::start_async().await;
    // Chatwork says the budget is spent and resets in 1,000 s (a broken or skewed header).
    let m = scripted(&server, "GET", "/me", move |n| match n {
        0 => answer(200, 0, unix_now() + 1000, ME),
        _ => answer(200, 299, unix_now() + 300, ME),
    })
    .await;
    let client = paused(&server)
        .retry_policy(RetryPolicy::default().with_rate_limit_retries(3, Duration::from_secs(20)))
        .build()
        .unwrap();
    client.get_me().send().await.unwrap();
    let started = Instant::now();
    client.get_me().send().await.unwrap();
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(20) && waited < Duration::from_secs(21),
        "waited {waited:?}"
    );
    m.assert_calls_async(2).await;
}

#[tokio::test(start_paused = true)]
async fn list_messages_without_force_is_never_sent_twice_after_a_5xx() {
    let server = MockServer::start_async().await;
    let m = scripted(&server, "GET", "/rooms/9/messages", move |_| {
        answer(503, 299, unix_now() + 300, "busy")
    })
    .await;
    let client = paused_client(&server);
    let err = client.list_messages().room_id(9).send().await.unwrap_err();
    m.assert_calls_async(1).await;
    assert_eq!(err.status(), Some(503));
    assert!(
        !err.is_retryable(),
        "the answer may have handed messages out"
    );
    // With force=1 nothing is handed out: retried as a GET.
    let err = client
        .list_messages()
        .room_id(9)
        .force(true)
        .send()
        .await
        .unwrap_err();
    m.assert_calls_async(1 + 4).await;
    assert!(err.is_retryable());
    // The raw call follows the same rule.
    let err = client
        .raw(Method::GET, "/rooms/9/messages")
        .send()
        .await
        .unwrap_err();
    m.assert_calls_async(1 + 4 + 1).await;
    assert!(!err.is_retryable());
}

fn message_at(id: &str, send_time: i64) -> String {
    format!(
        r#"{{"message_id":"{id}","account":{{"account_id":1,"name":"a","avatar_image_url":""}},"body":"m{id}","send_time":{send_time},"update_time":0}}"#
    )
}

#[tokio::test(start_paused = true)]
async fn the_poller_recovers_a_batch_lost_to_a_5xx_with_force() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 300;
    let forced = Arc::new(std::sync::Mutex::new(Vec::new()));
    let calls = Arc::new(AtomicUsize::new(0));
    let f = forced.clone();
    let m = server
        .mock_async(move |when, then| {
            when.method("GET").path("/rooms/9/messages");
            then.respond_with(move |req| {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                f.lock().unwrap().push(req.uri().query().map(str::to_owned));
                match n {
                    0 => answer(200, 299, reset, &format!("[{}]", message_at("101", 100))),
                    // Chatwork handed out 102 and 103, but the answer was lost.
                    1 => answer(502, 298, reset, "bad gateway"),
                    2 => answer(
                        200,
                        297,
                        reset,
                        &format!(
                            "[{},{},{},{}]",
                            message_at("99", 90),
                            message_at("101", 100),
                            message_at("102", 110),
                            message_at("103", 120)
                        ),
                    ),
                    _ => answer(200, 296, reset, &format!("[{}]", message_at("104", 130))),
                }
            });
        })
        .await;
    let client = paused(&server)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let got: Vec<String> = client
        .message_stream(9, Duration::from_secs(10))
        .take(4)
        .map(|m| m.unwrap().message_id.to_string())
        .collect()
        .await;
    assert_eq!(
        got,
        ["101", "102", "103", "104"],
        "99 predates the stream's messages"
    );
    m.assert_calls_async(4).await;
    assert_eq!(
        *forced.lock().unwrap(),
        [None, None, Some("force=1".to_owned()), None]
    );
}

#[tokio::test(start_paused = true)]
async fn messages_fetched_but_not_yielded_can_be_taken_back() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 300;
    let batch = format!(
        "[{},{},{}]",
        message_at("1", 1),
        message_at("2", 2),
        message_at("3", 3)
    );
    let m = scripted(&server, "GET", "/rooms/9/messages", move |_| {
        answer(200, 299, reset, &batch)
    })
    .await;
    let client = paused_client(&server);
    let mut stream = client.message_stream(9, Duration::from_secs(10));
    let first: Vec<_> = stream.by_ref().take(1).collect().await;
    assert_eq!(first[0].as_ref().unwrap().message_id.as_str(), "1");
    let pending: Vec<_> = stream.pending().map(|m| m.message_id.to_string()).collect();
    assert_eq!(pending, ["2", "3"]);
    let left = stream.close().await;
    let left: Vec<_> = left.iter().map(|m| m.message_id.as_str()).collect();
    assert_eq!(left, ["2", "3"]);
    m.assert_calls_async(1).await;
}

#[tokio::test]
async fn close_finishes_a_poll_in_flight_and_returns_its_messages() {
    let server = MockServer::start_async().await;
    let reset = unix_now() + 300;
    let m = server
        .mock_async(move |when, then| {
            when.method("GET").path("/rooms/9/messages");
            then.status(200)
                .header("x-ratelimit-limit", "300")
                .header("x-ratelimit-remaining", "299")
                .header("x-ratelimit-reset", reset.to_string())
                .delay(Duration::from_millis(500))
                .body(format!("[{},{}]", message_at("7", 7), message_at("8", 8)));
        })
        .await;
    let client = client(&server);
    let mut stream = client.message_stream(9, Duration::from_secs(10));
    // Stop waiting while the poll is in flight: Chatwork has handed the messages out.
    assert!(
        tokio::time::timeout(Duration::from_millis(100), stream.next())
            .await
            .is_err()
    );
    let left = stream.close().await;
    let left: Vec<_> = left.iter().map(|m| m.message_id.as_str()).collect();
    assert_eq!(left, ["7", "8"]);
    m.assert_calls_async(1).await;
}

#[tokio::test]
async fn the_raw_call_takes_the_integration_modules_url_as_written() {
    let server = MockServer::start_async().await;
    let messages = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/v2/rooms/42/messages")
                .header("x-chatworktoken", TOKEN)
                .is_true(|req| req.uri().query() == Some("force=1"));
            then.status(200).body("[]");
        })
        .await;
    let client = Client::builder(Credentials::api_token(TOKEN))
        .base_url(server.url("/v2"))
        .build()
        .unwrap();
    // The brief's example: URL `/v2/rooms/{room_id}/messages/`, method GET, query force=1.
    for (method, path) in [
        ("GET", "/v2/rooms/42/messages/"),
        ("get", "v2/rooms/42/messages"),
        ("Get", "/rooms/42/messages/"),
        ("GET", "rooms/42/messages"),
    ] {
        let answer = client
            .raw(method, path)
            .query("force", 1)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200, "{method} {path}");
    }
    messages.assert_calls_async(4).await;
    // `/v2x/...` is not the base's prefix: it stays part of the path.
    let other = server
        .mock_async(|when, then| {
            when.method("GET").path("/v2/v2x/rooms");
            then.status(200).body("[]");
        })
        .await;
    client.raw("GET", "/v2x/rooms").send().await.unwrap();
    other.assert_async().await;
    // Still nothing that leaves the base.
    for path in [
        "/v2/../me",
        "/v2/%2E%2E/x",
        "//evil.example/v2/me",
        "https://evil.example/v2/me",
    ] {
        let err = client.raw("GET", path).send().await.unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{path}: {err:?}");
    }
}

#[tokio::test]
async fn the_raw_call_sends_every_method_and_body_kind() {
    let server = MockServer::start_async().await;
    let patch = server
        .mock_async(|when, then| {
            when.method("PATCH")
                .path("/rooms/1")
                .header("content-type", "application/json")
                .body(r#"{"ids":[1,2],"name":"Release"}"#);
            then.status(200).body("{}");
        })
        .await;
    let put = server
        .mock_async(|when, then| {
            when.method("PUT")
                .path("/rooms/1/link")
                .header("content-type", "text/plain; charset=utf-8")
                .body("raw bytes ✓");
            then.status(200).body("{}");
        })
        .await;
    let delete = server
        .mock_async(|when, then| {
            when.method("DELETE")
                .path("/rooms/1")
                .header("content-type", "application/x-www-form-urlencoded")
                .body("action_type=leave");
            then.status(204);
        })
        .await;
    let client = client_no_retry(&server);
    client
        .raw(chatwork::Method::PATCH, "/rooms/1")
        .json(&serde_json::json!({"name": "Release", "ids": [1, 2]}))
        .send()
        .await
        .unwrap();
    client
        .raw("PUT", "/rooms/1/link")
        .body(
            "raw bytes ✓".as_bytes().to_vec(),
            "text/plain; charset=utf-8",
        )
        .send()
        .await
        .unwrap();
    let answer = client
        .raw("DELETE", "/rooms/1")
        .form("action_type", "leave")
        .send()
        .await
        .unwrap();
    assert_eq!((answer.status(), answer.bytes().len()), (204, 0));
    patch.assert_async().await;
    put.assert_async().await;
    delete.assert_async().await;
    // Refused before sending: other methods, two bodies, a bad method name.
    for err in [
        client.raw("TRACE", "/me").send().await.unwrap_err(),
        client.raw(Method::OPTIONS, "/me").send().await.unwrap_err(),
        client.raw("GE T", "/me").send().await.unwrap_err(),
        client
            .raw("POST", "/rooms/1/messages")
            .form("body", "x")
            .json(&1)
            .send()
            .await
            .unwrap_err(),
        client
            .raw("PUT", "/rooms/1/link")
            .body("a".as_bytes().to_vec(), "text/plain")
            .body("b".as_bytes().to_vec(), "text/plain")
            .send()
            .await
            .unwrap_err(),
        client
            .raw("PUT", "/rooms/1/link")
            .form("a", 1)
            .body("b".as_bytes().to_vec(), "text/plain")
            .send()
            .await
            .unwrap_err(),
    ] {
        assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    }
}

#[tokio::test]
async fn a_raw_patch_is_never_resent_after_a_5xx() {
    let server = MockServer::start_async().await;
    let m = server
        .mock_async(|when, then| {
            when.method("PATCH").path("/rooms/1");
            then.status(503).body("busy");
        })
        .await;
    let err = client(&server)
        .raw("PATCH", "/rooms/1")
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap_err();
    m.assert_calls_async(1).await;
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn retry_after_is_read_in_both_forms_on_chatworks_clock() {
    let server = MockServer::start_async().await;
    // Chatwork's clock is an hour behind ours: the date form counts from its `Date`.
    let chatwork_now = unix_now() - 3600;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/me");
            then.status(429)
                .header("date", http_date(chatwork_now))
                .header("retry-after", http_date(chatwork_now + 7))
                .body(r#"{"errors":["Rate limit exceeded"]}"#);
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/rooms");
            then.status(429)
                .header("retry-after", " 12 ")
                .body(r#"{"errors":["Rate limit exceeded"]}"#);
        })
        .await;
    let client = Client::builder(Credentials::api_token("t"))
        .base_url(server.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.get_me().send().await.unwrap_err();
    assert_eq!(
        err.as_api().unwrap().retry_after(),
        Some(Duration::from_secs(7))
    );
    let err = client.list_rooms().send().await.unwrap_err();
    assert_eq!(
        err.as_api().unwrap().retry_after(),
        Some(Duration::from_secs(12))
    );
}

/// Every wait is reported before it starts, with its reason and length: a 429 on the token's
/// budget, a retry after a 503, a room-level 429, and the room's pace.
#[tokio::test(start_paused = true)]
async fn every_wait_is_reported_to_the_observer() {
    use chatwork::{Wait, WaitReason};
    let server = MockServer::start_async().await;
    let reset = unix_now() + 30;
    let me = scripted(&server, "GET", "/me", move |n| match n {
        0 => answer(429, 0, reset, r#"{"errors":["Rate limit exceeded"]}"#),
        1 => answer(503, 299, reset + 300, "{}"),
        _ => answer(200, 298, reset + 300, ME),
    })
    .await;
    let post = scripted(&server, "POST", "/rooms/5/messages", move |n| match n {
        0 => answer(
            429,
            120,
            reset + 300,
            r#"{"errors":["Rate limit for message posting per room exceeded."]}"#,
        ),
        _ => answer(200, 119, reset + 300, r#"{"message_id":"1"}"#),
    })
    .await;
    let seen: Arc<std::sync::Mutex<Vec<Wait>>> = Arc::default();
    let record = seen.clone();
    let client = paused(&server)
        .room_post_limit(1, Duration::from_secs(10))
        .on_wait(move |w| record.lock().unwrap().push(w.clone()))
        .build()
        .unwrap();
    client.get_me().send().await.unwrap();
    me.assert_calls_async(3).await;
    for body in ["a", "b"] {
        client
            .post_message()
            .room_id(5)
            .body(body)
            .send()
            .await
            .unwrap();
    }
    post.assert_calls_async(3).await;
    let seen = seen.lock().unwrap();
    let reasons: Vec<(&str, WaitReason)> = seen
        .iter()
        .map(|w| (w.operation.as_str(), w.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            ("get_me", WaitReason::RateLimited { room: false }),
            ("get_me", WaitReason::Retry),
            ("post_message", WaitReason::RateLimited { room: true }),
            // The second post waits out the room's pace (one post per 10 s here).
            (
                "post_message",
                WaitReason::RoomPace(chatwork::RoomId::from(5))
            ),
        ],
        "{seen:#?}"
    );
    // The budget's wait runs to its reset (30 s, give or take the clock's second).
    assert!(
        seen[0].duration >= Duration::from_secs(29) && seen[0].duration <= Duration::from_secs(32),
        "{:?}",
        seen[0].duration
    );
    assert!(seen[1].duration <= Duration::from_millis(500));
    assert_eq!(seen[2].duration, Duration::from_secs(10));
    assert!(seen[3].duration <= Duration::from_secs(10));
}
