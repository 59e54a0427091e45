//! PKCE, the consent URL, the callback, the code exchange, and one refresh for many callers.

use super::*;

#[test]
fn pkce_matches_the_rfc_7636_test_vector() {
    // RFC 7636, appendix B.
    assert_eq!(
        pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
}

#[test]
fn the_consent_url_carries_code_scopes_state_and_an_s256_challenge() {
    let server = MockServer::start();
    let c = config(&server);
    let pending = c.authorize([Scope::ROOMS_ALL_READ_WRITE, Scope::new("future.scope:read")]);
    let url = reqwest::Url::parse(pending.url()).unwrap();
    assert_eq!(url.path(), "/authorize");
    let q: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    let verifier = pending.verifier().expose().to_owned();
    assert!((43..=128).contains(&verifier.len()), "{}", verifier.len());
    assert!(
        verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
    );
    assert_eq!(
        q,
        [
            ("response_type", "code"),
            ("client_id", "client-ID"),
            ("redirect_uri", REDIRECT),
            ("scope", "rooms.all:read_write future.scope:read"),
            ("state", pending.state()),
            ("code_challenge", &pkce_challenge(&verifier)),
            ("code_challenge_method", "S256"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    // Scopes are space-separated on the wire (`%20`-free form encoding writes `+`).
    assert!(
        pending
            .url()
            .contains("scope=rooms.all%3Aread_write+future.scope%3Aread")
    );
    let other = c.authorize([Scope::ROOMS_ALL_READ]);
    assert_ne!(other.state(), pending.state(), "a fresh state each time");
    assert_ne!(other.verifier(), pending.verifier());
    assert!(Scope::ROOMS_FILES_WRITE.is_known() && !Scope::new("x").is_known());
}

#[test]
fn the_callback_is_checked_before_anything_is_exchanged() {
    let server = MockServer::start();
    let pending = config(&server).authorize([Scope::USERS_ALL_READ]);
    let state = pending.state().to_owned();
    assert_eq!(
        pending
            .code_from_callback(&format!("code=C0DE&state={state}"))
            .unwrap(),
        "C0DE"
    );
    // The whole redirect URL works too.
    assert_eq!(
        pending
            .code_from_callback(&format!("{REDIRECT}?state={state}&code=C0DE"))
            .unwrap(),
        "C0DE"
    );
    for (query, expected) in [
        (
            "code=C0DE&state=forged".to_owned(),
            OAuthError::StateMismatch,
        ),
        ("code=C0DE".to_owned(), OAuthError::StateMismatch),
        (
            format!("error=access_denied&state={state}"),
            OAuthError::AccessDenied { description: None },
        ),
        (
            format!("error=invalid_scope&error_description=unknown+scope&state={state}"),
            OAuthError::Authorization {
                error: "invalid_scope".into(),
                description: Some("unknown scope".into()),
            },
        ),
        (format!("state={state}"), OAuthError::MissingCode),
    ] {
        assert_eq!(
            pending.code_from_callback(&query).unwrap_err(),
            expected,
            "{query}"
        );
    }
}

#[tokio::test]
async fn a_confidential_client_exchanges_the_code_with_basic_auth() {
    let server = MockServer::start_async().await;
    let c = config(&server);
    let pending = c.authorize([Scope::ROOMS_ALL_READ_WRITE]);
    let basic = base64::engine::general_purpose::STANDARD.encode("client-ID:client-SECRET-xyz");
    let form = format!(
        "grant_type=authorization_code&code=C0DE&redirect_uri=https%3A%2F%2Fbot.example%2Fcallback&code_verifier={}",
        pending.verifier().expose()
    );
    let m = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .header("authorization", format!("Basic {basic}"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form);
            then.status(200).body(token_json("at1", "rt1", "900"));
        })
        .await;
    let before = SystemTime::now();
    let tokens = pending
        .exchange(&c, &format!("code=C0DE&state={}", pending.state()))
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(tokens.access_token.expose(), "at1");
    assert_eq!(tokens.refresh_token.as_ref().unwrap().expose(), "rt1");
    assert_eq!(
        tokens.scopes,
        [Scope::ROOMS_ALL_READ_WRITE, Scope::USERS_PROFILE_ME_READ]
    );
    let lifetime = tokens.expires_at.duration_since(before).unwrap();
    assert!(
        lifetime >= Duration::from_secs(899) && lifetime <= Duration::from_secs(901),
        "{lifetime:?}"
    );
}

#[tokio::test]
async fn a_public_client_sends_its_id_in_the_body_and_no_basic_auth() {
    let server = MockServer::start_async().await;
    let c = OAuthConfig::public("app-ID", "myapp://callback")
        .endpoints(server.url("/authorize"), server.url("/token"))
        .unwrap();
    let m = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .header_missing("authorization")
                .body("grant_type=authorization_code&code=K&redirect_uri=myapp%3A%2F%2Fcallback&code_verifier=v3rifier&client_id=app-ID");
            then.status(200).body(token_json("at1", "rt1", r#""900""#));
        })
        .await;
    let tokens = c
        .exchange_code("K", &Secret::new("v3rifier"))
        .await
        .unwrap();
    m.assert_async().await;
    assert!(
        !tokens.expires_within(Duration::from_secs(890)),
        "expires_in as a numeric string"
    );
}

#[tokio::test]
async fn expires_in_as_seconds_a_string_or_epoch_milliseconds() {
    let server = MockServer::start_async().await;
    let c = config(&server);
    let in_ten_minutes_ms = (SystemTime::now() + Duration::from_secs(600))
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let cases = [
        ("900".to_owned(), 900),
        (r#""900""#.to_owned(), 900),
        // The docs' example: a string that reads as Unix milliseconds (here ten minutes on).
        (format!(r#""{in_ten_minutes_ms}""#), 600),
        // The docs' literal example is in 2017: past, so the documented 15 minutes.
        (r#""1501138041000""#.to_owned(), 900),
        ("null".to_owned(), 900),
    ];
    for (expires_in, expected) in cases {
        let m = server
            .mock_async(|when, then| {
                when.method("POST").path("/token");
                then.status(200).body(token_json("a", "r", &expires_in));
            })
            .await;
        let before = SystemTime::now();
        let t = c.refresh(&tokens("a0", "r", Duration::ZERO)).await.unwrap();
        let got = t
            .expires_at
            .duration_since(before)
            .unwrap_or_default()
            .as_secs();
        assert!(got.abs_diff(expected) <= 2, "{expires_in}: {got} s");
        m.delete_async().await;
    }
}

#[tokio::test]
async fn a_refresh_sends_the_refresh_grant_and_a_rejected_one_asks_for_consent() {
    let server = MockServer::start_async().await;
    let c = config(&server);
    let ok = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=rt1");
            then.status(200).body(
                r#"{"access_token":"at2","token_type":"Bearer","expires_in":900,"scope":"rooms.all:read_write"}"#,
            );
        })
        .await;
    let t = c
        .refresh(&tokens("at1", "rt1", Duration::ZERO))
        .await
        .unwrap();
    ok.assert_async().await;
    assert_eq!(t.access_token.expose(), "at2");
    assert_eq!(
        t.refresh_token.as_ref().unwrap().expose(),
        "rt1",
        "no new refresh token: the old one stays"
    );
    server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=expired");
            then.status(400).body(
                r#"{"error":"invalid_grant","error_description":"The refresh token is expired","error_uri":null}"#,
            );
        })
        .await;
    let err = c
        .refresh(&tokens("at1", "expired", Duration::ZERO))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        OAuthError::ReauthorizationRequired {
            error: "invalid_grant".into()
        }
    );
    assert!(err.to_string().contains("must authorize again"));
    server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=x");
            then.status(401)
                .body(r#"{"error":"invalid_client","error_description":"bad secret"}"#);
        })
        .await;
    assert_eq!(
        c.refresh(&tokens("at1", "x", Duration::ZERO))
            .await
            .unwrap_err(),
        OAuthError::Endpoint {
            status: 401,
            error: "invalid_client".into(),
            description: Some("bad secret".into())
        }
    );
}

#[tokio::test]
async fn the_session_refreshes_shortly_before_expiry() {
    let server = MockServer::start_async().await;
    let refresh = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=rt1");
            then.status(200).body(token_json("at2", "rt2", "900"));
        })
        .await;
    let me = me_for(&server, "at2").await;
    let store = Arc::new(MemoryTokenStore::default());
    // 30 s left: inside the refresh margin.
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::from_secs(30)),
        store.clone(),
    )
    .await
    .unwrap();
    let c = client(&server, session.clone());
    c.get_me().send().await.unwrap();
    c.clone().get_me().send().await.unwrap();
    refresh.assert_calls_async(1).await;
    me.assert_calls_async(2).await;
    let saved = saved(&*store).await;
    assert_eq!(
        (
            saved.access_token.expose(),
            saved.refresh_token.unwrap().expose()
        ),
        ("at2", "rt2")
    );
    // A restarted process resumes from the store.
    let resumed = OAuthSession::resume(config(&server), store).await.unwrap();
    assert_eq!(resumed.tokens().unwrap().access_token.expose(), "at2");
}

