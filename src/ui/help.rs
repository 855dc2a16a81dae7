//! `?`: every key of the workspace.

use super::layout::centered;
use super::popup;
use crate::app::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(model: &Model, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let inner = popup(model, frame, centered(area, 78, 18), s.help_title.to_string());
    let mut lines: Vec<Line> = s.help_body.lines().map(|l| Line::raw(format!(" {l}"))).collect();
    lines.push(Line::default());
    lines.push(Line::styled(format!(" {}", s.help_hint), model.theme.key));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
