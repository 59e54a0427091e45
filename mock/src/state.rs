//! The mock's world: accounts, contacts, rooms, members and messages, with Chatwork's rules.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::webhooks::{
    MAX_WEBHOOKS_PER_ACCOUNT, MessageEvent, NewWebhook, Outgoing, Webhook, WebhookTarget,
};

/// What a handler answers.
pub(crate) enum Answer {
    Json(Value),
    /// JSON already serialized.
    Raw(Vec<u8>),
    NoContent,
    Error(u16, String),
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
            Answer::Error(status, _) => *status,
        }
    }
}

/// A room in an answer.
#[derive(Serialize)]
struct RoomOut<'a> {
    room_id: i64,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    role: &'static str,
    sticky: bool,
    unread_num: usize,
    mention_num: usize,
    mytask_num: usize,
    message_num: usize,
    file_num: usize,
    task_num: usize,
    icon_path: String,
    last_update_time: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

fn bad(message: impl Into<String>) -> Answer {
    Answer::Error(400, message.into())
}

fn forbidden(message: impl Into<String>) -> Answer {
    Answer::Error(403, message.into())
}

fn not_found() -> Answer {
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
    #[serde(skip)]
    budgets: HashMap<i64, (Instant, u64, u32)>,
    #[serde(skip)]
    room_posts: HashMap<i64, VecDeque<Instant>>,
    next_task: i64,
    requests: Vec<Request>,
    next_file: i64,
    next_download: u64,
    /// Download key → (room, file, valid until).
    #[serde(skip)]
    downloads: HashMap<String, (i64, i64, Instant)>,
    #[serde(default)]
    webhooks: Vec<Webhook>,
    #[serde(default)]
    next_webhook: i64,
    /// OAuth codes and tokens issued by the mock's OAuth routes.
    #[serde(default)]
    pub(crate) oauth: crate::oauth::OAuthState,
    /// Message events not yet turned into webhook deliveries.
    #[serde(skip)]
    events: Vec<MessageEvent>,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub(crate) fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn ids(text: &str) -> Result<Vec<i64>, Answer> {
    text.split(',')
        .map(|s| s.trim().parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| bad("Invalid account ID list"))
}

fn flag(form: &[(String, String)], name: &str) -> Result<bool, Answer> {
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
        };
        for (id, name, token) in seed.accounts {
            let my_room = w.add_room("my", name, [(id, Role::Admin)]);
            w.accounts.push(Account {
                id,
                name: name.into(),
                token,
                my_room,
            });
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
            w.accounts.push(Account {
                id: 1004,
                name: "Dave".into(),
                token: "dave-token-0004".into(),
                my_room: 0,
            });
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

    pub(crate) fn account_by_token(&self, token: &str) -> Option<i64> {
        self.accounts
            .iter()
            .find(|a| a.token == token)
            .map(|a| a.id)
    }

    /// The account of an OAuth access token issued by the mock.
    pub(crate) fn account_by_access_token(&self, token: &str) -> Option<i64> {
        self.oauth.access.get(token).copied()
    }

    /// A seeded account by its lower-case first name.
    pub(crate) fn account_by_name(&self, name: &str) -> Option<i64> {
        self.accounts
            .iter()
            .find(|a| a.name.to_lowercase() == name)
            .map(|a| a.id)
    }

    fn account(&self, id: i64) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    fn account_ref(&self, id: i64) -> Value {
        let name = self.account(id).map(|a| a.name.clone()).unwrap_or_default();
        json!({"account_id": id, "name": name, "avatar_image_url": format!("https://example.invalid/avatar/{id}.png")})
    }

    /// The headers of a full budget, for answers that count against no token.
    pub(crate) fn unspent(&self) -> Rate {
        Rate {
            limit: self.limits.requests,
            remaining_before: self.limits.requests,
            remaining_after: self.limits.requests,
            reset: now() as u64 + self.limits.window.as_secs(),
        }
    }

    /// Counts a request against the token's budget.
    pub(crate) fn spend(&mut self, account: i64) -> Rate {
        let limits = &self.limits;
        let entry = self.budgets.entry(account).or_insert((
            Instant::now(),
            now() as u64 + limits.window.as_secs(),
            0,
        ));
        if entry.0.elapsed() >= limits.window {
            *entry = (Instant::now(), now() as u64 + limits.window.as_secs(), 0);
        }
        let remaining_before = limits.requests.saturating_sub(entry.2);
        if remaining_before > 0 {
            entry.2 += 1;
        }
        Rate {
            limit: limits.requests,
            remaining_before,
            remaining_after: limits.requests.saturating_sub(entry.2),
            reset: entry.1,
        }
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

    /// A room as `account` sees it (typed, so that the hot `GET /rooms` serializes directly).
    fn room_out<'a>(&'a self, account: i64, r: &'a Room) -> RoomOut<'a> {
        let read = r.read_up_to.get(&account).copied().unwrap_or(0);
        let unread = r.messages.get(read..).unwrap_or_default();
        let tags = crate::webhooks::mention_tags(account);
        RoomOut {
            room_id: r.id,
            name: if r.kind == "direct" {
                r.members
                    .keys()
                    .find(|m| **m != account)
                    .and_then(|m| self.account(*m))
                    .map_or("", |a| a.name.as_str())
            } else {
                &r.name
            },
            kind: &r.kind,
            role: r
                .members
                .get(&account)
                .copied()
                .unwrap_or(Role::Member)
                .as_str(),
            sticky: r.sticky,
            unread_num: unread.len(),
            mention_num: unread
                .iter()
                .filter(|m| {
                    m.account != account && tags.iter().any(|t| m.body.contains(t.as_str()))
                })
                .count(),
            mytask_num: r
                .tasks
                .iter()
                .filter(|t| t.assignee == account && !t.done)
                .count(),
            message_num: r.messages.len(),
            file_num: r.files.len(),
            task_num: r.tasks.len(),
            icon_path: format!("https://example.invalid/icon/{}.png", r.icon_preset),
            last_update_time: r.last_update_time,
            description: None,
        }
    }

    pub(crate) fn me(&self, account: i64) -> Answer {
        let Some(a) = self.account(account) else {
            return not_found();
        };
        Answer::Json(json!({
            "account_id": a.id, "room_id": a.my_room, "name": a.name,
            "chatwork_id": "", "organization_id": 0, "organization_name": "", "department": "",
            "title": "", "url": "", "introduction": "", "mail": "", "tel_organization": "",
            "tel_extension": "", "tel_mobile": "", "skype": "", "facebook": "", "twitter": "",
            "avatar_image_url": format!("https://example.invalid/avatar/{}.png", a.id),
            "login_mail": format!("{}@example.invalid", a.name.to_lowercase()),
        }))
    }

    pub(crate) fn my_status(&self, account: i64) -> Answer {
        let (mut unread_room, mut unread) = (0, 0);
        for r in self
            .rooms
            .values()
            .filter(|r| r.members.contains_key(&account))
        {
            let read = r.read_up_to.get(&account).copied().unwrap_or(0);
            let n = r.messages.len().saturating_sub(read);
            if n > 0 {
                unread_room += 1;
                unread += n;
            }
        }
        Answer::Json(json!({
            "unread_room_num": unread_room, "mention_room_num": 0, "mytask_room_num": 0,
            "unread_num": unread, "mention_num": 0, "mytask_num": 0,
        }))
    }

    pub(crate) fn contacts(&self, account: i64) -> Answer {
        let list = self
            .contacts
            .get(&account)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        Self::list_or_204(
            list.iter()
                .map(|(id, room)| {
                    let mut v = self.profile_json(*id);
                    v["room_id"] = json!(room);
                    v
                })
                .collect(),
        )
    }

    pub(crate) fn list_rooms(&self, account: i64) -> Answer {
        let rooms: Vec<RoomOut<'_>> = self
            .rooms
            .values()
            .filter(|r| r.members.contains_key(&account))
            .map(|r| self.room_out(account, r))
            .collect();
        Answer::typed(&rooms)
    }

    pub(crate) fn get_room(&self, account: i64, room: &str) -> Answer {
        match self.room_of(account, room) {
            Ok(r) => {
                let mut out = self.room_out(account, r);
                out.description = Some(&r.description);
                Answer::typed(&out)
            }
            Err(e) => e,
        }
    }

    /// Chatwork's preset chat icons.
    const ICON_PRESETS: [&'static str; 17] = [
        "group", "check", "document", "meeting", "event", "project", "business", "study",
        "security", "star", "idea", "heart", "magcup", "beer", "music", "sports", "travel",
    ];

    fn check_icon(form: &[(String, String)]) -> Result<(), Answer> {
        match field(form, "icon_preset") {
            Some(icon) if !Self::ICON_PRESETS.contains(&icon) => Err(bad(format!(
                "Parameter 'icon_preset' must be one of {}",
                Self::ICON_PRESETS.join(", ")
            ))),
            _ => Ok(()),
        }
    }

    fn check_name(name: Option<&str>, required: bool) -> Result<(), Answer> {
        match name {
            None if required => Err(bad("Parameter 'name' is required")),
            Some(n) if n.is_empty() || n.chars().count() > 255 => {
                Err(bad("Parameter 'name' must be 1 to 255 characters"))
            }
            _ => Ok(()),
        }
    }

    /// The member list of `members_admin_ids` (required), `members_member_ids` and
    /// `members_readonly_ids`, every account checked.
    fn members_from(&self, form: &[(String, String)]) -> Result<BTreeMap<i64, Role>, Answer> {
        if field(form, "members_admin_ids").is_none() {
            return Err(bad("Parameter 'members_admin_ids' is required"));
        }
        let mut members = BTreeMap::new();
        for (key, role) in [
            ("members_admin_ids", Role::Admin),
            ("members_member_ids", Role::Member),
            ("members_readonly_ids", Role::Readonly),
        ] {
            for id in field(form, key).map(ids).transpose()?.unwrap_or_default() {
                if self.account(id).is_none() {
                    return Err(bad(format!("Account {id} does not exist")));
                }
                members.insert(id, role);
            }
        }
        Ok(members)
    }

    pub(crate) fn create_room(&mut self, account: i64, form: &[(String, String)]) -> Answer {
        let name = field(form, "name");
        if let Err(e) = Self::check_name(name, true).and(Self::check_icon(form)) {
            return e;
        }
        let members = match self.members_from(form) {
            Ok(m) => m,
            Err(e) => return e,
        };
        if members.get(&account) != Some(&Role::Admin) {
            return bad("You must be one of the administrators of a new chat");
        }
        let id = self.add_room("group", name.unwrap_or_default(), members);
        if let Some(r) = self.rooms.get_mut(&id) {
            r.description = field(form, "description").unwrap_or_default().into();
            if let Some(icon) = field(form, "icon_preset") {
                r.icon_preset = icon.into();
            }
        }
        Answer::Json(json!({"room_id": id}))
    }

    fn require_admin(r: &Room, account: i64) -> Result<(), Answer> {
        if r.members.get(&account) == Some(&Role::Admin) {
            Ok(())
        } else {
            Err(forbidden("You don't have permission to change this chat"))
        }
    }

    pub(crate) fn update_room(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if let Err(e) = Self::require_admin(r, account) {
            return e;
        }
        if r.kind != "group" {
            return bad("Only group chats can be changed");
        }
        if let Err(e) = Self::check_name(field(form, "name"), false).and(Self::check_icon(form)) {
            return e;
        }
        if let Some(n) = field(form, "name") {
            r.name = n.into();
        }
        if let Some(d) = field(form, "description") {
            r.description = d.into();
        }
        if let Some(i) = field(form, "icon_preset") {
            r.icon_preset = i.into();
        }
        r.last_update_time = now();
        Answer::Json(json!({"room_id": r.id}))
    }

    pub(crate) fn delete_room(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let id = r.id;
        match field(form, "action_type") {
            Some("leave") => {
                r.members.remove(&account);
                if r.members.is_empty() {
                    self.rooms.remove(&id);
                }
                Answer::NoContent
            }
            Some("delete") => {
                if let Err(e) = Self::require_admin(r, account) {
                    return e;
                }
                self.rooms.remove(&id);
                Answer::NoContent
            }
            Some(_) => bad("Parameter 'action_type' must be leave or delete"),
            None => bad("Parameter 'action_type' is required"),
        }
    }

    pub(crate) fn list_members(&self, account: i64, room: &str) -> Answer {
        match self.room_of(account, room) {
            Ok(r) => Answer::Json(Value::Array(
                r.members
                    .iter()
                    .map(|(id, role)| {
                        let mut v = self.profile_json(*id);
                        v["role"] = json!(role.as_str());
                        v
                    })
                    .collect(),
            )),
            Err(e) => e,
        }
    }

    pub(crate) fn update_members(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let members = match self.members_from(form) {
            Ok(m) => m,
            Err(e) => return e,
        };
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if let Err(e) = Self::require_admin(r, account) {
            return e;
        }
        if !members.values().any(|r| *r == Role::Admin) {
            return bad("A chat needs at least one administrator");
        }
        r.members = members;
        let by = |role: Role| {
            r.members
                .iter()
                .filter(|(_, x)| **x == role)
                .map(|(id, _)| *id)
                .collect::<Vec<_>>()
        };
        Answer::Json(json!({
            "admin": by(Role::Admin), "member": by(Role::Member), "readonly": by(Role::Readonly),
        }))
    }

    fn message_json(&self, m: &Message) -> Value {
        json!({
            "message_id": m.id.to_string(),
            "account": self.account_ref(m.account),
            "body": m.body,
            "send_time": m.send_time,
            "update_time": m.update_time,
        })
    }

    pub(crate) fn list_messages(
        &mut self,
        account: i64,
        room: &str,
        query: &[(String, String)],
    ) -> Answer {
        let force = match flag(query, "force") {
            Ok(f) => f,
            Err(e) => return e,
        };
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let (id, len) = (r.id, r.messages.len());
        let from = if force {
            len.saturating_sub(100)
        } else {
            let seen = r.cursor.get(&account).copied().unwrap_or(0);
            // Only the latest 100 of those not returned yet; all count as returned.
            r.cursor.insert(account, len);
            seen.max(len.saturating_sub(100))
        };
        let range = from..len;
        if range.is_empty() {
            return Answer::NoContent;
        }
        Answer::Json(Value::Array(
            self.rooms[&id].messages[range]
                .iter()
                .map(|m| self.message_json(m))
                .collect(),
        ))
    }

    pub(crate) fn post_message(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let body = match field(form, "body") {
            None => return bad("Parameter 'body' is required"),
            Some(b) if b.is_empty() || b.chars().count() > 65_535 => {
                return bad("Parameter 'body' must be 1 to 65535 characters");
            }
            Some(b) => b.to_owned(),
        };
        let self_unread = match flag(form, "self_unread") {
            Ok(f) => f,
            Err(e) => return e,
        };
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if r.members.get(&account) == Some(&Role::Readonly) {
            return forbidden("You don't have permission to send messages in this room");
        }
        let id = r.id;
        if let Err(e) = self.take_post_slot(id) {
            return e;
        }
        self.next_message += 1;
        let message_id = self.next_message;
        let Some(r) = self.rooms.get_mut(&id) else {
            return not_found();
        };
        r.messages.push(Message {
            id: message_id,
            account,
            body,
            send_time: now(),
            update_time: 0,
        });
        if !self_unread {
            r.read_up_to.insert(account, r.messages.len());
        }
        r.last_update_time = now();
        self.message_event(id, message_id, false);
        Answer::Json(json!({"message_id": message_id.to_string()}))
    }

    fn find_message(&self, account: i64, room: &str, id: &str) -> Result<(i64, usize), Answer> {
        let r = self.room_of(account, room)?;
        let id: u64 = id.parse().map_err(|_| not_found())?;
        let index = r
            .messages
            .iter()
            .position(|m| m.id == id)
            .ok_or_else(not_found)?;
        Ok((r.id, index))
    }

    pub(crate) fn get_message(&self, account: i64, room: &str, id: &str) -> Answer {
        match self.find_message(account, room, id) {
            Ok((room, i)) => Answer::Json(self.message_json(&self.rooms[&room].messages[i])),
            Err(e) => e,
        }
    }

    pub(crate) fn update_message(
        &mut self,
        account: i64,
        room: &str,
        id: &str,
        form: &[(String, String)],
    ) -> Answer {
        let (room, i) = match self.find_message(account, room, id) {
            Ok(x) => x,
            Err(e) => return e,
        };
        let Some(body) = field(form, "body").filter(|b| !b.is_empty()) else {
            return bad("Parameter 'body' is required");
        };
        let Some(r) = self.rooms.get_mut(&room) else {
            return not_found();
        };
        let m = &mut r.messages[i];
        if m.account != account {
            return forbidden("Only the author can edit a message");
        }
        m.body = body.into();
        m.update_time = now();
        let id = m.id;
        self.message_event(room, id, true);
        Answer::Json(json!({"message_id": id.to_string()}))
    }

    pub(crate) fn delete_message(&mut self, account: i64, room: &str, id: &str) -> Answer {
        let (room, i) = match self.find_message(account, room, id) {
            Ok(x) => x,
            Err(e) => return e,
        };
        let Some(r) = self.rooms.get_mut(&room) else {
            return not_found();
        };
        if r.messages[i].account != account {
            return forbidden("Only the author can delete a message");
        }
        let m = r.messages.remove(i);
        // Cursors and read marks past the removed message move back by one.
        for c in r.cursor.values_mut().chain(r.read_up_to.values_mut()) {
            if *c > i {
                *c -= 1;
            }
        }
        Answer::Json(json!({"message_id": m.id.to_string()}))
    }

    pub(crate) fn mark(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
        read: bool,
    ) -> Answer {
        let target = match field(form, "message_id") {
            None if read => None,
            None => return bad("Parameter 'message_id' is required"),
            Some(id) => match self.find_message(account, room, id) {
                Ok((_, i)) => Some(i),
                Err(e) => return e,
            },
        };
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let up_to = match (read, target) {
            (true, Some(i)) => i + 1,
            (true, None) => r.messages.len(),
            (false, Some(i)) => i,
            (false, None) => r.messages.len(),
        };
        r.read_up_to.insert(account, up_to);
        let unread = r.messages.len() - up_to;
        Answer::Json(json!({"unread_num": unread, "mention_num": 0}))
    }
}

impl World {
    /// The room-post window check shared by messages and tasks: `Err` is Chatwork's 429.
    fn take_post_slot(&mut self, room: i64) -> Result<(), Answer> {
        let (window, max) = (self.limits.room_window, self.limits.room_posts);
        let posts = self.room_posts.entry(room).or_default();
        while posts.front().is_some_and(|t| t.elapsed() >= window) {
            posts.pop_front();
        }
        if posts.len() >= max {
            return Err(Answer::Error(
                429,
                "Rate limit for message posting per room exceeded.".into(),
            ));
        }
        posts.push_back(Instant::now());
        Ok(())
    }

    fn task_json(&self, r: &Room, t: &Task, mine: bool) -> Value {
        let mut v = json!({
            "task_id": t.id,
            "assigned_by_account": self.account_ref(t.assigned_by),
            "message_id": t.message_id.to_string(),
            "body": t.body,
            "limit_time": t.limit_time,
            "status": if t.done { "done" } else { "open" },
            "limit_type": t.limit_type,
        });
        if mine {
            v["room"] = json!({"room_id": r.id, "name": r.name,
                "icon_path": format!("https://example.invalid/icon/{}.png", r.icon_preset)});
        } else {
            v["account"] = self.account_ref(t.assignee);
        }
        v
    }

    /// The `status` filter of the task lists: `open` unless given (Chatwork's documented
    /// default for both `GET /my/tasks` and `GET /rooms/{id}/tasks`).
    fn status_filter(query: &[(String, String)]) -> Result<Option<bool>, Answer> {
        match field(query, "status") {
            None | Some("open") => Ok(Some(false)),
            Some("done") => Ok(Some(true)),
            Some(_) => Err(bad("Parameter 'status' must be open or done")),
        }
    }

    fn list_or_204(list: Vec<Value>) -> Answer {
        if list.is_empty() {
            Answer::NoContent
        } else {
            Answer::Json(Value::Array(list))
        }
    }

    pub(crate) fn list_room_tasks(
        &self,
        account: i64,
        room: &str,
        query: &[(String, String)],
    ) -> Answer {
        let r = match self.room_of(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let status = match Self::status_filter(query) {
            Ok(s) => s,
            Err(e) => return e,
        };
        let num = |name| field(query, name).and_then(|v| v.parse::<i64>().ok());
        let (assignee, by) = (num("account_id"), num("assigned_by_account_id"));
        Self::list_or_204(
            r.tasks
                .iter()
                .filter(|t| status.is_none_or(|d| t.done == d))
                .filter(|t| assignee.is_none_or(|a| t.assignee == a))
                .filter(|t| by.is_none_or(|b| t.assigned_by == b))
                .take(100)
                .map(|t| self.task_json(r, t, false))
                .collect(),
        )
    }

    pub(crate) fn list_my_tasks(&self, account: i64, query: &[(String, String)]) -> Answer {
        let status = match Self::status_filter(query) {
            Ok(s) => s,
            Err(e) => return e,
        };
        let by = field(query, "assigned_by_account_id").and_then(|v| v.parse::<i64>().ok());
        Self::list_or_204(
            self.rooms
                .values()
                .filter(|r| r.members.contains_key(&account))
                .flat_map(|r| r.tasks.iter().map(move |t| (r, t)))
                .filter(|(_, t)| t.assignee == account)
                .filter(|(_, t)| status.is_none_or(|d| t.done == d))
                .filter(|(_, t)| by.is_none_or(|b| t.assigned_by == b))
                .take(100)
                .map(|(r, t)| self.task_json(r, t, true))
                .collect(),
        )
    }

    pub(crate) fn create_task(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let body = match field(form, "body") {
            Some(b) if !b.is_empty() && b.chars().count() <= 65_535 => b.to_owned(),
            _ => return bad("Parameter 'body' is required (1 to 65535 characters)"),
        };
        let Some(to) = field(form, "to_ids") else {
            return bad("Parameter 'to_ids' is required");
        };
        let to = match ids(to) {
            Ok(t) => t,
            Err(e) => return e,
        };
        let limit_time = match field(form, "limit").map(str::parse::<i64>) {
            None => 0,
            Some(Ok(t)) => t,
            Some(Err(_)) => return bad("Parameter 'limit' must be Unix seconds"),
        };
        let limit_type = match field(form, "limit_type") {
            None if limit_time == 0 => "none",
            None => "time",
            Some(t @ ("none" | "date" | "time")) => t,
            Some(_) => return bad("Parameter 'limit_type' must be none, date or time"),
        }
        .to_owned();
        let r = match self.room_of(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let room_id = r.id;
        if r.members.get(&account) == Some(&Role::Readonly) {
            return forbidden("You don't have permission to add tasks in this room");
        }
        if let Some(outsider) = to.iter().find(|id| !r.members.contains_key(id)) {
            return bad(format!("Account {outsider} is not a member of this chat"));
        }
        if let Err(e) = self.take_post_slot(room_id) {
            return e;
        }
        self.next_message += 1;
        let message_id = self.next_message;
        let mut task_ids = Vec::new();
        let mut tasks = Vec::new();
        for assignee in to {
            self.next_task += 1;
            task_ids.push(self.next_task);
            tasks.push(Task {
                id: self.next_task,
                assignee,
                assigned_by: account,
                message_id,
                body: body.clone(),
                limit_time,
                limit_type: limit_type.clone(),
                done: false,
            });
        }
        if let Some(r) = self.rooms.get_mut(&room_id) {
            r.tasks.extend(tasks);
            r.messages.push(Message {
                id: message_id,
                account,
                body: format!("[task]{body}[/task]"),
                send_time: now(),
                update_time: 0,
            });
            r.last_update_time = now();
        }
        Answer::Json(json!({ "task_ids": task_ids }))
    }

    fn task_index(&self, account: i64, room: &str, task: &str) -> Result<(i64, usize), Answer> {
        let r = self.room_of(account, room)?;
        let id: i64 = task.parse().map_err(|_| not_found())?;
        let i = r
            .tasks
            .iter()
            .position(|t| t.id == id)
            .ok_or_else(not_found)?;
        Ok((r.id, i))
    }

    pub(crate) fn get_task(&self, account: i64, room: &str, task: &str) -> Answer {
        match self.task_index(account, room, task) {
            Ok((room, i)) => {
                let r = &self.rooms[&room];
                Answer::Json(self.task_json(r, &r.tasks[i], false))
            }
            Err(e) => e,
        }
    }

    pub(crate) fn update_task_status(
        &mut self,
        account: i64,
        room: &str,
        task: &str,
        form: &[(String, String)],
    ) -> Answer {
        let done = match field(form, "body") {
            Some("done") => true,
            Some("open") => false,
            Some(_) => return bad("Parameter 'body' must be open or done"),
            None => return bad("Parameter 'body' is required"),
        };
        let (room, i) = match self.task_index(account, room, task) {
            Ok(x) => x,
            Err(e) => return e,
        };
        let Some(r) = self.rooms.get_mut(&room) else {
            return not_found();
        };
        let t = &mut r.tasks[i];
        if t.assignee != account && t.assigned_by != account {
            return forbidden("Only the assignee or the assigner can change a task");
        }
        t.done = done;
        Answer::Json(json!({ "task_id": t.id }))
    }

    fn link_json(room: &Room) -> Value {
        match &room.link {
            None => json!({"public": false}),
            Some(l) => json!({
                "public": true,
                "url": format!("https://example.invalid/g/{}", l.code),
                "need_acceptance": l.need_acceptance,
                "description": l.description,
            }),
        }
    }

    pub(crate) fn get_link(&self, account: i64, room: &str) -> Answer {
        match self.room_of(account, room) {
            Ok(r) => Answer::Json(Self::link_json(r)),
            Err(e) => e,
        }
    }

    /// Creates (`create`), changes, or deletes (`form` is `None`) the room's invitation link.
    pub(crate) fn write_link(
        &mut self,
        account: i64,
        room: &str,
        form: Option<&[(String, String)]>,
        create: bool,
    ) -> Answer {
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if let Err(e) = Self::require_admin(r, account) {
            return e;
        }
        if r.kind != "group" {
            return bad("Only group chats have invitation links");
        }
        let Some(form) = form else {
            r.link = None;
            return Answer::Json(Self::link_json(r));
        };
        let code = field(form, "code");
        if let Some(c) = code
            && (c.is_empty()
                || c.len() > 50
                || !c
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
        {
            return bad("Parameter 'code' must be 1 to 50 letters, digits, '_' or '-'");
        }
        let need = match flag(form, "need_acceptance") {
            Ok(n) => field(form, "need_acceptance").map(|_| n),
            Err(e) => return e,
        };
        let room_id = r.id;
        match (&mut r.link, create) {
            (Some(_), true) => return bad("The invitation link already exists"),
            (None, false) => return bad("There is no invitation link to change"),
            (None, true) => {
                r.link = Some(Link {
                    code: code.map_or_else(|| format!("room-{room_id}"), str::to_owned),
                    need_acceptance: need.unwrap_or(true),
                    description: field(form, "description").unwrap_or_default().into(),
                });
            }
            (Some(l), false) => {
                if let Some(c) = code {
                    l.code = c.into();
                }
                if let Some(n) = need {
                    l.need_acceptance = n;
                }
                if let Some(d) = field(form, "description") {
                    l.description = d.into();
                }
            }
        }
        Answer::Json(Self::link_json(r))
    }

    fn profile_json(&self, id: i64) -> Value {
        let name = self.account(id).map(|a| a.name.clone()).unwrap_or_default();
        json!({
            "account_id": id, "name": name, "chatwork_id": "", "organization_id": 0,
            "organization_name": "", "department": "",
            "avatar_image_url": format!("https://example.invalid/avatar/{id}.png"),
        })
    }

    pub(crate) fn list_requests(&self, account: i64) -> Answer {
        Self::list_or_204(
            self.requests
                .iter()
                .filter(|q| q.to == account)
                .map(|q| {
                    let mut v = self.profile_json(q.from);
                    v["request_id"] = json!(q.id);
                    v["message"] = json!(q.message);
                    v
                })
                .collect(),
        )
    }

    /// Approves (`accept`) or declines a contact request addressed to `account`.
    pub(crate) fn answer_request(&mut self, account: i64, request: &str, accept: bool) -> Answer {
        let Ok(id) = request.parse::<i64>() else {
            return not_found();
        };
        let Some(i) = self
            .requests
            .iter()
            .position(|q| q.id == id && q.to == account)
        else {
            return not_found();
        };
        let q = self.requests.remove(i);
        if !accept {
            return Answer::NoContent;
        }
        let direct = self.add_room(
            "direct",
            "",
            [(account, Role::Admin), (q.from, Role::Admin)],
        );
        self.contacts
            .entry(account)
            .or_default()
            .push((q.from, direct));
        self.contacts
            .entry(q.from)
            .or_default()
            .push((account, direct));
        let mut v = self.profile_json(q.from);
        v["room_id"] = json!(direct);
        Answer::Json(v)
    }
}

/// One uploaded file.
#[derive(Serialize, Deserialize)]
struct StoredFile {
    id: i64,
    account: i64,
    message_id: u64,
    filename: String,
    #[serde(with = "base64_bytes")]
    data: Vec<u8>,
    upload_time: i64,
}

/// The largest upload Chatwork accepts: 5 MB (read as 5 MiB).
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

/// How long a download URL works, by default.
pub const DOWNLOAD_URL_LIFETIME: Duration = Duration::from_secs(30);

/// The parts of a `multipart/form-data` body: (name, filename, content type, bytes).
type Parts = Vec<(String, Option<String>, Option<String>, Vec<u8>)>;

/// Parses a `multipart/form-data` body (RFC 7578) with the boundary of its content type.
pub(crate) fn multipart(content_type: &str, body: &[u8]) -> Option<Parts> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))?
        .trim_matches('"');
    let delimiter = format!("--{boundary}").into_bytes();
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    let mut parts = Vec::new();
    let mut at = find(body, &delimiter, 0)? + delimiter.len();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return Some(parts);
        }
        at += 2; // CRLF after the delimiter
        let headers_end = find(body, b"\r\n\r\n", at)?;
        let headers = String::from_utf8_lossy(&body[at..headers_end]).into_owned();
        let content_start = headers_end + 4;
        let next = find(body, &delimiter, content_start)?;
        let content = body.get(content_start..next.checked_sub(2)?)?.to_vec();
        let (mut name, mut filename, mut ctype) = (String::new(), None, None);
        for line in headers.split("\r\n") {
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("content-disposition:") {
                for param in line.split(';').map(str::trim) {
                    if let Some(v) = param.strip_prefix("name=") {
                        name = v.trim_matches('"').to_owned();
                    } else if let Some(v) = param.strip_prefix("filename=") {
                        filename = Some(v.trim_matches('"').to_owned());
                    }
                }
            } else if lower.starts_with("content-type:") {
                ctype = line.split_once(':').map(|(_, v)| v.trim().to_owned());
            }
        }
        parts.push((name, filename, ctype, content));
        at = next + delimiter.len();
    }
}

