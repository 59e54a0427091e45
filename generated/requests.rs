// Generated from spec/chatwork.yaml by progenitor 0.15.1 through codegen/ (written here by
// `cargo xtask gen`; the build script writes the same with the `codegen` feature).
// Do not edit: change the spec or codegen/, then run `cargo xtask gen`.

/// The spec's path template of an operation (`/rooms/{room_id}/messages`), for logs.
pub(crate) fn path_template(operation_id: &str) -> ::std::option::Option<&'static str> {
    ::std::option::Option::Some(
        match operation_id {
            "get_me" => "/me",
            "get_my_status" => "/my/status",
            "list_my_tasks" => "/my/tasks",
            "list_contacts" => "/contacts",
            "list_rooms" => "/rooms",
            "create_room" => "/rooms",
            "get_room" => "/rooms/{room_id}",
            "update_room" => "/rooms/{room_id}",
            "delete_room" => "/rooms/{room_id}",
            "list_members" => "/rooms/{room_id}/members",
            "update_members" => "/rooms/{room_id}/members",
            "list_messages" => "/rooms/{room_id}/messages",
            "post_message" => "/rooms/{room_id}/messages",
            "mark_messages_read" => "/rooms/{room_id}/messages/read",
            "mark_messages_unread" => "/rooms/{room_id}/messages/unread",
            "get_message" => "/rooms/{room_id}/messages/{message_id}",
            "update_message" => "/rooms/{room_id}/messages/{message_id}",
            "delete_message" => "/rooms/{room_id}/messages/{message_id}",
            "list_room_tasks" => "/rooms/{room_id}/tasks",
            "create_task" => "/rooms/{room_id}/tasks",
            "get_task" => "/rooms/{room_id}/tasks/{task_id}",
            "update_task_status" => "/rooms/{room_id}/tasks/{task_id}/status",
            "list_files" => "/rooms/{room_id}/files",
            "upload_file" => "/rooms/{room_id}/files",
            "get_file" => "/rooms/{room_id}/files/{file_id}",
            "get_invitation_link" => "/rooms/{room_id}/link",
            "update_invitation_link" => "/rooms/{room_id}/link",
            "create_invitation_link" => "/rooms/{room_id}/link",
            "delete_invitation_link" => "/rooms/{room_id}/link",
            "list_incoming_requests" => "/incoming_requests",
            "accept_incoming_request" => "/incoming_requests/{request_id}",
            "decline_incoming_request" => "/incoming_requests/{request_id}",
            _ => return ::std::option::Option::None,
        },
    )
}
/// Decodes fixtures into the generated types, for `cargo xtask check`.
#[cfg(feature = "spec-tools")]
#[doc(hidden)]
pub mod spec_tools {
    #[allow(unused_imports)]
    use crate::generated::types;
    fn roundtrip_as<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(
        body: &[u8],
    ) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
        let value: T = ::serde_json::from_slice(body).map_err(|e| e.to_string())?;
        ::serde_json::to_value(&value).map_err(|e| e.to_string())
    }
    /// Deserializes `body` into the Rust type of `operation_id`'s answer with `status`,
    /// re-serializes it, and names the type. `None` when the status has no body type.
    pub fn roundtrip(
        operation_id: &str,
        status: u16,
        body: &[u8],
    ) -> ::std::option::Option<
        (&'static str, ::std::result::Result<::serde_json::Value, ::std::string::String>),
    > {
        match (operation_id, status) {
            ("get_me", 200) => Some(("types::Me", roundtrip_as::<types::Me>(body))),
            ("get_my_status", 200) => {
                Some(("types::MyStatus", roundtrip_as::<types::MyStatus>(body)))
            }
            ("list_my_tasks", 200) => {
                Some(("Vec<types::MyTask>", roundtrip_as::<Vec<types::MyTask>>(body)))
            }
            ("list_contacts", 200) => {
                Some(("Vec<types::Contact>", roundtrip_as::<Vec<types::Contact>>(body)))
            }
            ("list_rooms", 200) => {
                Some((
                    "Vec<types::RoomSummary>",
                    roundtrip_as::<Vec<types::RoomSummary>>(body),
                ))
            }
            ("create_room", 200) => {
                Some((
                    "types::RoomIdResponse",
                    roundtrip_as::<types::RoomIdResponse>(body),
                ))
            }
            ("get_room", 200) => Some(("types::Room", roundtrip_as::<types::Room>(body))),
            ("update_room", 200) => {
                Some((
                    "types::RoomIdResponse",
                    roundtrip_as::<types::RoomIdResponse>(body),
                ))
            }
            ("list_members", 200) => {
                Some(("Vec<types::Member>", roundtrip_as::<Vec<types::Member>>(body)))
            }
            ("update_members", 200) => {
                Some((
                    "types::MembersByRole",
                    roundtrip_as::<types::MembersByRole>(body),
                ))
            }
            ("list_messages", 200) => {
                Some(("Vec<types::Message>", roundtrip_as::<Vec<types::Message>>(body)))
            }
            ("post_message", 200) => {
                Some((
                    "types::MessageIdResponse",
                    roundtrip_as::<types::MessageIdResponse>(body),
                ))
            }
            ("mark_messages_read", 200) => {
                Some(("types::UnreadCounts", roundtrip_as::<types::UnreadCounts>(body)))
            }
            ("mark_messages_unread", 200) => {
                Some(("types::UnreadCounts", roundtrip_as::<types::UnreadCounts>(body)))
            }
            ("get_message", 200) => {
                Some(("types::Message", roundtrip_as::<types::Message>(body)))
            }
            ("update_message", 200) => {
                Some((
                    "types::MessageIdResponse",
                    roundtrip_as::<types::MessageIdResponse>(body),
                ))
            }
            ("delete_message", 200) => {
                Some((
                    "types::MessageIdResponse",
                    roundtrip_as::<types::MessageIdResponse>(body),
                ))
            }
            ("list_room_tasks", 200) => {
                Some((
                    "Vec<types::RoomTask>",
                    roundtrip_as::<Vec<types::RoomTask>>(body),
                ))
            }
            ("create_task", 200) => {
                Some((
                    "types::TaskIdsResponse",
                    roundtrip_as::<types::TaskIdsResponse>(body),
                ))
            }
            ("get_task", 200) => {
                Some(("types::RoomTask", roundtrip_as::<types::RoomTask>(body)))
            }
            ("update_task_status", 200) => {
                Some((
                    "types::TaskIdResponse",
                    roundtrip_as::<types::TaskIdResponse>(body),
                ))
            }
            ("list_files", 200) => {
                Some(("Vec<types::File>", roundtrip_as::<Vec<types::File>>(body)))
            }
            ("upload_file", 200) => {
                Some((
                    "types::FileIdResponse",
                    roundtrip_as::<types::FileIdResponse>(body),
                ))
            }
            ("get_file", 200) => Some(("types::File", roundtrip_as::<types::File>(body))),
            ("get_invitation_link", 200) => {
                Some((
                    "types::InvitationLink",
                    roundtrip_as::<types::InvitationLink>(body),
                ))
            }
            ("update_invitation_link", 200) => {
                Some((
                    "types::InvitationLink",
                    roundtrip_as::<types::InvitationLink>(body),
                ))
            }
            ("create_invitation_link", 200) => {
                Some((
                    "types::InvitationLink",
                    roundtrip_as::<types::InvitationLink>(body),
                ))
            }
            ("delete_invitation_link", 200) => {
                Some((
                    "types::InvitationLink",
                    roundtrip_as::<types::InvitationLink>(body),
                ))
            }
            ("list_incoming_requests", 200) => {
                Some((
                    "Vec<types::IncomingRequest>",
                    roundtrip_as::<Vec<types::IncomingRequest>>(body),
                ))
            }
            ("accept_incoming_request", 200) => {
                Some(("types::Contact", roundtrip_as::<types::Contact>(body)))
            }
            (_, 400..=599) => {
                Some(("types::ErrorBody", roundtrip_as::<types::ErrorBody>(body)))
            }
            _ => None,
        }
    }
}
impl crate::contract::Client {
    /// Get your own account profile
    ///
    /// Returns the profile of the account that owns the token. Profile fields the user
    /// never filled in are empty strings, not null.
    ///
    /// Sends `GET /me`.
    ///
    /// Setters:
    /// - none
    pub fn get_me(&self) -> request::GetMe<'_> {
        request::GetMe {
            inner: self.generated().get_me(),
            error: ::std::option::Option::None,
        }
    }
    /// Get your unread, mention and task counts
    ///
    /// Returns how many rooms and messages are unread or mention you, and how many open tasks you have.
    ///
    /// Sends `GET /my/status`.
    ///
    /// Setters:
    /// - none
    pub fn get_my_status(&self) -> request::GetMyStatus<'_> {
        request::GetMyStatus {
            inner: self.generated().get_my_status(),
            error: ::std::option::Option::None,
        }
    }
    /// List the tasks assigned to you
    ///
    /// Returns the tasks assigned to the authenticated account, at most 100 of them.
    /// Chatwork offers no paging: tasks beyond the first 100 cannot be listed.
    /// By default only open tasks are returned.
    ///
    /// Sends `GET /my/tasks`.
    ///
    /// A `204 No Content` answer is an empty list, never an error. Use
    /// [`limit`](request::ListMyTasks::limit) to keep at most N items (applied on the client).
    ///
    /// Setters:
    /// - [`assigned_by_account_id`](request::ListMyTasks::assigned_by_account_id): Only tasks assigned by this account. (query parameter, optional)
    /// - [`status`](request::ListMyTasks::status): Only tasks with this status. Chatwork's default: `open`. (query parameter, optional)
    pub fn list_my_tasks(&self) -> request::ListMyTasks<'_> {
        request::ListMyTasks {
            inner: self.generated().list_my_tasks(),
            error: ::std::option::Option::None,
            limit: ::std::option::Option::None,
        }
    }
    /// List your contacts
    ///
    /// Returns every contact of the authenticated account, with the ID of the direct chat shared with each.
    ///
    /// Sends `GET /contacts`.
    ///
    /// A `204 No Content` answer is an empty list, never an error. Use
    /// [`limit`](request::ListContacts::limit) to keep at most N items (applied on the client).
    ///
    /// Setters:
    /// - none
    pub fn list_contacts(&self) -> request::ListContacts<'_> {
        request::ListContacts {
            inner: self.generated().list_contacts(),
            error: ::std::option::Option::None,
            limit: ::std::option::Option::None,
        }
    }
    /// List the chats you belong to
    ///
    /// Returns every chat the authenticated account belongs to: its own "my chat",
    /// direct chats and group chats. Chatwork offers no paging for this list.
    ///
    /// Sends `GET /rooms`.
    ///
    /// A `204 No Content` answer is an empty list, never an error. Use
    /// [`limit`](request::ListRooms::limit) to keep at most N items (applied on the client).
    ///
    /// Setters:
    /// - none
    pub fn list_rooms(&self) -> request::ListRooms<'_> {
        request::ListRooms {
            inner: self.generated().list_rooms(),
            error: ::std::option::Option::None,
            limit: ::std::option::Option::None,
        }
    }
    /// Create a group chat
    ///
    /// Creates a group chat with the given members; the authenticated account joins it.
    /// `members_admin_ids` must name at least one admin. Only contacts and people of your
    /// organisation can be added. With `link` set, an invitation link is created too.
    ///
    /// Sends `POST /rooms`.
    ///
    /// Setters:
    /// - [`description`](request::CreateRoom::description): The group chat's description (may contain message notation). (form field, optional)
    /// - [`icon_preset`](request::CreateRoom::icon_preset): One of Chatwork's preset chat icons. (form field, optional)
    /// - [`link`](request::CreateRoom::link): 1 also creates an invitation link. Chatwork's default: `0`. (form field, optional)
    /// - [`link_code`](request::CreateRoom::link_code): The invitation link's path; random when omitted. (form field, optional)
    /// - [`link_need_acceptance`](request::CreateRoom::link_need_acceptance): 1 makes joining through the link wait for an admin's approval. Chatwork's default: `1`. (form field, optional)
    /// - [`members_admin_ids`](request::CreateRoom::members_admin_ids): A list of account IDs, sent as one comma-separated string. (form field, required)
    /// - [`members_member_ids`](request::CreateRoom::members_member_ids): A list of account IDs, sent as one comma-separated string. (form field, optional)
    /// - [`members_readonly_ids`](request::CreateRoom::members_readonly_ids): A list of account IDs, sent as one comma-separated string. (form field, optional)
    /// - [`name`](request::CreateRoom::name): The group chat's name. (form field, required)
    pub fn create_room(&self) -> request::CreateRoom<'_> {
        request::CreateRoom {
            inner: self.generated().create_room(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Get one chat
    ///
    /// Returns a chat's details, including its description.
    ///
    /// Sends `GET /rooms/{room_id}`.
    ///
    /// Setters:
    /// - [`room_id`](request::GetRoom::room_id): The chat's ID. (path parameter, required)
    pub fn get_room(&self) -> request::GetRoom<'_> {
        request::GetRoom {
            inner: self.generated().get_room(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Change a group chat's name, description or icon
    ///
    /// Changes the given fields of a group chat; fields left out keep their value. Requires admin rights in the chat.
    ///
    /// Sends `PUT /rooms/{room_id}`.
    ///
    /// Setters:
    /// - [`room_id`](request::UpdateRoom::room_id): The chat's ID. (path parameter, required)
    /// - [`description`](request::UpdateRoom::description): The new description. (form field, optional)
    /// - [`icon_preset`](request::UpdateRoom::icon_preset): One of Chatwork's preset chat icons. (form field, optional)
    /// - [`name`](request::UpdateRoom::name): The new name. (form field, optional)
    pub fn update_room(&self) -> request::UpdateRoom<'_> {
        request::UpdateRoom {
            inner: self.generated().update_room(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Leave or delete a group chat
    ///
    /// With `action_type=leave` the authenticated account leaves the chat: the tasks in it
    /// that are assigned to you and the files you uploaded there are deleted.
    /// With `action_type=delete` the chat is deleted for everyone: every member's
    /// messages, tasks and files are destroyed, irreversibly. Deleting requires admin rights.
    /// `action_type` travels in a form body.
    ///
    /// Sends `DELETE /rooms/{room_id}`.
    ///
    /// Setters:
    /// - [`room_id`](request::DeleteRoom::room_id): The chat's ID. (path parameter, required)
    /// - [`action_type`](request::DeleteRoom::action_type): `leave` leaves the chat; `delete` destroys it for everyone. (form field, required)
    pub fn delete_room(&self) -> request::DeleteRoom<'_> {
        request::DeleteRoom {
            inner: self.generated().delete_room(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// List a chat's members
    ///
    /// Returns every member of the chat with their role.
    ///
    /// Sends `GET /rooms/{room_id}/members`.
    ///
    /// A `204 No Content` answer is an empty list, never an error. Use
    /// [`limit`](request::ListMembers::limit) to keep at most N items (applied on the client).
    ///
    /// Setters:
    /// - [`room_id`](request::ListMembers::room_id): The chat's ID. (path parameter, required)
    pub fn list_members(&self) -> request::ListMembers<'_> {
        request::ListMembers {
            inner: self.generated().list_members(),
            error: ::std::option::Option::None,
            set: 0,
            limit: ::std::option::Option::None,
        }
    }
    /// Replace a group chat's member list
    ///
    /// Replaces the whole member list in one call: accounts not named in any of the three
    /// lists are removed from the chat. At least one admin is required. Requires admin rights.
    ///
    /// Sends `PUT /rooms/{room_id}/members`.
    ///
    /// Setters:
    /// - [`room_id`](request::UpdateMembers::room_id): The chat's ID. (path parameter, required)
    /// - [`members_admin_ids`](request::UpdateMembers::members_admin_ids): A list of account IDs, sent as one comma-separated string. (form field, required)
    /// - [`members_member_ids`](request::UpdateMembers::members_member_ids): A list of account IDs, sent as one comma-separated string. (form field, optional)
    /// - [`members_readonly_ids`](request::UpdateMembers::members_readonly_ids): A list of account IDs, sent as one comma-separated string. (form field, optional)
    pub fn update_members(&self) -> request::UpdateMembers<'_> {
        request::UpdateMembers {
            inner: self.generated().update_members(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// List a chat's messages
    ///
    /// Without `force` (or with `force=0`) returns only the messages that no earlier call
    /// by this account has returned yet, at most 100; when there is nothing new the
    /// answer is `204 No Content` with an empty body. With `force=1` returns the latest
    /// 100 messages regardless of earlier calls. Older messages cannot be reached.
    /// On the free plan only recent messages are visible; the response then carries the
    /// `chatwork-message-limitation` headers.
    ///
    /// Sends `GET /rooms/{room_id}/messages`.
    ///
    /// A `204 No Content` answer is an empty list, never an error. Use
    /// [`limit`](request::ListMessages::limit) to keep at most N items (applied on the client).
    ///
    /// Setters:
    /// - [`room_id`](request::ListMessages::room_id): The chat's ID. (path parameter, required)
    /// - [`force`](request::ListMessages::force): 1 returns the latest 100 messages; 0 only the ones not returned before. Chatwork's default: `0`. (query parameter, optional)
    pub fn list_messages(&self) -> request::ListMessages<'_> {
        request::ListMessages {
            inner: self.generated().list_messages(),
            error: ::std::option::Option::None,
            set: 0,
            limit: ::std::option::Option::None,
        }
    }
    /// Post a message
    ///
    /// Posts a message to the chat. The body may contain message notation (`[To:123]`,
    /// `[info]...[/info]`, ...). Message posts and task creations share a limit of
    /// 10 per 10 seconds per room; beyond it the answer is 429.
    ///
    /// Sends `POST /rooms/{room_id}/messages`.
    ///
    /// Setters:
    /// - [`room_id`](request::PostMessage::room_id): The chat's ID. (path parameter, required)
    /// - [`body`](request::PostMessage::body): The message text, in Chatwork message notation. (form field, required)
    /// - [`self_unread`](request::PostMessage::self_unread): 1 leaves the new message unread for yourself. Chatwork's default: `0`. (form field, optional)
    pub fn post_message(&self) -> request::PostMessage<'_> {
        request::PostMessage {
            inner: self.generated().post_message(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Mark messages as read
    ///
    /// Marks every message up to and including `message_id` as read (without it,
    /// presumably every message in the chat). Answers 400 when the message is already read.
    ///
    /// Sends `PUT /rooms/{room_id}/messages/read`.
    ///
    /// Setters:
    /// - [`room_id`](request::MarkMessagesRead::room_id): The chat's ID. (path parameter, required)
    /// - [`message_id`](request::MarkMessagesRead::message_id): A message's ID. A decimal string, because values exceed 2^53. (form field, optional)
    pub fn mark_messages_read(&self) -> request::MarkMessagesRead<'_> {
        request::MarkMessagesRead {
            inner: self.generated().mark_messages_read(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Mark messages as unread
    ///
    /// Marks `message_id` and every later message in the chat as unread.
    ///
    /// Sends `PUT /rooms/{room_id}/messages/unread`.
    ///
    /// Setters:
    /// - [`room_id`](request::MarkMessagesUnread::room_id): The chat's ID. (path parameter, required)
    /// - [`message_id`](request::MarkMessagesUnread::message_id): A message's ID. A decimal string, because values exceed 2^53. (form field, required)
    pub fn mark_messages_unread(&self) -> request::MarkMessagesUnread<'_> {
        request::MarkMessagesUnread {
            inner: self.generated().mark_messages_unread(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Get one message
    ///
    /// Returns one message. On the free plan old messages may be hidden (see the `chatwork-message-limitation` headers).
    ///
    /// Sends `GET /rooms/{room_id}/messages/{message_id}`.
    ///
    /// Setters:
    /// - [`room_id`](request::GetMessage::room_id): The chat's ID. (path parameter, required)
    /// - [`message_id`](request::GetMessage::message_id): The message's ID (a decimal string). (path parameter, required)
    pub fn get_message(&self) -> request::GetMessage<'_> {
        request::GetMessage {
            inner: self.generated().get_message(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Edit a message
    ///
    /// Replaces the text of a message the authenticated account posted.
    ///
    /// Sends `PUT /rooms/{room_id}/messages/{message_id}`.
    ///
    /// Setters:
    /// - [`room_id`](request::UpdateMessage::room_id): The chat's ID. (path parameter, required)
    /// - [`message_id`](request::UpdateMessage::message_id): The message's ID (a decimal string). (path parameter, required)
    /// - [`body`](request::UpdateMessage::body): The new message text, in Chatwork message notation. (form field, required)
    pub fn update_message(&self) -> request::UpdateMessage<'_> {
        request::UpdateMessage {
            inner: self.generated().update_message(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Delete a message
    ///
    /// Deletes a message the authenticated account posted. Answers 200 with the message ID (not 204).
    ///
    /// Sends `DELETE /rooms/{room_id}/messages/{message_id}`.
    ///
    /// Setters:
    /// - [`room_id`](request::DeleteMessage::room_id): The chat's ID. (path parameter, required)
    /// - [`message_id`](request::DeleteMessage::message_id): The message's ID (a decimal string). (path parameter, required)
    pub fn delete_message(&self) -> request::DeleteMessage<'_> {
        request::DeleteMessage {
            inner: self.generated().delete_message(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// List a chat's tasks
    ///
    /// Returns the chat's tasks, at most 100; Chatwork offers no paging. By default only
    /// open tasks are returned.
    ///
    /// Sends `GET /rooms/{room_id}/tasks`.
    ///
    /// A `204 No Content` answer is an empty list, never an error. Use
    /// [`limit`](request::ListRoomTasks::limit) to keep at most N items (applied on the client).
    ///
    /// Setters:
    /// - [`room_id`](request::ListRoomTasks::room_id): The chat's ID. (path parameter, required)
    /// - [`account_id`](request::ListRoomTasks::account_id): Only tasks assigned to this account. (query parameter, optional)
    /// - [`assigned_by_account_id`](request::ListRoomTasks::assigned_by_account_id): Only tasks assigned by this account. (query parameter, optional)
    /// - [`status`](request::ListRoomTasks::status): Only tasks with this status. Chatwork's default: `open`. (query parameter, optional)
    pub fn list_room_tasks(&self) -> request::ListRoomTasks<'_> {
        request::ListRoomTasks {
            inner: self.generated().list_room_tasks(),
            error: ::std::option::Option::None,
            set: 0,
            limit: ::std::option::Option::None,
        }
    }
    /// Add a task
    ///
    /// Creates a task for each account in `to_ids`, with an optional deadline.
    /// Shares the 10 posts per 10 seconds per room limit with message posts. The deadline
    /// travels as `limit` (Unix seconds) and `limit_type`; the Rust setters are `deadline`
    /// (a `SystemTime` or Unix seconds) and `deadline_type`.
    ///
    /// Sends `POST /rooms/{room_id}/tasks`.
    ///
    /// Setters:
    /// - [`room_id`](request::CreateTask::room_id): The chat's ID. (path parameter, required)
    /// - [`body`](request::CreateTask::body): The task text. (form field, required)
    /// - [`deadline`](request::CreateTask::deadline): A time as Unix seconds (UTC), such as a task's deadline. (form field, sent as `limit`, optional)
    /// - [`deadline_type`](request::CreateTask::deadline_type): What kind of deadline a task has, if any. (form field, sent as `limit_type`, optional)
    /// - [`to_ids`](request::CreateTask::to_ids): A list of account IDs, sent as one comma-separated string. (form field, required)
    pub fn create_task(&self) -> request::CreateTask<'_> {
        request::CreateTask {
            inner: self.generated().create_task(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Get one task
    ///
    /// Returns one task of the chat.
    ///
    /// Sends `GET /rooms/{room_id}/tasks/{task_id}`.
    ///
    /// Setters:
    /// - [`room_id`](request::GetTask::room_id): The chat's ID. (path parameter, required)
    /// - [`task_id`](request::GetTask::task_id): The task's ID. (path parameter, required)
    pub fn get_task(&self) -> request::GetTask<'_> {
        request::GetTask {
            inner: self.generated().get_task(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Complete or reopen a task
    ///
    /// Sets a task's status: `done` completes it, `open` reopens it. On the wire the
    /// field is really named `body`; the Rust setter is `status`.
    ///
    /// Sends `PUT /rooms/{room_id}/tasks/{task_id}/status`.
    ///
    /// Setters:
    /// - [`room_id`](request::UpdateTaskStatus::room_id): The chat's ID. (path parameter, required)
    /// - [`task_id`](request::UpdateTaskStatus::task_id): The task's ID. (path parameter, required)
    /// - [`status`](request::UpdateTaskStatus::status): Whether a task is still open or done. (form field, sent as `body`, required)
    pub fn update_task_status(&self) -> request::UpdateTaskStatus<'_> {
        request::UpdateTaskStatus {
            inner: self.generated().update_task_status(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// List a chat's files
    ///
    /// Returns the chat's files, at most 100; Chatwork offers no paging. Listed files
    /// never carry a `download_url`: fetch one file with `create_download_url=1` for that.
    ///
    /// Sends `GET /rooms/{room_id}/files`.
    ///
    /// A `204 No Content` answer is an empty list, never an error. Use
    /// [`limit`](request::ListFiles::limit) to keep at most N items (applied on the client).
    ///
    /// Setters:
    /// - [`room_id`](request::ListFiles::room_id): The chat's ID. (path parameter, required)
    /// - [`account_id`](request::ListFiles::account_id): Only files uploaded by this account. (query parameter, optional)
    pub fn list_files(&self) -> request::ListFiles<'_> {
        request::ListFiles {
            inner: self.generated().list_files(),
            error: ::std::option::Option::None,
            set: 0,
            limit: ::std::option::Option::None,
        }
    }
    /// Get one file's metadata
    ///
    /// Returns one file's metadata. With `create_download_url=1` the answer includes a
    /// `download_url` that works for 30 seconds only.
    ///
    /// Sends `GET /rooms/{room_id}/files/{file_id}`.
    ///
    /// Setters:
    /// - [`room_id`](request::GetFile::room_id): The chat's ID. (path parameter, required)
    /// - [`file_id`](request::GetFile::file_id): The file's ID. (path parameter, required)
    /// - [`create_download_url`](request::GetFile::create_download_url): 1 adds a `download_url` valid for 30 seconds. Chatwork's default: `0`. (query parameter, optional)
    pub fn get_file(&self) -> request::GetFile<'_> {
        request::GetFile {
            inner: self.generated().get_file(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Get a group chat's invitation link
    ///
    /// Returns the chat's invitation link; when there is none the answer is just `{"public": false}`.
    ///
    /// Sends `GET /rooms/{room_id}/link`.
    ///
    /// Setters:
    /// - [`room_id`](request::GetInvitationLink::room_id): The chat's ID. (path parameter, required)
    pub fn get_invitation_link(&self) -> request::GetInvitationLink<'_> {
        request::GetInvitationLink {
            inner: self.generated().get_invitation_link(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Change a group chat's invitation link
    ///
    /// Changes the given settings of the chat's existing invitation link.
    ///
    /// Sends `PUT /rooms/{room_id}/link`.
    ///
    /// Setters:
    /// - [`room_id`](request::UpdateInvitationLink::room_id): The chat's ID. (path parameter, required)
    /// - [`code`](request::UpdateInvitationLink::code): The link's path; random when omitted at creation. (form field, optional)
    /// - [`description`](request::UpdateInvitationLink::description): The text shown on the link's page. (form field, optional)
    /// - [`need_acceptance`](request::UpdateInvitationLink::need_acceptance): 1: joining through the link waits for an admin's approval. Chatwork's default: `1`. (form field, optional)
    pub fn update_invitation_link(&self) -> request::UpdateInvitationLink<'_> {
        request::UpdateInvitationLink {
            inner: self.generated().update_invitation_link(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Create a group chat's invitation link
    ///
    /// Creates the chat's invitation link. Without `code` the link path is random;
    /// `need_acceptance` (default 1) makes joining wait for an admin's approval.
    /// Fails (presumably with 400) when the chat already has a link.
    ///
    /// Sends `POST /rooms/{room_id}/link`.
    ///
    /// Setters:
    /// - [`room_id`](request::CreateInvitationLink::room_id): The chat's ID. (path parameter, required)
    /// - [`code`](request::CreateInvitationLink::code): The link's path; random when omitted at creation. (form field, optional)
    /// - [`description`](request::CreateInvitationLink::description): The text shown on the link's page. (form field, optional)
    /// - [`need_acceptance`](request::CreateInvitationLink::need_acceptance): 1: joining through the link waits for an admin's approval. Chatwork's default: `1`. (form field, optional)
    pub fn create_invitation_link(&self) -> request::CreateInvitationLink<'_> {
        request::CreateInvitationLink {
            inner: self.generated().create_invitation_link(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Delete a group chat's invitation link
    ///
    /// Deletes the chat's invitation link. Answers 200 with `{"public": false}` (not 204).
    ///
    /// Sends `DELETE /rooms/{room_id}/link`.
    ///
    /// Setters:
    /// - [`room_id`](request::DeleteInvitationLink::room_id): The chat's ID. (path parameter, required)
    pub fn delete_invitation_link(&self) -> request::DeleteInvitationLink<'_> {
        request::DeleteInvitationLink {
            inner: self.generated().delete_invitation_link(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// List the contact requests you have received
    ///
    /// Returns the pending contact requests sent to the authenticated account, at most 100; Chatwork offers no paging.
    ///
    /// Sends `GET /incoming_requests`.
    ///
    /// A `204 No Content` answer is an empty list, never an error. Use
    /// [`limit`](request::ListIncomingRequests::limit) to keep at most N items (applied on the client).
    ///
    /// Setters:
    /// - none
    pub fn list_incoming_requests(&self) -> request::ListIncomingRequests<'_> {
        request::ListIncomingRequests {
            inner: self.generated().list_incoming_requests(),
            error: ::std::option::Option::None,
            limit: ::std::option::Option::None,
        }
    }
    /// Approve a contact request
    ///
    /// Approves a contact request; the requester becomes a contact and the answer describes them, including the new direct chat's ID.
    ///
    /// Sends `PUT /incoming_requests/{request_id}`.
    ///
    /// Setters:
    /// - [`request_id`](request::AcceptIncomingRequest::request_id): The contact request's ID. (path parameter, required)
    pub fn accept_incoming_request(&self) -> request::AcceptIncomingRequest<'_> {
        request::AcceptIncomingRequest {
            inner: self.generated().accept_incoming_request(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
    /// Decline a contact request
    ///
    /// Declines a contact request. Answers 204 with an empty body.
    ///
    /// Sends `DELETE /incoming_requests/{request_id}`.
    ///
    /// Setters:
    /// - [`request_id`](request::DeclineIncomingRequest::request_id): The contact request's ID. (path parameter, required)
    pub fn decline_incoming_request(&self) -> request::DeclineIncomingRequest<'_> {
        request::DeclineIncomingRequest {
            inner: self.generated().decline_incoming_request(),
            error: ::std::option::Option::None,
            set: 0,
        }
    }
}
/// The types of Chatwork's answers (and the enums some setters take), generated from
/// the spec. Structs that mirror an answer are `#[non_exhaustive]`: a field Chatwork
/// adds is a minor release. Read them from answers; to make one in a test, decode its
/// JSON (`serde_json::from_str`) or start from `Type::builder()`.
pub mod types {
    pub use crate::generated::types::{
        AccountRef, Contact, File, FileIdResponse, IncomingRequest, InvitationLink, Me,
        Member, MembersByRole, Message, MessageIdResponse, MyStatus, MyTask, MyTaskRoom,
        Room, RoomActionType, RoomIdResponse, RoomSummary, RoomTask, TaskIdResponse,
        TaskIdsResponse, UnreadCounts,
    };
}
/// Request builders, one per operation, created by the [`Client`](crate::Client) methods.
pub mod request {
    #[allow(unused_imports)]
    use crate::generated::types;
    #[allow(unused_imports)]
    use crate::contract::Response;
    pub use crate::contract::UploadFile;
    /// Request builder for [`Client::get_me`](crate::Client::get_me): Get your own account profile.
    ///
    /// Set the parameters, then call [`send`](GetMe::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct GetMe<'a> {
        pub(crate) inner: crate::generated::builder::GetMe<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
    }
    impl<'a> GetMe<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// Sends `GET /me` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::Me>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            crate::contract::finish("get_me", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::get_my_status`](crate::Client::get_my_status): Get your unread, mention and task counts.
    ///
    /// Set the parameters, then call [`send`](GetMyStatus::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct GetMyStatus<'a> {
        pub(crate) inner: crate::generated::builder::GetMyStatus<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
    }
    impl<'a> GetMyStatus<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// Sends `GET /my/status` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::MyStatus>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            crate::contract::finish("get_my_status", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::list_my_tasks`](crate::Client::list_my_tasks): List the tasks assigned to you.
    ///
    /// Set the parameters, then call [`send`](ListMyTasks::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct ListMyTasks<'a> {
        pub(crate) inner: crate::generated::builder::ListMyTasks<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        pub(crate) limit: ::std::option::Option<usize>,
    }
    impl<'a> ListMyTasks<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// Only tasks assigned by this account.
        ///
        /// The `assigned_by_account_id` query parameter (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn assigned_by_account_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.assigned_by_account_id(value);
                }
                Err(e) => self.invalid("assigned_by_account_id", e),
            }
            self
        }
        /// Only tasks with this status. Chatwork's default: `open`.
        ///
        /// The `status` query parameter (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn status<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::TaskStatus>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::TaskStatus,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.status(value);
                }
                Err(e) => self.invalid("status", e),
            }
            self
        }
        /// Keeps at most `n` items of the answer (the integration "limit").
        ///
        /// Chatwork has no paging, so this is applied on the client: the request
        /// is made and answered in full either way, and it does not save a
        /// request or a rate-limit unit. Items beyond `n` are dropped from the
        /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
        ///
        /// For `list_messages` without `force`, Chatwork counts every message of
        /// the answer as delivered, including the dropped ones: they will not be
        /// returned again by a later call without `force`.
        pub fn limit(mut self, n: usize) -> Self {
            self.limit = ::std::option::Option::Some(n);
            self
        }
        /// Sends `GET /my/tasks` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<::std::vec::Vec<types::MyTask>>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            crate::contract::finish_list::<
                types::MyTask,
                _,
            >("list_my_tasks", self.limit, self.inner.send())
                .await
        }
    }
    /// Request builder for [`Client::list_contacts`](crate::Client::list_contacts): List your contacts.
    ///
    /// Set the parameters, then call [`send`](ListContacts::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct ListContacts<'a> {
        pub(crate) inner: crate::generated::builder::ListContacts<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        pub(crate) limit: ::std::option::Option<usize>,
    }
    impl<'a> ListContacts<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// Keeps at most `n` items of the answer (the integration "limit").
        ///
        /// Chatwork has no paging, so this is applied on the client: the request
        /// is made and answered in full either way, and it does not save a
        /// request or a rate-limit unit. Items beyond `n` are dropped from the
        /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
        ///
        /// For `list_messages` without `force`, Chatwork counts every message of
        /// the answer as delivered, including the dropped ones: they will not be
        /// returned again by a later call without `force`.
        pub fn limit(mut self, n: usize) -> Self {
            self.limit = ::std::option::Option::Some(n);
            self
        }
        /// Sends `GET /contacts` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<::std::vec::Vec<types::Contact>>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            crate::contract::finish_list::<
                types::Contact,
                _,
            >("list_contacts", self.limit, self.inner.send())
                .await
        }
    }
    /// Request builder for [`Client::list_rooms`](crate::Client::list_rooms): List the chats you belong to.
    ///
    /// Set the parameters, then call [`send`](ListRooms::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct ListRooms<'a> {
        pub(crate) inner: crate::generated::builder::ListRooms<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        pub(crate) limit: ::std::option::Option<usize>,
    }
    impl<'a> ListRooms<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// Keeps at most `n` items of the answer (the integration "limit").
        ///
        /// Chatwork has no paging, so this is applied on the client: the request
        /// is made and answered in full either way, and it does not save a
        /// request or a rate-limit unit. Items beyond `n` are dropped from the
        /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
        ///
        /// For `list_messages` without `force`, Chatwork counts every message of
        /// the answer as delivered, including the dropped ones: they will not be
        /// returned again by a later call without `force`.
        pub fn limit(mut self, n: usize) -> Self {
            self.limit = ::std::option::Option::Some(n);
            self
        }
        /// Sends `GET /rooms` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<::std::vec::Vec<types::RoomSummary>>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            crate::contract::finish_list::<
                types::RoomSummary,
                _,
            >("list_rooms", self.limit, self.inner.send())
                .await
        }
    }
    /// Request builder for [`Client::create_room`](crate::Client::create_room): Create a group chat.
    ///
    /// Set the parameters, then call [`send`](CreateRoom::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct CreateRoom<'a> {
        pub(crate) inner: crate::generated::builder::CreateRoom<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> CreateRoom<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The group chat's description (may contain message notation).
        ///
        /// The `description` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn description<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::std::string::String>,
            <V as ::std::convert::TryInto<
                ::std::string::String,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.description(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("description", e),
            }
            self
        }
        /// One of Chatwork's preset chat icons.
        ///
        /// The `icon_preset` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn icon_preset<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::IconPreset>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::IconPreset,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.icon_preset(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("icon_preset", e),
            }
            self
        }
        /// 1 also creates an invitation link. Chatwork's default: `0`.
        ///
        /// The `link` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn link<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::Flag>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::Flag,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| b.link(::std::option::Option::Some(value)));
                }
                Err(e) => self.invalid("link", e),
            }
            self
        }
        /// The invitation link's path; random when omitted.
        ///
        /// The `link_code` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn link_code(
            mut self,
            value: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            match <types::CreateRoomBodyLinkCode as ::std::convert::TryFrom<
                ::std::string::String,
            >>::try_from(value.into()) {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.link_code(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("link_code", e),
            }
            self
        }
        /// 1 makes joining through the link wait for an admin's approval. Chatwork's default: `1`.
        ///
        /// The `link_need_acceptance` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn link_need_acceptance<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::Flag>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::Flag,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.link_need_acceptance(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("link_need_acceptance", e),
            }
            self
        }
        /// A list of account IDs, sent as one comma-separated string.
        ///
        /// The `members_admin_ids` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn members_admin_ids<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountIds>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountIds,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| b.members_admin_ids(value));
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("members_admin_ids", e),
            }
            self
        }
        /// A list of account IDs, sent as one comma-separated string.
        ///
        /// The `members_member_ids` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn members_member_ids<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountIds>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountIds,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.members_member_ids(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("members_member_ids", e),
            }
            self
        }
        /// A list of account IDs, sent as one comma-separated string.
        ///
        /// The `members_readonly_ids` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn members_readonly_ids<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountIds>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountIds,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.members_readonly_ids(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("members_readonly_ids", e),
            }
            self
        }
        /// The group chat's name.
        ///
        /// The `name` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn name(
            mut self,
            value: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            match <types::CreateRoomBodyName as ::std::convert::TryFrom<
                ::std::string::String,
            >>::try_from(value.into()) {
                Ok(value) => {
                    self.inner = self.inner.body_map(move |b| b.name(value));
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("name", e),
            }
            self
        }
        /// Sends `POST /rooms` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::RoomIdResponse>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "members_admin_ids"), (1u32, "name")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("create_room", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::get_room`](crate::Client::get_room): Get one chat.
    ///
    /// Set the parameters, then call [`send`](GetRoom::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct GetRoom<'a> {
        pub(crate) inner: crate::generated::builder::GetRoom<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> GetRoom<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// Sends `GET /rooms/{room_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::Room>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("get_room", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::update_room`](crate::Client::update_room): Change a group chat's name, description or icon.
    ///
    /// Set the parameters, then call [`send`](UpdateRoom::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct UpdateRoom<'a> {
        pub(crate) inner: crate::generated::builder::UpdateRoom<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> UpdateRoom<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The new description.
        ///
        /// The `description` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn description<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::std::string::String>,
            <V as ::std::convert::TryInto<
                ::std::string::String,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.description(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("description", e),
            }
            self
        }
        /// One of Chatwork's preset chat icons.
        ///
        /// The `icon_preset` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn icon_preset<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::IconPreset>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::IconPreset,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.icon_preset(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("icon_preset", e),
            }
            self
        }
        /// The new name.
        ///
        /// The `name` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn name(
            mut self,
            value: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            match <types::UpdateRoomBodyName as ::std::convert::TryFrom<
                ::std::string::String,
            >>::try_from(value.into()) {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| b.name(::std::option::Option::Some(value)));
                }
                Err(e) => self.invalid("name", e),
            }
            self
        }
        /// Sends `PUT /rooms/{room_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::RoomIdResponse>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("update_room", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::delete_room`](crate::Client::delete_room): Leave or delete a group chat.
    ///
    /// Set the parameters, then call [`send`](DeleteRoom::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct DeleteRoom<'a> {
        pub(crate) inner: crate::generated::builder::DeleteRoom<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> DeleteRoom<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// `leave` leaves the chat; `delete` destroys it for everyone.
        ///
        /// The `action_type` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn action_type<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<types::RoomActionType>,
            <V as ::std::convert::TryInto<
                types::RoomActionType,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.body_map(move |b| b.action_type(value));
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("action_type", e),
            }
            self
        }
        /// Sends `DELETE /rooms/{room_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<()>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "action_type")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("delete_room", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::list_members`](crate::Client::list_members): List a chat's members.
    ///
    /// Set the parameters, then call [`send`](ListMembers::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct ListMembers<'a> {
        pub(crate) inner: crate::generated::builder::ListMembers<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
        pub(crate) limit: ::std::option::Option<usize>,
    }
    impl<'a> ListMembers<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// Keeps at most `n` items of the answer (the integration "limit").
        ///
        /// Chatwork has no paging, so this is applied on the client: the request
        /// is made and answered in full either way, and it does not save a
        /// request or a rate-limit unit. Items beyond `n` are dropped from the
        /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
        ///
        /// For `list_messages` without `force`, Chatwork counts every message of
        /// the answer as delivered, including the dropped ones: they will not be
        /// returned again by a later call without `force`.
        pub fn limit(mut self, n: usize) -> Self {
            self.limit = ::std::option::Option::Some(n);
            self
        }
        /// Sends `GET /rooms/{room_id}/members` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<::std::vec::Vec<types::Member>>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish_list::<
                types::Member,
                _,
            >("list_members", self.limit, self.inner.send())
                .await
        }
    }
    /// Request builder for [`Client::update_members`](crate::Client::update_members): Replace a group chat's member list.
    ///
    /// Set the parameters, then call [`send`](UpdateMembers::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct UpdateMembers<'a> {
        pub(crate) inner: crate::generated::builder::UpdateMembers<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> UpdateMembers<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// A list of account IDs, sent as one comma-separated string.
        ///
        /// The `members_admin_ids` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn members_admin_ids<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountIds>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountIds,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| b.members_admin_ids(value));
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("members_admin_ids", e),
            }
            self
        }
        /// A list of account IDs, sent as one comma-separated string.
        ///
        /// The `members_member_ids` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn members_member_ids<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountIds>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountIds,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.members_member_ids(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("members_member_ids", e),
            }
            self
        }
        /// A list of account IDs, sent as one comma-separated string.
        ///
        /// The `members_readonly_ids` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn members_readonly_ids<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountIds>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountIds,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.members_readonly_ids(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("members_readonly_ids", e),
            }
            self
        }
        /// Sends `PUT /rooms/{room_id}/members` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::MembersByRole>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "members_admin_ids")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("update_members", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::list_messages`](crate::Client::list_messages): List a chat's messages.
    ///
    /// Set the parameters, then call [`send`](ListMessages::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct ListMessages<'a> {
        pub(crate) inner: crate::generated::builder::ListMessages<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
        pub(crate) limit: ::std::option::Option<usize>,
    }
    impl<'a> ListMessages<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// 1 returns the latest 100 messages; 0 only the ones not returned before. Chatwork's default: `0`.
        ///
        /// The `force` query parameter (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn force<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::Flag>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::Flag,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.force(value);
                }
                Err(e) => self.invalid("force", e),
            }
            self
        }
        /// Keeps at most `n` items of the answer (the integration "limit").
        ///
        /// Chatwork has no paging, so this is applied on the client: the request
        /// is made and answered in full either way, and it does not save a
        /// request or a rate-limit unit. Items beyond `n` are dropped from the
        /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
        ///
        /// For `list_messages` without `force`, Chatwork counts every message of
        /// the answer as delivered, including the dropped ones: they will not be
        /// returned again by a later call without `force`.
        pub fn limit(mut self, n: usize) -> Self {
            self.limit = ::std::option::Option::Some(n);
            self
        }
        /// Sends `GET /rooms/{room_id}/messages` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<::std::vec::Vec<types::Message>>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish_list::<
                types::Message,
                _,
            >("list_messages", self.limit, self.inner.send())
                .await
        }
    }
    /// Request builder for [`Client::post_message`](crate::Client::post_message): Post a message.
    ///
    /// Set the parameters, then call [`send`](PostMessage::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct PostMessage<'a> {
        pub(crate) inner: crate::generated::builder::PostMessage<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> PostMessage<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The message text, in Chatwork message notation.
        ///
        /// The `body` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn body(
            mut self,
            value: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            match <types::PostMessageBodyBody as ::std::convert::TryFrom<
                ::std::string::String,
            >>::try_from(value.into()) {
                Ok(value) => {
                    self.inner = self.inner.body_map(move |b| b.body(value));
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("body", e),
            }
            self
        }
        /// 1 leaves the new message unread for yourself. Chatwork's default: `0`.
        ///
        /// The `self_unread` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn self_unread<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::Flag>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::Flag,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.self_unread(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("self_unread", e),
            }
            self
        }
        /// Sends `POST /rooms/{room_id}/messages` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::MessageIdResponse>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "body")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("post_message", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::mark_messages_read`](crate::Client::mark_messages_read): Mark messages as read.
    ///
    /// Set the parameters, then call [`send`](MarkMessagesRead::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct MarkMessagesRead<'a> {
        pub(crate) inner: crate::generated::builder::MarkMessagesRead<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> MarkMessagesRead<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// A message's ID. A decimal string, because values exceed 2^53.
        ///
        /// The `message_id` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn message_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::MessageId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::MessageId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.message_id(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("message_id", e),
            }
            self
        }
        /// Sends `PUT /rooms/{room_id}/messages/read` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::UnreadCounts>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("mark_messages_read", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::mark_messages_unread`](crate::Client::mark_messages_unread): Mark messages as unread.
    ///
    /// Set the parameters, then call [`send`](MarkMessagesUnread::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct MarkMessagesUnread<'a> {
        pub(crate) inner: crate::generated::builder::MarkMessagesUnread<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> MarkMessagesUnread<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// A message's ID. A decimal string, because values exceed 2^53.
        ///
        /// The `message_id` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn message_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::MessageId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::MessageId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.body_map(move |b| b.message_id(value));
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("message_id", e),
            }
            self
        }
        /// Sends `PUT /rooms/{room_id}/messages/unread` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::UnreadCounts>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "message_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("mark_messages_unread", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::get_message`](crate::Client::get_message): Get one message.
    ///
    /// Set the parameters, then call [`send`](GetMessage::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct GetMessage<'a> {
        pub(crate) inner: crate::generated::builder::GetMessage<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> GetMessage<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The message's ID (a decimal string).
        ///
        /// The `message_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn message_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::MessageId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::MessageId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.message_id(value);
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("message_id", e),
            }
            self
        }
        /// Sends `GET /rooms/{room_id}/messages/{message_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::Message>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "message_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("get_message", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::update_message`](crate::Client::update_message): Edit a message.
    ///
    /// Set the parameters, then call [`send`](UpdateMessage::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct UpdateMessage<'a> {
        pub(crate) inner: crate::generated::builder::UpdateMessage<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> UpdateMessage<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The message's ID (a decimal string).
        ///
        /// The `message_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn message_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::MessageId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::MessageId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.message_id(value);
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("message_id", e),
            }
            self
        }
        /// The new message text, in Chatwork message notation.
        ///
        /// The `body` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn body(
            mut self,
            value: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            match <types::UpdateMessageBodyBody as ::std::convert::TryFrom<
                ::std::string::String,
            >>::try_from(value.into()) {
                Ok(value) => {
                    self.inner = self.inner.body_map(move |b| b.body(value));
                    self.set |= 1u64 << 2u32;
                }
                Err(e) => self.invalid("body", e),
            }
            self
        }
        /// Sends `PUT /rooms/{room_id}/messages/{message_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::MessageIdResponse>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [
                (0u32, "room_id"),
                (1u32, "message_id"),
                (2u32, "body"),
            ] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("update_message", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::delete_message`](crate::Client::delete_message): Delete a message.
    ///
    /// Set the parameters, then call [`send`](DeleteMessage::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct DeleteMessage<'a> {
        pub(crate) inner: crate::generated::builder::DeleteMessage<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> DeleteMessage<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The message's ID (a decimal string).
        ///
        /// The `message_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn message_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::MessageId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::MessageId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.message_id(value);
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("message_id", e),
            }
            self
        }
        /// Sends `DELETE /rooms/{room_id}/messages/{message_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::MessageIdResponse>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "message_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("delete_message", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::list_room_tasks`](crate::Client::list_room_tasks): List a chat's tasks.
    ///
    /// Set the parameters, then call [`send`](ListRoomTasks::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct ListRoomTasks<'a> {
        pub(crate) inner: crate::generated::builder::ListRoomTasks<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
        pub(crate) limit: ::std::option::Option<usize>,
    }
    impl<'a> ListRoomTasks<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// Only tasks assigned to this account.
        ///
        /// The `account_id` query parameter (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn account_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.account_id(value);
                }
                Err(e) => self.invalid("account_id", e),
            }
            self
        }
        /// Only tasks assigned by this account.
        ///
        /// The `assigned_by_account_id` query parameter (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn assigned_by_account_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.assigned_by_account_id(value);
                }
                Err(e) => self.invalid("assigned_by_account_id", e),
            }
            self
        }
        /// Only tasks with this status. Chatwork's default: `open`.
        ///
        /// The `status` query parameter (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn status<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::TaskStatus>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::TaskStatus,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.status(value);
                }
                Err(e) => self.invalid("status", e),
            }
            self
        }
        /// Keeps at most `n` items of the answer (the integration "limit").
        ///
        /// Chatwork has no paging, so this is applied on the client: the request
        /// is made and answered in full either way, and it does not save a
        /// request or a rate-limit unit. Items beyond `n` are dropped from the
        /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
        ///
        /// For `list_messages` without `force`, Chatwork counts every message of
        /// the answer as delivered, including the dropped ones: they will not be
        /// returned again by a later call without `force`.
        pub fn limit(mut self, n: usize) -> Self {
            self.limit = ::std::option::Option::Some(n);
            self
        }
        /// Sends `GET /rooms/{room_id}/tasks` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<::std::vec::Vec<types::RoomTask>>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish_list::<
                types::RoomTask,
                _,
            >("list_room_tasks", self.limit, self.inner.send())
                .await
        }
    }
    /// Request builder for [`Client::create_task`](crate::Client::create_task): Add a task.
    ///
    /// Set the parameters, then call [`send`](CreateTask::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct CreateTask<'a> {
        pub(crate) inner: crate::generated::builder::CreateTask<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> CreateTask<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The task text.
        ///
        /// The `body` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn body(
            mut self,
            value: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            match <types::CreateTaskBodyBody as ::std::convert::TryFrom<
                ::std::string::String,
            >>::try_from(value.into()) {
                Ok(value) => {
                    self.inner = self.inner.body_map(move |b| b.body(value));
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("body", e),
            }
            self
        }
        /// A time as Unix seconds (UTC), such as a task's deadline.
        ///
        /// The `limit` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn deadline<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::UnixTime>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::UnixTime,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| b.limit(::std::option::Option::Some(value)));
                }
                Err(e) => self.invalid("deadline", e),
            }
            self
        }
        /// What kind of deadline a task has, if any.
        ///
        /// The `limit_type` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn deadline_type<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::TaskLimitType>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::TaskLimitType,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.limit_type(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("deadline_type", e),
            }
            self
        }
        /// A list of account IDs, sent as one comma-separated string.
        ///
        /// The `to_ids` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn to_ids<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountIds>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountIds,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.body_map(move |b| b.to_ids(value));
                    self.set |= 1u64 << 2u32;
                }
                Err(e) => self.invalid("to_ids", e),
            }
            self
        }
        /// Sends `POST /rooms/{room_id}/tasks` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::TaskIdsResponse>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "body"), (2u32, "to_ids")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("create_task", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::get_task`](crate::Client::get_task): Get one task.
    ///
    /// Set the parameters, then call [`send`](GetTask::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct GetTask<'a> {
        pub(crate) inner: crate::generated::builder::GetTask<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> GetTask<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The task's ID.
        ///
        /// The `task_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn task_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::TaskId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::TaskId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.task_id(value);
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("task_id", e),
            }
            self
        }
        /// Sends `GET /rooms/{room_id}/tasks/{task_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::RoomTask>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "task_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("get_task", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::update_task_status`](crate::Client::update_task_status): Complete or reopen a task.
    ///
    /// Set the parameters, then call [`send`](UpdateTaskStatus::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct UpdateTaskStatus<'a> {
        pub(crate) inner: crate::generated::builder::UpdateTaskStatus<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> UpdateTaskStatus<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The task's ID.
        ///
        /// The `task_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn task_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::TaskId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::TaskId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.task_id(value);
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("task_id", e),
            }
            self
        }
        /// Whether a task is still open or done.
        ///
        /// The `body` form field (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn status<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::TaskStatus>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::TaskStatus,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.body_map(move |b| b.body(value));
                    self.set |= 1u64 << 2u32;
                }
                Err(e) => self.invalid("status", e),
            }
            self
        }
        /// Sends `PUT /rooms/{room_id}/tasks/{task_id}/status` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::TaskIdResponse>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [
                (0u32, "room_id"),
                (1u32, "task_id"),
                (2u32, "status"),
            ] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("update_task_status", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::list_files`](crate::Client::list_files): List a chat's files.
    ///
    /// Set the parameters, then call [`send`](ListFiles::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct ListFiles<'a> {
        pub(crate) inner: crate::generated::builder::ListFiles<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
        pub(crate) limit: ::std::option::Option<usize>,
    }
    impl<'a> ListFiles<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// Only files uploaded by this account.
        ///
        /// The `account_id` query parameter (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn account_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::AccountId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::AccountId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.account_id(value);
                }
                Err(e) => self.invalid("account_id", e),
            }
            self
        }
        /// Keeps at most `n` items of the answer (the integration "limit").
        ///
        /// Chatwork has no paging, so this is applied on the client: the request
        /// is made and answered in full either way, and it does not save a
        /// request or a rate-limit unit. Items beyond `n` are dropped from the
        /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
        ///
        /// For `list_messages` without `force`, Chatwork counts every message of
        /// the answer as delivered, including the dropped ones: they will not be
        /// returned again by a later call without `force`.
        pub fn limit(mut self, n: usize) -> Self {
            self.limit = ::std::option::Option::Some(n);
            self
        }
        /// Sends `GET /rooms/{room_id}/files` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<::std::vec::Vec<types::File>>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish_list::<
                types::File,
                _,
            >("list_files", self.limit, self.inner.send())
                .await
        }
    }
    /// Request builder for [`Client::get_file`](crate::Client::get_file): Get one file's metadata.
    ///
    /// Set the parameters, then call [`send`](GetFile::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct GetFile<'a> {
        pub(crate) inner: crate::generated::builder::GetFile<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> GetFile<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The file's ID.
        ///
        /// The `file_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn file_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::FileId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::FileId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.file_id(value);
                    self.set |= 1u64 << 1u32;
                }
                Err(e) => self.invalid("file_id", e),
            }
            self
        }
        /// 1 adds a `download_url` valid for 30 seconds. Chatwork's default: `0`.
        ///
        /// The `create_download_url` query parameter (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn create_download_url<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::Flag>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::Flag,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.create_download_url(value);
                }
                Err(e) => self.invalid("create_download_url", e),
            }
            self
        }
        /// Sends `GET /rooms/{room_id}/files/{file_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::File>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id"), (1u32, "file_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("get_file", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::get_invitation_link`](crate::Client::get_invitation_link): Get a group chat's invitation link.
    ///
    /// Set the parameters, then call [`send`](GetInvitationLink::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct GetInvitationLink<'a> {
        pub(crate) inner: crate::generated::builder::GetInvitationLink<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> GetInvitationLink<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// Sends `GET /rooms/{room_id}/link` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::InvitationLink>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("get_invitation_link", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::update_invitation_link`](crate::Client::update_invitation_link): Change a group chat's invitation link.
    ///
    /// Set the parameters, then call [`send`](UpdateInvitationLink::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct UpdateInvitationLink<'a> {
        pub(crate) inner: crate::generated::builder::UpdateInvitationLink<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> UpdateInvitationLink<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The link's path; random when omitted at creation.
        ///
        /// The `code` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn code(
            mut self,
            value: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            match <types::InvitationLinkFormCode as ::std::convert::TryFrom<
                ::std::string::String,
            >>::try_from(value.into()) {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| b.code(::std::option::Option::Some(value)));
                }
                Err(e) => self.invalid("code", e),
            }
            self
        }
        /// The text shown on the link's page.
        ///
        /// The `description` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn description<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::std::string::String>,
            <V as ::std::convert::TryInto<
                ::std::string::String,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.description(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("description", e),
            }
            self
        }
        /// 1: joining through the link waits for an admin's approval. Chatwork's default: `1`.
        ///
        /// The `need_acceptance` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn need_acceptance<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::Flag>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::Flag,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.need_acceptance(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("need_acceptance", e),
            }
            self
        }
        /// Sends `PUT /rooms/{room_id}/link` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::InvitationLink>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("update_invitation_link", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::create_invitation_link`](crate::Client::create_invitation_link): Create a group chat's invitation link.
    ///
    /// Set the parameters, then call [`send`](CreateInvitationLink::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct CreateInvitationLink<'a> {
        pub(crate) inner: crate::generated::builder::CreateInvitationLink<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> CreateInvitationLink<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// The link's path; random when omitted at creation.
        ///
        /// The `code` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn code(
            mut self,
            value: impl ::std::convert::Into<::std::string::String>,
        ) -> Self {
            match <types::InvitationLinkFormCode as ::std::convert::TryFrom<
                ::std::string::String,
            >>::try_from(value.into()) {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| b.code(::std::option::Option::Some(value)));
                }
                Err(e) => self.invalid("code", e),
            }
            self
        }
        /// The text shown on the link's page.
        ///
        /// The `description` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn description<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::std::string::String>,
            <V as ::std::convert::TryInto<
                ::std::string::String,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.description(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("description", e),
            }
            self
        }
        /// 1: joining through the link waits for an admin's approval. Chatwork's default: `1`.
        ///
        /// The `need_acceptance` form field (optional). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn need_acceptance<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::Flag>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::Flag,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self
                        .inner
                        .body_map(move |b| {
                            b.need_acceptance(::std::option::Option::Some(value))
                        });
                }
                Err(e) => self.invalid("need_acceptance", e),
            }
            self
        }
        /// Sends `POST /rooms/{room_id}/link` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::InvitationLink>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("create_invitation_link", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::delete_invitation_link`](crate::Client::delete_invitation_link): Delete a group chat's invitation link.
    ///
    /// Set the parameters, then call [`send`](DeleteInvitationLink::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct DeleteInvitationLink<'a> {
        pub(crate) inner: crate::generated::builder::DeleteInvitationLink<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> DeleteInvitationLink<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The chat's ID.
        ///
        /// The `room_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn room_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RoomId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RoomId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.room_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("room_id", e),
            }
            self
        }
        /// Sends `DELETE /rooms/{room_id}/link` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::InvitationLink>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "room_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("delete_invitation_link", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::list_incoming_requests`](crate::Client::list_incoming_requests): List the contact requests you have received.
    ///
    /// Set the parameters, then call [`send`](ListIncomingRequests::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct ListIncomingRequests<'a> {
        pub(crate) inner: crate::generated::builder::ListIncomingRequests<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        pub(crate) limit: ::std::option::Option<usize>,
    }
    impl<'a> ListIncomingRequests<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// Keeps at most `n` items of the answer (the integration "limit").
        ///
        /// Chatwork has no paging, so this is applied on the client: the request
        /// is made and answered in full either way, and it does not save a
        /// request or a rate-limit unit. Items beyond `n` are dropped from the
        /// returned list; [`Response::omitted`](crate::Response::omitted) says how many.
        ///
        /// For `list_messages` without `force`, Chatwork counts every message of
        /// the answer as delivered, including the dropped ones: they will not be
        /// returned again by a later call without `force`.
        pub fn limit(mut self, n: usize) -> Self {
            self.limit = ::std::option::Option::Some(n);
            self
        }
        /// Sends `GET /incoming_requests` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<::std::vec::Vec<types::IncomingRequest>>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            crate::contract::finish_list::<
                types::IncomingRequest,
                _,
            >("list_incoming_requests", self.limit, self.inner.send())
                .await
        }
    }
    /// Request builder for [`Client::accept_incoming_request`](crate::Client::accept_incoming_request): Approve a contact request.
    ///
    /// Set the parameters, then call [`send`](AcceptIncomingRequest::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct AcceptIncomingRequest<'a> {
        pub(crate) inner: crate::generated::builder::AcceptIncomingRequest<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> AcceptIncomingRequest<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The contact request's ID.
        ///
        /// The `request_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn request_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RequestId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RequestId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.request_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("request_id", e),
            }
            self
        }
        /// Sends `PUT /incoming_requests/{request_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<types::Contact>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "request_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("accept_incoming_request", self.inner.send()).await
        }
    }
    /// Request builder for [`Client::decline_incoming_request`](crate::Client::decline_incoming_request): Decline a contact request.
    ///
    /// Set the parameters, then call [`send`](DeclineIncomingRequest::send).
    #[derive(Debug, Clone)]
    #[must_use = "a request does nothing until `send()` is awaited"]
    pub struct DeclineIncomingRequest<'a> {
        pub(crate) inner: crate::generated::builder::DeclineIncomingRequest<'a>,
        pub(crate) error: ::std::option::Option<(&'static str, ::std::string::String)>,
        /// The required parameters set so far, one bit each.
        pub(crate) set: u64,
    }
    impl<'a> DeclineIncomingRequest<'a> {
        #[allow(dead_code)]
        fn invalid(&mut self, field: &'static str, e: impl ::std::fmt::Display) {
            if self.error.is_none() {
                self.error = ::std::option::Option::Some((
                    field,
                    ::std::format!("invalid value for `{field}`: {e}"),
                ));
            }
        }
        /// The contact request's ID.
        ///
        /// The `request_id` path parameter (required). A value that does not convert makes `send()` fail
        /// with [`Error::InvalidRequest`](crate::Error::InvalidRequest) before anything is sent.
        pub fn request_id<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<::chatwork::model::RequestId>,
            <V as ::std::convert::TryInto<
                ::chatwork::model::RequestId,
            >>::Error: ::std::fmt::Display,
        {
            match value.try_into() {
                Ok(value) => {
                    self.inner = self.inner.request_id(value);
                    self.set |= 1u64 << 0u32;
                }
                Err(e) => self.invalid("request_id", e),
            }
            self
        }
        /// Sends `DELETE /incoming_requests/{request_id}` and decodes the answer.
        ///
        /// # Errors
        ///
        /// [`Error::InvalidRequest`](crate::Error::InvalidRequest) when a parameter is missing or invalid (nothing is sent),
        /// and otherwise the transport, API and decoding errors described on [`Error`](crate::Error).
        pub async fn send(
            self,
        ) -> ::std::result::Result<
            crate::contract::Response<()>,
            crate::contract::Error,
        > {
            if let ::std::option::Option::Some((field, message)) = self.error {
                return ::std::result::Result::Err(
                    crate::contract::Error::invalid(
                        crate::contract::InvalidKind::Value,
                        ::std::option::Option::Some(field),
                        message,
                    ),
                );
            }
            for (bit, field) in [(0u32, "request_id")] {
                if self.set & (1u64 << bit) == 0 {
                    return ::std::result::Result::Err(
                        crate::contract::Error::invalid(
                            crate::contract::InvalidKind::Missing,
                            ::std::option::Option::Some(field),
                            ::std::format!("`{field}` is required but was not set"),
                        ),
                    );
                }
            }
            crate::contract::finish("decline_incoming_request", self.inner.send()).await
        }
    }
}
