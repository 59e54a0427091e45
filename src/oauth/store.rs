//! Where connections' tokens are kept: an async store keyed by connection, with versioned
//! loads, compare-and-swap saves and refresh leases ([`TokenStore`]), its record format
//! ([`ConnectionRecord`]), and the in-memory store ([`MemoryTokenStore`]).
//!
//! The rules every store follows, and that [`OAuthSession`](super::OAuthSession) relies on:
//!
//! - a save names the version it replaces ([`TokenStore::compare_and_swap`]): a writer that
//!   loaded old tokens can never overwrite newer ones; it gets [`Swap::Conflict`] with what is
//!   stored now;
//! - a refresh runs only under the connection's lease ([`TokenStore::try_lease`]): one owner at
//!   a time across every process, released only by its owner, renewed while the refresh is in
//!   flight, lapsing on its own if the owner dies;
//! - errors are typed ([`StoreError`]), never swallowed, and never carry a secret.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::future::BoxFuture;
use serde::{Deserialize, Serialize};

use super::{Scope, Secret, TokenSet};

/// The name of one connection (one user's Chatwork account connected through the consent
/// screen): 1 to 128 characters of `A-Z a-z 0-9 . _ - : @`, chosen by the platform (a
/// tenant and user, a database ID). It is not a secret, and it keys the connection's tokens,
/// lease and rate limits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnectionId(Arc<str>);

impl ConnectionId {
    /// The longest connection ID.
    pub const MAX_LEN: usize = 128;

    /// A connection ID, checked.
    ///
    /// # Errors
    ///
    /// [`StoreError::InvalidConnectionId`] when it is empty, longer than
    /// [`MAX_LEN`](Self::MAX_LEN), or has another character than those listed above.
    pub fn new(id: impl AsRef<str>) -> Result<Self, StoreError> {
        let id = id.as_ref();
        let allowed =
            |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':' | '@');
        if id.is_empty() || id.len() > Self::MAX_LEN || !id.chars().all(allowed) {
            return Err(StoreError::InvalidConnectionId {
                // Shown escaped and cut: the text may come from anyone.
                given: id
                    .chars()
                    .take(40)
                    .collect::<String>()
                    .escape_debug()
                    .to_string(),
            });
        }
        Ok(Self(Arc::from(id)))
    }

    /// The ID as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ConnectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ConnectionId({:?})", &*self.0)
    }
}

impl fmt::Display for ConnectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for ConnectionId {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, StoreError> {
        Self::new(s)
    }
}

/// The version of a stored record: it grows by one with every save. A record that does not
/// exist has no version (`None` where a version is expected).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(pub u64);

/// A value with the version it was loaded at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Versioned<T> {
    /// The version loaded.
    pub version: Version,
    /// The value.
    pub value: T,
}

/// Whether a connection can be used.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectionState {
    /// Its tokens work (or can be refreshed).
    Active,
    /// Chatwork rejected its refresh token (`invalid_grant`: expired, revoked, or used twice):
    /// only a new consent helps. The tokens are kept; saving new ones (a new consent, from any
    /// process) makes it active again.
    NeedsConsent {
        /// The OAuth error code Chatwork answered.
        error: String,
        /// When it was found.
        since: SystemTime,
    },
}

/// What a store keeps for one connection.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConnectionRecord {
    /// The current tokens.
    pub tokens: TokenSet,
    /// Whether they can be used.
    pub state: ConnectionState,
}

impl ConnectionRecord {
    /// An active connection with these tokens (after a consent).
    pub fn active(tokens: TokenSet) -> Self {
        Self {
            tokens,
            state: ConnectionState::Active,
        }
    }

    /// Whether only a new consent can make it work again.
    pub fn needs_consent(&self) -> bool {
        matches!(self.state, ConnectionState::NeedsConsent { .. })
    }

    /// The record as stores keep it: JSON with a `format` number, the secrets in plain text
    /// (keep the store private; encrypt it at rest where the platform requires).
    pub fn to_json(&self) -> String {
        let (state, error, since_ms) = match &self.state {
            ConnectionState::Active => ("active", None, None),
            ConnectionState::NeedsConsent { error, since } => {
                ("needs_consent", Some(error.clone()), Some(millis(*since)))
            }
        };
        let wire = Wire {
            format: FORMAT,
            access_token: self.tokens.access_token.expose().to_owned(),
            refresh_token: self
                .tokens
                .refresh_token
                .as_ref()
                .map(|s| s.expose().to_owned()),
            expires_at_ms: millis(self.tokens.expires_at),
            scope: super::scopes_to_string(self.tokens.scopes.iter().cloned()),
            state: state.to_owned(),
            error,
            since_ms,
        };
        serde_json::to_string(&wire).expect("a record serializes")
    }

