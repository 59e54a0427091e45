//! A decoded answer together with what Chatwork said about limits.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderMap, HeaderName};

/// The `x-ratelimit-*` headers of one answer: the token's request budget.
///
/// Chatwork documents 300 requests per 5 minutes; read the numbers from here rather than
/// assuming them, since they have changed before.
///
/// `reset` is a time on **Chatwork's** clock. To know how far away it is, compare it with
/// Chatwork's own time of the same answer (its `Date` header, kept in `server_time`), not
/// with this machine's clock, which may be minutes off: [`reset_in`](Self::reset_in) does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests allowed per window (`x-ratelimit-limit`).
    pub limit: u32,
    /// Requests left in the current window (`x-ratelimit-remaining`).
    pub remaining: u32,
    /// When the window resets, as Unix seconds on Chatwork's clock (`x-ratelimit-reset`).
    pub reset: u64,
    /// Chatwork's time when it answered, as Unix seconds (the `Date` header), if sent.
    pub server_time: Option<u64>,
}

impl RateLimit {
    /// A snapshot from its three numbers (for tests and custom budgets); no server time.
    pub fn new(limit: u32, remaining: u32, reset: u64) -> Self {
        Self {
            limit,
            remaining,
            reset,
            server_time: None,
        }
    }

    /// Sets [`server_time`](Self::server_time).
    #[must_use]
    pub fn with_server_time(mut self, unix_seconds: u64) -> Self {
        self.server_time = Some(unix_seconds);
        self
    }

    /// Reads the three headers, and the `Date` header into `server_time`; `None` unless the
    /// three are present and numeric.
    pub fn from_headers(headers: &HeaderMap) -> Option<Self> {
        // Named once, not parsed from text on every answer.
        const LIMIT: HeaderName = HeaderName::from_static("x-ratelimit-limit");
        const REMAINING: HeaderName = HeaderName::from_static("x-ratelimit-remaining");
        const RESET: HeaderName = HeaderName::from_static("x-ratelimit-reset");
        fn num<T: std::str::FromStr>(headers: &HeaderMap, name: &HeaderName) -> Option<T> {
            headers.get(name)?.to_str().ok()?.trim().parse().ok()
        }
        Some(Self {
            limit: num(headers, &LIMIT)?,
            remaining: num(headers, &REMAINING)?,
            reset: num(headers, &RESET)?,
            server_time: server_time(headers),
        })
    }

    /// The reset time as a [`SystemTime`] on Chatwork's clock.
    pub fn reset_at(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.reset)
    }

    /// How long after the answer the window resets, measured on Chatwork's clock (the reset
    /// minus the answer's `Date`); with no `Date`, against this machine's clock. Zero when
    /// the reset has passed.
    pub fn reset_in(&self) -> Duration {
        let now = self.server_time.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        });
        Duration::from_secs(self.reset.saturating_sub(now))
    }
}

/// Chatwork's time of an answer: its `Date` header (an HTTP date), as Unix seconds.
/// How long a `Retry-After` header asks to wait: delta-seconds, or an HTTP-date measured
/// against the answer's own `Date` (Chatwork's clock, not ours; ours when there is no `Date`).
/// The one reading of the header, for the retry loop and [`ApiError::retry_after`].
///
/// [`ApiError::retry_after`]: crate::ApiError::retry_after
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<std::time::Duration> {
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(std::time::Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    let now = server_time(headers)
        .map(|t| UNIX_EPOCH + std::time::Duration::from_secs(t))
        .unwrap_or_else(std::time::SystemTime::now);
    Some(at.duration_since(now).unwrap_or_default())
}

pub(crate) fn server_time(headers: &HeaderMap) -> Option<u64> {
    let date = headers.get(reqwest::header::DATE)?.to_str().ok()?;
    httpdate::parse_http_date(date.trim())
        .ok()?
        .duration_since(UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs())
}

/// The free plan's message limit (`chatwork-message-limitation` headers): on the free
/// plan only recent messages are visible, and answers that hid some say so.
///
/// Present only when Chatwork sent the headers; it leaves them out when nothing was hidden.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct MessageLimitation {
    /// `chatwork-message-limitation`: true when the limit applied to this answer.
    pub limited: bool,
    /// `chatwork-message-limitation-summary`: Chatwork's explanation, if sent.
    pub summary: Option<String>,
}

impl MessageLimitation {
    /// Reads the headers; `None` when `chatwork-message-limitation` is absent.
    pub fn from_headers(headers: &HeaderMap) -> Option<Self> {
        let flag = headers.get("chatwork-message-limitation")?;
        let limited = flag
            .to_str()
            .map(|v| v.trim().eq_ignore_ascii_case("true"))
            .unwrap_or(false);
        let summary = headers
            .get("chatwork-message-limitation-summary")
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        Some(Self { limited, summary })
    }
}

/// A successful answer: the decoded value plus the status, headers and limits.
///
/// Derefs to the value; [`into_inner`](Self::into_inner) takes it out.
#[derive(Clone, Debug)]
pub struct Response<T> {
    value: T,
    status: u16,
    headers: HeaderMap,
    omitted: usize,
}

impl<T> Response<T> {
    pub(crate) fn new(value: T, status: u16, headers: HeaderMap) -> Self {
        Self {
            value,
            status,
            headers,
            omitted: 0,
        }
    }

    pub(crate) fn with_omitted(mut self, omitted: usize) -> Self {
        self.omitted = omitted;
        self
    }

    /// The decoded value.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The value, by reference.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The HTTP status (200, or 204 for an empty list or a delete).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// All response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The token's rate-limit budget after this request, if Chatwork sent it.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.headers)
    }

    /// The free plan's message limit, if this answer was affected.
    pub fn message_limitation(&self) -> Option<MessageLimitation> {
        MessageLimitation::from_headers(&self.headers)
    }

    /// How many items a list's [`limit`](crate::request::ListRooms::limit) dropped from the
    /// answer (0 when no limit was set or nothing was dropped).
    pub fn omitted(&self) -> usize {
        self.omitted
    }
}

impl<T> std::ops::Deref for Response<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// `for item in response` takes the items of a list answer (drop the status, headers and
/// [`omitted`](Response::omitted) count; read them first if you need them).
impl<T> IntoIterator for Response<Vec<T>> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.value.into_iter()
    }
}

/// `for item in &response` borrows the items of a list answer.
impl<'a, T> IntoIterator for &'a Response<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.value.iter()
    }
}
