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

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{Method, StatusCode};
use tokio::time::Instant;
use tracing::Instrument as _;

use crate::model::RoomId;
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

/// A boxed future returned by [`RateLimiter`] methods.
pub type LimiterFuture<'a, T> = futures_util::future::BoxFuture<'a, T>;

/// A slot reserved for one post in a room's window, handed back to
/// [`RateLimiter::settle_post`] when the post's answer arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PostSlot(pub(crate) u64);

impl PostSlot {
    /// A slot with this ID (for limiters of your own).
    pub const fn new(id: u64) -> Self {
        Self(id)
    }

    /// The slot's ID.
    pub const fn get(self) -> u64 {
        self.0
    }
}

/// The answer of [`RateLimiter::reserve_post`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostReservation {
    /// A slot is reserved: send after `wait`, then settle the slot.
    Reserved {
        /// How long to wait before sending.
        wait: Duration,
        /// The slot, for [`RateLimiter::settle_post`].
        slot: PostSlot,
    },
    /// The room's window is full: ask again after this long.
    Retry(Duration),
}

/// A shared rate limiter could not be asked (its store is unreachable) and is set to fail
/// rather than fall back: the request was not sent.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the shared rate limiter is unavailable: {message}")]
pub struct LimiterError {
    message: String,
}

impl LimiterError {
    /// An error with this explanation.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// Chatwork's limits as seen by every clone of a client: the token's request budget (300
/// per 5 minutes) and the posting window of each room (10 message posts or task creations
/// per 10 seconds).
///
/// The default, [`LocalLimiter`], lives in this process. Chatwork counts per token across
/// every process that uses it; to share the limits between processes or machines, use
/// `RedisLimiter` (the `redis` feature) or implement this trait over another store. The
/// methods are async so that a networked store never blocks the runtime.
pub trait RateLimiter: Send + Sync + fmt::Debug {
    /// Called before each request. `None`: send now (the request is counted). `Some(d)`:
    /// wait `d`, then ask again.
    fn reserve(&self) -> LimiterFuture<'_, Result<Option<Duration>, LimiterError>>;

    /// Called with the `x-ratelimit-*` headers of every answer, 429s included.
    fn observe(&self, snapshot: RateLimit) -> LimiterFuture<'_, ()>;

    /// Called before a message post or task creation in `room`: reserves a posting slot
    /// (possibly in the future), or says when to ask again.
    fn reserve_post(
        &self,
        room: RoomId,
    ) -> LimiterFuture<'_, Result<PostReservation, LimiterError>>;

    /// Called when the post's answer arrives: the slot counts from now, not from when it was
    /// sent (Chatwork stamps a post when it arrives).
    fn settle_post(&self, room: RoomId, slot: PostSlot) -> LimiterFuture<'_, ()>;

    /// Called after a room-level 429: holds the room's next posts until `wait` from now.
    fn hold_room(&self, room: RoomId, wait: Duration) -> LimiterFuture<'_, ()>;

    /// The posting window of a room (Chatwork's: 10 seconds).
    fn room_window(&self) -> Duration {
        ROOM_WINDOW
    }
}

/// The in-process [`RateLimiter`]: it counts requests down from the last `remaining` that
/// Chatwork reported and, at zero, holds requests until the reset time; and it spaces posts
/// so that at most 10 (by default) go to one room in any 10 seconds.
#[derive(Debug)]
pub struct LocalLimiter {
    window: TokenWindow,
    rooms: Option<RoomPacer>,
}

impl Default for LocalLimiter {
    fn default() -> Self {
        Self::new()
    }
}

impl LocalLimiter {
    /// Chatwork's limits: the token budget from the answers' headers, 10 posts per 10
    /// seconds per room.
    pub fn new() -> Self {
        Self {
            window: TokenWindow::default(),
            rooms: Some(RoomPacer::new(10, ROOM_WINDOW)),
        }
    }

