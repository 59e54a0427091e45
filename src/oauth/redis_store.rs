//! [`RedisTokenStore`]: connections' tokens and refresh leases in Redis.

use std::time::Duration;

use super::store::{
    ConnectionId, ConnectionRecord, Lease, StoreError, StoreFuture, Swap, TokenStore, Version,
    Versioned, owner_token,
};
use crate::RedisConnection;

/// Saves `ARGV[2]` at version `ARGV[1] + 1` if the stored version is `ARGV[1]` (`0`: none).
/// Returns `{1, new version, ''}`, or `{0, stored version, stored record}`.
const CAS: &str = r"
local v = redis.call('HGET', KEYS[1], 'version')
if (v or '0') ~= ARGV[1] then
  return {0, v or '0', redis.call('HGET', KEYS[1], 'record') or ''}
end
local n = tonumber(ARGV[1]) + 1
redis.call('HSET', KEYS[1], 'version', n, 'record', ARGV[2])
return {1, tostring(n), ''}
";

/// Extends the lease `KEYS[1]` by `ARGV[2]` ms if its owner is `ARGV[1]`.
const RENEW: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
";

/// Deletes the lease `KEYS[1]` if its owner is `ARGV[1]`.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

struct Scripts {
    cas: redis::Script,
    renew: redis::Script,
    release: redis::Script,
}

fn scripts() -> &'static Scripts {
    static SCRIPTS: std::sync::OnceLock<Scripts> = std::sync::OnceLock::new();
    SCRIPTS.get_or_init(|| Scripts {
        cas: redis::Script::new(CAS),
        renew: redis::Script::new(RENEW),
        release: redis::Script::new(RELEASE),
    })
}

/// A [`TokenStore`] in Redis, for every worker process of a platform on every machine:
/// each connection's record is a hash `chatwork:conn:{<id>}:record` (its `version` and the
/// [`ConnectionRecord`] JSON), saved by an atomic compare-and-swap script; its refresh lease
/// is `chatwork:conn:{<id>}:lease`, taken with `SET NX PX` under a random owner token (the
/// process ID first), renewed and released by scripts that compare the owner. The braces
/// keep a connection's keys in one Redis Cluster slot.
///
/// **Durability.** A save is acknowledged when Redis has applied it. For it to survive a
/// restart of Redis, run Redis with `appendonly yes` and `appendfsync always` (with the
/// default `everysec`, a crash can lose the last second of saves, and with it rotated refresh
/// tokens). The tokens are stored as they are: keep Redis private.
///
/// ```no_run
/// # fn main() -> Result<(), chatwork::LimiterError> {
/// use std::sync::Arc;
/// let redis = chatwork::RedisConnection::open("redis://127.0.0.1:6379/")?;
/// let store = Arc::new(chatwork::oauth::RedisTokenStore::new(&redis));
/// # let _ = store; Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct RedisTokenStore {
    redis: RedisConnection,
    namespace: String,
}

impl RedisTokenStore {
    /// A store on a (shared) Redis connection, with keys under `chatwork:conn:`.
    pub fn new(redis: &RedisConnection) -> Self {
        Self {
            redis: redis.clone(),
            namespace: "chatwork:conn:".into(),
        }
    }

    /// Another key prefix than `chatwork:conn:` (several platforms or environments on one
    /// Redis).
    #[must_use]
    pub fn namespace(mut self, prefix: impl Into<String>) -> Self {
        self.namespace = prefix.into();
        self
    }

    /// The key of a connection's record.
    pub fn record_key(&self, connection: &ConnectionId) -> String {
        format!("{}{{{connection}}}:record", self.namespace)
    }

    /// The key of a connection's refresh lease (its value is the holder's owner token, which
    /// starts with the holder's process ID).
    pub fn lease_key(&self, connection: &ConnectionId) -> String {
        format!("{}{{{connection}}}:lease", self.namespace)
    }
}

