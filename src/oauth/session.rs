//! The signed-in connection: one refresh at a time in this process, under the connection's
//! lease across every process, its outcome shared.
//!
//! Every request asks the session for the access token; a token that expires within
//! [`REFRESH_MARGIN`], or that Chatwork rejected with a 401 `invalid_token`, needs new tokens.
//! The first caller that needs them starts a task of its own, and every other caller in the
//! process waits for that task; none of them runs it. The task:
//!
//! 1. loads the connection's record from the [`TokenStore`]: tokens another process saved
//!    that can be used end the task;
//! 2. takes the connection's lease (waiting up to the config's lease wait, re-loading as it
//!    waits: another holder's refresh usually ends the wait); without it, nothing is sent:
//!    the callers get [`OAuthError::LeaseBusy`] or the store's error;
//! 3. loads again under the lease (a holder may have saved just before), and only then calls
//!    the token endpoint, renewing the lease while the call runs; a lease found lapsed before
//!    the call stops the task ([`OAuthError::LeaseLost`]);
//! 4. saves the new tokens with a compare-and-swap against the version it loaded, retrying a
//!    store that fails, then releases the lease.
//!
//! So N callers in a process make one refresh, and N processes make one between them; a
//! caller that gives up does not stop the task (tokens the endpoint returned always reach the
//! store); a failure stands for the cool-down ([`OAuthConfig::refresh_cool_down`]) except that
//! a request sent after it and rejected with a new 401 starts a new attempt; an
//! `invalid_grant` marks the connection [`ConnectionState::NeedsConsent`] in the store
//! (tokens kept, never sent again), and new tokens saved by any process (a new consent) end
//! that state without a restart; while the current access token is still valid and not
//! rejected, a failed refresh does not fail the call.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use futures_util::FutureExt as _;
use futures_util::future::{BoxFuture, Shared};
use tokio::time::Instant;

use super::store::{
    ConnectionId, ConnectionRecord, ConnectionState, Lease, StoreError, Swap, Versioned,
};
use super::{
    DEFAULT_TOKEN_TIMEOUT, OAuthConfig, OAuthError, REFRESH_MARGIN, Secret, TokenSet, TokenStore,
};

type Record = Versioned<ConnectionRecord>;
type Outcome = Result<Record, OAuthError>;

/// How long a save that the store failed is retried, with the lease held, before the new
/// tokens are kept in memory only.
const SAVE_PATIENCE: Duration = Duration::from_secs(60);

/// The connection ID of sessions made with [`OAuthSession::new`] and [`OAuthSession::resume`]
/// (one user, one store).
pub const DEFAULT_CONNECTION: &str = "default";

/// A connected user's tokens, refreshed when needed and shared by every clone of the
/// [`Client`](crate::Client) built from it.
///
/// Before a request, an access token expiring within [`REFRESH_MARGIN`] is refreshed; after
/// a 401 `invalid_token`, the token is refreshed once and the request sent again.
///
/// **What the session guarantees.** One refresh at a time per connection in this process,
/// run by the session itself (a task of the runtime, not inside any caller's future) and only
/// while it holds the connection's lease in the [`TokenStore`], so that of every process that
/// shares the store, one refreshes. Its outcome, success or failure, is every waiting call's.
/// A caller that is dropped or times out mid-refresh does not cancel it, and new tokens are
/// saved with a compare-and-swap, so a stale writer never overwrites newer ones. A refresh
/// that fails while the access token is still valid does not fail the call. A call to the
/// token endpoint never takes longer than the [`OAuthConfig::timeout`] (else
/// [`DEFAULT_TOKEN_TIMEOUT`], or the client's timeout where that is shorter), and the lease
/// outlives it.
pub struct OAuthSession {
    inner: Arc<Inner>,
}

