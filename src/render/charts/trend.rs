//! A figure's trend over the years as a small line, drawn with plotters, for the cell beside
//! the numbers it follows: those numbers are its text, so the drawing is hidden from
//! assistive technology.

use std::sync::LazyLock;

use plotters::prelude::*;

use super::draw::BLUE;

/// The drawing's size in pixels.
const WIDTH: u32 = 80;
const HEIGHT: u32 = 24;
/// Room around the line for its dots.
const PAD: i32 = 3;

/// The line through `values` (one per year, evenly spaced; `None` breaks the line), on a
/// scale from zero to the largest; `None` when fewer than two values are given.
pub fn svg(values: &[Option<u64>]) -> Option<String> {
    let given: Vec<(usize, u64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, (*v)?)))
        .collect();
    if given.len() < 2 {
        return None;
    }
    let max = given.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let steps = (values.len() - 1).max(1) as f64;
    let (w, h) = (
        f64::from(WIDTH) - 2.0 * f64::from(PAD),
        f64::from(HEIGHT) - 2.0 * f64::from(PAD),
    );
    let point = |(i, v): (usize, u64)| {
        (
            PAD + (i as f64 * w / steps).round() as i32,
            PAD + (h - v as f64 * h / max).round() as i32,
        )
    };
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (WIDTH, HEIGHT)).into_drawing_area();
        // Runs of consecutive years: a missing year breaks the line.
        let mut run: Vec<(i32, i32)> = Vec::new();
        let mut runs = Vec::new();
        let mut last = None;
        for &(i, v) in &given {
            if last.is_some_and(|l| l + 1 != i) {
                runs.push(std::mem::take(&mut run));
            }
            run.push(point((i, v)));
            last = Some(i);
        }
        runs.push(run);
        for run in &runs {
            let _ = match run.len() {
                1 => root.draw(&Circle::new(run[0], 2, BLUE.filled())),
                _ => root.draw(&PathElement::new(run.clone(), BLUE.stroke_width(2))),
            };
        }
        if let Some(&end) = given.last() {
            let _ = root.draw(&Circle::new(point(end), 3, BLUE.filled()));
        }
        let _ = root.present();
    }
    let body = raw.split_once('\n').map_or("", |(_, rest)| rest);
    Some(format!(
        "<svg class=\"trend\" aria-hidden=\"true\">{}",
        compact(body)
    ))
}

/// plotters' markup without what SVG assumes anyway (opacity 1, no stroke on a dot), the
/// space closing each list of points and the line breaks; inline in HTML, the SVG needs no
/// namespace. The size and the colours are the stylesheet's (`svg.trend`, sized as drawn:
/// [`WIDTH`] × [`HEIGHT`] pixels, so it needs no `viewBox`): a national report has 80.000
/// of these lines. The line keeps `fill="none"`: without the stylesheet
/// it is not drawn as a black shape.
fn compact(body: &str) -> String {
    // plotters' colour attributes, written once for all the lines.
    static COLOURS: LazyLock<[String; 2]> = LazyLock::new(|| {
        let blue = format!("#{:02X}{:02X}{:02X}", BLUE.0, BLUE.1, BLUE.2);
        [
            format!(" stroke=\"{blue}\" stroke-width=\"2\""),
            format!(" fill=\"{blue}\""),
        ]
    });
    let [stroke, fill] = &*COLOURS;
    body.replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\" stroke-width=\"1\"", "")
        .replace(stroke.as_str(), "")
        .replace(fill.as_str(), "")
        .replace(" \"/>", "\"/>")
        .replace('\n', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_two_values() {
        assert_eq!(svg(&[Some(3), None]), None);
        assert_eq!(svg(&[]), None);
        assert!(svg(&[Some(3), Some(4)]).is_some());
    }

    #[test]
    fn a_missing_year_breaks_the_line() {
        let whole = svg(&[Some(1), Some(2), Some(3)]).unwrap();
        assert_eq!(whole.matches("<polyline").count(), 1, "{whole}");
        let broken = svg(&[Some(1), Some(2), None, Some(3), Some(4)]).unwrap();
        assert_eq!(broken.matches("<polyline").count(), 2, "{broken}");
        // A year alone between gaps is a dot; the newest value is marked by a larger one.
        let lone = svg(&[Some(1), None, Some(2), None, Some(5), Some(6)]).unwrap();
        assert_eq!(lone.matches("<polyline").count(), 1, "{lone}");
        assert_eq!(lone.matches("<circle").count(), 3, "{lone}");
    }

    #[test]
    fn scaled_from_zero_to_the_largest() {
        let drawn = svg(&[Some(0), Some(10)]).unwrap();
        // x from PAD to WIDTH − PAD; y from the bottom (zero) to the top (largest).
        assert!(drawn.contains("points=\"3,21 77,3\""), "{drawn}");
    }
}
