//! The MCP handler: lists and calls the tools the mode offers, serves each room's messages
//! as a resource, and notifies subscribers when a room gets new messages.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    ListResourceTemplatesResult, ListResourcesResult, ListToolsResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, ReadResourceResult, Resource,
    ResourceContents, ResourceTemplate, ResourceUpdatedNotificationParam, ServerCapabilities,
    ServerConfig, SubscribeRequestParams, SubscriptionFilter, UnsubscribeRequestParams,
};
use rmcp::service::{RequestContext, RoleServer, SubscriptionContext};
use rmcp::{ErrorData, ServerHandler, ServiceExt as _};

use super::catalog;
use super::profiles::{Profiles, Served};
use super::tools::{Mode, ToolDef};
use super::watch::Event;
use super::{Account, Call};

/// What the server was started with.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub mode: Mode,
    pub default_limit: usize,
}

/// Where a call's Chatwork account comes from.
pub enum Connector {
    /// One account for every call (stdio: the credential `chatwork` was started with).
    Fixed(Arc<Account>),
    /// The account of the token the HTTP request carries (`X-ChatWorkToken`); one client
    /// and one set of pollers per token, so that no client sees another's data or budget.
    PerToken {
        base_url: Option<String>,
        max_wait: Duration,
        every: Duration,
        accounts: Mutex<HashMap<String, Arc<Account>>>,
    },
    /// Several profiles (stdio): each call names the one it acts for.
    Profiles(Profiles),
}

/// The header an HTTP client sends its Chatwork API token in (Chatwork's own name for it).
pub const TOKEN_HEADER: &str = "x-chatworktoken";

/// The most tokens whose clients (limiter state, pollers) an HTTP server keeps at once.
const MAX_ACCOUNTS: usize = 256;

impl Connector {
    pub fn per_token(base_url: Option<String>, max_wait: Duration, every: Duration) -> Self {
        Connector::PerToken {
            base_url,
            max_wait,
            every,
            accounts: Mutex::new(HashMap::new()),
        }
    }

    /// The account for a request.
    fn account(&self, extensions: &rmcp::model::Extensions) -> Result<Arc<Account>, String> {
        match self {
            Connector::Fixed(account) => Ok(account.clone()),
            Connector::Profiles(profiles) => profiles
                .first()
                .map(|s| s.account.clone())
                .ok_or_else(|| "this server serves no profile".to_owned()),
            Connector::PerToken {
                base_url,
                max_wait,
                every,
                accounts,
            } => {
                let token = extensions
                    .get::<axum::http::request::Parts>()
                    .and_then(|p| p.headers.get(TOKEN_HEADER))
                    .and_then(|v| v.to_str().ok())
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .ok_or_else(|| {
                        format!(
                            "no Chatwork token: send your API token in the {TOKEN_HEADER} header of every request"
                        )
                    })?;
                let mut accounts = accounts.lock().unwrap_or_else(|e| e.into_inner());
                if let Some(a) = accounts.get(token) {
                    return Ok(a.clone());
                }
                let builder = chatwork::Client::builder(chatwork::Credentials::api_token(token));
                let client =
                    crate::client::configure(builder, base_url.as_deref(), Some(*max_wait))
                        .build()
                        .map_err(|e| e.to_string())?;
                let account = Account::new(client, *every);
                // Anyone who reaches the server can send any token: keep the accounts of
                // at most MAX_ACCOUNTS tokens, dropping those no call or poller holds.
                if accounts.len() >= MAX_ACCOUNTS {
                    accounts.retain(|_, a| Arc::strong_count(a) > 1);
                }
                if accounts.len() >= MAX_ACCOUNTS {
                    return Err(format!(
                        "too many Chatwork accounts in use on this server (at most {MAX_ACCOUNTS}); try again later"
                    ));
                }
                accounts.insert(token.to_owned(), account.clone());
                Ok(account)
            }
        }
    }
}

struct Shared {
    settings: Settings,
    tools: Vec<ToolDef>,
    connector: Connector,
}

