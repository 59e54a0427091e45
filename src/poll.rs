//! Polling a room for new messages, as a lazy stream.

use std::collections::{HashSet, VecDeque};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::stream::{BoxStream, Stream, StreamExt};

use crate::Client;
use crate::error::Error;
use crate::generated::types::Message;
use crate::model::{MessageId, RoomId};

/// How many message IDs a stream remembers to never yield a message twice.
const REMEMBERED_IDS: usize = 10_000;
/// The longest pause after repeated transient failures.
const MAX_FAILURE_BACKOFF: Duration = Duration::from_secs(300);

impl Client {
    /// A stream of the room's new messages, polled every `every` (10 seconds is a sensible
    /// choice: it costs 30 of the 300 requests per 5 minutes).
    ///
    /// It uses `list_messages` without `force`: Chatwork returns only the messages not yet
    /// returned to this token, so the first poll yields the backlog Chatwork still holds for
    /// it (at most 100) and later polls only new ones. Each message is yielded once, in order;
    /// `204 No Content` answers and transient failures (connection problems, 5xx, 429s beyond
    /// the client's retries) are waited out with backoff. A permanent failure (401, 403, 404,
    /// an undecodable answer) is yielded as the last item. The stream is lazy (nothing is
    /// fetched until it is polled), respects the client's rate limits, and stops when dropped;
    /// cap it with `StreamExt::take`.
    ///
    /// **Polling or webhooks?** Polling needs no public endpoint and sees every message of a
    /// room, but costs a request per interval and per room and lags by up to the interval.
    /// Webhooks deliver at once and cost nothing, but need an HTTPS endpoint reachable by
    /// Chatwork, are never retried by Chatwork, and are limited to 5 per account. Two pollers
    /// on the same token split the messages between them (the "not yet returned" state is
    /// kept per token), and edits of already-yielded messages are not yielded again.
    ///
    /// ```no_run
    /// use futures_util::StreamExt;
    /// # async fn run(client: chatwork::Client) {
    /// let mut messages = client.message_stream(123, std::time::Duration::from_secs(10));
    /// while let Some(message) = messages.next().await {
    ///     match message {
    ///         Ok(m) => println!("{}: {}", m.account.name, m.body),
    ///         Err(e) => eprintln!("polling stopped: {e}"),
    ///     }
    /// }
    /// # }
    /// ```
    pub fn message_stream(&self, room_id: impl Into<RoomId>, every: Duration) -> MessageStream {
        let state = State {
            client: self.clone(),
            room: room_id.into(),
            every,
            queue: VecDeque::new(),
            seen: Seen::default(),
            wait: None,
            failures: 0,
            done: false,
        };
        MessageStream {
            inner: futures_util::stream::unfold(state, next).boxed(),
        }
    }
}

/// The stream returned by [`Client::message_stream`].
pub struct MessageStream {
    inner: BoxStream<'static, Result<Message, Error>>,
}

impl std::fmt::Debug for MessageStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MessageStream")
    }
}

impl Stream for MessageStream {
    type Item = Result<Message, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.poll_next_unpin(cx)
    }
}

#[derive(Default)]
struct Seen {
    order: VecDeque<MessageId>,
    set: HashSet<MessageId>,
}

impl Seen {
    fn insert(&mut self, id: &MessageId) -> bool {
        if !self.set.insert(id.clone()) {
            return false;
        }
        self.order.push_back(id.clone());
        if self.order.len() > REMEMBERED_IDS
            && let Some(old) = self.order.pop_front()
        {
            self.set.remove(&old);
        }
        true
    }
}

struct State {
    client: Client,
    room: RoomId,
    every: Duration,
    queue: VecDeque<Message>,
    seen: Seen,
    wait: Option<Duration>,
    failures: u32,
    done: bool,
}

async fn next(mut s: State) -> Option<(Result<Message, Error>, State)> {
    loop {
        if s.done {
            return None;
        }
        if let Some(m) = s.queue.pop_front() {
            return Some((Ok(m), s));
        }
        if let Some(wait) = s.wait.take() {
            tokio::time::sleep(wait).await;
        }
        match s.client.list_messages().room_id(s.room).send().await {
            Ok(list) => {
                s.failures = 0;
                s.wait = Some(s.every);
                for m in list.into_inner() {
                    if s.seen.insert(&m.message_id) {
                        s.queue.push_back(m);
                    }
                }
            }
            Err(e) if e.is_retryable() => {
                s.failures += 1;
                let backoff = s
                    .every
                    .saturating_mul(1 << s.failures.min(10))
                    .min(MAX_FAILURE_BACKOFF);
                tracing::debug!(room = s.room.get(), error = %e, wait_ms = backoff.as_millis() as u64, "message poll failed; retrying");
                s.wait = Some(backoff);
            }
            Err(e) => {
                s.done = true;
                return Some((Err(e), s));
            }
        }
    }
}
