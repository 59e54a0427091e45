//! [`RedisLimiter`]: Chatwork's limits shared by every process that uses a token.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::redis_conn::RedisConnection;

use crate::limiter::{
    LimiterError, LimiterFuture, LocalLimiter, PostReservation, PostSlot, RESET_MARGIN, RateLimiter,
};
use crate::model::RoomId;
use crate::random::jitter;
use crate::response::RateLimit;

/// What a [`RedisLimiter`] does while Redis cannot be reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RedisFallback {
    /// Count in this process (a [`LocalLimiter`]) and log a warning: requests go on, and
    /// several processes may together overrun the limits until Redis is back. The default.
    Local,
    /// Fail each request with [`Error::RateLimiter`](crate::Error::RateLimiter), unsent.
    Fail,
}

/// Token budget: `-1` to send now (counted), else the milliseconds to wait. ARGV = how long
/// a window not yet reported may live (ms).
///
/// The hash holds the window's `reset`, the `remaining` requests it may still send, and how
/// many requests are `inflight` (sent, no answer yet), across every process. Before the first
/// answer of a window nothing is known: requests go, and are counted in flight.
const RESERVE: &str = r"
local k = KEYS[1]
if redis.call('EXISTS', k) == 0 then
  redis.call('HSET', k, 'inflight', 1)
  redis.call('PEXPIRE', k, tonumber(ARGV[1]))
  return -1
end
local remaining = redis.call('HGET', k, 'remaining')
if not remaining then
  redis.call('HINCRBY', k, 'inflight', 1)
  return -1
end
remaining = tonumber(remaining)
if remaining > 0 then
  redis.call('HSET', k, 'remaining', remaining - 1)
  redis.call('HINCRBY', k, 'inflight', 1)
  return -1
end
local ttl = redis.call('PTTL', k)
if ttl <= 0 then
  redis.call('DEL', k)
  return -1
end
return ttl
";

/// Learns from an answer: ARGV = reset, remaining, milliseconds until the reset (with the
/// margin).
///
/// Answers arrive out of order, so one answer's `remaining` may be stale. The lowest
/// `remaining` reported in the window marks the latest request the server is known to have
/// handled; every request it handles after that one is still counted in flight (an answered
/// request reported a higher or equal `remaining`). So `lowest - inflight` is a lower bound of
/// what is really left, and so is the stored value (an earlier bound, counted down by every
/// reservation since): the larger of the two is kept. Never more than Chatwork allows, and no
/// capacity lost to answers arriving out of order. An answer of an older window changes
/// nothing; a newer window starts over.
const OBSERVE: &str = r"
local k = KEYS[1]
local reset = tonumber(ARGV[1])
local reported = tonumber(ARGV[2])
local current = redis.call('HGET', k, 'reset')
if current and tonumber(current) > reset then return 0 end
local inflight = tonumber(redis.call('HGET', k, 'inflight') or '0')
if inflight > 0 then inflight = inflight - 1 end
if current and tonumber(current) == reset then
  local lowest = tonumber(redis.call('HGET', k, 'lowest') or ARGV[2])
  if reported < lowest then lowest = reported end
  local bound = lowest - inflight
  local known = tonumber(redis.call('HGET', k, 'remaining') or '0')
  if bound > known then known = bound end
  redis.call('HSET', k, 'remaining', known, 'inflight', inflight, 'lowest', lowest)
  return 0
end
local bound = reported - inflight
if bound < 0 then bound = 0 end
redis.call('HSET', k, 'reset', reset, 'remaining', bound, 'inflight', inflight, 'lowest', reported)
redis.call('PEXPIRE', k, tonumber(ARGV[3]))
return 1
";

/// How long a window whose first answer has not arrived is kept (its requests in flight
/// stay counted).
const UNREPORTED_WINDOW_MS: i64 = 60_000;

/// Redis's own clock in milliseconds, the same for every process.
const NOW: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
";

/// A posting slot now, if the room's window has one: ARGV = max, window (ms). Returns
/// {0, slot id}, or {ms until the oldest slot leaves the window, -1}. Slots are only ever
/// taken for now, so that each one's time is when its post is sent (and, once settled, when
/// its answer came): never earlier than Chatwork saw it.
const RESERVE_POST: &str = r"
local max = tonumber(ARGV[1])
local per = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - per)
if redis.call('ZCARD', KEYS[1]) < max then
  local id = redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], 86400000)
  redis.call('ZADD', KEYS[1], now, id)
  redis.call('PEXPIRE', KEYS[1], per + 1000)
  return {0, id}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {tonumber(oldest[2]) + per - now + 1, -1}
