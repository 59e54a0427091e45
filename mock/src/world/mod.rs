//! The local Chatwork's world: its data (accounts, rooms, messages, tasks, files, links,
//! contact requests, webhooks), the lookups every resource shares, and the state file's
//! format. Each resource's operations live in a file of their own.

mod accounts;
mod contacts;
mod files;
pub(crate) mod grants;
mod links;
mod messages;
mod rooms;
mod tasks;
mod webhooks;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::form::field;
use crate::store::Blobs;
use crate::webhooks::{MessageEvent, Webhook};

pub use files::{DOWNLOAD_URL_LIFETIME, MAX_UPLOAD_BYTES};

/// What a handler answers.
pub(crate) enum Answer {
    Json(Value),
    /// JSON already serialized.
    Raw(Vec<u8>),
    NoContent,
    Error(u16, String),
    /// An OAuth refusal: `{"errors": [description]}` with
    /// `WWW-Authenticate: Bearer error="...", error_description="..."`.
    Bearer {
        status: u16,
        error: &'static str,
        description: &'static str,
    },
}

impl Answer {
    /// JSON of a typed value.
    fn typed(value: &impl Serialize) -> Self {
        match serde_json::to_vec(value) {
            Ok(bytes) => Answer::Raw(bytes),
            Err(e) => Answer::Error(500, e.to_string()),
        }
    }

    /// The status this answer is sent with.
    pub(crate) fn status(&self) -> u16 {
        match self {
            Answer::Json(_) | Answer::Raw(_) => 200,
            Answer::NoContent => 204,
            Answer::Error(status, _) | Answer::Bearer { status, .. } => *status,
        }
    }
}

pub(super) fn bad(message: impl Into<String>) -> Answer {
    Answer::Error(400, message.into())
}

pub(super) fn forbidden(message: impl Into<String>) -> Answer {
    Answer::Error(403, message.into())
}

pub(super) fn not_found() -> Answer {
    Answer::Error(404, "Resource not found".into())
}

/// Chatwork's limits; shorten the windows to test waiting in seconds.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Requests per token per window (Chatwork: 300).
    pub requests: u32,
    /// The token window (Chatwork: 5 minutes).
    pub window: Duration,
    /// Message posts and task creations per room per room window (Chatwork: 10).
    pub room_posts: usize,
    /// The room window (Chatwork: 10 seconds).
    pub room_window: Duration,
    /// How long a file's download URL works (Chatwork: 30 seconds).
    pub download_url_lifetime: Duration,
    /// Failed webhook deliveries in a row after which a webhook is disabled (Chatwork
    /// disables webhooks whose deliveries fail often; its threshold is not published).
    pub webhook_failures_to_disable: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            requests: 300,
            window: Duration::from_secs(300),
            room_posts: 10,
            room_window: Duration::from_secs(10),
            download_url_lifetime: DOWNLOAD_URL_LIFETIME,
            webhook_failures_to_disable: 10,
        }
    }
}

