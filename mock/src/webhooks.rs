//! Webhooks: settings, Chatwork's signed deliveries, and the delivery log.
//!
//! Chatwork has no API for webhook settings (they are made in its settings screen), so the mock
//! takes them on a route of its own, `/mock/webhooks`, or through
//! [`MockServer::register_webhook`](crate::MockServer::register_webhook).

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::Sha256;

/// How many webhooks one account may have (Chatwork: 5).
pub const MAX_WEBHOOKS_PER_ACCOUNT: usize = 5;

/// The largest answer body a receiver may give; a longer one counts as a failed delivery.
pub const MAX_ANSWER_BYTES: usize = 2048;

/// How long the mock waits for a receiver's answer.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// What a webhook listens to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WebhookTarget {
    /// A room event webhook: new and/or edited messages of one room.
    Room {
        /// The room.
        room_id: i64,
        /// Deliver `message_created`.
        message_created: bool,
        /// Deliver `message_updated`.
        message_updated: bool,
    },
    /// An account event webhook: `mention_to_me` for messages mentioning the owner
    /// (`[To:id]` or a reply `[rp aid=id ...]`) in any of the owner's rooms.
    Mentions,
}

/// A webhook to register.
#[derive(Clone, Debug)]
pub struct NewWebhook {
    pub(crate) url: String,
    pub(crate) target: WebhookTarget,
    pub(crate) token: Option<String>,
}

impl NewWebhook {
    /// Both message events of one room, delivered to `url`.
    pub fn room(room_id: i64, url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            target: WebhookTarget::Room {
                room_id,
                message_created: true,
                message_updated: true,
            },
            token: None,
        }
    }

    /// Mentions of the owner, delivered to `url`.
    pub fn mentions(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            target: WebhookTarget::Mentions,
            token: None,
        }
    }

    /// For a room webhook: which of the two events to deliver.
    #[must_use]
    pub fn events(mut self, created: bool, updated: bool) -> Self {
        if let WebhookTarget::Room {
            message_created,
            message_updated,
            ..
        } = &mut self.target
        {
            *message_created = created;
            *message_updated = updated;
        }
        self
    }

    /// The webhook token (Base64 text, as Chatwork shows it). Without one the mock makes one.
    #[must_use]
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }
}

/// A registered webhook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Webhook {
    /// `webhook_setting_id` of its deliveries.
    pub id: String,
    /// The owner's account ID.
    pub account_id: i64,
    /// Where deliveries go (the signature is appended as a query parameter).
    pub url: String,
    /// The token that signs deliveries (Base64 text).
    pub token: String,
    /// What it listens to.
    pub target: WebhookTarget,
    /// False once too many deliveries in a row failed (Chatwork makes such a webhook
    /// "invalid"; it must be enabled again).
    pub enabled: bool,
    /// Failed deliveries in a row.
    pub failures_in_a_row: u32,
}

/// How one delivery ended.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeliveryOutcome {
    /// The receiver answered with this status and body length.
    Answered {
        /// HTTP status.
        status: u16,
        /// Length of the answer body in bytes.
        body_len: usize,
    },
    /// No answer: connection refused, timeout, reset.
    Failed(String),
}

/// One delivery the mock sent (Chatwork never retries one).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Delivery {
    /// The webhook that fired.
    pub webhook_id: String,
    /// `message_created`, `message_updated` or `mention_to_me`.
    pub event_type: String,
    /// The URL POSTed to, with `chatwork_webhook_signature` appended.
    pub url: String,
    /// The JSON body, byte for byte.
    pub body: String,
    /// The Base64 HMAC-SHA256 of the body (also in `x-chatworkwebhooksignature`).
    pub signature: String,
    /// What the receiver did.
    pub outcome: DeliveryOutcome,
}

impl Delivery {
    /// Chatwork's rule: a 200 with a body of at most 2,048 bytes.
    pub fn succeeded(&self) -> bool {
        matches!(self.outcome, DeliveryOutcome::Answered { status: 200, body_len } if body_len <= MAX_ANSWER_BYTES)
    }
}

/// A delivery ready to send.
pub(crate) struct Outgoing {
    pub webhook_id: String,
    pub event_type: String,
    pub url: String,
    pub body: String,
    pub signature: String,
}

