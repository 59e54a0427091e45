//! Fleet costs, each against a baseline measured in the same run:
//!
//! 1. a connection handle ([`Fleet::client`] for 10,000 new connections, then again for
//!    existing ones) against the floor of cloning a `reqwest::Client` and allocating an
//!    `Arc`: time per handle and resident memory per live connection;
//! 2. the latency a call gains from Redis-kept limits with 1,000 connections sharing one
//!    Redis connection, against the same fleet with limits kept in-process (needs
//!    `redis-server`; skipped with a message without it);
//! 3. webhook throughput with 1,000 registered settings on one endpoint, against one
//!    setting's own receiver, over HTTP on loopback.
//!
//! `cargo bench --bench fleet --features oauth,redis,axum`

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chatwork::RedisConnection;
use chatwork::fleet::Fleet;
use chatwork::oauth::{
    ConnectionId, MemoryTokenStore, OAuthConfig, RedisTokenStore, Scope, TokenStore,
};
use chatwork::webhook::WebhookVerifier;
use chatwork::webhook::axum::WebhookReceiver;
use chatwork::webhook::fleet::{
    FleetWebhookReceiver, LookupFuture, Registered, WebhookAddress, WebhookDirectory,
};
use chatwork_mock::MockServer;
use futures_util::StreamExt as _;

fn rss_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<usize>().ok())
        })
        .map_or(0, |pages| pages * 4096)
}

fn config(mock: &MockServer) -> OAuthConfig {
    OAuthConfig::confidential("app", "app-secret", "http://127.0.0.1:9/cb")
        .endpoints(
            format!("{}/mock/oauth/authorize", mock.origin()),
            format!("{}/mock/oauth/token", mock.origin()),
        )
        .unwrap()
}

fn handles(mock: &MockServer) {
    const N: usize = 10_000;
    let fleet = Fleet::builder(config(mock), Arc::new(MemoryTokenStore::default()))
        .base_url(mock.base_url())
        .build()
        .unwrap();
    let ids: Vec<ConnectionId> = (0..N)
        .map(|i| ConnectionId::new(format!("tenant-{}:user-{i}", i % 97)).unwrap())
        .collect();
    let http = reqwest::Client::new();
    // Floor: what any handle must do at least.
    let started = Instant::now();
    let floor: Vec<_> = (0..N).map(|i| (http.clone(), Arc::new(i))).collect();
    let floor_ns = started.elapsed().as_nanos() as f64 / N as f64;
    black_box(&floor);
    drop(floor);
    let before = rss_bytes();
    let started = Instant::now();
    let live: Vec<_> = ids.iter().map(|id| fleet.client(id)).collect();
    let new_ns = started.elapsed().as_nanos() as f64 / N as f64;
    let grown = rss_bytes().saturating_sub(before);
    let started = Instant::now();
    let again: Vec<_> = ids.iter().map(|id| fleet.client(id)).collect();
    let existing_ns = started.elapsed().as_nanos() as f64 / N as f64;
    assert_eq!(fleet.live_connections(), N);
    black_box((&live, &again));
    // The one-account way, for scale: a `Client` of its own per account.
    const OWN: usize = 200;
    let before_own = rss_bytes();
    let started = Instant::now();
    let own: Vec<_> = (0..OWN)
        .map(|i| {
            chatwork::Client::builder(chatwork::Credentials::oauth_access_token(format!("t{i}")))
                .base_url(mock.base_url())
                .build()
                .unwrap()
        })
        .collect();
    let own_ns = started.elapsed().as_nanos() as f64 / OWN as f64;
    let own_grown = rss_bytes().saturating_sub(before_own);
    black_box(&own);
    println!(
        "client per account (Client::builder().build(), {OWN} of them): {:.0} us, {:.1} KB resident each",
        own_ns / 1000.0,
        own_grown as f64 / OWN as f64 / 1024.0
    );
    println!(
        "handle: floor (reqwest::Client clone + Arc) {floor_ns:.0} ns; new connection {new_ns:.0} ns ({:.1}x); existing connection {existing_ns:.0} ns ({:.1}x); resident memory {:.2} KB per live connection ({N} live)",
        new_ns / floor_ns,
        existing_ns / floor_ns,
        grown as f64 / N as f64 / 1024.0,
    );
}

