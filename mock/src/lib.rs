//! A local, stateful Chatwork API v2 for offline runs and tests.
//!
//! All 32 operations of API v2 are served from in-memory state with Chatwork's rules: roles,
//! the per-token "not yet returned" message cursor, tasks, files with 30-second download
//! URLs, invitation links, contact requests, 204s, `{"errors": [...]}` refusals, rate-limit
//! headers and 429s. On top of the API: webhooks signed as Chatwork signs them
//! ([`MockServer::register_webhook`], [`MockServer::deliveries`]), seeded faults
//! ([`Faults`]), a request log ([`MockServer::requests`], [`MockServer::count`]), OAuth with
//! scopes and expiring tokens, a clock control ([`MockServer::advance_clock`]) and a state
//! file any number of processes can share ([`MockBuilder::state_file`]). The mock's own routes
//! live under `/mock/` (webhook settings, deliveries, requests, faults, the clock, OAuth consent
//! and token endpoints), outside `/v2`. `mock/FIDELITY.md` in the repository lists each
//! documented Chatwork behaviour and whether the mock models it, differs or leaves it out.
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

// Where each decision lives (for contributors):
// - which operations exist and what each parameter takes: `operations` (the catalog, written
//   by `cargo xtask gen` from the spec); routing from it: `routes`; refusals from it, before
//   any behaviour: `validate`, in Chatwork's words: `refusal`;
// - what an operation does to the state: `world` (one module per kind of thing), reached from
//   `handlers` (one line per operation) through `serve` (authentication, limits, the log);
// - how a request's form, query or multipart body is read: `form`;
// - OAuth (what the consent screen decides, the token endpoint, grants): `oauth` and
//   `world::grants`; the consent screen's page: `consent`;
// - webhooks and their deliveries: `webhooks`; seeded faults: `faults`; the routes under
//   `/mock/`: `control`; the state file shared between processes: `store`.
mod faults;
mod form;
mod handlers;
mod oauth;
mod webhooks;
// The catalog is one text shared with the SDK (`chatwork::catalog`): the mock reads part of it.
#[rustfmt::skip]
#[allow(dead_code)]
mod operations;
mod refusal;
mod routes;
mod store;
mod validate;
mod world;

mod consent;
mod control;

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::{Path as FsPath, PathBuf};

use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};
use store::StateFile;

use axum::Router;
use axum::http::Method;
use axum::routing::{get, put};
use tokio::sync::mpsc;

pub use faults::{Fault, Faults};
pub use oauth::{ACCESS_TOKEN_LIFETIME_SECS, TokenStats};
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
    /// How many more token requests hang ([`MockServer::hang_token_requests`]).
    token_hangs: u32,
}

struct Shared {
    inner: Mutex<Inner>,
    /// Deliveries to send, in order, by the delivery task.
    outbox: mpsc::UnboundedSender<Outgoing>,
    /// The state file shared with other processes, if any.
    file: Option<StateFile>,
}

impl Shared {
    /// This process's own part (request log, faults, deliveries) and its copy of the world,
    /// which may be behind the state file: use [`Shared::transact`] to read or change the world.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the latest world: with a state file, under its lock, after re-reading it if
    /// another process wrote it, and writing it back after `f` if the world changed.
    async fn transact<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> std::io::Result<R> {
        let lock = match &self.file {
            Some(file) => Some(file.lock().await?),
            None => None,
        };
        self.under(lock.as_ref(), f)
    }

    /// [`Shared::transact`], blocking the thread while another process holds the lock.
    fn transact_blocking<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> std::io::Result<R> {
        let lock = match &self.file {
            Some(file) => Some(file.lock_blocking()?),
            None => None,
        };
        self.under(lock.as_ref(), f)
    }

    fn under<R>(
        &self,
        lock: Option<&store::Locked>,
        f: impl FnOnce(&mut Inner) -> R,
    ) -> std::io::Result<R> {
        let mut inner = self.lock();
        let (Some(file), Some(lock)) = (&self.file, lock) else {
            return Ok(f(&mut inner));
        };
        if let Some(bytes) = file.changed(lock)? {
            inner
                .world
                .reload(&bytes)
                .map_err(|e| not_a_state(file.path(), &e))?;
        }
        let result = f(&mut inner);
        file.write(lock, inner.world.to_json()?.into_bytes())?;
        Ok(result)
    }
}

