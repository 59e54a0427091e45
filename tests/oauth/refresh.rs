//! Failed, hanging, cancelled and early refreshes, scopes, and tokens saved by another process.

use super::*;

#[tokio::test]
async fn a_revoked_refresh_token_is_tried_once_for_all_concurrent_calls() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(400)
                .delay(Duration::from_millis(100))
                .body(r#"{"error":"invalid_grant","error_description":"revoked"}"#);
        })
        .await;
    let api = server
        .mock_async(|when, then| {
            when.method("GET").path("/me");
            then.status(200).body(ME);
        })
        .await;
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::ZERO),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = client(&server, session);
    let results = concurrent_me(&c, 20).await;
    for r in &results {
        assert_eq!(
            oauth_error(r),
            &OAuthError::ReauthorizationRequired {
                error: "invalid_grant".into()
            }
        );
    }
    token.assert_calls_async(1).await;
    // Later calls do not send the dead refresh token again.
    let again = c.get_me().send().await.map(|me| me.name.clone());
    assert!(oauth_error(&again).needs_reauthorization());
    token.assert_calls_async(1).await;
    api.assert_calls_async(0).await;
}

#[tokio::test]
async fn a_failing_endpoint_is_called_once_and_every_waiter_gets_its_answer() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(503)
                .delay(Duration::from_millis(500))
                .body("maintenance");
        })
        .await;
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::ZERO),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = client(&server, session);
    let started = std::time::Instant::now();
    let results = concurrent_me(&c, 10).await;
    let took = started.elapsed();
    for r in &results {
        assert_eq!(
            oauth_error(r),
            &OAuthError::Endpoint {
                status: 503,
                error: "unknown_error".into(),
                description: None
            }
        );
    }
    token.assert_calls_async(1).await;
    assert!(
        took < Duration::from_millis(1500),
        "one attempt, not ten: {took:?}"
    );
    // Within the cool-down, a new call gets the same failure at once, without a call.
    let started = std::time::Instant::now();
    let again = c.get_me().send().await.map(|me| me.name.clone());
    assert!(matches!(
        oauth_error(&again),
        OAuthError::Endpoint { status: 503, .. }
    ));
    assert!(started.elapsed() < Duration::from_millis(200));
    token.assert_calls_async(1).await;
}

#[tokio::test]
async fn after_the_cool_down_a_new_attempt_is_made_and_can_succeed() {
    let server = MockServer::start_async().await;
    let down = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(500).body("");
        })
        .await;
    me_for(&server, "at2").await;
    let session = OAuthSession::new(
        config(&server).refresh_cool_down(Duration::from_millis(300)),
        tokens("at1", "rt1", Duration::ZERO),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = client(&server, session);
    assert!(c.get_me().send().await.is_err());
    assert!(c.get_me().send().await.is_err());
    down.assert_calls_async(1).await;
    down.delete_async().await;
    let up = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=rt1");
            then.status(200).body(token_json("at2", "rt2", "900"));
        })
        .await;
    tokio::time::sleep(Duration::from_millis(350)).await;
    assert_eq!(c.get_me().send().await.unwrap().name, "n");
    up.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_hanging_endpoint_fails_every_waiter_within_one_timeout() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(200)
                .delay(Duration::from_secs(20))
                .body(token_json("at2", "rt2", "900"));
        })
        .await;
    let session = OAuthSession::new(
        config(&server).timeout(Duration::from_millis(400)),
        tokens("at1", "rt1", Duration::ZERO),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = client(&server, session);
    let started = std::time::Instant::now();
    let results = concurrent_me(&c, 8).await;
    let took = started.elapsed();
    for r in &results {
        assert!(
            matches!(oauth_error(r), OAuthError::Transport(m) if m == "no answer within 400 ms"),
            "{r:?}"
        );
    }
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_millis(1200),
        "{took:?}"
    );
    token.assert_calls_async(1).await;
}

