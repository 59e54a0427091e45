//! Many connected Chatwork accounts in one process: [`Fleet`].
//!
//! An integration platform connects each of its users' Chatwork accounts through the consent
//! screen and runs their modules on any of many worker processes. A [`Fleet`] is what one
//! worker holds: one HTTP connection pool (kept-alive connections to Chatwork shared by every
//! account), one OAuth client, one [`TokenStore`] and, with the `redis` feature, one Redis
//! connection for every account's rate limits. [`Fleet::client`] hands out a [`Client`] for
//! a connection in about a microsecond, with no I/O: its record is loaded by its first
//! request, and every handle of one connection in the process shares its session (one
//! refresh at a time) and its limiter.
//!
//! ```no_run
//! use std::sync::Arc;
//! use chatwork::fleet::Fleet;
//! use chatwork::oauth::{ConnectionId, OAuthConfig, RedisTokenStore};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let redis = chatwork::RedisConnection::open("redis://127.0.0.1:6379/")?;
//! let config = OAuthConfig::confidential("client-id", "client-secret", "https://platform.example/callback");
//! let fleet = Fleet::builder(config, Arc::new(RedisTokenStore::new(&redis)))
//!     .redis_limits(&redis)
//!     .build()?;
//! // Any worker, any connection: the tokens are refreshed once across the fleet.
//! let alice = fleet.client(&ConnectionId::new("tenant-7:user-12")?);
//! println!("{}", alice.get_me().send().await?.name);
//! # Ok(()) }
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use crate::client::{Client, ClientBuilder, Parts};
use crate::credentials::{Authenticator, Credentials};
use crate::error::Error;
use crate::limiter::{LocalLimiter, RateLimiter};
use crate::oauth::{
    ConnectionId, ConnectionState, OAuthConfig, OAuthError, OAuthSession, StoreError, TokenSet,
    TokenStore,
};
use crate::policy::{Inner, RetryPolicy};

/// The connections of one process (see the [module docs](self)). Cheap to clone.
#[derive(Clone)]
pub struct Fleet {
    shared: Arc<Shared>,
}

struct Shared {
    parts: Parts,
    config: Arc<OAuthConfig>,
    store: Arc<dyn TokenStore>,
    limits: Limits,
    live: Mutex<Live>,
}

/// The connections with a live handle: one session and limiter each.
struct Live {
    connections: HashMap<ConnectionId, Weak<Connection>>,
    /// When the map reaches this size, entries without handles are dropped.
    prune_at: usize,
}

/// What every handle of one connection shares.
struct Connection {
    session: Arc<OAuthSession>,
    limiter: Option<Arc<dyn RateLimiter>>,
}

/// Where a fleet keeps each account's rate limits.
#[derive(Clone, Debug)]
enum Limits {
    /// In this process, one limiter per connection.
    Local,
    /// In Redis, keyed by connection, over one shared connection.
    #[cfg(feature = "redis")]
    Redis(crate::RedisConnection),
    /// None.
    Off,
}

impl fmt::Debug for Fleet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fleet")
            .field("base_url", &self.shared.parts.base_url)
            .field("client_id", &self.shared.config.client_id())
            .field("store", &self.shared.store)
            .field("limits", &self.shared.limits)
            .field("live_connections", &self.live_connections())
            .finish()
    }
}

/// Configures a [`Fleet`]: the client settings every connection shares (as on
/// [`ClientBuilder`]) and where rate limits are kept.
#[derive(Debug)]
#[must_use]
pub struct FleetBuilder {
    client: ClientBuilder,
    config: OAuthConfig,
    store: Arc<dyn TokenStore>,
    limits: Limits,
}

impl Fleet {
    /// A fleet whose connections sign in with `config` and keep their tokens in `store`.
    pub fn builder(config: OAuthConfig, store: Arc<dyn TokenStore>) -> FleetBuilder {
        FleetBuilder {
            // The credential is never sent: each request carries its connection's token.
            client: Client::builder(Credentials::oauth_access_token("unused")),
            config,
            store,
            limits: Limits::Local,
        }
    }

    /// A client for `connection`: no I/O (the connection's record is loaded by its first
    /// request), and every handle of one connection in this process shares one session and one
    /// limiter. A connection the store does not know fails its requests with
    /// [`StoreError::UnknownConnection`] (in [`Error::OAuth`]).
    pub fn client(&self, connection: &ConnectionId) -> Client {
        let shared = &self.shared;
        let conn = {
            let mut live = shared.live.lock().unwrap_or_else(|e| e.into_inner());
            match live.connections.get(connection).and_then(Weak::upgrade) {
                Some(conn) => conn,
                None => {
                    let conn = Arc::new(Connection {
                        session: OAuthSession::lazy_shared(
                            Arc::clone(&shared.config),
                            Arc::clone(&shared.store),
                            connection.clone(),
                        ),
                        limiter: shared.limiter(connection),
                    });
                    conn.session.client_timeout(shared.parts.timeout);
                    live.insert(connection.clone(), &conn);
                    conn
                }
            }
        };
        let auth: Arc<dyn Authenticator> = conn.session.clone();
        let inner = Inner::new(
            shared.parts.retry.clone(),
            conn.limiter.clone(),
            Some(auth),
            shared.parts.on_wait.clone(),
        );
        Client::from_parts(
            &shared.parts.base_url,
            shared.parts.http.clone(),
            inner,
            "oauth connection <redacted>",
        )
        .anchored(conn)
    }

