//! A ready webhook receiver for axum.
//!
//! ```no_run
//! use chatwork::webhook::{WebhookEvent, WebhookVerifier, axum::WebhookReceiver};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let verifier = WebhookVerifier::new(&std::env::var("CHATWORK_WEBHOOK_TOKEN")?)?;
//! let (routes, handlers) = WebhookReceiver::new(verifier, |event: WebhookEvent| async move {
//!     println!("{:?} in room {:?}", event.event_type(), event.room_id());
//! })
//! .max_in_flight(8)
//! .build();
//! let app = axum::Router::new().nest("/chatwork", routes);
//! let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
//! let (_stop, stopped) = tokio::sync::oneshot::channel::<()>(); // send (or drop) to stop
//! axum::serve(listener, app)
//!     .with_graceful_shutdown(async { stopped.await.ok(); })
//!     .await?;
//! handlers.drain().await; // every accepted event has been handled
//! # Ok(()) }
//! ```
//!
//! **Nothing verified is lost.** Chatwork never retries a delivery and disables a webhook
//! whose deliveries fail too often, so the route answers as soon as the delivery is verified
//! and runs your handler afterwards, in a spawned task:
//! - at most [`max_in_flight`](WebhookReceiver::max_in_flight) handlers run at once (default
//!   16); further events wait, in arrival order, in a queue of
//!   [`queue`](WebhookReceiver::queue) events (default 1,024);
//! - when the queue is full too, the delivery's answer waits for room in the queue (Chatwork
//!   sees a slow answer, not a failure): an event is never dropped;
//! - [`WebhookHandle::drain`] waits for every accepted event to be handled, for a clean
//!   shutdown;
//! - [`await_handler`](WebhookReceiver::await_handler) opts in to running the handler before
//!   answering instead (Chatwork then waits for it).
//!
//! The route answers:
//! - **200** with an empty body once the event is verified and accepted (Chatwork wants at
//!   most 2,048 bytes and never retries, so the handler's outcome is not reported back), and
//!   also for a duplicate when [`deduplicate`](super::WebhookVerifier::deduplicate) is on (the
//!   handler is not called again);
//! - **401** for a missing or wrong signature (header or query parameter);
//! - **400** for a body that is not an event, or an event older than
//!   [`max_age`](super::WebhookVerifier::max_age);
//! - **413** for a body over the [`body_limit`](WebhookReceiver::body_limit), by default
//!   [`MAX_BODY_BYTES`] (1 MiB, room for the longest legal message however it is encoded);
//! - **500** only with `await_handler`, when the handler panics.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use futures_util::FutureExt as _;
use tokio::sync::Semaphore;

use super::{
    MAX_BODY_BYTES, SIGNATURE_HEADER, WebhookError, WebhookEvent, WebhookVerifier,
    signature_from_query,
};

/// Handlers that may run at once, by default.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 16;
/// Events that may wait for a handler, by default.
pub const DEFAULT_QUEUE: usize = 1024;

/// Bounds of the two settings, so that their sum fits the `u32` that `drain` acquires.
const HALF_U32: usize = (u32::MAX / 2) as usize;

/// Builds the receiver's routes; see the [module docs](self).
#[must_use = "call build() to get the routes"]
pub struct WebhookReceiver<F> {
    verifier: WebhookVerifier,
    on_event: F,
    max_in_flight: usize,
    queue: usize,
    body_limit: usize,
    await_handler: bool,
}

impl<F> std::fmt::Debug for WebhookReceiver<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookReceiver")
            .field("verifier", &self.verifier)
            .field("max_in_flight", &self.max_in_flight)
            .field("queue", &self.queue)
            .field("body_limit", &self.body_limit)
            .field("await_handler", &self.await_handler)
            .finish_non_exhaustive()
    }
}

impl<F, Fut> WebhookReceiver<F>
where
    F: Fn(WebhookEvent) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    /// A receiver that verifies each delivery with `verifier` and hands each event to
    /// `on_event`.
    pub fn new(verifier: WebhookVerifier, on_event: F) -> Self {
        Self {
            verifier,
            on_event,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            queue: DEFAULT_QUEUE,
            body_limit: MAX_BODY_BYTES,
            await_handler: false,
        }
    }

    /// How many handlers may run at once (at least 1; default 16). With 1, events are
    /// handled one at a time in arrival order.
    pub fn max_in_flight(mut self, n: usize) -> Self {
        self.max_in_flight = n.clamp(1, HALF_U32);
        self
    }

    /// How many accepted events may wait for a handler (default 1,024). Past it, answers wait
    /// for room rather than dropping events.
    pub fn queue(mut self, n: usize) -> Self {
        self.queue = n.min(HALF_U32);
        self
    }

    /// The largest body accepted (default [`MAX_BODY_BYTES`], 1 MiB); larger ones get 413.
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// Runs the handler before answering (off by default): Chatwork's delivery then waits for
    /// it, and a panicking handler gets a 500.
    pub fn await_handler(mut self, yes: bool) -> Self {
        self.await_handler = yes;
        self
    }

    /// The routes (one `POST /`; nest it where Chatwork should POST) and the handle that
    /// waits for accepted events at shutdown.
    pub fn build(self) -> (Router, WebhookHandle) {
        let dispatch = Dispatch::new(
            self.on_event,
            self.max_in_flight,
            self.queue,
            self.await_handler,
        );
        let handle = dispatch.handle.clone();
        let state = Arc::new(Receiver {
            verifier: self.verifier,
            dispatch: Arc::new(dispatch),
        });
        let router = Router::new()
            .route("/", post(receive::<F, Fut>))
            .layer(DefaultBodyLimit::max(self.body_limit))
            .with_state(state);
        (router, handle)
    }
}

