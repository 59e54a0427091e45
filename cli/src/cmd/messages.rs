//! Messages: `messages ...`.

use std::time::Duration;

use clap::Subcommand;
use futures_util::StreamExt as _;

use super::label;
use super::{Limit, positive};
use crate::clock::time;
use crate::context::Ctx;
use crate::failure::Result;
use crate::input;
use crate::input::Body;
use crate::output::{fields, one_line, table};

#[derive(Subcommand, Debug)]
pub enum Messages {
    /// Messages not yet returned to you (with --all: the latest 100).
    #[command(
        after_help = "Examples:\n  chatwork messages list Project\n  chatwork --json messages list Project --all --limit 10"
    )]
    List {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The latest 100, whether returned before or not.
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        limit: Limit,
    },
    /// One message.
    #[command(after_help = "Example:\n  chatwork messages get Project 1928374655918273646")]
    Get {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The message's ID.
        message: String,
    },
    /// Post a message.
    #[command(
        after_help = "Examples:\n  chatwork messages post Project \"Build #42 passed\" --to Bob\n  echo \"cargo test: ok\" | chatwork messages post Project --code --info-title CI"
    )]
    Post {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        #[command(flatten)]
        body: Body,
        /// Leave the message unread for you.
        #[arg(long)]
        self_unread: bool,
    },
    /// Edit one of your messages.
    #[command(
        name = "update",
        visible_alias = "edit",
        after_help = "Example:\n  chatwork messages edit Project 1928374655918273646 \"Build #42 passed (fixed)\""
    )]
    Edit {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The message's ID.
        message: String,
        #[command(flatten)]
        body: Body,
    },
    /// Delete one of your messages (asks first).
    #[command(
        after_help = "Example:\n  chatwork --yes messages delete Project 1928374655918273646"
    )]
    Delete {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The message's ID.
        message: String,
    },
    /// Mark messages read (all, or up to --message).
    #[command(
        name = "mark-read",
        visible_alias = "read",
        after_help = "Examples:\n  chatwork messages read Project\n  chatwork messages read Project --message 1928374655918273646"
    )]
    Read {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        #[arg(long)]
        message: Option<String>,
    },
    /// Mark messages unread from --message on.
    #[command(
        name = "mark-unread",
        visible_alias = "unread",
        after_help = "Example:\n  chatwork messages unread Project --message 1928374655918273646"
    )]
    Unread {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        #[arg(long)]
        /// The message's ID.
        message: String,
    },
    /// Print new messages as they arrive (polling).
    #[command(
        after_help = "Example:\n  chatwork --json messages watch Project --every 5 --count 10"
    )]
    Watch {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// Seconds between polls (1 to 3600).
        #[arg(long, default_value_t = 10, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
        every: u64,
        /// Stop after N messages.
        #[arg(long, value_name = "N", value_parser = positive)]
        count: Option<usize>,
    },
}

fn message_rows(messages: &[chatwork::types::Message]) -> String {
    let rows: Vec<Vec<String>> = messages
        .iter()
        .map(|m| {
            vec![
                m.message_id.to_string(),
                m.account.name.clone(),
                time(m.send_time),
                one_line(&m.body, usize::MAX),
            ]
        })
        .collect();
    table(&["ID", "FROM", "SENT", "BODY"], &rows)
}

pub(crate) async fn body_of(ctx: &Ctx, body: &Body) -> Result<String> {
    let text = input::text(body)?;
    let mentions = ctx.accounts(&body.to).await?;
    Ok(input::compose(body, &text, &mentions))
}

