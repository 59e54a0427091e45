//! Times for people: Unix seconds in the local time zone (`TZ` is honoured).

/// Unix seconds as local date and time (`TZ` is honoured); `-` for 0.
pub fn time(secs: i64) -> String {
    if secs == 0 {
        return "-".to_owned();
    }
    match jiff::Timestamp::from_second(secs) {
        Ok(t) => t
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => secs.to_string(),
    }
}

/// Unix seconds as local time of day with seconds.
pub fn clock_time(secs: i64) -> String {
    match jiff::Timestamp::from_second(secs) {
        Ok(t) => t
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%H:%M:%S")
            .to_string(),
        Err(_) => secs.to_string(),
    }
}
