//! Real flows through the SDK against the mock.

mod common;
use common::{client, project};

use std::time::{Duration, Instant};

use chatwork::model::Role;
use chatwork::types::RoomActionType;
use chatwork::{Client, Credentials, RetryPolicy};
use chatwork_mock::{Limits, MockServer, Seed};

#[tokio::test]
async fn post_then_read_with_the_per_token_cursor() {
    let mock = MockServer::start().await;
    let (alice, bob) = (client(&mock, "alice"), client(&mock, "bob"));
    let me = alice.get_me().send().await.unwrap();
    assert_eq!((me.account_id.get(), me.name.as_str()), (1001, "Alice"));
    let room = project(&alice).await;
    let posted = alice
        .post_message()
        .room_id(room)
        .body("[To:1002] hello")
        .send()
        .await
        .unwrap();
    // The request log shows what reached the mock, form fields included.
    let path = format!("/v2/rooms/{room}/messages");
    assert_eq!(mock.count("POST", &path), 1);
    let logged = mock.requests();
    let post = logged.iter().find(|r| r.method == "POST").unwrap();
    assert_eq!(
        post.form,
        [("body".to_owned(), "[To:1002] hello".to_owned())]
    );
    // Bob gets it once without force, then nothing (204, an empty list); force returns it.
    let first = bob.list_messages().room_id(room).send().await.unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].message_id, posted.message_id);
    assert_eq!(first[0].account.name, "Alice");
    let again = bob.list_messages().room_id(room).send().await.unwrap();
    assert_eq!((again.status(), again.len()), (204, 0));
    let forced = bob
        .list_messages()
        .room_id(room)
        .force(true)
        .send()
        .await
        .unwrap();
    assert_eq!(forced.len(), 1);
    // Unread counts follow, and reading clears them.
    let rooms = bob.list_rooms().send().await.unwrap();
    let p = rooms.iter().find(|r| r.room_id == room).unwrap();
    assert_eq!(p.unread_num, 1);
    let read = bob.mark_messages_read().room_id(room).send().await.unwrap();
    assert_eq!(read.unread_num, 0);
    // Edits and deletes belong to the author.
    let err = bob
        .update_message()
        .room_id(room)
        .message_id(&posted.message_id)
        .body("hijack")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403));
    alice
        .update_message()
        .room_id(room)
        .message_id(&posted.message_id)
        .body("edited")
        .send()
        .await
        .unwrap();
    let m = bob
        .get_message()
        .room_id(room)
        .message_id(&posted.message_id)
        .send()
        .await
        .unwrap();
    assert_eq!(m.body, "edited");
    assert!(m.update_time > 0);
}

#[tokio::test]
async fn roles_are_enforced_and_rooms_change() {
    let mock = MockServer::start().await;
    let (alice, bob, carol) = (
        client(&mock, "alice"),
        client(&mock, "bob"),
        client(&mock, "carol"),
    );
    let room = project(&alice).await;
    let err = carol
        .post_message()
        .room_id(room)
        .body("hi")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403), "read-only members cannot post");
    let err = bob
        .update_room()
        .room_id(room)
        .name("Mine")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403), "only admins change the room");
    alice
        .update_room()
        .room_id(room)
        .name("Release 2.0")
        .description("Ship it")
        .send()
        .await
        .unwrap();
    let r = bob.get_room().room_id(room).send().await.unwrap();
    assert_eq!(
        (r.name.as_str(), r.description.as_str()),
        ("Release 2.0", "Ship it")
    );
    let members = alice.list_members().room_id(room).send().await.unwrap();
    assert_eq!(members.len(), 3);
    assert_eq!(members[2].role, Role::Readonly);
    // The member list always keeps an admin; Carol is promoted, Bob removed.
    let err = alice
        .update_members()
        .room_id(room)
        .members_admin_ids([99_999])
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    let changed = alice
        .update_members()
        .room_id(room)
        .members_admin_ids([1001, 1003])
        .send()
        .await
        .unwrap();
    assert_eq!(changed.admin.len(), 2);
    assert!(bob.get_room().room_id(room).send().await.is_err());
    // A new group, then leave and delete.
    let created = alice
        .create_room()
        .name("Temp")
        .members_admin_ids([1001])
        .members_member_ids([1002])
        .send()
        .await
        .unwrap();
    bob.delete_room()
        .room_id(created.room_id)
        .action_type(RoomActionType::Leave)
        .send()
        .await
        .unwrap();
    assert_eq!(
        alice
            .list_members()
            .room_id(created.room_id)
            .send()
            .await
            .unwrap()
            .len(),
        1
    );
    alice
        .delete_room()
        .room_id(created.room_id)
        .action_type(RoomActionType::Delete)
        .send()
        .await
        .unwrap();
    let err = alice
        .get_room()
        .room_id(created.room_id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(alice.list_contacts().send().await.unwrap().len(), 2);
}

