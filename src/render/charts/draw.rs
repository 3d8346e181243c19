//! Lays out and draws one chart: panels of labelled horizontal bars, drawn with plotters'
//! SVG backend. Every text is measured with the embedded font and recorded as a box, so
//! tests can prove that nothing leaves the canvas or overlaps.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::metrics::{fit, text_width};
use crate::render::Locale;

/// Canvas width in pixels; the SVG scales down on narrow screens.
pub const WIDTH: u32 = 400;
const PAD: f64 = 8.0;
const LABEL: f64 = 16.0;
const SMALL: f64 = 14.0;
const BAR: f64 = 18.0;
/// plotters writes `font-size` as the style size divided by this.
const PLOTTERS_FONT_RATIO: f64 = 1.24;
const FONT: &str = "Noto Sans";
/// The root `<svg>`'s font: the one labels are measured with, else any sans-serif (a chart
/// saved on its own, or opened where the web font is blocked).
const FONT_FAMILY: &str = "'Noto Sans', sans-serif";

pub const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const MUTED: RGBColor = RGBColor(0x4a, 0x4a, 0x4a);
const GRID: RGBColor = RGBColor(0x76, 0x76, 0x76);
const TRACK: RGBColor = RGBColor(0xe8, 0xe8, 0xe8);
/// Okabe–Ito colours dark enough for 3:1 contrast on white.
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xb2);
pub const VERMILLION: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
pub const GREEN: RGBColor = RGBColor(0x00, 0x9e, 0x73);

/// One part of a (stacked) bar.
#[derive(Debug, Clone)]
pub struct Segment {
    pub value: u64,
    pub color: RGBColor,
}

/// What a row shows under its label.
#[derive(Debug, Clone)]
pub enum Body {
    /// A bar of one or more segments, with a text at its end.
    Bars {
        segments: Vec<Segment>,
        text: String,
    },
    /// `safe` of `total`, as a filled track with the figures written on it.
    Progress { safe: u64, total: u64, text: String },
    /// Nothing reported: says so instead of drawing a zero.
    NoData,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub bold: bool,
    pub body: Body,
}

/// Rows sharing one scale, with an optional title and an axis of integer ticks.
#[derive(Debug, Clone, Default)]
pub struct Panel {
    pub title: Option<String>,
    pub rows: Vec<Row>,
}

/// A whole chart before drawing.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub panels: Vec<Panel>,
    /// Colour keys, in the order the segments are stacked.
    pub legend: Vec<(RGBColor, String)>,
    /// A closing line of text (e.g. how many rows were left to the table).
    pub note: Option<String>,
}

/// Where a text was placed, for overlap and overflow checks.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub text: String,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl TextBox {
    pub fn overlaps(&self, other: &TextBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// A drawn chart: the SVG markup and the boxes of its texts.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub svg: String,
    pub height: u32,
    pub boxes: Vec<TextBox>,
}

/// How a text is set.
#[derive(Debug, Clone, Copy)]
struct Style {
    size: f64,
    bold: bool,
    color: RGBColor,
}

const ROW_LABEL: Style = Style {
    size: LABEL,
    bold: false,
    color: INK,
};
const ROW_LABEL_BOLD: Style = Style {
    size: LABEL,
    bold: true,
    color: INK,
};
const VALUE: Style = Style {
    size: SMALL,
    bold: false,
    color: INK,
};
const QUIET: Style = Style {
    size: SMALL,
    bold: false,
    color: MUTED,
};
const ON_BAR: Style = Style {
    size: SMALL,
    bold: true,
    color: WHITE,
};
const BESIDE_BAR: Style = Style {
    size: SMALL,
    bold: true,
    color: INK,
};

/// A drawing instruction, produced by the layout pass and replayed onto plotters.
enum Mark {
    Rect {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: RGBColor,
        stroke: Option<RGBColor>,
    },
    Text {
        text: String,
        x: f64,
        y: f64,
        style: Style,
        h: HPos,
    },
}

struct Canvas {
    marks: Vec<Mark>,
    boxes: Vec<TextBox>,
    y: f64,
}

impl Canvas {
    /// Places a text whose top is at `y`, anchored at `x` (left, centre or right).
    fn text(&mut self, text: &str, x: f64, y: f64, style: Style, h: HPos) {
        let w = text_width(text, style.size, style.bold);
        let x0 = match h {
            HPos::Left => x,
            HPos::Center => x - w / 2.0,
            HPos::Right => x - w,
        };
        self.boxes.push(TextBox {
            text: text.to_owned(),
            x0,
            y0: y,
            x1: x0 + w,
            y1: y + style.size * 1.25,
        });
        self.marks.push(Mark::Text {
            text: text.to_owned(),
            x,
            y,
            style,
            h,
        });
    }

    fn rect(
        &mut self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: RGBColor,
        stroke: Option<RGBColor>,
    ) {
        self.marks.push(Mark::Rect {
            x0,
            y0,
            x1,
            y1,
            fill,
            stroke,
        });
    }
}

