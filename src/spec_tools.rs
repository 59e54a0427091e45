//! Helpers for `cargo xtask check`; enabled by the `spec-tools` feature, hidden, and not
//! part of the public API.

use serde_json::Value;

use crate::model::*;

pub use crate::requests::spec_tools::roundtrip;

fn schema_of<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::SchemaGenerator::default().into_root_schema_for::<T>())
        .unwrap_or(Value::Null)
}

/// The JSON Schema of every hand-written type that replaces a spec component, by
/// component name.
pub fn replacement_schemas() -> Vec<(&'static str, Value)> {
    vec![
        ("RoomId", schema_of::<RoomId>()),
        ("AccountId", schema_of::<AccountId>()),
        ("TaskId", schema_of::<TaskId>()),
        ("FileId", schema_of::<FileId>()),
        ("RequestId", schema_of::<RequestId>()),
        ("MessageId", schema_of::<MessageId>()),
        ("AccountIds", schema_of::<AccountIds>()),
        ("Flag", schema_of::<Flag>()),
        ("UnixTime", schema_of::<UnixTime>()),
        ("RoomType", schema_of::<RoomType>()),
        ("Role", schema_of::<Role>()),
        ("TaskStatus", schema_of::<TaskStatus>()),
        ("TaskLimitType", schema_of::<TaskLimitType>()),
        ("IconPreset", schema_of::<IconPreset>()),
        ("WebhookEventType", schema_of::<WebhookEventType>()),
    ]
}

/// Deserializes a webhook body into [`crate::webhook::WebhookEvent`] and re-serializes it.
pub fn webhook_roundtrip(body: &[u8]) -> Result<Value, String> {
    let event = crate::webhook::parse_unverified(body).map_err(|e| e.to_string())?;
    serde_json::to_value(&event).map_err(|e| e.to_string())
}

/// The JSON Schemas of the hand-written webhook event types, by the spec component they
/// must match.
pub fn webhook_schemas() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        (
            "WebhookMessageEvent",
            "chatwork::webhook::MessageEvent",
            schema_of::<crate::webhook::MessageEvent>(),
        ),
        (
            "WebhookMentionEvent",
            "chatwork::webhook::MentionEvent",
            schema_of::<crate::webhook::MentionEvent>(),
        ),
    ]
}
