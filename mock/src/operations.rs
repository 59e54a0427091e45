// Written by `cargo xtask gen` from spec/chatwork.yaml; do not edit.

//! Every operation of Chatwork API v2 as the spec declares it: path, method, parameters
//! (types, limits, enums, where they travel), scopes, summary and the example answer.
//! The surfaces derived from the spec read it: the local Chatwork's routes and
//! validation, the CLI's commands and the MCP tools.

/// One operation of Chatwork API v2, as the spec declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Operation {
    /// The operation ID (`list_files`): the SDK's method name.
    pub id: &'static str,
    /// The spec's tag (`files`): the group of the CLI's command.
    pub tag: &'static str,
    /// The verb of the CLI's command (`list`): the ID without the tag's words.
    pub verb: &'static str,
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: &'static str,
    /// The path under `/v2`, with `{name}` for each path parameter.
    pub path: &'static str,
    /// One line.
    pub summary: &'static str,
    /// What it does, in a few lines (Markdown).
    pub description: &'static str,
    /// The OAuth scopes any one of which allows it.
    pub scopes: &'static [&'static str],
    /// Its parameters: path first, then query, then body, each in the spec's order.
    pub params: &'static [Param],
    /// How a body travels, if it has one.
    pub body: Body,
    /// The spec's example of its `200` answer (JSON text), if any.
    pub example: Option<&'static str>,
    /// Whether Chatwork answers `204 No Content` when there is nothing to list.
    pub may_be_empty: bool,
}

/// How an operation's body travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    None,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/form-data`.
    Multipart,
}

/// One parameter of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Param {
    /// The wire name (`account_id`).
    pub name: &'static str,
    /// Where it travels.
    pub location: Location,
    /// Whether Chatwork refuses a call without it.
    pub required: bool,
    /// The values it takes.
    pub kind: Kind,
    /// One or two sentences.
    pub description: &'static str,
    /// Chatwork's documented default, if any.
    pub default: Option<&'static str>,
}

/// Where a parameter travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// In the path.
    Path,
    /// In the query string (reads).
    Query,
    /// In the form body (writes).
    Form,
    /// A part of a `multipart/form-data` body.
    Multipart,
}

/// The values a parameter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// A whole number (decimal), within the bounds when given.
    Integer {
        /// The least value allowed.
        min: Option<i64>,
        /// The greatest value allowed.
        max: Option<i64>,
    },
    /// One of these values, as written.
    OneOf(&'static [&'static str]),
    /// Text of `min` to `max` characters, of `charset` when given.
    Text {
        /// The fewest characters allowed.
        min: Option<u64>,
        /// The most characters allowed.
        max: Option<u64>,
        /// The characters allowed.
        charset: Option<Charset>,
    },
    /// A file's bytes (a multipart part with a file name).
    File,
}

/// The characters a text parameter allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Charset {
    /// Decimal digits (`^[0-9]+$`): a message ID.
    Digits,
    /// Comma-separated decimal numbers (`^[0-9]+(,[0-9]+)*$`): account IDs.
    DigitList,
    /// Letters, digits, `_` and `-` (`^[A-Za-z0-9_-]+$`).
    Word,
}

impl Param {
    /// Why `value` is not a value of this parameter, in Chatwork's words
    /// (`Parameter 'limit' must be an integer`), or `None` when it is one.
    pub fn refuse(&self, value: &str) -> Option<String> {
        let name = self.name;
        match self.kind {
            Kind::Integer { min, max } => match value.trim().parse::<i64>() {
                Err(_) => Some(format!("Parameter '{name}' must be an integer")),
                Ok(n) if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) => {
                    Some(format!(
                        "Parameter '{name}' must be {}",
                        range(min.map(|m| m as i128), max.map(|m| m as i128), "")
                    ))
                }
                Ok(_) => None,
            },
            Kind::OneOf(values) => (!values.contains(&value))
                .then(|| format!("Parameter '{name}' must be {}", one_of(values))),
            Kind::Text { min, max, charset } => {
                let len = value.chars().count() as u64;
                if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
                    return Some(format!(
                        "Parameter '{name}' must be {}",
                        range(min.map(i128::from), max.map(i128::from), " characters")
                    ));
                }
                let ok = match charset {
                    None => true,
                    Some(Charset::Digits) => {
                        !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
                    }
                    Some(Charset::DigitList) => value
                        .split(',')
                        .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())),
                    Some(Charset::Word) => value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
                };
                (!ok).then(|| {
                    format!(
                        "Parameter '{name}' must be {}",
                        match charset {
                            Some(Charset::Digits) => "a decimal number",
                            Some(Charset::DigitList) => "comma-separated decimal numbers",
                            _ => "letters, digits, '_' or '-'",
                        }
                    )
                })
            }
            Kind::File => None,
        }
    }

    /// The values it takes, in a few words (`an integer`, `open or done`).
    pub fn values(&self) -> String {
        match self.kind {
            Kind::Integer { min, max } if min.is_some() || max.is_some() => format!(
                "an integer, {}",
                range(min.map(|m| m as i128), max.map(|m| m as i128), "")
            ),
            Kind::Integer { .. } => "an integer".into(),
            Kind::OneOf(values) => one_of(values),
            Kind::Text { charset: Some(Charset::Digits), .. } => "a decimal number".into(),
            Kind::Text { charset: Some(Charset::DigitList), .. } => {
                "comma-separated decimal numbers".into()
            }
            Kind::Text { min, max, charset } => {
                let mut s = match charset {
                    Some(_) => "letters, digits, '_' or '-'".to_owned(),
                    None => "text".to_owned(),
                };
                if min.is_some() || max.is_some() {
                    s.push_str(", ");
                    s.push_str(&range(min.map(i128::from), max.map(i128::from), " characters"));
                }
                s
            }
            Kind::File => "a file".into(),
        }
    }
}

