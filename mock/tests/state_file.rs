//! `--state FILE`: the state survives a restart, in the library and in the binary.

mod common;
use common::project;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chatwork::{Client, Credentials, RetryPolicy};
use chatwork_mock::{MockServer, NewWebhook};

/// A fresh path under the system's temporary directory.
fn temp_path(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    std::env::temp_dir().join(format!(
        "chatwork-mock-{name}-{}-{nanos}.json",
        std::process::id()
    ))
}

fn client(base_url: &str, token: &str) -> Client {
    Client::builder(Credentials::api_token(token))
        .base_url(base_url)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn the_state_survives_a_restart() {
    let path = temp_path("restart");
    let (room, message_id, file_id) = {
        let mock = MockServer::builder()
            .state_file(&path)
            .start()
            .await
            .unwrap();
        let alice = client(&mock.base_url(), &mock.token("alice"));
        let bob = client(&mock.base_url(), &mock.token("bob"));
        let room = project(&alice).await;
        let posted = alice
            .post_message()
            .room_id(room)
            .body("before the restart")
            .send()
            .await
            .unwrap();
        // Bob's cursor moves past it.
        assert_eq!(
            bob.list_messages()
                .room_id(room)
                .send()
                .await
                .unwrap()
                .len(),
            1
        );
        alice
            .create_task()
            .room_id(room)
            .body("survive")
            .to_ids([1002])
            .send()
            .await
            .unwrap();
        let uploaded = alice
            .upload_file()
            .room_id(room)
            .file("notes.bin", vec![0u8, 1, 2, 255])
            .send()
            .await
            .unwrap();
        mock.register_webhook("alice", NewWebhook::mentions("http://127.0.0.1:9/"))
            .unwrap();
        // Written after each change, before the server stops.
        let until = Instant::now() + Duration::from_secs(5);
        while !std::fs::read_to_string(&path)
            .unwrap_or_default()
            .contains("before the restart")
        {
            assert!(Instant::now() < until, "the state file was not written");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        (room, posted.message_id.clone(), uploaded.file_id)
    };

    let mock = MockServer::builder()
        .state_file(&path)
        .start()
        .await
        .unwrap();
    let alice = client(&mock.base_url(), &mock.token("alice"));
    let bob = client(&mock.base_url(), &mock.token("bob"));
    let all = alice
        .list_messages()
        .room_id(room)
        .force(true)
        .send()
        .await
        .unwrap();
    assert_eq!(
        all.len(),
        3,
        "the post, the task's message and the file's message"
    );
    assert_eq!(all[0].message_id, message_id);
    assert_eq!(all[0].body, "before the restart");
    // Bob's cursor was kept: the first message is not handed out again.
    let unseen = bob.list_messages().room_id(room).send().await.unwrap();
    assert_eq!(unseen.len(), 2);
    let tasks = bob.list_my_tasks().send().await.unwrap();
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0].body, "survive");
    // The file's bytes came back, and a new download URL serves them.
    let file = alice
        .get_file()
        .room_id(room)
        .file_id(file_id)
        .create_download_url(true)
        .send()
        .await
        .unwrap();
    let url = file.download_url.clone().unwrap();
    let bytes = reqwest::get(url).await.unwrap().bytes().await.unwrap();
    assert_eq!(bytes.as_ref(), [0u8, 1, 2, 255]);
    assert_eq!(mock.webhooks().len(), 1);
    // New IDs continue after the old ones.
    let next = alice
        .post_message()
        .room_id(room)
        .body("after")
        .send()
        .await
        .unwrap();
    assert!(
        next.message_id.as_str().parse::<u64>().unwrap()
            > message_id.as_str().parse::<u64>().unwrap()
    );
    drop(mock);
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
async fn a_file_that_is_not_a_state_is_refused() {
    let path = temp_path("broken");
    std::fs::write(&path, "{\"rooms\": 3}").unwrap();
    let err = MockServer::builder()
        .state_file(&path)
        .start()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert!(
        err.to_string().contains("is not a chatwork-mock state"),
        "{err}"
    );
    // The file is left as it was.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"rooms\": 3}");
    let _ = std::fs::remove_file(&path);
}

/// Starts the binary on a free port; returns the child and the base URL it printed.
fn start_binary(state: &std::path::Path) -> (std::process::Child, String, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chatwork-mock"))
        .args(["--port", "0", "--seed", "demo", "--state"])
        .arg(state)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let stop = line.starts_with("(Ctrl-C");
        printed.push(line);
        if stop {
            break;
        }
    }
    let base = printed[0].strip_prefix("base URL: ").unwrap().to_owned();
    (child, base, printed)
}

