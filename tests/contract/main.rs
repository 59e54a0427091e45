//! One contract test per operation: the exact method, path, token header, query string and
//! form body on the wire, and the lossless decoding of the spec's example answer.

#[path = "../common/mod.rs"]
mod common;

use chatwork::model::{IconPreset, Role, RoomType, TaskLimitType, TaskStatus};
use chatwork::types::RoomActionType;
use chatwork::{AccountId, MessageId};
use common::*;
use httpmock::MockServer;

mod chats;
mod tasks_files_links;
