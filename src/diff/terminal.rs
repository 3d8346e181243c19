//! The text format, for a terminal: plain, or with ANSI colours.

use std::fmt::Write;

use super::*;
use crate::text::escape_controls as esc;

/// ANSI styles, or nothing when colour is off.
struct Paint(bool);

impl Paint {
    fn style(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn bold(&self, text: &str) -> String {
        self.style("1", text)
    }

    fn red(&self, text: &str) -> String {
        self.style("31", text)
    }

    fn green(&self, text: &str) -> String {
        self.style("32", text)
    }
}

pub(super) fn render(diff: &Diff, colour: bool, l: Language) -> String {
    let p = Paint(colour);
    let mut out = String::new();
    for (which, side) in [(&msg::DIFF_OLD, &diff.old), (&msg::DIFF_NEW, &diff.new)] {
        let status = validation(side, l);
        let status = if side.passes() {
            status
        } else {
            p.red(&status)
        };
        let _ = writeln!(out, "{}: {} — {status}", heading(l, which), side.name);
        for error in side.errors.iter().take(ERRORS_SHOWN) {
            for line in error.display(l).to_string().lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
        if side.errors.len() > ERRORS_SHOWN {
            let more = side.errors.len() - ERRORS_SHOWN;
            let more = say(
                l,
                count(more, &msg::DIFF_MORE_ERROR, &msg::DIFF_MORE_ERRORS),
            );
            let _ = writeln!(out, "    {more}");
        }
    }
    if !diff.old.passes() || !diff.new.passes() {
        let _ = writeln!(out, "\n{}", heading(l, &msg::DIFF_NOT_COMPARED));
        return out;
    }
    let to_check = diff.to_check();
    if !to_check.is_empty() {
        let n = count(
            to_check.len(),
            &msg::DIFF_NEW_WARNING,
            &msg::DIFF_NEW_WARNINGS,
        );
        let title = say(l, msg::DIFF_TO_CHECK.with_message("warnings", n));
        let _ = writeln!(out, "\n{}", p.red(&p.bold(&title)));
        warning_lines(&mut out, &to_check, l);
    }
    let still = diff.still_warned();
    if !still.is_empty() {
        let title = say(
            l,
            msg::DIFF_STILL.with("warnings", warnings(still.len(), l)),
        );
        let _ = writeln!(out, "\n{}", p.bold(&title));
        warning_lines(&mut out, &still, l);
    }
    if diff.is_identical() {
        let _ = writeln!(out, "\n{}", heading(l, &msg::DIFF_IDENTICAL));
        return out;
    }
    out.push_str(&changes(diff, colour, l));
    out
}

/// Each warning, its first line marked.
fn warning_lines(out: &mut String, warnings: &[&Diagnostic], l: Language) {
    for warning in warnings {
        for (i, line) in esc(&warning.display(l).to_string()).lines().enumerate() {
            let mark = if i == 0 { "⚠ " } else { "  " };
            let _ = writeln!(out, "  {mark}{line}");
        }
    }
}

/// The differences alone, without the two versions' names and validation.
pub(super) fn changes(diff: &Diff, colour: bool, l: Language) -> String {
    let p = Paint(colour);
    let mut out = String::new();
    for (title, list, added) in [
        (&msg::DIFF_ADDED, &diff.added, true),
        (&msg::DIFF_REMOVED, &diff.removed, false),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", p.bold(&format!("{}:", heading(l, title))));
        for e in list {
            let line = match e.kind {
                Kind::Year => format!("{} {}", e.kind.name(l), e.name),
                _ => format!("{} {} ({})", e.kind.name(l), e.name, e.id),
            };
            let line = esc(&line);
            let line = if added { p.green(&line) } else { p.red(&line) };
            let _ = writeln!(out, "  {line}");
        }
    }
    if !diff.renamed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            p.bold(&format!("{}:", heading(l, &msg::DIFF_RENAMED)))
        );
        for r in &diff.renamed {
            let line = format!("{} {}: {} → {}", r.kind.name(l), r.id, r.old, r.new);
            let _ = writeln!(out, "  {}", esc(&line));
        }
    }
    section(&mut out, &p, l, &msg::DIFF_FIGURES, diff.figures.len());
    for c in &diff.figures {
        let old = show_figure(c.old.as_ref());
        let new = show_figure(c.new.as_ref());
        let mut line = format!("  {}: ", c.label);
        if old == new {
            line.push_str(&old);
        } else {
            let _ = write!(line, "{old} → {new}");
        }
        if let Some(how) = figure_change(c, l) {
            let _ = write!(line, " ({how})");
        }
        out.push_str(&esc(&line));
        out.push('\n');
    }
    section(&mut out, &p, l, &msg::DIFF_DETAILS, diff.details.len());
    for c in &diff.details {
        let old = show_detail(c.old.as_ref());
        let new = show_detail(c.new.as_ref());
        let _ = writeln!(out, "{}", esc(&format!("  {}: {old} → {new}", c.label)));
    }
    section(&mut out, &p, l, &msg::DIFF_TEXTS, diff.texts.len());
    for c in &diff.texts {
        let _ = writeln!(out, "  {}:", esc(&c.label));
        for line in text_lines(c) {
            let line = match line {
                Line::Removed(l) => p.red(&esc(&marked('-', l))),
                Line::Added(l) => p.green(&esc(&marked('+', l))),
            };
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

/// Starts a section of changes, unless there are none.
fn section(out: &mut String, p: &Paint, l: Language, title: &'static Entry, count: usize) {
    if count > 0 {
        let title = msg::DIFF_SECTION
            .with("title", heading(l, title))
            .with("count", count);
        let _ = writeln!(out, "\n{}", p.bold(&format!("{}:", say(l, title))));
    }
}
