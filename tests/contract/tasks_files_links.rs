//! Exact wire bytes: tasks, files, invitation links and contact requests.

use super::*;

#[tokio::test]
async fn list_room_tasks_with_and_without_filters() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "list_room_tasks", get("/rooms/5/tasks")).await;
    let tasks = client(&server)
        .list_room_tasks()
        .room_id(5)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(tasks[0].account.account_id, AccountId(123));
    assert_eq!(tasks[0].assigned_by_account.name, "Anna");
    assert_lossless(tasks.value(), &ex);

    let server = MockServer::start_async().await;
    let wire = Wire {
        query: Some("account_id=101&assigned_by_account_id=78&status=done"),
        ..get("/rooms/5/tasks")
    };
    let (m, _) = mock_example(&server, "list_room_tasks", wire).await;
    client(&server)
        .list_room_tasks()
        .room_id(5)
        .account_id(101)
        .assigned_by_account_id(78)
        .status("done")
        .send()
        .await
        .unwrap();
    m.assert_async().await;
}

#[tokio::test]
async fn create_task() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "POST",
        form: Some("body=Buy+milk&limit=1385996399&limit_type=time&to_ids=1%2C3%2C6"),
        ..get("/rooms/5/tasks")
    };
    let (m, ex) = mock_example(&server, "create_task", wire).await;
    let created = client(&server)
        .create_task()
        .room_id(5)
        .body("Buy milk")
        .to_ids([1, 3, 6])
        .deadline(1_385_996_399)
        .deadline_type(TaskLimitType::Time)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(created.task_ids.len(), 2);
    assert_lossless(created.value(), &ex);

    // The same wire from a typed time: `due_at` implies `limit_type=time`, `due_on` `date`.
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "POST",
        form: Some("body=Buy+milk&limit=1385996399&limit_type=time&to_ids=1%2C3%2C6"),
        ..get("/rooms/5/tasks")
    };
    let (m, _) = mock_example(&server, "create_task", wire).await;
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_millis(1_385_996_399_250);
    client(&server)
        .create_task()
        .room_id(5)
        .body("Buy milk")
        .to_ids([1, 3, 6])
        .due_at(at)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "POST",
        form: Some("body=Buy+milk&limit=1385996399&limit_type=date&to_ids=1"),
        ..get("/rooms/5/tasks")
    };
    let (m, _) = mock_example(&server, "create_task", wire).await;
    client(&server)
        .create_task()
        .room_id(5)
        .body("Buy milk")
        .to_ids([1])
        .due_on(at)
        .send()
        .await
        .unwrap();
    m.assert_async().await;

    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "POST",
        form: Some("body=No+deadline&to_ids=1"),
        ..get("/rooms/5/tasks")
    };
    let (m, _) = mock_example(&server, "create_task", wire).await;
    client(&server)
        .create_task()
        .room_id(5)
        .body("No deadline")
        .to_ids([1])
        .send()
        .await
        .unwrap();
    m.assert_async().await;
}

#[tokio::test]
async fn get_task() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "get_task", get("/rooms/5/tasks/3")).await;
    let task = client(&server)
        .get_task()
        .room_id(5)
        .task_id(3)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(task.limit_time, 1_384_354_799);
    assert_eq!(
        task.deadline(),
        Some(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_384_354_799))
    );
    assert_lossless(task.value(), &ex);
}

#[tokio::test]
async fn update_task_status() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some("body=done"),
        ..get("/rooms/5/tasks/3/status")
    };
    let (m, ex) = mock_example(&server, "update_task_status", wire).await;
    let updated = client(&server)
        .update_task_status()
        .room_id(5)
        .task_id(3)
        .status(TaskStatus::Done)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(updated.task_id.get(), 1234);
    assert_lossless(updated.value(), &ex);
}

#[tokio::test]
async fn list_files() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "list_files", get("/rooms/5/files")).await;
    let files = client(&server)
        .list_files()
        .room_id(5)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(
        files[0].download_url, None,
        "lists never carry a download URL"
    );
    assert_eq!(files[0].filesize, 2232);
    assert_lossless(files.value(), &ex);

    let server = MockServer::start_async().await;
    let wire = Wire {
        query: Some("account_id=123"),
        ..get("/rooms/5/files")
    };
    let (m, _) = mock_example(&server, "list_files", wire).await;
    client(&server)
        .list_files()
        .room_id(5)
        .account_id(123)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
}

#[tokio::test]
async fn get_file_with_download_url() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        query: Some("create_download_url=1"),
        ..get("/rooms/5/files/3")
    };
    let (m, ex) = mock_example(&server, "get_file", wire).await;
    let file = client(&server)
        .get_file()
        .room_id(5)
        .file_id(3)
        .create_download_url(true)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(
        file.download_url.as_deref(),
        Some("https://download.example.com/files/3?signature=abc")
    );
    assert_lossless(file.value(), &ex);
}