impl World {
    fn file_json(&self, f: &StoredFile) -> Value {
        json!({
            "file_id": f.id,
            "account": self.account_ref(f.account),
            "message_id": f.message_id.to_string(),
            "filename": f.filename,
            "filesize": f.data.len(),
            "upload_time": f.upload_time,
        })
    }

    pub(crate) fn upload_file(
        &mut self,
        account: i64,
        room: &str,
        content_type: &str,
        body: &[u8],
    ) -> Answer {
        let Some(parts) = multipart(content_type, body) else {
            return bad("The body is not multipart/form-data");
        };
        let Some((_, filename, _, data)) = parts.iter().find(|p| p.0 == "file") else {
            return bad("Parameter 'file' is required");
        };
        if data.len() > MAX_UPLOAD_BYTES {
            return bad("The file is larger than 5 MB");
        }
        let filename = filename.clone().unwrap_or_default();
        if filename.is_empty() {
            return bad("The file has no name");
        }
        let message = parts
            .iter()
            .find(|p| p.0 == "message")
            .map(|p| String::from_utf8_lossy(&p.3).into_owned());
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if r.members.get(&account) == Some(&Role::Readonly) {
            return forbidden("You don't have permission to upload files in this room");
        }
        let room_id = r.id;
        self.next_message += 1;
        self.next_file += 1;
        let (message_id, file_id) = (self.next_message, self.next_file);
        let file = StoredFile {
            id: file_id,
            account,
            message_id,
            filename: filename.clone(),
            data: data.clone(),
            upload_time: now(),
        };
        let answer = self.file_json(&file);
        if let Some(r) = self.rooms.get_mut(&room_id) {
            r.messages.push(Message {
                id: message_id,
                account,
                body: format!(
                    "{}[download:{file_id}]{filename}[/download]",
                    message.map(|m| format!("{m}\n")).unwrap_or_default()
                ),
                send_time: now(),
                update_time: 0,
            });
            r.files.push(file);
            r.last_update_time = now();
            self.message_event(room_id, message_id, false);
        }
        Answer::Json(answer)
    }

