//! Chatwork's limits as every clone of a client sees them: the [`RateLimiter`] trait and
//! its types. [`LocalLimiter`] (this process) and `RedisLimiter` (every process that shares a
//! Redis, the `redis` feature) implement it.

use std::fmt;
use std::time::Duration;

use crate::model::RoomId;
use crate::response::RateLimit;

mod local;

pub use local::LocalLimiter;

/// Chatwork's per-room posting window.
pub(crate) const ROOM_WINDOW: Duration = Duration::from_secs(10);

/// Chatwork's reset is in whole seconds: wait one more to be past it.
pub(crate) const RESET_MARGIN: Duration = Duration::from_secs(1);

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
