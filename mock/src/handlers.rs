//! The API's handlers: one per operation, each a call on the world through [`serve`], which
//! applies what every Chatwork answer shares (faults, authentication, OAuth scopes, the token
//! budget, the request log, rate-limit headers, `{"errors": [...]}` refusals).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, on};
use serde_json::json;

use crate::faults::{self, Fault};
use crate::form;
use crate::operations::Operation;
use crate::refusal::error;
pub(crate) use crate::refusal::state_file_failure;
use crate::world::{Answer, Rate, World};
use crate::{AppState, LoggedRequest, Shared};

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
    op: Option<&'static Operation>,
    method: Method,
    path: &str,
    headers: &HeaderMap,
    query: Option<String>,
    body: Result<Bytes, BytesRejection>,
    f: impl FnOnce(&mut World, &Call) -> Answer,
) -> Response {
    // A body too large to read is refused the way Chatwork refuses one: JSON, with the
    // rate-limit headers, after authentication.
    let (body, too_large) = match body {
        Ok(body) => (body, None),
        Err(rejection) => (Bytes::new(), Some(rejection.status())),
    };
    // Then the parameters as the spec declares them; then the operation's behaviour.
    let f = move |w: &mut World, c: &Call| match too_large {
        Some(status) => Answer::Error(status.as_u16(), "Request Entity Too Large".into()),
        None => op
            .and_then(|op| crate::validate::refusal(op, &c.query, &c.form, c.content_type))
            .unwrap_or_else(|| f(w, c)),
    };
    let body = &body[..];
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
    let applied = shared.transact(|inner| {
        let fault = inner.faults.decide(inner.fault_seq);
        inner.fault_seq += 1;
        let latency = inner.faults.latency;
        let (answer, rate) = match fault {
            Some(Fault::ServerError(status)) => (Answer::Error(status, String::new()), None),
            _ => {
                let (answer, rate) = answer(&mut inner.world, op, headers, &mut call, f);
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
        (answer, rate, fault, latency)
    });
    let (answer, rate, fault, latency) = match applied.await {
        Ok(applied) => applied,
        Err(e) => return state_file_failure(&e),
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

/// Who a request comes from: an API token in `x-chatworktoken`, or an OAuth access token
/// after the `Bearer` scheme (any case) in `authorization`, with its scopes. API tokens are
/// not accepted as bearer tokens, as on Chatwork.
fn authenticate<'w>(
    world: &'w World,
    headers: &HeaderMap,
) -> Result<(i64, Option<&'w str>), Answer> {
    if let Some(token) = headers.get("x-chatworktoken") {
        return token
            .to_str()
            .ok()
            .and_then(|t| world.account_by_token(t))
            .map(|account| (account, None))
            .ok_or_else(|| Answer::Error(401, "Invalid API token".into()));
    }
    let Some(value) = headers.get("authorization").and_then(|v| v.to_str().ok()) else {
        return Err(Answer::Error(401, "Invalid API token".into()));
    };
    let (scheme, token) = value.trim().split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(Answer::Error(401, "Invalid API token".into()));
    }
    world
        .bearer(token.trim())
        .map(|(account, scope)| (account, Some(scope)))
        .map_err(|description| Answer::Bearer {
            status: 401,
            error: "invalid_token",
            description,
        })
}

/// The account behind a request's token, if any (for the mock's own routes).
pub(crate) fn caller(world: &World, headers: &HeaderMap) -> Option<i64> {
    authenticate(world, headers)
        .ok()
        .map(|(account, _)| account)
}

/// Authenticates, applies the token budget, checks the OAuth scope and runs `f`; gives the
/// answer and the budget for the rate-limit headers.
fn answer(
    w: &mut World,
    op: Option<&'static Operation>,
    headers: &HeaderMap,
    call: &mut Call,
    f: impl FnOnce(&mut World, &Call) -> Answer,
) -> (Answer, Rate) {
    let (account, scope) = match authenticate(w, headers) {
        Ok((account, scope)) => (account, scope.map(str::to_owned)),
        // Like every answer, a 401 carries the rate-limit headers (of no token's budget).
        Err(refusal) => return (refusal, w.unspent()),
    };
    let rate = w.spend(account);
    if rate.remaining_before == 0 {
        return (Answer::Error(429, "Rate limit exceeded".into()), rate);
    }
    if let (Some(op), Some(granted)) = (op, scope.as_deref())
        && !granted
            .split_ascii_whitespace()
            .any(|s| op.scopes.contains(&s))
    {
        return (
            Answer::Bearer {
                status: 403,
                error: "insufficient_scope",
                description: "The access token does not have the scope this operation needs",
            },
            rate,
        );
    }
    call.account = account;
    (f(w, call), rate)
}

fn with_rate(mut response: Response, rate: &Rate) -> Response {
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
            Answer::Bearer {
                status,
                error: code,
                description,
            } => {
                let mut response = error(
                    StatusCode::from_u16(status).unwrap_or(StatusCode::UNAUTHORIZED),
                    description,
                );
                let challenge =
                    format!("Bearer error=\"{code}\", error_description=\"{description}\"");
                if let Ok(v) = HeaderValue::from_str(&challenge) {
                    response.headers_mut().insert("www-authenticate", v);
                }
                response
            }
        }
    }
}

/// A path that is no route: under `/v2`, answered as Chatwork answers (authenticated and
/// counted, with the rate-limit headers); elsewhere a plain JSON 404.
pub(crate) async fn not_found(
    State(shared): State<AppState>,
    method: Method,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if !uri.path().starts_with("/v2/") {
        return error(StatusCode::NOT_FOUND, "Resource not found");
    }
    refuse(
        &shared,
        method,
        &uri,
        &headers,
        body,
        404,
        "Resource not found",
    )
    .await
}

