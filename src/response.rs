//! A decoded answer together with what Chatwork said about limits.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

/// The `x-ratelimit-*` headers of one answer: the token's request budget.
///
/// Chatwork documents 300 requests per 5 minutes; read the numbers from here rather than
/// assuming them, since they have changed before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RateLimit {
    /// Requests allowed per window (`x-ratelimit-limit`).
    pub limit: u32,
    /// Requests left in the current window (`x-ratelimit-remaining`).
    pub remaining: u32,
    /// When the window resets, as Unix seconds (`x-ratelimit-reset`).
    pub reset: u64,
}

impl RateLimit {
    /// Reads the three headers; `None` unless all three are present and numeric.
    pub fn from_headers(headers: &HeaderMap) -> Option<Self> {
        fn num<T: std::str::FromStr>(headers: &HeaderMap, name: &str) -> Option<T> {
            headers.get(name)?.to_str().ok()?.trim().parse().ok()
        }
        Some(Self {
            limit: num(headers, "x-ratelimit-limit")?,
            remaining: num(headers, "x-ratelimit-remaining")?,
            reset: num(headers, "x-ratelimit-reset")?,
        })
    }

    /// The reset time as a [`SystemTime`].
    pub fn reset_at(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.reset)
    }
}

/// The free plan's message limit (`chatwork-message-limitation` headers): on the free
/// plan only recent messages are visible, and answers that hid some say so.
///
/// Present only when Chatwork sent the headers; it leaves them out when nothing was hidden.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
