//! Rooms and their members: list, get, create, change, leave or delete, members.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::{Answer, Link, Role, Room, World, bad, flag, forbidden, ids, now, required};
use crate::form::field;

/// A room in an answer.
#[derive(Serialize)]
struct RoomOut<'a> {
    room_id: i64,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    role: &'static str,
    sticky: bool,
    unread_num: usize,
    mention_num: usize,
    mytask_num: usize,
    message_num: usize,
    file_num: usize,
    task_num: usize,
    icon_path: String,
    last_update_time: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

impl World {
    /// A room as `account` sees it (typed, so that the hot `GET /rooms` serializes directly).
    fn room_out<'a>(&'a self, account: i64, r: &'a Room) -> RoomOut<'a> {
        let (unread_num, mention_num) = r.unread(account);
        RoomOut {
            room_id: r.id,
            name: if r.kind == "direct" {
                r.members
                    .keys()
                    .find(|m| **m != account)
                    .and_then(|m| self.account(*m))
                    .map_or("", |a| a.name.as_str())
            } else {
                &r.name
            },
            kind: &r.kind,
            role: r
                .members
                .get(&account)
                .copied()
                .unwrap_or(Role::Member)
                .as_str(),
            sticky: r.sticky,
            unread_num,
            mention_num,
            mytask_num: r.open_tasks_of(account),
            message_num: r.messages.len(),
            file_num: r.files.len(),
            task_num: r.tasks.len(),
            icon_path: format!("https://example.invalid/icon/{}.png", r.icon_preset),
            last_update_time: r.last_update_time,
            description: None,
        }
    }

    pub(crate) fn list_rooms(&self, account: i64) -> Answer {
        let rooms: Vec<RoomOut<'_>> = self
            .rooms
            .values()
            .filter(|r| r.members.contains_key(&account))
            .map(|r| self.room_out(account, r))
            .collect();
        Answer::typed(&rooms)
    }

    pub(crate) fn get_room(&self, account: i64, room: &str) -> Answer {
        match self.room_of(account, room) {
            Ok(r) => {
                let mut out = self.room_out(account, r);
                out.description = Some(&r.description);
                Answer::typed(&out)
            }
            Err(e) => e,
        }
    }

    /// The member list of `members_admin_ids` (required), `members_member_ids` and
    /// `members_readonly_ids`, every account checked: only `account` itself, its contacts and
    /// those already in `room` can be members (Chatwork also allows people of one's
    /// organisation; the local Chatwork has no organisations).
    pub(super) fn members_from(
        &self,
        account: i64,
        form: &[(String, String)],
        room: Option<&Room>,
    ) -> Result<BTreeMap<i64, Role>, Answer> {
        let contacts = self
            .contacts
            .get(&account)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        required(form, "members_admin_ids")?;
        let mut members = BTreeMap::new();
        for (key, role) in [
            ("members_admin_ids", Role::Admin),
            ("members_member_ids", Role::Member),
            ("members_readonly_ids", Role::Readonly),
        ] {
            for id in field(form, key).map(ids).transpose()?.unwrap_or_default() {
                if self.account(id).is_none() {
                    return Err(bad(format!("Account {id} does not exist")));
                }
                if id != account
                    && !contacts.iter().any(|(c, _)| *c == id)
                    && !room.is_some_and(|r| r.members.contains_key(&id))
                {
                    return Err(bad(format!(
                        "Account {id} is not one of your contacts: only contacts can be added to a chat"
                    )));
                }
                members.insert(id, role);
            }
        }
        Ok(members)
    }

