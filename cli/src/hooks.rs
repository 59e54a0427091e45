//! `chatwork webhook listen|sign`: no API token needed, only the webhook's.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chatwork::webhook::axum::WebhookReceiver;
use chatwork::webhook::{WebhookVerifier, sign};
use tokio::sync::mpsc;

use clap::Subcommand;

use crate::cmd::positive;
use crate::failure::{Exit, Failure, Result};
use crate::output::Out;

/// The webhook token: `CHATWORK_WEBHOOK_TOKEN`, or the file given.
fn token(file: Option<&Path>) -> Result<String> {
    if let Some(path) = file {
        return crate::context::read_credential(path, "webhook token");
    }
    match std::env::var("CHATWORK_WEBHOOK_TOKEN") {
        Ok(t) if !t.trim().is_empty() => Ok(t.trim().to_owned()),
        _ => Err(Failure::new(Exit::Auth, "no webhook token").hint(
            "set CHATWORK_WEBHOOK_TOKEN or give --webhook-token-file (the token of the webhook's settings screen)",
        )),
    }
}

pub async fn run(out: Out, cmd: Webhook) -> Result<()> {
    match cmd {
        Webhook::Sign {
            body,
            webhook_token_file,
        } => {
            let token = token(webhook_token_file.as_deref())?;
            let bytes = if body == "-" {
                crate::input::read_stdin()?.into_bytes()
            } else if let Some(path) = body.strip_prefix('@') {
                std::fs::read(path)
                    .map_err(|e| Failure::usage(format!("cannot read {path}: {e}")))?
            } else {
                body.into_bytes()
            };
            let signature = sign(&token, &bytes)
                .map_err(|e| Failure::usage(format!("the webhook token is not usable: {e}")))?;
            out.either(&serde_json::json!({"signature": signature}), || {
                signature.clone()
            })
        }
        Webhook::Listen {
            port,
            bind,
            webhook_token_file,
            count,
        } => {
            let token = token(webhook_token_file.as_deref())?;
            let verifier = WebhookVerifier::new(&token)
                .map_err(|e| Failure::usage(format!("the webhook token is not usable: {e}")))?
                .deduplicate(1024);
            let (tx, mut rx) = mpsc::unbounded_channel();
            let (app, _handle) = WebhookReceiver::new(verifier, move |event| {
                let tx = tx.clone();
                async move {
                    let _ = tx.send(event);
                }
            })
            .await_handler(true)
            .build();
            let listener = tokio::net::TcpListener::bind((bind.as_str(), port))
                .await
                .map_err(|e| Failure::other(format!("cannot listen on {bind}:{port}: {e}")))?;
            let addr = listener.local_addr()?;
            eprintln!("chatwork: listening for webhook deliveries on http://{addr}/");
            let stop = Arc::new(AtomicUsize::new(0));
            let server = tokio::spawn(async move { axum::serve(listener, app).await });
            let mut seen = 0usize;
            while count.is_none_or(|n| seen < n) {
                let event = tokio::select! {
                    e = rx.recv() => e,
                    _ = tokio::signal::ctrl_c() => None,
                };
                let Some(event) = event else { break };
                let line = serde_json::json!({
                    "webhook_setting_id": event.webhook_setting_id,
                    "webhook_event_type": event.event_type().to_string(),
                    "webhook_event_time": event.webhook_event_time,
                    "room_id": event.room_id(),
                    "webhook_event": payload(&event.payload),
                });
                out.json_line(&line)?;
                seen += 1;
                stop.fetch_add(1, Ordering::Relaxed);
            }
            server.abort();
            Ok(())
        }
    }
}

fn payload(p: &chatwork::webhook::WebhookEventPayload) -> serde_json::Value {
    use chatwork::webhook::WebhookEventPayload as P;
    match p {
        P::MessageCreated(m) | P::MessageUpdated(m) => serde_json::to_value(m).unwrap_or_default(),
        P::MentionToMe(m) => serde_json::to_value(m).unwrap_or_default(),
        P::Unknown { raw, .. } => raw.clone(),
        _ => serde_json::Value::Null,
    }
}

#[derive(Subcommand, Debug)]
pub enum Webhook {
    /// Receive Chatwork's deliveries, verify them and print each event as a JSON line.
    /// The webhook token comes from CHATWORK_WEBHOOK_TOKEN or --webhook-token-file.
    #[command(
        after_help = "Example:\n  CHATWORK_WEBHOOK_TOKEN=... chatwork webhook listen --port 8080"
    )]
    Listen {
        /// Port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// A file holding the webhook token (its own option: never the API token's).
        #[arg(
            long,
            env = "CHATWORK_WEBHOOK_TOKEN_FILE",
            value_name = "FILE",
            hide_env_values = true
        )]
        webhook_token_file: Option<PathBuf>,
        /// Stop after N events.
        #[arg(long, value_name = "N", value_parser = positive)]
        count: Option<usize>,
    },
    /// Print the signature Chatwork would send for a body (text, `@FILE`, or `-`).
    #[command(
        after_help = "Example:\n  CHATWORK_WEBHOOK_TOKEN=... chatwork webhook sign @delivery.json"
    )]
    Sign {
        /// The body to sign: text, `@FILE`, or `-` for stdin.
        body: String,
        /// A file holding the webhook token (its own option: never the API token's).
        #[arg(
            long,
            env = "CHATWORK_WEBHOOK_TOKEN_FILE",
            value_name = "FILE",
            hide_env_values = true
        )]
        webhook_token_file: Option<PathBuf>,
    },
}
