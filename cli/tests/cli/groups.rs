//! Tasks, files, contacts, requests, links and the custom call.

use super::*;

#[tokio::test]
async fn tasks_with_due_dates_mine_done_and_reopen() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    let before = jiff::Timestamp::now().as_second();
    let made = cw(
        &mock,
        "alice",
        &[
            "--json",
            "tasks",
            "create",
            "Project",
            "Review the notes",
            "--assign",
            "Bob,Carol",
            "--due",
            "+2d",
        ],
        None,
    )
    .await
    .ok()
    .json();
    let ids = made["task_ids"].as_array().unwrap().clone();
    assert_eq!(ids.len(), 2);
    let task = ids[0].to_string();
    let got = cw(
        &mock,
        "alice",
        &["--json", "tasks", "get", &room, &task],
        None,
    )
    .await
    .ok()
    .json();
    let due = got["limit_time"].as_i64().unwrap();
    assert!(
        (before + 172_800..=before + 172_800 + 60).contains(&due),
        "{due}"
    );
    assert_eq!(got["limit_type"], "time");
    // A date, typed "date": the middle of the hours that are 2026-12-01 both in Japan and
    // here (TZ=UTC): 00:00 to 15:00 UTC, so 07:30 UTC.
    let dated = cw(
        &mock,
        "alice",
        &[
            "--json",
            "tasks",
            "create",
            &room,
            "Plan",
            "--assign",
            "1002",
            "--due",
            "2026-12-01",
        ],
        None,
    )
    .await
    .ok()
    .json();
    let dated_id = dated["task_ids"][0].to_string();
    let got = cw(
        &mock,
        "alice",
        &["--json", "tasks", "get", &room, &dated_id],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(
        (got["limit_time"].as_i64(), got["limit_type"].as_str()),
        (Some(1_796_110_200), Some("date"))
    );
    // From Los Angeles and from Tokyo (and the ends of the world's zones), the same date
    // reaches Chatwork and comes back.
    for tz in ["PST8PDT,M3.2.0,M11.1.0", "JST-9", "<-12>12", "<+14>-14"] {
        let mut c = command(&home());
        c.env("CHATWORK_API_TOKEN", mock.token("alice"))
            .env("CHATWORK_BASE_URL", mock.base_url())
            .env("TZ", tz)
            .args([
                "--json",
                "tasks",
                "create",
                &room,
                "Xmas",
                "--assign",
                "1002",
                "--due",
                "2026-12-25",
            ]);
        let made = finish(c.spawn().unwrap(), None).await.ok().json();
        let id = made["task_ids"][0].to_string();
        let got = cw(
            &mock,
            "alice",
            &["--json", "tasks", "get", &room, &id],
            None,
        )
        .await
        .ok()
        .json();
        let at = got["limit_time"].as_i64().unwrap();
        // In Japan (UTC+9) it is 2026-12-25 from 2026-12-24T15:00Z to 2026-12-25T15:00Z.
        assert!((1_798_124_400..1_798_210_800).contains(&at), "{tz}: {at}");
        let mut c = command(&home());
        c.env("CHATWORK_API_TOKEN", mock.token("alice"))
            .env("CHATWORK_BASE_URL", mock.base_url())
            .env("TZ", tz)
            .args(["tasks", "get", &room, &id]);
        let shown = finish(c.spawn().unwrap(), None).await.ok().stdout;
        assert!(shown.contains("2026-12-25"), "{tz}: {shown}");
        cw(&mock, "bob", &["tasks", "done", &room, &id], None)
            .await
            .ok();
    }
    // Unix seconds and RFC 2822, as the seed's task module and Chatwork's own `limit` take.
    for (due, at) in [
        ("1796621096", 1_796_621_096),
        ("Tue, 1 Dec 2026 17:00:00 +0900", 1_796_112_000),
    ] {
        let made = cw(
            &mock,
            "alice",
            &[
                "--json", "tasks", "create", &room, "x", "--assign", "Bob", "--due", due,
            ],
            None,
        )
        .await
        .ok()
        .json();
        let id = made["task_ids"][0].to_string();
        let got = cw(
            &mock,
            "alice",
            &["--json", "tasks", "get", &room, &id],
            None,
        )
        .await
        .ok()
        .json();
        assert_eq!(
            (got["limit_time"].as_i64(), got["limit_type"].as_str()),
            (Some(at), Some("time")),
            "{due}"
        );
        cw(&mock, "bob", &["tasks", "done", &room, &id], None)
            .await
            .ok();
    }
    for due in ["13/13/2026", "2026-02-30"] {
        let bad = cw(
            &mock,
            "alice",
            &[
                "tasks", "create", &room, "x", "--assign", "Bob", "--due", due,
            ],
            None,
        )
        .await;
        assert_eq!(bad.code, 2);
        assert!(
            bad.stderr.starts_with(&format!(
                "chatwork tasks create: cannot read the due date {due:?}"
            )) && bad.stderr.contains("Unix seconds (1796621096)")
                && bad.stderr.contains("RFC 2822"),
            "{}",
            bad.stderr
        );
    }
    let help = cw(&mock, "alice", &["tasks", "create", "--help"], None)
        .await
        .ok()
        .stdout;
    for form in [
        "Unix seconds (1796621096)",
        "RFC 2822",
        "RFC 3339",
        "2026/12/01",
        "tomorrow",
    ] {
        assert!(help.contains(form), "{form}: {help}");
    }

    let mine = cw(&mock, "bob", &["tasks", "mine"], None).await.ok().stdout;
    assert_eq!(
        mask_times(&mine),
        format!(
            "ID   ROOM     BY     STATUS  DUE               TASK\n{task}  Project  Alice  open    <time>  Review the notes\n{dated_id}  Project  Alice  open    2026-12-01        Plan\n"
        )
    );
    let limited = cw(
        &mock,
        "bob",
        &["--json", "tasks", "mine", "--limit", "1"],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(limited.as_array().unwrap().len(), 1);
    let done = cw(&mock, "bob", &["tasks", "done", &room, &task], None)
        .await
        .ok()
        .stdout;
    assert_eq!(done, format!("task {task} is done\n"));
    let open = cw(
        &mock,
        "alice",
        &[
            "--json",
            "tasks",
            "list",
            "Project",
            "--status",
            "open",
            "--account",
            "Bob",
        ],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(open.as_array().unwrap().len(), 1);
    let reopened = cw(&mock, "bob", &["tasks", "reopen", &room, &task], None)
        .await
        .ok()
        .stdout;
    assert_eq!(reopened, format!("task {task} is open\n"));
    let table = cw(
        &mock,
        "alice",
        &[
            "tasks", "list", "Project", "--status", "open", "--limit", "1",
        ],
        None,
    )
    .await
    .ok()
    .stdout;
    assert_eq!(table.lines().count(), 2, "{table}");
}

#[tokio::test]
async fn files_upload_list_get_and_download() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    let dir = home();
    let path = dir.join("report.bin");
    let data: Vec<u8> = (0..3000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&path, &data).unwrap();
    let up = cw(
        &mock,
        "alice",
        &[
            "--json",
            "files",
            "upload",
            "Project",
            path.to_str().unwrap(),
            "--message",
            "[toall] nightly",
        ],
        None,
    )
    .await
    .ok()
    .json();
    let file = up["file_id"].as_i64().unwrap().to_string();
    // The message is escaped as `messages post` escapes it: `[toall]` stays text.
    let posted = cw(
        &mock,
        "alice",
        &["--json", "messages", "list", &room, "--all"],
        None,
    )
    .await
    .ok()
    .json();
    let body = posted[0]["body"].as_str().unwrap();
    assert!(
        body.starts_with("[\u{200b}toall] nightly\n[download:"),
        "{body:?}"
    );
    let list = cw(
        &mock,
        "bob",
        &["files", "list", "Project", "--account", "Alice"],
        None,
    )
    .await
    .ok()
    .stdout;
    assert_eq!(
        mask_times(&list),
        format!(
            "ID   NAME        SIZE     FROM   UPLOADED\n{file}  report.bin  2.9 KiB  Alice  <time>\n"
        )
    );
    let got = cw(
        &mock,
        "bob",
        &["--json", "files", "get", &room, &file, "--url"],
        None,
    )
    .await
    .ok()
    .json();
    assert!(got["download_url"].as_str().unwrap().contains("/download/"));
    // To a file (in the working directory, under its own name) and to standard output.
    let mut c = command(&dir);
    c.env("CHATWORK_API_TOKEN", mock.token("bob"))
        .env("CHATWORK_BASE_URL", mock.base_url())
        .current_dir(&dir)
        .args(["files", "download", &room, &file]);
    std::fs::remove_file(&path).unwrap();
    let saved = finish(c.spawn().unwrap(), None).await.ok();
    assert_eq!(saved.stdout, "saved report.bin (2.9 KiB)\n");
    assert_eq!(std::fs::read(&path).unwrap(), data);
    let mut c = command(&dir);
    c.env("CHATWORK_API_TOKEN", mock.token("bob"))
        .env("CHATWORK_BASE_URL", mock.base_url())
        .args(["files", "download", &room, &file, "-o", "-"]);
    let out = c.output().await.unwrap();
    assert_eq!(out.stdout, data);
    // Too large: refused before sending.
    let big = dir.join("big.bin");
    std::fs::write(&big, vec![0u8; 5 * 1024 * 1024 + 1]).unwrap();
    let refused = cw(
        &mock,
        "alice",
        &["files", "upload", &room, big.to_str().unwrap()],
        None,
    )
    .await;
    assert_eq!(refused.code, 2);
    assert_eq!(mock.count("POST", &format!("/v2/rooms/{room}/files")), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn contacts_requests_and_links() {
    let mock = MockServer::start().await;
    let contacts = cw(&mock, "alice", &["contacts", "list"], None)
        .await
        .ok()
        .stdout;
    assert_eq!(
        contacts,
        "ID    NAME   DIRECT CHAT  ORGANIZATION\n1002  Bob    104\n1003  Carol  105\n"
    );
    let limited = cw(
        &mock,
        "alice",
        &["--json", "contacts", "list", "--limit", "1"],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(limited.as_array().unwrap().len(), 1);
    let requests = cw(&mock, "alice", &["requests", "list"], None)
        .await
        .ok()
        .stdout;
    assert_eq!(
        requests,
        "ID    FROM         ORGANIZATION  MESSAGE\n9001  Dave (1004)                Hello, I'm Dave from the partner company.\n"
    );
    let approved = cw(&mock, "alice", &["requests", "approve", "9001"], None)
        .await
        .ok()
        .stdout;
    assert!(
        approved.starts_with("Dave (1004) is now a contact (direct chat "),
        "{approved}"
    );
    let again = cw(&mock, "alice", &["-y", "requests", "decline", "9001"], None).await;
    assert_eq!(again.code, 5);

    let room = project(&mock).await.to_string();
    let none = cw(&mock, "alice", &["links", "get", &room], None)
        .await
        .ok()
        .stdout;
    assert_eq!(none, "no invitation link\n");
    let made = cw(
        &mock,
        "alice",
        &[
            "--json",
            "links",
            "create",
            "Project",
            "--code",
            "proj-42",
            "--description",
            "Join us",
            "--need-acceptance",
            "false",
        ],
        None,
    )
    .await
    .ok()
    .json();
    assert_eq!(made["public"], true);
    assert!(
        made["url"].as_str().unwrap().ends_with("/g/proj-42"),
        "{made}"
    );
    let changed = cw(
        &mock,
        "alice",
        &["links", "update", "Project", "--need-acceptance", "true"],
        None,
    )
    .await
    .ok()
    .stdout;
    assert!(changed.contains("needs approval: yes"), "{changed}");
    let deleted = cw(&mock, "alice", &["-y", "links", "delete", "Project"], None)
        .await
        .ok()
        .stdout;
    assert_eq!(deleted, "invitation link deleted\n");
}

#[tokio::test]
async fn the_custom_call_and_its_exit_codes() {
    let mock = MockServer::start().await;
    let room = project(&mock).await.to_string();
    let rooms = cw(&mock, "alice", &["api", "GET", "/rooms"], None)
        .await
        .ok();
    assert_eq!(rooms.stderr, "HTTP 200\n");
    let parsed: Value = serde_json::from_str(&rooms.stdout).unwrap();
    assert_eq!(parsed.as_array().unwrap().len(), 4);
    let posted = cw(
        &mock,
        "alice",
        &[
            "api",
            "POST",
            &format!("/rooms/{room}/messages"),
            "--form",
            "body=via api",
        ],
        None,
    )
    .await
    .ok();
    let answer: Value = serde_json::from_str(&posted.stdout).unwrap();
    assert!(answer["message_id"].is_string());
    let logged = mock
        .requests()
        .into_iter()
        .rev()
        .find(|r| r.method == "POST")
        .unwrap();
    assert_eq!(logged.form, [("body".to_owned(), "via api".to_owned())]);
    let forced = cw(
        &mock,
        "alice",
        &[
            "api",
            "GET",
            &format!("/rooms/{room}/messages"),
            "--query",
            "force=1",
        ],
        None,
    )
    .await
    .ok();
    assert!(forced.stdout.contains("via api"));
    let bad = cw(
        &mock,
        "alice",
        &["api", "GET", "/rooms", "--query", "noequals"],
        None,
    )
    .await;
    assert_eq!(bad.code, 2);
    let missing = cw(&mock, "alice", &["api", "GET", "/rooms/999"], None).await;
    assert_eq!(missing.code, 5);
}