    pub(crate) fn create_room(&mut self, account: i64, form: &[(String, String)]) -> Answer {
        let name = match required(form, "name") {
            Ok(n) => n,
            Err(e) => return e,
        };
        let members = match self.members_from(account, form, None) {
            Ok(m) => m,
            Err(e) => return e,
        };
        if members.get(&account) != Some(&Role::Admin) {
            return bad("You must be one of the administrators of a new chat");
        }
        let with_link = match flag(form, "link") {
            Ok(l) => l,
            Err(e) => return e,
        };
        let (code, need) = match self.link_fields(form, ("link_code", "link_need_acceptance"), None)
        {
            Ok(fields) => fields,
            Err(e) => return e,
        };
        let id = self.add_room("group", name, members);
        if let Some(r) = self.rooms.get_mut(&id) {
            r.description = field(form, "description").unwrap_or_default().into();
            if let Some(icon) = field(form, "icon_preset") {
                r.icon_preset = icon.into();
            }
            // `link=1` also makes the invitation link: the given code (or one of its own) and
            // acceptance needed unless `link_need_acceptance=0`.
            if with_link {
                r.link = Some(Link {
                    code: code.map_or_else(|| format!("room-{id}"), str::to_owned),
                    need_acceptance: need.unwrap_or(true),
                    description: String::new(),
                });
            }
        }
        Answer::Json(json!({"room_id": id}))
    }

    pub(super) fn require_admin(r: &Room, account: i64) -> Result<(), Answer> {
        if r.members.get(&account) == Some(&Role::Admin) {
            Ok(())
        } else {
            Err(forbidden("You don't have permission to change this chat"))
        }
    }

    pub(crate) fn update_room(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if let Err(e) = Self::require_admin(r, account) {
            return e;
        }
        if r.kind != "group" {
            return bad("Only group chats can be changed");
        }
        if let Some(n) = field(form, "name") {
            r.name = n.into();
        }
        if let Some(d) = field(form, "description") {
            r.description = d.into();
        }
        if let Some(i) = field(form, "icon_preset") {
            r.icon_preset = i.into();
        }
        r.last_update_time = now();
        Answer::Json(json!({"room_id": r.id}))
    }

    pub(crate) fn delete_room(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let id = r.id;
        let action = field(form, "action_type");
        if matches!(action, Some("leave" | "delete")) && r.kind != "group" {
            return bad("Only group chats can be left or deleted");
        }
        match action {
            Some("leave") => {
                let admins = r.members.values().filter(|x| **x == Role::Admin).count();
                if r.members.get(&account) == Some(&Role::Admin)
                    && admins == 1
                    && r.members.len() > 1
                {
                    return bad(
                        "You are the last administrator: make another member an administrator, or delete the chat",
                    );
                }
                r.members.remove(&account);
                // Chatwork deletes the leaver's tasks in the room and the files they uploaded.
                r.tasks.retain(|t| t.assignee != account);
                r.files.retain(|f| f.account != account);
                r.cursor.remove(&account);
                r.read_up_to.remove(&account);
                if r.members.is_empty() {
                    self.rooms.remove(&id);
                }
                Answer::NoContent
            }
            Some("delete") => {
                if let Err(e) = Self::require_admin(r, account) {
                    return e;
                }
                self.rooms.remove(&id);
                Answer::NoContent
            }
            // Refused before: `validate` checks the form against the catalog.
            _ => bad("Parameter 'action_type' must be leave or delete"),
        }
    }

    pub(crate) fn list_members(&self, account: i64, room: &str) -> Answer {
        match self.room_of(account, room) {
            Ok(r) => Answer::Json(Value::Array(
                r.members
                    .iter()
                    .map(|(id, role)| {
                        let mut v = self.profile_json(*id);
                        v["role"] = json!(role.as_str());
                        v
                    })
                    .collect(),
            )),
            Err(e) => e,
        }
    }

    pub(crate) fn update_members(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let members = match self
            .room_of(account, room)
            .and_then(|r| self.members_from(account, form, Some(r)))
        {
            Ok(m) => m,
            Err(e) => return e,
        };
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if let Err(e) = Self::require_admin(r, account) {
            return e;
        }
        if !members.values().any(|r| *r == Role::Admin) {
            return bad("A chat needs at least one administrator");
        }
        r.members = members;
        let by = |role: Role| {
            r.members
                .iter()
                .filter(|(_, x)| **x == role)
                .map(|(id, _)| *id)
                .collect::<Vec<_>>()
        };
        Answer::Json(json!({
            "admin": by(Role::Admin), "member": by(Role::Member), "readonly": by(Role::Readonly),
        }))
    }
}
