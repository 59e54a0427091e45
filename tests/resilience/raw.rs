//! Raw calls of every method and body, Retry-After, and every wait reported.

use super::*;

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