    /// At most `max` posts to one room in any `per` window.
    pub fn with_room_post_limit(mut self, max: usize, per: Duration) -> Self {
        self.rooms = Some(RoomPacer::new(max, per));
        self
    }

    /// The token budget only; posts are not spaced.
    pub fn without_room_pacing(mut self) -> Self {
        self.rooms = None;
        self
    }
}

impl RateLimiter for LocalLimiter {
    fn reserve(&self) -> LimiterFuture<'_, Result<Option<Duration>, LimiterError>> {
        Box::pin(std::future::ready(Ok(self.window.reserve())))
    }

    fn observe(&self, snapshot: RateLimit) -> LimiterFuture<'_, ()> {
        self.window.observe(snapshot);
        Box::pin(std::future::ready(()))
    }

    fn reserve_post(
        &self,
        room: RoomId,
    ) -> LimiterFuture<'_, Result<PostReservation, LimiterError>> {
        let reservation = match &self.rooms {
            Some(p) => p.reserve_slot(room.get()),
            None => PostReservation::Reserved {
                wait: Duration::ZERO,
                slot: PostSlot(0),
            },
        };
        Box::pin(std::future::ready(Ok(reservation)))
    }

    fn settle_post(&self, room: RoomId, slot: PostSlot) -> LimiterFuture<'_, ()> {
        if let Some(p) = &self.rooms {
            p.settle(room.get(), slot);
        }
        Box::pin(std::future::ready(()))
    }

    fn hold_room(&self, room: RoomId, wait: Duration) -> LimiterFuture<'_, ()> {
        if let Some(p) = &self.rooms {
            p.hold(room.get(), wait);
        }
        Box::pin(std::future::ready(()))
    }

    fn room_window(&self) -> Duration {
        self.rooms.as_ref().map_or(ROOM_WINDOW, |p| p.per)
    }
}

/// The token's budget as last reported: counts down, and at zero holds until the reset.
#[derive(Debug, Default)]
struct TokenWindow {
    window: Mutex<Option<Window>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    reset: u64,
    remaining: u32,
    deadline: Instant,
}

/// Chatwork's reset is in whole seconds: wait one more to be past it.
pub(crate) const RESET_MARGIN: Duration = Duration::from_secs(1);

impl TokenWindow {
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
        // Chatwork's reset, on Chatwork's clock: how far it is from the answer's own time.
        let deadline = Instant::now() + snapshot.reset_in() + RESET_MARGIN;
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
///
/// Each room keeps the slots of its window: past and in-flight posts, and posts waiting for
/// a later slot. A slot's time is an estimate of when Chatwork stamps the post until its
/// answer arrives ([`settle`](Self::settle)); a later slot is never computed from an
/// estimate, so a post that took long to arrive cannot let the next one in too early.
#[derive(Debug)]
struct RoomPacer {
    max: usize,
    per: Duration,
    rooms: Mutex<Rooms>,
}

/// One post's place in a room's window.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// When it counts from: the planned send until settled, then the answer's arrival.
    at: Instant,
    id: u64,
    /// Whether `at` is final (the answer arrived, or the slot stands for a 429's hold).
    settled: bool,
}

#[derive(Debug, Default)]
struct Rooms {
    /// Per room, the slots that may still be in the window, in no particular order.
    sent: HashMap<i64, Vec<Slot>>,
    /// The last slot ID handed out.
    next_id: u64,
    /// Past this many rooms, rooms with no post in the window are forgotten.
    prune_at: usize,
}

/// Rooms kept before the first sweep of idle ones.
const MIN_PRUNE_AT: usize = 64;

impl RoomPacer {
    fn new(max: usize, per: Duration) -> Self {
        Self {
            max: max.max(1),
            per,
            rooms: Mutex::default(),
        }
    }

    /// The wait of the next reservation for `room`, whether a slot or "ask again".
    #[cfg(test)]
    fn reserve(&self, room: i64) -> Duration {
        match self.reserve_slot(room) {
            PostReservation::Reserved { wait, .. } | PostReservation::Retry(wait) => wait,
        }
    }

