//! Messages: read, post, edit, delete, read marks, and waiting for new ones.

use chatwork::model::MessageId;
use chatwork::notation::MessageBuilder;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::mcp::Call;
use crate::mcp::model::{Changed, Listed, Message};
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

pub fn tools() -> Vec<ToolDef> {
    vec![
        ToolDef::new(
            "list_messages",
            "The latest messages of a chat (Chatwork keeps the latest 100 reachable), oldest first, each as written (notation) and as plain text. limit keeps the newest ones.",
            Effect::Read,
            list_messages,
        ),
        ToolDef::new(
            "get_message",
            "One message, as written (notation) and as plain text.",
            Effect::Read,
            get_message,
        ),
        ToolDef::new(
            "post_message",
            "Posts a message. text is sent as plain text (Chatwork markup in it is escaped, so it cannot mention anyone); mention people with mention_ids, everyone with mention_all, reply with reply_to_message_id. raw: true sends text as Chatwork notation, unescaped.",
            Effect::Create,
            post_message,
        ),
        ToolDef::new(
            "update_message",
            "Replaces the text of one of your messages (escaped unless raw: true).",
            Effect::Update,
            update_message,
        ),
        ToolDef::new(
            "delete_message",
            "Deletes one of your messages. Cannot be undone.",
            Effect::Destructive,
            delete_message,
        ),
        ToolDef::new(
            "mark_messages_read",
            "Marks the chat read up to a message (or all of it); answers the unread and mention counts left.",
            Effect::Update,
            mark_messages_read,
        ),
        ToolDef::new(
            "mark_messages_unread",
            "Marks the chat unread from a message on; answers the unread and mention counts.",
            Effect::Update,
            mark_messages_unread,
        ),
        ToolDef::titled(
            "wait_for_messages",
            "Wait for new messages",
            "Waits up to timeout_seconds for new messages in a chat and returns them as soon as there are any: those newer than after_message_id (at once if there already are some), or without it, those posted from about the time of this call (give after_message_id to be exact). Use it to follow a conversation.",
            Effect::Read,
            wait_for_messages,
        ),
    ]
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListMessagesArgs {
    /// The chat's ID (list_rooms shows them).
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// At most this many of the newest messages (default 20, at most 100).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<usize>,
}

async fn list_messages(
    call: Call,
    a: ListMessagesArgs,
) -> Result<Done<Listed<Message>>, ToolError> {
    let listed = latest(&call, a.room_id, call.limit(a.limit)).await?;
    let summary = format!(
        "{} in room {} (oldest first)",
        listed.summary("messages"),
        a.room_id
    );
    Ok(Done::new(listed, summary))
}

/// The room's latest messages (Chatwork keeps 100 reachable), the newest `limit` of them:
/// `list_messages` and the room's resource answer with this.
pub async fn latest(call: &Call, room_id: i64, limit: usize) -> Result<Listed<Message>, ToolError> {
    let messages = call
        .client()
        .list_messages()
        .room_id(room_id)
        .force(true)
        .send()
        .await?
        .into_inner();
    let skip = messages.len().saturating_sub(limit);
    let mut listed = Listed::cut(call.messages(room_id, &messages[skip..]).await, limit);
    listed.omitted = skip;
    Ok(listed)
}

/// One message, by ID.
async fn fetch(call: &Call, room_id: i64, id: &str) -> Result<chatwork::types::Message, ToolError> {
    Ok(call
        .client()
        .get_message()
        .room_id(room_id)
        .message_id(message_id(id)?)
        .send()
        .await?
        .into_inner())
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// The message's ID (a string of digits).
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub message_id: String,
}

fn message_id(text: &str) -> Result<MessageId, ToolError> {
    MessageId::try_from(text).map_err(|e| ToolError::new(format!("message_id: {e}")))
}

async fn get_message(call: Call, a: MessageArgs) -> Result<Done<Message>, ToolError> {
    let m = fetch(&call, a.room_id, &a.message_id).await?;
    let message = call
        .messages(a.room_id, std::slice::from_ref(&m))
        .await
        .remove(0);
    let summary = format!(
        "Message {} by {} at {}",
        message.message_id, message.author.name, message.sent_at
    );
    Ok(Done::new(message, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostMessageArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// The text. Plain text: Chatwork markup in it is escaped unless raw is true.
    #[schemars(length(min = 1, max = 65535))]
    pub text: String,
    /// Accounts to mention (`[To:..]` with their names, before the text).
    #[serde(default)]
    pub mention_ids: Vec<i64>,
    /// Mention everyone in the chat (`[toall]`).
    #[serde(default)]
    pub mention_all: bool,
    /// Reply to this message (its author is addressed).
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub reply_to_message_id: Option<String>,
    /// Put the text in an info box with this title.
    pub info_title: Option<String>,
    /// Put the text in a code block.
    #[serde(default)]
    pub code: bool,
    /// Send text as Chatwork notation, unescaped (mentions and boxes in it take effect).
    #[serde(default)]
    pub raw: bool,
    /// Leave the chat unread for you after posting.
    #[serde(default)]
    pub self_unread: bool,
}

async fn post_message(call: Call, a: PostMessageArgs) -> Result<Done<Changed>, ToolError> {
    let mut b = MessageBuilder::new();
    if let Some(reply) = &a.reply_to_message_id {
        let target = fetch(&call, a.room_id, reply).await?;
        b = b.reply(target.account.account_id, a.room_id, &target.message_id);
        b = b.text(&format!(" {}", target.account.name)).newline();
    }
    if a.mention_all {
        b = b.to_all();
    }
    if !a.mention_ids.is_empty() {
        let names = call.member_names(a.room_id).await?;
        for id in &a.mention_ids {
            let Some(name) = names.get(*id) else {
                return Err(ToolError::new(format!(
                    "account {id} is not a member of room {}: list_members shows who is",
                    a.room_id
                )));
            };
            b = b.to_named(*id, name);
        }
    }
    if a.mention_all || !a.mention_ids.is_empty() {
        b = b.newline();
    }
    let body = if a.raw {
        format!("{}{}", b.build(), a.text)
    } else {
        let content = |b: MessageBuilder| {
            if a.code {
                b.code(&a.text)
            } else {
                b.text(&a.text)
            }
        };
        match &a.info_title {
            Some(title) => b.info(Some(title), content),
            None => content(b),
        }
        .build()
        .into_string()
    };
    let mut req = call.client().post_message().room_id(a.room_id).body(body);
    if a.self_unread {
        req = req.self_unread(true);
    }
    let id = req.send().await?.into_inner().message_id.to_string();
    let mut changed = Changed::new("message");
    changed.room_id = Some(a.room_id);
    changed.message_id = Some(id.clone());
    Ok(Done::new(
        changed,
        format!("Posted message {id} to room {}.", a.room_id),
    ))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMessageArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub message_id: String,
    /// The new text (escaped unless raw is true).
    #[schemars(length(min = 1, max = 65535))]
    pub text: String,
    /// Send text as Chatwork notation, unescaped.
    #[serde(default)]
    pub raw: bool,
}

async fn update_message(call: Call, a: UpdateMessageArgs) -> Result<Done<Changed>, ToolError> {
    let body = if a.raw {
        a.text
    } else {
        MessageBuilder::new().text(&a.text).build().into_string()
    };
    let id = call
        .client()
        .update_message()
        .room_id(a.room_id)
        .message_id(message_id(&a.message_id)?)
        .body(body)
        .send()
        .await?
        .into_inner()
        .message_id
        .to_string();
    let mut changed = Changed::new("message");
    changed.room_id = Some(a.room_id);
    changed.message_id = Some(id.clone());
    Ok(Done::new(changed, format!("Edited message {id}.")))
}

async fn delete_message(call: Call, a: MessageArgs) -> Result<Done<Changed>, ToolError> {
    let id = call
        .client()
        .delete_message()
        .room_id(a.room_id)
        .message_id(message_id(&a.message_id)?)
        .send()
        .await?
        .into_inner()
        .message_id
        .to_string();
    let mut changed = Changed::new("message");
    changed.room_id = Some(a.room_id);
    changed.message_id = Some(id.clone());
    Ok(Done::new(changed, format!("Deleted message {id}.")))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadMarkArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// Up to (read) or from (unread) this message; for read, leave it out to mark the whole
    /// chat read.
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub message_id: Option<String>,
}

/// The counts a read mark leaves, as the answer of both read-mark tools.
fn counts(room_id: i64, c: &chatwork::types::UnreadCounts) -> Done<Changed> {
    let mut changed = Changed::new("read mark");
    changed.room_id = Some(room_id);
    changed.detail = Some(serde_json::json!({
        "unread": c.unread_num,
        "mentions": c.mention_num,
    }));
    Done::new(
        changed,
        format!(
            "Room {room_id}: {} unread, {} mentions.",
            c.unread_num, c.mention_num
        ),
    )
}

async fn mark_messages_read(call: Call, a: ReadMarkArgs) -> Result<Done<Changed>, ToolError> {
    let mut req = call.client().mark_messages_read().room_id(a.room_id);
    if let Some(id) = &a.message_id {
        req = req.message_id(message_id(id)?);
    }
    let c = req.send().await?.into_inner();
    Ok(counts(a.room_id, &c))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnreadArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// Unread from this message on.
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub message_id: String,
}

async fn mark_messages_unread(call: Call, a: UnreadArgs) -> Result<Done<Changed>, ToolError> {
    let c = call
        .client()
        .mark_messages_unread()
        .room_id(a.room_id)
        .message_id(message_id(&a.message_id)?)
        .send()
        .await?
        .into_inner();
    Ok(counts(a.room_id, &c))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WaitArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// How long to wait at most (default 60, at most 300).
    #[schemars(range(min = 1, max = 300))]
    pub timeout_seconds: Option<u64>,
    /// Return messages newer than this one (for example the last one you have seen), at once
    /// if there are any; without it, messages posted from about the time of the call (up to
    /// 2 s earlier: Chatwork's clock has whole seconds) count.
    #[schemars(regex(pattern = r"^[0-9]+$"))]
    pub after_message_id: Option<String>,
}

async fn wait_for_messages(call: Call, a: WaitArgs) -> Result<Done<Listed<Message>>, ToolError> {
    let timeout = std::time::Duration::from_secs(a.timeout_seconds.unwrap_or(60).clamp(1, 300));
    let after = match &a.after_message_id {
        Some(id) => Some(message_id(id)?),
        None => None,
    };
    let found = call.account.watches.wait(a.room_id, after, timeout).await?;
    let listed = Listed::cut(call.messages(a.room_id, &found).await, usize::MAX);
    let summary = if listed.count == 0 {
        format!(
            "No new messages in room {} within {} s.",
            a.room_id,
            timeout.as_secs()
        )
    } else {
        format!("{} new in room {}", listed.summary("messages"), a.room_id)
    };
    Ok(Done::new(listed, summary))
}
