//! Cost of a typed call through the SDK (default policy: rate limiter, room pacing, retries,
//! tracing span, typed decoding) against a hand-written reqwest + serde loop decoding the same
//! fields, on the same local server, in the same run.
//! `cargo bench --bench overhead`
//!
//! Each run makes `N` sequential `list_messages` calls (100 messages, about 31 KB) on a
//! current-thread and on a multi-thread runtime. The server runs on its own runtime thread.
//! CPU is the process's user + system time (from /proc/self/stat, Linux), which includes the
//! server's share, the same for both loops.

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use serde::Deserialize;

const N: u32 = 2_000;
const ROUNDS: usize = 9;

#[allow(dead_code)]
#[derive(Deserialize)]
struct AccountRef {
    account_id: i64,
    name: String,
    avatar_image_url: String,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Message {
    message_id: String,
    account: AccountRef,
    body: String,
    send_time: i64,
    update_time: i64,
}

fn body() -> String {
    let messages: Vec<serde_json::Value> = (0..100)
        .map(|i| {
            serde_json::json!({
                "message_id": format!("{}", 1_928_374_655_918_273_645u64 + i),
                "account": {"account_id": 1001 + (i % 5), "name": format!("Member {i}"), "avatar_image_url": "https://example.invalid/avatar.png"},
                "body": format!("[To:1002] build #{i} passed: all 214 tests green, 3 warnings, see the log for details"),
                "send_time": 1_764_040_000 + i as i64,
                "update_time": 0,
            })
        })
        .collect();
    serde_json::to_string(&messages).unwrap()
}

/// Process CPU time (user + system), in clock ticks of 10 ms.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|u| u.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|s| s.parse().ok()).unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn serve(body: String) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let app = Router::new().route(
                "/v2/rooms/{room}/messages",
                get(move || {
                    let body = body.clone();
                    async move {
                        (
                            [
                                ("content-type", "application/json"),
                                ("x-ratelimit-limit", "1000000000"),
                                ("x-ratelimit-remaining", "999999999"),
                                ("x-ratelimit-reset", "4102444800"),
                            ],
                            body,
                        )
                    }
                }),
            );
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    format!("http://{}", rx.recv().unwrap())
}

/// (wall, cpu) per call for each of the two loops, medians over the rounds. The rounds
/// alternate between the loops, and which goes first, so drift of the machine (frequency,
/// neighbours) falls on both alike.
fn measure(
    rt: &tokio::runtime::Runtime,
    mut sdk: impl FnMut() -> Duration,
    mut hand: impl FnMut() -> Duration,
) -> [(Duration, Duration); 2] {
    let _guard = rt.enter();
    let mut samples: [(Vec<Duration>, Vec<Duration>); 2] = Default::default();
    sdk(); // warm-up
    hand();
    for round in 0..ROUNDS {
        for which in [round % 2, 1 - round % 2] {
            let cpu0 = cpu();
            let wall = if which == 0 { sdk() } else { hand() };
            samples[which].1.push((cpu() - cpu0) / N);
            samples[which].0.push(wall / N);
        }
    }
    samples.map(|(mut walls, mut cpus)| {
        walls.sort();
        cpus.sort();
        (walls[ROUNDS / 2], cpus[ROUNDS / 2])
    })
}

fn main() {
    let origin = serve(body());
    let sdk = chatwork::Client::builder(chatwork::Credentials::api_token("bench-token"))
        .base_url(format!("{origin}/v2"))
        .build()
        .unwrap();
    let http = reqwest::Client::new();
    let url = format!("{origin}/v2/rooms/42/messages?force=1");
    println!(
        "list_messages (100 messages), {N} sequential calls per round, median of {ROUNDS} rounds"
    );
    println!(
        "{:<14} {:>12} {:>12} {:>8} {:>12} {:>12} {:>8}",
        "runtime", "sdk wall", "hand wall", "ratio", "sdk cpu", "hand cpu", "ratio"
    );
    for (name, rt) in [
        (
            "current-thread",
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
        ),
        (
            "multi-thread",
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap(),
        ),
    ] {
        let [(sdk_wall, sdk_cpu), (hand_wall, hand_cpu)] = measure(
            &rt,
            || {
                rt.block_on(async {
                    let start = Instant::now();
                    for _ in 0..N {
                        let list = sdk
                            .list_messages()
                            .room_id(42)
                            .force(true)
                            .send()
                            .await
                            .unwrap();
                        assert_eq!(list.len(), 100);
                    }
                    start.elapsed()
                })
            },
            || {
                rt.block_on(async {
                    let start = Instant::now();
                    for _ in 0..N {
                        let list: Vec<Message> = http
                            .get(&url)
                            .header("x-chatworktoken", "bench-token")
                            .send()
                            .await
                            .unwrap()
                            .json()
                            .await
                            .unwrap();
                        assert_eq!(list.len(), 100);
                    }
                    start.elapsed()
                })
            },
        );
        let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-12);
        println!(
            "{name:<14} {:>9.1} us {:>9.1} us {:>7.3}x {:>9.1} us {:>9.1} us {:>7.3}x",
            sdk_wall.as_secs_f64() * 1e6,
            hand_wall.as_secs_f64() * 1e6,
            ratio(sdk_wall, hand_wall),
            sdk_cpu.as_secs_f64() * 1e6,
            hand_cpu.as_secs_f64() * 1e6,
            ratio(sdk_cpu, hand_cpu),
        );
    }
}
