//! Popups over the workspace: search (`/`), notes (`n`), help (`?`); the gap (`g`), best fit and plan read
//! their own keys. Esc closes any of them.

use super::keys::typed;
use super::notes;
pub use super::scroll::scroll_help;
use super::selection::{go_to_occupation, select};
use crate::app::keymap::{Action, Place};
use crate::app::model::{DetailTab, Model, Overlay, Pane, Screen, SearchPopup, Workspace};
use crate::app::msg::Effect;
use crate::catalog::{CatalogSet, ItemKind};
use crate::search::SearchIndex;
use crate::text::{is_forbidden, sanitize_line};
use crossterm::event::{KeyCode, KeyEvent};

/// Results kept for the popup; the count shown is always the full total.
const SEARCH_ROWS: usize = 200;
/// Results moved by PgUp/PgDn in the search popup.
const SEARCH_PAGE: usize = 8;

pub fn new_search() -> SearchPopup {
    SearchPopup {
        query: String::new(),
        hits: Vec::new(),
        total: 0,
        selected: 0,
        narrowing: Default::default(),
    }
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    // The best-fit view reads its own keys before the ones that close every popup.
    if matches!(&model.screen, Screen::Workspace(ws) if matches!(ws.overlay, Some(Overlay::BestFit(_)))) {
        return super::best_fit::key(model, key);
    }
    // And the full-text popup: Esc goes back to the view it was opened from.
    if matches!(&model.screen, Screen::Workspace(ws) if matches!(ws.overlay, Some(Overlay::FullText(_)))) {
        return super::full_text::key(model, key);
    }
    // So does the plan panel: Esc there first leaves the line being typed.
    if matches!(&model.screen, Screen::Workspace(ws) if matches!(ws.overlay, Some(Overlay::Plan(_)))) {
        return super::plan::key(model, key);
    }
    // «¿Qué le gusta hacer?» (issue 16): its digits are answers, its Backspace goes back.
    if matches!(&model.screen, Screen::Workspace(ws) if matches!(ws.overlay, Some(Overlay::Interests(_)))) {
        return super::interests::key(model, key);
    }
    // And the gap, a list whose rows take marks.
    if matches!(&model.screen, Screen::Workspace(ws) if matches!(ws.overlay, Some(Overlay::Gap(_)))) {
        return super::gap::key(model, key);
    }
    let set = model.catalog.clone();
    let index = model.index.clone();
    let now = model.now;
    let kiosk = model.kiosk.is_some();
    let keymap = model.keymap.clone();
    let closing = keymap.action(&key, Place::Popup, kiosk);
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    if closing == Some(Action::Close) {
        ws.overlay = None;
        return Vec::new();
    }
    match ws.overlay.take() {
        Some(Overlay::Search(mut popup)) => {
            let action = keymap.action(&key, Place::Search, kiosk);
            if action == Some(Action::SearchGo) {
                return jump(ws, &set, &index, &popup, now);
            }
            search_key(&mut popup, &index, &key, action);
            ws.overlay = Some(Overlay::Search(popup));
            Vec::new()
        }
        Some(Overlay::Notes(mut editor)) => {
            let ctx = notes::Context { now, action: keymap.action(&key, Place::Notes, kiosk) };
            let effects = notes::key(ws, &mut editor, key, &ctx);
            ws.overlay = Some(Overlay::Notes(editor));
            effects
        }
        Some(Overlay::Export(dialog)) => super::export::key(model, dialog, key),
        Some(Overlay::Experience(panel)) => super::experience::key(model, panel, key),
        Some(Overlay::ConfirmDiscard) => super::export::confirm_discard(model, key),
        Some(Overlay::Help(mut scroll)) => {
            // `q`, `?` and `g` close it, as they always did; the list keys scroll it.
            match keymap.action(&key, Place::Help, kiosk) {
                Some(Action::Leave | Action::Help | Action::Gap) => {}
                action => {
                    scroll_help(&mut scroll, action);
                    ws.overlay = Some(Overlay::Help(scroll));
                }
            }
            Vec::new()
        }
        // The gap and the plan read their own keys above.
        Some(other) => {
            ws.overlay = Some(other);
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// What the last frame drew of the help (or the full-text popup): how far it can scroll. The offset keeps
/// within it.
pub fn help_room(model: &mut Model, room: usize) {
    let Screen::Workspace(ws) = &mut model.screen else { return };
    let scroll = match &mut ws.overlay {
        Some(Overlay::Help(scroll)) => scroll,
        Some(Overlay::FullText(full)) => &mut full.scroll,
        _ => return,
    };
    scroll.max = Some(room);
    scroll.offset = scroll.offset.min(room);
}

fn search_key(popup: &mut SearchPopup, index: &SearchIndex, key: &KeyEvent, action: Option<Action>) {
    // The arrows and PgUp/PgDn move the selection; letters (j and k included) go into the query, and
    // Backspace edits it: the query's own editing, not actions of the keymap.
    let last = popup.hits.len().saturating_sub(1);
    let moved = match action {
        Some(Action::SearchUp) => Some(popup.selected.saturating_sub(1)),
        Some(Action::SearchDown) => Some(popup.selected + 1),
        Some(Action::PageUp) => Some(popup.selected.saturating_sub(SEARCH_PAGE)),
        Some(Action::PageDown) => Some(popup.selected + SEARCH_PAGE),
        _ => None,
    };
    if let Some(next) = moved {
        if !popup.hits.is_empty() {
            popup.selected = next.min(last);
        }
        return;
    }
    match (action, key.code, typed(key)) {
        (Some(Action::SearchClear), ..) => popup.query.clear(),
        (Some(Action::SearchWord), ..) => delete_word(&mut popup.query),
        (_, KeyCode::Backspace, _) => {
            popup.query.pop();
        }
        (_, _, Some(c)) if !is_forbidden(c) => popup.query.push(c),
        _ => return,
    }
    rerun(popup, index);
}

/// Ctrl+W: the spaces before the cursor (always at the end), then the word before them.
fn delete_word(query: &mut String) {
    let kept = query.trim_end().trim_end_matches(|c: char| !c.is_whitespace()).len();
    query.truncate(kept);
}

fn rerun(popup: &mut SearchPopup, index: &SearchIndex) {
    let results = index.search_narrowing(&popup.query, None, Some(SEARCH_ROWS), &mut popup.narrowing);
    popup.hits = results.hits;
    popup.total = results.total;
    popup.selected = 0;
}

pub fn paste(model: &mut Model, text: &str) -> Vec<Effect> {
    let index = model.index.clone();
    let now = model.now;
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    match ws.overlay.take() {
        Some(Overlay::Search(mut popup)) => {
            popup.query.push_str(&sanitize_line(text));
            rerun(&mut popup, &index);
            ws.overlay = Some(Overlay::Search(popup));
            Vec::new()
        }
        Some(Overlay::Notes(mut editor)) if !ws.is_read_only() => {
            let ctx = notes::Context { now, action: None };
            let effects = notes::paste(ws, &mut editor, text, &ctx);
            ws.overlay = Some(Overlay::Notes(editor));
            effects
        }
        Some(Overlay::Plan(mut panel)) => {
            super::plan::paste(&mut panel, text);
            ws.overlay = Some(Overlay::Plan(panel));
            Vec::new()
        }
        Some(Overlay::Experience(mut panel)) => {
            super::experience::paste(&mut panel, &index, text);
            ws.overlay = Some(Overlay::Experience(panel));
            Vec::new()
        }
        other => {
            ws.overlay = other;
            Vec::new()
        }
    }
}

/// Enter in the search popup: select the item in its pane, parents first, and focus it so Space marks it.
fn jump(
    ws: &mut Workspace,
    set: &CatalogSet,
    index: &SearchIndex,
    popup: &SearchPopup,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    let Some(hit) = popup.hits.get(popup.selected) else { return Vec::new() };
    let item = index.item(hit.item);
    let mut effects = Vec::new();
    let occupation_id = match item.kind {
        ItemKind::Sector => {
            if let Some(i) = set.sectors().position(|s| s.id == item.id) {
                effects.extend(select(ws, set, Pane::Sectors, i, now));
            }
            ws.focus = Pane::Sectors;
            return effects;
        }
        ItemKind::Occupation => Some(item.id.to_string()),
        // A job title goes to its occupation, like a function but with the occupation focused.
        ItemKind::Function | ItemKind::Title => item.occupation.map(|(id, _)| id.to_string()),
        ItemKind::Competency => occupation_needing(ws, set, item.id),
        ItemKind::Program => occupation_served(ws, set, item.id),
        ItemKind::Catalog | ItemKind::Source => None,
    };
    let Some(occupation) = occupation_id.and_then(|id| set.occupation(&id)) else { return effects };
    effects.extend(go_to_occupation(ws, set, &occupation.id, now));
    match item.kind {
        ItemKind::Function => {
            ws.tab = DetailTab::Functions;
            ws.function = occupation.functions.iter().position(|f| f.id == item.id).unwrap_or(0);
            ws.focus = Pane::Functions;
        }
        ItemKind::Competency => {
            ws.tab = DetailTab::Competencies;
            ws.competency = occupation.competencies.iter().position(|n| names(n, item.id)).unwrap_or(0);
            ws.focus = Pane::Functions;
        }
        ItemKind::Program => {
            ws.program = set.programs_for(&occupation.id).iter().position(|p| p.id == item.id).unwrap_or(0);
            ws.focus = Pane::Programs;
        }
        _ => ws.focus = Pane::Occupations,
    }
    effects
}

/// A program serves several occupations: prefer the focused one, then the first the catalog names.
fn occupation_served(ws: &Workspace, set: &CatalogSet, program: &str) -> Option<String> {
    let program = set.program(program)?;
    ws.current_occupation(set)
        .map(|o| &o.id)
        .filter(|id| program.occupations.contains(id))
        .or_else(|| program.occupations.first())
        .cloned()
}

/// A competency belongs to many occupations: prefer the focused one, then any in the focused sector.
fn occupation_needing(ws: &Workspace, set: &CatalogSet, competency: &str) -> Option<String> {
    let needs = |o: &&crate::catalog::Occupation| o.competencies.iter().any(|n| names(n, competency));
    ws.current_occupation(set)
        .filter(needs)
        .or_else(|| ws.occupations(set).into_iter().find(needs))
        .or_else(|| set.occupations().find(needs))
        .map(|o| o.id.clone())
}

/// The need names the competency, under its own id or another of the same competency (`same_as`).
fn names(need: &crate::catalog::Need, competency: &str) -> bool {
    need.competency == competency || need.same.iter().any(|id| id == competency)
}
