//! OAuth 2.0 as Chatwork offers it (authorization code with PKCE, refresh tokens), on the
//! mock's own routes: `GET /mock/oauth/authorize` stands for the consent screen with "Allow"
//! already clicked (by Alice, or `mock_user=bob`), and `POST /mock/oauth/token` is the token
//! endpoint. The access tokens it issues work as bearer tokens on API v2.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::form::field;

/// How long an issued access token lives (Chatwork: 30 minutes).
pub const ACCESS_TOKEN_LIFETIME_SECS: u64 = 1800;

/// A code waiting to be exchanged.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Grant {
    account: i64,
    client_id: String,
    redirect_uri: String,
    challenge: String,
    scope: String,
}

/// Issued codes and tokens.
#[derive(Default, Debug, Serialize, Deserialize)]
pub(crate) struct OAuthState {
    codes: HashMap<String, Grant>,
    /// Refresh token → grant.
    refresh: HashMap<String, Grant>,
    /// Access token → account.
    pub(crate) access: HashMap<String, i64>,
    next: u64,
}

impl OAuthState {
    fn fresh(&mut self, kind: &str) -> String {
        self.next += 1;
        let digest = Sha256::digest(format!(
            "{kind}-{}-{:?}",
            self.next,
            std::time::SystemTime::now()
        ));
        format!("{kind}-{}", URL_SAFE_NO_PAD.encode(&digest[..18]))
    }
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// The consent screen, "Allow" clicked: redirects to `redirect_uri` with a code and the state.
pub(crate) async fn authorize(
    State(shared): State<AppState>,
    RawQuery(query): RawQuery,
) -> Response {
    let q: Vec<(String, String)> =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let (Some(client_id), Some(redirect_uri), Some(challenge)) = (
        field(&q, "client_id"),
        field(&q, "redirect_uri"),
        field(&q, "code_challenge"),
    ) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "client_id, redirect_uri and code_challenge are required",
        );
    };
    if field(&q, "response_type") != Some("code")
        || field(&q, "code_challenge_method") != Some("S256")
    {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "response_type=code and code_challenge_method=S256 are required",
        );
    }
    let who = field(&q, "mock_user").unwrap_or("alice");
    let mut inner = shared.lock();
    let Some(account) = inner.world.account_by_name(who) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "no such mock_user",
        );
    };
    let code = inner.world.oauth.fresh("code");
    inner.world.oauth.codes.insert(
        code.clone(),
        Grant {
            account,
            client_id: client_id.to_owned(),
            redirect_uri: redirect_uri.to_owned(),
            challenge: challenge.to_owned(),
            scope: field(&q, "scope").unwrap_or_default().to_owned(),
        },
    );
    let mut back = vec![("code", code.as_str())];
    if let Some(state) = field(&q, "state") {
        back.push(("state", state));
    }
    let separator = if redirect_uri.contains('?') { '&' } else { '?' };
    let location = format!(
        "{redirect_uri}{separator}{}",
        serde_urlencoded::to_string(&back).unwrap_or_default()
    );
    (StatusCode::FOUND, [("location", location)]).into_response()
}

/// The client ID of a request: HTTP Basic (confidential clients) or the form (public ones).
fn client_id(headers: &HeaderMap, form: &[(String, String)]) -> Option<String> {
    let basic = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|pair| pair.split_once(':').map(|(id, _)| id.to_owned()));
    basic.or_else(|| field(form, "client_id").map(str::to_owned))
}

/// The token endpoint: `authorization_code` (with the PKCE verifier) and `refresh_token`.
pub(crate) async fn token(
    State(shared): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let Some(client) = client_id(&headers, &form) else {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "no client ID");
    };
    let mut inner = shared.lock();
    let oauth = &mut inner.world.oauth;
    let grant = match field(&form, "grant_type") {
        Some("authorization_code") => {
            let Some(grant) = field(&form, "code").and_then(|c| oauth.codes.remove(c)) else {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "unknown or used code",
                );
            };
            let verifier = field(&form, "code_verifier").unwrap_or_default();
            let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
            if grant.client_id != client
                || field(&form, "redirect_uri") != Some(grant.redirect_uri.as_str())
                || challenge != grant.challenge
            {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "the client, redirect_uri or code_verifier does not match",
                );
            }
            grant
        }
        Some("refresh_token") => {
            let Some(grant) = field(&form, "refresh_token").and_then(|r| oauth.refresh.remove(r))
            else {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "unknown refresh token",
                );
            };
            if grant.client_id != client {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "another client's token",
                );
            }
            grant
        }
        _ => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "authorization_code or refresh_token",
            );
        }
    };
    let access = oauth.fresh("access");
    let refresh = oauth.fresh("refresh");
    oauth.access.insert(access.clone(), grant.account);
    let scope = grant.scope.clone();
    oauth.refresh.insert(refresh.clone(), grant);
    drop(inner);
    shared.changed();
    axum::Json(json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": ACCESS_TOKEN_LIFETIME_SECS,
        "refresh_token": refresh,
        "scope": scope,
    }))
    .into_response()
}
