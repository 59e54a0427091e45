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
//! **The session** ([`OAuthSession`]) runs one refresh at a time as a task of its own, shares
//! its outcome (failure included) with every waiting call, never loses tokens the endpoint
//! returned because a caller gave up, bounds each token call by a timeout, and sends a call
//! with the current token when an early refresh fails while that token is still valid. Apps
//! on the user's machine receive the consent's redirect with [`RedirectReceiver`].
//!
//! **`expires_in`.** Chatwork documents it as seconds (the access token lives 15 minutes), but
//! its own example shows the string `"1501138041000"`, which reads as a time in Unix
//! milliseconds. Any JSON number and any numeric string is accepted (fractions of a second
//! are dropped): a value up to one year is a lifetime in seconds; a larger one is taken as an
//! absolute time (Unix milliseconds from 10^12 on, Unix seconds below). An expiry that makes
//! no sense (not a number, already past, or more than a day away) falls back to the
//! documented 15 minutes, so the session refreshes early rather than late.

mod redirect;
mod session;

pub use redirect::RedirectReceiver;
pub use session::OAuthSession;

use std::borrow::Cow;
use std::fmt;
use std::sync::Mutex;
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
/// How long a call to the token endpoint may take when neither the [`OAuthConfig`] nor the
/// [`Client`](crate::Client) using the session sets a timeout.
pub const DEFAULT_TOKEN_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a failed refresh stands for every caller before the session tries again (unless
/// a request sent after the failure gets a new 401).
pub const DEFAULT_REFRESH_COOL_DOWN: Duration = Duration::from_secs(5);

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
    /// A setting of the [`OAuthConfig`] is unusable (an endpoint URL that does not parse, or
    /// plain HTTP to a host that is not loopback).
    #[error("invalid OAuth setting: {0}")]
    InvalidConfig(String),
    /// The callback is malformed (a parameter given twice): nothing is exchanged.
    #[error("the callback is malformed: {0}")]
    InvalidCallback(String),
    /// The loopback [`RedirectReceiver`] could not listen or read the browser's request.
    #[error("the redirect could not be received: {0}")]
    Receiver(String),
    /// No redirect reached the [`RedirectReceiver`] in time.
    #[error("no redirect arrived within {} s", .0.as_secs())]
    RedirectTimeout(Duration),
}

impl OAuthError {
    /// Whether only a new consent can fix this: the refresh token was rejected, or there is
    /// none.
    pub fn needs_reauthorization(&self) -> bool {
        matches!(self, Self::ReauthorizationRequired { .. })
    }
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
/// consent, and processes that share the tokens see each other's refreshes.
///
/// A session calls [`save`](Self::save) after every refresh, from its refresh task (whether
/// or not a caller still waits), before the next refresh can start. It calls
/// [`load`](Self::load) before each refresh and after a rejected one, and uses the loaded
/// tokens instead when they are newer than its own (another process refreshed first). Both
/// are called from async code: keep them short (a small file, a local database).
pub trait TokenStore: Send + Sync + fmt::Debug {
    /// Saves the newest tokens.
    ///
    /// # Errors
    ///
    /// A message saying why they could not be saved (the refresh still counts).
    fn save(&self, tokens: &TokenSet) -> Result<(), String>;

    /// The saved tokens, if any.
    fn load(&self) -> Option<TokenSet>;

    /// Keeps other processes that share this store from refreshing until the returned
    /// [`RefreshLock`] is dropped. A session holds it around each refresh (loading, the call to
    /// the token endpoint, saving), so that of several processes whose token expired at once,
    /// one refreshes and the others load its tokens, instead of sending the same (single-use)
    /// refresh token and being told to sign in again.
    ///
    /// The wait for it is bounded by the token endpoint's timeout; past it, or on an error,
    /// the session refreshes without it. The default locks nothing (a store that only this
    /// process uses).
    fn lock(&self) -> futures_util::future::BoxFuture<'_, Result<RefreshLock, String>> {
        Box::pin(std::future::ready(Ok(RefreshLock::none())))
    }
}

/// A lock on a [`TokenStore`], held until dropped (see [`TokenStore::lock`]).
#[must_use = "the lock is released when dropped"]
pub struct RefreshLock(Option<Box<dyn Send + Sync>>);

impl RefreshLock {
    /// A lock that `guard` holds until it is dropped (a locked file, a database
    /// transaction, ...).
    pub fn new(guard: impl Send + Sync + 'static) -> Self {
        Self(Some(Box::new(guard)))
    }

    /// No lock.
    pub fn none() -> Self {
        Self(None)
    }
}

