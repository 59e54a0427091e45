//! What the local Chatwork's OAuth server has issued (codes, refresh and access tokens, with
//! whose they are and until when), kept with the rest of the world's state; the token
//! endpoint and the consent screen that issue them are in `crate::oauth`.

use std::collections::HashMap;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::World;

/// A code waiting to be exchanged.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Grant {
    pub(crate) account: i64,
    pub(crate) client_id: String,
    pub(crate) redirect_uri: String,
    pub(crate) challenge: String,
    pub(crate) scope: String,
    /// When the code or refresh token stops working (clock milliseconds; `u64::MAX`: never).
    #[serde(default)]
    pub(crate) expires_ms: u64,
}

/// An access token: whose, for what, until when.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Access {
    pub(crate) account: i64,
    pub(crate) scope: String,
    pub(crate) expires_ms: u64,
}

/// Issued codes and tokens.
#[derive(Default, Debug, Serialize, Deserialize)]
pub(crate) struct OAuthState {
    pub(crate) codes: HashMap<String, Grant>,
    /// Refresh token → grant.
    pub(crate) refresh: HashMap<String, Grant>,
    /// Access token → grant.
    pub(crate) access: HashMap<String, Access>,
    pub(crate) next: u64,
    /// Whether a refresh token still works after it was used (off: single-use, the strictest
    /// reading of Chatwork's documentation, where a rotated token used again is
    /// `invalid_grant`).
    #[serde(default)]
    pub(crate) reuse_refresh_tokens: bool,
    /// What the token endpoint did.
    #[serde(default)]
    pub(crate) stats: TokenStats,
}

/// What the token endpoint did since the start (`GET /mock/oauth/stats`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TokenStats {
    /// Codes exchanged for tokens.
    pub codes: u64,
    /// Refresh grants that issued new tokens.
    pub refreshes: u64,
    /// Requests answered `invalid_grant`.
    pub invalid_grants: u64,
    /// Requests that hung (`hang_next`), never applied.
    pub hung: u64,
}

impl OAuthState {
    pub(crate) fn fresh(&mut self, kind: &str) -> String {
        self.next += 1;
        let digest = Sha256::digest(format!(
            "{kind}-{}-{:?}",
            self.next,
            std::time::SystemTime::now()
        ));
        format!("{kind}-{}", URL_SAFE_NO_PAD.encode(&digest[..18]))
    }
}

impl World {
    /// The account and scopes of an OAuth access token, or why it is refused (the
    /// `error_description` of the `WWW-Authenticate` challenge).
    pub(crate) fn bearer(&self, token: &str) -> Result<(i64, &str), &'static str> {
        let access = self
            .oauth
            .access
            .get(token)
            .ok_or("The access token is invalid")?;
        if self.clock_ms() >= access.expires_ms {
            return Err("The access token expired");
        }
        Ok((access.account, access.scope.as_str()))
    }
}
