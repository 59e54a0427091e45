//! Feeds arbitrary bodies and signatures to `verify_and_parse`, and arbitrary bodies,
//! correctly signed, to the parser behind it: neither may panic, and a correctly signed
//! body must never be rejected as a bad signature.
#![no_main]

use chatwork::webhook::{WebhookError, WebhookVerifier};
use libfuzzer_sys::fuzz_target;

const TOKEN: &str = "Y2hhdHdvcmstd2ViaG9vay10ZXN0LWtleS0wMDAx";

fuzz_target!(|data: &[u8]| {
    let verifier = WebhookVerifier::new(TOKEN).expect("valid token");
    // The first bytes up to a NUL act as the signature; the rest is the body.
    let (signature, body) = match data.iter().position(|&b| b == 0) {
        Some(i) => (String::from_utf8_lossy(&data[..i]).into_owned(), &data[i + 1..]),
        None => (String::new(), data),
    };
    let _ = verifier.verify_and_parse(body, &signature);
    let signed = verifier.sign(body);
    match verifier.verify_and_parse(body, &signed) {
        Err(WebhookError::BadSignature | WebhookError::MissingSignature) => panic!("a correct signature was rejected"),
        _ => {}
    }
});
