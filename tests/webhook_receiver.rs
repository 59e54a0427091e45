//! The axum receiver, over real HTTP on loopback.
#![cfg(feature = "axum")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chatwork::webhook::axum::{WebhookHandle, WebhookReceiver};
use chatwork::webhook::{self, WebhookEvent, WebhookEventPayload, WebhookVerifier, axum::router};
use tokio::sync::{Semaphore, mpsc};

const TOKEN: &str = "Y2hhdHdvcmstd2ViaG9vay10ZXN0LWtleS0wMDAx";
const BODY: &str = r#"{"webhook_setting_id":"12345","webhook_event_type":"mention_to_me","webhook_event_time":1498028130,"webhook_event":{"from_account_id":1,"to_account_id":2,"room_id":3,"message_id":"1928374655918273645","body":"[To:2] hi","send_time":1,"update_time":0}}"#;

/// Serves `router(verifier, ..)` at `/hook`, handing each event to the returned channel.
async fn start_with(verifier: WebhookVerifier) -> (String, mpsc::UnboundedReceiver<WebhookEvent>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let app = router(verifier, move |event| {
        let tx = tx.clone();
        async move {
            tx.send(event).unwrap();
        }
    });
    (serve(app).await, rx)
}

async fn start() -> (String, mpsc::UnboundedReceiver<WebhookEvent>) {
    start_with(WebhookVerifier::new(TOKEN).unwrap().deduplicate(100)).await
}

