//! `chatwork`: every Chatwork API v2 operation from a shell. See `chatwork --help`.
#![forbid(unsafe_code)]

// Where each decision lives:
// - the command line: `args` (hand-written commands, clap derive) and `cmd::derived` (a
//   command for every operation of the spec's catalog without one, and the list of those
//   written by hand); what each command does: `cmd::*`, one module per group;
// - the credential, the client and name resolution: `context`; OAuth sign-in and the token
//   file: `login`, `auth`; profiles (named credentials): `profile`; where files are kept and
//   how they are written: `paths`; the SDK client's settings: `client`;
// - an operation's arguments checked and placed (shared by derived commands and tools):
//   `operation`; reading input (bodies, confirmations): `input`; due dates in every form
//   people write them (CLI and MCP alike): `due`;
// - printing (tables, JSON, inert text): `output`, `terminal`; failures and exit codes:
//   `failure`;
// - webhooks: `hooks`; the MCP server: `mcp` (its tools under `mcp::catalog`).
mod args;
mod auth;
mod client;
mod clock;
mod cmd;
mod context;
mod due;
mod failure;
mod hooks;
mod input;
mod login;
mod mcp;
mod operation;
mod output;
mod paths;
mod profile;
mod terminal;

use clap::FromArgMatches;

use args::{Cli, Command, My};
use auth::Auth;
use cmd::{account, api, contacts, files, links, messages, rooms, tasks};
use context::Ctx;
use failure::Result;
use output::Out;

fn main() {
    // `source <(COMPLETE=bash chatwork)`: completions, room names included.
    clap_complete::CompleteEnv::with_factory(args::command).complete();
    let matches = args::command().get_matches();
    // A command derived from the spec's catalog, or a hand-written one.
    let (mut globals, chosen) = match cmd::derived::chosen(&matches) {
        Some((op, args)) => (
            context::Globals::from_arg_matches(&matches).unwrap_or_else(|e| e.exit()),
            Chosen::Derived(op, args.clone()),
        ),
        None => {
            let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
            (cli.globals, Chosen::Hand(cli.command))
        }
    };
    // The command's name, for every failure's message (`chatwork rooms get: ...`).
    let mut name = Vec::new();
    let mut level = &matches;
    while let Some((sub, deeper)) = level.subcommand() {
        name.push(sub.to_owned());
        level = deeper;
    }
    failure::set_command(name.join(" "));
    if let [profile] = globals.profile.as_slice() {
        failure::set_profile(profile.clone());
    }
    // Options of the local Chatwork given on the command line (not from the environment).
    globals.local_options = ["mock_user", "mock_state"]
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
    let result = runtime.block_on(run(&globals, chosen));
    // The local Chatwork (if any) writes its state when the context drops inside `run`.
    drop(runtime);
    if let Err(failure) = result {
        if failure.reader_left {
            return;
        }
        eprintln!("{failure}");
        std::process::exit(failure.exit as i32);
    }
}

/// What the command line chose.
enum Chosen {
    /// A hand-written command.
    Hand(Command),
    /// A command derived from the catalog, and its arguments.
    Derived(&'static chatwork::catalog::Operation, clap::ArgMatches),
}

/// Runs the command: the only place that matches on it.
async fn run(g: &context::Globals, chosen: Chosen) -> Result<()> {
    let out = Out { json: g.json };
    let command = match chosen {
        Chosen::Hand(command) => command,
        Chosen::Derived(op, args) => {
            return cmd::derived::run(&Ctx::new(g).await?, op, &args).await;
        }
    };
    match command {
        Command::Me { .. } => account::me(&Ctx::new(g).await?).await,
        Command::My(My::GetStatus) => account::status(&Ctx::new(g).await?).await,
        Command::My(My::ListTasks(t)) => {
            tasks::tasks(&Ctx::new(g).await?, tasks::Tasks::Mine(t)).await
        }
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
        Command::Auth(Auth::Status) => auth::run(g).await,
        Command::Webhook(c) => hooks::run(out, c).await,
        Command::Login(args) => {
            let profile = g.one_profile()?;
            let file = g.oauth_file.as_deref();
            login::run(profile, file, g.base_url.as_deref(), g.max_wait, out, args).await
        }
        Command::Mcp(args) => mcp::run(g, args).await,
        Command::Logout => login::logout(g.one_profile()?, g.oauth_file.as_deref(), out),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut args::command(), "chatwork", &mut script);
            output::bytes(&script)
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(args::command()).render(&mut page)?;
            output::bytes(&page)
        }
    }
}
