//! One function per command group.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use chatwork::model::AccountId;
use chatwork::types::RoomActionType;
use futures_util::StreamExt as _;
use serde_json::json;

use crate::args::{self, Limit, Status};
use crate::context::Ctx;
use crate::failure::{Exit, Failure, Result};
use crate::input;
use crate::output::{fields, one_line, size, table, time};

fn ids(list: &[(AccountId, String)]) -> Vec<AccountId> {
    list.iter().map(|(id, _)| *id).collect()
}

fn status_name(s: Option<Status>) -> Option<&'static str> {
    s.map(|s| match s {
        Status::Open => "open",
        Status::Done => "done",
    })
}

fn label(id: impl std::fmt::Display, name: &str) -> String {
    if name.is_empty() {
        id.to_string()
    } else {
        format!("{name} ({id})")
    }
}

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

pub async fn rooms(ctx: &Ctx, cmd: args::Rooms) -> Result<()> {
    use args::Rooms::*;
    let c = &ctx.client;
    match cmd {
        List(Limit { limit }) => {
            let mut req = c.list_rooms();
            if let Some(n) = limit {
                req = req.limit(n);
            }
            let rooms = req.send().await?;
            ctx.out.either(rooms.value(), || {
                let rows = rooms
                    .iter()
                    .map(|r| {
                        vec![
                            r.room_id.to_string(),
                            r.name.clone(),
                            r.type_.to_string(),
                            r.role.to_string(),
                            r.unread_num.to_string(),
                            r.mention_num.to_string(),
                            r.mytask_num.to_string(),
                            time(r.last_update_time),
                        ]
                    })
                    .collect::<Vec<_>>();
                table(
                    &[
                        "ID", "NAME", "TYPE", "ROLE", "UNREAD", "MENTIONS", "MY TASKS", "UPDATED",
                    ],
                    &rows,
                )
            })
        }
        Get { room } => {
            let (id, _) = ctx.room(&room).await?;
            let r = c.get_room().room_id(id).send().await?;
            ctx.out.either(r.value(), || {
                fields(&[
                    ("room", r.room_id.to_string()),
                    ("name", r.name.clone()),
                    ("type", r.type_.to_string()),
                    ("your role", r.role.to_string()),
                    ("description", r.description.clone()),
                    ("messages", r.message_num.to_string()),
                    ("unread", r.unread_num.to_string()),
                    ("mentions", r.mention_num.to_string()),
                    ("tasks", format!("{} ({} yours)", r.task_num, r.mytask_num)),
                    ("files", r.file_num.to_string()),
                    ("updated", time(r.last_update_time)),
                ])
            })
        }
        Create {
            name,
            admin,
            member,
            readonly,
            description,
            icon,
        } => {
            let admins = ctx.accounts(&admin).await?;
            let members = ctx.accounts(&member).await?;
            let readonly = ctx.accounts(&readonly).await?;
            let mut req = c
                .create_room()
                .name(name.as_str())
                .members_admin_ids(ids(&admins));
            if !members.is_empty() {
                req = req.members_member_ids(ids(&members));
            }
            if !readonly.is_empty() {
                req = req.members_readonly_ids(ids(&readonly));
            }
            if let Some(d) = description {
                req = req.description(d);
            }
            if let Some(i) = icon {
                req = req.icon_preset(i.as_str());
            }
            let made = req.send().await?;
            ctx.out.either(made.value(), || {
                format!("created room {} {name:?}", made.room_id)
            })
        }
        Update {
            room,
            name,
            description,
            icon,
        } => {
            if name.is_none() && description.is_none() && icon.is_none() {
                return Err(Failure::usage(
                    "nothing to change: give --name, --description or --icon",
                ));
            }
            let (id, _) = ctx.room(&room).await?;
            let mut req = c.update_room().room_id(id);
            if let Some(n) = name {
                req = req.name(n);
            }
            if let Some(d) = description {
                req = req.description(d);
            }
            if let Some(i) = icon {
                req = req.icon_preset(i.as_str());
            }
            let done = req.send().await?;
            ctx.out
                .either(done.value(), || format!("updated room {}", done.room_id))
        }
        Leave { room } => leave_or_delete(ctx, &room, false).await,
        Delete { room } => leave_or_delete(ctx, &room, true).await,
    }
}