struct Inner {
    config: Arc<OAuthConfig>,
    store: Arc<dyn TokenStore>,
    connection: ConnectionId,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// The record in use (`None` until first loaded).
    current: Option<Record>,
    /// Chatwork answered 401 `invalid_token` to the current access token.
    rejected: bool,
    /// The refresh running now, and its number.
    in_flight: Option<(u64, Shared<BoxFuture<'static, Outcome>>)>,
    started: u64,
    /// The last refresh's failure, while it stands.
    failure: Option<Failure>,
    /// The shortest timeout of the clients built from this session.
    client_timeout: Option<Duration>,
}

struct Failure {
    at: Instant,
    error: OAuthError,
}

/// What a caller that needs new tokens does.
enum Step {
    Wait(Shared<BoxFuture<'static, Outcome>>),
    Failed(OAuthError),
}

impl fmt::Debug for OAuthSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthSession")
            .field("client_id", &self.inner.config.client_id())
            .field("connection", &self.inner.connection)
            .field("store", &self.inner.store)
            .finish_non_exhaustive()
    }
}

impl OAuthSession {
    /// A session for tokens just obtained (a consent), saved to `store` as the connection
    /// [`DEFAULT_CONNECTION`].
    ///
    /// # Errors
    ///
    /// [`OAuthError::Store`] when the store fails.
    pub async fn new(
        config: OAuthConfig,
        tokens: TokenSet,
        store: Arc<dyn TokenStore>,
    ) -> Result<Arc<Self>, OAuthError> {
        Self::connect(config, store, default_connection(), tokens).await
    }

    /// A session from the tokens saved in `store` as [`DEFAULT_CONNECTION`] (a restarted
    /// process).
    ///
    /// # Errors
    ///
    /// [`OAuthError::Store`]: [`StoreError::UnknownConnection`] when nothing is saved, or the
    /// store's failure.
    pub async fn resume(
        config: OAuthConfig,
        store: Arc<dyn TokenStore>,
    ) -> Result<Arc<Self>, OAuthError> {
        let session = Self::lazy(config, store, default_connection());
        session.load().await?;
        Ok(session)
    }

    /// Saves the tokens of a new consent for `connection` (replacing whatever was stored,
    /// a connection that needed consent included: every process picks them up) and returns
    /// its session.
    ///
    /// # Errors
    ///
    /// [`OAuthError::Store`] when the store fails.
    pub async fn connect(
        config: OAuthConfig,
        store: Arc<dyn TokenStore>,
        connection: ConnectionId,
        tokens: TokenSet,
    ) -> Result<Arc<Self>, OAuthError> {
        let record = ConnectionRecord::active(tokens);
        let mut expected = store.load(&connection).await.map(|r| r.map(|r| r.version));
        let version = loop {
            // A record that cannot be read is not replaced blindly: the error names it, and
            // `TokenStore::delete` clears it.
            let version = expected.map_err(OAuthError::Store)?;
            match store
                .compare_and_swap(&connection, version, &record)
                .await
                .map_err(OAuthError::Store)?
            {
                Swap::Saved(v) => break v,
                Swap::Conflict(now) => expected = Ok(now.map(|n| n.version)),
            }
        };
        let session = Self::lazy(config, store, connection);
        session.inner.lock().current = Some(Versioned {
            version,
            value: record,
        });
        Ok(session)
    }

    /// A session for `connection` whose record is loaded from `store` by its first request
    /// (no I/O now): what a platform makes for each connection a worker serves. A connection
    /// the store does not know fails that request with [`StoreError::UnknownConnection`].
    pub fn lazy(
        config: OAuthConfig,
        store: Arc<dyn TokenStore>,
        connection: ConnectionId,
    ) -> Arc<Self> {
        Self::lazy_shared(Arc::new(config), store, connection)
    }

    /// [`lazy`](Self::lazy) with a config shared by many connections.
    pub(crate) fn lazy_shared(
        config: Arc<OAuthConfig>,
        store: Arc<dyn TokenStore>,
        connection: ConnectionId,
    ) -> Arc<Self> {
        Arc::new(Self {
            inner: Arc::new(Inner {
                config,
                store,
                connection,
                state: Mutex::new(State::default()),
            }),
        })
    }

    /// The current tokens (`None` before the first load).
    pub fn tokens(&self) -> Option<TokenSet> {
        self.inner
            .lock()
            .current
            .as_ref()
            .map(|r| r.value.tokens.clone())
    }

    /// Whether the connection can be used, as last loaded or learnt (`None` before the first
    /// load).
    pub fn state(&self) -> Option<ConnectionState> {
        self.inner
            .lock()
            .current
            .as_ref()
            .map(|r| r.value.state.clone())
    }

