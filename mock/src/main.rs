//! `chatwork-mock`: a local Chatwork API v2 on loopback.
//!
//! ```text
//! cargo run -p chatwork-mock -- --port 9393 --seed demo
//! ```
//!
//! Prints the base URL and the seeded accounts' tokens, then serves until Ctrl-C.

use chatwork_mock::{Limits, MockServer, Seed};

#[tokio::main]
async fn main() {
    let mut port = 9393u16;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => match args.next().and_then(|p| p.parse().ok()) {
                Some(p) => port = p,
                None => usage("--port needs a number"),
            },
            "--seed" => match args.next().as_deref() {
                Some("demo") => {}
                _ => usage("--seed takes `demo` (the only seed so far)"),
            },
            "-h" | "--help" => usage(""),
            other => usage(&format!("unknown argument {other:?}")),
        }
    }
    let mock = match MockServer::start_on(port, Seed::demo(), Limits::default()).await {
        Ok(m) => m,
        Err(e) => {
            eprintln!("chatwork-mock: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        }
    };
    println!("base URL: {}", mock.base_url());
    for (name, token) in mock.tokens() {
        println!("token of {name}: {token}");
    }
    println!("(Ctrl-C to stop)");
    let _ = tokio::signal::ctrl_c().await;
}

fn usage(problem: &str) -> ! {
    if !problem.is_empty() {
        eprintln!("chatwork-mock: {problem}");
    }
    eprintln!("usage: chatwork-mock [--port PORT] [--seed demo]");
    std::process::exit(2);
}
