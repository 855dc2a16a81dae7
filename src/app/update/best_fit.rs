//! The best-fit view (`m`): moving through its rows, its filters (competency level, sector), and Enter,
//! which goes to the chosen occupation in its own sector. Esc, `q` and `m` close it.

use crate::app::keymap::{Action, Place};
use crate::app::model::{Model, Overlay, Pane, Screen, Workspace};
use crate::app::msg::Effect;
use crate::app::{BestFitView, next_level, step_sector};
use crate::catalog::CatalogSet;
use crossterm::event::KeyEvent;

/// Rows moved by PgUp/PgDn (each row takes two lines).
const PAGE: usize = 4;

pub fn open(ws: &mut Workspace) {
    ws.overlay = Some(Overlay::BestFit(BestFitView::default()));
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let set = model.catalog.clone();
    let now = model.now;
    let kiosk = model.kiosk.is_some();
    // The view's own keys first, then the ones that close any popup.
    let action = model.keymap.action(&key, Place::BestFit, kiosk).or_else(|| {
        model
            .keymap
            .action(&key, Place::Popup, kiosk)
            .filter(|a| matches!(a, Action::Close | Action::Leave | Action::Help | Action::Gap))
    });
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let Some(Overlay::BestFit(mut view)) = ws.overlay.take() else { return Vec::new() };
    let len = ws.best_fits(&set).rows.len();
    let last = len.saturating_sub(1);
    match action {
        Some(Action::Up) => view.selected = view.selected.saturating_sub(1),
        Some(Action::Down) => view.selected = (view.selected + 1).min(last),
        Some(Action::PageUp) => view.selected = view.selected.saturating_sub(PAGE),
        Some(Action::PageDown) => view.selected = (view.selected + PAGE).min(last),
        Some(Action::First) => view.selected = 0,
        Some(Action::Last) => view.selected = last,
        Some(Action::BestFitLevel) => {
            ws.best_filter.level = next_level(ws.best_filter.level);
            view.selected = 0;
        }
        Some(Action::BestFitSectorNext | Action::BestFitSectorPrevious) => {
            let forward = action == Some(Action::BestFitSectorNext);
            ws.best_filter.sector = step_sector(&set, &ws.best_filter, forward);
            view.selected = 0;
        }
        Some(Action::BestFitGo) => return go(ws, &set, view.selected, now),
        // The whole text of the selected occupation, over the view (which comes back when it closes).
        Some(Action::ViewFull) if view.selected < len => {
            super::full_text::open(ws, Some(Overlay::BestFit(view)));
            return Vec::new();
        }
        // Closed: the overlay was taken out above.
        Some(Action::OpenBestFit | Action::Close | Action::Leave | Action::Help | Action::Gap) => {
            return Vec::new();
        }
        _ => {}
    }
    ws.overlay = Some(Overlay::BestFit(view));
    Vec::new()
}

/// A click on row `row` selects it; on the row already selected, it goes there (as Enter).
pub fn clicked(
    ws: &mut Workspace,
    set: &CatalogSet,
    row: Option<usize>,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    let len = ws.best_fits(set).rows.len();
    let Some(Overlay::BestFit(view)) = &mut ws.overlay else { return Vec::new() };
    let Some(row) = row.filter(|r| *r < len) else { return Vec::new() };
    if view.selected == row {
        return go(ws, set, row, now);
    }
    view.selected = row;
    Vec::new()
}

pub fn wheel(ws: &mut Workspace, set: &CatalogSet, down: bool) {
    let len = ws.best_fits(set).rows.len();
    let Some(Overlay::BestFit(view)) = &mut ws.overlay else { return };
    view.selected =
        if down { (view.selected + 1).min(len.saturating_sub(1)) } else { view.selected.saturating_sub(1) };
}

/// Enter: close the view and select the occupation of row `row` in its own sector, focused, so the
/// counselor can go on to its functions.
fn go(ws: &mut Workspace, set: &CatalogSet, row: usize, now: jiff::Timestamp) -> Vec<Effect> {
    let id = ws.best_fits(set).rows.get(row).map(|r| r.occupation.id.clone());
    ws.overlay = None;
    let Some(id) = id else { return Vec::new() };
    let effects = super::selection::go_to_occupation(ws, set, &id, now);
    ws.focus = Pane::Occupations;
    effects
}
