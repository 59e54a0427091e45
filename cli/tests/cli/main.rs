//! Every `chatwork` command run as a process against the local Chatwork: exact output,
//! exit codes, standard input, confirmations and limits.

#[path = "../common/mod.rs"]
mod common;
use common::{home, signed_in_as_bob};

use std::process::Stdio;
use std::time::Duration;

use chatwork_mock::{Limits, MockServer, NewWebhook, Seed};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", self.stdout, self.stderr))
    }

    #[track_caller]
    fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
}

/// A clean environment: no token file, no saved state, UTC.
fn command(home: &std::path::Path) -> tokio::process::Command {
    let mut c = tokio::process::Command::new(env!("CARGO_BIN_EXE_chatwork"));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    c
}

async fn finish(mut child: tokio::process::Child, stdin: Option<&str>) -> Run {
    let mut pipe = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes()).await.unwrap();
    }
    drop(pipe);
    let out = tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
        .await
        .expect("the command finished")
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `chatwork ARGS` as `who` against `mock`, with `stdin` if given.
async fn cw(mock: &MockServer, who: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut c = command(&home());
    c.env("CHATWORK_API_TOKEN", mock.token(who))
        .env("CHATWORK_BASE_URL", mock.base_url())
        .args(args);
    finish(c.spawn().unwrap(), stdin).await
}

/// `YYYY-MM-DD HH:MM` → `<time>`, so that tables can be compared exactly.
fn mask_times(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let shape = "dddd-dd-dd dd:dd";
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let fits = i + shape.len() <= chars.len()
            && shape.chars().zip(&chars[i..]).all(|(s, c)| {
                if s == 'd' {
                    c.is_ascii_digit()
                } else {
                    s == *c
                }
            });
        if fits {
            out.push_str("<time>");
            i += shape.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Project's room ID in the demo seed.
async fn project(mock: &MockServer) -> i64 {
    let rooms = cw(mock, "alice", &["--json", "rooms", "list"], None)
        .await
        .ok()
        .json();
    rooms
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Project")
        .unwrap()["room_id"]
        .as_i64()
        .unwrap()
}

mod commands;
mod credentials;
mod details;
mod groups;
mod pipes;
mod profiles;
mod running;