/// Lays out and draws `layout`; `title` and `desc` become the SVG's accessible name and
/// description. `t` words "no data" and writes the axis numbers.
pub fn draw(layout: &Layout, title: &str, desc: &str, t: &Locale) -> Drawn {
    let width = f64::from(WIDTH);
    let inner = width - 2.0 * PAD;
    let mut c = Canvas {
        marks: Vec::new(),
        boxes: Vec::new(),
        y: PAD,
    };
    for panel in &layout.panels {
        draw_panel(&mut c, panel, inner, t);
    }
    if !layout.legend.is_empty() {
        let mut x = PAD;
        for (color, label) in &layout.legend {
            let w = 14.0 + 6.0 + text_width(label, SMALL, false);
            if x > PAD && x + w > width - PAD {
                x = PAD;
                c.y += 22.0;
            }
            c.rect(x, c.y + 2.0, x + 14.0, c.y + 16.0, *color, None);
            let label = fit(label, SMALL, false, inner - 20.0);
            c.text(&label, x + 20.0, c.y, VALUE, HPos::Left);
            x += w + 16.0;
        }
        c.y += 26.0;
    }
    if let Some(note) = &layout.note {
        for line in wrap(note, SMALL, inner) {
            c.text(&line, PAD, c.y, QUIET, HPos::Left);
            c.y += 20.0;
        }
    }
    let height = (c.y + PAD).ceil() as u32;
    Drawn {
        svg: render_svg(&c.marks, height, title, desc),
        height,
        boxes: c.boxes,
    }
}

fn draw_panel(c: &mut Canvas, panel: &Panel, inner: f64, t: &Locale) {
    if let Some(title) = &panel.title {
        let title = fit(title, LABEL, true, inner);
        c.text(&title, PAD, c.y, ROW_LABEL_BOLD, HPos::Left);
        c.y += 28.0;
    }
    // One scale for the panel: the longest bar plus its text must fit.
    let mut scale = f64::INFINITY;
    let mut max_value = 0;
    for row in &panel.rows {
        if let Body::Bars { segments, text } = &row.body {
            let total: u64 = segments.iter().map(|s| s.value).sum();
            if total > 0 {
                let room = inner - 6.0 - text_width(text, SMALL, false);
                scale = scale.min(room.max(inner * 0.25) / total as f64);
                max_value = max_value.max(total);
            }
        }
    }
    for row in &panel.rows {
        let label_max = match &row.body {
            Body::Progress { safe, total, text } if !fits_inside(*safe, *total, text, inner) => {
                inner - text_width(text, SMALL, true) - 12.0
            }
            _ => inner,
        };
        let label = fit(&row.label, LABEL, row.bold, label_max);
        c.text(
            &label,
            PAD,
            c.y,
            if row.bold { ROW_LABEL_BOLD } else { ROW_LABEL },
            HPos::Left,
        );
        let bar_top = c.y + 24.0;
        match &row.body {
            Body::Bars { segments, text } => {
                let mut x = PAD;
                for s in segments {
                    let w = s.value as f64 * scale;
                    if w > 0.0 {
                        c.rect(x, bar_top, x + w, bar_top + BAR, s.color, None);
                    }
                    x += w;
                }
                c.text(text, x + 6.0, bar_top + 1.0, VALUE, HPos::Left);
            }
            Body::Progress { safe, total, text } => {
                let end = PAD + inner;
                c.rect(PAD, bar_top, end, bar_top + BAR, TRACK, Some(GRID));
                let fill = filled(*safe, *total, inner);
                if fill > 0.0 {
                    c.rect(PAD, bar_top, PAD + fill, bar_top + BAR, BLUE, None);
                }
                if fits_inside(*safe, *total, text, inner) {
                    c.text(text, PAD + fill - 6.0, bar_top + 1.0, ON_BAR, HPos::Right);
                } else {
                    c.text(text, end, c.y + 2.0, BESIDE_BAR, HPos::Right);
                }
            }
            Body::NoData => {
                c.text(t.get("no_data"), PAD, bar_top, QUIET, HPos::Left);
            }
        }
        c.y = bar_top + BAR + 14.0;
    }
    if max_value > 0 {
        draw_axis(c, max_value, scale, inner, t);
    }
    c.y += 8.0;
}

/// Width of the filled part of a progress bar.
fn filled(safe: u64, total: u64, inner: f64) -> f64 {
    if total == 0 {
        0.0
    } else {
        inner * safe as f64 / total as f64
    }
}

/// Whether a progress bar's figures fit, in white, inside its filled part.
fn fits_inside(safe: u64, total: u64, text: &str, inner: f64) -> bool {
    text_width(text, SMALL, true) + 12.0 <= filled(safe, total, inner)
}

