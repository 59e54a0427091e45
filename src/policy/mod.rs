//! How requests go out: the token's rate-limit budget, per-room posting pace, retries.
//!
//! Every request (generated operations, upload, raw calls) passes through [`send`], which
//! progenitor calls from its `exec` hook:
//!
//! 1. wait for the token's budget (the last `x-ratelimit-*` headers seen by any clone of the
//!    client) and, for message posts and task creations, for the room's posting pace;
//! 2. send;
//! 3. on a 429, wait for the limit that was hit and send again (Chatwork did not act): the
//!    `Retry-After` if sent; else, while the token budget still had requests left
//!    (`x-ratelimit-remaining` > 0), the per-room posting window (10 s); else the token
//!    window's reset, measured on Chatwork's clock (the answer's `Date`);
//! 4. on a transport failure or a 500/502/503/504, back off and send again, but only when
//!    [`may_resend`] allows it, or when the connection could not even be made: a POST that
//!    may have reached Chatwork is never sent twice, and a `list_messages` without `force`
//!    (which hands messages out once) is never asked twice.
//!
//! All waits for limits (the budget's and the 429s') of one request add up to at most
//! [`RetryPolicy::max_rate_limit_wait`]: past it the request is sent (or its 429 returned).

mod decide;

use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use tokio::time::Instant;
use tracing::Instrument as _;

use decide::{Attempts, Limited, Outcome, Step, Why, decide};

use crate::limiter::{LimiterError, PostReservation, PostSlot, ROOM_WINDOW, RateLimiter};
use crate::model::RoomId;
use crate::random::jitter;
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

/// A wait the client is about to make before sending a request (again), as reported to
/// [`ClientBuilder::on_wait`](crate::ClientBuilder::on_wait): what waits, how long, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Wait {
    /// The operation that waits (`post_message`, `raw`, ...).
    pub operation: String,
    /// How long it waits from now.
    pub duration: Duration,
    /// Why.
    pub reason: WaitReason,
}

/// Why a request waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WaitReason {
    /// The token's request budget is spent (as the last answers reported): until its reset.
    TokenBudget,
    /// Posts to this room are paced (Chatwork allows 10 per 10 seconds).
    RoomPace(RoomId),
    /// Chatwork answered 429: the token's budget (`room: false`) or a shorter limit, such as
    /// the room's (`room: true`).
    RateLimited {
        /// The limit was not the token's budget.
        room: bool,
    },
    /// A 5xx answer or a failed connection: backing off before sending again.
    Retry,
}

/// Called with every wait (see [`Wait`]).
#[derive(Clone)]
pub(crate) struct WaitObserver(pub(crate) Arc<dyn Fn(&Wait) + Send + Sync>);

impl std::fmt::Debug for WaitObserver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WaitObserver")
    }
}

/// Rate limiting and retry settings of a client, shared by its clones.
#[derive(Debug, Clone)]
pub struct Inner(Arc<Shared>);

#[derive(Debug)]
struct Shared {
    retry: RetryPolicy,
    limiter: Option<Arc<dyn RateLimiter>>,
    auth: Option<Arc<dyn crate::credentials::Authenticator>>,
    on_wait: Option<WaitObserver>,
}

impl Shared {
    /// Reports a wait to the observer, if there is one.
    fn waiting(&self, operation: &str, duration: Duration, reason: WaitReason) {
        if let Some(WaitObserver(observe)) = &self.on_wait {
            observe(&Wait {
                operation: operation.to_owned(),
                duration,
                reason,
            });
        }
    }
}

impl Inner {
    pub(crate) fn new(
        retry: RetryPolicy,
        limiter: Option<Arc<dyn RateLimiter>>,
        auth: Option<Arc<dyn crate::credentials::Authenticator>>,
        on_wait: Option<WaitObserver>,
    ) -> Self {
        Self(Arc::new(Shared {
            retry,
            limiter,
            auth,
            on_wait,
        }))
    }
}

/// The room of a message post or task creation (`POST .../rooms/{id}/messages|tasks`).
fn posting_room(method: &Method, url: &reqwest::Url) -> Option<RoomId> {
    if method != Method::POST {
        return None;
    }
    match last_three(url)? {
        ["rooms", id, "messages" | "tasks"] => id.parse().ok().map(RoomId),
        _ => None,
    }
}

/// Whether a request may be sent a second time after a failure that leaves unknown whether
/// Chatwork acted on it (a timeout, a dropped connection, a 5xx). The one rule used by every
/// path: generated operations, uploads and raw calls, for retries and for
/// [`Error::is_retryable`](crate::Error::is_retryable).
///
/// - GET, HEAD, PUT and DELETE may be sent again: repeating them changes nothing more;
/// - except `GET /rooms/{id}/messages` without `force=1`: Chatwork hands each message out
///   once per token, so a second call after a lost answer would not return the lost batch;
/// - POST, PATCH and anything else may not: a message, task or room could be created twice.
///
/// A 429 and a connection that was never made are retried whatever this says: Chatwork did
/// not act on them.
pub(crate) fn may_resend(method: &Method, url: &reqwest::Url) -> bool {
    match *method {
        Method::GET => !hands_out_messages(url),
        Method::HEAD | Method::PUT | Method::DELETE => true,
        _ => false,
    }
}

