//! IDs, times, flags and ID lists as Chatwork sends and expects them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::InvalidValue;

macro_rules! integer_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "spec-tools", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// The ID as an integer.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl From<i64> for $name {
            fn from(v: i64) -> Self {
                Self(v)
            }
        }

        impl From<i32> for $name {
            fn from(v: i32) -> Self {
                Self(i64::from(v))
            }
        }

        impl From<u32> for $name {
            fn from(v: u32) -> Self {
                Self(i64::from(v))
            }
        }

        impl TryFrom<u64> for $name {
            type Error = InvalidValue;
            fn try_from(v: u64) -> Result<Self, InvalidValue> {
                i64::try_from(v).map(Self).map_err(|_| {
                    InvalidValue(format!("{} {v} is out of range", stringify!($name)))
                })
            }
        }

        impl From<$name> for i64 {
            fn from(v: $name) -> i64 {
                v.0
            }
        }

        impl FromStr for $name {
            type Err = InvalidValue;
            fn from_str(s: &str) -> Result<Self, InvalidValue> {
                s.parse::<i64>().map(Self).map_err(|_| {
                    InvalidValue(format!("{} must be an integer, got {s:?}", stringify!($name)))
                })
            }
        }
    };
}

integer_id!(
    /// A chat's ID.
    RoomId
);
integer_id!(
    /// An account's ID.
    AccountId
);
integer_id!(
    /// A task's ID.
    TaskId
);
integer_id!(
    /// A file's ID.
    FileId
);
integer_id!(
    /// A contact request's ID.
    RequestId
);

/// A time as Unix seconds (UTC), as Chatwork sends and takes times; converts from and to
/// [`SystemTime`](std::time::SystemTime).
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use chatwork::model::UnixTime;
///
/// let t = UnixTime::from(UNIX_EPOCH + Duration::from_secs(1_767_225_599));
/// assert_eq!(t, UnixTime(1_767_225_599));
/// assert_eq!(t.to_system_time(), UNIX_EPOCH + Duration::from_secs(1_767_225_599));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "spec-tools", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct UnixTime(pub i64);

impl UnixTime {
    /// The seconds since 1970-01-01T00:00:00Z.
    pub const fn get(self) -> i64 {
        self.0
    }

    /// The time as a [`SystemTime`](std::time::SystemTime) (whole seconds).
    pub fn to_system_time(self) -> std::time::SystemTime {
        system_time(self.0)
    }
}

/// Unix seconds as a `SystemTime`; times before 1970 count backwards.
pub(crate) fn system_time(secs: i64) -> std::time::SystemTime {
    let epoch = std::time::UNIX_EPOCH;
    let d = std::time::Duration::from_secs(secs.unsigned_abs());
    if secs >= 0 {
        epoch.checked_add(d).unwrap_or(epoch)
    } else {
        epoch.checked_sub(d).unwrap_or(epoch)
    }
}

impl From<i64> for UnixTime {
    fn from(v: i64) -> Self {
        Self(v)
    }
}

/// Rounds down to the whole second; saturates far outside the `i64` range.
impl From<std::time::SystemTime> for UnixTime {
    fn from(t: std::time::SystemTime) -> Self {
        let secs = match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            Err(e) => {
                let d = e.duration();
                let whole = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
                // -0.5 s is in the second that starts at -1.
                -whole - i64::from(d.subsec_nanos() > 0)
            }
        };
        Self(secs)
    }
}

impl From<UnixTime> for std::time::SystemTime {
    fn from(t: UnixTime) -> Self {
        t.to_system_time()
    }
}

impl fmt::Display for UnixTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// A message's ID: a decimal string, because real IDs exceed 2^53 and would lose digits
/// as a JSON number in many languages. It is kept exactly as Chatwork sent it.
///
/// Built from user input (`TryFrom<&str>`, `TryFrom<String>`) it must be a non-empty run
/// of ASCII digits; decoded from a response it is taken as it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MessageId(String);

impl MessageId {
    /// The ID as Chatwork writes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn check(s: &str) -> Result<(), InvalidValue> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(())
        } else {
            Err(InvalidValue(format!(
                "a message ID is a string of digits, got {s:?}"
            )))
        }
    }
}

