//! Profiles: several accounts from one machine, each chosen by `--profile` or
//! `CHATWORK_PROFILE`, listed by `auth status`, and named in every error about them.

use super::*;

/// `chatwork ARGS` in `home` against `mock`, with no token in the environment.
async fn in_home(
    mock: &MockServer,
    home: &std::path::Path,
    args: &[&str],
    stdin: Option<&str>,
) -> Run {
    let mut c = command(home);
    c.env("CHATWORK_BASE_URL", mock.base_url()).args(args);
    finish(c.spawn().unwrap(), stdin).await
}

/// Keeps `who`'s API token as `profile` with `chatwork login --with-token`.
async fn token_profile(mock: &MockServer, home: &std::path::Path, profile: &str, who: &str) -> Run {
    let token = format!("{}\n", mock.token(who));
    in_home(
        mock,
        home,
        &["login", "--profile", profile, "--with-token"],
        Some(&token),
    )
    .await
}

#[tokio::test]
async fn each_command_uses_the_profile_it_is_given() {
    let mock = MockServer::start().await;
    let home = home();
    let made = token_profile(&mock, &home, "work", "bob").await.ok();
    let kept = home.join(".config/chatwork/profiles/work/token");
    assert_eq!(
        made.stdout,
        format!(
            "signed in as Bob (1002) in profile work; the token kept in {}\n",
            kept.display()
        )
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert!(!made.stdout.contains(&mock.token("bob")));
    token_profile(&mock, &home, "home", "carol").await.ok();

    let me = |run: Run| run.ok().json()["name"].as_str().unwrap().to_owned();
    assert_eq!(
        me(in_home(&mock, &home, &["--json", "--profile", "work", "me"], None).await),
        "Bob"
    );
    let mut c = command(&home);
    c.env("CHATWORK_BASE_URL", mock.base_url())
        .env("CHATWORK_PROFILE", "home")
        .args(["--json", "me"]);
    assert_eq!(me(finish(c.spawn().unwrap(), None).await), "Carol");
    // A write goes out with the profile's token: the message is Bob's.
    let room = project(&mock).await.to_string();
    in_home(
        &mock,
        &home,
        &["--profile", "work", "messages", "post", &room, "from work"],
        None,
    )
    .await
    .ok();
    let listed = cw(
        &mock,
        "alice",
        &["--json", "messages", "list", &room, "--all"],
        None,
    )
    .await
    .ok()
    .json();
    let last = listed.as_array().unwrap().last().unwrap();
    assert_eq!(
        (last["body"].as_str(), last["account"]["name"].as_str()),
        (Some("from work"), Some("Bob"))
    );
    let status = in_home(&mock, &home, &["--profile", "work", "auth", "status"], None)
        .await
        .ok();
    assert_eq!(
        status.stdout,
        format!(
            "credential: API token in {}\nbase URL:   {}\naccount:    Bob (1002)\n\nprofiles (* in use):\nPROFILE  CREDENTIAL  ACCOUNT       STATE\nhome     API token   Carol (1003)  kept\nwork *   API token   Bob (1002)    kept\n",
            kept.display(),
            mock.base_url()
        )
    );
    assert!(!status.stdout.contains(&mock.token("carol")));
    let listed = in_home(
        &mock,
        &home,
        &["--json", "--profile", "home", "auth", "status"],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(
        listed["profiles"],
        json!([
            {"profile": "home", "credential": "api_token", "account_id": 1003, "name": "Carol", "state": "kept", "in_use": true},
            {"profile": "work", "credential": "api_token", "account_id": 1002, "name": "Bob", "state": "kept", "in_use": false},
        ])
    );
    // Signed out: the profile is gone, and says how to come back.
    let out = in_home(&mock, &home, &["--profile", "work", "logout"], None)
        .await
        .ok();
    assert_eq!(out.stdout, "signed out of profile work\n");
    assert!(!kept.exists());
    let gone = in_home(&mock, &home, &["--profile", "work", "me"], None).await;
    assert_eq!(gone.code, 3);
}

#[tokio::test]
async fn a_profile_that_cannot_be_used_is_named_with_the_command_that_fixes_it() {
    let mock = MockServer::start().await;
    let home = home();
    token_profile(&mock, &home, "work", "bob").await.ok();
    let missing = in_home(&mock, &home, &["rooms", "list", "--profile", "nope"], None).await;
    assert_eq!(
        (missing.code, missing.stderr.as_str()),
        (
            3,
            "chatwork rooms list: no profile named \"nope\" (hint: sign it in with `chatwork login --profile nope` (or `chatwork login --profile nope --with-token` for an API token); `chatwork auth status` lists the profiles)\n"
        )
    );
    // `auth status` still lists the profiles there are.
    let listed = in_home(&mock, &home, &["--profile", "nope", "auth", "status"], None).await;
    assert_eq!(listed.code, 3);
    assert!(
        listed
            .stdout
            .contains("work     API token   Bob (1002)  kept"),
        "{}",
        listed.stdout
    );

    // A sign-in Chatwork has ended: an expired access token and a refresh token it no
    // longer knows.
    let file = home.join(".config/chatwork/profiles/old/oauth.json");
    let mut saved = signed_in_as_bob(&mock, &file).await;
    saved["expires_at"] = json!(1);
    saved["refresh_token"] = json!("refresh-expired-long-ago");
    std::fs::write(&file, saved.to_string()).unwrap();
    let ended = in_home(&mock, &home, &["--profile", "old", "me"], None).await;
    assert_eq!(ended.code, 3, "{}", ended.stderr);
    assert!(
        ended
            .stderr
            .ends_with("(hint: the sign-in has ended: run `chatwork login --profile old` again)\n"),
        "{}",
        ended.stderr
    );
    // Once marked as ended in the file, it is named before any call.
    let again = in_home(&mock, &home, &["--profile", "old", "me"], None).await;
    assert_eq!(
        (again.code, again.stderr.as_str()),
        (
            3,
            "chatwork me: the sign-in of profile \"old\" has ended: Chatwork refused its refresh token (invalid_grant) (hint: run `chatwork login --profile old` again)\n"
        )
    );
    let status = in_home(
        &mock,
        &home,
        &["--json", "--profile", "work", "auth", "status"],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(status["profiles"][0]["profile"], "old");
    assert_eq!(
        status["profiles"][0]["state"],
        "ended (Chatwork refused its refresh token (invalid_grant)): run `chatwork login --profile old`"
    );

    // One credential at a time.
    let mut c = command(&home);
    c.env("CHATWORK_BASE_URL", mock.base_url())
        .env("CHATWORK_API_TOKEN", mock.token("alice"))
        .args(["--profile", "work", "me"]);
    let both = finish(c.spawn().unwrap(), None).await;
    assert_eq!(
        (both.code, both.stderr.as_str()),
        (
            2,
            "chatwork me: --profile work and CHATWORK_API_TOKEN both choose a credential (hint: give one of them)\n"
        )
    );
    let two = in_home(&mock, &home, &["--profile", "work,old", "me"], None).await;
    assert_eq!(two.code, 2, "{}", two.stderr);
    let bad = in_home(&mock, &home, &["--profile", "../x", "me"], None).await;
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    // A bad token is not kept.
    let refused = in_home(
        &mock,
        &home,
        &["login", "--profile", "typo", "--with-token"],
        Some("nope\n"),
    )
    .await;
    assert_eq!(refused.code, 3, "{}", refused.stderr);
    assert!(!home.join(".config/chatwork/profiles/typo/token").exists());
}

#[tokio::test]
async fn an_oauth_sign_in_is_kept_as_the_profile_it_names() {
    use tokio::io::{AsyncBufReadExt, BufReader};
    let mock = MockServer::start().await;
    let origin = mock.origin();
    let home = home();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let redirect = format!("http://127.0.0.1:{port}/callback");
    let mut c = command(&home);
    c.env("CHATWORK_BASE_URL", mock.base_url())
        .env(
            "CHATWORK_OAUTH_AUTHORIZE_URL",
            format!("{origin}/mock/oauth/authorize"),
        )
        .env(
            "CHATWORK_OAUTH_TOKEN_URL",
            format!("{origin}/mock/oauth/token"),
        )
        .args([
            "login",
            "--profile",
            "work",
            "--client-id",
            "desk",
            "--redirect-uri",
            &redirect,
        ]);
    let mut child = c.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next_line().await.unwrap().expect("the consent URL");
        if line.starts_with("http") {
            break line;
        }
    };
    let page = reqwest::get(format!("{url}&mock_user=carol"))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let mut rest = Vec::new();
    while let Some(line) = lines.next_line().await.unwrap() {
        rest.push(line);
    }
    assert!(child.wait().await.unwrap().success(), "{rest:?}");
    let file = home.join(".config/chatwork/profiles/work/oauth.json");
    assert_eq!(
        rest.last().unwrap(),
        &format!(
            "signed in as Carol (1003) in profile work; tokens kept in {}",
            file.display()
        )
    );
    // Not the default profile's file: only the named profile signs in as Carol.
    assert!(!home.join(".config/chatwork/oauth.json").exists());
    let me = in_home(&mock, &home, &["--json", "--profile", "work", "me"], None)
        .await
        .ok()
        .json();
    assert_eq!(me["name"], "Carol");
    let status = in_home(&mock, &home, &["--profile", "work", "auth", "status"], None)
        .await
        .ok()
        .stdout;
    assert!(
        status.contains("work *   OAuth       Carol (1003)  signed in"),
        "{status}"
    );
}
