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
mod tests {
    use super::*;
    use crate::random::jitter;
    use reqwest::header::HeaderValue;
    use std::time::UNIX_EPOCH;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    const GET: Request = Request {
        resend: true,
        can_retry: true,
        authenticated: false,
        posting: false,
        room_window: Duration::from_secs(10),
    };
    const POST: Request = Request {
        resend: false,
        posting: true,
        ..GET
    };
    const OAUTH: Request = Request {
        authenticated: true,
        ..GET
    };
    const STREAM: Request = Request {
        can_retry: false,
        ..GET
    };

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn s(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    /// One decision with the full backoff step as the "random" draw.
    fn step(attempts: Attempts, request: Request, outcome: Outcome<'_>) -> (Decision, Attempts) {
        let mut after = attempts;
        let d = decide(
            &mut after,
            &request,
            outcome,
            &RetryPolicy::default(),
            |d| d,
        );
        (d, after)
    }

    fn answered(status: u16, headers: &HeaderMap) -> Outcome<'_> {
        Outcome::Answered { status, headers }
    }

    #[test]
    fn the_decision_table() {
        let none = HeaderMap::new();
        let expired = headers(&[(
            "www-authenticate",
            r#"Bearer error="invalid_token", error_description="The access token expired""#,
        )]);
        let scope = headers(&[("www-authenticate", r#"Bearer error="insufficient_scope""#)]);
        let room_429 = headers(&[
            ("x-ratelimit-limit", "300"),
            ("x-ratelimit-remaining", "120"),
            ("x-ratelimit-reset", "4000000000"),
        ]);
        let after_7 = headers(&[("retry-after", "7")]);
        let after_400 = headers(&[("retry-after", "400")]);
        let fresh = Attempts::default();
        let retried = |n| Attempts {
            retries: n,
            ..fresh
        };
        let retry = |wait, why| Decision {
            step: Step::Retry { wait, why },
            hold_room: None,
        };
        let ret = Decision {
            step: Step::Return,
            hold_room: None,
        };
        let refresh = Decision {
            step: Step::Refresh,
            hold_room: None,
        };
        let cases: Vec<(&str, Attempts, Request, Outcome<'_>, Decision)> = vec![
            ("200 returns", fresh, GET, answered(200, &none), ret),
            ("404 returns", fresh, GET, answered(404, &none), ret),
            (
                "503 on a GET backs off 500 ms",
                fresh,
                GET,
                answered(503, &none),
                retry(ms(500), Why::ServerError(503)),
            ),
            (
                "the step doubles",
                retried(2),
                GET,
                answered(500, &none),
                retry(ms(2000), Why::ServerError(500)),
            ),
            (
                "three retries, then the answer",
                retried(3),
                GET,
                answered(504, &none),
                ret,
            ),
            ("501 is not retried", fresh, GET, answered(501, &none), ret),
            (
                "503 on a POST is not resent",
                fresh,
                POST,
                answered(503, &none),
                ret,
            ),
            (
                "503 on a stream is not resent",
                fresh,
                STREAM,
                answered(503, &none),
                ret,
            ),
            (
                "a lost answer to a GET is resent",
                fresh,
                GET,
                Outcome::Failed { connect: false },
                retry(ms(500), Why::Transport { unsent: false }),
            ),
            (
                "a lost answer to a POST is not",
                fresh,
                POST,
                Outcome::Failed { connect: false },
                ret,
            ),
            (
                "a POST that never connected is",
                fresh,
                POST,
                Outcome::Failed { connect: true },
                retry(ms(500), Why::Transport { unsent: true }),
            ),
            (
                "nor a stream",
                fresh,
                STREAM,
                Outcome::Failed { connect: true },
                ret,
            ),
            (
                "transport retries are bounded",
                retried(3),
                GET,
                Outcome::Failed { connect: true },
                ret,
            ),
            (
                "401 invalid_token with a session refreshes",
                fresh,
                OAUTH,
                answered(401, &expired),
                refresh,
            ),
            (
                "only once",
                Attempts {
                    refreshed: true,
                    ..fresh
                },
                OAUTH,
                answered(401, &expired),
                ret,
            ),
            (
                "not without a session",
                fresh,
                GET,
                answered(401, &expired),
                ret,
            ),
            (
                "not for another error",
                fresh,
                OAUTH,
                answered(401, &scope),
                ret,
            ),
            (
                "not for a body that cannot be sent again",
                fresh,
                Request {
                    authenticated: true,
                    ..STREAM
                },
                answered(401, &expired),
                ret,
            ),
            (
                "429 with budget left waits the room window",
                fresh,
                GET,
                answered(429, &room_429),
                retry(s(10), Why::RateLimited(Limited::Room(s(10)))),
            ),
            (
                "Retry-After wins",
                fresh,
                GET,
                answered(429, &after_7),
                retry(s(7), Why::RateLimited(Limited::RetryAfter(s(7)))),
            ),
            (
                "429 retries are bounded in number",
                Attempts {
                    rate_limit_retries: 3,
                    ..fresh
                },
                GET,
                answered(429, &after_7),
                ret,
            ),
            (
                "and in time (330 s)",
                Attempts {
                    rate_limit_waited: s(325),
                    ..fresh
                },
                GET,
                answered(429, &after_7),
                ret,
            ),
            (
                "a wait past the bound is not made",
                fresh,
                GET,
                answered(429, &after_400),
                ret,
            ),
            (
                "429 on a POST is retried (Chatwork did not act)",
                fresh,
                POST,
                answered(429, &after_7),
                Decision {
                    step: Step::Retry {
                        wait: s(7),
                        why: Why::RateLimited(Limited::RetryAfter(s(7))),
                    },
                    hold_room: Some(s(7)),
                },
            ),
            (
                "and holds the room even when not retried",
                Attempts {
                    rate_limit_retries: 3,
                    ..fresh
                },
                POST,
                answered(429, &room_429),
                Decision {
                    step: Step::Return,
                    hold_room: Some(s(10)),
                },
            ),
            (
                "429 on a stream returns",
                fresh,
                STREAM,
                answered(429, &after_7),
                ret,
            ),
        ];
        for (name, attempts, request, outcome, expected) in cases {
            assert_eq!(step(attempts, request, outcome).0, expected, "{name}");
        }
    }

    #[test]
    fn a_token_level_429_does_not_hold_the_room_and_counts_what_it_grants() {
        let spent = headers(&[
            ("x-ratelimit-limit", "300"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "4000000000"),
            (
                "date",
                &httpdate::fmt_http_date(UNIX_EPOCH + s(4_000_000_000 - 30)),
            ),
        ]);
        let (d, after) = step(Attempts::default(), POST, answered(429, &spent));
        assert_eq!(
            d,
            Decision {
                step: Step::Retry {
                    wait: s(31),
                    why: Why::RateLimited(Limited::Token(s(31)))
                },
                hold_room: None
            }
        );
        assert_eq!(
            after,
            Attempts {
                rate_limit_retries: 1,
                rate_limit_waited: s(31),
                ..Attempts::default()
            }
        );
        let (_, after) = step(Attempts::default(), GET, answered(503, &HeaderMap::new()));
        assert_eq!(after.retries, 1);
        let (_, after) = step(
            Attempts::default(),
            OAUTH,
            Outcome::Failed { connect: true },
        );
        assert_eq!(
            after,
            Attempts {
                retries: 1,
                ..Attempts::default()
            }
        );
        // The draw is the loop's: here half the step.
        let mut a = Attempts::default();
        let d = decide(
            &mut a,
            &GET,
            answered(500, &HeaderMap::new()),
            &RetryPolicy::default(),
            |d| d / 2,
        );
        assert_eq!(
            d.step,
            Step::Retry {
                wait: ms(250),
                why: Why::ServerError(500)
            }
        );
        assert_eq!(backoff_step(&RetryPolicy::default(), 4), s(8), "the cap");
        assert_eq!(
            backoff_step(&RetryPolicy::default(), 40),
            s(8),
            "no overflow"
        );
        let none = RetryPolicy::none();
        let mut a = Attempts::default();
        let d = decide(&mut a, &GET, answered(503, &HeaderMap::new()), &none, |d| d);
        assert_eq!(d.step, Step::Return, "RetryPolicy::none() never retries");
    }

    #[test]
    fn backoff_stays_under_the_exponential_step_and_the_cap() {
        let p = RetryPolicy::default();
        for retry in 0..10 {
            let step = p
                .initial_backoff
                .saturating_mul(1 << retry)
                .min(p.max_backoff);
            assert!(jitter(backoff_step(&p, retry)) <= step);
        }
    }

    #[test]
    fn backoff_waits_a_real_share_of_its_step() {
        // Full jitter: uniform below the step. Zero (or a constant) would hammer Chatwork.
        let p = RetryPolicy::default();
        for retry in 0..4 {
            let step = p
                .initial_backoff
                .saturating_mul(1 << retry)
                .min(p.max_backoff);
            let samples: Vec<Duration> =
                (0..400).map(|_| jitter(backoff_step(&p, retry))).collect();
            let mean = samples.iter().sum::<Duration>() / 400;
            assert!(
                mean > step / 4 && mean < step * 3 / 4,
                "retry {retry}: mean {mean:?} for a step of {step:?}"
            );
            let distinct: std::collections::HashSet<_> = samples.iter().collect();
            assert!(distinct.len() > 300, "the waits are jittered");
        }
    }

    #[test]
    fn a_429_waits_for_the_limit_it_reports() {
        use reqwest::header::{HeaderMap, HeaderValue};
        let headers = |pairs: &[(&'static str, String)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(*k, HeaderValue::from_str(v).unwrap());
            }
            h
        };
        let room = Duration::from_secs(10);
        let date = |t: u64| httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(t));
        let t = 1_800_000_000;
        // Budget left: the room's window, not the token reset 280 s away.
        let h = headers(&[
            ("x-ratelimit-limit", "300".into()),
            ("x-ratelimit-remaining", "120".into()),
            ("x-ratelimit-reset", (t + 280).to_string()),
            ("date", date(t)),
        ]);
        assert_eq!(rate_limit_wait(&h, room), Limited::Room(room));
        // Budget spent: until the reset, on Chatwork's clock (here years away from ours).
        let h = headers(&[
            ("x-ratelimit-limit", "300".into()),
            ("x-ratelimit-remaining", "0".into()),
            ("x-ratelimit-reset", (t + 42).to_string()),
            ("date", date(t)),
        ]);
        assert_eq!(
            rate_limit_wait(&h, room),
            Limited::Token(Duration::from_secs(43))
        );
        // Retry-After wins, in seconds or as a date on Chatwork's clock.
        let h = headers(&[("retry-after", "7".into())]);
        assert_eq!(
            rate_limit_wait(&h, room),
            Limited::RetryAfter(Duration::from_secs(7))
        );
        let h = headers(&[("retry-after", date(t + 5)), ("date", date(t))]);
        assert_eq!(
            rate_limit_wait(&h, room),
            Limited::RetryAfter(Duration::from_secs(5))
        );
        assert_eq!(
            rate_limit_wait(&HeaderMap::new(), room),
            Limited::Room(room)
        );
    }
}
