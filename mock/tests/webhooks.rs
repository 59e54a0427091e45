//! Webhooks of the mock: Chatwork's signed deliveries received by the SDK's own receiver,
//! the delivery log, failures that disable a webhook, and the settings route.

mod common;
use common::{client, project};

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chatwork::webhook::axum::WebhookReceiver;
use chatwork::webhook::{self, WebhookEvent, WebhookEventPayload, WebhookVerifier};
use chatwork_mock::{DeliveryOutcome, Limits, MockServer, NewWebhook, Seed};
use tokio::sync::mpsc;

const TOKEN: &str = "bW9jay13ZWJob29rLXRva2VuLWZvci10aGUtdGVzdHM=";

/// Serves `app` on a free loopback port; returns `http://127.0.0.1:port`.
async fn serve(app: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

/// The SDK's receiver, verifying with `TOKEN`, handing events to a channel.
async fn receiver() -> (String, mpsc::UnboundedReceiver<WebhookEvent>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let verifier = WebhookVerifier::new(TOKEN).unwrap().deduplicate(100);
    let (app, _handle) = WebhookReceiver::new(verifier, move |event| {
        let tx = tx.clone();
        async move {
            tx.send(event).unwrap();
        }
    })
    .build();
    (serve(app).await, rx)
}

#[tokio::test]
async fn signed_deliveries_reach_the_sdk_receiver() {
    let mock = MockServer::start().await;
    let (alice, bob) = (client(&mock, "alice"), client(&mock, "bob"));
    let room = project(&alice).await.get();
    let (url, mut events) = receiver().await;
    let hook = mock
        .register_webhook("alice", NewWebhook::room(room, &url).token(TOKEN))
        .unwrap();
    let mentions = mock
        .register_webhook(
            "alice",
            NewWebhook::mentions(format!("{url}/")).token(TOKEN),
        )
        .unwrap();

    let posted = bob
        .post_message()
        .room_id(room)
        .body("[To:1001] Alice, the build is green")
        .send()
        .await
        .unwrap();
    bob.update_message()
        .room_id(room)
        .message_id(&posted.message_id)
        .body("[To:1001] Alice, the build is green again")
        .send()
        .await
        .unwrap();

    // Three verified events: created and mentioned (either order), then updated.
    let mut got = Vec::new();
    for _ in 0..3 {
        let e = tokio::time::timeout(Duration::from_secs(10), events.recv())
            .await
            .unwrap()
            .unwrap();
        got.push(e);
    }
    let created = got
        .iter()
        .find_map(|e| match &e.payload {
            WebhookEventPayload::MessageCreated(m) => Some((e, m)),
            _ => None,
        })
        .unwrap();
    assert_eq!(created.0.webhook_setting_id, hook.id);
    assert_eq!(created.1.message_id, posted.message_id);
    assert_eq!(
        (created.1.room_id.get(), created.1.account_id.get()),
        (room, 1002)
    );
    assert_eq!(created.1.body, "[To:1001] Alice, the build is green");
    assert_eq!(created.1.update_time, 0);
    let mention = got
        .iter()
        .find_map(|e| match &e.payload {
            WebhookEventPayload::MentionToMe(m) => Some((e, m)),
            _ => None,
        })
        .unwrap();
    assert_eq!(mention.0.webhook_setting_id, mentions.id);
    assert_eq!(
        (
            mention.1.from_account_id.get(),
            mention.1.to_account_id.get(),
            mention.1.room_id.get()
        ),
        (1002, 1001, room)
    );
    let WebhookEventPayload::MessageUpdated(updated) = &got[2].payload else {
        panic!("the third event is the update: {:?}", got[2]);
    };
    assert_eq!(updated.body, "[To:1001] Alice, the build is green again");
    assert!(updated.update_time >= updated.send_time);

    // The delivery log: three successes, each signed as Chatwork signs (checked with the
    // SDK's own signer), the signature in the header and the query parameter alike.
    let log = mock.wait_for_deliveries(3, Duration::from_secs(5)).await;
    assert_eq!(log.len(), 3);
    for d in &log {
        assert!(d.succeeded(), "{d:?}");
        assert_eq!(
            d.outcome,
            DeliveryOutcome::Answered {
                status: 200,
                body_len: 0
            }
        );
        assert_eq!(
            webhook::sign(TOKEN, d.body.as_bytes()).unwrap(),
            d.signature
        );
        assert_eq!(
            webhook::signature_from_query(d.url.split_once('?').unwrap().1).as_deref(),
            Some(d.signature.as_str())
        );
    }
    let kinds: Vec<&str> = log.iter().map(|d| d.event_type.as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "message_created").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "mention_to_me").count(), 1);
    assert_eq!(kinds[2], "message_updated");

    // A post without a mention: the room event only.
    alice
        .post_message()
        .room_id(room)
        .body("no mention here")
        .send()
        .await
        .unwrap();
    let log = mock.wait_for_deliveries(4, Duration::from_secs(5)).await;
    assert_eq!(log.len(), 4);
    assert_eq!(log[3].event_type, "message_created");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(mock.deliveries().len(), 4);
}

