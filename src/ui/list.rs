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

/// Word-wraps `text` into lines of at most `width` cells (a word longer than a line is split), keeping at
/// most `max_lines`; when text is left over, the last line kept ends in `…` so a cut never goes unseen.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    if width == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed =
            if line.is_empty() { self::width(word) } else { self::width(&line) + 1 + self::width(word) };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the line goes in pieces.
        for c in word.chars() {
            if !line.is_empty() && self::width(&line) + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while self::width(last) + 1 > width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

/// Wraps several paragraphs, each in its own style, into at most `height` lines of `width` cells; when
/// they do not all fit, the last line shown ends in `…`.
pub fn wrap_paragraphs(paragraphs: Vec<(String, Style)>, width: usize, height: usize) -> Vec<Line<'static>> {
    let mut out: Vec<(String, Style)> = Vec::new();
    for (text, style) in paragraphs {
        let room = height.saturating_sub(out.len());
        if room == 0 {
            if let Some((last, _)) = out.last_mut()
                && !last.ends_with('…')
                && width > 0
            {
                while self::width(last) + 1 > width {
                    last.pop();
                }
                last.push('…');
            }
            break;
        }
        out.extend(wrap(&text, width, room).into_iter().map(|l| (l, style)));
    }
    out.into_iter().map(|(text, style)| Line::styled(text, style)).collect()
}

/// Cuts a line of styled spans to `room` cells, keeping the styles of what stays.
pub fn clip_spans(spans: Vec<Span<'static>>, room: usize) -> Line<'static> {
    let mut left = room;
    let mut out = Vec::new();
    for span in spans {
        if left == 0 {
            break;
        }
        let text = clip(&span.content, left);
        left = left.saturating_sub(width(&text));
        out.push(Span::styled(text, span.style));
    }
    Line::from(out)
}

/// Where the selection of a list is, for its pane's border: " 3/15 ", with "↑ " before when rows are
/// hidden above the first shown and " ↓" after when rows are hidden below the last (the rows scroll as
/// [`offset`] says, `visible` at a time). `None` for an empty list. The arrows are the only symbols: the
/// `?` help marks "more" with the same two.
pub fn position(selected: usize, len: usize, visible: usize) -> Option<String> {
    if len == 0 {
        return None;
    }
    let selected = selected.min(len - 1);
    let first = offset(selected, visible);
    let up = if first > 0 { "↑ " } else { "" };
    let down = if first + visible.max(1) < len { " ↓" } else { "" };
    Some(format!(" {up}{}/{len}{down} ", selected + 1))
}

/// Display width of a string.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Draws `rows` (each a list of lines) into `area`, scrolled so `selected` shows; `selected_style` is laid
/// over every span of the selected row's lines, or nothing when `selected` is `None`.
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
            let mut line = pad(line, usize::from(area.width));
            if Some(i) == selected {
                // Over every span, not only the line: a span's own colour (a green fit, a grey hint) would
                // otherwise stay on the highlight, green on cyan, yellow on yellow in high contrast.
                for span in &mut line.spans {
                    span.style = span.style.patch(selected_style);
                }
            }
            lines.push(line);
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

    #[test]
    fn position_counts_from_one_and_marks_hidden_rows() {
        assert_eq!(position(0, 0, 5), None);
        assert_eq!(position(0, 3, 5).as_deref(), Some(" 1/3 "));
        assert_eq!(position(0, 15, 5).as_deref(), Some(" 1/15 ↓ "));
        assert_eq!(position(6, 15, 5).as_deref(), Some(" ↑ 7/15 ↓ "));
        assert_eq!(position(14, 15, 5).as_deref(), Some(" ↑ 15/15 "));
    }

    #[test]
    fn wrap_breaks_at_words_and_marks_a_cut() {
        assert_eq!(wrap("uno dos tres", 7, 5), vec!["uno dos", "tres"]);
        assert_eq!(wrap("uno dos tres cuatro", 7, 2), vec!["uno dos", "tres…"]);
        assert_eq!(wrap("uno dos tres", 8, 1), vec!["uno dos…"]);
        assert_eq!(wrap("abcdefghij", 4, 5), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("中文字符", 5, 5), vec!["中文", "字符"]);
        assert_eq!(wrap("", 5, 2), vec![""]);
        assert!(wrap("texto", 0, 2).is_empty());
    }
}
