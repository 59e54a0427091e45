//! Answers: empty lists, error statuses, unknown fields, limits, secrets.

use super::*;

#[tokio::test]
async fn list_messages_204_is_an_empty_list_with_limits() {
    let server = MockServer::start_async().await;
    let m = server
        .mock_async(|when, then| {
            when.method("GET").path("/rooms/5/messages");
            then.status(204)
                .header("x-ratelimit-limit", "300")
                .header("x-ratelimit-remaining", "299")
                .header("x-ratelimit-reset", "1700000300")
                .header("chatwork-message-limitation", "true")
                .header(
                    "chatwork-message-limitation-summary",
                    "older messages are hidden",
                );
        })
        .await;
    let messages = client(&server)
        .list_messages()
        .room_id(5)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert!(messages.is_empty());
    assert_eq!(messages.status(), 204);
    assert_rate_limit(&messages);
    let limitation: MessageLimitation = messages.message_limitation().unwrap();
    assert_eq!(
        (limitation.limited, limitation.summary.as_deref()),
        (true, Some("older messages are hidden"))
    );
}

#[tokio::test]
async fn any_list_answering_204_is_an_empty_list() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/rooms");
            then.status(204);
        })
        .await;
    let rooms = client(&server).list_rooms().send().await.unwrap();
    assert!(rooms.is_empty());
    assert_eq!(rooms.message_limitation(), None);
}

#[tokio::test]
async fn non_list_204_is_a_decode_error_not_a_panic() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/me");
            then.status(204);
        })
        .await;
    let err = client(&server).get_me().send().await.unwrap_err();
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    assert_eq!((d.status(), d.body()), (204, &b""[..]));
    assert_eq!(err.status(), Some(204));
}

#[tokio::test]
async fn every_documented_error_status_decodes_with_its_messages() {
    for (status, message, retryable) in [
        (400, "Parameter 'body' is required", false),
        (401, "Invalid API token", false),
        (
            403,
            "You don't have permission to get messages in this room",
            false,
        ),
        (404, "Resource not found", false),
        (
            429,
            "Rate limit for message posting per room exceeded.",
            true,
        ),
    ] {
        let server = MockServer::start_async().await;
        let body = format!(r#"{{"errors":["{message}","second"]}}"#);
        let wire = Wire {
            method: "POST",
            form: Some("body=hi"),
            ..get("/rooms/5/messages")
        };
        mock(&server, wire, status, &body).await;
        let err = client_no_retry(&server)
            .post_message()
            .room_id(5)
            .body("hi")
            .send()
            .await
            .unwrap_err();
        let api = err.as_api().unwrap_or_else(|| panic!("{status}: {err:?}"));
        assert_eq!(api.status(), status);
        assert_eq!(api.errors(), [message.to_string(), "second".to_string()]);
        assert_eq!(api.raw_body(), None);
        assert_eq!(api.operation(), "post_message");
        assert_eq!(err.status(), Some(status));
        assert_eq!(err.is_retryable(), retryable, "{status}");
        assert_eq!(err.rate_limit().map(|r| r.remaining), Some(299));
        assert_eq!(
            err.to_string(),
            format!(
                "post_message: Chatwork answered {status} {}: {message}; second",
                reqwest::StatusCode::from_u16(status)
                    .unwrap()
                    .canonical_reason()
                    .unwrap()
            )
        );
    }
}

#[tokio::test]
async fn oauth_bearer_token_and_www_authenticate() {
    let server = MockServer::start_async().await;
    let m = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/me")
                .header("authorization", "Bearer oauth-ACCESS-token")
                .header_missing("x-chatworktoken");
            then.status(401).header(
                "www-authenticate",
                r#"Bearer error="invalid_token", error_description="The access token expired""#,
            );
        })
        .await;
    let client = chatwork::Client::builder(Credentials::oauth_access_token("oauth-ACCESS-token"))
        .base_url(server.base_url())
        .build()
        .unwrap();
    let err = client.get_me().send().await.unwrap_err();
    m.assert_async().await;
    let www = err.as_api().unwrap().www_authenticate().unwrap();
    assert_eq!(www.scheme, "Bearer");
    assert_eq!(www.error.as_deref(), Some("invalid_token"));
    assert_eq!(
        www.error_description.as_deref(),
        Some("The access token expired")
    );
    assert_eq!(
        err.to_string(),
        "get_me: Chatwork answered 401 Unauthorized: The access token expired"
    );
    assert!(!format!("{err:?}{err}{client:?}").contains("oauth-ACCESS-token"));
}

