//! The mock's own routes under `/mock/`, outside API v2: webhook settings (which Chatwork
//! only has in its settings screen), the delivery and request logs, and the fault knobs.
//! Webhook routes take the account's API token like the API does; the logs and the faults
//! take none. None of them count against rate limits or meet faults.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::form::{field, urlencoded as form};
use crate::handlers::caller;
use crate::refusal::{error, state_file_failure};
use crate::world::Answer;
use crate::{AppState, DeliveryOutcome, Faults, NewWebhook};

fn json_answer(result: std::io::Result<Result<Value, Answer>>) -> Response {
    match result {
        Ok(Ok(v)) => axum::Json(v).into_response(),
        Ok(Err(a)) => a.into_response(),
        Err(e) => state_file_failure(&e),
    }
}

/// `POST /mock/webhooks`: `url`, then `room_id` with `events` (`message_created`,
/// `message_updated`, comma-separated; both by default) for a room webhook, or
/// `events=mention_to_me` for an account webhook; `token` optional (Base64).
pub(crate) async fn register_webhook(
    State(shared): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = form(&body);
    let Some(url) = field(&form, "url") else {
        return error(StatusCode::BAD_REQUEST, "Parameter 'url' is required");
    };
    let events: Vec<&str> = field(&form, "events")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let mut new = match (field(&form, "room_id"), events.as_slice()) {
        (None, ["mention_to_me"]) => NewWebhook::mentions(url),
        (Some(room), events) if !events.contains(&"mention_to_me") => {
            let Ok(room) = room.parse() else {
                return error(
                    StatusCode::BAD_REQUEST,
                    "Parameter 'room_id' must be a number",
                );
            };
            let new = NewWebhook::room(room, url);
            if events.is_empty() {
                new
            } else if let Some(other) = events
                .iter()
                .find(|e| !matches!(**e, "message_created" | "message_updated"))
            {
                return error(StatusCode::BAD_REQUEST, &format!("Unknown event {other:?}"));
            } else {
                new.events(
                    events.contains(&"message_created"),
                    events.contains(&"message_updated"),
                )
            }
        }
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "Give room_id (room events) or events=mention_to_me (account events)",
            );
        }
    };
    if let Some(token) = field(&form, "token") {
        new = new.token(token);
    }
    let result = shared
        .transact(|inner| {
            let account = caller(&inner.world, &headers).ok_or_else(unauthorized)?;
            inner
                .world
                .register_webhook(account, new)
                .map(|hook| json!(hook))
        })
        .await;
    json_answer(result)
}

fn unauthorized() -> Answer {
    Answer::Error(401, "Invalid API token".into())
}

/// `GET /mock/webhooks`: the caller's webhooks.
pub(crate) async fn list_webhooks(State(shared): State<AppState>, headers: HeaderMap) -> Response {
    let result = shared
        .transact(|inner| {
            let account = caller(&inner.world, &headers).ok_or_else(unauthorized)?;
            Ok(json!(inner.world.webhooks_of(Some(account))))
        })
        .await;
    json_answer(result)
}

async fn change(shared: AppState, headers: HeaderMap, id: &str, enable: Option<bool>) -> Response {
    let result = shared
        .transact(|inner| {
            let account = caller(&inner.world, &headers).ok_or_else(unauthorized)?;
            inner
                .world
                .change_webhook(account, id, enable)
                .map(|hook| json!(hook))
        })
        .await;
    json_answer(result)
}

/// `PUT /mock/webhooks/{id}` with `enabled=1` (enable again, as after Chatwork disabled it)
/// or `enabled=0`.
pub(crate) async fn change_webhook(
    State(shared): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let enable = match field(&form(&body), "enabled") {
        Some("1") => true,
        Some("0") => false,
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "Parameter 'enabled' must be 0 or 1",
            );
        }
    };
    change(shared, headers, &id, Some(enable)).await
}

/// `DELETE /mock/webhooks/{id}`.
pub(crate) async fn remove_webhook(
    State(shared): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    change(shared, headers, &id, None).await
}

