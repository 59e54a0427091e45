//! OAuth 2.0 for Chatwork: the consent screen with PKCE, the code exchange, refreshes, and
//! a session that keeps a [`Client`](crate::Client) signed in.
//!
//! ```no_run
//! use chatwork::oauth::{MemoryTokenStore, OAuthConfig, OAuthSession, Scope};
//! use std::sync::Arc;
//!
//! # async fn run(callback_query: &str) -> Result<(), Box<dyn std::error::Error>> {
//! let config = OAuthConfig::confidential("client-id", "client-secret", "https://bot.example/callback");
//! // 1. Send the user to Chatwork's consent screen.
//! let pending = config.authorize([Scope::ROOMS_ALL_READ_WRITE, Scope::USERS_PROFILE_ME_READ]);
//! println!("open {}", pending.url());
//! // 2. Chatwork redirects to the callback with `code` and `state`: check them, exchange the code.
//! let tokens = pending.exchange(&config, callback_query).await?;
//! // 3. A client that refreshes its access token (15 minutes) by itself and saves new tokens.
//! let session = OAuthSession::new(config, tokens, Arc::new(MemoryTokenStore::default()));
//! let client = chatwork::Client::builder(chatwork::Credentials::oauth_session(session)).build()?;
//! println!("{}", client.get_me().send().await?.name);
//! # Ok(()) }
//! ```
//!
//! **`expires_in`.** Chatwork documents it as seconds (the access token lives 15 minutes), but
//! its own example shows the string `"1501138041000"`, which reads as a time in Unix
//! milliseconds. Both a number and a numeric string are accepted: a value up to one year is
//! a lifetime in seconds; a larger one is taken as an absolute time (Unix milliseconds from
//! 10^12 on, Unix seconds below). An expiry that makes no sense (already past, or more than a
//! day away) falls back to the documented 15 minutes, so the session refreshes early rather
//! than late.

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// Chatwork's consent screen.
pub const AUTHORIZE_URL: &str = "https://www.chatwork.com/packages/oauth2/login.php";
/// Chatwork's token endpoint.
pub const TOKEN_URL: &str = "https://oauth.chatwork.com/token";
/// The documented lifetime of an access token.
pub const ACCESS_TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// How long before its expiry an access token is refreshed.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// A secret (client secret, token, PKCE verifier): never shown by `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    /// The secret itself, for sending or storing it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// An OAuth scope: one of Chatwork's (the associated constants) or any other string, so a
/// scope Chatwork adds can be asked for before this crate names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope(Cow<'static, str>);

