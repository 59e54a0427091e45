//! The refresh under the connection's lease: loaded tokens that are still good win; else the
//! lease is taken (or another worker's fresh tokens adopted), renewed while the token call
//! runs, and the new tokens saved by version. An `invalid_grant` marks the connection as
//! needing consent.

use super::*;

impl Inner {
    /// Tokens that can be used: loaded, or refreshed under the lease.
    pub(super) async fn obtain(&self, rejected: Option<&Secret>, timeout: Duration) -> Outcome {
        let loaded = self.load().await?;
        if usable(&loaded, rejected) {
            return Ok(loaded);
        }
        if let ConnectionState::NeedsConsent { error, .. } = &loaded.value.state {
            return Err(OAuthError::ReauthorizationRequired {
                error: error.clone(),
            });
        }
        let ttl = self.config.lease_ttl(timeout);
        let lease = match self.lease(ttl, rejected).await? {
            Held::Lease(lease) => lease,
            Held::Adopted(record) => return Ok(record),
        };
        let outcome = self.under_lease(&lease, ttl, rejected, timeout).await;
        if let Err(e) = self.store.release_lease(&self.connection, &lease).await {
            // It lapses by itself within `ttl`.
            tracing::debug!(connection = %self.connection, error = %e, "the lease could not be released");
        }
        outcome
    }

    /// Takes the lease, or (while waiting for it) tokens another holder saved.
    async fn lease(&self, ttl: Duration, rejected: Option<&Secret>) -> Result<Held, OAuthError> {
        let started = Instant::now();
        let wait = self.config.lease_wait();
        let mut tries = 0u32;
        loop {
            if let Some(lease) = self
                .store
                .try_lease(&self.connection, ttl)
                .await
                .map_err(OAuthError::Store)?
            {
                return Ok(Held::Lease(lease));
            }
            tries += 1;
            // Another process refreshes: its tokens usually end the wait.
            if tries.is_multiple_of(4) || started.elapsed() >= wait {
                let loaded = self.load().await?;
                if usable(&loaded, rejected) {
                    return Ok(Held::Adopted(loaded));
                }
                if started.elapsed() >= wait {
                    return Err(OAuthError::LeaseBusy {
                        connection: self.connection.to_string(),
                        waited: started.elapsed(),
                    });
                }
            }
            let pause =
                Duration::from_millis(50) + crate::random::jitter(Duration::from_millis(25));
            tokio::time::sleep(pause.min(wait.saturating_sub(started.elapsed()))).await;
        }
    }

    /// Steps 3 and 4, with the lease held.
    async fn under_lease(
        &self,
        lease: &Lease,
        ttl: Duration,
        rejected: Option<&Secret>,
        timeout: Duration,
    ) -> Outcome {
        let loaded = self.load().await?;
        if usable(&loaded, rejected) {
            return Ok(loaded);
        }
        if let ConnectionState::NeedsConsent { error, .. } = &loaded.value.state {
            return Err(OAuthError::ReauthorizationRequired {
                error: error.clone(),
            });
        }
        let lost = Arc::new(AtomicBool::new(false));
        let watchdog = self.watchdog(lease, ttl, Arc::clone(&lost));
        let refresh = async {
            if lost.load(Ordering::SeqCst) {
                return Err(OAuthError::LeaseLost {
                    connection: self.connection.to_string(),
                });
            }
            tracing::debug!(connection = %self.connection, "refreshing the OAuth access token");
            match self
                .config
                .refresh_within(&loaded.value.tokens, timeout)
                .await
            {
                Ok(tokens) => self.save(&loaded, ConnectionRecord::active(tokens)).await,
                Err(OAuthError::ReauthorizationRequired { error }) => {
                    // Tokens saved meanwhile (by a writer outside the lease) still serve.
                    if let Ok(now) = self.load().await
                        && usable(&now, rejected)
                        && now.version != loaded.version
                    {
                        return Ok(now);
                    }
                    self.needs_consent(&loaded, &error).await;
                    Err(OAuthError::ReauthorizationRequired { error })
                }
                Err(e) => Err(e),
            }
        };
        // The refresh is polled first; the watchdog only while it runs.
        match futures_util::future::select(std::pin::pin!(refresh), std::pin::pin!(watchdog)).await
        {
            futures_util::future::Either::Left((outcome, _)) => outcome,
            futures_util::future::Either::Right(((), _)) => {
                unreachable!("the watchdog runs until dropped")
            }
        }
    }

