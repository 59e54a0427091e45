//! OAuth on the local Chatwork as on Chatwork: 15-minute access tokens that expire (through
//! the clock control), scopes enforced per operation, the `Bearer` scheme in any case, API
//! tokens only in `x-chatworktoken`, and `WWW-Authenticate` on a refused bearer token.

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chatwork_mock::{ACCESS_TOKEN_LIFETIME_SECS, MockServer};
use serde_json::Value;
use sha2::{Digest, Sha256};

const VERIFIER: &str = "a-verifier-of-at-least-forty-three-characters-0123456789";

/// Bob clicks "Allow" on the consent screen for `scope`: the code.
async fn authorize(mock: &MockServer, scope: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER));
    let query = serde_urlencoded::to_string([
        ("response_type", "code"),
        ("client_id", "app"),
        ("redirect_uri", "https://example.invalid/cb"),
        ("scope", scope),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
        ("mock_user", "bob"),
    ])
    .unwrap();
    let allowed = http
        .get(format!("{}/mock/oauth/authorize?{query}", mock.origin()))
        .send()
        .await
        .unwrap();
    assert_eq!(allowed.status(), 302, "{:?}", allowed.text().await);
    let location = allowed.headers()["location"].to_str().unwrap().to_owned();
    let code = location.split("code=").nth(1).unwrap().split('&').next();
    code.unwrap().to_owned()
}

/// The token endpoint's JSON for `form`.
async fn token(mock: &MockServer, form: &[(&str, &str)]) -> Value {
    reqwest::Client::new()
        .post(format!("{}/mock/oauth/token", mock.origin()))
        .form(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Exchanges a code from [`authorize`].
async fn exchange(mock: &MockServer, code: &str) -> Value {
    token(
        mock,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", "app"),
            ("code", code),
            ("redirect_uri", "https://example.invalid/cb"),
            ("code_verifier", VERIFIER),
        ],
    )
    .await
}

/// Refreshes with a refresh token.
async fn refresh(mock: &MockServer, refresh_token: &str) -> Value {
    token(
        mock,
        &[
            ("grant_type", "refresh_token"),
            ("client_id", "app"),
            ("refresh_token", refresh_token),
        ],
    )
    .await
}

/// Signs in as Bob with `scope`: the token endpoint's JSON.
async fn sign_in(mock: &MockServer, scope: &str) -> Value {
    let tokens = exchange(mock, &authorize(mock, scope).await).await;
    assert!(tokens["access_token"].is_string(), "{tokens}");
    tokens
}

/// `(status, www-authenticate, body)` of a request with an `authorization` header.
async fn call(
    mock: &MockServer,
    method: reqwest::Method,
    path: &str,
    authorization: &str,
) -> (u16, String, String) {
    let response = reqwest::Client::new()
        .request(method, format!("{}{path}", mock.base_url()))
        .header("authorization", authorization)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("body=hello")
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let challenge = response
        .headers()
        .get("www-authenticate")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, challenge, response.text().await.unwrap())
}

