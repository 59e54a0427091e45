//! Chats and their members.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{ListArgs, RoomArgs, RoomListArgs};
use crate::mcp::Call;
use crate::mcp::model::{Account, Changed, Listed, Room};
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

pub fn tools() -> Vec<ToolDef> {
    vec![
        ToolDef::new(
            "list_rooms",
            "The chats you are in (group, direct and your own), with unread, mention and task counts. Use the room_id with the other tools.",
            Effect::Read,
            list_rooms,
        ),
        ToolDef::new(
            "get_room",
            "One chat: its name, type, your role, counts and description.",
            Effect::Read,
            get_room,
        ),
        ToolDef::new(
            "create_room",
            "Creates a group chat. You become its admin with the accounts in admin_ids; only your contacts can be added.",
            Effect::Create,
            create_room,
        ),
        ToolDef::new(
            "update_room",
            "Changes a group chat's name, description or icon (admins only).",
            Effect::Update,
            update_room,
        ),
        ToolDef::new(
            "delete_room",
            "action \"leave\": you leave the chat (your tasks and files in it are deleted). action \"delete\": the chat is deleted for everyone (admins only). Cannot be undone.",
            Effect::Destructive,
            delete_room,
        ),
        ToolDef::new(
            "list_members",
            "The members of a chat, with their roles (admin, member, readonly).",
            Effect::Read,
            list_members,
        ),
        ToolDef::new(
            "update_members",
            "Sets the chat's whole member list (admins only): anyone not listed is removed. At least one admin is required. Cannot be undone.",
            Effect::Destructive,
            update_members,
        ),
    ]
}

async fn list_rooms(call: Call, args: ListArgs) -> Result<Done<Listed<Room>>, ToolError> {
    let rooms = call.client().list_rooms().send().await?.into_inner();
    let listed = Listed::cut(rooms.iter().map(Room::from), call.limit(args.limit));
    let summary = listed.summary("chats");
    Ok(Done::new(listed, summary))
}

async fn get_room(call: Call, args: RoomArgs) -> Result<Done<Room>, ToolError> {
    let room = call
        .client()
        .get_room()
        .room_id(args.room_id)
        .send()
        .await?
        .into_inner();
    let summary = format!("{} ({} chat, you are {})", room.name, room.type_, room.role);
    Ok(Done::new(Room::from(&room), summary))
}

/// A preset icon for a group chat.
#[derive(Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Icon {
    Group,
    Check,
    Document,
    Meeting,
    Event,
    Project,
    Business,
    Study,
    Security,
    Star,
    Idea,
    Heart,
    Magcup,
    Beer,
    Music,
    Sports,
    Travel,
}

