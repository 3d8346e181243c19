//! The JSON format, for scripts: the whole [`Diff`], every error included.

use serde_json::json;

use super::*;

pub(super) fn render(diff: &Diff) -> String {
    let diagnostic = |e: &Diagnostic| {
        json!({
            "file": e.file,
            "line": e.line,
            "column": e.column,
            "message": e.message,
            "hint": e.hint,
        })
    };
    let side = |side: &Side| {
        let errors: Vec<_> = side.errors.iter().map(diagnostic).collect();
        json!({
            "name": side.name,
            "passes": side.passes(),
            "errors": errors,
            "warnings": side.warnings.len(),
        })
    };
    let texts: Vec<_> = diff
        .texts
        .iter()
        .map(|c| {
            json!({
                "key": c.key,
                "label": c.label,
                "old": c.old,
                "new": c.new,
                "lines": text_lines(c),
            })
        })
        .collect();
    let value = json!({
        "identical": diff.is_identical(),
        "old": side(&diff.old),
        "new": side(&diff.new),
        "added": diff.added,
        "removed": diff.removed,
        "renamed": diff.renamed,
        "figures": diff.figures,
        "details": diff.details,
        "texts": texts,
        "to_check": diff.to_check().into_iter().map(diagnostic).collect::<Vec<_>>(),
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}