/// The MCP server. One per connection (stdio) or session (HTTP); they share the tools,
/// the accounts and their pollers.
#[derive(Clone)]
pub struct Server {
    shared: Arc<Shared>,
    /// Subscriptions made with `resources/subscribe` (protocol versions before 2026-07-28):
    /// their forwarding tasks, by URI, stopped with the session.
    legacy: Arc<Legacy>,
}

#[derive(Default)]
struct Legacy(Mutex<HashMap<String, tokio::task::AbortHandle>>);

impl Drop for Legacy {
    fn drop(&mut self) {
        let tasks = self.0.get_mut().unwrap_or_else(|e| e.into_inner());
        for (_, task) in tasks.drain() {
            task.abort();
        }
    }
}

const INSTRUCTIONS: &str = "Chatwork, the business chat. Start with list_rooms to find chats (room_id), then list_messages to read one and post_message to write. Message bodies come back as written (Chatwork notation) and as plain text (`text`): read `text`. Text you post is sent as plain text: mention people with mention_ids, not by writing [To:...]. Lists return 20 items unless you give limit, and say how many were left out. wait_for_messages waits for new messages in a chat; each chat's messages are also a resource (chatwork://rooms/{room_id}/messages) you can subscribe to. Rate limits: 300 requests per 5 minutes, and 10 posts per 10 seconds per chat; a call that would wait too long fails and says when the limit resets.";

/// The URI of a room's messages.
fn room_uri(room_id: i64) -> String {
    format!("chatwork://rooms/{room_id}/messages")
}

fn room_of(uri: &str) -> Option<i64> {
    uri.strip_prefix("chatwork://rooms/")?
        .strip_suffix("/messages")?
        .parse()
        .ok()
        .filter(|id| *id > 0)
}

impl Server {
    pub fn new(settings: Settings, connector: Connector) -> Self {
        Self {
            shared: Arc::new(Shared {
                settings,
                tools: catalog::all(),
                connector,
            }),
            legacy: Arc::default(),
        }
    }

    /// A server for another HTTP session: the same tools and accounts.
    pub fn session(&self) -> Self {
        Self {
            shared: self.shared.clone(),
            legacy: Arc::default(),
        }
    }

    fn call(&self, extensions: &rmcp::model::Extensions) -> Result<Call, String> {
        Ok(Call {
            account: self.shared.connector.account(extensions)?,
            mode: self.shared.settings.mode,
            default_limit: self.shared.settings.default_limit,
        })
    }

    /// A tool call's account, mode and profile: with several profiles, the one the
    /// arguments name (taken out of them).
    fn call_for(
        &self,
        extensions: &rmcp::model::Extensions,
        args: &mut rmcp::model::JsonObject,
    ) -> Result<(Call, Option<&Served>), String> {
        let Connector::Profiles(profiles) = &self.shared.connector else {
            return self.call(extensions).map(|c| (c, None));
        };
        let served = profiles.pick(args)?;
        let call = Call {
            account: served.account.clone(),
            mode: served.mode,
            default_limit: self.shared.settings.default_limit,
        };
        Ok((call, Some(served)))
    }

    /// A tool as listed: with several profiles, its input takes `profile`.
    fn listed(&self, tool: &ToolDef) -> rmcp::model::Tool {
        let mut listed = tool.tool(self.shared.settings.mode);
        if let Connector::Profiles(profiles) = &self.shared.connector {
            listed.input_schema = Arc::new(profiles.schema(&listed.input_schema));
        }
        listed
    }

    fn offered(&self) -> impl Iterator<Item = &ToolDef> {
        let mode = self.shared.settings.mode;
        self.shared
            .tools
            .iter()
            .filter(move |t| mode.offers(t.effect))
    }

    /// The latest messages of a room, as the resource's text (JSON).
    async fn room_messages(&self, call: &Call, room_id: i64) -> Result<String, String> {
        let listed = catalog::latest(call, room_id, call.default_limit)
            .await
            .map_err(|e| e.0)?;
        serde_json::to_string(&listed).map_err(|e| e.to_string())
    }

    /// Forwards the room's new messages as `notifications/resources/updated` until the
    /// subscription ends.
    async fn forward(
        mut rx: tokio::sync::broadcast::Receiver<Event>,
        uri: String,
        to: Notifier<'_>,
    ) {
        loop {
            match rx.recv().await {
                Ok(Event::Messages(_))
                | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    if !to.notify(uri.clone()).await {
                        return;
                    }
                }
                Ok(Event::Stopped(_)) | Err(tokio::sync::broadcast::error::RecvError::Closed) => {
                    return;
                }
            }
        }
    }
}

