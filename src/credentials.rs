//! How requests are authenticated: the credentials a client is built with, and the hook
//! through which an OAuth session provides (and refreshes) the token of each attempt.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};
use tokio::time::Instant;

use crate::error::Error;
use crate::secret::Secret;

/// The header that carries an API token.
pub const TOKEN_HEADER: &str = "x-chatworktoken";

/// How the client authenticates. The secrets are never printed: `Debug` shows the kind only.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Credentials {
    /// An API token from Chatwork's settings screen, sent as `x-chatworktoken`.
    ApiToken(Secret),
    /// An OAuth 2.0 access token, sent as `Authorization: Bearer ...`.
    OAuthAccessToken(Secret),
    /// A signed-in OAuth session: the client sends its access token, refreshes it shortly
    /// before it expires and once after a 401 `invalid_token` (one refresh, run by the
    /// session, for all concurrent requests and clones), and saves new tokens to the session's
    /// store. A call to the token endpoint takes at most the `OAuthConfig`'s timeout; without
    /// one, 30 s, or the client's [`timeout`](crate::ClientBuilder::timeout) when shorter.
    #[cfg(feature = "oauth")]
    #[cfg_attr(docsrs, doc(cfg(feature = "oauth")))]
    OAuthSession(Arc<crate::oauth::OAuthSession>),
}

impl Credentials {
    /// An API token from Chatwork's settings screen, sent as `x-chatworktoken`.
    pub fn api_token(token: impl Into<String>) -> Self {
        Self::ApiToken(Secret::new(token))
    }

    /// An OAuth 2.0 access token, sent as `Authorization: Bearer ...`.
    pub fn oauth_access_token(token: impl Into<String>) -> Self {
        Self::OAuthAccessToken(Secret::new(token))
    }

    /// A signed-in OAuth session ([`Credentials::OAuthSession`]).
    #[cfg(feature = "oauth")]
    #[cfg_attr(docsrs, doc(cfg(feature = "oauth")))]
    pub fn oauth_session(session: Arc<crate::oauth::OAuthSession>) -> Self {
        Self::OAuthSession(session)
    }

    /// What kind of credential, for `Debug` output.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Self::ApiToken(_) => "api token <redacted>",
            Self::OAuthAccessToken(_) => "oauth access token <redacted>",
            #[cfg(feature = "oauth")]
            Self::OAuthSession(_) => "oauth session <redacted>",
        }
    }

    /// The hook that provides the token of each attempt, for a session.
    pub(crate) fn authenticator(&self) -> Option<Arc<dyn Authenticator>> {
        match self {
            Self::ApiToken(_) | Self::OAuthAccessToken(_) => None,
            #[cfg(feature = "oauth")]
            Self::OAuthSession(session) => Some(session.clone()),
        }
    }

    /// The fixed header of a token (none for a session, which sets it per attempt).
    pub(crate) fn header(&self) -> Result<Option<(HeaderName, HeaderValue)>, Error> {
        let (name, value) = match self {
            Self::ApiToken(secret) => (
                HeaderName::from_static(TOKEN_HEADER),
                nonempty(secret)?.to_owned(),
            ),
            Self::OAuthAccessToken(secret) => (
                reqwest::header::AUTHORIZATION,
                format!("Bearer {}", nonempty(secret)?),
            ),
            #[cfg(feature = "oauth")]
            Self::OAuthSession(_) => return Ok(None),
        };
        let value = sensitive(
            &value,
            "the token contains characters that cannot be sent in an HTTP header",
        )?;
        Ok(Some((name, value)))
    }
}

/// A header value marked sensitive (never logged by the HTTP stack). `refusal` is the error
/// text when it cannot be sent: it never includes the secret itself.
fn sensitive(value: &str, refusal: &str) -> Result<HeaderValue, Error> {
    let mut value = HeaderValue::from_str(value).map_err(|_| Error::config(refusal))?;
    value.set_sensitive(true);
    Ok(value)
}

fn nonempty(secret: &Secret) -> Result<&str, Error> {
    let secret = secret.expose().trim();
    if secret.is_empty() {
        return Err(Error::config("the token is empty"));
    }
    Ok(secret)
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
                .map(Secret::new)
                .unwrap_or_else(|| Secret::new(""));
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
fn bearer(token: &Secret) -> Result<HeaderValue, Error> {
    sensitive(
        &format!("Bearer {}", token.expose()),
        "the access token cannot be sent in an HTTP header",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_show_their_kind_never_their_secret_and_refuse_an_empty_token() {
        let api = Credentials::api_token(" tok3n ");
        assert_eq!(format!("{api:?}"), "ApiToken(<redacted>)");
        let (name, value) = api.header().unwrap().unwrap();
        assert_eq!(name, "x-chatworktoken");
        assert_eq!(value, "tok3n");
        assert!(value.is_sensitive());
        let bearer = Credentials::oauth_access_token("acc3ss");
        assert_eq!(format!("{bearer:?}"), "OAuthAccessToken(<redacted>)");
        let (name, value) = bearer.header().unwrap().unwrap();
        assert_eq!(
            (name.as_str(), value.to_str().unwrap()),
            ("authorization", "Bearer acc3ss")
        );
        assert!(bearer.authenticator().is_none());
        for bad in ["", "  ", "a\nb"] {
            assert!(matches!(
                Credentials::api_token(bad).header(),
                Err(Error::InvalidRequest(_))
            ));
        }
        assert_eq!(format!("{:?}", Secret::new("s3cret")), "<redacted>");
    }
}
