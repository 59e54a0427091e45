//! One server for several profiles: the account chosen per call, a gate per profile, and a
//! sign-in that ended named with the command that renews it.

use super::*;

/// `chatwork mcp ARGS` over stdio with `home`'s profiles and no token in the environment.
async fn profiled(mock: &MockServer, home: &std::path::Path, args: &[&str]) -> Client {
    let command = tokio::process::Command::new(env!("CARGO_BIN_EXE_chatwork")).configure(|c| {
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("TZ", "UTC")
            .env("CHATWORK_BASE_URL", mock.base_url())
            .arg("mcp")
            .args(args)
            .kill_on_drop(true);
    });
    let transport = TokioChildProcess::new(command).unwrap();
    Updates::default().serve(transport).await.unwrap()
}

/// Keeps `who`'s API token as `profile`, as `chatwork login --with-token` does.
async fn token_profile(mock: &MockServer, home: &std::path::Path, profile: &str, who: &str) {
    let mut c = tokio::process::Command::new(env!("CARGO_BIN_EXE_chatwork"));
    c.env_clear()
        .env("HOME", home)
        .env("CHATWORK_BASE_URL", mock.base_url())
        .args(["login", "--profile", profile, "--with-token"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null());
    let mut child = c.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    tokio::io::AsyncWriteExt::write_all(&mut stdin, mock.token(who).as_bytes())
        .await
        .unwrap();
    drop(stdin);
    assert!(child.wait().await.unwrap().success());
}

#[tokio::test(flavor = "multi_thread")]
async fn one_server_serves_several_profiles_each_with_its_own_gate() {
    let mock = MockServer::start().await;
    let home = home();
    token_profile(&mock, &home, "work", "bob").await;
    token_profile(&mock, &home, "home", "alice").await;
    let client = profiled(
        &mock,
        &home,
        &["--profile", "work,home", "--allow-destructive=work"],
    )
    .await;
    let mut s = Session::new(client).await;
    // Every tool takes the profile, and must be given it.
    for (name, tool) in &s.tools {
        let schema = Value::Object((*tool.input_schema).clone());
        assert_eq!(
            schema["properties"]["profile"]["enum"],
            json!(["work", "home"]),
            "{name}"
        );
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .contains(&json!("profile")),
            "{name}"
        );
    }
    let described = s.tools["get_me"].input_schema["properties"]["profile"]["description"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        described.contains("work (Bob, 1002)") && described.contains("home (Alice, 1001)"),
        "{described}"
    );
    assert!(
        s.tools.contains_key("delete_message"),
        "offered: work may use it"
    );
    assert_eq!(
        s.ok("get_me", json!({"profile": "work"})).await["name"],
        "Bob"
    );
    assert_eq!(
        s.ok("get_me", json!({"profile": "home"})).await["name"],
        "Alice"
    );
    let r = raw_call(&s.client, "get_me", json!({})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(
        text(&r).contains("give `profile`: one of work, home"),
        "{}",
        text(&r)
    );
    let r = raw_call(&s.client, "get_me", json!({"profile": "play"})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("no profile \"play\""), "{}", text(&r));

    // A message each; Alice (home) may not delete hers here, Bob (work) may.
    let room = project(&sdk(&mock, "alice")).await;
    let mut posted = Vec::new();
    for profile in ["home", "work"] {
        let v = s
            .ok(
                "post_message",
                json!({"profile": profile, "room_id": room, "text": format!("from {profile}")}),
            )
            .await;
        posted.push(v["message_id"].as_str().unwrap().to_owned());
    }
    let r = raw_call(
        &s.client,
        "delete_message",
        json!({"profile": "home", "room_id": room, "message_id": posted[0]}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(
        text(&r).contains("not offered for profile home")
            && text(&r).contains("--allow-destructive=home"),
        "{}",
        text(&r)
    );
    s.ok(
        "delete_message",
        json!({"profile": "work", "room_id": room, "message_id": posted[1]}),
    )
    .await;
    let left: Vec<String> = sdk(&mock, "alice")
        .list_messages()
        .room_id(room)
        .force(true)
        .send()
        .await
        .unwrap()
        .iter()
        .map(|m| m.body.clone())
        .collect();
    assert!(
        left.contains(&"from home".to_owned()) && !left.contains(&"from work".to_owned()),
        "{left:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_profile_whose_sign_in_ended_is_named_with_the_command_that_renews_it() {
    let mock = MockServer::start().await;
    let home = home();
    token_profile(&mock, &home, "work", "alice").await;
    let file = home.join(".config/chatwork/profiles/old/oauth.json");
    let mut saved = common::signed_in_as_bob(&mock, &file).await;
    saved["expires_at"] = json!(1);
    saved["refresh_token"] = json!("refresh-expired-long-ago");
    std::fs::write(&file, saved.to_string()).unwrap();
    let mut s = Session::new(profiled(&mock, &home, &["--profile", "work,old"]).await).await;
    for _ in 0..2 {
        let r = raw_call(&s.client, "get_me", json!({"profile": "old"})).await;
        assert_eq!(r.is_error, Some(true));
        assert_eq!(
            text(&r),
            "the sign-in of profile \"old\" has ended: Chatwork refused its refresh token (invalid_grant) (hint: run `chatwork login --profile old` again)"
        );
    }
    // The other profile is unaffected.
    assert_eq!(
        s.ok("get_me", json!({"profile": "work"})).await["name"],
        "Alice"
    );
    // A profile that does not exist stops the server before it serves.
    let mut c = tokio::process::Command::new(env!("CARGO_BIN_EXE_chatwork"));
    c.env_clear()
        .env("HOME", &home)
        .env("CHATWORK_BASE_URL", mock.base_url())
        .args(["mcp", "--profile", "work,nope"])
        .stdin(Stdio::null());
    let out = c.output().await.unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "no profile named \"nope\" (hint: sign it in with `chatwork login --profile nope`"
        ),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
