//! Exact wire bytes: the account, contacts, rooms, members and messages.

use super::*;

#[tokio::test]
async fn get_me() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "get_me", get("/me")).await;
    let me = client(&server).get_me().send().await.unwrap();
    m.assert_async().await;
    assert_eq!(me.account_id, AccountId(363));
    assert_eq!(me.room_id.get(), 366);
    assert_eq!(me.login_mail, "account@example.com");
    assert_eq!(me.status(), 200);
    assert_rate_limit(&me);
    assert_lossless(me.value(), &ex);
}

#[tokio::test]
async fn get_my_status() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "get_my_status", get("/my/status")).await;
    let status = client(&server).get_my_status().send().await.unwrap();
    m.assert_async().await;
    assert_eq!((status.unread_room_num, status.mytask_num), (2, 8));
    assert_lossless(status.value(), &ex);
}

#[tokio::test]
async fn list_my_tasks_without_filters() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "list_my_tasks", get("/my/tasks")).await;
    let tasks = client(&server).list_my_tasks().send().await.unwrap();
    m.assert_async().await;
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].message_id.as_str(), "1928374655918273645");
    assert_eq!(tasks[0].status, TaskStatus::Open);
    assert_eq!(tasks[0].limit_type, TaskLimitType::Date);
    assert_eq!(tasks[0].room.name, "Group Chat Name");
    assert_lossless(tasks.value(), &ex);
}

#[tokio::test]
async fn list_my_tasks_with_filters() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        query: Some("assigned_by_account_id=78&status=done"),
        ..get("/my/tasks")
    };
    let (m, _) = mock_example(&server, "list_my_tasks", wire).await;
    client(&server)
        .list_my_tasks()
        .assigned_by_account_id(78)
        .status(TaskStatus::Done)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
}

#[tokio::test]
async fn list_contacts() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "list_contacts", get("/contacts")).await;
    let contacts = client(&server).list_contacts().send().await.unwrap();
    m.assert_async().await;
    assert_eq!(contacts.len(), 2);
    assert_eq!(
        contacts[1].chatwork_id, "",
        "empty profile strings stay empty strings"
    );
    assert_eq!(contacts[1].organization_id, 0);
    assert_lossless(contacts.value(), &ex);
}

#[tokio::test]
async fn list_rooms() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "list_rooms", get("/rooms")).await;
    let rooms = client(&server).list_rooms().send().await.unwrap();
    m.assert_async().await;
    assert_eq!(rooms[0].room_id.get(), 123);
    assert_eq!(rooms[0].type_, RoomType::Group);
    assert_eq!(rooms[0].role, Role::Admin);
    assert!(!rooms[0].sticky);
    assert_lossless(rooms.value(), &ex);
}

#[tokio::test]
async fn create_room_with_every_field() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "POST",
        form: Some(
            "description=group+chat+description&icon_preset=meeting&link=1&link_code=AB-cd_9\
             &link_need_acceptance=0&members_admin_ids=123%2C542%2C1001&members_member_ids=21%2C344\
             &members_readonly_ids=15%2C103&name=Website+renewal+project",
        ),
        ..get("/rooms")
    };
    let (m, ex) = mock_example(&server, "create_room", wire).await;
    let created = client(&server)
        .create_room()
        .name("Website renewal project")
        .description("group chat description")
        .icon_preset(IconPreset::Meeting)
        .members_admin_ids([123, 542, 1001])
        .members_member_ids(vec![21, 344])
        .members_readonly_ids([15, 103])
        .link(true)
        .link_code("AB-cd_9")
        .link_need_acceptance(false)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(created.room_id.get(), 1234);
    assert_lossless(created.value(), &ex);
}

#[tokio::test]
async fn create_room_omits_unset_fields() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "POST",
        form: Some("members_admin_ids=123&name=Solo"),
        ..get("/rooms")
    };
    let (m, _) = mock_example(&server, "create_room", wire).await;
    client(&server)
        .create_room()
        .name("Solo")
        .members_admin_ids([123])
        .send()
        .await
        .unwrap();
    m.assert_async().await;
}

#[tokio::test]
async fn get_room() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "get_room", get("/rooms/123")).await;
    let room = client(&server)
        .get_room()
        .room_id(123)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(room.description, "room description text");
    assert_eq!(room.type_, RoomType::Group);
    assert_lossless(room.value(), &ex);
}

#[tokio::test]
async fn update_room() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some("description=new+description&icon_preset=beer&name=Renamed"),
        ..get("/rooms/123")
    };
    let (m, ex) = mock_example(&server, "update_room", wire).await;
    let updated = client(&server)
        .update_room()
        .room_id(123)
        .name("Renamed")
        .description("new description")
        .icon_preset(IconPreset::Beer)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_lossless(updated.value(), &ex);
}

#[tokio::test]
async fn update_room_with_nothing_sends_an_empty_form() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some(""),
        ..get("/rooms/123")
    };
    let (m, _) = mock_example(&server, "update_room", wire).await;
    client(&server)
        .update_room()
        .room_id(123)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
}

#[tokio::test]
async fn delete_room_leave_and_delete() {
    let server = MockServer::start_async().await;
    for (action, form) in [
        (RoomActionType::Leave, "action_type=leave"),
        (RoomActionType::Delete, "action_type=delete"),
    ] {
        let wire = Wire {
            method: "DELETE",
            form: Some(form),
            ..get("/rooms/77")
        };
        let m = mock(&server, wire, 204, "").await;
        let done = client(&server)
            .delete_room()
            .room_id(77)
            .action_type(action)
            .send()
            .await
            .unwrap();
        m.assert_async().await;
        assert_eq!(done.status(), 204);
        assert_rate_limit(&done);
        m.delete_async().await;
    }
}