/// `GET /mock/deliveries`: every delivery, in the order they ended.
pub(crate) async fn deliveries(State(shared): State<AppState>) -> Response {
    let list: Vec<Value> = shared
        .lock()
        .deliveries
        .iter()
        .map(|d| {
            let mut v = json!({
                "webhook_id": d.webhook_id,
                "event_type": d.event_type,
                "url": d.url,
                "body": d.body,
                "signature": d.signature,
                "succeeded": d.succeeded(),
            });
            match &d.outcome {
                DeliveryOutcome::Answered { status, body_len } => {
                    v["status"] = json!(status);
                    v["answer_bytes"] = json!(body_len);
                }
                DeliveryOutcome::Failed(e) => v["error"] = json!(e),
            }
            v
        })
        .collect();
    axum::Json(list).into_response()
}

/// `GET /mock/requests`: the request log.
pub(crate) async fn requests(State(shared): State<AppState>) -> Response {
    let list: Vec<Value> = shared
        .lock()
        .log
        .iter()
        .map(|r| {
            json!({
                "method": r.method,
                "path": r.path,
                "form": r.form,
                "status": r.status,
                "fault": r.fault.map(|f| format!("{f:?}")),
            })
        })
        .collect();
    axum::Json(list).into_response()
}

/// `GET /mock/state-file`: `{"path": ...}`, the state file this server shares (404 without one).
pub(crate) async fn state_file(State(shared): State<AppState>) -> Response {
    match &shared.file {
        Some(file) => axum::Json(json!({"path": file.path()})).into_response(),
        None => error(
            StatusCode::NOT_FOUND,
            "This local Chatwork has no state file",
        ),
    }
}

/// `PUT /mock/clock` with `advance_secs`: moves the local Chatwork's clock ahead (OAuth access
/// tokens expire, rate-limit windows end, download URLs lapse), for every process sharing
/// its state file.
pub(crate) async fn advance_clock(State(shared): State<AppState>, body: Bytes) -> Response {
    let Some(secs) = field(&form(&body), "advance_secs").and_then(|s| s.parse::<u64>().ok()) else {
        return error(
            StatusCode::BAD_REQUEST,
            "Parameter 'advance_secs' must be a whole number of seconds",
        );
    };
    match shared
        .transact(|inner| inner.world.advance_clock(Duration::from_secs(secs)))
        .await
    {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => state_file_failure(&e),
    }
}

/// `PUT /mock/faults`: `seed`, `latency_ms`, `server_errors`, `drops`, `truncations`
/// (rates from 0 to 1); missing ones are 0. The sequence starts again from request 0.
pub(crate) async fn set_faults(State(shared): State<AppState>, body: Bytes) -> Response {
    match faults_from(&form(&body)) {
        Ok(faults) => {
            let mut inner = shared.lock();
            inner.faults = faults;
            inner.fault_seq = 0;
            StatusCode::NO_CONTENT.into_response()
        }
        Err(message) => error(StatusCode::BAD_REQUEST, &message),
    }
}

fn faults_from(form: &[(String, String)]) -> Result<Faults, String> {
    let number = |name: &str| -> Result<f64, String> {
        match field(form, name) {
            None => Ok(0.0),
            Some(v) => v
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0)
                .ok_or_else(|| format!("Parameter '{name}' must be a number of at least 0")),
        }
    };
    let seed = match field(form, "seed") {
        None => 0,
        Some(s) => s
            .parse::<u64>()
            .map_err(|_| "Parameter 'seed' must be a number".to_owned())?,
    };
    let latency = Duration::try_from_secs_f64(number("latency_ms")? / 1000.0)
        .map_err(|_| "Parameter 'latency_ms' is too large".to_owned())?;
    Ok(Faults::seeded(seed)
        .latency(latency)
        .server_errors(number("server_errors")?)
        .drops(number("drops")?)
        .truncations(number("truncations")?))
}

/// `POST /mock/accounts`: `name` (1 to 64 letters, digits, `-`, `_`). Answers
/// `{"account_id", "name", "token"}`: a new account with its API token and its own chat,
/// which can also sign in through the OAuth consent route (`mock_user=<name>`).
pub(crate) async fn create_account(State(shared): State<AppState>, body: Bytes) -> Response {
    let form = form(&body);
    let Some(name) = field(&form, "name").map(str::to_owned) else {
        return error(StatusCode::BAD_REQUEST, "Parameter 'name' is required");
    };
    let result = shared
        .transact(|inner| {
            inner
                .world
                .add_account(&name)
                .map(|(id, token)| json!({"account_id": id, "name": name, "token": token}))
        })
        .await;
    json_answer(result)
}
