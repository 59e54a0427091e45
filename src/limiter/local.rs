//! [`LocalLimiter`]: the token's budget and each room's posting pace, in this process.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use super::{
    LimiterError, LimiterFuture, PostReservation, PostSlot, RESET_MARGIN, ROOM_WINDOW, RateLimiter,
};
use crate::model::RoomId;
use crate::response::RateLimit;

/// The in-process [`RateLimiter`]: it counts requests down from the last `remaining` that
/// Chatwork reported and, at zero, holds requests until the reset time; and it spaces posts
/// so that at most 10 (by default) go to one room in any 10 seconds.
#[derive(Debug)]
pub struct LocalLimiter {
    window: TokenWindow,
    rooms: Option<RoomPacer>,
}

impl Default for LocalLimiter {
    fn default() -> Self {
        Self::new()
    }
}

impl LocalLimiter {
    /// Chatwork's limits: the token budget from the answers' headers, 10 posts per 10
    /// seconds per room.
    pub fn new() -> Self {
        Self {
            window: TokenWindow::default(),
            rooms: Some(RoomPacer::new(10, ROOM_WINDOW)),
        }
    }

    /// At most `max` posts to one room in any `per` window.
    pub fn with_room_post_limit(mut self, max: usize, per: Duration) -> Self {
        self.rooms = Some(RoomPacer::new(max, per));
        self
    }

    /// The token budget only; posts are not spaced.
    pub fn without_room_pacing(mut self) -> Self {
        self.rooms = None;
        self
    }
}

impl RateLimiter for LocalLimiter {
    fn reserve(&self) -> LimiterFuture<'_, Result<Option<Duration>, LimiterError>> {
        Box::pin(std::future::ready(Ok(self.window.reserve())))
    }

    fn observe(&self, snapshot: RateLimit) -> LimiterFuture<'_, ()> {
        self.window.observe(snapshot);
        Box::pin(std::future::ready(()))
    }

    fn reserve_post(
        &self,
        room: RoomId,
    ) -> LimiterFuture<'_, Result<PostReservation, LimiterError>> {
        let reservation = match &self.rooms {
            Some(p) => p.reserve_slot(room.get()),
            None => PostReservation::Reserved {
                wait: Duration::ZERO,
                slot: PostSlot(0),
            },
        };
        Box::pin(std::future::ready(Ok(reservation)))
    }

    fn settle_post(&self, room: RoomId, slot: PostSlot) -> LimiterFuture<'_, ()> {
        if let Some(p) = &self.rooms {
            p.settle(room.get(), slot);
        }
        Box::pin(std::future::ready(()))
    }

    fn hold_room(&self, room: RoomId, wait: Duration) -> LimiterFuture<'_, ()> {
        if let Some(p) = &self.rooms {
            p.hold(room.get(), wait);
        }
        Box::pin(std::future::ready(()))
    }

    fn room_window(&self) -> Duration {
        self.rooms.as_ref().map_or(ROOM_WINDOW, |p| p.per)
    }
}

/// The token's budget as last reported: counts down, and at zero holds until the reset.
#[derive(Debug, Default)]
struct TokenWindow {
    window: Mutex<Option<Window>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    reset: u64,
    remaining: u32,
    deadline: Instant,
}

impl TokenWindow {
    fn reserve(&self) -> Option<Duration> {
        let mut window = self.window.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        match window.as_mut() {
            None => None,
            Some(w) if now >= w.deadline => {
                *window = None;
                None
            }
            Some(w) if w.remaining > 0 => {
                w.remaining -= 1;
                None
            }
            Some(w) => Some(w.deadline - now),
        }
    }

    fn observe(&self, snapshot: RateLimit) {
        let mut window = self.window.lock().unwrap_or_else(|e| e.into_inner());
        // Chatwork's reset, on Chatwork's clock: how far it is from the answer's own time.
        let deadline = Instant::now() + snapshot.reset_in() + RESET_MARGIN;
        match window.as_mut() {
            Some(w) if w.reset == snapshot.reset => {
                w.remaining = w.remaining.min(snapshot.remaining)
            }
            Some(w) if w.reset > snapshot.reset => {}
            _ => {
                *window = Some(Window {
                    reset: snapshot.reset,
                    remaining: snapshot.remaining,
                    deadline,
                });
            }
        }
    }
}

/// Spaces message posts and task creations per room: at most `max` in any `per` window.
///
/// Each room keeps the slots of its window: past and in-flight posts, and posts waiting for
/// a later slot. A slot's time is an estimate of when Chatwork stamps the post until its
/// answer arrives ([`settle`](Self::settle)); a later slot is never computed from an
/// estimate, so a post that took long to arrive cannot let the next one in too early.
#[derive(Debug)]
struct RoomPacer {
    max: usize,
    per: Duration,
    rooms: Mutex<Rooms>,
}

