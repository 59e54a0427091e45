//! Rate limits, HTTP clients with their own tokens, subscriptions, the README, and inert text.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_distant_rate_limit_is_a_tool_error_within_the_bound() {
    // A budget of 3 requests per 5 minutes: the 4th waits at most --max-wait, then fails
    // with the reset time instead of blocking the agent for minutes.
    let mock = MockServer::builder()
        .limits(Limits {
            requests: 3,
            ..Limits::default()
        })
        .start()
        .await
        .unwrap();
    let client = stdio(&mock, "alice", &["--read-only"]).await;
    let client = {
        let mut c = client;
        // --max-wait is a global option; restart with it.
        c.cancel().await.unwrap();
        let transport = TokioChildProcess::new(
            command(&mock, Some(&mock.token("alice")), &["--read-only"]).configure(|c| {
                c.env("CHATWORK_MAX_WAIT", "2s");
            }),
        )
        .unwrap();
        c = Updates::default().serve(transport).await.unwrap();
        c
    };
    for _ in 0..3 {
        let r = raw_call(&client, "get_me", json!({})).await;
        assert_ne!(r.is_error, Some(true), "{}", text(&r));
    }
    let started = Instant::now();
    let r = raw_call(&client, "get_me", json!({})).await;
    let took = started.elapsed();
    assert_eq!(r.is_error, Some(true));
    let said = text(&r);
    assert!(said.contains("Chatwork answered 429"), "{said}");
    assert!(said.contains("resets at"), "{said}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn http_clients_bring_their_own_tokens_and_see_only_their_data() {
    let mock = MockServer::start().await;
    let alice = sdk(&mock, "alice");
    let room = project(&alice).await;
    // Alice's room that Bob is not in.
    let private = alice
        .create_room()
        .name("Alice only")
        .members_admin_ids([1001i64])
        .send()
        .await
        .unwrap()
        .room_id
        .get();
    let (_server, url) = http_server(&mock, &["--poll-every", "300ms"]).await;
    let a = http_client(&url, Some(&mock.token("alice"))).await;
    let b = http_client(&url, Some(&mock.token("bob"))).await;
    let mut sa = Session::new(a).await;
    let mut sb = Session::new(b).await;
    assert_eq!(sa.ok("get_me", json!({})).await["name"], "Alice");
    assert_eq!(sb.ok("get_me", json!({})).await["name"], "Bob");
    let ids = |v: &Value| -> Vec<i64> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["room_id"].as_i64().unwrap())
            .collect()
    };
    let alice_rooms = ids(&sa.ok("list_rooms", json!({"limit": 100})).await);
    let bob_rooms = ids(&sb.ok("list_rooms", json!({"limit": 100})).await);
    assert!(alice_rooms.contains(&private));
    assert!(!bob_rooms.contains(&private));
    let r = raw_call(&sb.client, "get_room", json!({"room_id": private})).await;
    assert_eq!(r.is_error, Some(true));

    // Posts made through each client are each one's own.
    let v = sb
        .ok("post_message", json!({"room_id": room, "text": "from bob"}))
        .await;
    let m = alice
        .get_message()
        .room_id(room)
        .message_id(v["message_id"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(m.account.name, "Bob");

    // No token: a tool error that says what to send.
    let none = http_client(&url, None).await;
    let r = raw_call(&none, "get_me", json!({})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("x-chatworktoken"), "{}", text(&r));
    none.cancel().await.unwrap();

    // A subscription to the room's messages is told when another client posts.
    let uri = format!("chatwork://rooms/{room}/messages");
    let read = sa
        .client
        .read_resource(ReadResourceRequestParams::new(uri.clone()))
        .await
        .unwrap();
    let contents = serde_json::to_value(&read.contents[0]).unwrap();
    let listed: Value = serde_json::from_str(contents["text"].as_str().unwrap()).unwrap();
    assert_eq!(listed["items"][0]["body"], "from bob");
    let mut subscription = sa
        .client
        .listen(
            SubscriptionFilter::builder()
                .resource_subscription(uri.clone())
                .build(),
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    sb.ok("post_message", json!({"room_id": room, "text": "news"}))
        .await;
    let note = tokio::time::timeout(Duration::from_secs(20), subscription.next())
        .await
        .expect("notified within 20 s")
        .unwrap()
        .expect("a notification");
    let ServerNotification::ResourceUpdatedNotification(update) = note else {
        panic!("expected a resource update, got {note:?}");
    };
    assert_eq!(update.params.uri, uri);
    subscription.cancel().await.unwrap();
    sa.client.cancel().await.unwrap();
    sb.client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[allow(deprecated)]
async fn a_stdio_subscription_is_told_of_new_messages() {
    let mock = MockServer::start().await;
    let bob = sdk(&mock, "bob");
    let room = project(&bob).await;
    let client = stdio(&mock, "alice", &["--poll-every", "300ms"]).await;
    let uri = format!("chatwork://rooms/{room}/messages");
    client
        .subscribe(SubscribeRequestParams::new(uri.clone()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    bob.post_message()
        .room_id(room)
        .body("hello, subscribers")
        .send()
        .await
        .unwrap();
    let updates = client.service().clone();
    tokio::time::timeout(Duration::from_secs(20), updates.arrived.notified())
        .await
        .expect("notified within 20 s");
    assert_eq!(updates.uris.lock().unwrap().as_slice(), [uri]);
    client.cancel().await.unwrap();
}

#[test]
fn the_readme_lists_every_tool() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_chatwork"))
        .args(["mcp", "--list-tools"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    assert!(
        readme.contains(table.trim()),
        "README.md's MCP tool table is stale: paste the output of `chatwork mcp --list-tools`"
    );
    for name in ALL_TOOLS {
        assert!(table.contains(&format!("`{name}`")), "{name}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn text_from_other_people_comes_back_inert() {
    let mock = MockServer::start().await;
    let bob = sdk(&mock, "bob");
    let alice = sdk(&mock, "alice");
    let room = project(&alice).await;
    alice
        .update_room()
        .room_id(room)
        .name("Project\u{1b}[2J")
        .send()
        .await
        .unwrap();
    let id = bob
        .post_message()
        .room_id(room)
        .body("[To:1001]Alice ok\u{1b}]0;pwned\u{7}\u{202e}")
        .send()
        .await
        .unwrap()
        .message_id
        .to_string();
    let client = stdio(&mock, "alice", &[]).await;
    let r = raw_call(&client, "get_room", json!({"room_id": room})).await;
    assert!(
        r.content[0]
            .as_text()
            .unwrap()
            .text
            .starts_with("Project␛[2J ("),
        "{}",
        text(&r)
    );
    let r = raw_call(
        &client,
        "get_message",
        json!({"room_id": room, "message_id": id}),
    )
    .await;
    let v = r.structured_content.unwrap();
    assert_eq!(v["text"], "@Alice ok␛]0;pwned␇<U+202E>");
    // The body as written, exactly (JSON escapes what it must).
    assert_eq!(v["body"], "[To:1001]Alice ok\u{1b}]0;pwned\u{7}\u{202e}");
    client.cancel().await.unwrap();
}
