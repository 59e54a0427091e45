//! Behaviour beyond the happy path: 204s, errors, limits, unknown values, secrets, upload.

mod common;

use chatwork::model::{Role, RoomType, TaskStatus};
use chatwork::{Credentials, Error, MessageLimitation};
use common::*;
use httpmock::MockServer;

fn room_json(id: u64, kind: &str, role: &str) -> String {
    format!(
        r#"{{"room_id":{id},"name":"r{id}","type":"{kind}","role":"{role}","sticky":true,"unread_num":0,
        "mention_num":0,"mytask_num":0,"message_num":0,"file_num":0,"task_num":0,"icon_path":"",
        "last_update_time":0}}"#
    )
}

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

/// The fast path (plain serde) and the slow one (path tracking, for the error) agree: a body
/// with something after its JSON value is refused, not cut short.
#[tokio::test]
async fn a_body_with_trailing_characters_is_a_decode_error() {
    let server = MockServer::start_async().await;
    let body = format!("[{}] and more", room_json(1, "my", "admin"));
    mock(&server, get("/rooms"), 200, &body).await;
    let err = client(&server).list_rooms().send().await.unwrap_err();
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(d.path(), None, "{err}");
    assert!(err.to_string().contains("trailing characters"), "{err}");
    assert_eq!(d.body(), body.as_bytes());
}

#[tokio::test]
async fn a_decode_error_says_where_in_the_json_it_failed() {
    let server = MockServer::start_async().await;
    let body = format!(
        "[{},{}]",
        room_json(1, "my", "admin"),
        room_json(2, "group", "member").replace(r#""name":"#, r#""name":7,"x":"#)
    );
    mock(&server, get("/rooms"), 200, &body).await;
    let err = client(&server).list_rooms().send().await.unwrap_err();
    let Error::Decode(d) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(d.path(), Some("[1].name"), "{err}");
    assert_eq!(d.body(), body.as_bytes(), "the body is kept");
    assert!(
        err.to_string()
            .contains(" at [1].name: invalid type: integer `7`"),
        "{err}"
    );
}

#[test]
fn base_url_must_be_https_unless_loopback_and_tokens_must_be_sendable() {
    let build = |url: &str| {
        chatwork::Client::builder(Credentials::api_token("t"))
            .base_url(url)
            .build()
    };
    assert_eq!(
        build("https://api.chatwork.com/v2/").unwrap().base_url(),
        "https://api.chatwork.com/v2"
    );
    assert!(build("http://127.0.0.1:9/v2").is_ok());
    let err = build("http://api.chatwork.com/v2").unwrap_err();
    assert!(err.to_string().contains("must use https"), "{err}");
    assert_eq!(
        chatwork::Client::new("t").unwrap().base_url(),
        chatwork::DEFAULT_BASE_URL
    );
    let err = chatwork::Client::new("bad\ntoken-SECRET").unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)));
    assert!(!format!("{err} {err:?}").contains("SECRET"));
    assert!(chatwork::Client::new("  ").is_err());
}