/// `GET .../rooms/{id}/messages` without `force=1`.
fn hands_out_messages(url: &reqwest::Url) -> bool {
    if !matches!(last_three(url), Some(["rooms", _, "messages"])) {
        return false;
    }
    !url.query_pairs().any(|(k, v)| k == "force" && v == "1")
}

/// The last three non-empty segments of the URL's path, without collecting them.
fn last_three(url: &reqwest::Url) -> Option<[&str; 3]> {
    let mut segments = url.path_segments()?.rev().filter(|s| !s.is_empty());
    let (c, b, a) = (segments.next()?, segments.next()?, segments.next()?);
    Some([a, b, c])
}

/// Why [`send`] hands back no answer.
#[derive(Debug)]
pub(crate) enum Stop {
    /// The last attempt failed in transport (after the retries it was allowed).
    Transport(reqwest::Error),
    /// Nothing (more) was sent: the rate limiter's store is unreachable, or no valid token
    /// could be had. The caller gets this error as it is.
    Refused(crate::Error),
}

/// Waits for the token budget and the room's pace. Budget waits count toward the request's
/// `waited`, bounded by the policy's `max_rate_limit_wait`: past it, the request goes anyway.
/// Returns the room slot taken, to be settled when the answer arrives.
async fn pace(
    shared: &Shared,
    operation: &str,
    room: Option<RoomId>,
    waited: &mut Duration,
) -> Result<Option<PostSlot>, LimiterError> {
    let Some(limiter) = &shared.limiter else {
        return Ok(None);
    };
    while let Some(wait) = limiter.reserve().await? {
        let allowance = shared.retry.max_rate_limit_wait.saturating_sub(*waited);
        if allowance.is_zero() {
            tracing::debug!("rate-limit budget spent and the wait bound reached: sending");
            break;
        }
        let wait = wait.min(allowance);
        tracing::debug!(
            wait_ms = wait.as_millis() as u64,
            "rate-limit budget spent: waiting for the reset"
        );
        shared.waiting(operation, wait, WaitReason::TokenBudget);
        tokio::time::sleep(wait).await;
        *waited += wait;
    }
    if let Some(room) = room {
        loop {
            let (wait, slot) = match limiter.reserve_post(room).await? {
                PostReservation::Reserved { wait, slot } => (wait, Some(slot)),
                PostReservation::Retry(wait) => (wait, None),
            };
            if !wait.is_zero() {
                tracing::debug!(
                    room = room.get(),
                    wait_ms = wait.as_millis() as u64,
                    "pacing posts to the room"
                );
                shared.waiting(operation, wait, WaitReason::RoomPace(room));
                tokio::time::sleep(wait).await;
            }
            if let Some(slot) = slot {
                return Ok(Some(slot));
            }
        }
    }
    Ok(None)
}

