//! YAML parsing with serde-saphyr: strict options, budgets, and errors turned into diagnostics.

use serde::de::DeserializeOwned;
use serde_saphyr::{DuplicateKeyPolicy, Options};

use super::source::SourceFile;
use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Entry, Message};

/// Deepest nesting of mappings and sequences a content file may use.
pub const MAX_DEPTH: usize = 32;

fn options() -> Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_depth: MAX_DEPTH },
        duplicate_keys: DuplicateKeyPolicy::Error,
        strict_booleans: true,
        with_snippet: false,
    }
}

/// Parses one YAML document of `source` into `T`, or explains what is wrong and where.
pub fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T, Diagnostic> {
    if source.text.trim().is_empty() {
        return Err(
            Diagnostic::file_error(&source.path, &msg::EMPTY_FILE).hint(&msg::EMPTY_FILE_HINT)
        );
    }
    serde_saphyr::from_str_with_options(&source.text, options()).map_err(|e| {
        let (mut message, mut hint) = describe(&plain_message(&e.without_snippet().to_string()));
        // A number written as a decimal (`1.000` for one thousand): say what was written.
        if matches!(message.id(), "fractional-count" | "implausible-count")
            && let Some(raw) = e.location().and_then(|loc| source.scalar_at(&loc.into()))
            && let Some(explained) = literal_message(raw, None)
        {
            (message, hint) = explained;
        }
        let (line, column) = e
            .location()
            .map_or((0, 0), |loc| (loc.line() as usize, loc.column() as usize));
        let (line, column) = match super::typos::explain(&source.text, message.id(), line, column) {
            Some(slip) => {
                (message, hint) = (slip.message, Some(slip.hint));
                match slip.line {
                    0 => (line, slip.column),
                    _ => (slip.line, slip.column),
                }
            }
            None => (line, column),
        };
        let diagnostic = source.error_at(line as u32, column as u32, message);
        match hint {
            Some(hint) => diagnostic.hint(hint),
            None => diagnostic,
        }
    })
}

/// What is wrong with the number written as `raw` (see [`crate::text::number_literal`]), and
/// the fix: `value` when the parser read one.
pub fn literal_message(raw: &str, value: Option<u64>) -> Option<(Message, Option<Message>)> {
    use crate::text::LiteralProblem;
    let problem = crate::text::number_literal(raw)?;
    let message = match &problem {
        LiteralProblem::LeadingZero => msg::NUMBER_LEADING_ZERO.message(),
        LiteralProblem::Quoted => msg::NUMBER_QUOTED.message(),
        LiteralProblem::ThousandsDots(digits) => msg::NUMBER_THOUSANDS_DOTS.with("digits", digits),
        LiteralProblem::Decimal => msg::NUMBER_DECIMAL.message(),
        LiteralProblem::NotDigits => msg::NUMBER_NOT_DIGITS.message(),
    };
    let hint = value.map(|v| msg::NUMBER_WRITE_HINT.with("value", v));
    Some((message.with("raw", raw), hint))
}

/// Strips the parser's own "error: line N column M: " prefix: diagnostics add their own.
fn plain_message(rendered: &str) -> String {
    let first = rendered.lines().next().unwrap_or(rendered);
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let message = match first.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map_or(rest, |(_, m)| m),
        None => first,
    };
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .trim_end_matches(", set DuplicateKeyPolicy in Options if acceptable");
    message.to_owned()
}

/// Parser messages (serde's, serde-saphyr's and those of the count visitors in `records.rs`)
/// recognised by their English text, each with the hint that goes with it.
const PARSER_MESSAGES: &[(&Entry, Option<&Entry>)] = &[
    (&msg::MISSING_FIELD, Some(&msg::MISSING_FIELD_HINT)),
    (&msg::DUPLICATE_KEY, Some(&msg::DUPLICATE_KEY_HINT)),
    (&msg::DUPLICATE_KEY_UNNAMED, Some(&msg::DUPLICATE_KEY_HINT)),
    (&msg::INVALID_TYPE, None),
    (&msg::INVALID_BOOLEAN, None),
    (&msg::EXPECTED_TEXT, None),
    (&msg::EXPECTED_LIST, None),
    (&msg::EXPECTED_FIELDS, None),
    (&msg::MAPPING_NOT_ALLOWED, None),
    (&msg::EXPECTED_KEY, None),
    (&msg::EXPECTED_DASH, None),
    (&msg::UNCLOSED_QUOTE, None),
    (&msg::TEXT_AFTER_QUOTE, None),
    (&msg::UNEXPECTED_END, None),
    (&msg::NEGATIVE_COUNT, None),
    (&msg::FRACTIONAL_COUNT, None),
    (&msg::TEXT_FOR_NUMBER, None),
    (&msg::BOOLEAN_FOR_NUMBER, None),
    (&msg::NOTHING_FOR_NUMBER, None),
    (&msg::IMPLAUSIBLE_COUNT, None),
    (&msg::NOTHING_FOR_FLAG, None),
    (&msg::NOTHING_FOR_RATIO, None),
];