impl fmt::Debug for RefreshLock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "RefreshLock(held)"
        } else {
            "RefreshLock(none)"
        })
    }
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
    authorize_url: reqwest::Url,
    token_url: reqwest::Url,
    timeout: Option<Duration>,
    cool_down: Duration,
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
        // No timeout here: each token call is bounded by `token_timeout` as a whole.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Self {
            client_id: client_id.into(),
            client_secret,
            redirect_uri: redirect_uri.into(),
            authorize_url: reqwest::Url::parse(AUTHORIZE_URL).expect("a valid URL"),
            token_url: reqwest::Url::parse(TOKEN_URL).expect("a valid URL"),
            timeout: None,
            cool_down: DEFAULT_REFRESH_COOL_DOWN,
            http,
        }
    }

    /// Other endpoints (a local server in tests, or the local Chatwork).
    ///
    /// # Errors
    ///
    /// [`OAuthError::InvalidConfig`] when a URL does not parse, is not `http(s)`, carries a
    /// fragment, or uses plain HTTP for a host that is not loopback (`127.0.0.1`, `[::1]`,
    /// `localhost`): the client secret and the tokens travel to the token endpoint.
    pub fn endpoints(
        mut self,
        authorize_url: impl AsRef<str>,
        token_url: impl AsRef<str>,
    ) -> Result<Self, OAuthError> {
        self.authorize_url = endpoint_url("authorize", authorize_url.as_ref())?;
        self.token_url = endpoint_url("token", token_url.as_ref())?;
        Ok(self)
    }

    /// How long one call to the token endpoint may take, connection included. Without it, a
    /// session takes the timeout of the [`Client`](crate::Client) built from it (the shortest
    /// one, when several clients share the session), else [`DEFAULT_TOKEN_TIMEOUT`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How long a failed refresh stands before a session tries again
    /// ([`DEFAULT_REFRESH_COOL_DOWN`]). Within it, every caller gets the same failure (or,
    /// while the access token is still valid, is sent with it) without a new call to the token
    /// endpoint; a request sent after the failure that meets a new 401 ends it early.
    pub fn refresh_cool_down(mut self, cool_down: Duration) -> Self {
        self.cool_down = cool_down;
        self
    }

    /// The client ID.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The consent screen's URL.
    pub fn authorize_url(&self) -> &str {
        self.authorize_url.as_str()
    }

    /// The token endpoint's URL.
    pub fn token_url(&self) -> &str {
        self.token_url.as_str()
    }

    /// The redirect URI registered for the client.
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    pub(crate) fn configured_timeout(&self) -> Option<Duration> {
        self.timeout
    }

    pub(crate) fn cool_down(&self) -> Duration {
        self.cool_down
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
        let mut url = self.authorize_url.clone();
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
    /// [`OAuthError::Endpoint`] when Chatwork refuses, [`OAuthError::Transport`] (also when
    /// the endpoint does not answer within the [`timeout`](Self::timeout)) and
    /// [`OAuthError::InvalidResponse`].
    pub async fn exchange_code(
        &self,
        code: &str,
        verifier: &Secret,
    ) -> Result<TokenSet, OAuthError> {
        let answer = self
            .token_request(
                &[
                    ("grant_type", "authorization_code"),
                    ("code", code),
                    ("redirect_uri", &self.redirect_uri),
                    ("code_verifier", verifier.expose()),
                ],
                self.timeout.unwrap_or(DEFAULT_TOKEN_TIMEOUT),
            )
            .await?;
        Ok(answer.into_tokens(None))
    }

    /// Gets a new access token with the refresh token of `current`. What the answer leaves
    /// out is kept from `current` (RFC 6749, sections 5.1 and 6): without a new refresh token
    /// the old one stays valid, and without `scope` the scopes are unchanged.
    ///
    /// This is one call to the token endpoint; an [`OAuthSession`] makes it for you, once for
    /// all its callers.
    ///
    /// # Errors
    ///
    /// [`OAuthError::ReauthorizationRequired`] when the refresh token is rejected or
    /// `current` has none, and the errors of [`exchange_code`](Self::exchange_code).
    pub async fn refresh(&self, current: &TokenSet) -> Result<TokenSet, OAuthError> {
        self.refresh_within(current, self.timeout.unwrap_or(DEFAULT_TOKEN_TIMEOUT))
            .await
    }

    pub(crate) async fn refresh_within(
        &self,
        current: &TokenSet,
        timeout: Duration,
    ) -> Result<TokenSet, OAuthError> {
        let Some(refresh_token) = &current.refresh_token else {
            return Err(OAuthError::ReauthorizationRequired {
                error: "no_refresh_token".into(),
            });
        };
        let answer = self
            .token_request(
                &[
                    ("grant_type", "refresh_token"),
                    ("refresh_token", refresh_token.expose()),
                ],
                timeout,
            )
            .await
            .map_err(|e| match e {
                OAuthError::Endpoint { error, .. }
                    if matches!(error.as_str(), "invalid_grant" | "invalid_token") =>
                {
                    OAuthError::ReauthorizationRequired { error }
                }
                other => other,
            })?;
        Ok(answer.into_tokens(Some(current)))
    }

    async fn token_request(
        &self,
        fields: &[(&str, &str)],
        timeout: Duration,
    ) -> Result<TokenAnswer, OAuthError> {
        match tokio::time::timeout(timeout, self.token_call(fields)).await {
            Ok(answer) => answer,
            Err(_) => Err(OAuthError::Transport(format!(
                "no answer within {} ms",
                (timeout.as_secs_f64() * 1000.0).round()
            ))),
        }
    }

    async fn token_call(&self, fields: &[(&str, &str)]) -> Result<TokenAnswer, OAuthError> {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        let mut request = self.http.post(self.token_url.clone());
        match &self.client_secret {
            Some(secret) => {
                let basic = STANDARD.encode(format!("{}:{}", self.client_id, secret.expose()));
                let mut value = reqwest::header::HeaderValue::from_str(&format!("Basic {basic}"))
                    .map_err(|_| {
                    OAuthError::InvalidConfig(
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
        let body: TokenBody = serde_json::from_slice(&body)
            .map_err(|e| OAuthError::InvalidResponse(e.to_string()))?;
        Ok(TokenAnswer { body, sent_at })
    }
}

/// An endpoint URL: parsed once, and HTTPS unless the host is loopback.
fn endpoint_url(which: &str, raw: &str) -> Result<reqwest::Url, OAuthError> {
    let url = reqwest::Url::parse(raw)
        .map_err(|e| OAuthError::InvalidConfig(format!("the {which} URL does not parse: {e}")))?;
    if url.fragment().is_some() {
        return Err(OAuthError::InvalidConfig(format!(
            "the {which} URL must not carry a fragment"
        )));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if crate::client::is_loopback(&url) => Ok(url),
        _ => Err(OAuthError::InvalidConfig(format!(
            "the {which} URL must use https (plain http only for a loopback host)"
        ))),
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
    /// Any JSON: a number or a numeric string is read (see the module docs); anything else
    /// stands for "not said".
    expires_in: Option<serde_json::Value>,
    scope: Option<String>,
}

/// A token endpoint's answer and when its request was sent (the lifetime counts from then).
struct TokenAnswer {
    body: TokenBody,
    sent_at: SystemTime,
}

impl TokenAnswer {
    /// The tokens; what the answer leaves out is kept from `previous`.
    fn into_tokens(self, previous: Option<&TokenSet>) -> TokenSet {
        let TokenBody {
            access_token,
            refresh_token,
            expires_in,
            scope,
        } = self.body;
        let refresh_token = refresh_token
            .map(Secret)
            .or_else(|| previous.and_then(|p| p.refresh_token.clone()));
        let scopes = match scope {
            Some(scope) => scope.split_whitespace().map(Scope::new).collect(),
            None => previous.map(|p| p.scopes.clone()).unwrap_or_default(),
        };
        TokenSet {
            access_token: Secret(access_token),
            refresh_token,
            expires_at: expiry(self.sent_at, expires_in.as_ref()),
            scopes,
        }
    }
}

/// `expires_in` as a whole number: a non-negative JSON number (fractions truncated) or a
/// string holding one.
fn whole_number(value: &serde_json::Value) -> Option<u64> {
    let from_float =
        |f: f64| (f.is_finite() && f >= 0.0 && f < u64::MAX as f64).then_some(f as u64);
    match value {
        serde_json::Value::Number(n) => n.as_u64().or_else(|| n.as_f64().and_then(from_float)),
        serde_json::Value::String(s) => {
            let s = s.trim();
            s.parse::<u64>()
                .ok()
                .or_else(|| s.parse::<f64>().ok().and_then(from_float))
        }
        _ => None,
    }
}

/// When a token answered at `now` with `expires_in` expires; see the module docs.
fn expiry(now: SystemTime, expires_in: Option<&serde_json::Value>) -> SystemTime {
    let at = match expires_in.and_then(whole_number) {
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
    /// and returns the authorization code. The whole redirect URL works too; a `#fragment`
    /// is ignored.
    ///
    /// # Errors
    ///
    /// [`OAuthError::StateMismatch`] (also for a callback with two `state` parameters),
    /// [`OAuthError::InvalidCallback`] (`code`, `error` or `error_description` twice),
    /// [`OAuthError::AccessDenied`], [`OAuthError::Authorization`] or
    /// [`OAuthError::MissingCode`].
    pub fn code_from_callback(&self, query: &str) -> Result<String, OAuthError> {
        // A fragment is the browser's, never part of the query.
        let query = query.split_once('#').map_or(query, |(q, _)| q);
        let query = query.trim_start_matches('?');
        let query = query.split_once('?').map_or(query, |(_, q)| q);
        let mut code = None;
        let mut state = None;
        let mut error = None;
        let mut description = None;
        let mut states = 0usize;
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            let slot = match k.as_ref() {
                "code" => &mut code,
                "state" => {
                    states += 1;
                    &mut state
                }
                "error" => &mut error,
                "error_description" => &mut description,
                _ => continue,
            };
            if slot.is_some() && k != "state" {
                return Err(OAuthError::InvalidCallback(format!("`{k}` is given twice")));
            }
            *slot = Some(v.into_owned());
        }
        // Two states are two answers in one: neither is trusted.
        if states > 1 {
            return Err(OAuthError::StateMismatch);
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
