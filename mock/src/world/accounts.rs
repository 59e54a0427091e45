//! Accounts: who a token is, `/me`, `/my/status`, profiles, and each token's request budget.

use serde_json::{Value, json};

use super::{Account, Answer, Budget, Rate, World, not_found};

impl World {
    /// Adds an account (the admin route; Chatwork has no API for it): `name` of 1 to 64
    /// letters, digits, `-` and `_`, not taken (case-insensitively). Returns its ID and API
    /// token.
    pub(crate) fn add_account(&mut self, name: &str) -> Result<(i64, String), Answer> {
        let valid = !name.is_empty()
            && name.len() <= 64
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'));
        if !valid {
            return Err(Answer::Error(
                400,
                "Parameter 'name' must be 1 to 64 letters, digits, '-' or '_'".into(),
            ));
        }
        if self.account_by_name(&name.to_lowercase()).is_some() {
            return Err(Answer::Error(
                400,
                format!("The account {name:?} exists already"),
            ));
        }
        let id = self.accounts.iter().map(|a| a.id).max().unwrap_or(1000) + 1;
        let token = format!("{}-token-{id}", name.to_lowercase());
        self.push_account(id, name, token.clone());
        Ok((id, token))
    }

    /// The one way an account comes to be, seeded or added: with its own "my chat", as every
    /// Chatwork account has.
    pub(super) fn push_account(&mut self, id: i64, name: &str, token: String) {
        let my_room = self.add_room("my", name, [(id, super::Role::Admin)]);
        self.accounts.push(Account {
            id,
            name: name.to_owned(),
            token,
            my_room,
        });
    }

    /// Every account's ID and name, in the order they were made (the consent screen's
    /// chooser).
    pub(crate) fn people(&self) -> Vec<(i64, String)> {
        self.accounts
            .iter()
            .map(|a| (a.id, a.name.clone()))
            .collect()
    }

    pub(crate) fn account_by_token(&self, token: &str) -> Option<i64> {
        self.accounts
            .iter()
            .find(|a| a.token == token)
            .map(|a| a.id)
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
            reset: (self.clock_ms() + self.limits.window.as_millis() as u64) / 1000,
        }
    }

    /// Counts a request against the token's budget.
    pub(crate) fn spend(&mut self, account: i64) -> Rate {
        let now = self.clock_ms();
        let limits = &self.limits;
        let fresh = Budget {
            reset_ms: now + limits.window.as_millis() as u64,
            used: 0,
        };
        let entry = self.budgets.entry(account).or_insert(fresh);
        if now >= entry.reset_ms {
            *entry = fresh;
        }
        let remaining_before = limits.requests.saturating_sub(entry.used);
        if remaining_before > 0 {
            entry.used += 1;
        }
        // The reset second, rounded down, as the old Instant-based windows reported it
        // (Chatwork's rounding is not documented; the SDK waits a second past it).
        Rate {
            limit: limits.requests,
            remaining_before,
            remaining_after: limits.requests.saturating_sub(entry.used),
            reset: entry.reset_ms / 1000,
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
        // (rooms with some, total) of unread messages, unread mentions and open tasks.
        let mut counts = [(0, 0); 3];
        for r in self
            .rooms
            .values()
            .filter(|r| r.members.contains_key(&account))
        {
            let (unread, mentions) = r.unread(account);
            for (count, n) in counts
                .iter_mut()
                .zip([unread, mentions, r.open_tasks_of(account)])
            {
                count.0 += usize::from(n > 0);
                count.1 += n;
            }
        }
        let [unread, mention, mytask] = counts;
        Answer::Json(json!({
            "unread_room_num": unread.0, "mention_room_num": mention.0,
            "mytask_room_num": mytask.0, "unread_num": unread.1, "mention_num": mention.1,
            "mytask_num": mytask.1,
        }))
    }
}
