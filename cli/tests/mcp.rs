//! `chatwork mcp` as an MCP client uses it: the official Rust MCP SDK's client against the
//! `chatwork` binary, over stdio (a child process) and Streamable HTTP, on a local Chatwork.
//! Every answer is checked against its tool's output schema and against the local
//! Chatwork's state, read with the SDK.

mod common;
use common::home;

use std::collections::{BTreeSet, HashMap};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chatwork_mock::{Limits, MockServer};
use rmcp::model::{
    CallToolRequestParams, CallToolResult, ClientCapabilities, ClientConfig, Implementation,
    ProtocolVersion, ReadResourceRequestParams, ResourceUpdatedNotificationParam,
    ServerNotification, SubscribeRequestParams, SubscriptionFilter, Tool,
};
use rmcp::service::{NotificationContext, RunningService};
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
use rmcp::transport::{ConfigureCommandExt as _, StreamableHttpClientTransport, TokioChildProcess};
use rmcp::{
    ClientHandler, ClientLifecycleMode, ClientServiceExt as _, RoleClient, ServiceExt as _,
};
use serde_json::{Value, json};
use tokio::io::AsyncBufReadExt as _;

/// A client that records `notifications/resources/updated` (older protocol versions).
#[derive(Clone, Default)]
struct Updates {
    uris: Arc<Mutex<Vec<String>>>,
    arrived: Arc<tokio::sync::Notify>,
}

impl ClientHandler for Updates {
    async fn on_resource_updated(
        &self,
        params: ResourceUpdatedNotificationParam,
        _context: NotificationContext<RoleClient>,
    ) {
        self.uris.lock().unwrap().push(params.uri);
        self.arrived.notify_one();
    }

    fn get_info(&self) -> ClientConfig {
        ClientConfig::new(
            ClientCapabilities::default(),
            Implementation::new("chatwork-mcp-test", "1"),
        )
    }
}

type Client = RunningService<RoleClient, Updates>;

/// `chatwork mcp ...` in a clean environment with `token` (or none) and the mock's URL.
fn command(mock: &MockServer, token: Option<&str>, args: &[&str]) -> tokio::process::Command {
    let home = home();
    tokio::process::Command::new(env!("CARGO_BIN_EXE_chatwork")).configure(|c| {
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("TZ", "UTC")
            .env("CHATWORK_BASE_URL", mock.base_url())
            .arg("mcp")
            .args(args)
            .kill_on_drop(true);
        if let Some(t) = token {
            c.env("CHATWORK_API_TOKEN", t);
        }
    })
}

/// A client of `chatwork mcp` over stdio, as `who` (legacy `initialize` handshake).
async fn stdio(mock: &MockServer, who: &str, args: &[&str]) -> Client {
    let transport = TokioChildProcess::new(command(mock, Some(&mock.token(who)), args)).unwrap();
    Updates::default().serve(transport).await.unwrap()
}

/// `chatwork mcp --http 127.0.0.1:0 ...`: the child and its URL.
async fn http_server(mock: &MockServer, args: &[&str]) -> (tokio::process::Child, String) {
    let mut all = vec!["--http", "127.0.0.1:0"];
    all.extend_from_slice(args);
    let mut child = command(mock, None, &all)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let url = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(rest) = line.split("serving MCP at ").nth(1) {
                return rest.split_whitespace().next().unwrap().to_owned();
            }
        }
        panic!("chatwork mcp --http ended without serving");
    })
    .await
    .unwrap();
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, url)
}

/// A client over Streamable HTTP with the 2026-07-28 protocol, sending `token` (if any).
async fn http_client(url: &str, token: Option<&str>) -> Client {
    let mut headers = HashMap::new();
    if let Some(t) = token {
        headers.insert(
            axum::http::HeaderName::from_static("x-chatworktoken"),
            axum::http::HeaderValue::from_str(t).unwrap(),
        );
    }
    let transport = StreamableHttpClientTransport::from_config(
        StreamableHttpClientTransportConfig::with_uri(url).custom_headers(headers),
    );
    Updates::default()
        .serve_with_lifecycle(
            transport,
            ClientLifecycleMode::Discover {
                preferred_versions: vec![ProtocolVersion::V_2026_07_28],
            },
        )
        .await
        .unwrap()
}

