//! A content file as read from disk: its project-relative path and its NFC text.

use crate::diagnostic::{Diagnostic, Severity};
use crate::messages::Message;

/// A text file of the project, decoded and normalised.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the project root, with `/` separators (as shown in messages).
    pub path: String,
    /// The file's text: UTF-8, NFC, without a byte-order mark.
    pub text: String,
    /// Lines added before `text` in the real file (front matter starts after `---`).
    pub line_offset: u32,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            line_offset: 0,
        }
    }

    /// An error at a 1-based line and column of `text`, with that line as a snippet.
    pub fn error_at(&self, line: u32, column: u32, message: impl Into<Message>) -> Diagnostic {
        let snippet = (line > 0)
            .then(|| self.text.lines().nth(line as usize - 1))
            .flatten()
            .map(|l| l.trim_end_matches('\r').to_owned());
        Diagnostic {
            severity: Severity::Error,
            file: self.path.clone(),
            line: if line > 0 { line + self.line_offset } else { 0 },
            column,
            message: message.into(),
            hint: None,
            snippet,
        }
    }

    /// The raw YAML scalar written at `location` (`0x17`, `"2023"`, `1.000`), when the
    /// location is in this file's text.
    pub fn scalar_at(&self, location: &serde_saphyr::Location) -> Option<&str> {
        let line = (location.line() as usize).checked_sub(1)?;
        let text = self.text.lines().nth(line)?;
        let column = (location.column() as usize).checked_sub(1)?;
        let start = text.char_indices().nth(column).map(|(i, _)| i)?;
        Some(crate::text::scalar_prefix(&text[start..]))
    }

    /// An error at a position returned by the YAML parser.
    pub fn error_at_location(
        &self,
        location: &serde_saphyr::Location,
        message: impl Into<Message>,
    ) -> Diagnostic {
        self.error_at(location.line() as u32, location.column() as u32, message)
    }
}
