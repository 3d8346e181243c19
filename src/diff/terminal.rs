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

pub(super) fn render(diff: &Diff, colour: bool) -> String {
    let p = Paint(colour);
    let mut out = String::new();
    for (which, side) in [("old", &diff.old), ("new", &diff.new)] {
        let status = validation(side);
        let status = if side.passes() {
            status
        } else {
            p.red(&status)
        };
        let _ = writeln!(out, "{which}: {} — {status}", side.name);
        for error in side.errors.iter().take(ERRORS_SHOWN) {
            for line in error.to_string().lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
        if side.errors.len() > ERRORS_SHOWN {
            let more = plural(side.errors.len() - ERRORS_SHOWN, "more error");
            let _ = writeln!(out, "    … and {more}");
        }
    }
    if !diff.old.passes() || !diff.new.passes() {
        let _ = writeln!(out, "\n{NOT_COMPARED}.");
        return out;
    }
    let to_check = diff.to_check();
    if !to_check.is_empty() {
        let heading = format!("⚠ To check: {}", plural(to_check.len(), "new warning"));
        let _ = writeln!(out, "\n{}", p.red(&p.bold(&heading)));
        for warning in to_check {
            for (i, line) in esc(&warning.to_string()).lines().enumerate() {
                let mark = if i == 0 { "⚠ " } else { "  " };
                let _ = writeln!(out, "  {mark}{line}");
            }
        }
    }
    if diff.is_identical() {
        out.push_str("\nNo differences in the data.\n");
        return out;
    }
    out.push_str(&changes(diff, colour));
    out
}

/// The differences alone, without the two versions' names and validation.
pub(super) fn changes(diff: &Diff, colour: bool) -> String {
    let p = Paint(colour);
    let mut out = String::new();
    for (heading, list, added) in [
        ("Added", &diff.added, true),
        ("Removed", &diff.removed, false),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", p.bold(&format!("{heading}:")));
        for e in list {
            let line = match e.kind {
                Kind::Year => format!("{} {}", e.kind.name(), e.name),
                _ => format!("{} {} ({})", e.kind.name(), e.name, e.id),
            };
            let line = esc(&line);
            let line = if added { p.green(&line) } else { p.red(&line) };
            let _ = writeln!(out, "  {line}");
        }
    }
    if !diff.renamed.is_empty() {
        let _ = writeln!(out, "\n{}", p.bold("Renamed:"));
        for r in &diff.renamed {
            let line = format!("{} {}: {} → {}", r.kind.name(), r.id, r.old, r.new);
            let _ = writeln!(out, "  {}", esc(&line));
        }
    }
    section(&mut out, &p, "Figures", diff.figures.len());
    for c in &diff.figures {
        let old = show_figure(c.old.as_ref());
        let new = show_figure(c.new.as_ref());
        let mut line = format!("  {}: ", c.label);
        if old == new {
            line.push_str(&old);
        } else {
            let _ = write!(line, "{old} → {new}");
        }
        if let Some(how) = figure_change(c) {
            let _ = write!(line, " ({how})");
        }
        out.push_str(&esc(&line));
        out.push('\n');
    }
    section(&mut out, &p, "Details", diff.details.len());
    for c in &diff.details {
        let old = show_detail(c.old.as_ref());
        let new = show_detail(c.new.as_ref());
        let _ = writeln!(out, "{}", esc(&format!("  {}: {old} → {new}", c.label)));
    }
    section(&mut out, &p, "Texts", diff.texts.len());
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
fn section(out: &mut String, p: &Paint, title: &str, count: usize) {
    if count > 0 {
        let _ = writeln!(out, "\n{}", p.bold(&format!("{title} ({count} changed):")));
    }
}
