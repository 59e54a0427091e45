//! What every client of the CLI shares: the base URL, waits announced on stderr, the longest
//! rate-limit wait.

/// What every client of the CLI shares: the base URL, waits announced on stderr, and the
/// longest rate-limit wait (`--max-wait`; past it the command fails with exit 6).
pub fn configure(
    mut builder: chatwork::ClientBuilder,
    base_url: Option<&str>,
    max_wait: Option<std::time::Duration>,
) -> chatwork::ClientBuilder {
    if let Some(url) = base_url {
        builder = builder.base_url(url);
    }
    if let Some(max) = max_wait {
        builder =
            builder.retry_policy(chatwork::RetryPolicy::default().with_rate_limit_retries(3, max));
    }
    builder.on_wait(announce)
}

/// Waits longer than [`ANNOUNCED_WAIT`] get one line on stderr: what limit, until when.
fn announce(wait: &chatwork::Wait) {
    if wait.duration < ANNOUNCED_WAIT {
        return;
    }
    let why = match wait.reason {
        chatwork::WaitReason::TokenBudget => {
            "the token's request budget is spent (Chatwork allows 300 requests per 5 minutes)"
                .to_owned()
        }
        chatwork::WaitReason::RateLimited { room: false } => {
            "Chatwork answered 429: the token's request budget is spent".to_owned()
        }
        chatwork::WaitReason::RateLimited { room: true } => {
            "Chatwork answered 429: too many posts to this room (10 per 10 seconds)".to_owned()
        }
        chatwork::WaitReason::RoomPace(room) => {
            format!("pacing posts to room {room} (Chatwork allows 10 per 10 seconds)")
        }
        _ => "the server failed; trying again".to_owned(),
    };
    let until = std::time::SystemTime::now() + wait.duration;
    let until = until
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    eprintln!(
        "chatwork: {why}: waiting {} s, until {} (--max-wait sets a limit)",
        wait.duration.as_secs_f64().ceil() as u64,
        crate::clock::clock_time(until)
    );
}

/// Waits at least this long are announced.
pub const ANNOUNCED_WAIT: std::time::Duration = std::time::Duration::from_secs(2);
