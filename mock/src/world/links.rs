//! Invitation links of group chats.

use serde_json::{Value, json};

use super::{Answer, Link, Room, World, bad, flag};
use crate::form::field;

impl World {
    pub(super) fn link_json(room: &Room) -> Value {
        match &room.link {
            None => json!({"public": false}),
            Some(l) => json!({
                "public": true,
                "url": format!("https://example.invalid/g/{}", l.code),
                "need_acceptance": l.need_acceptance,
                "description": l.description,
            }),
        }
    }

    pub(crate) fn get_link(&self, account: i64, room: &str) -> Answer {
        match self.room_of(account, room) {
            Ok(r) => Answer::Json(Self::link_json(r)),
            Err(e) => e,
        }
    }

    /// Creates (`create`), changes, or deletes (`form` is `None`) the room's invitation link.
    pub(crate) fn write_link(
        &mut self,
        account: i64,
        room: &str,
        form: Option<&[(String, String)]>,
        create: bool,
    ) -> Answer {
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if let Err(e) = Self::require_admin(r, account) {
            return e;
        }
        if r.kind != "group" {
            return bad("Only group chats have invitation links");
        }
        let Some(form) = form else {
            r.link = None;
            return Answer::Json(Self::link_json(r));
        };
        let code = field(form, "code");
        if let Some(c) = code
            && (c.is_empty()
                || c.len() > 50
                || !c
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
        {
            return bad("Parameter 'code' must be 1 to 50 letters, digits, '_' or '-'");
        }
        let need = match flag(form, "need_acceptance") {
            Ok(n) => field(form, "need_acceptance").map(|_| n),
            Err(e) => return e,
        };
        let room_id = r.id;
        match (&mut r.link, create) {
            (Some(_), true) => return bad("The invitation link already exists"),
            (None, false) => return bad("There is no invitation link to change"),
            (None, true) => {
                r.link = Some(Link {
                    code: code.map_or_else(|| format!("room-{room_id}"), str::to_owned),
                    need_acceptance: need.unwrap_or(true),
                    description: field(form, "description").unwrap_or_default().into(),
                });
            }
            (Some(l), false) => {
                if let Some(c) = code {
                    l.code = c.into();
                }
                if let Some(n) = need {
                    l.need_acceptance = n;
                }
                if let Some(d) = field(form, "description") {
                    l.description = d.into();
                }
            }
        }
        Answer::Json(Self::link_json(r))
    }
}
