//! Many connections in one process: cheap handles, shared sessions, the Redis token store
//! and its lease, re-consent, and one webhook endpoint for many settings. Against the local
//! Chatwork, a real `redis-server` and real HTTP on loopback.
#![cfg(all(feature = "oauth", feature = "redis", feature = "axum"))]

#[path = "common/redis.rs"]
mod redis_server;

use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use chatwork::RedisConnection;
use chatwork::fleet::Fleet;
use chatwork::oauth::{
    ConnectionId, ConnectionRecord, ConnectionState, MemoryTokenStore, OAuthConfig, OAuthError,
    RedisTokenStore, Scope, Secret, StoreError, Swap, TokenSet, TokenStore, Version,
};
use chatwork::webhook::WebhookVerifier;
use chatwork::webhook::fleet::{
    Delivery, FleetWebhookReceiver, LookupFuture, Registered, WebhookAddress, WebhookDirectory,
};
use chatwork_mock::MockServer;
use redis_server::RedisServer;

fn id(s: &str) -> ConnectionId {
    ConnectionId::new(s).unwrap()
}

fn config(mock: &MockServer) -> OAuthConfig {
    OAuthConfig::confidential("app", "app-secret", "http://127.0.0.1:9/cb")
        .endpoints(
            format!("{}/mock/oauth/authorize", mock.origin()),
            format!("{}/mock/oauth/token", mock.origin()),
        )
        .unwrap()
        .timeout(Duration::from_secs(2))
}

/// `who` clicks "Allow" on the local Chatwork's consent screen.
async fn consent(_mock: &MockServer, config: &OAuthConfig, who: &str) -> TokenSet {
    let pending = config.authorize([Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ_WRITE]);
    let answer = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}&mock_user={who}", pending.url()))
        .send()
        .await
        .unwrap();
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    pending
        .exchange(config, location.split_once('?').unwrap().1)
        .await
        .unwrap()
}

fn fleet(mock: &MockServer, store: Arc<dyn TokenStore>) -> Fleet {
    Fleet::builder(config(mock), store)
        .base_url(mock.base_url())
        .build()
        .unwrap()
}

#[tokio::test]
async fn ten_thousand_handles_share_one_session_per_connection() {
    let mock = MockServer::start().await;
    let store = Arc::new(MemoryTokenStore::default());
    let f = fleet(&mock, store.clone());
    let c = id("t1:alice");
    f.connect(&c, consent(&mock, f.config(), "alice").await)
        .await
        .unwrap();
    let handles: Vec<_> = (0..10_000)
        .map(|i| f.client(&id(&format!("t1:user-{i}"))))
        .collect();
    assert_eq!(f.live_connections(), 10_000);
    drop(handles);
    // Handles of one connection share its session: 50 concurrent calls after its access
    // token expired make one refresh between them.
    let alices: Vec<_> = (0..50).map(|_| f.client(&c)).collect();
    assert_eq!(alices[0].get_me().send().await.unwrap().name, "Alice");
    mock.advance_clock(Duration::from_secs(16 * 60)).unwrap();
    let before = mock.token_stats().refreshes;
    let calls = alices.iter().map(|a| a.get_me().send());
    for r in futures_util::future::join_all(calls).await {
        assert_eq!(r.unwrap().name, "Alice");
    }
    assert_eq!(mock.token_stats().refreshes - before, 1);
    assert!(f.live_connections() < 1_100, "{}", f.live_connections());
    // An unknown connection is a typed error naming it, and nothing is sent.
    let err = f
        .client(&id("t1:nobody"))
        .get_me()
        .send()
        .await
        .unwrap_err();
    let chatwork::Error::OAuth(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        **e,
        OAuthError::Store(StoreError::UnknownConnection(id("t1:nobody")))
    );
    assert_eq!(
        err.to_string(),
        "OAuth: no connection t1:nobody in the token store"
    );
    assert!(!format!("{f:?}").contains("app-secret"));
}

#[tokio::test]
async fn a_used_refresh_token_is_refused_unless_reuse_is_switched_on() {
    let mock = MockServer::start().await;
    let cfg = config(&mock);
    let first = consent(&mock, &cfg, "alice").await;
    let second = cfg.refresh(&first).await.unwrap();
    assert_ne!(second.refresh_token, first.refresh_token);
    let again = cfg.refresh(&first).await.unwrap_err();
    assert!(again.needs_reauthorization(), "{again:?}");
    assert_eq!(mock.token_stats().invalid_grants, 1);
    mock.reuse_refresh_tokens(true).unwrap();
    cfg.refresh(&second).await.unwrap();
    cfg.refresh(&second).await.unwrap();
    assert_eq!(mock.token_stats().refreshes, 3);
    // Accounts made by the admin route sign in like the seeded ones.
    let (account, token) = mock.create_account("Zed_9").unwrap();
    assert!(account > 1004);
    assert_eq!(token, format!("zed_9-token-{account}"));
    assert!(mock.create_account("zed_9").unwrap_err().contains("exists"));
    assert!(mock.create_account("a b").is_err());
    consent(&mock, &cfg, "zed_9").await;
}

