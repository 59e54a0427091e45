//! Rooms, members, read marks and tasks change as they do on Chatwork.

use super::*;

#[tokio::test]
async fn my_status_and_read_marks_count_mentions_and_tasks() {
    let mock = MockServer::start().await;
    let room = project(&mock).await;
    let messages = format!("/rooms/{room}/messages");
    let status = |mock| async move {
        send(mock, Method::GET, "/my/status", "bob", &[])
            .await
            .json()
    };
    assert_eq!(
        status(&mock).await,
        json!({"unread_room_num": 0, "mention_room_num": 0, "mytask_room_num": 0,
               "unread_num": 0, "mention_num": 0, "mytask_num": 0})
    );
    let mention = send(
        &mock,
        Method::POST,
        &messages,
        "alice",
        &[("body", "[To:1002] Bob, look")],
    )
    .await
    .json()["message_id"]
        .as_str()
        .unwrap()
        .to_owned();
    send(
        &mock,
        Method::POST,
        &messages,
        "alice",
        &[("body", "no mention")],
    )
    .await;
    let task = send(
        &mock,
        Method::POST,
        &format!("/rooms/{room}/tasks"),
        "alice",
        &[("body", "review"), ("to_ids", "1002")],
    )
    .await;
    assert_eq!(task.status, 200, "{}", task.body);
    assert_eq!(
        status(&mock).await,
        json!({"unread_room_num": 1, "mention_room_num": 1, "mytask_room_num": 1,
               "unread_num": 3, "mention_num": 1, "mytask_num": 1})
    );
    let rooms = send(&mock, Method::GET, "/rooms", "bob", &[]).await.json();
    let summary = rooms
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["room_id"] == room)
        .unwrap()
        .clone();
    assert_eq!(
        (
            &summary["unread_num"],
            &summary["mention_num"],
            &summary["mytask_num"]
        ),
        (&json!(3), &json!(1), &json!(1))
    );

    // Reading up to the mention: two unread left, no mention among them.
    let read = send(
        &mock,
        Method::PUT,
        &format!("{messages}/read"),
        "bob",
        &[("message_id", &mention)],
    )
    .await;
    assert_eq!(
        (read.status, read.json()),
        (200, json!({"unread_num": 2, "mention_num": 0}))
    );
    // Chatwork answers 400 for a message that is already read.
    let again = send(
        &mock,
        Method::PUT,
        &format!("{messages}/read"),
        "bob",
        &[("message_id", &mention)],
    )
    .await;
    assert_eq!(again.status, 400);
    assert_eq!(
        again.json(),
        json!({"errors": ["The message is already read"]})
    );
    // Unread from the mention on: the mention counts again.
    let unread = send(
        &mock,
        Method::PUT,
        &format!("{messages}/unread"),
        "bob",
        &[("message_id", &mention)],
    )
    .await;
    assert_eq!(
        (unread.status, unread.json()),
        (200, json!({"unread_num": 3, "mention_num": 1}))
    );
    let all = send(&mock, Method::PUT, &format!("{messages}/read"), "bob", &[]).await;
    assert_eq!(all.json(), json!({"unread_num": 0, "mention_num": 0}));
    assert_eq!(
        status(&mock).await,
        json!({"unread_room_num": 0, "mention_room_num": 0, "mytask_room_num": 1,
               "unread_num": 0, "mention_num": 0, "mytask_num": 1})
    );
}

