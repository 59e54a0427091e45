//! The API routes, derived from the spec's operation table ([`OPERATIONS`], written by
//! `cargo xtask gen`): one handler per operation ID, and answers in Chatwork's shape for a
//! path that does not exist (404) or a method a path does not have (405).

use std::collections::BTreeMap;

use axum::Router;
use axum::routing::{MethodFilter, MethodRouter};

use crate::AppState;
use crate::operations::OPERATIONS;

fn filter(method: &str) -> Option<MethodFilter> {
    Some(match method {
        "GET" => MethodFilter::GET,
        "POST" => MethodFilter::POST,
        "PUT" => MethodFilter::PUT,
        "DELETE" => MethodFilter::DELETE,
        _ => return None,
    })
}

/// The routes of every operation in the table. An operation with no behaviour yet
/// (`crate::handlers::route` does not know it) is still routed, authenticated, counted and
/// validated, and answers the spec's example ([`crate::handlers::example`]).
pub(crate) fn api() -> Router<AppState> {
    let mut by_path: BTreeMap<&str, MethodRouter<AppState>> = BTreeMap::new();
    for op in OPERATIONS {
        let Some(f) = filter(op.method) else { continue };
        let route =
            crate::handlers::route(op.id, f).unwrap_or_else(|| crate::handlers::example(op, f));
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
