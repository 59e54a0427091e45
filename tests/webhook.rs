//! Webhook verification and parsing.
//!
//! The signature vectors were computed outside this crate, twice, with two tools:
//!
//! ```text
//! TOKEN=$(printf 'chatwork-webhook-test-key-0001' | base64)   # Y2hhdHdvcmstd2ViaG9vay10ZXN0LWtleS0wMDAx
//! HEX=$(printf 'chatwork-webhook-test-key-0001' | xxd -p | tr -d '\n')
//! printf '%s' "$BODY" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$HEX -binary | base64
//! python3 -c 'import hmac,hashlib,base64,sys; print(base64.b64encode(hmac.new(base64.b64decode(sys.argv[1]), sys.argv[2].encode(), hashlib.sha256).digest()).decode())' "$TOKEN" "$BODY"
//! ```
//!
//! and the deliveries in `spec/fixtures/webhooks/` were signed by Python's `hmac` module.

use chatwork::model::WebhookEventType;
use chatwork::webhook::{self, WebhookError, WebhookEventPayload, WebhookVerifier};
use proptest::prelude::*;

const TOKEN: &str = "Y2hhdHdvcmstd2ViaG9vay10ZXN0LWtleS0wMDAx";
const BODY: &str = r#"{"webhook_setting_id":"12345","webhook_event_type":"message_created","webhook_event_time":1498028130,"webhook_event":{"message_id":"1928374655918273645","room_id":567890123,"account_id":123456,"body":"hello","send_time":1498028125,"update_time":0}}"#;
const SIGNATURE: &str = "em17JLHUICm2rtoQmB5XDgD2flUPXZmcvSNhYPBAfIk=";
const EMPTY_BODY_SIGNATURE: &str = "DULZB461+v09VrN2LNCFnXX/10CAFVSQtyj/qEPrwJc=";

fn fixture(name: &str) -> (Vec<u8>, String, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    let raw = std::fs::read(format!("{root}/spec/fixtures/webhooks/{name}.http")).unwrap();
    let cut = raw.windows(2).position(|w| w == b"\n\n").unwrap();
    let head = String::from_utf8(raw[..cut].to_vec()).unwrap();
    let header = head
        .lines()
        .find_map(|l| l.strip_prefix("x-chatworkwebhooksignature: "))
        .unwrap()
        .to_owned();
    let query = head
        .lines()
        .next()
        .unwrap()
        .split(['?', ' '])
        .nth(2)
        .unwrap()
        .to_owned();
    (raw[cut + 2..].to_vec(), header, query)
}