#[tokio::test]
async fn invalid_grant_marks_the_connection_and_a_new_consent_elsewhere_revives_it() {
    let mock = MockServer::start().await;
    let store = Arc::new(MemoryTokenStore::default());
    let worker = fleet(&mock, store.clone());
    let c = id("t1:alice");
    let tokens = consent(&mock, worker.config(), "alice").await;
    worker.connect(&c, tokens.clone()).await.unwrap();
    let client = worker.client(&c);
    client.get_me().send().await.unwrap();
    // The refresh token is used up elsewhere (revoked, in effect).
    worker.config().refresh(&tokens).await.unwrap();
    mock.advance_clock(Duration::from_secs(16 * 60)).unwrap();
    let err = client.get_me().send().await.unwrap_err();
    assert!(
        matches!(&err, chatwork::Error::OAuth(e) if e.needs_reauthorization()),
        "{err:?}"
    );
    assert!(matches!(
        worker.state(&c).await.unwrap(),
        Some(ConnectionState::NeedsConsent { ref error, .. }) if error == "invalid_grant"
    ));
    // The tokens are kept.
    let kept = store.load(&c).await.unwrap().unwrap();
    assert_eq!(kept.value.tokens.refresh_token, tokens.refresh_token);
    // Another machine saves a new consent: this worker's handle works again without a restart
    // (after the failure's cool-down), and never sends the dead refresh token again.
    let other = fleet(&mock, store.clone());
    other
        .connect(&c, consent(&mock, other.config(), "alice").await)
        .await
        .unwrap();
    assert_eq!(
        worker.state(&c).await.unwrap(),
        Some(ConnectionState::Active)
    );
    tokio::time::sleep(Duration::from_millis(5_100)).await;
    assert_eq!(client.get_me().send().await.unwrap().name, "Alice");
    assert_eq!(mock.token_stats().invalid_grants, 1);
}

fn record(access: &str, refresh: &str) -> ConnectionRecord {
    ConnectionRecord::active(TokenSet::new(
        Secret::new(access),
        Some(Secret::new(refresh)),
        UNIX_EPOCH + Duration::from_secs(4_000_000_000),
        vec![Scope::ROOMS_ALL_READ],
    ))
}

