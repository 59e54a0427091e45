//! The commands, one module per group: each group's clap types and what runs them.

pub mod account;
pub mod api;
pub mod contacts;
pub mod derived;
pub mod files;
pub mod links;
pub mod messages;
pub mod rooms;
pub mod tasks;

use chatwork::model::AccountId;
use clap::Args;

use crate::failure::{Failure, Result};

fn ids(list: &[(AccountId, String)]) -> Vec<AccountId> {
    list.iter().map(|(id, _)| *id).collect()
}

fn label(id: impl std::fmt::Display, name: &str) -> String {
    if name.is_empty() {
        id.to_string()
    } else {
        format!("{name} ({id})")
    }
}

fn parse_id(text: &str, what: &str) -> Result<i64> {
    text.parse()
        .map_err(|_| Failure::usage(format!("a {what} ID is a number, got {text:?}")))
}

#[derive(Args, Debug, Clone, Copy)]
pub struct Limit {
    /// Show at most N items (1 or more).
    #[arg(long, value_name = "N", value_parser = positive)]
    pub limit: Option<usize>,
}

/// Room names and IDs that start with what was typed, for shell completion (`source <(COMPLETE=bash
/// chatwork)`): the rooms of the credential the environment gives (a token, the OAuth file, or
/// the local Chatwork), asked within 3 seconds; nothing when that fails.
pub fn complete_room(current: &std::ffi::OsStr) -> Vec<clap_complete::CompletionCandidate> {
    use clap::Parser;
    /// The options the environment gives (no command line is read while completing).
    #[derive(Parser)]
    struct FromEnv {
        #[command(flatten)]
        globals: crate::context::Globals,
    }
    let typed = current.to_string_lossy().into_owned();
    let Ok(mut cli) = FromEnv::try_parse_from(["chatwork"]) else {
        return Vec::new();
    };
    cli.globals.quiet = true;
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let rooms = runtime.block_on(async {
        let ctx = crate::context::Ctx::new(&cli.globals).await.ok()?;
        let ask = ctx.client.list_rooms().send();
        tokio::time::timeout(std::time::Duration::from_secs(3), ask)
            .await
            .ok()?
            .ok()
            .map(|r| r.into_inner())
    });
    let lower = typed.to_lowercase();
    rooms
        .unwrap_or_default()
        .into_iter()
        .flat_map(|r| {
            let id = r.room_id.to_string();
            [(r.name.clone(), format!("room {id}")), (id, r.name)]
        })
        .filter(|(value, _)| !value.is_empty() && value.to_lowercase().starts_with(&lower))
        .map(|(value, help)| clap_complete::CompletionCandidate::new(value).help(Some(help.into())))
        .collect()
}

/// A whole number of 1 or more.
pub fn positive(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{text:?} is not a whole number of 1 or more")),
    }
}
