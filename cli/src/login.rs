//! `chatwork login` / `logout`: OAuth 2.0 sign-in, tokens kept in a file only you can read.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use chatwork::oauth::{
    ConnectionId, ConnectionRecord, ConnectionState, DEFAULT_CONNECTION, Lease, OAuthConfig,
    OAuthSession, RedirectReceiver, Scope, Secret, StoreError, StoreFuture, Swap, TokenSet,
    TokenStore, Version, Versioned,
};
use serde::{Deserialize, Serialize};

use clap::Args;

use crate::failure::{Exit, Failure, Result};
use crate::output::Out;

/// The OAuth file: the client's settings and the current tokens.
#[derive(Clone, Serialize, Deserialize)]
struct Saved {
    client_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    client_secret: Option<String>,
    redirect_uri: String,
    authorize_url: String,
    token_url: String,
    access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    expires_at: u64,
    scope: String,
    /// Grows with every save (the store's compare-and-swap).
    #[serde(default)]
    version: u64,
    /// Set when Chatwork rejected the refresh token: `chatwork login` again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    needs_consent: Option<String>,
}

impl Saved {
    fn config(&self) -> Result<OAuthConfig> {
        match &self.client_secret {
            Some(secret) => OAuthConfig::confidential(&self.client_id, secret, &self.redirect_uri),
            None => OAuthConfig::public(&self.client_id, &self.redirect_uri),
        }
        .endpoints(&self.authorize_url, &self.token_url)
        .map_err(|e| Failure::usage(e.to_string()))
    }

    fn tokens(&self) -> TokenSet {
        TokenSet::new(
            Secret::new(&self.access_token),
            self.refresh_token.as_deref().map(Secret::new),
            UNIX_EPOCH + Duration::from_secs(self.expires_at),
            self.scope.split_whitespace().map(Scope::new).collect(),
        )
    }

    fn with_tokens(&self, t: &TokenSet) -> Saved {
        Saved {
            access_token: t.access_token.expose().to_owned(),
            refresh_token: t.refresh_token.as_ref().map(|s| s.expose().to_owned()),
            expires_at: t
                .expires_at
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
            scope: t
                .scopes
                .iter()
                .map(Scope::as_str)
                .collect::<Vec<_>>()
                .join(" "),
            ..self.clone()
        }
    }
}

/// Where the OAuth file lives: `--oauth-file`, `CHATWORK_OAUTH_FILE`, or
/// `~/.config/chatwork/oauth.json`.
pub fn path(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = given {
        return Some(p.to_owned());
    }
    Some(config_dir()?.join("oauth.json"))
}

mod store;
use crate::paths::{config_dir, lock_path, write_private};
use store::FileStore;

/// Why the sign-in kept in `path` can no longer be used, if it cannot: Chatwork refused its
/// refresh token, or its access token expired and there is no refresh token.
pub fn ended(path: &Path) -> Option<String> {
    let saved: Saved = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    if let Some(error) = &saved.needs_consent {
        return Some(format!("Chatwork refused its refresh token ({error})"));
    }
    let expired =
        UNIX_EPOCH + Duration::from_secs(saved.expires_at) <= std::time::SystemTime::now();
    (expired && saved.refresh_token.is_none())
        .then(|| "its access token expired and there is no refresh token".to_owned())
}

/// The signed-in session from the OAuth file, if there is one.
pub fn session(path: &Path) -> Result<Option<Arc<OAuthSession>>> {
    if !path.exists() {
        return Ok(None);
    }
    let store = FileStore {
        path: path.to_owned(),
        leases: Mutex::new(Default::default()),
    };
    let saved = store.read().ok_or_else(|| {
        Failure::new(
            Exit::Auth,
            format!("{} is not an OAuth file of this tool", path.display()),
        )
        .hint("run `chatwork logout`, then `chatwork login`")
    })?;
    let connection = ConnectionId::new(DEFAULT_CONNECTION).expect("a valid ID");
    Ok(Some(OAuthSession::lazy(
        saved.config()?,
        Arc::new(store),
        connection,
    )))
}