fn sdk(mock: &MockServer, who: &str) -> chatwork::Client {
    chatwork::Client::builder(chatwork::Credentials::api_token(mock.token(who)))
        .base_url(mock.base_url())
        .build()
        .unwrap()
}

/// The tools and their output schemas, each checked to be a valid JSON Schema.
async fn tools(client: &Client) -> HashMap<String, Tool> {
    let tools = client.list_all_tools().await.unwrap();
    for t in &tools {
        let input = Value::Object((*t.input_schema).clone());
        jsonschema::meta::validate(&input)
            .unwrap_or_else(|e| panic!("{}: the input schema is not valid: {e}", t.name));
        assert_eq!(input["type"], "object", "{}", t.name);
        let output = Value::Object((*t.output_schema.clone().expect("an output schema")).clone());
        jsonschema::meta::validate(&output)
            .unwrap_or_else(|e| panic!("{}: the output schema is not valid: {e}", t.name));
        assert_eq!(output["type"], "object", "{}", t.name);
        let a = t.annotations.as_ref().expect("annotations");
        assert!(a.read_only_hint.is_some() && a.destructive_hint.is_some());
        assert!(a.idempotent_hint.is_some());
    }
    tools.into_iter().map(|t| (t.name.to_string(), t)).collect()
}

async fn raw_call(client: &Client, name: &str, args: Value) -> CallToolResult {
    let Value::Object(args) = args else { panic!() };
    client
        .call_tool(CallToolRequestParams::new(name.to_owned()).with_arguments(args))
        .await
        .unwrap()
}

