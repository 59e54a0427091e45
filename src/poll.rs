//! Polling a room for new messages, as a lazy stream.

use std::collections::{HashSet, VecDeque};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::future::BoxFuture;
use futures_util::stream::{FusedStream, Stream};
use futures_util::{FutureExt as _, ready};

use crate::Client;
use crate::error::Error;
use crate::generated::types::Message;
use crate::model::{MessageId, RoomId};
use crate::response::Response;

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
    /// **Nothing is lost.** A poll without `force` hands its messages out for good, so it is
    /// never sent twice blindly: after a failure that may have lost an answer (a timeout, a
    /// dropped connection, a 5xx), the next poll asks with `force=1` for the latest 100 and
    /// yields those not yielded yet (and not older than the newest one yielded). Messages
    /// fetched but not yet yielded stay in the stream: when you stop early (`take(n)` on
    /// `by_ref()`, a `break`), get them with [`MessageStream::take_pending`], or with
    /// [`MessageStream::close`], which also finishes a poll in flight. Dropping the stream
    /// drops them.
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
    ///         Ok(m) if m.body == "stop" => break,
    ///         Ok(m) => println!("{}: {}", m.account.name, m.body),
    ///         Err(e) => eprintln!("polling stopped: {e}"),
    ///     }
    /// }
    /// // Fetched after "stop" but not yielded: Chatwork will not return them again.
    /// for m in messages.close().await {
    ///     println!("left over: {}", m.body);
    /// }
    /// # }
    /// ```
    pub fn message_stream(&self, room_id: impl Into<RoomId>, every: Duration) -> MessageStream {
        MessageStream {
            client: self.clone(),
            room: room_id.into(),
            every,
            queue: VecDeque::new(),
            seen: Seen::default(),
            newest: None,
            recover: false,
            failures: 0,
            done: false,
            phase: Phase::Ready,
        }
    }
}

type Fetch = BoxFuture<'static, Result<Response<Vec<Message>>, Error>>;

enum Phase {
    /// Fetch on the next poll.
    Ready,
    /// Waiting before the next fetch.
    Waiting(Pin<Box<tokio::time::Sleep>>),
    /// A fetch is in flight; `bool`: it is a recovery fetch (`force=1`).
    Fetching(Fetch, bool),
}

/// The stream returned by [`Client::message_stream`].
pub struct MessageStream {
    client: Client,
    room: RoomId,
    every: Duration,
    queue: VecDeque<Message>,
    seen: Seen,
    /// The send time of the newest message yielded or queued.
    newest: Option<i64>,
    /// The last poll may have lost an answer: ask with `force=1` next.
    recover: bool,
    failures: u32,
    done: bool,
    phase: Phase,
}

impl std::fmt::Debug for MessageStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MessageStream")
            .field("room", &self.room)
            .field("every", &self.every)
            .field("pending", &self.queue.len())
            .field("recover", &self.recover)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl MessageStream {
    /// The messages fetched but not yet yielded, oldest first.
    pub fn pending(&self) -> impl ExactSizeIterator<Item = &Message> {
        self.queue.iter()
    }

    /// Takes the messages fetched but not yet yielded, oldest first; the stream goes on
    /// with later ones.
    pub fn take_pending(&mut self) -> Vec<Message> {
        self.queue.drain(..).collect()
    }

    /// Stops polling and returns every message fetched but not yielded, oldest first,
    /// including those of a poll in flight (it is awaited: Chatwork may already have handed
    /// its messages out). A failure of that last poll is logged and leaves only the earlier
    /// ones.
    pub async fn close(mut self) -> Vec<Message> {
        if let Phase::Fetching(fetch, recovery) = std::mem::replace(&mut self.phase, Phase::Ready) {
            match fetch.await {
                Ok(list) => self.accept(list.into_inner(), recovery),
                Err(e) => {
                    tracing::debug!(room = self.room.get(), error = %e, "last message poll failed")
                }
            }
        }
        self.take_pending()
    }

    fn start_fetch(&mut self) {
        let client = self.client.clone();
        let room = self.room;
        let force = self.recover;
        let fetch = async move {
            let request = client.list_messages().room_id(room);
            let request = if force { request.force(true) } else { request };
            request.send().await
        }
        .boxed();
        self.phase = Phase::Fetching(fetch, force);
    }

    /// Queues the messages not yielded yet. After a recovery fetch (the latest 100), only
    /// those not older than the newest already seen: older ones were handed out before.
    fn accept(&mut self, messages: Vec<Message>, recovery: bool) {
        for m in messages {
            if recovery && self.newest.is_some_and(|t| m.send_time < t) {
                continue;
            }
            if self.seen.insert(&m.message_id) {
                self.newest = Some(self.newest.map_or(m.send_time, |t| t.max(m.send_time)));
                self.queue.push_back(m);
            }
        }
    }

    fn wait(&mut self, d: Duration) {
        self.phase = Phase::Waiting(Box::pin(tokio::time::sleep(d)));
    }
}

impl Stream for MessageStream {
    type Item = Result<Message, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(m) = this.queue.pop_front() {
                return Poll::Ready(Some(Ok(m)));
            }
            if this.done {
                return Poll::Ready(None);
            }
            match &mut this.phase {
                Phase::Ready => this.start_fetch(),
                Phase::Waiting(sleep) => {
                    ready!(sleep.as_mut().poll(cx));
                    this.phase = Phase::Ready;
                }
                Phase::Fetching(fetch, recovery) => {
                    let recovery = *recovery;
                    let result = ready!(fetch.as_mut().poll(cx));
                    match result {
                        Ok(list) => {
                            this.failures = 0;
                            this.recover = false;
                            this.accept(list.into_inner(), recovery);
                            this.wait(this.every);
                        }
                        Err(e) if transient(&e) => {
                            this.failures += 1;
                            // Unless Chatwork surely did not act (a 429, a connection never
                            // made), the lost answer may have held messages: recover them.
                            this.recover |= !e.is_retryable();
                            let backoff = this
                                .every
                                .saturating_mul(1 << this.failures.min(10))
                                .min(MAX_FAILURE_BACKOFF);
                            tracing::debug!(
                                room = this.room.get(),
                                error = %e,
                                recover = this.recover,
                                wait_ms = backoff.as_millis() as u64,
                                "message poll failed; retrying"
                            );
                            this.wait(backoff);
                        }
                        Err(e) => {
                            this.done = true;
                            this.phase = Phase::Ready;
                            return Poll::Ready(Some(Err(e)));
                        }
                    }
                }
            }
        }
    }
}

impl FusedStream for MessageStream {
    fn is_terminated(&self) -> bool {
        self.done && self.queue.is_empty()
    }
}

/// A failure worth polling again after: the transport, a 429 or a 5xx. (A poll without
/// `force` is not [`is_retryable`](Error::is_retryable) after a 5xx, since its answer may be
/// lost; the stream recovers it with `force=1` instead.)
fn transient(e: &Error) -> bool {
    match e {
        Error::Transport(_) => true,
        Error::Api(a) => matches!(a.status(), 429 | 500 | 502 | 503 | 504),
        _ => false,
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
