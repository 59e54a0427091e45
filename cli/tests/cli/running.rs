//! Exit codes, webhooks, offline state, completions, help, and sign-in.

use super::*;

#[tokio::test]
async fn every_failure_class_has_its_exit_code() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    // 2: usage (clap) and an unknown or ambiguous name.
    let usage = cw(&mock, "alice", &["rooms", "frobnicate"], None).await;
    assert_eq!(usage.code, 2);
    let unknown = cw(&mock, "alice", &["rooms", "get", "Nowhere"], None).await;
    assert_eq!(
        (unknown.code, unknown.stderr.as_str()),
        (
            2,
            "chatwork rooms get: no room named \"Nowhere\" (hint: `chatwork rooms list` shows them; an ID works too)\n"
        )
    );
    for _ in 0..2 {
        cw(
            &mock,
            "alice",
            &["rooms", "create", "Dup", "--admin", "Alice"],
            None,
        )
        .await
        .ok();
    }
    let ambiguous = cw(&mock, "alice", &["rooms", "get", "dup"], None).await;
    assert_eq!(ambiguous.code, 2);
    assert!(
        ambiguous
            .stderr
            .starts_with("chatwork rooms get: \"dup\" matches 2 rooms: "),
        "{}",
        ambiguous.stderr
    );
    // 2: refused by Chatwork (400).
    let refused = cw(
        &mock,
        "alice",
        &["rooms", "update", &room, "--icon", "unicorn"],
        None,
    )
    .await;
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    // 3: a wrong token.
    let mut c = command(&home());
    c.env("CHATWORK_API_TOKEN", "wrong")
        .env("CHATWORK_BASE_URL", mock.base_url())
        .arg("me");
    let auth = finish(c.spawn().unwrap(), None).await;
    assert_eq!(auth.code, 3);
    assert_eq!(
        auth.stderr,
        "chatwork me: Chatwork answered 401: Invalid API token (hint: check CHATWORK_API_TOKEN or the token file)\n"
    );
    // 3: no token with an explicit base URL.
    let mut c = command(&home());
    c.env("CHATWORK_BASE_URL", mock.base_url()).arg("me");
    assert_eq!(finish(c.spawn().unwrap(), None).await.code, 3);
    // 4: Carol is read-only.
    let readonly = cw(&mock, "carol", &["messages", "post", &room, "hi"], None).await;
    assert_eq!(readonly.code, 4);
    // 5: not found.
    assert_eq!(
        cw(&mock, "alice", &["tasks", "get", &room, "424242"], None)
            .await
            .code,
        5
    );
    // 7: nothing listening.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/v2", l.local_addr().unwrap())
    };
    let mut c = command(&home());
    c.env("CHATWORK_API_TOKEN", "x")
        .env("CHATWORK_BASE_URL", &closed)
        .arg("me");
    let network = finish(c.spawn().unwrap(), None).await;
    assert_eq!(network.code, 7, "{}", network.stderr);
    assert!(
        network
            .stderr
            .ends_with("(hint: check the network and --base-url)\n"),
        "{}",
        network.stderr
    );
    // The causes, each once, down to the refused connection.
    assert!(
        network
            .stderr
            .starts_with("chatwork me: get_me: could not connect: error sending request"),
        "{}",
        network.stderr
    );
    assert_eq!(
        network
            .stderr
            .to_ascii_lowercase()
            .matches("connection refused")
            .count(),
        1,
        "{}",
        network.stderr
    );

    // 6: rate limited, with the reset time in the hint.
    let tight = MockServer::start_with(
        Seed::demo(),
        Limits {
            requests: 1,
            window: Duration::from_secs(3600),
            ..Limits::default()
        },
    )
    .await;
    cw(&tight, "alice", &["me"], None).await.ok();
    let limited = cw(&tight, "alice", &["me"], None).await;
    assert_eq!(limited.code, 6, "{}", limited.stderr);
    assert!(
        limited.stderr.starts_with("chatwork me: Chatwork answered 429: Rate limit exceeded (hint: the budget of 1 requests resets at "),
        "{}",
        limited.stderr
    );
}

