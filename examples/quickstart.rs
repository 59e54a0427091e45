//! A tour of the client.
//!
//! - Without `CHATWORK_API_TOKEN`, it runs offline against an in-process local Chatwork
//!   (`chatwork-mock`, seeded with Alice, Bob and Carol): messages posted appear for the other
//!   account, tasks get completed, a file goes up and comes back down, a contact request is
//!   approved.
//! - With `CHATWORK_API_TOKEN`, it calls the real API, read-only; set `CHATWORK_ROOM_ID`
//!   as well to also post a message and create a task in that room.
//!
//! ```text
//! cargo run --example quickstart
//! ```

use chatwork::model::TaskStatus;
use chatwork::{Client, Credentials, Error};
use chatwork_mock::MockServer;

/// What only the offline tour can do: a second account sees the first one's changes.
async fn offline_state_changes(mock: &MockServer, alice: &Client, room: i64) -> Result<(), Error> {
    let bob = Client::builder(Credentials::api_token(mock.token("bob")))
        .base_url(mock.base_url())
        .build()?;
    println!("\n-- offline: Bob's view of Alice's changes --");
    let new = bob.list_messages().room_id(room).send().await?;
    for m in new.iter() {
        println!(
            "Bob receives {} from {}: {:?}",
            m.message_id, m.account.name, m.body
        );
    }
    let again = bob.list_messages().room_id(room).send().await?;
    println!(
        "Bob asks again: {} new (status {})",
        again.len(),
        again.status()
    );
    for task in bob
        .list_my_tasks()
        .status(TaskStatus::Open)
        .send()
        .await?
        .iter()
    {
        bob.update_task_status()
            .room_id(room)
            .task_id(task.task_id)
            .status(TaskStatus::Done)
            .send()
            .await?;
        println!("Bob completes task {}: {:?}", task.task_id, task.body);
    }
    let done = alice
        .list_room_tasks()
        .room_id(room)
        .status(TaskStatus::Done)
        .send()
        .await?;
    println!("Alice sees {} done task(s)", done.len());
    let uploaded = alice
        .upload_file()
        .room_id(room)
        .file("report.csv", b"build,tests\n42,171\n".to_vec())
        .content_type("text/csv")
        .message("Today's report")
        .send()
        .await?;
    let file = bob
        .get_file()
        .room_id(room)
        .file_id(uploaded.file_id)
        .create_download_url(true)
        .send()
        .await?;
    println!(
        "file {} {:?} ({} bytes): download URL valid 30 s: {}",
        file.file_id,
        file.filename,
        file.filesize,
        file.download_url.as_deref().unwrap_or("-")
    );
    for request in alice.list_incoming_requests().send().await?.iter() {
        let contact = alice
            .accept_incoming_request()
            .request_id(request.request_id)
            .send()
            .await?;
        println!(
            "Alice approves {}'s contact request: direct chat {}",
            contact.name, contact.room_id
        );
    }
    println!(
        "the local Chatwork received {} requests",
        mock.requests().len()
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let (client, room_for_writes, mock) = match std::env::var("CHATWORK_API_TOKEN") {
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
            let mock = MockServer::start().await;
            println!(
                "CHATWORK_API_TOKEN is unset: running offline against a local Chatwork at {}",
                mock.base_url()
            );
            let client = Client::builder(Credentials::api_token(mock.token("alice")))
                .base_url(mock.base_url())
                .build()?;
            let project = client
                .list_rooms()
                .send()
                .await?
                .iter()
                .find(|r| r.name == "Project")
                .map(|r| r.room_id.get());
            (client, project, Some(mock))
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
            .to_ids(match &mock {
                // Offline, the task goes to Bob, who completes it below.
                Some(_) => vec![me.account_id.get(), 1002],
                None => vec![me.account_id.get()],
            })
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
        if let Some(mock) = &mock {
            offline_state_changes(mock, &client, room).await?;
        }
    }
    Ok(())
}
