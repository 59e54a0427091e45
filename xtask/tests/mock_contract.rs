//! Every answer of the local Chatwork (`chatwork-mock`) passes the checks the recorded
//! fixtures pass: schema, no undescribed field, declared headers, lossless decoding into the
//! SDK's types. All 32 operations are driven over HTTP, as Alice.

use std::collections::BTreeSet;

use chatwork_mock::MockServer;
use xtask::{Fixture, Project, check};

struct Driver {
    http: reqwest::Client,
    base: String,
    token: String,
    recorded: Vec<Fixture>,
}

impl Driver {
    async fn call(
        &mut self,
        operation: &str,
        method: &str,
        path: &str,
        form: &[(&str, &str)],
    ) -> serde_json::Value {
        let url = format!("{}{path}", self.base);
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .http
            .request(method.clone(), url)
            .header("x-chatworktoken", &self.token);
        if method != reqwest::Method::GET && !form.is_empty() {
            request = request.form(form);
        }
        self.record(operation, request.send().await.unwrap()).await
    }

    async fn record(&mut self, operation: &str, response: reqwest::Response) -> serde_json::Value {
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let body = response.bytes().await.unwrap().to_vec();
        self.recorded.push(Fixture {
            operation: operation.to_owned(),
            file: format!("mock/{operation}/{status}.http"),
            file_status: Some(status),
            status,
            headers,
            body: body.clone(),
        });
        serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null)
    }
}

#[tokio::test]
async fn every_answer_of_the_local_chatwork_matches_the_spec() {
    let mock = MockServer::start().await;
    let mut d = Driver {
        http: reqwest::Client::new(),
        base: mock.base_url(),
        token: mock.token("alice"),
        recorded: Vec::new(),
    };
    d.call("get_me", "GET", "/me", &[]).await;
    d.call("get_my_status", "GET", "/my/status", &[]).await;
    d.call("list_contacts", "GET", "/contacts", &[]).await;
    let rooms = d.call("list_rooms", "GET", "/rooms", &[]).await;
    let p = rooms
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Project")
        .unwrap()["room_id"]
        .to_string();
    let room = format!("/rooms/{p}");
    d.call("get_room", "GET", &room, &[]).await;
    d.call("update_room", "PUT", &room, &[("description", "Ship it")])
        .await;
    d.call("list_members", "GET", &format!("{room}/members"), &[])
        .await;
    let created = d
        .call(
            "create_room",
            "POST",
            "/rooms",
            &[
                ("name", "Temp"),
                ("members_admin_ids", "1001"),
                ("members_member_ids", "1002"),
            ],
        )
        .await;
    let temp = format!("/rooms/{}", created["room_id"]);
    d.call(
        "update_members",
        "PUT",
        &format!("{temp}/members"),
        &[
            ("members_admin_ids", "1001"),
            ("members_readonly_ids", "1003"),
        ],
    )
    .await;
    d.call("delete_room", "DELETE", &temp, &[("action_type", "delete")])
        .await;

    let posted = d
        .call(
            "post_message",
            "POST",
            &format!("{room}/messages"),
            &[("body", "hello")],
        )
        .await;
    let message = format!("{room}/messages/{}", posted["message_id"].as_str().unwrap());
    d.call(
        "list_messages",
        "GET",
        &format!("{room}/messages?force=1"),
        &[],
    )
    .await;
    d.call("get_message", "GET", &message, &[]).await;
    d.call("update_message", "PUT", &message, &[("body", "edited")])
        .await;
    d.call(
        "mark_messages_read",
        "PUT",
        &format!("{room}/messages/read"),
        &[],
    )
    .await;
    let id = posted["message_id"].as_str().unwrap().to_owned();
    d.call(
        "mark_messages_unread",
        "PUT",
        &format!("{room}/messages/unread"),
        &[("message_id", &id)],
    )
    .await;
    d.call("delete_message", "DELETE", &message, &[]).await;

    let tasks = d
        .call(
            "create_task",
            "POST",
            &format!("{room}/tasks"),
            &[
                ("body", "Review"),
                ("to_ids", "1001,1002"),
                ("limit", "1900000000"),
                ("limit_type", "date"),
            ],
        )
        .await;
    let task = format!("{room}/tasks/{}", tasks["task_ids"][0]);
    d.call("list_room_tasks", "GET", &format!("{room}/tasks"), &[])
        .await;
    d.call("list_my_tasks", "GET", "/my/tasks", &[]).await;
    d.call("get_task", "GET", &task, &[]).await;
    d.call(
        "update_task_status",
        "PUT",
        &format!("{task}/status"),
        &[("body", "done")],
    )
    .await;

    let upload = upload_request(&d.base, &room);
    let response = d
        .http
        .post(upload.0)
        .header("x-chatworktoken", &d.token)
        .header("content-type", upload.1)
        .body(upload.2)
        .send()
        .await
        .unwrap();
    let file = d.record("upload_file", response).await;
    d.call("list_files", "GET", &format!("{room}/files"), &[])
        .await;
    d.call(
        "get_file",
        "GET",
        &format!("{room}/files/{}?create_download_url=1", file["file_id"]),
        &[],
    )
    .await;

    let link = format!("{room}/link");
    d.call("get_invitation_link", "GET", &link, &[]).await;
    d.call(
        "create_invitation_link",
        "POST",
        &link,
        &[("code", "release-team"), ("need_acceptance", "0")],
    )
    .await;
    d.call(
        "update_invitation_link",
        "PUT",
        &link,
        &[("description", "Join us")],
    )
    .await;
    d.call("delete_invitation_link", "DELETE", &link, &[]).await;

    let requests = d
        .call("list_incoming_requests", "GET", "/incoming_requests", &[])
        .await;
    let request = format!("/incoming_requests/{}", requests[0]["request_id"]);
    d.call("accept_incoming_request", "PUT", &request, &[])
        .await;
    // Nothing left to decline: the documented 404.
    d.call("decline_incoming_request", "DELETE", &request, &[])
        .await;
    // And the documented errors: a missing parameter, a bad token, a stranger's room.
    d.call("post_message", "POST", &format!("{room}/messages"), &[])
        .await;
    d.call("get_room", "GET", "/rooms/999999", &[]).await;
    d.token = "wrong".into();
    d.call("get_me", "GET", "/me", &[]).await;

    let covered: BTreeSet<&str> = d.recorded.iter().map(|f| f.operation.as_str()).collect();
    assert_eq!(covered.len(), 32, "{covered:?}");
    let mut project = Project::load(&Project::default_root()).expect("the project loads");
    project.fixtures = d.recorded.clone();
    let report = check(&project);
    let errors: Vec<&String> = report
        .errors
        .iter()
        .filter(|e| e.contains("mock/"))
        .collect();
    assert!(
        errors.is_empty(),
        "{}",
        errors
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let statuses: BTreeSet<u16> = d.recorded.iter().map(|f| f.status).collect();
    assert_eq!(statuses, BTreeSet::from([200, 204, 400, 401, 404]));
}

/// A multipart upload (URL, content type, body), built by hand as a client would send it.
fn upload_request(base: &str, room: &str) -> (String, String, Vec<u8>) {
    {
        let boundary = "mock-contract-boundary";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nToday's report\r\n--{boundary}--\r\n"
        );
        (
            format!("{base}{room}/files"),
            format!("multipart/form-data; boundary={boundary}"),
            body.into_bytes(),
        )
    }
}
