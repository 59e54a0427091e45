//! The OAuth file as the SDK's token store: versioned saves under a lock, and the refresh
//! lease between `chatwork` processes.

use super::*;

/// Keeps refreshed tokens in the OAuth file: one connection ([`DEFAULT_CONNECTION`]), its
/// version in the file, a compare-and-swap under an exclusive lock of `<file>.lock`, and the
/// refresh lease as a second lock file, `<file>.lease`, held while a `chatwork` process
/// refreshes (of several whose token expired at once, one refreshes and the others load its
/// tokens).
#[derive(Debug)]
pub(super) struct FileStore {
    pub(super) path: PathBuf,
    /// Lease owner token -> the locked lease file.
    pub(super) leases: Mutex<std::collections::HashMap<String, std::fs::File>>,
}

fn store_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(e.to_string())
}

/// Opens (creating, readable by the owner only) a lock file.
fn lock_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

impl FileStore {
    pub(super) fn read(&self) -> Option<Saved> {
        serde_json::from_str(&std::fs::read_to_string(&self.path).ok()?).ok()
    }

    fn ours(&self, connection: &ConnectionId) -> bool {
        connection.as_str() == DEFAULT_CONNECTION
    }

    fn record(saved: &Saved) -> Versioned<ConnectionRecord> {
        let mut record = ConnectionRecord::active(saved.tokens());
        if let Some(error) = &saved.needs_consent {
            record.state = ConnectionState::NeedsConsent {
                error: error.clone(),
                since: std::time::SystemTime::now(),
            };
        }
        Versioned {
            version: Version(saved.version.max(1)),
            value: record,
        }
    }

    /// Compare-and-swap under the file lock (blocking).
    fn swap(
        &self,
        expected: Option<Version>,
        record: &ConnectionRecord,
    ) -> std::result::Result<Swap, StoreError> {
        let lock = lock_file(&lock_path(&self.path)).map_err(store_error)?;
        lock.lock().map_err(store_error)?;
        let Some(saved) = self.read() else {
            return Err(StoreError::Backend("the OAuth file is gone".into()));
        };
        let current = Self::record(&saved);
        if Some(current.version) != expected {
            return Ok(Swap::Conflict(Some(current)));
        }
        let mut next = saved.with_tokens(&record.tokens);
        next.version = current.version.0 + 1;
        next.needs_consent = match &record.state {
            ConnectionState::NeedsConsent { error, .. } => Some(error.clone()),
            _ => None,
        };
        let text = serde_json::to_string_pretty(&next).map_err(store_error)?;
        write_private(&self.path, &text).map_err(store_error)?;
        Ok(Swap::Saved(Version(next.version)))
    }
}

impl TokenStore for FileStore {
    fn load<'a>(
        &'a self,
        connection: &'a ConnectionId,
    ) -> StoreFuture<'a, Option<Versioned<ConnectionRecord>>> {
        let found = self.ours(connection).then(|| self.read()).flatten();
        Box::pin(std::future::ready(Ok(found.as_ref().map(Self::record))))
    }

    fn compare_and_swap<'a>(
        &'a self,
        connection: &'a ConnectionId,
        expected: Option<Version>,
        record: &'a ConnectionRecord,
    ) -> StoreFuture<'a, Swap> {
        let outcome = if self.ours(connection) {
            self.swap(expected, record)
        } else {
            Err(StoreError::UnknownConnection(connection.clone()))
        };
        Box::pin(std::future::ready(outcome))
    }

    fn delete<'a>(&'a self, _connection: &'a ConnectionId) -> StoreFuture<'a, bool> {
        Box::pin(std::future::ready(Err(StoreError::Backend(
            "run `chatwork logout` to remove the OAuth file".into(),
        ))))
    }

    fn try_lease<'a>(
        &'a self,
        _connection: &'a ConnectionId,
        _ttl: Duration,
    ) -> StoreFuture<'a, Option<Lease>> {
        let mut path = self.path.as_os_str().to_owned();
        path.push(".lease");
        let outcome = lock_file(Path::new(&path))
            .map_err(store_error)
            .and_then(|file| match file.try_lock() {
                Ok(()) => {
                    let lease = Lease::new(format!("{}-{}", std::process::id(), rand_suffix()));
                    self.leases
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(lease.owner().to_owned(), file);
                    Ok(Some(lease))
                }
                Err(std::fs::TryLockError::WouldBlock) => Ok(None),
                Err(std::fs::TryLockError::Error(e)) => Err(store_error(e)),
            });
        Box::pin(std::future::ready(outcome))
    }

    /// A lock file's lease lasts as long as its holder lives: renewing only checks it is held.
    fn renew_lease<'a>(
        &'a self,
        _connection: &'a ConnectionId,
        lease: &'a Lease,
        _ttl: Duration,
    ) -> StoreFuture<'a, bool> {
        let held = self
            .leases
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains_key(lease.owner());
        Box::pin(std::future::ready(Ok(held)))
    }

    fn release_lease<'a>(
        &'a self,
        _connection: &'a ConnectionId,
        lease: &'a Lease,
    ) -> StoreFuture<'a, ()> {
        // Dropping the file unlocks it.
        self.leases
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(lease.owner());
        Box::pin(std::future::ready(Ok(())))
    }
}

/// Distinguishes the leases of one process.
fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
