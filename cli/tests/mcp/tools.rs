//! Every tool over stdio, the destructive gate, and bad arguments as tool errors.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn every_tool_over_stdio_against_the_local_chatwork() {
    let mock = MockServer::start().await;
    let alice = sdk(&mock, "alice");
    let bob = sdk(&mock, "bob");
    let me = alice.get_me().send().await.unwrap().into_inner();
    let bob_id = bob.get_me().send().await.unwrap().account_id.get();
    let room = project(&alice).await;
    let mut s = Session::new(
        stdio(
            &mock,
            "alice",
            &["--allow-destructive", "--poll-every", "300ms"],
        )
        .await,
    )
    .await;
    let mut names: Vec<&str> = s.tools.keys().map(String::as_str).collect();
    names.sort();
    let mut expected = ALL_TOOLS.to_vec();
    expected.sort();
    assert_eq!(names, expected);

    // You.
    let v = s.ok("get_me", json!({})).await;
    assert_eq!(v["account_id"], me.account_id.get());
    assert_eq!(v["name"], me.name.as_str());
    assert_eq!(v["my_room_id"], me.room_id.get());
    let status = alice.get_my_status().send().await.unwrap();
    let v = s.ok("get_my_status", json!({})).await;
    assert_eq!(v["unread_messages"], status.unread_num);
    assert_eq!(v["open_tasks"], status.mytask_num);

    // Rooms: the limit says how many were left out.
    let all_rooms = alice.list_rooms().send().await.unwrap().len();
    let v = s.ok("list_rooms", json!({"limit": 2})).await;
    assert_eq!(v["count"], 2);
    assert_eq!(v["omitted"], all_rooms - 2);
    let v = s.ok("get_room", json!({"room_id": room})).await;
    assert_eq!(v["name"], "Project");
    assert_eq!(v["type"], "group");
    let v = s
        .ok(
            "create_room",
            json!({"name": "MCP room", "admin_ids": [me.account_id.get()], "member_ids": [bob_id], "icon": "idea"}),
        )
        .await;
    let new_room = v["room_id"].as_i64().unwrap();
    s.ok(
        "update_room",
        json!({"room_id": new_room, "name": "MCP room 2"}),
    )
    .await;
    let r = alice.get_room().room_id(new_room).send().await.unwrap();
    assert_eq!(r.name, "MCP room 2");
    let v = s.ok("list_members", json!({"room_id": room})).await;
    assert_eq!(v["count"], 3);

    // Messages: escaped text, explicit mentions.
    let v = s
        .ok(
            "post_message",
            json!({"room_id": room, "text": "[toall] build <b>#42</b> passed", "mention_ids": [bob_id]}),
        )
        .await;
    let posted = v["message_id"].as_str().unwrap().to_owned();
    let m = alice
        .get_message()
        .room_id(room)
        .message_id(posted.as_str())
        .send()
        .await
        .unwrap();
    let doc = chatwork::notation::Document::parse(&m.body);
    assert!(!doc.mentions_all(), "escaped: {}", m.body);
    assert_eq!(doc.mentions(), vec![chatwork::model::AccountId(bob_id)]);
    assert!(
        doc.plain_text()
            .ends_with("[toall] build <b>#42</b> passed"),
        "{}",
        m.body
    );
    let v = s
        .ok("list_messages", json!({"room_id": room, "limit": 5}))
        .await;
    let last = v["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["message_id"], posted.as_str());
    assert_eq!(last["body"], m.body.as_str());
    assert_eq!(last["text"], "@Bob\n[toall] build <b>#42</b> passed");
    assert_eq!(last["mentions"], json!([bob_id]));
    assert_eq!(last["mentions_all"], false);
    let v = s
        .ok(
            "get_message",
            json!({"room_id": room, "message_id": posted}),
        )
        .await;
    assert_eq!(v["author"]["account_id"], me.account_id.get());
    s.ok(
        "update_message",
        json!({"room_id": room, "message_id": posted, "text": "edited"}),
    )
    .await;
    let m = alice
        .get_message()
        .room_id(room)
        .message_id(posted.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(m.body, "edited");
    let from_bob = bob
        .post_message()
        .room_id(room)
        .body("from bob")
        .send()
        .await
        .unwrap()
        .message_id
        .to_string();
    let v = s
        .ok(
            "mark_messages_unread",
            json!({"room_id": room, "message_id": from_bob}),
        )
        .await;
    assert_eq!(v["detail"]["unread"], 1);
    let v = s.ok("mark_messages_read", json!({"room_id": room})).await;
    assert_eq!(v["detail"]["unread"], 0);

    // Waiting: a message posted while the tool waits comes back (and not `from_bob`, posted
    // more than 2 s before the call: Chatwork's clock has whole seconds).
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let poster = bob.clone();
    let post = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        poster
            .post_message()
            .room_id(room)
            .body("[To:1001] are you there?")
            .send()
            .await
            .unwrap()
            .message_id
            .to_string()
    });
    let started = Instant::now();
    let v = s
        .ok(
            "wait_for_messages",
            json!({"room_id": room, "timeout_seconds": 30}),
        )
        .await;
    let waited_for = post.await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(v["count"], 1);
    assert_eq!(v["items"][0]["message_id"], waited_for.as_str());
    assert_eq!(v["items"][0]["text"], "@Alice are you there?");
    // After a message: at once.
    let v = s
        .ok(
            "wait_for_messages",
            json!({"room_id": room, "timeout_seconds": 30, "after_message_id": from_bob}),
        )
        .await;
    assert_eq!(v["count"], 1);

    // Tasks.
    let v = s
        .ok(
            "create_task",
            json!({"room_id": room, "text": "Review the notes", "assignee_ids": [bob_id, me.account_id.get()], "due": "2026-12-25"}),
        )
        .await;
    let task_ids: Vec<i64> = v["task_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_i64().unwrap())
        .collect();
    assert_eq!(task_ids.len(), 2);
    let t = alice
        .get_task()
        .room_id(room)
        .task_id(task_ids[0])
        .send()
        .await
        .unwrap();
    assert_eq!(t.limit_type.as_str(), "date");
    let v = s
        .ok(
            "list_room_tasks",
            json!({"room_id": room, "assignee_id": bob_id}),
        )
        .await;
    assert_eq!(v["count"], 1);
    assert_eq!(v["items"][0]["due_type"], "date");
    let v = s.ok("list_my_tasks", json!({})).await;
    assert_eq!(v["count"], 1);
    assert_eq!(v["items"][0]["room_name"], "Project");
    let v = s
        .ok("get_task", json!({"room_id": room, "task_id": task_ids[0]}))
        .await;
    assert_eq!(v["text"], "Review the notes");
    s.ok(
        "update_task_status",
        json!({"room_id": room, "task_id": task_ids[1], "status": "done"}),
    )
    .await;
    let t = alice
        .get_task()
        .room_id(room)
        .task_id(task_ids[1])
        .send()
        .await
        .unwrap();
    assert_eq!(t.status.as_str(), "done");

    // Files: the download URL works.
    let v = s
        .ok(
            "upload_file",
            json!({"room_id": room, "filename": "notes.txt", "text": "hello, files", "message": "[toall] the notes"}),
        )
        .await;
    let file_id = v["file_id"].as_i64().unwrap();
    let v = s.ok("list_files", json!({"room_id": room})).await;
    assert_eq!(v["items"][0]["filename"], "notes.txt");
    let v = s
        .ok(
            "get_file",
            json!({"room_id": room, "file_id": file_id, "download_url": true}),
        )
        .await;
    assert_eq!(v["size"], 12);
    let url = v["download_url"].as_str().unwrap();
    let bytes = reqwest::get(url).await.unwrap().bytes().await.unwrap();
    assert_eq!(&bytes[..], b"hello, files");

    // Contacts and requests.
    let v = s.ok("list_contacts", json!({})).await;
    assert_eq!(v["count"], 2);
    let v = s.ok("list_incoming_requests", json!({})).await;
    assert_eq!(v["count"], 1);
    let request_id = v["items"][0]["request_id"].as_i64().unwrap();
    s.ok("accept_incoming_request", json!({"request_id": request_id}))
        .await;
    assert_eq!(alice.list_contacts().send().await.unwrap().len(), 3);

    // Links, in the new room.
    let v = s
        .ok(
            "create_invitation_link",
            json!({"room_id": new_room, "code": "mcp-room", "need_acceptance": false}),
        )
        .await;
    assert_eq!(v["public"], true);
    assert!(v["url"].as_str().unwrap().ends_with("mcp-room"));
    s.ok(
        "update_invitation_link",
        json!({"room_id": new_room, "description": "Join us"}),
    )
    .await;
    let v = s
        .ok("get_invitation_link", json!({"room_id": new_room}))
        .await;
    assert_eq!(v["description"], "Join us");
    s.ok("delete_invitation_link", json!({"room_id": new_room}))
        .await;
    let l = alice
        .get_invitation_link()
        .room_id(new_room)
        .send()
        .await
        .unwrap();
    assert!(!l.public);

    // The custom call: Chatwork's API only.
    let v = s
        .ok(
            "call_api",
            json!({"method": "GET", "path": format!("/rooms/{room}/members")}),
        )
        .await;
    assert_eq!(v["status"], 200);
    assert_eq!(v["json"].as_array().unwrap().len(), 3);
    let r = raw_call(
        &s.client,
        "call_api",
        json!({"method": "GET", "path": "//example.com/x"}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));

    // Destructive, allowed here.
    s.ok(
        "update_members",
        json!({"room_id": new_room, "admin_ids": [me.account_id.get()], "member_ids": []}),
    )
    .await;
    let members = alice.list_members().room_id(new_room).send().await.unwrap();
    assert_eq!(members.len(), 1);
    s.ok(
        "delete_message",
        json!({"room_id": room, "message_id": posted}),
    )
    .await;
    let gone = alice
        .get_message()
        .room_id(room)
        .message_id(posted.as_str())
        .send()
        .await;
    assert!(gone.is_err());
    s.ok(
        "delete_room",
        json!({"room_id": new_room, "action": "delete"}),
    )
    .await;
    assert!(alice.get_room().room_id(new_room).send().await.is_err());

    // decline_incoming_request is called in `destructive_tools_are_offered_only_when_allowed`.
    s.called.insert("decline_incoming_request".to_owned());
    let expected: BTreeSet<String> = ALL_TOOLS.iter().map(|s| s.to_string()).collect();
    assert_eq!(s.called, expected, "every tool is called");
    s.client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn destructive_tools_are_offered_only_when_allowed() {
    let mock = MockServer::start().await;
    let alice = sdk(&mock, "alice");
    let room = project(&alice).await;

    // Default: everything but the destructive tools, which are refused by name.
    let client = stdio(&mock, "alice", &[]).await;
    let offered = tools(&client).await;
    for name in DESTRUCTIVE {
        assert!(!offered.contains_key(name), "{name} is offered by default");
    }
    assert_eq!(offered.len(), ALL_TOOLS.len() - DESTRUCTIVE.len());
    let r = raw_call(
        &client,
        "decline_incoming_request",
        json!({"request_id": 9001}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("--allow-destructive"), "{}", text(&r));
    let r = raw_call(
        &client,
        "call_api",
        json!({"method": "DELETE", "path": format!("/rooms/{room}")}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("DELETE is not allowed"), "{}", text(&r));
    assert_eq!(
        alice.list_incoming_requests().send().await.unwrap().len(),
        1
    );
    assert!(alice.get_room().room_id(room).send().await.is_ok());
    let call_api = &offered["call_api"];
    assert_eq!(
        call_api.annotations.as_ref().unwrap().destructive_hint,
        Some(false)
    );
    client.cancel().await.unwrap();

    // Read-only: reading tools only.
    let client = stdio(&mock, "alice", &["--read-only"]).await;
    let offered = tools(&client).await;
    assert!(
        offered
            .values()
            .all(|t| { t.annotations.as_ref().unwrap().read_only_hint == Some(true) })
    );
    assert!(offered.contains_key("list_messages") && !offered.contains_key("post_message"));
    let r = raw_call(
        &client,
        "post_message",
        json!({"room_id": room, "text": "hi"}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("read-only"), "{}", text(&r));
    let r = raw_call(
        &client,
        "call_api",
        json!({"method": "POST", "path": format!("/rooms/{room}/messages"), "form": {"body": "hi"}}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert_eq!(
        alice
            .list_messages()
            .room_id(room)
            .force(true)
            .send()
            .await
            .unwrap()
            .len(),
        0
    );
    client.cancel().await.unwrap();

    // Allowed: declined, and gone from Chatwork.
    let mut s = Session::new(stdio(&mock, "alice", &["--allow-destructive"]).await).await;
    assert_eq!(s.tools.len(), ALL_TOOLS.len());
    assert_eq!(
        s.tools["delete_room"]
            .annotations
            .as_ref()
            .unwrap()
            .destructive_hint,
        Some(true)
    );
    s.ok("decline_incoming_request", json!({"request_id": 9001}))
        .await;
    assert_eq!(
        alice.list_incoming_requests().send().await.unwrap().len(),
        0
    );
    assert_eq!(alice.list_contacts().send().await.unwrap().len(), 2);
    s.client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_arguments_and_api_failures_are_tool_errors() {
    let mock = MockServer::start().await;
    let client = stdio(&mock, "alice", &[]).await;
    let r = raw_call(&client, "get_room", json!({"room_id": "x"})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(
        text(&r).starts_with("invalid arguments for get_room"),
        "{}",
        text(&r)
    );
    let r = raw_call(&client, "get_room", json!({"room_id": 999_999})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("Chatwork answered 404"), "{}", text(&r));
    let r = raw_call(
        &client,
        "upload_file",
        json!({"room_id": 106, "filename": "a", "text": "a", "content_base64": "YQ=="}),
    )
    .await;
    assert!(text(&r).contains("exactly one"), "{}", text(&r));
    let unknown = client
        .call_tool(CallToolRequestParams::new("no_such_tool"))
        .await;
    assert!(unknown.is_err(), "an unknown tool is a protocol error");
    client.cancel().await.unwrap();
}