fn range(min: Option<i128>, max: Option<i128>, unit: &str) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a} to {b}{unit}"),
        (Some(a), None) => format!("at least {a}{unit}"),
        (None, Some(b)) => format!("at most {b}{unit}"),
        (None, None) => String::new(),
    }
}

fn one_of(values: &[&str]) -> String {
    match values {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] if values.len() <= 3 => format!("{} or {last}", init.join(", ")),
        _ => format!("one of {}", values.join(", ")),
    }
}

impl Operation {
    /// The parameter named `name`.
    pub fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// The operation with ID `id`.
pub fn operation(id: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| o.id == id)
}

/// Every operation, in the spec's order.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        id: "get_me",
        tag: "me",
        verb: "get",
        method: "GET",
        path: "/me",
        summary: "Get your own account profile",
        description: "Returns the profile of the account that owns the token. Profile fields the user\nnever filled in are empty strings, not null.",
        scopes: &["users.all:read", "users.profile.me:read"],
        params: &[],
        body: Body::None,
        example: Some("{\"account_id\":363,\"avatar_image_url\":\"https://example.com/abc.png\",\"chatwork_id\":\"tarochatworkid\",\"department\":\"Marketing\",\"facebook\":\"myfacebook_id\",\"introduction\":\"Self Introduction\",\"login_mail\":\"account@example.com\",\"mail\":\"taro@example.com\",\"name\":\"John Smith\",\"organization_id\":101,\"organization_name\":\"Hello Company\",\"room_id\":366,\"skype\":\"myskype_id\",\"tel_extension\":\"YYY-YYYY-YYYY\",\"tel_mobile\":\"ZZZ-ZZZZ-ZZZZ\",\"tel_organization\":\"XXX-XXXX-XXXX\",\"title\":\"CMO\",\"twitter\":\"mytwitter_id\",\"url\":\"http://mycompany.example.com\"}"),
        may_be_empty: false,
    },
    Operation {
        id: "get_my_status",
        tag: "my",
        verb: "get-status",
        method: "GET",
        path: "/my/status",
        summary: "Get your unread, mention and task counts",
        description: "Returns how many rooms and messages are unread or mention you, and how many open tasks you have.",
        scopes: &["users.all:read", "users.status.me:read"],
        params: &[],
        body: Body::None,
        example: Some("{\"mention_num\":1,\"mention_room_num\":1,\"mytask_num\":8,\"mytask_room_num\":3,\"unread_num\":12,\"unread_room_num\":2}"),
        may_be_empty: false,
    },
    Operation {
        id: "list_my_tasks",
        tag: "my",
        verb: "list-tasks",
        method: "GET",
        path: "/my/tasks",
        summary: "List the tasks assigned to you",
        description: "Returns the tasks assigned to the authenticated account, at most 100 of them.\nChatwork offers no paging: tasks beyond the first 100 cannot be listed.\nBy default only open tasks are returned.",
        scopes: &["users.all:read", "users.tasks.me:read"],
        params: &[
            Param {
                name: "assigned_by_account_id",
                location: Location::Query,
                required: false,
                kind: Kind::Integer { min: None, max: None },
                description: "Only tasks assigned by this account.",
                default: None,
            },
            Param {
                name: "status",
                location: Location::Query,
                required: false,
                kind: Kind::OneOf(&["open", "done"]),
                description: "Only tasks with this status.",
                default: Some("open"),
            },],
        body: Body::None,
        example: Some("[{\"assigned_by_account\":{\"account_id\":456,\"avatar_image_url\":\"https://example.com/def.png\",\"name\":\"Anna\"},\"body\":\"buy milk\",\"limit_time\":1384354799,\"limit_type\":\"date\",\"message_id\":\"1928374655918273645\",\"room\":{\"icon_path\":\"https://example.com/ico_group.png\",\"name\":\"Group Chat Name\",\"room_id\":5},\"status\":\"open\",\"task_id\":3}]"),
        may_be_empty: true,
    },
    Operation {
        id: "list_contacts",
        tag: "contacts",
        verb: "list",
        method: "GET",
        path: "/contacts",
        summary: "List your contacts",
        description: "Returns every contact of the authenticated account, with the ID of the direct chat shared with each.",
        scopes: &["contacts.all:read_write", "contacts.all:read"],
        params: &[],
        body: Body::None,
        example: Some("[{\"account_id\":123,\"avatar_image_url\":\"https://example.com/abc.png\",\"chatwork_id\":\"tarochatworkid\",\"department\":\"Marketing\",\"name\":\"John Smith\",\"organization_id\":101,\"organization_name\":\"Hello Company\",\"room_id\":322},{\"account_id\":124,\"avatar_image_url\":\"https://example.com/ico_default.png\",\"chatwork_id\":\"\",\"department\":\"\",\"name\":\"Hanako Sato\",\"organization_id\":0,\"organization_name\":\"\",\"room_id\":323}]"),
        may_be_empty: true,
    },
    Operation {
        id: "list_rooms",
        tag: "rooms",
        verb: "list",
        method: "GET",
        path: "/rooms",
        summary: "List the chats you belong to",
        description: "Returns every chat the authenticated account belongs to: its own \"my chat\",\ndirect chats and group chats. Chatwork offers no paging for this list.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.info:read"],
        params: &[],
        body: Body::None,
        example: Some("[{\"file_num\":10,\"icon_path\":\"https://example.com/ico_group.png\",\"last_update_time\":1298905200,\"mention_num\":1,\"message_num\":122,\"mytask_num\":0,\"name\":\"Group Chat Name\",\"role\":\"admin\",\"room_id\":123,\"sticky\":false,\"task_num\":17,\"type\":\"group\",\"unread_num\":10}]"),
        may_be_empty: false,
    },
    Operation {
        id: "create_room",
        tag: "rooms",
        verb: "create",
        method: "POST",
        path: "/rooms",
        summary: "Create a group chat",
        description: "Creates a group chat with the given members; the authenticated account joins it.\n`members_admin_ids` must name at least one admin. Only contacts and people of your\norganisation can be added. With `link` set, an invitation link is created too.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms:write"],
        params: &[
            Param {
                name: "name",
                location: Location::Form,
                required: true,
                kind: Kind::Text { min: Some(1), max: Some(255), charset: None },
                description: "The group chat's name.",
                default: None,
            },
            Param {
                name: "description",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: None },
                description: "The group chat's description (may contain message notation).",
                default: None,
            },
            Param {
                name: "icon_preset",
                location: Location::Form,
                required: false,
                kind: Kind::OneOf(&["group", "check", "document", "meeting", "event", "project", "business", "study", "security", "star", "idea", "heart", "magcup", "beer", "music", "sports", "travel"]),
                description: "One of Chatwork's preset chat icons.",
                default: None,
            },
            Param {
                name: "members_admin_ids",
                location: Location::Form,
                required: true,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::DigitList) },
                description: "A list of account IDs, sent as one comma-separated string.",
                default: None,
            },
            Param {
                name: "members_member_ids",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::DigitList) },
                description: "A list of account IDs, sent as one comma-separated string.",
                default: None,
            },
            Param {
                name: "members_readonly_ids",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::DigitList) },
                description: "A list of account IDs, sent as one comma-separated string.",
                default: None,
            },
            Param {
                name: "link",
                location: Location::Form,
                required: false,
                kind: Kind::OneOf(&["0", "1"]),
                description: "1 also creates an invitation link.",
                default: Some("0"),
            },
            Param {
                name: "link_code",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: Some(1), max: Some(50), charset: Some(Charset::Word) },
                description: "The invitation link's path; random when omitted.",
                default: None,
            },
            Param {
                name: "link_need_acceptance",
                location: Location::Form,
                required: false,
                kind: Kind::OneOf(&["0", "1"]),
                description: "1 makes joining through the link wait for an admin's approval.",
                default: Some("1"),
            },],
        body: Body::Form,
        example: Some("{\"room_id\":1234}"),
        may_be_empty: false,
    },
    Operation {
        id: "get_room",
        tag: "rooms",
        verb: "get",
        method: "GET",
        path: "/rooms/{room_id}",
        summary: "Get one chat",
        description: "Returns a chat's details, including its description.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.info:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },],
        body: Body::None,
        example: Some("{\"description\":\"room description text\",\"file_num\":10,\"icon_path\":\"https://example.com/ico_group.png\",\"last_update_time\":1298905200,\"mention_num\":1,\"message_num\":122,\"mytask_num\":0,\"name\":\"Group Chat Name\",\"role\":\"admin\",\"room_id\":123,\"sticky\":false,\"task_num\":17,\"type\":\"group\",\"unread_num\":10}"),
        may_be_empty: false,
    },
    Operation {
        id: "update_room",
        tag: "rooms",
        verb: "update",
        method: "PUT",
        path: "/rooms/{room_id}",
        summary: "Change a group chat's name, description or icon",
        description: "Changes the given fields of a group chat; fields left out keep their value. Requires admin rights in the chat.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.info:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "name",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: Some(1), max: Some(255), charset: None },
                description: "The new name.",
                default: None,
            },
            Param {
                name: "description",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: None },
                description: "The new description.",
                default: None,
            },
            Param {
                name: "icon_preset",
                location: Location::Form,
                required: false,
                kind: Kind::OneOf(&["group", "check", "document", "meeting", "event", "project", "business", "study", "security", "star", "idea", "heart", "magcup", "beer", "music", "sports", "travel"]),
                description: "One of Chatwork's preset chat icons.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"room_id\":1234}"),
        may_be_empty: false,
    },
    Operation {
        id: "delete_room",
        tag: "rooms",
        verb: "delete",
        method: "DELETE",
        path: "/rooms/{room_id}",
        summary: "Leave or delete a group chat",
        description: "With `action_type=leave` the authenticated account leaves the chat: the tasks in it\nthat are assigned to you and the files you uploaded there are deleted.\nWith `action_type=delete` the chat is deleted for everyone: every member's\nmessages, tasks and files are destroyed, irreversibly. Deleting requires admin rights.\n`action_type` travels in a form body.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "action_type",
                location: Location::Form,
                required: true,
                kind: Kind::OneOf(&["leave", "delete"]),
                description: "`leave` leaves the chat; `delete` destroys it for everyone.",
                default: None,
            },],
        body: Body::Form,
        example: None,
        may_be_empty: true,
    },
    Operation {
        id: "list_members",
        tag: "rooms",
        verb: "list-members",
        method: "GET",
        path: "/rooms/{room_id}/members",
        summary: "List a chat's members",
        description: "Returns every member of the chat with their role.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.members:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },],
        body: Body::None,
        example: Some("[{\"account_id\":123,\"avatar_image_url\":\"https://example.com/abc.png\",\"chatwork_id\":\"tarochatworkid\",\"department\":\"Marketing\",\"name\":\"John Smith\",\"organization_id\":101,\"organization_name\":\"Hello Company\",\"role\":\"member\"}]"),
        may_be_empty: false,
    },
    Operation {
        id: "update_members",
        tag: "rooms",
        verb: "update-members",
        method: "PUT",
        path: "/rooms/{room_id}/members",
        summary: "Replace a group chat's member list",
        description: "Replaces the whole member list in one call: accounts not named in any of the three\nlists are removed from the chat. At least one admin is required. Requires admin rights.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.members:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "members_admin_ids",
                location: Location::Form,
                required: true,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::DigitList) },
                description: "A list of account IDs, sent as one comma-separated string.",
                default: None,
            },
            Param {
                name: "members_member_ids",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::DigitList) },
                description: "A list of account IDs, sent as one comma-separated string.",
                default: None,
            },
            Param {
                name: "members_readonly_ids",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::DigitList) },
                description: "A list of account IDs, sent as one comma-separated string.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"admin\":[123,542,1001],\"member\":[10,103],\"readonly\":[6,11]}"),
        may_be_empty: false,
    },
    Operation {
        id: "list_messages",
        tag: "messages",
        verb: "list",
        method: "GET",
        path: "/rooms/{room_id}/messages",
        summary: "List a chat's messages",
        description: "Without `force` (or with `force=0`) returns only the messages that no earlier call\nby this account has returned yet, at most 100; when there is nothing new the\nanswer is `204 No Content` with an empty body. With `force=1` returns the latest\n100 messages regardless of earlier calls. Older messages cannot be reached.\nOn the free plan only recent messages are visible; the response then carries the\n`chatwork-message-limitation` headers.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.messages:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "force",
                location: Location::Query,
                required: false,
                kind: Kind::OneOf(&["0", "1"]),
                description: "1 returns the latest 100 messages; 0 only the ones not returned before.",
                default: Some("0"),
            },],
        body: Body::None,
        example: Some("[{\"account\":{\"account_id\":123,\"avatar_image_url\":\"https://example.com/ico_avatar.png\",\"name\":\"Bob\"},\"body\":\"[To:456] Hello Chatwork\",\"message_id\":\"1928374655918273645\",\"send_time\":1384242850,\"update_time\":0}]"),
        may_be_empty: true,
    },
    Operation {
        id: "post_message",
        tag: "messages",
        verb: "post",
        method: "POST",
        path: "/rooms/{room_id}/messages",
        summary: "Post a message",
        description: "Posts a message to the chat. The body may contain message notation (`[To:123]`,\n`[info]...[/info]`, ...). Message posts and task creations share a limit of\n10 per 10 seconds per room; beyond it the answer is 429.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "body",
                location: Location::Form,
                required: true,
                kind: Kind::Text { min: Some(1), max: Some(65535), charset: None },
                description: "The message text, in Chatwork message notation.",
                default: None,
            },
            Param {
                name: "self_unread",
                location: Location::Form,
                required: false,
                kind: Kind::OneOf(&["0", "1"]),
                description: "1 leaves the new message unread for yourself.",
                default: Some("0"),
            },],
        body: Body::Form,
        example: Some("{\"message_id\":\"1928374655918273645\"}"),
        may_be_empty: false,
    },
    Operation {
        id: "mark_messages_read",
        tag: "messages",
        verb: "mark-read",
        method: "PUT",
        path: "/rooms/{room_id}/messages/read",
        summary: "Mark messages as read",
        description: "Marks every message up to and including `message_id` as read (without it,\npresumably every message in the chat). Answers 400 when the message is already read.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "message_id",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::Digits) },
                description: "A message's ID. A decimal string, because values exceed 2^53.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"mention_num\":0,\"unread_num\":461}"),
        may_be_empty: false,
    },
    Operation {
        id: "mark_messages_unread",
        tag: "messages",
        verb: "mark-unread",
        method: "PUT",
        path: "/rooms/{room_id}/messages/unread",
        summary: "Mark messages as unread",
        description: "Marks `message_id` and every later message in the chat as unread.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "message_id",
                location: Location::Form,
                required: true,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::Digits) },
                description: "A message's ID. A decimal string, because values exceed 2^53.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"mention_num\":0,\"unread_num\":3}"),
        may_be_empty: false,
    },
    Operation {
        id: "get_message",
        tag: "messages",
        verb: "get",
        method: "GET",
        path: "/rooms/{room_id}/messages/{message_id}",
        summary: "Get one message",
        description: "Returns one message. On the free plan old messages may be hidden (see the `chatwork-message-limitation` headers).",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.messages:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "message_id",
                location: Location::Path,
                required: true,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::Digits) },
                description: "The message's ID (a decimal string).",
                default: None,
            },],
        body: Body::None,
        example: Some("{\"account\":{\"account_id\":123,\"avatar_image_url\":\"https://example.com/ico_avatar.png\",\"name\":\"Bob\"},\"body\":\"Hello Chatwork!\",\"message_id\":\"1928374655918273645\",\"send_time\":1384242850,\"update_time\":0}"),
        may_be_empty: false,
    },
    Operation {
        id: "update_message",
        tag: "messages",
        verb: "update",
        method: "PUT",
        path: "/rooms/{room_id}/messages/{message_id}",
        summary: "Edit a message",
        description: "Replaces the text of a message the authenticated account posted.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "message_id",
                location: Location::Path,
                required: true,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::Digits) },
                description: "The message's ID (a decimal string).",
                default: None,
            },
            Param {
                name: "body",
                location: Location::Form,
                required: true,
                kind: Kind::Text { min: Some(1), max: Some(65535), charset: None },
                description: "The new message text, in Chatwork message notation.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"message_id\":\"1928374655918273645\"}"),
        may_be_empty: false,
    },
    Operation {
        id: "delete_message",
        tag: "messages",
        verb: "delete",
        method: "DELETE",
        path: "/rooms/{room_id}/messages/{message_id}",
        summary: "Delete a message",
        description: "Deletes a message the authenticated account posted. Answers 200 with the message ID (not 204).",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "message_id",
                location: Location::Path,
                required: true,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::Digits) },
                description: "The message's ID (a decimal string).",
                default: None,
            },],
        body: Body::None,
        example: Some("{\"message_id\":\"1928374655918273645\"}"),
        may_be_empty: false,
    },
    Operation {
        id: "list_room_tasks",
        tag: "tasks",
        verb: "list-room",
        method: "GET",
        path: "/rooms/{room_id}/tasks",
        summary: "List a chat's tasks",
        description: "Returns the chat's tasks, at most 100; Chatwork offers no paging. By default only\nopen tasks are returned.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.tasks:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "account_id",
                location: Location::Query,
                required: false,
                kind: Kind::Integer { min: None, max: None },
                description: "Only tasks assigned to this account.",
                default: None,
            },
            Param {
                name: "assigned_by_account_id",
                location: Location::Query,
                required: false,
                kind: Kind::Integer { min: None, max: None },
                description: "Only tasks assigned by this account.",
                default: None,
            },
            Param {
                name: "status",
                location: Location::Query,
                required: false,
                kind: Kind::OneOf(&["open", "done"]),
                description: "Only tasks with this status.",
                default: Some("open"),
            },],
        body: Body::None,
        example: Some("[{\"account\":{\"account_id\":123,\"avatar_image_url\":\"https://example.com/abc.png\",\"name\":\"Bob\"},\"assigned_by_account\":{\"account_id\":456,\"avatar_image_url\":\"https://example.com/def.png\",\"name\":\"Anna\"},\"body\":\"buy milk\",\"limit_time\":1384354799,\"limit_type\":\"date\",\"message_id\":\"1928374655918273645\",\"status\":\"open\",\"task_id\":3}]"),
        may_be_empty: true,
    },
    Operation {
        id: "create_task",
        tag: "tasks",
        verb: "create",
        method: "POST",
        path: "/rooms/{room_id}/tasks",
        summary: "Add a task",
        description: "Creates a task for each account in `to_ids`, with an optional deadline.\nShares the 10 posts per 10 seconds per room limit with message posts. The deadline\ntravels as `limit` (Unix seconds) and `limit_type`; the Rust setters are `deadline`\n(a `SystemTime` or Unix seconds) and `deadline_type`.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.tasks:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "body",
                location: Location::Form,
                required: true,
                kind: Kind::Text { min: Some(1), max: Some(65535), charset: None },
                description: "The task text.",
                default: None,
            },
            Param {
                name: "to_ids",
                location: Location::Form,
                required: true,
                kind: Kind::Text { min: None, max: None, charset: Some(Charset::DigitList) },
                description: "A list of account IDs, sent as one comma-separated string.",
                default: None,
            },
            Param {
                name: "limit",
                location: Location::Form,
                required: false,
                kind: Kind::Integer { min: None, max: None },
                description: "A time as Unix seconds (UTC), such as a task's deadline.",
                default: None,
            },
            Param {
                name: "limit_type",
                location: Location::Form,
                required: false,
                kind: Kind::OneOf(&["none", "date", "time"]),
                description: "What kind of deadline a task has, if any.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"task_ids\":[123,124]}"),
        may_be_empty: false,
    },
    Operation {
        id: "get_task",
        tag: "tasks",
        verb: "get",
        method: "GET",
        path: "/rooms/{room_id}/tasks/{task_id}",
        summary: "Get one task",
        description: "Returns one task of the chat.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.tasks:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "task_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The task's ID.",
                default: None,
            },],
        body: Body::None,
        example: Some("{\"account\":{\"account_id\":123,\"avatar_image_url\":\"https://example.com/abc.png\",\"name\":\"Bob\"},\"assigned_by_account\":{\"account_id\":456,\"avatar_image_url\":\"https://example.com/def.png\",\"name\":\"Anna\"},\"body\":\"buy milk\",\"limit_time\":1384354799,\"limit_type\":\"date\",\"message_id\":\"1928374655918273645\",\"status\":\"open\",\"task_id\":3}"),
        may_be_empty: false,
    },
    Operation {
        id: "update_task_status",
        tag: "tasks",
        verb: "update-status",
        method: "PUT",
        path: "/rooms/{room_id}/tasks/{task_id}/status",
        summary: "Complete or reopen a task",
        description: "Sets a task's status: `done` completes it, `open` reopens it. On the wire the\nfield is really named `body`; the Rust setter is `status`.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.tasks:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "task_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The task's ID.",
                default: None,
            },
            Param {
                name: "body",
                location: Location::Form,
                required: true,
                kind: Kind::OneOf(&["open", "done"]),
                description: "Whether a task is still open or done.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"task_id\":1234}"),
        may_be_empty: false,
    },
    Operation {
        id: "list_files",
        tag: "files",
        verb: "list",
        method: "GET",
        path: "/rooms/{room_id}/files",
        summary: "List a chat's files",
        description: "Returns the chat's files, at most 100; Chatwork offers no paging. Listed files\nnever carry a `download_url`: fetch one file with `create_download_url=1` for that.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.files:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "account_id",
                location: Location::Query,
                required: false,
                kind: Kind::Integer { min: None, max: None },
                description: "Only files uploaded by this account.",
                default: None,
            },],
        body: Body::None,
        example: Some("[{\"account\":{\"account_id\":123,\"avatar_image_url\":\"https://example.com/ico_avatar.png\",\"name\":\"Bob\"},\"file_id\":3,\"filename\":\"README.md\",\"filesize\":2232,\"message_id\":\"1928374655918273645\",\"upload_time\":1384414750}]"),
        may_be_empty: true,
    },
    Operation {
        id: "upload_file",
        tag: "files",
        verb: "upload",
        method: "POST",
        path: "/rooms/{room_id}/files",
        summary: "Upload a file",
        description: "Uploads one file (at most 5 MB) to the chat, optionally with a message posted\nalongside it. The request is `multipart/form-data`; the file part carries its\nfile name and its own content type.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.files:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "file",
                location: Location::Multipart,
                required: true,
                kind: Kind::File,
                description: "The file, at most 5 MB.",
                default: None,
            },
            Param {
                name: "message",
                location: Location::Multipart,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: None },
                description: "A message posted together with the file.",
                default: None,
            },],
        body: Body::Multipart,
        example: Some("{\"file_id\":1234}"),
        may_be_empty: false,
    },
    Operation {
        id: "get_file",
        tag: "files",
        verb: "get",
        method: "GET",
        path: "/rooms/{room_id}/files/{file_id}",
        summary: "Get one file's metadata",
        description: "Returns one file's metadata. With `create_download_url=1` the answer includes a\n`download_url` that works for 30 seconds only.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.files:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "file_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The file's ID.",
                default: None,
            },
            Param {
                name: "create_download_url",
                location: Location::Query,
                required: false,
                kind: Kind::OneOf(&["0", "1"]),
                description: "1 adds a `download_url` valid for 30 seconds.",
                default: Some("0"),
            },],
        body: Body::None,
        example: Some("{\"account\":{\"account_id\":123,\"avatar_image_url\":\"https://example.com/ico_avatar.png\",\"name\":\"Bob\"},\"download_url\":\"https://download.example.com/files/3?signature=abc\",\"file_id\":3,\"filename\":\"README.md\",\"filesize\":2232,\"message_id\":\"1928374655918273645\",\"upload_time\":1384414750}"),
        may_be_empty: false,
    },
    Operation {
        id: "get_invitation_link",
        tag: "invitation_links",
        verb: "get",
        method: "GET",
        path: "/rooms/{room_id}/link",
        summary: "Get a group chat's invitation link",
        description: "Returns the chat's invitation link; when there is none the answer is just `{\"public\": false}`.",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.info:read"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },],
        body: Body::None,
        example: Some("{\"description\":\"Link description text\",\"need_acceptance\":true,\"public\":true,\"url\":\"https://example.chatwork.com/g/randomcode42\"}"),
        may_be_empty: false,
    },
    Operation {
        id: "update_invitation_link",
        tag: "invitation_links",
        verb: "update",
        method: "PUT",
        path: "/rooms/{room_id}/link",
        summary: "Change a group chat's invitation link",
        description: "Changes the given settings of the chat's existing invitation link.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.info:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "code",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: Some(1), max: Some(50), charset: Some(Charset::Word) },
                description: "The link's path; random when omitted at creation.",
                default: None,
            },
            Param {
                name: "need_acceptance",
                location: Location::Form,
                required: false,
                kind: Kind::OneOf(&["0", "1"]),
                description: "1: joining through the link waits for an admin's approval.",
                default: Some("1"),
            },
            Param {
                name: "description",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: None },
                description: "The text shown on the link's page.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"description\":\"Public room for everybody\",\"need_acceptance\":false,\"public\":true,\"url\":\"https://example.chatwork.com/g/another_link_name\"}"),
        may_be_empty: false,
    },
    Operation {
        id: "create_invitation_link",
        tag: "invitation_links",
        verb: "create",
        method: "POST",
        path: "/rooms/{room_id}/link",
        summary: "Create a group chat's invitation link",
        description: "Creates the chat's invitation link. Without `code` the link path is random;\n`need_acceptance` (default 1) makes joining wait for an admin's approval.\nFails (presumably with 400) when the chat already has a link.",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.info:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },
            Param {
                name: "code",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: Some(1), max: Some(50), charset: Some(Charset::Word) },
                description: "The link's path; random when omitted at creation.",
                default: None,
            },
            Param {
                name: "need_acceptance",
                location: Location::Form,
                required: false,
                kind: Kind::OneOf(&["0", "1"]),
                description: "1: joining through the link waits for an admin's approval.",
                default: Some("1"),
            },
            Param {
                name: "description",
                location: Location::Form,
                required: false,
                kind: Kind::Text { min: None, max: None, charset: None },
                description: "The text shown on the link's page.",
                default: None,
            },],
        body: Body::Form,
        example: Some("{\"description\":\"This is a public room for topic A.\",\"need_acceptance\":true,\"public\":true,\"url\":\"https://example.chatwork.com/g/unique-link-name\"}"),
        may_be_empty: false,
    },
    Operation {
        id: "delete_invitation_link",
        tag: "invitation_links",
        verb: "delete",
        method: "DELETE",
        path: "/rooms/{room_id}/link",
        summary: "Delete a group chat's invitation link",
        description: "Deletes the chat's invitation link. Answers 200 with `{\"public\": false}` (not 204).",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.info:write"],
        params: &[
            Param {
                name: "room_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The chat's ID.",
                default: None,
            },],
        body: Body::None,
        example: Some("{\"public\":false}"),
        may_be_empty: false,
    },
    Operation {
        id: "list_incoming_requests",
        tag: "incoming_requests",
        verb: "list",
        method: "GET",
        path: "/incoming_requests",
        summary: "List the contact requests you have received",
        description: "Returns the pending contact requests sent to the authenticated account, at most 100; Chatwork offers no paging.",
        scopes: &["contacts.all:read_write", "contacts.all:read"],
        params: &[],
        body: Body::None,
        example: Some("[{\"account_id\":363,\"avatar_image_url\":\"https://example.com/abc.png\",\"chatwork_id\":\"tarochatworkid\",\"department\":\"Marketing\",\"message\":\"hogehoge\",\"name\":\"John Smith\",\"organization_id\":101,\"organization_name\":\"Hello Company\",\"request_id\":123}]"),
        may_be_empty: true,
    },
    Operation {
        id: "accept_incoming_request",
        tag: "incoming_requests",
        verb: "accept",
        method: "PUT",
        path: "/incoming_requests/{request_id}",
        summary: "Approve a contact request",
        description: "Approves a contact request; the requester becomes a contact and the answer describes them, including the new direct chat's ID.",
        scopes: &["contacts.all:read_write", "contacts.all:write"],
        params: &[
            Param {
                name: "request_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The contact request's ID.",
                default: None,
            },],
        body: Body::None,
        example: Some("{\"account_id\":363,\"avatar_image_url\":\"https://example.com/abc.png\",\"chatwork_id\":\"tarochatworkid\",\"department\":\"Marketing\",\"name\":\"John Smith\",\"organization_id\":101,\"organization_name\":\"Hello Company\",\"room_id\":1234}"),
        may_be_empty: false,
    },
    Operation {
        id: "decline_incoming_request",
        tag: "incoming_requests",
        verb: "decline",
        method: "DELETE",
        path: "/incoming_requests/{request_id}",
        summary: "Decline a contact request",
        description: "Declines a contact request. Answers 204 with an empty body.",
        scopes: &["contacts.all:read_write", "contacts.all:write"],
        params: &[
            Param {
                name: "request_id",
                location: Location::Path,
                required: true,
                kind: Kind::Integer { min: None, max: None },
                description: "The contact request's ID.",
                default: None,
            },],
        body: Body::None,
        example: None,
        may_be_empty: true,
    },
];