#[tokio::test]
async fn the_token_budget_is_waited_out_without_a_429_reaching_the_caller() {
    let limits = Limits {
        requests: 5,
        window: Duration::from_secs(2),
        ..Limits::default()
    };
    let mock = MockServer::start_with(Seed::demo(), limits).await;
    let alice = Client::builder(Credentials::api_token(mock.token("alice")))
        .base_url(mock.base_url())
        .build()
        .unwrap();
    let started = Instant::now();
    for _ in 0..12 {
        alice.get_me().send().await.expect("no 429 surfaces");
    }
    // 12 requests at 5 per 2-second window: at least two windows waited.
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

/// Many tasks posting to one room at once, with posts planned for later slots: the window
/// never holds more than the limit, so the server never answers 429 (a planned post once
/// dropped out of the count when an earlier slot was reserved next to it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_posters_never_meet_the_room_limit() {
    let limits = Limits {
        room_posts: 5,
        room_window: Duration::from_secs(1),
        ..Limits::default()
    };
    let mock = MockServer::start_with(Seed::demo(), limits).await;
    let alice = Client::builder(Credentials::api_token(mock.token("alice")))
        .base_url(mock.base_url())
        .room_post_limit(5, Duration::from_secs(1))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let room = project(&alice).await;
    let started = Instant::now();
    let tasks: Vec<_> = (0..8)
        .map(|t| {
            let alice = alice.clone();
            tokio::spawn(async move {
                for n in 0..5 {
                    alice
                        .post_message()
                        .room_id(room)
                        .body(format!("task {t} post {n}"))
                        .send()
                        .await
                        .expect("paced, never a 429");
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    let path = format!("/v2/rooms/{room}/messages");
    let statuses: Vec<u16> = mock
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path == path)
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, vec![200; 40]);
    // 40 posts at 5 per second: the 8 windows after the first take at least 7 s.
    assert!(
        started.elapsed() >= Duration::from_secs(7),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn the_room_limit_is_paced_by_the_sdk() {
    let limits = Limits {
        room_posts: 3,
        room_window: Duration::from_secs(1),
        ..Limits::default()
    };
    let mock = MockServer::start_with(Seed::demo(), limits).await;
    let alice = Client::builder(Credentials::api_token(mock.token("alice")))
        .base_url(mock.base_url())
        .room_post_limit(3, Duration::from_secs(1))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let room = project(&alice).await;
    let started = Instant::now();
    for n in 0..7 {
        alice
            .post_message()
            .room_id(room)
            .body(format!("post {n}"))
            .send()
            .await
            .expect("paced, never a 429");
    }
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // Without pacing the mock answers Chatwork's 429.
    let eager = Client::builder(Credentials::api_token(mock.token("bob")))
        .base_url(mock.base_url())
        .no_rate_limiting()
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let mut statuses = Vec::new();
    for n in 0..4 {
        statuses.push(
            eager
                .post_message()
                .room_id(room)
                .body(format!("eager {n}"))
                .send()
                .await
                .err()
                .and_then(|e| e.status()),
        );
    }
    assert!(statuses.contains(&Some(429)), "{statuses:?}");
}

#[tokio::test]
async fn tasks_are_one_per_assignee_and_complete() {
    use chatwork::model::{TaskLimitType, TaskStatus};
    let mock = MockServer::start().await;
    let (alice, bob) = (client(&mock, "alice"), client(&mock, "bob"));
    let room = project(&alice).await;
    assert!(bob.list_my_tasks().send().await.unwrap().is_empty(), "204");
    let created = alice
        .create_task()
        .room_id(room)
        .body("Review the release notes")
        .to_ids([1002, 1003])
        .deadline(1_900_000_000)
        .deadline_type(TaskLimitType::Date)
        .send()
        .await
        .unwrap();
    assert_eq!(created.task_ids.len(), 2);
    let mine = bob.list_my_tasks().send().await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].room.room_id, room);
    assert_eq!(mine[0].limit_type, TaskLimitType::Date);
    let t = alice
        .get_task()
        .room_id(room)
        .task_id(created.task_ids[0])
        .send()
        .await
        .unwrap();
    assert_eq!(
        (t.account.account_id.get(), t.status.clone()),
        (1002, TaskStatus::Open)
    );
    bob.update_task_status()
        .room_id(room)
        .task_id(created.task_ids[0])
        .status(TaskStatus::Done)
        .send()
        .await
        .unwrap();
    let open = alice
        .list_room_tasks()
        .room_id(room)
        .status(TaskStatus::Open)
        .send()
        .await
        .unwrap();
    assert_eq!(open.len(), 1, "Carol's is still open");
    assert!(
        bob.list_my_tasks()
            .status(TaskStatus::Open)
            .send()
            .await
            .unwrap()
            .is_empty()
    );
    // Without `status`, both lists are the open tasks (Chatwork's documented default).
    assert!(bob.list_my_tasks().send().await.unwrap().is_empty());
    let default = alice.list_room_tasks().room_id(room).send().await.unwrap();
    assert_eq!(
        default.iter().map(|t| t.task_id).collect::<Vec<_>>(),
        [created.task_ids[1]],
        "only Carol's open task"
    );
    let done = bob
        .list_my_tasks()
        .status(TaskStatus::Done)
        .send()
        .await
        .unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].task_id, created.task_ids[0]);
    // Only room members can be assigned.
    let err = alice
        .create_task()
        .room_id(room)
        .body("x")
        .to_ids([1004])
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
}

#[tokio::test]
async fn invitation_links_and_contact_requests() {
    let mock = MockServer::start().await;
    let (alice, bob) = (client(&mock, "alice"), client(&mock, "bob"));
    let room = project(&alice).await;
    let none = alice
        .get_invitation_link()
        .room_id(room)
        .send()
        .await
        .unwrap();
    assert!(!none.public);
    let link = alice
        .create_invitation_link()
        .room_id(room)
        .code("release-team")
        .description("Join us")
        .send()
        .await
        .unwrap();
    assert!(
        link.public && link.need_acceptance == Some(true),
        "{link:?}"
    );
    assert!(link.url.as_deref().unwrap().ends_with("/g/release-team"));
    let err = alice
        .create_invitation_link()
        .room_id(room)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "a link already exists");
    let err = bob
        .delete_invitation_link()
        .room_id(room)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403), "members cannot change the link");
    let gone = alice
        .delete_invitation_link()
        .room_id(room)
        .send()
        .await
        .unwrap();
    assert!(!gone.public);
    // Dave's request: approving it makes a contact and a direct chat.
    let requests = alice.list_incoming_requests().send().await.unwrap();
    assert_eq!(requests.len(), 1);
    let contact = alice
        .accept_incoming_request()
        .request_id(requests[0].request_id)
        .send()
        .await
        .unwrap();
    assert_eq!(contact.name, "Dave");
    assert_eq!(alice.list_contacts().send().await.unwrap().len(), 3);
    assert!(
        alice
            .list_incoming_requests()
            .send()
            .await
            .unwrap()
            .is_empty()
    );
    let direct = alice
        .get_room()
        .room_id(contact.room_id)
        .send()
        .await
        .unwrap();
    assert_eq!(direct.type_, chatwork::model::RoomType::Direct);
}