    /// The connection this session serves.
    pub fn connection(&self) -> &ConnectionId {
        &self.inner.connection
    }

    /// The session's OAuth client.
    pub fn config(&self) -> &OAuthConfig {
        &self.inner.config
    }

    /// Loads the record now (it is otherwise loaded by the first request), refreshing first
    /// if its access token needs it.
    ///
    /// # Errors
    ///
    /// As a request's token: [`OAuthError::Store`], [`OAuthError::ReauthorizationRequired`],
    /// the refresh's errors.
    pub async fn load(&self) -> Result<TokenSet, OAuthError> {
        self.access_token().await?;
        Ok(self.tokens().expect("loaded"))
    }

    /// A valid access token, refreshed first when it expires within [`REFRESH_MARGIN`] or
    /// was rejected.
    pub(crate) async fn access_token(&self) -> Result<Secret, OAuthError> {
        let wait = {
            let mut st = self.inner.lock();
            if let Some(current) = &st.current
                && !st.rejected
                && !current.value.needs_consent()
                && !current.value.tokens.expires_within(REFRESH_MARGIN)
            {
                return Ok(current.value.tokens.access_token.clone());
            }
            match self.inner.step(&mut st, None) {
                Step::Wait(refresh) => refresh,
                Step::Failed(e) => return st.still_valid().ok_or(e),
            }
        };
        match wait.await {
            Ok(record) => Ok(record.value.tokens.access_token),
            Err(e) => self.inner.lock().still_valid().ok_or(e),
        }
    }

    /// After a 401 `invalid_token` for `sent`, sent at `sent_at`: refreshes, unless another
    /// request already did. `Ok`: send again.
    pub(crate) async fn refresh_after_rejection(
        &self,
        sent: &Secret,
        sent_at: Instant,
    ) -> Result<(), OAuthError> {
        let wait = {
            let mut st = self.inner.lock();
            if st
                .current
                .as_ref()
                .is_some_and(|c| c.value.tokens.access_token != *sent)
            {
                return Ok(());
            }
            st.rejected = true;
            match self.inner.step(&mut st, Some(sent_at)) {
                Step::Wait(refresh) => refresh,
                Step::Failed(e) => return Err(e),
            }
        };
        wait.await.map(drop)
    }

    /// A client with this timeout was built on the session: the shortest such timeout
    /// bounds token calls when the config sets none.
    pub(crate) fn client_timeout(&self, timeout: Option<Duration>) {
        if let Some(t) = timeout {
            let mut st = self.inner.lock();
            st.client_timeout = Some(st.client_timeout.map_or(t, |c| c.min(t)));
        }
    }
}

/// How long one call to the token endpoint may take: the config's timeout; without one,
/// [`DEFAULT_TOKEN_TIMEOUT`], or the shortest client timeout when that is shorter (a client
/// that gives up after 300 ms is not kept waiting 30 s). A client's longer timeout (60 s by
/// default) never lengthens it: every waiter on a hanging endpoint fails within the token
/// timeout, together.
fn token_timeout(configured: Option<Duration>, client: Option<Duration>) -> Duration {
    configured
        .unwrap_or_else(|| client.map_or(DEFAULT_TOKEN_TIMEOUT, |c| c.min(DEFAULT_TOKEN_TIMEOUT)))
}

fn default_connection() -> ConnectionId {
    ConnectionId::new(DEFAULT_CONNECTION).expect("a valid ID")
}

impl State {
    /// The access token, when it can still be sent: not rejected, not expired, the
    /// connection not needing consent.
    fn still_valid(&self) -> Option<Secret> {
        let current = self.current.as_ref()?;
        let valid = !self.rejected
            && !current.value.needs_consent()
            && !current.value.tokens.expires_within(Duration::ZERO);
        if valid {
            tracing::debug!("the refresh failed; the access token is still valid: sending with it");
        }
        valid.then(|| current.value.tokens.access_token.clone())
    }
}

/// Whether a stored record can be used instead of refreshing: active, good for more than the
/// margin, and not the access token Chatwork just rejected.
fn usable(record: &Record, rejected: Option<&Secret>) -> bool {
    let value = &record.value;
    !value.needs_consent()
        && !value.tokens.expires_within(REFRESH_MARGIN)
        && rejected.is_none_or(|r| value.tokens.access_token != *r)
}