#[tokio::test]
async fn without_its_own_timeout_the_refresh_takes_the_clients() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(200)
                .delay(Duration::from_secs(20))
                .body(token_json("at2", "rt2", "900"));
        })
        .await;
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::ZERO),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = Client::builder(Credentials::oauth_session(session))
        .base_url(server.base_url())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let r = c.get_me().send().await.map(|me| me.name.clone());
    assert!(
        matches!(oauth_error(&r), OAuthError::Transport(m) if m == "no answer within 300 ms"),
        "{r:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn a_caller_that_gives_up_mid_refresh_loses_no_rotated_token() {
    let server = MockServer::start_async().await;
    // The endpoint rotates the refresh token (rt1 is used up) and answers after 1 s.
    let rotate = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=rt1");
            then.status(200)
                .delay(Duration::from_secs(1))
                .body(token_json("at2", "rt2", "900"));
        })
        .await;
    let used = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=rt1");
            then.status(400).body(r#"{"error":"invalid_grant"}"#);
        })
        .await;
    let me = me_for(&server, "at2").await;
    let store = Arc::new(MemoryTokenStore::default());
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::ZERO),
        store.clone(),
    )
    .await
    .unwrap();
    let c = client(&server, session.clone());
    let gave_up = tokio::time::timeout(Duration::from_millis(300), c.get_me().send()).await;
    assert!(gave_up.is_err(), "the caller timed out");
    // Nobody waits any more; the refresh finishes anyway and its tokens are kept.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let saved = saved(&*store).await;
    assert_eq!(saved.access_token.expose(), "at2");
    assert_eq!(saved.refresh_token.unwrap().expose(), "rt2");
    assert_eq!(session.tokens().unwrap().access_token.expose(), "at2");
    assert_eq!(c.get_me().send().await.unwrap().name, "n");
    rotate.assert_calls_async(1).await;
    used.assert_calls_async(0).await;
    me.assert_calls_async(1).await;
}

#[tokio::test]
async fn an_early_refresh_that_fails_sends_the_call_with_the_still_valid_token() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(500).body("");
        })
        .await;
    let me = me_for(&server, "at1").await;
    // 30 s left: inside the refresh margin, still good.
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::from_secs(30)),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = client(&server, session.clone());
    assert_eq!(c.get_me().send().await.unwrap().name, "n");
    // The failure stands for the cool-down: the next call goes out with the same token,
    // without asking the endpoint again.
    assert_eq!(c.get_me().send().await.unwrap().name, "n");
    token.assert_calls_async(1).await;
    me.assert_calls_async(2).await;
    assert_eq!(session.tokens().unwrap().access_token.expose(), "at1");
}

#[tokio::test]
async fn a_refresh_without_scope_keeps_the_scopes_and_one_with_scope_replaces_them() {
    let server = MockServer::start_async().await;
    let m = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(200)
                .body(r#"{"access_token":"at2","token_type":"Bearer","expires_in":900}"#);
        })
        .await;
    let store = Arc::new(MemoryTokenStore::default());
    let mut before = tokens("at1", "rt1", Duration::ZERO);
    before.scopes = vec![Scope::ROOMS_ALL_READ, Scope::USERS_PROFILE_ME_READ];
    let session = OAuthSession::new(config(&server), before.clone(), store.clone())
        .await
        .unwrap();
    server
        .mock_async(|when, then| {
            when.method("GET").path("/me");
            then.status(200).body(ME);
        })
        .await;
    client(&server, session).get_me().send().await.unwrap();
    let saved = saved(&*store).await;
    assert_eq!(saved.access_token.expose(), "at2");
    assert_eq!(saved.scopes, before.scopes, "omitted scope: unchanged");
    assert_eq!(saved.refresh_token.unwrap().expose(), "rt1");
    m.delete_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(200)
                .body(r#"{"access_token":"at3","expires_in":900,"scope":"rooms.all:read"}"#);
        })
        .await;
    let t = config(&server).refresh(&before).await.unwrap();
    assert_eq!(t.scopes, [Scope::ROOMS_ALL_READ]);
}

