//! The consent screen's side: PKCE, `state`, and the callback's checks.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use super::{OAuthConfig, OAuthError, Secret, TokenSet};

pub(super) fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    crate::random::fill(&mut buf);
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
