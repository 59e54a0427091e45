//! A registered OAuth client and its calls to the token endpoint.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Deserialize;

use super::authorize::random_token;
use super::{
    ACCESS_TOKEN_LIFETIME, AUTHORIZE_URL, DEFAULT_LEASE_TTL, DEFAULT_LEASE_WAIT,
    DEFAULT_REFRESH_COOL_DOWN, DEFAULT_TOKEN_TIMEOUT, OAuthError, PendingAuthorization, Scope,
    Secret, TOKEN_URL, TokenSet, pkce_challenge, scopes_to_string,
};

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
    lease_ttl: Duration,
    lease_wait: Duration,
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
            lease_ttl: DEFAULT_LEASE_TTL,
            lease_wait: DEFAULT_LEASE_WAIT,
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
    /// session takes [`DEFAULT_TOKEN_TIMEOUT`] (30 s), or the timeout of the
    /// [`Client`](crate::Client) built from it when that is shorter (the shortest one, when
    /// several clients share the session). Every call waiting on one refresh shares its one
    /// attempt: against an endpoint that never answers, all fail together within this time.
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

    /// The refresh lease of a connection ([`TokenStore::try_lease`](super::TokenStore::try_lease)):
    /// how long it lives unless renewed (it is renewed every third of that while a refresh is
    /// in flight, and lapses that long after its holder died), and how long a session waits
    /// for another holder's refresh before its callers get [`OAuthError::LeaseBusy`]. The
    /// defaults are [`DEFAULT_LEASE_TTL`] and [`DEFAULT_LEASE_WAIT`]. The lease always
    /// outlives one call to the token endpoint by 5 seconds: a longer timeout lengthens it.
    pub fn lease(mut self, ttl: Duration, wait: Duration) -> Self {
        self.lease_ttl = ttl;
        self.lease_wait = wait;
        self
    }

    /// The lease's life for a session of this config whose clients set no shorter timeout:
    /// the [`lease`](Self::lease) TTL, at least the token timeout and 5 seconds.
    pub fn effective_lease_ttl(&self) -> Duration {
        self.lease_ttl(self.timeout.unwrap_or(DEFAULT_TOKEN_TIMEOUT))
    }

    pub(crate) fn lease_ttl(&self, token_timeout: Duration) -> Duration {
        self.lease_ttl.max(token_timeout + Duration::from_secs(5))
    }

    pub(crate) fn lease_wait(&self) -> Duration {
        self.lease_wait
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
        PendingAuthorization::from_parts(url.to_string(), state, Secret::new(verifier))
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
    /// This is one call to the token endpoint; an [`OAuthSession`](super::OAuthSession) makes it for you, once for
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
        "http" if crate::urls::is_loopback(&url) => Ok(url),
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
            .map(Secret::new)
            .or_else(|| previous.and_then(|p| p.refresh_token.clone()));
        let scopes = match scope {
            Some(scope) => scope.split_whitespace().map(Scope::new).collect(),
            None => previous.map(|p| p.scopes.clone()).unwrap_or_default(),
        };
        TokenSet {
            access_token: Secret::new(access_token),
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
