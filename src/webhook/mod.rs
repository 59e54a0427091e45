//! Webhooks: typed events and signature verification you can trust.
//!
//! Chatwork POSTs each event as JSON to the webhook URL, signed with the webhook's token:
//! the signature is `base64(HMAC-SHA256(key = base64-decode(token), message = raw body))`,
//! sent in the `x-chatworkwebhooksignature` header and again in the
//! `chatwork_webhook_signature` query parameter. Verify the **raw body bytes exactly as
//! received**: parsing and re-serializing the JSON changes them.
//!
//! ```
//! use chatwork::webhook::{WebhookEventPayload, WebhookVerifier};
//!
//! # fn main() -> Result<(), chatwork::webhook::WebhookError> {
//! let verifier = WebhookVerifier::new("c2VjcmV0LXdlYmhvb2stdG9rZW4=")?; // from the webhook settings
//! # let body = br#"{"webhook_setting_id":"1","webhook_event_type":"mention_to_me","webhook_event_time":1,"webhook_event":{"from_account_id":1,"to_account_id":2,"room_id":3,"message_id":"4","body":"[To:2] hi","send_time":1,"update_time":0}}"#;
//! # let signature = verifier.sign(body);
//! // `body`: the request body bytes; `signature`: the x-chatworkwebhooksignature header.
//! let event = verifier.verify_and_parse(body, &signature)?;
//! if let WebhookEventPayload::MentionToMe(mention) = &event.payload {
//!     println!("mentioned by {} in room {}", mention.from_account_id, mention.room_id);
//! }
//! # Ok(()) }
//! ```
//!
//! The signature covers no timestamp, so a captured delivery can be replayed. Two optional
//! defences, both off by default: [`WebhookVerifier::max_age`] rejects events whose
//! `webhook_event_time` is too old, and [`WebhookVerifier::deduplicate`] drops a delivery
//! already seen (bounded memory). With the `axum` feature, [`axum`]
//! has a ready receiver.

mod event;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod fleet;

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

pub use event::{MentionEvent, MessageEvent, WebhookEvent, WebhookEventPayload};

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "x-chatworkwebhooksignature";
/// The query parameter that carries the same signature (for receivers that cannot read
/// headers).
pub const SIGNATURE_QUERY_PARAM: &str = "chatwork_webhook_signature";
/// The largest body a receiver accepts by default: 1 MiB.
///
/// A message holds up to 65,535 characters, and the event carries its body as JSON: as
/// UTF-8 (3 bytes for a Japanese character, 4 for an emoji) or as `\uXXXX` escapes (6 bytes,
/// 12 for an emoji's surrogate pair), so the longest legal event is about 65,535 × 12 bytes
/// (768 KiB) plus the envelope. Anything bigger is not a real event.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

type HmacSha256 = Hmac<Sha256>;

/// Why a delivery was rejected. Never contains the token or the expected signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// A webhook token is empty or not Base64 (reported when the verifier is built).
    #[error("webhook token #{index} is not valid Base64 text")]
    InvalidToken {
        /// The position of the bad token among those given.
        index: usize,
    },
    /// No token was given.
    #[error("no webhook token given")]
    NoToken,
    /// The request carried no signature.
    #[error("the webhook request carries no signature")]
    MissingSignature,
    /// The signature does not match the body under any of the tokens.
    #[error("the webhook signature does not match the body")]
    BadSignature,
    /// The body is not a webhook event.
    #[error("the webhook body is not an event: {0}")]
    InvalidBody(String),
    /// The event is older than the verifier's `max_age`.
    #[error("the webhook event is {age_secs} s old, more than the allowed {max_age_secs} s")]
    TooOld {
        /// The event's age.
        age_secs: u64,
        /// The allowed age.
        max_age_secs: u64,
    },
    /// The same delivery was already verified (with `deduplicate`).
    #[error("the webhook delivery was already seen")]
    Duplicate,
}

/// One webhook token, decoded and already absorbed into an HMAC state (the key's inner and
/// outer blocks are hashed once, not at every delivery); `Debug` never shows it.
#[derive(Clone)]
struct Key(HmacSha256);

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted webhook token>")
    }
}

fn decode_token(token: &str, index: usize) -> Result<Key, WebhookError> {
    match STANDARD.decode(token.trim()) {
        Ok(k) if !k.is_empty() => Ok(Key(
            HmacSha256::new_from_slice(&k).expect("HMAC accepts keys of any length")
        )),
        _ => Err(WebhookError::InvalidToken { index }),
    }
}

/// Computes the signature Chatwork would send for `body` under `token` (Base64 webhook
/// token), for testing handlers.
///
/// # Errors
///
/// [`WebhookError::InvalidToken`] when the token is not Base64.
pub fn sign(token: &str, body: &[u8]) -> Result<String, WebhookError> {
    Ok(sign_with(&decode_token(token, 0)?, body))
}

fn sign_with(key: &Key, body: &[u8]) -> String {
    STANDARD.encode(mac(key, body).finalize().into_bytes())
}

fn mac(key: &Key, body: &[u8]) -> HmacSha256 {
    let mut mac = key.0.clone();
    mac.update(body);
    mac
}

/// Parses a body **without verifying it**. For tests and tools only: anyone can send a
/// request to a webhook URL, so production code must use
/// [`WebhookVerifier::verify_and_parse`].
///
/// # Errors
///
/// [`WebhookError::InvalidBody`] when it is not a webhook event.
pub fn parse_unverified(body: &[u8]) -> Result<WebhookEvent, WebhookError> {
    serde_json::from_slice(body).map_err(|e| WebhookError::InvalidBody(e.to_string()))
}

