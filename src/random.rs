//! The crate's one source of randomness: backoff jitter, multipart boundaries, and (with the
//! `oauth` feature) OAuth `state` and PKCE verifiers.
//!
//! With the `oauth` feature, bytes come from the operating system (`getrandom`). Without it,
//! or if the operating system fails, they come from the standard library's per-process random
//! hasher keys mixed with the clock and a counter: unpredictable enough for jitter and
//! boundaries, which need only differ; the OAuth secrets are made with the feature on.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Fills `buf` with random bytes.
pub(crate) fn fill(buf: &mut [u8]) {
    #[cfg(feature = "oauth")]
    if getrandom::fill(buf).is_ok() {
        return;
    }
    for chunk in buf.chunks_mut(8) {
        let bytes = hashed().to_le_bytes();
        chunk.copy_from_slice(&bytes[..chunk.len()]);
    }
}

/// A random `u64`.
pub(crate) fn u64() -> u64 {
    let mut bytes = [0u8; 8];
    fill(&mut bytes);
    u64::from_le_bytes(bytes)
}

/// Uniformly up to `max`, different for each call.
pub(crate) fn jitter(max: Duration) -> Duration {
    let nanos = u64::try_from(max.as_nanos()).unwrap_or(u64::MAX).max(1);
    Duration::from_nanos(u64() % nanos)
}

/// The fallback: a fresh randomly keyed hasher over the clock and a counter.
fn hashed() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_differ_and_jitter_stays_below_its_bound() {
        let (mut a, mut b) = ([0u8; 32], [0u8; 32]);
        fill(&mut a);
        fill(&mut b);
        assert_ne!(a, b);
        assert_ne!(a, [0u8; 32]);
        let mut odd = [0u8; 13];
        fill(&mut odd);
        assert_ne!(odd, [0u8; 13]);
        let max = Duration::from_millis(10);
        let draws: Vec<Duration> = (0..200).map(|_| jitter(max)).collect();
        assert!(draws.iter().all(|d| *d < max));
        assert!(draws.iter().any(|d| *d > max / 2) && draws.iter().any(|d| *d < max / 2));
        assert_eq!(jitter(Duration::ZERO), Duration::ZERO);
        assert!(hashed() != hashed());
    }
}
