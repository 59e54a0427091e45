//! OAuth 2.0: consent URL with PKCE, callback checks, both grants on the wire, `expires_in`
//! shapes, and the self-refreshing session, against a token endpoint on loopback.
#![cfg(feature = "oauth")]

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use chatwork::oauth::{
    ConnectionId, ConnectionRecord, MemoryTokenStore, OAuthConfig, OAuthError, OAuthSession, Scope,
    Secret, TokenSet, TokenStore, pkce_challenge,
};
use chatwork::{Client, Credentials, Error};
use httpmock::MockServer;

const ME: &str = r#"{"account_id":1,"room_id":2,"name":"n","chatwork_id":"","organization_id":0,"organization_name":"","department":"","title":"","url":"","introduction":"","mail":"","tel_organization":"","tel_extension":"","tel_mobile":"","skype":"","facebook":"","twitter":"","avatar_image_url":"","login_mail":""}"#;
const REDIRECT: &str = "https://bot.example/callback";

fn config(server: &MockServer) -> OAuthConfig {
    OAuthConfig::confidential("client-ID", "client-SECRET-xyz", REDIRECT)
        .endpoints(server.url("/authorize"), server.url("/token"))
        .unwrap()
}

/// The tokens saved for the default connection.
async fn saved(store: &dyn TokenStore) -> TokenSet {
    let id = ConnectionId::new(chatwork::oauth::DEFAULT_CONNECTION).unwrap();
    store.load(&id).await.unwrap().unwrap().value.tokens
}

/// Saves `tokens` as another process would after a refresh.
async fn put(store: &dyn TokenStore, tokens: TokenSet) {
    let id = ConnectionId::new(chatwork::oauth::DEFAULT_CONNECTION).unwrap();
    let version = store.load(&id).await.unwrap().map(|r| r.version);
    let record = ConnectionRecord::active(tokens);
    assert!(matches!(
        store.compare_and_swap(&id, version, &record).await.unwrap(),
        chatwork::oauth::Swap::Saved(_)
    ));
}

fn tokens(access: &str, refresh: &str, expires_in: Duration) -> TokenSet {
    TokenSet::new(
        Secret::new(access),
        Some(Secret::new(refresh)),
        SystemTime::now() + expires_in,
        vec![Scope::ROOMS_ALL_READ_WRITE],
    )
}

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

fn token_json(access: &str, refresh: &str, expires_in: &str) -> String {
    format!(
        r#"{{"access_token":"{access}","refresh_token":"{refresh}","token_type":"Bearer","expires_in":{expires_in},"scope":"rooms.all:read_write users.profile.me:read","error_uri":null}}"#
    )
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

/// `GET /me` answered for the access token `token` only.
async fn me_for<'a>(server: &'a MockServer, token: &str) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/me")
                .header("authorization", format!("Bearer {token}"));
            then.status(200).body(ME);
        })
        .await
}