#[tokio::test]
async fn a_room_can_be_created_with_its_invitation_link() {
    let mock = MockServer::start().await;
    let created = send(
        &mock,
        Method::POST,
        "/rooms",
        "alice",
        &[
            ("name", "Linked"),
            ("members_admin_ids", "1001"),
            ("link", "1"),
            ("link_code", "team-x"),
            ("link_need_acceptance", "0"),
        ],
    )
    .await;
    assert_eq!(created.status, 200, "{}", created.body);
    let id = created.json()["room_id"].as_i64().unwrap();
    let link = send(
        &mock,
        Method::GET,
        &format!("/rooms/{id}/link"),
        "alice",
        &[],
    )
    .await;
    assert_eq!(
        link.json(),
        json!({"public": true, "url": "https://example.invalid/g/team-x",
               "need_acceptance": false, "description": ""})
    );
    // Without link=1 there is none; a code another room uses is refused; a bad code too.
    let plain = send(
        &mock,
        Method::POST,
        "/rooms",
        "alice",
        &[
            ("name", "Plain"),
            ("members_admin_ids", "1001"),
            ("link_code", "ignored"),
        ],
    )
    .await;
    let plain = plain.json()["room_id"].as_i64().unwrap();
    let link = send(
        &mock,
        Method::GET,
        &format!("/rooms/{plain}/link"),
        "alice",
        &[],
    )
    .await;
    assert_eq!(link.json(), json!({"public": false}));
    for code in ["team-x", "no spaces"] {
        let refused = send(
            &mock,
            Method::POST,
            "/rooms",
            "alice",
            &[
                ("name", "Again"),
                ("members_admin_ids", "1001"),
                ("link", "1"),
                ("link_code", code),
            ],
        )
        .await;
        assert_eq!(refused.status, 400, "{code}");
        assert!(
            refused.json()["errors"][0]
                .as_str()
                .unwrap()
                .contains("link"),
            "{}",
            refused.body
        );
    }
    let default = send(
        &mock,
        Method::POST,
        "/rooms",
        "alice",
        &[
            ("name", "Default"),
            ("members_admin_ids", "1001"),
            ("link", "1"),
        ],
    )
    .await;
    let default = default.json()["room_id"].as_i64().unwrap();
    let link = send(
        &mock,
        Method::GET,
        &format!("/rooms/{default}/link"),
        "alice",
        &[],
    )
    .await
    .json();
    assert_eq!(
        (link["public"].clone(), link["need_acceptance"].clone()),
        (json!(true), json!(true))
    );
}

#[tokio::test]
async fn leaving_deletes_the_leavers_tasks_and_files_and_the_last_admin_cannot_leave() {
    let mock = MockServer::start().await;
    let room = project(&mock).await;
    let tasks = format!("/rooms/{room}/tasks");
    send(
        &mock,
        Method::POST,
        &tasks,
        "alice",
        &[("body", "for bob"), ("to_ids", "1002")],
    )
    .await;
    send(
        &mock,
        Method::POST,
        &tasks,
        "alice",
        &[("body", "for alice"), ("to_ids", "1001")],
    )
    .await;
    let upload = |who: &'static str, name: &'static str| {
        let part = reqwest::multipart::Part::bytes(b"x".to_vec()).file_name(name);
        reqwest::Client::new()
            .post(format!("{}/rooms/{room}/files", mock.base_url()))
            .header("x-chatworktoken", mock.token(who))
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
    };
    let uploaded = upload("bob", "bob.txt").await.unwrap();
    assert_eq!(uploaded.status(), 200);
    // Chatwork answers an upload with the new file's ID only.
    let uploaded: Value = uploaded.json().await.unwrap();
    assert_eq!(uploaded.as_object().unwrap().len(), 1);
    assert!(uploaded["file_id"].is_i64(), "{uploaded}");
    assert_eq!(upload("alice", "alice.txt").await.unwrap().status(), 200);

    let left = send(
        &mock,
        Method::DELETE,
        &format!("/rooms/{room}"),
        "bob",
        &[("action_type", "leave")],
    )
    .await;
    assert_eq!((left.status, left.body.as_str()), (204, ""));
    let kept = send(
        &mock,
        Method::GET,
        &format!("{tasks}?status=open"),
        "alice",
        &[],
    )
    .await
    .json();
    let bodies: Vec<&str> = kept
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["for alice"]);
    let files = send(
        &mock,
        Method::GET,
        &format!("/rooms/{room}/files"),
        "alice",
        &[],
    )
    .await
    .json();
    let names: Vec<&str> = files
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["filename"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["alice.txt"]);

    // Alice is the only admin and Carol is still there.
    let refused = send(
        &mock,
        Method::DELETE,
        &format!("/rooms/{room}"),
        "alice",
        &[("action_type", "leave")],
    )
    .await;
    assert_eq!(refused.status, 400);
    assert!(
        refused.json()["errors"][0]
            .as_str()
            .unwrap()
            .contains("last administrator")
    );
    // A direct chat is not left this way.
    let contacts = send(&mock, Method::GET, "/contacts", "alice", &[])
        .await
        .json();
    let direct = contacts[0]["room_id"].as_i64().unwrap();
    let refused = send(
        &mock,
        Method::DELETE,
        &format!("/rooms/{direct}"),
        "alice",
        &[("action_type", "leave")],
    )
    .await;
    assert_eq!(refused.status, 400);
}

