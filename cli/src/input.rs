//! Input as people type it: message bodies, due dates, confirmations.

use std::io::{IsTerminal, Read};

use chatwork::model::AccountId;
use chatwork::notation::MessageBuilder;

use crate::failure::{Failure, Result};
use clap::Args;
use std::path::PathBuf;

/// The text of a body: the argument, `--file`, or standard input (`-` or nothing). One
/// trailing newline run is dropped (as `git log ... |` adds one).
pub fn text(body: &Body) -> Result<String> {
    let text = match (&body.text, &body.file) {
        (Some(t), _) if t != "-" => t.clone(),
        (_, Some(path)) => std::fs::read_to_string(path)
            .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?,
        (Some(_), None) => read_stdin()?,
        (None, None) => {
            if std::io::stdin().is_terminal() {
                return Err(Failure::usage(
                    "no text: give it as an argument, with --file, or on standard input",
                ));
            }
            read_stdin()?
        }
    };
    let text = text.trim_end_matches(['\n', '\r']).to_owned();
    if text.is_empty() {
        return Err(Failure::usage("the text is empty"));
    }
    Ok(text)
}

pub fn read_stdin() -> Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
    Ok(s)
}

/// Builds the message: mentions first, then the text escaped (plain, in `[info]` or in
/// `[code]`), or as notation with `--raw`.
pub fn compose(body: &Body, text: &str, mentions: &[(AccountId, String)]) -> String {
    let mut b = MessageBuilder::new();
    for (id, name) in mentions {
        b = b.to_named(*id, name);
    }
    if !mentions.is_empty() {
        b = b.newline();
    }
    if body.raw {
        return format!("{}{text}", b.build());
    }
    let content = |b: MessageBuilder| {
        if body.code {
            b.code(text)
        } else {
            b.text(text)
        }
    };
    let b = if body.info || body.info_title.is_some() {
        b.info(body.info_title.as_deref(), content)
    } else {
        content(b)
    };
    b.build().into_string()
}

/// Japan's time: the calendar Chatwork keeps a date-only due date in (no daylight saving).
pub fn japan() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::fixed(jiff::tz::offset(9))
}

/// A due date: RFC 3339 (a time), a date (`date`), or `+N` with `m`, `h`, `d` or `w` from
/// now (a time). Returns Unix seconds and the deadline type. A date is sent as the middle of
/// the hours that are that date both in Japan (where Chatwork keeps it) and in `local`, so
/// that Chatwork and the user see the same date, in every time zone from UTC-12 to UTC+14.
pub fn due(
    text: &str,
    now: jiff::Timestamp,
    local: &jiff::tz::TimeZone,
) -> Result<(i64, &'static str)> {
    let bad = || {
        Failure::usage(format!(
            "cannot read the due date {text:?}: give RFC 3339 (2026-12-01T17:00:00+09:00), a date (2026-12-01) or +2d, +3h, +30m, +1w"
        ))
    };
    if let Some(rest) = text.strip_prefix('+') {
        let (n, unit) = rest.split_at(rest.len().saturating_sub(1));
        let n: i64 = n.parse().map_err(|_| bad())?;
        let secs = match unit {
            "m" => 60,
            "h" => 3600,
            "d" => 86_400,
            "w" => 7 * 86_400,
            _ => return Err(bad()),
        };
        let offset = n.checked_mul(secs).ok_or_else(bad)?;
        return Ok((now.as_second().checked_add(offset).ok_or_else(bad)?, "time"));
    }
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Ok((t.as_second(), "time"));
    }
    if let Ok(d) = text.parse::<jiff::civil::Date>() {
        let next = d.tomorrow().map_err(|_| bad())?;
        let start = |day: jiff::civil::Date, tz: &jiff::tz::TimeZone| {
            day.to_zoned(tz.clone())
                .map(|z| z.timestamp().as_second())
                .map_err(|_| bad())
        };
        let from = start(d, &japan())?.max(start(d, local)?);
        let until = start(next, &japan())?.min(start(next, local)?);
        if from >= until {
            return Err(Failure::usage(format!(
                "{text} is never the same date in Japan and in your time zone: give a time (RFC 3339)"
            )));
        }
        return Ok((from + (until - from) / 2, "date"));
    }
    Err(bad())
}