    /// Renews the lease every third of its life until dropped; a failed renewal sets `lost`
    /// (checked before the token call; a call already sent finishes and is saved by
    /// version, so nothing newer is overwritten).
    async fn watchdog(&self, lease: &Lease, ttl: Duration, lost: Arc<AtomicBool>) {
        loop {
            tokio::time::sleep(ttl / 3).await;
            match self.store.renew_lease(&self.connection, lease, ttl).await {
                Ok(true) => {}
                Ok(false) => {
                    lost.store(true, Ordering::SeqCst);
                    tracing::warn!(connection = %self.connection, "the refresh lease lapsed");
                }
                Err(e) => {
                    lost.store(true, Ordering::SeqCst);
                    tracing::warn!(connection = %self.connection, error = %e, "the refresh lease could not be renewed");
                }
            }
        }
    }

    /// Saves refreshed tokens over `loaded`. A store that fails is retried (the lease is
    /// renewed meanwhile); a conflict with a record whose refresh token is still the one just
    /// spent (only its state changed) is saved over; newer tokens in the store win.
    async fn save(&self, loaded: &Record, record: ConnectionRecord) -> Outcome {
        let started = Instant::now();
        let mut expected = Some(loaded.version);
        let mut pause = Duration::from_millis(50);
        loop {
            match self
                .store
                .compare_and_swap(&self.connection, expected, &record)
                .await
            {
                Ok(Swap::Saved(version)) => {
                    return Ok(Versioned {
                        version,
                        value: record,
                    });
                }
                Ok(Swap::Conflict(Some(now)))
                    if now.value.tokens.refresh_token != loaded.value.tokens.refresh_token
                        && !now.value.needs_consent() =>
                {
                    tracing::debug!(connection = %self.connection, "newer tokens were saved meanwhile: using them");
                    return Ok(now);
                }
                Ok(Swap::Conflict(now)) => expected = now.map(|n| n.version),
                Err(e) if e.is_retryable() && started.elapsed() < SAVE_PATIENCE => {
                    tracing::warn!(connection = %self.connection, error = %e, "saving refreshed tokens failed: trying again");
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(2));
                }
                Err(e) => {
                    tracing::error!(connection = %self.connection, error = %e, "refreshed tokens could not be saved: kept in this process only");
                    return Ok(Versioned {
                        version: loaded.version,
                        value: record,
                    });
                }
            }
        }
    }

    /// Marks the connection as needing consent in the store (tokens kept), unless newer
    /// tokens were saved meanwhile.
    async fn needs_consent(&self, loaded: &Record, error: &str) {
        let mut marked = loaded.value.clone();
        marked.state = ConnectionState::NeedsConsent {
            error: error.to_owned(),
            since: SystemTime::now(),
        };
        match self
            .store
            .compare_and_swap(&self.connection, Some(loaded.version), &marked)
            .await
        {
            Ok(Swap::Saved(_)) => {
                tracing::warn!(connection = %self.connection, "the refresh token was rejected: the connection needs a new consent");
            }
            Ok(Swap::Conflict(_)) => {}
            Err(e) => {
                tracing::warn!(connection = %self.connection, error = %e, "could not mark the connection as needing consent");
            }
        }
    }
}

enum Held {
    Lease(Lease),
    Adopted(Record),
}
