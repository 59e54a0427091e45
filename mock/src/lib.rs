//! A local, stateful Chatwork API v2 for offline runs and tests.
//!
//! All 32 operations of API v2 are served from in-memory state with Chatwork's rules: roles,
//! the per-token "not yet returned" message cursor, tasks, files with 30-second download
//! URLs, invitation links, contact requests, 204s, `{"errors": [...]}` refusals, rate-limit
//! headers and 429s. On top of the API: webhooks signed as Chatwork signs them
//! ([`MockServer::register_webhook`], [`MockServer::deliveries`]), seeded faults
//! ([`Faults`]), a request log ([`MockServer::requests`], [`MockServer::count`]) and a state
//! file ([`MockBuilder::state_file`]). The mock's own routes live under `/mock/` (webhook
//! settings, deliveries, requests, faults, OAuth consent and token endpoints), outside `/v2`.
//!
//! The seed ([`Seed::demo`]): Alice (1001, token `alice-token-0001`), Bob (1002), Carol (1003)
//! and Dave (1004); a group chat "Project" where Alice is admin, Bob member and Carol
//! read-only; Dave has asked Alice to be a contact.
//!
//! ```
//! use chatwork::{Client, Credentials};
//! use chatwork_mock::{MockServer, NewWebhook};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let mock = MockServer::start().await; // stops when dropped
//! let alice = Client::builder(Credentials::api_token(mock.token("alice")))
//!     .base_url(mock.base_url())
//!     .build()
//!     .unwrap();
//! let rooms = alice.list_rooms().send().await.unwrap();
//! let project = rooms.iter().find(|r| r.name == "Project").unwrap().room_id;
//! alice
//!     .post_message()
//!     .room_id(project)
//!     .body("build #42 passed")
//!     .send()
//!     .await
//!     .unwrap();
//!
//! let path = format!("/v2/rooms/{project}/messages");
//! assert_eq!(mock.count("POST", &path), 1);
//! let logged = mock.requests().pop().unwrap();
//! assert_eq!(logged.form, [("body".to_owned(), "build #42 passed".to_owned())]);
//! assert_eq!(logged.status, 200);
//! # let _ = NewWebhook::mentions("http://127.0.0.1:8080/hook");
//! # }
//! ```
//!
//! From a shell: `cargo run -p chatwork-mock -- --port 9393 --seed demo --state state.json`
//! prints the base URL and the tokens.

mod faults;
mod form;
mod oauth;
mod webhooks;
mod world;

mod control;

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use serde_json::json;
use tokio::sync::mpsc;

pub use faults::{Fault, Faults};
pub use oauth::ACCESS_TOKEN_LIFETIME_SECS;
use webhooks::Outgoing;
pub use webhooks::{
    DELIVERY_TIMEOUT, Delivery, DeliveryOutcome, MAX_ANSWER_BYTES, MAX_WEBHOOKS_PER_ACCOUNT,
    NewWebhook, Webhook, WebhookTarget,
};
use world::{Answer, World};
pub use world::{DOWNLOAD_URL_LIFETIME, Limits, LoggedRequest, MAX_UPLOAD_BYTES, Seed};

/// How many requests [`MockServer::requests`] keeps by default (the oldest go first;
/// [`MockServer::count`] counts them all).
pub const DEFAULT_LOG_CAPACITY: usize = 100_000;

/// Everything behind the lock.
struct Inner {
    world: World,
    log: VecDeque<LoggedRequest>,
    log_capacity: usize,
    /// Path → method → requests.
    counts: HashMap<String, Vec<(Method, usize)>>,
    faults: Faults,
    /// API requests since the faults were set: the input of [`Faults::decide`].
    fault_seq: u64,
    deliveries: Vec<Delivery>,
}

struct Shared {
    inner: Mutex<Inner>,
    /// Deliveries to send, in order, by the delivery task.
    outbox: mpsc::UnboundedSender<Outgoing>,
    /// Wakes the task that writes the state file after a change.
    changed: Option<mpsc::UnboundedSender<()>>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wakes the state-file writer (if there is a state file).
    fn changed(&self) {
        if let Some(tx) = &self.changed {
            let _ = tx.send(());
        }
    }
}

type AppState = Arc<Shared>;

