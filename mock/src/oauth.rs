//! OAuth 2.0 as Chatwork offers it (authorization code with PKCE, refresh tokens), on the
//! mock's own routes: `GET /mock/oauth/authorize` is the consent screen (a page: the app, the
//! scopes in words, an account chooser, "Allow" and "Deny", answered by `POST` to the same
//! route), or with `mock_user=bob` "Allow" clicked at once, and `POST /mock/oauth/token` is the token
//! endpoint. The access tokens it issues work as bearer tokens on API v2, for the operations
//! their scopes allow, for 15 minutes of the local Chatwork's clock (see
//! [`MockServer::advance_clock`](crate::MockServer::advance_clock)); refresh tokens last 14
//! days (without `offline_access`) and codes one minute, as on Chatwork.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::form::field;
use crate::operations::SCOPES;
use crate::world::World;
pub use crate::world::grants::TokenStats;
use crate::world::grants::{Access, Grant};

/// How long an issued access token lives (Chatwork: 15 minutes).
pub const ACCESS_TOKEN_LIFETIME_SECS: u64 = 15 * 60;

/// How long a refresh token lives without `offline_access` (Chatwork: 14 days).
pub const REFRESH_TOKEN_LIFETIME_SECS: u64 = 14 * 24 * 60 * 60;

/// How long an authorization code can be exchanged (Chatwork: 1 minute).
pub const CODE_LIFETIME_SECS: u64 = 60;

/// The state file failed under a request: RFC 6749's `server_error`.
fn server_error(e: &std::io::Error) -> Response {
    oauth_error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "server_error",
        &e.to_string(),
    )
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": error, "error_description": description})),
    )
        .into_response()
}

/// Why an authorization request is refused: RFC 6749's error code and its description.
struct Refused(&'static str, String);

impl Refused {
    fn response(self) -> Response {
        oauth_error(StatusCode::BAD_REQUEST, self.0, &self.1)
    }
}

/// An authorization request, checked as Chatwork checks it before showing its consent
/// screen.
struct Asked {
    client_id: String,
    redirect_uri: String,
    challenge: String,
    scope: String,
    state: Option<String>,
}

impl Asked {
    /// The request's parameters (a query, or the consent form's fields).
    fn of(q: &[(String, String)]) -> Result<Self, Refused> {
        let (Some(client_id), Some(redirect_uri), Some(challenge)) = (
            field(q, "client_id"),
            field(q, "redirect_uri"),
            field(q, "code_challenge"),
        ) else {
            return Err(Refused(
                "invalid_request",
                "client_id, redirect_uri and code_challenge are required".to_string(),
            ));
        };
        if field(q, "response_type") != Some("code")
            || field(q, "code_challenge_method") != Some("S256")
        {
            return Err(Refused(
                "invalid_request",
                "response_type=code and code_challenge_method=S256 are required".to_string(),
            ));
        }
        let scope = field(q, "scope").unwrap_or_default();
        if scope.split_ascii_whitespace().next().is_none() {
            return Err(Refused("invalid_scope", "scope is required".to_string()));
        }
        if let Some(unknown) = scope
            .split_ascii_whitespace()
            .find(|s| !SCOPES.iter().any(|(name, _)| name == s))
        {
            return Err(Refused(
                "invalid_scope",
                format!("unknown scope {unknown:?}"),
            ));
        }
        Ok(Self {
            client_id: client_id.to_owned(),
            redirect_uri: redirect_uri.to_owned(),
            challenge: challenge.to_owned(),
            scope: scope.to_owned(),
            state: field(q, "state").map(str::to_owned),
        })
    }

    /// The request's parameters, as the consent form carries them.
    fn fields(&self) -> Vec<(&str, &str)> {
        let mut fields = vec![
            ("response_type", "code"),
            ("client_id", self.client_id.as_str()),
            ("redirect_uri", self.redirect_uri.as_str()),
            ("scope", self.scope.as_str()),
            ("code_challenge", self.challenge.as_str()),
            ("code_challenge_method", "S256"),
        ];
        if let Some(state) = &self.state {
            fields.push(("state", state));
        }
        fields
    }

    /// The redirect back to the client with `params` and the state, with `status` (302 for
    /// the query flag, 303 after the consent form).
    fn back(&self, status: StatusCode, params: &[(&str, &str)]) -> Response {
        let mut back = params.to_vec();
        if let Some(state) = &self.state {
            back.push(("state", state));
        }
        let separator = if self.redirect_uri.contains('?') {
            '&'
        } else {
            '?'
        };
        let location = format!(
            "{}{separator}{}",
            self.redirect_uri,
            serde_urlencoded::to_string(&back).unwrap_or_default()
        );
        (status, [("location", location)]).into_response()
    }
}

/// `GET /mock/oauth/authorize`: the consent screen (a page with an account chooser, "Allow"
/// and "Deny"), or, with the query flag `mock_user=<name>` (for scripts), "Allow" clicked at
/// once by that account.
pub(crate) async fn authorize(
    State(shared): State<AppState>,
    RawQuery(query): RawQuery,
) -> Response {
    let q: Vec<(String, String)> =
        crate::form::urlencoded(query.as_deref().unwrap_or_default().as_bytes());
    let asked = match Asked::of(&q) {
        Ok(asked) => asked,
        Err(refused) => return refused.response(),
    };
    let Some(who) = field(&q, "mock_user") else {
        return match shared.transact(|inner| inner.world.people()).await {
            Ok(people) => crate::consent::page(&asked.fields(), &people, SCOPES),
            Err(e) => server_error(&e),
        };
    };
    let account = shared
        .transact(|inner| inner.world.account_by_name(who))
        .await;
    match account {
        Ok(Some(account)) => issue(&shared, &asked, account, StatusCode::FOUND).await,
        Ok(None) => oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "no such mock_user",
        ),
        Err(e) => server_error(&e),
    }
}