    /// Reads a record written by [`to_json`](Self::to_json).
    ///
    /// # Errors
    ///
    /// [`StoreError::UnknownFormat`] for a record of another format (a newer version of this
    /// crate wrote it), [`StoreError::Corrupt`] for anything else that is not a record. The
    /// error names the connection, never a secret.
    pub fn from_json(connection: &ConnectionId, json: &[u8]) -> Result<Self, StoreError> {
        #[derive(Deserialize)]
        struct Format {
            format: Option<u64>,
        }
        let corrupt = |why: String| StoreError::Corrupt {
            connection: connection.clone(),
            why,
        };
        // serde's messages may quote the input: only its position is kept.
        let position = |e: serde_json::Error| format!("line {} column {}", e.line(), e.column());
        let format: Format = serde_json::from_slice(json)
            .map_err(|e| corrupt(format!("not a JSON object ({})", position(e))))?;
        match format.format {
            Some(FORMAT) => {}
            Some(found) => {
                return Err(StoreError::UnknownFormat {
                    connection: connection.clone(),
                    found,
                });
            }
            None => return Err(corrupt("no format number".into())),
        }
        let wire: Wire = serde_json::from_slice(json).map_err(|e| {
            corrupt(format!(
                "a field is missing or of the wrong type ({})",
                position(e)
            ))
        })?;
        let state = match (wire.state.as_str(), wire.error) {
            ("active", _) => ConnectionState::Active,
            ("needs_consent", error) => ConnectionState::NeedsConsent {
                error: error.unwrap_or_else(|| "invalid_grant".into()),
                since: UNIX_EPOCH + Duration::from_millis(wire.since_ms.unwrap_or(0)),
            },
            _ => return Err(corrupt("unknown state".into())),
        };
        if wire.access_token.is_empty() {
            return Err(corrupt("empty access token".into()));
        }
        Ok(Self {
            tokens: TokenSet::new(
                Secret::new(wire.access_token),
                wire.refresh_token.map(Secret::new),
                UNIX_EPOCH + Duration::from_millis(wire.expires_at_ms),
                wire.scope
                    .split_ascii_whitespace()
                    .map(Scope::new)
                    .collect(),
            ),
            state,
        })
    }
}

/// The record format this crate writes and reads.
const FORMAT: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Wire {
    format: u64,
    access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    expires_at_ms: u64,
    #[serde(default)]
    scope: String,
    state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    since_ms: Option<u64>,
}

fn millis(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The outcome of [`TokenStore::compare_and_swap`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Swap {
    /// Saved, at this version.
    Saved(Version),
    /// Not saved: the stored version is not the expected one. What is stored now (`None`:
    /// nothing).
    Conflict(Option<Versioned<ConnectionRecord>>),
}

/// A refresh lease held by this process ([`TokenStore::try_lease`]): its owner token is
/// what renewals and the release must present.
pub struct Lease {
    owner: Secret,
}

impl Lease {
    /// A lease with this owner token (for stores outside this crate).
    pub fn new(owner: impl Into<String>) -> Self {
        Self {
            owner: Secret::new(owner),
        }
    }

    /// The owner token.
    pub fn owner(&self) -> &str {
        self.owner.expose()
    }
}

impl fmt::Debug for Lease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Lease(<owner>)")
    }
}