pub async fn messages(ctx: &Ctx, cmd: Messages) -> Result<()> {
    use Messages::*;
    let c = &ctx.client;
    match cmd {
        List { room, all, limit } => {
            let (id, _) = ctx.room(&room).await?;
            // All of them are fetched (and, without --all, no longer new to this token): the
            // ones --limit leaves out are counted, so that nobody loses them unknowingly.
            let mut list = c
                .list_messages()
                .room_id(id)
                .force(all)
                .send()
                .await?
                .into_inner();
            if let Some(n) = limit.limit
                && list.len() > n
            {
                let left_out = list.len() - n;
                list.truncate(n);
                eprintln!(
                    "chatwork: {left_out} more message(s) were not shown{}; `chatwork messages list {room} --all` shows the latest 100",
                    if all { "" } else { " and are no longer new" }
                );
            }
            ctx.out.either(&list, || message_rows(&list))
        }
        Get { room, message } => {
            let (id, _) = ctx.room(&room).await?;
            let m = c
                .get_message()
                .room_id(id)
                .message_id(message.as_str())
                .send()
                .await?;
            ctx.out.either(m.value(), || {
                let mut text = fields(&[
                    ("message", m.message_id.to_string()),
                    ("from", label(m.account.account_id, &m.account.name)),
                    ("sent", time(m.send_time)),
                    ("edited", time(m.update_time)),
                ]);
                text.push('\n');
                text.push_str(&m.body);
                text
            })
        }
        Post {
            room,
            body,
            self_unread,
        } => {
            let (id, name) = ctx.room(&room).await?;
            let text = body_of(ctx, &body).await?;
            let posted = c
                .post_message()
                .room_id(id)
                .body(text)
                .self_unread(self_unread)
                .send()
                .await?;
            ctx.out.either(posted.value(), || {
                format!(
                    "posted message {} in {}",
                    posted.message_id,
                    label(id, &name)
                )
            })
        }
        Edit {
            room,
            message,
            body,
        } => {
            let (id, _) = ctx.room(&room).await?;
            let text = body_of(ctx, &body).await?;
            let done = c
                .update_message()
                .room_id(id)
                .message_id(message.as_str())
                .body(text)
                .send()
                .await?;
            ctx.out.either(done.value(), || {
                format!("edited message {}", done.message_id)
            })
        }
        Delete { room, message } => {
            let (id, name) = ctx.room(&room).await?;
            input::confirm(
                ctx.yes,
                &format!("Delete message {message} in {}?", label(id, &name)),
            )?;
            let done = c
                .delete_message()
                .room_id(id)
                .message_id(message.as_str())
                .send()
                .await?;
            ctx.out.either(done.value(), || {
                format!("deleted message {}", done.message_id)
            })
        }
        Read { room, message } => {
            let (id, _) = ctx.room(&room).await?;
            let mut req = c.mark_messages_read().room_id(id);
            if let Some(m) = message {
                req = req.message_id(m.as_str());
            }
            let counts = req.send().await?;
            ctx.out.either(counts.value(), || {
                format!(
                    "{} unread, {} mentions",
                    counts.unread_num, counts.mention_num
                )
            })
        }
        Unread { room, message } => {
            let (id, _) = ctx.room(&room).await?;
            let counts = c
                .mark_messages_unread()
                .room_id(id)
                .message_id(message.as_str())
                .send()
                .await?;
            ctx.out.either(counts.value(), || {
                format!(
                    "{} unread, {} mentions",
                    counts.unread_num, counts.mention_num
                )
            })
        }
        Watch { room, every, count } => {
            let (id, _) = ctx.room(&room).await?;
            let mut stream = c.message_stream(id, Duration::from_secs(every.max(1)));
            let mut seen = 0;
            while count.is_none_or(|n| seen < n) {
                let next = tokio::select! {
                    next = stream.next() => next,
                    _ = tokio::signal::ctrl_c() => break,
                };
                let Some(m) = next else { break };
                let m = m?;
                if ctx.out.json {
                    ctx.out.json_line(&m)?;
                } else {
                    crate::output::human_line(&format!(
                        "{}  {}  {}: {}",
                        m.message_id,
                        time(m.send_time),
                        m.account.name,
                        one_line(
                            &m.body,
                            crate::output::terminal_width().map_or(usize::MAX, |w| {
                                w.saturating_sub(
                                    m.message_id.to_string().len() + 22 + m.account.name.len(),
                                )
                                .max(20)
                            })
                        )
                    ))?;
                }
                seen += 1;
            }
            Ok(())
        }
    }
}
