// Written by `cargo xtask gen` from spec/chatwork.yaml; do not edit.

//! Every operation of API v2, as the spec declares it.

use crate::routes::Operation;

/// Every operation: ID, method, path (under `/v2`) and the OAuth scopes any one of
/// which allows it.
pub(crate) const OPERATIONS: &[Operation] = &[
    Operation {
        id: "get_me",
        method: "GET",
        path: "/me",
        scopes: &["users.all:read", "users.profile.me:read"],
    },
    Operation {
        id: "get_my_status",
        method: "GET",
        path: "/my/status",
        scopes: &["users.all:read", "users.status.me:read"],
    },
    Operation {
        id: "list_my_tasks",
        method: "GET",
        path: "/my/tasks",
        scopes: &["users.all:read", "users.tasks.me:read"],
    },
    Operation {
        id: "list_contacts",
        method: "GET",
        path: "/contacts",
        scopes: &["contacts.all:read_write", "contacts.all:read"],
    },
    Operation {
        id: "list_rooms",
        method: "GET",
        path: "/rooms",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.info:read"],
    },
    Operation {
        id: "create_room",
        method: "POST",
        path: "/rooms",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms:write"],
    },
    Operation {
        id: "get_room",
        method: "GET",
        path: "/rooms/{room_id}",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.info:read"],
    },
    Operation {
        id: "update_room",
        method: "PUT",
        path: "/rooms/{room_id}",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.info:write"],
    },
    Operation {
        id: "delete_room",
        method: "DELETE",
        path: "/rooms/{room_id}",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms:write"],
    },
    Operation {
        id: "list_members",
        method: "GET",
        path: "/rooms/{room_id}/members",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.members:read"],
    },
    Operation {
        id: "update_members",
        method: "PUT",
        path: "/rooms/{room_id}/members",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.members:write"],
    },
    Operation {
        id: "list_messages",
        method: "GET",
        path: "/rooms/{room_id}/messages",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.messages:read"],
    },
    Operation {
        id: "post_message",
        method: "POST",
        path: "/rooms/{room_id}/messages",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
    },
    Operation {
        id: "mark_messages_read",
        method: "PUT",
        path: "/rooms/{room_id}/messages/read",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
    },
    Operation {
        id: "mark_messages_unread",
        method: "PUT",
        path: "/rooms/{room_id}/messages/unread",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
    },
    Operation {
        id: "get_message",
        method: "GET",
        path: "/rooms/{room_id}/messages/{message_id}",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.messages:read"],
    },
    Operation {
        id: "update_message",
        method: "PUT",
        path: "/rooms/{room_id}/messages/{message_id}",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
    },
    Operation {
        id: "delete_message",
        method: "DELETE",
        path: "/rooms/{room_id}/messages/{message_id}",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.messages:write"],
    },
    Operation {
        id: "list_room_tasks",
        method: "GET",
        path: "/rooms/{room_id}/tasks",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.tasks:read"],
    },
    Operation {
        id: "create_task",
        method: "POST",
        path: "/rooms/{room_id}/tasks",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.tasks:write"],
    },
    Operation {
        id: "get_task",
        method: "GET",
        path: "/rooms/{room_id}/tasks/{task_id}",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.tasks:read"],
    },
    Operation {
        id: "update_task_status",
        method: "PUT",
        path: "/rooms/{room_id}/tasks/{task_id}/status",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.tasks:write"],
    },
    Operation {
        id: "list_files",
        method: "GET",
        path: "/rooms/{room_id}/files",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.files:read"],
    },
    Operation {
        id: "upload_file",
        method: "POST",
        path: "/rooms/{room_id}/files",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.files:write"],
    },
    Operation {
        id: "get_file",
        method: "GET",
        path: "/rooms/{room_id}/files/{file_id}",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.files:read"],
    },
    Operation {
        id: "get_invitation_link",
        method: "GET",
        path: "/rooms/{room_id}/link",
        scopes: &["rooms.all:read_write", "rooms.all:read", "rooms.info:read"],
    },
    Operation {
        id: "update_invitation_link",
        method: "PUT",
        path: "/rooms/{room_id}/link",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.info:write"],
    },
    Operation {
        id: "create_invitation_link",
        method: "POST",
        path: "/rooms/{room_id}/link",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.info:write"],
    },
    Operation {
        id: "delete_invitation_link",
        method: "DELETE",
        path: "/rooms/{room_id}/link",
        scopes: &["rooms.all:read_write", "rooms.all:write", "rooms.info:write"],
    },
    Operation {
        id: "list_incoming_requests",
        method: "GET",
        path: "/incoming_requests",
        scopes: &["contacts.all:read_write", "contacts.all:read"],
    },
    Operation {
        id: "accept_incoming_request",
        method: "PUT",
        path: "/incoming_requests/{request_id}",
        scopes: &["contacts.all:read_write", "contacts.all:write"],
    },
    Operation {
        id: "decline_incoming_request",
        method: "DELETE",
        path: "/incoming_requests/{request_id}",
        scopes: &["contacts.all:read_write", "contacts.all:write"],
    },
];

/// Every OAuth scope the spec declares.
pub(crate) const SCOPES: &[&str] = &[
    "offline_access",
    "users.all:read",
    "users.profile.me:read",
    "users.status.me:read",
    "users.tasks.me:read",
    "rooms.all:read_write",
    "rooms.all:read",
    "rooms.all:write",
    "rooms:write",
    "rooms.info:read",
    "rooms.info:write",
    "rooms.members:read",
    "rooms.members:write",
    "rooms.messages:read",
    "rooms.messages:write",
    "rooms.tasks:read",
    "rooms.tasks:write",
    "rooms.files:read",
    "rooms.files:write",
    "contacts.all:read_write",
    "contacts.all:read",
    "contacts.all:write",
];
