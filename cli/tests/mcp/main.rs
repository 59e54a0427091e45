//! `chatwork mcp` as an MCP client uses it: the official Rust MCP SDK's client against the
//! `chatwork` binary, over stdio (a child process) and Streamable HTTP, on a local Chatwork.
//! Every answer is checked against its tool's output schema and against the local
//! Chatwork's state, read with the SDK.

#[path = "../common/mod.rs"]
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

mod dates;
mod profiles;
mod serving;
mod tools;
