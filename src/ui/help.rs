//! `?`: every key of the workspace, from the keymap. It stays between the header and the footer; when its
//! lines do not fit it scrolls (the list keys, the wheel), says on its border that there is more, and the
//! footer says how to scroll.

use super::Ui;
use super::keys;
use super::layout::centered;
use super::list::{width, wrap};
use super::regions::Regions;
use super::{padded, popup};
use crate::app::{Area, HelpScroll};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The popup's width; its height grows with the keys (at least 18 lines, at most the room between the
/// header and the footer).
const WIDTH: u16 = 78;
const MIN_HEIGHT: u16 = 18;

/// Where the help goes on `area` (the whole screen), and its lines wrapped to fit.
struct Layout {
    rect: Rect,
    lines: Vec<Line<'static>>,
    /// Lines shown at once.
    shown: usize,
}

impl Layout {
    fn new(model: &Ui, area: Rect) -> Layout {
        // Not over the header's line nor the footer's two: the footer says how to scroll and close it.
        let body = Rect { y: area.y + 1, height: area.height.saturating_sub(3), ..area };
        // The width `popup` will give it (the whole screen when little would be left at the sides), less
        // borders and padding: the lines are wrapped before the box is sized.
        let outer = if area.width.saturating_sub(WIDTH) <= 4 { area.width } else { WIDTH };
        let lines = help_text(model, usize::from(outer.saturating_sub(4)));
        let most = body.height;
        let height = u16::try_from(lines.len() + 2).unwrap_or(most).clamp(MIN_HEIGHT.min(most), most);
        let shown = usize::from(height.saturating_sub(2));
        Layout { rect: centered(body, WIDTH, height), lines, shown }
    }

    /// How many lines it can scroll: 0 when it shows whole.
    fn room(&self) -> usize {
        self.lines.len().saturating_sub(self.shown)
    }
}

/// How many lines the help can scroll on `area`: the footer names the scroll keys only when it can.
pub fn room(model: &Ui, area: Rect) -> usize {
    Layout::new(model, area).room()
}

pub fn draw(model: &Ui, scroll: &HelpScroll, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let layout = Layout::new(model, area);
    let room = layout.room();
    // The model keeps within the room the last frame reported; a resize may have made it smaller.
    let offset = scroll.offset.min(room);
    let inner = padded(popup(model, frame, layout.rect, s.help_title.to_string()));
    let lines: Vec<Line> = layout.lines.into_iter().skip(offset).take(layout.shown).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::scroll_marks(model, frame, inner, offset, room);
    let drawn = Rect { x: inner.x - 2, y: inner.y - 1, width: inner.width + 4, height: inner.height + 2 };
    regions.record(Area::Help, drawn, None);
    regions.help_room = Some(room);
}

fn help_text(model: &Ui, room: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    for entry in keys::help_lines(&model.keymap, model.lang) {
        // A line too long for the popup goes on under its description, not under the key.
        let (key, text) = entry.split_once("    ").unwrap_or(("", entry.as_str()));
        let indent = if key.is_empty() { 0 } else { width(key) + 4 };
        let body = wrap(text.trim_start(), room.saturating_sub(indent).max(room / 2), usize::MAX);
        for (i, part) in body.into_iter().enumerate() {
            let lead = if i == 0 && !key.is_empty() { format!("{key}    ") } else { " ".repeat(indent) };
            lines.push(Line::raw(format!("{lead}{part}")));
        }
    }
    // What the fit percentage means and what it does not, and its colour bands.
    lines.extend(wrap(&super::fit::help(model.lang.strings()), room, usize::MAX).into_iter().map(Line::raw));
    // The sources: the interest profiles are derived from O*NET, whose license asks for this credit.
    let s = model.lang.strings();
    lines.push(Line::default());
    lines.push(Line::raw(s.interests_credit_title));
    for text in [s.interests_sources, crate::catalog::ONET_CREDIT] {
        lines.extend(wrap(text, room, usize::MAX).into_iter().map(Line::raw));
    }
    lines
}