/// A message event, as the state reports it.
pub(crate) struct MessageEvent {
    pub updated: bool,
    pub room_id: i64,
    pub message_id: u64,
    pub account_id: i64,
    pub body: String,
    pub send_time: i64,
    pub update_time: i64,
    /// Members of the room when the event happened.
    pub members: Vec<i64>,
}

/// Chatwork's signature: HMAC-SHA256 keyed with the Base64-decoded token, Base64 encoded.
pub fn sign(token: &str, body: &[u8]) -> Option<String> {
    let key = STANDARD.decode(token.trim()).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(body);
    Some(STANDARD.encode(mac.finalize().into_bytes()))
}

/// The tags that mention `account`: `[To:id]` and a reply's `[rp aid=id `.
fn mention_tags(account: i64) -> [String; 2] {
    [format!("[To:{account}]"), format!("[rp aid={account} ")]
}

/// Whether `body` mentions `account` (`[To:id]` or a reply to them).
pub(crate) fn mentions(body: &str, account: i64) -> bool {
    mention_tags(account)
        .iter()
        .any(|t| body.contains(t.as_str()))
}

/// The deliveries `event` causes under `webhooks`.
pub(crate) fn deliveries(webhooks: &[Webhook], event: &MessageEvent, now: i64) -> Vec<Outgoing> {
    let mut out = Vec::new();
    for hook in webhooks.iter().filter(|h| h.enabled) {
        let (event_type, payload) = match &hook.target {
            WebhookTarget::Room {
                room_id,
                message_created,
                message_updated,
            } if *room_id == event.room_id
                && if event.updated {
                    *message_updated
                } else {
                    *message_created
                } =>
            {
                let kind = if event.updated {
                    "message_updated"
                } else {
                    "message_created"
                };
                (
                    kind,
                    json!({
                        "message_id": event.message_id.to_string(),
                        "room_id": event.room_id,
                        "account_id": event.account_id,
                        "body": event.body,
                        "send_time": event.send_time,
                        "update_time": event.update_time,
                    }),
                )
            }
            WebhookTarget::Mentions
                if !event.updated
                    && hook.account_id != event.account_id
                    && event.members.contains(&hook.account_id)
                    && mentions(&event.body, hook.account_id) =>
            {
                (
                    "mention_to_me",
                    json!({
                        "from_account_id": event.account_id,
                        "to_account_id": hook.account_id,
                        "room_id": event.room_id,
                        "message_id": event.message_id.to_string(),
                        "body": event.body,
                        "send_time": event.send_time,
                        "update_time": event.update_time,
                    }),
                )
            }
            _ => continue,
        };
        let body = json!({
            "webhook_setting_id": hook.id,
            "webhook_event_type": event_type,
            "webhook_event_time": now,
            "webhook_event": payload,
        })
        .to_string();
        let Some(signature) = sign(&hook.token, body.as_bytes()) else {
            continue;
        };
        let query = serde_urlencoded::to_string([("chatwork_webhook_signature", &signature)])
            .unwrap_or_default();
        let separator = if hook.url.contains('?') { '&' } else { '?' };
        out.push(Outgoing {
            webhook_id: hook.id.clone(),
            event_type: event_type.to_owned(),
            url: format!("{}{separator}{query}", hook.url),
            body,
            signature,
        });
    }
    out
}

/// POSTs one delivery as Chatwork does and reports how it ended.
pub(crate) async fn send(http: &reqwest::Client, d: &Outgoing) -> DeliveryOutcome {
    let sent = http
        .post(&d.url)
        .header("content-type", "application/json")
        .header("user-agent", "ChatWork-Webhook/1.0.0")
        .header("x-chatworkwebhooksignature", &d.signature)
        .body(d.body.clone())
        .timeout(DELIVERY_TIMEOUT)
        .send()
        .await;
    match sent {
        Ok(response) => {
            let status = response.status().as_u16();
            match response.bytes().await {
                Ok(b) => DeliveryOutcome::Answered {
                    status,
                    body_len: b.len(),
                },
                Err(e) => DeliveryOutcome::Failed(format!("reading the answer: {e}")),
            }
        }
        Err(e) => DeliveryOutcome::Failed(e.to_string()),
    }
}

/// A token for a webhook registered without one: 32 bytes from the setting's ID, in Base64.
pub(crate) fn make_token(id: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(b"chatwork-mock webhook token")
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(id.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}
