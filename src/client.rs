//! The client, its credentials and its builder.

use std::fmt;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};

use std::sync::Arc;

use crate::credentials::Credentials;
use crate::error::Error;
use crate::generated;
use crate::limiter::{LocalLimiter, RateLimiter};
use crate::policy::{Inner, RetryPolicy};

/// The default base URL of the Chatwork API v2.
pub const DEFAULT_BASE_URL: &str = "https://api.chatwork.com/v2";

/// The environment variable [`Client::from_env`] reads the API token from.
pub const TOKEN_ENV: &str = "CHATWORK_API_TOKEN";

/// A Chatwork API client. Cheap to clone; clones share one connection pool.
///
/// ```no_run
/// # async fn run() -> Result<(), chatwork::Error> {
/// let client = chatwork::Client::new("your-api-token")?;
/// let me = client.get_me().send().await?;
/// println!("{} ({})", me.name, me.account_id);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    generated: generated::Client,
    kind: &'static str,
    /// What a fleet's connection handle keeps alive (its session and limiter, shared by every
    /// handle of the connection in the process).
    #[cfg_attr(not(feature = "oauth"), allow(dead_code))]
    anchor: Option<Arc<dyn std::any::Any + Send + Sync>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url())
            .field("credentials", &self.kind)
            .finish()
    }
}

impl Client {
    /// A client for the real API with an API token and default settings.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] when the token is empty or not sendable in a header.
    pub fn new(api_token: impl Into<String>) -> Result<Self, Error> {
        Self::builder(Credentials::api_token(api_token)).build()
    }

    /// A client with the API token from the `CHATWORK_API_TOKEN` environment variable.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] when the variable is unset or empty.
    pub fn from_env() -> Result<Self, Error> {
        let token = std::env::var(TOKEN_ENV)
            .map_err(|_| Error::config(format!("{TOKEN_ENV} is not set")))?;
        Self::new(token)
    }

    /// A builder to set the base URL, timeouts and user agent.
    pub fn builder(credentials: Credentials) -> ClientBuilder {
        ClientBuilder {
            credentials,
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeout: Some(Duration::from_secs(60)),
            connect_timeout: Some(Duration::from_secs(10)),
            user_agent: concat!("chatwork-sdk-rust/", env!("CARGO_PKG_VERSION")).to_owned(),
            retry: RetryPolicy::default(),
            limiter: Limiting::Local,
            room_limit: None,
            pool_idle_timeout: Some(Duration::from_secs(90)),
            http: None,
            on_wait: None,
        }
    }

    /// The base URL requests go to (without a trailing slash).
    pub fn base_url(&self) -> &str {
        progenitor_client::ClientInfo::baseurl(&self.generated)
    }

    pub(crate) fn generated(&self) -> &generated::Client {
        &self.generated
    }
}

/// Which rate limiter a client gets.
#[derive(Debug)]
enum Limiting {
    /// A [`LocalLimiter`] of its own.
    Local,
    Custom(Arc<dyn RateLimiter>),
    Off,
}

/// Configures a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    credentials: Credentials,
    base_url: String,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    user_agent: String,
    retry: RetryPolicy,
    limiter: Limiting,
    room_limit: Option<(usize, Duration)>,
    pool_idle_timeout: Option<Duration>,
    http: Option<reqwest::ClientBuilder>,
    on_wait: Option<crate::policy::WaitObserver>,
}

impl ClientBuilder {
    /// Starts the HTTP client from your own `reqwest::ClientBuilder`: a proxy, extra root
    /// certificates, a client certificate, a TLS backend (`tls_backend_native()` with this
    /// crate's `native-tls` feature), DNS overrides, connection pool sizes.
    ///
    /// This builder then sets what the client's safety depends on, over yours: no redirects
    /// (a redirect would carry the API token to whatever host it names), the token and user
    /// agent headers, and the timeouts and pool idle timeout of this builder. A finished
    /// `reqwest::Client` is not accepted for that reason: whether it follows redirects cannot
    /// be checked.
    ///
    /// ```no_run
    /// # fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// let http = reqwest::Client::builder().proxy(reqwest::Proxy::https("http://proxy.internal:3128")?);
    /// let client = chatwork::Client::builder(chatwork::Credentials::api_token("token"))
    ///     .http_client_builder(http)
    ///     .build()?;
    /// # let _ = client; Ok(()) }
    /// ```
    pub fn http_client_builder(mut self, http: reqwest::ClientBuilder) -> Self {
        self.http = Some(http);
        self
    }

