//! The workspace: four panes, marks, shortlist, sort by fit; `/`, `n`, `g`, `?` open overlays.

use super::keys::{is_ctrl_c, moved, typed};
use super::leave::leave;
use super::selection::{keep_occupation, note_focus, pane_len, select, show};
use super::{changed, overlays, saving};
use crate::app::model::{DetailTab, Model, Overlay, Pane, Persistence, Screen, Workspace};
use crate::app::msg::Effect;
use crate::catalog::CatalogSet;
use crate::session::{MarkKind, Session};
use crossterm::event::{KeyCode, KeyEvent};

/// Rows moved by PgUp/PgDn.
const PAGE: usize = 8;

pub fn opened(model: &mut Model, session: Session, read_only: bool) -> Vec<Effect> {
    let persistence = if read_only { Persistence::ReadOnly } else { Persistence::Saved };
    show(model, Workspace::new(session, persistence));
    Vec::new()
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let overlay_open = matches!(&model.screen, Screen::Workspace(ws) if ws.overlay.is_some());
    if overlay_open {
        return overlays::key(model, key);
    }
    let failing = model.workspace().is_some_and(|ws| matches!(ws.persistence, Persistence::Failed(_)));
    if typed(&key) == Some('r') && (failing || !model.unsaved.is_empty()) {
        return saving::retry_now(model);
    }
    let set = model.catalog.clone();
    let now = model.now;
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let len = pane_len(ws, &set, ws.focus);
    if let Some(next) = moved(ws.selected(ws.focus), len, &key, PAGE) {
        return select(ws, &set, ws.focus, next, now);
    }
    match (key.code, typed(&key)) {
        (KeyCode::Tab, _) => ws.focus = cycle(ws.focus, 1),
        (KeyCode::BackTab, _) => ws.focus = cycle(ws.focus, Pane::ALL.len() - 1),
        (KeyCode::Left | KeyCode::Right, _) if ws.focus == Pane::Functions => {
            ws.tab = match ws.tab {
                DetailTab::Functions => DetailTab::Competencies,
                DetailTab::Competencies => DetailTab::Functions,
            };
        }
        (KeyCode::Enter, _) => {
            ws.focus = match ws.focus {
                Pane::Sectors => Pane::Occupations,
                Pane::Occupations => Pane::Functions,
                Pane::Functions | Pane::Programs => Pane::Programs,
            }
        }
        (_, Some(' ')) => return toggle(ws, &set, now),
        (_, Some('s')) if ws.focus == Pane::Occupations || ws.focus == Pane::Sectors => {
            let current = ws.current_occupation(&set).map(|o| o.id.clone());
            ws.sort_by_fit = !ws.sort_by_fit;
            keep_occupation(ws, &set, current.as_deref());
        }
        (_, Some('g')) if ws.current_occupation(&set).is_some() => ws.overlay = Some(Overlay::Gap),
        (_, Some('?')) => ws.overlay = Some(Overlay::Help),
        (_, Some('/')) => ws.overlay = Some(Overlay::Search(overlays::new_search())),
        (_, Some('n')) => {
            let occupation = ws.current_occupation(&set).map(|o| o.id.clone());
            ws.overlay = Some(Overlay::Notes(Box::new(super::notes::new_notes(&ws.session, occupation))));
        }
        (_, Some('e')) => ws.overlay = Some(super::export::open(false)),
        // Without consent nothing is on disk: leaving would lose the session, so ask first.
        _ if (typed(&key) == Some('q') || is_ctrl_c(&key)) && ws.persistence == Persistence::Unsaved => {
            ws.overlay = Some(Overlay::ConfirmDiscard);
        }
        (_, Some('q')) => return leave(model),
        _ if is_ctrl_c(&key) => return leave(model),
        _ => {}
    }
    Vec::new()
}

fn cycle(pane: Pane, by: usize) -> Pane {
    let at = Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0);
    Pane::ALL[(at + by) % Pane::ALL.len()]
}

/// Space: cycles a function's or competency's mark, or shortlists a program.
fn toggle(ws: &mut Workspace, set: &CatalogSet, now: jiff::Timestamp) -> Vec<Effect> {
    if ws.is_read_only() {
        return Vec::new();
    }
    let Some(occupation) = ws.current_occupation(set) else { return Vec::new() };
    match ws.focus {
        Pane::Functions => {
            let index = if ws.tab == DetailTab::Functions { ws.function } else { ws.competency };
            let Some(row) = ws.detail_rows(set).into_iter().nth(index) else { return Vec::new() };
            let occupation_id = (row.kind == MarkKind::Function).then_some(occupation.id.as_str());
            ws.session.cycle_mark(row.kind, &row.id, &row.text, occupation_id);
            // Unmarking an item that left the catalog removes its row: keep the selection on the list.
            let last = ws.detail_rows(set).len().saturating_sub(1);
            let selected = if ws.tab == DetailTab::Functions { &mut ws.function } else { &mut ws.competency };
            *selected = (*selected).min(last);
        }
        Pane::Programs => {
            let programs = set.programs_for(&occupation.id);
            let Some(p) = programs.get(ws.program) else { return Vec::new() };
            ws.session.toggle_shortlist(&p.id, &format!("{} — {}", p.institution, p.name));
        }
        Pane::Sectors | Pane::Occupations => return Vec::new(),
    }
    // A mark changes fits: sorted by fit, the list may have reordered under the selection.
    keep_occupation(ws, set, Some(&occupation.id));
    // The occupation worked on is where a resumed session opens, even if it was never moved to.
    note_focus(ws, set);
    changed(ws, now)
}