fn not_a_state(path: &FsPath, e: &serde_json::Error) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("{} is not a chatwork-mock state: {e}", path.display()),
    )
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
    advertise: bool,
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

    /// Shares the state through this JSON file: loaded if it exists (else started from the
    /// seed), re-read before every request if another process changed it, and written back
    /// after every change, all under a lock (`<file>.lock`). Any number of servers, in any
    /// number of processes, can share one file: each sees the others' changes and none loses
    /// one. Uploaded bytes are kept in `<file>.files/`. On Unix the files are created readable
    /// by their owner only.
    pub fn state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.state_file = Some(path.into());
        self
    }

    /// With a state file: records this server's address in `<file>.server` while it runs, so
    /// that other programs sharing the state ([`running_server`]; the `chatwork` CLI) talk to
    /// it rather than serve the file themselves, and the download URLs they are given keep
    /// working after they exit. The `chatwork-mock` binary does this.
    pub fn advertise(mut self, advertise: bool) -> Self {
        self.advertise = advertise;
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
        let file = self
            .state_file
            .as_deref()
            .map(StateFile::open)
            .transpose()?;
        let mut world = World::new(self.seed, self.limits.clone());
        if let Some(file) = &file {
            world.blobs = store::Blobs::Dir(file.blobs_dir());
        }
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await?;
        let addr = listener.local_addr()?;
        let (outbox, outgoing) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner {
                world,
                log: VecDeque::new(),
                log_capacity: self.log_capacity,
                counts: HashMap::new(),
                faults: self.faults,
                fault_seq: 0,
                deliveries: Vec::new(),
                token_hangs: 0,
            }),
            outbox,
            file,
        });
        // Loads the file (or writes the seed to it).
        let tokens = shared.transact(|inner| inner.world.tokens()).await?;
        tokio::spawn(deliver(Arc::downgrade(&shared), outgoing));
        let app = router(shared.clone());
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        let advertised = match (&self.state_file, self.advertise) {
            (Some(path), true) => {
                let ad = Advertised {
                    origin: format!("http://{addr}"),
                    pid: std::process::id(),
                    tokens: tokens.clone(),
                };
                let ad_path = advertisement(path);
                store::write_atomically(&ad_path, serde_json::to_string(&ad)?.as_bytes())?;
                Some(ad_path)
            }
            _ => None,
        };
        Ok(MockServer {
            shared,
            addr,
            tokens,
            shutdown: Some(tx),
            advertised,
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
        let (id, ok) = (delivery.webhook_id.clone(), delivery.succeeded());
        shared.lock().deliveries.push(delivery);
        if let Err(e) = shared
            .transact(|inner| inner.world.delivered(&id, ok))
            .await
        {
            eprintln!("chatwork-mock: cannot count the delivery to webhook {id}: {e}");
        }
    }
}

/// A running mock Chatwork; stops when dropped.
pub struct MockServer {
    shared: AppState,
    addr: SocketAddr,
    tokens: Vec<(String, String)>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    /// The `<state>.server` file this server wrote, removed when it stops.
    advertised: Option<PathBuf>,
}

/// A running server that shares a state file, as it recorded itself
/// ([`MockBuilder::advertise`]).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Advertised {
    /// `http://127.0.0.1:<port>`.
    pub origin: String,
    /// Its process.
    pub pid: u32,
    /// The seeded accounts' lower-case first names and API tokens.
    pub tokens: Vec<(String, String)>,
}

impl Advertised {
    /// The base URL to give the SDK.
    pub fn base_url(&self) -> String {
        format!("{}/v2", self.origin)
    }

    /// The API token of a seeded account by its lower-case first name, if there is one.
    pub fn token(&self, who: &str) -> Option<&str> {
        self.tokens
            .iter()
            .find(|(name, _)| name == who)
            .map(|(_, t)| t.as_str())
    }
}

fn advertisement(state_file: &FsPath) -> PathBuf {
    let mut name = state_file.as_os_str().to_owned();
    name.push(".server");
    PathBuf::from(name)
}