    /// After the post's answer: its slot counts from now, not from when it was sent.
    /// Chatwork stamps a post when it arrives; counting the window from the answer keeps the
    /// next post out of the window however long the request took. A slot that left the
    /// window while its post was in flight is put back.
    fn settle(&self, room: i64, reserved: PostSlot) {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let slots = rooms.sent.entry(room).or_default();
        match slots.iter_mut().find(|s| s.id == reserved.0) {
            Some(slot) => {
                slot.at = slot.at.max(now);
                slot.settled = true;
            }
            None => slots.push(Slot {
                at: now,
                id: reserved.0,
                settled: true,
            }),
        }
    }

    /// Reserves a slot now or later, or says when to ask again (when the slot that decides
    /// the wait is still an estimate).
    fn reserve_slot(&self, room: i64) -> PostReservation {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let (per, max) = (self.per, self.max);
        rooms.next_id += 1;
        let id = rooms.next_id;
        let slots = rooms.sent.entry(room).or_default();
        slots.retain(|s| s.at + per > now);
        let at = if slots.len() < max {
            now
        } else {
            // The new slot may go once all but `max - 1` slots have left the window: when
            // the `max`-th latest one does.
            slots.sort_unstable_by_key(|s| s.at);
            let decisive = slots[slots.len() - max];
            if !decisive.settled {
                let wait = decisive.at + per - now;
                rooms.prune(now, per);
                return PostReservation::Retry(wait);
            }
            decisive.at + per
        };
        slots.push(Slot {
            at,
            id,
            settled: false,
        });
        rooms.prune(now, per);
        PostReservation::Reserved {
            wait: at - now,
            slot: PostSlot(id),
        }
    }

    /// After a room-level 429: holds the room's next post until `wait` from now.
    fn hold(&self, room: i64, wait: Duration) {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        // Slots taken at `free - per` all become free at `free`.
        let free = now + wait;
        let taken = free.checked_sub(self.per).unwrap_or(now);
        let slots = rooms.sent.entry(room).or_default();
        // Posts still in flight or waiting keep their slots, to be settled as usual.
        slots.retain(|s| !s.settled);
        slots.extend(std::iter::repeat_n(
            Slot {
                at: taken,
                id: 0,
                settled: true,
            },
            self.max,
        ));
        rooms.prune(now, self.per);
    }
}

impl Rooms {
    /// Forgets rooms whose last post left the window, when the map has doubled since the
    /// last sweep: memory stays proportional to the rooms posted to in one window, at an
    /// amortized constant cost per post.
    fn prune(&mut self, now: Instant, per: Duration) {
        if self.sent.len() <= self.prune_at.max(MIN_PRUNE_AT) {
            return;
        }
        self.sent
            .retain(|_, slots| slots.iter().any(|s| s.at + per > now));
        self.prune_at = self.sent.len() * 2;
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
}

impl Inner {
    pub(crate) fn new(
        retry: RetryPolicy,
        limiter: Option<Arc<dyn RateLimiter>>,
        auth: Option<Arc<dyn crate::credentials::Authenticator>>,
    ) -> Self {
        Self(Arc::new(Shared {
            retry,
            limiter,
            auth,
        }))
    }
}

/// The room of a message post or task creation (`POST .../rooms/{id}/messages|tasks`).
fn posting_room(method: &Method, url: &reqwest::Url) -> Option<RoomId> {
    if method != Method::POST {
        return None;
    }
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [.., "rooms", id, "messages" | "tasks"] => id.parse().ok().map(RoomId),
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
    let Some(segments) = url.path_segments() else {
        return false;
    };
    let segments: Vec<&str> = segments.filter(|s| !s.is_empty()).collect();
    if !matches!(segments.as_slice(), [.., "rooms", _, "messages"]) {
        return false;
    }
    !url.query_pairs().any(|(k, v)| k == "force" && v == "1")
}

pub(crate) use crate::random::jitter;

fn backoff(policy: &RetryPolicy, retry: u32) -> Duration {
    let exp = policy.initial_backoff.saturating_mul(1u32 << retry.min(16));
    // Full jitter: anywhere up to the exponential step, never more than the cap.
    jitter(exp.min(policy.max_backoff))
}

/// Which limit a 429 reports, and how long it asks us to wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Limited {
    /// `Retry-After` said how long.
    RetryAfter(Duration),
    /// The token still had requests left: a per-room (or other short) limit.
    Room(Duration),
    /// The token's budget is spent: until its reset.
    Token(Duration),
}

