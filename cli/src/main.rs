//! `chatwork`: every Chatwork API v2 operation from a shell. See `chatwork --help`.
#![forbid(unsafe_code)]

mod args;
mod auth;
mod cmd;
mod context;
mod failure;
mod hooks;
mod input;
mod login;
mod output;
mod terminal;

use clap::{CommandFactory, FromArgMatches};

use args::{Cli, Command};
use context::Ctx;
use failure::Result;

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
    cli.local_options = ["mock_user", "mock_state"]
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

async fn run(cli: Cli) -> Result<()> {
    let out = output::Out { json: cli.json };
    match cli.command {
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "chatwork", &mut std::io::stdout());
            return Ok(());
        }
        Command::Webhook(cmd) => return hooks::run(out, cmd).await,
        Command::Login(args) => {
            let file = login::path(cli.oauth_file.as_deref())
                .ok_or_else(|| failure::Failure::usage("no home directory: give --oauth-file"))?;
            let (token, scope) = login::login(args, &file).await?;
            // Check the new token with one call.
            let builder =
                chatwork::Client::builder(chatwork::Credentials::oauth_access_token(token));
            let builder = context::configure(builder, cli.base_url.as_deref(), cli.max_wait);
            let me = builder.build()?.get_me().send().await?;
            return out.either(
                &serde_json::json!({"account_id": me.account_id, "name": me.name, "scope": scope, "oauth_file": file}),
                || format!("signed in as {} ({}); tokens kept in {}", me.name, me.account_id, file.display()),
            );
        }
        Command::Logout => {
            let file = login::path(cli.oauth_file.as_deref())
                .ok_or_else(|| failure::Failure::usage("no home directory: give --oauth-file"))?;
            let _ = std::fs::remove_file(login::lock_path(&file));
            return match std::fs::remove_file(&file) {
                Ok(()) => out.either(&serde_json::json!({"removed": file}), || {
                    format!("signed out: removed {}", file.display())
                }),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => out
                    .either(&serde_json::json!({"removed": null}), || {
                        "not signed in".to_owned()
                    }),
                Err(e) => Err(e.into()),
            };
        }
        _ => {}
    }
    let ctx = Ctx::new(&cli).await?;
    match cli.command {
        Command::Me => cmd::account::me(&ctx).await,
        Command::Status => cmd::account::status(&ctx).await,
        Command::Rooms(c) => cmd::rooms::rooms(&ctx, c).await,
        Command::Members(c) => cmd::rooms::members(&ctx, c).await,
        Command::Messages(c) => cmd::messages::messages(&ctx, c).await,
        Command::Tasks(c) => cmd::tasks::tasks(&ctx, c).await,
        Command::Files(c) => cmd::files::files(&ctx, c).await,
        Command::Contacts(c) => cmd::contacts::contacts(&ctx, c).await,
        Command::Requests(c) => cmd::contacts::requests(&ctx, c).await,
        Command::Links(c) => cmd::links::links(&ctx, c).await,
        Command::Api(a) => cmd::api::api(&ctx, a).await,
        Command::Auth(args::Auth::Status) => auth::status(&ctx).await,
        Command::Completions { .. } | Command::Webhook(_) | Command::Login(_) | Command::Logout => {
            Ok(())
        }
    }
}