async fn leave_or_delete(ctx: &Ctx, room: &str, delete: bool) -> Result<()> {
    let (id, name) = ctx.room(room).await?;
    let what = label(id, &name);
    let question = if delete {
        format!("Delete room {what} for every member, with its messages, tasks and files?")
    } else {
        format!("Leave room {what}?")
    };
    input::confirm(ctx.yes, &question)?;
    let action = if delete {
        RoomActionType::Delete
    } else {
        RoomActionType::Leave
    };
    ctx.client
        .delete_room()
        .room_id(id)
        .action_type(action)
        .send()
        .await?;
    let verb = if delete { "deleted" } else { "left" };
    ctx.out.either(
        &json!({"room_id": id, "action_type": if delete { "delete" } else { "leave" }}),
        || format!("{verb} room {what}"),
    )
}

pub async fn members(ctx: &Ctx, cmd: args::Members) -> Result<()> {
    match cmd {
        args::Members::List { room, limit } => {
            let (id, _) = ctx.room(&room).await?;
            let mut req = ctx.client.list_members().room_id(id);
            if let Some(n) = limit.limit {
                req = req.limit(n);
            }
            let members = req.send().await?;
            ctx.out.either(members.value(), || {
                let rows: Vec<Vec<String>> = members
                    .iter()
                    .map(|m| {
                        vec![
                            m.account_id.to_string(),
                            m.name.clone(),
                            m.role.to_string(),
                            m.organization_name.clone(),
                        ]
                    })
                    .collect();
                table(&["ID", "NAME", "ROLE", "ORGANIZATION"], &rows)
            })
        }
        args::Members::Set {
            room,
            admin,
            member,
            readonly,
        } => {
            let (id, name) = ctx.room(&room).await?;
            let admins = ctx.accounts(&admin).await?;
            let members = ctx.accounts(&member).await?;
            let readonly = ctx.accounts(&readonly).await?;
            let names = |l: &[(AccountId, String)]| {
                l.iter()
                    .map(|(i, n)| label(i, n))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            input::confirm(
                ctx.yes,
                &format!(
                    "Replace the members of {}: admins {}; members {}; read-only {}? Anyone else is removed.",
                    label(id, &name),
                    names(&admins),
                    if members.is_empty() {
                        "none".into()
                    } else {
                        names(&members)
                    },
                    if readonly.is_empty() {
                        "none".into()
                    } else {
                        names(&readonly)
                    },
                ),
            )?;
            let mut req = ctx
                .client
                .update_members()
                .room_id(id)
                .members_admin_ids(ids(&admins));
            if !members.is_empty() {
                req = req.members_member_ids(ids(&members));
            }
            if !readonly.is_empty() {
                req = req.members_readonly_ids(ids(&readonly));
            }
            let done = req.send().await?;
            ctx.out.either(done.value(), || {
                format!(
                    "{} admins, {} members, {} read-only",
                    done.admin.len(),
                    done.member.len(),
                    done.readonly.len()
                )
            })
        }
    }
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

async fn body_of(ctx: &Ctx, body: &args::Body) -> Result<String> {
    let text = input::text(body)?;
    let mentions = ctx.accounts(&body.to).await?;
    Ok(input::compose(body, &text, &mentions))
}

pub async fn messages(ctx: &Ctx, cmd: args::Messages) -> Result<()> {
    use args::Messages::*;
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

fn due_text(limit_time: i64, limit_type: &chatwork::model::TaskLimitType) -> String {
    match limit_type.to_string().as_str() {
        "none" => "-".to_owned(),
        // The date Chatwork keeps, in Japan.
        "date" => jiff::Timestamp::from_second(limit_time)
            .map(|t| t.to_zoned(crate::input::japan()).date().to_string())
            .unwrap_or_else(|_| limit_time.to_string()),
        _ => time(limit_time),
    }
}

pub async fn tasks(ctx: &Ctx, cmd: args::Tasks) -> Result<()> {
    use args::Tasks::*;
    let c = &ctx.client;
    match cmd {
        List {
            room,
            status,
            account,
            assigned_by,
            limit,
        } => {
            let (id, _) = ctx.room(&room).await?;
            let mut req = c.list_room_tasks().room_id(id);
            if let Some(s) = status_name(status) {
                req = req.status(s);
            }
            if let Some(a) = account {
                req = req.account_id(ctx.account(&a).await?.0);
            }
            if let Some(a) = assigned_by {
                req = req.assigned_by_account_id(ctx.account(&a).await?.0);
            }
            if let Some(n) = limit.limit {
                req = req.limit(n);
            }
            let tasks = req.send().await?;
            ctx.out.either(tasks.value(), || {
                let rows: Vec<Vec<String>> = tasks
                    .iter()
                    .map(|t| {
                        vec![
                            t.task_id.to_string(),
                            t.account.name.clone(),
                            t.assigned_by_account.name.clone(),
                            t.status.to_string(),
                            due_text(t.limit_time, &t.limit_type),
                            one_line(&t.body, usize::MAX),
                        ]
                    })
                    .collect();
                table(&["ID", "TO", "BY", "STATUS", "DUE", "TASK"], &rows)
            })
        }
        Mine {
            status,
            assigned_by,
            limit,
        } => {
            let mut req = c.list_my_tasks();
            if let Some(s) = status_name(status) {
                req = req.status(s);
            }
            if let Some(a) = assigned_by {
                req = req.assigned_by_account_id(ctx.account(&a).await?.0);
            }
            if let Some(n) = limit.limit {
                req = req.limit(n);
            }
            let tasks = req.send().await?;
            ctx.out.either(tasks.value(), || {
                let rows: Vec<Vec<String>> = tasks
                    .iter()
                    .map(|t| {
                        vec![
                            t.task_id.to_string(),
                            t.room.name.clone(),
                            t.assigned_by_account.name.clone(),
                            t.status.to_string(),
                            due_text(t.limit_time, &t.limit_type),
                            one_line(&t.body, usize::MAX),
                        ]
                    })
                    .collect();
                table(&["ID", "ROOM", "BY", "STATUS", "DUE", "TASK"], &rows)
            })
        }
        Get { room, task } => {
            let (id, _) = ctx.room(&room).await?;
            let t = c
                .get_task()
                .room_id(id)
                .task_id(parse_id(&task, "task")?)
                .send()
                .await?;
            ctx.out.either(t.value(), || {
                let mut text = fields(&[
                    ("task", t.task_id.to_string()),
                    ("to", label(t.account.account_id, &t.account.name)),
                    (
                        "by",
                        label(
                            t.assigned_by_account.account_id,
                            &t.assigned_by_account.name,
                        ),
                    ),
                    ("status", t.status.to_string()),
                    ("due", due_text(t.limit_time, &t.limit_type)),
                    ("message", t.message_id.to_string()),
                ]);
                text.push('\n');
                text.push_str(&t.body);
                text
            })
        }
        Create {
            room,
            body,
            assignees,
            due,
        } => {
            let (id, name) = ctx.room(&room).await?;
            let text = body_of(ctx, &body).await?;
            let to = ctx.accounts(&assignees).await?;
            let mut req = c.create_task().room_id(id).body(text).to_ids(ids(&to));
            if let Some(d) = due {
                let (at, kind) =
                    input::due(&d, jiff::Timestamp::now(), &jiff::tz::TimeZone::system())?;
                req = req.deadline(at).deadline_type(kind);
            }
            let made = req.send().await?;
            ctx.out.either(made.value(), || {
                let list: Vec<String> = made.task_ids.iter().map(|t| t.to_string()).collect();
                format!(
                    "created task {} in {} for {}",
                    list.join(", "),
                    label(id, &name),
                    to.iter()
                        .map(|(i, n)| label(i, n))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
        }
        Done { room, task } => task_status(ctx, &room, &task, "done").await,
        Reopen { room, task } => task_status(ctx, &room, &task, "open").await,
    }
}

fn parse_id(text: &str, what: &str) -> Result<i64> {
    text.parse()
        .map_err(|_| Failure::usage(format!("a {what} ID is a number, got {text:?}")))
}

async fn task_status(ctx: &Ctx, room: &str, task: &str, status: &str) -> Result<()> {
    let (id, _) = ctx.room(room).await?;
    let done = ctx
        .client
        .update_task_status()
        .room_id(id)
        .task_id(parse_id(task, "task")?)
        .status(status)
        .send()
        .await?;
    ctx.out.either(done.value(), || {
        format!("task {} is {status}", done.task_id)
    })
}

fn progress(len: Option<u64>, what: &str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = match len {
        Some(n) => indicatif::ProgressBar::new(n).with_style(
            indicatif::ProgressStyle::with_template(
                "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
        ),
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_message(what.to_owned());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

pub async fn files(ctx: &Ctx, cmd: args::Files) -> Result<()> {
    use args::Files::*;
    let c = &ctx.client;
    match cmd {
        List {
            room,
            account,
            limit,
        } => {
            let (id, _) = ctx.room(&room).await?;
            let mut req = c.list_files().room_id(id);
            if let Some(a) = account {
                req = req.account_id(ctx.account(&a).await?.0);
            }
            if let Some(n) = limit.limit {
                req = req.limit(n);
            }
            let files = req.send().await?;
            ctx.out.either(files.value(), || {
                let rows: Vec<Vec<String>> = files
                    .iter()
                    .map(|f| {
                        vec![
                            f.file_id.to_string(),
                            f.filename.clone(),
                            size(f.filesize),
                            f.account.name.clone(),
                            time(f.upload_time),
                        ]
                    })
                    .collect();
                table(&["ID", "NAME", "SIZE", "FROM", "UPLOADED"], &rows)
            })
        }
        Get { room, file, url } => {
            let (id, _) = ctx.room(&room).await?;
            let f = c
                .get_file()
                .room_id(id)
                .file_id(parse_id(&file, "file")?)
                .create_download_url(url)
                .send()
                .await?;
            if let (true, Some(state)) = (url, ctx.in_process_state()) {
                eprintln!(
                    "chatwork: this download URL is served by this command's local Chatwork and stops working when it exits; keep one running with `chatwork-mock --state {}`, or use `chatwork files download`",
                    state.display()
                );
            }
            ctx.out.either(f.value(), || {
                let mut pairs = vec![
                    ("file", f.file_id.to_string()),
                    ("name", f.filename.clone()),
                    (
                        "size",
                        format!("{} ({} bytes)", size(f.filesize), f.filesize),
                    ),
                    ("from", label(f.account.account_id, &f.account.name)),
                    ("uploaded", time(f.upload_time)),
                    ("message", f.message_id.to_string()),
                ];
                if let Some(u) = &f.download_url {
                    pairs.push(("download", format!("{u} (valid 30 seconds)")));
                }
                fields(&pairs)
            })
        }
        Upload {
            room,
            path,
            message,
            raw,
            name,
        } => {
            let (id, room_name) = ctx.room(&room).await?;
            let data = std::fs::read(&path)
                .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
            if data.len() > chatwork::MAX_UPLOAD_BYTES {
                return Err(Failure::usage(format!(
                    "{} is {}; Chatwork takes at most {}",
                    path.display(),
                    size(data.len() as i64),
                    size(chatwork::MAX_UPLOAD_BYTES as i64)
                )));
            }
            let file_name = name.unwrap_or_else(|| {
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "file".to_owned())
            });
            let bar = progress(
                None,
                &format!("uploading {file_name} ({})", size(data.len() as i64)),
            );
            let mut req = c.upload_file().room_id(id).file(file_name.clone(), data);
            if let Some(m) = message {
                // Plain text, as `messages post` sends it: `[toall]` and friends stay text.
                let m = if raw {
                    m
                } else {
                    chatwork::notation::MessageBuilder::new()
                        .text(&m)
                        .build()
                        .into_string()
                };
                req = req.message(m);
            }
            let sent = req.send().await;
            bar.finish_and_clear();
            let done = sent?;
            ctx.out.either(done.value(), || {
                format!(
                    "uploaded {file_name} as file {} in {}",
                    done.file_id,
                    label(id, &room_name)
                )
            })
        }
        Download { room, file, output } => {
            let (id, _) = ctx.room(&room).await?;
            let f = c
                .get_file()
                .room_id(id)
                .file_id(parse_id(&file, "file")?)
                .create_download_url(true)
                .send()
                .await?;
            let Some(url) = f.download_url.clone() else {
                return Err(Failure::other("Chatwork gave no download URL"));
            };
            let target = output.unwrap_or_else(|| {
                // Only the last component of the name: never a path outside this directory.
                let name = std::path::Path::new(&f.filename)
                    .file_name()
                    .map(|n| n.to_owned())
                    .unwrap_or_else(|| format!("file-{}", f.file_id).into());
                name.into()
            });
            let to_stdout = target.as_os_str() == "-";
            if !to_stdout && target.exists() {
                input::confirm(
                    ctx.yes,
                    &format!("{} exists. Replace it?", target.display()),
                )?;
            }
            let response = reqwest::get(&url)
                .await
                .and_then(|r| r.error_for_status())
                .map_err(|e| Failure::new(Exit::Network, format!("download failed: {e}")))?;
            let bar = progress(
                response.content_length(),
                &format!("downloading {}", f.filename),
            );
            let mut bytes = Vec::new();
            let mut stream = response.bytes_stream();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk
                    .map_err(|e| Failure::new(Exit::Network, format!("download failed: {e}")))?;
                bar.inc(chunk.len() as u64);
                bytes.extend_from_slice(&chunk);
            }
            bar.finish_and_clear();
            if to_stdout {
                let mut out = std::io::stdout().lock();
                out.write_all(&bytes)?;
                out.flush()?;
                return Ok(());
            }
            std::fs::write(&target, &bytes)?;
            ctx.out.either(
                &json!({"file_id": f.file_id, "path": target, "bytes": bytes.len()}),
                || format!("saved {} ({})", target.display(), size(bytes.len() as i64)),
            )
        }
    }
}

pub async fn contacts(ctx: &Ctx, cmd: args::Contacts) -> Result<()> {
    let args::Contacts::List(Limit { limit }) = cmd;
    let mut req = ctx.client.list_contacts();
    if let Some(n) = limit {
        req = req.limit(n);
    }
    let list = req.send().await?;
    ctx.out.either(list.value(), || {
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|c| {
                vec![
                    c.account_id.to_string(),
                    c.name.clone(),
                    c.room_id.to_string(),
                    c.organization_name.clone(),
                ]
            })
            .collect();
        table(&["ID", "NAME", "DIRECT CHAT", "ORGANIZATION"], &rows)
    })
}

pub async fn requests(ctx: &Ctx, cmd: args::Requests) -> Result<()> {
    let c = &ctx.client;
    match cmd {
        args::Requests::List(Limit { limit }) => {
            let mut req = c.list_incoming_requests();
            if let Some(n) = limit {
                req = req.limit(n);
            }
            let list = req.send().await?;
            ctx.out.either(list.value(), || {
                let rows: Vec<Vec<String>> = list
                    .iter()
                    .map(|r| {
                        vec![
                            r.request_id.to_string(),
                            label(r.account_id, &r.name),
                            r.organization_name.clone(),
                            one_line(&r.message, usize::MAX),
                        ]
                    })
                    .collect();
                table(&["ID", "FROM", "ORGANIZATION", "MESSAGE"], &rows)
            })
        }
        args::Requests::Approve { request } => {
            let contact = c
                .accept_incoming_request()
                .request_id(parse_id(&request, "request")?)
                .send()
                .await?;
            ctx.out.either(contact.value(), || {
                format!(
                    "{} is now a contact (direct chat {})",
                    label(contact.account_id, &contact.name),
                    contact.room_id
                )
            })
        }
        args::Requests::Decline { request } => {
            let id = parse_id(&request, "request")?;
            input::confirm(ctx.yes, &format!("Decline contact request {id}?"))?;
            c.decline_incoming_request().request_id(id).send().await?;
            ctx.out
                .either(&json!({"request_id": id, "declined": true}), || {
                    format!("declined contact request {id}")
                })
        }
    }
}

fn link_text(link: &chatwork::types::InvitationLink) -> String {
    if !link.public {
        return "no invitation link".to_owned();
    }
    fields(&[
        ("url", link.url.clone().unwrap_or_default()),
        (
            "needs approval",
            link.need_acceptance
                .map_or("-".into(), |b| if b { "yes" } else { "no" }.into()),
        ),
        ("description", link.description.clone().unwrap_or_default()),
    ])
}

pub async fn links(ctx: &Ctx, cmd: args::Links) -> Result<()> {
    use args::Links::*;
    let c = &ctx.client;
    match cmd {
        Get { room } => {
            let (id, _) = ctx.room(&room).await?;
            let link = c.get_invitation_link().room_id(id).send().await?;
            ctx.out.either(link.value(), || link_text(&link))
        }
        Create { room, settings } => {
            let (id, _) = ctx.room(&room).await?;
            let mut req = c.create_invitation_link().room_id(id);
            if let Some(code) = settings.code {
                req = req.code(code);
            }
            if let Some(d) = settings.description {
                req = req.description(d);
            }
            if let Some(n) = settings.need_acceptance {
                req = req.need_acceptance(n);
            }
            let link = req.send().await?;
            ctx.out.either(link.value(), || link_text(&link))
        }
        Update { room, settings } => {
            let (id, _) = ctx.room(&room).await?;
            let mut req = c.update_invitation_link().room_id(id);
            if let Some(code) = settings.code {
                req = req.code(code);
            }
            if let Some(d) = settings.description {
                req = req.description(d);
            }
            if let Some(n) = settings.need_acceptance {
                req = req.need_acceptance(n);
            }
            let link = req.send().await?;
            ctx.out.either(link.value(), || link_text(&link))
        }
        Delete { room } => {
            let (id, name) = ctx.room(&room).await?;
            input::confirm(
                ctx.yes,
                &format!("Delete the invitation link of {}?", label(id, &name)),
            )?;
            let link = c.delete_invitation_link().room_id(id).send().await?;
            ctx.out
                .either(link.value(), || "invitation link deleted".to_owned())
        }
    }
}

fn pair<'a>(text: &'a str, sep: char, what: &str) -> Result<(&'a str, &'a str)> {
    text.split_once(sep)
        .ok_or_else(|| Failure::usage(format!("{what} {text:?} is not of the form k{sep}v")))
}

/// What users paste as the `api` path: `/rooms/1`, `/v2/rooms/1`, `rooms/1`, with a query
/// (`?force=1`), or a full URL under the base URL. Returns the path under the base URL and the
/// query's pairs; a URL elsewhere is refused (the token goes to the base URL's host only).
pub fn api_path(base_url: &str, given: &str) -> Result<(String, Vec<(String, String)>)> {
    let base = reqwest::Url::parse(base_url)
        .map_err(|e| Failure::usage(format!("the base URL {base_url:?} does not parse: {e}")))?;
    let base_path = base.path().trim_end_matches('/').to_owned();
    let relative = if given.starts_with("http://") || given.starts_with("https://") {
        let url = reqwest::Url::parse(given)
            .map_err(|e| Failure::usage(format!("{given:?} is not a URL: {e}")))?;
        let under_base = url.origin() == base.origin()
            && (url.path() == base_path || url.path().starts_with(&format!("{base_path}/")));
        if !under_base {
            return Err(Failure::usage(format!(
                "{given} is not under the base URL {base_url}; the token is sent there only"
            ))
            .hint("give a path such as /rooms, or set --base-url"));
        }
        let mut rest = url.path()[base_path.len()..].to_owned();
        if let Some(q) = url.query() {
            rest.push('?');
            rest.push_str(q);
        }
        rest
    } else {
        let path = if given.starts_with('/') {
            given.to_owned()
        } else {
            format!("/{given}")
        };
        // `/v2/rooms` pasted from the docs, with the base URL ending in `/v2`.
        match path.strip_prefix(&base_path) {
            Some(rest)
                if !base_path.is_empty() && (rest.is_empty() || rest.starts_with(['/', '?'])) =>
            {
                rest.to_owned()
            }
            _ => path,
        }
    };
    let (path, query) = relative.split_once('?').unwrap_or((&relative, ""));
    let path = match path.trim_end_matches('/') {
        "" => "/".to_owned(),
        p if p.starts_with('/') => p.to_owned(),
        p => format!("/{p}"),
    };
    let pairs = reqwest::Url::parse(&format!("http://query.invalid/?{query}"))
        .map(|u| {
            u.query_pairs()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default();
    Ok((path, pairs))
}

pub async fn api(ctx: &Ctx, a: args::Api) -> Result<()> {
    let (path, pasted_query) = api_path(ctx.client.base_url(), &a.path)?;
    let mut req = ctx
        .client
        .raw(a.method.to_uppercase().as_str(), path.as_str());
    for (k, v) in &pasted_query {
        req = req.query(k, v);
    }
    for q in &a.query {
        let (k, v) = pair(q, '=', "--query")?;
        req = req.query(k, v);
    }
    for f in &a.form {
        let (k, v) = pair(f, '=', "--form")?;
        req = req.form(k, v);
    }
    for h in &a.header {
        let (k, v) = pair(h, ':', "--header")?;
        req = req.header(k.trim(), v.trim());
    }
    if let Some(data) = &a.data {
        let bytes = if data == "-" {
            input::read_stdin()?.into_bytes()
        } else if let Some(path) = data.strip_prefix('@') {
            std::fs::read(path).map_err(|e| Failure::usage(format!("cannot read {path}: {e}")))?
        } else {
            data.clone().into_bytes()
        };
        let content_type = if serde_json::from_slice::<serde_json::Value>(&bytes).is_ok() {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        req = req.body(bytes, content_type);
    }
    let response = req.send().await?;
    let body = response.bytes();
    let printed = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(v) if !body.is_empty() => serde_json::to_string_pretty(&v).unwrap_or_default(),
        _ => String::from_utf8_lossy(body).into_owned(),
    };
    eprintln!("HTTP {}", response.status());
    if !printed.is_empty() {
        // Exact bytes for a pipe; nothing a terminal would obey on a terminal.
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            crate::output::human_line(&printed)?;
        } else {
            crate::output::line(&printed)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_paths_are_taken_as_pasted() {
        let base = "https://api.chatwork.com/v2";
        let ok = |given: &str| api_path(base, given).unwrap();
        let q = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ok("/rooms/106/messages"),
            ("/rooms/106/messages".into(), vec![])
        );
        assert_eq!(
            ok("/v2/rooms/106/messages/?force=1"),
            ("/rooms/106/messages".into(), q(&[("force", "1")]))
        );
        assert_eq!(ok("rooms"), ("/rooms".into(), vec![]));
        assert_eq!(
            ok("https://api.chatwork.com/v2/rooms/106/files?account_id=1&x=a%20b"),
            (
                "/rooms/106/files".into(),
                q(&[("account_id", "1"), ("x", "a b")])
            )
        );
        for elsewhere in [
            "https://evil.example/v2/rooms",
            "http://api.chatwork.com/v2/rooms",
            "https://api.chatwork.com/v3/rooms",
            "https://api.chatwork.com/v2x/rooms",
        ] {
            assert!(api_path(base, elsewhere).is_err(), "{elsewhere}");
        }
    }
}
