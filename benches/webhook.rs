//! Cost of `verify_and_parse` per event against the bare HMAC-SHA256 of the same body,
//! measured in the same run. `cargo bench --bench webhook`
//!
//! The reference (issue 24's floor) is the bare HMAC plus `serde_json` into a plain struct of
//! the same fields with borrowed strings: what any serde-based parse costs on this machine. A
//! second one owns its strings, as an event a handler keeps must.
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

/// The same fields owned (`String`), as an event a handler can keep must be.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Owned {
    webhook_setting_id: String,
    webhook_event_type: String,
    webhook_event_time: i64,
    webhook_event: OwnedEvent,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct OwnedEvent {
    from_account_id: i64,
    to_account_id: i64,
    room_id: i64,
    message_id: String,
    body: String,
    send_time: i64,
    update_time: i64,
}

/// Time per iteration of each variant: the median over `rounds` rounds of `iters` iterations,
/// and each variant's ratio to the first (the baseline) within the same round (median and
/// quartiles). The rounds rotate which variant goes first; a ratio is taken within one round,
/// so drift of the machine (its speed moves by 2x over minutes on a shared VM) falls on both
/// sides of it.
fn measure(
    rounds: usize,
    iters: u32,
    variants: &mut [&mut dyn FnMut()],
) -> Vec<(Duration, [f64; 3])> {
    let k = variants.len();
    let mut samples = vec![Vec::with_capacity(rounds); k];
    for round in 0..rounds {
        for i in 0..k {
            let which = (round + i) % k;
            let start = Instant::now();
            for _ in 0..iters {
                variants[which]();
            }
            samples[which].push(start.elapsed() / iters);
        }
    }
    (0..k)
        .map(|i| {
            let mut ratios: Vec<f64> = samples[i]
                .iter()
                .zip(&samples[0])
                .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64().max(1e-12))
                .collect();
            ratios.sort_by(f64::total_cmp);
            let mut times = samples[i].clone();
            times.sort();
            (
                times[rounds / 2],
                [
                    ratios[rounds / 4],
                    ratios[rounds / 2],
                    ratios[rounds * 3 / 4],
                ],
            )
        })
        .collect()
}

fn main() {
    let key = base64::engine::general_purpose::STANDARD
        .decode(TOKEN)
        .unwrap();
    let verifier = WebhookVerifier::new(TOKEN).unwrap();
    let signature = verifier.sign(BODY);
    let (rounds, iters) = (61, 5_000);
    let mut floor = || {
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
        mac.update(black_box(BODY));
        black_box(mac.finalize().into_bytes());
        black_box(serde_json::from_slice::<Plain>(black_box(BODY)).unwrap());
    };
    let mut bare = || {
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
        mac.update(black_box(BODY));
        black_box(mac.finalize().into_bytes());
    };
    let mut verify = || {
        verifier
            .verify(black_box(BODY), black_box(&signature))
            .unwrap();
    };
    let mut owned = || {
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
        mac.update(black_box(BODY));
        black_box(mac.finalize().into_bytes());
        black_box(serde_json::from_slice::<Owned>(black_box(BODY)).unwrap());
    };
    let mut full = || {
        black_box(
            verifier
                .verify_and_parse(black_box(BODY), black_box(&signature))
                .unwrap(),
        );
    };
    // Warm up.
    measure(3, iters, &mut [&mut floor, &mut full]);
    let m = measure(
        rounds,
        iters,
        &mut [&mut floor, &mut bare, &mut verify, &mut owned, &mut full],
    );
    println!(
        "body: {} bytes; {rounds} rounds x {iters} iterations; ratio: against HMAC + plain serde in the same round, median [quartiles]",
        BODY.len()
    );
    for (label, (time, [q1, median, q3])) in [
        "HMAC + plain serde struct (floor)",
        "bare HMAC-SHA256",
        "verify (base64 + HMAC)",
        "HMAC + plain serde, owned strings",
        "verify_and_parse (typed)",
    ]
    .iter()
    .zip(m)
    {
        println!(
            "{label:<34} {:>6.0} ns/event  {median:.3}x [{q1:.3}, {q3:.3}]",
            time.as_nanos() as f64
        );
    }
}
