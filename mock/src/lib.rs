//! A local, stateful Chatwork API v2 for offline runs and tests.
//!
//! ```no_run
//! # async fn run() {
//! let mock = chatwork_mock::MockServer::start().await;
//! let client = chatwork::Client::builder(chatwork::Credentials::api_token(mock.token("alice")))
//!     .base_url(mock.base_url())
//!     .build()
//!     .unwrap();
//! # let _ = client; }
//! ```
//!
//! **Status: in progress.** Implemented so far, in memory, with Chatwork's semantics (all 32
//! operations): `GET /me`, `GET /my/status`, `GET /contacts`; rooms (list, get, create,
//! update, leave or delete); members (list, replace, with the last-admin rule); messages
//! (list with the per-token "not yet returned" cursor and `force`, post, get, edit and delete
//! by the author, read and unread); tasks (one per assignee, open/done, deadlines, my tasks);
//! invitation links (admins only, one per group chat); incoming contact requests (approve
//! makes the contact and its direct chat, decline removes it); files (multipart upload keeping
//! the bytes, 5 MB limit, `create_download_url=1` giving a URL on the mock that serves them for
//! 30 seconds, then refuses). 204 wherever a list is empty.
//! Every answer carries `x-ratelimit-*` headers; the token budget and the 10 posts (messages
//! and tasks) per 10 seconds per room answer 429, with configurable windows. Writes read the
//! form body only. [`MockServer::requests`] and [`MockServer::count`] show what reached it; the
//! binary (`cargo run -p chatwork-mock -- --port 9393`) prints the base URL and the tokens.
//! Every operation's answers pass the same checks as the recorded fixtures
//! (`xtask/tests/mock_contract.rs`: schema, no undescribed field, declared headers, lossless
//! decoding). Webhooks, fault knobs and the state file are not there yet.

mod state;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use serde_json::json;

use state::{Answer, World};
pub use state::{DOWNLOAD_URL_LIFETIME, Limits, LoggedRequest, MAX_UPLOAD_BYTES, Seed};

/// A running mock Chatwork; stops when dropped.
pub struct MockServer {
    world: Shared,
    addr: SocketAddr,
    tokens: Vec<(String, String)>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl MockServer {
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
        let tokens = seed.tokens();
        let world = Arc::new(Mutex::new(World::new(seed, limits)));
        let app = router(world.clone());
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let addr = listener.local_addr()?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(Self {
            world,
            addr,
            tokens,
            shutdown: Some(tx),
        })
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.world
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .log
            .clone()
    }

    /// How many requests with `method` reached `path` (e.g. `("POST", "/v2/rooms/101/messages")`).
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| r.method == method && r.path == path)
            .count()
    }

    /// The seeded accounts' names and tokens.
    pub fn tokens(&self) -> &[(String, String)] {
        &self.tokens
    }

    /// The base URL to give the SDK (`http://127.0.0.1:<port>/v2`).
    pub fn base_url(&self) -> String {
        format!("http://{}/v2", self.addr)
    }

    /// The API token of a seeded account, by its lower-case first name (`alice`, `bob`,
    /// `carol`).
    pub fn token(&self, who: &str) -> String {
        self.tokens
            .iter()
            .find(|(name, _)| name == who)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
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
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

type Shared = Arc<Mutex<World>>;

fn router(world: Shared) -> Router {
    Router::new()
        .route("/v2/me", get(me))
        .route("/v2/my/status", get(my_status))
        .route("/v2/contacts", get(contacts))
        .route("/v2/my/tasks", get(list_my_tasks))
        .route("/v2/incoming_requests", get(list_requests))
        .route(
            "/v2/incoming_requests/{request_id}",
            put(accept_request).delete(decline_request),
        )
        .route(
            "/v2/rooms/{room_id}/tasks",
            get(list_room_tasks).post(create_task),
        )
        .route("/v2/rooms/{room_id}/tasks/{task_id}", get(get_task))
        .route(
            "/v2/rooms/{room_id}/files",
            get(list_files).post(upload_file),
        )
        .route("/v2/rooms/{room_id}/files/{file_id}", get(get_file))
        .route("/download/{key}", get(download))
        .route(
            "/v2/rooms/{room_id}/tasks/{task_id}/status",
            put(update_task_status),
        )
        .route(
            "/v2/rooms/{room_id}/link",
            get(get_link)
                .post(create_link)
                .put(update_link)
                .delete(delete_link),
        )
        .route("/v2/rooms", get(list_rooms).post(create_room))
        .route(
            "/v2/rooms/{room_id}",
            get(get_room).put(update_room).delete(delete_room),
        )
        .route(
            "/v2/rooms/{room_id}/members",
            get(list_members).put(update_members),
        )
        .route(
            "/v2/rooms/{room_id}/messages",
            get(list_messages).post(post_message),
        )
        .route("/v2/rooms/{room_id}/messages/read", put(mark_read))
        .route("/v2/rooms/{room_id}/messages/unread", put(mark_unread))
        .route(
            "/v2/rooms/{room_id}/messages/{message_id}",
            get(get_message).put(update_message).delete(delete_message),
        )
        .fallback(not_found)
        .with_state(world)
}

/// One request as the handlers see it: who, what, and the parameters Chatwork reads.
struct Call {
    account: i64,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    /// The body as sent (for multipart uploads) and its content type.
    raw_body: Vec<u8>,
    content_type: String,
    /// `http://host:port` of this server, for URLs it hands out.
    origin: String,
}

/// Authenticates, applies the token budget, runs `f` on the world, and writes the answer
/// with the rate-limit headers.
fn serve(
    world: &Shared,
    method: Method,
    path: &str,
    headers: &HeaderMap,
    query: Option<String>,
    body: &[u8],
    f: impl FnOnce(&mut World, &Call) -> Answer,
) -> Response {
    let mut w = world.lock().unwrap_or_else(|e| e.into_inner());
    let form: Vec<(String, String)> = if method == Method::GET {
        Vec::new()
    } else {
        serde_urlencoded::from_bytes(body).unwrap_or_default()
    };
    w.log.push(LoggedRequest {
        method: method.to_string(),
        path: path.to_owned(),
        form,
    });
    let token = headers
        .get("x-chatworktoken")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| {
            headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::to_owned)
        });
    let Some(account) = token.as_deref().and_then(|t| w.account_by_token(t)) else {
        // Like every answer, a 401 carries the rate-limit headers (of no token's budget).
        let rate = w.unspent();
        return with_rate(error(StatusCode::UNAUTHORIZED, "Invalid API token"), &rate);
    };
    let rate = w.spend(account);
    if rate.remaining_before == 0 {
        return with_rate(
            error(StatusCode::TOO_MANY_REQUESTS, "Rate limit exceeded"),
            &rate,
        );
    }
    let parse = |s: &[u8]| -> Vec<(String, String)> {
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(s).unwrap_or_default()
    };
    let call = Call {
        // Chatwork reads the query of a GET only, and the form body of a write only.
        query: if method == Method::GET {
            parse(query.unwrap_or_default().as_bytes())
        } else {
            Vec::new()
        },
        form: if method == Method::GET {
            Vec::new()
        } else {
            parse(body)
        },
        raw_body: body.to_vec(),
        content_type: headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        origin: format!(
            "http://{}",
            headers
                .get("host")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("127.0.0.1")
        ),
        account,
    };
    let answer = f(&mut w, &call);
    with_rate(answer.into_response(), &rate)
}

