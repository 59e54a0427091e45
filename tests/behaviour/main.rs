//! Behaviour beyond the happy path: 204s, errors, limits, unknown values, secrets, upload.

#[path = "../common/mod.rs"]
mod common;

use chatwork::model::{Role, RoomType, TaskStatus};
use chatwork::{Credentials, Error, MessageLimitation};
use common::*;
use httpmock::MockServer;

fn room_json(id: u64, kind: &str, role: &str) -> String {
    format!(
        r#"{{"room_id":{id},"name":"r{id}","type":"{kind}","role":"{role}","sticky":true,"unread_num":0,
        "mention_num":0,"mytask_num":0,"message_num":0,"file_num":0,"task_num":0,"icon_path":"",
        "last_update_time":0}}"#
    )
}

mod answers;
mod bodies;
