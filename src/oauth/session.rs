//! The signed-in session: one refresh at a time, owned by the session, its outcome shared.
//!
//! Every request asks the session for the access token; a token that expires within
//! [`REFRESH_MARGIN`], or that Chatwork rejected with a 401 `invalid_token`, needs a refresh.
//! The first caller that needs one starts it as a task of its own, and every other caller
//! waits for that task; none of them runs it. So:
//!
//! - the task's outcome, failure included, is every waiter's outcome: N callers make one call
//!   to the token endpoint;
//! - a caller that gives up (dropped, timed out) does not stop the task: the tokens the
//!   endpoint returned always reach the [`TokenStore`], and a rotated refresh token is never
//!   lost;
//! - a failure stands for the session's cool-down ([`OAuthConfig::refresh_cool_down`]):
//!   callers within it get the same error without a new call, except that a request sent
//!   after the failure and rejected with a new 401 starts a new attempt. A refresh token the
//!   endpoint rejected is never sent again; only new tokens (saved to the store by another
//!   process, or a new consent) end that state;
//! - while the current access token is still valid and not rejected, a failed refresh does
//!   not fail the call: it is sent with the current token.

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures_util::FutureExt as _;
use futures_util::future::{BoxFuture, Shared};
use tokio::time::Instant;

use super::TokenStore;
use super::{DEFAULT_TOKEN_TIMEOUT, OAuthConfig, OAuthError, REFRESH_MARGIN, Secret, TokenSet};

type Outcome = Result<TokenSet, OAuthError>;

/// A signed-in user's tokens, refreshed when needed and shared by every clone of the
/// [`Client`](crate::Client) built from it.
///
/// Before a request, an access token expiring within [`REFRESH_MARGIN`] is refreshed; after
/// a 401 `invalid_token`, the token is refreshed once and the request sent again.
///
/// **What the session guarantees.** One refresh at a time, run by the session itself (a task
/// of the runtime, not inside any caller's future) and shared by every waiting call and every
/// clone: all of them get its outcome, success or failure, from one call to the token
/// endpoint. A caller that is dropped or times out mid-refresh does not cancel it, and the
/// new tokens always reach the [`TokenStore`]. A refresh that fails while the access token is
/// still valid does not fail the call (it is sent with the current token). A call to the token
/// endpoint never takes longer than the [`OAuthConfig::timeout`] (else the client's timeout).
pub struct OAuthSession {
    inner: Arc<Inner>,
}

struct Inner {
    config: OAuthConfig,
    store: Arc<dyn TokenStore>,
    state: Mutex<State>,
}

struct State {
    tokens: TokenSet,
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
    /// The refresh token that was sent (or `None` when there was none).
    refresh_token: Option<Secret>,
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
            .field("store", &self.inner.store)
            .finish_non_exhaustive()
    }
}

impl OAuthSession {
    /// A session from tokens just obtained (they are saved to `store`).
    pub fn new(config: OAuthConfig, tokens: TokenSet, store: Arc<dyn TokenStore>) -> Arc<Self> {
        if let Err(e) = store.save(&tokens) {
            tracing::warn!(error = %e, "the token store could not save the tokens");
        }
        Self::with_tokens(config, tokens, store)
    }

    /// A session from the tokens saved in `store` (a restarted process), if there are any.
    pub fn resume(config: OAuthConfig, store: Arc<dyn TokenStore>) -> Option<Arc<Self>> {
        let tokens = store.load()?;
        Some(Self::with_tokens(config, tokens, store))
    }

    fn with_tokens(config: OAuthConfig, tokens: TokenSet, store: Arc<dyn TokenStore>) -> Arc<Self> {
        Arc::new(Self {
            inner: Arc::new(Inner {
                config,
                store,
                state: Mutex::new(State {
                    tokens,
                    rejected: false,
                    in_flight: None,
                    started: 0,
                    failure: None,
                    client_timeout: None,
                }),
            }),
        })
    }

    /// The current tokens.
    pub fn tokens(&self) -> TokenSet {
        self.inner.lock().tokens.clone()
    }

    /// The session's OAuth client.
    pub fn config(&self) -> &OAuthConfig {
        &self.inner.config
    }

