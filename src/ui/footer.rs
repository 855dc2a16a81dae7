//! The footer: the keys that work in the focused pane, then the ones that work everywhere. Each pane
//! reports its own keys, so the footer never lists a key that does nothing there; all come from the keymap.
//! A key pressed where it means nothing puts, in place of the pane's keys, where it works.

use super::Ui;
use super::keys::{self, FOOTER_CLOSE, FOOTER_COMMON, FOOTER_HELP, FOOTER_KIOSK, FOOTER_RETRY, footer_pane};
use super::list::clip;
use crate::app::keymap::Place;
use crate::app::{Overlay, Persistence, Workspace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let (s, map, lang) = (model.lang.strings(), &model.keymap, model.lang);
    let width = usize::from(area.width);
    // A kiosk shows "t Terminar" and never `q` or `e`, which do nothing there.
    let common = keys::footer(map, if model.kiosk.is_some() { FOOTER_KIOSK } else { FOOTER_COMMON }, lang);
    let first = match &ws.hint {
        // The help's own keys while it is open: how to scroll it (when it does not fit) and close it.
        _ if matches!(ws.overlay, Some(Overlay::Help(_))) => {
            let scrolls = super::help::room(model, frame.area()) > 0;
            keys::footer(map, if scrolls { FOOTER_HELP } else { FOOTER_CLOSE }, lang)
        }
        Some(hint) => keys::hint(hint, lang),
        None if ws.is_read_only() => s.keys_read_only.to_string(),
        None => keys::footer(map, footer_pane(Place::of_pane(ws.focus)), lang),
    };
    // While saves fail, the key that retries at once comes first.
    let failing = matches!(ws.persistence, Persistence::Failed(_)) && model.kiosk.is_none();
    let first = if failing {
        format!(" {} · {first}", keys::footer(map, FOOTER_RETRY, lang))
    } else {
        format!(" {first}")
    };
    let lines = vec![
        Line::from(Span::styled(clip(&first, width), model.theme.key)),
        Line::from(Span::styled(clip(&format!(" {}", common), width), model.theme.dim)),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}
