//! How requests go out: the token's rate-limit budget, per-room posting pace, retries.
//!
//! Every request (generated operations, upload, raw calls) passes through [`send`], which
//! progenitor calls from its `exec` hook:
//!
//! 1. wait for the token's budget (the last `x-ratelimit-*` headers seen by any clone of the
//!    client) and, for message posts and task creations, for the room's posting pace;
//! 2. send;
//! 3. on a 429, wait until the reset (or `Retry-After`) and send again: Chatwork did not act;
//! 4. on a transport failure or a 500/502/503/504, back off and send again, but only for GET,
//!    PUT and DELETE, or when the connection could not even be made: a POST that may have
//!    reached Chatwork is never sent twice.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Method, StatusCode};
use tokio::time::Instant;
use tracing::Instrument as _;

use crate::response::RateLimit;

/// How failed requests are retried. The defaults are [`RetryPolicy::default`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Retries after a transport failure or a 500/502/503/504 (GET, PUT and DELETE only;
    /// a POST only when the connection could not be made). Default 3.
    pub max_retries: u32,
    /// The first backoff; it doubles on each retry, with full jitter. Default 500 ms.
    pub initial_backoff: Duration,
    /// The longest backoff. Default 8 s.
    pub max_backoff: Duration,
    /// Retries after a 429 (any method: Chatwork did not act on it). Default 3.
    pub max_rate_limit_retries: u32,
    /// The longest total wait for 429s of one request; past it the caller gets the 429.
    /// Default 330 s (one 5-minute window and a margin).
    pub max_rate_limit_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_rate_limit_retries: 3,
            max_rate_limit_wait: Duration::from_secs(330),
        }
    }
}

impl RetryPolicy {
    /// Never retry: every failure and every 429 goes straight to the caller.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            max_rate_limit_retries: 0,
            ..Self::default()
        }
    }

    /// Sets [`max_retries`](Self::max_retries).
    pub fn with_max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// Sets [`initial_backoff`](Self::initial_backoff) and [`max_backoff`](Self::max_backoff).
    pub fn with_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max;
        self
    }

    /// Sets [`max_rate_limit_retries`](Self::max_rate_limit_retries) and
    /// [`max_rate_limit_wait`](Self::max_rate_limit_wait).
    pub fn with_rate_limit_retries(mut self, n: u32, max_wait: Duration) -> Self {
        self.max_rate_limit_retries = n;
        self.max_rate_limit_wait = max_wait;
        self
    }
}

/// A token's request budget, shared by every clone of a client.
///
/// The default, [`LocalBudget`], lives in this process. Implement this trait to share one
/// budget between processes (say, through Redis): a token's 300 requests per 5 minutes
/// are counted by Chatwork across all of them.
pub trait RateBudget: Send + Sync + fmt::Debug {
    /// Called before each request. `None`: send now (and count the request). `Some(d)`: wait
    /// `d`, then ask again.
    fn reserve(&self) -> Option<Duration>;

    /// Called with the `x-ratelimit-*` headers of every answer, 429s included.
    fn observe(&self, snapshot: RateLimit);
}

/// The in-process [`RateBudget`]: it counts requests down from the last `remaining` that
/// Chatwork reported and, at zero, holds requests until the reset time.
#[derive(Debug, Default)]
pub struct LocalBudget {
    window: Mutex<Option<Window>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    reset: u64,
    remaining: u32,
    deadline: Instant,
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Chatwork's reset is in whole seconds: wait one more to be past it.
const RESET_MARGIN: Duration = Duration::from_secs(1);

impl RateBudget for LocalBudget {
    fn reserve(&self) -> Option<Duration> {
        let mut window = self.window.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        match window.as_mut() {
            None => None,
            Some(w) if now >= w.deadline => {
                *window = None;
                None
            }
            Some(w) if w.remaining > 0 => {
                w.remaining -= 1;
                None
            }
            Some(w) => Some(w.deadline - now),
        }
    }