/// How to start a [`MockServer`]: seed, limits, faults, port, state file.
#[derive(Debug)]
#[must_use]
pub struct MockBuilder {
    seed: Seed,
    limits: Limits,
    faults: Faults,
    port: u16,
    state_file: Option<PathBuf>,
    log_capacity: usize,
}

impl MockBuilder {
    /// The accounts and rooms to start with (ignored when a state file is loaded).
    pub fn seed(mut self, seed: Seed) -> Self {
        self.seed = seed;
        self
    }

    /// The rate limits and lifetimes (short windows make tests fast).
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Faults to inject from the first request on ([`MockServer::set_faults`] changes them).
    pub fn faults(mut self, faults: Faults) -> Self {
        self.faults = faults;
        self
    }

    /// The loopback port (0, the default: any free one).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Loads the state from this JSON file if it exists (else starts from the seed), and
    /// writes it back after every change and when the server stops.
    pub fn state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.state_file = Some(path.into());
        self
    }

    /// How many requests the request log keeps (default [`DEFAULT_LOG_CAPACITY`]).
    pub fn log_capacity(mut self, entries: usize) -> Self {
        self.log_capacity = entries;
        self
    }

    /// Starts the server.
    ///
    /// # Errors
    ///
    /// When the port cannot be bound, or the state file cannot be read or is not a state.
    pub async fn start(self) -> std::io::Result<MockServer> {
        let world = match &self.state_file {
            Some(path) if path.exists() => {
                let text = std::fs::read_to_string(path)?;
                World::from_json(&text, self.limits.clone()).map_err(|e| {
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("{} is not a chatwork-mock state: {e}", path.display()),
                    )
                })?
            }
            _ => World::new(self.seed, self.limits.clone()),
        };
        let tokens = world.tokens();
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await?;
        let addr = listener.local_addr()?;
        let (outbox, outgoing) = mpsc::unbounded_channel();
        let (changed, saves) = match &self.state_file {
            Some(_) => {
                let (tx, rx) = mpsc::unbounded_channel();
                (Some(tx), Some(rx))
            }
            None => (None, None),
        };
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner {
                world,
                log: VecDeque::new(),
                log_capacity: self.log_capacity,
                counts: HashMap::new(),
                faults: self.faults,
                fault_seq: 0,
                deliveries: Vec::new(),
            }),
            outbox,
            changed,
        });
        if let Some(path) = &self.state_file {
            save(&shared, path)?;
        }
        tokio::spawn(deliver(Arc::downgrade(&shared), outgoing));
        if let (Some(path), Some(saves)) = (self.state_file.clone(), saves) {
            tokio::spawn(keep_saved(Arc::downgrade(&shared), saves, path));
        }
        let app = router(shared.clone());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(MockServer {
            shared,
            addr,
            tokens,
            state_file: self.state_file,
            shutdown: Some(tx),
        })
    }
}

/// Sends the deliveries one after the other and logs how each ended.
async fn deliver(shared: Weak<Shared>, mut outgoing: mpsc::UnboundedReceiver<Outgoing>) {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_default();
    while let Some(d) = outgoing.recv().await {
        let outcome = webhooks::send(&http, &d).await;
        let Some(shared) = shared.upgrade() else {
            return;
        };
        let delivery = Delivery {
            webhook_id: d.webhook_id,
            event_type: d.event_type,
            url: d.url,
            body: d.body,
            signature: d.signature,
            outcome,
        };
        let mut inner = shared.lock();
        inner
            .world
            .delivered(&delivery.webhook_id, delivery.succeeded());
        inner.deliveries.push(delivery);
    }
}

/// Writes the state file after changes (several changes in a burst make one write).
async fn keep_saved(shared: Weak<Shared>, mut saves: mpsc::UnboundedReceiver<()>, path: PathBuf) {
    while saves.recv().await.is_some() {
        while saves.try_recv().is_ok() {}
        let Some(shared) = shared.upgrade() else {
            return;
        };
        if let Err(e) = save(&shared, &path) {
            eprintln!("chatwork-mock: cannot write {}: {e}", path.display());
        }
    }
}