/// A new owner token: this process's ID (which a soak or an operator can see) and 128
/// random bits.
pub(crate) fn owner_token() -> String {
    let mut bytes = [0u8; 16];
    crate::random::fill(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{hex}", std::process::id())
}

/// What went wrong in a [`TokenStore`]. Never carries a token.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The store has no record of this connection (it was never connected, or was deleted).
    #[error("no connection {0} in the token store")]
    UnknownConnection(ConnectionId),
    /// The connection ID is not one ([`ConnectionId::new`]).
    #[error("{given:?} is not a connection ID (1 to 128 of A-Z a-z 0-9 . _ - : @)")]
    InvalidConnectionId {
        /// The start of what was given, escaped.
        given: String,
    },
    /// The stored record is not one this crate can read.
    #[error("the stored record of connection {connection} is corrupt: {why}")]
    Corrupt {
        /// Whose record.
        connection: ConnectionId,
        /// What is wrong with it (never its content).
        why: String,
    },
    /// The stored record has a format this version does not know (a newer version wrote it):
    /// it is left as it is.
    #[error(
        "the stored record of connection {connection} has format {found}, which this version does not read"
    )]
    UnknownFormat {
        /// Whose record.
        connection: ConnectionId,
        /// Its format number.
        found: u64,
    },
    /// The store could not be reached or did not answer in time: try again later.
    #[error("the token store is unreachable: {0}")]
    Unavailable(String),
    /// The store answered with an error.
    #[error("the token store failed: {0}")]
    Backend(String),
}

impl StoreError {
    /// Whether trying again later may succeed (the store was unreachable or failed).
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Unavailable(_) | Self::Backend(_))
    }
}

/// What a store's calls return.
pub type StoreFuture<'a, T> = BoxFuture<'a, Result<T, StoreError>>;

/// Where connections' tokens are kept, shared by every process that serves them.
///
/// A session ([`OAuthSession`](super::OAuthSession)) loads its connection's record before a
/// refresh, saves new tokens with [`compare_and_swap`](Self::compare_and_swap) against the
/// version it loaded, and refreshes only while it holds the connection's lease. Implement it
/// over any store that can compare and swap (Redis: `RedisTokenStore` with the `redis`
/// feature; SQL: `UPDATE ... WHERE version = $n`; a file with a lock: the `chatwork` CLI's).
pub trait TokenStore: Send + Sync + fmt::Debug {
    /// The connection's record and its version, or `None` when there is none.
    ///
    /// # Errors
    ///
    /// [`StoreError::Corrupt`] or [`StoreError::UnknownFormat`] for a record that cannot be
    /// read; [`StoreError::Unavailable`] or [`StoreError::Backend`] when the store fails.
    fn load<'a>(
        &'a self,
        connection: &'a ConnectionId,
    ) -> StoreFuture<'a, Option<Versioned<ConnectionRecord>>>;

    /// Saves `record` if the stored version is `expected` (`None`: only if there is no record),
    /// as one atomic step. Once it returns [`Swap::Saved`], the record must survive a restart
    /// of the store.
    ///
    /// # Errors
    ///
    /// As [`load`](Self::load); a conflict is not an error but [`Swap::Conflict`].
    fn compare_and_swap<'a>(
        &'a self,
        connection: &'a ConnectionId,
        expected: Option<Version>,
        record: &'a ConnectionRecord,
    ) -> StoreFuture<'a, Swap>;

    /// Removes the connection's record (a user disconnected). `Ok(false)`: there was none.
    ///
    /// # Errors
    ///
    /// As [`load`](Self::load).
    fn delete<'a>(&'a self, connection: &'a ConnectionId) -> StoreFuture<'a, bool>;

    /// Takes the connection's refresh lease for `ttl` if nobody holds it (`None`: somebody
    /// does). Across every process that shares the store, one lease is held at a time; it
    /// lapses by itself `ttl` after it was taken or last renewed.
    ///
    /// # Errors
    ///
    /// As [`load`](Self::load).
    fn try_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<Lease>>;

    /// Extends `lease` by `ttl` from now if it is still held by its owner (`Ok(false)`: it
    /// lapsed, and maybe somebody else holds it now).
    ///
    /// # Errors
    ///
    /// As [`load`](Self::load).
    fn renew_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        lease: &'a Lease,
        ttl: Duration,
    ) -> StoreFuture<'a, bool>;

    /// Releases `lease` if its owner still holds it (never somebody else's).
    ///
    /// # Errors
    ///
    /// As [`load`](Self::load).
    fn release_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        lease: &'a Lease,
    ) -> StoreFuture<'a, ()>;
}

/// A [`TokenStore`] in this process's memory (lost with it): for tests, and for one process
/// that keeps its connections elsewhere between runs.
#[derive(Default)]
pub struct MemoryTokenStore {
    records: Mutex<HashMap<ConnectionId, Versioned<ConnectionRecord>>>,
    leases: Mutex<HashMap<ConnectionId, (String, tokio::time::Instant)>>,
}

