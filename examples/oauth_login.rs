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
use std::sync::Arc;
use std::time::Duration;

use chatwork::oauth::{
    ConnectionId, ConnectionRecord, DEFAULT_CONNECTION, MemoryTokenStore, OAuthConfig, OAuthError,
    OAuthSession, RedirectReceiver, Scope, TokenStore,
};
use chatwork::{Client, Credentials};

/// The saved record in `path`, if any, put in a memory store (a long-running program would
/// implement `TokenStore` over its own storage instead, saving on every refresh).
async fn load(path: &str, store: &MemoryTokenStore) -> Result<bool, Box<dyn std::error::Error>> {
    let Ok(json) = std::fs::read(path) else {
        return Ok(false);
    };
    let id = ConnectionId::new(DEFAULT_CONNECTION)?;
    let record = ConnectionRecord::from_json(&id, &json)?;
    store.compare_and_swap(&id, None, &record).await?;
    Ok(true)
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
    let store = Arc::new(MemoryTokenStore::default());

    let session = match load(&path, &store).await? {
        true => {
            eprintln!("resuming from the saved tokens");
            OAuthSession::resume(config, store.clone()).await?
        }
        false => {
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
            OAuthSession::new(config, tokens, store.clone()).await?
        }
    };
    let client = Client::builder(Credentials::oauth_session(session)).build()?;
    let me = client.get_me().send().await?;
    println!("signed in as {} (account {})", me.name, me.account_id);
    // The tokens as they are now (refreshed, maybe): saved for the next run, owner-only.
    let id = ConnectionId::new(DEFAULT_CONNECTION)?;
    if let Some(record) = store.load(&id).await? {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options
            .open(&path)?
            .write_all(record.value.to_json().as_bytes())?;
    }
    Ok(())
}
