//! The workspace: four panes, marks, shortlist, sort by fit; `/`, `n`, `g`, `?` open overlays.

use super::keys::is_ctrl_c;
use super::leave::leave;
use super::selection::{go_to_occupation, keep_occupation, note_focus, pane_len, select, show};
use super::{changed, overlays, saving};
use crate::app::keymap::{Action, Place};
use crate::app::model::{DetailTab, Model, Overlay, Pane, Persistence, Screen, Workspace};
use crate::app::msg::Effect;
use crate::catalog::CatalogSet;
use crate::session::{MarkKind, MarkLevel, Session};
use crossterm::event::KeyEvent;

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
    let kiosk = model.kiosk.is_some();
    let set = model.catalog.clone();
    let now = model.now;
    let keymap = model.keymap.clone();
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    ws.hint = None;
    let failing = matches!(ws.persistence, Persistence::Failed(_));
    let Some(action) = keymap.action(&key, Place::of_pane(ws.focus), kiosk) else {
        // Without consent nothing is on disk: leaving would lose the session, so ask first.
        if is_ctrl_c(&key) {
            return leave_or_ask(model);
        }
        // A key that works elsewhere says where, rather than doing nothing silently.
        ws.hint = keymap.elsewhere(&key, kiosk);
        return Vec::new();
    };
    let len = pane_len(ws, &set, ws.focus);
    let current = ws.selected(ws.focus);
    let moved_to = match action {
        Action::Up => Some(current.saturating_sub(1)),
        Action::Down => Some(current + 1),
        Action::PageUp => Some(current.saturating_sub(PAGE)),
        Action::PageDown => Some(current + PAGE),
        Action::First => Some(0),
        Action::Last => Some(usize::MAX),
        _ => None,
    };
    if let Some(next) = moved_to {
        if len == 0 {
            return Vec::new();
        }
        return select(ws, &set, ws.focus, next.min(len - 1), now);
    }
    match action {
        Action::Retry if failing || !model.unsaved.is_empty() => return saving::retry_now(model),
        Action::NextPane => ws.focus = cycle(ws.focus, 1),
        Action::PreviousPane => ws.focus = cycle(ws.focus, Pane::CYCLE.len() - 1),
        Action::FocusDetail if ws.current_occupation(&set).is_some() => ws.focus = Pane::Detail,
        Action::GoRelated => {
            let Some(id) = ws.related(&set).get(ws.related).map(|o| o.id.clone()) else { return Vec::new() };
            return go_to_occupation(ws, &set, &id, now);
        }
        Action::SwitchTab => {
            ws.tab = match ws.tab {
                DetailTab::Functions => DetailTab::Competencies,
                DetailTab::Competencies => DetailTab::Functions,
            };
        }
        Action::Forward => {
            ws.focus = match ws.focus {
                Pane::Sectors => Pane::Occupations,
                Pane::Occupations => Pane::Functions,
                Pane::Functions | Pane::Programs => Pane::Programs,
                Pane::Detail => Pane::Detail,
            }
        }
        Action::Mark => return toggle(ws, &set, now, None),
        Action::MarkHas => return toggle(ws, &set, now, Some(Some(MarkLevel::Has))),
        Action::MarkDeveloping => return toggle(ws, &set, now, Some(Some(MarkLevel::InDevelopment))),
        Action::ClearMark => return toggle(ws, &set, now, Some(None)),
        Action::SortByFit => {
            let current = ws.current_occupation(&set).map(|o| o.id.clone());
            ws.sort_by_fit = !ws.sort_by_fit;
            keep_occupation(ws, &set, current.as_deref());
        }
        Action::Gap => super::gap::open(ws, &set),
        Action::Help => ws.overlay = Some(Overlay::Help(Default::default())),
        Action::ViewFull if len > 0 => super::full_text::open(ws, None),
        Action::OpenBestFit => super::best_fit::open(ws),
        Action::Interests => super::interests::open(ws),
        Action::Search => ws.overlay = Some(Overlay::Search(overlays::new_search())),
        Action::Notes => {
            let occupation = ws.current_occupation(&set).map(|o| o.id.clone());
            ws.overlay = Some(Overlay::Notes(Box::new(super::notes::new_notes(&ws.session, occupation))));
        }
        Action::Export => ws.overlay = Some(super::export::open(false)),
        Action::Experience => ws.overlay = Some(super::experience::open(ws)),
        Action::Plan => super::plan::open(ws),
        Action::Goal => return super::plan::from_pane(model, true),
        Action::AddExplored => return super::plan::from_pane(model, false),
        Action::Leave => return leave_or_ask(model),
        Action::CuocGo => return super::equivalents::go(ws, &set, now),
        Action::Back => return super::equivalents::back(ws, &set, now),
        _ => {}
    }
    Vec::new()
}

