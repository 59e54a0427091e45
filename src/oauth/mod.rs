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
//! let session = OAuthSession::new(config, tokens, Arc::new(MemoryTokenStore::default())).await?;
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

mod authorize;
mod config;
mod redirect;
#[cfg(feature = "redis")]
mod redis_store;
mod session;
mod store;
mod tokens;

pub use authorize::{PendingAuthorization, pkce_challenge};
pub use config::OAuthConfig;
pub use redirect::RedirectReceiver;
#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use redis_store::RedisTokenStore;
pub use session::{DEFAULT_CONNECTION, OAuthSession};
pub use store::{
    ConnectionId, ConnectionRecord, ConnectionState, Lease, MemoryTokenStore, StoreError,
    StoreFuture, Swap, TokenStore, Version, Versioned,
};
pub use tokens::{Scope, Secret, TokenSet, scopes_to_string};

use std::time::Duration;

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
/// How long a connection's refresh lease lives unless renewed ([`OAuthConfig::lease`]).
pub const DEFAULT_LEASE_TTL: Duration = Duration::from_secs(30);
/// How long a session waits for the lease another process holds ([`OAuthConfig::lease`]).
pub const DEFAULT_LEASE_WAIT: Duration = Duration::from_secs(10);

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
    /// The token store failed, or does not know the connection (nothing was sent to the
    /// token endpoint unless the store failed only after it: then the tokens are kept in this
    /// process).
    #[error(transparent)]
    Store(StoreError),
    /// Another process held the connection's refresh lease for the whole lease wait and no
    /// new tokens appeared: nothing was sent. Try again shortly.
    #[error("connection {connection}: another process is refreshing its tokens (waited {} ms)", .waited.as_millis())]
    LeaseBusy {
        /// The connection.
        connection: String,
        /// How long the session waited.
        waited: Duration,
    },
    /// The connection's refresh lease lapsed before the token endpoint was called (the store
    /// was unreachable to renew it): nothing was sent. Try again shortly.
    #[error(
        "connection {connection}: the refresh lease lapsed before the refresh; nothing was sent"
    )]
    LeaseLost {
        /// The connection.
        connection: String,
    },
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

    /// Whether trying again shortly may succeed: the token endpoint or the store could not
    /// be reached, or another process held the lease.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Transport(_) | Self::LeaseBusy { .. } | Self::LeaseLost { .. } => true,
            Self::Store(e) => e.is_retryable(),
            Self::Endpoint { status, .. } => *status >= 500,
            _ => false,
        }
    }
}

fn fmt_description(description: &Option<String>) -> String {
    description
        .as_deref()
        .map(|d| format!(": {d}"))
        .unwrap_or_default()
}