/// Writes the state to `path` through a temporary file, so that a crash leaves the old or
/// the new state, never half of one.
fn save(shared: &Shared, path: &FsPath) -> std::io::Result<()> {
    let json = shared.lock().world.to_json();
    write_atomically(path, &json)
}

fn write_atomically(path: &FsPath, text: &str) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

/// A running mock Chatwork; stops when dropped.
pub struct MockServer {
    shared: AppState,
    addr: SocketAddr,
    tokens: Vec<(String, String)>,
    state_file: Option<PathBuf>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl MockServer {
    /// How to start one with other settings.
    pub fn builder() -> MockBuilder {
        MockBuilder {
            seed: Seed::demo(),
            limits: Limits::default(),
            faults: Faults::none(),
            port: 0,
            state_file: None,
            log_capacity: DEFAULT_LOG_CAPACITY,
        }
    }

    /// Starts the mock on a free loopback port with the demo seed and Chatwork's limits.
    pub async fn start() -> Self {
        Self::start_with(Seed::demo(), Limits::default()).await
    }

    /// Starts the mock with a seed and limits (short windows make rate-limit tests fast).
    pub async fn start_with(seed: Seed, limits: Limits) -> Self {
        Self::start_on(0, seed, limits)
            .await
            .expect("a free loopback port")
    }

    /// Starts the mock on a given loopback port (0: any free one).
    ///
    /// # Errors
    ///
    /// When the port cannot be bound.
    pub async fn start_on(port: u16, seed: Seed, limits: Limits) -> std::io::Result<Self> {
        Self::builder()
            .port(port)
            .seed(seed)
            .limits(limits)
            .start()
            .await
    }

    /// The requests received so far, in order (the last [`DEFAULT_LOG_CAPACITY`] unless
    /// set otherwise). API v2 requests only, not the mock's own `/mock/...` routes.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.shared.lock().log.iter().cloned().collect()
    }

