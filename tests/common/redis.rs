//! A throwaway `redis-server` on loopback for tests and benchmarks.

#![allow(dead_code)]

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct RedisServer {
    pub port: u16,
    child: Option<Child>,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl RedisServer {
    /// Starts `redis-server` on `port`, without persistence; waits until it answers.
    pub fn start(port: u16) -> Result<Self, String> {
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run redis-server: {e}"))?;
        let mut server = Self {
            port,
            child: Some(child),
        };
        let until = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > until {
                server.stop();
                return Err("redis-server did not start listening within 10 s".into());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(server)
    }

    /// A server for `test`, or `None` (with the reason on stderr) when `redis-server` cannot
    /// run here. With `CHATWORK_REQUIRE_REDIS` set (CI sets it), that is a failure instead.
    pub fn for_test(test: &str) -> Option<Self> {
        match Self::start(free_port()) {
            Ok(s) => Some(s),
            Err(e) if std::env::var_os("CHATWORK_REQUIRE_REDIS").is_some() => {
                panic!("{test}: needs redis-server, and CHATWORK_REQUIRE_REDIS is set: {e}")
            }
            Err(e) => {
                eprintln!(
                    "SKIPPED {test}: {e}. Install Debian's redis-server to run it; CI runs it (CHATWORK_REQUIRE_REDIS=1)."
                );
                None
            }
        }
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// Kills the server (as a crash would).
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Starts it again on the same port.
    pub fn restart(&mut self) {
        self.stop();
        let again = Self::start(self.port).expect("redis-server restarts");
        *self = again;
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}
