//! Choosing a row of a pane, by key, click or wheel: what else changes with it (the panes after it reset)
//! and what the session records (where to resume).

use super::changed;
use crate::app::model::{DetailTab, Model, Pane, Screen, Workspace};
use crate::app::msg::Effect;
use crate::catalog::CatalogSet;

/// Shows `ws`, on the sector and occupation its session was last on.
pub(super) fn show(model: &mut Model, mut ws: Workspace) {
    restore_focus(&mut ws, &model.catalog);
    // Office mode without the server: whatever is opened is saved on this desk only, and says so.
    if model.office_offline {
        ws.office_note = Some(crate::app::OfficeNote::Offline);
    }
    model.screen = Screen::Workspace(Box::new(ws));
}

/// Puts the selection back on the sector and occupation the session was last on.
fn restore_focus(ws: &mut Workspace, set: &CatalogSet) {
    if let Some(sector) = &ws.session.focus.sector
        && let Some(i) = set.sectors().position(|s| &s.id == sector)
    {
        ws.sector = i;
        ws.focus = Pane::Occupations;
    }
    if let Some(occupation) = ws.session.focus.occupation.clone()
        && let Some(i) = ws.occupations(set).iter().position(|o| o.id == occupation)
    {
        ws.occupation = i;
        ws.focus = Pane::Occupations;
    }
}

pub fn pane_len(ws: &Workspace, set: &CatalogSet, pane: Pane) -> usize {
    match pane {
        Pane::Sectors => set.sectors().count(),
        Pane::Occupations => ws.occupations(set).len(),
        Pane::Functions => ws.detail_rows(set).len(),
        Pane::Programs => ws.current_occupation(set).map_or(0, |o| set.programs_for(&o.id).len()),
        Pane::Detail => ws.related(set).len(),
    }
}

/// Selects row `index` of `pane`; choosing another sector or occupation resets the panes after it and
/// records the focus in the session, so resuming returns there.
pub fn select(
    ws: &mut Workspace,
    set: &CatalogSet,
    pane: Pane,
    index: usize,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    match pane {
        Pane::Sectors if ws.sector != index => {
            ws.sector = index;
            ws.occupation = 0;
            reset_details(ws);
        }
        Pane::Occupations if ws.occupation != index => {
            ws.occupation = index;
            reset_details(ws);
        }
        Pane::Functions => match ws.tab {
            DetailTab::Functions => ws.function = index,
            DetailTab::Competencies => ws.competency = index,
        },
        Pane::Programs => ws.program = index,
        Pane::Detail => ws.related = index,
        _ => return Vec::new(),
    }
    record_focus(ws, set, now)
}

fn reset_details(ws: &mut Workspace) {
    ws.function = 0;
    ws.competency = 0;
    ws.program = 0;
    ws.related = 0;
}

/// Selects occupation `id` in the occupations pane, its sector first (the list then shows its
/// sector's occupations, sorted as they were); nothing when no loaded catalog holds it. What Enter
/// on a search result and on a related occupation do.
pub(super) fn go_to_occupation(
    ws: &mut Workspace,
    set: &CatalogSet,
    id: &str,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    let Some(occupation) = set.occupation(id) else { return effects };
    if let Some(s) = set.sectors().position(|s| s.id == occupation.sector) {
        effects.extend(select(ws, set, Pane::Sectors, s, now));
    }
    if let Some(o) = ws.occupations(set).iter().position(|o| o.id == occupation.id) {
        effects.extend(select(ws, set, Pane::Occupations, o, now));
    }
    effects
}

fn record_focus(ws: &mut Workspace, set: &CatalogSet, now: jiff::Timestamp) -> Vec<Effect> {
    if note_focus(ws, set) { changed(ws, now) } else { Vec::new() }
}

/// Copies the selected sector and occupation into the session; true when they differ from what it had.
pub(super) fn note_focus(ws: &mut Workspace, set: &CatalogSet) -> bool {
    let sector = set.sectors().nth(ws.sector).map(|s| s.id.clone());
    let occupation = ws.current_occupation(set).map(|o| o.id.clone());
    if ws.session.focus.sector == sector && ws.session.focus.occupation == occupation {
        return false;
    }
    ws.session.focus.sector = sector;
    ws.session.focus.occupation = occupation;
    true
}

/// Puts the occupations pane's selection back on `id` after the list was reordered (sorting by fit, or a
/// mark that changed the fits while sorted), so the counselor stays on the occupation they were on.
pub(super) fn keep_occupation(ws: &mut Workspace, set: &CatalogSet, id: Option<&str>) {
    if let Some(id) = id
        && let Some(i) = ws.occupations(set).iter().position(|o| o.id == id)
    {
        ws.occupation = i;
    }
}