/// The accounts the mock starts with.
#[derive(Clone, Debug)]
pub struct Seed {
    accounts: Vec<(i64, &'static str, String)>,
}

impl Seed {
    /// Alice (1001), Bob (1002) and Carol (1003), each with a token; Alice has both as
    /// contacts; a group chat "Project" where Alice is admin, Bob member, Carol read-only;
    /// Dave (1004) has asked Alice to be a contact.
    pub fn demo() -> Self {
        Self {
            accounts: vec![
                (1001, "Alice", "alice-token-0001".into()),
                (1002, "Bob", "bob-token-0002".into()),
                (1003, "Carol", "carol-token-0003".into()),
            ],
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Account {
    id: i64,
    name: String,
    token: String,
    my_room: i64,
}

#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Role {
    Admin,
    Member,
    Readonly,
}

impl Role {
    fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
            Role::Readonly => "readonly",
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Message {
    id: u64,
    account: i64,
    body: String,
    send_time: i64,
    update_time: i64,
}

#[derive(Serialize, Deserialize)]
struct Task {
    id: i64,
    assignee: i64,
    assigned_by: i64,
    message_id: u64,
    body: String,
    limit_time: i64,
    limit_type: String,
    done: bool,
}

#[derive(Serialize, Deserialize)]
struct Link {
    code: String,
    need_acceptance: bool,
    description: String,
}

#[derive(Serialize, Deserialize)]
struct Request {
    id: i64,
    from: i64,
    to: i64,
    message: String,
}

#[derive(Serialize, Deserialize)]
struct Room {
    id: i64,
    files: Vec<StoredFile>,
    tasks: Vec<Task>,
    link: Option<Link>,
    kind: String,
    name: String,
    description: String,
    icon_preset: String,
    members: BTreeMap<i64, Role>,
    messages: Vec<Message>,
    /// Per account: how many messages were already handed out without `force`.
    cursor: HashMap<i64, usize>,
    /// Per account: messages from this index on are unread.
    read_up_to: HashMap<i64, usize>,
    sticky: bool,
    last_update_time: i64,
}

/// The token budget after one request.
pub(crate) struct Rate {
    pub limit: u32,
    pub remaining_before: u32,
    pub remaining_after: u32,
    pub reset: u64,
}

/// One request the mock received.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoggedRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, e.g. `/v2/rooms/101/messages`.
    pub path: String,
    /// The form fields of a write (empty for a GET).
    pub form: Vec<(String, String)>,
    /// The status answered (for a dropped or truncated answer, the one that was lost).
    pub status: u16,
    /// The fault the request met, if any.
    pub fault: Option<crate::Fault>,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct World {
    #[serde(skip)]
    limits: Limits,
    accounts: Vec<Account>,
    contacts: BTreeMap<i64, Vec<(i64, i64)>>,
    rooms: BTreeMap<i64, Room>,
    next_room: i64,
    next_message: u64,
    /// Each token's request budget (shared by every process serving the state file).
    #[serde(default)]
    budgets: HashMap<i64, Budget>,
    /// Per room: when (clock milliseconds) the posts of the room window were made.
    #[serde(default)]
    room_posts: HashMap<i64, VecDeque<u64>>,
    next_task: i64,
    requests: Vec<Request>,
    next_file: i64,
    next_download: u64,
    /// Download key → (room, file, valid until in clock milliseconds).
    #[serde(default)]
    downloads: HashMap<String, (i64, i64, u64)>,
    #[serde(default)]
    webhooks: Vec<Webhook>,
    #[serde(default)]
    next_webhook: i64,
    /// OAuth codes and tokens issued by the mock's OAuth routes.
    #[serde(default)]
    pub(crate) oauth: grants::OAuthState,
    /// Message events not yet turned into webhook deliveries.
    #[serde(skip)]
    events: Vec<MessageEvent>,
    /// How far the clock control moved the local Chatwork's clock ahead of the system's, in
    /// milliseconds: token expiry, rate-limit windows and download URLs follow it.
    #[serde(default)]
    clock_offset_ms: u64,
    /// Where uploaded bytes are kept.
    #[serde(skip)]
    pub(crate) blobs: Blobs,
}

impl Room {
    /// What `account` has not read yet: (messages, messages by others that mention them).
    fn unread(&self, account: i64) -> (usize, usize) {
        let read = self.read_up_to.get(&account).copied().unwrap_or(0);
        let unread = self.messages.get(read..).unwrap_or_default();
        let mentions = unread
            .iter()
            .filter(|m| m.account != account && crate::webhooks::mentions(&m.body, account))
            .count();
        (unread.len(), mentions)
    }

    /// The open tasks assigned to `account`.
    fn open_tasks_of(&self, account: i64) -> usize {
        self.tasks
            .iter()
            .filter(|t| t.assignee == account && !t.done)
            .count()
    }
}

/// A token's request budget: requests made in the window that ends at `reset_ms`.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct Budget {
    reset_ms: u64,
    used: u32,
}

/// One uploaded file.
#[derive(Serialize, Deserialize)]
struct StoredFile {
    id: i64,
    account: i64,
    message_id: u64,
    filename: String,
    /// The name of the bytes in [`Blobs`].
    blob: String,
    size: usize,
    upload_time: i64,
}

pub(super) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub(super) fn ids(text: &str) -> Result<Vec<i64>, Answer> {
    text.split(',')
        .map(|s| s.trim().parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| bad("Invalid account ID list"))
}

/// A parameter the catalog requires: `validate` refuses a request without it before any
/// behaviour runs, so this is the world's typed access, not a check of its own.
pub(super) fn required<'f>(form: &'f [(String, String)], name: &str) -> Result<&'f str, Answer> {
    field(form, name).ok_or_else(|| bad(format!("Parameter '{name}' is required")))
}

pub(super) fn flag(form: &[(String, String)], name: &str) -> Result<bool, Answer> {
    match field(form, name) {
        None | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(_) => Err(bad(format!("Parameter '{name}' must be 0 or 1"))),
    }
}

impl World {
    pub(crate) fn new(seed: Seed, limits: Limits) -> Self {
        let mut w = World {
            limits,
            accounts: Vec::new(),
            contacts: BTreeMap::new(),
            rooms: BTreeMap::new(),
            next_room: 100,
            next_message: 1_928_374_655_918_273_645,
            budgets: HashMap::new(),
            room_posts: HashMap::new(),
            next_task: 500,
            requests: Vec::new(),
            next_file: 700,
            next_download: 0,
            downloads: HashMap::new(),
            webhooks: Vec::new(),
            next_webhook: 3000,
            oauth: Default::default(),
            events: Vec::new(),
            clock_offset_ms: 0,
            blobs: Blobs::default(),
        };
        for (id, name, token) in seed.accounts {
            w.push_account(id, name, token);
        }
        let ids: Vec<i64> = w.accounts.iter().map(|a| a.id).collect();
        if let [alice, rest @ ..] = ids.as_slice() {
            for other in rest {
                let direct =
                    w.add_room("direct", "", [(*alice, Role::Admin), (*other, Role::Admin)]);
                w.contacts.entry(*alice).or_default().push((*other, direct));
                w.contacts.entry(*other).or_default().push((*alice, direct));
            }
            let mut members = vec![(*alice, Role::Admin)];
            if let Some(bob) = rest.first() {
                members.push((*bob, Role::Member));
            }
            if let Some(carol) = rest.get(1) {
                members.push((*carol, Role::Readonly));
            }
            w.add_room("group", "Project", members);
            // Dave asks Alice to be a contact.
            w.push_account(1004, "Dave", "dave-token-0004".into());
            w.requests.push(Request {
                id: 9001,
                from: 1004,
                to: *alice,
                message: "Hello, I'm Dave from the partner company.".into(),
            });
        }
        w
    }

