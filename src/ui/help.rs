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

/// The popup's width; its height grows with the keys (at least 18 lines, at most the screen less two).
const WIDTH: u16 = 78;
const MIN_HEIGHT: u16 = 18;

pub fn draw(model: &Ui, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    // The width `popup` will give it (the whole screen when little would be left at the sides), less
    // borders and padding: the lines are wrapped before the box is sized.
    let outer = if area.width.saturating_sub(WIDTH) <= 4 { area.width } else { WIDTH };
    let lines = help_text(model, usize::from(outer.saturating_sub(4)));
    let most = area.height.saturating_sub(2).max(MIN_HEIGHT);
    let height = u16::try_from(lines.len() + 2).unwrap_or(most).clamp(MIN_HEIGHT, most);
    let inner = padded(popup(model, frame, centered(area, WIDTH, height), s.help_title.to_string()));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn help_text(model: &Ui, room: usize) -> Vec<Line<'static>> {
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
    lines
}
