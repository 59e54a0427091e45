//! The API routes, derived from the spec's operation table ([`OPERATIONS`], written by
//! `cargo xtask gen`): one handler per operation ID, and answers in Chatwork's shape for a
//! path that does not exist (404) or a method a path does not have (405).

use std::collections::BTreeMap;

use axum::Router;
use axum::routing::{MethodFilter, MethodRouter};

use crate::AppState;
use crate::operations::OPERATIONS;

/// One operation of API v2.
#[derive(Debug)]
pub(crate) struct Operation {
    /// The spec's operation ID (`post_message`).
    pub id: &'static str,
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: &'static str,
    /// The path template under `/v2` (`/rooms/{room_id}/messages`).
    pub path: &'static str,
    /// The OAuth scopes any one of which allows it.
    pub scopes: &'static [&'static str],
}

/// The operation of an ID.
pub(crate) fn operation(id: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.id == id)
}

fn filter(method: &str) -> Option<MethodFilter> {
    Some(match method {
        "GET" => MethodFilter::GET,
        "POST" => MethodFilter::POST,
        "PUT" => MethodFilter::PUT,
        "DELETE" => MethodFilter::DELETE,
        _ => return None,
    })
}

/// The routes of every operation in the table.
///
/// # Panics
///
/// When an operation has no handler (`crate::handlers::route`): the table comes from the
/// spec, so an operation added there fails every test of the mock until it is served.
pub(crate) fn api() -> Router<AppState> {
    let mut by_path: BTreeMap<&str, MethodRouter<AppState>> = BTreeMap::new();
    for op in OPERATIONS {
        let route = filter(op.method)
            .and_then(|f| crate::handlers::route(op.id, f))
            .unwrap_or_else(|| panic!("the local Chatwork has no handler for {}", op.id));
        let merged = match by_path.remove(op.path) {
            Some(existing) => existing.merge(route),
            None => route,
        };
        by_path.insert(op.path, merged);
    }
    by_path
        .into_iter()
        .fold(Router::new(), |router, (path, methods)| {
            router.route(
                &format!("/v2{path}"),
                methods.fallback(crate::handlers::method_not_allowed),
            )
        })
}
