//! A small line diff (longest common subsequence) for the Markdown texts of a report.

use serde::Serialize;

/// A line that only one of two texts has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Line<'a> {
    Removed(&'a str),
    Added(&'a str),
}

/// Above this many line pairs, texts are shown as wholly removed and added instead of
/// computing the table (about 16 MB), which no real narrative comes near.
const MAX_CELLS: usize = 4_000_000;

/// The lines removed from `old` and added in `new`, in reading order, removals first.
pub fn diff_lines<'a>(old: &'a str, new: &'a str) -> Vec<Line<'a>> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if (a.len() + 1) * (b.len() + 1) > MAX_CELLS {
        return a
            .iter()
            .map(|l| Line::Removed(l))
            .chain(b.iter().map(|l| Line::Added(l)))
            .collect();
    }
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(Line::Removed(a[i]));
            i += 1;
        } else {
            out.push(Line::Added(b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Line::*;

    #[test]
    fn only_changed_lines_are_kept() {
        assert_eq!(
            diff_lines("a\nb\nc\nd", "a\nB\nc\nd\ne"),
            [Removed("b"), Added("B"), Added("e")]
        );
        assert_eq!(diff_lines("a\nb", "a\nb\n"), []);
        assert_eq!(diff_lines("", "x"), [Added("x")]);
        assert_eq!(diff_lines("x\ny", ""), [Removed("x"), Removed("y")]);
    }

    #[test]
    fn moved_lines_are_one_removal_and_one_addition() {
        assert_eq!(diff_lines("a\nb\nc", "b\nc\na"), [Removed("a"), Added("a")]);
    }
}