";

/// After the post's answer: its slot counts from now. ARGV = slot id, window (ms).
const SETTLE_POST: &str = r"
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return 0 end
if now > tonumber(score) then redis.call('ZADD', KEYS[1], now, ARGV[1]) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 1000)
return 1
";

/// After a room 429: every slot taken so that the first frees `wait` from now.
/// ARGV = max, window (ms), wait (ms).
const HOLD_ROOM: &str = r"
local max = tonumber(ARGV[1])
local per = tonumber(ARGV[2])
local wait = tonumber(ARGV[3])
redis.call('DEL', KEYS[1])
for i = 1, max do
  local id = redis.call('INCR', KEYS[2])
  redis.call('ZADD', KEYS[1], now + wait - per, id)
end
redis.call('PEXPIRE', KEYS[2], 86400000)
redis.call('PEXPIRE', KEYS[1], wait + 1000)
return 1
";

/// Slot IDs from the local fallback have this bit set, to be settled locally.
const LOCAL_SLOT: u64 = 1 << 63;

/// Chatwork's limits kept in Redis, so that any number of processes and machines using one
/// token stay within them together: the token's request budget (learnt from every answer's
/// `x-ratelimit-*` headers, like [`LocalLimiter`]) and each room's posting window (10 posts
/// per 10 seconds by default), each updated by one atomic Lua script.
///
/// Keys are `chatwork:{<hash>}:...`, where the hash is a SHA-256 of the token: several tokens
/// share one Redis, and the token itself is never stored. The braces make the hash a Redis
/// Cluster hash tag, so that each script's keys live on one node. Every key expires (the budget at
/// Chatwork's reset, a room's window after its last slot).
///
/// Redis is reached lazily, with a timeout on every call. While it cannot be reached the
/// limiter does what [`RedisFallback`] says, tries again every
/// [`reconnect_every`](RedisLimiterBuilder::reconnect_every), and goes back to Redis on
/// its own.
///
/// ```no_run
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::sync::Arc;
/// let token = std::env::var("CHATWORK_API_TOKEN")?;
/// let limiter = chatwork::RedisLimiter::builder("redis://127.0.0.1:6379/", &token)
///     .fallback(chatwork::RedisFallback::Local)
///     .build()?;
/// let client = chatwork::Client::builder(chatwork::Credentials::api_token(token))
///     .rate_limiter(Arc::new(limiter))
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
pub struct RedisLimiter {
    redis: RedisConnection,
    prefix: String,
    room_max: usize,
    room_per: Duration,
    fallback: RedisFallback,
    local: LocalLimiter,
    fallbacks: AtomicU64,
}

impl fmt::Debug for RedisLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisLimiter")
            .field("prefix", &self.prefix)
            .field("room_max", &self.room_max)
            .field("room_per", &self.room_per)
            .field("fallback", &self.fallback)
            .finish_non_exhaustive()
    }
}

/// Configures a [`RedisLimiter`].
#[derive(Debug)]
#[must_use]
pub struct RedisLimiterBuilder {
    redis: Result<RedisConnection, String>,
    own: bool,
    prefix: String,
    room_max: usize,
    room_per: Duration,
    fallback: RedisFallback,
    timeout: Option<Duration>,
    reconnect_every: Option<Duration>,
}

/// The key prefix of an account's limits: a hash of `key` (a token, or any stable name of the
/// account) in braces, a Redis Cluster hash tag, so that every key of one account lands in one
/// slot and each script's keys are on one node.
fn prefix_of(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let hash: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("chatwork:{{{hash}}}:")
}

impl RedisLimiter {
    /// A limiter on the Redis at `url` (`redis://host:port/db`), with a connection of its own,
    /// for the token `token` (only a hash of it is used, as the key prefix; for an OAuth
    /// client, give any stable name of the account, such as its connection ID). For many
    /// accounts in one process, share one connection: [`RedisLimiter::on`].
    pub fn builder(url: &str, token: &str) -> RedisLimiterBuilder {
        RedisLimiterBuilder {
            redis: RedisConnection::open(url).map_err(|e| e.message().to_owned()),
            own: true,
            prefix: prefix_of(token),
            room_max: 10,
            room_per: Duration::from_secs(10),
            fallback: RedisFallback::Local,
            timeout: None,
            reconnect_every: None,
        }
    }

