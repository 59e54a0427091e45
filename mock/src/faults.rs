//! Seeded, reproducible faults: latency, 5xx answers, dropped connections, truncated bodies.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Faults the mock injects into API v2 answers (not into its own `/mock/...` routes).
///
/// Each API request gets a sequence number (from 0, counted since the faults were set), and
/// whether it meets a fault depends only on the seed and that number: the same seed and the
/// same order of requests give the same faults. Rates are probabilities from 0.0 to 1.0.
///
/// - A **server error** (500, 502 or 503) is answered *before* the request reaches the state,
///   as a failing gateway would: nothing changes.
/// - A **dropped connection** or a **truncated body** happens *after* the request was applied:
///   the answer is lost on the way, as when a network fails after the server did its work.
///   This is the case that makes blind retries of a POST dangerous, and
///   [`MockServer::count`](crate::MockServer::count) shows how often a POST arrived.
///
/// ```
/// use std::time::Duration;
/// let faults = chatwork_mock::Faults::seeded(7)
///     .latency(Duration::from_millis(20))
///     .server_errors(0.1)
///     .drops(0.05)
///     .truncations(0.05);
/// # let _ = faults;
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Faults {
    /// The seed of the decisions.
    pub seed: u64,
    /// Added to every API answer before it is sent.
    pub latency: Duration,
    /// Share of requests answered 500, 502 or 503 without being applied.
    pub server_errors: f64,
    /// Share of requests applied whose connection is then closed without an answer.
    pub drops: f64,
    /// Share of requests applied whose answer body stops halfway (the connection closes).
    pub truncations: f64,
}

/// The fault one request met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Answered with this 5xx status, not applied.
    ServerError(u16),
    /// Applied, then the connection was closed before any answer byte.
    Dropped,
    /// Applied, then the answer stopped after half its body.
    Truncated,
}

impl Faults {
    /// No faults (the default).
    pub fn none() -> Self {
        Self::default()
    }

    /// No faults yet, with this seed for the ones added by the other methods.
    pub fn seeded(seed: u64) -> Self {
        Self {
            seed,
            ..Self::default()
        }
    }

    /// Adds `latency` to every answer.
    #[must_use]
    pub fn latency(mut self, latency: Duration) -> Self {
        self.latency = latency;
        self
    }

    /// Answers this share of requests with a 5xx, not applied.
    #[must_use]
    pub fn server_errors(mut self, rate: f64) -> Self {
        self.server_errors = rate;
        self
    }

    /// Drops the connection of this share of requests, after applying them.
    #[must_use]
    pub fn drops(mut self, rate: f64) -> Self {
        self.drops = rate;
        self
    }

    /// Truncates the answer body of this share of requests, after applying them.
    #[must_use]
    pub fn truncations(mut self, rate: f64) -> Self {
        self.truncations = rate;
        self
    }

    /// The fault of request number `n`, from the seed alone.
    pub fn decide(&self, n: u64) -> Option<Fault> {
        if self.server_errors <= 0.0 && self.drops <= 0.0 && self.truncations <= 0.0 {
            return None;
        }
        let mut rng = fastrand::Rng::with_seed(
            self.seed ^ n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        );
        let roll = rng.f64();
        let errors = self.server_errors.max(0.0);
        let drops = errors + self.drops.max(0.0);
        if roll < errors {
            Some(Fault::ServerError([500, 502, 503][rng.usize(0..3)]))
        } else if roll < drops {
            Some(Fault::Dropped)
        } else if roll < drops + self.truncations.max(0.0) {
            Some(Fault::Truncated)
        } else {
            None
        }
    }
}

/// The answer of a request that met `fault` (for drops and truncations, `answer` is what
/// would have been sent).
pub(crate) async fn apply(fault: Fault, answer: Response) -> Response {
    match fault {
        Fault::ServerError(status) => (
            StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE),
            "<html><body>Service Unavailable</body></html>",
        )
            .into_response(),
        Fault::Dropped => {
            // A body that fails before its first byte: the server closes the connection
            // without writing the head.
            let (mut parts, _) = answer.into_parts();
            parts.headers.remove("content-length");
            let stream = futures_util::stream::once(async {
                Err::<Bytes, std::io::Error>(std::io::Error::other("dropped by the fault knob"))
            });
            Response::from_parts(parts, Body::from_stream(stream))
        }
        Fault::Truncated => {
            let (parts, body) = answer.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            let half = bytes.slice(..bytes.len() / 2);
            let mut parts = parts;
            if let Ok(v) = bytes.len().to_string().parse() {
                parts.headers.insert("content-length", v);
            }
            // The half is written and flushed (the stream is pending once), then the body
            // fails and the connection closes short of the announced length.
            let stream = futures_util::stream::unfold((0u8, half), |(step, half)| async move {
                match step {
                    0 => Some((Ok(half.clone()), (1, half))),
                    1 => {
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        let cut = std::io::Error::other("truncated by the fault knob");
                        Some((Err::<Bytes, std::io::Error>(cut), (2, half)))
                    }
                    _ => None,
                }
            });
            Response::from_parts(parts, Body::from_stream(stream))
        }
    }
}