impl fmt::Debug for MemoryTokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.records.lock().map_or(0, |r| r.len());
        f.debug_struct("MemoryTokenStore")
            .field("connections", &n)
            .finish_non_exhaustive()
    }
}

fn ready<'a, T: Send + 'a>(value: Result<T, StoreError>) -> StoreFuture<'a, T> {
    Box::pin(std::future::ready(value))
}

impl TokenStore for MemoryTokenStore {
    fn load<'a>(
        &'a self,
        connection: &'a ConnectionId,
    ) -> StoreFuture<'a, Option<Versioned<ConnectionRecord>>> {
        let records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        ready(Ok(records.get(connection).cloned()))
    }

    fn compare_and_swap<'a>(
        &'a self,
        connection: &'a ConnectionId,
        expected: Option<Version>,
        record: &'a ConnectionRecord,
    ) -> StoreFuture<'a, Swap> {
        let mut records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        let current = records.get(connection);
        if current.map(|c| c.version) != expected {
            return ready(Ok(Swap::Conflict(current.cloned())));
        }
        let version = Version(expected.map_or(1, |v| v.0 + 1));
        records.insert(
            connection.clone(),
            Versioned {
                version,
                value: record.clone(),
            },
        );
        ready(Ok(Swap::Saved(version)))
    }

    fn delete<'a>(&'a self, connection: &'a ConnectionId) -> StoreFuture<'a, bool> {
        let mut records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        ready(Ok(records.remove(connection).is_some()))
    }

    fn try_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<Lease>> {
        let mut leases = self.leases.lock().unwrap_or_else(|e| e.into_inner());
        let now = tokio::time::Instant::now();
        if leases
            .get(connection)
            .is_some_and(|(_, until)| *until > now)
        {
            return ready(Ok(None));
        }
        let owner = owner_token();
        leases.insert(connection.clone(), (owner.clone(), now + ttl));
        ready(Ok(Some(Lease::new(owner))))
    }

    fn renew_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        lease: &'a Lease,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        let mut leases = self.leases.lock().unwrap_or_else(|e| e.into_inner());
        let now = tokio::time::Instant::now();
        let held = match leases.get_mut(connection) {
            Some((owner, until)) if owner == lease.owner() && *until > now => {
                *until = now + ttl;
                true
            }
            _ => false,
        };
        ready(Ok(held))
    }

    fn release_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        lease: &'a Lease,
    ) -> StoreFuture<'a, ()> {
        let mut leases = self.leases.lock().unwrap_or_else(|e| e.into_inner());
        if leases
            .get(connection)
            .is_some_and(|(owner, _)| owner == lease.owner())
        {
            leases.remove(connection);
        }
        ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> ConnectionId {
        ConnectionId::new(s).unwrap()
    }

    fn record(access: &str) -> ConnectionRecord {
        ConnectionRecord::active(TokenSet::new(
            Secret::new(access),
            Some(Secret::new("refresh-1")),
            UNIX_EPOCH + Duration::from_millis(1_800_000_000_123),
            vec![Scope::ROOMS_ALL_READ_WRITE, Scope::new("x.y:z")],
        ))
    }

    #[test]
    fn connection_ids_are_checked_and_never_echo_much() {
        for ok in ["a", "tenant-7:user_12@acme.example", &"x".repeat(128)] {
            assert_eq!(id(ok).as_str(), ok);
        }
        for bad in ["", " a", "a/b", "a\u{1b}[2J", &"x".repeat(129), "é"] {
            let e = ConnectionId::new(bad).unwrap_err();
            assert!(matches!(e, StoreError::InvalidConnectionId { .. }), "{bad}");
            assert!(!e.to_string().contains('\u{1b}'));
        }
    }

    #[test]
    fn records_round_trip_and_bad_ones_are_typed_without_secrets() {
        let c = id("c1");
        let mut r = record("acc-secret");
        assert_eq!(
            ConnectionRecord::from_json(&c, r.to_json().as_bytes()).unwrap(),
            r
        );
        r.state = ConnectionState::NeedsConsent {
            error: "invalid_grant".into(),
            since: UNIX_EPOCH + Duration::from_millis(1_700_000_000_000),
        };
        let json = r.to_json();
        assert!(
            json.starts_with(r#"{"format":1,"access_token":"acc-secret""#),
            "{json}"
        );
        assert_eq!(ConnectionRecord::from_json(&c, json.as_bytes()).unwrap(), r);
        let newer = json.replace(r#""format":1"#, r#""format":2"#);
        assert_eq!(
            ConnectionRecord::from_json(&c, newer.as_bytes()).unwrap_err(),
            StoreError::UnknownFormat {
                connection: c.clone(),
                found: 2
            }
        );
        for bad in [
            "",
            "[]",
            "{\"access_token\":\"acc-secret\"}",
            "{\"format\":1,\"access_token\":\"acc-secret\"}",
            "{\"format\":1,\"access_token\":\"acc-secret\",\"expires_at_ms\":1,\"state\":\"odd\"}",
            "{\"format\":1,\"access_token\":7,\"expires_at_ms\":1,\"state\":\"active\"}",
        ] {
            let e = ConnectionRecord::from_json(&c, bad.as_bytes()).unwrap_err();
            assert!(matches!(e, StoreError::Corrupt { .. }), "{bad}: {e}");
            assert!(!e.to_string().contains("acc-secret"), "{e}");
            assert!(e.to_string().contains("c1"), "{e}");
        }
    }

    #[tokio::test]
    async fn memory_store_swaps_only_from_the_version_it_holds() {
        let store = MemoryTokenStore::default();
        let c = id("c1");
        assert_eq!(store.load(&c).await.unwrap(), None);
        assert_eq!(
            store
                .compare_and_swap(&c, None, &record("a1"))
                .await
                .unwrap(),
            Swap::Saved(Version(1))
        );
        // A stale writer (it loaded nothing) cannot overwrite.
        let Swap::Conflict(Some(now)) = store
            .compare_and_swap(&c, None, &record("old"))
            .await
            .unwrap()
        else {
            panic!("no conflict")
        };
        assert_eq!(now.version, Version(1));
        assert_eq!(
            store
                .compare_and_swap(&c, Some(Version(1)), &record("a2"))
                .await
                .unwrap(),
            Swap::Saved(Version(2))
        );
        assert!(matches!(
            store.compare_and_swap(&c, Some(Version(1)), &record("a3")).await.unwrap(),
            Swap::Conflict(Some(v)) if v.version == Version(2)
        ));
        let loaded = store.load(&c).await.unwrap().unwrap();
        assert_eq!(loaded.value.tokens.access_token.expose(), "a2");
        assert!(store.delete(&c).await.unwrap());
        assert!(!store.delete(&c).await.unwrap());
    }

    #[tokio::test(start_paused = true)]
    async fn memory_leases_have_one_owner_and_lapse() {
        let store = MemoryTokenStore::default();
        let c = id("c1");
        let ttl = Duration::from_secs(10);
        let first = store.try_lease(&c, ttl).await.unwrap().unwrap();
        assert!(store.try_lease(&c, ttl).await.unwrap().is_none());
        // Only the owner renews or releases.
        let stranger = Lease::new("someone-else");
        assert!(!store.renew_lease(&c, &stranger, ttl).await.unwrap());
        store.release_lease(&c, &stranger).await.unwrap();
        assert!(store.try_lease(&c, ttl).await.unwrap().is_none());
        tokio::time::advance(Duration::from_secs(8)).await;
        assert!(store.renew_lease(&c, &first, ttl).await.unwrap());
        tokio::time::advance(Duration::from_secs(8)).await;
        assert!(store.try_lease(&c, ttl).await.unwrap().is_none());
        tokio::time::advance(Duration::from_secs(3)).await;
        // Lapsed: the old owner cannot renew, a new one takes it.
        assert!(!store.renew_lease(&c, &first, ttl).await.unwrap());
        let second = store.try_lease(&c, ttl).await.unwrap().unwrap();
        store.release_lease(&c, &first).await.unwrap();
        assert!(store.try_lease(&c, ttl).await.unwrap().is_none());
        store.release_lease(&c, &second).await.unwrap();
        assert!(store.try_lease(&c, ttl).await.unwrap().is_some());
        assert!(format!("{second:?}") == "Lease(<owner>)");
    }
}
