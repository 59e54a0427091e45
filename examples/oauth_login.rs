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
//! browser was sent to and paste it here. A redirect URI on `127.0.0.1` or `localhost`
//! (possible for public clients with a custom port) is received on a local listener instead.
//! Tokens are kept in `CHATWORK_TOKEN_FILE` (default `chatwork-tokens.json`).

use std::io::{BufRead, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use chatwork::oauth::{OAuthConfig, OAuthSession, Scope, Secret, TokenSet, TokenStore};
use chatwork::{Client, Credentials};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

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

/// Waits for one request on the redirect URI's port and returns its query string.
async fn receive_redirect(redirect: &reqwest::Url) -> Result<String, Box<dyn std::error::Error>> {
    let port = redirect.port_or_known_default().unwrap_or(80);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    eprintln!("waiting for the redirect on 127.0.0.1:{port} ...");
    let (mut socket, _) = listener.accept().await?;
    let mut buf = vec![0u8; 8192];
    let n = socket.read(&mut buf).await?;
    let request = String::from_utf8_lossy(&buf[..n]);
    let target = request
        .lines()
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .unwrap_or("/");
    let query = target
        .split_once('?')
        .map(|(_, q)| q.to_owned())
        .unwrap_or_default();
    socket
        .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nSigned in: you can close this tab.\n")
        .await?;
    Ok(query)
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
            let pending = config.authorize([Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ]);
            println!(
                "Open this URL, sign in and click \"Allow\":\n\n{}\n",
                pending.url()
            );
            let url = reqwest::Url::parse(&redirect)?;
            let local = matches!(url.host_str(), Some("127.0.0.1" | "localhost"));
            let callback = if local {
                receive_redirect(&url).await?
            } else {
                print!("Paste the address you were sent to: ");
                std::io::stdout().flush()?;
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                line.trim().to_owned()
            };
            let tokens = pending.exchange(&config, &callback).await?;
            OAuthSession::new(config, tokens, store)
        }
    };
    let client = Client::builder(Credentials::oauth_session(session)).build()?;
    let me = client.get_me().send().await?;
    println!("signed in as {} (account {})", me.name, me.account_id);
    Ok(())
}
