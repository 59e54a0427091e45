//! What the CLI's test files share.

/// A fresh directory to serve as `HOME` (so no token file or saved state is found).
pub fn home() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "chatwork-cli-test-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Bob signed in through the local Chatwork's OAuth endpoints, written as `chatwork login`
/// writes its file. Returns the file's JSON.
pub async fn signed_in_as_bob(
    mock: &chatwork_mock::MockServer,
    file: &std::path::Path,
) -> serde_json::Value {
    use chatwork::oauth::{OAuthConfig, Scope};
    let origin = mock.origin();
    let config = OAuthConfig::public("cli-test", "https://example.invalid/cb")
        .endpoints(
            format!("{origin}/mock/oauth/authorize"),
            format!("{origin}/mock/oauth/token"),
        )
        .unwrap();
    let pending = config.authorize([Scope::USERS_ALL_READ, Scope::ROOMS_ALL_READ_WRITE]);
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let allowed = http
        .get(format!("{}&mock_user=bob", pending.url()))
        .send()
        .await
        .unwrap();
    let location = allowed.headers()["location"].to_str().unwrap().to_owned();
    let tokens = pending.exchange(&config, &location).await.unwrap();
    let saved = serde_json::json!({
        "client_id": "cli-test",
        "redirect_uri": "https://example.invalid/cb",
        "authorize_url": format!("{origin}/mock/oauth/authorize"),
        "token_url": format!("{origin}/mock/oauth/token"),
        "access_token": tokens.access_token.expose(),
        "refresh_token": tokens.refresh_token.as_ref().unwrap().expose(),
        "expires_at": tokens.expires_at.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs(),
        "scope": "users.all:read rooms.all:read_write",
    });
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, saved.to_string()).unwrap();
    saved
}
