//! Invitation links: `links ...`.

use clap::{Args, Subcommand};

use super::label;
use crate::context::Ctx;
use crate::failure::Result;
use crate::input;
use crate::output::fields;

#[derive(Args, Debug)]
pub struct LinkSettings {
    /// The link's path (letters, digits, `-`, `_`).
    #[arg(long)]
    pub code: Option<String>,
    #[arg(long)]
    pub description: Option<String>,
    /// Whether joining needs an admin's approval.
    #[arg(long, value_name = "BOOL")]
    pub need_acceptance: Option<bool>,
}

#[derive(Subcommand, Debug)]
pub enum Links {
    /// The link, if any.
    #[command(after_help = "Example:\n  chatwork links get Project")]
    Get {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
    },
    /// Create it.
    #[command(
        after_help = "Example:\n  chatwork links create Project --code project-x --need-acceptance false"
    )]
    Create {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        #[command(flatten)]
        settings: LinkSettings,
    },
    /// Change it.
    #[command(
        after_help = "Example:\n  chatwork links update Project --description \"Ask Alice first\""
    )]
    Update {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        #[command(flatten)]
        settings: LinkSettings,
    },
    /// Delete it (asks first).
    #[command(after_help = "Example:\n  chatwork --yes links delete Project")]
    Delete {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
    },
}

fn link_text(link: &chatwork::types::InvitationLink) -> String {
    if !link.public {
        return "no invitation link".to_owned();
    }
    fields(&[
        ("url", link.url.clone().unwrap_or_default()),
        (
            "needs approval",
            link.need_acceptance
                .map_or("-".into(), |b| if b { "yes" } else { "no" }.into()),
        ),
        ("description", link.description.clone().unwrap_or_default()),
    ])
}

/// A link request (create or update: two builder types) with the settings given.
macro_rules! with_settings {
    ($req:expr, $settings:expr) => {{
        let mut req = $req;
        if let Some(code) = $settings.code {
            req = req.code(code);
        }
        if let Some(d) = $settings.description {
            req = req.description(d);
        }
        if let Some(n) = $settings.need_acceptance {
            req = req.need_acceptance(n);
        }
        req
    }};
}

pub async fn links(ctx: &Ctx, cmd: Links) -> Result<()> {
    use Links::*;
    let c = &ctx.client;
    match cmd {
        Get { room } => {
            let (id, _) = ctx.room(&room).await?;
            let link = c.get_invitation_link().room_id(id).send().await?;
            ctx.out.either(link.value(), || link_text(&link))
        }
        Create { room, settings } => {
            let (id, _) = ctx.room(&room).await?;
            let link = with_settings!(c.create_invitation_link().room_id(id), settings)
                .send()
                .await?;
            ctx.out.either(link.value(), || link_text(&link))
        }
        Update { room, settings } => {
            let (id, _) = ctx.room(&room).await?;
            let link = with_settings!(c.update_invitation_link().room_id(id), settings)
                .send()
                .await?;
            ctx.out.either(link.value(), || link_text(&link))
        }
        Delete { room } => {
            let (id, name) = ctx.room(&room).await?;
            input::confirm(
                ctx.yes,
                &format!("Delete the invitation link of {}?", label(id, &name)),
            )?;
            let link = c.delete_invitation_link().room_id(id).send().await?;
            ctx.out
                .either(link.value(), || "invitation link deleted".to_owned())
        }
    }
}