    /// A valid access token, refreshed first when it expires within [`REFRESH_MARGIN`] or
    /// was rejected.
    pub(crate) async fn access_token(&self) -> Result<Secret, OAuthError> {
        let wait = {
            let mut st = self.inner.lock();
            if !st.rejected && !st.tokens.expires_within(REFRESH_MARGIN) {
                return Ok(st.tokens.access_token.clone());
            }
            match self.inner.step(&mut st, None) {
                Step::Wait(refresh) => refresh,
                Step::Failed(e) => return st.still_valid().ok_or(e),
            }
        };
        match wait.await {
            Ok(tokens) => Ok(tokens.access_token),
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
            if st.tokens.access_token != *sent {
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

impl State {
    /// The access token, when it can still be sent: not rejected and not expired.
    fn still_valid(&self) -> Option<Secret> {
        let valid = !self.rejected && !self.tokens.expires_within(Duration::ZERO);
        if valid {
            tracing::debug!("the refresh failed; the access token is still valid: sending with it");
        }
        valid.then(|| self.tokens.access_token.clone())
    }
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
        let mut dead = None;
        if let Some(failure) = &st.failure
            && failure.refresh_token == st.tokens.refresh_token
        {
            if failure.error.needs_reauthorization() {
                // Never sent again; the task only looks for newer tokens in the store.
                dead = Some(failure.error.clone());
            } else {
                let cooling = failure.at.elapsed() < self.config.cool_down();
                let new_rejection = sent_at.is_some_and(|s| s > failure.at);
                if cooling && !new_rejection {
                    return Step::Failed(failure.error.clone());
                }
            }
        }
        let timeout = self
            .config
            .configured_timeout()
            .or(st.client_timeout)
            .unwrap_or(DEFAULT_TOKEN_TIMEOUT);
        st.started += 1;
        let id = st.started;
        let task = Arc::clone(self).run(id, st.tokens.clone(), timeout, dead);
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

    /// The refresh task: newer tokens from the store if another process saved some, else one
    /// call to the token endpoint; saves what it got, then publishes the outcome.
    async fn run(
        self: Arc<Self>,
        id: u64,
        current: TokenSet,
        timeout: Duration,
        dead: Option<OAuthError>,
    ) -> Outcome {
        let mut fresh = false;
        // Other processes sharing the store wait while this one refreshes (and then load its
        // tokens); the wait is bounded like the token call.
        let started = Instant::now();
        let lock = match tokio::time::timeout(timeout / 2, self.store.lock()).await {
            Ok(Ok(lock)) => Some(lock),
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "the token store could not be locked: refreshing without it");
                None
            }
            Err(_) => {
                tracing::warn!("the token store stayed locked: refreshing without the lock");
                None
            }
        };
        let outcome = match (self.newer_in_store(&current), dead) {
            (Some(saved), _) => Ok(saved),
            (None, Some(error)) => Err(error),
            (None, None) => {
                tracing::debug!("refreshing the OAuth access token");
                // The lock's wait and the call together stay within one timeout.
                let left = timeout.saturating_sub(started.elapsed());
                match self.config.refresh_within(&current, left).await {
                    Ok(tokens) => {
                        fresh = true;
                        Ok(tokens)
                    }
                    // Another process may have refreshed meanwhile (and used up the same
                    // refresh token): its tokens serve, whatever this attempt's failure.
                    Err(e) => self.newer_in_store(&current).ok_or(e),
                }
            }
        };
        if fresh && let Ok(tokens) = &outcome {
            // Saved before the next refresh can start: the store never goes back in time.
            if let Err(e) = self.store.save(tokens) {
                // The refresh worked; a failed save only costs a consent after a restart.
                tracing::warn!(error = %e, "the token store could not save refreshed tokens");
            }
        }
        drop(lock);
        let mut st = self.lock();
        if st.in_flight.as_ref().is_some_and(|(i, _)| *i == id) {
            st.in_flight = None;
        }
        match &outcome {
            Ok(tokens) => {
                st.tokens = tokens.clone();
                st.rejected = false;
                st.failure = None;
            }
            Err(error) => {
                if fresh_failure(&st.failure, error, &current) {
                    tracing::warn!(error = %error, "the OAuth refresh failed");
                }
                st.failure = Some(Failure {
                    at: Instant::now(),
                    error: error.clone(),
                    refresh_token: current.refresh_token.clone(),
                });
            }
        }
        outcome
    }

    /// Tokens another writer (a process sharing the store) saved since `current`, if they
    /// can be used.
    fn newer_in_store(&self, current: &TokenSet) -> Option<TokenSet> {
        let saved = self.store.load()?;
        // Issued later than ours (so it expires later), and good for more than the margin.
        let newer = saved.access_token != current.access_token
            && saved.expires_at > current.expires_at
            && !saved.expires_within(REFRESH_MARGIN);
        if newer {
            tracing::debug!("using the tokens another process saved");
        }
        newer.then_some(saved)
    }
}

/// Whether `error` is news (not the same failure of the same refresh token again).
fn fresh_failure(last: &Option<Failure>, error: &OAuthError, current: &TokenSet) -> bool {
    last.as_ref()
        .is_none_or(|f| f.error != *error || f.refresh_token != current.refresh_token)
}
