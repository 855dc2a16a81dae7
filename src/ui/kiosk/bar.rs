//! What every visitor screen shares: a row of buttons that name their keys (from the keymap), each a
//! click target too, and the frame of the screens after the consent: the header with the visit's code,
//! a box with the step's title, and the keys along the bottom.

use super::super::keys::{Entry, footer_keys};
use super::super::list::{clip, width};
use super::super::regions::Regions;
use super::super::{Ui, padded};
use crate::app::kiosk_visit::Target;
use crate::app::{Area, Persistence, Workspace};
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

/// One button: its keys and words from `entry`, what a click on it does, and whether it shows chosen.
pub struct Button {
    pub entry: &'static Entry,
    /// `None`: a key named but not a button (the arrows: a click picks the row itself).
    pub target: Option<Target>,
    pub chosen: bool,
}

pub fn buttons(entries: &'static [Entry], targets: &[Option<Target>]) -> Vec<Button> {
    entries
        .iter()
        .zip(targets)
        .map(|(entry, target)| Button { entry, target: *target, chosen: false })
        .collect()
}

/// Draws `buttons` left to right on the lines of `area`, going on to the next line when one does not
/// fit, and records where each is so a click on it acts.
pub fn draw(model: &Ui, frame: &mut Frame, area: Rect, buttons: &[Button], regions: &mut Regions) {
    let t = &model.theme;
    let (mut x, mut y) = (area.x, area.y);
    for button in buttons {
        let (groups, label) = button.entry;
        let keys: Vec<String> = groups.iter().map(|g| footer_keys(&model.keymap, g, model.lang)).collect();
        let keys = format!("[{}]", keys.join("/"));
        let words = model.lang.label(label);
        let room = usize::from(area.width);
        let wanted = width(&keys) + 1 + width(words);
        let wanted = u16::try_from(wanted.min(room)).unwrap_or(area.width);
        if x > area.x && x + wanted > area.right() {
            x = area.x;
            y += 1;
        }
        if y >= area.bottom() {
            break;
        }
        let style = if button.chosen { t.selected } else { t.base };
        let text = clip(&format!("{keys} {words}"), room);
        let (key_part, word_part) =
            if text.starts_with(&keys) { text.split_at(keys.len()) } else { (text.as_str(), "") };
        let line = Line::from(vec![
            Span::styled(key_part.to_string(), if button.chosen { t.selected } else { t.key }),
            Span::styled(word_part.to_string(), style),
        ]);
        let rect = Rect { x, y, width: wanted.min(area.right() - x), height: 1 };
        frame.render_widget(Paragraph::new(line), rect);
        if let Some(target) = button.target {
            regions.record(Area::Kiosk(target), rect, None);
        }
        x = x.saturating_add(wanted + 3);
    }
}

/// The frame of a visitor's screen with the session open: returns the inside of the box, and the
/// line below it for the keys.
pub fn screen(
    model: &Ui,
    ws: &Workspace,
    saved: bool,
    frame: &mut Frame,
    area: Rect,
    title: &str,
) -> (Rect, Rect) {
    header(model, ws, saved, frame, Rect { height: 1, ..area });
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(2), ..area };
    let keys = Rect { y: area.bottom().saturating_sub(1), height: 1, ..padded(area) };
    (boxed(model, frame, body, title), keys)
}

/// A box with `title`; returns its inside less a column each side.
pub fn boxed(model: &Ui, frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let t = &model.theme;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(t.border_focused)
        .style(t.base)
        .title(Line::from(format!(" {title} ")).style(t.title));
    let inner = padded(block.inner(area));
    frame.render_widget(block, area);
    inner
}

/// " rumbo · Ana" and, on the right, the visit's code once it is saved, or that it is not saved.
fn header(model: &Ui, ws: &Workspace, saved: bool, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let (state, style) = match &ws.persistence {
        Persistence::Failed(_) => (s.kiosk_save_failed.to_string(), t.error),
        Persistence::Unsaved => (s.kiosk_header_not_saved.to_string(), t.warning),
        _ if saved => (fill(s.kiosk_header_code, &[("code", &crate::session::desk_code(&ws.session))]), t.ok),
        _ => (String::new(), t.dim),
    };
    let state = if state.is_empty() { state } else { format!(" {state} ") };
    let total = usize::from(area.width);
    let left = clip(&format!(" rumbo · {} ", ws.session.alias), total.saturating_sub(width(&state)));
    let gap = total.saturating_sub(width(&left) + width(&state));
    let line =
        Line::from(vec![Span::styled(left, t.title), Span::raw(" ".repeat(gap)), Span::styled(state, style)]);
    frame.render_widget(Paragraph::new(line), area);
}
