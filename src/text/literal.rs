//! How a number is written in a content file. YAML reads `0x17`, `0o27`, `2_3`, `+23` and
//! `1e3` as numbers, and `1.000` (one thousand, as Vietnamese writes it) as the decimal 1;
//! baocao's figures are plain digits only, so that what the file shows is what the site
//! publishes.

/// What is wrong with the way a number is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiteralProblem {
    /// `023`: a leading zero (some readers take it for an octal number).
    LeadingZero,
    /// `"2023"`: in quotes, it is text.
    Quoted,
    /// `24.527` or `1.000`: dots that group thousands; the digits alone follow.
    ThousandsDots(String),
    /// `25.0`, `2,5`: a decimal point or comma.
    Decimal,
    /// `0x17`, `0o27`, `2_3`, `+23`, `1e3` and anything else that is not digits.
    NotDigits,
}

/// The raw YAML scalar at the start of `line_rest`: a quoted string up to its closing quote,
/// or a plain one up to a space, `,`, `}`, `]` or `#`.
pub fn scalar_prefix(line_rest: &str) -> &str {
    let mut chars = line_rest.char_indices();
    match chars.next() {
        Some((_, quote @ ('"' | '\''))) => {
            let end = chars
                .find(|&(_, c)| c == quote)
                .map_or(line_rest.len(), |(i, c)| i + c.len_utf8());
            &line_rest[..end]
        }
        _ => {
            let end = line_rest
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | ']' | '#'))
                .unwrap_or(line_rest.len());
            &line_rest[..end]
        }
    }
}

/// What is wrong with `raw` as a whole number, or `None` when it is plain digits (`0` alone,
/// or digits that do not start with 0).
pub fn number_literal(raw: &str) -> Option<LiteralProblem> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(raw) {
        return (raw.len() > 1 && raw.starts_with('0')).then_some(LiteralProblem::LeadingZero);
    }
    if raw.starts_with(['"', '\'']) {
        return Some(LiteralProblem::Quoted);
    }
    let groups: Vec<&str> = raw.split('.').collect();
    if groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| digits(g))
        && groups[1..].iter().all(|g| g.len() == 3)
        && !groups[0].starts_with('0')
    {
        let joined = groups.concat();
        // `25.000` could be 25 written as a decimal, but Vietnamese reads twenty-five thousand.
        return Some(LiteralProblem::ThousandsDots(joined));
    }
    if let Some((whole, fraction)) = raw.split_once(['.', ','])
        && digits(whole)
        && digits(fraction)
    {
        return Some(LiteralProblem::Decimal);
    }
    Some(LiteralProblem::NotDigits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_digits_pass_and_the_rest_is_named() {
        for raw in ["0", "7", "24527", "2023"] {
            assert_eq!(number_literal(raw), None, "{raw}");
        }
        assert_eq!(number_literal("023"), Some(LiteralProblem::LeadingZero));
        assert_eq!(number_literal("\"2023\""), Some(LiteralProblem::Quoted));
        assert_eq!(
            number_literal("1.000"),
            Some(LiteralProblem::ThousandsDots("1000".into()))
        );
        assert_eq!(
            number_literal("24.527"),
            Some(LiteralProblem::ThousandsDots("24527".into()))
        );
        assert_eq!(
            number_literal("1.000.000"),
            Some(LiteralProblem::ThousandsDots("1000000".into()))
        );
        for raw in ["25.0", "2,5", "24.52", "0.5"] {
            assert_eq!(number_literal(raw), Some(LiteralProblem::Decimal), "{raw}");
        }
        for raw in ["0x17", "0o27", "0b11", "2_3", "+23", "1e3", ".inf", "-5"] {
            assert_eq!(
                number_literal(raw),
                Some(LiteralProblem::NotDigits),
                "{raw}"
            );
        }
    }

    #[test]
    fn the_scalar_ends_where_yaml_ends_it() {
        assert_eq!(scalar_prefix("0x17 # ví dụ"), "0x17");
        assert_eq!(scalar_prefix("9, total: 10 }"), "9");
        assert_eq!(scalar_prefix("\"20 23\" x"), "\"20 23\"");
        assert_eq!(scalar_prefix("1.000"), "1.000");
    }
}
