//! The commands, one module per group: each group's clap types and what runs them.

pub mod account;
pub mod api;
pub mod contacts;
pub mod files;
pub mod links;
pub mod messages;
pub mod rooms;
pub mod tasks;

use chatwork::model::AccountId;

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
