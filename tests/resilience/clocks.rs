//! The poller ending and recovering, room windows, Chatwork's clock, and raw calls to the base host only.

use super::*;

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
