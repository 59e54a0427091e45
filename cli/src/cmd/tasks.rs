//! Tasks: `tasks ...`.

use clap::{Args, Subcommand, ValueEnum};

use super::Limit;
use super::{ids, label, parse_id};
use crate::clock::time;
use crate::context::Ctx;
use crate::failure::Result;
use crate::input::Body;
use crate::output::{fields, one_line, table};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Status {
    Open,
    Done,
}

/// Tasks assigned to you: `my list-tasks`, `tasks mine`.
#[derive(Args, Debug)]
pub struct MyTasks {
    /// Only open or only done tasks.
    #[arg(long, value_enum)]
    status: Option<Status>,
    #[arg(long, value_name = "ACCOUNT")]
    assigned_by: Option<String>,
    #[command(flatten)]
    limit: Limit,
}

#[derive(Subcommand, Debug)]
pub enum Tasks {
    /// A chat's tasks.
    #[command(
        name = "list-room",
        visible_alias = "list",
        after_help = "Examples:\n  chatwork tasks list-room Project --status done --account Bob\n  chatwork tasks list Project"
    )]
    List {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        #[arg(long, value_enum)]
        status: Option<Status>,
        /// Only tasks assigned to this account.
        #[arg(long, value_name = "ACCOUNT")]
        account: Option<String>,
        /// Only tasks assigned by this account.
        #[arg(long, value_name = "ACCOUNT")]
        assigned_by: Option<String>,
        #[command(flatten)]
        limit: Limit,
    },
    /// Tasks assigned to you (also `my list-tasks`).
    #[command(
        after_help = "Examples:\n  chatwork tasks mine\n  chatwork tasks mine --status done --assigned-by Alice"
    )]
    Mine(MyTasks),
    /// One task.
    #[command(after_help = "Example:\n  chatwork tasks get Project 501")]
    Get {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The task's ID.
        task: String,
    },
    /// Add a task, one per assignee.
    #[command(
        after_help = "Examples:\n  chatwork tasks create Project \"Review the release notes\" --assign Bob,Carol --due +2d\n  chatwork tasks create Project \"Ship it\" --assign Bob --due 2026-12-25"
    )]
    Create {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        #[command(flatten)]
        body: Body,
        /// Assignees (IDs or names, comma-separated or repeated).
        #[arg(
            long = "assign",
            value_delimiter = ',',
            required = true,
            value_name = "ACCOUNT"
        )]
        assignees: Vec<String>,
        /// When it is due (see --help for every form).
        #[arg(long, value_name = "WHEN", allow_hyphen_values = true, long_help = crate::due::help())]
        due: Option<String>,
    },
    /// Set a task's status: done, or open again (as `done` and `reopen` do).
    #[command(after_help = "Example:\n  chatwork tasks update-status Project 501 --body done")]
    UpdateStatus {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The task's ID.
        task: String,
        /// The new status.
        #[arg(long, visible_alias = "status", value_enum)]
        body: Status,
    },
    /// Mark a task done.
    #[command(after_help = "Example:\n  chatwork tasks done Project 501")]
    Done {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The task's ID.
        task: String,
    },
    /// Open a done task again.
    #[command(after_help = "Example:\n  chatwork tasks reopen Project 501")]
    Reopen {
        /// The room: its ID, or its name (one exact match).
        #[arg(add = clap_complete::ArgValueCompleter::new(super::complete_room))]
        room: String,
        /// The task's ID.
        task: String,
    },
}

impl Status {
    /// The status as Chatwork writes it.
    fn wire(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
        }
    }
}

fn status_name(s: Option<Status>) -> Option<&'static str> {
    s.map(Status::wire)
}

/// A task as a table row: a room's tasks show the assignee, yours the room.
trait TaskRow {
    /// The second column: the assignee or the room.
    fn whose(&self) -> &str;
    fn cells(&self) -> TaskCells<'_>;
}

/// What every task row shows.
struct TaskCells<'a> {
    id: i64,
    by: &'a str,
    status: String,
    due: String,
    body: &'a str,
}

/// Both task types: the same fields but the second column's.
macro_rules! task_row {
    ($type:ty, |$t:ident| $whose:expr) => {
        impl TaskRow for $type {
            fn whose(&self) -> &str {
                let $t = self;
                $whose
            }
            fn cells(&self) -> TaskCells<'_> {
                TaskCells {
                    id: self.task_id.get(),
                    by: &self.assigned_by_account.name,
                    status: self.status.to_string(),
                    due: due_text(self.limit_time, &self.limit_type),
                    body: &self.body,
                }
            }
        }
    };
}

task_row!(chatwork::types::RoomTask, |t| &t.account.name);
task_row!(chatwork::types::MyTask, |t| &t.room.name);

/// The one task table: ID, `second` (TO or ROOM), BY, STATUS, DUE, TASK.
fn task_table<T: TaskRow>(second: &str, tasks: &[T]) -> String {
    let rows: Vec<Vec<String>> = tasks
        .iter()
        .map(|t| {
            let c = t.cells();
            vec![
                c.id.to_string(),
                t.whose().to_owned(),
                c.by.to_owned(),
                c.status,
                c.due,
                one_line(c.body, usize::MAX),
            ]
        })
        .collect();
    table(&["ID", second, "BY", "STATUS", "DUE", "TASK"], &rows)
}

fn due_text(limit_time: i64, limit_type: &chatwork::model::TaskLimitType) -> String {
    match limit_type.to_string().as_str() {
        "none" => "-".to_owned(),
        // The date Chatwork keeps, in Japan.
        "date" => jiff::Timestamp::from_second(limit_time)
            .map(|t| t.to_zoned(crate::due::japan()).date().to_string())
            .unwrap_or_else(|_| limit_time.to_string()),
        _ => time(limit_time),
    }
}

pub async fn tasks(ctx: &Ctx, cmd: Tasks) -> Result<()> {
    use Tasks::*;
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
            ctx.out.either(tasks.value(), || task_table("TO", &tasks))
        }
        Mine(MyTasks {
            status,
            assigned_by,
            limit,
        }) => {
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
            ctx.out.either(tasks.value(), || task_table("ROOM", &tasks))
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
            let text = super::messages::body_of(ctx, &body).await?;
            let to = ctx.accounts(&assignees).await?;
            let mut req = c.create_task().room_id(id).body(text).to_ids(ids(&to));
            if let Some(d) = due {
                let (at, kind) =
                    crate::due::due(&d, jiff::Timestamp::now(), &jiff::tz::TimeZone::system())?;
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
        UpdateStatus { room, task, body } => task_status(ctx, &room, &task, body.wire()).await,
        Done { room, task } => task_status(ctx, &room, &task, "done").await,
        Reopen { room, task } => task_status(ctx, &room, &task, "open").await,
    }
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