/// `POST /mock/oauth/authorize`: the consent form. "Allow" for the chosen account redirects
/// with a code; "Deny" with `error=access_denied`, as RFC 6749 (4.1.2.1) says; both with the
/// state.
pub(crate) async fn decide(State(shared): State<AppState>, body: Bytes) -> Response {
    let form = crate::form::urlencoded(&body);
    let asked = match Asked::of(&form) {
        Ok(asked) => asked,
        Err(refused) => return refused.response(),
    };
    match field(&form, "decision") {
        Some("deny") => asked.back(
            StatusCode::SEE_OTHER,
            &[
                ("error", "access_denied"),
                ("error_description", "The user denied access"),
            ],
        ),
        Some("allow") => {
            let chosen = field(&form, "account").and_then(|a| a.parse::<i64>().ok());
            let known = shared
                .transact(|inner| {
                    chosen.filter(|id| inner.world.people().iter().any(|(i, _)| i == id))
                })
                .await;
            match known {
                Ok(Some(account)) => issue(&shared, &asked, account, StatusCode::SEE_OTHER).await,
                Ok(None) => oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "choose an account",
                ),
                Err(e) => server_error(&e),
            }
        }
        _ => oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "decision must be allow or deny",
        ),
    }
}

/// "Allow" by `account`: a code for the request, and the redirect back with it.
async fn issue(shared: &AppState, asked: &Asked, account: i64, status: StatusCode) -> Response {
    let issued = shared
        .transact(|inner| {
            let expires_ms = inner.world.clock_ms() + CODE_LIFETIME_SECS * 1000;
            let code = inner.world.oauth.fresh("code");
            inner.world.oauth.codes.insert(
                code.clone(),
                Grant {
                    account,
                    client_id: asked.client_id.clone(),
                    redirect_uri: asked.redirect_uri.clone(),
                    challenge: asked.challenge.clone(),
                    scope: asked.scope.clone(),
                    expires_ms,
                },
            );
            code
        })
        .await;
    match issued {
        Ok(code) => asked.back(status, &[("code", code.as_str())]),
        Err(e) => server_error(&e),
    }
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
    let form = crate::form::urlencoded(&body);
    let Some(client) = client_id(&headers, &form) else {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "no client ID");
    };
    // A hanging endpoint: the request is never applied (its refresh token stays valid).
    let hang = {
        let mut inner = shared.lock();
        let hang = inner.token_hangs > 0;
        if hang {
            inner.token_hangs -= 1;
        }
        hang
    };
    if hang {
        let _ = shared
            .transact(|inner| inner.world.oauth.stats.hung += 1)
            .await;
        tokio::time::sleep(std::time::Duration::from_secs(600)).await;
    }
    let issued = shared
        .transact(|inner| {
            let issued = exchange(&mut inner.world, &client, &form);
            if matches!(issued, Err(("invalid_grant", _))) {
                inner.world.oauth.stats.invalid_grants += 1;
            }
            issued
        })
        .await;
    match issued {
        Ok(Ok(tokens)) => axum::Json(tokens).into_response(),
        Ok(Err((error, description))) => oauth_error(StatusCode::BAD_REQUEST, error, &description),
        Err(e) => server_error(&e),
    }
}