fn with_rate(mut response: Response, rate: &state::Rate) -> Response {
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

fn error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "errors": [message] }))).into_response()
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        match self {
            Answer::Json(v) => (StatusCode::OK, axum::Json(v)).into_response(),
            Answer::NoContent => StatusCode::NO_CONTENT.into_response(),
            Answer::Error(status, message) => error(
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
                &message,
            ),
        }
    }
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "Resource not found")
}

macro_rules! handler {
    ($name:ident, |$w:ident, $c:ident $(, $p:pat => $t:ty)?| $body:expr) => {
        async fn $name(
            State(world): State<Shared>,
            method: Method,
            uri: axum::http::Uri,
            $(Path($p): Path<$t>,)?
            RawQuery(query): RawQuery,
            headers: HeaderMap,
            body: Bytes,
        ) -> Response {
            serve(&world, method, uri.path(), &headers, query, &body, |$w, $c| $body)
        }
    };
}

handler!(me, |w, c| w.me(c.account));
handler!(my_status, |w, c| w.my_status(c.account));
handler!(contacts, |w, c| w.contacts(c.account));
handler!(list_rooms, |w, c| w.list_rooms(c.account));
handler!(create_room, |w, c| w.create_room(c.account, &c.form));
handler!(get_room, |w, c, room => String| w.get_room(c.account, &room));
handler!(update_room, |w, c, room => String| w.update_room(c.account, &room, &c.form));
handler!(delete_room, |w, c, room => String| w.delete_room(c.account, &room, &c.form));
handler!(list_members, |w, c, room => String| w.list_members(c.account, &room));
handler!(update_members, |w, c, room => String| w.update_members(c.account, &room, &c.form));
handler!(list_messages, |w, c, room => String| w.list_messages(c.account, &room, &c.query));
handler!(post_message, |w, c, room => String| w.post_message(c.account, &room, &c.form));
handler!(mark_read, |w, c, room => String| w.mark(c.account, &room, &c.form, true));
handler!(mark_unread, |w, c, room => String| w.mark(c.account, &room, &c.form, false));
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
handler!(get_link, |w, c, room => String| w.get_link(c.account, &room));
handler!(create_link, |w, c, room => String| w
    .write_link(c.account, &room, Some(&c.form), true));
handler!(update_link, |w, c, room => String| w
    .write_link(c.account, &room, Some(&c.form), false));
handler!(delete_link, |w, c, room => String| w.write_link(c.account, &room, None, false));
handler!(list_requests, |w, c| w.list_requests(c.account));
handler!(accept_request, |w, c, id => String| w.answer_request(c.account, &id, true));
handler!(decline_request, |w, c, id => String| w.answer_request(c.account, &id, false));
handler!(list_files, |w, c, room => String| w.list_files(c.account, &room, &c.query));
handler!(upload_file, |w, c, room => String| w.upload_file(
    c.account,
    &room,
    &c.content_type,
    &c.raw_body
));
handler!(get_file, |w, c, (room, id) => (String, String)| w.get_file(
    c.account,
    &room,
    &id,
    &c.query,
    &c.origin
));

/// Serves a file's bytes while its download URL is valid (30 seconds).
async fn download(State(world): State<Shared>, Path(key): Path<String>) -> Response {
    let found = world
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .download(&key);
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