#[tokio::test]
async fn failed_deliveries_are_never_retried_and_disable_the_webhook() {
    let limits = Limits {
        webhook_failures_to_disable: 2,
        ..Limits::default()
    };
    let mock = MockServer::start_with(Seed::demo(), limits).await;
    let alice = client(&mock, "alice");
    let room = project(&alice).await.get();
    // A receiver that answers 500 and counts how often it was called.
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let app = axum::Router::new().route(
        "/",
        axum::routing::post(move || {
            let seen = seen.clone();
            async move {
                seen.fetch_add(1, Ordering::SeqCst);
                (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "down")
            }
        }),
    );
    let url = serve(app).await;
    let hook = mock
        .register_webhook("alice", NewWebhook::room(room, &url).events(true, false))
        .unwrap();
    assert_eq!(hook.token.len(), 44, "a Base64 token of 32 bytes was made");

    for n in 0..3 {
        alice
            .post_message()
            .room_id(room)
            .body(format!("message {n}"))
            .send()
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Two failures disable it; the third message is not delivered; nothing is retried.
    let log = mock.deliveries();
    assert_eq!(log.len(), 2);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert!(log.iter().all(|d| !d.succeeded()));
    assert_eq!(
        log[0].outcome,
        DeliveryOutcome::Answered {
            status: 500,
            body_len: 4
        }
    );
    let state = &mock.webhooks()[0];
    assert!(!state.enabled);
    assert_eq!(state.failures_in_a_row, 2);

    // Enabled again through the settings route, it delivers again.
    let http = reqwest::Client::new();
    let answer = http
        .put(format!("{}/mock/webhooks/{}", mock.origin(), hook.id))
        .header("x-chatworktoken", mock.token("alice"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("enabled=1")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    alice
        .post_message()
        .room_id(room)
        .body("after re-enabling")
        .send()
        .await
        .unwrap();
    let log = mock.wait_for_deliveries(3, Duration::from_secs(5)).await;
    assert_eq!(log.len(), 3);
    assert_eq!(calls.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn an_answer_over_2048_bytes_or_no_receiver_is_a_failure() {
    let mock = MockServer::start().await;
    let alice = client(&mock, "alice");
    let room = project(&alice).await.get();
    let app = axum::Router::new().route("/", axum::routing::post(|| async { "x".repeat(2049) }));
    let chatty = serve(app).await;
    // A port with nothing listening.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    mock.register_webhook("alice", NewWebhook::room(room, &chatty))
        .unwrap();
    mock.register_webhook("alice", NewWebhook::room(room, &closed))
        .unwrap();
    alice
        .post_message()
        .room_id(room)
        .body("hello")
        .send()
        .await
        .unwrap();
    let log = mock.wait_for_deliveries(2, Duration::from_secs(5)).await;
    assert_eq!(log.len(), 2);
    let long = log.iter().find(|d| d.url.starts_with(&chatty)).unwrap();
    assert_eq!(
        long.outcome,
        DeliveryOutcome::Answered {
            status: 200,
            body_len: 2049
        }
    );
    assert!(!long.succeeded());
    let refused = log.iter().find(|d| d.url.starts_with(&closed)).unwrap();
    assert!(matches!(refused.outcome, DeliveryOutcome::Failed(_)));
    assert!(!refused.succeeded());
}

#[tokio::test]
async fn the_settings_route_registers_lists_and_refuses() {
    let mock = MockServer::start().await;
    let http = reqwest::Client::new();
    let settings = format!("{}/mock/webhooks", mock.origin());
    let post = |who: Option<String>, form: &'static str| {
        let mut r = http
            .post(&settings)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form);
        if let Some(t) = who {
            r = r.header("x-chatworktoken", t);
        }
        r.send()
    };
    let alice = Some(mock.token("alice"));
    let room = project(&client(&mock, "alice")).await.get();

    let ok = post(
        alice.clone(),
        "url=http%3A%2F%2F127.0.0.1%3A9%2Fhook&events=mention_to_me",
    )
    .await
    .unwrap();
    assert_eq!(ok.status(), 200);
    let hook: serde_json::Value = ok.json().await.unwrap();
    assert_eq!(hook["account_id"], 1001);
    assert_eq!(hook["target"], serde_json::json!({"kind": "mentions"}));
    assert_eq!(hook["enabled"], true);

    let body: &'static str = Box::leak(
        format!("url=http%3A%2F%2F127.0.0.1%3A9%2F&room_id={room}&events=message_updated")
            .into_boxed_str(),
    );
    let ok = post(alice.clone(), body).await.unwrap();
    assert_eq!(ok.status(), 200);
    let hook: serde_json::Value = ok.json().await.unwrap();
    assert_eq!(
        hook["target"],
        serde_json::json!({"kind": "room", "room_id": room, "message_created": false, "message_updated": true})
    );

    // Refusals: no token, no URL, a room Alice is not in, an unknown event, a bad token.
    let status = |r: reqwest::Response| r.status().as_u16();
    assert_eq!(
        status(
            post(None, "url=http%3A%2F%2Fx%2F&events=mention_to_me")
                .await
                .unwrap()
        ),
        401
    );
    assert_eq!(
        status(post(alice.clone(), "events=mention_to_me").await.unwrap()),
        400
    );
    assert_eq!(
        status(
            post(alice.clone(), "url=http%3A%2F%2Fx%2F&room_id=999999")
                .await
                .unwrap()
        ),
        404
    );
    assert_eq!(
        status(
            post(
                alice.clone(),
                "url=http%3A%2F%2Fx%2F&events=message_deleted&room_id=1"
            )
            .await
            .unwrap()
        ),
        400
    );
    assert_eq!(
        status(
            post(
                alice.clone(),
                "url=http%3A%2F%2Fx%2F&events=mention_to_me&token=%25%25"
            )
            .await
            .unwrap()
        ),
        400
    );
    assert_eq!(
        status(
            post(alice.clone(), "url=ftp%3A%2F%2Fx%2F&events=mention_to_me")
                .await
                .unwrap()
        ),
        400
    );
    // At most five per account.
    for _ in 0..3 {
        assert_eq!(
            status(
                post(alice.clone(), "url=http%3A%2F%2Fx%2F&events=mention_to_me")
                    .await
                    .unwrap()
            ),
            200
        );
    }
    let sixth = post(alice.clone(), "url=http%3A%2F%2Fx%2F&events=mention_to_me")
        .await
        .unwrap();
    assert_eq!(sixth.status(), 400);
    assert_eq!(
        sixth.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({"errors": ["An account can have at most 5 webhooks"]})
    );

    // Listing shows only the caller's; deleting removes one.
    let list: Vec<serde_json::Value> = http
        .get(&settings)
        .header("x-chatworktoken", mock.token("alice"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.len(), 5);
    let bobs: Vec<serde_json::Value> = http
        .get(&settings)
        .header("x-chatworktoken", mock.token("bob"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(bobs.is_empty());
    let id = list[0]["id"].as_str().unwrap();
    let gone = http
        .delete(format!("{settings}/{id}"))
        .header("x-chatworktoken", mock.token("bob"))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), 404, "Bob cannot remove Alice's webhook");
    let gone = http
        .delete(format!("{settings}/{id}"))
        .header("x-chatworktoken", mock.token("alice"))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), 200);
    assert_eq!(mock.webhooks().len(), 4);
    // The settings routes are not API requests: not logged, not counted.
    assert!(mock.requests().iter().all(|r| r.path.starts_with("/v2/")));
}
