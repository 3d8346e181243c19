//! Dates as content writes them: a year, `YYYY-MM` or `YYYY-MM-DD`, within the years a
//! report may speak of.

/// Earliest and latest years a report may speak of.
pub const YEARS: std::ops::RangeInclusive<i64> = 1945..=2100;

/// `YYYY-MM` with a month 01–12 and a year in range.
pub fn is_valid_year_month(text: &str) -> bool {
    parse_year_month(text).is_some()
}

/// Parses `YYYY-MM` into a year and a month.
pub fn parse_year_month(text: &str) -> Option<(u16, u8)> {
    let (y, m) = text.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (year, month) = (y.parse::<u16>().ok()?, m.parse::<u8>().ok()?);
    (YEARS.contains(&i64::from(year)) && (1..=12).contains(&month)).then_some((year, month))
}

/// A date as written in content (`2024-01-15`, `2024-01`, `2024`) as Vietnamese readers
/// write it: `15/01/2024`, `01/2024`, `2024`. Anything else is returned as it is.
pub fn format_date(text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{d}/{m}/{y}"),
        [y, m] => format!("{m}/{y}"),
        _ => text.to_owned(),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a real calendar day.
pub fn is_valid_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    match parts.as_slice() {
        [y] => y.len() == 4 && y.parse::<i64>().is_ok_and(|y| YEARS.contains(&y)),
        [_, _] => is_valid_year_month(text),
        [y, m, d] => {
            let Some((year, month)) = parse_year_month(&format!("{y}-{m}")) else {
                return false;
            };
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            d.len() == 2 && d.parse::<u8>().is_ok_and(|d| (1..=days).contains(&d))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_day_first() {
        assert_eq!(format_date("2024-01-15"), "15/01/2024");
        assert_eq!(format_date("2024-01"), "01/2024");
        assert_eq!(format_date("2024"), "2024");
    }

    #[test]
    fn dates_must_exist() {
        assert!(is_valid_date("2023"));
        assert!(is_valid_date("2023-12"));
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2023-13"));
        assert!(!is_valid_date("3000"));
        assert!(!is_valid_date("23-1-1"));
    }

    #[test]
    fn year_months_parse() {
        assert_eq!(parse_year_month("2021-06"), Some((2021, 6)));
        assert_eq!(parse_year_month("2021-6"), None);
        assert_eq!(parse_year_month("2021-00"), None);
        assert_eq!(parse_year_month("0000-01"), None);
    }
}