#[tokio::test]
async fn upload_sends_exact_multipart_bytes() {
    let server = MockServer::start_async().await;
    let expected: &[u8] = b"--XyZ-boundary\r\n\
Content-Disposition: form-data; name=\"file\"; filename=\"\xe5\xa0\xb1\xe5\x91\x8a %22q%22.csv\"\r\n\
Content-Type: text/csv\r\n\
\r\n\
a,b\r\n1,2\r\n\
--XyZ-boundary\r\n\
Content-Disposition: form-data; name=\"message\"\r\n\
\r\n\
Today's report\r\n\
--XyZ-boundary--\r\n";
    let m = server
        .mock_async(move |when, then| {
            when.method("POST")
                .path("/rooms/5/files")
                .header("x-chatworktoken", TOKEN)
                .header("content-type", "multipart/form-data; boundary=XyZ-boundary")
                .is_true(move |req| req.body_ref() == expected);
            then.status(200).body(r#"{"file_id":1234}"#);
        })
        .await;
    let uploaded = client(&server)
        .upload_file()
        .room_id(5)
        .file("報告 \"q\".csv", &b"a,b\r\n1,2"[..])
        .content_type("text/csv")
        .message("Today's report")
        .boundary("XyZ-boundary")
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(uploaded.file_id.get(), 1234);
}

#[tokio::test]
async fn upload_without_message_and_with_a_random_boundary() {
    let c = chatwork::Client::new("t").unwrap();
    let request = c.upload_file().room_id(5).file("a.bin", vec![0u8, 1, 2]);
    let (content_type, body) = request.encode().unwrap();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap();
    assert!(
        boundary.starts_with("chatwork-sdk-") && boundary.len() == 45,
        "{boundary}"
    );
    let expected = [
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes(),
        vec![0, 1, 2],
        format!("\r\n--{boundary}--\r\n").into_bytes(),
    ]
    .concat();
    assert_eq!(body, expected);
    let (second, _) = request.encode().unwrap();
    assert_ne!(second, content_type, "each request draws a new boundary");
}

#[tokio::test]
async fn upload_over_5_mb_is_refused_before_sending() {
    let server = MockServer::start_async().await;
    let catch_all = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body(r#"{"file_id":1}"#);
        })
        .await;
    let c = client(&server);
    let err = c
        .upload_file()
        .room_id(5)
        .file("big.bin", vec![0u8; chatwork::MAX_UPLOAD_BYTES + 1])
        .send()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("5242881 bytes"), "{err}");
    let at_limit = c
        .upload_file()
        .room_id(5)
        .file("ok.bin", vec![0u8; chatwork::MAX_UPLOAD_BYTES])
        .send()
        .await;
    assert_eq!(at_limit.unwrap().file_id.get(), 1);
    let no_file = c.upload_file().room_id(5).send().await.unwrap_err();
    assert!(no_file.to_string().contains("no file"), "{no_file}");
    let bad_boundary = c
        .upload_file()
        .room_id(5)
        .file("a", vec![1])
        .boundary("bad boundary!")
        .send()
        .await
        .unwrap_err();
    assert!(
        bad_boundary.to_string().contains("boundary"),
        "{bad_boundary}"
    );
    catch_all.assert_calls_async(1).await;
}

#[tokio::test]
async fn upload_errors_decode_like_any_other() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/rooms/5/files");
            then.status(429)
                .header("x-ratelimit-remaining", "0")
                .body(r#"{"errors":["Rate limit exceeded"]}"#);
        })
        .await;
    let err = client_no_retry(&server)
        .upload_file()
        .room_id(5)
        .file("a", vec![1])
        .send()
        .await
        .unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(
        (api.status(), api.errors()),
        (429, &["Rate limit exceeded".to_string()][..])
    );
    assert_eq!(api.operation(), "upload_file");
    assert!(err.is_retryable());
}

#[tokio::test]
async fn your_own_http_client_builder_keeps_its_settings_but_never_follows_redirects() {
    let server = MockServer::start_async().await;
    let elsewhere = MockServer::start_async().await;
    let stolen = elsewhere
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body("{}");
        })
        .await;
    let target = elsewhere.url("/me");
    let redirect = server
        .mock_async(move |when, then| {
            when.method("GET")
                .path("/me")
                .header("x-chatworktoken", TOKEN)
                .header("x-proxy-tag", "corp")
                .header("user-agent", "my-bot/2.0");
            then.status(302).header("location", target.as_str());
        })
        .await;
    // The user's builder follows redirects and adds its own header.
    let mut own = reqwest::header::HeaderMap::new();
    own.insert("x-proxy-tag", "corp".parse().unwrap());
    let http = reqwest::Client::builder()
        .default_headers(own)
        .redirect(reqwest::redirect::Policy::limited(10));
    let client = chatwork::Client::builder(chatwork::Credentials::api_token(TOKEN))
        .base_url(server.base_url())
        .http_client_builder(http)
        .user_agent("my-bot/2.0")
        .retry_policy(chatwork::RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.get_me().send().await.unwrap_err();
    assert_eq!(err.status(), Some(302));
    redirect.assert_async().await;
    stolen.assert_calls_async(0).await;
}