/// The server that advertised itself for `state_file`, if it is still running and serving
/// that file (asked over HTTP, within a second); else `None`.
pub async fn running_server(state_file: &FsPath) -> Option<Advertised> {
    let text = std::fs::read(advertisement(state_file)).ok()?;
    let ad: Advertised = serde_json::from_slice(&text).ok()?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(1))
        .build()
        .ok()?;
    let answer = http
        .get(format!("{}/mock/state-file", ad.origin))
        .send()
        .await
        .ok()?;
    let served: serde_json::Value = serde_json::from_slice(&answer.bytes().await.ok()?).ok()?;
    let served = std::fs::canonicalize(served["path"].as_str()?).ok()?;
    (served == std::fs::canonicalize(state_file).ok()?).then_some(ad)
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
            advertise: false,
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
        self.shared
            .transact_blocking(|inner| {
                let account = inner
                    .world
                    .account_by_token(&token)
                    .ok_or_else(|| format!("no seeded account {who:?}"))?;
                inner
                    .world
                    .register_webhook(account, webhook)
                    .map_err(|a| match a {
                        Answer::Error(_, message) => message,
                        _ => String::new(),
                    })
            })
            .map_err(|e| e.to_string())?
    }

    /// All webhooks, with their state (enabled, failures in a row).
    pub fn webhooks(&self) -> Vec<Webhook> {
        self.shared
            .transact_blocking(|inner| inner.world.webhooks_of(None))
            .unwrap_or_else(|_| self.shared.lock().world.webhooks_of(None))
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

    /// Adds an account named `name` (1 to 64 letters, digits, `-`, `_`) with its own chat;
    /// returns its ID and API token. It can sign in through the OAuth consent route with
    /// `mock_user=<name>` (lower case).
    ///
    /// # Errors
    ///
    /// A name that is invalid or taken, or a state file that fails.
    pub fn create_account(&self, name: &str) -> Result<(i64, String), String> {
        self.shared
            .transact_blocking(|inner| inner.world.add_account(name))
            .map_err(|e| e.to_string())?
            .map_err(|a| match a {
                Answer::Error(_, message) => message,
                _ => String::new(),
            })
    }

    /// What the OAuth token endpoint did so far.
    pub fn token_stats(&self) -> TokenStats {
        self.shared
            .transact_blocking(|inner| inner.world.oauth.stats)
            .unwrap_or_else(|_| self.shared.lock().world.oauth.stats)
    }

    /// The next `n` requests to the token endpoint hang (for 10 minutes, or until the client
    /// gives up) without being applied: their refresh tokens stay valid.
    pub fn hang_token_requests(&self, n: u32) {
        self.shared.lock().token_hangs = n;
    }

    /// Whether a used refresh token keeps working (off by default: single-use, as the
    /// strictest reading of Chatwork's documentation has it).
    ///
    /// # Errors
    ///
    /// When the state file cannot be read or written.
    pub fn reuse_refresh_tokens(&self, reuse: bool) -> std::io::Result<()> {
        self.shared
            .transact_blocking(|inner| inner.world.oauth.reuse_refresh_tokens = reuse)
    }

    /// Replaces the faults; their sequence starts again from request 0.
    pub fn set_faults(&self, faults: Faults) {
        let mut inner = self.shared.lock();
        inner.faults = faults;
        inner.fault_seq = 0;
    }

    /// Moves the local Chatwork's clock ahead by `by` (for every process sharing its state
    /// file): OAuth access tokens expire, rate-limit windows end and download URLs lapse
    /// without a test sleeping. Message times keep the system clock.
    ///
    /// # Errors
    ///
    /// When the state file cannot be read or written.
    pub fn advance_clock(&self, by: Duration) -> std::io::Result<()> {
        self.shared
            .transact_blocking(|inner| inner.world.advance_clock(by))
    }

    /// The state as JSON, in the format of the state file (the latest, with a state file).
    pub fn state_json(&self) -> String {
        self.shared
            .transact_blocking(|inner| inner.world.to_json())
            .ok()
            .unwrap_or_else(|| self.shared.lock().world.to_json())
            .unwrap_or_default()
    }

    /// Writes the state to a JSON file that [`MockBuilder::state_file`] can load.
    ///
    /// # Errors
    ///
    /// When the file cannot be written.
    pub fn save_state(&self, path: impl AsRef<FsPath>) -> std::io::Result<()> {
        let json = self
            .shared
            .transact_blocking(|inner| inner.world.to_json())??;
        store::write_atomically(path.as_ref(), json.as_bytes())
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
        // Every change is already in the state file, if there is one.
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(path) = &self.advertised {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn router(shared: AppState) -> Router {
    routes::api()
        .route("/download/{key}", get(handlers::download))
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
        .route("/mock/clock", put(control::advance_clock))
        .route("/mock/state-file", get(control::state_file))
        .route(
            "/mock/oauth/authorize",
            get(oauth::authorize).post(oauth::decide),
        )
        .route("/mock/oauth/token", axum::routing::post(oauth::token))
        .route("/mock/oauth/settings", put(oauth::settings))
        .route("/mock/oauth/stats", get(oauth::stats))
        .route(
            "/mock/accounts",
            axum::routing::post(control::create_account),
        )
        .fallback(handlers::not_found)
        // Bodies up to this size reach the handlers, so that an upload over Chatwork's 5 MB
        // gets the local Chatwork's own JSON refusal rather than the framework's 2 MiB limit.
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(shared)
}

/// The largest request body read (16 MiB): three times Chatwork's upload limit. A larger
/// body is refused by the web framework with a plain-text 413.
pub const BODY_LIMIT: usize = 16 * 1024 * 1024;
