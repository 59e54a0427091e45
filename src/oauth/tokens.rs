//! What a signed-in user has: secrets, scopes, tokens, and where they are kept.

use std::borrow::Cow;
use std::fmt;
use std::time::{Duration, SystemTime};

pub use crate::secret::Secret;

/// An OAuth scope: one of Chatwork's (the associated constants) or any other string, so a
/// scope Chatwork adds can be asked for before this crate names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Scope(Cow<'static, str>);

macro_rules! scopes {
    ($($(#[$doc:meta])* $name:ident = $wire:literal,)+) => {
        impl Scope {
            $($(#[$doc])* pub const $name: Scope = Scope(Cow::Borrowed($wire));)+

            /// Every scope Chatwork documents.
            pub const ALL: &'static [Scope] = &[$(Scope::$name),+];
        }
    };
}

scopes! {
    /// A refresh token that does not expire (confidential clients only).
    OFFLINE_ACCESS = "offline_access",
    /// Your profile, status and tasks.
    USERS_ALL_READ = "users.all:read",
    /// `GET /me`.
    USERS_PROFILE_ME_READ = "users.profile.me:read",
    /// `GET /my/status`.
    USERS_STATUS_ME_READ = "users.status.me:read",
    /// `GET /my/tasks`.
    USERS_TASKS_ME_READ = "users.tasks.me:read",
    /// Read and write everything in your chats.
    ROOMS_ALL_READ_WRITE = "rooms.all:read_write",
    /// Read everything in your chats.
    ROOMS_ALL_READ = "rooms.all:read",
    /// Write everything in your chats.
    ROOMS_ALL_WRITE = "rooms.all:write",
    /// Create and delete chats.
    ROOMS_WRITE = "rooms:write",
    /// Read chats and their invitation links.
    ROOMS_INFO_READ = "rooms.info:read",
    /// Change chats and their invitation links.
    ROOMS_INFO_WRITE = "rooms.info:write",
    /// Read members.
    ROOMS_MEMBERS_READ = "rooms.members:read",
    /// Change members.
    ROOMS_MEMBERS_WRITE = "rooms.members:write",
    /// Read messages.
    ROOMS_MESSAGES_READ = "rooms.messages:read",
    /// Post, edit, delete and mark messages.
    ROOMS_MESSAGES_WRITE = "rooms.messages:write",
    /// Read tasks.
    ROOMS_TASKS_READ = "rooms.tasks:read",
    /// Create and complete tasks.
    ROOMS_TASKS_WRITE = "rooms.tasks:write",
    /// Read files.
    ROOMS_FILES_READ = "rooms.files:read",
    /// Upload files.
    ROOMS_FILES_WRITE = "rooms.files:write",
    /// Read and answer contact requests.
    CONTACTS_ALL_READ_WRITE = "contacts.all:read_write",
    /// Read contacts and contact requests.
    CONTACTS_ALL_READ = "contacts.all:read",
    /// Approve and decline contact requests.
    CONTACTS_ALL_WRITE = "contacts.all:write",
}

impl Scope {
    /// Any scope, by its name.
    pub fn new(name: impl Into<String>) -> Self {
        Self(Cow::Owned(name.into()))
    }

    /// The scope's name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether Chatwork documents this scope.
    pub fn is_known(&self) -> bool {
        Self::ALL.contains(self)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Scope {
    fn from(s: &str) -> Self {
        Self::new(s)
    }
}

/// Scopes as they travel: space-separated.
pub fn scopes_to_string<I: IntoIterator<Item = Scope>>(scopes: I) -> String {
    scopes
        .into_iter()
        .map(|s| s.0.into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tokens of a signed-in user.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenSet {
    /// The access token, sent as `Authorization: Bearer`.
    pub access_token: Secret,
    /// The refresh token, if issued.
    pub refresh_token: Option<Secret>,
    /// When the access token expires (computed from `expires_in`; see the module docs).
    pub expires_at: SystemTime,
    /// The granted scopes.
    pub scopes: Vec<Scope>,
}

impl TokenSet {
    /// Tokens from their parts (for a [`TokenStore`](super::TokenStore) that loads saved ones).
    pub fn new(
        access_token: Secret,
        refresh_token: Option<Secret>,
        expires_at: SystemTime,
        scopes: Vec<Scope>,
    ) -> Self {
        Self {
            access_token,
            refresh_token,
            expires_at,
            scopes,
        }
    }

    /// Whether the access token expires within `margin`.
    pub fn expires_within(&self, margin: Duration) -> bool {
        self.expires_at
            .duration_since(SystemTime::now())
            .map_or(true, |left| left <= margin)
    }
}
