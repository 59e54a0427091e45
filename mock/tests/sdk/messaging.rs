//! Messages, roles, limits and tasks, through the SDK.

use super::*;

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