    /// How many requests with `method` reached `path` (e.g. `("POST", "/v2/rooms/101/messages")`),
    /// including those that met a fault.
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.shared
            .lock()
            .counts
            .get(path)
            .and_then(|by| by.iter().find(|(m, _)| m.as_str() == method))
            .map_or(0, |(_, n)| *n)
    }

    /// The seeded accounts' names and tokens.
    pub fn tokens(&self) -> &[(String, String)] {
        &self.tokens
    }

    /// The base URL to give the SDK (`http://127.0.0.1:<port>/v2`).
    pub fn base_url(&self) -> String {
        format!("{}/v2", self.origin())
    }

    /// `http://127.0.0.1:<port>`, where the mock's own routes (`/mock/...`) live.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The API token of a seeded account, by its lower-case first name (`alice`, `bob`,
    /// `carol`, `dave`).
    pub fn token(&self, who: &str) -> String {
        self.tokens
            .iter()
            .find(|(name, _)| name == who)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    }

    /// Registers a webhook for the account `who` (as Chatwork's settings screen would).
    ///
    /// # Errors
    ///
    /// Chatwork's refusal as text: no such account, more than five webhooks, a room the
    /// account is not in, a URL that is not HTTP(S), a token that is not Base64.
    pub fn register_webhook(&self, who: &str, webhook: NewWebhook) -> Result<Webhook, String> {
        let token = self.token(who);
        let mut inner = self.shared.lock();
        let account = inner
            .world
            .account_by_token(&token)
            .ok_or_else(|| format!("no seeded account {who:?}"))?;
        let registered = inner.world.register_webhook(account, webhook);
        drop(inner);
        self.shared.changed();
        registered.map_err(|a| match a {
            Answer::Error(_, message) => message,
            _ => String::new(),
        })
    }

    /// All webhooks, with their state (enabled, failures in a row).
    pub fn webhooks(&self) -> Vec<Webhook> {
        self.shared.lock().world.webhooks_of(None)
    }

    /// The webhook deliveries made so far, in the order they ended.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.shared.lock().deliveries.clone()
    }

    /// Waits until at least `n` deliveries ended, or `timeout` passed; returns them all.
    pub async fn wait_for_deliveries(&self, n: usize, timeout: Duration) -> Vec<Delivery> {
        let until = Instant::now() + timeout;
        loop {
            let done = self.deliveries();
            if done.len() >= n || Instant::now() >= until {
                return done;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// Replaces the faults; their sequence starts again from request 0.
    pub fn set_faults(&self, faults: Faults) {
        let mut inner = self.shared.lock();
        inner.faults = faults;
        inner.fault_seq = 0;
    }

    /// The state as JSON, in the format of the state file.
    pub fn state_json(&self) -> String {
        self.shared.lock().world.to_json()
    }

    /// Writes the state to a JSON file that [`MockBuilder::state_file`] can load.
    ///
    /// # Errors
    ///
    /// When the file cannot be written.
    pub fn save_state(&self, path: impl AsRef<FsPath>) -> std::io::Result<()> {
        save(&self.shared, path.as_ref())
    }
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer")
            .field("base_url", &self.base_url())
            .finish_non_exhaustive()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(path) = &self.state_file
            && let Err(e) = save(&self.shared, path)
        {
            eprintln!("chatwork-mock: cannot write {}: {e}", path.display());
        }
    }
}

fn router(shared: AppState) -> Router {
    Router::new()
        .route("/v2/me", get(me))
        .route("/v2/my/status", get(my_status))
        .route("/v2/contacts", get(contacts))
        .route("/v2/my/tasks", get(list_my_tasks))
        .route("/v2/incoming_requests", get(list_requests))
        .route(
            "/v2/incoming_requests/{request_id}",
            put(accept_request).delete(decline_request),
        )
        .route(
            "/v2/rooms/{room_id}/tasks",
            get(list_room_tasks).post(create_task),
        )
        .route("/v2/rooms/{room_id}/tasks/{task_id}", get(get_task))
        .route(
            "/v2/rooms/{room_id}/files",
            get(list_files).post(upload_file),
        )
        .route("/v2/rooms/{room_id}/files/{file_id}", get(get_file))
        .route("/download/{key}", get(download))
        .route(
            "/v2/rooms/{room_id}/tasks/{task_id}/status",
            put(update_task_status),
        )
        .route(
            "/v2/rooms/{room_id}/link",
            get(get_link)
                .post(create_link)
                .put(update_link)
                .delete(delete_link),
        )
        .route("/v2/rooms", get(list_rooms).post(create_room))
        .route(
            "/v2/rooms/{room_id}",
            get(get_room).put(update_room).delete(delete_room),
        )
        .route(
            "/v2/rooms/{room_id}/members",
            get(list_members).put(update_members),
        )
        .route(
            "/v2/rooms/{room_id}/messages",
            get(list_messages).post(post_message),
        )
        .route("/v2/rooms/{room_id}/messages/read", put(mark_read))
        .route("/v2/rooms/{room_id}/messages/unread", put(mark_unread))
        .route(
            "/v2/rooms/{room_id}/messages/{message_id}",
            get(get_message).put(update_message).delete(delete_message),
        )
        .route(
            "/mock/webhooks",
            get(control::list_webhooks).post(control::register_webhook),
        )
        .route(
            "/mock/webhooks/{id}",
            put(control::change_webhook).delete(control::remove_webhook),
        )
        .route("/mock/deliveries", get(control::deliveries))
        .route("/mock/requests", get(control::requests))
        .route("/mock/faults", put(control::set_faults))
        .route("/mock/oauth/authorize", get(oauth::authorize))
        .route("/mock/oauth/token", axum::routing::post(oauth::token))
        .fallback(not_found)
        // Bodies up to this size reach the handlers, so that an upload over Chatwork's 5 MB
        // gets the local Chatwork's own JSON refusal rather than the framework's 2 MiB limit.
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(shared)
}

/// The largest request body read (16 MiB): three times Chatwork's upload limit. A larger
/// body is refused by the web framework with a plain-text 413.
pub const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// One request as the handlers see it: who, what, and the parameters Chatwork reads.
struct Call<'a> {
    account: i64,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    /// The body as sent (for multipart uploads) and its content type.
    raw_body: &'a [u8],
    content_type: &'a str,
    /// The `host` header, for URLs this server hands out.
    host: &'a str,
}

