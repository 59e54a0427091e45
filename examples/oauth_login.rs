//! Signs in with OAuth 2.0 and calls `get_me`: prints Chatwork's consent URL, takes the
//! redirect (on a local listener, or pasted), exchanges the code, saves the tokens to a file
//! and resumes from that file next time.
//!
//! ```text
//! CHATWORK_CLIENT_ID=... CHATWORK_CLIENT_SECRET=... \
//! CHATWORK_REDIRECT_URI=https://bot.example/callback \
//!   cargo run --example oauth_login --features oauth
//! ```
//!
//! Without `CHATWORK_CLIENT_SECRET` the client is a public one (PKCE only). Chatwork wants
//! `https://` redirect URIs for confidential clients: after "Allow", copy the address the
//! browser was sent to and paste it here. A redirect URI `http://127.0.0.1:PORT/...` or
//! `http://localhost:PORT/...` is received on a local listener instead (Chatwork documents that
//! registered redirect URIs may not use `http://`, so this is for where a loopback URI is
//! accepted, such as the local Chatwork).
//! Tokens are kept in `CHATWORK_TOKEN_FILE` (default `chatwork-tokens.json`).

use std::io::{BufRead, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use chatwork::oauth::{
    OAuthConfig, OAuthError, OAuthSession, RedirectReceiver, Scope, Secret, TokenSet, TokenStore,
};
use chatwork::{Client, Credentials};

/// A token store in a JSON file (readable by its owner only, where the OS allows).
#[derive(Debug)]
struct FileStore {
    path: std::path::PathBuf,
    lock: Mutex<()>,
}

impl TokenStore for FileStore {
    fn save(&self, t: &TokenSet) -> Result<(), String> {
        let _guard = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let json = serde_json::json!({
            "access_token": t.access_token.expose(),
            "refresh_token": t.refresh_token.as_ref().map(Secret::expose),
            "expires_at": t.expires_at.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0),
            "scope": t.scopes.iter().map(Scope::as_str).collect::<Vec<_>>().join(" "),
        });
        std::fs::write(&self.path, json.to_string()).map_err(|e| e.to_string())
    }

    fn load(&self) -> Option<TokenSet> {
        let text = std::fs::read_to_string(&self.path).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        Some(TokenSet::new(
            Secret::new(v["access_token"].as_str()?),
            v["refresh_token"].as_str().map(Secret::new),
            UNIX_EPOCH + Duration::from_secs(v["expires_at"].as_u64()?),
            v["scope"]
                .as_str()
                .unwrap_or_default()
                .split_whitespace()
                .map(Scope::new)
                .collect(),
        ))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client_id = std::env::var("CHATWORK_CLIENT_ID").map_err(|_| "set CHATWORK_CLIENT_ID")?;
    let redirect =
        std::env::var("CHATWORK_REDIRECT_URI").map_err(|_| "set CHATWORK_REDIRECT_URI")?;
    let config = match std::env::var("CHATWORK_CLIENT_SECRET") {
        Ok(secret) => OAuthConfig::confidential(&client_id, secret, &redirect),
        Err(_) => OAuthConfig::public(&client_id, &redirect),
    };
    let path =
        std::env::var("CHATWORK_TOKEN_FILE").unwrap_or_else(|_| "chatwork-tokens.json".into());
    let store = Arc::new(FileStore {
        path: path.into(),
        lock: Mutex::new(()),
    });

    let session = match OAuthSession::resume(config.clone(), store.clone()) {
        Some(session) => {
            eprintln!("resuming from the saved tokens");
            session
        }
        None => {
            // A loopback redirect URI is received here (listening before the browser goes).
            let receiver = match RedirectReceiver::bind(&redirect).await {
                Ok(receiver) => Some(receiver),
                // Not a loopback URI: the address is pasted.
                Err(OAuthError::InvalidConfig(_)) => None,
                Err(e) => return Err(e.into()),
            };
            let pending = config.authorize([Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ]);
            println!(
                "Open this URL, sign in and click \"Allow\":\n\n{}\n",
                pending.url()
            );
            let tokens = match receiver {
                Some(receiver) => {
                    eprintln!("waiting for the redirect on {} ...", receiver.local_addr());
                    let code = receiver
                        .wait_for_code(&pending, Duration::from_secs(300))
                        .await?;
                    config.exchange_code(&code, pending.verifier()).await?
                }
                None => {
                    print!("Paste the address you were sent to: ");
                    std::io::stdout().flush()?;
                    let mut line = String::new();
                    std::io::stdin().lock().read_line(&mut line)?;
                    pending.exchange(&config, line.trim()).await?
                }
            };
            OAuthSession::new(config, tokens, store)
        }
    };
    let client = Client::builder(Credentials::oauth_session(session)).build()?;
    let me = client.get_me().send().await?;
    println!("signed in as {} (account {})", me.name, me.account_id);
    Ok(())
}