/// The `chatwork_webhook_signature` parameter of a query string, percent-decoded.
///
/// A Base64 signature never contains a space, but its `+` may arrive unescaped in the query
/// string, where form decoding reads it as a space: spaces are turned back into `+`.
pub fn signature_from_query(query: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == SIGNATURE_QUERY_PARAM)
        .map(|(_, v)| v.replace(' ', "+"))
}

/// Verifies webhook deliveries against one or more tokens.
#[derive(Debug)]
pub struct WebhookVerifier {
    keys: Vec<Key>,
    max_age: Option<Duration>,
    seen: Option<Mutex<Seen>>,
}

#[derive(Debug)]
struct Seen {
    capacity: usize,
    order: VecDeque<[u8; 32]>,
    set: HashSet<[u8; 32]>,
}

impl WebhookVerifier {
    /// A verifier for one webhook token (the Base64 text of the webhook settings screen).
    ///
    /// # Errors
    ///
    /// [`WebhookError::InvalidToken`] when the token is empty or not Base64: a bad token is
    /// caught here, not at the first delivery.
    pub fn new(token: &str) -> Result<Self, WebhookError> {
        Self::with_tokens([token])
    }

    /// A verifier that accepts a signature made with any of `tokens` (an account has up to
    /// five webhooks, and tokens get rotated).
    ///
    /// # Errors
    ///
    /// [`WebhookError::InvalidToken`] naming the first bad token, [`WebhookError::NoToken`]
    /// for an empty list.
    pub fn with_tokens<I, S>(tokens: I) -> Result<Self, WebhookError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let keys = tokens
            .into_iter()
            .enumerate()
            .map(|(i, t)| decode_token(t.as_ref(), i))
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            return Err(WebhookError::NoToken);
        }
        Ok(Self {
            keys,
            max_age: None,
            seen: None,
        })
    }

    /// Rejects events whose `webhook_event_time` is more than `age` in the past (off by
    /// default). The signature does not cover the time, so this only limits replays of
    /// captured deliveries to that window.
    pub fn max_age(mut self, age: Duration) -> Self {
        self.max_age = Some(age);
        self
    }

    /// Rejects a delivery identical to one of the last `capacity` verified ones (off by
    /// default).
    pub fn deduplicate(mut self, capacity: usize) -> Self {
        self.seen = Some(Mutex::new(Seen {
            capacity: capacity.max(1),
            order: VecDeque::new(),
            set: HashSet::new(),
        }));
        self
    }

    /// The signature of `body` under the first token, for testing handlers.
    pub fn sign(&self, body: &[u8]) -> String {
        sign_with(&self.keys[0], body)
    }

    /// Checks `signature` (Base64, from the header or the URL-decoded query parameter) against
    /// the raw `body`, in constant time, under each token.
    ///
    /// # Errors
    ///
    /// [`WebhookError::MissingSignature`] for an empty signature, [`WebhookError::BadSignature`]
    /// when it matches under no token.
    pub fn verify(&self, body: &[u8], signature: &str) -> Result<(), WebhookError> {
        self.verify_tag(body, signature).map(|_| ())
    }

    fn verify_tag(&self, body: &[u8], signature: &str) -> Result<[u8; 32], WebhookError> {
        let signature = signature.trim();
        if signature.is_empty() {
            return Err(WebhookError::MissingSignature);
        }
        // A `+` form-decoded from an unescaped query string arrives as a space; Base64 has none.
        let restored;
        let signature = if signature.contains(' ') {
            restored = signature.replace(' ', "+");
            restored.as_str()
        } else {
            signature
        };
        // Decoded on the stack: a valid signature is 44 characters (32 bytes); anything
        // that does not fit is not one.
        let mut buffer = [0u8; 48];
        let len = STANDARD
            .decode_slice(signature, &mut buffer)
            .map_err(|_| WebhookError::BadSignature)?;
        let tag = &buffer[..len];
        for key in &self.keys {
            if mac(key, body).verify_slice(tag).is_ok() {
                let mut out = [0u8; 32];
                out.copy_from_slice(tag);
                return Ok(out);
            }
        }
        Err(WebhookError::BadSignature)
    }

    /// Verifies, then parses the event, then applies `max_age` and `deduplicate` if set.
    ///
    /// # Errors
    ///
    /// Those of [`verify`](Self::verify), then [`WebhookError::InvalidBody`],
    /// [`WebhookError::TooOld`] and [`WebhookError::Duplicate`].
    pub fn verify_and_parse(
        &self,
        body: &[u8],
        signature: &str,
    ) -> Result<WebhookEvent, WebhookError> {
        let tag = self.verify_tag(body, signature)?;
        let event = parse_unverified(body)?;
        if let Some(max_age) = self.max_age {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0);
            let age = now.saturating_sub(u64::try_from(event.webhook_event_time).unwrap_or(0));
            if age > max_age.as_secs() {
                return Err(WebhookError::TooOld {
                    age_secs: age,
                    max_age_secs: max_age.as_secs(),
                });
            }
        }
        if let Some(seen) = &self.seen {
            let mut seen = seen.lock().unwrap_or_else(|e| e.into_inner());
            if !seen.set.insert(tag) {
                return Err(WebhookError::Duplicate);
            }
            seen.order.push_back(tag);
            if seen.order.len() > seen.capacity
                && let Some(old) = seen.order.pop_front()
            {
                seen.set.remove(&old);
            }
        }
        Ok(event)
    }
}
