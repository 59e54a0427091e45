//! One source for the facts the SDK and the local Chatwork share: if one changes, this fails
//! until the other agrees.

use std::time::Duration;

use chatwork::RateLimiter as _;
use chatwork_mock::{ACCESS_TOKEN_LIFETIME_SECS, DOWNLOAD_URL_LIFETIME, Limits, MAX_UPLOAD_BYTES};

#[test]
fn the_mock_and_the_sdk_agree_on_chatworks_numbers() {
    // The largest upload: what the SDK accepts is what the mock keeps.
    assert_eq!(MAX_UPLOAD_BYTES, chatwork::MAX_UPLOAD_BYTES);
    // An OAuth access token's life.
    assert_eq!(
        Duration::from_secs(ACCESS_TOKEN_LIFETIME_SECS),
        chatwork::oauth::ACCESS_TOKEN_LIFETIME
    );
    // The per-room posting window the SDK paces against.
    let limits = Limits::default();
    assert_eq!(
        limits.room_window,
        chatwork::LocalLimiter::new().room_window()
    );
    // Chatwork's documented numbers, which neither side exposes as a constant to compare.
    assert_eq!(
        (limits.requests, limits.window),
        (300, Duration::from_secs(300))
    );
    assert_eq!(limits.room_posts, 10);
    assert_eq!(DOWNLOAD_URL_LIFETIME, Duration::from_secs(30));
}
