//! Number formats: Vietnamese `24.527`, `98,4%`, `10 tỷ đồng`; English `24,527`, `98.4%`,
//! `VND 10 billion`; months as `06/2021` in both.

/// How a language writes numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NumberFormat {
    /// `24.527`, `98,4%`, `10 tỷ đồng`.
    #[default]
    Vi,
    /// `24,527`, `98.4%`, `VND 10 billion`.
    En,
}

impl NumberFormat {
    /// The format of a site language (`vi`, `en`).
    pub fn of(language: &str) -> Self {
        match language {
            "en" => NumberFormat::En,
            _ => NumberFormat::Vi,
        }
    }

    /// Thousands separator and decimal mark.
    fn marks(self) -> (char, char) {
        match self {
            NumberFormat::Vi => ('.', ','),
            NumberFormat::En => (',', '.'),
        }
    }

    /// An integer with thousands separators: `24527` → `24.527` (vi), `24,527` (en).
    pub fn int(self, value: i64) -> String {
        let separator = self.marks().0;
        let digits = value.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if value < 0 {
            out.push('-');
        }
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(d);
        }
        out
    }

    /// A decimal with at most `decimals` digits, dropping trailing zeros:
    /// `98.425, 1` → `98,4` (vi), `98.4` (en); `100.0, 1` → `100`.
    fn decimal(self, value: f64, decimals: usize) -> String {
        let fixed = format!("{value:.decimals$}");
        let (int_part, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let frac = frac.trim_end_matches('0');
        let int_value: i64 = int_part.parse().unwrap_or(0);
        let mut out = self.int(int_value);
        if int_value == 0 && fixed.starts_with('-') {
            out.insert(0, '-');
        }
        if !frac.is_empty() {
            out.push(self.marks().1);
            out.push_str(frac);
        }
        out
    }

    /// `part / whole` as a percentage with one decimal: `125 / 127` → `98,4%` (vi), `98.4%` (en).
    /// `None` when `whole` is zero.
    /// A share that is not all never reads 100%, and one that is not nothing never reads 0%.
    pub fn percent(self, part: f64, whole: f64) -> Option<String> {
        if whole == 0.0 {
            return None;
        }
        let share = part / whole * 100.0;
        let shown = match share {
            s if s > 0.0 && s < 0.05 => 0.1,
            s if (99.95..100.0).contains(&s) => 99.9,
            s => s,
        };
        Some(format!("{}%", self.decimal(shown, 1)))
    }

    /// An amount in đồng with scale words and at most two decimals:
    /// `10_000_000_000` → `10 tỷ đồng` (vi), `VND 10 billion` (en).
    pub fn money(self, amount: u64) -> String {
        const BILLION: u64 = 1_000_000_000;
        const MILLION: u64 = 1_000_000;
        let scaled = |unit: u64| self.decimal(amount as f64 / unit as f64, 2);
        match self {
            NumberFormat::Vi if amount >= BILLION => format!("{} tỷ đồng", scaled(BILLION)),
            NumberFormat::Vi if amount >= MILLION => format!("{} triệu đồng", scaled(MILLION)),
            NumberFormat::Vi => format!("{} đồng", self.int(amount as i64)),
            NumberFormat::En if amount >= BILLION => format!("VND {} billion", scaled(BILLION)),
            NumberFormat::En if amount >= MILLION => format!("VND {} million", scaled(MILLION)),
            NumberFormat::En => format!("VND {}", self.int(amount as i64)),
        }
    }
}

/// Formats an integer the Vietnamese way, with `.` between thousands: `24527` → `24.527`.
pub fn format_int(value: i64) -> String {
    NumberFormat::Vi.int(value)
}

/// Formats `part / whole` as a Vietnamese percentage with one decimal: `125 / 127` → `98,4%`.
/// Returns `None` when `whole` is zero.
pub fn format_percent(part: f64, whole: f64) -> Option<String> {
    NumberFormat::Vi.percent(part, whole)
}

/// Formats an amount in đồng with the Vietnamese scale words:
/// `10_000_000_000` → `10 tỷ đồng`, `2_500_000` → `2,5 triệu đồng`, `500_000` → `500.000 đồng`.
pub fn format_money_vnd(amount: u64) -> String {
    NumberFormat::Vi.money(amount)
}

/// Formats a year and month as `MM/YYYY`: `(2021, 6)` → `06/2021`.
pub fn format_month(year: u16, month: u8) -> String {
    format!("{month:02}/{year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_group_thousands_with_dots() {
        assert_eq!(format_int(0), "0");
        assert_eq!(format_int(953), "953");
        assert_eq!(format_int(24527), "24.527");
        assert_eq!(format_int(1_000_000), "1.000.000");
        assert_eq!(format_int(-1234), "-1.234");
    }

    #[test]
    fn percentages_use_a_decimal_comma() {
        assert_eq!(format_percent(125.0, 127.0).unwrap(), "98,4%");
        assert_eq!(format_percent(46.0, 47.0).unwrap(), "97,9%");
        assert_eq!(format_percent(15.0, 15.0).unwrap(), "100%");
        assert_eq!(format_percent(94.0, 177.0).unwrap(), "53,1%");
        assert_eq!(format_percent(1.0, 0.0), None);
        assert_eq!(
            format_percent(12699.0, 12700.0).unwrap(),
            "99,9%",
            "not all is never 100%"
        );
        assert_eq!(
            format_percent(1.0, 100000.0).unwrap(),
            "0,1%",
            "something is never 0%"
        );
        assert_eq!(format_percent(0.0, 15.0).unwrap(), "0%");
    }

    #[test]
    fn money_uses_scale_words() {
        assert_eq!(format_money_vnd(10_000_000_000), "10 tỷ đồng");
        assert_eq!(format_money_vnd(12_500_000_000), "12,5 tỷ đồng");
        assert_eq!(format_money_vnd(2_500_000), "2,5 triệu đồng");
        assert_eq!(format_money_vnd(500_000), "500.000 đồng");
        assert_eq!(format_money_vnd(1_234_000_000_000), "1.234 tỷ đồng");
    }

    #[test]
    fn english_swaps_the_marks_and_names_the_currency_first() {
        let en = NumberFormat::En;
        assert_eq!(en.int(24527), "24,527");
        assert_eq!(en.int(-1_000_000), "-1,000,000");
        assert_eq!(en.percent(125.0, 127.0).unwrap(), "98.4%");
        assert_eq!(en.percent(15.0, 15.0).unwrap(), "100%");
        assert_eq!(en.money(10_000_000_000), "VND 10 billion");
        assert_eq!(en.money(12_500_000_000), "VND 12.5 billion");
        assert_eq!(en.money(2_500_000), "VND 2.5 million");
        assert_eq!(en.money(500_000), "VND 500,000");
    }

    #[test]
    fn months_are_zero_padded() {
        assert_eq!(format_month(2021, 6), "06/2021");
        assert_eq!(format_month(2023, 12), "12/2023");
    }
}
