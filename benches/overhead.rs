//! Cost of a typed call through the SDK (default policy: rate limiter, room pacing, retries,
//! timeouts, tracing span, typed decoding) against a hand-written reqwest + serde loop decoding
//! the same fields, on the same local server, in the same run.
//! `cargo bench --bench overhead --features axum`
//!
//! Four loops make `N` sequential `list_messages` calls each (100 messages, about 31 KB) in
//! turns, on a current-thread and on a multi-thread runtime: the SDK, the SDK without its
//! policy, the hand-written loop with the SDK's timeouts, and the hand-written loop. The server
//! runs in another process (this bench started again with `OVERHEAD_SERVER=1`), so that the
//! CPU measured (the process's user and system time, `clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`,
//! in nanoseconds) is the client's alone.

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use serde::Deserialize;

const N: u32 = 500;
const ROUNDS: usize = 41;

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

/// One loop: makes `n` sequential calls on `rt`, returns the wall time.
type Loop<'a> = Box<dyn FnMut(&tokio::runtime::Runtime, u32) -> Duration + 'a>;

/// The hand-written loop: reqwest and serde, decoding the same fields.
fn hand_loop<'a>(http: &'a reqwest::Client, url: &'a str) -> Loop<'a> {
    Box::new(move |rt, n| {
        rt.block_on(async {
            let start = Instant::now();
            for _ in 0..n {
                let list: Vec<Message> = http
                    .get(url)
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
    })
}

/// Per call: (wall, cpu) of each loop (medians over the rounds), and the ratio of each loop's
/// CPU to the last loop's (the baseline) within the same round, median and quartiles. The
/// rounds rotate which loop goes first; a ratio is taken within one round, so drift of the
/// machine (its speed moves by 2x over minutes on a shared VM) falls on both sides of it.
fn measure(rt: &tokio::runtime::Runtime, loops: &mut [Loop<'_>]) -> Vec<Measured> {
    let k = loops.len();
    let mut walls = vec![Vec::new(); k];
    let mut cpus = vec![Vec::new(); k];
    for l in loops.iter_mut() {
        l(rt, N / 4); // warm-up
    }
    for round in 0..ROUNDS {
        for i in 0..k {
            let which = (round + i) % k;
            let cpu0 = cpu();
            let wall = loops[which](rt, N);
            cpus[which].push((cpu() - cpu0) / N);
            walls[which].push(wall / N);
        }
    }
    let median = |v: &[Duration]| {
        let mut v = v.to_vec();
        v.sort();
        v[v.len() / 2]
    };
    (0..k)
        .map(|i| {
            let mut ratios: Vec<f64> = cpus[i]
                .iter()
                .zip(&cpus[k - 1])
                .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64().max(1e-12))
                .collect();
            ratios.sort_by(f64::total_cmp);
            Measured {
                wall: median(&walls[i]),
                cpu: median(&cpus[i]),
                ratio: [
                    ratios[ROUNDS / 4],
                    ratios[ROUNDS / 2],
                    ratios[ROUNDS * 3 / 4],
                ],
            }
        })
        .collect()
}

struct Measured {
    wall: Duration,
    cpu: Duration,
    /// CPU against the baseline, within a round: first quartile, median, third quartile.
    ratio: [f64; 3],
}

fn main() {
    if std::env::var_os("OVERHEAD_SERVER").is_some() {
        serve(body());
        return;
    }
    let (origin, _server) = server_process();
    if let Ok(only) = std::env::var("OVERHEAD_PROFILE") {
        profile(&origin, &only);
        return;
    }
    decode_cost();
    let sdk = chatwork::Client::builder(chatwork::Credentials::api_token("bench-token"))
        .base_url(format!("{origin}/v2"))
        .build()
        .unwrap();
    // The same pipeline without the policy: no limiter, no retries, no timeouts.
    let bare = chatwork::Client::builder(chatwork::Credentials::api_token("bench-token"))
        .base_url(format!("{origin}/v2"))
        .no_rate_limiting()
        .retry_policy(chatwork::RetryPolicy::none())
        .no_timeouts()
        .build()
        .unwrap();
    let http = reqwest::Client::new();
    // What the SDK's client sets on reqwest: an attempt's and a connection's timeout, no
    // redirects.
    let http_timeouts = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .connect_timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let url = format!("{origin}/v2/rooms/42/messages?force=1");
    println!(
        "list_messages (100 messages), {ROUNDS} rounds of {N} sequential calls per loop; the server in"
    );
    println!(
        "another process, so cpu is the client's alone; ratio: cpu against the hand-written loop in"
    );
    println!("the same round, median [quartiles]");
    println!(
        "{:<14} {:<22} {:>10} {:>10} {:>26}",
        "runtime", "loop", "wall", "cpu", "cpu ratio"
    );
    let sdk_loop = |client: &chatwork::Client| -> Loop<'_> {
        let client = client.clone();
        Box::new(move |rt, n| {
            rt.block_on(async {
                let start = Instant::now();
                for _ in 0..n {
                    let list = client
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
        })
    };
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
        let mut loops: Vec<Loop<'_>> = vec![
            sdk_loop(&sdk),
            sdk_loop(&bare),
            hand_loop(&http_timeouts, &url),
            hand_loop(&http, &url),
        ];
        let measured = measure(&rt, &mut loops);
        for (label, m) in [
            "sdk (default policy)",
            "sdk (no policy)",
            "hand, sdk's timeouts",
            "hand-written",
        ]
        .iter()
        .zip(&measured)
        {
            println!(
                "{name:<14} {label:<22} {:>7.1} us {:>7.1} us {:>8.3}x [{:.3}, {:.3}]",
                m.wall.as_secs_f64() * 1e6,
                m.cpu.as_secs_f64() * 1e6,
                m.ratio[1],
                m.ratio[0],
                m.ratio[2],
            );
        }
    }
}

/// `OVERHEAD_PROFILE=sdk|hand|both` (with `-bare`: the SDK without its policy; `-timeout`: the
/// hand-written loop with the SDK's timeouts): one loop, or both call by call, for a profiler
/// (`perf record`), on a current-thread runtime for `N * ROUNDS` calls.
fn profile(origin: &str, which: &str) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut sdk = chatwork::Client::builder(chatwork::Credentials::api_token("bench-token"))
        .base_url(format!("{origin}/v2"));
    if which.contains("bare") {
        sdk = sdk
            .no_timeouts()
            .no_rate_limiting()
            .retry_policy(chatwork::RetryPolicy::none());
    }
    let sdk = sdk.build().unwrap();
    let http = if which.contains("timeout") {
        reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    } else {
        reqwest::Client::new()
    };
    let url = format!("{origin}/v2/rooms/42/messages?force=1");
    rt.block_on(async {
        for i in 0..N * ROUNDS as u32 {
            // `both`: the two loops call by call, for one profile of both.
            let sdk_turn = which.starts_with("sdk") || (which.starts_with("both") && i % 2 == 0);
            let n = if sdk_turn {
                sdk.list_messages()
                    .room_id(42)
                    .force(true)
                    .send()
                    .await
                    .unwrap()
                    .len()
            } else {
                http.get(&url)
                    .header("x-chatworktoken", "bench-token")
                    .send()
                    .await
                    .unwrap()
                    .json::<Vec<Message>>()
                    .await
                    .unwrap()
                    .len()
            };
            assert_eq!(n, 100);
        }
    });
}
