//! `chatwork auth status`: which credential is in use, whose account, and until when.

use std::time::{SystemTime, UNIX_EPOCH};

use chatwork::oauth::Scope;
use serde_json::json;

use clap::Subcommand;

use crate::clock::time;
use crate::context::{Ctx, Source};
use crate::failure::{Failure, Result};
use crate::output::{fields, one_line};
use crate::profile::Kind;

/// `chatwork auth status`. When the profile chosen cannot be used, the profiles there are
/// are still listed before the error.
pub async fn run(g: &crate::context::Globals) -> Result<()> {
    match Ctx::new(g).await {
        Ok(ctx) => status(&ctx).await,
        Err(e) if !g.profile.is_empty() => {
            let listed = profiles(None);
            if !listed.is_empty() {
                let out = crate::output::Out { json: g.json };
                out.either(&json!({"profiles": listed_json(&listed)}), || {
                    format!("profiles:\n{}", listed_table(&listed))
                })?;
            }
            Err(e)
        }
        Err(e) => Err(e),
    }
}

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
    let profiles = profiles(Some(ctx));
    if !profiles.is_empty() {
        doc["profiles"] = listed_json(&profiles);
    }
    ctx.out.either(&doc, || {
        let mut text = fields(&pairs);
        if !profiles.is_empty() {
            text.push_str("\nprofiles (* in use):\n");
            text.push_str(&listed_table(&profiles));
        }
        text
    })?;
    match failure {
        Some(f) => Err(f),
        None => Ok(()),
    }
}

/// One profile as `auth status` lists it.
struct Listed {
    name: String,
    credential: crate::profile::Kind,
    account: Option<crate::profile::Identity>,
    state: String,
    in_use: bool,
}

fn listed_json(listed: &[Listed]) -> serde_json::Value {
    json!(
        listed
            .iter()
            .map(|p| json!({
                "profile": p.name,
                "credential": match p.credential { Kind::OAuth => "oauth", Kind::Token => "api_token" },
                "account_id": p.account.as_ref().map(|a| a.account_id),
                "name": p.account.as_ref().map(|a| a.name.clone()),
                "state": p.state,
                "in_use": p.in_use,
            }))
            .collect::<Vec<_>>()
    )
}

fn listed_table(listed: &[Listed]) -> String {
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|p| {
            vec![
                format!("{}{}", p.name, if p.in_use { " *" } else { "" }),
                match p.credential {
                    Kind::OAuth => "OAuth",
                    Kind::Token => "API token",
                }
                .to_owned(),
                p.account.as_ref().map_or("-".to_owned(), |a| {
                    format!("{} ({})", one_line(&a.name, 40), a.account_id)
                }),
                p.state.clone(),
            ]
        })
        .collect();
    crate::output::table(&["PROFILE", "CREDENTIAL", "ACCOUNT", "STATE"], &rows)
}

/// Every profile with a credential, from its files (no call is made for the others): what it
/// holds, whose account it was checked to be, and whether its sign-in still stands.
fn profiles(ctx: Option<&Ctx>) -> Vec<Listed> {
    use crate::profile::Profile;
    let in_use = |p: &Profile| match ctx.map(|c| &c.source) {
        Some(Source::OAuthFile(path) | Source::TokenFile(path)) => {
            *path == p.oauth_file() || *path == p.token_file()
        }
        _ => false,
    };
    Profile::all()
        .into_iter()
        .map(|p| {
            // `all` lists only profiles that hold a credential.
            let credential = p.kind().unwrap_or(Kind::Token);
            let state = match credential {
                Kind::OAuth => match crate::login::ended(&p.oauth_file()) {
                    Some(why) => format!("ended ({why}): run `{}`", p.login_command()),
                    None => "signed in".to_owned(),
                },
                Kind::Token => "kept".to_owned(),
            };
            Listed {
                in_use: in_use(&p),
                account: p.identity(),
                credential,
                state,
                name: p.name,
            }
        })
        .collect()
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
    /// prints a secret. Then every profile (`chatwork login --profile NAME`): what it holds,
    /// whose account, and whether its sign-in stands. Fails with exit 3 when the credential
    /// is not accepted.
    #[command(after_help = "Example:\n  chatwork auth status")]
    Status,
}