/// `q` and Ctrl+C: leave, or, without consent (nothing is on disk), ask first.
fn leave_or_ask(model: &mut Model) -> Vec<Effect> {
    match &mut model.screen {
        Screen::Workspace(ws) if ws.persistence == Persistence::Unsaved => {
            ws.overlay = Some(Overlay::ConfirmDiscard);
            Vec::new()
        }
        _ => leave(model),
    }
}

/// The pane `by` steps on in the Tab cycle. The detail sits under the occupations list, so it
/// counts as the occupations pane: Tab goes on to Functions, Shift+Tab back to Occupations.
fn cycle(pane: Pane, by: usize) -> Pane {
    let (pane, by) =
        if pane == Pane::Detail { (Pane::Occupations, usize::from(by == 1)) } else { (pane, by) };
    let at = Pane::CYCLE.iter().position(|p| *p == pane).unwrap_or(0);
    Pane::CYCLE[(at + by) % Pane::CYCLE.len()]
}

/// Space (`to` is `None`): cycles a function's or competency's mark, or shortlists a program.
/// `2`, `1`, `0` (`to` is the level): put the mark at that level, in Funciones and Competencias only.
fn toggle(
    ws: &mut Workspace,
    set: &CatalogSet,
    now: jiff::Timestamp,
    to: Option<Option<MarkLevel>>,
) -> Vec<Effect> {
    if ws.is_read_only() {
        return Vec::new();
    }
    let Some(occupation) = ws.current_occupation(set) else { return Vec::new() };
    match ws.focus {
        Pane::Functions => {
            let index = if ws.tab == DetailTab::Functions { ws.function } else { ws.competency };
            let Some(row) = ws.detail_rows(set).into_iter().nth(index) else { return Vec::new() };
            let occupation_id = (row.kind == MarkKind::Function).then_some(occupation.id.as_str());
            match to {
                None => {
                    ws.session.cycle_mark(row.kind, &row.id, &row.text, occupation_id);
                }
                Some(level) => {
                    if !ws.session.set_mark(row.kind, &row.id, &row.text, occupation_id, level) {
                        return Vec::new();
                    }
                }
            }
            // Unmarking an item that left the catalog removes its row: keep the selection on the list.
            let last = ws.detail_rows(set).len().saturating_sub(1);
            let selected = if ws.tab == DetailTab::Functions { &mut ws.function } else { &mut ws.competency };
            *selected = (*selected).min(last);
        }
        Pane::Programs if to.is_none() => {
            let programs = set.programs_for(&occupation.id);
            let Some(p) = programs.get(ws.program) else { return Vec::new() };
            ws.session.toggle_shortlist(&p.id, &format!("{} — {}", p.institution, p.name));
        }
        Pane::Programs | Pane::Sectors | Pane::Occupations | Pane::Detail => return Vec::new(),
    }
    // A mark changes fits: sorted by fit, the list may have reordered under the selection.
    keep_occupation(ws, set, Some(&occupation.id));
    // The occupation worked on is where a resumed session opens, even if it was never moved to.
    note_focus(ws, set);
    changed(ws, now)
}
