//! You: profile and counts.

use super::NoArgs;
use crate::mcp::Call;
use crate::mcp::model::{Me, Status};
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

pub fn tools() -> Vec<ToolDef> {
    vec![
        ToolDef::new(
            "get_me",
            "Your Chatwork profile: account ID, name, organization, and the ID of your own \"my chat\".",
            Effect::Read,
            get_me,
        ),
        ToolDef::new(
            "get_my_status",
            "How many unread messages, mentions of you and open tasks you have, and in how many chats.",
            Effect::Read,
            get_my_status,
        ),
    ]
}

async fn get_me(call: Call, _: NoArgs) -> Result<Done<Me>, ToolError> {
    let me = call.client().get_me().send().await?.into_inner();
    let summary = format!("You are {} (account {}).", me.name, me.account_id);
    Ok(Done::new(
        Me {
            account_id: me.account_id.get(),
            name: me.name,
            chatwork_id: me.chatwork_id,
            organization_name: me.organization_name,
            department: me.department,
            title: me.title,
            my_room_id: me.room_id.get(),
            introduction: crate::mcp::render::inert(&me.introduction),
        },
        summary,
    ))
}

async fn get_my_status(call: Call, _: NoArgs) -> Result<Done<Status>, ToolError> {
    let s = call.client().get_my_status().send().await?.into_inner();
    let summary = format!(
        "{} unread messages in {} chats, {} mentions, {} open tasks.",
        s.unread_num, s.unread_room_num, s.mention_num, s.mytask_num
    );
    Ok(Done::new(
        Status {
            unread_messages: s.unread_num,
            rooms_with_unread: s.unread_room_num,
            mentions: s.mention_num,
            rooms_with_mentions: s.mention_room_num,
            open_tasks: s.mytask_num,
            rooms_with_tasks: s.mytask_room_num,
        },
        summary,
    ))
}
