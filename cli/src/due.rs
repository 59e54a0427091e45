//! Due dates as people write them, for the CLI's `--due` and the MCP tools alike: the one
//! place that reads them and the one list of the forms it takes ([`FORMS`]).

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp, Zoned};

use crate::failure::{Failure, Result};

/// Every form a due date may take, as a literal, so that `concat!` can put it into the MCP
/// tool's description; `--help` and every error give the same words ([`FORMS`]).
macro_rules! forms {
    () => {
        "Unix seconds (1796621096); RFC 3339 (2026-12-01T17:00:00+09:00); a date and time in the \
         local time zone (2026-12-01 17:00); a date, due that day without a time (2026-12-01 or \
         2026/12/01); RFC 2822 (Tue, 1 Dec 2026 17:00:00 +0900); or from now (+2d, +3h, +30m, \
         +1w, +2mo, \"in 2 days\", today, tomorrow)"
    };
}
pub(crate) use forms;

/// Every form a due date may take.
pub const FORMS: &str = forms!();

/// `--due`'s long help: every form.
pub fn help() -> String {
    format!("When it is due: {FORMS}.")
}

/// The first and last Unix seconds read as a due date: from 2000 (so that a short number,
/// `20261201`, is not read as a day of 1970) to the end of year 9999 (so that milliseconds
/// are not read as seconds).
const SECONDS: std::ops::RangeInclusive<i64> = 946_684_800..=253_402_300_799;

/// Japan's time: the calendar Chatwork keeps a date-only due date in (no daylight saving).
pub fn japan() -> TimeZone {
    TimeZone::fixed(jiff::tz::offset(9))
}

/// A due date in any of the [`FORMS`]: Unix seconds and the deadline type (`time`, or
/// `date` for a date without a time). A date is sent as the middle of the hours that are that
/// date both in Japan (where Chatwork keeps it) and in `local`, so that Chatwork and the user
/// see the same date, in every time zone from UTC-12 to UTC+14. A date and time without an
/// offset is read in `local`; one the clocks skip or pass twice there is refused.
///
/// An impossible date (`2026-02-30`), one whose day and month could be either way round
/// (`12/01/2026`, `13/13/2026`) and anything else unread is refused with the [`FORMS`].
pub fn due(text: &str, now: Timestamp, local: &TimeZone) -> Result<(i64, &'static str)> {
    let refuse = |why: &str| {
        Failure::usage(format!(
            "cannot read the due date {text:?}: {why}; give {FORMS}"
        ))
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(refuse("it is empty"));
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<i64>() {
            Ok(s) if SECONDS.contains(&s) => Ok((s, "time")),
            Ok(s) if s < *SECONDS.start() => Err(refuse(
                "as Unix seconds it is before 2000; write a date as 2026-12-01",
            )),
            _ => Err(refuse(
                "as Unix seconds it is after the year 9999 (Unix milliseconds are not taken)",
            )),
        };
    }
    let lower = text.to_ascii_lowercase();
    let today = now.to_zoned(local.clone()).date();
    match lower.as_str() {
        "today" => return date(today, local).map_err(|why| refuse(&why)),
        "tomorrow" => {
            let day = today
                .tomorrow()
                .map_err(|_| refuse("there is no tomorrow"))?;
            return date(day, local).map_err(|why| refuse(&why));
        }
        _ => {}
    }
    if let Some(span) = lower
        .strip_prefix('+')
        .or_else(|| lower.strip_prefix("in "))
    {
        return from_now(span.trim(), now, local).map_err(|why| refuse(&why));
    }
    if let Ok(t) = text.parse::<Timestamp>() {
        return Ok((t.as_second(), "time"));
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(text) {
        return Ok((z.timestamp().as_second(), "time"));
    }
    if let Some(day) = calendar_day(text) {
        let day = day.map_err(|why| refuse(&why))?;
        return date(day, local).map_err(|why| refuse(&why));
    }
    if let Ok(at) = text.parse::<jiff::civil::DateTime>() {
        let at = local
            .to_ambiguous_zoned(at)
            .unambiguous()
            .map_err(|_| {
                refuse("the clocks change at that time in your time zone, so it is two times or none; add the offset (+09:00)")
            })?;
        return Ok((at.timestamp().as_second(), "time"));
    }
    if day_month_or_month_day(text) {
        return Err(refuse(
            "the day and the month could be either way round; write the year first (2026-12-01)",
        ));
    }
    if text
        .get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(refuse("it is no time on the calendar"));
    }
    Err(refuse("it is none of the forms"))
}

