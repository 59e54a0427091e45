//! Tasks: one per assignee, the task lists and their `status` filter.

use serde_json::{Value, json};

use super::{
    Answer, Message, Role, Room, Task, World, bad, forbidden, ids, not_found, now, required,
};
use crate::form::field;

impl World {
    pub(super) fn task_json(&self, r: &Room, t: &Task, mine: bool) -> Value {
        let mut v = json!({
            "task_id": t.id,
            "assigned_by_account": self.account_ref(t.assigned_by),
            "message_id": t.message_id.to_string(),
            "body": t.body,
            "limit_time": t.limit_time,
            "status": if t.done { "done" } else { "open" },
            "limit_type": t.limit_type,
        });
        if mine {
            v["room"] = json!({"room_id": r.id, "name": r.name,
                "icon_path": format!("https://example.invalid/icon/{}.png", r.icon_preset)});
        } else {
            v["account"] = self.account_ref(t.assignee);
        }
        v
    }

    /// The `status` filter of the task lists: `open` unless given (Chatwork's documented
    /// default for both `GET /my/tasks` and `GET /rooms/{id}/tasks`).
    pub(super) fn status_filter(query: &[(String, String)]) -> Result<Option<bool>, Answer> {
        // Any other value is refused before: `validate` checks against the catalog.
        Ok(Some(field(query, "status") == Some("done")))
    }

    pub(crate) fn list_room_tasks(
        &self,
        account: i64,
        room: &str,
        query: &[(String, String)],
    ) -> Answer {
        let r = match self.room_of(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let status = match Self::status_filter(query) {
            Ok(s) => s,
            Err(e) => return e,
        };
        let num = |name| field(query, name).and_then(|v| v.parse::<i64>().ok());
        let (assignee, by) = (num("account_id"), num("assigned_by_account_id"));
        Self::list_or_204(
            r.tasks
                .iter()
                .filter(|t| status.is_none_or(|d| t.done == d))
                .filter(|t| assignee.is_none_or(|a| t.assignee == a))
                .filter(|t| by.is_none_or(|b| t.assigned_by == b))
                .take(100)
                .map(|t| self.task_json(r, t, false))
                .collect(),
        )
    }

    pub(crate) fn list_my_tasks(&self, account: i64, query: &[(String, String)]) -> Answer {
        let status = match Self::status_filter(query) {
            Ok(s) => s,
            Err(e) => return e,
        };
        let by = field(query, "assigned_by_account_id").and_then(|v| v.parse::<i64>().ok());
        Self::list_or_204(
            self.rooms
                .values()
                .filter(|r| r.members.contains_key(&account))
                .flat_map(|r| r.tasks.iter().map(move |t| (r, t)))
                .filter(|(_, t)| t.assignee == account)
                .filter(|(_, t)| status.is_none_or(|d| t.done == d))
                .filter(|(_, t)| by.is_none_or(|b| t.assigned_by == b))
                .take(100)
                .map(|(r, t)| self.task_json(r, t, true))
                .collect(),
        )
    }

    pub(crate) fn create_task(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let (body, to) = match (required(form, "body"), required(form, "to_ids")) {
            (Ok(b), Ok(t)) => (b.to_owned(), t),
            (Err(e), _) | (_, Err(e)) => return e,
        };
        let to = match ids(to) {
            Ok(t) => t,
            Err(e) => return e,
        };
        let limit_time = match field(form, "limit").map(str::parse::<i64>) {
            None => 0,
            Some(Ok(t)) => t,
            Some(Err(_)) => return bad("Parameter 'limit' must be Unix seconds"),
        };
        let limit_type = match field(form, "limit_type") {
            None if limit_time == 0 => "none",
            None => "time",
            // One of none, date or time: `validate` refuses any other.
            Some(t) => t,
        }
        .to_owned();
        let r = match self.room_of(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let room_id = r.id;
        if r.members.get(&account) == Some(&Role::Readonly) {
            return forbidden("You don't have permission to add tasks in this room");
        }
        if let Some(outsider) = to.iter().find(|id| !r.members.contains_key(id)) {
            return bad(format!("Account {outsider} is not a member of this chat"));
        }
        if let Err(e) = self.take_post_slot(room_id) {
            return e;
        }
        self.next_message += 1;
        let message_id = self.next_message;
        let mut task_ids = Vec::new();
        let mut tasks = Vec::new();
        for assignee in to {
            self.next_task += 1;
            task_ids.push(self.next_task);
            tasks.push(Task {
                id: self.next_task,
                assignee,
                assigned_by: account,
                message_id,
                body: body.clone(),
                limit_time,
                limit_type: limit_type.clone(),
                done: false,
            });
        }
        if let Some(r) = self.rooms.get_mut(&room_id) {
            r.tasks.extend(tasks);
            r.messages.push(Message {
                id: message_id,
                account,
                body: format!("[task]{body}[/task]"),
                send_time: now(),
                update_time: 0,
            });
            r.last_update_time = now();
        }
        Answer::Json(json!({ "task_ids": task_ids }))
    }

    pub(super) fn task_index(
        &self,
        account: i64,
        room: &str,
        task: &str,
    ) -> Result<(i64, usize), Answer> {
        self.find_in_room(account, room, task, |r| &r.tasks, |t| t.id)
    }

    pub(crate) fn get_task(&self, account: i64, room: &str, task: &str) -> Answer {
        match self.task_index(account, room, task) {
            Ok((room, i)) => {
                let r = &self.rooms[&room];
                Answer::Json(self.task_json(r, &r.tasks[i], false))
            }
            Err(e) => e,
        }
    }

    pub(crate) fn update_task_status(
        &mut self,
        account: i64,
        room: &str,
        task: &str,
        form: &[(String, String)],
    ) -> Answer {
        // `open` or `done`: `validate` refuses anything else.
        let done = match required(form, "body") {
            Ok(b) => b == "done",
            Err(e) => return e,
        };
        let (room, i) = match self.task_index(account, room, task) {
            Ok(x) => x,
            Err(e) => return e,
        };
        let Some(r) = self.rooms.get_mut(&room) else {
            return not_found();
        };
        let t = &mut r.tasks[i];
        if t.assignee != account && t.assigned_by != account {
            return forbidden("Only the assignee or the assigner can change a task");
        }
        t.done = done;
        Answer::Json(json!({ "task_id": t.id }))
    }
}