fn client(server: &MockServer, session: Arc<OAuthSession>) -> Client {
    Client::builder(Credentials::oauth_session(session))
        .base_url(server.base_url())
        .build()
        .unwrap()
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

// ---- The session under failure: one shared refresh, cancellation, fail-soft, timeouts ----

/// `n` concurrent `get_me` calls on clones of `c`.
async fn concurrent_me(c: &Client, n: usize) -> Vec<Result<String, Error>> {
    let calls = (0..n).map(|_| {
        let c = c.clone();
        tokio::spawn(async move { c.get_me().send().await.map(|me| me.name.clone()) })
    });
    futures_util::future::join_all(calls)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

fn oauth_error(result: &Result<String, Error>) -> &OAuthError {
    match result {
        Err(Error::OAuth(e)) => e,
        other => panic!("not an OAuth error: {other:?}"),
    }
}

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

#[test]
fn a_callback_with_two_states_or_two_codes_is_refused_and_a_fragment_ignored() {
    let server = MockServer::start();
    let pending = config(&server).authorize([Scope::USERS_ALL_READ]);
    let state = pending.state().to_owned();
    assert_eq!(
        pending
            .code_from_callback(&format!("code=C&state={state}&state={state}"))
            .unwrap_err(),
        OAuthError::StateMismatch
    );
    assert_eq!(
        pending
            .code_from_callback(&format!("code=C&state=forged&state={state}"))
            .unwrap_err(),
        OAuthError::StateMismatch
    );
    assert!(matches!(
        pending
            .code_from_callback(&format!("code=A&code=B&state={state}"))
            .unwrap_err(),
        OAuthError::InvalidCallback(m) if m.contains("`code`")
    ));
    assert_eq!(
        pending
            .code_from_callback(&format!("{REDIRECT}?code=C0DE&state={state}#_=_"))
            .unwrap(),
        "C0DE"
    );
    assert_eq!(
        pending
            .code_from_callback(&format!("state={state}&code=C0DE#state=forged&code=X"))
            .unwrap(),
        "C0DE"
    );
}

// ---- The loopback redirect receiver ----

/// Sends `parts` on one connection (pausing between them) and returns the whole answer.
async fn browser(addr: std::net::SocketAddr, parts: &[&str]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut socket = tokio::net::TcpStream::connect(addr).await.unwrap();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        socket.write_all(part.as_bytes()).await.unwrap();
    }
    let mut answer = String::new();
    socket.read_to_string(&mut answer).await.unwrap();
    answer
}

#[tokio::test]
async fn the_receiver_takes_the_real_redirect_among_other_connections() {
    use chatwork::oauth::RedirectReceiver;
    let c = OAuthConfig::public("id", "http://127.0.0.1:0/callback");
    let receiver = RedirectReceiver::bind("http://127.0.0.1:0/callback")
        .await
        .unwrap();
    let addr = receiver.local_addr();
    assert!(addr.ip().is_loopback() && addr.port() != 0);
    let pending = c.authorize([Scope::ROOMS_ALL_READ]);
    let state = pending.state().to_owned();
    let waiting = tokio::spawn(async move {
        let code = receiver
            .wait_for_code(&pending, Duration::from_secs(10))
            .await;
        (code, receiver)
    });
    // A browser's pre-connect: opened first, never sends a byte.
    let _idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let favicon = browser(addr, &["GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n"]).await;
    assert!(
        favicon.starts_with("HTTP/1.1 404 Not Found\r\n"),
        "{favicon}"
    );
    let forged = browser(
        addr,
        &["GET /callback?code=EVIL&state=forged HTTP/1.1\r\nHost: x\r\n\r\n"],
    )
    .await;
    assert!(
        forged.starts_with("HTTP/1.1 400 Bad Request\r\n"),
        "{forged}"
    );
    assert!(
        !waiting.is_finished(),
        "a forged state does not end the wait"
    );
    // The real redirect, its request line split over two packets.
    let rest = format!("ate={state} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n");
    let real = browser(addr, &["GET /callback?code=C0DE&st", &rest]).await;
    assert!(real.starts_with("HTTP/1.1 200 OK\r\n"), "{real}");
    assert!(real.contains("content-type: text/html; charset=utf-8\r\n"));
    assert!(real.contains("referrer-policy: no-referrer\r\n"));
    assert!(real.contains("Signed in to Chatwork. You can close this tab."));
    let (code, _receiver) = waiting.await.unwrap();
    assert_eq!(code.unwrap(), "C0DE");
}

#[tokio::test]
async fn the_receiver_reports_a_denial_and_times_out_cleanly() {
    use chatwork::oauth::RedirectReceiver;
    let c = OAuthConfig::public("id", "http://localhost:0/cb");
    let receiver = RedirectReceiver::bind("http://localhost:0/cb")
        .await
        .unwrap();
    let addr = receiver.local_addr();
    let pending = c.authorize([Scope::ROOMS_ALL_READ]);
    // Nothing but a pre-connect: the wait ends at the timeout, as a typed error.
    let _idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let started = std::time::Instant::now();
    assert_eq!(
        receiver
            .wait_for_code(&pending, Duration::from_millis(300))
            .await
            .unwrap_err(),
        OAuthError::RedirectTimeout(Duration::from_millis(300))
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    // "Deny" on the consent screen: the browser is told, the caller gets the error.
    let state = pending.state().to_owned();
    let request = format!(
        "GET /cb?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E&state={state} HTTP/1.1\r\n\r\n"
    );
    let parts = [request.as_str()];
    let denied = tokio::join!(
        receiver.wait_for_code(&pending, Duration::from_secs(10)),
        browser(addr, &parts)
    );
    assert_eq!(
        denied.0.unwrap_err(),
        OAuthError::AccessDenied {
            description: Some("<b>no</b>".into())
        }
    );
    assert!(denied.1.contains("did not complete"), "{}", denied.1);
    assert!(
        denied.1.contains("&lt;b&gt;no&lt;/b&gt;"),
        "escaped: {}",
        denied.1
    );
    for bad in [
        "https://127.0.0.1:0/cb",
        "http://bot.example/cb",
        "not a uri",
    ] {
        assert!(
            matches!(
                RedirectReceiver::bind(bad).await.unwrap_err(),
                OAuthError::InvalidConfig(_)
            ),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn sessions_sharing_a_store_refresh_once_between_them_under_its_lease() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=rt1");
            then.status(200)
                .delay(Duration::from_millis(200))
                .body(token_json("at2", "rt2", "900"));
        })
        .await;
    me_for(&server, "at2").await;
    let store = Arc::new(MemoryTokenStore::default());
    let expired = tokens("at1", "rt1", Duration::ZERO);
    // Three sessions of one connection on one store: three processes.
    let mut clients: Vec<Client> = Vec::new();
    for _ in 0..3 {
        let session = OAuthSession::new(config(&server), expired.clone(), store.clone())
            .await
            .unwrap();
        clients.push(client(&server, session));
    }
    let calls = clients.iter().map(|c| {
        let c = c.clone();
        tokio::spawn(async move { c.get_me().send().await.map(|me| me.name.clone()) })
    });
    for r in futures_util::future::join_all(calls).await {
        assert_eq!(r.unwrap().unwrap(), "n");
    }
    token.assert_calls_async(1).await;
    assert_eq!(saved(&*store).await.refresh_token.unwrap().expose(), "rt2");
}

#[tokio::test]
async fn the_receiver_reads_heads_up_to_16_kib_and_listens_where_the_uri_says() {
    use chatwork::oauth::RedirectReceiver;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let c = OAuthConfig::public("id", "http://127.0.0.1:0/cb");
    let receiver = RedirectReceiver::bind("http://127.0.0.1:0/cb")
        .await
        .unwrap();
    let addr = receiver.local_addr();
    let pending = c.authorize([Scope::ROOMS_ALL_READ]);
    let state = pending.state().to_owned();
    let waiting = tokio::spawn(async move {
        receiver
            .wait_for_code(&pending, Duration::from_secs(10))
            .await
    });
    // Over 16 KiB of head: dropped without an answer; the receiver keeps waiting.
    let mut huge = tokio::net::TcpStream::connect(addr).await.unwrap();
    let cookie = "x".repeat(20 * 1024);
    huge.write_all(
        format!("GET /cb?code=BIG&state={state} HTTP/1.1\r\nCookie: {cookie}\r\n\r\n").as_bytes(),
    )
    .await
    .unwrap();
    let mut answer = Vec::new();
    let _ = huge.read_to_end(&mut answer).await;
    assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
    assert!(!waiting.is_finished());
    // A browser's long cookies (12 KiB) are fine.
    let cookie = "y".repeat(12 * 1024);
    let request = format!("GET /cb?code=C0DE&state={state} HTTP/1.1\r\nCookie: {cookie}\r\n\r\n");
    let page = browser(addr, &[&request]).await;
    assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
    assert_eq!(waiting.await.unwrap().unwrap(), "C0DE");
    // `[::1]` is listened on as written (where the machine has IPv6).
    let v6 = RedirectReceiver::bind("http://[::1]:0/cb").await;
    if std::net::TcpListener::bind("[::1]:0").is_ok() {
        assert!(v6.unwrap().local_addr().is_ipv6());
    } else {
        assert!(matches!(v6.unwrap_err(), OAuthError::Receiver(_)));
    }
}

#[tokio::test]
async fn a_new_401_after_a_failed_refresh_starts_a_new_attempt_once() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(500).body("");
        })
        .await;
    let rejected = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/me")
                .header("authorization", "Bearer at1");
            then.status(401)
                .header("www-authenticate", r#"Bearer error="invalid_token""#)
                .body("");
        })
        .await;
    // 30 s left: the early refresh fails, the call goes out with at1 and meets a 401 that
    // is news (sent after the failure): one more attempt, within the cool-down.
    let session = OAuthSession::new(
        config(&server).refresh_cool_down(Duration::from_secs(60)),
        tokens("at1", "rt1", Duration::from_secs(30)),
        Arc::new(MemoryTokenStore::default()),
    )
    .await
    .unwrap();
    let c = client(&server, session);
    let first = c.get_me().send().await.map(|me| me.name.clone());
    assert!(matches!(
        oauth_error(&first),
        OAuthError::Endpoint { status: 500, .. }
    ));
    token.assert_calls_async(2).await;
    rejected.assert_calls_async(1).await;
    // at1 is known to be rejected and the failure stands: nothing is sent, nothing asked.
    let second = c.get_me().send().await.map(|me| me.name.clone());
    assert!(matches!(
        oauth_error(&second),
        OAuthError::Endpoint { status: 500, .. }
    ));
    token.assert_calls_async(2).await;
    rejected.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_stale_writer_cannot_put_older_tokens_back() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/token")
                .body("grant_type=refresh_token&refresh_token=rt1");
            then.status(200).body(token_json("at2", "rt2", "900"));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/me")
                .header("authorization", "Bearer at1");
            then.status(401)
                .header("www-authenticate", r#"Bearer error="invalid_token""#)
                .body("");
        })
        .await;
    me_for(&server, "at2").await;
    let store = Arc::new(MemoryTokenStore::default());
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::from_secs(600)),
        store.clone(),
    )
    .await
    .unwrap();
    let c = client(&server, session.clone());
    assert_eq!(c.get_me().send().await.unwrap().name, "n");
    token.assert_calls_async(1).await;
    assert_eq!(session.tokens().unwrap().access_token.expose(), "at2");
    // A writer that loaded the first tokens (version 1) cannot put older ones back.
    let id = ConnectionId::new(chatwork::oauth::DEFAULT_CONNECTION).unwrap();
    let stale = ConnectionRecord::active(tokens("at0", "rt0", Duration::from_secs(300)));
    let swap = store
        .compare_and_swap(&id, Some(chatwork::oauth::Version(1)), &stale)
        .await
        .unwrap();
    assert!(
        matches!(&swap, chatwork::oauth::Swap::Conflict(Some(now)) if now.version.0 == 2),
        "{swap:?}"
    );
    assert_eq!(saved(&*store).await.access_token.expose(), "at2");
    assert!(format!("{session:?}").contains("client-ID"));
}

