//! What the tools answer: shapes for a model to read. IDs are numbers (message IDs strings:
//! they exceed 2^53), times are RFC 3339 in UTC next to Chatwork's Unix seconds, enums are
//! their wire strings, and message bodies come both as written and as plain text.

use chatwork::types;
use schemars::JsonSchema;
use serde::Serialize;

use super::render::{Names, render};

/// A time as Chatwork sends it (Unix seconds) in RFC 3339, UTC.
pub fn rfc3339(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// An account, by ID and name.
#[derive(Serialize, JsonSchema, Clone)]
pub struct Person {
    pub account_id: i64,
    pub name: String,
}

impl From<&types::AccountRef> for Person {
    fn from(a: &types::AccountRef) -> Self {
        Self {
            account_id: a.account_id.get(),
            name: a.name.clone(),
        }
    }
}

/// A message.
#[derive(Serialize, JsonSchema)]
pub struct Message {
    /// The message's ID (a decimal string).
    pub message_id: String,
    pub room_id: i64,
    pub author: Person,
    /// The body as written, in Chatwork's notation (`[To:123]`, `[info]`, `[qt]`...).
    pub body: String,
    /// The body as plain text: mentions as `@Name`, quotes as `> ` lines, code in fences,
    /// other markup removed, control characters shown as visible symbols.
    pub text: String,
    /// The accounts it addresses (`[To:..]` and replies, outside quotes).
    pub mentions: Vec<i64>,
    /// Whether it addresses everyone (`[toall]`).
    pub mentions_all: bool,
    /// The message it replies to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<ReplyTo>,
    /// When it was sent (RFC 3339, UTC).
    pub sent_at: String,
    /// When it was last edited (RFC 3339, UTC), if ever.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edited_at: Option<String>,
}

/// The message a reply points to.
#[derive(Serialize, JsonSchema)]
pub struct ReplyTo {
    pub message_id: String,
    pub account_id: i64,
}

impl Message {
    /// The message `m`, whose body parses to `doc`.
    pub fn new(
        room_id: i64,
        m: &types::Message,
        doc: &chatwork::notation::Document,
        names: &Names,
    ) -> Self {
        Self {
            message_id: m.message_id.to_string(),
            room_id,
            author: Person::from(&m.account),
            text: render(doc, names),
            mentions: doc.mentions().iter().map(|a| a.get()).collect(),
            mentions_all: doc.mentions_all(),
            reply_to: doc.reply_to().map(|r| ReplyTo {
                message_id: r.message_id.to_string(),
                account_id: r.account_id.get(),
            }),
            body: m.body.clone(),
            sent_at: rfc3339(m.send_time),
            edited_at: (m.update_time > 0).then(|| rfc3339(m.update_time)),
        }
    }
}

/// A list cut to `limit` items: the items, and how many Chatwork returned beyond them.
#[derive(Serialize, JsonSchema)]
pub struct Listed<T> {
    pub items: Vec<T>,
    /// Items returned.
    pub count: usize,
    /// Items Chatwork returned that were left out by `limit`.
    pub omitted: usize,
}

impl<T> Listed<T> {
    /// The first `limit` of `all`.
    pub fn cut(all: impl IntoIterator<Item = T>, limit: usize) -> Self {
        let mut items: Vec<T> = all.into_iter().collect();
        let omitted = items.len().saturating_sub(limit);
        items.truncate(limit);
        Self {
            count: items.len(),
            items,
            omitted,
        }
    }

    /// "3 messages" or "20 of 57 messages (37 left out by limit)".
    pub fn summary(&self, what: &str) -> String {
        if self.omitted == 0 {
            format!("{} {what}", self.count)
        } else {
            format!(
                "{} of {} {what} ({} left out by limit; raise limit to see more)",
                self.count,
                self.count + self.omitted,
                self.omitted
            )
        }
    }
}

/// Your profile.
#[derive(Serialize, JsonSchema)]
pub struct Me {
    pub account_id: i64,
    pub name: String,
    pub chatwork_id: String,
    pub organization_name: String,
    pub department: String,
    pub title: String,
    /// Your own "my chat".
    pub my_room_id: i64,
    pub introduction: String,
}

/// Your unread, mention and task counts.
#[derive(Serialize, JsonSchema)]
pub struct Status {
    pub unread_messages: i64,
    pub rooms_with_unread: i64,
    pub mentions: i64,
    pub rooms_with_mentions: i64,
    pub open_tasks: i64,
    pub rooms_with_tasks: i64,
}

/// A chat.
#[derive(Serialize, JsonSchema)]
pub struct Room {
    pub room_id: i64,
    pub name: String,
    /// `my`, `direct` or `group`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Your role: `admin`, `member` or `readonly`.
    pub role: String,
    pub sticky: bool,
    pub unread: i64,
    pub mentions: i64,
    pub my_tasks: i64,
    pub messages: i64,
    pub files: i64,
    pub tasks: i64,
    /// Last activity (RFC 3339, UTC).
    pub updated_at: String,
    /// The description, in the get_room answer only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The fields `Room` and `RoomSummary` share (the same names in both answers).
macro_rules! room {
    ($r:expr) => {
        Room {
            room_id: $r.room_id.get(),
            name: $r.name.clone(),
            kind: $r.type_.as_str().to_owned(),
            role: $r.role.as_str().to_owned(),
            sticky: $r.sticky,
            unread: $r.unread_num,
            mentions: $r.mention_num,
            my_tasks: $r.mytask_num,
            messages: $r.message_num,
            files: $r.file_num,
            tasks: $r.task_num,
            updated_at: rfc3339($r.last_update_time),
            description: None,
        }
    };
}

impl From<&types::RoomSummary> for Room {
    fn from(r: &types::RoomSummary) -> Self {
        room!(r)
    }
}

impl From<&types::Room> for Room {
    fn from(r: &types::Room) -> Self {
        Room {
            description: Some(r.description.clone()),
            ..room!(r)
        }
    }
}

/// A member of a chat, a contact, or the sender of a contact request.
#[derive(Serialize, JsonSchema)]
pub struct Account {
    pub account_id: i64,
    pub name: String,
    pub chatwork_id: String,
    pub organization_name: String,
    pub department: String,
    /// In a chat: `admin`, `member` or `readonly`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For a contact: your direct chat with them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direct_room_id: Option<i64>,
}

impl From<&types::Member> for Account {
    fn from(m: &types::Member) -> Self {
        Self {
            account_id: m.account_id.get(),
            name: m.name.clone(),
            chatwork_id: m.chatwork_id.clone(),
            organization_name: m.organization_name.clone(),
            department: m.department.clone(),
            role: Some(m.role.as_str().to_owned()),
            direct_room_id: None,
        }
    }
}

impl From<&types::Contact> for Account {
    fn from(c: &types::Contact) -> Self {
        Self {
            account_id: c.account_id.get(),
            name: c.name.clone(),
            chatwork_id: c.chatwork_id.clone(),
            organization_name: c.organization_name.clone(),
            department: c.department.clone(),
            role: None,
            direct_room_id: Some(c.room_id.get()),
        }
    }
}

/// A contact request sent to you.
#[derive(Serialize, JsonSchema)]
pub struct ContactRequest {
    pub request_id: i64,
    pub account_id: i64,
    pub name: String,
    pub chatwork_id: String,
    pub organization_name: String,
    pub department: String,
    /// The requester's message, as plain text.
    pub message: String,
}

impl From<&types::IncomingRequest> for ContactRequest {
    fn from(r: &types::IncomingRequest) -> Self {
        Self {
            request_id: r.request_id.get(),
            account_id: r.account_id.get(),
            name: r.name.clone(),
            chatwork_id: r.chatwork_id.clone(),
            organization_name: r.organization_name.clone(),
            department: r.department.clone(),
            message: super::render::inert(&r.message),
        }
    }
}

/// A task.
#[derive(Serialize, JsonSchema)]
pub struct Task {
    pub task_id: i64,
    pub room_id: i64,
    /// The room's name (in list_my_tasks answers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_name: Option<String>,
    /// The assignee (absent in list_my_tasks: that is you).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<Person>,
    pub assigned_by: Person,
    /// The task text as plain text.
    pub text: String,
    /// `open` or `done`.
    pub status: String,
    /// `none`, `date` (due on a day) or `time` (due at a time).
    pub due_type: String,
    /// The due date and time (RFC 3339, UTC), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The message the task was made from.
    pub message_id: String,
}

fn due(limit_type: &chatwork::model::TaskLimitType, limit_time: i64) -> Option<String> {
    (limit_type.as_str() != "none" && limit_time > 0).then(|| rfc3339(limit_time))
}

impl Task {
    pub fn in_room(room_id: i64, t: &types::RoomTask, names: &Names) -> Self {
        Self {
            task_id: t.task_id.get(),
            room_id,
            room_name: None,
            assignee: Some(Person::from(&t.account)),
            assigned_by: Person::from(&t.assigned_by_account),
            text: render(&chatwork::notation::Document::parse(&t.body), names),
            status: t.status.as_str().to_owned(),
            due_type: t.limit_type.as_str().to_owned(),
            due: due(&t.limit_type, t.limit_time),
            message_id: t.message_id.to_string(),
        }
    }

    pub fn mine(t: &types::MyTask, names: &Names) -> Self {
        Self {
            task_id: t.task_id.get(),
            room_id: t.room.room_id.get(),
            room_name: Some(t.room.name.clone()),
            assignee: None,
            assigned_by: Person::from(&t.assigned_by_account),
            text: render(&chatwork::notation::Document::parse(&t.body), names),
            status: t.status.as_str().to_owned(),
            due_type: t.limit_type.as_str().to_owned(),
            due: due(&t.limit_type, t.limit_time),
            message_id: t.message_id.to_string(),
        }
    }
}

/// A file.
#[derive(Serialize, JsonSchema)]
pub struct File {
    pub file_id: i64,
    pub room_id: i64,
    pub filename: String,
    /// Size in bytes.
    pub size: i64,
    pub uploaded_by: Person,
    pub uploaded_at: String,
    /// The message that carries it.
    pub message_id: String,
    /// A download URL, when asked for: it works for 30 seconds only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub download_url: Option<String>,
}

impl File {
    pub fn new(room_id: i64, f: &types::File) -> Self {
        Self {
            file_id: f.file_id.get(),
            room_id,
            filename: super::render::inert(&f.filename),
            size: f.filesize,
            uploaded_by: Person::from(&f.account),
            uploaded_at: rfc3339(f.upload_time),
            message_id: f.message_id.to_string(),
            download_url: f.download_url.clone(),
        }
    }
}

/// A chat's invitation link.
#[derive(Serialize, JsonSchema)]
pub struct Link {
    pub room_id: i64,
    /// Whether the link is on.
    pub public: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Whether joining needs an admin's approval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need_acceptance: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Link {
    pub fn new(room_id: i64, l: &types::InvitationLink) -> Self {
        Self {
            room_id,
            public: l.public,
            url: l.url.clone(),
            need_acceptance: l.need_acceptance,
            description: l.description.clone(),
        }
    }
}

/// What a call changed, by ID.
#[derive(Serialize, JsonSchema)]
pub struct Changed {
    /// What was created, changed or removed: `message`, `task`, `room`, `members`, ...
    pub what: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub task_ids: Vec<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i64>,
    /// The state after the change, where Chatwork reports one (a task's status, unread
    /// counts, the member lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<serde_json::Value>,
}

impl Changed {
    pub fn new(what: &str) -> Self {
        Self {
            what: what.to_owned(),
            room_id: None,
            message_id: None,
            task_ids: Vec::new(),
            file_id: None,
            request_id: None,
            detail: None,
        }
    }
}