    /// A limiter for the account named `key` (a connection ID, an account ID, a token: only
    /// a hash of it is used) over a shared connection: one Redis connection serves every
    /// account of the process, and the budget stays with the account across token refreshes.
    pub fn on(redis: &RedisConnection, key: &str) -> RedisLimiterBuilder {
        RedisLimiterBuilder {
            redis: Ok(redis.clone()),
            own: false,
            ..Self::builder("redis://unused/", key)
        }
    }

    /// How many calls went to the fallback because Redis could not be reached.
    pub fn fallbacks(&self) -> u64 {
        self.fallbacks.load(Ordering::Relaxed)
    }

    /// The key prefix in use (`chatwork:{<hash of the token>}:`).
    pub fn key_prefix(&self) -> &str {
        &self.prefix
    }

    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    async fn run<T: redis::FromRedisValue>(
        &self,
        script: &redis::Script,
        keys: &[String],
        args: &[i64],
    ) -> Result<T, String> {
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        self.redis
            .script(script, &keys, args)
            .await
            .map_err(|f| f.message)
    }

    /// Redis could not be asked: fall back, or fail.
    fn unavailable(&self, why: String) -> Result<(), LimiterError> {
        self.fallbacks.fetch_add(1, Ordering::Relaxed);
        tracing::debug!(error = %why, fallback = ?self.fallback, "rate limiter: Redis unreachable");
        match self.fallback {
            RedisFallback::Local => Ok(()),
            RedisFallback::Fail => Err(LimiterError::new(why)),
        }
    }

    fn per_ms(&self) -> i64 {
        i64::try_from(self.room_per.as_millis()).unwrap_or(i64::MAX)
    }
}

impl RedisLimiterBuilder {
    /// At most `max` posts to one room in any `per` window (Chatwork's: 10 per 10 seconds).
    pub fn room_post_limit(mut self, max: usize, per: Duration) -> Self {
        self.room_max = max.max(1);
        self.room_per = per;
        self
    }

    /// What to do while Redis cannot be reached (default [`RedisFallback::Local`]).
    pub fn fallback(mut self, fallback: RedisFallback) -> Self {
        self.fallback = fallback;
        self
    }

    /// The longest a connection attempt or a call may take (default 500 ms). For a limiter
    /// with a connection of its own ([`RedisLimiter::builder`]); a shared one has its own
    /// setting ([`RedisConnection::timeout`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// While Redis is unreachable, how often to try it again (default 1 s). As
    /// [`timeout`](Self::timeout), for a connection of its own.
    pub fn reconnect_every(mut self, every: Duration) -> Self {
        self.reconnect_every = Some(every);
        self
    }

    /// Another key prefix than `chatwork:{<hash of the token>}:`.
    pub fn key_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// Builds the limiter. Redis is first reached by the first request.
    ///
    /// # Errors
    ///
    /// A URL that is not a Redis URL.
    pub fn build(self) -> Result<RedisLimiter, LimiterError> {
        let mut redis = self.redis.map_err(LimiterError::new)?;
        if self.own {
            if let Some(t) = self.timeout {
                redis = redis.timeout(t);
            }
            if let Some(every) = self.reconnect_every {
                redis = redis.reconnect_every(every);
            }
        }
        Ok(RedisLimiter {
            redis,
            prefix: self.prefix,
            room_max: self.room_max,
            room_per: self.room_per,
            fallback: self.fallback,
            local: LocalLimiter::new().with_room_post_limit(self.room_max, self.room_per),
            fallbacks: AtomicU64::new(0),
        })
    }
}

fn script(body: &str, clock: bool) -> redis::Script {
    if clock {
        redis::Script::new(&format!("{NOW}{body}"))
    } else {
        redis::Script::new(body)
    }
}

/// The scripts, compiled once (their SHA-1 is what Redis is sent after the first load).
struct Scripts {
    reserve: redis::Script,
    observe: redis::Script,
    reserve_post: redis::Script,
    settle_post: redis::Script,
    hold_room: redis::Script,
}