/// Serves one API request: faults, authentication, the token budget, `f` on the world, the
/// request log, the rate-limit headers, webhook deliveries and the state file.
#[allow(clippy::too_many_arguments)]
async fn serve(
    shared: &Shared,
    method: Method,
    path: &str,
    headers: &HeaderMap,
    query: Option<String>,
    body: &[u8],
    f: impl FnOnce(&mut World, &Call) -> Answer,
) -> Response {
    let parse = form::urlencoded;
    let is_get = method == Method::GET;
    // Chatwork reads the query of a GET only, and the form body of a write only.
    let mut call = Call {
        query: if is_get {
            parse(query.unwrap_or_default().as_bytes())
        } else {
            Vec::new()
        },
        form: if is_get { Vec::new() } else { parse(body) },
        raw_body: body,
        content_type: header(headers, "content-type"),
        host: header(headers, "host"),
        account: 0,
    };
    // Decided, applied and logged under the lock; the answer is written after it.
    let (answer, rate, fault, latency) = {
        let mut inner = shared.lock();
        let fault = inner.faults.decide(inner.fault_seq);
        inner.fault_seq += 1;
        let latency = inner.faults.latency;
        let (answer, rate) = match fault {
            Some(Fault::ServerError(status)) => (Answer::Error(status, String::new()), None),
            _ => {
                let (answer, rate) = answer(&mut inner.world, headers, &mut call, f);
                (answer, Some(rate))
            }
        };
        let status = answer.status();
        let counted = inner.counts.entry(path.to_owned()).or_default();
        match counted.iter_mut().find(|(m, _)| *m == method) {
            Some((_, n)) => *n += 1,
            None => counted.push((method.clone(), 1)),
        }
        if inner.log_capacity > 0 {
            if inner.log.len() >= inner.log_capacity {
                inner.log.pop_front();
            }
            inner.log.push_back(LoggedRequest {
                method: method.to_string(),
                path: path.to_owned(),
                form: std::mem::take(&mut call.form),
                status,
                fault,
            });
        }
        for d in inner.world.take_deliveries() {
            let _ = shared.outbox.send(d);
        }
        if !is_get && (200..300).contains(&status) {
            shared.changed();
        }
        (answer, rate, fault, latency)
    };
    let response = match rate {
        Some(rate) => with_rate(answer.into_response(), &rate),
        None => Response::default(),
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    match fault {
        Some(fault) => faults::apply(fault, response).await,
        None => response,
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// The account behind the `x-chatworktoken` header or an OAuth bearer token.
fn caller(world: &World, headers: &HeaderMap) -> Option<i64> {
    if let Some(token) = headers.get("x-chatworktoken").and_then(|v| v.to_str().ok()) {
        return world.account_by_token(token);
    }
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))?;
    world
        .account_by_access_token(bearer)
        .or_else(|| world.account_by_token(bearer))
}

/// Authenticates, applies the token budget and runs `f`; gives the answer and the budget
/// for the rate-limit headers.
fn answer(
    w: &mut World,
    headers: &HeaderMap,
    call: &mut Call,
    f: impl FnOnce(&mut World, &Call) -> Answer,
) -> (Answer, world::Rate) {
    let Some(account) = caller(w, headers) else {
        // Like every answer, a 401 carries the rate-limit headers (of no token's budget).
        let rate = w.unspent();
        return (Answer::Error(401, "Invalid API token".into()), rate);
    };
    let rate = w.spend(account);
    if rate.remaining_before == 0 {
        return (Answer::Error(429, "Rate limit exceeded".into()), rate);
    }
    call.account = account;
    (f(w, call), rate)
}

fn with_rate(mut response: Response, rate: &world::Rate) -> Response {
    let h = response.headers_mut();
    for (name, value) in [
        ("x-ratelimit-limit", rate.limit.to_string()),
        ("x-ratelimit-remaining", rate.remaining_after.to_string()),
        ("x-ratelimit-reset", rate.reset.to_string()),
    ] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
    response
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "errors": [message] }))).into_response()
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        match self {
            Answer::Json(v) => (StatusCode::OK, axum::Json(v)).into_response(),
            Answer::Raw(bytes) => (
                StatusCode::OK,
                [("content-type", HeaderValue::from_static("application/json"))],
                bytes,
            )
                .into_response(),
            Answer::NoContent => StatusCode::NO_CONTENT.into_response(),
            Answer::Error(status, message) => error(
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
                &message,
            ),
        }
    }
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "Resource not found")
}

