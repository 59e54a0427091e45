//! A webhook receiver that prints each verified event as one JSON line.
//!
//! ```text
//! CHATWORK_WEBHOOK_TOKEN=<token from the webhook settings> \
//!   cargo run --example webhook_receiver --features axum -- 127.0.0.1:8080
//! ```
//!
//! Register `https://<your host>/chatwork` as the webhook URL (behind a TLS-terminating proxy).

use chatwork::webhook::{WebhookEvent, WebhookVerifier, axum::WebhookReceiver};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token =
        std::env::var("CHATWORK_WEBHOOK_TOKEN").map_err(|_| "set CHATWORK_WEBHOOK_TOKEN")?;
    let verifier = WebhookVerifier::new(&token)?;
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    // One handler at a time: the lines come out in arrival order.
    let (routes, _handlers) = WebhookReceiver::new(verifier, |event: WebhookEvent| async move {
        match serde_json::to_string(&event) {
            Ok(line) => println!("{line}"),
            Err(e) => eprintln!("cannot print the event: {e}"),
        }
    })
    .max_in_flight(1)
    .build();
    let app = axum::Router::new().nest("/chatwork", routes);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    eprintln!("listening on http://{addr}/chatwork");
    axum::serve(listener, app).await?;
    Ok(())
}
