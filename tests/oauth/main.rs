//! OAuth 2.0: consent URL with PKCE, callback checks, both grants on the wire, `expires_in`
//! shapes, and the self-refreshing session, against a token endpoint on loopback.
#![cfg(feature = "oauth")]

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use chatwork::oauth::{
    ConnectionId, ConnectionRecord, MemoryTokenStore, OAuthConfig, OAuthError, OAuthSession, Scope,
    Secret, TokenSet, TokenStore, pkce_challenge,
};
use chatwork::{Client, Credentials, Error};
use httpmock::MockServer;

const ME: &str = r#"{"account_id":1,"room_id":2,"name":"n","chatwork_id":"","organization_id":0,"organization_name":"","department":"","title":"","url":"","introduction":"","mail":"","tel_organization":"","tel_extension":"","tel_mobile":"","skype":"","facebook":"","twitter":"","avatar_image_url":"","login_mail":""}"#;
const REDIRECT: &str = "https://bot.example/callback";

fn config(server: &MockServer) -> OAuthConfig {
    OAuthConfig::confidential("client-ID", "client-SECRET-xyz", REDIRECT)
        .endpoints(server.url("/authorize"), server.url("/token"))
        .unwrap()
}

/// The tokens saved for the default connection.
async fn saved(store: &dyn TokenStore) -> TokenSet {
    let id = ConnectionId::new(chatwork::oauth::DEFAULT_CONNECTION).unwrap();
    store.load(&id).await.unwrap().unwrap().value.tokens
}

/// Saves `tokens` as another process would after a refresh.
async fn put(store: &dyn TokenStore, tokens: TokenSet) {
    let id = ConnectionId::new(chatwork::oauth::DEFAULT_CONNECTION).unwrap();
    let version = store.load(&id).await.unwrap().map(|r| r.version);
    let record = ConnectionRecord::active(tokens);
    assert!(matches!(
        store.compare_and_swap(&id, version, &record).await.unwrap(),
        chatwork::oauth::Swap::Saved(_)
    ));
}

fn tokens(access: &str, refresh: &str, expires_in: Duration) -> TokenSet {
    TokenSet::new(
        Secret::new(access),
        Some(Secret::new(refresh)),
        SystemTime::now() + expires_in,
        vec![Scope::ROOMS_ALL_READ_WRITE],
    )
}

fn token_json(access: &str, refresh: &str, expires_in: &str) -> String {
    format!(
        r#"{{"access_token":"{access}","refresh_token":"{refresh}","token_type":"Bearer","expires_in":{expires_in},"scope":"rooms.all:read_write users.profile.me:read","error_uri":null}}"#
    )
}

/// `GET /me` answered for the access token `token` only.
async fn me_for<'a>(server: &'a MockServer, token: &str) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/me")
                .header("authorization", format!("Bearer {token}"));
            then.status(200).body(ME);
        })
        .await
}

fn client(server: &MockServer, session: Arc<OAuthSession>) -> Client {
    Client::builder(Credentials::oauth_session(session))
        .base_url(server.base_url())
        .build()
        .unwrap()
}

// ---- The session under failure: one shared refresh, cancellation, fail-soft, timeouts ----

/// `n` concurrent `get_me` calls on clones of `c`.
async fn concurrent_me(c: &Client, n: usize) -> Vec<Result<String, Error>> {
    let calls = (0..n).map(|_| {
        let c = c.clone();
        tokio::spawn(async move { c.get_me().send().await.map(|me| me.name.clone()) })
    });
    futures_util::future::join_all(calls)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

fn oauth_error(result: &Result<String, Error>) -> &OAuthError {
    match result {
        Err(Error::OAuth(e)) => e,
        other => panic!("not an OAuth error: {other:?}"),
    }
}

// ---- The loopback redirect receiver ----

/// Sends `parts` on one connection (pausing between them) and returns the whole answer.
async fn browser(addr: std::net::SocketAddr, parts: &[&str]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut socket = tokio::net::TcpStream::connect(addr).await.unwrap();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        socket.write_all(part.as_bytes()).await.unwrap();
    }
    let mut answer = String::new();
    socket.read_to_string(&mut answer).await.unwrap();
    answer
}

mod consent;
mod receiver;
mod refresh;
