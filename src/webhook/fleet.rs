//! One webhook endpoint for every connection of a platform (axum).
//!
//! Each Chatwork webhook setting has a token of its own, made by hand in Chatwork's settings
//! screen (there is no API for it), so the platform stores, per setting, whose it is and its
//! token. [`FleetWebhookReceiver`] routes each delivery to its setting through a
//! [`WebhookDirectory`] the platform implements, verifies the signature with that setting's
//! token only, and hands the verified event to the handler with the setting's route:
//!
//! - `POST /{key}`: the URL's last segment names the setting (give each setting its own URL,
//!   e.g. `https://platform.example/chatwork/{key}`); the event's `webhook_setting_id` must be
//!   the one the directory gives, when it gives one;
//! - `POST /`: the setting is looked up by the body's `webhook_setting_id` (read before the
//!   signature is checked, then verified with that setting's token).
//!
//! A delivery for an unknown key or setting, without a signature, with a signature of
//! another setting's token, or naming another setting than its URL's, gets **401** with an
//! empty body, the same answer for each (nothing that tells a forger which keys exist), and
//! never reaches a handler. A directory that fails gets **503**. Verified events are answered
//! **200** at once and handled afterwards, as by [`WebhookReceiver`](super::axum::WebhookReceiver):
//! the answer never waits on the handler, and an accepted event is never dropped.
//!
//! ```no_run
//! use std::sync::Arc;
//! use chatwork::webhook::WebhookVerifier;
//! use chatwork::webhook::fleet::{FleetWebhookReceiver, Registered, WebhookAddress, WebhookDirectory};
//!
//! /// The platform's table of webhook settings (here in memory).
//! struct Settings(std::collections::HashMap<String, Registered>);
//!
//! impl WebhookDirectory for Settings {
//!     fn lookup<'a>(&'a self, address: WebhookAddress<'a>) -> chatwork::webhook::fleet::LookupFuture<'a> {
//!         let found = match address {
//!             WebhookAddress::Key(key) => self.0.get(key).cloned(),
//!             WebhookAddress::Setting(id) => self.0.values().find(|r| r.setting_id.as_deref() == Some(id)).cloned(),
//!             _ => None,
//!         };
//!         Box::pin(std::future::ready(Ok(found)))
//!     }
//! }
//!
//! # fn run() -> Result<(), chatwork::webhook::WebhookError> {
//! let mut settings = std::collections::HashMap::new();
//! settings.insert("k7Hq2".to_owned(), Registered::new("tenant-7:user-12", WebhookVerifier::new("c2VjcmV0")?).setting_id("3088"));
//! let (routes, handle) = FleetWebhookReceiver::new(Settings(settings), |delivery: chatwork::webhook::fleet::Delivery| async move {
//!     println!("{}: {:?}", delivery.route, delivery.event.event_type());
//! })
//! .build();
//! let app: axum::Router = axum::Router::new().nest("/chatwork", routes);
//! # let _ = (app, handle); Ok(()) }
//! ```

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use futures_util::future::BoxFuture;
use serde::Deserialize;

use super::axum::{
    DEFAULT_MAX_IN_FLIGHT, DEFAULT_QUEUE, Dispatch, WebhookHandle, rejection, signature,
};
use super::{MAX_BODY_BYTES, WebhookEvent, WebhookVerifier};

/// How a delivery names its webhook setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookAddress<'a> {
    /// The last segment of the URL it was posted to.
    Key(&'a str),
    /// The `webhook_setting_id` of its body (not yet verified).
    Setting(&'a str),
}

/// A webhook setting as the platform registered it.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Registered {
    /// Whose it is (a connection ID, a tenant): handed to the handler with each event.
    pub route: String,
    /// Its token (several while it is being rotated).
    pub verifier: Arc<WebhookVerifier>,
    /// Its `webhook_setting_id`, if known: events naming another are refused.
    pub setting_id: Option<String>,
}

impl Registered {
    /// A setting of `route`, verified with `verifier`.
    pub fn new(route: impl Into<String>, verifier: WebhookVerifier) -> Self {
        Self {
            route: route.into(),
            verifier: Arc::new(verifier),
            setting_id: None,
        }
    }

    /// Its `webhook_setting_id`.
    #[must_use]
    pub fn setting_id(mut self, id: impl Into<String>) -> Self {
        self.setting_id = Some(id.into());
        self
    }
}

/// What [`WebhookDirectory::lookup`] returns: the setting, `None` when there is none, or
/// why it could not be looked up (answered 503; never shown to the sender).
pub type LookupFuture<'a> = BoxFuture<'a, Result<Option<Registered>, String>>;

/// Where the platform keeps its webhook settings (a database table, a cache).
pub trait WebhookDirectory: Send + Sync + 'static {
    /// The setting a delivery addresses, if any.
    fn lookup<'a>(&'a self, address: WebhookAddress<'a>) -> LookupFuture<'a>;
}

