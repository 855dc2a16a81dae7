//! `v` (`ver_texto_completo`): the selected item's whole text in a popup. The list keys and the wheel
//! scroll it as they scroll the `?` help; `v`, Esc, `q` or a click outside it close it, back to the view
//! it was opened from.

use super::scroll::scroll_help;
use crate::app::keymap::{Action, Place};
use crate::app::model::{FullText, Model, Overlay, Screen, Workspace};
use crate::app::msg::Effect;
use crossterm::event::KeyEvent;

/// Opens the popup over `under` (the best-fit view it was pressed in), or over the panes.
pub fn open(ws: &mut Workspace, under: Option<Overlay>) {
    let under = under.map(Box::new);
    ws.overlay = Some(Overlay::FullText(Box::new(FullText { scroll: Default::default(), under })));
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let action = model.keymap.action(&key, Place::Help, model.kiosk.is_some());
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    match action {
        Some(Action::ViewFull | Action::Close | Action::Leave) => close(ws),
        action => {
            if let Some(Overlay::FullText(full)) = &mut ws.overlay {
                scroll_help(&mut full.scroll, action);
            }
        }
    }
    Vec::new()
}

/// Back to what was under the popup: the best-fit view it was opened from, or the panes.
pub fn close(ws: &mut Workspace) {
    if let Some(Overlay::FullText(full)) = ws.overlay.take() {
        ws.overlay = full.under.map(|under| *under);
    }
}

/// The wheel over the popup.
pub fn wheel(ws: &mut Workspace, down: bool) {
    if let Some(Overlay::FullText(full)) = &mut ws.overlay {
        scroll_help(&mut full.scroll, Some(if down { Action::Down } else { Action::Up }));
    }
}