/// The catalogue message for a parser message, and a fix for those people meet most often.
/// A message the catalogue does not know is kept as the parser wrote it.
fn describe(text: &str) -> (Message, Option<Message>) {
    if let Some(message) = msg::UNKNOWN_FIELD.recognise(text) {
        let field = message.param("field").unwrap_or_default();
        let expected: Vec<&str> = message
            .param("expected")
            .unwrap_or_default()
            .split(", ")
            .filter(|s| !s.is_empty())
            .collect();
        let hint = match crate::text::did_you_mean(field, &expected) {
            Some(best) => msg::DID_YOU_MEAN.with("name", best),
            None => msg::ALLOWED_FIELDS_HINT.with("fields", expected.join(", ")),
        };
        return (message, Some(hint));
    }
    if let Some(message) = msg::UNKNOWN_VARIANT.recognise(text) {
        // "phuong" for "phường": compare without diacritics first, the likeliest slip.
        let value = crate::text::slugify(message.param("value").unwrap_or_default());
        let expected: Vec<&str> = message
            .param("expected")
            .unwrap_or_default()
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        let hint = expected
            .iter()
            .find(|e| crate::text::slugify(e) == value)
            .map(|best| msg::DID_YOU_MEAN.with("name", best))
            .unwrap_or_else(|| msg::UNKNOWN_VARIANT_HINT.message());
        return (message, Some(hint));
    }
    if text.contains("found a tab") || text.contains("tab") && text.contains("indent") {
        return (
            msg::TAB_INDENT.with("detail", text),
            Some(msg::TAB_INDENT_HINT.message()),
        );
    }
    for (entry, hint) in PARSER_MESSAGES {
        if let Some(message) = entry.recognise(text) {
            return (message, hint.map(Entry::message));
        }
    }
    match msg::INVALID_INTEGER.recognise(text) {
        Some(message) if message.param("type").is_some_and(is_integer_type) => (message, None),
        _ => (Message::text(text), None),
    }
}

/// Rust's integer type names, as the parser reports them ("invalid i64").
fn is_integer_type(name: &str) -> bool {
    let bits = name.strip_prefix('i').or_else(|| name.strip_prefix('u'));
    bits.is_some_and(|b| matches!(b, "8" | "16" | "32" | "64" | "128" | "size"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_are_recognised() {
        let commune = "name: A\nkind: xã\n";
        let count = |value: &str| {
            format!(
                "{commune}years:\n  - year: 2023\n    models:\n      - model: m\n        count: {value}\n"
            )
        };
        let cases = [
            (
                format!("{commune}nmae: B\n"),
                "unknown-field",
                Some("did-you-mean"),
            ),
            (
                "kind: xã\n".to_owned(),
                "missing-field",
                Some("missing-field-hint"),
            ),
            (
                "name: A\nkind: xa\n".to_owned(),
                "unknown-variant",
                Some("did-you-mean"),
            ),
            (
                "name: A\nkind: huyện\n".to_owned(),
                "unknown-variant",
                Some("unknown-variant-hint"),
            ),
            (
                format!("{commune}name: B\n"),
                "duplicate-key",
                Some("duplicate-key-hint"),
            ),
            (
                format!("{commune}years:\n\t- year: 2023\n"),
                "yaml-tab",
                Some("tab-indent-hint"),
            ),
            (
                format!("{commune}years:\n  - year: abc\n"),
                "invalid-integer",
                None,
            ),
            (format!("{commune}years: 3\n"), "expected-list", None),
            ("name: [A\n".to_owned(), "expected-text", None),
            (
                "name: A\nkind: xã: b\n".to_owned(),
                "yaml-colon-in-text",
                Some("yaml-quote-hint"),
            ),
            ("name: 'A\n".to_owned(), "unclosed-quote", None),
            (
                format!("{commune}years:\n  - year: 2023\n    attainment:\n      commune: yes\n"),
                "invalid-boolean",
                None,
            ),
            (count("-3"), "negative-count", None),
            (count("2.5"), "number-decimal", None),
            (count("1.000"), "number-thousands-dots", None),
            (count("025"), "number-leading-zero", None),
            (count("nhiều"), "text-for-number", None),
            (count("true"), "boolean-for-number", None),
            (count("[1]"), "invalid-type", None),
        ];
        for (text, id, hint) in cases {
            let source = SourceFile::new("a.yaml", text.as_str());
            let d = parse::<crate::load::CommuneRecord>(&source).unwrap_err();
            assert_eq!(d.message.id(), id, "{text}");
            assert_eq!(d.hint.as_ref().map(Message::id), hint, "{text}");
        }
    }

    #[test]
    fn parser_prefixes_are_removed() {
        assert_eq!(
            plain_message("error: line 2 column 1: unknown field `a`, expected one of name, count"),
            "unknown field `a`, expected one of name, count"
        );
        assert_eq!(
            plain_message("unexpected end of input at line 1, column 1"),
            "unexpected end of input"
        );
    }
}
