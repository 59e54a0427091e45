//! Typed access to the times Chatwork sends as Unix seconds, and the task deadline
//! conveniences. The wire keeps integer seconds; these methods add `SystemTime`s.

use std::time::SystemTime;

use crate::model::{TaskLimitType, UnixTime, system_time};
use crate::types::{File, Message, MyTask, Room, RoomSummary, RoomTask};

/// `0` means "never" in Chatwork's times (an unedited message, a task without deadline).
fn optional(secs: i64) -> Option<SystemTime> {
    (secs != 0).then(|| system_time(secs))
}

/// A task's deadline: none when `limit_type` is `none` (or the time is 0).
fn deadline(secs: i64, kind: &TaskLimitType) -> Option<SystemTime> {
    if *kind == TaskLimitType::None {
        return None;
    }
    optional(secs)
}

impl Message {
    /// When it was posted (`send_time`).
    pub fn sent_at(&self) -> SystemTime {
        system_time(self.send_time)
    }

    /// When it was last edited (`update_time`), if ever.
    pub fn updated_at(&self) -> Option<SystemTime> {
        optional(self.update_time)
    }
}

impl RoomTask {
    /// The deadline (`limit_time`), unless the task has none (`limit_type` `none`). With
    /// `limit_type` `date` only the day counts.
    pub fn deadline(&self) -> Option<SystemTime> {
        deadline(self.limit_time, &self.limit_type)
    }
}

impl MyTask {
    /// The deadline (`limit_time`), unless the task has none (`limit_type` `none`). With
    /// `limit_type` `date` only the day counts.
    pub fn deadline(&self) -> Option<SystemTime> {
        deadline(self.limit_time, &self.limit_type)
    }
}

impl File {
    /// When it was uploaded (`upload_time`).
    pub fn uploaded_at(&self) -> SystemTime {
        system_time(self.upload_time)
    }
}

impl Room {
    /// When the chat last changed (`last_update_time`).
    pub fn last_updated_at(&self) -> SystemTime {
        system_time(self.last_update_time)
    }
}

impl RoomSummary {
    /// When the chat last changed (`last_update_time`).
    pub fn last_updated_at(&self) -> SystemTime {
        system_time(self.last_update_time)
    }
}

impl crate::request::CreateTask<'_> {
    /// A deadline at a time of day: sets `deadline` and `deadline_type` `time`.
    pub fn due_at(self, at: impl Into<UnixTime>) -> Self {
        self.deadline(at.into()).deadline_type(TaskLimitType::Time)
    }

    /// A deadline on a day (Chatwork shows the date only): sets `deadline` to `day` and
    /// `deadline_type` `date`.
    pub fn due_on(self, day: impl Into<UnixTime>) -> Self {
        self.deadline(day.into()).deadline_type(TaskLimitType::Date)
    }
}
