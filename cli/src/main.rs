//! `chatwork`: every Chatwork API v2 operation from a shell. See `chatwork --help`.
#![forbid(unsafe_code)]

mod args;
mod commands;
mod context;
mod failure;
mod hooks;
mod input;
mod output;

use clap::{CommandFactory, Parser};

use args::{Cli, Command};
use context::Ctx;
use failure::Result;

fn main() {
    let cli = Cli::parse();
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

async fn run(cli: Cli) -> Result<()> {
    let out = output::Out { json: cli.json };
    match cli.command {
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "chatwork", &mut std::io::stdout());
            return Ok(());
        }
        Command::Webhook(cmd) => return hooks::run(out, cmd).await,
        _ => {}
    }
    let ctx = Ctx::new(&cli).await?;
    match cli.command {
        Command::Me => commands::me(&ctx).await,
        Command::Status => commands::status(&ctx).await,
        Command::Rooms(c) => commands::rooms(&ctx, c).await,
        Command::Members(c) => commands::members(&ctx, c).await,
        Command::Messages(c) => commands::messages(&ctx, c).await,
        Command::Tasks(c) => commands::tasks(&ctx, c).await,
        Command::Files(c) => commands::files(&ctx, c).await,
        Command::Contacts(c) => commands::contacts(&ctx, c).await,
        Command::Requests(c) => commands::requests(&ctx, c).await,
        Command::Links(c) => commands::links(&ctx, c).await,
        Command::Api(a) => commands::api(&ctx, a).await,
        Command::Completions { .. } | Command::Webhook(_) => Ok(()),
    }
}
