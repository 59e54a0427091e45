//! A tour of the client.
//!
//! - Without `CHATWORK_API_TOKEN`, it runs offline: an in-process mock on loopback answers
//!   every operation with the example from the embedded `spec/chatwork.yaml`.
//! - With `CHATWORK_API_TOKEN`, it calls the real API, read-only; set `CHATWORK_ROOM_ID`
//!   as well to also post a message and create a task in that room.
//!
//! ```text
//! cargo run --example quickstart
//! ```

use chatwork::model::TaskStatus;
use chatwork::{Client, Error};
use httpmock::MockServer;
use serde_json::Value;

const SPEC: &str = include_str!("../spec/chatwork.yaml");

/// Serves every operation's 200 (or 204) example from the spec.
async fn offline_chatwork() -> MockServer {
    let server = MockServer::start_async().await;
    let spec: Value = serde_yaml::from_str(SPEC).expect("the embedded spec parses");
    for (path, item) in spec["paths"].as_object().expect("paths") {
        let pattern = format!(
            "^{}$",
            path.split('/')
                .map(|seg| if seg.starts_with('{') { "[0-9]+" } else { seg })
                .collect::<Vec<_>>()
                .join("/")
        );
        for (method, op) in item.as_object().expect("path item") {
            let Some(responses) = op.get("responses") else {
                continue;
            };
            let (status, body) =
                match responses["200"]["content"]["application/json"].get("example") {
                    Some(example) => (200, example.to_string()),
                    None => (204, String::new()),
                };
            let method = method.to_uppercase();
            let pattern = pattern.clone();
            server
                .mock_async(move |when, then| {
                    when.method(method.as_str()).path_matches(pattern.as_str());
                    then.status(status)
                        .header("content-type", "application/json")
                        .header("x-ratelimit-limit", "300")
                        .header("x-ratelimit-remaining", "299")
                        .header("x-ratelimit-reset", "1700000300")
                        .body(body);
                })
                .await;
        }
    }
    server
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let (client, room_for_writes, _mock) = match std::env::var("CHATWORK_API_TOKEN") {
        Ok(token) if !token.trim().is_empty() => {
            println!(
                "CHATWORK_API_TOKEN is set: calling https://api.chatwork.com/v2 (read-only unless CHATWORK_ROOM_ID is set)"
            );
            let room = std::env::var("CHATWORK_ROOM_ID")
                .ok()
                .and_then(|r| r.parse::<i64>().ok());
            (Client::new(token)?, room, None)
        }
        _ => {
            let server = offline_chatwork().await;
            println!(
                "CHATWORK_API_TOKEN is unset: running offline against the spec's examples at {}",
                server.base_url()
            );
            let client = Client::builder(chatwork::Credentials::api_token("offline-example-token"))
                .base_url(server.base_url())
                .build()?;
            (client, Some(123), Some(server))
        }
    };

    let me = client.get_me().send().await?;
    println!(
        "me: {} (account {}, my chat {})",
        me.name, me.account_id, me.room_id
    );
    if let Some(rate) = me.rate_limit() {
        println!(
            "rate limit: {}/{} left, resets at {}",
            rate.remaining, rate.limit, rate.reset
        );
    }

    let rooms = client.list_rooms().limit(5).send().await?;
    for room in rooms.iter() {
        println!(
            "room {} {:?} [{}] unread {}",
            room.room_id, room.name, room.type_, room.unread_num
        );
    }
    if rooms.omitted() > 0 {
        println!("... and {} more rooms", rooms.omitted());
    }

    let contacts = client.list_contacts().limit(3).send().await?;
    println!(
        "contacts: {}",
        contacts
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );

    let requests = client.list_incoming_requests().send().await?;
    println!("pending contact requests: {}", requests.len());

    let tasks = client
        .list_my_tasks()
        .status(TaskStatus::Open)
        .limit(10)
        .send()
        .await?;
    for task in tasks.iter() {
        println!(
            "my task {} in {:?}: {:?} (due {})",
            task.task_id, task.room.name, task.body, task.limit_time
        );
    }

    if let Some(room) = room_for_writes {
        let posted = client
            .post_message()
            .room_id(room)
            .body("[info][title]CI[/title]build #42 passed[/info]")
            .send()
            .await?;
        println!("posted message {}", posted.message_id);

        let messages = client
            .list_messages()
            .room_id(room)
            .force(true)
            .limit(3)
            .send()
            .await?;
        for m in messages.iter() {
            println!(
                "message {} by {}: {:?}",
                m.message_id, m.account.name, m.body
            );
        }

        let created = client
            .create_task()
            .room_id(room)
            .body("Review the release notes")
            .to_ids([me.account_id])
            .deadline_type("none")
            .send()
            .await?;
        println!(
            "created tasks {:?}",
            created.task_ids.iter().map(|t| t.get()).collect::<Vec<_>>()
        );

        let files = client.list_files().room_id(room).limit(1).send().await?;
        if let Some(file) = files.first() {
            let file = client
                .get_file()
                .room_id(room)
                .file_id(file.file_id)
                .create_download_url(true)
                .send()
                .await?;
            println!(
                "file {} {:?}: download URL (valid 30 s) {:?}",
                file.file_id, file.filename, file.download_url
            );
        }
    }
    Ok(())
}