fn unavailable(failure: crate::redis_conn::Failure) -> StoreError {
    if failure.unreachable {
        StoreError::Unavailable(failure.message)
    } else {
        StoreError::Backend(failure.message)
    }
}

fn ttl_ms(ttl: Duration) -> u64 {
    u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1)
}

fn decode(
    connection: &ConnectionId,
    version: &str,
    record: &[u8],
) -> Result<Option<Versioned<ConnectionRecord>>, StoreError> {
    let version: u64 = version.parse().map_err(|_| StoreError::Corrupt {
        connection: connection.clone(),
        why: "the version is not a number".into(),
    })?;
    if version == 0 {
        return Ok(None);
    }
    Ok(Some(Versioned {
        version: Version(version),
        value: ConnectionRecord::from_json(connection, record)?,
    }))
}

impl TokenStore for RedisTokenStore {
    fn load<'a>(
        &'a self,
        connection: &'a ConnectionId,
    ) -> StoreFuture<'a, Option<Versioned<ConnectionRecord>>> {
        Box::pin(async move {
            let mut cmd = redis::cmd("HMGET");
            cmd.arg(self.record_key(connection))
                .arg("version")
                .arg("record");
            let (version, record): (Option<String>, Option<Vec<u8>>) =
                self.redis.command(cmd).await.map_err(unavailable)?;
            match (version, record) {
                (None, None) => Ok(None),
                (Some(v), Some(r)) => decode(connection, &v, &r),
                _ => Err(StoreError::Corrupt {
                    connection: connection.clone(),
                    why: "the version or the record is missing".into(),
                }),
            }
        })
    }

    fn compare_and_swap<'a>(
        &'a self,
        connection: &'a ConnectionId,
        expected: Option<Version>,
        record: &'a ConnectionRecord,
    ) -> StoreFuture<'a, Swap> {
        Box::pin(async move {
            let key = self.record_key(connection);
            let args = [expected.map_or(0, |v| v.0).to_string(), record.to_json()];
            let (saved, version, current): (i64, String, Vec<u8>) = self
                .redis
                .script(&scripts().cas, &[&key], &args)
                .await
                .map_err(unavailable)?;
            if saved == 1 {
                let v = version.parse().map_err(|_| StoreError::Corrupt {
                    connection: connection.clone(),
                    why: "the version is not a number".into(),
                })?;
                return Ok(Swap::Saved(Version(v)));
            }
            Ok(Swap::Conflict(decode(connection, &version, &current)?))
        })
    }

    fn delete<'a>(&'a self, connection: &'a ConnectionId) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let mut cmd = redis::cmd("DEL");
            cmd.arg(self.record_key(connection));
            let n: i64 = self.redis.command(cmd).await.map_err(unavailable)?;
            Ok(n > 0)
        })
    }

    fn try_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<Lease>> {
        Box::pin(async move {
            let owner = owner_token();
            let mut cmd = redis::cmd("SET");
            cmd.arg(self.lease_key(connection))
                .arg(&owner)
                .arg("NX")
                .arg("PX")
                .arg(ttl_ms(ttl));
            let set: Option<String> = self.redis.command(cmd).await.map_err(unavailable)?;
            Ok(set.map(|_| Lease::new(owner)))
        })
    }

    fn renew_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        lease: &'a Lease,
        ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        Box::pin(async move {
            let key = self.lease_key(connection);
            let args = [lease.owner().to_owned(), ttl_ms(ttl).to_string()];
            let renewed: i64 = self
                .redis
                .script(&scripts().renew, &[&key], &args)
                .await
                .map_err(unavailable)?;
            Ok(renewed == 1)
        })
    }

    fn release_lease<'a>(
        &'a self,
        connection: &'a ConnectionId,
        lease: &'a Lease,
    ) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let key = self.lease_key(connection);
            let _: i64 = self
                .redis
                .script(&scripts().release, &[&key], &[lease.owner()])
                .await
                .map_err(unavailable)?;
            Ok(())
        })
    }
}
