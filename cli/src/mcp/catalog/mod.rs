//! Every tool: the 32 operations of Chatwork API v2, the custom API call, and waiting for
//! new messages. Names are the operations' IDs, so a tool and its SDK method share a name.

mod account;
mod api;
mod contacts;
mod derived;
mod files;
mod links;
mod messages;
mod rooms;
mod tasks;

use schemars::JsonSchema;
use serde::Deserialize;

pub use messages::latest;

use super::tools::ToolDef;

/// All tools, in the order they are listed.
pub fn all() -> Vec<ToolDef> {
    let mut tools = Vec::new();
    tools.extend(account::tools());
    tools.extend(rooms::tools());
    tools.extend(messages::tools());
    tools.extend(tasks::tools());
    tools.extend(files::tools());
    tools.extend(contacts::tools());
    tools.extend(links::tools());
    tools.extend(api::tools());
    // An operation of the spec without a tool above gets one derived from the catalog.
    let derived = derived::missing(&tools);
    tools.extend(derived);
    tools
}

/// The arguments of a tool that takes none.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

/// A room, by ID.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoomArgs {
    /// The chat's ID (list_rooms shows them).
    #[schemars(range(min = 1))]
    pub room_id: i64,
}

/// A list of a room's items.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoomListArgs {
    /// The chat's ID (list_rooms shows them).
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// At most this many items (default 20; Chatwork returns at most 100).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<usize>,
}

/// A plain list.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListArgs {
    /// At most this many items (default 20; Chatwork returns at most 100).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<usize>,
}
