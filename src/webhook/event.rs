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

#[derive(Serialize)]
struct Envelope {
    webhook_setting_id: String,
    webhook_event_type: String,
    webhook_event_time: i64,
    webhook_event: Value,
}

/// The envelope's keys; any other key is skipped.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Field {
    WebhookSettingId,
    WebhookEventType,
    WebhookEventTime,
    WebhookEvent,
    #[serde(other)]
    Other,
}

/// `webhook_event_type`, read without allocating for the known types.
enum Kind {
    MessageCreated,
    MessageUpdated,
    MentionToMe,
    Unknown(String),
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Kind;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an event type")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Kind, E> {
                Ok(match v {
                    "message_created" => Kind::MessageCreated,
                    "message_updated" => Kind::MessageUpdated,
                    "mention_to_me" => Kind::MentionToMe,
                    other => Kind::Unknown(other.to_owned()),
                })
            }
        }
        d.deserialize_str(Visitor)
    }
}

impl Kind {
    /// The typed payload from the event, deserialized in place.
    fn payload<'de, A: serde::de::MapAccess<'de>>(
        &self,
        map: &mut A,
    ) -> Result<WebhookEventPayload, A::Error> {
        Ok(match self {
            Kind::MessageCreated => WebhookEventPayload::MessageCreated(map.next_value()?),
            Kind::MessageUpdated => WebhookEventPayload::MessageUpdated(map.next_value()?),
            Kind::MentionToMe => WebhookEventPayload::MentionToMe(map.next_value()?),
            Kind::Unknown(t) => WebhookEventPayload::Unknown {
                event_type: crate::model::UnknownValue::new(t.clone()),
                raw: map.next_value()?,
            },
        })
    }

    /// The typed payload from an event that came before its type.
    fn payload_from_value<E: serde::de::Error>(self, raw: Value) -> Result<WebhookEventPayload, E> {
        Ok(match self {
            Kind::MessageCreated => {
                WebhookEventPayload::MessageCreated(serde_json::from_value(raw).map_err(E::custom)?)
            }
            Kind::MessageUpdated => {
                WebhookEventPayload::MessageUpdated(serde_json::from_value(raw).map_err(E::custom)?)
            }
            Kind::MentionToMe => {
                WebhookEventPayload::MentionToMe(serde_json::from_value(raw).map_err(E::custom)?)
            }
            Kind::Unknown(t) => WebhookEventPayload::Unknown {
                event_type: crate::model::UnknownValue::new(t),
                raw,
            },
        })
    }
}

/// One pass over the body: Chatwork sends `webhook_event_type` before `webhook_event`, so
/// the event goes straight into its typed struct. An event that comes before its type is
/// kept as a `Value` and converted at the end, so key order never changes the result.
impl<'de> Deserialize<'de> for WebhookEvent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = WebhookEvent;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a webhook event")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<WebhookEvent, A::Error> {
                use serde::de::Error as _;
                let mut setting_id: Option<String> = None;
                let mut kind: Option<Kind> = None;
                let mut time: Option<i64> = None;
                let mut payload: Option<WebhookEventPayload> = None;
                let mut early: Option<Value> = None;
                while let Some(field) = map.next_key::<Field>()? {
                    match field {
                        Field::WebhookSettingId if setting_id.is_some() => {
                            return Err(A::Error::duplicate_field("webhook_setting_id"));
                        }
                        Field::WebhookSettingId => setting_id = Some(map.next_value()?),
                        Field::WebhookEventType if kind.is_some() => {
                            return Err(A::Error::duplicate_field("webhook_event_type"));
                        }
                        Field::WebhookEventType => kind = Some(map.next_value()?),
                        Field::WebhookEventTime if time.is_some() => {
                            return Err(A::Error::duplicate_field("webhook_event_time"));
                        }
                        Field::WebhookEventTime => time = Some(map.next_value()?),
                        Field::WebhookEvent if payload.is_some() || early.is_some() => {
                            return Err(A::Error::duplicate_field("webhook_event"));
                        }
                        Field::WebhookEvent => match &kind {
                            Some(kind) => payload = Some(kind.payload(&mut map)?),
                            None => early = Some(map.next_value()?),
                        },
                        Field::Other => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                let webhook_setting_id =
                    setting_id.ok_or_else(|| A::Error::missing_field("webhook_setting_id"))?;
                let kind = kind.ok_or_else(|| A::Error::missing_field("webhook_event_type"))?;
                let webhook_event_time =
                    time.ok_or_else(|| A::Error::missing_field("webhook_event_time"))?;
                let payload = match (payload, early) {
                    (Some(payload), _) => payload,
                    (None, Some(raw)) => kind.payload_from_value(raw)?,
                    (None, None) => return Err(A::Error::missing_field("webhook_event")),
                };
                Ok(WebhookEvent {
                    webhook_setting_id,
                    webhook_event_time,
                    payload,
                })
            }
        }
        d.deserialize_map(Visitor)
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