macro_rules! scopes {
    ($($(#[$doc:meta])* $name:ident = $wire:literal,)+) => {
        impl Scope {
            $($(#[$doc])* pub const $name: Scope = Scope(Cow::Borrowed($wire));)+

            /// Every scope Chatwork documents.
            pub const ALL: &'static [Scope] = &[$(Scope::$name),+];
        }
    };
}

scopes! {
    /// A refresh token that does not expire (confidential clients only).
    OFFLINE_ACCESS = "offline_access",
    /// Your profile, status and tasks.
    USERS_ALL_READ = "users.all:read",
    /// `GET /me`.
    USERS_PROFILE_ME_READ = "users.profile.me:read",
    /// `GET /my/status`.
    USERS_STATUS_ME_READ = "users.status.me:read",
    /// `GET /my/tasks`.
    USERS_TASKS_ME_READ = "users.tasks.me:read",
    /// Read and write everything in your chats.
    ROOMS_ALL_READ_WRITE = "rooms.all:read_write",
    /// Read everything in your chats.
    ROOMS_ALL_READ = "rooms.all:read",
    /// Write everything in your chats.
    ROOMS_ALL_WRITE = "rooms.all:write",
    /// Create and delete chats.
    ROOMS_WRITE = "rooms:write",
    /// Read chats and their invitation links.
    ROOMS_INFO_READ = "rooms.info:read",
    /// Change chats and their invitation links.
    ROOMS_INFO_WRITE = "rooms.info:write",
    /// Read members.
    ROOMS_MEMBERS_READ = "rooms.members:read",
    /// Change members.
    ROOMS_MEMBERS_WRITE = "rooms.members:write",
    /// Read messages.
    ROOMS_MESSAGES_READ = "rooms.messages:read",
    /// Post, edit, delete and mark messages.
    ROOMS_MESSAGES_WRITE = "rooms.messages:write",
    /// Read tasks.
    ROOMS_TASKS_READ = "rooms.tasks:read",
    /// Create and complete tasks.
    ROOMS_TASKS_WRITE = "rooms.tasks:write",
    /// Read files.
    ROOMS_FILES_READ = "rooms.files:read",
    /// Upload files.
    ROOMS_FILES_WRITE = "rooms.files:write",
    /// Read and answer contact requests.
    CONTACTS_ALL_READ_WRITE = "contacts.all:read_write",
    /// Read contacts and contact requests.
    CONTACTS_ALL_READ = "contacts.all:read",
    /// Approve and decline contact requests.
    CONTACTS_ALL_WRITE = "contacts.all:write",
}

impl Scope {
    /// Any scope, by its name.
    pub fn new(name: impl Into<String>) -> Self {
        Self(Cow::Owned(name.into()))
    }

    /// The scope's name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether Chatwork documents this scope.
    pub fn is_known(&self) -> bool {
        Self::ALL.contains(self)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Scope {
    fn from(s: &str) -> Self {
        Self::new(s)
    }
}

/// Scopes as they travel: space-separated.
pub fn scopes_to_string<I: IntoIterator<Item = Scope>>(scopes: I) -> String {
    scopes
        .into_iter()
        .map(|s| s.0.into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Everything that can go wrong in the OAuth flow. Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OAuthError {
    /// The callback's `state` is not the one this authorization sent (a forged or crossed
    /// callback): the code is not exchanged.
    #[error("the callback's state does not match this authorization")]
    StateMismatch,
    /// The user clicked "Deny" on the consent screen.
    #[error("the user denied the authorization{}", fmt_description(.description))]
    AccessDenied {
        /// Chatwork's explanation, if sent.
        description: Option<String>,
    },
    /// The consent screen reported another error.
    #[error("the authorization failed: {error}{}", fmt_description(.description))]
    Authorization {
        /// The `error` code.
        error: String,
        /// The `error_description`, if sent.
        description: Option<String>,
    },
    /// The callback carries neither a code nor an error.
    #[error("the callback carries no authorization code")]
    MissingCode,
    /// The token endpoint refused the request.
    #[error("the token endpoint answered {status}: {error}{}", fmt_description(.description))]
    Endpoint {
        /// The HTTP status.
        status: u16,
        /// The OAuth `error` code (`invalid_client`, `invalid_request`, ...).
        error: String,
        /// The `error_description`, if sent.
        description: Option<String>,
    },
    /// The refresh token was rejected (expired after 14 days, revoked): the user must go
    /// through the consent screen again.
    #[error("the refresh token was rejected ({error}): the user must authorize again")]
    ReauthorizationRequired {
        /// The OAuth `error` code, usually `invalid_grant`.
        error: String,
    },
    /// The token endpoint could not be reached or its answer read.
    #[error("the token endpoint could not be reached: {0}")]
    Transport(String),
    /// The token endpoint answered something that is not a token.
    #[error("the token endpoint's answer is not a token: {0}")]
    InvalidResponse(String),
    /// The token store failed to save new tokens.
    #[error("the token store failed: {0}")]
    Store(String),
}

fn fmt_description(description: &Option<String>) -> String {
    description
        .as_deref()
        .map(|d| format!(": {d}"))
        .unwrap_or_default()
}

/// The tokens of a signed-in user.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenSet {
    /// The access token, sent as `Authorization: Bearer`.
    pub access_token: Secret,
    /// The refresh token, if issued.
    pub refresh_token: Option<Secret>,
    /// When the access token expires (computed from `expires_in`; see the module docs).
    pub expires_at: SystemTime,
    /// The granted scopes.
    pub scopes: Vec<Scope>,
}

impl TokenSet {
    /// Tokens from their parts (for a [`TokenStore`] that loads saved ones).
    pub fn new(
        access_token: Secret,
        refresh_token: Option<Secret>,
        expires_at: SystemTime,
        scopes: Vec<Scope>,
    ) -> Self {
        Self {
            access_token,
            refresh_token,
            expires_at,
            scopes,
        }
    }

    /// Whether the access token expires within `margin`.
    pub fn expires_within(&self, margin: Duration) -> bool {
        self.expires_at
            .duration_since(SystemTime::now())
            .map_or(true, |left| left <= margin)
    }
}

/// Where a session keeps its tokens, so that a restarted process resumes without a new
/// consent. Called after every refresh.
pub trait TokenStore: Send + Sync + fmt::Debug {
    /// Saves the newest tokens.
    ///
    /// # Errors
    ///
    /// A message saying why they could not be saved (the refresh still counts).
    fn save(&self, tokens: &TokenSet) -> Result<(), String>;

    /// The saved tokens, if any.
    fn load(&self) -> Option<TokenSet>;
}

/// A [`TokenStore`] in memory (lost with the process).
#[derive(Debug, Default)]
pub struct MemoryTokenStore(Mutex<Option<TokenSet>>);

impl TokenStore for MemoryTokenStore {
    fn save(&self, tokens: &TokenSet) -> Result<(), String> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(tokens.clone());
        Ok(())
    }

    fn load(&self) -> Option<TokenSet> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// A registered OAuth client of Chatwork.
#[derive(Clone, Debug)]
pub struct OAuthConfig {
    client_id: String,
    client_secret: Option<Secret>,
    redirect_uri: String,
    authorize_url: String,
    token_url: String,
    http: reqwest::Client,
}

impl OAuthConfig {
    /// A confidential client (a server): authenticates to the token endpoint with HTTP Basic.
    pub fn confidential(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        Self::new(client_id, Some(Secret::new(client_secret)), redirect_uri)
    }

    /// A public client (a mobile or desktop app, no secret): sends `client_id` in the body and
    /// relies on PKCE.
    pub fn public(client_id: impl Into<String>, redirect_uri: impl Into<String>) -> Self {
        Self::new(client_id, None, redirect_uri)
    }

    fn new(
        client_id: impl Into<String>,
        client_secret: Option<Secret>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap_or_default();
        Self {
            client_id: client_id.into(),
            client_secret,
            redirect_uri: redirect_uri.into(),
            authorize_url: AUTHORIZE_URL.to_owned(),
            token_url: TOKEN_URL.to_owned(),
            http,
        }
    }

    /// Other endpoints (a local server in tests).
    pub fn endpoints(
        mut self,
        authorize_url: impl Into<String>,
        token_url: impl Into<String>,
    ) -> Self {
        self.authorize_url = authorize_url.into();
        self.token_url = token_url.into();
        self
    }

    /// The client ID.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// Starts an authorization: the consent screen's URL with a random `state` and a PKCE
    /// S256 challenge, and what is needed to check the callback.
    pub fn authorize<I: IntoIterator<Item = Scope>>(&self, scopes: I) -> PendingAuthorization {
        let state = random_token(16);
        let verifier = random_token(32);
        self.authorize_with(scopes, state, verifier)
    }

    fn authorize_with<I: IntoIterator<Item = Scope>>(
        &self,
        scopes: I,
        state: String,
        verifier: String,
    ) -> PendingAuthorization {
        let mut url = reqwest::Url::parse(&self.authorize_url)
            .unwrap_or_else(|_| reqwest::Url::parse(AUTHORIZE_URL).expect("a valid URL"));
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("scope", &scopes_to_string(scopes))
            .append_pair("state", &state)
            .append_pair("code_challenge", &pkce_challenge(&verifier))
            .append_pair("code_challenge_method", "S256");
        PendingAuthorization {
            url: url.to_string(),
            state,
            verifier: Secret(verifier),
        }
    }

    /// Exchanges an authorization code (valid for one minute) for tokens.
    ///
    /// # Errors
    ///
    /// [`OAuthError::Endpoint`] when Chatwork refuses, [`OAuthError::Transport`] and
    /// [`OAuthError::InvalidResponse`].
    pub async fn exchange_code(
        &self,
        code: &str,
        verifier: &Secret,
    ) -> Result<TokenSet, OAuthError> {
        self.token_request(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", &self.redirect_uri),
            ("code_verifier", verifier.expose()),
        ])
        .await
    }

    /// Gets a new access token with a refresh token.
    ///
    /// # Errors
    ///
    /// [`OAuthError::ReauthorizationRequired`] when the refresh token is rejected, and the
    /// errors of [`exchange_code`](Self::exchange_code).
    pub async fn refresh(&self, refresh_token: &Secret) -> Result<TokenSet, OAuthError> {
        let mut tokens = self
            .token_request(&[
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh_token.expose()),
            ])
            .await
            .map_err(|e| match e {
                OAuthError::Endpoint { error, .. }
                    if matches!(error.as_str(), "invalid_grant" | "invalid_token") =>
                {
                    OAuthError::ReauthorizationRequired { error }
                }
                other => other,
            })?;
        // Without a new refresh token, the old one stays valid.
        if tokens.refresh_token.is_none() {
            tokens.refresh_token = Some(refresh_token.clone());
        }
        Ok(tokens)
    }

    async fn token_request(&self, fields: &[(&str, &str)]) -> Result<TokenSet, OAuthError> {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        let mut request = self.http.post(&self.token_url);
        match &self.client_secret {
            Some(secret) => {
                let basic = STANDARD.encode(format!("{}:{}", self.client_id, secret.expose()));
                let mut value = reqwest::header::HeaderValue::from_str(&format!("Basic {basic}"))
                    .map_err(|_| {
                    OAuthError::InvalidResponse(
                        "the client ID or secret cannot be sent in a header".into(),
                    )
                })?;
                value.set_sensitive(true);
                request = request.header(reqwest::header::AUTHORIZATION, value);
            }
            None => form.push(("client_id", &self.client_id)),
        }
        let sent_at = SystemTime::now();
        let response = request
            .form(&form)
            .send()
            .await
            .map_err(|e| OAuthError::Transport(e.without_url().to_string()))?;
        let status = response.status().as_u16();
        let body = response
            .bytes()
            .await
            .map_err(|e| OAuthError::Transport(e.without_url().to_string()))?;
        if !(200..300).contains(&status) {
            let parsed: Option<ErrorBody> = serde_json::from_slice(&body).ok();
            return Err(OAuthError::Endpoint {
                status,
                error: parsed
                    .as_ref()
                    .and_then(|p| p.error.clone())
                    .unwrap_or_else(|| "unknown_error".into()),
                description: parsed.and_then(|p| p.error_description),
            });
        }
        let raw: TokenBody = serde_json::from_slice(&body)
            .map_err(|e| OAuthError::InvalidResponse(e.to_string()))?;
        Ok(TokenSet {
            access_token: Secret(raw.access_token),
            refresh_token: raw.refresh_token.map(Secret),
            expires_at: expiry(sent_at, raw.expires_in.as_ref()),
            scopes: raw
                .scope
                .unwrap_or_default()
                .split_whitespace()
                .map(Scope::new)
                .collect(),
        })
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: Option<String>,
    error_description: Option<String>,
}

#[derive(Deserialize)]
struct TokenBody {
    access_token: String,
    refresh_token: Option<String>,
    expires_in: Option<NumberOrString>,
    scope: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum NumberOrString {
    Number(u64),
    Text(String),
}

/// When a token answered at `now` with `expires_in` expires; see the module docs.
fn expiry(now: SystemTime, expires_in: Option<&NumberOrString>) -> SystemTime {
    let value = match expires_in {
        Some(NumberOrString::Number(n)) => Some(*n),
        Some(NumberOrString::Text(t)) => t.trim().parse().ok(),
        None => None,
    };
    let at = match value {
        Some(v) if v <= 365 * 24 * 3600 => now.checked_add(Duration::from_secs(v)),
        Some(v) if v >= 1_000_000_000_000 => UNIX_EPOCH.checked_add(Duration::from_millis(v)),
        Some(v) => UNIX_EPOCH.checked_add(Duration::from_secs(v)),
        None => None,
    };
    let sensible = |t: &SystemTime| *t > now && *t <= now + Duration::from_secs(24 * 3600);
    at.filter(sensible).unwrap_or(now + ACCESS_TOKEN_LIFETIME)
}

fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    if getrandom::fill(&mut buf).is_err() {
        // No OS randomness: fall back to the hasher's per-process random keys and the clock.
        use std::hash::{BuildHasher, Hasher};
        for chunk in buf.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(
                SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0),
            );
            let v = h.finish().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
    }
    URL_SAFE_NO_PAD.encode(buf)
}

/// The PKCE S256 challenge of a verifier (RFC 7636): URL-safe Base64, without padding, of
/// its SHA-256.
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// An authorization in progress: the consent URL, and the `state` and PKCE verifier that
/// the callback is checked against. Keep it (server side) until the callback arrives.
#[derive(Clone, Debug)]
pub struct PendingAuthorization {
    url: String,
    state: String,
    verifier: Secret,
}

impl PendingAuthorization {
    /// Rebuilds a pending authorization from its parts (e.g. kept in a session store).
    pub fn from_parts(url: impl Into<String>, state: impl Into<String>, verifier: Secret) -> Self {
        Self {
            url: url.into(),
            state: state.into(),
            verifier,
        }
    }

    /// The consent screen's URL: send the user there.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The random `state` sent with it.
    pub fn state(&self) -> &str {
        &self.state
    }

    /// The PKCE verifier (secret: keep it server side).
    pub fn verifier(&self) -> &Secret {
        &self.verifier
    }

    /// Checks the callback's query string (`code=..&state=..`, or `error=access_denied..`)
    /// and returns the authorization code.
    ///
    /// # Errors
    ///
    /// [`OAuthError::StateMismatch`], [`OAuthError::AccessDenied`],
    /// [`OAuthError::Authorization`] or [`OAuthError::MissingCode`].
    pub fn code_from_callback(&self, query: &str) -> Result<String, OAuthError> {
        let query = query.trim_start_matches('?');
        let query = query.split_once('?').map_or(query, |(_, q)| q);
        let mut code = None;
        let mut state = None;
        let mut error = None;
        let mut description = None;
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "code" => code = Some(v.into_owned()),
                "state" => state = Some(v.into_owned()),
                "error" => error = Some(v.into_owned()),
                "error_description" => description = Some(v.into_owned()),
                _ => {}
            }
        }
        // The state is checked first: an unsolicited callback says nothing about this user.
        let state_ok = state.as_deref().is_some_and(|s| {
            use subtle::ConstantTimeEq as _;
            bool::from(s.as_bytes().ct_eq(self.state.as_bytes()))
        });
        if !state_ok {
            return Err(OAuthError::StateMismatch);
        }
        match (error, code) {
            (Some(e), _) if e == "access_denied" => Err(OAuthError::AccessDenied { description }),
            (Some(error), _) => Err(OAuthError::Authorization { error, description }),
            (None, Some(code)) if !code.is_empty() => Ok(code),
            _ => Err(OAuthError::MissingCode),
        }
    }

    /// Checks the callback (its query string, or the whole redirect URL) and exchanges the
    /// code for tokens.
    ///
    /// # Errors
    ///
    /// Those of [`code_from_callback`](Self::code_from_callback) and
    /// [`OAuthConfig::exchange_code`].
    pub async fn exchange(
        &self,
        config: &OAuthConfig,
        callback: &str,
    ) -> Result<TokenSet, OAuthError> {
        let code = self.code_from_callback(callback)?;
        config.exchange_code(&code, &self.verifier).await
    }
}

/// A signed-in user's tokens, refreshed when needed and shared by every clone of the
/// [`Client`](crate::Client) built from it.
///
/// Before a request, an access token expiring within [`REFRESH_MARGIN`] is refreshed; after
/// a 401 `invalid_token`, the token is refreshed once and the request sent again. Concurrent
/// requests share one refresh (single flight). New tokens go to the [`TokenStore`].
pub struct OAuthSession {
    config: OAuthConfig,
    store: Arc<dyn TokenStore>,
    tokens: tokio::sync::Mutex<TokenSet>,
}

impl fmt::Debug for OAuthSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthSession")
            .field("client_id", &self.config.client_id)
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl OAuthSession {
    /// A session from tokens just obtained (they are saved to `store`).
    pub fn new(config: OAuthConfig, tokens: TokenSet, store: Arc<dyn TokenStore>) -> Arc<Self> {
        if let Err(e) = store.save(&tokens) {
            tracing::warn!(error = %e, "the token store could not save the tokens");
        }
        Arc::new(Self {
            config,
            store,
            tokens: tokio::sync::Mutex::new(tokens),
        })
    }

    /// A session from the tokens saved in `store` (a restarted process), if there are any.
    pub fn resume(config: OAuthConfig, store: Arc<dyn TokenStore>) -> Option<Arc<Self>> {
        let tokens = store.load()?;
        Some(Arc::new(Self {
            config,
            store,
            tokens: tokio::sync::Mutex::new(tokens),
        }))
    }

    /// The current tokens.
    pub async fn tokens(&self) -> TokenSet {
        self.tokens.lock().await.clone()
    }

    /// A valid access token, refreshed first when it expires within [`REFRESH_MARGIN`].
    pub(crate) async fn access_token(&self) -> Result<Secret, OAuthError> {
        let mut tokens = self.tokens.lock().await;
        if tokens.expires_within(REFRESH_MARGIN) {
            self.refresh_locked(&mut tokens).await?;
        }
        Ok(tokens.access_token.clone())
    }

    /// After a 401 for `rejected`: refreshes, unless another request already did.
    pub(crate) async fn refresh_after_rejection(
        &self,
        rejected: &Secret,
    ) -> Result<(), OAuthError> {
        let mut tokens = self.tokens.lock().await;
        if tokens.access_token != *rejected {
            return Ok(());
        }
        self.refresh_locked(&mut tokens).await
    }

    async fn refresh_locked(&self, tokens: &mut TokenSet) -> Result<(), OAuthError> {
        let Some(refresh) = tokens.refresh_token.clone() else {
            return Err(OAuthError::ReauthorizationRequired {
                error: "no_refresh_token".into(),
            });
        };
        tracing::debug!("refreshing the OAuth access token");
        let fresh = self.config.refresh(&refresh).await?;
        *tokens = fresh;
        self.store
            .save(tokens)
            .map_err(OAuthError::Store)
            .or_else(|e| {
                // The refresh worked; a failed save only costs a consent after a restart.
                tracing::warn!(error = %e, "the token store could not save refreshed tokens");
                Ok(())
            })
    }
}

impl crate::policy::Authenticator for OAuthSession {
    fn authorization(
        &self,
    ) -> futures_util::future::BoxFuture<'_, Result<reqwest::header::HeaderValue, crate::Error>>
    {
        Box::pin(async move {
            let token = self.access_token().await.map_err(to_error)?;
            bearer(&token)
        })
    }

    fn rejected<'a>(
        &'a self,
        sent: &'a reqwest::header::HeaderValue,
    ) -> futures_util::future::BoxFuture<'a, Result<(), crate::Error>> {
        Box::pin(async move {
            let sent = sent
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(Secret::new)
                .unwrap_or_else(|| Secret::new(""));
            self.refresh_after_rejection(&sent).await.map_err(to_error)
        })
    }
}

fn to_error(e: OAuthError) -> crate::Error {
    crate::Error::OAuth(Box::new(e))
}

fn bearer(token: &Secret) -> Result<reqwest::header::HeaderValue, crate::Error> {
    let mut value = reqwest::header::HeaderValue::from_str(&format!("Bearer {}", token.expose()))
        .map_err(|_| {
        crate::Error::config("the access token cannot be sent in an HTTP header")
    })?;
    value.set_sensitive(true);
    Ok(value)
}
