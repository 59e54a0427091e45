//! Chats and their members: `rooms ...`, `members ...` (the same as `rooms list-members` and
//! `rooms update-members`).

use chatwork::model::AccountId;
use chatwork::types::RoomActionType;
use clap::{Args, Subcommand};
use serde_json::json;

use super::Limit;
use super::{ids, label};
use crate::clock::time;
use crate::context::Ctx;
use crate::failure::{Failure, Result};
use crate::input;
use crate::output::{fields, table};

#[derive(Subcommand, Debug)]
pub enum Rooms {
    /// The chats you belong to.
    #[command(
        after_help = "Examples:\n  chatwork rooms list\n  chatwork --json rooms list --limit 5"
    )]
    List(#[command(flatten)] Limit),
    /// One chat.
    #[command(after_help = "Examples:\n  chatwork rooms get Project\n  chatwork rooms get 106")]
    Get {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
    },
    /// Create a group chat (you must be among the admins).
    #[command(
        after_help = "Example:\n  chatwork rooms create \"Release 2.0\" --admin Alice,Bob --member Carol --icon project"
    )]
    Create {
        /// The new chat's name (1 to 255 characters).
        name: String,
        /// Admins (IDs or names, comma-separated or repeated).
        #[arg(long, value_delimiter = ',', required = true)]
        admin: Vec<String>,
        /// Members.
        #[arg(long, value_delimiter = ',')]
        member: Vec<String>,
        /// Read-only members.
        #[arg(long, value_delimiter = ',')]
        readonly: Vec<String>,
        #[arg(long)]
        description: Option<String>,
        /// One of Chatwork's preset icons (group, check, document, meeting, ...).
        #[arg(long)]
        icon: Option<String>,
    },
    /// Change a group chat's name, description or icon.
    #[command(
        after_help = "Example:\n  chatwork rooms update \"Release 2.0\" --description \"Shipping on Friday\""
    )]
    Update {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        icon: Option<String>,
    },
    /// Leave a group chat (asks first).
    #[command(
        after_help = "Examples:\n  chatwork rooms leave \"Release 2.0\"\n  chatwork --yes rooms leave 107"
    )]
    Leave {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
    },
    /// Delete a group chat for everyone (asks first).
    #[command(after_help = "Example:\n  chatwork --yes rooms delete \"Release 2.0\"")]
    Delete {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
    },
    /// A chat's members (also `members list`).
    #[command(after_help = "Example:\n  chatwork rooms list-members Project")]
    ListMembers(MemberList),
    /// Replace a group chat's member list, asking first (also `members set`).
    #[command(
        after_help = "Example:\n  chatwork --yes rooms update-members Project --admin Alice --member Bob"
    )]
    UpdateMembers(MemberSet),
}

/// `members ...`: the same commands as `rooms list-members` and `rooms update-members`.
#[derive(Subcommand, Debug)]
pub enum Members {
    /// A chat's members (also `rooms list-members`).
    #[command(after_help = "Example:\n  chatwork members list Project")]
    List(MemberList),
    /// Replace a group chat's member list, asking first (also `rooms update-members`).
    #[command(
        after_help = "Example:\n  chatwork --yes members set Project --admin Alice --member Bob --readonly Carol"
    )]
    Set(MemberSet),
}

/// A chat's members: `rooms list-members`, `members list`.
#[derive(Args, Debug)]
pub struct MemberList {
    /// The room: its ID, or its name (one exact match).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
    room: String,
    #[command(flatten)]
    limit: Limit,
}

/// A chat's new member list: `rooms update-members`, `members set`.
#[derive(Args, Debug)]
pub struct MemberSet {
    /// The room: its ID, or its name (one exact match).
    #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
    room: String,
    #[arg(long, value_delimiter = ',', required = true)]
    admin: Vec<String>,
    #[arg(long, value_delimiter = ',')]
    member: Vec<String>,
    #[arg(long, value_delimiter = ',')]
    readonly: Vec<String>,
}

