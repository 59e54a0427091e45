//! `chatwork-mock`: a local Chatwork API v2 on loopback.
//!
//! ```text
//! cargo run -p chatwork-mock -- --port 9393 --seed demo --state mock-state.json
//! ```
//!
//! Prints the base URL and the seeded accounts' tokens, then serves until Ctrl-C (or
//! SIGTERM). With `--state`, the state is loaded from the file if it exists and written back
//! after every change.

use std::path::PathBuf;
use std::time::Duration;

use chatwork_mock::{Faults, Limits, MockServer, Seed};
use clap::{Parser, ValueEnum};

/// A local, stateful Chatwork API v2 for offline runs and tests.
#[derive(Parser, Debug)]
#[command(name = "chatwork-mock", version)]
struct Args {
    /// Loopback port to listen on (0: any free port).
    #[arg(long, default_value_t = 9393)]
    port: u16,
    /// The accounts and rooms to start with (when no state file is loaded).
    #[arg(long, value_enum, default_value_t = SeedName::Demo)]
    seed: SeedName,
    /// Load the state from this JSON file if it exists, and save it there after every change.
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// Requests per token per window (Chatwork: 300).
    #[arg(long, default_value_t = 300)]
    requests: u32,
    /// The token window in seconds (Chatwork: 300).
    #[arg(long, default_value_t = 300)]
    window_secs: u64,
    /// Message posts and task creations per room per room window (Chatwork: 10).
    #[arg(long, default_value_t = 10)]
    room_posts: usize,
    /// The room window in seconds (Chatwork: 10).
    #[arg(long, default_value_t = 10)]
    room_window_secs: u64,
    /// Milliseconds added to every API answer.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Share (0 to 1) of requests answered 500/502/503 without being applied.
    #[arg(long, default_value_t = 0.0)]
    server_errors: f64,
    /// Share (0 to 1) of requests applied whose connection is then dropped.
    #[arg(long, default_value_t = 0.0)]
    drops: f64,
    /// Share (0 to 1) of requests applied whose answer body is cut in half.
    #[arg(long, default_value_t = 0.0)]
    truncations: f64,
    /// Seed of the fault decisions (same seed and request order: same faults).
    #[arg(long, default_value_t = 0)]
    fault_seed: u64,
    /// Requests kept in the log of `GET /mock/requests` (the oldest go first).
    #[arg(long, default_value_t = chatwork_mock::DEFAULT_LOG_CAPACITY)]
    log_capacity: usize,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SeedName {
    /// Alice, Bob, Carol and Dave; a group chat "Project"; a contact request.
    Demo,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let seed = match args.seed {
        SeedName::Demo => Seed::demo(),
    };
    let limits = Limits {
        requests: args.requests,
        window: Duration::from_secs(args.window_secs),
        room_posts: args.room_posts,
        room_window: Duration::from_secs(args.room_window_secs),
        ..Limits::default()
    };
    let faults = Faults::seeded(args.fault_seed)
        .latency(Duration::from_millis(args.latency_ms))
        .server_errors(args.server_errors)
        .drops(args.drops)
        .truncations(args.truncations);
    let mut builder = MockServer::builder()
        .port(args.port)
        .seed(seed)
        .limits(limits)
        .faults(faults)
        .log_capacity(args.log_capacity);
    if let Some(path) = &args.state {
        // Programs sharing the file (the `chatwork` CLI) use this server while it runs.
        builder = builder.state_file(path).advertise(true);
    }
    let mock = match builder.start().await {
        Ok(m) => m,
        Err(e) => {
            eprintln!("chatwork-mock: {e}");
            std::process::exit(1);
        }
    };
    println!("base URL: {}", mock.base_url());
    for (name, token) in mock.tokens() {
        println!("token of {name}: {token}");
    }
    println!("webhook settings: {}/mock/webhooks", mock.origin());
    if let Some(path) = &args.state {
        println!("state file: {}", path.display());
    }
    println!("(Ctrl-C to stop)");
    stopped().await;
    // Dropping the server writes the state file one last time.
    drop(mock);
}

/// Ctrl-C, or SIGTERM on Unix.
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
