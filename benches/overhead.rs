//! Cost of a typed call through the SDK (default policy: rate limiter, room pacing, retries,
//! tracing span, typed decoding) against a hand-written reqwest + serde loop decoding the same
//! fields, on the same local server, in the same run.
//! `cargo bench --bench overhead`
//!
//! Each run makes `N` sequential `list_messages` calls (100 messages, about 31 KB) on a
//! current-thread and on a multi-thread runtime. The server runs in another process (this
//! bench started again with `OVERHEAD_SERVER=1`), so that the CPU measured (the process's user
//! and system time, `clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`, in nanoseconds) is the client's
//! alone: the SDK's or the hand-written loop's.

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use serde::Deserialize;

const N: u32 = 2_000;
const ROUNDS: usize = 15;

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

/// What decoding with JSON-path tracking costs against plain serde, on the same body and the
/// SDK's own message type: the cost the fast path (plain serde first, path tracking only to
/// explain a failure) takes off every successful call.
fn decode_cost() {
    let body = body().into_bytes();
    let time = |f: &dyn Fn() -> usize| {
        let mut best = Duration::MAX;
        for _ in 0..15 {
            let start = Instant::now();
            for _ in 0..500 {
                assert_eq!(f(), 100);
            }
            best = best.min(start.elapsed() / 500);
        }
        best
    };
    let plain = time(&|| {
        serde_json::from_slice::<Vec<chatwork::types::Message>>(&body)
            .unwrap()
            .len()
    });
    let tracked = time(&|| {
        let mut de = serde_json::Deserializer::from_slice(&body);
        serde_path_to_error::deserialize::<_, Vec<chatwork::types::Message>>(&mut de)
            .unwrap()
            .len()
    });
    println!(
        "decoding the 100 messages (best of 15 x 500): plain serde {:.1} us, with path tracking {:.1} us ({:.2}x)",
        plain.as_secs_f64() * 1e6,
        tracked.as_secs_f64() * 1e6,
        tracked.as_secs_f64() / plain.as_secs_f64()
    );
}

/// This process's CPU time (user + system): the client's, the server being another process.
fn cpu() -> Duration {
    thread_local! {
        static START: cpu_time::ProcessTime = cpu_time::ProcessTime::now();
    }
    START.with(|start| start.elapsed())
}

/// Starts this bench again as the server, in its own process; returns its origin and the
/// child (killed when dropped).
fn server_process() -> (String, ChildGuard) {
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .env("OVERHEAD_SERVER", "1")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    (line.trim().to_owned(), ChildGuard(child))
}

struct ChildGuard(std::process::Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The server process: prints its origin, then serves until killed.
fn serve(body: String) {
    {
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
            println!("http://{}", listener.local_addr().unwrap());
            axum::serve(listener, app).await.unwrap();
        });
    }
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
    if std::env::var_os("OVERHEAD_SERVER").is_some() {
        serve(body());
        return;
    }
    let (origin, _server) = server_process();
    decode_cost();
    let sdk = chatwork::Client::builder(chatwork::Credentials::api_token("bench-token"))
        .base_url(format!("{origin}/v2"))
        .build()
        .unwrap();
    let http = reqwest::Client::new();
    let url = format!("{origin}/v2/rooms/42/messages?force=1");
    println!(
        "list_messages (100 messages), {N} sequential calls per round, median of {ROUNDS} rounds;"
    );
    println!("the server in another process: cpu is the client's alone");
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