/// A method the path does not have: 405 in Chatwork's shape.
pub(crate) async fn method_not_allowed(
    State(shared): State<AppState>,
    method: Method,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    refuse(
        &shared,
        method,
        &uri,
        &headers,
        body,
        405,
        "Method Not Allowed",
    )
    .await
}

/// A request no operation serves, refused as Chatwork refuses (authenticated and counted).
async fn refuse(
    shared: &Shared,
    method: Method,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    status: u16,
    message: &'static str,
) -> Response {
    serve(
        shared,
        None,
        method,
        uri.path(),
        headers,
        None,
        body,
        |_, _| Answer::Error(status, message.into()),
    )
    .await
}

/// The handler of an operation ID, for the methods of `f`.
pub(crate) fn route(id: &str, f: MethodFilter) -> Option<MethodRouter<AppState>> {
    Some(match id {
        "get_me" => on(f, get_me),
        "get_my_status" => on(f, get_my_status),
        "list_my_tasks" => on(f, list_my_tasks),
        "list_contacts" => on(f, list_contacts),
        "list_rooms" => on(f, list_rooms),
        "create_room" => on(f, create_room),
        "get_room" => on(f, get_room),
        "update_room" => on(f, update_room),
        "delete_room" => on(f, delete_room),
        "list_members" => on(f, list_members),
        "update_members" => on(f, update_members),
        "list_messages" => on(f, list_messages),
        "post_message" => on(f, post_message),
        "mark_messages_read" => on(f, mark_messages_read),
        "mark_messages_unread" => on(f, mark_messages_unread),
        "get_message" => on(f, get_message),
        "update_message" => on(f, update_message),
        "delete_message" => on(f, delete_message),
        "list_room_tasks" => on(f, list_room_tasks),
        "create_task" => on(f, create_task),
        "get_task" => on(f, get_task),
        "update_task_status" => on(f, update_task_status),
        "list_files" => on(f, list_files),
        "upload_file" => on(f, upload_file),
        "get_file" => on(f, get_file),
        "get_invitation_link" => on(f, get_invitation_link),
        "update_invitation_link" => on(f, update_invitation_link),
        "create_invitation_link" => on(f, create_invitation_link),
        "delete_invitation_link" => on(f, delete_invitation_link),
        "list_incoming_requests" => on(f, list_incoming_requests),
        "accept_incoming_request" => on(f, accept_incoming_request),
        "decline_incoming_request" => on(f, decline_incoming_request),
        _ => return None,
    })
}

/// The handler of an operation that has no behaviour yet: the spec's example answer (or 204,
/// or 200 with `{}`), after the checks every operation shares.
pub(crate) fn example(op: &'static Operation, f: MethodFilter) -> MethodRouter<AppState> {
    on(
        f,
        move |State(shared): State<AppState>,
              method: Method,
              uri: axum::http::Uri,
              RawQuery(query): RawQuery,
              headers: HeaderMap,
              body: Result<Bytes, BytesRejection>| async move {
            serve(
                &shared,
                Some(op),
                method,
                uri.path(),
                &headers,
                query,
                body,
                |_, _| match op.example {
                    Some(text) => Answer::Raw(text.as_bytes().to_vec()),
                    None if op.may_be_empty => Answer::NoContent,
                    None => Answer::Json(json!({})),
                },
            )
            .await
        },
    )
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
            body: Result<Bytes, BytesRejection>,
        ) -> Response {
            let op = crate::operations::operation(stringify!($name));
            serve(&shared, op, method, uri.path(), &headers, query, body, |$w, $c| $body).await
        }
    };
}

handler!(get_me, |w, c| w.me(c.account));
handler!(get_my_status, |w, c| w.my_status(c.account));
handler!(list_contacts, |w, c| w.contacts(c.account));
handler!(list_rooms, |w, c| w.list_rooms(c.account));
handler!(create_room, |w, c| w.create_room(c.account, &c.form));
handler!(get_room, |w, c, room => String| w.get_room(c.account, &room));
handler!(update_room, |w, c, room => String| w.update_room(c.account, &room, &c.form));
handler!(delete_room, |w, c, room => String| w.delete_room(c.account, &room, &c.form));
handler!(list_members, |w, c, room => String| w.list_members(c.account, &room));
handler!(update_members, |w, c, room => String| w.update_members(c.account, &room, &c.form));
handler!(list_messages, |w, c, room => String| w.list_messages(c.account, &room, &c.query));
handler!(post_message, |w, c, room => String| w.post_message(c.account, &room, &c.form));
handler!(mark_messages_read, |w, c, room => String| w.mark(c.account, &room, &c.form, true));
handler!(mark_messages_unread, |w, c, room => String| w.mark(c.account, &room, &c.form, false));
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
handler!(get_invitation_link, |w, c, room => String| w.get_link(c.account, &room));
handler!(create_invitation_link, |w, c, room => String| w
    .write_link(c.account, &room, Some(&c.form), true));
handler!(update_invitation_link, |w, c, room => String| w
    .write_link(c.account, &room, Some(&c.form), false));
handler!(delete_invitation_link, |w, c, room => String| w.write_link(c.account, &room, None, false));
handler!(list_incoming_requests, |w, c| w.list_requests(c.account));
handler!(accept_incoming_request, |w, c, id => String| w.answer_request(c.account, &id, true));
handler!(decline_incoming_request, |w, c, id => String| w.answer_request(c.account, &id, false));
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
pub(crate) async fn download(State(shared): State<AppState>, Path(key): Path<String>) -> Response {
    let found = shared
        .transact(|inner| inner.world.download(&key))
        .await
        .ok()
        .flatten();
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