/// Every OAuth scope the spec declares, with its description (what the consent page
/// says it allows).
pub(crate) const SCOPES: &[(&str, &str)] = &[
    ("offline_access", "A refresh token that does not expire (confidential clients only)."),
    ("users.all:read", "Read your profile, status and tasks."),
    ("users.profile.me:read", "Read your profile."),
    ("users.status.me:read", "Read your unread counts."),
    ("users.tasks.me:read", "Read the tasks assigned to you."),
    ("rooms.all:read_write", "Read and write every room resource."),
    ("rooms.all:read", "Read every room resource."),
    ("rooms.all:write", "Write every room resource."),
    ("rooms:write", "Create, leave and delete chats."),
    ("rooms.info:read", "Read chats and invitation links."),
    ("rooms.info:write", "Change chats and invitation links."),
    ("rooms.members:read", "Read members."),
    ("rooms.members:write", "Change members."),
    ("rooms.messages:read", "Read messages."),
    ("rooms.messages:write", "Post, edit, delete and mark messages."),
    ("rooms.tasks:read", "Read tasks."),
    ("rooms.tasks:write", "Add tasks and change their status."),
    ("rooms.files:read", "Read files."),
    ("rooms.files:write", "Upload files."),
    ("contacts.all:read_write", "Read and write contacts."),
    ("contacts.all:read", "Read contacts and contact requests."),
    ("contacts.all:write", "Approve and decline contact requests."),
];
