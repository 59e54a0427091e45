//! Added latency per request of the Redis limiter on loopback, against the in-process
//! limiter measured in the same run. Needs `redis-server` (Debian's package).
//! `cargo bench --bench limiter --features redis`
#[path = "../tests/common/redis.rs"]
mod redis_server;

use std::time::{Duration, Instant};

use chatwork::{LocalLimiter, PostReservation, RateLimit, RateLimiter, RedisLimiter};

/// Median time per request over `rounds` rounds of `n` requests: `reserve` + `observe`, and
/// for posts also `reserve_post` + `settle_post`.
async fn per_request(limiter: &dyn RateLimiter, rounds: usize, n: u32, post: bool) -> Duration {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mut samples = Vec::new();
    for round in 0..rounds {
        // A fresh, large window each round, so that nothing waits.
        limiter
            .observe(RateLimit::new(
                u32::MAX,
                u32::MAX - 1,
                now + 3600 + round as u64,
            ))
            .await;
        let started = Instant::now();
        for i in 0..n {
            assert_eq!(limiter.reserve().await.unwrap(), None);
            if post {
                // A room per request: the window never fills.
                let room = chatwork::RoomId((round as i64) * 1_000_000 + i as i64);
                let PostReservation::Reserved { slot, .. } =
                    limiter.reserve_post(room).await.unwrap()
                else {
                    panic!("a fresh room is never full");
                };
                limiter.settle_post(room, slot).await;
            }
            limiter
                .observe(RateLimit::new(
                    u32::MAX,
                    u32::MAX - 2 - i,
                    now + 3600 + round as u64,
                ))
                .await;
        }
        samples.push(started.elapsed() / n);
    }
    samples.sort();
    samples[rounds / 2]
}

fn main() {
    let redis = match redis_server::RedisServer::start(redis_server::free_port()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("limiter bench: needs redis-server ({e})");
            std::process::exit(1);
        }
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let local = LocalLimiter::new();
        let shared = RedisLimiter::builder(&redis.url(), "bench-token").build().unwrap();
        let (rounds, n) = (11, 2_000);
        // Warm up (the scripts get loaded, the connection made).
        per_request(&shared, 1, 200, true).await;
        println!("limiter cost per request, median of {rounds} rounds of {n} (current-thread runtime, loopback Redis)");
        println!("{:<26} {:>12} {:>12} {:>14}", "request", "local", "redis", "added by redis");
        for (name, post) in [("GET (budget)", false), ("POST (budget + room)", true)] {
            let l = per_request(&local, rounds, n, post).await;
            let r = per_request(&shared, rounds, n, post).await;
            println!(
                "{name:<26} {:>10.2} us {:>10.2} us {:>11.2} us",
                l.as_secs_f64() * 1e6,
                r.as_secs_f64() * 1e6,
                (r.as_secs_f64() - l.as_secs_f64()) * 1e6
            );
        }
        // The floor: one PING round trip on the same kind of connection.
        let client = redis::Client::open(redis.url()).unwrap();
        let mut c = client.get_multiplexed_async_connection().await.unwrap();
        let started = Instant::now();
        for _ in 0..n {
            let _: String = redis::cmd("PING").query_async(&mut c).await.unwrap();
        }
        println!(
            "(one PING round trip: {:.2} us; a GET costs two round trips, a POST four)",
            started.elapsed().as_secs_f64() * 1e6 / f64::from(n)
        );
        assert_eq!(shared.fallbacks(), 0, "every call reached Redis");
    });
}