fn fixture_token() -> String {
    std::fs::read_to_string(format!(
        "{}/spec/fixtures/webhooks/TOKEN",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn independent_vectors_verify() {
    let v = WebhookVerifier::new(TOKEN).unwrap();
    v.verify(BODY.as_bytes(), SIGNATURE).unwrap();
    v.verify(b"", EMPTY_BODY_SIGNATURE).unwrap();
    assert_eq!(v.sign(BODY.as_bytes()), SIGNATURE);
    assert_eq!(webhook::sign(TOKEN, b"").unwrap(), EMPTY_BODY_SIGNATURE);
    let event = v.verify_and_parse(BODY.as_bytes(), SIGNATURE).unwrap();
    let WebhookEventPayload::MessageCreated(m) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(m.message_id.as_str(), "1928374655918273645");
    assert_eq!(
        (m.room_id.get(), m.account_id.get(), m.update_time),
        (567_890_123, 123_456, 0)
    );
    assert_eq!(event.webhook_setting_id, "12345");
    assert_eq!(event.webhook_event_time, 1_498_028_130);
}

#[test]
fn every_single_byte_flip_of_body_or_signature_is_rejected() {
    let v = WebhookVerifier::new(TOKEN).unwrap();
    let body = BODY.as_bytes();
    for i in 0..body.len() {
        for bit in 0..8 {
            let mut flipped = body.to_vec();
            flipped[i] ^= 1 << bit;
            assert_eq!(
                v.verify(&flipped, SIGNATURE),
                Err(WebhookError::BadSignature),
                "byte {i} bit {bit}"
            );
        }
    }
    let sig = SIGNATURE.as_bytes();
    for i in 0..sig.len() {
        for replacement in [b'A', b'z', b'0', b'+', b'/', b'=', b'!'] {
            if sig[i] == replacement {
                continue;
            }
            let mut s = sig.to_vec();
            s[i] = replacement;
            let s = String::from_utf8(s).unwrap();
            assert!(
                v.verify(body, &s).is_err(),
                "signature char {i} -> {}",
                replacement as char
            );
        }
    }
    assert_eq!(v.verify(body, ""), Err(WebhookError::MissingSignature));
    assert_eq!(
        v.verify(body, &SIGNATURE[..SIGNATURE.len() - 4]),
        Err(WebhookError::BadSignature)
    );
}

#[test]
fn recorded_deliveries_verify_through_the_header_and_the_query_parameter() {
    let v = WebhookVerifier::new(&fixture_token()).unwrap();
    for (name, kind) in [
        ("message_created", WebhookEventType::MessageCreated),
        ("message_updated", WebhookEventType::MessageUpdated),
        ("mention_to_me", WebhookEventType::MentionToMe),
    ] {
        let (body, header, query) = fixture(name);
        let from_query = webhook::signature_from_query(&query).unwrap();
        assert_eq!(
            from_query, header,
            "{name}: the query parameter is the URL-encoded header"
        );
        assert!(
            query.contains("%2B") || query.contains("%2F") || query.contains("%3D"),
            "{query}"
        );
        assert_eq!(
            v.verify_and_parse(&body, &header).unwrap().event_type(),
            kind
        );
        assert_eq!(
            v.verify_and_parse(&body, &from_query).unwrap().event_type(),
            kind
        );
    }
    let (body, header, _) = fixture("mention_to_me");
    let event = v.verify_and_parse(&body, &header).unwrap();
    let WebhookEventPayload::MentionToMe(m) = &event.payload else {
        panic!()
    };
    assert_eq!((m.from_account_id.get(), m.to_account_id.get()), (123, 456));
    assert_eq!(event.room_id().map(|r| r.get()), Some(5));
    // Re-serialized it is the same JSON value as delivered.
    assert_eq!(
        serde_json::to_value(&event).unwrap(),
        serde_json::from_slice::<serde_json::Value>(&body).unwrap()
    );
}

#[test]
fn several_tokens_are_accepted_and_bad_tokens_fail_at_construction() {
    let other = "b3RoZXItdG9rZW4=";
    let v = WebhookVerifier::with_tokens([other, TOKEN]).unwrap();
    v.verify(BODY.as_bytes(), SIGNATURE).unwrap();
    let signed_by_other = webhook::sign(other, BODY.as_bytes()).unwrap();
    v.verify(BODY.as_bytes(), &signed_by_other).unwrap();
    assert!(
        WebhookVerifier::new(other)
            .unwrap()
            .verify(BODY.as_bytes(), SIGNATURE)
            .is_err()
    );

    assert_eq!(
        WebhookVerifier::with_tokens([TOKEN, "not base64!"]).unwrap_err(),
        WebhookError::InvalidToken { index: 1 }
    );
    assert_eq!(
        WebhookVerifier::new("").unwrap_err(),
        WebhookError::InvalidToken { index: 0 }
    );
    assert_eq!(
        WebhookVerifier::with_tokens(Vec::<String>::new()).unwrap_err(),
        WebhookError::NoToken
    );
}

#[test]
fn errors_and_debug_never_show_the_token_or_the_signature() {
    let v = WebhookVerifier::new(TOKEN).unwrap();
    let errors = [
        v.verify(b"tampered", SIGNATURE).unwrap_err(),
        v.verify_and_parse(b"not json", &v.sign(b"not json"))
            .unwrap_err(),
        WebhookVerifier::new("%%%").unwrap_err(),
    ];
    let printed = format!(
        "{v:?} {errors:?} {}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    );
    for secret in [
        TOKEN,
        SIGNATURE,
        &v.sign(b"tampered"),
        "chatwork-webhook-test-key",
    ] {
        assert!(!printed.contains(secret), "{printed}");
    }
    // The key is there, redacted.
    assert!(
        format!("{v:?}").contains("keys: [<redacted webhook token>]"),
        "{v:?}"
    );
}

#[test]
fn an_unknown_event_type_keeps_its_name_and_raw_json() {
    let body = br#"{"webhook_setting_id":"9","webhook_event_type":"task_created","webhook_event_time":1,"webhook_event":{"task_id":7,"room_id":3,"extra":[1]}}"#;
    let v = WebhookVerifier::new(TOKEN).unwrap();
    let event = v.verify_and_parse(body, &v.sign(body)).unwrap();
    let WebhookEventPayload::Unknown { event_type, raw } = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(event_type.as_str(), "task_created");
    assert_eq!(raw["task_id"], 7);
    assert_eq!(event.event_type(), WebhookEventType::from("task_created"));
    assert!(matches!(event.event_type(), WebhookEventType::Unknown(_)));
    assert_eq!(event.room_id().map(|r| r.get()), Some(3));
    assert_eq!(
        serde_json::to_value(&event).unwrap(),
        serde_json::from_slice::<serde_json::Value>(body).unwrap()
    );

    // Unknown fields are tolerated in known events too.
    let body = br#"{"webhook_setting_id":"9","webhook_event_type":"message_updated","webhook_event_time":1,"new":true,"webhook_event":{"message_id":"5","room_id":3,"account_id":4,"body":"b","send_time":1,"update_time":2,"thread":null}}"#;
    assert!(matches!(
        webhook::parse_unverified(body).unwrap().payload,
        WebhookEventPayload::MessageUpdated(_)
    ));
    // A known type with a wrong shape is an invalid body, never a panic.
    let body = br#"{"webhook_setting_id":"9","webhook_event_type":"mention_to_me","webhook_event_time":1,"webhook_event":{"room_id":"x"}}"#;
    assert!(matches!(
        v.verify_and_parse(body, &v.sign(body)),
        Err(WebhookError::InvalidBody(_))
    ));
}

#[test]
fn the_envelope_parses_the_same_in_any_key_order_and_rejects_duplicates_and_gaps() {
    let in_order = webhook::parse_unverified(BODY.as_bytes()).unwrap();
    let WebhookEventPayload::MessageCreated(m) = &in_order.payload else {
        panic!("{in_order:?}")
    };
    assert_eq!(
        (m.message_id.as_str(), m.room_id.get(), m.account_id.get()),
        ("1928374655918273645", 567890123, 123456)
    );
    assert_eq!(
        (m.body.as_str(), m.send_time, m.update_time),
        ("hello", 1498028125, 0)
    );
    assert_eq!(
        (
            in_order.webhook_setting_id.as_str(),
            in_order.webhook_event_time
        ),
        ("12345", 1498028130)
    );
    // The event before its type, and the type last of all: the same event.
    for body in [
        r#"{"webhook_event":{"message_id":"1928374655918273645","room_id":567890123,"account_id":123456,"body":"hello","send_time":1498028125,"update_time":0},"webhook_setting_id":"12345","webhook_event_time":1498028130,"webhook_event_type":"message_created"}"#,
        r#"{"webhook_setting_id":"12345","webhook_event":{"message_id":"1928374655918273645","room_id":567890123,"account_id":123456,"body":"hello","send_time":1498028125,"update_time":0},"webhook_event_time":1498028130,"x":[{"y":1}],"webhook_event_type":"message_created"}"#,
    ] {
        assert_eq!(
            webhook::parse_unverified(body.as_bytes()).unwrap(),
            in_order,
            "{body}"
        );
    }
    // Serializing gives the wire shape back.
    assert_eq!(
        serde_json::to_value(&in_order).unwrap(),
        serde_json::from_str::<serde_json::Value>(BODY).unwrap()
    );
    // A repeated key is refused rather than silently taking the first or the last.
    for (body, field) in [
        (
            r#"{"webhook_setting_id":"1","webhook_setting_id":"2","webhook_event_type":"x","webhook_event_time":1,"webhook_event":{}}"#,
            "webhook_setting_id",
        ),
        (
            r#"{"webhook_setting_id":"1","webhook_event_type":"x","webhook_event_type":"y","webhook_event_time":1,"webhook_event":{}}"#,
            "webhook_event_type",
        ),
        (
            r#"{"webhook_setting_id":"1","webhook_event_type":"x","webhook_event_time":1,"webhook_event_time":2,"webhook_event":{}}"#,
            "webhook_event_time",
        ),
        (
            r#"{"webhook_event":{},"webhook_setting_id":"1","webhook_event_type":"x","webhook_event_time":1,"webhook_event":{}}"#,
            "webhook_event",
        ),
    ] {
        let Err(WebhookError::InvalidBody(m)) = webhook::parse_unverified(body.as_bytes()) else {
            panic!("{body}")
        };
        assert!(m.contains(&format!("duplicate field `{field}`")), "{m}");
    }
    // Each missing key is named.
    let full = serde_json::from_str::<serde_json::Value>(BODY).unwrap();
    for field in [
        "webhook_setting_id",
        "webhook_event_type",
        "webhook_event_time",
        "webhook_event",
    ] {
        let mut body = full.clone();
        body.as_object_mut().unwrap().remove(field);
        let Err(WebhookError::InvalidBody(m)) =
            webhook::parse_unverified(body.to_string().as_bytes())
        else {
            panic!("{field}")
        };
        assert!(m.contains(&format!("missing field `{field}`")), "{m}");
    }
    // A wrong event shape is refused whether it comes before or after its type.
    for body in [
        r#"{"webhook_setting_id":"1","webhook_event_type":"message_created","webhook_event_time":1,"webhook_event":{"room_id":"x"}}"#,
        r#"{"webhook_setting_id":"1","webhook_event":{"room_id":"x"},"webhook_event_time":1,"webhook_event_type":"message_created"}"#,
        r#"{"webhook_setting_id":1,"webhook_event_type":"x","webhook_event_time":1,"webhook_event":{}}"#,
    ] {
        assert!(
            matches!(
                webhook::parse_unverified(body.as_bytes()),
                Err(WebhookError::InvalidBody(_))
            ),
            "{body}"
        );
    }
    // The error says what was expected.
    for (body, expected) in [
        ("[]", "expected a webhook event"),
        (
            r#"{"webhook_setting_id":"1","webhook_event_type":7,"webhook_event_time":1,"webhook_event":{}}"#,
            "expected an event type",
        ),
    ] {
        let Err(WebhookError::InvalidBody(m)) = webhook::parse_unverified(body.as_bytes()) else {
            panic!("{body}")
        };
        assert!(m.contains(expected), "{m}");
    }
}

#[test]
fn max_age_and_deduplication_are_opt_in() {
    let v = WebhookVerifier::new(TOKEN).unwrap();
    // Off by default: an old event (2017) and a repeated delivery both pass.
    v.verify_and_parse(BODY.as_bytes(), SIGNATURE).unwrap();
    v.verify_and_parse(BODY.as_bytes(), SIGNATURE).unwrap();

    let strict = WebhookVerifier::new(TOKEN)
        .unwrap()
        .max_age(std::time::Duration::from_secs(300));
    assert!(matches!(
        strict.verify_and_parse(BODY.as_bytes(), SIGNATURE),
        Err(WebhookError::TooOld {
            max_age_secs: 300,
            ..
        })
    ));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let fresh = BODY.replace("1498028130", &now.to_string());
    strict
        .verify_and_parse(fresh.as_bytes(), &strict.sign(fresh.as_bytes()))
        .unwrap();

    let once = WebhookVerifier::new(TOKEN).unwrap().deduplicate(2);
    once.verify_and_parse(BODY.as_bytes(), SIGNATURE).unwrap();
    assert_eq!(
        once.verify_and_parse(BODY.as_bytes(), SIGNATURE),
        Err(WebhookError::Duplicate)
    );
    // Bounded: after two other deliveries the first one is forgotten.
    for other in [&BODY.replace("hello", "a"), &BODY.replace("hello", "b")] {
        once.verify_and_parse(other.as_bytes(), &once.sign(other.as_bytes()))
            .unwrap();
    }
    once.verify_and_parse(BODY.as_bytes(), SIGNATURE).unwrap();
}

#[test]
fn the_age_and_deduplication_limits_sit_exactly_on_their_boundaries() {
    let strict = WebhookVerifier::new(TOKEN)
        .unwrap()
        .max_age(std::time::Duration::from_secs(300));
    let unix = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
    };
    // Exactly 300 s old passes, 301 s does not (retried if the clock ticks in between).
    let at_age = |age: u64| loop {
        let before = unix();
        let body = BODY.replace("1498028130", &(before - age).to_string());
        let result = strict.verify_and_parse(body.as_bytes(), &strict.sign(body.as_bytes()));
        if unix() == before {
            return result;
        }
    };
    at_age(300).unwrap();
    assert!(matches!(
        at_age(301),
        Err(WebhookError::TooOld {
            age_secs: 301,
            max_age_secs: 300
        })
    ));

    // A capacity of 2 remembers exactly the last 2 deliveries.
    let twice = WebhookVerifier::new(TOKEN).unwrap().deduplicate(2);
    let other = BODY.replace("hello", "other");
    twice.verify_and_parse(BODY.as_bytes(), SIGNATURE).unwrap();
    twice
        .verify_and_parse(other.as_bytes(), &twice.sign(other.as_bytes()))
        .unwrap();
    assert_eq!(
        twice.verify_and_parse(BODY.as_bytes(), SIGNATURE),
        Err(WebhookError::Duplicate),
        "the first of two is still remembered"
    );
}

proptest! {
    #[test]
    fn verify_of_sign_holds_for_any_body_and_token(body in proptest::collection::vec(any::<u8>(), 0..2048),
                                                    key in proptest::collection::vec(any::<u8>(), 1..96)) {
        use base64::Engine as _;
        let token = base64::engine::general_purpose::STANDARD.encode(&key);
        let v = WebhookVerifier::new(&token).unwrap();
        let signature = webhook::sign(&token, &body).unwrap();
        prop_assert!(v.verify(&body, &signature).is_ok());
        let mut other = body.clone();
        other.push(0);
        prop_assert!(v.verify(&other, &signature).is_err());
    }

    #[test]
    fn verify_and_parse_never_panics(body in proptest::collection::vec(any::<u8>(), 0..512), signature in ".{0,64}") {
        let v = WebhookVerifier::new(TOKEN).unwrap();
        let _ = v.verify_and_parse(&body, &signature);
        let _ = webhook::parse_unverified(&body);
    }
}

#[test]
fn a_plus_read_as_a_space_from_a_query_string_still_verifies() {
    let verifier = WebhookVerifier::new(TOKEN).unwrap();
    let (body, sig) = (0..)
        .map(|n| {
            let body = BODY.replace("hello", &format!("hello {n}"));
            let sig = verifier.sign(body.as_bytes());
            (body, sig)
        })
        .find(|(_, sig)| sig.contains('+'))
        .unwrap();
    // What form decoding of `?chatwork_webhook_signature=<sig>` with a raw `+` gives.
    let as_decoded = sig.replace('+', " ");
    assert!(verifier.verify(body.as_bytes(), &as_decoded).is_ok());
    let query = format!("a=1&chatwork_webhook_signature={sig}");
    assert_eq!(
        chatwork::webhook::signature_from_query(&query).as_deref(),
        Some(sig.as_str())
    );
    // A space is not a wildcard: the other characters must still match.
    let wrong = as_decoded.replacen(' ', "-", 1);
    assert!(verifier.verify(body.as_bytes(), &wrong).is_err());
}
