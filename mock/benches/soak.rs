//! Soak: mixed traffic through one SDK client against the local Chatwork with every fault
//! knob on, then the checks a long-running bot depends on. Bounded in time and requests.
//!
//! `cargo bench -p chatwork-mock --bench soak` (or `scripts/soak.sh SECONDS REQUESTS`);
//! `SOAK_SECONDS` (default 60) and `SOAK_REQUESTS` (default 400000) bound the run.
//!
//! The local Chatwork runs as its own process (the `chatwork-mock` binary), so the resident
//! set measured here is the client's alone. Checks, each printed with its figures; the
//! process exits 1 when one fails:
//! - no panic in any task;
//! - every failure is one of the typed errors the faults can cause (transport, decode, or a
//!   5xx answer), never anything else;
//! - no duplicate POST: every post and task carries a unique body, and the server's request
//!   log holds each body at most once (a POST is never sent twice);
//! - memory flat: the resident set at the end within 10% of the one after warm-up;
//! - no task or connection leak: after the workers finish, the runtime's live tasks and the
//!   process's open sockets are no more than after warm-up (a few sockets of slack for the
//!   connection pool's idle set), although thousands of connections were cut meanwhile.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chatwork::{Client, Credentials, Error, RetryPolicy, RoomId};

const WORKERS: usize = 16;
const WARM_UP: Duration = Duration::from_secs(10);
/// How many more idle pooled connections (each with its task) the end may hold than the
/// warm-up: the pool's idle set varies with timing, a leak grows with every cut connection.
const SOCKET_SLACK: usize = 4;

/// The faults: 3% 5xx, 2% dropped connections and 2% truncated bodies after the request
/// was applied, 1 ms added to every answer.
const FAULT_ARGS: &[&str] = &[
    "--latency-ms",
    "1",
    "--server-errors",
    "0.03",
    "--drops",
    "0.02",
    "--truncations",
    "0.02",
    "--fault-seed",
    "7",
];

struct Mock {
    child: Child,
    base_url: String,
    origin: String,
    token: String,
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_mock(log_capacity: u64) -> Mock {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chatwork-mock"))
        .args([
            "--port",
            "0",
            "--requests",
            "2000000000",
            "--room-posts",
            "1000000000",
        ])
        .args(FAULT_ARGS)
        .args(["--log-capacity", &log_capacity.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the chatwork-mock binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut base_url, mut token) = (String::new(), String::new());
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(url) = line.strip_prefix("base URL: ") {
            base_url = url.to_owned();
        } else if let Some(t) = line.strip_prefix("token of alice: ") {
            token = t.to_owned();
        } else if line.starts_with("(Ctrl-C") {
            break;
        }
    }
    // Keep reading its output so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let origin = base_url.trim_end_matches("/v2").to_owned();
    Mock {
        child,
        base_url,
        origin,
        token,
    }
}

/// Resident set of this process, in KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Open sockets of this process.
fn sockets() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| {
                    std::fs::read_link(e.path())
                        .map(|l| l.to_string_lossy().starts_with("socket:"))
                        .unwrap_or(false)
                })
                .count()
        })
        .unwrap_or(0)
}

/// Counts of what the workers saw.
#[derive(Default)]
struct Tally {
    requests: AtomicU64,
    ok: AtomicU64,
    transport: AtomicU64,
    decode: AtomicU64,
    server_error: AtomicU64,
    unexpected: AtomicU64,
    posts: AtomicU64,
    next_body: AtomicU64,
}