    /// The API's base URL, `https://api.chatwork.com/v2` by default. It must be HTTPS,
    /// except for a loopback host (`127.0.0.1`, `[::1]`, `localhost`) such as a local
    /// mock server.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The timeout of one attempt, from sending to the end of the answer (60 seconds by
    /// default; uploads of up to 5 MB need time).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The connection timeout (10 seconds by default).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// No request or connection timeout at all.
    pub fn no_timeouts(mut self) -> Self {
        self.timeout = None;
        self.connect_timeout = None;
        self
    }

    /// How long an idle pooled connection is kept (90 seconds by default; `None` keeps it
    /// until the server closes it).
    pub fn pool_idle_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// How transport failures, 5xx answers and 429s are retried ([`RetryPolicy::default`]:
    /// 3 retries with jittered exponential backoff from 500 ms to 8 s; 3 retries of a 429 within
    /// 330 s of waiting). A POST is never retried once it may have reached Chatwork.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// A rate limiter of your own, e.g. one shared between processes (`RedisLimiter` with
    /// the `redis` feature). By default each client (and its clones) has its own
    /// [`LocalLimiter`]. The limiter's own settings decide the room pacing:
    /// [`room_post_limit`](Self::room_post_limit) applies to the default limiter only.
    pub fn rate_limiter(mut self, limiter: Arc<dyn RateLimiter>) -> Self {
        self.limiter = Limiting::Custom(limiter);
        self
    }

    /// Spaces message posts and task creations so that at most `max` go to one room in any
    /// `per` window (Chatwork's limit, and the default, is 10 per 10 seconds). For the default
    /// [`LocalLimiter`]; it turns that limiter back on after
    /// [`no_rate_limiting`](Self::no_rate_limiting).
    pub fn room_post_limit(mut self, max: usize, per: Duration) -> Self {
        self.room_limit = Some((max, per));
        if matches!(self.limiter, Limiting::Off) {
            self.limiter = Limiting::Local;
        }
        self
    }

    /// Turns off the token budget and the per-room pacing: requests go out as soon as they
    /// are made (429s are still retried per the [`RetryPolicy`]).
    pub fn no_rate_limiting(mut self) -> Self {
        self.limiter = Limiting::Off;
        self.room_limit = None;
        self
    }

    /// Calls `observe` before every wait the client makes: for the token's budget, a room's
    /// pace, after a 429, or before a retry. A program can tell its user why it is slow
    /// (the `chatwork` CLI prints waits longer than 2 s). The call is synchronous, on the
    /// task that waits: keep it short.
    ///
    /// ```
    /// # use chatwork::{Client, Credentials, WaitReason};
    /// let client = Client::builder(Credentials::api_token("token"))
    ///     .on_wait(|wait| {
    ///         if let WaitReason::RoomPace(room) = wait.reason {
    ///             eprintln!("{}: waiting {:?} to post in room {room}", wait.operation, wait.duration);
    ///         }
    ///     })
    ///     .build()
    ///     .unwrap();
    /// # drop(client);
    /// ```
    pub fn on_wait(mut self, observe: impl Fn(&crate::Wait) + Send + Sync + 'static) -> Self {
        self.on_wait = Some(crate::policy::WaitObserver(Arc::new(observe)));
        self
    }

    /// The `User-Agent` header (`chatwork-sdk-rust/<version>` by default).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Builds the client.
    ///
    /// Redirects are never followed, so the token cannot be forwarded to another host.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for an empty or unsendable token, a base URL that does not
    /// parse or is plain HTTP to a non-loopback host, or an invalid user agent.
    pub fn build(self) -> Result<Client, Error> {
        let kind = self.credentials.kind();
        let auth = self.credentials.authenticator();
        // A session sets the header per request; a fixed token is a default header.
        let token = self.credentials.header()?;
        let timeout = self.timeout;
        let parts = self.parts(token)?;
        let limiter = parts.limiter(LocalLimiter::new);
        if let Some(auth) = &auth {
            auth.attach(timeout);
        }
        let inner = Inner::new(parts.retry.clone(), limiter, auth, parts.on_wait.clone());
        Ok(Client::from_parts(&parts.base_url, parts.http, inner, kind))
    }

