//! Messages: the per-token cursor, posts (with the per-room window), edits, read marks.

use serde_json::{Value, json};

use super::{Answer, Message, Role, World, bad, flag, forbidden, not_found, now, required};
use crate::form::field;

impl World {
    pub(super) fn message_json(&self, m: &Message) -> Value {
        json!({
            "message_id": m.id.to_string(),
            "account": self.account_ref(m.account),
            "body": m.body,
            "send_time": m.send_time,
            "update_time": m.update_time,
        })
    }

    pub(crate) fn list_messages(
        &mut self,
        account: i64,
        room: &str,
        query: &[(String, String)],
    ) -> Answer {
        let force = match flag(query, "force") {
            Ok(f) => f,
            Err(e) => return e,
        };
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let (id, len) = (r.id, r.messages.len());
        let from = if force {
            len.saturating_sub(100)
        } else {
            let seen = r.cursor.get(&account).copied().unwrap_or(0);
            // Only the latest 100 of those not returned yet; all count as returned.
            r.cursor.insert(account, len);
            seen.max(len.saturating_sub(100))
        };
        let range = from..len;
        if range.is_empty() {
            return Answer::NoContent;
        }
        Answer::Json(Value::Array(
            self.rooms[&id].messages[range]
                .iter()
                .map(|m| self.message_json(m))
                .collect(),
        ))
    }

    pub(crate) fn post_message(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
    ) -> Answer {
        let body = match required(form, "body") {
            Ok(b) => b.to_owned(),
            Err(e) => return e,
        };
        let self_unread = match flag(form, "self_unread") {
            Ok(f) => f,
            Err(e) => return e,
        };
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        if r.members.get(&account) == Some(&Role::Readonly) {
            return forbidden("You don't have permission to send messages in this room");
        }
        let id = r.id;
        if let Err(e) = self.take_post_slot(id) {
            return e;
        }
        self.next_message += 1;
        let message_id = self.next_message;
        let Some(r) = self.rooms.get_mut(&id) else {
            return not_found();
        };
        r.messages.push(Message {
            id: message_id,
            account,
            body,
            send_time: now(),
            update_time: 0,
        });
        if !self_unread {
            r.read_up_to.insert(account, r.messages.len());
        }
        r.last_update_time = now();
        self.message_event(id, message_id, false);
        Answer::Json(json!({"message_id": message_id.to_string()}))
    }

    pub(super) fn find_message(
        &self,
        account: i64,
        room: &str,
        id: &str,
    ) -> Result<(i64, usize), Answer> {
        self.find_in_room(account, room, id, |r| &r.messages, |m| m.id)
    }

    pub(crate) fn get_message(&self, account: i64, room: &str, id: &str) -> Answer {
        match self.find_message(account, room, id) {
            Ok((room, i)) => Answer::Json(self.message_json(&self.rooms[&room].messages[i])),
            Err(e) => e,
        }
    }

    pub(crate) fn update_message(
        &mut self,
        account: i64,
        room: &str,
        id: &str,
        form: &[(String, String)],
    ) -> Answer {
        let (room, i) = match self.find_message(account, room, id) {
            Ok(x) => x,
            Err(e) => return e,
        };
        let body = match required(form, "body") {
            Ok(b) => b,
            Err(e) => return e,
        };
        let Some(r) = self.rooms.get_mut(&room) else {
            return not_found();
        };
        let m = &mut r.messages[i];
        if m.account != account {
            return forbidden("Only the author can edit a message");
        }
        m.body = body.into();
        m.update_time = now();
        let id = m.id;
        self.message_event(room, id, true);
        Answer::Json(json!({"message_id": id.to_string()}))
    }

    pub(crate) fn delete_message(&mut self, account: i64, room: &str, id: &str) -> Answer {
        let (room, i) = match self.find_message(account, room, id) {
            Ok(x) => x,
            Err(e) => return e,
        };
        let Some(r) = self.rooms.get_mut(&room) else {
            return not_found();
        };
        if r.messages[i].account != account {
            return forbidden("Only the author can delete a message");
        }
        let m = r.messages.remove(i);
        // Cursors and read marks past the removed message move back by one.
        for c in r.cursor.values_mut().chain(r.read_up_to.values_mut()) {
            if *c > i {
                *c -= 1;
            }
        }
        Answer::Json(json!({"message_id": m.id.to_string()}))
    }

    pub(crate) fn mark(
        &mut self,
        account: i64,
        room: &str,
        form: &[(String, String)],
        read: bool,
    ) -> Answer {
        let target = match field(form, "message_id") {
            None if read => None,
            None => return bad("Parameter 'message_id' is required"),
            Some(id) => match self.find_message(account, room, id) {
                Ok((_, i)) => Some(i),
                Err(e) => return e,
            },
        };
        let r = match self.room_mut(account, room) {
            Ok(r) => r,
            Err(e) => return e,
        };
        let read_up_to = r.read_up_to.get(&account).copied().unwrap_or(0);
        let up_to = match (read, target) {
            // Chatwork answers 400 for a message that is already read.
            (true, Some(i)) if i < read_up_to => {
                return bad("The message is already read");
            }
            (true, Some(i)) => i + 1,
            (true, None) => r.messages.len(),
            (false, Some(i)) => i,
            (false, None) => r.messages.len(),
        };
        r.read_up_to.insert(account, up_to);
        let (unread, mentions) = r.unread(account);
        Answer::Json(json!({"unread_num": unread, "mention_num": mentions}))
    }

    /// The room-post window check shared by messages and tasks: `Err` is Chatwork's 429.
    pub(super) fn take_post_slot(&mut self, room: i64) -> Result<(), Answer> {
        let now = self.clock_ms();
        let (window, max) = (
            self.limits.room_window.as_millis() as u64,
            self.limits.room_posts,
        );
        let posts = self.room_posts.entry(room).or_default();
        while posts
            .front()
            .is_some_and(|t| now.saturating_sub(*t) >= window)
        {
            posts.pop_front();
        }
        if posts.len() >= max {
            return Err(Answer::Error(
                429,
                "Rate limit for message posting per room exceeded.".into(),
            ));
        }
        posts.push_back(now);
        Ok(())
    }
}
