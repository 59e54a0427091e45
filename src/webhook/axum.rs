//! A ready webhook receiver for axum.
//!
//! ```no_run
//! use chatwork::webhook::{WebhookEvent, WebhookVerifier, axum::router};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let verifier = WebhookVerifier::new(&std::env::var("CHATWORK_WEBHOOK_TOKEN")?)?;
//! let app = axum::Router::new().nest(
//!     "/chatwork",
//!     router(verifier, |event: WebhookEvent| async move {
//!         println!("{:?} in room {:?}", event.event_type(), event.room_id());
//!     }),
//! );
//! let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
//! axum::serve(listener, app).await?;
//! # Ok(()) }
//! ```
//!
//! The route answers:
//! - **200** with an empty body once the event is verified and handed to your code (Chatwork
//!   wants at most 2,048 bytes and never retries, so the handler's outcome is not reported
//!   back), and also for a duplicate when [`deduplicate`](super::WebhookVerifier::deduplicate)
//!   is on (the handler is not called again);
//! - **401** for a missing or wrong signature (header or query parameter);
//! - **400** for a body that is not an event, or an event older than
//!   [`max_age`](super::WebhookVerifier::max_age);
//! - **413** for a body over [`MAX_BODY_BYTES`]
//!   (64 KiB).

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;

use super::{
    MAX_BODY_BYTES, SIGNATURE_HEADER, WebhookError, WebhookEvent, WebhookVerifier,
    signature_from_query,
};

struct Receiver<F> {
    verifier: WebhookVerifier,
    on_event: F,
}

/// A router with one `POST /` route that verifies, parses and hands each event to
/// `on_event`. Nest it where Chatwork should POST.
pub fn router<F, Fut>(verifier: WebhookVerifier, on_event: F) -> Router
where
    F: Fn(WebhookEvent) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let state = Arc::new(Receiver { verifier, on_event });
    Router::new()
        .route("/", post(receive::<F, Fut>))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
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
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| query.as_deref().and_then(signature_from_query))
        .unwrap_or_default();
    match receiver.verifier.verify_and_parse(&body, &signature) {
        Ok(event) => {
            tracing::debug!(event_type = %event.event_type(), "webhook event verified");
            (receiver.on_event)(event).await;
            StatusCode::OK
        }
        Err(WebhookError::Duplicate) => {
            tracing::debug!("duplicate webhook delivery dropped");
            StatusCode::OK
        }
        Err(e @ (WebhookError::MissingSignature | WebhookError::BadSignature)) => {
            tracing::debug!(error = %e, "webhook delivery rejected");
            StatusCode::UNAUTHORIZED
        }
        Err(e) => {
            tracing::debug!(error = %e, "webhook delivery rejected");
            StatusCode::BAD_REQUEST
        }
    }
}