/// Asks on stderr before a destructive command, unless `--yes`. The answer is read from a
/// terminal only: without one on standard input (a pipe, a script's loop), the command needs
/// `--yes` and reads nothing, so that `echo y |` cannot confirm and a loop's lines are not
/// taken as answers.
pub fn confirm(yes: bool, question: &str) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(Failure::usage(
            "not confirmed: standard input is not a terminal, so nothing is asked or read; nothing was changed",
        )
        .hint(format!("add --yes to go ahead without the question ({question})")));
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    if matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        eprintln!();
        Err(Failure::usage("not confirmed; nothing was changed")
            .hint("add --yes to skip the question"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates() {
        let now = jiff::Timestamp::from_second(1_764_000_000).unwrap();
        let utc = jiff::tz::TimeZone::UTC;
        let due = |text: &str, now| super::due(text, now, &utc);
        assert_eq!(due("+2d", now).unwrap(), (1_764_000_000 + 172_800, "time"));
        assert_eq!(due("+3h", now).unwrap(), (1_764_000_000 + 10_800, "time"));
        assert_eq!(due("+30m", now).unwrap(), (1_764_001_800, "time"));
        assert_eq!(due("+1w", now).unwrap(), (1_764_604_800, "time"));
        assert_eq!(
            due("2026-12-01T17:00:00+09:00", now).unwrap(),
            (1_796_112_000, "time")
        );
        for bad in [
            "+2y",
            "+d",
            "tomorrow",
            "2026-13-01",
            "+99999999999999999d",
            "",
        ] {
            assert!(due(bad, now).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_date_is_the_same_date_in_japan_and_in_every_time_zone() {
        let now = jiff::Timestamp::from_second(1_764_000_000).unwrap();
        let christmas: jiff::civil::Date = "2026-12-25".parse().unwrap();
        for hours in -12..=14 {
            let local = jiff::tz::TimeZone::fixed(jiff::tz::offset(hours));
            let (at, kind) = due("2026-12-25", now, &local).unwrap();
            assert_eq!(kind, "date");
            let t = jiff::Timestamp::from_second(at).unwrap();
            assert_eq!(t.to_zoned(japan()).date(), christmas, "UTC{hours:+}");
            assert_eq!(t.to_zoned(local).date(), christmas, "UTC{hours:+}");
        }
        // From Tokyo itself: the middle of the day.
        let (at, _) = due("2026-12-25", now, &japan()).unwrap();
        assert_eq!(
            jiff::Timestamp::from_second(at)
                .unwrap()
                .to_zoned(japan())
                .time(),
            jiff::civil::time(12, 0, 0, 0)
        );
    }

    #[test]
    fn bodies_are_escaped_unless_raw() {
        let body = |raw: bool, code: bool, title: Option<&str>| Body {
            text: None,
            file: None,
            to: vec![],
            info_title: title.map(str::to_owned),
            info: false,
            code,
            raw,
        };
        let bob = [(AccountId::from(1002), "Bob".to_owned())];
        assert_eq!(
            compose(&body(false, false, None), "[toall] hi", &bob),
            "[To:1002]Bob\n[\u{200b}toall] hi"
        );
        assert_eq!(
            compose(&body(true, false, None), "[toall] hi", &[]),
            "[toall] hi"
        );
        assert_eq!(
            compose(&body(false, true, Some("CI")), "a", &[]),
            "[info][title]CI[/title][code]a[/code][/info]"
        );
    }
}

/// A message body: the text argument, `--file`, or standard input; escaped unless `--raw`.
#[derive(Args, Debug, Clone)]
pub struct Body {
    /// The text (`-` or nothing: read standard input).
    pub text: Option<String>,
    /// Read the text from a file.
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub file: Option<PathBuf>,
    /// Mention an account (ID or name); repeatable.
    #[arg(long, value_name = "ACCOUNT")]
    pub to: Vec<String>,
    /// Put the text in an [info] block with this title.
    #[arg(long, value_name = "TITLE")]
    pub info_title: Option<String>,
    /// Put the text in an [info] block.
    #[arg(long)]
    pub info: bool,
    /// Put the text in a [code] block.
    #[arg(long)]
    pub code: bool,
    /// Send the text as Chatwork notation, not escaped.
    #[arg(long, conflicts_with_all = ["code", "info", "info_title"])]
    pub raw: bool,
}
