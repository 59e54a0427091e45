//! Accounts: who a token is, `/me`, `/my/status`, profiles, and each token's request budget.

use std::time::Instant;

use serde_json::{Value, json};

use super::{Account, Answer, Rate, World, not_found, now};

impl World {
    pub(crate) fn account_by_token(&self, token: &str) -> Option<i64> {
        self.accounts
            .iter()
            .find(|a| a.token == token)
            .map(|a| a.id)
    }

    /// The account of an OAuth access token issued by the mock.
    pub(crate) fn account_by_access_token(&self, token: &str) -> Option<i64> {
        self.oauth.access.get(token).copied()
    }

    /// A seeded account by its lower-case first name.
    pub(crate) fn account_by_name(&self, name: &str) -> Option<i64> {
        self.accounts
            .iter()
            .find(|a| a.name.to_lowercase() == name)
            .map(|a| a.id)
    }

    pub(super) fn account(&self, id: i64) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    pub(super) fn account_ref(&self, id: i64) -> Value {
        let name = self.account(id).map(|a| a.name.clone()).unwrap_or_default();
        json!({"account_id": id, "name": name, "avatar_image_url": format!("https://example.invalid/avatar/{id}.png")})
    }

    /// The headers of a full budget, for answers that count against no token.
    pub(crate) fn unspent(&self) -> Rate {
        Rate {
            limit: self.limits.requests,
            remaining_before: self.limits.requests,
            remaining_after: self.limits.requests,
            reset: now() as u64 + self.limits.window.as_secs(),
        }
    }

    /// Counts a request against the token's budget.
    pub(crate) fn spend(&mut self, account: i64) -> Rate {
        let limits = &self.limits;
        let entry = self.budgets.entry(account).or_insert((
            Instant::now(),
            now() as u64 + limits.window.as_secs(),
            0,
        ));
        if entry.0.elapsed() >= limits.window {
            *entry = (Instant::now(), now() as u64 + limits.window.as_secs(), 0);
        }
        let remaining_before = limits.requests.saturating_sub(entry.2);
        if remaining_before > 0 {
            entry.2 += 1;
        }
        Rate {
            limit: limits.requests,
            remaining_before,
            remaining_after: limits.requests.saturating_sub(entry.2),
            reset: entry.1,
        }
    }

    pub(super) fn profile_json(&self, id: i64) -> Value {
        let name = self.account(id).map(|a| a.name.clone()).unwrap_or_default();
        json!({
            "account_id": id, "name": name, "chatwork_id": "", "organization_id": 0,
            "organization_name": "", "department": "",
            "avatar_image_url": format!("https://example.invalid/avatar/{id}.png"),
        })
    }

    pub(crate) fn me(&self, account: i64) -> Answer {
        let Some(a) = self.account(account) else {
            return not_found();
        };
        Answer::Json(json!({
            "account_id": a.id, "room_id": a.my_room, "name": a.name,
            "chatwork_id": "", "organization_id": 0, "organization_name": "", "department": "",
            "title": "", "url": "", "introduction": "", "mail": "", "tel_organization": "",
            "tel_extension": "", "tel_mobile": "", "skype": "", "facebook": "", "twitter": "",
            "avatar_image_url": format!("https://example.invalid/avatar/{}.png", a.id),
            "login_mail": format!("{}@example.invalid", a.name.to_lowercase()),
        }))
    }

    pub(crate) fn my_status(&self, account: i64) -> Answer {
        let (mut unread_room, mut unread) = (0, 0);
        for r in self
            .rooms
            .values()
            .filter(|r| r.members.contains_key(&account))
        {
            let read = r.read_up_to.get(&account).copied().unwrap_or(0);
            let n = r.messages.len().saturating_sub(read);
            if n > 0 {
                unread_room += 1;
                unread += n;
            }
        }
        Answer::Json(json!({
            "unread_room_num": unread_room, "mention_room_num": 0, "mytask_room_num": 0,
            "unread_num": unread, "mention_num": 0, "mytask_num": 0,
        }))
    }
}
