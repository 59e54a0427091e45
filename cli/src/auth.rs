//! `chatwork auth status`: which credential is in use, whose account, and until when.

use std::time::{SystemTime, UNIX_EPOCH};

use chatwork::oauth::Scope;
use serde_json::json;

use clap::Subcommand;

use crate::clock::time;
use crate::context::{Ctx, Source};
use crate::failure::{Failure, Result};
use crate::output::{fields, one_line};

/// Prints the credential in use (never the secret itself), then checks it with one call.
/// A credential that does not work is still described, and the command fails with its
/// exit code.
pub async fn status(ctx: &Ctx) -> Result<()> {
    let (kind, credential, path) = match &ctx.source {
        Source::Env => ("env", "API token from CHATWORK_API_TOKEN".to_owned(), None),
        Source::TokenFile(p) => (
            "token_file",
            format!("API token in {}", p.display()),
            Some(p.clone()),
        ),
        Source::OAuthFile(p) => (
            "oauth_file",
            format!("OAuth sign-in in {}", p.display()),
            Some(p.clone()),
        ),
        Source::Local { user, state } => (
            "local",
            format!(
                "the local Chatwork as {user} (state in {})",
                state.display()
            ),
            Some(state.clone()),
        ),
    };
    // The call may refresh an OAuth session: its tokens are read afterwards.
    let me = ctx.client.get_me().send().await;
    let mut doc = json!({
        "credential": kind,
        "path": path,
        "base_url": ctx.client.base_url(),
    });
    let mut pairs = vec![
        ("credential", credential),
        ("base URL", ctx.client.base_url().to_owned()),
    ];
    let failure = match me {
        Ok(me) => {
            doc["account_id"] = json!(me.account_id);
            doc["name"] = json!(me.name);
            pairs.push((
                "account",
                format!("{} ({})", one_line(&me.name, 60), me.account_id),
            ));
            None
        }
        Err(e) => {
            doc["error"] = json!(e.to_string());
            pairs.push(("account", "unknown: the credential was not accepted".into()));
            Some(Failure::from(e))
        }
    };
    if let Some(session) = &ctx.session
        && let Some(tokens) = session.tokens()
    {
        let expires = tokens
            .expires_at
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let left = tokens
            .expires_at
            .duration_since(SystemTime::now())
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let scopes: Vec<&str> = tokens.scopes.iter().map(Scope::as_str).collect();
        doc["oauth"] = json!({
            "client_id": session.config().client_id(),
            "token_url": session.config().token_url(),
            "scopes": scopes,
            "expires_at": expires,
            "refresh_token": tokens.refresh_token.is_some(),
        });
        pairs.push(("client ID", session.config().client_id().to_owned()));
        pairs.push(("scopes", scopes.join(" ")));
        pairs.push((
            "expires",
            if left == 0 {
                format!("{} (expired)", time(expires))
            } else {
                format!("{} (in {})", time(expires), minutes(left))
            },
        ));
        pairs.push((
            "refresh",
            if tokens.refresh_token.is_some() {
                "a refresh token is kept".to_owned()
            } else {
                "no refresh token: sign in again when the access token expires".to_owned()
            },
        ));
    }
    ctx.out.either(&doc, || fields(&pairs))?;
    match failure {
        Some(f) => Err(f),
        None => Ok(()),
    }
}

fn minutes(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min", secs / 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

#[derive(Subcommand, Debug)]
pub enum Auth {
    /// Which credential is in use (API token, token file, OAuth sign-in or the local
    /// Chatwork), whose account it is and, for OAuth, when the access token expires. Never
    /// prints a secret. Fails with exit 3 when the credential is not accepted.
    #[command(after_help = "Example:\n  chatwork auth status")]
    Status,
}
