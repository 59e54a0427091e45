//! How much of Chatwork's limits a greedy producer gets through the SDK's default limiter,
//! against the local Chatwork with scaled-down windows, and what it costs in 429s and
//! duplicates. `cargo bench --bench utilisation`
//!
//! - **Token budget**: `REQUESTS` per `WINDOW` (Chatwork: 300 per 5 minutes). Four tasks
//!   call `GET /me` without pause for `WINDOWS` windows. Per window (the answers sharing one
//!   `x-ratelimit-reset`), the requests answered 200 as a share of the limit; and over the
//!   run, the requests answered against `limit x elapsed / window` (the time lost between
//!   windows: Chatwork's reset is in whole seconds, and the SDK waits one more).
//! - **Room posts**: `ROOM_POSTS` per `ROOM_WINDOW` (Chatwork: 10 per 10 seconds). Four
//!   tasks post to one room for `ROOM_RUN`. Posts stored against `max x elapsed / window`.
//!
//! Both count the 429s the server sent, the 429s that reached the caller (target 0), and
//! duplicate posts (target 0: every body is unique, and the room must hold each exactly once).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chatwork::{Client, Credentials};
use chatwork_mock::{Limits, MockServer, Seed};
use tokio::sync::Mutex;

const REQUESTS: u32 = 120;
const WINDOW: Duration = Duration::from_secs(12);
const WINDOWS: u32 = 3;
const ROOM_POSTS: usize = 10;
const ROOM_WINDOW: Duration = Duration::from_secs(2);
const ROOM_RUN: Duration = Duration::from_secs(12);
const TASKS: usize = 4;

/// What one run saw on the caller's side.
#[derive(Default)]
struct Seen {
    ok: u64,
    /// Errors by status (0 for errors without one).
    errors: BTreeMap<u16, u64>,
    /// Requests answered 200, by the window's reset, with the first and last answer.
    by_window: BTreeMap<u64, (u32, Instant, Instant)>,
    /// When each post was answered 200.
    answered: Vec<Instant>,
}

fn client(mock: &MockServer, room_limit: Option<(usize, Duration)>) -> Client {
    let mut b =
        Client::builder(Credentials::api_token(mock.token("alice"))).base_url(mock.base_url());
    if let Some((max, per)) = room_limit {
        b = b.room_post_limit(max, per);
    }
    b.build().unwrap()
}

