//! Typed webhook events.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{AccountId, MessageId, RoomId, WebhookEventType};

/// The event of `message_created` and `message_updated`: a message in a watched room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "spec-tools", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MessageEvent {
    /// The message (a decimal string, above 2^53).
    pub message_id: MessageId,
    /// The room it was posted in.
    pub room_id: RoomId,
    /// Who posted it.
    pub account_id: AccountId,
    /// The text, in message notation.
    pub body: String,
    /// When it was posted, Unix seconds.
    pub send_time: i64,
    /// When it was last edited, Unix seconds; 0 when never edited.
    pub update_time: i64,
}

/// The event of `mention_to_me`: the account that owns the webhook was mentioned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "spec-tools", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MentionEvent {
    /// Who mentioned.
    pub from_account_id: AccountId,
    /// Who was mentioned (the webhook's account).
    pub to_account_id: AccountId,
    /// The room of the message.
    pub room_id: RoomId,
    /// The message.
    pub message_id: MessageId,
    /// The text, in message notation (contains e.g. `[To:123]`).
    pub body: String,
    /// When it was posted, Unix seconds.
    pub send_time: i64,
    /// When it was last edited, Unix seconds; 0 when never edited.
    pub update_time: i64,
}

/// The typed content of a webhook event, by event type.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum WebhookEventPayload {
    /// `message_created`.
    MessageCreated(MessageEvent),
    /// `message_updated`.
    MessageUpdated(MessageEvent),
    /// `mention_to_me`.
    MentionToMe(MentionEvent),
    /// An event type this version does not know: its name and the raw `webhook_event`
    /// JSON, so a new event type never breaks a handler.
    Unknown {
        /// The `webhook_event_type` as sent (compare `WebhookEvent::event_type().as_str()`).
        event_type: crate::model::UnknownValue,
        /// The `webhook_event` object as sent.
        raw: Value,
    },
}

/// A webhook delivery: the envelope and its typed event.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct WebhookEvent {
    /// The ID of the webhook setting that fired.
    pub webhook_setting_id: String,
    /// When Chatwork recorded the event, Unix seconds.
    pub webhook_event_time: i64,
    /// The event.
    pub payload: WebhookEventPayload,
}

impl WebhookEvent {
    /// The event type, as an open enum.
    pub fn event_type(&self) -> WebhookEventType {
        match &self.payload {
            WebhookEventPayload::MessageCreated(_) => WebhookEventType::MessageCreated,
            WebhookEventPayload::MessageUpdated(_) => WebhookEventType::MessageUpdated,
            WebhookEventPayload::MentionToMe(_) => WebhookEventType::MentionToMe,
            WebhookEventPayload::Unknown { event_type, .. } => {
                WebhookEventType::from(event_type.as_str())
            }
        }
    }

    /// The room of the event, when it has one.
    pub fn room_id(&self) -> Option<RoomId> {
        match &self.payload {
            WebhookEventPayload::MessageCreated(e) | WebhookEventPayload::MessageUpdated(e) => {
                Some(e.room_id)
            }
            WebhookEventPayload::MentionToMe(e) => Some(e.room_id),
            WebhookEventPayload::Unknown { raw, .. } => {
                raw.get("room_id").and_then(Value::as_i64).map(RoomId)
            }
        }
    }
}

#[derive(Deserialize, Serialize)]
struct Envelope {
    webhook_setting_id: String,
    webhook_event_type: String,
    webhook_event_time: i64,
    webhook_event: Value,
}

impl<'de> Deserialize<'de> for WebhookEvent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let e = Envelope::deserialize(d)?;
        let payload = match e.webhook_event_type.as_str() {
            "message_created" => WebhookEventPayload::MessageCreated(
                serde_json::from_value(e.webhook_event).map_err(D::Error::custom)?,
            ),
            "message_updated" => WebhookEventPayload::MessageUpdated(
                serde_json::from_value(e.webhook_event).map_err(D::Error::custom)?,
            ),
            "mention_to_me" => WebhookEventPayload::MentionToMe(
                serde_json::from_value(e.webhook_event).map_err(D::Error::custom)?,
            ),
            _ => WebhookEventPayload::Unknown {
                event_type: crate::model::UnknownValue::new(e.webhook_event_type),
                raw: e.webhook_event,
            },
        };
        Ok(Self {
            webhook_setting_id: e.webhook_setting_id,
            webhook_event_time: e.webhook_event_time,
            payload,
        })
    }
}

impl Serialize for WebhookEvent {
    /// Serializes back to Chatwork's wire shape.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        let (event_type, event) = match &self.payload {
            WebhookEventPayload::MessageCreated(e) => {
                ("message_created".to_owned(), serde_json::to_value(e))
            }
            WebhookEventPayload::MessageUpdated(e) => {
                ("message_updated".to_owned(), serde_json::to_value(e))
            }
            WebhookEventPayload::MentionToMe(e) => {
                ("mention_to_me".to_owned(), serde_json::to_value(e))
            }
            WebhookEventPayload::Unknown { event_type, raw } => {
                (event_type.as_str().to_owned(), Ok(raw.clone()))
            }
        };
        Envelope {
            webhook_setting_id: self.webhook_setting_id.clone(),
            webhook_event_type: event_type,
            webhook_event_time: self.webhook_event_time,
            webhook_event: event.map_err(S::Error::custom)?,
        }
        .serialize(s)
    }
}