#[test]
fn times_have_typed_accessors_and_the_wire_keeps_seconds() {
    use std::time::{Duration, UNIX_EPOCH};
    let at = |s: u64| UNIX_EPOCH + Duration::from_secs(s);
    let m: chatwork::types::Message = serde_json::from_str(
        r#"{"message_id":"1","account":{"account_id":1,"name":"a","avatar_image_url":""},"body":"b","send_time":1384242850,"update_time":0}"#,
    )
    .unwrap();
    assert_eq!((m.sent_at(), m.updated_at()), (at(1_384_242_850), None));
    let task = r#"{"task_id":3,"account":{"account_id":1,"name":"","avatar_image_url":""},"assigned_by_account":{"account_id":1,"name":"","avatar_image_url":""},"message_id":"5","body":"","limit_time":1384354799,"status":"open","limit_type":"none"}"#;
    let t: chatwork::types::RoomTask = serde_json::from_str(task).unwrap();
    assert_eq!(t.deadline(), None, "limit_type none: no deadline");
    let t: chatwork::types::RoomTask =
        serde_json::from_str(&task.replace("\"none\"", "\"date\"")).unwrap();
    assert_eq!(t.deadline(), Some(at(1_384_354_799)));
    // UnixTime rounds a SystemTime down to the second, also before 1970.
    use chatwork::UnixTime;
    assert_eq!(
        UnixTime::from(at(5) + Duration::from_millis(900)),
        UnixTime(5)
    );
    assert_eq!(
        UnixTime::from(UNIX_EPOCH - Duration::from_millis(500)),
        UnixTime(-1)
    );
    assert_eq!(
        UnixTime(-1).to_system_time(),
        UNIX_EPOCH - Duration::from_secs(1)
    );
    assert_eq!(serde_json::to_string(&UnixTime(7)).unwrap(), "7");
}

#[tokio::test]
async fn an_upload_answer_with_the_whole_file_object_keeps_every_field() {
    let server = MockServer::start_async().await;
    let full = r#"{"file_id":1918273645,"account":{"account_id":1484814,"name":"Taro Yamada","avatar_image_url":"https://example.com/a.png"},"message_id":"1928374655918273647","filename":"report.csv","filesize":20480,"upload_time":1764040987}"#;
    server
        .mock_async(move |when, then| {
            when.method("POST").path("/rooms/5/files");
            then.status(200).body(full);
        })
        .await;
    let uploaded = client(&server)
        .upload_file()
        .room_id(5)
        .file("report.csv", b"a,b".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.file_id.get(), 1_918_273_645);
    assert_eq!(uploaded.filesize, Some(20480));
    assert_eq!(
        uploaded.message_id.as_ref().map(|m| m.as_str()),
        Some("1928374655918273647")
    );
    assert_eq!(
        serde_json::to_value(uploaded.value()).unwrap(),
        serde_json::from_str::<serde_json::Value>(full).unwrap(),
        "nothing Chatwork sent is dropped"
    );
}

#[test]
fn answer_types_are_built_in_tests_by_builder_or_json() {
    // Answer structs are #[non_exhaustive] (no struct literals outside the crate): tests
    // build them from their builder or their JSON.
    let account: chatwork::types::AccountRef = chatwork::types::AccountRef::builder()
        .account_id(7)
        .name("Bob")
        .avatar_image_url("https://example.com/b.png")
        .try_into()
        .unwrap();
    let m: chatwork::types::Message = chatwork::types::Message::builder()
        .message_id("1928374655918273645")
        .account(account.clone())
        .body("hi")
        .send_time(1)
        .update_time(0)
        .try_into()
        .unwrap();
    assert_eq!((m.account.name.as_str(), m.body.as_str()), ("Bob", "hi"));
    let from_json: chatwork::types::Message =
        serde_json::from_value(serde_json::to_value(&m).unwrap()).unwrap();
    assert_eq!(from_json, m);
    // A missing field is a clear error, not a panic.
    let err = chatwork::types::Message::builder()
        .body("x")
        .try_into()
        .map(|_: chatwork::types::Message| ())
        .unwrap_err();
    assert!(err.to_string().contains("no value supplied for"), "{err}");
}