impl<'de> Deserialize<'de> for MessageId {
    /// A string as it is, or a non-negative integer in decimal. One pass, no buffering: a
    /// list of 100 messages decodes 100 of these.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = MessageId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a message ID (a string or a non-negative integer)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<MessageId, E> {
                Ok(MessageId(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<MessageId, E> {
                Ok(MessageId(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<MessageId, E> {
                Ok(MessageId(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<MessageId, E> {
                u64::try_from(v)
                    .map(|v| MessageId(v.to_string()))
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<&str> for MessageId {
    type Error = InvalidValue;
    fn try_from(s: &str) -> Result<Self, InvalidValue> {
        Self::check(s)?;
        Ok(Self(s.to_owned()))
    }
}

impl TryFrom<String> for MessageId {
    type Error = InvalidValue;
    fn try_from(s: String) -> Result<Self, InvalidValue> {
        Self::check(&s)?;
        Ok(Self(s))
    }
}

impl TryFrom<&String> for MessageId {
    type Error = InvalidValue;
    fn try_from(s: &String) -> Result<Self, InvalidValue> {
        Self::try_from(s.as_str())
    }
}

impl From<&MessageId> for MessageId {
    fn from(id: &MessageId) -> Self {
        id.clone()
    }
}

impl From<u64> for MessageId {
    fn from(n: u64) -> Self {
        Self(n.to_string())
    }
}

impl FromStr for MessageId {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, InvalidValue> {
        Self::try_from(s)
    }
}

#[cfg(feature = "spec-tools")]
macro_rules! manual_schema {
    ($name:ident, $($schema:tt)+) => {
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!($($schema)+)
            }
        }
    };
}

#[cfg(feature = "spec-tools")]
manual_schema!(MessageId, { "type": "string", "pattern": "^[0-9]+$" });
#[cfg(feature = "spec-tools")]
manual_schema!(AccountIds, { "type": "string", "pattern": "^[0-9]+(,[0-9]+)*$" });
#[cfg(feature = "spec-tools")]
manual_schema!(Flag, { "type": "integer", "enum": [0, 1] });

/// A non-empty list of account IDs, sent on the wire as one comma-separated string
/// (`123,542,1001`).
///
/// Converting an empty list fails: leave the optional field unset instead.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AccountIds(Vec<AccountId>);

impl AccountIds {
    /// The IDs.
    pub fn as_slice(&self) -> &[AccountId] {
        &self.0
    }

    fn new(ids: Vec<AccountId>) -> Result<Self, InvalidValue> {
        if ids.is_empty() {
            return Err(InvalidValue(
                "an account ID list needs at least one ID (leave an optional list unset instead)"
                    .into(),
            ));
        }
        Ok(Self(ids))
    }
}

impl fmt::Display for AccountIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, id) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{id}")?;
        }
        Ok(())
    }
}

impl Serialize for AccountIds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AccountIds {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for AccountIds {
    type Err = InvalidValue;
    fn from_str(s: &str) -> Result<Self, InvalidValue> {
        let ids = s
            .split(',')
            .map(|p| p.parse::<AccountId>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| {
                InvalidValue(format!("not a comma-separated list of account IDs: {s:?}"))
            })?;
        Self::new(ids)
    }
}

impl<T: Into<AccountId>> TryFrom<Vec<T>> for AccountIds {
    type Error = InvalidValue;
    fn try_from(v: Vec<T>) -> Result<Self, InvalidValue> {
        Self::new(v.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<AccountId> + Copy> TryFrom<&[T]> for AccountIds {
    type Error = InvalidValue;
    fn try_from(v: &[T]) -> Result<Self, InvalidValue> {
        Self::new(v.iter().map(|&id| id.into()).collect())
    }
}

impl<T: Into<AccountId>, const N: usize> TryFrom<[T; N]> for AccountIds {
    type Error = InvalidValue;
    fn try_from(v: [T; N]) -> Result<Self, InvalidValue> {
        Self::new(v.into_iter().map(Into::into).collect())
    }
}

impl From<AccountId> for AccountIds {
    fn from(id: AccountId) -> Self {
        Self(vec![id])
    }
}

/// A boolean that travels as the integer `0` or `1` (`force`, `self_unread`,
/// `create_download_url`, `link`, `need_acceptance`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Flag(pub bool);

impl From<bool> for Flag {
    fn from(b: bool) -> Self {
        Self(b)
    }
}

impl From<Flag> for bool {
    fn from(f: Flag) -> bool {
        f.0
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0 { "1" } else { "0" })
    }
}

impl Serialize for Flag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(u8::from(self.0))
    }
}

impl<'de> Deserialize<'de> for Flag {
    /// `0`/`1` as an integer or a string, or a boolean.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Flag;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a flag (0 or 1)")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Flag, E> {
                Ok(Flag(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Flag, E> {
                match v {
                    0 => Ok(Flag(false)),
                    1 => Ok(Flag(true)),
                    _ => Err(E::custom("a flag is 0 or 1")),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Flag, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom("a flag is 0 or 1"))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Flag, E> {
                match v {
                    "0" => Ok(Flag(false)),
                    "1" => Ok(Flag(true)),
                    _ => Err(E::custom("a flag is 0 or 1")),
                }
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_id_decodes_strings_as_sent_and_integers_in_decimal() {
        let id: MessageId = serde_json::from_str(r#""1928374655918273647""#).unwrap();
        assert_eq!(id.as_str(), "1928374655918273647");
        // Kept as sent, even when not digits: responses are not second-guessed.
        let id: MessageId = serde_json::from_str(r#""a\u0062c""#).unwrap();
        assert_eq!(id.as_str(), "abc");
        let id: MessageId = serde_json::from_str("18446744073709551615").unwrap();
        assert_eq!(id.as_str(), "18446744073709551615");
        for bad in ["-1", "1.5", "true", "null", "[]", "{}"] {
            let err = serde_json::from_str::<MessageId>(bad).unwrap_err();
            assert!(err.to_string().contains("message ID"), "{bad}: {err}");
        }
    }

    #[test]
    fn flag_decodes_integers_strings_and_booleans_and_nothing_else() {
        for (text, want) in [
            ("0", false),
            ("1", true),
            (r#""0""#, false),
            (r#""1""#, true),
            ("false", false),
            ("true", true),
        ] {
            assert_eq!(
                serde_json::from_str::<Flag>(text).unwrap(),
                Flag(want),
                "{text}"
            );
        }
        for bad in ["2", "-1", r#""2""#, r#""""#, "1.0", "null"] {
            assert!(serde_json::from_str::<Flag>(bad).is_err(), "{bad}");
        }
    }
}