#[tokio::test]
async fn list_members() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "list_members", get("/rooms/123/members")).await;
    let members = client(&server)
        .list_members()
        .room_id(123)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(members[0].role, Role::Member);
    assert_lossless(members.value(), &ex);
}

#[tokio::test]
async fn update_members() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some(
            "members_admin_ids=123%2C542%2C1001&members_member_ids=10%2C103&members_readonly_ids=6%2C11",
        ),
        ..get("/rooms/123/members")
    };
    let (m, ex) = mock_example(&server, "update_members", wire).await;
    let members = client(&server)
        .update_members()
        .room_id(123)
        .members_admin_ids([123, 542, 1001])
        .members_member_ids([10, 103])
        .members_readonly_ids([6, 11])
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(
        members.admin,
        vec![AccountId(123), AccountId(542), AccountId(1001)]
    );
    assert_lossless(members.value(), &ex);
}

#[tokio::test]
async fn list_messages_default_and_forced() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(&server, "list_messages", get("/rooms/5/messages")).await;
    let messages = client(&server)
        .list_messages()
        .room_id(5)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(messages[0].message_id.as_str(), "1928374655918273645");
    assert_eq!(messages[0].update_time, 0);
    assert_eq!(messages[0].account.name, "Bob");
    assert_lossless(messages.value(), &ex);

    let server = MockServer::start_async().await;
    let wire = Wire {
        query: Some("force=1"),
        ..get("/rooms/5/messages")
    };
    let (m, _) = mock_example(&server, "list_messages", wire).await;
    client(&server)
        .list_messages()
        .room_id(5)
        .force(true)
        .send()
        .await
        .unwrap();
    m.assert_async().await;

    let server = MockServer::start_async().await;
    let wire = Wire {
        query: Some("force=0"),
        ..get("/rooms/5/messages")
    };
    let (m, _) = mock_example(&server, "list_messages", wire).await;
    client(&server)
        .list_messages()
        .room_id(5)
        .force(false)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
}

#[tokio::test]
async fn post_message() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "POST",
        form: Some(
            "body=%5BTo%3A456%5D+Hello+%26+welcome%3D%E3%81%93%E3%82%93%E3%81%AB%E3%81%A1%E3%81%AF&self_unread=1",
        ),
        ..get("/rooms/5/messages")
    };
    let (m, ex) = mock_example(&server, "post_message", wire).await;
    let posted = client(&server)
        .post_message()
        .room_id(5)
        .body("[To:456] Hello & welcome=こんにちは")
        .self_unread(true)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(posted.message_id.as_str(), "1928374655918273645");
    assert_lossless(posted.value(), &ex);
}

#[tokio::test]
async fn mark_messages_read_with_and_without_id() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some("message_id=1928374655918273645"),
        ..get("/rooms/5/messages/read")
    };
    let (m, ex) = mock_example(&server, "mark_messages_read", wire).await;
    let counts = client(&server)
        .mark_messages_read()
        .room_id(5)
        .message_id("1928374655918273645")
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(counts.unread_num, 461);
    assert_lossless(counts.value(), &ex);

    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some(""),
        ..get("/rooms/5/messages/read")
    };
    let (m, _) = mock_example(&server, "mark_messages_read", wire).await;
    client(&server)
        .mark_messages_read()
        .room_id(5)
        .send()
        .await
        .unwrap();
    m.assert_async().await;
}

#[tokio::test]
async fn mark_messages_unread() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some("message_id=1928374655918273645"),
        ..get("/rooms/5/messages/unread")
    };
    let (m, ex) = mock_example(&server, "mark_messages_unread", wire).await;
    let counts = client(&server)
        .mark_messages_unread()
        .room_id(5)
        .message_id("1928374655918273645")
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_lossless(counts.value(), &ex);
}

#[tokio::test]
async fn get_message() {
    let server = MockServer::start_async().await;
    let (m, ex) = mock_example(
        &server,
        "get_message",
        get("/rooms/5/messages/1928374655918273645"),
    )
    .await;
    let message = client(&server)
        .get_message()
        .room_id(5)
        .message_id("1928374655918273645")
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(message.body, "Hello Chatwork!");
    assert_lossless(message.value(), &ex);
}

#[tokio::test]
async fn update_message() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "PUT",
        form: Some("body=edited+text"),
        ..get("/rooms/5/messages/1928374655918273645")
    };
    let (m, ex) = mock_example(&server, "update_message", wire).await;
    let updated = client(&server)
        .update_message()
        .room_id(5)
        .message_id("1928374655918273645")
        .body("edited text")
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_lossless(updated.value(), &ex);
}

#[tokio::test]
async fn delete_message() {
    let server = MockServer::start_async().await;
    let wire = Wire {
        method: "DELETE",
        ..get("/rooms/5/messages/1928374655918273645")
    };
    let (m, ex) = mock_example(&server, "delete_message", wire).await;
    let deleted = client(&server)
        .delete_message()
        .room_id(5)
        .message_id("1928374655918273645")
        .send()
        .await
        .unwrap();
    m.assert_async().await;
    assert_eq!(deleted.message_id.as_str(), "1928374655918273645");
    assert_lossless(deleted.value(), &ex);
}