impl Limited {
    fn wait(self) -> Duration {
        match self {
            Limited::RetryAfter(d) | Limited::Room(d) | Limited::Token(d) => d,
        }
    }
}

/// How long a 429 asks us to wait. `room_window` is the per-room posting window.
fn rate_limit_wait(headers: &reqwest::header::HeaderMap, room_window: Duration) -> Limited {
    if let Some(wait) = crate::response::retry_after(headers) {
        return Limited::RetryAfter(wait);
    }
    match RateLimit::from_headers(headers) {
        Some(rl) if rl.remaining > 0 => Limited::Room(room_window),
        Some(rl) => Limited::Token(rl.reset_in() + RESET_MARGIN),
        // No hint at all: Chatwork's shortest window is the per-room 10 seconds.
        None => Limited::Room(room_window),
    }
}

/// Whether a 401 says the access token is invalid or expired (`WWW-Authenticate: Bearer
/// error="invalid_token"`), read with the crate's `WWW-Authenticate` parser.
fn invalid_token(headers: &reqwest::header::HeaderMap) -> bool {
    headers
        .get_all(reqwest::header::WWW_AUTHENTICATE)
        .iter()
        .map(|v| crate::error::WwwAuthenticate::parse(&String::from_utf8_lossy(v.as_bytes())))
        .any(|c| {
            c.scheme.eq_ignore_ascii_case("bearer") && c.error.as_deref() == Some("invalid_token")
        })
}

/// A local 401 standing for "no valid token": never sent by Chatwork, replaced by the
/// recorded error before the caller sees it.
fn unauthorized() -> reqwest::Response {
    let mut response = http::Response::new(Vec::<u8>::new());
    *response.status_mut() = StatusCode::UNAUTHORIZED;
    reqwest::Response::from(response)
}

/// Chatwork's per-room posting window.
const ROOM_WINDOW: Duration = Duration::from_secs(10);