#[cfg(unix)]
#[tokio::test]
async fn the_binary_prints_its_url_and_tokens_and_keeps_its_state() {
    let path = temp_path("binary");
    let (mut child, base, printed) = start_binary(&path);
    assert!(
        base.starts_with("http://127.0.0.1:") && base.ends_with("/v2"),
        "{base}"
    );
    assert!(
        printed.contains(&"token of alice: alice-token-0001".to_owned()),
        "{printed:?}"
    );
    assert!(printed.contains(&"token of dave: dave-token-0004".to_owned()));
    let alice = client(&base, "alice-token-0001");
    let room = project(&alice).await;
    alice
        .post_message()
        .room_id(room)
        .body("kept by the binary")
        .send()
        .await
        .unwrap();
    // SIGTERM: the binary stops and writes the state.
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(child.wait().unwrap().success());

    let (mut child, base, _) = start_binary(&path);
    let alice = client(&base, "alice-token-0001");
    let all = alice
        .list_messages()
        .room_id(room)
        .force(true)
        .send()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].body, "kept by the binary");
    child.kill().unwrap();
    let _ = child.wait();
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
async fn servers_sharing_a_state_file_see_each_others_changes_and_keep_bytes_outside_the_json() {
    let path = temp_path("shared");
    let a = MockServer::builder()
        .state_file(&path)
        .start()
        .await
        .unwrap();
    let b = MockServer::builder()
        .state_file(&path)
        .start()
        .await
        .unwrap();
    let alice_a = client(&a.base_url(), &a.token("alice"));
    let alice_b = client(&b.base_url(), &b.token("alice"));
    let bob_b = client(&b.base_url(), &b.token("bob"));
    let room = project(&alice_a).await;
    // Posts through both servers at once: every one kept, every ID distinct.
    let posts = (0..8).map(|i| {
        let c = if i % 2 == 0 { &alice_a } else { &alice_b };
        async move {
            c.post_message()
                .room_id(room)
                .body(format!("post {i}"))
                .send()
                .await
                .unwrap()
                .message_id
                .clone()
        }
    });
    let mut ids = futures_util::future::join_all(posts).await;
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 8);
    let seen = bob_b.list_messages().room_id(room).send().await.unwrap();
    assert_eq!(seen.len(), 8);
    // A file uploaded through one server is downloaded through the other; its bytes are
    // beside the JSON, not inside it.
    let bytes = vec![0xA5_u8; 300 * 1024];
    let uploaded = alice_b
        .upload_file()
        .room_id(room)
        .file("blob.bin", bytes.clone())
        .send()
        .await
        .unwrap();
    let file = alice_a
        .get_file()
        .room_id(room)
        .file_id(uploaded.file_id)
        .create_download_url(true)
        .send()
        .await
        .unwrap();
    let url = file.download_url.clone().unwrap();
    assert_eq!(
        reqwest::get(url).await.unwrap().bytes().await.unwrap(),
        bytes
    );
    let json = std::fs::metadata(&path).unwrap().len();
    assert!(json < 64 * 1024, "the state file holds {json} bytes");
    let mut blobs = PathBuf::from(path.as_os_str().to_owned());
    blobs.as_mut_os_string().push(".files");
    assert_eq!(std::fs::read_dir(&blobs).unwrap().count(), 1);
    // Stopping one server writes nothing stale over the other's later changes.
    drop(a);
    alice_b
        .post_message()
        .room_id(room)
        .body("after a stopped")
        .send()
        .await
        .unwrap();
    let c = MockServer::builder()
        .state_file(&path)
        .start()
        .await
        .unwrap();
    let all = client(&c.base_url(), &c.token("carol"))
        .list_messages()
        .room_id(room)
        .force(true)
        .send()
        .await
        .unwrap();
    assert_eq!(all.len(), 10);
    assert_eq!(all.last().unwrap().body, "after a stopped");
}
