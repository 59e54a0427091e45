//! `chatwork`: every Chatwork API v2 operation from a shell. See `chatwork --help`.
#![forbid(unsafe_code)]

mod args;
mod auth;
mod clock;
mod cmd;
mod context;
mod failure;
mod hooks;
mod input;
mod login;
mod output;
mod terminal;

use clap::{CommandFactory, FromArgMatches};

use args::Cli;

fn main() {
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
    let result = runtime.block_on(cmd::run(cli));
    // The local Chatwork (if any) writes its state when the context drops inside `run`.
    drop(runtime);
    if let Err(failure) = result {
        eprintln!("{failure}");
        std::process::exit(failure.exit as i32);
    }
}
