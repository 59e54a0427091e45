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

/// A whole number of 1 or more.
pub fn positive(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{text:?} is not a whole number of 1 or more")),
    }
}