    pub(crate) fn list_files(
        &self,
        account: i64,
        room: &str,
        query: &[(String, String)],
    ) -> Answer {
        let r = match self.room_of(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let by = field(query, "account_id").and_then(|v| v.parse::<i64>().ok());
        Self::list_or_204(
            r.files
                .iter()
                .filter(|f| by.is_none_or(|a| f.account == a))
                .take(100)
                .map(|f| self.file_json(f))
                .collect(),
        )
    }

    /// One file's metadata; with `create_download_url=1`, a URL on `origin` that serves the
    /// bytes for 30 seconds.
    pub(crate) fn get_file(
        &mut self,
        account: i64,
        room: &str,
        file: &str,
        query: &[(String, String)],
        origin: &str,
    ) -> Answer {
        let with_url = match flag(query, "create_download_url") {
            Ok(f) => f,
            Err(e) => return e,
        };
        let r = match self.room_of(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let Some(f) = file
            .parse::<i64>()
            .ok()
            .and_then(|id| r.files.iter().find(|f| f.id == id))
        else {
            return not_found();
        };
        let mut v = self.file_json(f);
        let (room_id, file_id) = (r.id, f.id);
        if with_url {
            self.next_download += 1;
            let key = format!("d{}x{file_id}", self.next_download);
            v["download_url"] = json!(format!("{origin}/download/{key}"));
            self.downloads.insert(
                key,
                (
                    room_id,
                    file_id,
                    Instant::now() + self.limits.download_url_lifetime,
                ),
            );
        }
        Answer::Json(v)
    }

    /// The bytes behind a download URL, while it is valid.
    pub(crate) fn download(&self, key: &str) -> Option<(String, Vec<u8>)> {
        let (room, file, until) = self.downloads.get(key)?;
        if Instant::now() >= *until {
            return None;
        }
        let f = self.rooms.get(room)?.files.iter().find(|f| f.id == *file)?;
        Some((f.filename.clone(), f.data.clone()))
    }
}

impl World {
    /// Records a message event for the webhooks.
    fn message_event(&mut self, room: i64, message_id: u64, updated: bool) {
        if self.webhooks.is_empty() {
            return;
        }
        let Some(r) = self.rooms.get(&room) else {
            return;
        };
        let Some(m) = r.messages.iter().find(|m| m.id == message_id) else {
            return;
        };
        self.events.push(MessageEvent {
            updated,
            room_id: room,
            message_id,
            account_id: m.account,
            body: m.body.clone(),
            send_time: m.send_time,
            update_time: m.update_time,
            members: r.members.keys().copied().collect(),
        });
    }

    /// The deliveries of the events since the last call.
    pub(crate) fn take_deliveries(&mut self) -> Vec<Outgoing> {
        let events = std::mem::take(&mut self.events);
        events
            .iter()
            .flat_map(|e| crate::webhooks::deliveries(&self.webhooks, e, now()))
            .collect()
    }

    pub(crate) fn register_webhook(
        &mut self,
        account: i64,
        new: NewWebhook,
    ) -> Result<Webhook, Answer> {
        if !(new.url.starts_with("http://") || new.url.starts_with("https://")) {
            return Err(bad(
                "The webhook URL must start with https:// (or http:// on the mock)",
            ));
        }
        if self
            .webhooks
            .iter()
            .filter(|h| h.account_id == account)
            .count()
            >= MAX_WEBHOOKS_PER_ACCOUNT
        {
            return Err(bad(format!(
                "An account can have at most {MAX_WEBHOOKS_PER_ACCOUNT} webhooks"
            )));
        }
        if let WebhookTarget::Room { room_id, .. } = &new.target {
            self.room_of(account, &room_id.to_string())?;
        }
        self.next_webhook += 1;
        let id = self.next_webhook.to_string();
        let token = match new.token {
            Some(t) if crate::webhooks::sign(&t, b"").is_some() && !t.trim().is_empty() => t,
            Some(_) => return Err(bad("The webhook token must be Base64 text")),
            None => crate::webhooks::make_token(&id),
        };
        let hook = Webhook {
            id,
            account_id: account,
            url: new.url,
            token,
            target: new.target,
            enabled: true,
            failures_in_a_row: 0,
        };
        self.webhooks.push(hook.clone());
        Ok(hook)
    }

    pub(crate) fn webhooks_of(&self, account: Option<i64>) -> Vec<Webhook> {
        self.webhooks
            .iter()
            .filter(|h| account.is_none_or(|a| h.account_id == a))
            .cloned()
            .collect()
    }

    /// Removes (`enable: None`) or enables/disables one of the account's webhooks.
    pub(crate) fn change_webhook(
        &mut self,
        account: i64,
        id: &str,
        enable: Option<bool>,
    ) -> Result<Webhook, Answer> {
        let i = self
            .webhooks
            .iter()
            .position(|h| h.id == id && h.account_id == account)
            .ok_or_else(not_found)?;
        match enable {
            None => Ok(self.webhooks.remove(i)),
            Some(on) => {
                let h = &mut self.webhooks[i];
                h.enabled = on;
                h.failures_in_a_row = 0;
                Ok(h.clone())
            }
        }
    }

    /// Counts a delivery's result; too many failures in a row disable the webhook.
    pub(crate) fn delivered(&mut self, webhook: &str, ok: bool) {
        let limit = self.limits.webhook_failures_to_disable;
        if let Some(h) = self.webhooks.iter_mut().find(|h| h.id == webhook) {
            if ok {
                h.failures_in_a_row = 0;
            } else {
                h.failures_in_a_row += 1;
                if h.failures_in_a_row >= limit {
                    h.enabled = false;
                }
            }
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
    /// messages, cursors, tasks, files and links, contact requests, webhooks. Rate-limit
    /// windows and download URLs are not kept.
    pub(crate) fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub(crate) fn from_json(text: &str, limits: Limits) -> Result<Self, serde_json::Error> {
        let mut w: World = serde_json::from_str(text)?;
        w.limits = limits;
        Ok(w)
    }
}

/// Serializes bytes as Base64 text in the state file.
mod base64_bytes {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}
