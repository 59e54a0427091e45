//! [`RedisConnection`]: one Redis connection for every limiter and token store of a process.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use redis::aio::MultiplexedConnection;

use crate::limiter::LimiterError;

/// One multiplexed connection to Redis, shared by every [`RedisLimiter`](crate::RedisLimiter)
/// and `RedisTokenStore` made on it (thousands of connections' limits and tokens over one
/// socket). Cheap to clone; clones share the connection.
///
/// Redis is reached lazily, with a timeout on every call; after a failure the connection is
/// made again, at most once per [`reconnect_every`](Self::reconnect_every). A failure is
/// logged once per outage, and once when Redis is back.
///
/// ```no_run
/// # fn main() -> Result<(), chatwork::LimiterError> {
/// let redis = chatwork::RedisConnection::open("redis://127.0.0.1:6379/")?
///     .timeout(std::time::Duration::from_millis(500));
/// let limiter = chatwork::RedisLimiter::on(&redis, "tenant-7:user-12").build()?;
/// # let _ = limiter; Ok(()) }
/// ```
#[derive(Clone)]
pub struct RedisConnection(Arc<Engine>);

struct Engine {
    client: redis::Client,
    timeout: Duration,
    reconnect_every: Duration,
    live: Mutex<Option<MultiplexedConnection>>,
    /// Held while connecting, so that one task connects for all.
    connecting: tokio::sync::Mutex<Option<Instant>>,
    /// Whether the last call reached Redis (to log once per outage).
    up: AtomicBool,
}

impl fmt::Debug for RedisConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The URL may carry a password: only where it goes.
        let info = self.0.client.get_connection_info();
        f.debug_struct("RedisConnection")
            .field("addr", &info.addr().to_string())
            .field("timeout", &self.0.timeout)
            .finish_non_exhaustive()
    }
}

impl RedisConnection {
    /// A connection to the Redis at `url` (`redis://host:port/db`, `rediss://` with TLS
    /// where the `redis` crate is built for it), made by the first call.
    ///
    /// # Errors
    ///
    /// A URL that is not a Redis URL.
    pub fn open(url: &str) -> Result<Self, LimiterError> {
        let client = redis::Client::open(url)
            .map_err(|e| LimiterError::new(format!("not a Redis URL: {e}")))?;
        Ok(Self(Arc::new(Engine {
            client,
            timeout: Duration::from_millis(500),
            reconnect_every: Duration::from_secs(1),
            live: Mutex::new(None),
            connecting: tokio::sync::Mutex::new(None),
            up: AtomicBool::new(true),
        })))
    }

    /// The longest a connection attempt or a call may take (default 500 ms). Set before the
    /// connection is shared.
    #[must_use]
    pub fn timeout(self, timeout: Duration) -> Self {
        self.reconfigure(|e| e.timeout = timeout)
    }

    /// While Redis is unreachable, how often to try it again (default 1 s). Set before the
    /// connection is shared.
    #[must_use]
    pub fn reconnect_every(self, every: Duration) -> Self {
        self.reconfigure(|e| e.reconnect_every = every)
    }

    fn reconfigure(self, change: impl FnOnce(&mut Engine)) -> Self {
        match Arc::try_unwrap(self.0) {
            Ok(mut engine) => {
                change(&mut engine);
                Self(Arc::new(engine))
            }
            // Already shared: a copy with its own (not yet made) connection.
            Err(shared) => {
                let mut engine = Engine {
                    client: shared.client.clone(),
                    timeout: shared.timeout,
                    reconnect_every: shared.reconnect_every,
                    live: Mutex::new(None),
                    connecting: tokio::sync::Mutex::new(None),
                    up: AtomicBool::new(true),
                };
                change(&mut engine);
                Self(Arc::new(engine))
            }
        }
    }