/// One post's place in a room's window.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// When it counts from: the planned send until settled, then the answer's arrival.
    at: Instant,
    id: u64,
    /// Whether `at` is final (the answer arrived, or the slot stands for a 429's hold).
    settled: bool,
}

#[derive(Debug, Default)]
struct Rooms {
    /// Per room, the slots that may still be in the window, in no particular order.
    sent: HashMap<i64, Vec<Slot>>,
    /// The last slot ID handed out.
    next_id: u64,
    /// Past this many rooms, rooms with no post in the window are forgotten.
    prune_at: usize,
}

/// Rooms kept before the first sweep of idle ones.
const MIN_PRUNE_AT: usize = 64;

impl RoomPacer {
    fn new(max: usize, per: Duration) -> Self {
        Self {
            max: max.max(1),
            per,
            rooms: Mutex::default(),
        }
    }

    /// The wait of the next reservation for `room`, whether a slot or "ask again".
    #[cfg(test)]
    fn reserve(&self, room: i64) -> Duration {
        match self.reserve_slot(room) {
            PostReservation::Reserved { wait, .. } | PostReservation::Retry(wait) => wait,
        }
    }

    /// After the post's answer: its slot counts from now, not from when it was sent.
    /// Chatwork stamps a post when it arrives; counting the window from the answer keeps the
    /// next post out of the window however long the request took. A slot that left the
    /// window while its post was in flight is put back.
    fn settle(&self, room: i64, reserved: PostSlot) {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let slots = rooms.sent.entry(room).or_default();
        match slots.iter_mut().find(|s| s.id == reserved.0) {
            Some(slot) => {
                slot.at = slot.at.max(now);
                slot.settled = true;
            }
            None => slots.push(Slot {
                at: now,
                id: reserved.0,
                settled: true,
            }),
        }
    }

    /// Reserves a slot now or later, or says when to ask again (when the slot that decides
    /// the wait is still an estimate).
    fn reserve_slot(&self, room: i64) -> PostReservation {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let (per, max) = (self.per, self.max);
        rooms.next_id += 1;
        let id = rooms.next_id;
        let slots = rooms.sent.entry(room).or_default();
        slots.retain(|s| s.at + per > now);
        let at = if slots.len() < max {
            now
        } else {
            // The new slot may go once all but `max - 1` slots have left the window: when
            // the `max`-th latest one does.
            slots.sort_unstable_by_key(|s| s.at);
            let decisive = slots[slots.len() - max];
            if !decisive.settled {
                let wait = decisive.at + per - now;
                rooms.prune(now, per);
                return PostReservation::Retry(wait);
            }
            decisive.at + per
        };
        slots.push(Slot {
            at,
            id,
            settled: false,
        });
        rooms.prune(now, per);
        PostReservation::Reserved {
            wait: at - now,
            slot: PostSlot(id),
        }
    }

    /// After a room-level 429: holds the room's next post until `wait` from now.
    fn hold(&self, room: i64, wait: Duration) {
        let mut rooms = self.rooms.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        // Slots taken at `free - per` all become free at `free`.
        let free = now + wait;
        let taken = free.checked_sub(self.per).unwrap_or(now);
        let slots = rooms.sent.entry(room).or_default();
        // Posts still in flight or waiting keep their slots, to be settled as usual.
        slots.retain(|s| !s.settled);
        slots.extend(std::iter::repeat_n(
            Slot {
                at: taken,
                id: 0,
                settled: true,
            },
            self.max,
        ));
        rooms.prune(now, self.per);
    }
}

impl Rooms {
    /// Forgets rooms whose last post left the window, when the map has doubled since the
    /// last sweep: memory stays proportional to the rooms posted to in one window, at an
    /// amortized constant cost per post.
    fn prune(&mut self, now: Instant, per: Duration) {
        if self.sent.len() <= self.prune_at.max(MIN_PRUNE_AT) {
            return;
        }
        self.sent
            .retain(|_, slots| slots.iter().any(|s| s.at + per > now));
        self.prune_at = self.sent.len() * 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{SystemTime, UNIX_EPOCH};

    fn unix_now() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }

    #[tokio::test(start_paused = true)]
    async fn local_budget_holds_at_zero_until_the_reset() {
        let b = TokenWindow::default();
        assert_eq!(b.reserve(), None, "unknown budget: go");
        b.observe(RateLimit::new(300, 2, unix_now() + 60));
        assert_eq!(b.reserve(), None);
        assert_eq!(b.reserve(), None);
        let wait = b.reserve().expect("spent");
        assert!(
            wait >= Duration::from_secs(60) && wait <= Duration::from_secs(62),
            "{wait:?}"
        );
        // An older window does not undo the newer one; the same window only counts down.
        b.observe(RateLimit::new(300, 50, unix_now() + 60));
        assert!(b.reserve().is_some());
        tokio::time::advance(wait).await;
        assert_eq!(b.reserve(), None, "past the reset: go");
    }