#[tokio::test]
async fn access_tokens_live_fifteen_minutes_of_the_clock_control() {
    let mock = MockServer::start().await;
    let tokens = sign_in(&mock, "users.profile.me:read").await;
    assert_eq!(tokens["expires_in"], 900);
    assert_eq!(ACCESS_TOKEN_LIFETIME_SECS, 900);
    let bearer = format!("Bearer {}", tokens["access_token"].as_str().unwrap());
    let get = reqwest::Method::GET;
    assert_eq!(call(&mock, get.clone(), "/me", &bearer).await.0, 200);

    mock.advance_clock(Duration::from_secs(899)).unwrap();
    assert_eq!(call(&mock, get.clone(), "/me", &bearer).await.0, 200);
    mock.advance_clock(Duration::from_secs(1)).unwrap();
    let (status, challenge, body) = call(&mock, get.clone(), "/me", &bearer).await;
    assert_eq!(status, 401);
    assert_eq!(
        challenge,
        r#"Bearer error="invalid_token", error_description="The access token expired""#
    );
    assert_eq!(body, r#"{"errors":["The access token expired"]}"#);

    // The refresh token still works, and its new access token is good for 15 more minutes.
    let refreshed = refresh(&mock, tokens["refresh_token"].as_str().unwrap()).await;
    let bearer = format!("Bearer {}", refreshed["access_token"].as_str().unwrap());
    assert_eq!(call(&mock, get, "/me", &bearer).await.0, 200);
}

#[tokio::test]
async fn the_clock_control_is_also_a_route() {
    let mock = MockServer::start().await;
    let tokens = sign_in(&mock, "users.all:read").await;
    let bearer = format!("Bearer {}", tokens["access_token"].as_str().unwrap());
    let http = reqwest::Client::new();
    let advanced = http
        .put(format!("{}/mock/clock", mock.origin()))
        .form(&[("advance_secs", "900")])
        .send()
        .await
        .unwrap();
    assert_eq!(advanced.status(), 204);
    assert_eq!(
        call(&mock, reqwest::Method::GET, "/me", &bearer).await.0,
        401
    );
    let refused = http
        .put(format!("{}/mock/clock", mock.origin()))
        .form(&[("advance_secs", "-1")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
}

#[tokio::test]
async fn scopes_are_enforced_per_operation_and_any_listed_one_suffices() {
    let mock = MockServer::start().await;
    let rooms: Value = reqwest::Client::new()
        .get(format!("{}/rooms", mock.base_url()))
        .header("x-chatworktoken", mock.token("bob"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let project = rooms
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Project")
        .unwrap()["room_id"]
        .clone();
    let profile_only = sign_in(&mock, "users.profile.me:read").await;
    let profile_only = format!("Bearer {}", profile_only["access_token"].as_str().unwrap());
    let (get, post) = (reqwest::Method::GET, reqwest::Method::POST);
    assert_eq!(call(&mock, get.clone(), "/me", &profile_only).await.0, 200);
    let (status, challenge, body) = call(&mock, get.clone(), "/rooms", &profile_only).await;
    assert_eq!(status, 403);
    assert!(
        challenge.starts_with(r#"Bearer error="insufficient_scope""#),
        "{challenge}"
    );
    assert!(body.starts_with(r#"{"errors":["#), "{body}");
    assert_eq!(
        call(&mock, get.clone(), "/my/status", &profile_only)
            .await
            .0,
        403
    );

    // Reading rooms does not allow posting; the narrow write scope does.
    let read = sign_in(&mock, "rooms.all:read").await;
    let read = format!("Bearer {}", read["access_token"].as_str().unwrap());
    assert_eq!(call(&mock, get.clone(), "/rooms", &read).await.0, 200);
    let messages = format!("/rooms/{project}/messages");
    assert_eq!(call(&mock, post.clone(), &messages, &read).await.0, 403);
    let write = sign_in(&mock, "rooms.messages:write users.profile.me:read").await;
    let write = format!("Bearer {}", write["access_token"].as_str().unwrap());
    assert_eq!(call(&mock, post.clone(), &messages, &write).await.0, 200);
    assert_eq!(call(&mock, get.clone(), &messages, &write).await.0, 403);
    assert_eq!(call(&mock, get, "/me", &write).await.0, 200);
    // Uploads follow the spec's scope (rooms.files:write), not rooms.messages:write.
    assert_eq!(
        call(&mock, post, &format!("/rooms/{project}/files"), &write)
            .await
            .0,
        403
    );
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive_and_api_tokens_are_not_bearer_tokens() {
    let mock = MockServer::start().await;
    let tokens = sign_in(&mock, "users.all:read").await;
    let access = tokens["access_token"].as_str().unwrap();
    let get = reqwest::Method::GET;
    for scheme in ["Bearer", "bearer", "BEARER"] {
        let (status, _, _) = call(&mock, get.clone(), "/me", &format!("{scheme} {access}")).await;
        assert_eq!(status, 200, "{scheme}");
    }
    let api_token = format!("Bearer {}", mock.token("bob"));
    let (status, challenge, body) = call(&mock, get.clone(), "/me", &api_token).await;
    assert_eq!(status, 401);
    assert_eq!(
        challenge,
        r#"Bearer error="invalid_token", error_description="The access token is invalid""#
    );
    assert_eq!(body, r#"{"errors":["The access token is invalid"]}"#);
    // Another scheme, or no token at all: Chatwork's API-token refusal, no challenge.
    let (status, challenge, body) = call(&mock, get, "/me", &format!("Basic {access}")).await;
    assert_eq!((status, challenge.as_str()), (401, ""));
    assert_eq!(body, r#"{"errors":["Invalid API token"]}"#);
}

#[tokio::test]
async fn consent_needs_known_scopes() {
    let mock = MockServer::start().await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for scope in ["", "rooms.all:read not.a:scope"] {
        let query = serde_urlencoded::to_string([
            ("response_type", "code"),
            ("client_id", "app"),
            ("redirect_uri", "https://example.invalid/cb"),
            ("scope", scope),
            ("code_challenge", "x"),
            ("code_challenge_method", "S256"),
        ])
        .unwrap();
        let refused = http
            .get(format!("{}/mock/oauth/authorize?{query}", mock.origin()))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 400, "{scope:?}");
        let body: Value = refused.json().await.unwrap();
        assert_eq!(body["error"], "invalid_scope");
    }
}

#[tokio::test]
async fn codes_last_a_minute_and_refresh_tokens_fourteen_days_without_offline_access() {
    let mock = MockServer::start().await;
    let code = authorize(&mock, "users.all:read").await;
    mock.advance_clock(Duration::from_secs(60)).unwrap();
    let late = exchange(&mock, &code).await;
    assert_eq!(late["error"], "invalid_grant");
    assert_eq!(late["error_description"], "the code expired");

    let short = sign_in(&mock, "users.all:read").await;
    let long = sign_in(&mock, "users.all:read offline_access").await;
    mock.advance_clock(Duration::from_secs(14 * 24 * 60 * 60))
        .unwrap();
    let ended = refresh(&mock, short["refresh_token"].as_str().unwrap()).await;
    assert_eq!(ended["error_description"], "the refresh token expired");
    let renewed = refresh(&mock, long["refresh_token"].as_str().unwrap()).await;
    assert_eq!(renewed["expires_in"], 900, "{renewed}");
}

#[tokio::test]
async fn the_consent_screen_is_a_page_whose_form_allows_or_denies() {
    let mock = MockServer::start().await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER));
    let asked = [
        ("response_type", "code"),
        ("client_id", "<b>app</b>"),
        ("redirect_uri", "https://example.invalid/cb?x=1"),
        (
            "scope",
            "users.profile.me:read rooms.all:read offline_access",
        ),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
        ("state", "st\"ate"),
    ];
    let url = format!(
        "{}/mock/oauth/authorize?{}",
        mock.origin(),
        serde_urlencoded::to_string(asked).unwrap()
    );
    let page = http.get(&url).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    let policy = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.starts_with("default-src 'none';"), "{policy}");
    assert_eq!(page.headers()["x-frame-options"], "DENY");
    let html = page.text().await.unwrap();
    // The request's text is text: escaped, in the heading and the hidden fields.
    assert!(html.contains("<code id=\"client-id\">&lt;b&gt;app&lt;/b&gt;</code>"));
    assert!(html.contains("name=\"state\" value=\"st&quot;ate\""));
    assert!(!html.contains("<b>app</b>") && !html.contains("<script"));
    // The scopes in the spec's words.
    assert!(
        html.contains("<strong>Read every room resource.</strong> <code>rooms.all:read</code>")
    );
    assert!(html.contains(
        "<strong>A refresh token that does not expire (confidential clients only).</strong>"
    ));
    for who in ["Alice (1001)", "Bob (1002)", "Carol (1003)", "Dave (1004)"] {
        assert!(html.contains(who), "{who}");
    }
    // Deny: back to the app with access_denied and the state, as RFC 6749 says.
    let post = |decision: &'static str, account: Option<&'static str>| {
        let mut form: Vec<(&str, &str)> = asked.to_vec();
        form.push(("decision", decision));
        if let Some(a) = account {
            form.push(("account", a));
        }
        http.post(format!("{}/mock/oauth/authorize", mock.origin()))
            .form(&form)
            .send()
    };
    let denied = post("deny", None).await.unwrap();
    assert_eq!(denied.status(), 303);
    assert_eq!(
        denied.headers()["location"],
        "https://example.invalid/cb?x=1&error=access_denied&error_description=The+user+denied+access&state=st%22ate"
    );
    // Allow for Carol: a code that is Carol's.
    let allowed = post("allow", Some("1003")).await.unwrap();
    assert_eq!(allowed.status(), 303);
    let location = allowed.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("https://example.invalid/cb?x=1&code=code-"),
        "{location}"
    );
    assert!(location.ends_with("&state=st%22ate"), "{location}");
    let code = location
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let tokens = token(
        &mock,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", "<b>app</b>"),
            ("code", code),
            ("redirect_uri", "https://example.invalid/cb?x=1"),
            ("code_verifier", VERIFIER),
        ],
    )
    .await;
    let bearer = format!("Bearer {}", tokens["access_token"].as_str().unwrap());
    let (status, _, me) = call(&mock, reqwest::Method::GET, "/me", &bearer).await;
    assert_eq!(status, 200, "{me}");
    assert!(me.contains("\"name\":\"Carol\""), "{me}");
    // An account that is not there, or no decision: refused, nothing issued.
    assert_eq!(post("allow", Some("999")).await.unwrap().status(), 400);
    assert_eq!(post("allow", None).await.unwrap().status(), 400);
    assert_eq!(post("maybe", None).await.unwrap().status(), 400);
    // The query flag for scripts still clicks "Allow" at once.
    let flagged = http
        .get(format!("{url}&mock_user=dave"))
        .send()
        .await
        .unwrap();
    assert_eq!(flagged.status(), 302);
}
