//! Drawing a list of rows: one or more lines each, cut to the width by display cells (accents, ñ and wide
//! characters count right), the selected row highlighted.

use super::layout::offset;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthChar;

/// Cuts `text` to `width` display cells, ending in `…` when it had to cut.
pub fn clip(text: &str, width: usize) -> String {
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Display width of a string.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Draws `rows` (each a list of lines) into `area`, scrolled so `selected` shows; `selected_style` is laid
/// over the selected row's lines, or nothing when `selected` is `None`.
pub fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    rows: Vec<Vec<Line<'static>>>,
    selected: Option<usize>,
    selected_style: Style,
    row_lines: u16,
) {
    let visible = usize::from(area.height / row_lines.max(1));
    let first = offset(selected.unwrap_or(0), visible);
    let mut lines = Vec::new();
    for (i, row) in rows.into_iter().enumerate().skip(first).take(visible) {
        for line in row {
            let line = if Some(i) == selected { line.patch_style(selected_style) } else { line };
            lines.push(pad(line, usize::from(area.width)));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Pads a line with spaces to `width` so a selection highlight spans the whole row.
fn pad(mut line: Line<'static>, width: usize) -> Line<'static> {
    let used: usize = line.spans.iter().map(|s| self::width(&s.content)).sum();
    if used < width {
        line.spans.push(Span::raw(" ".repeat(width - used)));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_counts_display_cells() {
        assert_eq!(clip("Técnicos", 20), "Técnicos");
        assert_eq!(clip("Técnicos de sistemas", 8), "Técnico…");
        assert_eq!(width(&clip("中文字符测试", 5)), 5);
        assert_eq!(clip("abc", 0), "");
    }
}
