//! `chatwork`: every Chatwork API v2 operation from a shell. See `chatwork --help`.
#![forbid(unsafe_code)]

mod args;
mod auth;
mod client;
mod clock;
mod cmd;
mod context;
mod failure;
mod hooks;
mod input;
mod login;
mod mcp;
mod output;
mod terminal;

use clap::{CommandFactory, FromArgMatches};

use args::{Cli, Command};
use auth::Auth;
use cmd::{account, api, contacts, files, links, messages, rooms, tasks};
use context::Ctx;
use failure::Result;
use output::Out;

fn main() {
    // `source <(COMPLETE=bash chatwork)`: completions, room names included.
    clap_complete::CompleteEnv::with_factory(Cli::command).complete();
    let matches = Cli::command().get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // The command's name, for every failure's message (`chatwork rooms get: ...`).
    let mut name = Vec::new();
    let mut level = &matches;
    while let Some((sub, deeper)) = level.subcommand() {
        name.push(sub.to_owned());
        level = deeper;
    }
    failure::set_command(name.join(" "));
    // Options of the local Chatwork given on the command line (not from the environment).
    cli.globals.local_options = ["mock_user", "mock_state"]
        .into_iter()
        .filter(|id| matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine))
        .map(|id| format!("--{}", id.replace('_', "-")))
        .collect();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("chatwork: cannot start: {e}");
            std::process::exit(1);
        }
    };
    let result = runtime.block_on(run(cli));
    // The local Chatwork (if any) writes its state when the context drops inside `run`.
    drop(runtime);
    if let Err(failure) = result {
        eprintln!("{failure}");
        std::process::exit(failure.exit as i32);
    }
}

/// Runs the command: the only place that matches on it.
async fn run(cli: Cli) -> Result<()> {
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
        Command::Auth(Auth::Status) => auth::status(&Ctx::new(g).await?).await,
        Command::Webhook(c) => hooks::run(out, c).await,
        Command::Login(args) => {
            login::run(
                g.oauth_file.as_deref(),
                g.base_url.as_deref(),
                g.max_wait,
                out,
                args,
            )
            .await
        }
        Command::Mcp(args) => mcp::run(g, args).await,
        Command::Logout => login::logout(g.oauth_file.as_deref(), out),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "chatwork", &mut script);
            output::bytes(&script)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            output::bytes(&page)
        }
    }
}
