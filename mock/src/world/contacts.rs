//! Contacts and contact requests.

use serde_json::json;

use super::{Answer, Role, World, not_found};

impl World {
    pub(crate) fn contacts(&self, account: i64) -> Answer {
        let list = self
            .contacts
            .get(&account)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        Self::list_or_204(
            list.iter()
                .map(|(id, room)| {
                    let mut v = self.profile_json(*id);
                    v["room_id"] = json!(room);
                    v
                })
                .collect(),
        )
    }

    pub(crate) fn list_requests(&self, account: i64) -> Answer {
        Self::list_or_204(
            self.requests
                .iter()
                .filter(|q| q.to == account)
                .map(|q| {
                    let mut v = self.profile_json(q.from);
                    v["request_id"] = json!(q.id);
                    v["message"] = json!(q.message);
                    v
                })
                .collect(),
        )
    }

    /// Approves (`accept`) or declines a contact request addressed to `account`.
    pub(crate) fn answer_request(&mut self, account: i64, request: &str, accept: bool) -> Answer {
        let Ok(id) = request.parse::<i64>() else {
            return not_found();
        };
        let Some(i) = self
            .requests
            .iter()
            .position(|q| q.id == id && q.to == account)
        else {
            return not_found();
        };
        let q = self.requests.remove(i);
        if !accept {
            return Answer::NoContent;
        }
        let direct = self.add_room(
            "direct",
            "",
            [(account, Role::Admin), (q.from, Role::Admin)],
        );
        self.contacts
            .entry(account)
            .or_default()
            .push((q.from, direct));
        self.contacts
            .entry(q.from)
            .or_default()
            .push((account, direct));
        let mut v = self.profile_json(q.from);
        v["room_id"] = json!(direct);
        Answer::Json(v)
    }
}