/// A verified event and the route of the setting it came through.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Delivery {
    /// The setting's [`Registered::route`].
    pub route: String,
    /// The event.
    pub event: WebhookEvent,
}

/// Builds the routes of a platform's one webhook endpoint (see the [module docs](self)).
#[must_use = "call build() to get the routes"]
pub struct FleetWebhookReceiver<D, F> {
    directory: D,
    on_event: F,
    max_in_flight: usize,
    queue: usize,
    body_limit: usize,
}

impl<D, F> std::fmt::Debug for FleetWebhookReceiver<D, F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FleetWebhookReceiver")
            .field("max_in_flight", &self.max_in_flight)
            .field("queue", &self.queue)
            .field("body_limit", &self.body_limit)
            .finish_non_exhaustive()
    }
}

struct Endpoint<D, F> {
    directory: D,
    dispatch: Arc<Dispatch<F>>,
}

impl<D, F, Fut> FleetWebhookReceiver<D, F>
where
    D: WebhookDirectory,
    F: Fn(Delivery) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    /// An endpoint whose settings `directory` knows, handing each verified event to
    /// `on_event`.
    pub fn new(directory: D, on_event: F) -> Self {
        Self {
            directory,
            on_event,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            queue: DEFAULT_QUEUE,
            body_limit: MAX_BODY_BYTES,
        }
    }

    /// At most this many handlers at once (default 16).
    pub fn max_in_flight(mut self, n: usize) -> Self {
        self.max_in_flight = n.clamp(1, u32::MAX as usize / 2);
        self
    }

    /// Events waiting for a handler beyond those (default 1,024); past them, answers wait.
    pub fn queue(mut self, n: usize) -> Self {
        self.queue = n.min(u32::MAX as usize / 2);
        self
    }

    /// The largest body read (default 1 MiB); larger ones get 413.
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// The routes (`/` and `/{key}`) and the handle to drain accepted events.
    pub fn build(self) -> (Router, WebhookHandle) {
        let dispatch = Dispatch::new(self.on_event, self.max_in_flight, self.queue, false);
        let handle = dispatch.handle.clone();
        let state = Arc::new(Endpoint {
            directory: self.directory,
            dispatch: Arc::new(dispatch),
        });
        let router = Router::new()
            .route("/", post(by_setting::<D, F, Fut>))
            .route("/{key}", post(by_key::<D, F, Fut>))
            .layer(DefaultBodyLimit::max(self.body_limit))
            .with_state(state);
        (router, handle)
    }
}

async fn by_key<D, F, Fut>(
    State(endpoint): State<Arc<Endpoint<D, F>>>,
    Path(key): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode
where
    D: WebhookDirectory,
    F: Fn(Delivery) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let found = endpoint.directory.lookup(WebhookAddress::Key(&key)).await;
    deliver(endpoint, found, query.as_deref(), &headers, &body).await
}

async fn by_setting<D, F, Fut>(
    State(endpoint): State<Arc<Endpoint<D, F>>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode
where
    D: WebhookDirectory,
    F: Fn(Delivery) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    #[derive(Deserialize)]
    struct Setting {
        webhook_setting_id: Option<serde_json::Value>,
    }
    let setting = serde_json::from_slice::<Setting>(&body)
        .ok()
        .and_then(|s| s.webhook_setting_id)
        .and_then(|v| match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
    let Some(setting) = setting else {
        return unknown();
    };
    let found = endpoint
        .directory
        .lookup(WebhookAddress::Setting(&setting))
        .await;
    deliver(endpoint, found, query.as_deref(), &headers, &body).await
}

/// The one answer to every delivery that cannot be tied to a setting and its token.
fn unknown() -> StatusCode {
    tracing::debug!("webhook delivery rejected: unknown setting or bad signature");
    StatusCode::UNAUTHORIZED
}

async fn deliver<D, F, Fut>(
    endpoint: Arc<Endpoint<D, F>>,
    found: Result<Option<Registered>, String>,
    query: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
) -> StatusCode
where
    D: WebhookDirectory,
    F: Fn(Delivery) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let registered = match found {
        Ok(Some(registered)) => registered,
        Ok(None) => {
            // The same work as a known setting with a wrong signature would cost is not
            // matched here; the answer is the same.
            return unknown();
        }
        Err(why) => {
            tracing::warn!(error = %why, "the webhook directory failed");
            return StatusCode::SERVICE_UNAVAILABLE;
        }
    };
    let event = match registered
        .verifier
        .verify_and_parse(body, &signature(headers, query))
    {
        Ok(event) => event,
        Err(e) => {
            let status = rejection(&e);
            return if status == StatusCode::UNAUTHORIZED {
                unknown()
            } else {
                status
            };
        }
    };
    if registered
        .setting_id
        .as_deref()
        .is_some_and(|id| id != event.webhook_setting_id)
    {
        // Signed with this setting's token but naming another: never another's handler.
        return unknown();
    }
    endpoint
        .dispatch
        .clone()
        .accept(Delivery {
            route: registered.route,
            event,
        })
        .await
}
