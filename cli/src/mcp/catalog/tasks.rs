//! Tasks.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::mcp::Call;
use crate::mcp::model::{Changed, Listed, Task};
use crate::mcp::render::Names;
use crate::mcp::tools::{Done, Effect, ToolDef, ToolError};

pub fn tools() -> Vec<ToolDef> {
    vec![
        ToolDef::new(
            "list_my_tasks",
            "Tasks assigned to you, in every chat (open ones unless status says otherwise).",
            Effect::Read,
            list_my_tasks,
        ),
        ToolDef::new(
            "list_room_tasks",
            "A chat's tasks (open ones unless status says otherwise), optionally only those of one assignee or assigner.",
            Effect::Read,
            list_room_tasks,
        ),
        ToolDef::new(
            "get_task",
            "One task: text, assignee, who assigned it, status and due date.",
            Effect::Read,
            get_task,
        ),
        ToolDef::new(
            "create_task",
            concat!(
                "Creates a task in a chat for one or more members (one task each), with an optional due date. `due` takes: ",
                crate::due::forms!(),
                ". A date without a time is due that day; an impossible or ambiguous date (2026-02-30, 12/01/2026) is refused."
            ),
            Effect::Create,
            create_task,
        ),
        ToolDef::new(
            "update_task_status",
            "Sets a task's status to done or open (its assignee or the one who assigned it).",
            Effect::Update,
            update_task_status,
        ),
    ]
}

/// A task's status.
#[derive(Deserialize, JsonSchema, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Done,
}

impl Status {
    fn wire(self) -> chatwork::model::TaskStatus {
        chatwork::model::TaskStatus::from(match self {
            Status::Open => "open",
            Status::Done => "done",
        })
    }
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MyTasksArgs {
    /// `open` (default) or `done`.
    pub status: Option<Status>,
    /// Only tasks assigned by this account.
    #[schemars(range(min = 1))]
    pub assigned_by_id: Option<i64>,
    /// At most this many (default 20; Chatwork returns at most 100).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<usize>,
}

async fn list_my_tasks(call: Call, a: MyTasksArgs) -> Result<Done<Listed<Task>>, ToolError> {
    let mut req = call
        .client()
        .list_my_tasks()
        .status(a.status.unwrap_or(Status::Open).wire());
    if let Some(id) = a.assigned_by_id {
        req = req.assigned_by_account_id(id);
    }
    let tasks = req.send().await?.into_inner();
    let mut names = Names::default();
    for t in &tasks {
        names.add(
            t.assigned_by_account.account_id.get(),
            &t.assigned_by_account.name,
        );
    }
    let listed = Listed::cut(
        tasks.iter().map(|t| Task::mine(t, &names)),
        call.limit(a.limit),
    );
    let summary = listed.summary("tasks assigned to you");
    Ok(Done::new(listed, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoomTasksArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// `open` (default) or `done`.
    pub status: Option<Status>,
    /// Only tasks assigned to this account.
    #[schemars(range(min = 1))]
    pub assignee_id: Option<i64>,
    /// Only tasks assigned by this account.
    #[schemars(range(min = 1))]
    pub assigned_by_id: Option<i64>,
    /// At most this many (default 20; Chatwork returns at most 100).
    #[schemars(range(min = 1, max = 100))]
    pub limit: Option<usize>,
}

fn task_names(tasks: &[chatwork::types::RoomTask]) -> Names {
    let mut names = Names::default();
    for t in tasks {
        names.add(t.account.account_id.get(), &t.account.name);
        names.add(
            t.assigned_by_account.account_id.get(),
            &t.assigned_by_account.name,
        );
    }
    names
}

async fn list_room_tasks(call: Call, a: RoomTasksArgs) -> Result<Done<Listed<Task>>, ToolError> {
    let mut req = call
        .client()
        .list_room_tasks()
        .room_id(a.room_id)
        .status(a.status.unwrap_or(Status::Open).wire());
    if let Some(id) = a.assignee_id {
        req = req.account_id(id);
    }
    if let Some(id) = a.assigned_by_id {
        req = req.assigned_by_account_id(id);
    }
    let tasks = req.send().await?.into_inner();
    let names = task_names(&tasks);
    let listed = Listed::cut(
        tasks.iter().map(|t| Task::in_room(a.room_id, t, &names)),
        call.limit(a.limit),
    );
    let summary = format!("{} in room {}", listed.summary("tasks"), a.room_id);
    Ok(Done::new(listed, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    #[schemars(range(min = 1))]
    pub task_id: i64,
}

async fn get_task(call: Call, a: TaskArgs) -> Result<Done<Task>, ToolError> {
    let t = call
        .client()
        .get_task()
        .room_id(a.room_id)
        .task_id(a.task_id)
        .send()
        .await?
        .into_inner();
    let task = Task::in_room(a.room_id, &t, &task_names(std::slice::from_ref(&t)));
    let summary = format!(
        "Task {} ({}) for {}",
        task.task_id, task.status, t.account.name
    );
    Ok(Done::new(task, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTaskArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    /// The task text (plain text).
    #[schemars(length(min = 1, max = 65535))]
    pub text: String,
    /// Who does it: members' account IDs (one task each).
    #[schemars(length(min = 1))]
    pub assignee_ids: Vec<i64>,
    /// When it is due: Unix seconds as a number or a string, or any of the forms the tool's
    /// description lists.
    #[schemars(description = concat!("When it is due: ", crate::due::forms!(), "."))]
    pub due: Option<Due>,
}

/// A due date as an agent sends it: Unix seconds as a JSON number, or text in any form.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Due {
    Seconds(i64),
    Text(String),
}

async fn create_task(call: Call, a: CreateTaskArgs) -> Result<Done<Changed>, ToolError> {
    let mut req = call
        .client()
        .create_task()
        .room_id(a.room_id)
        .body(a.text)
        .to_ids(a.assignee_ids);
    if let Some(due) = &a.due {
        let text = match due {
            Due::Seconds(s) => s.to_string(),
            Due::Text(t) => t.clone(),
        };
        let (at, kind) =
            crate::due::due(&text, jiff::Timestamp::now(), &jiff::tz::TimeZone::system())?;
        req = req.deadline(at).deadline_type(kind);
    }
    let ids: Vec<i64> = req
        .send()
        .await?
        .into_inner()
        .task_ids
        .iter()
        .map(|t| t.get())
        .collect();
    let summary = format!(
        "Created {} task(s) in room {}: {:?}.",
        ids.len(),
        a.room_id,
        ids
    );
    let mut changed = Changed::new("task");
    changed.room_id = Some(a.room_id);
    changed.task_ids = ids;
    Ok(Done::new(changed, summary))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskStatusArgs {
    #[schemars(range(min = 1))]
    pub room_id: i64,
    #[schemars(range(min = 1))]
    pub task_id: i64,
    pub status: Status,
}

async fn update_task_status(call: Call, a: TaskStatusArgs) -> Result<Done<Changed>, ToolError> {
    let id = call
        .client()
        .update_task_status()
        .room_id(a.room_id)
        .task_id(a.task_id)
        .status(a.status.wire())
        .send()
        .await?
        .into_inner()
        .task_id
        .get();
    let status = match a.status {
        Status::Open => "open",
        Status::Done => "done",
    };
    let mut changed = Changed::new("task");
    changed.room_id = Some(a.room_id);
    changed.task_ids = vec![id];
    changed.detail = Some(serde_json::json!({ "status": status }));
    Ok(Done::new(changed, format!("Task {id} is {status}.")))
}
