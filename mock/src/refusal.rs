//! Refusals in Chatwork's shape (`{"errors": [message]}`), for every route that answers one.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// The answer when the state file cannot be read or written: 500, in Chatwork's shape.
pub(crate) fn state_file_failure(e: &std::io::Error) -> Response {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        &format!("the local Chatwork cannot use its state file: {e}"),
    )
}

/// A refusal in Chatwork's shape: `{"errors": [message]}`.
pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "errors": [message] }))).into_response()
}