#[tokio::test]
async fn tokens_another_process_saved_during_a_failed_refresh_are_used() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(400)
                .delay(Duration::from_millis(300))
                .body(r#"{"error":"invalid_grant"}"#);
        })
        .await;
    me_for(&server, "at9").await;
    let store = Arc::new(MemoryTokenStore::default());
    let session = OAuthSession::new(
        config(&server),
        tokens("at1", "rt1", Duration::ZERO),
        store.clone(),
    )
    .await
    .unwrap();
    let c = client(&server, session);
    let call = tokio::spawn(async move { c.get_me().send().await.map(|me| me.name.clone()) });
    // Another process wins the race with the same refresh token and saves its tokens.
    tokio::time::sleep(Duration::from_millis(100)).await;
    put(&*store, tokens("at9", "rt9", Duration::from_secs(900))).await;
    assert_eq!(call.await.unwrap().unwrap(), "n");
}

#[tokio::test]
async fn a_lease_held_elsewhere_sends_nothing_and_fails_typed_after_the_lease_wait() {
    let server = MockServer::start_async().await;
    let token = server
        .mock_async(|when, then| {
            when.method("POST").path("/token");
            then.status(200).body(token_json("at2", "rt2", "900"));
        })
        .await;
    let store = Arc::new(MemoryTokenStore::default());
    let session = OAuthSession::new(
        config(&server).lease(Duration::from_secs(30), Duration::from_millis(400)),
        tokens("at1", "rt1", Duration::ZERO),
        store.clone(),
    )
    .await
    .unwrap();
    // Another process holds the lease and never lets go (it hangs, or died moments ago).
    let id = ConnectionId::new(chatwork::oauth::DEFAULT_CONNECTION).unwrap();
    let _held = store
        .try_lease(&id, Duration::from_secs(60))
        .await
        .unwrap()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client(&server, session).get_me().send().await.unwrap_err();
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_millis(900),
        "{took:?}"
    );
    let Error::OAuth(e) = &err else {
        panic!("{err:?}")
    };
    assert!(matches!(**e, OAuthError::LeaseBusy { .. }), "{e:?}");
    assert!(err.is_retryable());
    assert!(
        err.to_string().contains("another process is refreshing"),
        "{err}"
    );
    token.assert_calls_async(0).await;
}

