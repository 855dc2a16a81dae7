//! The gap popup (`g`): the list keys move through its rows; on an item, Space, `2`, `1` and `0` set its
//! mark as the Funciones pane does; on a program, Space shortlists it as the Programas pane does. Esc, `q`,
//! `g` and `?` close it.

use super::changed;
use super::selection::{keep_occupation, note_focus};
use crate::app::keymap::{Action, Place};
use crate::app::model::{Model, Overlay, Screen, Workspace};
use crate::app::msg::Effect;
use crate::app::{GapRow, GapView};
use crate::catalog::CatalogSet;
use crate::session::{MarkKind, MarkLevel};
use crossterm::event::KeyEvent;

/// Rows moved by PgUp/PgDn: most of the 14 the popup shows at 80×24.
const PAGE: usize = 10;

pub fn open(ws: &mut Workspace, set: &CatalogSet) {
    if let Some(view) = GapView::open(ws, set) {
        ws.overlay = Some(Overlay::Gap(view));
    }
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let set = model.catalog.clone();
    let now = model.now;
    let action = model.keymap.action(&key, Place::Gap, model.kiosk.is_some());
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let Some(Overlay::Gap(mut view)) = ws.overlay.take() else { return Vec::new() };
    let last = view.rows.len().saturating_sub(1);
    let to = match action {
        Some(Action::Close | Action::Leave | Action::Gap | Action::Help) => return Vec::new(),
        Some(Action::Up) => view.selected.saturating_sub(1),
        Some(Action::Down) => view.selected + 1,
        Some(Action::PageUp) => view.selected.saturating_sub(PAGE),
        Some(Action::PageDown) => view.selected + PAGE,
        Some(Action::First) => 0,
        Some(Action::Last) => last,
        Some(Action::Mark) => return mark(ws, &set, view, now, None),
        Some(Action::MarkHas) => return mark(ws, &set, view, now, Some(Some(MarkLevel::Has))),
        Some(Action::MarkDeveloping) => {
            return mark(ws, &set, view, now, Some(Some(MarkLevel::InDevelopment)));
        }
        Some(Action::ClearMark) => return mark(ws, &set, view, now, Some(None)),
        _ => view.selected,
    };
    view.selected = to.min(last);
    ws.overlay = Some(Overlay::Gap(view));
    Vec::new()
}

/// A click on a row selects it; a click on the row already selected does what Space does there.
pub fn clicked(
    ws: &mut Workspace,
    set: &CatalogSet,
    row: Option<usize>,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    let Some(Overlay::Gap(view)) = &mut ws.overlay else { return Vec::new() };
    let Some(row) = row.filter(|r| *r < view.rows.len()) else { return Vec::new() };
    if view.selected != row {
        view.selected = row;
        return Vec::new();
    }
    let Some(Overlay::Gap(view)) = ws.overlay.take() else { return Vec::new() };
    mark(ws, set, view, now, None)
}

pub fn wheel(ws: &mut Workspace, down: bool) {
    let Some(Overlay::Gap(view)) = &mut ws.overlay else { return };
    let last = view.rows.len().saturating_sub(1);
    view.selected = if down { (view.selected + 1).min(last) } else { view.selected.saturating_sub(1) };
}

/// Space (`to` is `None`) cycles the selected item's mark or shortlists the selected program; `2`, `1`,
/// `0` (`to` is the level) set an item's mark. The popup stays open, its rows where they were.
fn mark(
    ws: &mut Workspace,
    set: &CatalogSet,
    view: GapView,
    now: jiff::Timestamp,
    to: Option<Option<MarkLevel>>,
) -> Vec<Effect> {
    let row = view.current().cloned();
    let occupation = view.occupation.clone();
    ws.overlay = Some(Overlay::Gap(view));
    if ws.is_read_only() {
        return Vec::new();
    }
    match (row, to) {
        (Some(GapRow::Item(item)), to) => {
            // Functions belong to the occupation; competencies are the person's, wherever marked.
            let of = (item.kind == MarkKind::Function).then_some(occupation.as_str());
            match to {
                None => {
                    ws.session.cycle_mark(item.kind, &item.id, &item.text, of);
                }
                Some(level) => {
                    if !ws.session.set_mark(item.kind, &item.id, &item.text, of, level) {
                        return Vec::new();
                    }
                }
            }
        }
        (Some(GapRow::Program(p)), None) => {
            ws.session.toggle_shortlist(&p.id, &format!("{} — {}", p.institution, p.name));
        }
        (Some(GapRow::Program(_)), Some(_)) | (None, _) => return Vec::new(),
    }
    // A mark changes fits: sorted by fit, the occupations list may have reordered under its selection.
    keep_occupation(ws, set, Some(&occupation));
    note_focus(ws, set);
    changed(ws, now)
}