    fn live(&self) -> Option<MultiplexedConnection> {
        self.0
            .live
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A live connection, or why there is none.
    async fn connection(&self) -> Result<MultiplexedConnection, String> {
        if let Some(live) = self.live() {
            return Ok(live);
        }
        let mut last_attempt = self.0.connecting.lock().await;
        // Another task may have connected while this one waited.
        if let Some(live) = self.live() {
            return Ok(live);
        }
        if last_attempt.is_some_and(|at| at.elapsed() < self.0.reconnect_every) {
            return Err("Redis is unreachable (waiting before the next attempt)".into());
        }
        *last_attempt = Some(Instant::now());
        let attempt = self.0.client.get_multiplexed_async_connection();
        match tokio::time::timeout(self.0.timeout, attempt).await {
            Ok(Ok(live)) => {
                *self.0.live.lock().unwrap_or_else(|e| e.into_inner()) = Some(live.clone());
                Ok(live)
            }
            Ok(Err(e)) => Err(format!("cannot connect to Redis: {}", describe(&e))),
            Err(_) => Err(format!(
                "cannot connect to Redis within {} ms",
                self.0.timeout.as_millis()
            )),
        }
    }

    /// Runs `call` on the connection within the timeout; on any failure the connection is
    /// dropped (the next call makes a new one).
    async fn call<T, F>(&self, call: impl FnOnce(MultiplexedConnection) -> F) -> Result<T, Failure>
    where
        F: std::future::Future<Output = redis::RedisResult<T>>,
    {
        let unreachable = |message| Failure {
            unreachable: true,
            message,
        };
        let result = match self.connection().await {
            Err(e) => Err(unreachable(e)),
            Ok(conn) => match tokio::time::timeout(self.0.timeout, call(conn)).await {
                Ok(Ok(v)) => Ok(v),
                Ok(Err(e)) => Err(Failure {
                    unreachable: e.is_io_error()
                        || e.is_connection_dropped()
                        || e.is_connection_refusal()
                        || e.is_timeout(),
                    message: format!("Redis failed: {}", describe(&e)),
                }),
                Err(_) => Err(unreachable(format!(
                    "Redis did not answer within {} ms",
                    self.0.timeout.as_millis()
                ))),
            },
        };
        match &result {
            Ok(_) => {
                if !self.0.up.swap(true, Ordering::Relaxed) {
                    tracing::info!("Redis reached again");
                }
            }
            Err(why) => {
                *self.0.live.lock().unwrap_or_else(|e| e.into_inner()) = None;
                if self.0.up.swap(false, Ordering::Relaxed) {
                    tracing::warn!(error = %why, "Redis unreachable");
                }
            }
        }
        result
    }

    /// Runs `script` with `keys` and `args`.
    pub(crate) async fn script<T: redis::FromRedisValue, A: redis::ToRedisArgs>(
        &self,
        script: &redis::Script,
        keys: &[&str],
        args: &[A],
    ) -> Result<T, Failure> {
        let mut invocation = script.prepare_invoke();
        for k in keys {
            invocation.key(*k);
        }
        for a in args {
            invocation.arg(a);
        }
        self.call(|mut conn| async move { invocation.invoke_async(&mut conn).await })
            .await
    }

    /// Runs one command.
    #[cfg_attr(not(feature = "oauth"), allow(dead_code))]
    pub(crate) async fn command<T: redis::FromRedisValue>(
        &self,
        cmd: redis::Cmd,
    ) -> Result<T, Failure> {
        self.call(|mut conn| async move { cmd.query_async(&mut conn).await })
            .await
    }
}

/// A Redis error as text (its kind and the server's or the system's message; Redis does not
/// quote values in them).
fn describe(e: &redis::RedisError) -> String {
    e.to_string()
}

/// Why a call to Redis failed.
#[derive(Debug)]
pub(crate) struct Failure {
    /// Redis could not be reached (or the connection broke, or it did not answer in time),
    /// rather than answering with an error.
    pub(crate) unreachable: bool,
    pub(crate) message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