#[tokio::test]
async fn expires_in_takes_any_json_number_or_numeric_string() {
    let server = MockServer::start_async().await;
    let c = config(&server);
    for (expires_in, expected) in [
        ("900.0", 900),
        ("899.9", 899),
        (r#""900.5""#, 900),
        ("9e2", 900),
        (r#"" 600 ""#, 600),
        // Not a usable lifetime: the documented 15 minutes.
        ("-5", 900),
        ("true", 900),
        (r#""soon""#, 900),
        ("{}", 900),
    ] {
        let m = server
            .mock_async(|when, then| {
                when.method("POST").path("/token");
                then.status(200).body(token_json("a", "r", expires_in));
            })
            .await;
        let before = SystemTime::now();
        let t = c.refresh(&tokens("a0", "r", Duration::ZERO)).await.unwrap();
        let got = t.expires_at.duration_since(before).unwrap().as_secs();
        assert!(got.abs_diff(expected) <= 2, "{expires_in}: {got} s");
        m.delete_async().await;
    }
}

#[tokio::test]
async fn only_a_bearer_invalid_token_challenge_triggers_a_refresh() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(200).body(token_json("at2", "rt2", "900"));
        })
        .await;
    // The words appear, but the error is another one: no refresh, the 401 is the answer.
    server
        .mock_async(|when, then| {
            when.method("GET").path("/me");
            then.status(401)
                .header(
                    "www-authenticate",
                    r#"Bearer error="insufficient_scope", error_description="not an invalid_token""#,
                )
                .body(r#"{"errors":["Insufficient scope"]}"#);
        })
        .await;
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::from_secs(600)),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let err = client(&server, session).get_me().send().await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status(), 401);
    assert_eq!(
        api.www_authenticate().unwrap().error.as_deref(),
        Some("insufficient_scope")
    );
    token.assert_calls_async(0).await;
}

#[tokio::test]
async fn tokens_another_process_saved_are_used_instead_of_refreshing() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(400).body(r#"{"error":"invalid_grant"}"#);
        })
        .await;
    let me = me_for(&server, "at9").await;
    let store = Arc::new(MemoryTokenStore::default());
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::ZERO),
        store.clone(),
    )
    .await
    .unwrap();
    // Another process sharing the store refreshed first (and used rt1 up).
    put(&*store, tokens("at9", "rt9", Duration::from_secs(900))).await;
    assert_eq!(
        client(&server, session.clone())
            .get_me()
            .send()
            .await
            .unwrap()
            .name,
        "n"
    );
    token.assert_calls_async(0).await;
    me.assert_calls_async(1).await;
    assert_eq!(
        session.tokens().unwrap().refresh_token.unwrap().expose(),
        "rt9"
    );
}

#[test]
fn endpoints_must_be_urls_and_https_unless_loopback() {
    let c = || OAuthConfig::public("id", REDIRECT);
    for (authorize, token) in [
        ("not a url", "https://oauth.example/token"),
        ("https://example/authorize", "::"),
        ("https://example/authorize", "http://oauth.example/token"),
        ("ftp://example/authorize", "https://oauth.example/token"),
        ("https://example/authorize#x", "https://oauth.example/token"),
    ] {
        let err = c().endpoints(authorize, token).unwrap_err();
        assert!(
            matches!(err, OAuthError::InvalidConfig(_)),
            "{authorize} {token}: {err}"
        );
    }
    let ok = c()
        .endpoints("http://localhost:1/a", "http://127.0.0.1:2/t")
        .unwrap();
    assert_eq!(ok.token_url(), "http://127.0.0.1:2/t");
    assert!(ok.authorize([]).url().starts_with("http://localhost:1/a?"));
}

/// A token endpoint that accepts connections and never answers; counts them.
async fn silent_endpoint() -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/token", listener.local_addr().unwrap());
    let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = Arc::clone(&accepted);
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            held.push(socket);
        }
    });
    (url, accepted)
}

#[tokio::test(flavor = "multi_thread")]
async fn with_the_default_timeouts_every_waiter_on_a_silent_endpoint_fails_within_30_s() {
    // The client's own timeout (60 s by default) must not lengthen the token call.
    let server = MockServer::start_async().await;
    let (token_url, accepted) = silent_endpoint().await;
    let config = OAuthConfig::confidential("client-ID", "client-SECRET-xyz", REDIRECT)
        .endpoints(server.url("/authorize"), token_url)
        .unwrap();
    let session = OAuthSession::new(
        config,
        tokens("at1", "rt1", Duration::ZERO),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = client(&server, session);
    let started = std::time::Instant::now();
    let results = concurrent_me(&c, 6).await;
    let took = started.elapsed();
    for r in &results {
        assert!(
            matches!(oauth_error(r), OAuthError::Transport(m) if m == "no answer within 30000 ms"),
            "{r:?}"
        );
    }
    assert!(
        took >= Duration::from_secs(30) && took < Duration::from_secs(32),
        "{took:?}"
    );
    assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 1);
}