    fn observe(&self, snapshot: RateLimit) {
        let mut window = self.window.lock().unwrap_or_else(|e| e.into_inner());
        let deadline = Instant::now()
            + Duration::from_secs(snapshot.reset.saturating_sub(unix_now()))
            + RESET_MARGIN;
        match window.as_mut() {
            Some(w) if w.reset == snapshot.reset => {
                w.remaining = w.remaining.min(snapshot.remaining)
            }
            Some(w) if w.reset > snapshot.reset => {}
            _ => {
                *window = Some(Window {
                    reset: snapshot.reset,
                    remaining: snapshot.remaining,
                    deadline,
                });
            }
        }
    }
}

/// Spaces message posts and task creations per room: at most `max` in any `per` window.
#[derive(Debug)]
struct RoomPacer {
    max: usize,
    per: Duration,
    sent: Mutex<HashMap<i64, VecDeque<Instant>>>,
}

impl RoomPacer {
    /// Reserves the next slot for `room` and says how long to wait for it.
    fn reserve(&self, room: i64) -> Duration {
        let mut sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let slots = sent.entry(room).or_default();
        while slots.front().is_some_and(|&t| t + self.per <= now) {
            slots.pop_front();
        }
        let at = if slots.len() < self.max {
            now
        } else {
            let oldest = slots.pop_front().unwrap_or(now);
            (oldest + self.per).max(now)
        };
        slots.push_back(at);
        at - now
    }
}

/// Rate limiting and retry settings of a client, shared by its clones.
#[derive(Debug, Clone)]
pub struct Inner(Arc<Shared>);

#[derive(Debug)]
struct Shared {
    retry: RetryPolicy,
    budget: Option<Arc<dyn RateBudget>>,
    rooms: Option<RoomPacer>,
}

impl Inner {
    pub(crate) fn new(
        retry: RetryPolicy,
        budget: Option<Arc<dyn RateBudget>>,
        room_limit: Option<(usize, Duration)>,
    ) -> Self {
        Self(Arc::new(Shared {
            retry,
            budget,
            rooms: room_limit.map(|(max, per)| RoomPacer {
                max: max.max(1),
                per,
                sent: Mutex::default(),
            }),
        }))
    }
}

/// The room of a message post or task creation (`POST .../rooms/{id}/messages|tasks`).
fn posting_room(method: &Method, url: &reqwest::Url) -> Option<i64> {
    if method != Method::POST {
        return None;
    }
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [.., "rooms", id, "messages" | "tasks"] => id.parse().ok(),
        _ => None,
    }
}

fn jitter(max: Duration) -> Duration {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    let nanos = u64::try_from(max.as_nanos()).unwrap_or(u64::MAX).max(1);
    Duration::from_nanos(h.finish() % nanos)
}

fn backoff(policy: &RetryPolicy, retry: u32) -> Duration {
    let exp = policy.initial_backoff.saturating_mul(1u32 << retry.min(16));
    // Full jitter: anywhere up to the exponential step, never more than the cap.
    jitter(exp.min(policy.max_backoff))
}

/// How long a 429 asks us to wait: `Retry-After` (seconds), else until `x-ratelimit-reset`.
fn rate_limit_wait(response: &reqwest::Response) -> Duration {
    let headers = response.headers();
    if let Some(secs) = headers
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        return Duration::from_secs(secs);
    }
    match RateLimit::from_headers(headers) {
        Some(rl) => Duration::from_secs(rl.reset.saturating_sub(unix_now())) + RESET_MARGIN,
        // No hint at all: Chatwork's shortest window is the per-room 10 seconds.
        None => Duration::from_secs(10),
    }
}

async fn pace(shared: &Shared, room: Option<i64>) {
    if let Some(budget) = &shared.budget {
        while let Some(wait) = budget.reserve() {
            tracing::debug!(
                wait_ms = wait.as_millis() as u64,
                "rate-limit budget spent: waiting for the reset"
            );
            tokio::time::sleep(wait).await;
        }
    }
    if let (Some(pacer), Some(room)) = (&shared.rooms, room) {
        let wait = pacer.reserve(room);
        if !wait.is_zero() {
            tracing::debug!(
                room,
                wait_ms = wait.as_millis() as u64,
                "pacing posts to the room"
            );
            tokio::time::sleep(wait).await;
        }
    }
}