async fn consent(config: &OAuthConfig, who: &str) -> chatwork::oauth::TokenSet {
    let pending = config.authorize([Scope::USERS_PROFILE_ME_READ]);
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

fn start_redis() -> Option<(std::process::Child, String)> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let child = std::process::Command::new("redis-server")
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(std::process::Stdio::null())
        .spawn()
        .ok()?;
    let until = Instant::now() + Duration::from_secs(5);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > until {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some((child, format!("redis://127.0.0.1:{port}/")))
}

async fn redis_latency(mock: &MockServer) {
    const N: usize = 1000;
    let Some((mut child, url)) = start_redis() else {
        println!("redis latency: SKIPPED (no redis-server)");
        return;
    };
    let redis = RedisConnection::open(&url).unwrap();
    let store: Arc<dyn TokenStore> = Arc::new(RedisTokenStore::new(&redis));
    let cfg = config(mock);
    let ids: Vec<ConnectionId> = (0..N)
        .map(|i| ConnectionId::new(format!("t:b{i}")).unwrap())
        .collect();
    let setup = Fleet::builder(cfg.clone(), store.clone())
        .base_url(mock.base_url())
        .build()
        .unwrap();
    for (i, id) in ids.iter().enumerate() {
        let name = format!("b{i}");
        mock.create_account(&name).unwrap();
        setup.connect(id, consent(&cfg, &name).await).await.unwrap();
    }
    let local = Fleet::builder(cfg.clone(), store.clone())
        .base_url(mock.base_url())
        .build()
        .unwrap();
    let shared = Fleet::builder(cfg, store)
        .base_url(mock.base_url())
        .redis_limits(&redis)
        .build()
        .unwrap();
    // Warm: every connection's record loaded in both fleets.
    for fleet in [&local, &shared] {
        futures_util::stream::iter(&ids)
            .for_each_concurrent(16, |id| async move {
                fleet.client(id).get_me().send().await.unwrap();
            })
            .await;
    }
    // Rounds take turns; one call per connection per round, one at a time (latency, not
    // throughput).
    let mut ratios = Vec::new();
    let mut added = Vec::new();
    for round in 0..6 {
        let time = |fleet: &Fleet| {
            let fleet = fleet.clone();
            let ids = &ids;
            async move {
                let started = Instant::now();
                for id in ids.iter().skip(round * 150).take(150) {
                    fleet.client(id).get_me().send().await.unwrap();
                }
                started.elapsed().as_secs_f64() * 1e6 / 150.0
            }
        };
        let (a, b) = if round % 2 == 0 {
            let a = time(&local).await;
            (a, time(&shared).await)
        } else {
            let b = time(&shared).await;
            (time(&local).await, b)
        };
        ratios.push(b / a);
        added.push(b - a);
    }
    ratios.sort_by(f64::total_cmp);
    added.sort_by(f64::total_cmp);
    println!(
        "redis limits, {N} connections on one Redis connection: a call takes {:.2}x the in-process limits' time (median of 6 rounds; {:.0} us added per call, range {:.0} to {:.0})",
        ratios[3], added[3], added[0], added[5]
    );
    let _ = child.kill();
    let _ = child.wait();
}

struct Settings(std::collections::HashMap<String, Registered>);

impl WebhookDirectory for Settings {
    fn lookup<'a>(&'a self, address: WebhookAddress<'a>) -> LookupFuture<'a> {
        let found = match address {
            WebhookAddress::Key(k) => self.0.get(k).cloned(),
            _ => None,
        };
        Box::pin(std::future::ready(Ok(found)))
    }
}

fn token(i: usize) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(format!("token-{i}"))
}

async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    format!("http://{addr}")
}

async fn webhooks() {
    const SETTINGS: usize = 1000;
    const DELIVERIES: usize = 4000;
    let mut map = std::collections::HashMap::new();
    for i in 0..SETTINGS {
        map.insert(
            format!("k{i}"),
            Registered::new(format!("c{i}"), WebhookVerifier::new(&token(i)).unwrap())
                .setting_id(i.to_string()),
        );
    }
    let (fleet_routes, _h1) = FleetWebhookReceiver::new(
        Settings(map),
        |d: chatwork::webhook::fleet::Delivery| async move {
            black_box(d);
        },
    )
    .build();
    let (single_routes, _h2) =
        WebhookReceiver::new(WebhookVerifier::new(&token(7)).unwrap(), |e| async move {
            black_box(e);
        })
        .build();
    let fleet_url = serve(fleet_routes).await;
    let single_url = serve(single_routes).await;
    let body = |i: usize| {
        format!(
            r#"{{"webhook_setting_id":"{i}","webhook_event_type":"mention_to_me","webhook_event_time":1700000000,"webhook_event":{{"from_account_id":1,"to_account_id":2,"room_id":3,"message_id":"4","body":"[To:2] hi","send_time":1700000000,"update_time":0}}}}"#
        )
    };
    let http = reqwest::Client::new();
    let run = |fleet: bool| {
        let http = http.clone();
        let (fleet_url, single_url) = (fleet_url.clone(), single_url.clone());
        async move {
            let started = Instant::now();
            futures_util::stream::iter(0..DELIVERIES)
                .for_each_concurrent(32, |n| {
                    let http = http.clone();
                    let (i, url) = if fleet {
                        let i = n % SETTINGS;
                        (i, format!("{fleet_url}/k{i}"))
                    } else {
                        (7, format!("{single_url}/"))
                    };
                    let body = body(i);
                    async move {
                        let signature =
                            chatwork::webhook::sign(&token(i), body.as_bytes()).unwrap();
                        let answer = http
                            .post(url)
                            .header("x-chatworkwebhooksignature", signature)
                            .body(body)
                            .send()
                            .await
                            .unwrap();
                        assert_eq!(answer.status(), 200);
                    }
                })
                .await;
            DELIVERIES as f64 / started.elapsed().as_secs_f64()
        }
    };
    let mut ratios = Vec::new();
    let mut rates = Vec::new();
    for round in 0..5 {
        let (f, s) = if round % 2 == 0 {
            let f = run(true).await;
            (f, run(false).await)
        } else {
            let s = run(false).await;
            (run(true).await, s)
        };
        ratios.push(f / s);
        rates.push((f, s));
    }
    ratios.sort_by(f64::total_cmp);
    rates.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!(
        "webhooks, {SETTINGS} settings on one endpoint: {:.0} deliveries/s, {:.2}x one setting's own receiver ({:.0}/s) (median of 5 rounds, {DELIVERIES} deliveries each, 32 at once, HTTP on loopback)",
        rates[2].0, ratios[2], rates[2].1
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mock = MockServer::start().await;
        handles(&mock);
        redis_latency(&mock).await;
        webhooks().await;
    });
}
