//! The axum receiver, over real HTTP on loopback.
#![cfg(feature = "axum")]

use chatwork::webhook::{self, WebhookEvent, WebhookEventPayload, WebhookVerifier, axum::router};
use tokio::sync::mpsc;

const TOKEN: &str = "Y2hhdHdvcmstd2ViaG9vay10ZXN0LWtleS0wMDAx";
const BODY: &str = r#"{"webhook_setting_id":"12345","webhook_event_type":"mention_to_me","webhook_event_time":1498028130,"webhook_event":{"from_account_id":1,"to_account_id":2,"room_id":3,"message_id":"1928374655918273645","body":"[To:2] hi","send_time":1,"update_time":0}}"#;

async fn start() -> (String, mpsc::UnboundedReceiver<WebhookEvent>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let verifier = WebhookVerifier::new(TOKEN).unwrap().deduplicate(100);
    let app = axum::Router::new().nest(
        "/hook",
        router(verifier, move |event| {
            let tx = tx.clone();
            async move {
                tx.send(event).unwrap();
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/hook"), rx)
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

    // 413: over 64 KiB, whatever the signature.
    let big = vec![b' '; webhook::MAX_BODY_BYTES + 1];
    let big_sig = webhook::sign(TOKEN, &big).unwrap();
    assert_eq!(post(&url, Some(&big_sig), big).await.0, 413);

    // Nothing else reached the handler.
    assert!(events.try_recv().is_err());
}
