//! Rate-limit waits, examples, local options, limits, pasted paths, completion and the version.

use super::*;

/// A rate-limit wait longer than 2 s is announced on stderr (what limit, until when), and
/// `--max-wait` turns a wait longer than it into exit 6 at once.
#[tokio::test]
async fn rate_limit_waits_are_announced_and_bounded_by_max_wait() {
    let short = MockServer::start_with(
        Seed::demo(),
        Limits {
            requests: 1,
            window: Duration::from_secs(3),
            ..Limits::default()
        },
    )
    .await;
    // The room lookup spends the budget; the post waits for the reset.
    let started = std::time::Instant::now();
    let posted = cw(
        &short,
        "alice",
        &["messages", "post", "Project", "hi"],
        None,
    )
    .await
    .ok();
    assert!(started.elapsed() >= Duration::from_secs(2));
    let announced: Vec<&str> = posted
        .stderr
        .lines()
        .filter(|l| l.starts_with("chatwork: the token's request budget is spent"))
        .collect();
    assert_eq!(announced.len(), 1, "{}", posted.stderr);
    assert!(
        announced[0].contains(": waiting ") && announced[0].contains(" s, until "),
        "{}",
        announced[0]
    );

    let long = MockServer::start_with(
        Seed::demo(),
        Limits {
            requests: 1,
            window: Duration::from_secs(600),
            ..Limits::default()
        },
    )
    .await;
    let started = std::time::Instant::now();
    let refused = cw(
        &long,
        "alice",
        &["--max-wait", "1s", "messages", "post", "Project", "hi"],
        None,
    )
    .await;
    assert_eq!(refused.code, 6, "{}", refused.stderr);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        refused.stderr.contains("answered 429"),
        "{}",
        refused.stderr
    );
    let bad = cw(&long, "alice", &["--max-wait", "soon", "me"], None).await;
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

/// Every example of `chatwork --help` and of the README's shell transcript runs as written
/// (offline, on the local Chatwork), so that none can rot.
#[tokio::test]
async fn every_help_and_readme_example_runs() {
    let dir = home();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_chatwork"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |line: String| {
        // As `command` does: a clean environment, no token, UTC; `chatwork` on the PATH.
        let mut c = tokio::process::Command::new("sh");
        c.env_clear()
            .env("PATH", &path)
            .env("HOME", &dir)
            .env("TZ", "UTC")
            .env("CHATWORK_MOCK_STATE", dir.join("local.json"))
            .current_dir(&dir)
            .args(["-c", &line])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        async move { (line.clone(), finish(c.spawn().unwrap(), None).await) }
    };
    let mut c = command(&dir);
    c.arg("--help");
    let help = finish(c.spawn().unwrap(), None).await.ok().stdout;
    let examples: Vec<String> = help
        .split("Examples:")
        .nth(1)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| l.contains("chatwork "))
        .map(str::to_owned)
        .collect();
    assert!(examples.len() >= 5, "{help}");
    let readme = include_str!("../../../README.md");
    let shell = readme
        .split("## Try it from a shell")
        .nth(1)
        .unwrap()
        .split("```")
        .nth(1)
        .unwrap();
    let transcript: Vec<String> = shell
        .lines()
        .filter_map(|l| l.strip_prefix("$ chatwork "))
        .map(|l| format!("chatwork {l}"))
        .collect();
    assert!(transcript.len() >= 4, "{shell}");
    for line in examples.into_iter().chain(transcript) {
        let (line, ran) = run(line).await;
        // Deleting without a terminal to confirm on is refused, as the transcript shows.
        let expected = if line.contains("rooms delete") { 2 } else { 0 };
        assert_eq!(ran.code, expected, "{line}\n{}", ran.stderr);
    }
}