    /// Saves the tokens of a new consent for `connection` (replacing whatever was stored:
    /// a connection that needed a new consent becomes active again, in every process).
    ///
    /// # Errors
    ///
    /// [`OAuthError::Store`] when the store fails.
    pub async fn connect(
        &self,
        connection: &ConnectionId,
        tokens: TokenSet,
    ) -> Result<(), OAuthError> {
        OAuthSession::connect(
            (*self.shared.config).clone(),
            Arc::clone(&self.shared.store),
            connection.clone(),
            tokens,
        )
        .await
        .map(drop)
    }

    /// Whether `connection` can be used, as stored now (`None`: unknown).
    ///
    /// # Errors
    ///
    /// The store's.
    pub async fn state(
        &self,
        connection: &ConnectionId,
    ) -> Result<Option<ConnectionState>, StoreError> {
        Ok(self
            .shared
            .store
            .load(connection)
            .await?
            .map(|r| r.value.state))
    }

    /// Removes `connection`'s record (the user disconnected): its handles fail from their
    /// next refresh on. `Ok(false)`: there was none.
    ///
    /// # Errors
    ///
    /// The store's.
    pub async fn disconnect(&self, connection: &ConnectionId) -> Result<bool, StoreError> {
        self.shared.store.delete(connection).await
    }

    /// The OAuth client of the fleet's connections (for the consent screen:
    /// [`OAuthConfig::authorize`]).
    pub fn config(&self) -> &OAuthConfig {
        &self.shared.config
    }

    /// The store of the fleet's connections.
    pub fn store(&self) -> &Arc<dyn TokenStore> {
        &self.shared.store
    }

    /// How many connections have a live handle in this process.
    pub fn live_connections(&self) -> usize {
        let live = self.shared.live.lock().unwrap_or_else(|e| e.into_inner());
        live.connections
            .values()
            .filter(|w| w.strong_count() > 0)
            .count()
    }
}

impl Shared {
    #[cfg_attr(not(feature = "redis"), allow(unused_variables))]
    fn limiter(&self, connection: &ConnectionId) -> Option<Arc<dyn RateLimiter>> {
        match &self.limits {
            Limits::Off => None,
            Limits::Local => self.parts.limiter(LocalLimiter::new),
            #[cfg(feature = "redis")]
            Limits::Redis(redis) => {
                let key = format!("connection:{connection}");
                crate::RedisLimiter::on(redis, &key)
                    .build()
                    .ok()
                    .map(|l| Arc::new(l) as Arc<dyn RateLimiter>)
            }
        }
    }
}

impl Live {
    fn insert(&mut self, connection: ConnectionId, conn: &Arc<Connection>) {
        if self.connections.len() >= self.prune_at {
            self.connections.retain(|_, w| w.strong_count() > 0);
            self.prune_at = (self.connections.len() * 2).max(1024);
        }
        self.connections.insert(connection, Arc::downgrade(conn));
    }
}

impl FleetBuilder {
    /// The API's base URL ([`ClientBuilder::base_url`]).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.client = self.client.base_url(url);
        self
    }

    /// The timeout of one attempt ([`ClientBuilder::timeout`]); it also bounds token calls
    /// unless the [`OAuthConfig`] sets one.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.client = self.client.timeout(timeout);
        self
    }

    /// The connection timeout ([`ClientBuilder::connect_timeout`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.client = self.client.connect_timeout(timeout);
        self
    }

    /// How failures and 429s are retried ([`ClientBuilder::retry_policy`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.client = self.client.retry_policy(policy);
        self
    }

    /// The HTTP client's own settings ([`ClientBuilder::http_client_builder`]).
    pub fn http_client_builder(mut self, http: reqwest::ClientBuilder) -> Self {
        self.client = self.client.http_client_builder(http);
        self
    }

    /// The `User-Agent` header ([`ClientBuilder::user_agent`]).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.client = self.client.user_agent(user_agent);
        self
    }

    /// Observes every wait ([`ClientBuilder::on_wait`]).
    pub fn on_wait(mut self, observe: impl Fn(&crate::Wait) + Send + Sync + 'static) -> Self {
        self.client = self.client.on_wait(observe);
        self
    }

    /// Each connection's limits (the token budget, rooms' posting pace) kept in Redis over
    /// this one connection, keyed by connection ID (so they survive token refreshes) and
    /// shared by every process. By default they are kept in this process, per connection.
    #[cfg(feature = "redis")]
    #[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
    pub fn redis_limits(mut self, redis: &crate::RedisConnection) -> Self {
        self.limits = Limits::Redis(redis.clone());
        self
    }

    /// No rate limiting ([`ClientBuilder::no_rate_limiting`]).
    pub fn no_rate_limiting(mut self) -> Self {
        self.client = self.client.no_rate_limiting();
        self.limits = Limits::Off;
        self
    }

    /// Builds the fleet.
    ///
    /// # Errors
    ///
    /// As [`ClientBuilder::build`].
    pub fn build(self) -> Result<Fleet, Error> {
        let parts = self.client.parts(None)?;
        Ok(Fleet {
            shared: Arc::new(Shared {
                parts,
                config: Arc::new(self.config),
                store: self.store,
                limits: self.limits,
                live: Mutex::new(Live {
                    connections: HashMap::new(),
                    prune_at: 1024,
                }),
            }),
        })
    }
}
