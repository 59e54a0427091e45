//! me, status, rooms, messages and watch.

use super::*;

#[tokio::test]
async fn me_status_and_rooms_print_tables_and_json() {
    let mock = MockServer::start().await;
    let me = cw(&mock, "alice", &["--json", "me"], None)
        .await
        .ok()
        .json();
    assert_eq!(me["account_id"], 1001);
    assert_eq!(me["name"], "Alice");
    assert_eq!(me["login_mail"], "alice@example.invalid");

    let table = cw(&mock, "alice", &["me"], None).await.ok().stdout;
    assert!(
        table.starts_with("account:      1001\nname:         Alice\n"),
        "{table}"
    );

    let status = cw(&mock, "alice", &["status"], None).await.ok().stdout;
    assert_eq!(
        status,
        "unread:   0 in 0 rooms\nmentions: 0 in 0 rooms\nmy tasks: 0 in 0 rooms\n"
    );

    let rooms = cw(&mock, "alice", &["rooms", "list"], None)
        .await
        .ok()
        .stdout;
    assert_eq!(
        mask_times(&rooms),
        "\
ID   NAME     TYPE    ROLE   UNREAD  MENTIONS  MY TASKS  UPDATED
101  Alice    my      admin  0       0         0         <time>
104  Bob      direct  admin  0       0         0         <time>
105  Carol    direct  admin  0       0         0         <time>
106  Project  group   admin  0       0         0         <time>
"
    );
    let limited = cw(
        &mock,
        "alice",
        &["--json", "rooms", "list", "--limit", "2"],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(limited.as_array().unwrap().len(), 2);

    let room = cw(&mock, "bob", &["--json", "rooms", "get", "Project"], None)
        .await
        .ok()
        .json();
    assert_eq!(
        (room["room_id"].as_i64(), room["role"].as_str()),
        (Some(106), Some("member"))
    );
}

#[tokio::test]
async fn rooms_are_created_changed_left_and_deleted_with_confirmation() {
    let mock = MockServer::start().await;
    let made = cw(
        &mock,
        "alice",
        &[
            "--json",
            "rooms",
            "create",
            "Release",
            "--admin",
            "Alice",
            "--member",
            "bob",
            "--readonly",
            "1003",
            "--description",
            "Ship it",
            "--icon",
            "star",
        ],
        None,
    )
    .await
    .ok()
    .json();
    let id = made["room_id"].as_i64().unwrap().to_string();
    let members = cw(&mock, "alice", &["members", "list", &id], None)
        .await
        .ok()
        .stdout;
    assert_eq!(
        members,
        "ID    NAME   ROLE      ORGANIZATION\n1001  Alice  admin\n1002  Bob    member\n1003  Carol  readonly\n"
    );
    let changed = cw(
        &mock,
        "alice",
        &["rooms", "update", "Release", "--name", "Release 2"],
        None,
    )
    .await
    .ok()
    .stdout;
    assert_eq!(changed, format!("updated room {id}\n"));
    let nothing = cw(&mock, "alice", &["rooms", "update", &id], None).await;
    assert_eq!(nothing.code, 2);
    assert_eq!(
        nothing.stderr,
        "chatwork rooms update: nothing to change: give --name, --description or --icon\n"
    );

    // Members: Bob cannot change them (403: exit 4); Alice is asked first.
    let refused = cw(
        &mock,
        "bob",
        &["-y", "members", "set", &id, "--admin", "1002"],
        None,
    )
    .await;
    assert_eq!(refused.code, 4, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .starts_with("chatwork members set: Chatwork answered 403"),
        "{}",
        refused.stderr
    );
    let no = cw(
        &mock,
        "alice",
        &["members", "set", &id, "--admin", "Alice", "--member", "Bob"],
        Some("n\n"),
    )
    .await;
    assert_eq!(no.code, 2);
    assert_eq!(
        no.stderr,
        format!(
            "chatwork members set: not confirmed: standard input is not a terminal, so nothing is asked or read; nothing was changed (hint: add --yes to go ahead without the question (Replace the members of {id}: admins Alice (1001); members Bob (1002); read-only none? Anyone else is removed.))\n"
        )
    );
    // `echo y |` confirms nothing: only a terminal is asked.
    let piped = cw(
        &mock,
        "alice",
        &["members", "set", &id, "--admin", "Alice", "--member", "Bob"],
        Some("y\n"),
    )
    .await;
    assert_eq!(piped.code, 2, "{}", piped.stderr);
    let yes = cw(
        &mock,
        "alice",
        &[
            "--json", "--yes", "members", "set", &id, "--admin", "Alice", "--member", "Bob",
        ],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(
        yes,
        json!({"admin": [1001], "member": [1002], "readonly": []})
    );

    // Bob leaves and Alice deletes, with --yes (no terminal to ask).
    let left = cw(&mock, "bob", &["--yes", "rooms", "leave", &id], None)
        .await
        .ok()
        .stdout;
    assert_eq!(left, format!("left room {id}\n"));
    let gone = cw(&mock, "alice", &["--yes", "rooms", "delete", &id], None)
        .await
        .ok()
        .stdout;
    assert_eq!(gone, format!("deleted room {id}\n"));
    let missing = cw(&mock, "alice", &["rooms", "get", &id], None).await;
    assert_eq!(missing.code, 5);
}

#[tokio::test]
async fn messages_from_arguments_files_and_stdin_are_escaped() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    let posted = cw(
        &mock,
        "alice",
        &[
            "--json",
            "messages",
            "post",
            "Project",
            "Build [toall] passed",
            "--to",
            "Bob",
        ],
        None,
    )
    .await
    .ok()
    .json();
    let id = posted["message_id"].as_str().unwrap().to_owned();
    let got = cw(
        &mock,
        "bob",
        &["--json", "messages", "get", &room, &id],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(got["body"], "[To:1002]Bob\nBuild [\u{200b}toall] passed");

    // Standard input, with the trailing newline dropped, in a code block with a title.
    cw(
        &mock,
        "alice",
        &["messages", "post", &room, "--info-title", "CI", "--code"],
        Some("cargo test\n[/code] ok\n"),
    )
    .await
    .ok();
    // A file, sent as notation.
    let dir = home();
    let file = dir.join("body.txt");
    std::fs::write(&file, "[info]raw notation[/info]\n").unwrap();
    cw(
        &mock,
        "alice",
        &[
            "messages",
            "post",
            &room,
            "--raw",
            "--file",
            file.to_str().unwrap(),
        ],
        None,
    )
    .await
    .ok();
    let all = cw(
        &mock,
        "bob",
        &["--json", "messages", "list", "Project"],
        None,
    )
    .await
    .ok()
    .json();
    let bodies: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            "[To:1002]Bob\nBuild [\u{200b}toall] passed",
            "[info][title]CI[/title][code]cargo test\n[\u{200b}/code] ok[/code][/info]",
            "[info]raw notation[/info]",
        ]
    );
    // Bob's cursor: nothing new (204) is an empty list; --all and --limit.
    let again = cw(
        &mock,
        "bob",
        &["--json", "messages", "list", "Project"],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(again, json!([]));
    let table = cw(&mock, "bob", &["messages", "list", "Project"], None)
        .await
        .ok()
        .stdout;
    assert_eq!(table, "ID  FROM  SENT  BODY\n(none)\n");
    let last = cw(
        &mock,
        "bob",
        &[
            "--json", "messages", "list", "Project", "--all", "--limit", "1",
        ],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(last.as_array().unwrap().len(), 1);
    let listed = cw(
        &mock,
        "bob",
        &["messages", "list", "Project", "--all", "--limit", "1"],
        None,
    )
    .await
    .ok()
    .stdout;
    assert_eq!(
        mask_times(&listed),
        format!(
            "ID                   FROM   SENT              BODY\n{id}  Alice  <time>  [To:1002]Bob Build [\u{200b}toall] passed\n"
        )
    );

    // Edit, read, unread, delete (asked first).
    let edited = cw(
        &mock,
        "alice",
        &["messages", "edit", &room, &id, "fixed"],
        None,
    )
    .await
    .ok()
    .stdout;
    assert_eq!(edited, format!("edited message {id}\n"));
    let read = cw(&mock, "bob", &["--json", "messages", "read", &room], None)
        .await
        .ok()
        .json();
    assert_eq!(read, json!({"unread_num": 0, "mention_num": 0}));
    let unread = cw(
        &mock,
        "bob",
        &["--json", "messages", "unread", &room, "--message", &id],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(unread["unread_num"], 3);
    let hijack = cw(
        &mock,
        "bob",
        &["-y", "messages", "delete", &room, &id],
        None,
    )
    .await;
    assert_eq!(hijack.code, 4);
    let declined = cw(&mock, "alice", &["messages", "delete", &room, &id], None).await;
    assert_eq!(declined.code, 2, "no terminal: not confirmed");
    cw(
        &mock,
        "alice",
        &["--yes", "messages", "delete", &room, &id],
        None,
    )
    .await
    .ok();
    let gone = cw(&mock, "alice", &["messages", "get", &room, &id], None).await;
    assert_eq!(gone.code, 5);
    // No text anywhere: a usage error (stdin is empty).
    let empty = cw(&mock, "alice", &["messages", "post", &room], Some("")).await;
    assert_eq!(
        (empty.code, empty.stderr.as_str()),
        (2, "chatwork messages post: the text is empty\n")
    );
}

#[tokio::test]
async fn watch_prints_new_messages_as_json_lines() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    let mut c = command(&home());
    c.env("CHATWORK_API_TOKEN", mock.token("bob"))
        .env("CHATWORK_BASE_URL", mock.base_url())
        .args([
            "--json", "messages", "watch", &room, "--every", "1", "--count", "2",
        ]);
    let child = c.spawn().unwrap();
    for text in ["first", "second"] {
        cw(&mock, "alice", &["messages", "post", &room, text], None)
            .await
            .ok();
    }
    let run = finish(child, None).await.ok();
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let bodies: Vec<&str> = lines.iter().map(|m| m["body"].as_str().unwrap()).collect();
    assert_eq!(bodies, ["first", "second"]);
}
