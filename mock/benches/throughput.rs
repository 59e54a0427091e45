//! Throughput of the mock on loopback against a same-run ceiling: a minimal axum handler that
//! answers the same bytes as a constant. `cargo bench -p chatwork-mock --bench throughput`
//!
//! One load generator drives both: `CONNECTIONS` keep-alive HTTP/1.1 connections, each
//! sending its next request as soon as the answer is read, for `BENCH_SECS` seconds (default
//! 3) after a warm-up. The server and the generator run on their own runtimes of two worker
//! threads each, sharing the machine's cores.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use chatwork_mock::{Limits, MockServer, Seed};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const CONNECTIONS: usize = 32;
const POST_BODY: &str = "body=CI+build+%231234+passed";

/// Reads one HTTP/1.1 answer (with a `content-length`, or none for 204) from `stream`,
/// keeping what follows in `buf`; returns the status.
async fn read_answer(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = std::str::from_utf8(&buf[..end]).map_err(std::io::Error::other)?;
            let status: u16 = head
                .get(9..12)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| std::io::Error::other("no status"))?;
            let length: usize = head
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse().ok())?
                })
                .unwrap_or(0);
            let total = end + 4 + length;
            while buf.len() < total {
                let mut chunk = [0u8; 16 * 1024];
                let n = stream.read(&mut chunk).await?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            buf.drain(..total);
            return Ok(status);
        }
        let mut chunk = [0u8; 16 * 1024];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Requests per second that `CONNECTIONS` connections get from `addr` with `request`
/// (counting only 2xx answers), over `secs` seconds after a warm-up of half a second.
fn drive(addr: SocketAddr, request: Vec<u8>, secs: f64) -> f64 {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let request = Arc::new(request);
        let counting = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicU64::new(0));
        let failed = Arc::new(AtomicU64::new(0));
        let mut tasks = Vec::new();
        for _ in 0..CONNECTIONS {
            let (request, counting, stop, done, failed) = (
                request.clone(),
                counting.clone(),
                stop.clone(),
                done.clone(),
                failed.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let mut stream = TcpStream::connect(addr).await.unwrap();
                stream.set_nodelay(true).unwrap();
                let mut buf = Vec::with_capacity(16 * 1024);
                while !stop.load(Ordering::Relaxed) {
                    stream.write_all(&request).await.unwrap();
                    let status = read_answer(&mut stream, &mut buf).await.unwrap();
                    if counting.load(Ordering::Relaxed) {
                        if (200..300).contains(&status) {
                            done.fetch_add(1, Ordering::Relaxed);
                        } else {
                            failed.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            }));
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        counting.store(true, Ordering::Relaxed);
        let started = Instant::now();
        tokio::time::sleep(Duration::from_secs_f64(secs)).await;
        counting.store(false, Ordering::Relaxed);
        let elapsed = started.elapsed().as_secs_f64();
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            t.await.unwrap();
        }
        let failed = failed.load(Ordering::Relaxed);
        assert_eq!(failed, 0, "non-2xx answers during the measurement");
        done.load(Ordering::Relaxed) as f64 / elapsed
    })
}

