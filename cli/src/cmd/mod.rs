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
use clap::CommandFactory;

use crate::args::{Auth, Cli, Command};
use crate::context::Ctx;
use crate::failure::{Failure, Result};
use crate::output::Out;

/// Runs the command: the only place that matches on it.
pub async fn run(cli: Cli) -> Result<()> {
    let g = &cli.globals;
    let out = Out { json: g.json };
    match cli.command {
        Command::Me => account::me(&Ctx::new(g).await?).await,
        Command::Status => account::status(&Ctx::new(g).await?).await,
        Command::Rooms(c) => rooms::rooms(&Ctx::new(g).await?, c).await,
        Command::Members(c) => rooms::members(&Ctx::new(g).await?, c).await,
        Command::Messages(c) => messages::messages(&Ctx::new(g).await?, c).await,
        Command::Tasks(c) => tasks::tasks(&Ctx::new(g).await?, c).await,
        Command::Files(c) => files::files(&Ctx::new(g).await?, c).await,
        Command::Contacts(c) => contacts::contacts(&Ctx::new(g).await?, c).await,
        Command::Requests(c) => contacts::requests(&Ctx::new(g).await?, c).await,
        Command::Links(c) => links::links(&Ctx::new(g).await?, c).await,
        Command::Api(a) => api::api(&Ctx::new(g).await?, a).await,
        Command::Auth(Auth::Status) => crate::auth::status(&Ctx::new(g).await?).await,
        Command::Webhook(c) => crate::hooks::run(out, c).await,
        Command::Login(args) => crate::login::run(g, out, args).await,
        Command::Logout => crate::login::logout(g, out),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "chatwork", &mut script);
            crate::output::bytes(&script)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            crate::output::bytes(&page)
        }
    }
}

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