#[tokio::test]
async fn get_invitation_link() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "get_invitation_link", get("/rooms/5/link")).await;
    let link = client(&server)
        .get_invitation_link()
        .room_id(5)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert!(link.public);
    assert_eq!(link.need_acceptance, Some(true));
    assert_lossless(link.value(), &ex);
}

#[tokio::test]
async fn get_invitation_link_when_there_is_none() {
    let server = MockServer::start_async().await;
    let m = mock(&server, get("/rooms/5/link"), 200, r#"{"public":false}"#).await;
    let link = client(&server)
        .get_invitation_link()
        .room_id(5)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert!(!link.public);
    assert_eq!(
        (
            link.url.as_deref(),
            link.need_acceptance,
            link.description.as_deref()
        ),
        (None, None, None)
    );
}

#[tokio::test]
async fn create_invitation_link() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "POST",
        form: Some(
            "code=unique-link-name&description=This+is+a+public+room+for+topic+A.&need_acceptance=1",
        ),
        ..get("/rooms/5/link")
    };
    let (m, ex) = mock_example(&server, "create_invitation_link", wire).await;
    let link = client(&server)
        .create_invitation_link()
        .room_id(5)
        .code("unique-link-name")
        .description("This is a public room for topic A.")
        .need_acceptance(true)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_lossless(link.value(), &ex);
}

#[tokio::test]
async fn update_invitation_link() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some("code=another_link_name&need_acceptance=0"),
        ..get("/rooms/5/link")
    };
    let (m, ex) = mock_example(&server, "update_invitation_link", wire).await;
    let link = client(&server)
        .update_invitation_link()
        .room_id(5)
        .code("another_link_name")
        .need_acceptance(false)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(link.need_acceptance, Some(false));
    assert_lossless(link.value(), &ex);
}

#[tokio::test]
async fn delete_invitation_link() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "DELETE",
        ..get("/rooms/5/link")
    };
    let (m, ex) = mock_example(&server, "delete_invitation_link", wire).await;
    let link = client(&server)
        .delete_invitation_link()
        .room_id(5)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert!(!link.public);
    assert_lossless(link.value(), &ex);
}

#[tokio::test]
async fn list_incoming_requests() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "list_incoming_requests", get("/incoming_requests")).await;
    let requests = client(&server)
        .list_incoming_requests()
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(requests[0].request_id.get(), 123);
    assert_eq!(requests[0].message, "hogehoge");
    assert_lossless(requests.value(), &ex);
}

#[tokio::test]
async fn accept_incoming_request() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        ..get("/incoming_requests/123")
    };
    let (m, ex) = mock_example(&server, "accept_incoming_request", wire).await;
    let contact = client(&server)
        .accept_incoming_request()
        .request_id(123)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(contact.room_id.get(), 1234);
    assert_lossless(contact.value(), &ex);
}

#[tokio::test]
async fn decline_incoming_request() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "DELETE",
        ..get("/incoming_requests/123")
    };
    let m = mock(&server, wire, 204, "").await;
    let done = client(&server)
        .decline_incoming_request()
        .request_id(123)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(done.status(), 204);
}

#[tokio::test]
async fn message_id_above_2_pow_53_round_trips_unchanged() {
    let id = "1928374655918273645";
    assert!(id.parse::<u64>().unwrap() > 1 << 53);
    let server = MockServer::start_async().await;
    let (m1, _) = mock_example(
        &server,
        "list_messages",
        Wire {
            query: Some("force=1"),
            ..get("/rooms/5/messages")
        },
    )
    .await;
    let wire = Wire {
        method: "PUT",
        form: Some("body=again"),
        ..get("/rooms/5/messages/1928374655918273645")
    };
    let m2 = mock(
        &server,
        wire,
        200,
        r#"{"message_id":"1928374655918273645"}"#,
    )
    .await;
    let client = client(&server);
    let messages = client
        .list_messages()
        .room_id(5)
        .force(true)
        .send()
        .await
        .unwrap();
    let got: MessageId = messages[0].message_id.clone();
    assert_eq!(got.as_str(), id);
    let updated = client
        .update_message()
        .room_id(5)
        .message_id(&got)
        .body("again")
        .send()
        .await
        .unwrap();
    m1.assert_async().await;
    m2.assert_async().await;
    assert_eq!(updated.message_id, got);
    assert_eq!(
        serde_json::to_string(&updated.message_id).unwrap(),
        format!("\"{id}\"")
    );
}
