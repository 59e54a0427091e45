//! Your account: `me`, `status`.

use crate::context::Ctx;
use crate::failure::Result;
use crate::output::fields;

pub async fn me(ctx: &Ctx) -> Result<()> {
    let me = ctx.client.get_me().send().await?;
    ctx.out.either(me.value(), || {
        fields(&[
            ("account", me.account_id.to_string()),
            ("name", me.name.clone()),
            ("chatwork id", me.chatwork_id.clone()),
            ("organization", me.organization_name.clone()),
            ("department", me.department.clone()),
            ("title", me.title.clone()),
            ("my chat", me.room_id.to_string()),
            ("login mail", me.login_mail.clone()),
        ])
    })
}

pub async fn status(ctx: &Ctx) -> Result<()> {
    let s = ctx.client.get_my_status().send().await?;
    ctx.out.either(s.value(), || {
        fields(&[
            (
                "unread",
                format!("{} in {} rooms", s.unread_num, s.unread_room_num),
            ),
            (
                "mentions",
                format!("{} in {} rooms", s.mention_num, s.mention_room_num),
            ),
            (
                "my tasks",
                format!("{} in {} rooms", s.mytask_num, s.mytask_room_num),
            ),
        ])
    })
}
