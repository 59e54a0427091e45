//! The loopback receiver, and sessions that share a store under its lease.

use super::*;

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