/// Tracks the events a receiver accepted; cheap to clone.
#[derive(Clone, Debug)]
pub struct WebhookHandle {
    /// One permit per event accepted and not yet handled (running or queued).
    admitted: Arc<Semaphore>,
    capacity: usize,
}

impl WebhookHandle {
    /// Events accepted and not yet handled (running or waiting).
    pub fn pending(&self) -> usize {
        self.capacity - self.admitted.available_permits()
    }

    /// Waits until every event accepted so far has been handled. Stop the server first
    /// (axum's graceful shutdown), so that no new ones arrive; wrap it in
    /// `tokio::time::timeout` to bound the wait.
    pub async fn drain(&self) {
        let all = u32::try_from(self.capacity).unwrap_or(u32::MAX);
        // Holding every permit means nothing is running or queued; give them back at once.
        if let Ok(permits) = self.admitted.acquire_many(all).await {
            drop(permits);
        }
    }
}

/// A router with one `POST /` route that verifies, parses and hands each event to
/// `on_event`, with the default settings of [`WebhookReceiver`]. Nest it where Chatwork
/// should POST. Use [`WebhookReceiver`] for a handle that waits for handlers at shutdown.
pub fn router<F, Fut>(verifier: WebhookVerifier, on_event: F) -> Router
where
    F: Fn(WebhookEvent) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    WebhookReceiver::new(verifier, on_event).build().0
}

struct Receiver<F> {
    verifier: WebhookVerifier,
    dispatch: Arc<Dispatch<F>>,
}

/// Runs handlers after the answer (or before it, with `await_handler`): shared by this
/// receiver and the fleet's ([`super::fleet`]).
pub(super) struct Dispatch<F> {
    pub(super) on_event: F,
    pub(super) running: Arc<Semaphore>,
    pub(super) handle: WebhookHandle,
    pub(super) await_handler: bool,
}

impl<F> Dispatch<F> {
    /// A dispatcher running at most `max_in_flight` handlers, with `queue` more events
    /// waiting.
    pub(super) fn new(
        on_event: F,
        max_in_flight: usize,
        queue: usize,
        await_handler: bool,
    ) -> Self {
        let capacity = max_in_flight + queue;
        Self {
            on_event,
            running: Arc::new(Semaphore::new(max_in_flight)),
            handle: WebhookHandle {
                admitted: Arc::new(Semaphore::new(capacity)),
                capacity,
            },
            await_handler,
        }
    }

    /// Runs the handler on `input` once a slot is free; false if it panicked.
    async fn run<T, Fut>(&self, input: T) -> bool
    where
        F: Fn(T) -> Fut,
        Fut: Future<Output = ()>,
    {
        let Ok(_running) = self.running.clone().acquire_owned().await else {
            return false;
        };
        let outcome = AssertUnwindSafe((self.on_event)(input))
            .catch_unwind()
            .await;
        if outcome.is_err() {
            tracing::error!("the webhook handler panicked");
        }
        outcome.is_ok()
    }

    /// Accepts a verified event: waits for room in the queue (never drops it), then runs the
    /// handler after the answer, or before it with `await_handler`. The answer's status.
    pub(super) async fn accept<T, Fut>(self: Arc<Self>, input: T) -> StatusCode
    where
        F: Fn(T) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
        T: Send + 'static,
    {
        let Ok(admitted) = self.handle.admitted.clone().acquire_owned().await else {
            return StatusCode::SERVICE_UNAVAILABLE;
        };
        if self.await_handler {
            let ok = self.run(input).await;
            drop(admitted);
            return if ok {
                StatusCode::OK
            } else {
                StatusCode::INTERNAL_SERVER_ERROR
            };
        }
        tokio::spawn(async move {
            self.run(input).await;
            drop(admitted);
        });
        StatusCode::OK
    }
}

/// The signature of a delivery: the header, else the query parameter.
pub(super) fn signature(headers: &HeaderMap, query: Option<&str>) -> String {
    headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| query.and_then(signature_from_query))
        .unwrap_or_default()
}

async fn receive<F, Fut>(
    State(receiver): State<Arc<Receiver<F>>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode
where
    F: Fn(WebhookEvent) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let signature = signature(&headers, query.as_deref());
    let event = match receiver.verifier.verify_and_parse(&body, &signature) {
        Ok(event) => event,
        Err(e) => return rejection(&e),
    };
    tracing::debug!(event_type = %event.event_type(), "webhook event verified");
    receiver.dispatch.clone().accept(event).await
}

/// The answer to a delivery that `verify_and_parse` refused.
pub(super) fn rejection(e: &WebhookError) -> StatusCode {
    match e {
        WebhookError::Duplicate => {
            tracing::debug!("duplicate webhook delivery dropped");
            StatusCode::OK
        }
        WebhookError::MissingSignature | WebhookError::BadSignature => {
            tracing::debug!(error = %e, "webhook delivery rejected");
            StatusCode::UNAUTHORIZED
        }
        _ => {
            tracing::debug!(error = %e, "webhook delivery rejected");
            StatusCode::BAD_REQUEST
        }
    }
}