fn scripts() -> &'static Scripts {
    static SCRIPTS: std::sync::OnceLock<Scripts> = std::sync::OnceLock::new();
    SCRIPTS.get_or_init(|| Scripts {
        reserve: script(RESERVE, false),
        observe: script(OBSERVE, false),
        reserve_post: script(RESERVE_POST, true),
        settle_post: script(SETTLE_POST, true),
        hold_room: script(HOLD_ROOM, true),
    })
}

impl RateLimiter for RedisLimiter {
    fn reserve(&self) -> LimiterFuture<'_, Result<Option<Duration>, LimiterError>> {
        Box::pin(async move {
            match self
                .run::<i64>(
                    &scripts().reserve,
                    &[self.key("budget")],
                    &[UNREPORTED_WINDOW_MS],
                )
                .await
            {
                Ok(ms) if ms < 0 => Ok(None),
                Ok(ms) => Ok(Some(Duration::from_millis(ms as u64))),
                Err(why) => {
                    self.unavailable(why)?;
                    self.local.reserve().await
                }
            }
        })
    }

    fn observe(&self, snapshot: RateLimit) -> LimiterFuture<'_, ()> {
        Box::pin(async move {
            let until_reset = snapshot.reset_in() + RESET_MARGIN;
            let ms = i64::try_from(until_reset.as_millis())
                .unwrap_or(i64::MAX)
                .max(1);
            let args = [
                i64::try_from(snapshot.reset).unwrap_or(i64::MAX),
                i64::from(snapshot.remaining),
                ms,
            ];
            if self
                .run::<i64>(&scripts().observe, &[self.key("budget")], &args)
                .await
                .is_err()
            {
                self.fallbacks.fetch_add(1, Ordering::Relaxed);
            }
            // The local fallback learns too, so that it starts from what Chatwork said.
            self.local.observe(snapshot).await;
        })
    }

    fn reserve_post(
        &self,
        room: RoomId,
    ) -> LimiterFuture<'_, Result<PostReservation, LimiterError>> {
        Box::pin(async move {
            let keys = [self.key(&format!("room:{room}")), self.key("slot-ids")];
            let args = [self.room_max as i64, self.per_ms()];
            match self
                .run::<(i64, i64)>(&scripts().reserve_post, &keys, &args)
                .await
            {
                Ok((_, id)) if id >= 0 => Ok(PostReservation::Reserved {
                    wait: Duration::ZERO,
                    slot: PostSlot(id as u64 & !LOCAL_SLOT),
                }),
                // Spread the posters that wait for the same slot a little.
                Ok((wait, _)) => Ok(PostReservation::Retry(
                    Duration::from_millis(wait.max(1) as u64) + jitter(Duration::from_millis(20)),
                )),
                Err(why) => {
                    self.unavailable(why)?;
                    Ok(match self.local.reserve_post(room).await? {
                        PostReservation::Reserved { wait, slot } => PostReservation::Reserved {
                            wait,
                            slot: PostSlot(slot.0 | LOCAL_SLOT),
                        },
                        retry => retry,
                    })
                }
            }
        })
    }

    fn settle_post(&self, room: RoomId, slot: PostSlot) -> LimiterFuture<'_, ()> {
        Box::pin(async move {
            if slot.0 & LOCAL_SLOT != 0 {
                return self
                    .local
                    .settle_post(room, PostSlot(slot.0 & !LOCAL_SLOT))
                    .await;
            }
            let id = i64::try_from(slot.0).unwrap_or(i64::MAX);
            let _ = self
                .run::<i64>(
                    &scripts().settle_post,
                    &[self.key(&format!("room:{room}"))],
                    &[id, self.per_ms()],
                )
                .await;
        })
    }

    fn hold_room(&self, room: RoomId, wait: Duration) -> LimiterFuture<'_, ()> {
        Box::pin(async move {
            let keys = [self.key(&format!("room:{room}")), self.key("slot-ids")];
            let wait_ms = i64::try_from(wait.as_millis()).unwrap_or(i64::MAX);
            let args = [self.room_max as i64, self.per_ms(), wait_ms];
            if self
                .run::<i64>(&scripts().hold_room, &keys, &args)
                .await
                .is_err()
            {
                self.fallbacks.fetch_add(1, Ordering::Relaxed);
            }
            self.local.hold_room(room, wait).await;
        })
    }

    fn room_window(&self) -> Duration {
        self.room_per
    }
}