impl Icon {
    fn preset(self) -> chatwork::model::IconPreset {
        let name = match self {
            Icon::Group => "group",
            Icon::Check => "check",
            Icon::Document => "document",
            Icon::Meeting => "meeting",
            Icon::Event => "event",
            Icon::Project => "project",
            Icon::Business => "business",
            Icon::Study => "study",
            Icon::Security => "security",
            Icon::Star => "star",
            Icon::Idea => "idea",
            Icon::Heart => "heart",
            Icon::Magcup => "magcup",
            Icon::Beer => "beer",
            Icon::Music => "music",
            Icon::Sports => "sports",
            Icon::Travel => "travel",
        };
        chatwork::model::IconPreset::from(name)
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRoomArgs {
    /// The chat's name.
    #[schemars(length(min = 1, max = 255))]
    pub name: String,
    /// Admins besides you (account IDs of your contacts). Give at least your own ID if no one else.
    #[schemars(length(min = 1))]
    pub admin_ids: Vec<i64>,
    /// Members (account IDs of your contacts).
    #[serde(default)]
    pub member_ids: Vec<i64>,
    /// Read-only members (account IDs of your contacts).
    #[serde(default)]
    pub readonly_ids: Vec<i64>,
    /// The chat's description (plain text).
    pub description: Option<String>,
    pub icon: Option<Icon>,
    /// Create an invitation link too.
    #[serde(default)]
    pub link: bool,
    /// The link's code (the end of its URL): letters, digits, `_` and `-`.
    #[schemars(length(min = 1, max = 50), regex(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub link_code: Option<String>,
    /// Whether joining by the link needs an admin's approval (default true).
    pub link_need_acceptance: Option<bool>,
}

async fn create_room(call: Call, a: CreateRoomArgs) -> Result<Done<Changed>, ToolError> {
    let mut req = call
        .client()
        .create_room()
        .name(a.name.clone())
        .members_admin_ids(a.admin_ids);
    if !a.member_ids.is_empty() {
        req = req.members_member_ids(a.member_ids);
    }
    if !a.readonly_ids.is_empty() {
        req = req.members_readonly_ids(a.readonly_ids);
    }
    if let Some(d) = a.description {
        req = req.description(d);
    }
    if let Some(icon) = a.icon {
        req = req.icon_preset(icon.preset());
    }
    if a.link {
        req = req.link(true);
    }
    if let Some(code) = a.link_code {
        req = req.link_code(code);
    }
    if let Some(need) = a.link_need_acceptance {
        req = req.link_need_acceptance(need);
    }
    let room_id = req.send().await?.into_inner().room_id.get();
    let mut changed = Changed::new("room");
    changed.room_id = Some(room_id);
    Ok(Done::new(
        changed,
        format!("Created the chat {:?} (room {room_id}).", a.name),
    ))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateRoomArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// The new name.
    #[schemars(length(min = 1, max = 255))]
    pub name: Option<String>,
    /// The new description (plain text).
    pub description: Option<String>,
    pub icon: Option<Icon>,
}

async fn update_room(call: Call, a: UpdateRoomArgs) -> Result<Done<Changed>, ToolError> {
    if a.name.is_none() && a.description.is_none() && a.icon.is_none() {
        return Err(ToolError::new(
            "nothing to change: give name, description or icon",
        ));
    }
    let mut req = call.client().update_room().room_id(a.room_id);
    if let Some(n) = a.name {
        req = req.name(n);
    }
    if let Some(d) = a.description {
        req = req.description(d);
    }
    if let Some(icon) = a.icon {
        req = req.icon_preset(icon.preset());
    }
    let room_id = req.send().await?.into_inner().room_id.get();
    let mut changed = Changed::new("room");
    changed.room_id = Some(room_id);
    Ok(Done::new(changed, format!("Updated room {room_id}.")))
}

/// What to do with the chat.
#[derive(Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum RoomAction {
    /// Leave the chat.
    Leave,
    /// Delete the chat for everyone.
    Delete,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteRoomArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    pub action: RoomAction,
}

async fn delete_room(call: Call, a: DeleteRoomArgs) -> Result<Done<Changed>, ToolError> {
    let action = match a.action {
        RoomAction::Leave => chatwork::types::RoomActionType::Leave,
        RoomAction::Delete => chatwork::types::RoomActionType::Delete,
    };
    call.client()
        .delete_room()
        .room_id(a.room_id)
        .action_type(action)
        .send()
        .await?;
    let mut changed = Changed::new("room");
    changed.room_id = Some(a.room_id);
    let summary = match a.action {
        RoomAction::Leave => format!("Left room {}.", a.room_id),
        RoomAction::Delete => format!("Deleted room {}.", a.room_id),
    };
    Ok(Done::new(changed, summary))
}

async fn list_members(call: Call, args: RoomListArgs) -> Result<Done<Listed<Account>>, ToolError> {
    let members = call
        .client()
        .list_members()
        .room_id(args.room_id)
        .send()
        .await?
        .into_inner();
    let listed = Listed::cut(members.iter().map(Account::from), call.limit(args.limit));
    let summary = listed.summary("members");
    Ok(Done::new(listed, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMembersArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// The admins after the change (at least one).
    #[schemars(length(min = 1))]
    pub admin_ids: Vec<i64>,
    /// The members after the change.
    #[serde(default)]
    pub member_ids: Vec<i64>,
    /// The read-only members after the change.
    #[serde(default)]
    pub readonly_ids: Vec<i64>,
}

async fn update_members(call: Call, a: UpdateMembersArgs) -> Result<Done<Changed>, ToolError> {
    let mut req = call
        .client()
        .update_members()
        .room_id(a.room_id)
        .members_admin_ids(a.admin_ids);
    if !a.member_ids.is_empty() {
        req = req.members_member_ids(a.member_ids);
    }
    if !a.readonly_ids.is_empty() {
        req = req.members_readonly_ids(a.readonly_ids);
    }
    let roles = req.send().await?.into_inner();
    let summary = format!(
        "Room {} now has {} admins, {} members, {} read-only members.",
        a.room_id,
        roles.admin.len(),
        roles.member.len(),
        roles.readonly.len()
    );
    let mut changed = Changed::new("members");
    changed.room_id = Some(a.room_id);
    changed.detail = Some(serde_json::json!({
        "admin": roles.admin.iter().map(|a| a.get()).collect::<Vec<_>>(),
        "member": roles.member.iter().map(|a| a.get()).collect::<Vec<_>>(),
        "readonly": roles.readonly.iter().map(|a| a.get()).collect::<Vec<_>>(),
    }));
    Ok(Done::new(changed, summary))
}
