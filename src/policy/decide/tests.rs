//! The decision table, without a runtime.

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
        let samples: Vec<Duration> = (0..400).map(|_| jitter(backoff_step(&p, retry))).collect();
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