fn text(result: &CallToolResult) -> String {
    result
        .content
        .iter()
        .filter_map(|c| c.as_text().map(|t| t.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Calls a tool that must succeed; checks its structured answer against the output schema
/// and returns it.
struct Session {
    client: Client,
    tools: HashMap<String, Tool>,
    called: BTreeSet<String>,
}

impl Session {
    async fn new(client: Client) -> Self {
        let tools = tools(&client).await;
        Self {
            client,
            tools,
            called: BTreeSet::new(),
        }
    }

    async fn ok(&mut self, name: &str, args: Value) -> Value {
        let result = raw_call(&self.client, name, args.clone()).await;
        assert_ne!(
            result.is_error,
            Some(true),
            "{name} {args}: {}",
            text(&result)
        );
        let value = result
            .structured_content
            .clone()
            .expect("structured content");
        let schema = Value::Object((*self.tools[name].output_schema.clone().unwrap()).clone());
        let validator = jsonschema::validator_for(&schema).unwrap();
        if let Err(e) = validator.validate(&value) {
            panic!("{name}: the answer does not match its output schema: {e}\n{value}");
        }
        // The JSON text for clients that read text only, after a summary.
        assert_eq!(result.content.len(), 2, "{name}");
        let json: Value = serde_json::from_str(&result.content[1].as_text().unwrap().text).unwrap();
        assert_eq!(json, value);
        self.called.insert(name.to_owned());
        value
    }
}

const ALL_TOOLS: [&str; 34] = [
    "get_me",
    "get_my_status",
    "list_rooms",
    "get_room",
    "create_room",
    "update_room",
    "delete_room",
    "list_members",
    "update_members",
    "list_messages",
    "get_message",
    "post_message",
    "update_message",
    "delete_message",
    "mark_messages_read",
    "mark_messages_unread",
    "wait_for_messages",
    "list_my_tasks",
    "list_room_tasks",
    "get_task",
    "create_task",
    "update_task_status",
    "list_files",
    "get_file",
    "upload_file",
    "list_contacts",
    "list_incoming_requests",
    "accept_incoming_request",
    "decline_incoming_request",
    "get_invitation_link",
    "create_invitation_link",
    "update_invitation_link",
    "delete_invitation_link",
    "call_api",
];

const DESTRUCTIVE: [&str; 5] = [
    "delete_room",
    "update_members",
    "delete_message",
    "decline_incoming_request",
    "delete_invitation_link",
];

async fn project(sdk: &chatwork::Client) -> i64 {
    let rooms = sdk.list_rooms().send().await.unwrap();
    rooms
        .iter()
        .find(|r| r.name == "Project")
        .unwrap()
        .room_id
        .get()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_tool_over_stdio_against_the_local_chatwork() {
    let mock = MockServer::start().await;
    let alice = sdk(&mock, "alice");
    let bob = sdk(&mock, "bob");
    let me = alice.get_me().send().await.unwrap().into_inner();
    let bob_id = bob.get_me().send().await.unwrap().account_id.get();
    let room = project(&alice).await;
    let mut s = Session::new(
        stdio(
            &mock,
            "alice",
            &["--allow-destructive", "--poll-every", "300ms"],
        )
        .await,
    )
    .await;
    let mut names: Vec<&str> = s.tools.keys().map(String::as_str).collect();
    names.sort();
    let mut expected = ALL_TOOLS.to_vec();
    expected.sort();
    assert_eq!(names, expected);

    // You.
    let v = s.ok("get_me", json!({})).await;
    assert_eq!(v["account_id"], me.account_id.get());
    assert_eq!(v["name"], me.name.as_str());
    assert_eq!(v["my_room_id"], me.room_id.get());
    let status = alice.get_my_status().send().await.unwrap();
    let v = s.ok("get_my_status", json!({})).await;
    assert_eq!(v["unread_messages"], status.unread_num);
    assert_eq!(v["open_tasks"], status.mytask_num);

    // Rooms: the limit says how many were left out.
    let all_rooms = alice.list_rooms().send().await.unwrap().len();
    let v = s.ok("list_rooms", json!({"limit": 2})).await;
    assert_eq!(v["count"], 2);
    assert_eq!(v["omitted"], all_rooms - 2);
    let v = s.ok("get_room", json!({"room_id": room})).await;
    assert_eq!(v["name"], "Project");
    assert_eq!(v["type"], "group");
    let v = s
        .ok(
            "create_room",
            json!({"name": "MCP room", "admin_ids": [me.account_id.get()], "member_ids": [bob_id], "icon": "idea"}),
        )
        .await;
    let new_room = v["room_id"].as_i64().unwrap();
    s.ok(
        "update_room",
        json!({"room_id": new_room, "name": "MCP room 2"}),
    )
    .await;
    let r = alice.get_room().room_id(new_room).send().await.unwrap();
    assert_eq!(r.name, "MCP room 2");
    let v = s.ok("list_members", json!({"room_id": room})).await;
    assert_eq!(v["count"], 3);

    // Messages: escaped text, explicit mentions.
    let v = s
        .ok(
            "post_message",
            json!({"room_id": room, "text": "[toall] build <b>#42</b> passed", "mention_ids": [bob_id]}),
        )
        .await;
    let posted = v["message_id"].as_str().unwrap().to_owned();
    let m = alice
        .get_message()
        .room_id(room)
        .message_id(posted.as_str())
        .send()
        .await
        .unwrap();
    let doc = chatwork::notation::Document::parse(&m.body);
    assert!(!doc.mentions_all(), "escaped: {}", m.body);
    assert_eq!(doc.mentions(), vec![chatwork::model::AccountId(bob_id)]);
    assert!(
        doc.plain_text()
            .ends_with("[toall] build <b>#42</b> passed"),
        "{}",
        m.body
    );
    let v = s
        .ok("list_messages", json!({"room_id": room, "limit": 5}))
        .await;
    let last = v["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["message_id"], posted.as_str());
    assert_eq!(last["body"], m.body.as_str());
    assert_eq!(last["text"], "@Bob\n[toall] build <b>#42</b> passed");
    assert_eq!(last["mentions"], json!([bob_id]));
    assert_eq!(last["mentions_all"], false);
    let v = s
        .ok(
            "get_message",
            json!({"room_id": room, "message_id": posted}),
        )
        .await;
    assert_eq!(v["author"]["account_id"], me.account_id.get());
    s.ok(
        "update_message",
        json!({"room_id": room, "message_id": posted, "text": "edited"}),
    )
    .await;
    let m = alice
        .get_message()
        .room_id(room)
        .message_id(posted.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(m.body, "edited");
    let from_bob = bob
        .post_message()
        .room_id(room)
        .body("from bob")
        .send()
        .await
        .unwrap()
        .message_id
        .to_string();
    let v = s
        .ok(
            "mark_messages_unread",
            json!({"room_id": room, "message_id": from_bob}),
        )
        .await;
    assert_eq!(v["detail"]["unread"], 1);
    let v = s.ok("mark_messages_read", json!({"room_id": room})).await;
    assert_eq!(v["detail"]["unread"], 0);

    // Waiting: a message posted while the tool waits comes back (and not `from_bob`, posted
    // more than 2 s before the call: Chatwork's clock has whole seconds).
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let poster = bob.clone();
    let post = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        poster
            .post_message()
            .room_id(room)
            .body("[To:1001] are you there?")
            .send()
            .await
            .unwrap()
            .message_id
            .to_string()
    });
    let started = Instant::now();
    let v = s
        .ok(
            "wait_for_messages",
            json!({"room_id": room, "timeout_seconds": 30}),
        )
        .await;
    let waited_for = post.await.unwrap();
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(v["count"], 1);
    assert_eq!(v["items"][0]["message_id"], waited_for.as_str());
    assert_eq!(v["items"][0]["text"], "@Alice are you there?");
    // After a message: at once.
    let v = s
        .ok(
            "wait_for_messages",
            json!({"room_id": room, "timeout_seconds": 30, "after_message_id": from_bob}),
        )
        .await;
    assert_eq!(v["count"], 1);

    // Tasks.
    let v = s
        .ok(
            "create_task",
            json!({"room_id": room, "text": "Review the notes", "assignee_ids": [bob_id, me.account_id.get()], "due": "2026-12-25"}),
        )
        .await;
    let task_ids: Vec<i64> = v["task_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_i64().unwrap())
        .collect();
    assert_eq!(task_ids.len(), 2);
    let t = alice
        .get_task()
        .room_id(room)
        .task_id(task_ids[0])
        .send()
        .await
        .unwrap();
    assert_eq!(t.limit_type.as_str(), "date");
    let v = s
        .ok(
            "list_room_tasks",
            json!({"room_id": room, "assignee_id": bob_id}),
        )
        .await;
    assert_eq!(v["count"], 1);
    assert_eq!(v["items"][0]["due_type"], "date");
    let v = s.ok("list_my_tasks", json!({})).await;
    assert_eq!(v["count"], 1);
    assert_eq!(v["items"][0]["room_name"], "Project");
    let v = s
        .ok("get_task", json!({"room_id": room, "task_id": task_ids[0]}))
        .await;
    assert_eq!(v["text"], "Review the notes");
    s.ok(
        "update_task_status",
        json!({"room_id": room, "task_id": task_ids[1], "status": "done"}),
    )
    .await;
    let t = alice
        .get_task()
        .room_id(room)
        .task_id(task_ids[1])
        .send()
        .await
        .unwrap();
    assert_eq!(t.status.as_str(), "done");

    // Files: the download URL works.
    let v = s
        .ok(
            "upload_file",
            json!({"room_id": room, "filename": "notes.txt", "text": "hello, files", "message": "[toall] the notes"}),
        )
        .await;
    let file_id = v["file_id"].as_i64().unwrap();
    let v = s.ok("list_files", json!({"room_id": room})).await;
    assert_eq!(v["items"][0]["filename"], "notes.txt");
    let v = s
        .ok(
            "get_file",
            json!({"room_id": room, "file_id": file_id, "download_url": true}),
        )
        .await;
    assert_eq!(v["size"], 12);
    let url = v["download_url"].as_str().unwrap();
    let bytes = reqwest::get(url).await.unwrap().bytes().await.unwrap();
    assert_eq!(&bytes[..], b"hello, files");

    // Contacts and requests.
    let v = s.ok("list_contacts", json!({})).await;
    assert_eq!(v["count"], 2);
    let v = s.ok("list_incoming_requests", json!({})).await;
    assert_eq!(v["count"], 1);
    let request_id = v["items"][0]["request_id"].as_i64().unwrap();
    s.ok("accept_incoming_request", json!({"request_id": request_id}))
        .await;
    assert_eq!(alice.list_contacts().send().await.unwrap().len(), 3);

    // Links, in the new room.
    let v = s
        .ok(
            "create_invitation_link",
            json!({"room_id": new_room, "code": "mcp-room", "need_acceptance": false}),
        )
        .await;
    assert_eq!(v["public"], true);
    assert!(v["url"].as_str().unwrap().ends_with("mcp-room"));
    s.ok(
        "update_invitation_link",
        json!({"room_id": new_room, "description": "Join us"}),
    )
    .await;
    let v = s
        .ok("get_invitation_link", json!({"room_id": new_room}))
        .await;
    assert_eq!(v["description"], "Join us");
    s.ok("delete_invitation_link", json!({"room_id": new_room}))
        .await;
    let l = alice
        .get_invitation_link()
        .room_id(new_room)
        .send()
        .await
        .unwrap();
    assert!(!l.public);

    // The custom call: Chatwork's API only.
    let v = s
        .ok(
            "call_api",
            json!({"method": "GET", "path": format!("/rooms/{room}/members")}),
        )
        .await;
    assert_eq!(v["status"], 200);
    assert_eq!(v["json"].as_array().unwrap().len(), 3);
    let r = raw_call(
        &s.client,
        "call_api",
        json!({"method": "GET", "path": "//example.com/x"}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));

    // Destructive, allowed here.
    s.ok(
        "update_members",
        json!({"room_id": new_room, "admin_ids": [me.account_id.get()], "member_ids": []}),
    )
    .await;
    let members = alice.list_members().room_id(new_room).send().await.unwrap();
    assert_eq!(members.len(), 1);
    s.ok(
        "delete_message",
        json!({"room_id": room, "message_id": posted}),
    )
    .await;
    let gone = alice
        .get_message()
        .room_id(room)
        .message_id(posted.as_str())
        .send()
        .await;
    assert!(gone.is_err());
    s.ok(
        "delete_room",
        json!({"room_id": new_room, "action": "delete"}),
    )
    .await;
    assert!(alice.get_room().room_id(new_room).send().await.is_err());

    // decline_incoming_request is called in `destructive_tools_are_offered_only_when_allowed`.
    s.called.insert("decline_incoming_request".to_owned());
    let expected: BTreeSet<String> = ALL_TOOLS.iter().map(|s| s.to_string()).collect();
    assert_eq!(s.called, expected, "every tool is called");
    s.client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn destructive_tools_are_offered_only_when_allowed() {
    let mock = MockServer::start().await;
    let alice = sdk(&mock, "alice");
    let room = project(&alice).await;

    // Default: everything but the destructive tools, which are refused by name.
    let client = stdio(&mock, "alice", &[]).await;
    let offered = tools(&client).await;
    for name in DESTRUCTIVE {
        assert!(!offered.contains_key(name), "{name} is offered by default");
    }
    assert_eq!(offered.len(), ALL_TOOLS.len() - DESTRUCTIVE.len());
    let r = raw_call(
        &client,
        "decline_incoming_request",
        json!({"request_id": 9001}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("--allow-destructive"), "{}", text(&r));
    let r = raw_call(
        &client,
        "call_api",
        json!({"method": "DELETE", "path": format!("/rooms/{room}")}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("DELETE is not allowed"), "{}", text(&r));
    assert_eq!(
        alice.list_incoming_requests().send().await.unwrap().len(),
        1
    );
    assert!(alice.get_room().room_id(room).send().await.is_ok());
    let call_api = &offered["call_api"];
    assert_eq!(
        call_api.annotations.as_ref().unwrap().destructive_hint,
        Some(false)
    );
    client.cancel().await.unwrap();

    // Read-only: reading tools only.
    let client = stdio(&mock, "alice", &["--read-only"]).await;
    let offered = tools(&client).await;
    assert!(
        offered
            .values()
            .all(|t| { t.annotations.as_ref().unwrap().read_only_hint == Some(true) })
    );
    assert!(offered.contains_key("list_messages") && !offered.contains_key("post_message"));
    let r = raw_call(
        &client,
        "post_message",
        json!({"room_id": room, "text": "hi"}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("read-only"), "{}", text(&r));
    let r = raw_call(
        &client,
        "call_api",
        json!({"method": "POST", "path": format!("/rooms/{room}/messages"), "form": {"body": "hi"}}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert_eq!(
        alice
            .list_messages()
            .room_id(room)
            .force(true)
            .send()
            .await
            .unwrap()
            .len(),
        0
    );
    client.cancel().await.unwrap();

    // Allowed: declined, and gone from Chatwork.
    let mut s = Session::new(stdio(&mock, "alice", &["--allow-destructive"]).await).await;
    assert_eq!(s.tools.len(), ALL_TOOLS.len());
    assert_eq!(
        s.tools["delete_room"]
            .annotations
            .as_ref()
            .unwrap()
            .destructive_hint,
        Some(true)
    );
    s.ok("decline_incoming_request", json!({"request_id": 9001}))
        .await;
    assert_eq!(
        alice.list_incoming_requests().send().await.unwrap().len(),
        0
    );
    assert_eq!(alice.list_contacts().send().await.unwrap().len(), 2);
    s.client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_arguments_and_api_failures_are_tool_errors() {
    let mock = MockServer::start().await;
    let client = stdio(&mock, "alice", &[]).await;
    let r = raw_call(&client, "get_room", json!({"room_id": "x"})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(
        text(&r).starts_with("invalid arguments for get_room"),
        "{}",
        text(&r)
    );
    let r = raw_call(&client, "get_room", json!({"room_id": 999_999})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("Chatwork answered 404"), "{}", text(&r));
    let r = raw_call(
        &client,
        "upload_file",
        json!({"room_id": 106, "filename": "a", "text": "a", "content_base64": "YQ=="}),
    )
    .await;
    assert!(text(&r).contains("exactly one"), "{}", text(&r));
    let unknown = client
        .call_tool(CallToolRequestParams::new("no_such_tool"))
        .await;
    assert!(unknown.is_err(), "an unknown tool is a protocol error");
    client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_distant_rate_limit_is_a_tool_error_within_the_bound() {
    // A budget of 3 requests per 5 minutes: the 4th waits at most --max-wait, then fails
    // with the reset time instead of blocking the agent for minutes.
    let mock = MockServer::builder()
        .limits(Limits {
            requests: 3,
            ..Limits::default()
        })
        .start()
        .await
        .unwrap();
    let client = stdio(&mock, "alice", &["--read-only"]).await;
    let client = {
        let mut c = client;
        // --max-wait is a global option; restart with it.
        c.cancel().await.unwrap();
        let transport = TokioChildProcess::new(
            command(&mock, Some(&mock.token("alice")), &["--read-only"]).configure(|c| {
                c.env("CHATWORK_MAX_WAIT", "2s");
            }),
        )
        .unwrap();
        c = Updates::default().serve(transport).await.unwrap();
        c
    };
    for _ in 0..3 {
        let r = raw_call(&client, "get_me", json!({})).await;
        assert_ne!(r.is_error, Some(true), "{}", text(&r));
    }
    let started = Instant::now();
    let r = raw_call(&client, "get_me", json!({})).await;
    let took = started.elapsed();
    assert_eq!(r.is_error, Some(true));
    let said = text(&r);
    assert!(said.contains("Chatwork answered 429"), "{said}");
    assert!(said.contains("resets at"), "{said}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn http_clients_bring_their_own_tokens_and_see_only_their_data() {
    let mock = MockServer::start().await;
    let alice = sdk(&mock, "alice");
    let room = project(&alice).await;
    // Alice's room that Bob is not in.
    let private = alice
        .create_room()
        .name("Alice only")
        .members_admin_ids([1001i64])
        .send()
        .await
        .unwrap()
        .room_id
        .get();
    let (_server, url) = http_server(&mock, &["--poll-every", "300ms"]).await;
    let a = http_client(&url, Some(&mock.token("alice"))).await;
    let b = http_client(&url, Some(&mock.token("bob"))).await;
    let mut sa = Session::new(a).await;
    let mut sb = Session::new(b).await;
    assert_eq!(sa.ok("get_me", json!({})).await["name"], "Alice");
    assert_eq!(sb.ok("get_me", json!({})).await["name"], "Bob");
    let ids = |v: &Value| -> Vec<i64> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["room_id"].as_i64().unwrap())
            .collect()
    };
    let alice_rooms = ids(&sa.ok("list_rooms", json!({"limit": 100})).await);
    let bob_rooms = ids(&sb.ok("list_rooms", json!({"limit": 100})).await);
    assert!(alice_rooms.contains(&private));
    assert!(!bob_rooms.contains(&private));
    let r = raw_call(&sb.client, "get_room", json!({"room_id": private})).await;
    assert_eq!(r.is_error, Some(true));

    // Posts made through each client are each one's own.
    let v = sb
        .ok("post_message", json!({"room_id": room, "text": "from bob"}))
        .await;
    let m = alice
        .get_message()
        .room_id(room)
        .message_id(v["message_id"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(m.account.name, "Bob");

    // No token: a tool error that says what to send.
    let none = http_client(&url, None).await;
    let r = raw_call(&none, "get_me", json!({})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("x-chatworktoken"), "{}", text(&r));
    none.cancel().await.unwrap();

    // A subscription to the room's messages is told when another client posts.
    let uri = format!("chatwork://rooms/{room}/messages");
    let read = sa
        .client
        .read_resource(ReadResourceRequestParams::new(uri.clone()))
        .await
        .unwrap();
    let contents = serde_json::to_value(&read.contents[0]).unwrap();
    let listed: Value = serde_json::from_str(contents["text"].as_str().unwrap()).unwrap();
    assert_eq!(listed["items"][0]["body"], "from bob");
    let mut subscription = sa
        .client
        .listen(
            SubscriptionFilter::builder()
                .resource_subscription(uri.clone())
                .build(),
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    sb.ok("post_message", json!({"room_id": room, "text": "news"}))
        .await;
    let note = tokio::time::timeout(Duration::from_secs(20), subscription.next())
        .await
        .expect("notified within 20 s")
        .unwrap()
        .expect("a notification");
    let ServerNotification::ResourceUpdatedNotification(update) = note else {
        panic!("expected a resource update, got {note:?}");
    };
    assert_eq!(update.params.uri, uri);
    subscription.cancel().await.unwrap();
    sa.client.cancel().await.unwrap();
    sb.client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[allow(deprecated)]
async fn a_stdio_subscription_is_told_of_new_messages() {
    let mock = MockServer::start().await;
    let bob = sdk(&mock, "bob");
    let room = project(&bob).await;
    let client = stdio(&mock, "alice", &["--poll-every", "300ms"]).await;
    let uri = format!("chatwork://rooms/{room}/messages");
    client
        .subscribe(SubscribeRequestParams::new(uri.clone()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    bob.post_message()
        .room_id(room)
        .body("hello, subscribers")
        .send()
        .await
        .unwrap();
    let updates = client.service().clone();
    tokio::time::timeout(Duration::from_secs(20), updates.arrived.notified())
        .await
        .expect("notified within 20 s");
    assert_eq!(updates.uris.lock().unwrap().as_slice(), [uri]);
    client.cancel().await.unwrap();
}

#[test]
fn the_readme_lists_every_tool() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_chatwork"))
        .args(["mcp", "--list-tools"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    assert!(
        readme.contains(table.trim()),
        "README.md's MCP tool table is stale: paste the output of `chatwork mcp --list-tools`"
    );
    for name in ALL_TOOLS {
        assert!(table.contains(&format!("`{name}`")), "{name}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn text_from_other_people_comes_back_inert() {
    let mock = MockServer::start().await;
    let bob = sdk(&mock, "bob");
    let alice = sdk(&mock, "alice");
    let room = project(&alice).await;
    alice
        .update_room()
        .room_id(room)
        .name("Project\u{1b}[2J")
        .send()
        .await
        .unwrap();
    let id = bob
        .post_message()
        .room_id(room)
        .body("[To:1001]Alice ok\u{1b}]0;pwned\u{7}\u{202e}")
        .send()
        .await
        .unwrap()
        .message_id
        .to_string();
    let client = stdio(&mock, "alice", &[]).await;
    let r = raw_call(&client, "get_room", json!({"room_id": room})).await;
    assert!(
        r.content[0]
            .as_text()
            .unwrap()
            .text
            .starts_with("Project␛[2J ("),
        "{}",
        text(&r)
    );
    let r = raw_call(
        &client,
        "get_message",
        json!({"room_id": room, "message_id": id}),
    )
    .await;
    let v = r.structured_content.unwrap();
    assert_eq!(v["text"], "@Alice ok␛]0;pwned␇<U+202E>");
    // The body as written, exactly (JSON escapes what it must).
    assert_eq!(v["body"], "[To:1001]Alice ok\u{1b}]0;pwned\u{7}\u{202e}");
    client.cancel().await.unwrap();
}
