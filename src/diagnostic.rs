//! Errors and warnings about the content, each pointing at a file, a line and a column.
//! Messages and hints come from the [catalogue](crate::messages), so that a diagnostic can be
//! shown in English or Vietnamese, for a person or as JSON.

use std::fmt;

use crate::language::Language;
use crate::messages::{self, Message};

/// How serious a diagnostic is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a content or template file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the project root, with `/` separators.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column; 0 when unknown.
    pub column: u32,
    pub message: Message,
    /// What to do about it.
    pub hint: Option<Message>,
    /// The offending source line, shown under the message with a caret.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (no line).
    pub fn file_error(file: &str, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            snippet: None,
        }
    }

    /// Adds a hint telling the reader how to fix the problem.
    pub fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Turns an error into a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as a person reads it, in `language`: position, label and message,
    /// the source line with a caret under the column, and the hint.
    pub fn display(&self, language: Language) -> impl fmt::Display + '_ {
        Human(self, language)
    }

    /// The diagnostic as one JSON object, for editors and CI: `reason` (`diagnostic`),
    /// `severity` (`error` or `warning`), `file`, `line` and `column` (0 when unknown),
    /// `message` and `hint` (or null) in `language`.
    pub fn to_json(&self, language: Language) -> serde_json::Value {
        serde_json::json!({
            "reason": "diagnostic",
            "severity": match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message.render(language),
            "hint": self.hint.as_ref().map(|h| h.render(language)),
        })
    }
}

/// A diagnostic in the human format, in one language.
struct Human<'a>(&'a Diagnostic, Language);

impl fmt::Display for Human<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Human(d, language) = *self;
        let label = match d.severity {
            Severity::Error => &messages::LABEL_ERROR,
            Severity::Warning => &messages::LABEL_WARNING,
        };
        let esc = crate::text::escape_controls;
        write!(f, "{}", esc(&d.file))?;
        if d.line > 0 {
            write!(f, ":{}:{}", d.line, d.column.max(1))?;
        }
        write!(
            f,
            ": {}: {}",
            label.message().render(language),
            esc(&d.message.render(language))
        )?;
        if let Some(snippet) = &d.snippet {
            let snippet = esc(snippet);
            let number = d.line.to_string();
            let pad = " ".repeat(number.len());
            let caret_pad: String = snippet
                .chars()
                .take(d.column.saturating_sub(1) as usize)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "\n {number} | {snippet}\n {pad} | {caret_pad}^")?;
        }
        if let Some(hint) = &d.hint {
            write!(
                f,
                "\n  {}: {}",
                messages::LABEL_HINT.message().render(language),
                esc(&hint.render(language))
            )?;
        }
        Ok(())
    }
}

/// In English.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display(Language::En).fmt(f)
    }
}

/// Sorts diagnostics by file, position and message so that output never depends on
/// the order in which files were read.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_cached_key(|d| {
        (
            d.file.clone(),
            d.line,
            d.column,
            d.severity,
            d.message.to_string(),
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{DID_YOU_MEAN, EMPTY_FILE, UNKNOWN_FIELD};

    fn unknown_field() -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: "content/communes/tuy-loc.yaml".into(),
            line: 3,
            column: 7,
            message: UNKNOWN_FIELD
                .with("field", "nmae")
                .with("expected", "name, kind"),
            hint: Some(DID_YOU_MEAN.with("name", "name")),
            snippet: Some("nmae: Tuy Lộc".into()),
        }
    }

    #[test]
    fn display_names_file_line_column_and_points_at_the_column() {
        assert_eq!(
            unknown_field().to_string(),
            "content/communes/tuy-loc.yaml:3:7: error: unknown field `nmae`, expected one of name, kind\n 3 | nmae: Tuy Lộc\n   |       ^\n  hint: did you mean `name`?"
        );
        assert_eq!(
            unknown_field().display(Language::Vi).to_string(),
            "content/communes/tuy-loc.yaml:3:7: lỗi: không có trường nào tên `nmae` ở đây\n 3 | nmae: Tuy Lộc\n   |       ^\n  gợi ý: có phải bạn muốn viết `name`?"
        );
    }

    #[test]
    fn whole_file_errors_have_no_position() {
        let d = Diagnostic::file_error("content/site.yaml", &EMPTY_FILE).warning();
        assert_eq!(
            d.to_string(),
            "content/site.yaml: warning: the file is empty"
        );
    }

    #[test]
    fn json_has_one_field_per_part() {
        let json = unknown_field().to_json(Language::En).to_string();
        assert_eq!(
            json,
            r#"{"reason":"diagnostic","severity":"error","file":"content/communes/tuy-loc.yaml","line":3,"column":7,"message":"unknown field `nmae`, expected one of name, kind","hint":"did you mean `name`?"}"#
        );
        let d = Diagnostic::file_error("content/site.yaml", &EMPTY_FILE);
        assert_eq!(d.to_json(Language::Vi)["message"], "tệp đang trống");
        assert!(d.to_json(Language::Vi)["hint"].is_null());
    }
}
