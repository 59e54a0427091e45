//! Webhooks as registered in Chatwork's settings, and the events they deliver.

use super::{Answer, World, bad, not_found, now};
use crate::webhooks::{
    MAX_WEBHOOKS_PER_ACCOUNT, MessageEvent, NewWebhook, Outgoing, Webhook, WebhookTarget,
};

impl World {
    /// Records a message event for the webhooks.
    pub(super) fn message_event(&mut self, room: i64, message_id: u64, updated: bool) {
        if self.webhooks.is_empty() {
            return;
        }
        let Some(r) = self.rooms.get(&room) else {
            return;
        };
        let Some(m) = r.messages.iter().find(|m| m.id == message_id) else {
            return;
        };
        self.events.push(MessageEvent {
            updated,
            room_id: room,
            message_id,
            account_id: m.account,
            body: m.body.clone(),
            send_time: m.send_time,
            update_time: m.update_time,
            members: r.members.keys().copied().collect(),
        });
    }

    /// The deliveries of the events since the last call.
    pub(crate) fn take_deliveries(&mut self) -> Vec<Outgoing> {
        let events = std::mem::take(&mut self.events);
        events
            .iter()
            .flat_map(|e| crate::webhooks::deliveries(&self.webhooks, e, now()))
            .collect()
    }

    pub(crate) fn register_webhook(
        &mut self,
        account: i64,
        new: NewWebhook,
    ) -> Result<Webhook, Answer> {
        if !(new.url.starts_with("http://") || new.url.starts_with("https://")) {
            return Err(bad(
                "The webhook URL must start with https:// (or http:// on the mock)",
            ));
        }
        if self
            .webhooks
            .iter()
            .filter(|h| h.account_id == account)
            .count()
            >= MAX_WEBHOOKS_PER_ACCOUNT
        {
            return Err(bad(format!(
                "An account can have at most {MAX_WEBHOOKS_PER_ACCOUNT} webhooks"
            )));
        }
        if let WebhookTarget::Room { room_id, .. } = &new.target {
            self.room_of(account, &room_id.to_string())?;
        }
        self.next_webhook += 1;
        let id = self.next_webhook.to_string();
        let token = match new.token {
            Some(t) if crate::webhooks::sign(&t, b"").is_some() && !t.trim().is_empty() => t,
            Some(_) => return Err(bad("The webhook token must be Base64 text")),
            None => crate::webhooks::make_token(&id),
        };
        let hook = Webhook {
            id,
            account_id: account,
            url: new.url,
            token,
            target: new.target,
            enabled: true,
            failures_in_a_row: 0,
        };
        self.webhooks.push(hook.clone());
        Ok(hook)
    }

    pub(crate) fn webhooks_of(&self, account: Option<i64>) -> Vec<Webhook> {
        self.webhooks
            .iter()
            .filter(|h| account.is_none_or(|a| h.account_id == a))
            .cloned()
            .collect()
    }

    /// Removes (`enable: None`) or enables/disables one of the account's webhooks.
    pub(crate) fn change_webhook(
        &mut self,
        account: i64,
        id: &str,
        enable: Option<bool>,
    ) -> Result<Webhook, Answer> {
        let i = self
            .webhooks
            .iter()
            .position(|h| h.id == id && h.account_id == account)
            .ok_or_else(not_found)?;
        match enable {
            None => Ok(self.webhooks.remove(i)),
            Some(on) => {
                let h = &mut self.webhooks[i];
                h.enabled = on;
                h.failures_in_a_row = 0;
                Ok(h.clone())
            }
        }
    }

    /// Counts a delivery's result; too many failures in a row disable the webhook.
    pub(crate) fn delivered(&mut self, webhook: &str, ok: bool) {
        let limit = self.limits.webhook_failures_to_disable;
        if let Some(h) = self.webhooks.iter_mut().find(|h| h.id == webhook) {
            if ok {
                h.failures_in_a_row = 0;
            } else {
                h.failures_in_a_row += 1;
                if h.failures_in_a_row >= limit {
                    h.enabled = false;
                }
            }
        }
    }
}