/// Sends `request` under the client's rate limits and retry policy. `resend`: whether it may
/// be sent again after a failure that leaves unknown whether Chatwork acted on it
/// ([`may_resend`], computed once by the caller).
///
/// This loop carries out steps: it paces, authenticates and sends each attempt, reports the
/// answer's rate-limit headers to the limiter, and asks [`decide`] what to do next.
pub(crate) async fn send(
    http: &reqwest::Client,
    inner: &Inner,
    request: reqwest::Request,
    resend: bool,
    operation: &str,
    path_template: &str,
) -> Result<reqwest::Response, Stop> {
    let shared = &*inner.0;
    let method = request.method().clone();
    let room = posting_room(&method, request.url());
    let facts = decide::Request {
        resend,
        can_retry: true,
        authenticated: shared.auth.is_some(),
        posting: room.is_some(),
        room_window: shared
            .limiter
            .as_ref()
            .map_or(ROOM_WINDOW, |l| l.room_window()),
    };
    // Named as OpenTelemetry's HTTP client spans are (what tracing backends expect), with
    // Chatwork's own fields beside them. At INFO: one span per request, no event of its own;
    // the retries and waits inside it are DEBUG events.
    let span = tracing::info_span!(
        "chatwork.request",
        "http.request.method" = %method,
        "url.template" = path_template,
        "server.address" = request.url().host_str().unwrap_or_default(),
        "http.response.status_code" = tracing::field::Empty,
        "http.request.resend_count" = tracing::field::Empty,
        operation,
        attempt = tracing::field::Empty,
        remaining = tracing::field::Empty,
    );
    // Recorded through this handle rather than `Span::current()`, which depends on the
    // subscriber tracking the current span.
    let recorder = span.clone();
    async move {
        let mut attempts = Attempts::default();
        let mut attempt = 0u32;
        let mut pending = Some(request);
        loop {
            attempt += 1;
            recorder.record("attempt", attempt);
            if attempt > 1 {
                recorder.record("http.request.resend_count", attempt - 1);
            }
            // Set to fail when its store is unreachable: nothing is sent.
            let slot = pace(shared, operation, room, &mut attempts.rate_limit_waited)
                .await
                .map_err(|e| Stop::Refused(crate::Error::RateLimiter(Box::new(e))))?;
            let mut original = pending.take().expect("a request is pending");
            let sent_auth = match &shared.auth {
                None => None,
                // No valid token: nothing is sent; the caller gets this error.
                Some(auth) => {
                    let value = auth.authorization().await.map_err(Stop::Refused)?;
                    original
                        .headers_mut()
                        .insert(reqwest::header::AUTHORIZATION, value.clone());
                    Some(value)
                }
            };
            // Keep a copy for a retry; a streaming body cannot be copied and is sent once.
            let copy = original.try_clone();
            let sent_at = Instant::now();
            let result = http.execute(original).await;
            if let (Some(limiter), Some(room), Some(slot)) = (&shared.limiter, room, slot) {
                limiter.settle_post(room, slot).await;
            }
            let facts = decide::Request {
                can_retry: copy.is_some(),
                ..facts
            };
            pending = copy;
            let outcome = match &result {
                Ok(response) => {
                    let span = &recorder;
                    span.record("http.response.status_code", response.status().as_u16());
                    if let Some(rl) = RateLimit::from_headers(response.headers()) {
                        span.record("remaining", rl.remaining);
                        if let Some(limiter) = &shared.limiter {
                            limiter.observe(rl).await;
                        }
                    }
                    Outcome::Answered {
                        status: response.status().as_u16(),
                        headers: response.headers(),
                    }
                }
                Err(error) => Outcome::Failed {
                    connect: error.is_connect(),
                },
            };
            let decision = decide(&mut attempts, &facts, outcome, &shared.retry, jitter);
            if let (Some(wait), Some(limiter), Some(room)) =
                (decision.hold_room, &shared.limiter, room)
            {
                limiter.hold_room(room, wait).await;
            }
            match decision.step {
                Step::Return => {
                    if matches!(outcome, Outcome::Failed { connect: false }) && !resend {
                        tracing::debug!(
                            "transport error after a request that may not be sent twice: not retried"
                        );
                    }
                    return result.map_err(Stop::Transport);
                }
                Step::Refresh => {
                    let (Some(auth), Some(sent)) = (&shared.auth, &sent_auth) else {
                        return result.map_err(Stop::Transport);
                    };
                    // The refresh failed: its error says more than the 401.
                    auth.rejected(sent, sent_at).await.map_err(Stop::Refused)?;
                    tracing::debug!("401 invalid_token: refreshed, sending again");
                }
                Step::Retry { wait, why } => {
                    tracing::debug!(wait_ms = wait.as_millis() as u64, ?why, "retrying");
                    let reason = match why {
                        Why::RateLimited(Limited::Token(_)) => {
                            WaitReason::RateLimited { room: false }
                        }
                        Why::RateLimited(_) => WaitReason::RateLimited { room: true },
                        Why::ServerError(_) | Why::Transport { .. } => WaitReason::Retry,
                    };
                    shared.waiting(operation, wait, reason);
                    tokio::time::sleep(wait).await;
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
            Some(RoomId(42))
        );
        assert_eq!(
            posting_room(&Method::POST, &url("/rooms/42/tasks")),
            Some(RoomId(42))
        );
        assert_eq!(posting_room(&Method::GET, &url("/rooms/42/messages")), None);
        assert_eq!(
            posting_room(&Method::PUT, &url("/rooms/42/messages/read")),
            None
        );
        assert_eq!(posting_room(&Method::POST, &url("/rooms/42/files")), None);
        assert_eq!(posting_room(&Method::POST, &url("/rooms")), None);
        assert_eq!(posting_room(&Method::POST, &url("/42/messages")), None);
        assert_eq!(posting_room(&Method::POST, &url("/messages")), None);
        assert_eq!(
            posting_room(&Method::POST, &url("/rooms/42/messages/")),
            Some(RoomId(42))
        );
    }

    #[test]
    fn one_rule_for_sending_again() {
        let url =
            |p: &str| reqwest::Url::parse(&format!("https://api.chatwork.com/v2{p}")).unwrap();
        assert!(may_resend(&Method::GET, &url("/rooms/1/messages?force=1")));
        assert!(!may_resend(&Method::GET, &url("/rooms/1/messages")));
        assert!(!may_resend(&Method::GET, &url("/rooms/1/messages?force=0")));
        assert!(may_resend(&Method::GET, &url("/rooms/1/messages/123")));
        assert!(may_resend(&Method::GET, &url("/rooms")));
        assert!(may_resend(&Method::PUT, &url("/rooms/1/messages/read")));
        assert!(may_resend(&Method::DELETE, &url("/rooms/1")));
        assert!(!may_resend(&Method::POST, &url("/rooms/1/messages")));
        assert!(!may_resend(&Method::PATCH, &url("/rooms/1")));
    }
}