#[tokio::test]
async fn webhooks_are_signed_and_received() {
    let token = "Y2hhdHdvcmstY2xpLXdlYmhvb2stdG9rZW4=";
    let body = r#"{"webhook_setting_id":"1"}"#;
    let mut c = command(&home());
    c.env("CHATWORK_WEBHOOK_TOKEN", token)
        .args(["webhook", "sign", body]);
    let signed = finish(c.spawn().unwrap(), None).await.ok();
    assert_eq!(
        signed.stdout.trim(),
        chatwork::webhook::sign(token, body.as_bytes()).unwrap()
    );
    let mut c = command(&home());
    c.args(["webhook", "sign", body]);
    assert_eq!(
        finish(c.spawn().unwrap(), None).await.code,
        3,
        "no webhook token"
    );
    // The API token's file is never taken for the webhook token, from the environment or
    // from the global option; the webhook token's own file is.
    let dir = home();
    let api_token = dir.join("api-token");
    std::fs::write(&api_token, "the-api-token").unwrap();
    let webhook_token = dir.join("webhook-token");
    std::fs::write(&webhook_token, format!("{token}\n")).unwrap();
    let expected = chatwork::webhook::sign(token, body.as_bytes()).unwrap();
    for args in [
        vec!["webhook", "sign", body],
        vec![
            "--token-file",
            api_token.to_str().unwrap(),
            "webhook",
            "sign",
            body,
        ],
    ] {
        let mut c = command(&dir);
        c.env("CHATWORK_TOKEN_FILE", &api_token)
            .env("CHATWORK_WEBHOOK_TOKEN", token)
            .args(&args);
        let signed = finish(c.spawn().unwrap(), None).await.ok();
        assert_eq!(signed.stdout.trim(), expected, "{args:?}");
    }
    let mut c = command(&dir);
    c.env("CHATWORK_TOKEN_FILE", &api_token).args([
        "webhook",
        "sign",
        body,
        "--webhook-token-file",
        webhook_token.to_str().unwrap(),
    ]);
    let signed = finish(c.spawn().unwrap(), None).await.ok();
    assert_eq!(signed.stdout.trim(), expected);
    assert!(
        signed.stderr.contains("can be read by other users"),
        "{}",
        signed.stderr
    );

    // `listen` on a free port; the local Chatwork delivers a signed event to it.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mock = MockServer::start().await;
    let mut c = command(&home());
    c.env("CHATWORK_WEBHOOK_TOKEN", token).args([
        "webhook",
        "listen",
        "--port",
        &port.to_string(),
        "--count",
        "1",
    ]);
    let child = c.spawn().unwrap();
    let room = project(&mock).await;
    mock.register_webhook(
        "alice",
        NewWebhook::room(room, format!("http://127.0.0.1:{port}/")).token(token),
    )
    .unwrap();
    // Wait for the listener, then post.
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    cw(
        &mock,
        "bob",
        &["messages", "post", &room.to_string(), "deploy done"],
        None,
    )
    .await
    .ok();
    let run = finish(child, None).await.ok();
    let event: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(event["webhook_event_type"], "message_created");
    assert_eq!(event["room_id"], room);
    assert_eq!(event["webhook_event"]["body"], "deploy done");
    assert_eq!(event["webhook_event"]["account_id"], 1002);
    // The delivery's outcome is recorded once its answer has arrived.
    let deliveries = mock.wait_for_deliveries(1, Duration::from_secs(5)).await;
    assert!(deliveries[0].succeeded());
}

#[tokio::test]
async fn offline_runs_keep_their_state_and_say_so() {
    let dir = home();
    let state = dir.join("local.json");
    let run = |args: &'static [&'static str]| {
        let mut c = command(&dir);
        c.env("CHATWORK_MOCK_STATE", &state).args(args);
        async move { finish(c.spawn().unwrap(), None).await }
    };
    let posted = run(&["messages", "post", "Project", "offline hello"])
        .await
        .ok();
    assert!(posted.stderr.starts_with(
        "chatwork: no CHATWORK_API_TOKEN: using a local Chatwork as alice (state in "
    ));
    let listed = run(&[
        "--json",
        "--mock-user",
        "bob",
        "messages",
        "list",
        "Project",
    ])
    .await
    .ok();
    let bodies: Vec<String> = listed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(bodies, ["offline hello"]);
    let nobody = run(&["--mock-user", "mallory", "me"]).await;
    assert_eq!(nobody.code, 2);
}