impl Inner {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Joins the refresh in flight, hands back the failure that still stands, or starts a
    /// refresh. `sent_at`: when the request that met a 401 was sent.
    fn step(self: &Arc<Self>, st: &mut State, sent_at: Option<Instant>) -> Step {
        if let Some((_, refresh)) = &st.in_flight {
            return Step::Wait(refresh.clone());
        }
        if let Some(failure) = &st.failure {
            let cooling = failure.at.elapsed() < self.config.cool_down();
            let new_rejection = sent_at.is_some_and(|s| s > failure.at);
            if cooling && (!new_rejection || failure.error.needs_reauthorization()) {
                return Step::Failed(failure.error.clone());
            }
        }
        let timeout = token_timeout(self.config.configured_timeout(), st.client_timeout);
        let rejected = st
            .rejected
            .then(|| {
                st.current
                    .as_ref()
                    .map(|c| c.value.tokens.access_token.clone())
            })
            .flatten();
        st.started += 1;
        let id = st.started;
        let task = Arc::clone(self).run(id, rejected, timeout);
        let refresh = match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                let handle = runtime.spawn(task);
                let inner = Arc::clone(self);
                async move {
                    handle.await.unwrap_or_else(|e| {
                        // The runtime shut down under the task: nothing is in flight any more.
                        let error =
                            OAuthError::Transport(format!("the refresh was cancelled: {e}"));
                        let mut st = inner.lock();
                        if st.in_flight.as_ref().is_some_and(|(i, _)| *i == id) {
                            st.in_flight = None;
                        }
                        Err(error)
                    })
                }
                .boxed()
            }
            // Outside a runtime (never the case for a client's requests): run in place.
            Err(_) => task.boxed(),
        }
        .shared();
        st.in_flight = Some((id, refresh.clone()));
        Step::Wait(refresh)
    }

    /// The refresh task (see the module's docs), then publishing its outcome.
    async fn run(self: Arc<Self>, id: u64, rejected: Option<Secret>, timeout: Duration) -> Outcome {
        let outcome = self.obtain(rejected.as_ref(), timeout).await;
        let mut st = self.lock();
        if st.in_flight.as_ref().is_some_and(|(i, _)| *i == id) {
            st.in_flight = None;
        }
        match &outcome {
            Ok(record) => {
                let newer = st
                    .current
                    .as_ref()
                    .is_none_or(|c| c.version <= record.version);
                if newer {
                    st.current = Some(record.clone());
                    st.rejected = false;
                }
                st.failure = None;
            }
            Err(error) => {
                let news = st.failure.as_ref().is_none_or(|f| f.error != *error);
                if news {
                    tracing::warn!(connection = %self.connection, error = %error, "the OAuth refresh failed");
                }
                if let (OAuthError::ReauthorizationRequired { error: code }, Some(current)) =
                    (error, st.current.as_mut())
                {
                    current.value.state = ConnectionState::NeedsConsent {
                        error: code.clone(),
                        since: SystemTime::now(),
                    };
                }
                st.failure = Some(Failure {
                    at: Instant::now(),
                    error: error.clone(),
                });
            }
        }
        outcome
    }

    async fn load(&self) -> Result<Record, OAuthError> {
        match self.store.load(&self.connection).await {
            Ok(Some(record)) => {
                self.remember(&record);
                Ok(record)
            }
            Ok(None) => Err(OAuthError::Store(StoreError::UnknownConnection(
                self.connection.clone(),
            ))),
            Err(e) => Err(OAuthError::Store(e)),
        }
    }

    /// Keeps a loaded record as the one in use when it is newer, so that [`OAuthSession::tokens`]
    /// and [`OAuthSession::state`] show what the store holds even when a refresh then fails.
    fn remember(&self, record: &Record) {
        let mut st = self.lock();
        let newer = st
            .current
            .as_ref()
            .is_none_or(|c| c.version < record.version);
        if newer {
            let same_token = st
                .current
                .as_ref()
                .is_some_and(|c| c.value.tokens.access_token == record.value.tokens.access_token);
            st.current = Some(record.clone());
            st.rejected &= same_token;
        }
    }
}

mod lease;
