//! Calendar dates without a time zone: all the policy needs ("2023年12月31日前", "2022年第四季度").
//! A tiny type instead of chrono keeps the WebAssembly small.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Years outside this range are typing mistakes for an enterprise profile or a policy.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A literal known to be a real date (used for defaults written in the source).
    pub(crate) const fn lit(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Strict ISO 8601 calendar date, `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Same day `years` later; 29 February becomes 28 February in a common year.
    pub fn add_years(self, years: i32) -> Option<Date> {
        let year = self.year.checked_add(years)?;
        let day = self.day.min(days_in_month(year, self.month));
        Date::new(year, self.month, day)
    }

    /// Same day `months` later, clamped to the month's last day.
    pub fn add_months(self, months: i32) -> Option<Date> {
        let index = self.year.checked_mul(12)? + i32::from(self.month) - 1 + months;
        let year = index.div_euclid(12);
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    pub fn add_days(self, days: i32) -> Option<Date> {
        Date::from_day_number(self.day_number().checked_add(i64::from(days))?)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn day_number(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_day_number(n: i64) -> Option<Date> {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        Date::new(year, month, day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
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
    fn parses_only_real_calendar_dates() {
        assert_eq!(Date::parse("2023-12-31"), Date::new(2023, 12, 31));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day()), Some(29));
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "2023-1-01",
            "23-01-01",
            "2023/01/01",
            "２０２３-01-01",
            "",
            "1899-12-31",
            "2023-01-01T00",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip_and_order() {
        let mut d = Date::new(1999, 12, 25).unwrap();
        let end = Date::new(2031, 3, 1).unwrap();
        while d < end {
            let next = d.add_days(1).unwrap();
            assert_eq!(next.day_number(), d.day_number() + 1);
            assert_eq!(Date::from_day_number(d.day_number()), Some(d));
            assert!(next > d);
            d = next;
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().day_number(), 0);
    }

    #[test]
    fn calendar_arithmetic_clamps() {
        let leap = Date::new(2024, 2, 29).unwrap();
        assert_eq!(leap.add_years(1), Date::new(2025, 2, 28));
        assert_eq!(leap.add_years(4), Date::new(2028, 2, 29));
        assert_eq!(
            Date::new(2023, 1, 31).unwrap().add_months(1),
            Date::new(2023, 2, 28)
        );
        assert_eq!(
            Date::new(2023, 1, 31).unwrap().add_months(-2),
            Date::new(2022, 11, 30)
        );
        assert_eq!(
            Date::new(2023, 12, 31).unwrap().add_days(1),
            Date::new(2024, 1, 1)
        );
        assert_eq!(Date::new(2200, 12, 31).unwrap().add_days(1), None);
    }
}
