//! What the request loop does after each attempt, decided without doing it: a pure function
//! of the attempt's outcome, what is known about the request, the retry settings and the
//! attempts so far. The loop in `policy/mod.rs` only carries the steps out.

use std::time::Duration;

use reqwest::header::HeaderMap;

use super::RetryPolicy;
use crate::limiter::RESET_MARGIN;
use crate::response::RateLimit;

/// What is known about a request before it is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Request {
    /// Whether it may be sent again after a failure that leaves unknown whether Chatwork
    /// acted on it ([`may_resend`](super::may_resend)).
    pub resend: bool,
    /// Whether its body can be sent again (a streaming body cannot).
    pub can_retry: bool,
    /// Whether an authenticator (an OAuth session) provides its token.
    pub authenticated: bool,
    /// Whether it is a message post or task creation (a room's posting pace applies).
    pub posting: bool,
    /// The room posting window of the limiter in use.
    pub room_window: Duration,
}

/// How one attempt ended.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Outcome<'a> {
    /// Chatwork answered.
    Answered { status: u16, headers: &'a HeaderMap },
    /// No answer; `connect`: the connection was never made (nothing reached Chatwork).
    Failed { connect: bool },
}

/// The attempts so far: what the retry bounds count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Attempts {
    /// Retries after transport failures and server errors.
    pub retries: u32,
    /// Retries after 429s.
    pub rate_limit_retries: u32,
    /// Time waited for rate limits (429s and the budget).
    pub rate_limit_waited: Duration,
    /// Whether the token was refreshed after a 401 already.
    pub refreshed: bool,
}

/// Which limit a 429 reports, and how long it asks to wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limited {
    /// `Retry-After` said how long.
    RetryAfter(Duration),
    /// The token still had requests left: a per-room (or other short) limit.
    Room(Duration),
    /// The token's budget is spent: until its reset.
    Token(Duration),
}

impl Limited {
    pub(crate) fn wait(self) -> Duration {
        match self {
            Limited::RetryAfter(d) | Limited::Room(d) | Limited::Token(d) => d,
        }
    }
}

/// Why the loop waits before the next attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// A 429: the limit it reports.
    RateLimited(Limited),
    /// A 500, 502, 503 or 504, on a request that may be sent again.
    ServerError(u16),
    /// A transport failure; `unsent`: the connection was never made.
    Transport { unsent: bool },
}

/// The next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Hand the outcome to the caller.
    Return,
    /// A 401 `invalid_token`: refresh the token, then send again.
    Refresh,
    /// Wait this long, then send again.
    Retry { wait: Duration, why: Why },
}

/// A step, and whether the room's next posts are held (after a room-level 429, so that other
/// posts wait too rather than meet the same 429), and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decision {
    pub step: Step,
    pub hold_room: Option<Duration>,
}

impl Step {
    fn alone(self) -> Decision {
        Decision {
            step: self,
            hold_room: None,
        }
    }
}

/// The next step after `outcome`. Counts the retry it grants in `attempts`. `jitter` draws a
/// backoff up to its argument (full jitter; the loop passes a random draw, tests a fixed one).
pub(crate) fn decide(
    attempts: &mut Attempts,
    request: &Request,
    outcome: Outcome<'_>,
    policy: &RetryPolicy,
    jitter: impl FnOnce(Duration) -> Duration,
) -> Decision {
    let backoff = |attempts: &mut Attempts, why: Why| {
        let step = backoff_step(policy, attempts.retries);
        attempts.retries += 1;
        Step::Retry {
            wait: jitter(step),
            why,
        }
        .alone()
    };
    let may_retry = request.can_retry;
    match outcome {
        Outcome::Failed { connect } => {
            // A connection that was never made carried nothing: safe for any method.
            if (request.resend || connect) && may_retry && attempts.retries < policy.max_retries {
                backoff(attempts, Why::Transport { unsent: connect })
            } else {
                Step::Return.alone()
            }
        }
        Outcome::Answered { status, headers } => {
            if status == 401
                && request.authenticated
                && may_retry
                && !attempts.refreshed
                && invalid_token(headers)
            {
                // Chatwork did not act on a 401: refresh once, then send again.
                attempts.refreshed = true;
                return Step::Refresh.alone();
            }
            if status == 429 && may_retry {
                let limited = rate_limit_wait(headers, request.room_window);
                let wait = limited.wait();
                let hold_room = (request.posting
                    && matches!(limited, Limited::Room(_) | Limited::RetryAfter(_)))
                .then_some(wait);
                let step = if attempts.rate_limit_retries < policy.max_rate_limit_retries
                    && attempts.rate_limit_waited + wait <= policy.max_rate_limit_wait
                {
                    attempts.rate_limit_retries += 1;
                    attempts.rate_limit_waited += wait;
                    Step::Retry {
                        wait,
                        why: Why::RateLimited(limited),
                    }
                } else {
                    Step::Return
                };
                return Decision { step, hold_room };
            }
            if is_server_error(status)
                && request.resend
                && may_retry
                && attempts.retries < policy.max_retries
            {
                return backoff(attempts, Why::ServerError(status));
            }
            Step::Return.alone()
        }
    }
}

/// The exponential step of the backoff before retry number `retries + 1`: the initial
/// backoff doubled per retry, never more than the cap. The wait is drawn up to it.
pub(crate) fn backoff_step(policy: &RetryPolicy, retries: u32) -> Duration {
    policy
        .initial_backoff
        .saturating_mul(1u32 << retries.min(16))
        .min(policy.max_backoff)
}

/// The statuses that say "try again": 500, 502, 503, 504.
fn is_server_error(status: u16) -> bool {
    matches!(status, 500 | 502 | 503 | 504)
}

/// How long a 429 asks us to wait. `room_window` is the per-room posting window.
pub(crate) fn rate_limit_wait(headers: &HeaderMap, room_window: Duration) -> Limited {
    if let Some(wait) = crate::response::retry_after(headers) {
        return Limited::RetryAfter(wait);
    }
    match RateLimit::from_headers(headers) {
        Some(rl) if rl.remaining > 0 => Limited::Room(room_window),
        Some(rl) => Limited::Token(rl.reset_in() + RESET_MARGIN),
        // No hint at all: Chatwork's shortest window is the per-room 10 seconds.
        None => Limited::Room(room_window),
    }
}

/// Whether a 401 says the access token is invalid or expired (`WWW-Authenticate: Bearer
/// error="invalid_token"`), read with the crate's `WWW-Authenticate` parser.
fn invalid_token(headers: &HeaderMap) -> bool {
    headers
        .get_all(reqwest::header::WWW_AUTHENTICATE)
        .iter()
        .map(|v| crate::error::WwwAuthenticate::parse(&String::from_utf8_lossy(v.as_bytes())))
        .any(|c| {
            c.scheme.eq_ignore_ascii_case("bearer") && c.error.as_deref() == Some("invalid_token")
        })
}

#[cfg(test)]
mod tests;
