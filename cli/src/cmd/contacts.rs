//! Contacts and contact requests: `contacts ...`, `requests ...`.

use clap::Subcommand;
use serde_json::json;

use super::Limit;
use super::{label, parse_id};
use crate::context::Ctx;
use crate::failure::Result;
use crate::input;
use crate::output::{one_line, table};

#[derive(Subcommand, Debug)]
pub enum Contacts {
    /// Your contacts.
    #[command(after_help = "Example:\n  chatwork contacts list")]
    List(#[command(flatten)] Limit),
}

#[derive(Subcommand, Debug)]
pub enum Requests {
    /// Contact requests waiting for you.
    #[command(after_help = "Example:\n  chatwork requests list")]
    List(#[command(flatten)] Limit),
    /// Approve one (the account becomes a contact).
    #[command(
        name = "accept",
        visible_alias = "approve",
        after_help = "Examples:\n  chatwork incoming-requests accept 9001\n  chatwork requests approve 9001"
    )]
    Approve {
        /// The contact request's ID (`chatwork requests list`).
        request: String,
    },
    /// Decline one (asks first).
    #[command(after_help = "Example:\n  chatwork --yes requests decline 9001")]
    Decline {
        /// The contact request's ID (`chatwork requests list`).
        request: String,
    },
}

pub async fn contacts(ctx: &Ctx, cmd: Contacts) -> Result<()> {
    let Contacts::List(Limit { limit }) = cmd;
    let mut req = ctx.client.list_contacts();
    if let Some(n) = limit {
        req = req.limit(n);
    }
    let list = req.send().await?;
    ctx.out.either(list.value(), || {
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|c| {
                vec![
                    c.account_id.to_string(),
                    c.name.clone(),
                    c.room_id.to_string(),
                    c.organization_name.clone(),
                ]
            })
            .collect();
        table(&["ID", "NAME", "DIRECT CHAT", "ORGANIZATION"], &rows)
    })
}

pub async fn requests(ctx: &Ctx, cmd: Requests) -> Result<()> {
    let c = &ctx.client;
    match cmd {
        Requests::List(Limit { limit }) => {
            let mut req = c.list_incoming_requests();
            if let Some(n) = limit {
                req = req.limit(n);
            }
            let list = req.send().await?;
            ctx.out.either(list.value(), || {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|r| {
                        vec![
                            r.request_id.to_string(),
                            label(r.account_id, &r.name),
                            r.organization_name.clone(),
                            one_line(&r.message, usize::MAX),
                        ]
                    })
                    .collect();
                table(&["ID", "FROM", "ORGANIZATION", "MESSAGE"], &rows)
            })
        }
        Requests::Approve { request } => {
            let contact = c
                .accept_incoming_request()
                .request_id(parse_id(&request, "request")?)
                .send()
                .await?;
            ctx.out.either(contact.value(), || {
                format!(
                    "{} is now a contact (direct chat {})",
                    label(contact.account_id, &contact.name),
                    contact.room_id
                )
            })
        }
        Requests::Decline { request } => {
            let id = parse_id(&request, "request")?;
            input::confirm(ctx.yes, &format!("Decline contact request {id}?"))?;
            c.decline_incoming_request().request_id(id).send().await?;
            ctx.out
                .either(&json!({"request_id": id, "declined": true}), || {
                    format!("declined contact request {id}")
                })
        }
    }
}
