//! Decode errors, base URLs, uploads, the HTTP client and the answer types.

use super::*;

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