#[tokio::test]
async fn the_redis_store_swaps_by_version_and_leases_by_owner() {
    let Some(mut server) =
        RedisServer::for_test("the_redis_store_swaps_by_version_and_leases_by_owner")
    else {
        return;
    };
    let redis = RedisConnection::open(&server.url()).unwrap();
    let store = RedisTokenStore::new(&redis);
    let c = id("t9:u1");
    assert_eq!(store.load(&c).await.unwrap(), None);
    assert_eq!(
        store
            .compare_and_swap(&c, None, &record("a1", "r1"))
            .await
            .unwrap(),
        Swap::Saved(Version(1))
    );
    // A stale writer loses and learns what is stored.
    let Swap::Conflict(Some(now)) = store
        .compare_and_swap(&c, None, &record("old", "old"))
        .await
        .unwrap()
    else {
        panic!("no conflict")
    };
    assert_eq!(
        (now.version, now.value.tokens.access_token.expose()),
        (Version(1), "a1")
    );
    assert_eq!(
        store
            .compare_and_swap(&c, Some(Version(1)), &record("a2", "r2"))
            .await
            .unwrap(),
        Swap::Saved(Version(2))
    );
    // The lease: one owner; others can neither renew nor release it; it lapses.
    let ttl = Duration::from_millis(300);
    let lease = store.try_lease(&c, ttl).await.unwrap().unwrap();
    assert!(
        lease
            .owner()
            .starts_with(&format!("{}-", std::process::id()))
    );
    assert!(store.try_lease(&c, ttl).await.unwrap().is_none());
    let stranger = chatwork::oauth::Lease::new("someone");
    assert!(!store.renew_lease(&c, &stranger, ttl).await.unwrap());
    store.release_lease(&c, &stranger).await.unwrap();
    assert!(store.try_lease(&c, ttl).await.unwrap().is_none());
    assert!(store.renew_lease(&c, &lease, ttl).await.unwrap());
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!store.renew_lease(&c, &lease, ttl).await.unwrap());
    let next = store.try_lease(&c, ttl).await.unwrap().unwrap();
    store.release_lease(&c, &lease).await.unwrap();
    assert!(store.try_lease(&c, ttl).await.unwrap().is_none());
    store.release_lease(&c, &next).await.unwrap();

    // Corrupt and unknown records are typed, name the connection, show no secret, and are
    // not overwritten by a load.
    let mut raw = redis::Client::open(server.url())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    let bad = id("t9:bad");
    let key = store.record_key(&bad);
    let _: () = redis::cmd("HSET")
        .arg(&key)
        .arg("version")
        .arg("3")
        .arg("record")
        .arg(r#"{"format":1,"access_token":"SECRET-a"}"#)
        .query_async(&mut raw)
        .await
        .unwrap();
    let e = store.load(&bad).await.unwrap_err();
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e:?}");
    assert!(
        e.to_string().contains("t9:bad") && !e.to_string().contains("SECRET"),
        "{e}"
    );
    let _: () = redis::cmd("HSET")
        .arg(&key)
        .arg("record")
        .arg(r#"{"format":7,"access_token":"SECRET-a"}"#)
        .query_async(&mut raw)
        .await
        .unwrap();
    assert_eq!(
        store.load(&bad).await.unwrap_err(),
        StoreError::UnknownFormat {
            connection: bad.clone(),
            found: 7
        }
    );
    // A consent does not overwrite a record it cannot read.
    let f = Fleet::builder(
        OAuthConfig::public("app", "http://127.0.0.1:9/cb"),
        Arc::new(store.clone()),
    )
    .build()
    .unwrap();
    let e = f.connect(&bad, record("a", "r").tokens).await.unwrap_err();
    assert!(
        matches!(e, OAuthError::Store(StoreError::UnknownFormat { .. })),
        "{e:?}"
    );
    // Redis answering an error (a key of another type) is `Backend`, not `Unavailable`.
    let odd = id("t9:odd");
    let _: () = redis::cmd("SET")
        .arg(store.record_key(&odd))
        .arg("x")
        .query_async(&mut raw)
        .await
        .unwrap();
    let e = store.load(&odd).await.unwrap_err();
    assert!(
        matches!(e, StoreError::Backend(_)) && e.is_retryable(),
        "{e:?}"
    );
    let stored: String = redis::cmd("HGET")
        .arg(&key)
        .arg("record")
        .query_async(&mut raw)
        .await
        .unwrap();
    assert!(stored.contains("\"format\":7"));

    // Redis gone: a typed, retryable error, no secret, no panic; back when Redis is.
    server.stop();
    let e = store.load(&c).await.unwrap_err();
    assert!(
        matches!(e, StoreError::Unavailable(_)) && e.is_retryable(),
        "{e:?}"
    );
    let e = store
        .compare_and_swap(&c, Some(Version(2)), &record("SECRET-x", "SECRET-y"))
        .await
        .unwrap_err();
    assert!(e.is_retryable() && !e.to_string().contains("SECRET"), "{e}");
    server.restart();
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    // This server keeps no append-only file: the point is that the store is usable again.
    assert!(store.load(&c).await.is_ok());
}

#[tokio::test]
async fn fleet_clients_share_one_redis_connection_and_a_budget_keyed_by_connection() {
    let Some(server) = RedisServer::for_test(
        "fleet_clients_share_one_redis_connection_and_a_budget_keyed_by_connection",
    ) else {
        return;
    };
    let mock = MockServer::start().await;
    let redis = RedisConnection::open(&server.url()).unwrap();
    let store = Arc::new(RedisTokenStore::new(&redis));
    let f = Fleet::builder(config(&mock), store.clone())
        .base_url(mock.base_url())
        .redis_limits(&redis)
        .build()
        .unwrap();
    let c = id("t1:alice");
    f.connect(&c, consent(&mock, f.config(), "alice").await)
        .await
        .unwrap();
    f.client(&c).get_me().send().await.unwrap();
    // The budget sits under a key of the connection, not of the (changing) access token.
    let mut raw = redis::Client::open(server.url())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("chatwork:{*}:budget")
        .query_async(&mut raw)
        .await
        .unwrap();
    assert_eq!(keys.len(), 1, "{keys:?}");
    mock.advance_clock(Duration::from_secs(16 * 60)).unwrap();
    f.client(&c).get_me().send().await.unwrap();
    let after: Vec<String> = redis::cmd("KEYS")
        .arg("chatwork:{*}:budget")
        .query_async(&mut raw)
        .await
        .unwrap();
    assert_eq!(after, keys, "a refresh moved the budget");
    let clients: Vec<String> = redis::cmd("CLIENT")
        .arg("LIST")
        .query_async::<String>(&mut raw)
        .await
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    // This test's own connection and the fleet's one.
    assert_eq!(clients.len(), 2, "{clients:?}");
}