/// Signs in: prints the consent URL, takes the redirect (pasted, or on a local listener for a
/// `127.0.0.1`/`localhost` redirect URI), exchanges the code and saves the tokens.
pub async fn login(args: Login, file: &Path) -> Result<(String, String)> {
    let secret = match (
        &args.client_secret_file,
        std::env::var("CHATWORK_CLIENT_SECRET"),
    ) {
        (Some(path), _) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?
                .trim()
                .to_owned(),
        ),
        (None, Ok(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    };
    let scopes: Vec<Scope> = if args.scope.is_empty() {
        vec![
            Scope::USERS_ALL_READ,
            Scope::ROOMS_ALL_READ_WRITE,
            Scope::CONTACTS_ALL_READ_WRITE,
            Scope::OFFLINE_ACCESS,
        ]
    } else {
        args.scope.iter().map(|s| Scope::new(s.as_str())).collect()
    };
    let saved = Saved {
        client_id: args.client_id.clone().unwrap_or_default(),
        client_secret: secret,
        redirect_uri: args.redirect_uri.clone().unwrap_or_default(),
        authorize_url: args.authorize_url.clone(),
        token_url: args.token_url.clone(),
        access_token: String::new(),
        refresh_token: None,
        expires_at: 0,
        scope: String::new(),
        version: 0,
        needs_consent: None,
    };
    let config = saved.config()?;
    // A loopback redirect URI is received here: listen before the browser is sent off. The
    // receiver decides which URIs it takes; any other is pasted.
    let receiver = match RedirectReceiver::bind(&saved.redirect_uri).await {
        Ok(receiver) => Some(receiver),
        Err(chatwork::oauth::OAuthError::InvalidConfig(_)) => None,
        Err(e) => return Err(Failure::other(e.to_string())),
    };
    let pending = config.authorize(scopes);
    crate::output::line(&format!(
        "Open this URL, sign in and click \"Allow\":\n\n{}\n",
        pending.url()
    ))?;
    let signed_in = |e: chatwork::oauth::OAuthError| {
        let exit = match e {
            chatwork::oauth::OAuthError::RedirectTimeout(_) => Exit::Other,
            chatwork::oauth::OAuthError::Transport(_) => Exit::Network,
            _ => Exit::Auth,
        };
        Failure::new(exit, format!("sign-in failed: {e}"))
    };
    let tokens = match receiver {
        Some(receiver) => {
            eprintln!(
                "chatwork: waiting for the browser on {} ...",
                receiver.local_addr()
            );
            let code = receiver
                .wait_for_code(&pending, LOGIN_TIMEOUT)
                .await
                .map_err(signed_in)?;
            config.exchange_code(&code, pending.verifier()).await
        }
        None => {
            crate::output::line("Then paste the address your browser was sent to:")?;
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            pending.exchange(&config, line.trim()).await
        }
    }
    .map_err(signed_in)?;
    let text = serde_json::to_string_pretty(&saved.with_tokens(&tokens))
        .map_err(|e| Failure::other(e.to_string()))?;
    write_private(file, &text)?;
    let scope = tokens
        .scopes
        .iter()
        .map(Scope::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    Ok((tokens.access_token.expose().to_owned(), scope))
}

/// How long `login` waits for the browser's redirect.
const LOGIN_TIMEOUT: Duration = Duration::from_secs(300);

/// `chatwork login`: signs in (or, with `--with-token`, reads an API token from standard
/// input), keeps the credential in the profile's files, and checks it with one call.
pub async fn run(
    profile: Option<crate::profile::Profile>,
    oauth_file: Option<&Path>,
    base_url: Option<&str>,
    max_wait: Option<Duration>,
    out: Out,
    args: Login,
) -> Result<()> {
    let file = match (&profile, oauth_file) {
        (Some(p), Some(_)) => {
            return Err(Failure::usage(format!(
                "--profile {} and --oauth-file (or CHATWORK_OAUTH_FILE) both say where the sign-in goes",
                p.name
            ))
            .hint("give one of them"));
        }
        (Some(p), None) => p.oauth_file(),
        (None, given) => {
            path(given).ok_or_else(|| Failure::usage("no home directory: give --oauth-file"))?
        }
    };
    let (credentials, scope) = if args.with_token {
        let mut token = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut token)?;
        let token = token.trim().to_owned();
        if token.is_empty() {
            return Err(Failure::usage("no API token on standard input")
                .hint("`chatwork login --with-token < token.txt`"));
        }
        (chatwork::Credentials::api_token(token), None)
    } else {
        let (token, scope) = login(args, &file).await?;
        (
            chatwork::Credentials::oauth_access_token(token),
            Some(scope),
        )
    };
    let builder = chatwork::Client::builder(credentials.clone());
    let me = crate::client::configure(builder, base_url, max_wait)
        .build()?
        .get_me()
        .send()
        .await?;
    let identity = crate::profile::Identity {
        account_id: me.account_id.get(),
        name: me.name.clone(),
        base_url: base_url.map(str::to_owned),
    };
    let named = profile.is_some();
    let profile = profile.unwrap_or(crate::profile::Profile::named(crate::profile::DEFAULT)?);
    let (key, kept) = match scope {
        // The token is kept only once it was accepted; the profile then holds it alone.
        None => ("token_file", profile.save_token(&credentials)?),
        Some(_) => {
            let _ = std::fs::remove_file(profile.token_file());
            ("oauth_file", file.clone())
        }
    };
    profile.save_identity(&identity)?;
    let mut doc = serde_json::json!({"account_id": me.account_id, "name": me.name, "scope": scope, "profile": profile.name});
    doc[key] = serde_json::json!(kept);
    out.either(&doc, || {
        let profile = match named {
            true => format!(" in profile {}", profile.name),
            false => String::new(),
        };
        let what = if key == "oauth_file" {
            "tokens"
        } else {
            "the token"
        };
        format!(
            "signed in as {} ({}){profile}; {what} kept in {}",
            me.name,
            me.account_id,
            kept.display()
        )
    })
}

/// `chatwork logout`: forgets the profile's credential.
pub fn logout(
    profile: Option<crate::profile::Profile>,
    oauth_file: Option<&Path>,
    out: Out,
) -> Result<()> {
    if let Some(profile) = profile {
        let removed = profile.forget()?;
        return out.either(
            &serde_json::json!({"profile": profile.name, "removed": removed}),
            || match removed {
                true => format!("signed out of profile {}", profile.name),
                false => format!("profile {} was not signed in", profile.name),
            },
        );
    }
    // Without a profile: the OAuth file only (a token file is the user's own).
    let file =
        path(oauth_file).ok_or_else(|| Failure::usage("no home directory: give --oauth-file"))?;
    let _ = std::fs::remove_file(lock_path(&file));
    match std::fs::remove_file(&file) {
        Ok(()) => out.either(&serde_json::json!({"removed": file}), || {
            format!("signed out: removed {}", file.display())
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => out
            .either(&serde_json::json!({"removed": null}), || {
                "not signed in".to_owned()
            }),
        Err(e) => Err(e.into()),
    }
}

#[derive(Args, Debug)]
#[command(after_help = "\
The client comes from Chatwork's OAuth client settings. Without a client secret the client is a
public one (PKCE only). After \"Allow\", paste the address the browser was sent to. A redirect URI
http://127.0.0.1:PORT/... or http://localhost:PORT/... is received on a local listener instead
(waiting up to 5 minutes); Chatwork's client settings document that registered redirect URIs may
not use http://, so this serves where a loopback URI is accepted (the local Chatwork). The tokens
are kept in the OAuth file, readable by you only, and refreshed when they expire.

Example:
  CHATWORK_CLIENT_SECRET=... chatwork login --client-id abc --redirect-uri https://bot.example/cb")]
pub struct Login {
    /// The OAuth client ID.
    #[arg(
        long,
        env = "CHATWORK_CLIENT_ID",
        hide_env_values = true,
        required_unless_present = "with_token"
    )]
    pub client_id: Option<String>,
    /// The redirect URI registered for the client.
    #[arg(
        long,
        env = "CHATWORK_REDIRECT_URI",
        hide_env_values = true,
        required_unless_present = "with_token"
    )]
    pub redirect_uri: Option<String>,
    /// Keep an API token read from standard input instead of signing in with OAuth (checked
    /// with one call first).
    #[arg(long, conflicts_with_all = ["client_id", "redirect_uri", "scope", "client_secret_file"])]
    pub with_token: bool,
    /// A scope to ask for; repeatable (default: users.all:read rooms.all:read_write
    /// contacts.all:read_write offline_access).
    #[arg(long)]
    pub scope: Vec<String>,
    /// A file holding the client secret (or CHATWORK_CLIENT_SECRET).
    #[arg(long, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,
    /// The consent screen's URL.
    #[arg(long, hide = true, env = "CHATWORK_OAUTH_AUTHORIZE_URL", default_value = chatwork::oauth::AUTHORIZE_URL, hide_env_values = true)]
    pub authorize_url: String,
    /// The token endpoint's URL.
    #[arg(long, hide = true, env = "CHATWORK_OAUTH_TOKEN_URL", default_value = chatwork::oauth::TOKEN_URL, hide_env_values = true)]
    pub token_url: String,
}