#[tokio::test]
async fn twenty_concurrent_401s_make_exactly_one_refresh() {
    let server = MockServer::start_async().await;
    let refresh = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=rt1");
            then.status(200)
                .delay(Duration::from_millis(200))
                .body(token_json("at2", "rt2", "900"));
        })
        .await;
    let stale = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/me")
                .header("authorization", "Bearer at1");
            then.status(401)
                .header(
                    "www-authenticate",
                    r#"Bearer error="invalid_token", error_description="The access token expired""#,
                )
                .body("");
        })
        .await;
    let fresh = me_for(&server, "at2").await;
    // Revoked early: the clock says it is good for 10 more minutes.
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::from_secs(600)),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = client(&server, session);
    let calls = (0..20).map(|_| {
        let c = c.clone();
        tokio::spawn(async move { c.get_me().send().await })
    });
    for r in futures_util::future::join_all(calls).await {
        assert_eq!(r.unwrap().unwrap().name, "n");
    }
    refresh.assert_calls_async(1).await;
    stale.assert_calls_async(20).await;
    fresh.assert_calls_async(20).await;
}

#[tokio::test]
async fn a_rejected_refresh_token_is_a_typed_error_asking_for_consent() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(400).body(r#"{"error":"invalid_grant"}"#);
        })
        .await;
    let api = server
        .mock_async(|when, then| {
            when.method("GET").path("/me");
            then.status(200).body(ME);
        })
        .await;
    // Expired: nothing can be sent.
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::ZERO),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let err = client(&server, session).get_me().send().await.unwrap_err();
    let Error::OAuth(e) = &err else {
        panic!("{err:?}")
    };
    assert!(matches!(**e, OAuthError::ReauthorizationRequired { .. }));
    assert!(err.to_string().contains("must authorize again"), "{err}");
    api.assert_calls_async(0).await;
}

#[tokio::test]
async fn no_secret_appears_in_debug_or_errors() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(400).body(
                r#"{"error":"invalid_grant","error_description":"refresh token rt1 expired"}"#,
            );
        })
        .await;
    let c = config(&server);
    let pending = c.authorize([Scope::ROOMS_ALL_READ]);
    let t = tokens("at1-SECRET", "rt1-SECRET", Duration::from_secs(600));
    let session = OAuthSession::new(c.clone(), t.clone(), Arc::new(MemoryTokenStore::default()))
        .await
        .unwrap();
    let err = c
        .refresh(&tokens("at9-SECRET", "rt9-SECRET", Duration::ZERO))
        .await
        .unwrap_err();
    let client = client(&server, session.clone());
    let printed = format!(
        "{c:?} {pending:?} {t:?} {session:?} {err} {err:?} {client:?} {:?}",
        Credentials::oauth_session(session.clone())
    );
    for secret in [
        "client-SECRET-xyz",
        "at1-SECRET",
        "rt1-SECRET",
        "rt9-SECRET",
        pending.verifier().expose(),
    ] {
        assert!(!printed.contains(secret), "{secret} in {printed}");
    }
}
