//! The footer: the keys that work in the focused pane, then the ones that work everywhere. Each pane
//! reports its own keys, so the footer never lists a key that does nothing there.

use super::Ui;
use super::list::clip;
use crate::app::{Pane, Persistence, Workspace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn pane_keys(model: &Ui, pane: Pane) -> &'static str {
    let s = model.lang.strings();
    match pane {
        Pane::Sectors => s.keys_sectors,
        Pane::Occupations => s.keys_occupations,
        Pane::Functions => s.keys_functions,
        Pane::Programs => s.keys_programs,
    }
}

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let width = usize::from(area.width);
    // A kiosk shows "t Terminar" and never `q` or `e`, which do nothing there.
    let common = if model.kiosk.is_some() { s.kiosk_keys_common } else { s.keys_common };
    let first = if ws.is_read_only() { s.keys_read_only } else { pane_keys(model, ws.focus) };
    // While saves fail, the key that retries at once comes first.
    let failing = matches!(ws.persistence, Persistence::Failed(_)) && model.kiosk.is_none();
    let first = if failing { format!(" {} · {first}", s.keys_retry) } else { format!(" {first}") };
    let lines = vec![
        Line::from(Span::styled(clip(&first, width), model.theme.key)),
        Line::from(Span::styled(clip(&format!(" {}", common), width), model.theme.dim)),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}