/// A directory of webhook settings in memory.
struct Settings {
    by_key: std::collections::HashMap<String, Registered>,
    failing: bool,
}

impl WebhookDirectory for Settings {
    fn lookup<'a>(&'a self, address: WebhookAddress<'a>) -> LookupFuture<'a> {
        if self.failing {
            return Box::pin(std::future::ready(Err("database down".into())));
        }
        let found = match address {
            WebhookAddress::Key(key) => self.by_key.get(key).cloned(),
            WebhookAddress::Setting(id) => self
                .by_key
                .values()
                .find(|r| r.setting_id.as_deref() == Some(id))
                .cloned(),
            _ => None,
        };
        Box::pin(std::future::ready(Ok(found)))
    }
}

fn token_of(i: usize) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(format!("webhook-token-{i}"))
}

fn event(setting: usize) -> String {
    format!(
        r#"{{"webhook_setting_id":"{setting}","webhook_event_type":"mention_to_me","webhook_event_time":1700000000,"webhook_event":{{"from_account_id":1,"to_account_id":2,"room_id":3,"message_id":"4","body":"[To:2] hi","send_time":1700000000,"update_time":0}}}}"#
    )
}

async fn serve(settings: Settings, seen: Arc<std::sync::Mutex<Vec<Delivery>>>) -> String {
    let (routes, _handle) = FleetWebhookReceiver::new(settings, move |d: Delivery| {
        let seen = seen.clone();
        async move {
            // A slow handler: the answer never waits for it.
            tokio::time::sleep(Duration::from_millis(300)).await;
            seen.lock().unwrap().push(d);
        }
    })
    .build();
    let app = axum::Router::new().nest("/hooks", routes);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/hooks")
}

#[tokio::test]
async fn one_endpoint_routes_each_delivery_to_its_setting_and_refuses_the_rest_alike() {
    let mut by_key = std::collections::HashMap::new();
    for i in 0..1000 {
        by_key.insert(
            format!("key-{i}"),
            Registered::new(
                format!("t1:user-{i}"),
                WebhookVerifier::new(&token_of(i)).unwrap(),
            )
            .setting_id((5000 + i).to_string()),
        );
    }
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let base = serve(
        Settings {
            by_key,
            failing: false,
        },
        seen.clone(),
    )
    .await;
    let http = reqwest::Client::new();
    let post = |path: String, body: String, token: Option<String>| {
        let http = http.clone();
        async move {
            let mut request = http.post(path).body(body.clone());
            if let Some(token) = token {
                let signature = chatwork::webhook::sign(&token, body.as_bytes()).unwrap();
                request = request.header("x-chatworkwebhooksignature", signature);
            }
            let answer = request.send().await.unwrap();
            (answer.status().as_u16(), answer.text().await.unwrap())
        }
    };
    let started = std::time::Instant::now();
    // Routed by key, and by setting ID.
    assert_eq!(
        post(format!("{base}/key-7"), event(5007), Some(token_of(7))).await,
        (200, String::new())
    );
    assert_eq!(
        post(base.clone(), event(5008), Some(token_of(8))).await,
        (200, String::new())
    );
    assert!(
        started.elapsed() < Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
    let refused = (401, String::new());
    // Unknown key; no signature; another setting's token; a body naming another setting;
    // an unknown setting ID: the same answer, and no handler.
    assert_eq!(
        post(format!("{base}/key-x"), event(5007), Some(token_of(7))).await,
        refused
    );
    assert_eq!(
        post(format!("{base}/key-7"), event(5007), None).await,
        refused
    );
    assert_eq!(
        post(format!("{base}/key-7"), event(5007), Some(token_of(9))).await,
        refused
    );
    assert_eq!(
        post(format!("{base}/key-7"), event(5009), Some(token_of(7))).await,
        refused
    );
    assert_eq!(
        post(base.clone(), event(9999), Some(token_of(7))).await,
        refused
    );
    assert_eq!(
        post(base.clone(), "not json".into(), Some(token_of(7))).await,
        refused
    );
    assert_eq!(
        post(format!("{base}/key-7"), "{}".into(), Some(token_of(7)))
            .await
            .0,
        400
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let seen: Vec<(String, String)> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|d| (d.route.clone(), d.event.webhook_setting_id.clone()))
        .collect();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen.contains(&("t1:user-7".into(), "5007".into())));
    assert!(seen.contains(&("t1:user-8".into(), "5008".into())));

    let failing = serve(
        Settings {
            by_key: Default::default(),
            failing: true,
        },
        Arc::new(std::sync::Mutex::new(Vec::new())),
    )
    .await;
    assert_eq!(
        post(format!("{failing}/key-1"), event(1), Some(token_of(1)))
            .await
            .0,
        503
    );
}