/// Waits for the token budget and the room's pace. Budget waits count toward the request's
/// `waited`, bounded by the policy's `max_rate_limit_wait`: past it, the request goes anyway.
/// Returns the room slot taken, to be settled when the answer arrives.
async fn pace(
    shared: &Shared,
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
                tokio::time::sleep(wait).await;
            }
            if let Some(slot) = slot {
                return Ok(Some(slot));
            }
        }
    }
    Ok(None)
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
    let resend = may_resend(&method, request.url());
    let room = posting_room(&method, request.url());
    let room_window = shared
        .limiter
        .as_ref()
        .map_or(ROOM_WINDOW, |l| l.room_window());
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
        let mut auth_retried = false;
        let mut pending = Some(request);
        loop {
            attempt += 1;
            tracing::Span::current().record("attempt", attempt);
            let slot = match pace(shared, room, &mut rate_limit_waited).await {
                Ok(slot) => slot,
                Err(e) => {
                    // Set to fail when its store is unreachable: nothing is sent.
                    crate::transport::record_auth_failure(crate::Error::RateLimiter(Box::new(e)));
                    return Ok(unauthorized());
                }
            };
            let mut original = pending.take().expect("a request is pending");
            let sent_auth = match &shared.auth {
                None => None,
                Some(auth) => match auth.authorization().await {
                    Ok(value) => {
                        original
                            .headers_mut()
                            .insert(reqwest::header::AUTHORIZATION, value.clone());
                        Some(value)
                    }
                    Err(e) => {
                        // No valid token: nothing is sent; the caller gets this error.
                        crate::transport::record_auth_failure(e);
                        return Ok(unauthorized());
                    }
                },
            };
            // Keep a copy for a retry; a streaming body cannot be copied and is sent once.
            let copy = original.try_clone();
            let sent_at = Instant::now();
            let result = http.execute(original).await;
            if let (Some(limiter), Some(room), Some(slot)) = (&shared.limiter, room, slot) {
                limiter.settle_post(room, slot).await;
            }
            let can_retry = copy.is_some();
            pending = copy;
            match result {
                Ok(response) => {
                    let status = response.status();
                    let span = tracing::Span::current();
                    span.record("status", status.as_u16());
                    if let Some(rl) = RateLimit::from_headers(response.headers()) {
                        span.record("remaining", rl.remaining);
                        if let Some(limiter) = &shared.limiter {
                            limiter.observe(rl).await;
                        }
                    }
                    if let (Some(auth), Some(sent)) = (&shared.auth, &sent_auth)
                        && status == StatusCode::UNAUTHORIZED
                        && invalid_token(response.headers())
                        && can_retry
                        && !auth_retried
                    {
                        // Chatwork did not act on a 401: refresh once, then send again.
                        auth_retried = true;
                        match auth.rejected(sent, sent_at).await {
                            Ok(()) => {
                                tracing::debug!("401 invalid_token: refreshed, sending again");
                                continue;
                            }
                            Err(e) => {
                                crate::transport::record_auth_failure(e);
                                return Ok(response);
                            }
                        }
                    }
                    if status == StatusCode::TOO_MANY_REQUESTS && can_retry {
                        let limited = rate_limit_wait(response.headers(), room_window);
                        let wait = limited.wait();
                        if let (Limited::Room(_) | Limited::RetryAfter(_), Some(limiter), Some(room)) =
                            (limited, &shared.limiter, room)
                        {
                            // Other posts to this room wait too, rather than meet the same 429.
                            limiter.hold_room(room, wait).await;
                        }
                        if rate_limit_retries < shared.retry.max_rate_limit_retries
                            && rate_limit_waited + wait <= shared.retry.max_rate_limit_wait
                        {
                            rate_limit_retries += 1;
                            rate_limit_waited += wait;
                            tracing::debug!(
                                wait_ms = wait.as_millis() as u64,
                                limit = ?limited,
                                "429: waiting, then retrying"
                            );
                            tokio::time::sleep(wait).await;
                            continue;
                        }
                        tracing::debug!("429: retry bound reached, giving up");
                    }
                    let transient = matches!(status.as_u16(), 500 | 502 | 503 | 504);
                    if transient && resend && can_retry && retries < shared.retry.max_retries {
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
                    if (resend || unsent) && can_retry && retries < shared.retry.max_retries {
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
                    if !resend && !unsent {
                        tracing::debug!(
                            "transport error after a request that may not be sent twice: not retried"
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
    use std::time::{SystemTime, UNIX_EPOCH};

    fn unix_now() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }

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
        let b = TokenWindow::default();
        assert_eq!(b.reserve(), None, "unknown budget: go");
        b.observe(RateLimit::new(300, 2, unix_now() + 60));
        assert_eq!(b.reserve(), None);
        assert_eq!(b.reserve(), None);
        let wait = b.reserve().expect("spent");
        assert!(
            wait >= Duration::from_secs(60) && wait <= Duration::from_secs(62),
            "{wait:?}"
        );
        // An older window does not undo the newer one; the same window only counts down.
        b.observe(RateLimit::new(300, 50, unix_now() + 60));
        assert!(b.reserve().is_some());
        tokio::time::advance(wait).await;
        assert_eq!(b.reserve(), None, "past the reset: go");
    }

    #[tokio::test(start_paused = true)]
    async fn local_budget_ignores_an_older_window_and_takes_a_newer_one() {
        let b = TokenWindow::default();
        b.observe(RateLimit::new(300, 0, unix_now() + 60));
        assert!(b.reserve().is_some());
        // An answer of an older window (reset sooner) changes nothing.
        b.observe(RateLimit::new(300, 100, unix_now() + 30));
        assert!(b.reserve().is_some(), "an older window was taken");
        // A newer window (reset later) starts over.
        b.observe(RateLimit::new(300, 1, unix_now() + 120));
        assert_eq!(b.reserve(), None);
        let wait = b.reserve().expect("spent again");
        assert!(wait > Duration::from_secs(115), "{wait:?}");
    }

    #[test]
    fn backoff_waits_a_real_share_of_its_step() {
        // Full jitter: uniform below the step. Zero (or a constant) would hammer Chatwork.
        let p = RetryPolicy::default();
        for retry in 0..4 {
            let step = p
                .initial_backoff
                .saturating_mul(1 << retry)
                .min(p.max_backoff);
            let samples: Vec<Duration> = (0..400).map(|_| backoff(&p, retry)).collect();
            let mean = samples.iter().sum::<Duration>() / 400;
            assert!(
                mean > step / 4 && mean < step * 3 / 4,
                "retry {retry}: mean {mean:?} for a step of {step:?}"
            );
            let distinct: std::collections::HashSet<_> = samples.iter().collect();
            assert!(distinct.len() > 300, "the waits are jittered");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn room_pacer_allows_ten_per_ten_seconds_per_room() {
        let p = RoomPacer::new(10, Duration::from_secs(10));
        let mut slots = Vec::new();
        for _ in 0..10 {
            let PostReservation::Reserved { wait, slot } = p.reserve_slot(1) else {
                panic!("a free slot")
            };
            assert_eq!(wait, Duration::ZERO);
            slots.push(slot);
        }
        // The posts are in flight: their stamps are not known yet, so ask again later
        // rather than plan a slot on a guess.
        assert_eq!(
            p.reserve_slot(1),
            PostReservation::Retry(Duration::from_secs(10))
        );
        assert_eq!(p.reserve(2), Duration::ZERO, "other rooms are not held up");
        tokio::time::advance(Duration::from_secs(1)).await;
        for slot in slots {
            p.settle(1, slot);
        }
        // Answered: the window counts from the answers, and later slots are reserved, not
        // just counted.
        for _ in 0..10 {
            assert!(matches!(
                p.reserve_slot(1),
                PostReservation::Reserved { wait, .. } if wait == Duration::from_secs(10)
            ));
        }
        // The next ten depend on those planned ones, which are estimates until answered.
        assert_eq!(
            p.reserve_slot(1),
            PostReservation::Retry(Duration::from_secs(20))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_planned_slot_is_never_dropped_from_the_count() {
        // Two per 10 s. A post planned for later must still count when an earlier one is
        // reserved next to it: the window never holds three.
        let p = RoomPacer::new(2, Duration::from_secs(10));
        let settle_now = |p: &RoomPacer| {
            let PostReservation::Reserved { wait, slot } = p.reserve_slot(9) else {
                panic!("a slot")
            };
            (wait, slot)
        };
        let (_, a) = settle_now(&p);
        p.settle(9, a);
        tokio::time::advance(Duration::from_secs(4)).await;
        let (_, b) = settle_now(&p);
        p.settle(9, b);
        // Full: the third is planned at a + 10 s (6 s from now).
        let (wait, c) = settle_now(&p);
        assert_eq!(wait, Duration::from_secs(6));
        // At 10 s, `a` leaves; `b` (at 4 s) and the planned `c` (at 10 s) remain: full, and
        // the slot deciding the wait is `b`, settled, so the fourth goes at 14 s.
        tokio::time::advance(Duration::from_secs(6)).await;
        assert_eq!(p.reserve(9), Duration::from_secs(4));
        // `c` is sent and answered 2 s late; the next plan waits for it instead of guessing.
        tokio::time::advance(Duration::from_secs(2)).await;
        p.settle(9, c);
        let rooms = p.rooms.lock().unwrap();
        let times: Vec<bool> = rooms.sent[&9].iter().map(|s| s.settled).collect();
        assert_eq!(
            times.len(),
            3,
            "b, c and the fourth are all counted: {times:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn local_budget_measures_the_reset_on_chatworks_clock() {
        let b = TokenWindow::default();
        // Chatwork's clock is 10 minutes behind ours: its reset is 60 s after its own time.
        let server = unix_now() - 600;
        b.observe(RateLimit::new(300, 0, server + 60).with_server_time(server));
        let wait = b.reserve().expect("spent");
        assert_eq!(wait, Duration::from_secs(61), "60 s and the margin");
        // And 10 minutes ahead.
        let b = TokenWindow::default();
        let server = unix_now() + 600;
        b.observe(RateLimit::new(300, 0, server + 60).with_server_time(server));
        assert_eq!(b.reserve(), Some(Duration::from_secs(61)));
    }

    #[test]
    fn a_429_waits_for_the_limit_it_reports() {
        use reqwest::header::{HeaderMap, HeaderValue};
        let headers = |pairs: &[(&'static str, String)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(*k, HeaderValue::from_str(v).unwrap());
            }
            h
        };
        let room = Duration::from_secs(10);
        let date = |t: u64| httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(t));
        let t = 1_800_000_000;
        // Budget left: the room's window, not the token reset 280 s away.
        let h = headers(&[
            ("x-ratelimit-limit", "300".into()),
            ("x-ratelimit-remaining", "120".into()),
            ("x-ratelimit-reset", (t + 280).to_string()),
            ("date", date(t)),
        ]);
        assert_eq!(rate_limit_wait(&h, room), Limited::Room(room));
        // Budget spent: until the reset, on Chatwork's clock (here years away from ours).
        let h = headers(&[
            ("x-ratelimit-limit", "300".into()),
            ("x-ratelimit-remaining", "0".into()),
            ("x-ratelimit-reset", (t + 42).to_string()),
            ("date", date(t)),
        ]);
        assert_eq!(
            rate_limit_wait(&h, room),
            Limited::Token(Duration::from_secs(43))
        );
        // Retry-After wins, in seconds or as a date on Chatwork's clock.
        let h = headers(&[("retry-after", "7".into())]);
        assert_eq!(
            rate_limit_wait(&h, room),
            Limited::RetryAfter(Duration::from_secs(7))
        );
        let h = headers(&[("retry-after", date(t + 5)), ("date", date(t))]);
        assert_eq!(
            rate_limit_wait(&h, room),
            Limited::RetryAfter(Duration::from_secs(5))
        );
        assert_eq!(
            rate_limit_wait(&HeaderMap::new(), room),
            Limited::Room(room)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn the_room_map_forgets_rooms_idle_for_a_window() {
        let p = RoomPacer::new(10, Duration::from_secs(10));
        for room in 0..100_000 {
            p.reserve(room);
            if room % 1000 == 999 {
                tokio::time::advance(Duration::from_secs(11)).await;
            }
        }
        let rooms = p.rooms.lock().unwrap().sent.len();
        assert!(rooms <= 2_000 + MIN_PRUNE_AT, "{rooms} rooms kept");
        // A room still in its window is never forgotten.
        let p = RoomPacer::new(2, Duration::from_secs(10));
        p.reserve(-1);
        p.reserve(-1);
        for room in 0..10_000 {
            p.reserve(room);
        }
        assert_eq!(p.reserve(-1), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn a_slot_counts_from_the_answer_not_from_the_send() {
        let p = RoomPacer::new(1, Duration::from_secs(10));
        let PostReservation::Reserved { wait, slot } = p.reserve_slot(7) else {
            panic!("a free slot")
        };
        assert_eq!(wait, Duration::ZERO);
        // The post took 3 s to be answered: Chatwork stamped it somewhere in between.
        tokio::time::advance(Duration::from_secs(3)).await;
        p.settle(7, slot);
        assert_eq!(p.reserve(7), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn the_local_limiter_settings_and_the_public_helpers_do_what_they_say() {
        assert_eq!(PostSlot::new(7).get(), 7);
        let e = LimiterError::new("redis is down");
        assert_eq!(e.message(), "redis is down");
        assert_eq!(
            e.to_string(),
            "the shared rate limiter is unavailable: redis is down"
        );
        let waits = |l: &LocalLimiter, n: usize| {
            (0..n)
                .map(|_| match l.rooms.as_ref() {
                    Some(p) => match p.reserve_slot(1) {
                        PostReservation::Reserved { wait, slot } => {
                            p.settle(1, slot);
                            wait
                        }
                        PostReservation::Retry(wait) => wait,
                    },
                    None => Duration::ZERO,
                })
                .collect::<Vec<_>>()
        };
        let l = LocalLimiter::new().with_room_post_limit(2, Duration::from_secs(5));
        assert_eq!(l.room_window(), Duration::from_secs(5));
        let s = Duration::from_secs;
        assert_eq!(waits(&l, 4), [s(0), s(0), s(5), s(5)]);
        let l = LocalLimiter::new().without_room_pacing();
        assert!(l.rooms.is_none());
        assert_eq!(
            futures_util::FutureExt::now_or_never(l.reserve_post(RoomId(1))).map(|r| r.unwrap()),
            Some(PostReservation::Reserved {
                wait: Duration::ZERO,
                slot: PostSlot(0)
            })
        );
        assert_eq!(LocalLimiter::new().room_window(), ROOM_WINDOW);
        // A limiter of one's own that does not say its window gets Chatwork's.
        #[derive(Debug)]
        struct Own;
        impl RateLimiter for Own {
            fn reserve(&self) -> LimiterFuture<'_, Result<Option<Duration>, LimiterError>> {
                Box::pin(std::future::ready(Ok(None)))
            }
            fn observe(&self, _: RateLimit) -> LimiterFuture<'_, ()> {
                Box::pin(std::future::ready(()))
            }
            fn reserve_post(
                &self,
                _: RoomId,
            ) -> LimiterFuture<'_, Result<PostReservation, LimiterError>> {
                Box::pin(std::future::ready(Ok(PostReservation::Retry(
                    Duration::ZERO,
                ))))
            }
            fn settle_post(&self, _: RoomId, _: PostSlot) -> LimiterFuture<'_, ()> {
                Box::pin(std::future::ready(()))
            }
            fn hold_room(&self, _: RoomId, _: Duration) -> LimiterFuture<'_, ()> {
                Box::pin(std::future::ready(()))
            }
        }
        assert_eq!(Own.room_window(), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn hold_keeps_posts_in_flight_in_the_count() {
        // One post per 10 s. A post is in flight when another post meets a 429: the hold
        // must not forget it, since it may still land in the window.
        let p = RoomPacer::new(1, Duration::from_secs(10));
        let PostReservation::Reserved { slot, .. } = p.reserve_slot(3) else {
            panic!("a free slot")
        };
        p.hold(3, Duration::from_secs(2));
        assert_eq!(
            p.reserve_slot(3),
            PostReservation::Retry(Duration::from_secs(10)),
            "the post in flight decides, not the 2 s hold"
        );
        // Answered 1 s later: the window counts from then.
        tokio::time::advance(Duration::from_secs(1)).await;
        p.settle(3, slot);
        assert_eq!(p.reserve(3), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn hold_makes_the_room_wait() {
        let p = RoomPacer::new(10, Duration::from_secs(10));
        p.hold(5, Duration::from_secs(7));
        assert_eq!(p.reserve(5), Duration::from_secs(7));
        assert_eq!(p.reserve(6), Duration::ZERO);
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