#[tokio::test]
async fn upload_then_download_within_the_url_lifetime() {
    let limits = Limits {
        download_url_lifetime: Duration::from_secs(1),
        ..Limits::default()
    };
    let mock = MockServer::start_with(Seed::demo(), limits).await;
    let (alice, bob) = (client(&mock, "alice"), client(&mock, "bob"));
    let room = project(&alice).await;
    let data = b"date,tests\n2026-11-25,171\n".to_vec();
    let uploaded = alice
        .upload_file()
        .room_id(room)
        .file("report \"ci\".csv", data.clone())
        .content_type("text/csv")
        .message("Today's report")
        .send()
        .await
        .unwrap();
    let files = bob.list_files().room_id(room).send().await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].filesize, data.len() as i64);
    assert!(files[0].download_url.is_none());
    let file = bob
        .get_file()
        .room_id(room)
        .file_id(uploaded.file_id)
        .create_download_url(true)
        .send()
        .await
        .unwrap();
    let url = file.download_url.clone().unwrap();
    let got = reqwest::get(&url).await.unwrap();
    assert_eq!(got.status().as_u16(), 200);
    assert_eq!(got.bytes().await.unwrap().to_vec(), data, "byte for byte");
    // The upload posted a message that names the file.
    let messages = bob.list_messages().room_id(room).send().await.unwrap();
    assert!(
        messages[0].body.contains("Today's report"),
        "{}",
        messages[0].body
    );
    // After its lifetime the URL refuses.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(reqwest::get(&url).await.unwrap().status().as_u16(), 403);
    // Read-only members cannot upload.
    let err = client(&mock, "carol")
        .upload_file()
        .room_id(room)
        .file("x.txt", b"x".to_vec())
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403));
}

