//! YAML parsing with serde-saphyr: strict options, budgets, and errors turned into diagnostics.

use serde::de::DeserializeOwned;
use serde_saphyr::{DuplicateKeyPolicy, Options};

use super::source::SourceFile;
use crate::diagnostic::Diagnostic;

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
        return Err(Diagnostic::file_error(&source.path, "the file is empty")
            .hint("write the fields this kind of file needs; see docs/content-format.md"));
    }
    serde_saphyr::from_str_with_options(&source.text, options()).map_err(|e| {
        let message = plain_message(&e.without_snippet().to_string());
        let diagnostic = match e.location() {
            Some(loc) if loc.line() > 0 => source.error_at_location(&loc, &message),
            _ => source.error_at(0, 0, &message),
        };
        match hint_for(&message) {
            Some(hint) => diagnostic.hint(hint),
            None => diagnostic,
        }
    })
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

/// A fix for the parser messages people meet most often.
fn hint_for(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`')?;
        let expected: Vec<&str> = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        return Some(match did_you_mean(field, &expected) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the fields allowed here are: {}", expected.join(", ")),
        });
    }
    if message.starts_with("duplicate mapping key") {
        return Some("each field may appear only once; delete or merge the repeated one".into());
    }
    if message.contains("found a tab") || message.contains("tab") && message.contains("indent") {
        return Some("YAML indents with spaces only; replace the tab with spaces".into());
    }
    if message.starts_with("missing field") {
        return Some("add this field; see docs/content-format.md for what it holds".into());
    }
    if message.starts_with("unknown variant") {
        return Some("use one of the values listed".into());
    }
    None
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(prev + usize::from(ca != *cb));
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_suggested() {
        assert_eq!(
            did_you_mean("nmae", &["name", "kind", "code"]),
            Some("name")
        );
        assert_eq!(
            did_you_mean("particpations", &["sessions", "participations"]),
            Some("participations")
        );
        assert_eq!(did_you_mean("zzz", &["name", "kind"]), None);
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
