//! The Redis limiter, with a real `redis-server` on loopback and the local Chatwork enforcing
//! Chatwork's limits with short windows.
#![cfg(feature = "redis")]

#[path = "common/redis.rs"]
mod redis_server;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chatwork::{
    Client, Credentials, Error, PostReservation, RateLimit, RateLimiter, RedisFallback,
    RedisLimiter, RetryPolicy, RoomId,
};
use chatwork_mock::{Limits, MockServer, Seed};
use redis_server::RedisServer;

const TOKEN: &str = "alice-token-0001";

fn client(mock: &MockServer, limiter: RedisLimiter) -> Client {
    Client::builder(Credentials::api_token(mock.token("alice")))
        .base_url(mock.base_url())
        // No 429 is retried: one reaching the server would surface as an error.
        .retry_policy(RetryPolicy::none().with_rate_limit_retries(0, Duration::from_secs(60)))
        .rate_limiter(Arc::new(limiter))
        .build()
        .unwrap()
}

async fn project(c: &Client) -> chatwork::RoomId {
    c.list_rooms()
        .send()
        .await
        .unwrap()
        .iter()
        .find(|r| r.name == "Project")
        .unwrap()
        .room_id
}

/// `workers` clients, each with its own limiter on one Redis, posting to one room and
/// reading as fast as they can for `secs` seconds. Returns (requests served, 429s the
/// server answered, errors callers saw, posts served, seconds from the first request to the
/// last answer).
async fn race(redis: &RedisServer, workers: usize, secs: u64) -> (usize, usize, usize, usize, f64) {
    let limits = Limits {
        requests: 40,
        window: Duration::from_secs(10),
        room_posts: 5,
        room_window: Duration::from_secs(2),
        ..Limits::default()
    };
    let mock = MockServer::start_with(Seed::demo(), limits).await;
    let setup = client(
        &mock,
        RedisLimiter::builder(&redis.url(), TOKEN).build().unwrap(),
    );
    let started = Instant::now();
    let room = project(&setup).await;
    let until = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for w in 0..workers {
        // Failing rather than falling back: a silent fallback would hide an overrun.
        let limiter = RedisLimiter::builder(&redis.url(), TOKEN)
            .room_post_limit(5, Duration::from_secs(2))
            .fallback(RedisFallback::Fail)
            .build()
            .unwrap();
        let c = client(&mock, limiter);
        tasks.push(tokio::spawn(async move {
            let mut errors = 0;
            let mut n = 0u64;
            while Instant::now() < until {
                n += 1;
                let result = if n.is_multiple_of(2) {
                    c.post_message()
                        .room_id(room)
                        .body(format!("worker {w} #{n}"))
                        .send()
                        .await
                        .map(|_| ())
                } else {
                    c.get_me().send().await.map(|_| ())
                };
                if let Err(e) = result {
                    eprintln!("worker {w}: {e}");
                    errors += 1;
                }
            }
            errors
        }));
    }
    let mut errors = 0;
    for t in tasks {
        errors += t.await.unwrap();
    }
    let elapsed = started.elapsed().as_secs_f64();
    let log = mock.requests();
    for r in log.iter().filter(|r| r.status == 429) {
        eprintln!("429 for {} {}", r.method, r.path);
    }
    let limited = log.iter().filter(|r| r.status == 429).count();
    // The setup's list_rooms is not part of the race.
    let served = log.iter().filter(|r| r.status == 200).count() - 1;
    let posts = log
        .iter()
        .filter(|r| r.method == "POST" && r.status == 200)
        .count();
    (served, limited, errors, posts, elapsed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_workers_share_one_budget_and_one_room_window() {
    let Some(redis) = RedisServer::for_test("four_workers_share_one_budget_and_one_room_window")
    else {
        return;
    };
    let (served, limited, errors, posts, elapsed) = race(&redis, 4, 21).await;
    // 40 requests per 10 s (the setup's first request included).
    let share = (served + 1) as f64 / (40.0 * elapsed / 10.0);
    eprintln!(
        "4 workers, {elapsed:.1} s: {served} requests served ({posts} posts), {:.1}% of the limit, {limited} answered 429, {errors} errors",
        share * 100.0
    );
    assert_eq!(limited, 0, "the server saw a request over a limit");
    assert_eq!(errors, 0, "a caller saw an error");
    assert!(
        share >= 0.9,
        "throughput {:.1}% of the limit",
        share * 100.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_worker_uses_the_whole_budget() {
    let Some(redis) = RedisServer::for_test("one_worker_uses_the_whole_budget") else {
        return;
    };
    let (served, limited, errors, posts, elapsed) = race(&redis, 1, 21).await;
    let share = (served + 1) as f64 / (40.0 * elapsed / 10.0);
    eprintln!(
        "1 worker, {elapsed:.1} s: {served} requests served ({posts} posts), {:.1}% of the limit, {limited} answered 429, {errors} errors",
        share * 100.0
    );
    assert_eq!((limited, errors), (0, 0));
    assert!(
        share >= 0.9,
        "throughput {:.1}% of the limit",
        share * 100.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_stopped_mid_run_falls_back_or_fails_fast_then_recovers() {
    let Some(mut redis) = RedisServer::for_test("redis_stopped_mid_run") else {
        return;
    };
    let mock = MockServer::start().await;
    let build = |fallback| {
        RedisLimiter::builder(&redis.url(), TOKEN)
            .fallback(fallback)
            .timeout(Duration::from_millis(200))
            .reconnect_every(Duration::from_millis(200))
            .build()
            .unwrap()
    };
    let local = Arc::new(build(RedisFallback::Local));
    let failing = Arc::new(build(RedisFallback::Fail));
    let with = |limiter: Arc<RedisLimiter>| {
        Client::builder(Credentials::api_token(mock.token("alice")))
            .base_url(mock.base_url())
            .retry_policy(RetryPolicy::none())
            .rate_limiter(limiter)
            .build()
            .unwrap()
    };
    let (a, b) = (with(local.clone()), with(failing.clone()));
    a.get_me().send().await.unwrap();
    b.get_me().send().await.unwrap();
    let budget_key = format!("{}budget", local.key_prefix());
    let exists = |url: String, key: String| async move {
        let client = redis::Client::open(url).unwrap();
        let mut c = client.get_multiplexed_async_connection().await.unwrap();
        redis::cmd("EXISTS")
            .arg(&key)
            .query_async::<i64>(&mut c)
            .await
            .unwrap()
    };
    assert_eq!(exists(redis.url(), budget_key.clone()).await, 1);

    redis.stop();
    let before = mock.count("GET", "/v2/me");
    let started = Instant::now();
    for _ in 0..5 {
        a.get_me().send().await.unwrap();
    }
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the fallback did not hang: {:?}",
        started.elapsed()
    );
    assert!(local.fallbacks() > 0);
    let started = Instant::now();
    let err = b.get_me().send().await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(err, Error::RateLimiter(_)), "{err:?}");
    assert!(err.is_retryable());
    assert!(
        err.to_string()
            .starts_with("the shared rate limiter is unavailable: "),
        "{err}"
    );
    assert_eq!(
        mock.count("GET", "/v2/me"),
        before + 5,
        "the failing client sent nothing"
    );

    redis.restart();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let fallbacks = local.fallbacks();
    a.get_me().send().await.unwrap();
    b.get_me().send().await.unwrap();
    assert_eq!(local.fallbacks(), fallbacks, "back on Redis");
    // The new server learnt the budget from the answers again.
    assert_eq!(exists(redis.url(), budget_key).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scripts_count_down_pace_rooms_and_expire_every_key() {
    let Some(redis) =
        RedisServer::for_test("the_scripts_count_down_pace_rooms_and_expire_every_key")
    else {
        return;
    };
    let limiter = RedisLimiter::builder(&redis.url(), TOKEN)
        .room_post_limit(3, Duration::from_secs(2))
        .fallback(RedisFallback::Fail)
        .build()
        .unwrap();
    assert!(limiter.key_prefix().starts_with("chatwork:"));
    assert!(!limiter.key_prefix().contains(TOKEN));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    // Unknown budget: go. Then two left: two go, the third waits for the reset (+1 s).
    assert_eq!(limiter.reserve().await.unwrap(), None);
    limiter.observe(RateLimit::new(300, 2, now + 5)).await;
    assert_eq!(limiter.reserve().await.unwrap(), None);
    assert_eq!(limiter.reserve().await.unwrap(), None);
    let wait = limiter.reserve().await.unwrap().expect("spent");
    assert!(
        wait > Duration::from_secs(4) && wait <= Duration::from_secs(6),
        "{wait:?}"
    );
    // The answers of the two in flight (1, then 0 left) keep it spent; an answer of an older
    // window changes nothing.
    limiter.observe(RateLimit::new(300, 1, now + 5)).await;
    limiter.observe(RateLimit::new(300, 0, now + 5)).await;
    assert!(limiter.reserve().await.unwrap().is_some());
    limiter.observe(RateLimit::new(300, 50, now + 1)).await;
    assert!(limiter.reserve().await.unwrap().is_some());
    // A new window starts over.
    limiter.observe(RateLimit::new(300, 1, now + 300)).await;
    assert_eq!(limiter.reserve().await.unwrap(), None);
    assert!(limiter.reserve().await.unwrap().is_some());
    // Out of order: with 3 in flight, an answer saying 10 left allows only 10 - 2 more.
    let other = RedisLimiter::builder(&redis.url(), "another token")
        .fallback(RedisFallback::Fail)
        .build()
        .unwrap();
    assert_ne!(other.key_prefix(), limiter.key_prefix());
    other.observe(RateLimit::new(300, 20, now + 60)).await;
    for _ in 0..3 {
        assert_eq!(other.reserve().await.unwrap(), None);
    }
    other.observe(RateLimit::new(300, 10, now + 60)).await;
    let mut went = 0;
    while other.reserve().await.unwrap().is_none() {
        went += 1;
    }
    assert_eq!(
        went, 17,
        "the stored 17 is the larger lower bound (10 - 2 = 8 is lower)"
    );

    // Rooms: 3 slots per 2 s, then the fourth is told to ask again in about 2 s; another
    // room is free.
    let mut slots = Vec::new();
    for _ in 0..3 {
        match limiter.reserve_post(RoomId(7)).await.unwrap() {
            PostReservation::Reserved { wait, slot } => {
                assert_eq!(wait, Duration::ZERO);
                slots.push(slot);
            }
            other => panic!("{other:?}"),
        }
    }
    let PostReservation::Retry(wait) = limiter.reserve_post(RoomId(7)).await.unwrap() else {
        panic!("the window is full");
    };
    assert!(
        wait > Duration::from_millis(1800) && wait <= Duration::from_millis(2100),
        "{wait:?}"
    );
    assert!(matches!(
        limiter.reserve_post(RoomId(8)).await.unwrap(),
        PostReservation::Reserved {
            wait: Duration::ZERO,
            ..
        }
    ));
    limiter.settle_post(RoomId(7), slots[1]).await;
    // A room 429: the room is held for the wait.
    limiter.hold_room(RoomId(8), Duration::from_secs(5)).await;
    let PostReservation::Retry(wait) = limiter.reserve_post(RoomId(8)).await.unwrap() else {
        panic!("the room is held");
    };
    assert!(
        wait > Duration::from_millis(4800) && wait <= Duration::from_millis(5100),
        "{wait:?}"
    );

    // Every key expires, and none holds the token.
    let client = redis::Client::open(redis.url()).unwrap();
    let mut c = client.get_multiplexed_async_connection().await.unwrap();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("*")
        .query_async(&mut c)
        .await
        .unwrap();
    assert_eq!(keys.len(), 5, "{keys:?}");
    for key in keys {
        assert!(
            key.starts_with("chatwork:") && !key.contains(TOKEN),
            "{key}"
        );
        let ttl: i64 = redis::cmd("PTTL")
            .arg(&key)
            .query_async(&mut c)
            .await
            .unwrap();
        assert!(ttl > 0, "{key} has no expiry ({ttl})");
    }
}
