//! Visit dates: a calendar day, `YYYY-MM-DD`. The core never reads the clock: today's
//! date is handed in by the caller.

use std::fmt;

/// A calendar date (proleptic Gregorian).
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
    /// Parses `YYYY-MM-DD`, checking that the day exists (no 2026-02-30).
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("'{text}' is not a date: write YYYY-MM-DD (e.g. 2026-03-14)");
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
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in(year, month) {
            return Err(format!("'{text}' is not a day of the calendar"));
        }
        Ok(Date { year, month, day })
    }

    /// The day of a UTC time (as the caller's clock gave it).
    pub fn of_utc(t: &crate::date::Utc) -> Date {
        Date::parse(&t.date()).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
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

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print() {
        let d = Date::parse("2026-03-14").unwrap();
        assert_eq!(d.to_string(), "2026-03-14");
        assert!(Date::parse("2024-02-29").is_ok());
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-03-14",
            "2026-3-14",
            "",
            "2026-03-14x",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("2026-04-31").unwrap_err().contains("calendar"));
        assert!(Date::parse("2026-03-01") < Date::parse("2026-10-01"));
    }
}