/// The local Chatwork's options with a real token are an error, not silently ignored (the
/// command would go to the real account); with `--mock` they apply.
#[tokio::test]
async fn local_options_with_a_token_are_refused() {
    let mock = MockServer::start().await;
    for args in [
        vec!["--mock-user", "bob", "me"],
        vec!["me", "--mock-state", "/tmp/x.json"],
    ] {
        let refused = cw(&mock, "alice", &args, None).await;
        assert_eq!(refused.code, 2, "{args:?}: {}", refused.stderr);
        assert!(
            refused
                .stderr
                .contains("is for the local Chatwork, but a token is set (CHATWORK_API_TOKEN)"),
            "{}",
            refused.stderr
        );
        assert_eq!(mock.requests().len(), 0);
    }
    // From the environment, the state file is only a default: no error.
    let dir = home();
    let mut c = command(&dir);
    c.env("CHATWORK_API_TOKEN", mock.token("alice"))
        .env("CHATWORK_BASE_URL", mock.base_url())
        .env("CHATWORK_MOCK_STATE", dir.join("local.json"))
        .args(["--json", "me"]);
    let me = finish(c.spawn().unwrap(), None).await.ok().json();
    assert_eq!(me["account_id"], 1001);
    let mut c = command(&dir);
    c.env("CHATWORK_API_TOKEN", mock.token("alice"))
        .env("CHATWORK_MOCK_STATE", dir.join("local.json"))
        .args(["--json", "--mock", "--mock-user", "bob", "me"]);
    let bob = finish(c.spawn().unwrap(), None).await.ok().json();
    assert_eq!(bob["account_id"], 1002);
}

/// `--limit` on a list that uses up new messages says how many it left out and how to see them.
#[tokio::test]
async fn a_limited_list_of_new_messages_says_what_it_left_out() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    for text in ["one", "two", "three"] {
        cw(&mock, "alice", &["messages", "post", &room, text], None)
            .await
            .ok();
    }
    let listed = cw(
        &mock,
        "bob",
        &["--json", "messages", "list", &room, "--limit", "1"],
        None,
    )
    .await
    .ok();
    assert_eq!(listed.json().as_array().unwrap().len(), 1);
    assert_eq!(
        listed.stderr,
        format!(
            "chatwork: 2 more message(s) were not shown and are no longer new; `chatwork messages list {room} --all` shows the latest 100\n"
        )
    );
    let again = cw(&mock, "bob", &["messages", "list", &room], None)
        .await
        .ok();
    assert_eq!(again.stdout, "ID  FROM  SENT  BODY\n(none)\n");
}

/// `api` takes what users paste: a query in the path, `/v2/...`, a full URL under the base URL
/// (and no other).
#[tokio::test]
async fn api_takes_pasted_paths_and_urls() {
    let mock = MockServer::start().await;
    let room = project(&mock).await;
    cw(
        &mock,
        "alice",
        &["messages", "post", &room.to_string(), "hello"],
        None,
    )
    .await
    .ok();
    for path in [
        format!("/v2/rooms/{room}/messages/?force=1"),
        format!("{}/rooms/{room}/messages?force=1", mock.base_url()),
    ] {
        let got = cw(&mock, "bob", &["api", "GET", &path], None).await.ok();
        let list: Value = serde_json::from_str(&got.stdout).unwrap();
        assert_eq!(list[0]["body"], "hello", "{path}");
    }
    let last = mock.requests().pop().unwrap();
    assert_eq!(last.path, format!("/v2/rooms/{room}/messages"));
    let elsewhere = cw(
        &mock,
        "bob",
        &["api", "GET", "https://api.chatwork.com/v2/me"],
        None,
    )
    .await;
    assert_eq!(elsewhere.code, 2, "{}", elsewhere.stderr);
    assert!(elsewhere.stderr.contains("is not under the base URL"));
}

/// Shell completion (`source <(COMPLETE=bash chatwork)`) completes room names and IDs from the
/// credential in the environment, here the local Chatwork; it prints nothing else.
#[tokio::test]
async fn completion_offers_room_names_and_ids() {
    let dir = home();
    let complete = |words: &'static [&'static str]| {
        let mut c = command(&dir);
        c.env("COMPLETE", "fish")
            .args(["--", "chatwork"])
            .args(words);
        async move { finish(c.spawn().unwrap(), None).await }
    };
    let names = complete(&["rooms", "get", "Pr"]).await.ok();
    assert_eq!(names.stdout, "Project\troom 106\n");
    assert_eq!(names.stderr, "");
    let ids = complete(&["messages", "list", "10"]).await.ok();
    assert_eq!(
        ids.stdout,
        "101\tAlice\n104\tBob\n105\tCarol\n106\tProject\n"
    );
}

#[test]
fn the_version_names_the_sdk_the_api_and_the_build() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_chatwork"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "chatwork {} (chatwork-sdk {}, Chatwork API v2, ",
        env!("CARGO_PKG_VERSION"),
        chatwork::VERSION
    );
    assert!(text.starts_with(&expected), "{text}");
    let build = text.trim_end().trim_start_matches(&expected);
    assert!(
        (build.starts_with("commit ") && build.len() >= "commit 0123456789ab)".len())
            || build == "from the published package)",
        "{text}"
    );
}