#[test]
fn a_refresh_cancelled_with_its_runtime_does_not_stick() {
    let server = MockServer::start();
    let mut hanging = server.mock(|when, then| {
        when.method("POST").path("/token");
        then.status(200)
            .delay(Duration::from_secs(30))
            .body(token_json("at2", "rt2", "900"));
    });
    // The lease of the refresh that dies with its runtime is not released: it lapses after
    // the token timeout and 5 s, as a killed process's would.
    let session = tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(OAuthSession::new(
            config(&server)
                .timeout(Duration::from_millis(500))
                .lease(Duration::ZERO, Duration::from_secs(10)),
            tokens("at1", "rt1", Duration::ZERO),
            Arc::new(MemoryTokenStore::default()),
        ))
        .unwrap();
    let c = client(&server, session);
    // The first runtime starts the refresh and is shut down under it.
    let first = tokio::runtime::Runtime::new().unwrap();
    let c1 = c.clone();
    first.spawn(async move { c1.get_me().send().await.map(|_| ()) });
    std::thread::sleep(Duration::from_millis(200));
    first.shutdown_timeout(Duration::from_millis(100));
    hanging.delete();
    server.mock(|when, then| {
        when.method("POST").path("/token");
        then.status(200).body(token_json("at2", "rt2", "900"));
    });
    server.mock(|when, then| {
        when.method("GET")
            .path("/me")
            .header("authorization", "Bearer at2");
        then.status(200).body(ME);
    });
    let second = tokio::runtime::Runtime::new().unwrap();
    second.block_on(async {
        // The cancelled refresh is reported once, then a new one is made.
        let r = c.get_me().send().await.map(|me| me.name.clone());
        assert!(
            matches!(oauth_error(&r), OAuthError::Transport(m) if m.contains("cancelled")),
            "{r:?}"
        );
        let started = std::time::Instant::now();
        assert_eq!(c.get_me().send().await.unwrap().name, "n");
        assert!(
            started.elapsed() < Duration::from_secs(6),
            "{:?}",
            started.elapsed()
        );
    });
}
