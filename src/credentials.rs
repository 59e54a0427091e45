//! How requests are authenticated: the credentials a client is built with, and the hook
//! through which an OAuth session provides (and refreshes) the token of each attempt.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};
use tokio::time::Instant;

use crate::error::Error;

/// The header that carries an API token.
pub const TOKEN_HEADER: &str = "x-chatworktoken";

/// How the client authenticates. The secret is never printed: `Debug` shows only the kind.
#[derive(Clone)]
pub struct Credentials {
    pub(crate) kind: CredentialKind,
    secret: String,
    /// A session that provides (and refreshes) the token per request.
    pub(crate) auth: Option<Arc<dyn Authenticator>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CredentialKind {
    ApiToken,
    OAuth,
    #[cfg_attr(not(feature = "oauth"), allow(dead_code))]
    OAuthSession,
}

impl Credentials {
    /// An API token from Chatwork's settings screen, sent as `x-chatworktoken`.
    pub fn api_token(token: impl Into<String>) -> Self {
        Self {
            kind: CredentialKind::ApiToken,
            secret: token.into(),
            auth: None,
        }
    }

    /// An OAuth 2.0 access token, sent as `Authorization: Bearer ...`.
    pub fn oauth_access_token(token: impl Into<String>) -> Self {
        Self {
            kind: CredentialKind::OAuth,
            secret: token.into(),
            auth: None,
        }
    }

    /// A signed-in OAuth session: the client sends its access token, refreshes it shortly
    /// before it expires and once after a 401 `invalid_token` (one refresh, run by the session,
    /// for all concurrent requests and clones), and saves new tokens to the session's store.
    /// The client's [`timeout`](crate::ClientBuilder::timeout) bounds the session's calls to the token
    /// endpoint unless its `OAuthConfig` sets one.
    #[cfg(feature = "oauth")]
    #[cfg_attr(docsrs, doc(cfg(feature = "oauth")))]
    pub fn oauth_session(session: Arc<crate::oauth::OAuthSession>) -> Self {
        Self {
            kind: CredentialKind::OAuthSession,
            secret: String::new(),
            auth: Some(session),
        }
    }

    pub(crate) fn header(&self) -> Result<(HeaderName, HeaderValue), Error> {
        let secret = self.secret.trim();
        if secret.is_empty() {
            return Err(Error::config("the token is empty"));
        }
        let (name, value) = match self.kind {
            CredentialKind::ApiToken => (HeaderName::from_static(TOKEN_HEADER), secret.to_owned()),
            CredentialKind::OAuth | CredentialKind::OAuthSession => {
                (reqwest::header::AUTHORIZATION, format!("Bearer {secret}"))
            }
        };
        // The error text never includes the token itself.
        let mut value = HeaderValue::from_str(&value).map_err(|_| {
            Error::config("the token contains characters that cannot be sent in an HTTP header")
        })?;
        value.set_sensitive(true);
        Ok((name, value))
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            CredentialKind::ApiToken => f.write_str("Credentials::ApiToken(<redacted>)"),
            CredentialKind::OAuth => f.write_str("Credentials::OAuth(<redacted>)"),
            CredentialKind::OAuthSession => f.write_str("Credentials::OAuthSession(<redacted>)"),
        }
    }
}

/// Provides the `Authorization` header of each attempt (an OAuth session that refreshes its
/// access token). Errors are the crate's, to be handed to the caller as they are.
pub(crate) trait Authenticator: Send + Sync + fmt::Debug {
    /// The header value to send now (refreshing first when needed).
    fn authorization(
        &self,
    ) -> futures_util::future::BoxFuture<'_, Result<reqwest::header::HeaderValue, crate::Error>>;

    /// The value `sent`, sent at `sent_at`, got a 401 `invalid_token`: refresh unless
    /// another request already did. `Ok`: send again.
    fn rejected<'a>(
        &'a self,
        sent: &'a reqwest::header::HeaderValue,
        sent_at: Instant,
    ) -> futures_util::future::BoxFuture<'a, Result<(), crate::Error>>;

    /// A client with this request timeout (if any) was built on this authenticator.
    fn attach(&self, client_timeout: Option<Duration>);
}

#[cfg(feature = "oauth")]
impl Authenticator for crate::oauth::OAuthSession {
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
        sent_at: Instant,
    ) -> futures_util::future::BoxFuture<'a, Result<(), crate::Error>> {
        Box::pin(async move {
            let sent = sent
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(crate::oauth::Secret::new)
                .unwrap_or_else(|| crate::oauth::Secret::new(""));
            self.refresh_after_rejection(&sent, sent_at)
                .await
                .map_err(to_error)
        })
    }

    fn attach(&self, client_timeout: Option<Duration>) {
        self.client_timeout(client_timeout);
    }
}

#[cfg(feature = "oauth")]
fn to_error(e: crate::oauth::OAuthError) -> crate::Error {
    crate::Error::OAuth(Box::new(e))
}

#[cfg(feature = "oauth")]
fn bearer(token: &crate::oauth::Secret) -> Result<reqwest::header::HeaderValue, crate::Error> {
    let mut value = reqwest::header::HeaderValue::from_str(&format!("Bearer {}", token.expose()))
        .map_err(|_| {
        crate::Error::config("the access token cannot be sent in an HTTP header")
    })?;
    value.set_sensitive(true);
    Ok(value)
}
