//! The Markdown format, for a pull-request comment.

use std::fmt::Write;

use super::*;

pub(super) fn render(diff: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## Data changes: {} → {}\n",
        code(&diff.old.name),
        code(&diff.new.name)
    );
    out.push_str("| | Version | Validation |\n|---|---|---|\n");
    for (which, side) in [("Old", &diff.old), ("New", &diff.new)] {
        let status = validation(side);
        let status = if side.passes() {
            status
        } else {
            format!("**{status}**")
        };
        let _ = writeln!(out, "| {which} | {} | {status} |", code(&side.name));
    }
    for (which, side) in [("old", &diff.old), ("new", &diff.new)] {
        if side.passes() {
            continue;
        }
        let which_errors = if side.errors.len() > ERRORS_SHOWN {
            format!("its first {}", plural(ERRORS_SHOWN, "error"))
        } else {
            "its errors".to_owned()
        };
        let _ = writeln!(
            out,
            "\n**The {which} version {} fails validation**; {which_errors}:\n",
            code(&side.name)
        );
        let errors: Vec<String> = side
            .errors
            .iter()
            .take(ERRORS_SHOWN)
            .map(|e| e.to_string())
            .collect();
        fenced(&mut out, "text", &errors);
    }
    if !diff.old.passes() || !diff.new.passes() {
        let _ = writeln!(out, "\n{NOT_COMPARED}.");
        return out;
    }
    let to_check = diff.to_check();
    if !to_check.is_empty() {
        let _ = writeln!(
            out,
            "\n### ⚠ To check: {}\n",
            plural(to_check.len(), "new warning")
        );
        let warnings: Vec<String> = to_check.iter().map(|w| format!("⚠ {w}")).collect();
        fenced(&mut out, "text", &warnings);
    }
    if diff.is_identical() {
        out.push_str("\nNo differences in the data.\n");
        return out;
    }

    for (heading, list) in [("Added", &diff.added), ("Removed", &diff.removed)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {heading}\n");
        for e in list {
            let _ = match e.kind {
                Kind::Year => writeln!(out, "- {} {}", e.kind.name(), e.name),
                _ => writeln!(
                    out,
                    "- {} {} ({})",
                    e.kind.name(),
                    escape(&e.name),
                    code(&e.id)
                ),
            };
        }
    }
    if !diff.renamed.is_empty() {
        out.push_str("\n### Renamed\n\n");
        for r in &diff.renamed {
            let _ = writeln!(
                out,
                "- {} {}: {} → {}",
                r.kind.name(),
                code(&r.id),
                escape(&r.old),
                escape(&r.new)
            );
        }
    }
    if !diff.figures.is_empty() {
        let _ = writeln!(out, "\n### Figures ({} changed)\n", diff.figures.len());
        out.push_str("| Figure | Old | New | Change |\n|---|--:|--:|---|\n");
        for c in &diff.figures {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                escape(&c.label),
                show_figure(c.old.as_ref()),
                show_figure(c.new.as_ref()),
                figure_change(c).map_or(String::new(), |how| escape(&how))
            );
        }
    }
    if !diff.details.is_empty() {
        let _ = writeln!(out, "\n### Details ({} changed)\n", diff.details.len());
        out.push_str("| Field | Old | New |\n|---|---|---|\n");
        for c in &diff.details {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                escape(&c.label),
                escape(&show_detail(c.old.as_ref())),
                escape(&show_detail(c.new.as_ref()))
            );
        }
    }
    if !diff.texts.is_empty() {
        let _ = writeln!(out, "\n### Texts ({} changed)", diff.texts.len());
        for c in &diff.texts {
            let _ = writeln!(out, "\n**{}**\n", escape(&c.label));
            let lines: Vec<String> = text_lines(c)
                .into_iter()
                .map(|line| match line {
                    Line::Removed(l) => marked('-', l),
                    Line::Added(l) => marked('+', l),
                })
                .collect();
            fenced(&mut out, "diff", &lines);
        }
    }
    out
}

/// Writes `lines` as a fenced code block, with a fence longer than any backtick run in them.
fn fenced(out: &mut String, language: &str, lines: &[String]) {
    let fence = "`".repeat(longest_backtick_run(&lines.concat()).max(2) + 1);
    let _ = writeln!(out, "{fence}{language}");
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{fence}");
}

/// `text` as inline code, however many backticks it holds.
fn code(text: &str) -> String {
    let ticks = "`".repeat(longest_backtick_run(text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Escapes what Markdown would read as formatting or as a table cell's end.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}
