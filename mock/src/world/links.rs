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

    /// The code and acceptance fields of a link (`code`/`need_acceptance` on the link routes,
    /// `link_code`/`link_need_acceptance` on `POST /rooms`), checked; `None` when not given.
    pub(super) fn link_fields<'f>(
        &self,
        form: &'f [(String, String)],
        (code_name, need_name): (&str, &str),
        room: Option<i64>,
    ) -> Result<(Option<&'f str>, Option<bool>), Answer> {
        let code = field(form, code_name);
        // Its form (1 to 50 of `A-Za-z0-9_-`) is checked before, by `validate`.
        if let Some(c) = code {
            // Link codes are URLs on Chatwork's site: one room each.
            if self
                .rooms
                .values()
                .any(|r| Some(r.id) != room && r.link.as_ref().is_some_and(|l| l.code == c))
            {
                return Err(bad(format!("The link code {c:?} is already used")));
            }
        }
        let need = flag(form, need_name)?;
        Ok((code, field(form, need_name).map(|_| need)))
    }

    /// Creates (`create`), changes, or deletes (`form` is `None`) the room's invitation link.
    pub(crate) fn write_link(
        &mut self,
        account: i64,
        room: &str,
        form: Option<&[(String, String)]>,
        create: bool,
    ) -> Answer {
        let room_id = match self.room_of(account, room) {
            Ok(r) => r.id,
            Err(e) => return e,
        };
        let fields = form
            .map(|f| self.link_fields(f, ("code", "need_acceptance"), Some(room_id)))
            .transpose();
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
        let fields = match fields {
            Ok(fields) => fields,
            Err(e) => return e,
        };
        let (Some(form), Some((code, need))) = (form, fields) else {
            r.link = None;
            return Answer::Json(Self::link_json(r));
        };
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
