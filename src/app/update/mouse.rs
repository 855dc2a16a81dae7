//! Mouse: a click focuses a pane and selects the row under it; the wheel moves the selection of the pane
//! under the pointer. Hit-testing uses the same layout functions as the view.

use super::workspace::{pane_len, select};
use crate::app::model::{Model, Pane, Screen};
use crate::app::msg::Effect;
use crate::ui::layout::{self, WorkspaceAreas, offset};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

pub fn handle(model: &mut Model, mouse: MouseEvent) -> Vec<Effect> {
    let area = Rect::new(0, 0, model.size.0, model.size.1);
    if layout::too_small(area) {
        return Vec::new();
    }
    let set = model.catalog.clone();
    let now = model.now;
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    if ws.overlay.is_some() {
        return Vec::new();
    }
    let areas = layout::workspace(area, set.sectors().count());
    let at = Position::new(mouse.column, mouse.row);
    let Some(pane) = Pane::ALL.into_iter().find(|p| areas.pane(*p).contains(at)) else { return Vec::new() };
    let len = pane_len(ws, &set, pane);
    let current = super::workspace::selected(ws, pane);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            ws.focus = pane;
            match row_at(&areas, pane, current, at) {
                Some(row) if row < len => select(ws, &set, pane, row, now),
                _ => Vec::new(),
            }
        }
        MouseEventKind::ScrollDown if len > 0 => select(ws, &set, pane, (current + 1).min(len - 1), now),
        MouseEventKind::ScrollUp => select(ws, &set, pane, current.saturating_sub(1), now),
        _ => Vec::new(),
    }
}

/// The row of `pane` drawn at `at`, if `at` is on a row.
fn row_at(areas: &WorkspaceAreas, pane: Pane, selected: usize, at: Position) -> Option<usize> {
    let list = areas.list(pane);
    if !list.contains(at) {
        return None;
    }
    let line = usize::from(at.y - list.y);
    let first = offset(selected, areas.visible_rows(pane));
    Some(first + line / usize::from(WorkspaceAreas::row_lines(pane)))
}
