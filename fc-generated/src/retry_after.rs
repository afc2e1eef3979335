//! The `Retry-After` response header (RFC 9110, section 10.2.3): a number
//! of seconds, or an HTTP-date. Read with bounds: a value too long, a number
//! too large or a date out of range never panics, and no delay exceeds
//! [`ApiError::MAX_RETRY_AFTER`].

use std::time::{Duration, SystemTime};

use crate::ApiError;

/// The longest header value read; an IMF-fixdate is 29 bytes, and no
/// useful number of seconds has more than 20 digits.
const MAX_VALUE_BYTES: usize = 64;

/// The delay a `Retry-After` value asks for, counted from `now`: its
/// seconds, or the time from `now` to its date (zero for a date already
/// past), at most [`ApiError::MAX_RETRY_AFTER`]. `None` for anything else.
pub(crate) fn parse(value: &[u8], now: SystemTime) -> Option<Duration> {
    if value.len() > MAX_VALUE_BYTES {
        return None;
    }
    let value = trim_whitespace(value);
    let delay = if !value.is_empty() && value.iter().all(u8::is_ascii_digit) {
        // Digits only: saturates, so a number past u64 is simply "very long".
        let seconds = value.iter().fold(0u64, |seconds, digit| {
            seconds
                .saturating_mul(10)
                .saturating_add(u64::from(digit - b'0'))
        });
        Duration::from_secs(seconds)
    } else {
        let date = imf_fixdate(value)?;
        date.duration_since(now).unwrap_or(Duration::ZERO)
    };
    Some(delay.min(ApiError::MAX_RETRY_AFTER))
}

/// An IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`, the form of HTTP-date
/// that senders must use. The obsolete RFC 850 and asctime forms are not
/// read.
fn imf_fixdate(value: &[u8]) -> Option<SystemTime> {
    const DAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let [d0, d1, d2, b',', b' ', day @ .., b' ', b'G', b'M', b'T'] = value else {
        return None;
    };
    if !DAYS.contains(&&[*d0, *d1, *d2][..]) {
        return None;
    }
    // `06 Nov 1994 08:49:37`
    let [day0, day1, b' ', m0, m1, m2, b' ', y0, y1, y2, y3, b' ', h0, h1, b':', min0, min1, b':', s0, s1] =
        *day
    else {
        return None;
    };
    let month = MONTHS.iter().position(|name| *name == [m0, m1, m2])? as u32 + 1;
    let day = two_digits(day0, day1)?;
    let year = two_digits(y0, y1)? * 100 + two_digits(y2, y3)?;
    let (hour, minute, second) = (
        two_digits(h0, h1)?,
        two_digits(min0, min1)?,
        two_digits(s0, s1)?,
    );
    // A leap second (60) is read as the second after 59.
    if !(1..=days_in_month(year, month)).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_since_unix_epoch(year, month, day);
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    // Years 0000 to 9999 lie within ±400 billion seconds of 1970: no overflow,
    // and a date before 1970 is simply past.
    match u64::try_from(seconds) {
        Ok(seconds) => SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(seconds)),
        Err(_) => Some(SystemTime::UNIX_EPOCH),
    }
}

/// `value` without the spaces and tabs HTTP allows around a field value.
fn trim_whitespace(mut value: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = value {
        value = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = value {
        value = rest;
    }
    value
}

fn two_digits(tens: u8, ones: u8) -> Option<u32> {
    (tens.is_ascii_digit() && ones.is_ascii_digit())
        .then(|| u32::from(tens - b'0') * 10 + u32::from(ones - b'0'))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the date, in the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`).
fn days_since_unix_epoch(year: u32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1994-11-06 08:49:37 UTC, RFC 9110's example date.
    fn rfc_example() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777)
    }

    #[test]
    fn the_rfc_example_date_is_read_to_the_second() {
        let date = imf_fixdate(b"Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(date, Some(rfc_example()));
    }

    #[test]
    fn a_date_gives_the_time_from_now_to_it() {
        let now = rfc_example() - Duration::from_secs(90);
        assert_eq!(
            parse(b"Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::from_secs(90))
        );
        // Across a month, a leap day and a year's end.
        let new_year = imf_fixdate(b"Mon, 01 Jan 2024 00:00:00 GMT").unwrap();
        let leap_day = imf_fixdate(b"Thu, 29 Feb 2024 00:00:00 GMT").unwrap();
        assert_eq!(
            leap_day.duration_since(new_year).unwrap(),
            Duration::from_secs(59 * 86_400)
        );
        assert_eq!(
            new_year.duration_since(SystemTime::UNIX_EPOCH).unwrap(),
            Duration::from_secs(1_704_067_200)
        );
    }

    #[test]
    fn a_past_date_means_retry_now() {
        let now = rfc_example() + Duration::from_secs(3600);
        assert_eq!(
            parse(b"Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse(b"Mon, 01 Jan 0001 00:00:00 GMT", now),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn impossible_dates_are_not_read() {
        let now = rfc_example();
        for value in [
            &b"Thu, 29 Feb 2023 00:00:00 GMT"[..],
            b"Sun, 31 Apr 1994 08:49:37 GMT",
            b"Sun, 00 Nov 1994 08:49:37 GMT",
            b"Sun, 06 Nov 1994 24:00:00 GMT",
            b"Sun, 06 Nov 1994 08:60:00 GMT",
            b"Sun, 06 Nov 1994 08:49:37 UTC",
            b"Sun, 6 Nov 1994 08:49:37 GMT",
            b"Xyz, 06 Nov 1994 08:49:37 GMT",
            b"Sun, 06 nov 1994 08:49:37 GMT",
            b"Sunday, 06-Nov-94 08:49:37 GMT",
            b"Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                parse(value, now),
                None,
                "{}",
                String::from_utf8_lossy(value)
            );
        }
    }
}
