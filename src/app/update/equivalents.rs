//! `c` on an occupation that carries CUOC codes (the BPO catalog's, from DANE's Equivalencias): go to the
//! CUOC occupation of each code in turn; Backspace goes back to the occupation the jumps started from.

use crate::app::model::{CuocJump, Pane, Workspace};
use crate::app::msg::Effect;
use crate::catalog::{CatalogSet, Occupation};

/// `c`: the next loaded CUOC equivalent of the occupation the jumps started from (the focused one
/// when not jumping), cycling; nothing when none is loaded (the detail says why).
pub fn go(ws: &mut Workspace, set: &CatalogSet, now: jiff::Timestamp) -> Vec<Effect> {
    let Some(current) = ws.current_occupation(set) else { return Vec::new() };
    let (from, next) = match &ws.cuoc_jump {
        Some(jump) if jump.to == current.id => (jump.from.clone(), jump.index + 1),
        _ => (current.id.clone(), 0),
    };
    let Some(origin) = set.occupation(&from) else { return Vec::new() };
    let loaded: Vec<&Occupation> = set.cuoc_equivalents(origin).into_iter().filter_map(|(_, o)| o).collect();
    if loaded.is_empty() {
        return Vec::new();
    }
    let index = next % loaded.len();
    let target = loaded[index];
    let effects = show_occupation(ws, set, target, now);
    ws.cuoc_jump = Some(CuocJump { from, to: target.id.clone(), index });
    effects
}

/// Backspace: back to the occupation the jumps started from.
pub fn back(ws: &mut Workspace, set: &CatalogSet, now: jiff::Timestamp) -> Vec<Effect> {
    let Some(jump) = ws.cuoc_jump.take() else { return Vec::new() };
    let Some(origin) = set.occupation(&jump.from) else { return Vec::new() };
    show_occupation(ws, set, origin, now)
}

/// Selects the occupation's sector and the occupation, and focuses the occupations pane.
fn show_occupation(
    ws: &mut Workspace,
    set: &CatalogSet,
    occupation: &Occupation,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    let effects = super::selection::go_to_occupation(ws, set, &occupation.id, now);
    ws.focus = Pane::Occupations;
    effects
}