/// Sends `request` under the client's rate limits and retry policy.
pub(crate) async fn send(
    http: &reqwest::Client,
    inner: &Inner,
    request: reqwest::Request,
    operation: &str,
    path_template: &str,
) -> reqwest::Result<reqwest::Response> {
    let shared = &*inner.0;
    let method = request.method().clone();
    let idempotent = method != Method::POST;
    let room = posting_room(&method, request.url());
    let span = tracing::debug_span!(
        "chatwork.request",
        operation,
        method = %method,
        path = path_template,
        attempt = tracing::field::Empty,
        status = tracing::field::Empty,
        remaining = tracing::field::Empty,
    );
    async move {
        let mut attempt = 0u32;
        let mut retries = 0u32;
        let mut rate_limit_retries = 0u32;
        let mut rate_limit_waited = Duration::ZERO;
        let mut pending = Some(request);
        loop {
            attempt += 1;
            tracing::Span::current().record("attempt", attempt);
            pace(shared, room).await;
            let original = pending.take().expect("a request is pending");
            // Keep a copy for a retry; a streaming body cannot be copied and is sent once.
            let copy = original.try_clone();
            let result = http.execute(original).await;
            let can_retry = copy.is_some();
            pending = copy;
            match result {
                Ok(response) => {
                    let status = response.status();
                    let span = tracing::Span::current();
                    span.record("status", status.as_u16());
                    if let Some(rl) = RateLimit::from_headers(response.headers()) {
                        span.record("remaining", rl.remaining);
                        if let Some(budget) = &shared.budget {
                            budget.observe(rl);
                        }
                    }
                    if status == StatusCode::TOO_MANY_REQUESTS && can_retry {
                        let wait = rate_limit_wait(&response);
                        if rate_limit_retries < shared.retry.max_rate_limit_retries
                            && rate_limit_waited + wait <= shared.retry.max_rate_limit_wait
                        {
                            rate_limit_retries += 1;
                            rate_limit_waited += wait;
                            tracing::debug!(
                                wait_ms = wait.as_millis() as u64,
                                "429: waiting for the reset, then retrying"
                            );
                            tokio::time::sleep(wait).await;
                            continue;
                        }
                        tracing::debug!("429: retry bound reached, giving up");
                    }
                    let transient = matches!(status.as_u16(), 500 | 502 | 503 | 504);
                    if transient && idempotent && can_retry && retries < shared.retry.max_retries {
                        let wait = backoff(&shared.retry, retries);
                        retries += 1;
                        tracing::debug!(
                            status = status.as_u16(),
                            wait_ms = wait.as_millis() as u64,
                            "server error: retrying"
                        );
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    return Ok(response);
                }
                Err(error) => {
                    // A connection that was never made carried nothing: safe for any method.
                    let unsent = error.is_connect();
                    if (idempotent || unsent) && can_retry && retries < shared.retry.max_retries {
                        let wait = backoff(&shared.retry, retries);
                        retries += 1;
                        tracing::debug!(
                            unsent,
                            wait_ms = wait.as_millis() as u64,
                            "transport error: retrying"
                        );
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    if !idempotent && !unsent {
                        tracing::debug!(
                            "transport error after a POST may have been sent: not retried"
                        );
                    }
                    return Err(error);
                }
            }
        }
    }
    .instrument(span)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posting_rooms() {
        let url =
            |p: &str| reqwest::Url::parse(&format!("https://api.chatwork.com/v2{p}")).unwrap();
        assert_eq!(
            posting_room(&Method::POST, &url("/rooms/42/messages")),
            Some(42)
        );
        assert_eq!(
            posting_room(&Method::POST, &url("/rooms/42/tasks")),
            Some(42)
        );
        assert_eq!(posting_room(&Method::GET, &url("/rooms/42/messages")), None);
        assert_eq!(
            posting_room(&Method::PUT, &url("/rooms/42/messages/read")),
            None
        );
        assert_eq!(posting_room(&Method::POST, &url("/rooms/42/files")), None);
        assert_eq!(posting_room(&Method::POST, &url("/rooms")), None);
    }

    #[test]
    fn backoff_stays_under_the_exponential_step_and_the_cap() {
        let p = RetryPolicy::default();
        for retry in 0..10 {
            let step = p
                .initial_backoff
                .saturating_mul(1 << retry)
                .min(p.max_backoff);
            assert!(backoff(&p, retry) <= step);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn local_budget_holds_at_zero_until_the_reset() {
        let b = LocalBudget::default();
        assert_eq!(b.reserve(), None, "unknown budget: go");
        b.observe(RateLimit {
            limit: 300,
            remaining: 2,
            reset: unix_now() + 60,
        });
        assert_eq!(b.reserve(), None);
        assert_eq!(b.reserve(), None);
        let wait = b.reserve().expect("spent");
        assert!(
            wait >= Duration::from_secs(60) && wait <= Duration::from_secs(62),
            "{wait:?}"
        );
        // An older window does not undo the newer one; the same window only counts down.
        b.observe(RateLimit {
            limit: 300,
            remaining: 50,
            reset: unix_now() + 60,
        });
        assert!(b.reserve().is_some());
        tokio::time::advance(wait).await;
        assert_eq!(b.reserve(), None, "past the reset: go");
    }

    #[tokio::test(start_paused = true)]
    async fn room_pacer_allows_ten_per_ten_seconds_per_room() {
        let p = RoomPacer {
            max: 10,
            per: Duration::from_secs(10),
            sent: Mutex::default(),
        };
        for _ in 0..10 {
            assert_eq!(p.reserve(1), Duration::ZERO);
        }
        assert_eq!(p.reserve(1), Duration::from_secs(10));
        assert_eq!(
            p.reserve(1),
            Duration::from_secs(10),
            "slots are reserved, not just counted"
        );
        assert_eq!(p.reserve(2), Duration::ZERO, "other rooms are not held up");
    }
}