/// Checks a token request and issues the tokens (the token endpoint's JSON), or refuses
/// (`error`, `error_description`).
fn exchange(
    world: &mut World,
    client: &str,
    form: &[(String, String)],
) -> Result<serde_json::Value, (&'static str, String)> {
    let now = world.clock_ms();
    let oauth = &mut world.oauth;
    let invalid_grant = |why: &str| ("invalid_grant", why.to_owned());
    let grant = match field(form, "grant_type") {
        Some("authorization_code") => {
            let grant = field(form, "code")
                .and_then(|c| oauth.codes.remove(c))
                .ok_or_else(|| invalid_grant("unknown or used code"))?;
            if now >= grant.expires_ms {
                return Err(invalid_grant("the code expired"));
            }
            let verifier = field(form, "code_verifier").unwrap_or_default();
            let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
            if grant.client_id != client
                || field(form, "redirect_uri") != Some(grant.redirect_uri.as_str())
                || challenge != grant.challenge
            {
                return Err(invalid_grant(
                    "the client, redirect_uri or code_verifier does not match",
                ));
            }
            Grant {
                expires_ms: if grant
                    .scope
                    .split_ascii_whitespace()
                    .any(|s| s == "offline_access")
                {
                    u64::MAX
                } else {
                    now + REFRESH_TOKEN_LIFETIME_SECS * 1000
                },
                ..grant
            }
        }
        Some("refresh_token") => {
            let reuse = oauth.reuse_refresh_tokens;
            let grant = field(form, "refresh_token")
                .and_then(|r| {
                    if reuse {
                        oauth.refresh.get(r).cloned()
                    } else {
                        oauth.refresh.remove(r)
                    }
                })
                .ok_or_else(|| invalid_grant("unknown or used refresh token"))?;
            if now >= grant.expires_ms {
                return Err(invalid_grant("the refresh token expired"));
            }
            if grant.client_id != client {
                return Err(invalid_grant("another client's token"));
            }
            grant
        }
        _ => {
            return Err((
                "unsupported_grant_type",
                "authorization_code or refresh_token".into(),
            ));
        }
    };
    match field(form, "grant_type") {
        Some("refresh_token") => oauth.stats.refreshes += 1,
        _ => oauth.stats.codes += 1,
    }
    let access = oauth.fresh("access");
    let refresh = oauth.fresh("refresh");
    oauth.access.insert(
        access.clone(),
        Access {
            account: grant.account,
            scope: grant.scope.clone(),
            expires_ms: now + ACCESS_TOKEN_LIFETIME_SECS * 1000,
        },
    );
    let scope = grant.scope.clone();
    oauth.refresh.insert(refresh.clone(), grant);
    Ok(json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": ACCESS_TOKEN_LIFETIME_SECS,
        "refresh_token": refresh,
        "scope": scope,
    }))
}

/// `PUT /mock/oauth/settings`: `reuse_refresh_tokens=0|1` (single-use refresh tokens by
/// default), `hang_next=N` (the next N token requests hang without being applied).
pub(crate) async fn settings(State(shared): State<AppState>, body: Bytes) -> Response {
    let form = crate::form::urlencoded(&body);
    let reuse = match field(&form, "reuse_refresh_tokens") {
        None => None,
        Some("0") => Some(false),
        Some("1") => Some(true),
        Some(_) => {
            return crate::refusal::error(
                StatusCode::BAD_REQUEST,
                "Parameter 'reuse_refresh_tokens' must be 0 or 1",
            );
        }
    };
    let hang = match field(&form, "hang_next").map(str::parse::<u32>) {
        None => None,
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => {
            return crate::refusal::error(
                StatusCode::BAD_REQUEST,
                "Parameter 'hang_next' must be a whole number",
            );
        }
    };
    if let Some(n) = hang {
        shared.lock().token_hangs = n;
    }
    if let Some(reuse) = reuse
        && let Err(e) = shared
            .transact(|inner| inner.world.oauth.reuse_refresh_tokens = reuse)
            .await
    {
        return crate::refusal::state_file_failure(&e);
    }
    StatusCode::NO_CONTENT.into_response()
}

/// `GET /mock/oauth/stats`: [`TokenStats`] as JSON.
pub(crate) async fn stats(State(shared): State<AppState>) -> Response {
    match shared.transact(|inner| inner.world.oauth.stats).await {
        Ok(stats) => axum::Json(stats).into_response(),
        Err(e) => crate::refusal::state_file_failure(&e),
    }
}