#[tokio::test]
async fn an_oauth_bearer_token_works_and_writes_are_validated() {
    let mock = MockServer::start().await;
    // An API token is not an OAuth access token: `Authorization: Bearer <API token>` is
    // refused, as on Chatwork (OAuth sign-in itself is in tests/fidelity.rs).
    let oauth = Client::builder(Credentials::oauth_access_token(mock.token("bob")))
        .base_url(mock.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(oauth.get_me().send().await.unwrap_err().status(), Some(401));
    let wrong = Client::builder(Credentials::oauth_access_token("not-a-token"))
        .base_url(mock.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(wrong.get_me().send().await.unwrap_err().status(), Some(401));

    // Values outside Chatwork's enums are refused with its error body; a parameter in the
    // query of a write is ignored.
    let room = project(&client(&mock, "alice")).await;
    let http = reqwest::Client::new();
    let put = |form: &'static str| {
        http.put(format!("{}/rooms/{room}", mock.base_url()))
            .header("x-chatworktoken", mock.token("alice"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form)
            .send()
    };
    let refused = put("icon_preset=unicorn").await.unwrap();
    assert_eq!(refused.status(), 400);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert!(
        body["errors"][0]
            .as_str()
            .unwrap()
            .starts_with("Parameter 'icon_preset' must be one of group, check"),
        "{body}"
    );
    assert_eq!(put("icon_preset=beer").await.unwrap().status(), 200);
    let ignored = http
        .put(format!("{}/rooms/{room}?name=FromQuery", mock.base_url()))
        .header("x-chatworktoken", mock.token("alice"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("description=from+the+form")
        .send()
        .await
        .unwrap();
    assert_eq!(ignored.status(), 200);
    let r = client(&mock, "alice")
        .get_room()
        .room_id(room)
        .send()
        .await
        .unwrap();
    assert_eq!(r.name, "Project");
    assert_eq!(r.description, "from the form");
    assert!(r.icon_path.ends_with("/beer.png"), "{}", r.icon_path);
}

#[tokio::test]
async fn oauth_sign_in_with_pkce_and_refresh() {
    use chatwork::oauth::{OAuthConfig, OAuthError, Scope, Secret};
    let mock = MockServer::start().await;
    let origin = mock.origin();
    let config = OAuthConfig::public("cli-app", "https://example.invalid/callback")
        .endpoints(
            format!("{origin}/mock/oauth/authorize"),
            format!("{origin}/mock/oauth/token"),
        )
        .unwrap();
    let pending = config.authorize([Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ]);
    // The consent screen with "Allow" clicked, as Bob: a redirect carrying the code and state.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let allowed = http
        .get(format!("{}&mock_user=bob", pending.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(allowed.status(), 302);
    let location = allowed.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("https://example.invalid/callback?code=code-"),
        "{location}"
    );
    assert!(location.contains(&format!("state={}", pending.state())));
    let tokens = pending.exchange(&config, &location).await.unwrap();
    assert_eq!(
        tokens.scopes,
        [Scope::USERS_PROFILE_ME_READ, Scope::ROOMS_ALL_READ]
    );
    // Chatwork's access tokens live 15 minutes.
    assert!(!tokens.expires_within(std::time::Duration::from_secs(890)));
    assert!(tokens.expires_within(std::time::Duration::from_secs(901)));
    let as_bob = |token: &str| {
        Client::builder(Credentials::oauth_access_token(token))
            .base_url(mock.base_url())
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap()
    };
    let me = as_bob(tokens.access_token.expose())
        .get_me()
        .send()
        .await
        .unwrap();
    assert_eq!(me.account_id.get(), 1002);
    // The code works once.
    let code = pending.code_from_callback(&location).unwrap();
    let again = config
        .exchange_code(&code, pending.verifier())
        .await
        .unwrap_err();
    assert!(
        matches!(again, OAuthError::Endpoint { ref error, .. } if error == "invalid_grant"),
        "{again:?}"
    );
    // A refresh gives a new access token; the used refresh token is refused afterwards.
    let renewed = config.refresh(&tokens).await.unwrap();
    assert_ne!(renewed.access_token.expose(), tokens.access_token.expose());
    let me = as_bob(renewed.access_token.expose())
        .get_me()
        .send()
        .await
        .unwrap();
    assert_eq!(me.account_id.get(), 1002);
    let reused = config.refresh(&tokens).await.unwrap_err();
    assert!(
        matches!(reused, OAuthError::ReauthorizationRequired { .. }),
        "{reused:?}"
    );
    // A wrong PKCE verifier is refused.
    let pending = config.authorize([Scope::ROOMS_ALL_READ]);
    let location = http.get(pending.url()).send().await.unwrap().headers()["location"]
        .to_str()
        .unwrap()
        .to_owned();
    let code = pending.code_from_callback(&location).unwrap();
    let wrong = config
        .exchange_code(
            &code,
            &Secret::new("not-the-verifier-0123456789012345678901234"),
        )
        .await
        .unwrap_err();
    assert!(matches!(wrong, OAuthError::Endpoint { ref error, .. } if error == "invalid_grant"));
    // An unknown bearer token is a 401.
    let err = as_bob("access-made-up").get_me().send().await.unwrap_err();
    assert_eq!(err.status(), Some(401));
}

#[tokio::test]
async fn uploads_up_to_5_mib_are_kept_and_one_byte_more_is_refused_as_chatwork_does() {
    let mock = MockServer::start().await;
    let alice = client(&mock, "alice");
    let room = project(&alice).await;
    // Exactly the limit, well over the web framework's 2 MiB default.
    let data = vec![b'x'; chatwork::MAX_UPLOAD_BYTES];
    assert_eq!(chatwork::MAX_UPLOAD_BYTES, chatwork_mock::MAX_UPLOAD_BYTES);
    let uploaded = alice
        .upload_file()
        .room_id(room)
        .file("big.bin", data)
        .send()
        .await
        .unwrap();
    let file = alice
        .get_file()
        .room_id(room)
        .file_id(uploaded.file_id)
        .send()
        .await
        .unwrap();
    assert_eq!(file.filesize as usize, chatwork_mock::MAX_UPLOAD_BYTES);
    // One byte more (the SDK refuses it before sending; a hand-made request reaches the
    // local Chatwork, which answers like Chatwork: JSON errors).
    let boundary = "b0undary";
    let mut body = format!(
        "--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\ncontent-type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend(std::iter::repeat_n(
        b'y',
        chatwork_mock::MAX_UPLOAD_BYTES + 1,
    ));
    body.extend(format!("\r\n--{boundary}--\r\n").into_bytes());
    let answer = reqwest::Client::new()
        .post(format!("{}/rooms/{room}/files", mock.base_url()))
        .header("x-chatworktoken", mock.token("alice"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 400);
    let json: serde_json::Value = answer.json().await.unwrap();
    assert_eq!(
        json,
        serde_json::json!({"errors": ["The file is larger than 5 MB"]})
    );
}