    fn add_room(
        &mut self,
        kind: &'static str,
        name: &str,
        members: impl IntoIterator<Item = (i64, Role)>,
    ) -> i64 {
        self.next_room += 1;
        let id = self.next_room;
        self.rooms.insert(
            id,
            Room {
                id,
                files: Vec::new(),
                tasks: Vec::new(),
                link: None,
                kind: kind.into(),
                name: name.into(),
                description: String::new(),
                icon_preset: "group".into(),
                members: members.into_iter().collect(),
                messages: Vec::new(),
                cursor: HashMap::new(),
                read_up_to: HashMap::new(),
                sticky: false,
                last_update_time: now(),
            },
        );
        id
    }

    /// A room the account belongs to, or 404.
    fn room_of(&self, account: i64, room: &str) -> Result<&Room, Answer> {
        let id: i64 = room.parse().map_err(|_| not_found())?;
        match self.rooms.get(&id) {
            Some(r) if r.members.contains_key(&account) => Ok(r),
            _ => Err(not_found()),
        }
    }

    fn room_mut(&mut self, account: i64, room: &str) -> Result<&mut Room, Answer> {
        self.room_of(account, room)?;
        let id: i64 = room.parse().map_err(|_| not_found())?;
        self.rooms.get_mut(&id).ok_or_else(not_found)
    }

    /// An item of a room the account belongs to, by the ID in the path: (room, index), or 404.
    fn find_in_room<T, K: std::str::FromStr + PartialEq>(
        &self,
        account: i64,
        room: &str,
        id: &str,
        items: impl for<'r> Fn(&'r Room) -> &'r [T],
        key: impl Fn(&T) -> K,
    ) -> Result<(i64, usize), Answer> {
        let r = self.room_of(account, room)?;
        let id: K = id.parse().map_err(|_| not_found())?;
        let index = items(r)
            .iter()
            .position(|t| key(t) == id)
            .ok_or_else(not_found)?;
        Ok((r.id, index))
    }

    fn list_or_204(list: Vec<Value>) -> Answer {
        if list.is_empty() {
            Answer::NoContent
        } else {
            Answer::Json(Value::Array(list))
        }
    }

    /// The accounts' lower-case first names and tokens.
    pub(crate) fn tokens(&self) -> Vec<(String, String)> {
        self.accounts
            .iter()
            .map(|a| (a.name.to_lowercase(), a.token.clone()))
            .collect()
    }

    /// The state as JSON (what `--state FILE` saves): accounts, contacts, rooms with their
    /// messages, cursors, tasks, files (their names and sizes; the bytes are kept beside it)
    /// and links, contact requests, webhooks, OAuth grants, the token budgets and room
    /// windows, download URLs and the clock control.
    pub(crate) fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    pub(crate) fn from_json(text: &[u8], limits: Limits) -> Result<Self, serde_json::Error> {
        let mut w: World = serde_json::from_slice(text)?;
        w.limits = limits;
        Ok(w)
    }

    /// Replaces the state with `text` (another process changed it), keeping what is not
    /// part of it: the limits, the uploaded bytes' store and the events not delivered yet.
    pub(crate) fn reload(&mut self, text: &[u8]) -> Result<(), serde_json::Error> {
        let mut fresh = World::from_json(text, self.limits.clone())?;
        fresh.blobs = std::mem::take(&mut self.blobs);
        fresh.events = std::mem::take(&mut self.events);
        *self = fresh;
        Ok(())
    }

    /// The local Chatwork's clock, in Unix milliseconds: the system's, plus the clock control.
    pub(crate) fn clock_ms(&self) -> u64 {
        let system = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        system.saturating_add(self.clock_offset_ms)
    }

    /// Moves the clock ahead (the clock control: tokens expire, windows end, URLs lapse).
    pub(crate) fn advance_clock(&mut self, by: Duration) {
        self.clock_offset_ms = self.clock_offset_ms.saturating_add(by.as_millis() as u64);
    }
}
