//! 429s, retries that never repeat a POST blindly, the token budget, room pacing, and the poller.

use super::*;

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