async fn post(url: &str, signature_header: Option<&str>, body: Vec<u8>) -> (u16, Vec<u8>) {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body);
    if let Some(s) = signature_header {
        request = request.header("x-chatworkwebhooksignature", s);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_receiver_answers_200_401_400_and_413() {
    let (url, mut events) = start().await;
    let signature = webhook::sign(TOKEN, BODY.as_bytes()).unwrap();

    // 200, empty body, the typed event handed over.
    assert_eq!(
        post(&url, Some(&signature), BODY.into()).await,
        (200, vec![])
    );
    let event = events.recv().await.unwrap();
    let WebhookEventPayload::MentionToMe(m) = event.payload else {
        panic!()
    };
    assert_eq!(m.message_id.as_str(), "1928374655918273645");

    // The signature in the query parameter only (URL-encoded), for a new delivery.
    let other = BODY.replace("[To:2] hi", "[To:2] again");
    let sig = webhook::sign(TOKEN, other.as_bytes()).unwrap();
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("chatwork_webhook_signature", &sig)
        .finish();
    assert_eq!(
        post(&format!("{url}?{query}"), None, other.into()).await,
        (200, vec![])
    );
    assert!(events.recv().await.is_some());

    // A duplicate delivery: 200, but the handler is not called again.
    assert_eq!(post(&url, Some(&signature), BODY.into()).await.0, 200);

    // 401: wrong or missing signature.
    assert_eq!(
        post(&url, Some(&signature), BODY.replace("hi", "ho").into())
            .await
            .0,
        401
    );
    assert_eq!(post(&url, None, BODY.into()).await.0, 401);
    assert_eq!(post(&url, Some("not base64"), BODY.into()).await.0, 401);

    // 400: signed, but not an event.
    let junk = br#"{"hello":"world"}"#.to_vec();
    let junk_sig = webhook::sign(TOKEN, &junk).unwrap();
    assert_eq!(post(&url, Some(&junk_sig), junk).await.0, 400);

    // 413: over the 1 MiB cap, whatever the signature.
    let big = vec![b' '; webhook::MAX_BODY_BYTES + 1];
    let big_sig = webhook::sign(TOKEN, &big).unwrap();
    assert_eq!(post(&url, Some(&big_sig), big).await.0, 413);

    // Nothing else reached the handler.
    assert!(events.try_recv().is_err());
}

async fn serve(app: axum::Router) -> String {
    let app = axum::Router::new().nest("/hook", app);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/hook")
}

/// A distinct delivery per `n`, signed.
fn delivery(n: usize) -> (Vec<u8>, String) {
    let body = BODY.replace("[To:2] hi", &format!("[To:2] event {n}"));
    let sig = webhook::sign(TOKEN, body.as_bytes()).unwrap();
    (body.into_bytes(), sig)
}

/// A receiver whose handler blocks until `gate` gets permits, counting what it sees.
struct Gated {
    url: String,
    handle: WebhookHandle,
    gate: Arc<Semaphore>,
    running: Arc<AtomicUsize>,
    most_running: Arc<AtomicUsize>,
    handled: Arc<AtomicUsize>,
}

async fn gated(max_in_flight: usize, queue: usize) -> Gated {
    let gate = Arc::new(Semaphore::new(0));
    let running = Arc::new(AtomicUsize::new(0));
    let most_running = Arc::new(AtomicUsize::new(0));
    let handled = Arc::new(AtomicUsize::new(0));
    let (g, r, m, h) = (
        gate.clone(),
        running.clone(),
        most_running.clone(),
        handled.clone(),
    );
    let (app, handle) = WebhookReceiver::new(
        WebhookVerifier::new(TOKEN).unwrap(),
        move |_event: WebhookEvent| {
            let (g, r, m, h) = (g.clone(), r.clone(), m.clone(), h.clone());
            async move {
                let now = r.fetch_add(1, Ordering::SeqCst) + 1;
                m.fetch_max(now, Ordering::SeqCst);
                g.acquire().await.unwrap().forget();
                r.fetch_sub(1, Ordering::SeqCst);
                h.fetch_add(1, Ordering::SeqCst);
            }
        },
    )
    .max_in_flight(max_in_flight)
    .queue(queue)
    .build();
    Gated {
        url: serve(app).await,
        handle,
        gate,
        running,
        most_running,
        handled,
    }
}

#[tokio::test]
async fn a_slow_handler_does_not_delay_the_answer() {
    let g = gated(16, 16).await;
    let (body, sig) = delivery(1);
    let answer = tokio::time::timeout(Duration::from_secs(5), post(&g.url, Some(&sig), body))
        .await
        .expect("answered while the handler is still running");
    assert_eq!(answer, (200, vec![]));
    assert_eq!(g.handle.pending(), 1);
    g.gate.add_permits(1);
    tokio::time::timeout(Duration::from_secs(5), g.handle.drain())
        .await
        .unwrap();
    assert_eq!(g.handled.load(Ordering::SeqCst), 1);
    assert_eq!(g.handle.pending(), 0);
}

#[tokio::test]
async fn handlers_are_bounded_and_extra_events_queue_instead_of_being_dropped() {
    let g = gated(2, 3).await;
    // Five deliveries: two run, three wait in the queue; all are answered 200 at once.
    for n in 0..5 {
        let (body, sig) = delivery(n);
        let answer = tokio::time::timeout(Duration::from_secs(5), post(&g.url, Some(&sig), body))
            .await
            .expect("answered");
        assert_eq!(answer.0, 200);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(g.running.load(Ordering::SeqCst), 2, "two handlers run");
    assert_eq!(g.handle.pending(), 5);
    // The sixth finds the queue full: its answer waits for room rather than dropping it.
    let (body, sig) = delivery(5);
    let url = g.url.clone();
    let sixth = tokio::spawn(async move { post(&url, Some(&sig), body).await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !sixth.is_finished(),
        "the answer waits while the queue is full"
    );
    // Let everything through: all six are handled, never more than two at once.
    g.gate.add_permits(6);
    assert_eq!(sixth.await.unwrap().0, 200);
    tokio::time::timeout(Duration::from_secs(5), g.handle.drain())
        .await
        .expect("drained");
    assert_eq!(g.handled.load(Ordering::SeqCst), 6);
    assert_eq!(g.most_running.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn await_handler_answers_after_the_handler_and_500_when_it_panics() {
    let done = Arc::new(AtomicUsize::new(0));
    let d = done.clone();
    let (app, _handle) = WebhookReceiver::new(
        WebhookVerifier::new(TOKEN).unwrap(),
        move |event: WebhookEvent| {
            let d = d.clone();
            async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                let WebhookEventPayload::MentionToMe(m) = &event.payload else {
                    panic!()
                };
                if m.body.contains("panic") {
                    panic!("handler failure");
                }
                d.fetch_add(1, Ordering::SeqCst);
            }
        },
    )
    .await_handler(true)
    .build();
    let url = serve(app).await;
    let (body, sig) = delivery(1);
    assert_eq!(post(&url, Some(&sig), body).await.0, 200);
    assert_eq!(done.load(Ordering::SeqCst), 1, "handled before the answer");
    let body = BODY.replace("[To:2] hi", "[To:2] panic");
    let sig = webhook::sign(TOKEN, body.as_bytes()).unwrap();
    assert_eq!(post(&url, Some(&sig), body.into()).await.0, 500);
}

/// An event carrying a message body of `chars` characters, encoded as given.
fn long_event(text: &str) -> Vec<u8> {
    format!(
        r#"{{"webhook_setting_id":"1","webhook_event_type":"message_created","webhook_event_time":1498028130,"webhook_event":{{"message_id":"1928374655918273645","room_id":3,"account_id":1,"body":"{text}","send_time":1,"update_time":0}}}}"#
    )
    .into_bytes()
}

#[tokio::test]
async fn the_longest_legal_message_fits_however_it_is_encoded() {
    let (url, mut rx) = start_with(WebhookVerifier::new(TOKEN).unwrap()).await;
    const MAX_CHARS: usize = 65_535;
    let utf8 = "あ".repeat(MAX_CHARS);
    let escaped = "\\u3042".repeat(MAX_CHARS);
    let emoji_escaped = "\\ud83d\\ude00".repeat(MAX_CHARS);
    for (what, text, expect) in [
        ("Japanese as UTF-8", utf8.as_str(), 'あ'),
        ("Japanese as \\u escapes", escaped.as_str(), 'あ'),
        ("emoji as surrogate escapes", emoji_escaped.as_str(), '😀'),
    ] {
        let body = long_event(text);
        let sig = webhook::sign(TOKEN, &body).unwrap();
        let size = body.len();
        assert_eq!(
            post(&url, Some(&sig), body).await.0,
            200,
            "{what}: {size} bytes"
        );
        let event = rx.recv().await.unwrap();
        let WebhookEventPayload::MessageCreated(m) = event.payload else {
            panic!()
        };
        assert_eq!(m.body.chars().count(), MAX_CHARS, "{what}");
        assert!(m.body.chars().all(|c| c == expect), "{what}");
    }
    // Past 1 MiB it is abuse, not an event.
    let big = long_event(&"a".repeat(webhook::MAX_BODY_BYTES));
    let sig = webhook::sign(TOKEN, &big).unwrap();
    assert_eq!(post(&url, Some(&sig), big).await.0, 413);
}

#[tokio::test]
async fn a_signature_with_an_unescaped_plus_in_the_query_verifies() {
    let (url, mut rx) = start_with(WebhookVerifier::new(TOKEN).unwrap()).await;
    let (body, sig) = (0..)
        .map(delivery)
        .find(|(_, sig)| sig.contains('+'))
        .unwrap();
    assert_eq!(
        webhook::signature_from_query(&format!("chatwork_webhook_signature={sig}")).as_deref(),
        Some(sig.as_str())
    );
    // Sent as Chatwork may send it: the Base64 text as is, `+` not percent-encoded.
    let answer = post(
        &format!("{url}?chatwork_webhook_signature={sig}"),
        None,
        body,
    )
    .await;
    assert_eq!(answer.0, 200);
    assert!(rx.recv().await.is_some());
}

#[test]
fn the_receiver_debug_shows_its_settings_and_never_the_token() {
    let receiver = WebhookReceiver::new(WebhookVerifier::new(TOKEN).unwrap(), |_| async {})
        .max_in_flight(3)
        .queue(7)
        .body_limit(1000);
    let printed = format!("{receiver:?}");
    assert!(
        printed.starts_with(
            "WebhookReceiver { verifier: WebhookVerifier { keys: [<redacted webhook token>]"
        ),
        "{printed}"
    );
    assert!(
        printed.contains("max_in_flight: 3, queue: 7, body_limit: 1000, await_handler: false"),
        "{printed}"
    );
    assert!(!printed.contains(TOKEN), "{printed}");
}