/// The bodies of the room's messages as the server stored them, in order (from its state).
fn stored_bodies(mock: &MockServer, room: i64) -> Vec<String> {
    let state: serde_json::Value = serde_json::from_str(&mock.state_json()).unwrap();
    let rooms = &state["rooms"];
    let room = rooms
        .get(room.to_string())
        .or_else(|| {
            rooms
                .as_array()
                .and_then(|r| r.iter().find(|r| r["id"] == room))
        })
        .expect("the room is in the state");
    room["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect()
}

/// The 429s the server sent against those the caller saw, and any other error.
fn report_errors(mock: &MockServer, seen: &Seen) {
    println!(
        "  429s: {} sent by the server, {} surfaced to the caller (target 0); other errors: {:?}",
        mock.requests().iter().filter(|r| r.status == 429).count(),
        seen.errors.get(&429).copied().unwrap_or(0),
        seen.errors
            .iter()
            .filter(|(s, _)| **s != 429)
            .collect::<Vec<_>>()
    );
}

async fn token_budget() {
    let mock = MockServer::start_with(
        Seed::demo(),
        Limits {
            requests: REQUESTS,
            window: WINDOW,
            ..Limits::default()
        },
    )
    .await;
    let client = client(&mock, None);
    let seen = Arc::new(Mutex::new(Seen::default()));
    let start = Instant::now();
    // Run until WINDOWS full windows have been answered (the first answer opens the first).
    let run = WINDOW * WINDOWS;
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let (client, seen) = (client.clone(), seen.clone());
            tokio::spawn(async move {
                while start.elapsed() < run {
                    let result = client.get_me().send().await;
                    let mut seen = seen.lock().await;
                    match result {
                        Ok(me) => {
                            seen.ok += 1;
                            let reset = me.rate_limit().map_or(0, |r| r.reset);
                            let now = Instant::now();
                            let w = seen.by_window.entry(reset).or_insert((0, now, now));
                            w.0 += 1;
                            w.2 = now;
                        }
                        Err(e) => *seen.errors.entry(e.status().unwrap_or(0)).or_default() += 1,
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = start.elapsed();
    let seen = seen.lock().await;
    println!(
        "token budget: {REQUESTS} requests per {} s window, {TASKS} tasks calling GET /me for {} s",
        WINDOW.as_secs(),
        run.as_secs()
    );
    let full: Vec<u32> = seen.by_window.values().map(|w| w.0).collect();
    let gaps: Vec<String> = seen
        .by_window
        .values()
        .zip(seen.by_window.values().skip(1))
        .map(|(a, b)| format!("{:.2} s", (b.1 - a.1).as_secs_f64()))
        .collect();
    // The last window is cut short by the end of the run; the others must be full.
    let (closed, last) = full.split_at(full.len().saturating_sub(1));
    for (i, n) in full.iter().enumerate() {
        println!(
            "  window {}: {n:>4} answered = {:>5.1}% of the limit{}",
            i + 1,
            100.0 * f64::from(*n) / f64::from(REQUESTS),
            if i + 1 == full.len() {
                " (cut by the end of the run)"
            } else {
                ""
            }
        );
    }
    let min_closed = closed
        .iter()
        .copied()
        .min()
        .unwrap_or(last.first().copied().unwrap_or(0));
    let ideal = f64::from(REQUESTS) * elapsed.as_secs_f64() / WINDOW.as_secs_f64();
    println!(
        "  per closed window: at least {:.1}% of the limit (target >= 95%)",
        100.0 * f64::from(min_closed) / f64::from(REQUESTS)
    );
    println!(
        "  over the run: {} answered in {:.1} s = {:.1}% of limit x elapsed / window",
        seen.ok,
        elapsed.as_secs_f64(),
        100.0 * seen.ok as f64 / ideal
    );
    println!(
        "  from one window's first answer to the next one's: {} for a {} s window (the reset is in whole seconds and the SDK waits 1 s past it; on Chatwork's 300 s window 1 s is {:.2}%)",
        gaps.join(", "),
        WINDOW.as_secs(),
        100.0 / 300.0
    );
    report_errors(&mock, &seen);
}

async fn room_posts() {
    let mock = MockServer::start_with(
        Seed::demo(),
        Limits {
            requests: 1_000_000,
            room_posts: ROOM_POSTS,
            room_window: ROOM_WINDOW,
            ..Limits::default()
        },
    )
    .await;
    let client = client(&mock, Some((ROOM_POSTS, ROOM_WINDOW)));
    let room = client
        .list_rooms()
        .send()
        .await
        .unwrap()
        .iter()
        .find(|r| r.name == "Project")
        .unwrap()
        .room_id;
    let before = stored_bodies(&mock, room.get()).len();
    let seen = Arc::new(Mutex::new(Seen::default()));
    let start = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|t| {
            let (client, seen) = (client.clone(), seen.clone());
            tokio::spawn(async move {
                let mut n = 0;
                while start.elapsed() < ROOM_RUN {
                    n += 1;
                    let result = client
                        .post_message()
                        .room_id(room)
                        .body(format!("post {t}-{n}"))
                        .send()
                        .await;
                    let mut seen = seen.lock().await;
                    match result {
                        Ok(_) => {
                            seen.ok += 1;
                            seen.answered.push(Instant::now());
                        }
                        Err(e) => *seen.errors.entry(e.status().unwrap_or(0)).or_default() += 1,
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = start.elapsed();
    let seen = seen.lock().await;
    let bodies: Vec<String> = stored_bodies(&mock, room.get()).split_off(before);
    let unique: std::collections::HashSet<&String> = bodies.iter().collect();
    let posts_sent = mock.count("POST", &format!("/v2/rooms/{room}/messages"));
    // Consecutive windows from the first answer; the last, cut by the end of the run, is
    // left out.
    let first = seen.answered.iter().min().copied().unwrap_or(start);
    let last = seen.answered.iter().max().copied().unwrap_or(start);
    let closed = ((last - first).as_secs_f64() / ROOM_WINDOW.as_secs_f64()) as usize;
    let mut per_window = vec![0usize; closed];
    for t in &seen.answered {
        let k = ((*t - first).as_secs_f64() / ROOM_WINDOW.as_secs_f64()) as usize;
        if k < closed {
            per_window[k] += 1;
        }
    }
    println!(
        "room posts: {ROOM_POSTS} per {} s per room, {TASKS} tasks posting to one room for {} s",
        ROOM_WINDOW.as_secs(),
        ROOM_RUN.as_secs()
    );
    println!(
        "  posts answered per window, from the first answer: {per_window:?} (the last window, cut by the end of the run, left out)"
    );
    println!(
        "  per closed window: {:.1}% of the limit on average, at least {:.1}% (target >= 95%); {} posts in {:.1} s",
        100.0 * per_window.iter().sum::<usize>() as f64 / (closed.max(1) * ROOM_POSTS) as f64,
        100.0 * per_window.iter().copied().min().unwrap_or(0) as f64 / ROOM_POSTS as f64,
        bodies.len(),
        elapsed.as_secs_f64()
    );
    report_errors(&mock, &seen);
    println!(
        "  duplicates: {} (target 0): {} POSTs reached the server, {} answered 200, {} stored, {} distinct",
        bodies.len() - unique.len() + (bodies.len().saturating_sub(seen.ok as usize)),
        posts_sent,
        seen.ok,
        bodies.len(),
        unique.len()
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    token_budget().await;
    room_posts().await;
}
