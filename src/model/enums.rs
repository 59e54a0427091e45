//! The enums the server controls: open, keeping values this version does not know.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value of an open enum that this version of the crate does not know, kept as Chatwork
/// sent it. Opaque on purpose: it cannot be built or matched by its text, so code that
/// matches on it never silently stops matching when a later version learns the value as a
/// variant. Compare the enum's `as_str()` instead, which keeps working either way.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue(String);

impl UnknownValue {
    pub(crate) fn new(value: String) -> Self {
        Self(value)
    }

    /// The value as Chatwork sent it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! open_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $wire:literal,)+ }) => {
        $(#[$doc])*
        ///
        /// A value this version does not know is kept in `Unknown` instead of failing the
        /// whole response, and is sent back unchanged. Test for a value this version does not
        /// name with `as_str()`, never by matching inside `Unknown`: see [`UnknownValue`].
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
            /// A value this version of the crate does not know (see [`UnknownValue`]).
            Unknown(UnknownValue),
        }

        #[cfg(feature = "spec-tools")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($wire),+] })
            }
        }

        impl $name {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Unknown(s) => s.as_str(),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $($wire => Self::$variant,)+
                    other => Self::Unknown(UnknownValue(other.to_owned())),
                }
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                match Self::from(s.as_str()) {
                    Self::Unknown(_) => Self::Unknown(UnknownValue(s)),
                    known => known,
                }
            }
        }

        impl FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(s))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map(Self::from)
            }
        }
    };
}

open_enum!(
    /// The kind of a chat.
    RoomType {
        /// The account's own "my chat".
        My = "my",
        /// A one-to-one chat with a contact.
        Direct = "direct",
        /// A group chat.
        Group = "group",
    }
);

open_enum!(
    /// A member's role in a chat.
    Role {
        /// Can change the chat and its members.
        Admin = "admin",
        /// A regular member.
        Member = "member",
        /// Can read but not post.
        Readonly = "readonly",
    }
);

open_enum!(
    /// Whether a task is open or done.
    TaskStatus {
        /// Not done yet.
        Open = "open",
        /// Completed.
        Done = "done",
    }
);

open_enum!(
    /// What kind of deadline a task has.
    TaskLimitType {
        /// No deadline.
        None = "none",
        /// A deadline on a day.
        Date = "date",
        /// A deadline at a time.
        Time = "time",
    }
);

open_enum!(
    /// The kind of a webhook event.
    WebhookEventType {
        /// A message was posted in the watched chat.
        MessageCreated = "message_created",
        /// A message was edited in the watched chat.
        MessageUpdated = "message_updated",
        /// The account was mentioned.
        MentionToMe = "mention_to_me",
    }
);

open_enum!(
    /// One of Chatwork's preset group-chat icons.
    IconPreset {
        /// `group`
        Group = "group",
        /// `check`
        Check = "check",
        /// `document`
        Document = "document",
        /// `meeting`
        Meeting = "meeting",
        /// `event`
        Event = "event",
        /// `project`
        Project = "project",
        /// `business`
        Business = "business",
        /// `study`
        Study = "study",
        /// `security`
        Security = "security",
        /// `star`
        Star = "star",
        /// `idea`
        Idea = "idea",
        /// `heart`
        Heart = "heart",
        /// `magcup`
        Magcup = "magcup",
        /// `beer`
        Beer = "beer",
        /// `music`
        Music = "music",
        /// `sports`
        Sports = "sports",
        /// `travel`
        Travel = "travel",
    }
);