    #[tokio::test(start_paused = true)]
    async fn local_budget_ignores_an_older_window_and_takes_a_newer_one() {
        let b = TokenWindow::default();
        b.observe(RateLimit::new(300, 0, unix_now() + 60));
        assert!(b.reserve().is_some());
        // An answer of an older window (reset sooner) changes nothing.
        b.observe(RateLimit::new(300, 100, unix_now() + 30));
        assert!(b.reserve().is_some(), "an older window was taken");
        // A newer window (reset later) starts over.
        b.observe(RateLimit::new(300, 1, unix_now() + 120));
        assert_eq!(b.reserve(), None);
        let wait = b.reserve().expect("spent again");
        assert!(wait > Duration::from_secs(115), "{wait:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn room_pacer_allows_ten_per_ten_seconds_per_room() {
        let p = RoomPacer::new(10, Duration::from_secs(10));
        let mut slots = Vec::new();
        for _ in 0..10 {
            let PostReservation::Reserved { wait, slot } = p.reserve_slot(1) else {
                panic!("a free slot")
            };
            assert_eq!(wait, Duration::ZERO);
            slots.push(slot);
        }
        // The posts are in flight: their stamps are not known yet, so ask again later
        // rather than plan a slot on a guess.
        assert_eq!(
            p.reserve_slot(1),
            PostReservation::Retry(Duration::from_secs(10))
        );
        assert_eq!(p.reserve(2), Duration::ZERO, "other rooms are not held up");
        tokio::time::advance(Duration::from_secs(1)).await;
        for slot in slots {
            p.settle(1, slot);
        }
        // Answered: the window counts from the answers, and later slots are reserved, not
        // just counted.
        for _ in 0..10 {
            assert!(matches!(
                p.reserve_slot(1),
                PostReservation::Reserved { wait, .. } if wait == Duration::from_secs(10)
            ));
        }
        // The next ten depend on those planned ones, which are estimates until answered.
        assert_eq!(
            p.reserve_slot(1),
            PostReservation::Retry(Duration::from_secs(20))
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_planned_slot_is_never_dropped_from_the_count() {
        // Two per 10 s. A post planned for later must still count when an earlier one is
        // reserved next to it: the window never holds three.
        let p = RoomPacer::new(2, Duration::from_secs(10));
        let settle_now = |p: &RoomPacer| {
            let PostReservation::Reserved { wait, slot } = p.reserve_slot(9) else {
                panic!("a slot")
            };
            (wait, slot)
        };
        let (_, a) = settle_now(&p);
        p.settle(9, a);
        tokio::time::advance(Duration::from_secs(4)).await;
        let (_, b) = settle_now(&p);
        p.settle(9, b);
        // Full: the third is planned at a + 10 s (6 s from now).
        let (wait, c) = settle_now(&p);
        assert_eq!(wait, Duration::from_secs(6));
        // At 10 s, `a` leaves; `b` (at 4 s) and the planned `c` (at 10 s) remain: full, and
        // the slot deciding the wait is `b`, settled, so the fourth goes at 14 s.
        tokio::time::advance(Duration::from_secs(6)).await;
        assert_eq!(p.reserve(9), Duration::from_secs(4));
        // `c` is sent and answered 2 s late; the next plan waits for it instead of guessing.
        tokio::time::advance(Duration::from_secs(2)).await;
        p.settle(9, c);
        let rooms = p.rooms.lock().unwrap();
        let times: Vec<bool> = rooms.sent[&9].iter().map(|s| s.settled).collect();
        assert_eq!(
            times.len(),
            3,
            "b, c and the fourth are all counted: {times:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn local_budget_measures_the_reset_on_chatworks_clock() {
        let b = TokenWindow::default();
        // Chatwork's clock is 10 minutes behind ours: its reset is 60 s after its own time.
        let server = unix_now() - 600;
        b.observe(RateLimit::new(300, 0, server + 60).with_server_time(server));
        let wait = b.reserve().expect("spent");
        assert_eq!(wait, Duration::from_secs(61), "60 s and the margin");
        // And 10 minutes ahead.
        let b = TokenWindow::default();
        let server = unix_now() + 600;
        b.observe(RateLimit::new(300, 0, server + 60).with_server_time(server));
        assert_eq!(b.reserve(), Some(Duration::from_secs(61)));
    }

    #[tokio::test(start_paused = true)]
    async fn the_room_map_forgets_rooms_idle_for_a_window() {
        let p = RoomPacer::new(10, Duration::from_secs(10));
        for room in 0..100_000 {
            p.reserve(room);
            if room % 1000 == 999 {
                tokio::time::advance(Duration::from_secs(11)).await;
            }
        }
        let rooms = p.rooms.lock().unwrap().sent.len();
        assert!(rooms <= 2_000 + MIN_PRUNE_AT, "{rooms} rooms kept");
        // A room still in its window is never forgotten.
        let p = RoomPacer::new(2, Duration::from_secs(10));
        p.reserve(-1);
        p.reserve(-1);
        for room in 0..10_000 {
            p.reserve(room);
        }
        assert_eq!(p.reserve(-1), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn a_slot_counts_from_the_answer_not_from_the_send() {
        let p = RoomPacer::new(1, Duration::from_secs(10));
        let PostReservation::Reserved { wait, slot } = p.reserve_slot(7) else {
            panic!("a free slot")
        };
        assert_eq!(wait, Duration::ZERO);
        // The post took 3 s to be answered: Chatwork stamped it somewhere in between.
        tokio::time::advance(Duration::from_secs(3)).await;
        p.settle(7, slot);
        assert_eq!(p.reserve(7), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn the_local_limiter_settings_and_the_public_helpers_do_what_they_say() {
        assert_eq!(PostSlot::new(7).get(), 7);
        let e = LimiterError::new("redis is down");
        assert_eq!(e.message(), "redis is down");
        assert_eq!(
            e.to_string(),
            "the shared rate limiter is unavailable: redis is down"
        );
        let waits = |l: &LocalLimiter, n: usize| {
            (0..n)
                .map(|_| match l.rooms.as_ref() {
                    Some(p) => match p.reserve_slot(1) {
                        PostReservation::Reserved { wait, slot } => {
                            p.settle(1, slot);
                            wait
                        }
                        PostReservation::Retry(wait) => wait,
                    },
                    None => Duration::ZERO,
                })
                .collect::<Vec<_>>()
        };
        let l = LocalLimiter::new().with_room_post_limit(2, Duration::from_secs(5));
        assert_eq!(l.room_window(), Duration::from_secs(5));
        let s = Duration::from_secs;
        assert_eq!(waits(&l, 4), [s(0), s(0), s(5), s(5)]);
        let l = LocalLimiter::new().without_room_pacing();
        assert!(l.rooms.is_none());
        assert_eq!(
            futures_util::FutureExt::now_or_never(l.reserve_post(RoomId(1))).map(|r| r.unwrap()),
            Some(PostReservation::Reserved {
                wait: Duration::ZERO,
                slot: PostSlot(0)
            })
        );
        assert_eq!(LocalLimiter::new().room_window(), ROOM_WINDOW);
        // A limiter of one's own that does not say its window gets Chatwork's.
        #[derive(Debug)]
        struct Own;
        impl RateLimiter for Own {
            fn reserve(&self) -> LimiterFuture<'_, Result<Option<Duration>, LimiterError>> {
                Box::pin(std::future::ready(Ok(None)))
            }
            fn observe(&self, _: RateLimit) -> LimiterFuture<'_, ()> {
                Box::pin(std::future::ready(()))
            }
            fn reserve_post(
                &self,
                _: RoomId,
            ) -> LimiterFuture<'_, Result<PostReservation, LimiterError>> {
                Box::pin(std::future::ready(Ok(PostReservation::Retry(
                    Duration::ZERO,
                ))))
            }
            fn settle_post(&self, _: RoomId, _: PostSlot) -> LimiterFuture<'_, ()> {
                Box::pin(std::future::ready(()))
            }
            fn hold_room(&self, _: RoomId, _: Duration) -> LimiterFuture<'_, ()> {
                Box::pin(std::future::ready(()))
            }
        }
        assert_eq!(Own.room_window(), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn hold_keeps_posts_in_flight_in_the_count() {
        // One post per 10 s. A post is in flight when another post meets a 429: the hold
        // must not forget it, since it may still land in the window.
        let p = RoomPacer::new(1, Duration::from_secs(10));
        let PostReservation::Reserved { slot, .. } = p.reserve_slot(3) else {
            panic!("a free slot")
        };
        p.hold(3, Duration::from_secs(2));
        assert_eq!(
            p.reserve_slot(3),
            PostReservation::Retry(Duration::from_secs(10)),
            "the post in flight decides, not the 2 s hold"
        );
        // Answered 1 s later: the window counts from then.
        tokio::time::advance(Duration::from_secs(1)).await;
        p.settle(3, slot);
        assert_eq!(p.reserve(3), Duration::from_secs(10));
    }

    #[tokio::test(start_paused = true)]
    async fn hold_makes_the_room_wait() {
        let p = RoomPacer::new(10, Duration::from_secs(10));
        p.hold(5, Duration::from_secs(7));
        assert_eq!(p.reserve(5), Duration::from_secs(7));
        assert_eq!(p.reserve(6), Duration::ZERO);
    }
}