/// Where `notifications/resources/updated` go: a `subscriptions/listen` stream, or the
/// peer of a `resources/subscribe` (protocol versions before 2026-07-28).
enum Notifier<'a> {
    Sink(&'a rmcp::service::SubscriptionSink),
    Peer(rmcp::Peer<RoleServer>),
}

impl Notifier<'_> {
    /// Sends one notification; false when the subscriber is gone.
    async fn notify(&self, uri: String) -> bool {
        match self {
            Notifier::Sink(sink) => sink.notify_resource_updated(uri).await.is_ok(),
            Notifier::Peer(peer) => peer
                .notify_resource_updated(ResourceUpdatedNotificationParam::new(uri))
                .await
                .is_ok(),
        }
    }
}

/// The tools as a Markdown table, for the README (`chatwork mcp --list-tools`).
pub fn tool_table(mode: Mode) -> String {
    let mut out = String::from("| Tool | What it does | Effect | Offered |\n|---|---|---|---|\n");
    for t in catalog::all() {
        let effect = match t.effect {
            super::tools::Effect::Read => "reads",
            super::tools::Effect::Create => "creates",
            super::tools::Effect::Update => "changes",
            super::tools::Effect::Destructive => "destructive",
            super::tools::Effect::Api => "any (by method)",
        };
        let offered = match t.effect {
            super::tools::Effect::Destructive => "with `--allow-destructive`",
            super::tools::Effect::Create | super::tools::Effect::Update => "unless `--read-only`",
            _ => "always",
        };
        let _ = mode;
        out.push_str(&format!(
            "| `{}` | {} | {effect} | {offered} |\n",
            t.name,
            t.description.replace('|', "\\|")
        ));
    }
    out.trim_end().to_owned()
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_resources()
                .enable_resources_subscribe()
                .build(),
        )
        .with_server_info(Implementation::new("chatwork", env!("CARGO_PKG_VERSION")))
        .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(
            self.offered().map(|t| self.listed(t)).collect(),
        ))
    }

    fn get_tool(&self, name: &str) -> Option<rmcp::model::Tool> {
        self.offered()
            .find(|t| t.name == name)
            .map(|t| self.listed(t))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let name = request.name.as_ref();
        let Some(tool) = self.shared.tools.iter().find(|t| t.name == name) else {
            return Err(ErrorData::invalid_params(
                format!("no tool named {name:?}: tools/list shows them"),
                None,
            ));
        };
        let refuse = |why: String| Ok(CallToolResult::error(vec![ContentBlock::text(why)]).into());
        let mut args = request.arguments.unwrap_or_default();
        let (call, served) = match self.call_for(&context.extensions, &mut args) {
            Ok(c) => c,
            Err(why) => return refuse(why),
        };
        if !call.mode.offers(tool.effect) {
            let whose = served.map_or(String::new(), |s| {
                format!(" for profile {}", s.profile.name)
            });
            let flag = served.map_or(String::new(), |s| format!("={}", s.profile.name));
            let why = if call.mode.read_only {
                format!("this server is read-only{whose}")
            } else {
                format!(
                    "it is destructive: start the server with --allow-destructive{flag} to offer it{whose}"
                )
            };
            return refuse(format!("{name} is not offered{whose}: {why}"));
        }
        if let Some(why) = served.and_then(Profiles::ended) {
            return refuse(why);
        }
        let result = tool.call(call, serde_json::Value::Object(args)).await;
        // A sign-in that ended during the call is named with the command that renews it.
        match served
            .filter(|_| result.is_error == Some(true))
            .and_then(Profiles::ended)
        {
            Some(why) => refuse(why),
            None => Ok(result.into()),
        }
    }

    async fn list_resource_templates(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, ErrorData> {
        Ok(ListResourceTemplatesResult::with_all_items(vec![
            ResourceTemplate::new("chatwork://rooms/{room_id}/messages", "room-messages")
                .with_title("A chat's latest messages")
                .with_description(
                    "The latest messages of a chat as JSON (as written and as plain text). Subscribe to be told when new ones arrive.",
                )
                .with_mime_type("application/json"),
        ]))
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        let call = self
            .call(&context.extensions)
            .map_err(|e| ErrorData::invalid_request(e, None))?;
        let rooms = call
            .client()
            .list_rooms()
            .send()
            .await
            .map_err(|e| ErrorData::internal_error(super::tools::ToolError::from(e).0, None))?
            .into_inner();
        Ok(ListResourcesResult::with_all_items(
            rooms
                .iter()
                .map(|r| {
                    Resource::new(room_uri(r.room_id.get()), format!("room-{}", r.room_id))
                        .with_title(format!("Messages of {}", super::render::inert(&r.name)))
                        .with_mime_type("application/json")
                })
                .collect(),
        ))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        let Some(room_id) = room_of(&request.uri) else {
            return Err(ErrorData::resource_not_found(
                format!(
                    "no resource {:?}: rooms' messages are chatwork://rooms/{{room_id}}/messages",
                    request.uri
                ),
                None,
            ));
        };
        let call = self
            .call(&context.extensions)
            .map_err(|e| ErrorData::invalid_request(e, None))?;
        let text = self
            .room_messages(&call, room_id)
            .await
            .map_err(|e| ErrorData::internal_error(e, None))?;
        let mut contents = ResourceContents::text(text, request.uri.clone());
        if let ResourceContents::TextResourceContents { mime_type, .. } = &mut contents {
            *mime_type = Some("application/json".into());
        }
        Ok(ReadResourceResult::new(vec![contents]).into())
    }

    fn accepted_subscription_filter(
        &self,
        requested: &SubscriptionFilter,
    ) -> Option<SubscriptionFilter> {
        let mut accepted = requested.supported_by(&self.get_info().capabilities);
        if let Some(uris) = &mut accepted.resource_subscriptions {
            uris.retain(|u| room_of(u).is_some());
        }
        Some(accepted)
    }

    async fn listen(&self, context: SubscriptionContext) -> Result<(), ErrorData> {
        let uris = context
            .accepted()
            .resource_subscriptions
            .clone()
            .unwrap_or_default();
        if uris.is_empty() {
            context.cancelled().await;
            return Ok(());
        }
        let call = self
            .call(&context.request_context().extensions)
            .map_err(|e| ErrorData::invalid_request(e, None))?;
        let sink = context.sink();
        let forwards = uris.into_iter().filter_map(|uri| {
            let room = room_of(&uri)?;
            let rx = call.account.watches.subscribe(room);
            Some(Self::forward(rx, uri, Notifier::Sink(sink)))
        });
        let all = futures_util::future::join_all(forwards);
        tokio::select! {
            _ = context.cancelled() => {}
            _ = all => {}
        }
        Ok(())
    }

    #[allow(deprecated)]
    async fn subscribe(
        &self,
        request: SubscribeRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<(), ErrorData> {
        let Some(room) = room_of(&request.uri) else {
            return Err(ErrorData::resource_not_found(
                format!("no resource {:?}", request.uri),
                None,
            ));
        };
        let call = self
            .call(&context.extensions)
            .map_err(|e| ErrorData::invalid_request(e, None))?;
        let rx = call.account.watches.subscribe(room);
        let task = tokio::spawn(Self::forward(
            rx,
            request.uri.clone(),
            Notifier::Peer(context.peer.clone()),
        ));
        let mut legacy = self.legacy.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(old) = legacy.insert(request.uri, task.abort_handle()) {
            old.abort();
        }
        Ok(())
    }

    #[allow(deprecated)]
    async fn unsubscribe(
        &self,
        request: UnsubscribeRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<(), ErrorData> {
        let mut legacy = self.legacy.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(task) = legacy.remove(&request.uri) {
            task.abort();
        }
        Ok(())
    }
}

/// Serves one client over stdin and stdout until it disconnects.
pub async fn serve_stdio(server: Server) -> Result<(), String> {
    let running = server
        .serve(rmcp::transport::stdio())
        .await
        .map_err(|e| e.to_string())?;
    running.waiting().await.map_err(|e| e.to_string())?;
    Ok(())
}
