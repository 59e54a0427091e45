//! Cost of `verify_and_parse` per event against the bare HMAC-SHA256 of the same body,
//! measured in the same run. `cargo bench --bench webhook`
//!
//! A second reference, the bare HMAC plus `serde_json` into a plain struct of the same
//! fields with borrowed strings, shows what any serde-based parse costs on this machine.
use std::hint::black_box;
use std::time::{Duration, Instant};

use base64::Engine as _;
use chatwork::webhook::WebhookVerifier;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const TOKEN: &str = "Y2hhdHdvcmstd2ViaG9vay10ZXN0LWtleS0wMDAx";
const BODY: &[u8] = br#"{"webhook_setting_id":"12345","webhook_event_type":"mention_to_me","webhook_event_time":1764040501,"webhook_event":{"from_account_id":123,"to_account_id":456,"room_id":5,"message_id":"1928374655918273647","body":"[To:456] please review the release notes before tomorrow's deploy","send_time":1764040500,"update_time":0}}"#;

/// The delivery's fields as borrowed strings: the cheapest serde target there is.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Plain<'a> {
    webhook_setting_id: &'a str,
    webhook_event_type: &'a str,
    webhook_event_time: i64,
    #[serde(borrow)]
    webhook_event: PlainEvent<'a>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainEvent<'a> {
    from_account_id: i64,
    to_account_id: i64,
    room_id: i64,
    message_id: &'a str,
    body: &'a str,
    send_time: i64,
    update_time: i64,
}

/// The median time per iteration over `rounds` rounds of `iters` iterations.
fn measure(rounds: usize, iters: u32, mut f: impl FnMut()) -> Duration {
    let mut samples: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iters {
                f();
            }
            start.elapsed() / iters
        })
        .collect();
    samples.sort();
    samples[rounds / 2]
}

fn main() {
    let key = base64::engine::general_purpose::STANDARD
        .decode(TOKEN)
        .unwrap();
    let verifier = WebhookVerifier::new(TOKEN).unwrap();
    let signature = verifier.sign(BODY);
    let (rounds, iters) = (31, 20_000);
    // Warm up both paths.
    measure(3, iters, || {
        black_box(
            verifier
                .verify_and_parse(black_box(BODY), &signature)
                .unwrap(),
        );
    });
    let bare = measure(rounds, iters, || {
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
        mac.update(black_box(BODY));
        black_box(mac.finalize().into_bytes());
    });
    let verify = measure(rounds, iters, || {
        verifier
            .verify(black_box(BODY), black_box(&signature))
            .unwrap();
    });
    let floor = measure(rounds, iters, || {
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
        mac.update(black_box(BODY));
        black_box(mac.finalize().into_bytes());
        black_box(serde_json::from_slice::<Plain>(black_box(BODY)).unwrap());
    });
    let full = measure(rounds, iters, || {
        black_box(
            verifier
                .verify_and_parse(black_box(BODY), black_box(&signature))
                .unwrap(),
        );
    });
    println!(
        "body: {} bytes; median of {rounds} rounds x {iters} iterations",
        BODY.len()
    );
    println!(
        "bare HMAC-SHA256:          {:>8.0} ns/event (baseline)",
        bare.as_nanos() as f64
    );
    println!(
        "verify (base64 + HMAC):    {:>8.0} ns/event  ratio {:.2}",
        verify.as_nanos() as f64,
        verify.as_nanos() as f64 / bare.as_nanos() as f64
    );
    println!(
        "HMAC + plain serde struct: {:>8.0} ns/event  ratio {:.2} (floor of a serde parse)",
        floor.as_nanos() as f64,
        floor.as_nanos() as f64 / bare.as_nanos() as f64
    );
    println!(
        "verify_and_parse (typed):  {:>8.0} ns/event  ratio {:.2}",
        full.as_nanos() as f64,
        full.as_nanos() as f64 / bare.as_nanos() as f64
    );
}
