//! Invitation links.

use schemars::JsonSchema;
use serde::Deserialize;

use super::RoomArgs;
use crate::mcp::Call;
use crate::mcp::model::Link;
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

pub fn tools() -> Vec<ToolDef> {
    vec![
        ToolDef::new(
            "get_invitation_link",
            "Whether the chat has an invitation link, and its URL.",
            Effect::Read,
            get_invitation_link,
        ),
        ToolDef::new(
            "create_invitation_link",
            "Creates the chat's invitation link (admins only): anyone with the URL can ask to join.",
            Effect::Create,
            create_invitation_link,
        ),
        ToolDef::new(
            "update_invitation_link",
            "Changes the chat's invitation link: its code, description, or whether joining needs approval.",
            Effect::Update,
            update_invitation_link,
        ),
        ToolDef::new(
            "delete_invitation_link",
            "Turns the chat's invitation link off; its URL stops working.",
            Effect::Destructive,
            delete_invitation_link,
        ),
    ]
}

fn summary(link: &Link) -> String {
    match (&link.url, link.public) {
        (Some(url), true) => format!("Room {}'s invitation link: {url}", link.room_id),
        _ => format!("Room {} has no invitation link.", link.room_id),
    }
}

async fn get_invitation_link(call: Call, a: RoomArgs) -> Result<Done<Link>, ToolError> {
    let l = call
        .client()
        .get_invitation_link()
        .room_id(a.room_id)
        .send()
        .await?
        .into_inner();
    let link = Link::new(a.room_id, &l);
    let s = summary(&link);
    Ok(Done::new(link, s))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// The link's code (the end of its URL): letters, digits, `_` and `-`.
    #[schemars(length(min = 1, max = 50), regex(pattern = r"^[A-Za-z0-9_-]+$"))]
    pub code: Option<String>,
    /// Shown to people who open the link (plain text).
    pub description: Option<String>,
    /// Whether joining needs an admin's approval.
    pub need_acceptance: Option<bool>,
}

async fn create_invitation_link(call: Call, a: LinkArgs) -> Result<Done<Link>, ToolError> {
    let mut req = call.client().create_invitation_link().room_id(a.room_id);
    if let Some(c) = a.code {
        req = req.code(c);
    }
    if let Some(d) = a.description {
        req = req.description(d);
    }
    if let Some(n) = a.need_acceptance {
        req = req.need_acceptance(n);
    }
    let link = Link::new(a.room_id, &req.send().await?.into_inner());
    let s = summary(&link);
    Ok(Done::new(link, s))
}

async fn update_invitation_link(call: Call, a: LinkArgs) -> Result<Done<Link>, ToolError> {
    let mut req = call.client().update_invitation_link().room_id(a.room_id);
    if let Some(c) = a.code {
        req = req.code(c);
    }
    if let Some(d) = a.description {
        req = req.description(d);
    }
    if let Some(n) = a.need_acceptance {
        req = req.need_acceptance(n);
    }
    let link = Link::new(a.room_id, &req.send().await?.into_inner());
    let s = summary(&link);
    Ok(Done::new(link, s))
}

async fn delete_invitation_link(call: Call, a: RoomArgs) -> Result<Done<Link>, ToolError> {
    let l = call
        .client()
        .delete_invitation_link()
        .room_id(a.room_id)
        .send()
        .await?
        .into_inner();
    let link = Link::new(a.room_id, &l);
    Ok(Done::new(
        link,
        format!("Room {}'s invitation link is off.", a.room_id),
    ))
}