#[tokio::test]
async fn only_contacts_can_be_added_to_a_room() {
    let mock = MockServer::start().await;
    // Bob's only contact is Alice.
    let refused = send(
        &mock,
        Method::POST,
        "/rooms",
        "bob",
        &[
            ("name", "B"),
            ("members_admin_ids", "1002"),
            ("members_member_ids", "1003"),
        ],
    )
    .await;
    assert_eq!(refused.status, 400);
    assert_eq!(
        refused.json(),
        json!({"errors": ["Account 1003 is not one of your contacts: only contacts can be added to a chat"]})
    );
    let made = send(
        &mock,
        Method::POST,
        "/rooms",
        "bob",
        &[
            ("name", "B"),
            ("members_admin_ids", "1002"),
            ("members_member_ids", "1001"),
        ],
    )
    .await;
    assert_eq!(made.status, 200);
    // Dave is not Alice's contact (he only asked); members already in the room stay allowed.
    let room = project(&mock).await;
    let members = format!("/rooms/{room}/members");
    let refused = send(
        &mock,
        Method::PUT,
        &members,
        "alice",
        &[
            ("members_admin_ids", "1001"),
            ("members_member_ids", "1002,1004"),
        ],
    )
    .await;
    assert_eq!(refused.status, 400);
    let changed = send(
        &mock,
        Method::PUT,
        &members,
        "alice",
        &[
            ("members_admin_ids", "1001,1003"),
            ("members_member_ids", "1002"),
        ],
    )
    .await;
    assert_eq!(
        (changed.status, changed.json()),
        (
            200,
            json!({"admin": [1001, 1003], "member": [1002], "readonly": []})
        )
    );
}

/// `GET /me`'s `room_id` for `token`, and the IDs of that token's rooms of type `my`.
async fn my_chat(mock: &MockServer, token: &str) -> (i64, Vec<i64>) {
    let get = |path: &str| {
        reqwest::Client::new()
            .get(format!("{}{path}", mock.base_url()))
            .header("x-chatworktoken", token)
            .send()
    };
    let me: Value = get("/me").await.unwrap().json().await.unwrap();
    let rooms: Value = get("/rooms").await.unwrap().json().await.unwrap();
    let mine = rooms
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "my")
        .map(|r| r["room_id"].as_i64().unwrap())
        .collect();
    (me["room_id"].as_i64().unwrap(), mine)
}

#[tokio::test]
async fn every_account_seeded_or_added_has_its_own_my_chat() {
    let mock = MockServer::start().await;
    let added: Value = reqwest::Client::new()
        .post(format!("{}/mock/accounts", mock.origin()))
        .form(&[("name", "Erin")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut tokens: Vec<String> = ["alice", "bob", "carol", "dave"]
        .iter()
        .map(|who| mock.token(who))
        .collect();
    tokens.push(added["token"].as_str().unwrap().to_owned());
    let mut seen = Vec::new();
    for token in &tokens {
        let (room_id, mine) = my_chat(&mock, token).await;
        assert!(room_id > 0, "{token}: /me says room_id {room_id}");
        assert_eq!(mine, [room_id], "{token}: one my chat, the one /me names");
        assert!(!seen.contains(&room_id), "{token} shares a my chat");
        seen.push(room_id);
    }
}
