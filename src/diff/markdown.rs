//! The Markdown format, for a pull-request comment.

use std::fmt::Write;

use super::*;

pub(super) fn render(diff: &Diff, l: Language) -> String {
    let mut out = String::new();
    let title = msg::DIFF_MD_TITLE
        .with("old", code(&diff.old.name))
        .with("new", code(&diff.new.name));
    let _ = writeln!(out, "## {}\n", say(l, title));
    let _ = writeln!(
        out,
        "| | {} | {} |\n|---|---|---|",
        heading(l, &msg::DIFF_MD_VERSION),
        heading(l, &msg::DIFF_MD_VALIDATION)
    );
    for (which, side) in [
        (&msg::DIFF_MD_OLD, &diff.old),
        (&msg::DIFF_MD_NEW, &diff.new),
    ] {
        let status = validation(side, l);
        let status = if side.passes() {
            status
        } else {
            format!("**{status}**")
        };
        let name = code(&side.name);
        let _ = writeln!(out, "| {} | {name} | {status} |", heading(l, which));
    }
    for (which, side) in [(&msg::DIFF_OLD, &diff.old), (&msg::DIFF_NEW, &diff.new)] {
        if side.passes() {
            continue;
        }
        let which_errors = if side.errors.len() > ERRORS_SHOWN {
            say(
                l,
                msg::DIFF_MD_FIRST_ERRORS.with("errors", errors(ERRORS_SHOWN, l)),
            )
        } else {
            heading(l, &msg::DIFF_MD_ITS_ERRORS)
        };
        let fails = msg::DIFF_MD_FAILS
            .with("which", heading(l, which))
            .with("name", code(&side.name));
        let _ = writeln!(out, "\n**{}**; {which_errors}:\n", say(l, fails));
        let errors: Vec<String> = side
            .errors
            .iter()
            .take(ERRORS_SHOWN)
            .map(|e| e.display(l).to_string())
            .collect();
        fenced(&mut out, "text", &errors);
    }
    if !diff.old.passes() || !diff.new.passes() {
        let _ = writeln!(out, "\n{}", heading(l, &msg::DIFF_NOT_COMPARED));
        return out;
    }
    for (warnings, title) in [(diff.to_check(), true), (diff.still_warned(), false)] {
        if warnings.is_empty() {
            continue;
        }
        let title = if title {
            let n = count(
                warnings.len(),
                &msg::DIFF_NEW_WARNING,
                &msg::DIFF_NEW_WARNINGS,
            );
            msg::DIFF_TO_CHECK.with_message("warnings", n)
        } else {
            msg::DIFF_STILL.with("warnings", super::warnings(warnings.len(), l))
        };
        let _ = writeln!(out, "\n### {}\n", say(l, title));
        let lines: Vec<String> = warnings
            .iter()
            .map(|w| format!("⚠ {}", w.display(l)))
            .collect();
        fenced(&mut out, "text", &lines);
    }
    if diff.is_identical() {
        let _ = writeln!(out, "\n{}", heading(l, &msg::DIFF_IDENTICAL));
        return out;
    }

    for (title, list) in [
        (&msg::DIFF_ADDED, &diff.added),
        (&msg::DIFF_REMOVED, &diff.removed),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {}\n", heading(l, title));
        for e in list {
            let _ = match e.kind {
                Kind::Year => writeln!(out, "- {} {}", e.kind.name(l), e.name),
                _ => writeln!(
                    out,
                    "- {} {} ({})",
                    e.kind.name(l),
                    escape(&e.name),
                    code(&e.id)
                ),
            };
        }
    }
    if !diff.renamed.is_empty() {
        let _ = writeln!(out, "\n### {}\n", heading(l, &msg::DIFF_RENAMED));
        for r in &diff.renamed {
            let _ = writeln!(
                out,
                "- {} {}: {} → {}",
                r.kind.name(l),
                code(&r.id),
                escape(&r.old),
                escape(&r.new)
            );
        }
    }
    let section = |out: &mut String, title: &'static Entry, n: usize| {
        let title = msg::DIFF_SECTION
            .with("title", heading(l, title))
            .with("count", n);
        let _ = writeln!(out, "\n### {}", say(l, title));
    };
    let (old, new) = (heading(l, &msg::DIFF_MD_OLD), heading(l, &msg::DIFF_MD_NEW));
    if !diff.figures.is_empty() {
        section(&mut out, &msg::DIFF_FIGURES, diff.figures.len());
        let _ = writeln!(
            out,
            "\n| {} | {old} | {new} | {} |\n|---|--:|--:|---|",
            heading(l, &msg::DIFF_MD_FIGURE),
            heading(l, &msg::DIFF_MD_CHANGE)
        );
        for c in &diff.figures {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                escape(&c.label),
                show_figure(c.old.as_ref()),
                show_figure(c.new.as_ref()),
                figure_change(c, l).map_or(String::new(), |how| escape(&how))
            );
        }
    }
    if !diff.details.is_empty() {
        section(&mut out, &msg::DIFF_DETAILS, diff.details.len());
        let _ = writeln!(
            out,
            "\n| {} | {old} | {new} |\n|---|---|---|",
            heading(l, &msg::DIFF_MD_FIELD)
        );
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
        section(&mut out, &msg::DIFF_TEXTS, diff.texts.len());
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
