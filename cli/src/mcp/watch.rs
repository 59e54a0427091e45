//! New messages in a room, for subscriptions and `wait_for_messages`: one poller per room
//! and account, however many wait on it, stopped when nobody does.
//!
//! The poller asks for the latest messages (`force=1`, so the per-token "not yet returned"
//! state that `list_messages` without `force` consumes is left alone) and hands on those
//! newer than the newest it has seen. Its first answer counts messages sent since the
//! poller started, measured on Chatwork's clock (the answer's `Date`), so a message posted
//! just after a subscription is never taken for an old one. At most the latest 100 are
//! visible per poll: a room that gets more than 100 messages between two polls loses the
//! oldest of them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chatwork::Client;
use chatwork::model::MessageId;
use chatwork::types::Message;
use tokio::sync::broadcast;

use super::tools::ToolError;

/// What a poller hands on.
#[derive(Clone, Debug)]
pub enum Event {
    /// New messages, oldest first.
    Messages(Arc<Vec<Message>>),
    /// The poller stopped: Chatwork refused (401, 403, 404); the text says why.
    Stopped(Arc<String>),
}

/// The pollers of one account.
pub struct Watches {
    client: Client,
    every: Duration,
    rooms: Mutex<HashMap<i64, broadcast::Sender<Event>>>,
}

fn numeric(id: &MessageId) -> u128 {
    id.to_string().parse().unwrap_or(0)
}

fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Watches {
    pub fn new(client: Client, every: Duration) -> Self {
        Self {
            client,
            every,
            rooms: Mutex::new(HashMap::new()),
        }
    }

    /// Receives the room's new messages from now on (starting its poller if none runs).
    pub fn subscribe(&self, room_id: i64) -> broadcast::Receiver<Event> {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(tx) = rooms.get(&room_id)
            && tx.receiver_count() > 0
        {
            return tx.subscribe();
        }
        let (tx, rx) = broadcast::channel(64);
        rooms.insert(room_id, tx.clone());
        tokio::spawn(poll(
            self.client.clone(),
            room_id,
            self.every,
            now_secs(),
            tx,
        ));
        rx
    }

    /// Messages newer than `after` (at once, if there are any), or else the first ones
    /// posted within `timeout`. An empty list when none came.
    pub async fn wait(
        &self,
        room_id: i64,
        after: Option<MessageId>,
        timeout: Duration,
    ) -> Result<Vec<Message>, ToolError> {
        let mut rx = self.subscribe(room_id);
        if let Some(after) = after {
            let after = numeric(&after);
            let latest = self
                .client
                .list_messages()
                .room_id(room_id)
                .force(true)
                .send()
                .await?
                .into_inner();
            let newer: Vec<Message> = latest
                .into_iter()
                .filter(|m| numeric(&m.message_id) > after)
                .collect();
            if !newer.is_empty() {
                return Ok(newer);
            }
        }
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            match tokio::time::timeout_at(deadline, rx.recv()).await {
                Err(_) => return Ok(Vec::new()),
                Ok(Ok(Event::Messages(m))) => return Ok(m.to_vec()),
                Ok(Ok(Event::Stopped(why))) => {
                    return Err(ToolError::new(format!(
                        "watching room {room_id} stopped: {why}"
                    )));
                }
                // Fell behind by more than the channel holds: keep going with what follows.
                Ok(Err(broadcast::error::RecvError::Lagged(_))) => continue,
                Ok(Err(broadcast::error::RecvError::Closed)) => {
                    return Err(ToolError::new(format!("watching room {room_id} stopped")));
                }
            }
        }
    }
}

/// Polls the room until nobody listens or Chatwork refuses.
async fn poll(
    client: Client,
    room_id: i64,
    every: Duration,
    started: i64,
    tx: broadcast::Sender<Event>,
) {
    let mut newest: Option<u128> = None;
    let mut failures = 0u32;
    loop {
        if tx.receiver_count() == 0 {
            return;
        }
        let answer = client
            .list_messages()
            .room_id(room_id)
            .force(true)
            .send()
            .await;
        match answer {
            Ok(response) => {
                failures = 0;
                let server_now = response
                    .rate_limit()
                    .and_then(|r| r.server_time)
                    .map_or_else(now_secs, |t| t as i64);
                let messages = response.into_inner();
                let fresh: Vec<Message> = match newest {
                    Some(n) => messages
                        .into_iter()
                        .filter(|m| numeric(&m.message_id) > n)
                        .collect(),
                    None => {
                        // Chatwork's time when the poller started: its clock, not ours.
                        let skew = server_now - now_secs();
                        let since = started + skew - 1;
                        let newest_seen = messages.iter().map(|m| numeric(&m.message_id)).max();
                        newest = Some(newest_seen.unwrap_or(0));
                        messages
                            .into_iter()
                            .filter(|m| m.send_time >= since)
                            .collect()
                    }
                };
                if let Some(max) = fresh.iter().map(|m| numeric(&m.message_id)).max() {
                    newest = Some(newest.map_or(max, |n| n.max(max)));
                }
                if !fresh.is_empty() {
                    let _ = tx.send(Event::Messages(Arc::new(fresh)));
                }
            }
            Err(chatwork::Error::Api(e)) if matches!(e.status(), 401 | 403 | 404) => {
                let why = ToolError::from(chatwork::Error::Api(e)).0;
                let _ = tx.send(Event::Stopped(Arc::new(why)));
                return;
            }
            Err(e) => {
                failures += 1;
                log_failure(room_id, &e);
            }
        }
        let pause = every * 2u32.saturating_pow(failures.min(5));
        tokio::time::sleep(pause.min(Duration::from_secs(300))).await;
    }
}

/// A transient failure of a poller: said on stderr (stdout carries the protocol).
fn log_failure(room_id: i64, e: &chatwork::Error) {
    eprintln!("chatwork mcp: polling room {room_id} failed (will retry): {e}");
}