impl Tally {
    fn record<T>(&self, result: Result<T, Error>) -> Option<T> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        match result {
            Ok(v) => {
                self.ok.fetch_add(1, Ordering::Relaxed);
                Some(v)
            }
            Err(e) => {
                let counter = match &e {
                    Error::Transport(_) => &self.transport,
                    Error::Decode(_) => &self.decode,
                    Error::Api(a) if (500..600).contains(&a.status()) => &self.server_error,
                    other => {
                        eprintln!("unexpected error: {other}");
                        &self.unexpected
                    }
                };
                counter.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }

    fn body(&self, kind: &str) -> String {
        let n = self.next_body.fetch_add(1, Ordering::Relaxed);
        format!("soak {kind} {n}")
    }
}

/// One worker: a fixed mix of reads and writes until `until` or the request budget is spent.
async fn work(client: Client, room: RoomId, tally: Arc<Tally>, until: Instant, budget: u64) {
    let mut step = 0u64;
    let mut last_message = None;
    while Instant::now() < until && tally.requests.load(Ordering::Relaxed) < budget {
        step += 1;
        match step % 10 {
            0 => {
                tally.record(client.get_me().send().await);
            }
            1 => {
                tally.record(client.list_rooms().send().await);
            }
            2 => {
                tally.record(
                    client
                        .list_messages()
                        .room_id(room)
                        .force(true)
                        .send()
                        .await,
                );
            }
            3 | 7 => {
                tally.posts.fetch_add(1, Ordering::Relaxed);
                let body = tally.body("post");
                if let Some(posted) =
                    tally.record(client.post_message().room_id(room).body(body).send().await)
                {
                    last_message = Some(posted.message_id.clone());
                }
            }
            4 => {
                if let Some(id) = &last_message {
                    tally.record(
                        client
                            .get_message()
                            .room_id(room)
                            .message_id(id)
                            .send()
                            .await,
                    );
                }
            }
            5 => {
                if let Some(id) = &last_message {
                    let body = tally.body("edit");
                    tally.record(
                        client
                            .update_message()
                            .room_id(room)
                            .message_id(id)
                            .body(body)
                            .send()
                            .await,
                    );
                }
            }
            6 => {
                tally.posts.fetch_add(1, Ordering::Relaxed);
                let body = tally.body("task");
                tally.record(
                    client
                        .create_task()
                        .room_id(room)
                        .body(body)
                        .to_ids(vec![1002])
                        .send()
                        .await,
                );
            }
            8 => {
                tally.record(client.list_room_tasks().room_id(room).send().await);
            }
            _ => {
                tally.record(client.get_my_status().send().await);
            }
        }
    }
}

async fn run_phase(
    client: &Client,
    room: RoomId,
    tally: &Arc<Tally>,
    length: Duration,
    budget: u64,
) -> bool {
    let until = Instant::now() + length;
    let tasks: Vec<_> = (0..WORKERS)
        .map(|_| tokio::spawn(work(client.clone(), room, tally.clone(), until, budget)))
        .collect();
    let mut panicked = false;
    for t in tasks {
        if let Err(e) = t.await {
            eprintln!("a worker failed: {e}");
            panicked = true;
        }
    }
    panicked
}

/// Let pooled connections settle, then the live tasks and open sockets.
async fn settled(rt: &tokio::runtime::Handle) -> (usize, usize) {
    tokio::time::sleep(Duration::from_millis(500)).await;
    (rt.metrics().num_alive_tasks(), sockets())
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let seconds = env_u64("SOAK_SECONDS", 60).max(WARM_UP.as_secs() + 1);
    let budget = env_u64("SOAK_REQUESTS", 400_000);
    let panics = Arc::new(AtomicUsize::new(0));
    let hook = std::panic::take_hook();
    let counted = panics.clone();
    std::panic::set_hook(Box::new(move |info| {
        counted.fetch_add(1, Ordering::SeqCst);
        hook(info);
    }));
    // Retries included, the log must hold every request.
    let mock = start_mock(budget * 2 + 10_000);
    let client = Client::builder(Credentials::api_token(mock.token.clone()))
        .base_url(mock.base_url.clone())
        .room_post_limit(1_000_000_000, Duration::from_secs(10))
        .retry_policy(
            RetryPolicy::default()
                .with_backoff(Duration::from_millis(20), Duration::from_millis(200)),
        )
        .build()
        .unwrap();
    let room = loop {
        // The faults apply from the first request on.
        if let Ok(rooms) = client.list_rooms().send().await {
            break rooms.iter().find(|r| r.name == "Project").unwrap().room_id;
        }
    };
    let rt = tokio::runtime::Handle::current();
    let tally = Arc::new(Tally::default());
    let started = Instant::now();
    let mut panicked = run_phase(&client, room, &tally, WARM_UP, budget).await;
    let (tasks_warm, sockets_warm) = settled(&rt).await;
    let rss_warm = rss_kib();
    let warm_requests = tally.requests.load(Ordering::Relaxed);
    panicked |= run_phase(
        &client,
        room,
        &tally,
        Duration::from_secs(seconds) - WARM_UP,
        budget,
    )
    .await;
    let elapsed = started.elapsed();
    let (tasks_end, sockets_end) = settled(&rt).await;
    let rss_end = rss_kib();

    // The server's side: every POST body at most once.
    let log = reqwest::get(format!("{}/mock/requests", mock.origin))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let log: Vec<serde_json::Value> = serde_json::from_slice(&log).unwrap();
    let mut bodies: HashMap<String, usize> = HashMap::new();
    let mut faults: HashMap<String, usize> = HashMap::new();
    for r in &log {
        if let Some(f) = r["fault"].as_str() {
            *faults.entry(f.to_owned()).or_default() += 1;
        }
        if r["method"] == "POST" {
            for pair in r["form"].as_array().into_iter().flatten() {
                if pair[0] == "body" {
                    *bodies
                        .entry(pair[1].as_str().unwrap_or("").to_owned())
                        .or_default() += 1;
                }
            }
        }
    }
    let duplicates: usize = bodies.values().map(|n| n - 1).sum();
    let mut fault_list: Vec<_> = faults.into_iter().collect();
    fault_list.sort();

    let t = |c: &AtomicU64| c.load(Ordering::Relaxed);
    println!(
        "soak: {WORKERS} workers, one client, {:.0} s ({} s warm-up), {} calls ({} after warm-up), {:.0} calls/s",
        elapsed.as_secs_f64(),
        WARM_UP.as_secs(),
        t(&tally.requests),
        t(&tally.requests) - warm_requests,
        t(&tally.requests) as f64 / elapsed.as_secs_f64()
    );
    println!(
        "server: {} requests logged (retries included); faults met: {fault_list:?}",
        log.len()
    );
    println!(
        "calls: {} ok; failures: {} transport, {} decode, {} 5xx after retries, {} of another kind (a POST is never sent twice: its 5xx or cut answer reaches the caller)",
        t(&tally.ok),
        t(&tally.transport),
        t(&tally.decode),
        t(&tally.server_error),
        t(&tally.unexpected)
    );
    let rss_ratio = rss_end as f64 / rss_warm.max(1) as f64;
    let checks = [
        (
            "no panic",
            !panicked && panics.load(Ordering::SeqCst) == 0,
            format!("{} panics", panics.load(Ordering::SeqCst)),
        ),
        (
            "every failure typed and caused by a fault",
            t(&tally.unexpected) == 0,
            format!("{} of another kind", t(&tally.unexpected)),
        ),
        (
            "no duplicate POST",
            duplicates == 0,
            format!(
                "{} POST bodies at the server for {} posts attempted, {duplicates} sent twice",
                bodies.len(),
                t(&tally.posts)
            ),
        ),
        (
            "memory flat (within 10%)",
            rss_ratio <= 1.10,
            format!(
                "resident set {rss_warm} KiB after warm-up, {rss_end} KiB at the end ({rss_ratio:.3}x)"
            ),
        ),
        (
            "no task leak",
            tasks_end <= tasks_warm + SOCKET_SLACK,
            format!("{tasks_warm} live tasks after warm-up, {tasks_end} at the end"),
        ),
        (
            "no connection leak",
            sockets_end <= sockets_warm + SOCKET_SLACK,
            format!(
                "{sockets_warm} open sockets after warm-up, {sockets_end} at the end (slack {SOCKET_SLACK})"
            ),
        ),
    ];
    let mut failed = false;
    for (name, ok, detail) in &checks {
        println!("{} {name}: {detail}", if *ok { "PASS" } else { "FAIL" });
        failed |= !ok;
    }
    drop(mock);
    if failed {
        std::process::exit(1);
    }
}