#[tokio::test]
async fn completions_and_help() {
    let dir = home();
    for shell in ["bash", "zsh", "fish"] {
        let mut c = command(&dir);
        c.args(["completions", shell]);
        let out = finish(c.spawn().unwrap(), None).await.ok();
        assert!(out.stdout.contains("chatwork"), "{shell}");
        assert!(out.stdout.contains("messages"), "{shell}");
    }
    let mut c = command(&dir);
    c.arg("--help");
    let help = finish(c.spawn().unwrap(), None).await.ok().stdout;
    assert!(help.contains("Exit codes:"));
    assert!(help.contains("6  rate limited (429)"));
    // The manual page, in roff, with every command.
    let mut c = command(&dir);
    c.arg("man");
    let man = finish(c.spawn().unwrap(), None).await.ok().stdout;
    assert!(man.contains(".TH chatwork 1"), "{man}");
    assert!(man.contains("messages"));
    // A closed pipe ends quietly: no panic, exit 0.
    let mut c = command(&dir);
    c.args(["completions", "bash"]).stdout(Stdio::piped());
    let mut child = c.spawn().unwrap();
    drop(child.stdout.take());
    let status = child.wait().await.unwrap();
    assert_eq!(status.code(), Some(0));
}

#[tokio::test]
async fn login_keeps_the_tokens_private_refreshes_them_and_logout_forgets_them() {
    use tokio::io::{AsyncBufReadExt, BufReader};
    let mock = MockServer::start().await;
    let dir = home();
    let origin = mock.origin();
    let with_oauth = |c: &mut tokio::process::Command| {
        c.env("CHATWORK_BASE_URL", mock.base_url())
            .env(
                "CHATWORK_OAUTH_AUTHORIZE_URL",
                format!("{origin}/mock/oauth/authorize"),
            )
            .env(
                "CHATWORK_OAUTH_TOKEN_URL",
                format!("{origin}/mock/oauth/token"),
            );
    };
    let mut c = command(&dir);
    with_oauth(&mut c);
    c.args([
        "login",
        "--client-id",
        "cli-test",
        "--redirect-uri",
        "https://example.invalid/cb",
    ]);
    let mut child = c.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next_line().await.unwrap().expect("the consent URL");
        if line.starts_with("http") {
            break line;
        }
    };
    assert!(
        url.contains("client_id=cli-test") && url.contains("code_challenge_method=S256"),
        "{url}"
    );
    // The browser: Bob clicks "Allow"; the address it is sent to is pasted.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let allowed = http
        .get(format!("{url}&mock_user=bob"))
        .send()
        .await
        .unwrap();
    let location = allowed.headers()["location"].to_str().unwrap().to_owned();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(format!("{location}\n").as_bytes())
        .await
        .unwrap();
    drop(stdin);
    let mut rest = Vec::new();
    while let Some(line) = lines.next_line().await.unwrap() {
        rest.push(line);
    }
    assert!(child.wait().await.unwrap().success(), "{rest:?}");
    let file = dir.join(".config/chatwork/oauth.json");
    assert_eq!(
        rest.last().unwrap(),
        &format!("signed in as Bob (1002); tokens kept in {}", file.display())
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["client_id"], "cli-test");
    assert_eq!(
        saved["scope"],
        "users.all:read rooms.all:read_write contacts.all:read_write offline_access"
    );
    let first = saved["access_token"].as_str().unwrap().to_owned();

    // Later commands use the session, no API token anywhere.
    let me = |dir: std::path::PathBuf| {
        let mut c = command(&dir);
        with_oauth(&mut c);
        c.args(["--json", "me"]);
        async move { finish(c.spawn().unwrap(), None).await }
    };
    assert_eq!(me(dir.clone()).await.ok().json()["account_id"], 1002);
    // Expired: refreshed before the call, and the new tokens are saved.
    let mut expired = saved.clone();
    expired["expires_at"] = json!(1);
    std::fs::write(&file, expired.to_string()).unwrap();
    assert_eq!(me(dir.clone()).await.ok().json()["account_id"], 1002);
    let renewed: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_ne!(renewed["access_token"].as_str().unwrap(), first);
    assert!(renewed["expires_at"].as_u64().unwrap() > 1);

    let mut c = command(&dir);
    c.arg("logout");
    let out = finish(c.spawn().unwrap(), None).await.ok().stdout;
    assert_eq!(out, format!("signed out: removed {}\n", file.display()));
    assert!(!file.exists());
    assert_eq!(
        me(dir.clone()).await.code,
        3,
        "signed out, with a base URL: no token"
    );
}