pub async fn rooms(ctx: &Ctx, cmd: Rooms) -> Result<()> {
    use Rooms::*;
    let c = &ctx.client;
    match cmd {
        List(Limit { limit }) => {
            let mut req = c.list_rooms();
            if let Some(n) = limit {
                req = req.limit(n);
            }
            let rooms = req.send().await?;
            ctx.out.either(rooms.value(), || {
                let rows = rooms
                    .iter()
                    .map(|r| {
                        vec![
                            r.room_id.to_string(),
                            r.name.clone(),
                            r.type_.to_string(),
                            r.role.to_string(),
                            r.unread_num.to_string(),
                            r.mention_num.to_string(),
                            r.mytask_num.to_string(),
                            time(r.last_update_time),
                        ]
                    })
                    .collect::<Vec<_>>();
                table(
                    &[
                        "ID", "NAME", "TYPE", "ROLE", "UNREAD", "MENTIONS", "MY TASKS", "UPDATED",
                    ],
                    &rows,
                )
            })
        }
        Get { room } => {
            let (id, _) = ctx.room(&room).await?;
            let r = c.get_room().room_id(id).send().await?;
            ctx.out.either(r.value(), || {
                fields(&[
                    ("room", r.room_id.to_string()),
                    ("name", r.name.clone()),
                    ("type", r.type_.to_string()),
                    ("your role", r.role.to_string()),
                    ("description", r.description.clone()),
                    ("messages", r.message_num.to_string()),
                    ("unread", r.unread_num.to_string()),
                    ("mentions", r.mention_num.to_string()),
                    ("tasks", format!("{} ({} yours)", r.task_num, r.mytask_num)),
                    ("files", r.file_num.to_string()),
                    ("updated", time(r.last_update_time)),
                ])
            })
        }
        Create {
            name,
            admin,
            member,
            readonly,
            description,
            icon,
        } => {
            let admins = ctx.accounts(&admin).await?;
            let members = ctx.accounts(&member).await?;
            let readonly = ctx.accounts(&readonly).await?;
            let mut req = c
                .create_room()
                .name(name.as_str())
                .members_admin_ids(ids(&admins));
            if !members.is_empty() {
                req = req.members_member_ids(ids(&members));
            }
            if !readonly.is_empty() {
                req = req.members_readonly_ids(ids(&readonly));
            }
            if let Some(d) = description {
                req = req.description(d);
            }
            if let Some(i) = icon {
                req = req.icon_preset(i.as_str());
            }
            let made = req.send().await?;
            ctx.out.either(made.value(), || {
                format!("created room {} {name:?}", made.room_id)
            })
        }
        Update {
            room,
            name,
            description,
            icon,
        } => {
            if name.is_none() && description.is_none() && icon.is_none() {
                return Err(Failure::usage(
                    "nothing to change: give --name, --description or --icon",
                ));
            }
            let (id, _) = ctx.room(&room).await?;
            let mut req = c.update_room().room_id(id);
            if let Some(n) = name {
                req = req.name(n);
            }
            if let Some(d) = description {
                req = req.description(d);
            }
            if let Some(i) = icon {
                req = req.icon_preset(i.as_str());
            }
            let done = req.send().await?;
            ctx.out
                .either(done.value(), || format!("updated room {}", done.room_id))
        }
        Leave { room } => leave_or_delete(ctx, &room, false).await,
        Delete { room } => leave_or_delete(ctx, &room, true).await,
        ListMembers(list) => members(ctx, Members::List(list)).await,
        UpdateMembers(set) => members(ctx, Members::Set(set)).await,
    }
}

async fn leave_or_delete(ctx: &Ctx, room: &str, delete: bool) -> Result<()> {
    let (id, name) = ctx.room(room).await?;
    let what = label(id, &name);
    let question = if delete {
        format!("Delete room {what} for every member, with its messages, tasks and files?")
    } else {
        format!("Leave room {what}?")
    };
    input::confirm(ctx.yes, &question)?;
    let action = if delete {
        RoomActionType::Delete
    } else {
        RoomActionType::Leave
    };
    ctx.client
        .delete_room()
        .room_id(id)
        .action_type(action)
        .send()
        .await?;
    let verb = if delete { "deleted" } else { "left" };
    ctx.out.either(
        &json!({"room_id": id, "action_type": if delete { "delete" } else { "leave" }}),
        || format!("{verb} room {what}"),
    )
}

pub async fn members(ctx: &Ctx, cmd: Members) -> Result<()> {
    match cmd {
        Members::List(MemberList { room, limit }) => {
            let (id, _) = ctx.room(&room).await?;
            let mut req = ctx.client.list_members().room_id(id);
            if let Some(n) = limit.limit {
                req = req.limit(n);
            }
            let members = req.send().await?;
            ctx.out.either(members.value(), || {
                let rows: Vec<Vec<String>> = members
                    .iter()
                    .map(|m| {
                        vec![
                            m.account_id.to_string(),
                            m.name.clone(),
                            m.role.to_string(),
                            m.organization_name.clone(),
                        ]
                    })
                    .collect();
                table(&["ID", "NAME", "ROLE", "ORGANIZATION"], &rows)
            })
        }
        Members::Set(MemberSet {
            room,
            admin,
            member,
            readonly,
        }) => {
            let (id, name) = ctx.room(&room).await?;
            let admins = ctx.accounts(&admin).await?;
            let members = ctx.accounts(&member).await?;
            let readonly = ctx.accounts(&readonly).await?;
            let names = |l: &[(AccountId, String)]| {
                l.iter()
                    .map(|(i, n)| label(i, n))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            input::confirm(
                ctx.yes,
                &format!(
                    "Replace the members of {}: admins {}; members {}; read-only {}? Anyone else is removed.",
                    label(id, &name),
                    names(&admins),
                    if members.is_empty() {
                        "none".into()
                    } else {
                        names(&members)
                    },
                    if readonly.is_empty() {
                        "none".into()
                    } else {
                        names(&readonly)
                    },
                ),
            )?;
            let mut req = ctx
                .client
                .update_members()
                .room_id(id)
                .members_admin_ids(ids(&admins));
            if !members.is_empty() {
                req = req.members_member_ids(ids(&members));
            }
            if !readonly.is_empty() {
                req = req.members_readonly_ids(ids(&readonly));
            }
            let done = req.send().await?;
            ctx.out.either(done.value(), || {
                format!(
                    "{} admins, {} members, {} read-only",
                    done.admin.len(),
                    done.member.len(),
                    done.readonly.len()
                )
            })
        }
    }
}
