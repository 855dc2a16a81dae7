//! Popups over the workspace: search (`/`), notes (`n`), gap (`g`), help (`?`). Esc closes any of them.

use super::changed;
use super::keys::{moved, typed};
use super::workspace::select;
use crate::app::model::{
    DetailTab, Model, NotesEditor, NotesTab, Overlay, Pane, Screen, SearchPopup, Workspace,
};
use crate::app::msg::Effect;
use crate::catalog::{CatalogSet, ItemKind};
use crate::search::SearchIndex;
use crate::session::Session;
use crate::text::{is_forbidden, sanitize, sanitize_line};
use crate::ui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

/// Results kept for the popup; the count shown is always the full total.
const SEARCH_ROWS: usize = 200;

pub fn new_search() -> SearchPopup {
    SearchPopup {
        query: String::new(),
        hits: Vec::new(),
        total: 0,
        selected: 0,
        narrowing: Default::default(),
    }
}

pub fn new_notes(session: &Session, occupation: Option<String>, theme: &Theme) -> NotesEditor {
    let mut notes = NotesEditor { tab: NotesTab::Session, editor: TextArea::default(), occupation };
    load_tab(&mut notes, session, theme);
    notes
}

fn load_tab(notes: &mut NotesEditor, session: &Session, theme: &Theme) {
    let text = match (notes.tab, &notes.occupation) {
        (NotesTab::Session, _) => session.notes.clone(),
        (NotesTab::Occupation, Some(id)) => session.occupation_note(id).unwrap_or_default().to_string(),
        (NotesTab::Occupation, None) => String::new(),
    };
    let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
    editor.set_style(theme.base);
    editor.set_cursor_line_style(theme.base);
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    notes.editor = editor;
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let set = model.catalog.clone();
    let index = model.index.clone();
    let now = model.now;
    let theme = model.theme.clone();
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    if key.code == KeyCode::Esc {
        ws.overlay = None;
        return Vec::new();
    }
    match ws.overlay.take() {
        Some(Overlay::Search(mut popup)) => {
            if key.code == KeyCode::Enter {
                return jump(ws, &set, &index, &popup, now);
            }
            search_key(&mut popup, &index, &key);
            ws.overlay = Some(Overlay::Search(popup));
            Vec::new()
        }
        Some(Overlay::Notes(mut notes)) => {
            if key.code == KeyCode::Tab || key.code == KeyCode::BackTab {
                if notes.occupation.is_some() {
                    notes.tab = match notes.tab {
                        NotesTab::Session => NotesTab::Occupation,
                        NotesTab::Occupation => NotesTab::Session,
                    };
                    load_tab(&mut notes, &ws.session, &theme);
                }
                ws.overlay = Some(Overlay::Notes(notes));
                return Vec::new();
            }
            let effects = if ws.is_read_only() {
                Vec::new()
            } else if notes.editor.input(key) {
                store_notes(ws, &notes, now)
            } else {
                Vec::new()
            };
            ws.overlay = Some(Overlay::Notes(notes));
            effects
        }
        Some(Overlay::Export(dialog)) => super::export::key(model, dialog, key),
        Some(Overlay::ConfirmDiscard) => super::export::confirm_discard(model, key),
        Some(other) => {
            // Gap and help: any key but Esc leaves them open, `q` and `?`/`g` close them too.
            if !matches!(typed(&key), Some('q' | '?' | 'g')) {
                ws.overlay = Some(other);
            }
            Vec::new()
        }
        None => Vec::new(),
    }
}

fn search_key(popup: &mut SearchPopup, index: &SearchIndex, key: &KeyEvent) {
    // Up/Down/PgUp/PgDn move the selection; letters (j and k included) go into the query.
    let navigation = matches!(key.code, KeyCode::Up | KeyCode::Down | KeyCode::PageUp | KeyCode::PageDown);
    if navigation {
        if let Some(next) = moved(popup.selected, popup.hits.len(), key, 8) {
            popup.selected = next;
        }
        return;
    }
    match (key.code, typed(key)) {
        (KeyCode::Backspace, _) => {
            popup.query.pop();
        }
        (_, Some(c)) if !is_forbidden(c) => popup.query.push(c),
        _ => return,
    }
    rerun(popup, index);
}

fn rerun(popup: &mut SearchPopup, index: &SearchIndex) {
    let results = index.search_narrowing(&popup.query, None, Some(SEARCH_ROWS), &mut popup.narrowing);
    popup.hits = results.hits;
    popup.total = results.total;
    popup.selected = 0;
}

/// Writes the editor's text into the session as it is typed, so a save at any moment has every word.
fn store_notes(ws: &mut Workspace, notes: &NotesEditor, now: jiff::Timestamp) -> Vec<Effect> {
    let text = notes.editor.lines().join("\n");
    match (notes.tab, &notes.occupation) {
        (NotesTab::Session, _) => ws.session.set_notes(&text),
        (NotesTab::Occupation, Some(id)) => ws.session.set_occupation_note(id, &text),
        (NotesTab::Occupation, None) => return Vec::new(),
    }
    changed(ws, now)
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
        Some(Overlay::Notes(mut notes)) if !ws.is_read_only() => {
            notes.editor.insert_str(sanitize(text));
            let effects = store_notes(ws, &notes, now);
            ws.overlay = Some(Overlay::Notes(notes));
            effects
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
        ItemKind::Function => item.occupation.map(|(id, _)| id.to_string()),
        ItemKind::Competency => occupation_needing(ws, set, item.id),
        ItemKind::Program => occupation_served(ws, set, item.id),
        ItemKind::Catalog | ItemKind::Source => None,
    };
    let Some(occupation) = occupation_id.and_then(|id| set.occupation(&id)) else { return effects };
    if let Some(s) = set.sectors().position(|s| s.id == occupation.sector) {
        effects.extend(select(ws, set, Pane::Sectors, s, now));
    }
    if let Some(o) = ws.occupations(set).iter().position(|o| o.id == occupation.id) {
        effects.extend(select(ws, set, Pane::Occupations, o, now));
    }
    match item.kind {
        ItemKind::Function => {
            ws.tab = DetailTab::Functions;
            ws.function = occupation.functions.iter().position(|f| f.id == item.id).unwrap_or(0);
            ws.focus = Pane::Functions;
        }
        ItemKind::Competency => {
            ws.tab = DetailTab::Competencies;
            ws.competency = occupation.competencies.iter().position(|n| n.competency == item.id).unwrap_or(0);
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
    let needs = |o: &&crate::catalog::Occupation| o.competencies.iter().any(|n| n.competency == competency);
    ws.current_occupation(set)
        .filter(needs)
        .or_else(|| ws.occupations(set).into_iter().find(needs))
        .or_else(|| set.occupations().find(needs))
        .map(|o| o.id.clone())
}