/// A server runtime of two worker threads, kept alive while the value lives.
fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Serves constant answers (the same bytes as the mock's) with a minimal axum router.
fn ceiling(rt: &tokio::runtime::Runtime, get_body: String, post_body: String) -> SocketAddr {
    rt.block_on(async move {
        let json = |body: String| {
            move || {
                let body = body.clone();
                async move { ([("content-type", "application/json")], body) }
            }
        };
        let app = Router::new().route("/v2/rooms", get(json(get_body))).route(
            "/v2/rooms/{room}/messages",
            axum::routing::post(json(post_body)),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        addr
    })
}

fn request(method: &str, path: &str, addr: SocketAddr, token: &str, body: &str) -> Vec<u8> {
    let mut r = format!("{method} {path} HTTP/1.1\r\nhost: {addr}\r\nx-chatworktoken: {token}\r\n");
    if !body.is_empty() {
        r.push_str(&format!(
            "content-type: application/x-www-form-urlencoded\r\ncontent-length: {}\r\n",
            body.len()
        ));
    }
    r.push_str("\r\n");
    r.push_str(body);
    r.into_bytes()
}

fn main() {
    let secs: f64 = std::env::var("BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let limits = Limits {
        requests: u32::MAX,
        room_posts: usize::MAX,
        ..Limits::default()
    };
    let mock_rt = server_runtime();
    let mock = mock_rt.block_on(async {
        MockServer::builder()
            .seed(Seed::demo())
            .limits(limits)
            .start()
            .await
            .unwrap()
    });
    let token = mock.token("alice");
    let mock_addr: SocketAddr = mock.origin().trim_start_matches("http://").parse().unwrap();
    // The answers the mock gives, to serve as constants from the ceiling.
    let (room, rooms_body, post_answer) = mock_rt.block_on(async {
        let http = reqwest::Client::new();
        let rooms = http
            .get(format!("{}/rooms", mock.base_url()))
            .header("x-chatworktoken", &token)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let list: serde_json::Value = serde_json::from_str(&rooms).unwrap();
        let room = list
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "Project")
            .unwrap()["room_id"]
            .as_i64()
            .unwrap();
        (
            room,
            rooms,
            r#"{"message_id":"1928374655918273646"}"#.to_owned(),
        )
    });
    let ceiling_rt = server_runtime();
    let ceiling_addr = ceiling(&ceiling_rt, rooms_body.clone(), post_answer);
    let messages = format!("/v2/rooms/{room}/messages");

    println!(
        "mock throughput on loopback: {CONNECTIONS} keep-alive connections, {secs} s per run, {} cores",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("GET /rooms answer: {} bytes", rooms_body.len());
    println!(
        "{:<34} {:>12} {:>12} {:>8}",
        "operation", "mock req/s", "ceiling", "ratio"
    );
    for (name, method, path, body) in [
        ("GET /v2/rooms", "GET", "/v2/rooms".to_owned(), ""),
        (
            "POST /v2/rooms/{id}/messages",
            "POST",
            messages.clone(),
            POST_BODY,
        ),
    ] {
        let top = drive(
            ceiling_addr,
            request(method, &path, ceiling_addr, &token, body),
            secs,
        );
        let ours = drive(
            mock_addr,
            request(method, &path, mock_addr, &token, body),
            secs,
        );
        println!(
            "{name:<34} {ours:>12.0} {top:>12.0} {:>7.1}%",
            100.0 * ours / top
        );
    }
    let posted = mock.count("POST", &messages);
    println!("(the mock stored {posted} posted messages)");
    drop(mock);

    // The same GET on a mock that shares its state through a file: every request takes the
    // file lock, checks the file for other processes' changes and writes the changed budget.
    let dir = std::env::temp_dir().join(format!("chatwork-mock-bench-{}", std::process::id()));
    let shared = mock_rt.block_on(async {
        MockServer::builder()
            .seed(Seed::demo())
            .limits(Limits {
                requests: u32::MAX,
                ..Limits::default()
            })
            .state_file(dir.join("state.json"))
            .start()
            .await
            .unwrap()
    });
    let shared_addr: SocketAddr = shared
        .origin()
        .trim_start_matches("http://")
        .parse()
        .unwrap();
    let in_memory = {
        let again = mock_rt.block_on(MockServer::start_with(
            Seed::demo(),
            Limits {
                requests: u32::MAX,
                ..Limits::default()
            },
        ));
        let addr: SocketAddr = again
            .origin()
            .trim_start_matches("http://")
            .parse()
            .unwrap();
        drive(addr, request("GET", "/v2/rooms", addr, &token, ""), secs)
    };
    let with_file = drive(
        shared_addr,
        request("GET", "/v2/rooms", shared_addr, &token, ""),
        secs,
    );
    println!(
        "{:<34} {with_file:>12.0} {in_memory:>12.0} {:>7.1}%  (baseline: the same mock without a state file)",
        "GET /v2/rooms, shared state file",
        100.0 * with_file / in_memory
    );
    drop(shared);
    let _ = std::fs::remove_dir_all(&dir);
}