/// A baseline with integer ticks at 1-2-5 steps, labelled in the language's number format.
fn draw_axis(c: &mut Canvas, max_value: u64, scale: f64, inner: f64, t: &Locale) {
    let step = nice_step(max_value);
    let top = c.y - 6.0;
    c.rect(
        PAD,
        top,
        PAD + max_value as f64 * scale,
        top + 1.0,
        GRID,
        None,
    );
    let mut value = 0;
    let mut last_right = f64::NEG_INFINITY;
    while value <= max_value {
        let x = PAD + value as f64 * scale;
        c.rect(x - 0.5, top, x + 0.5, top + 5.0, GRID, None);
        let label = t.numbers.int(value as i64);
        let w = text_width(&label, SMALL, false);
        let left = (x - w / 2.0).clamp(PAD, PAD + inner - w);
        if left > last_right + 6.0 {
            c.text(&label, left, top + 6.0, QUIET, HPos::Left);
            last_right = left + w;
        }
        value += step;
    }
    c.y = top + 6.0 + SMALL * 1.25 + 4.0;
}

/// Breaks `text` into lines at most `max` pixels wide, at spaces.
fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size, false) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| fit(&l, size, false, max))
        .collect()
}

/// A step of 1, 2 or 5 × 10ⁿ giving at most four intervals up to `max`.
pub fn nice_step(max: u64) -> u64 {
    let mut magnitude = 1u64;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            if max.div_ceil(step) <= 4 {
                return step;
            }
        }
        magnitude *= 10;
    }
}

fn render_svg(marks: &[Mark], height: u32, title: &str, desc: &str) -> String {
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let px = |v: f64| v.round() as i32;
        for mark in marks {
            let _ = match mark {
                Mark::Rect {
                    x0,
                    y0,
                    x1,
                    y1,
                    fill,
                    stroke,
                } => {
                    let r = root.draw(&Rectangle::new(
                        [(px(*x0), px(*y0)), (px(*x1), px(*y1))],
                        fill.filled(),
                    ));
                    match stroke {
                        Some(s) => root.draw(&Rectangle::new(
                            [(px(*x0), px(*y0)), (px(*x1), px(*y1))],
                            s.stroke_width(1),
                        )),
                        None => r,
                    }
                }
                Mark::Text {
                    text,
                    x,
                    y,
                    style,
                    h,
                } => {
                    let font = if style.bold {
                        FontStyle::Bold
                    } else {
                        FontStyle::Normal
                    };
                    let style = TextStyle::from((FONT, style.size * PLOTTERS_FONT_RATIO, font))
                        .color(&style.color)
                        .pos(Pos::new(*h, VPos::Top));
                    root.draw(&Text::new(text.as_str(), (px(*x), px(*y)), style))
                }
            };
        }
        let _ = root.present();
    }
    accessible(&raw, height, title, desc)
}

/// Replaces plotters' opening tag with one that carries `role="img"`, a title, a description
/// and the font and text colour every label shares (see [`compact`]).
fn accessible(raw: &str, height: u32, title: &str, desc: &str) -> String {
    let body = raw.split_once('\n').map_or("", |(_, rest)| rest);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" class=\"chart-svg\" font-family=\"{FONT_FAMILY}\" fill=\"{INK_HEX}\">\n<title>{}</title>\n<desc>{}</desc>\n{}",
        crate::text::escape_html(title),
        crate::text::escape_html(desc),
        compact(body)
    )
}

/// `INK` as SVG writes it.
const INK_HEX: &str = "#1A1A1A";

/// Drops what plotters repeats on every element and the root `<svg>` now says once (font,
/// text colour) or SVG assumes anyway (opacity 1, no stroke, start anchor), and puts each
/// label on one line: the drawing is the same, in less than half the bytes.
fn compact(body: &str) -> String {
    let (font, ink) = (
        format!(" font-family=\"{FONT}\""),
        format!(" fill=\"{INK_HEX}\""),
    );
    let dropped = [
        " opacity=\"1\"",
        " stroke=\"none\"",
        " text-anchor=\"start\"",
        &font,
        &ink,
    ];
    let mut out = String::with_capacity(body.len() / 2);
    let mut lines = body.lines();
    while let Some(mut line) = lines.next() {
        // Attributes are separated by single spaces: copy the line, leaving out the dropped ones.
        while let Some(at) = line.find(" ") {
            out.push_str(&line[..at]);
            line = &line[at..];
            match dropped.iter().find(|d| line.starts_with(**d)) {
                Some(d) => line = &line[d.len()..],
                None => {
                    out.push(' ');
                    line = &line[1..];
                }
            }
        }
        out.push_str(line);
        if out.ends_with('>') && out[out.rfind('\n').map_or(0, |n| n + 1)..].starts_with("<text") {
            // plotters writes the label and the closing tag on lines of their own.
            for inner in lines.by_ref() {
                out.push_str(inner);
                if inner == "</text>" {
                    break;
                }
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_one_two_five() {
        assert_eq!(nice_step(3), 1);
        assert_eq!(nice_step(9), 5);
        assert_eq!(nice_step(226), 100);
        assert_eq!(nice_step(24527), 10000);
        assert_eq!(nice_step(953), 500);
    }
}