#[tokio::test]
async fn undeclared_5xx_keeps_status_and_raw_body_and_is_retryable_only_when_idempotent() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path_prefix("/rooms/5");
            then.status(502)
                .header("content-type", "text/html")
                .body("<html>Bad gateway</html>");
        })
        .await;
    let c = client_no_retry(&server);
    let get_err = c.get_room().room_id(5).send().await.unwrap_err();
    let api = get_err.as_api().unwrap();
    assert_eq!(
        (api.status(), api.raw_body()),
        (502, Some(&b"<html>Bad gateway</html>"[..]))
    );
    assert!(api.errors().is_empty());
    assert!(get_err.is_retryable(), "a GET may be repeated");
    let post_err = c
        .post_message()
        .room_id(5)
        .body("x")
        .send()
        .await
        .unwrap_err();
    assert_eq!(post_err.status(), Some(502));
    assert!(!post_err.is_retryable(), "a POST may have been applied");
}

#[tokio::test]
async fn declared_error_status_with_a_non_json_body_keeps_status_and_body() {
    let server = MockServer::start_async().await;
    mock(&server, get("/rooms/9"), 404, "Not Found").await;
    let err = client(&server)
        .get_room()
        .room_id(9)
        .send()
        .await
        .unwrap_err();
    let api = err.as_api().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(api.status(), 404);
    assert_eq!(api.raw_body(), Some(&b"Not Found"[..]));
    assert_eq!(api.rate_limit().map(|r| r.limit), Some(300));
}

#[tokio::test]
async fn undecodable_success_keeps_status_headers_and_raw_body() {
    let server = MockServer::start_async().await;
    mock(&server, get("/me"), 200, r#"{"account_id":"not a number"}"#).await;
    let err = client(&server).get_me().send().await.unwrap_err();
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(d.status(), 200);
    assert_eq!(d.body(), br#"{"account_id":"not a number"}"#);
    assert_eq!(d.operation(), "get_me");
    assert_eq!(err.rate_limit().map(|r| r.reset), Some(1_700_000_300));
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn unknown_fields_and_enum_values_still_decode() {
    let server = MockServer::start_async().await;
    let body = format!(
        "[{}, {}]",
        room_json(1, "channel", "owner")
            .replace("\"sticky\"", "\"brand_new_field\":{\"x\":1},\"sticky\""),
        room_json(2, "direct", "readonly")
    );
    mock(&server, get("/rooms"), 200, &body).await;
    let rooms = client(&server).list_rooms().send().await.unwrap();
    assert!(matches!(rooms[0].type_, RoomType::Unknown(_)));
    assert_eq!(rooms[0].type_.as_str(), "channel");
    assert_eq!(rooms[0].role, Role::from("owner"));
    assert!(matches!(&rooms[0].role, Role::Unknown(v) if v.as_str() == "owner"));
    assert_eq!(rooms[1].type_, RoomType::Direct);
    assert_eq!(rooms[1].role, Role::Readonly);
    // An unknown value is sent back unchanged.
    assert_eq!(serde_json::to_value(&rooms[0].role).unwrap(), "owner");

    let server = MockServer::start_async().await;
    let task = r#"[{"task_id":1,"room":{"room_id":1,"name":"","icon_path":""},
        "assigned_by_account":{"account_id":1,"name":"","avatar_image_url":""},"message_id":"5","body":"",
        "limit_time":0,"status":"archived","limit_type":"week"}]"#;
    mock(&server, get("/my/tasks"), 200, task).await;
    let tasks = client(&server).list_my_tasks().send().await.unwrap();
    assert_eq!(tasks[0].status.as_str(), "archived");
    assert!(matches!(tasks[0].status, TaskStatus::Unknown(_)));
    assert_eq!(tasks[0].limit_type.as_str(), "week");
}

#[tokio::test]
async fn limit_keeps_at_most_n_items_and_reports_the_rest() {
    let server = MockServer::start_async().await;
    let body = format!(
        "[{},{},{}]",
        room_json(1, "my", "admin"),
        room_json(2, "group", "member"),
        room_json(3, "group", "member")
    );
    let m = mock(&server, get("/rooms"), 200, &body).await;
    let c = client(&server);
    let two = c.list_rooms().limit(2).send().await.unwrap();
    assert_eq!(
        two.iter().map(|r| r.room_id.get()).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(two.omitted(), 1);
    let all = c.list_rooms().limit(5).send().await.unwrap();
    assert_eq!((all.len(), all.omitted()), (3, 0));
    let none = c.list_rooms().limit(0).send().await.unwrap();
    assert_eq!((none.len(), none.omitted()), (0, 3));
    let unlimited = c.list_rooms().send().await.unwrap();
    assert_eq!((unlimited.len(), unlimited.omitted()), (3, 0));
    // A list answer iterates, by reference and by value.
    let mut borrowed = Vec::new();
    for room in &two {
        borrowed.push(room.room_id.get());
    }
    assert_eq!((borrowed, two.omitted()), (vec![1, 2], 1));
    let owned: Vec<String> = two.into_iter().map(|r| r.name).collect();
    assert_eq!(owned.len(), 2);
    // The limit never saves a request.
    m.assert_calls_async(4).await;
}

#[tokio::test]
async fn invalid_input_is_refused_before_sending() {
    let server = MockServer::start_async().await;
    let catch_all = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body("{}");
        })
        .await;
    let c = client(&server);
    use chatwork::InvalidKind::{Missing, Value};
    let cases: Vec<(Error, &str, chatwork::InvalidKind)> = vec![
        (
            c.create_task()
                .room_id(5)
                .body("x")
                .to_ids(Vec::<i64>::new())
                .send()
                .await
                .unwrap_err(),
            "to_ids",
            Value,
        ),
        (
            c.get_message()
                .room_id(5)
                .message_id("12ab")
                .send()
                .await
                .unwrap_err(),
            "message_id",
            Value,
        ),
        (
            c.get_message()
                .room_id(5)
                .message_id("")
                .send()
                .await
                .unwrap_err(),
            "message_id",
            Value,
        ),
        (c.get_room().send().await.unwrap_err(), "room_id", Missing),
        (
            c.post_message()
                .room_id(5)
                .body("")
                .send()
                .await
                .unwrap_err(),
            "body",
            Value,
        ),
        (
            c.post_message()
                .room_id(5)
                .body("x".repeat(65_536))
                .send()
                .await
                .unwrap_err(),
            "body",
            Value,
        ),
        (
            c.post_message().room_id(5).send().await.unwrap_err(),
            "body",
            Missing,
        ),
        (
            c.create_room().name("n").send().await.unwrap_err(),
            "members_admin_ids",
            Missing,
        ),
        (
            c.create_invitation_link()
                .room_id(5)
                .code("has space")
                .send()
                .await
                .unwrap_err(),
            "code",
            Value,
        ),
        (
            c.get_room().room_id(u64::MAX).send().await.unwrap_err(),
            "room_id",
            Value,
        ),
    ];
    for (err, field, kind) in cases {
        assert!(matches!(err, Error::InvalidRequest(_)), "{field}: {err:?}");
        assert!(err.to_string().contains(field), "{field}: {err}");
        let invalid = err.as_invalid_request().unwrap();
        assert_eq!(
            (invalid.parameter(), invalid.kind()),
            (Some(field), kind),
            "{err}"
        );
        assert_eq!(err.status(), None);
        assert!(!err.is_retryable());
    }
    catch_all.assert_calls_async(0).await;
}

