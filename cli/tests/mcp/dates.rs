//! Due dates as agents send them: Unix seconds as a string or a number, every documented
//! form, and refusals that list the forms.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn create_task_takes_a_due_date_in_every_documented_form() {
    let mock = MockServer::start().await;
    let alice = sdk(&mock, "alice");
    let bob_id = sdk(&mock, "bob")
        .get_me()
        .send()
        .await
        .unwrap()
        .account_id
        .get();
    let room = project(&alice).await;
    let mut s = Session::new(stdio(&mock, "alice", &[]).await).await;
    let description = s.tools["create_task"].description.clone().unwrap();
    for form in [
        "Unix seconds (1796621096)",
        "RFC 2822",
        "RFC 3339",
        "in 2 days",
    ] {
        assert!(description.contains(form), "{form}: {description}");
    }
    let due_schema = &s.tools["create_task"].input_schema["properties"]["due"];
    assert!(
        due_schema.to_string().contains("Unix seconds"),
        "{due_schema}"
    );
    for (due, at) in [
        (json!("1796621096"), 1_796_621_096),
        (json!(1_796_621_096), 1_796_621_096),
        (json!("Tue, 1 Dec 2026 17:00:00 +0900"), 1_796_112_000),
        (json!("2026-12-01T17:00:00+09:00"), 1_796_112_000),
    ] {
        let v = s
            .ok(
                "create_task",
                json!({"room_id": room, "text": "Due", "assignee_ids": [bob_id], "due": due}),
            )
            .await;
        let t = alice
            .get_task()
            .room_id(room)
            .task_id(v["task_ids"][0].as_i64().unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!((t.limit_time, t.limit_type.as_str()), (at, "time"), "{due}");
    }
    let before = alice
        .list_room_tasks()
        .room_id(room)
        .send()
        .await
        .unwrap()
        .len();
    for due in ["2026-02-30", "13/13/2026", "next friday"] {
        let r = raw_call(
            &s.client,
            "create_task",
            json!({"room_id": room, "text": "Never", "assignee_ids": [bob_id], "due": due}),
        )
        .await;
        assert_eq!(r.is_error, Some(true), "{due}");
        let said = text(&r);
        assert!(
            said.contains(&format!("cannot read the due date {due:?}"))
                && said.contains("Unix seconds (1796621096)")
                && said.contains("RFC 2822"),
            "{due}: {said}"
        );
    }
    let after = alice
        .list_room_tasks()
        .room_id(room)
        .send()
        .await
        .unwrap()
        .len();
    assert_eq!(after, before, "a refused due date creates no task");
}
