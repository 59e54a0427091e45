//! Pipes and files as a shell user meets them: a reader that leaves early, and a state file
//! that cannot be used.

use super::*;

#[tokio::test]
async fn a_reader_that_closes_the_pipe_early_ends_every_command_quietly() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    let dir = home();
    let path = dir.join("big.bin");
    // Larger than a pipe's buffer, so a download is cut short even if the reader were late.
    std::fs::write(&path, vec![7u8; 300 * 1024]).unwrap();
    let up = cw(
        &mock,
        "alice",
        &["--json", "files", "upload", &room, path.to_str().unwrap()],
        None,
    )
    .await
    .ok()
    .json();
    let file = up["file_id"].as_i64().unwrap().to_string();
    for args in [
        vec!["files", "download", &room, &file, "-o", "-"],
        vec!["me"],
        vec!["--json", "rooms", "list"],
        vec!["rooms", "list"],
        vec!["messages", "post", &room, "piped"],
        vec!["api", "GET", "/me"],
        vec!["contacts", "list"],
        vec!["completions", "bash"],
        vec!["man"],
    ] {
        let mut c = command(&dir);
        c.env("CHATWORK_API_TOKEN", mock.token("alice"))
            .env("CHATWORK_BASE_URL", mock.base_url())
            .args(&args);
        let mut child = c.spawn().unwrap();
        // The reader leaves before the command writes a byte (`| head -c 0`).
        drop(child.stdout.take());
        let run = finish(child, None).await;
        // `api` says the status on stderr before the body, as it always does.
        let said = if args[0] == "api" { "HTTP 200\n" } else { "" };
        assert_eq!((run.code, run.stderr.as_str()), (0, said), "{args:?}");
    }
    // The message was posted all the same: a closed pipe loses no side effect.
    let listed = cw(
        &mock,
        "alice",
        &["--json", "messages", "list", &room, "--all"],
        None,
    )
    .await
    .ok()
    .json();
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["body"] == "piped"),
        "{listed}"
    );
}

#[tokio::test]
async fn a_state_file_that_cannot_be_used_is_named_and_left_as_it_is() {
    let dir = home();
    let folder = dir.join("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let corrupt = dir.join("corrupt.json");
    std::fs::write(&corrupt, "{not json").unwrap();
    let plain = dir.join("plain-file");
    std::fs::write(&plain, "x").unwrap();
    let under_a_file = plain.join("state.json");
    for (state, wrong) in [
        (&folder, "is a directory, not a state file"),
        (&corrupt, "is not a chatwork-mock state"),
        (&under_a_file, "is not a directory"),
    ] {
        let mut c = command(&dir);
        c.args(["--mock-state", state.to_str().unwrap(), "me"]);
        let run = finish(c.spawn().unwrap(), None).await;
        assert_eq!(run.code, 2, "{state:?}: {}", run.stderr);
        let named = if state == &under_a_file {
            &plain
        } else {
            state
        };
        assert!(
            run.stderr
                .starts_with("chatwork me: cannot start the local Chatwork: ")
                && run.stderr.contains(&format!("{} {wrong}", named.display()))
                && run.stderr.contains("--mock-state"),
            "{state:?}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "{state:?}");
    }
    // Nothing was overwritten.
    assert!(folder.is_dir());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    assert_eq!(std::fs::read_to_string(&corrupt).unwrap(), "{not json");
    assert_eq!(std::fs::read_to_string(&plain).unwrap(), "x");
}