macro_rules! handler {
    ($name:ident, |$w:ident, $c:ident $(, $p:pat => $t:ty)?| $body:expr) => {
        async fn $name(
            State(shared): State<AppState>,
            method: Method,
            uri: axum::http::Uri,
            $(Path($p): Path<$t>,)?
            RawQuery(query): RawQuery,
            headers: HeaderMap,
            body: Bytes,
        ) -> Response {
            serve(&shared, method, uri.path(), &headers, query, &body, |$w, $c| $body).await
        }
    };
}

handler!(me, |w, c| w.me(c.account));
handler!(my_status, |w, c| w.my_status(c.account));
handler!(contacts, |w, c| w.contacts(c.account));
handler!(list_rooms, |w, c| w.list_rooms(c.account));
handler!(create_room, |w, c| w.create_room(c.account, &c.form));
handler!(get_room, |w, c, room => String| w.get_room(c.account, &room));
handler!(update_room, |w, c, room => String| w.update_room(c.account, &room, &c.form));
handler!(delete_room, |w, c, room => String| w.delete_room(c.account, &room, &c.form));
handler!(list_members, |w, c, room => String| w.list_members(c.account, &room));
handler!(update_members, |w, c, room => String| w.update_members(c.account, &room, &c.form));
handler!(list_messages, |w, c, room => String| w.list_messages(c.account, &room, &c.query));
handler!(post_message, |w, c, room => String| w.post_message(c.account, &room, &c.form));
handler!(mark_read, |w, c, room => String| w.mark(c.account, &room, &c.form, true));
handler!(mark_unread, |w, c, room => String| w.mark(c.account, &room, &c.form, false));
handler!(get_message, |w, c, (room, id) => (String, String)| w.get_message(c.account, &room, &id));
handler!(update_message, |w, c, (room, id) => (String, String)| w
    .update_message(c.account, &room, &id, &c.form));
handler!(delete_message, |w, c, (room, id) => (String, String)| w
    .delete_message(c.account, &room, &id));
handler!(list_my_tasks, |w, c| w.list_my_tasks(c.account, &c.query));
handler!(list_room_tasks, |w, c, room => String| w.list_room_tasks(c.account, &room, &c.query));
handler!(create_task, |w, c, room => String| w.create_task(c.account, &room, &c.form));
handler!(get_task, |w, c, (room, id) => (String, String)| w.get_task(c.account, &room, &id));
handler!(update_task_status, |w, c, (room, id) => (String, String)| w
    .update_task_status(c.account, &room, &id, &c.form));
handler!(get_link, |w, c, room => String| w.get_link(c.account, &room));
handler!(create_link, |w, c, room => String| w
    .write_link(c.account, &room, Some(&c.form), true));
handler!(update_link, |w, c, room => String| w
    .write_link(c.account, &room, Some(&c.form), false));
handler!(delete_link, |w, c, room => String| w.write_link(c.account, &room, None, false));
handler!(list_requests, |w, c| w.list_requests(c.account));
handler!(accept_request, |w, c, id => String| w.answer_request(c.account, &id, true));
handler!(decline_request, |w, c, id => String| w.answer_request(c.account, &id, false));
handler!(list_files, |w, c, room => String| w.list_files(c.account, &room, &c.query));
handler!(upload_file, |w, c, room => String| w.upload_file(
    c.account,
    &room,
    c.content_type,
    c.raw_body
));
handler!(get_file, |w, c, (room, id) => (String, String)| w.get_file(
    c.account,
    &room,
    &id,
    &c.query,
    &format!("http://{}", c.host)
));

/// Serves a file's bytes while its download URL is valid (30 seconds).
async fn download(State(shared): State<AppState>, Path(key): Path<String>) -> Response {
    let found = shared.lock().world.download(&key);
    match found {
        Some((name, bytes)) => {
            let disposition = format!("attachment; filename=\"{}\"", name.replace('"', "%22"));
            let mut response = bytes.into_response();
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                response.headers_mut().insert("content-disposition", v);
            }
            response
        }
        None => (StatusCode::FORBIDDEN, "this download URL has expired").into_response(),
    }
}
