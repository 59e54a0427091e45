//! `chatwork mcp`: Chatwork for AI agents, as a Model Context Protocol server over stdio or
//! Streamable HTTP. Every API operation is a tool with typed arguments and results; the
//! SDK's limiter, pacing and retries apply; text from other people comes back inert.
//!
//! - `tools`: what a tool is, and what it may do under the server's mode;
//! - `catalog`: the tools;
//! - `model` and `render`: what they answer;
//! - `watch`: new messages, for subscriptions and `wait_for_messages`;
//! - `server`: the MCP handler (tools, resources, subscriptions);
//! - `http`: the Streamable HTTP transport, where each client brings its own token.

mod catalog;
mod http;
mod model;
mod profiles;
mod render;
mod server;
mod tools;
mod watch;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chatwork::notation::Document;
use chatwork::types;
use clap::Args;

use crate::context::{Ctx, Globals};
use crate::failure::{Failure, Result};
use render::Names;
use tools::{Mode, ToolError};

pub use server::Server;

/// The longest wait for a rate limit, unless `--max-wait` says otherwise: past it a tool
/// answers with an error that says which limit and when it resets.
const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(20);

#[derive(Args, Debug)]
pub struct Mcp {
    /// Serve Streamable HTTP at this address (default 127.0.0.1:8765) instead of stdio. Each
    /// HTTP client sends its own Chatwork API token in an `X-ChatWorkToken` header.
    #[arg(long, value_name = "ADDR", num_args = 0..=1, default_missing_value = "127.0.0.1:8765")]
    pub http: Option<SocketAddr>,
    /// With --http on an address that is not loopback: the host names clients may use
    /// (checked against the Host header); repeatable.
    #[arg(long, value_name = "HOST")]
    pub allowed_host: Vec<String>,
    /// Offer the destructive tools too: delete or leave a chat, delete a message, replace
    /// members, decline a contact request, delete an invitation link, DELETE in call_api.
    /// With several profiles, `--allow-destructive=work` allows them for those named only.
    #[arg(long, value_name = "PROFILE", num_args = 0..=1, require_equals = true, default_missing_value = profiles::EVERY, value_delimiter = ',')]
    pub allow_destructive: Vec<String>,
    /// Offer the reading tools only (and GET in call_api). With several profiles,
    /// `--read-only=home` makes those named read-only.
    #[arg(long, value_name = "PROFILE", num_args = 0..=1, require_equals = true, default_missing_value = profiles::EVERY, value_delimiter = ',')]
    pub read_only: Vec<String>,
    /// How often a room is polled for new messages while someone waits on it or subscribes
    /// to it (each poll is one request of the 300 per 5 minutes).
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = crate::context::parse_wait)]
    pub poll_every: Duration,
    /// How many items a list returns when the call gives no limit.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub list_limit: u16,
    /// Print the tools as a Markdown table (name, what it does, effect) and exit.
    #[arg(long)]
    pub list_tools: bool,
}

/// One Chatwork account the server acts for: its client and its room pollers.
pub struct Account {
    pub client: chatwork::Client,
    pub watches: watch::Watches,
}

impl Account {
    pub fn new(client: chatwork::Client, every: Duration) -> Arc<Self> {
        Arc::new(Self {
            watches: watch::Watches::new(client.clone(), every),
            client,
        })
    }
}

/// What a tool call has to work with.
#[derive(Clone)]
pub struct Call {
    pub account: Arc<Account>,
    pub mode: Mode,
    pub default_limit: usize,
}

impl Call {
    pub fn client(&self) -> &chatwork::Client {
        &self.account.client
    }

    /// The limit of a list: the one given, or the server's default.
    pub fn limit(&self, given: Option<usize>) -> usize {
        given.unwrap_or(self.default_limit).clamp(1, 100)
    }

    /// `messages` for a model: each body parsed once, rendered with the names of their
    /// authors, and of the room's members when a body names someone else (one more request,
    /// only then).
    pub async fn messages(&self, room_id: i64, messages: &[types::Message]) -> Vec<model::Message> {
        let docs: Vec<Document> = messages.iter().map(|m| Document::parse(&m.body)).collect();
        let mut names = Names::default();
        for m in messages {
            names.add(m.account.account_id.get(), &m.account.name);
        }
        if !docs.iter().all(|d| names.knows_all(d))
            && let Ok(members) = self.member_names(room_id).await
        {
            names.merge(members);
        }
        messages
            .iter()
            .zip(&docs)
            .map(|(m, doc)| model::Message::new(room_id, m, doc, &names))
            .collect()
    }

    /// The room's members' names.
    pub async fn member_names(&self, room_id: i64) -> std::result::Result<Names, ToolError> {
        let members = self
            .client()
            .list_members()
            .room_id(room_id)
            .send()
            .await?
            .into_inner();
        let mut names = Names::default();
        for m in &members {
            names.add(m.account_id.get(), &m.name);
        }
        Ok(names)
    }
}

/// Runs `chatwork mcp`.
pub async fn run(globals: &Globals, args: Mcp) -> Result<()> {
    let mut names: Vec<String> = Vec::new();
    for n in &globals.profile {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    let modes = profiles::modes(&names, &args.read_only, &args.allow_destructive)?;
    let several = names.len() > 1;
    if several && args.http.is_some() {
        return Err(Failure::usage(
            "--http serves the token each client sends: several profiles are for stdio",
        ));
    }
    let mode = profiles::union(&modes);
    if args.list_tools {
        return crate::output::line(&server::tool_table(mode));
    }
    let max_wait = globals.max_wait.unwrap_or(DEFAULT_MAX_WAIT);
    let mut globals = globals.clone();
    globals.max_wait = Some(max_wait);
    let served = match several {
        true => {
            let mut served = Vec::new();
            for (name, mode) in names.iter().zip(&modes) {
                let ctx = Ctx::new(&globals.with_profile(name)).await?;
                served.push(profiles::Served {
                    profile: crate::profile::Profile::named(name)?,
                    account: Account::new(ctx.client.clone(), args.poll_every),
                    mode: *mode,
                    session: ctx.session.clone(),
                });
            }
            Some(profiles::Profiles(served))
        }
        false => None,
    };
    let settings = server::Settings {
        mode,
        default_limit: usize::from(args.list_limit),
    };
    match args.http {
        None => {
            let connector = match served {
                Some(profiles) => server::Connector::Profiles(profiles),
                None => {
                    let ctx = Ctx::new(&globals).await?;
                    server::Connector::Fixed(Account::new(ctx.client.clone(), args.poll_every))
                }
            };
            server::serve_stdio(Server::new(settings, connector)).await
        }
        // HTTP clients bring their own tokens: the server needs none, only where to send
        // them (the base URL given, Chatwork's, or the local Chatwork when no credential is
        // configured, as for every command).
        Some(addr) => {
            let ctx = match &globals.base_url {
                Some(_) => None,
                None => Some(Ctx::new(&globals).await?),
            };
            let base_url = match &ctx {
                Some(ctx) => ctx.base_url.clone(),
                None => globals.base_url.clone(),
            };
            let local = ctx
                .as_ref()
                .map(|c| c.local_tokens.clone())
                .unwrap_or_default();
            let connector = server::Connector::per_token(base_url, max_wait, args.poll_every);
            http::serve(
                Server::new(settings, connector),
                addr,
                &args.allowed_host,
                &local,
            )
            .await
        }
    }
    .map_err(|e| Failure::other(format!("the MCP server stopped: {e}")))
}