/// `+2d`, `in 2 days`, `+3h30m`: a span forward from now, in calendar units where it has
/// them (a day is a calendar day in `local`).
fn from_now(
    span: &str,
    now: Timestamp,
    local: &TimeZone,
) -> std::result::Result<(i64, &'static str), String> {
    let span: Span = span
        .parse()
        .map_err(|_| "a time from now is a number and a unit: m, h, d, w, mo or y".to_owned())?;
    if span.signum() <= 0 {
        return Err("a time from now goes forward".to_owned());
    }
    let at: Zoned = now
        .to_zoned(local.clone())
        .checked_add(span)
        .map_err(|_| "that is too far from now".to_owned())?;
    Ok((at.timestamp().as_second(), "time"))
}

/// A date written `2026-12-01` or `2026/12/01` (year first): `None` if the text is not of
/// that shape, an error if it is but names no day (`2026-02-30`).
fn calendar_day(text: &str) -> Option<std::result::Result<Date, String>> {
    let parts: Vec<&str> = text.split(['-', '/']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    Some(Date::new(y, m, d).map_err(|_| "that day is not on the calendar".to_owned()))
}

/// `12/01/2026`, `01.12.2026`, `13/13/2026`: the year last, the day and the month in an
/// order that differs from country to country.
fn day_month_or_month_day(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    matches!(parts.as_slice(), [a, b, y]
        if (1..=2).contains(&a.len()) && (1..=2).contains(&b.len()) && (2..=4).contains(&y.len())
            && [a, b, y].iter().all(|p| p.bytes().all(|c| c.is_ascii_digit())))
}

/// A date without a time: the middle of the hours that are `day` both in Japan and in
/// `local`.
fn date(day: Date, local: &TimeZone) -> std::result::Result<(i64, &'static str), String> {
    let start = |day: Date, tz: &TimeZone| {
        day.to_zoned(tz.clone())
            .map(|z| z.timestamp().as_second())
            .map_err(|_| "that date is out of range".to_owned())
    };
    let next = day
        .tomorrow()
        .map_err(|_| "that date is out of range".to_owned())?;
    let from = start(day, &japan())?.max(start(day, local)?);
    let until = start(next, &japan())?.min(start(next, local)?);
    if from >= until {
        return Err(format!(
            "{day} is never the same date in Japan and in your time zone; give a time (RFC 3339)"
        ));
    }
    Ok((from + (until - from) / 2, "date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_764_000_000; // 2025-11-24T16:00:00Z

    fn due_utc(text: &str) -> Result<(i64, &'static str)> {
        due(text, Timestamp::from_second(NOW).unwrap(), &TimeZone::UTC)
    }

    #[test]
    fn every_form_is_read() {
        let tokyo_1700 = 1_796_112_000; // 2026-12-01T17:00:00+09:00
        for (text, want) in [
            ("1796621096", (1_796_621_096, "time")),
            (" 1796621096 ", (1_796_621_096, "time")),
            ("2026-12-01T17:00:00+09:00", (tokyo_1700, "time")),
            ("2026-12-01T08:00:00Z", (tokyo_1700, "time")),
            ("2026-12-01 08:00:00Z", (tokyo_1700, "time")),
            ("Tue, 1 Dec 2026 17:00:00 +0900", (tokyo_1700, "time")),
            ("Tue, 01 Dec 2026 08:00:00 GMT", (tokyo_1700, "time")),
            ("2026-12-01 08:00", (tokyo_1700, "time")),
            ("2026-12-01T08:00", (tokyo_1700, "time")),
            ("+2d", (NOW + 172_800, "time")),
            ("+3h", (NOW + 10_800, "time")),
            ("+30m", (NOW + 1_800, "time")),
            ("+1w", (NOW + 604_800, "time")),
            ("+3h30m", (NOW + 12_600, "time")),
            ("in 2 days", (NOW + 172_800, "time")),
            ("In 3 hours", (NOW + 10_800, "time")),
            // Calendar units: 2025-11-24 to 2026-01-24 and 2027-11-24.
            ("+2mo", (NOW + 61 * 86_400, "time")),
            ("+2y", (NOW + 730 * 86_400, "time")),
        ] {
            assert_eq!(due_utc(text).unwrap(), want, "{text}");
        }
        // Dates: the middle of the hours that are that date in Japan and in UTC.
        let (slash, kind) = due_utc("2026/12/01").unwrap();
        assert_eq!((slash, kind), due_utc("2026-12-01").unwrap());
        assert_eq!(kind, "date");
        assert_eq!(
            due_utc("2026-12-1").unwrap(),
            due_utc("2026-12-01").unwrap()
        );
        // 2025-11-24 and 2025-11-25, in UTC.
        assert_eq!(due_utc("today").unwrap(), due_utc("2025-11-24").unwrap());
        assert_eq!(due_utc("Tomorrow").unwrap(), due_utc("2025-11-25").unwrap());
    }

    #[test]
    fn what_cannot_be_read_is_refused_with_every_form() {
        for (text, why) in [
            ("2026-02-30", "that day is not on the calendar"),
            ("2026/13/01", "that day is not on the calendar"),
            ("13/13/2026", "either way round"),
            ("12/01/2026", "either way round"),
            ("01.12.2026", "either way round"),
            ("20261201", "before 2000"),
            ("1796621096000", "after the year 9999"),
            ("99999999999999999999999", "after the year 9999"),
            ("2026-12-01T25:00", "no time on the calendar"),
            ("+2x", "a number and a unit"),
            ("+d", "a number and a unit"),
            ("+-1d", "goes forward"),
            ("+0d", "goes forward"),
            ("+99999999999999999d", "a number and a unit"),
            ("next friday", "none of the forms"),
            ("", "it is empty"),
            ("   ", "it is empty"),
        ] {
            let e = due_utc(text).expect_err(text);
            assert_eq!(e.exit, crate::failure::Exit::Usage, "{text}");
            assert!(
                e.message.contains(why) && e.message.ends_with(&format!("; give {FORMS}")),
                "{text}: {}",
                e.message
            );
        }
    }

    #[test]
    fn a_local_time_the_clocks_skip_or_repeat_is_refused() {
        let berlin = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
        let now = Timestamp::from_second(NOW).unwrap();
        // 2026-03-29 02:30 does not happen in Berlin; 2026-10-25 02:30 happens twice.
        for text in ["2026-03-29 02:30", "2026-10-25 02:30"] {
            let e = due(text, now, &berlin).expect_err(text);
            assert!(e.message.contains("the clocks change"), "{}", e.message);
        }
        assert_eq!(
            due("2026-12-01 09:00", now, &berlin).unwrap(),
            (1_796_112_000, "time")
        );
    }

    #[test]
    fn a_date_is_the_same_date_in_japan_and_in_every_time_zone() {
        let now = Timestamp::from_second(NOW).unwrap();
        let christmas: Date = "2026-12-25".parse().unwrap();
        for hours in -12..=14 {
            let local = TimeZone::fixed(jiff::tz::offset(hours));
            for text in ["2026-12-25", "2026/12/25"] {
                let (at, kind) = due(text, now, &local).unwrap();
                assert_eq!(kind, "date");
                let t = Timestamp::from_second(at).unwrap();
                assert_eq!(t.to_zoned(japan()).date(), christmas, "UTC{hours:+}");
                assert_eq!(t.to_zoned(local.clone()).date(), christmas, "UTC{hours:+}");
            }
        }
        // From Tokyo itself: the middle of the day.
        let (at, _) = due("2026-12-25", now, &japan()).unwrap();
        assert_eq!(
            Timestamp::from_second(at).unwrap().to_zoned(japan()).time(),
            jiff::civil::time(12, 0, 0, 0)
        );
    }
}