#[tokio::test]
async fn the_token_never_appears_in_debug_or_errors() {
    let server = MockServer::start_async().await;
    mock(
        &server,
        get("/me"),
        401,
        r#"{"errors":["Invalid API token"]}"#,
    )
    .await;
    let c = client(&server);
    let err = c.get_me().send().await.unwrap_err();
    let builder = c.post_message().room_id(1).body("x");
    let printed = format!(
        "{c:?} {c:#?} {err} {err:?} {builder:?} {:?}",
        Credentials::api_token(TOKEN)
    );
    assert!(printed.contains("redacted"));
    assert!(!printed.contains(TOKEN), "{printed}");
    assert!(!printed.contains("S3CRET"), "{printed}");

    // A transport error (nothing listens on the port) does not leak it either.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let dead = chatwork::Client::builder(Credentials::api_token(TOKEN))
        .base_url(format!("http://127.0.0.1:{port}/v2"))
        .retry_policy(chatwork::RetryPolicy::none())
        .build()
        .unwrap();
    let err = dead.get_me().send().await.unwrap_err();
    let Error::Transport(t) = &err else {
        panic!("{err:?}")
    };
    assert!(t.is_connect());
    assert!(err.is_retryable(), "nothing reached the server");
    let printed = format!("{err} {err:?} {:?}", std::error::Error::source(&err));
    assert!(!printed.contains(TOKEN), "{printed}");
    // The text says what failed; the causes, down to the refused connection, are the
    // error's sources (each printed once by a reporter that walks them).
    assert_eq!(err.to_string(), "get_me: could not connect");
    let mut causes = Vec::new();
    let mut cause = std::error::Error::source(&err);
    while let Some(c) = cause {
        causes.push(c.to_string());
        cause = c.source();
    }
    assert!(causes[0].starts_with("error sending request"), "{causes:?}");
    assert!(
        causes
            .iter()
            .any(|c| c.to_ascii_lowercase().contains("connection refused")),
        "{causes:?}"
    );
    assert!(
        causes.iter().all(|c| !c.contains("get_me")),
        "no cause repeats the error: {causes:?}"
    );
}
