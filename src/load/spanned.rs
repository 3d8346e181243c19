//! A parsed value with the place it was written, kept small: a national project holds a
//! million of them until its report is built.

use serde::{Deserialize, Deserializer};

/// Where a value was written: 1-based line and column, and the byte offset in the file's
/// text when the parser knew it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    line: u32,
    column: u32,
    /// `u32::MAX` when unknown.
    byte_offset: u32,
}

impl Location {
    /// The 1-based line.
    pub fn line(&self) -> u64 {
        u64::from(self.line)
    }

    /// The 1-based column, in characters.
    pub fn column(&self) -> u64 {
        u64::from(self.column)
    }

    /// The offset of the value in the file's text, in bytes, when known.
    pub fn byte_offset(&self) -> Option<u64> {
        (self.byte_offset != u32::MAX).then_some(u64::from(self.byte_offset))
    }
}

impl From<serde_saphyr::Location> for Location {
    fn from(at: serde_saphyr::Location) -> Self {
        let narrow = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        Location {
            line: narrow(at.line()),
            column: narrow(at.column()),
            byte_offset: at.span().byte_offset().map_or(u32::MAX, narrow),
        }
    }
}

/// A value and where it was written (for an alias, where the alias was written).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    pub value: T,
    pub referenced: Location,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let parsed = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(Spanned {
            value: parsed.value,
            referenced: parsed.referenced.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_line_column_and_byte_offset() {
        #[derive(Deserialize)]
        struct File {
            name: Spanned<String>,
        }
        let file: File = serde_saphyr::from_str("# đầu\nname: \"Đức\"\n").unwrap();
        assert_eq!(file.name.value, "Đức");
        assert_eq!(
            (file.name.referenced.line(), file.name.referenced.column()),
            (2, 7)
        );
        assert_eq!(file.name.referenced.byte_offset(), Some(15));
        assert_eq!(std::mem::size_of::<Location>(), 12);
    }
}
