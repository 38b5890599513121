//! Dates, in one place: a calendar day ([`Date`], `YYYY-MM-DD`, as visits are dated) and
//! a minute in UTC ([`Utc`], as notes are stamped), with the calendar arithmetic both
//! rest on. Every date painmap reads (`--date`, an imported record's date, a date read
//! back from the client records) is parsed by [`Date::parse`], so an impossible one
//! (`2026-02-30`, `9999-99-99`) is refused the same way wherever it comes from. The
//! clock itself is read by the binary and passed in; nothing here reads it. No time-zone
//! database ships, so notes are dated in UTC.

use std::fmt;

/// A minute in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Utc {
    /// Year (proleptic Gregorian).
    pub year: i64,
    /// 1-12.
    pub month: u32,
    /// 1-31.
    pub day: u32,
    /// 0-23.
    pub hour: u32,
    /// 0-59.
    pub minute: u32,
}

impl Utc {
    /// The UTC date and time `secs` seconds after 1970-01-01 00:00 UTC.
    pub fn from_unix(secs: i64) -> Utc {
        let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        Utc {
            year,
            month,
            day,
            hour: (rem / 3600) as u32,
            minute: ((rem % 3600) / 60) as u32,
        }
    }

    /// "2026-11-24 10:30 UTC", as notes are dated.
    pub fn stamp(&self) -> String {
        format!("{} {:02}:{:02} UTC", self.date(), self.hour, self.minute)
    }

    /// "2026-11-24".
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "20261124-1030", for file names that sort by time.
    pub fn file_stamp(&self) -> String {
        format!(
            "{:04}{:02}{:02}-{:02}{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day): Howard Hinnant's
/// algorithm.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) to days since 1970-01-01: the inverse of [`civil_from_days`].
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A calendar date (proleptic Gregorian), years 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1 to 9999.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists (no 2026-02-30). The error is
    /// one line that quotes the text (escaped and cut: it may come from a file).
    pub fn parse(text: &str) -> Result<Date, String> {
        let shown = crate::atlas::text::shown(text);
        let bad = || format!("'{shown}' is not a date: write YYYY-MM-DD (e.g. 2026-03-14)");
        let parts: Vec<&str> = text.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(bad());
        }
        let (year, month, day) = (
            y.parse::<u16>().map_err(|_| bad())?,
            m.parse::<u8>().map_err(|_| bad())?,
            d.parse::<u8>().map_err(|_| bad())?,
        );
        // A day that does not exist does not come back from the day count as itself.
        let days = days_from_civil(i64::from(year), u32::from(month), u32::from(day));
        let real = civil_from_days(days) == (i64::from(year), u32::from(month), u32::from(day));
        if year == 0 || !real {
            return Err(format!("'{shown}' is not a day of the calendar"));
        }
        Ok(Date { year, month, day })
    }

    /// The day of a stamp as notes and records are dated ("2026-11-24 10:30 UTC"): its
    /// first ten characters must be a real date ([`Date::parse`]).
    pub fn of_stamp(stamp: &str) -> Result<Date, String> {
        let day: String = stamp.trim().chars().take(10).collect();
        Date::parse(&day).map_err(|_| {
            format!(
                "'{}' is not a date: a record is dated YYYY-MM-DD (e.g. 2026-03-14 10:30 UTC)",
                crate::atlas::text::shown(stamp)
            )
        })
    }

    /// The day of a UTC time (as the caller's clock gave it); 1970-01-01 for a time
    /// outside years 1 to 9999.
    pub fn of_utc(t: &Utc) -> Date {
        match (
            u16::try_from(t.year),
            u8::try_from(t.month),
            u8::try_from(t.day),
        ) {
            (Ok(year @ 1..=9999), Ok(month), Ok(day)) => Date { year, month, day },
            _ => Date {
                year: 1970,
                month: 1,
                day: 1,
            },
        }
    }
}

/// Written as its text, `"2026-03-14"`.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        for z in [-800_000, -1, 0, 11_016, 20_416, 3_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }

    #[test]
    fn stamps() {
        let t = Utc::from_unix(20_416 * 86_400 + 10 * 3600 + 30 * 60 + 59);
        assert_eq!(t.stamp(), "2025-11-24 10:30 UTC");
        assert_eq!(t.file_stamp(), "20251124-1030");
        assert_eq!(Utc::from_unix(-1).stamp(), "1969-12-31 23:59 UTC");
    }

    #[test]
    fn dates_parse_only_when_real() {
        let d = Date::parse("2026-03-14").unwrap();
        assert_eq!(d.to_string(), "2026-03-14");
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "0000-01-01",
            "9999-99-99",
            "26-03-14",
            "2026-3-14",
            "",
            "garbage",
            "2026-03-14x",
            "+202-03-14",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("2026-04-31").unwrap_err().contains("calendar"));
        assert!(Date::parse("2026-03-01") < Date::parse("2026-10-01"));
        let hostile = Date::parse("\u{1b}]0;x\u{7}").unwrap_err();
        assert!(!hostile.chars().any(char::is_control), "{hostile:?}");
    }

    #[test]
    fn stamps_give_their_day_or_are_refused() {
        assert_eq!(
            Date::of_stamp("2026-11-24 10:30 UTC").unwrap().to_string(),
            "2026-11-24"
        );
        for bad in ["2026-02-30 10:00 UTC", "9999-99-99", "garbage", "", "d"] {
            assert!(Date::of_stamp(bad).is_err(), "{bad}");
        }
        assert_eq!(Date::of_utc(&Utc::from_unix(0)).to_string(), "1970-01-01");
    }
}
