//! `?`: every key of the workspace, from the keymap.

use super::Ui;
use super::keys::{self, FOOTER_CLOSE};
use super::layout::centered;
use super::list::{width, wrap};
use super::{padded, popup};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    // Inside the borders and the padding of the popup: 78 cells wide, or the whole width when that would
    // leave only slivers at its sides (as `popup` does).
    let wide = if area.width.saturating_sub(78) <= 4 { area.width } else { 78 };
    let room = usize::from(wide.saturating_sub(4));
    let mut lines: Vec<Line> = Vec::new();
    for entry in keys::help_lines(&model.keymap, model.kiosk.is_some(), model.lang) {
        // A line too long for the popup goes on under its description, not under the key.
        let (key, text) = entry.split_once("    ").unwrap_or(("", entry.as_str()));
        let indent = if key.is_empty() { 0 } else { width(key) + 4 };
        let body = wrap(text.trim_start(), room.saturating_sub(indent).max(room / 2), usize::MAX);
        for (i, part) in body.into_iter().enumerate() {
            let lead = if i == 0 && !key.is_empty() { format!("{key}    ") } else { " ".repeat(indent) };
            lines.push(Line::raw(format!("{lead}{part}")));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(keys::footer(&model.keymap, FOOTER_CLOSE, model.lang), model.theme.key));
    // As tall as its lines need, 18 rows at least (the size it always had).
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX).max(18);
    let inner = padded(popup(model, frame, centered(area, 78, height), s.help_title.to_string()));
    frame.render_widget(Paragraph::new(lines), inner);
}