    /// What every client built from these settings shares: the HTTP client (its pool, TLS and
    /// timeouts) with `default_header` if any, the base URL, the policies.
    pub(crate) fn parts(
        self,
        default_header: Option<(reqwest::header::HeaderName, HeaderValue)>,
    ) -> Result<Parts, Error> {
        let base_url = check_base_url(&self.base_url)?;
        let mut headers = HeaderMap::new();
        if let Some((name, value)) = default_header {
            headers.insert(name, value);
        }
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| Error::config("the user agent is not a valid header value"))?;
        let mut http = self
            .http
            .unwrap_or_else(reqwest::Client::builder)
            .default_headers(headers)
            .user_agent(user_agent)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(self.pool_idle_timeout);
        if let Some(t) = self.timeout {
            http = http.timeout(t);
        }
        if let Some(t) = self.connect_timeout {
            http = http.connect_timeout(t);
        }
        let http = http
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {e}")))?;
        Ok(Parts {
            http,
            base_url,
            retry: self.retry,
            limiting: self.limiter,
            room_limit: self.room_limit,
            on_wait: self.on_wait,
            timeout: self.timeout,
        })
    }
}

/// The shared part of clients: see [`ClientBuilder::parts`].
#[derive(Debug)]
pub(crate) struct Parts {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) retry: RetryPolicy,
    limiting: Limiting,
    room_limit: Option<(usize, Duration)>,
    pub(crate) on_wait: Option<crate::policy::WaitObserver>,
    #[cfg_attr(not(feature = "oauth"), allow(dead_code))]
    pub(crate) timeout: Option<Duration>,
}

impl Parts {
    /// The limiter of one client: a new local one (from `local`, with the room limit set),
    /// the custom one, or none.
    pub(crate) fn limiter(
        &self,
        local: impl FnOnce() -> LocalLimiter,
    ) -> Option<Arc<dyn RateLimiter>> {
        match &self.limiting {
            Limiting::Local => Some(Arc::new(match self.room_limit {
                Some((max, per)) => local().with_room_post_limit(max, per),
                None => local(),
            })),
            Limiting::Custom(l) => Some(l.clone()),
            Limiting::Off => None,
        }
    }
}

impl Client {
    pub(crate) fn from_parts(
        base_url: &str,
        http: reqwest::Client,
        inner: Inner,
        kind: &'static str,
    ) -> Self {
        Client {
            generated: generated::Client::new_with_client(base_url, http, inner),
            kind,
            anchor: None,
        }
    }

    /// Keeps `anchor` alive as long as this client and its clones.
    #[cfg_attr(not(feature = "oauth"), allow(dead_code))]
    pub(crate) fn anchored(mut self, anchor: Arc<dyn std::any::Any + Send + Sync>) -> Self {
        self.anchor = Some(anchor);
        self
    }
}

fn check_base_url(raw: &str) -> Result<String, Error> {
    let url = reqwest::Url::parse(raw)
        .map_err(|e| Error::config(format!("base URL {raw:?} does not parse: {e}")))?;
    if url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return Err(Error::config(format!(
            "base URL {raw:?} must not carry credentials, a query or a fragment"
        )));
    }
    match url.scheme() {
        "https" => {}
        "http" if crate::urls::is_loopback(&url) => {}
        _ => {
            return Err(Error::config(format!(
                "base URL {raw:?} must use https (plain http is allowed only for a loopback host)"
            )));
        }
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_rules() {
        assert_eq!(
            check_base_url("https://api.chatwork.com/v2/").unwrap(),
            "https://api.chatwork.com/v2"
        );
        assert_eq!(
            check_base_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            check_base_url("http://localhost:1/v2").unwrap(),
            "http://localhost:1/v2"
        );
        assert_eq!(check_base_url("http://[::1]:9/").unwrap(), "http://[::1]:9");
        for bad in [
            "http://api.chatwork.com/v2",
            "http://10.0.0.1/",
            "ftp://localhost/",
            "not a url",
            "https://u:p@h/",
            "https://h/?a=1",
        ] {
            let err = check_base_url(bad).unwrap_err();
            assert!(matches!(err, Error::InvalidRequest(_)), "{bad}: {err}");
        }
    }
}
