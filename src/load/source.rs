//! A content file as read from disk: its project-relative path and its NFC text.

use super::Location;
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
    pub fn scalar_at(&self, location: &Location) -> Option<&str> {
        // The parser read this very text, so its byte offset finds the value at once; a
        // national project checks a million figures this way.
        let at = location.byte_offset().and_then(|b| usize::try_from(b).ok());
        match at.and_then(|at| self.text.get(at..)) {
            Some(rest) => Some(crate::text::scalar_prefix(rest)),
            None => self.scalar_by_line(location),
        }
    }

    /// [`Self::scalar_at`] found by the location's line and column.
    fn scalar_by_line(&self, location: &Location) -> Option<&str> {
        let line = (location.line() as usize).checked_sub(1)?;
        let text = self.text.lines().nth(line)?;
        let column = (location.column() as usize).checked_sub(1)?;
        let start = text.char_indices().nth(column).map(|(i, _)| i)?;
        Some(crate::text::scalar_prefix(&text[start..]))
    }

    /// An error at a position returned by the YAML parser.
    pub fn error_at_location(
        &self,
        location: &Location,
        message: impl Into<Message>,
    ) -> Diagnostic {
        self.error_at(location.line() as u32, location.column() as u32, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Spanned;

    #[test]
    fn a_scalar_is_found_by_its_byte_offset_as_by_its_line_and_column() {
        let text = "# Xã Tuy Lộc — đã sửa\nname: \"Tuy Lộc\"\nyears:\n  - { year: 2023, count: 0x17 }\n  - year: '2022'\n    count: 1.000\n";
        #[derive(serde::Deserialize)]
        struct Year {
            year: Spanned<String>,
            count: Spanned<String>,
        }
        #[derive(serde::Deserialize)]
        struct File {
            name: Spanned<String>,
            years: Vec<Year>,
        }
        let file: File = serde_saphyr::from_str(text).unwrap();
        let source = SourceFile::new("content/communes/tuy-loc.yaml", text);
        let mut found = vec![source.scalar_at(&file.name.referenced).unwrap()];
        assert_eq!(
            found[0],
            source.scalar_by_line(&file.name.referenced).unwrap()
        );
        for y in &file.years {
            for at in [&y.year.referenced, &y.count.referenced] {
                assert!(at.byte_offset().is_some());
                let scalar = source.scalar_at(at).unwrap();
                assert_eq!(scalar, source.scalar_by_line(at).unwrap());
                found.push(scalar);
            }
        }
        assert_eq!(found, ["\"Tuy Lộc\"", "2023", "0x17", "'2022'", "1.000"]);
    }
}
