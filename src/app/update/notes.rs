//! The notes editor (`n`): the session's note and the focused occupation's, typed and pasted into,
//! each held to [`NOTE_MAX_CHARS`]. The text goes into the session on every change, so a save or a
//! journal append at any moment has every word.

use super::changed;
use crate::app::NotesNotice;
use crate::app::keymap::Action;
use crate::app::model::{NotesEditor, NotesTab, Workspace};
use crate::app::msg::Effect;
use crate::session::{NOTE_MAX_CHARS, Session};
use crate::text::sanitize;
use crossterm::event::KeyEvent;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Within this many characters of the limit a key's edit is checked against a copy kept before it
/// (no single key inserts more); further away, only the editor's own yank could overshoot, and is undone.
const NEAR_LIMIT: usize = 16;

pub fn new_notes(session: &Session, occupation: Option<String>) -> NotesEditor {
    let mut notes =
        NotesEditor { tab: NotesTab::Session, editor: TextArea::default(), occupation, notice: None };
    load_tab(&mut notes, session);
    notes
}

/// Loads the tab's note whole, however long: an older note over the limit can shrink, never grow.
fn load_tab(notes: &mut NotesEditor, session: &Session) {
    let text = match (notes.tab, &notes.occupation) {
        (NotesTab::Session, _) => session.notes.clone(),
        (NotesTab::Occupation, Some(id)) => session.occupation_note(id).unwrap_or_default().to_string(),
        (NotesTab::Occupation, None) => String::new(),
    };
    let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
    look(&mut editor);
    editor.move_cursor(CursorMove::Bottom);
    editor.move_cursor(CursorMove::End);
    notes.editor = editor;
    notes.notice = None;
}

/// Soft-wrapped at the width it is drawn at (words, and a word longer than the line at any character),
/// so nothing runs off the right edge. The view draws this very editor, not a copy: the editor keeps
/// its width and its scroll between frames, so ↑/↓ move by screen lines and the view follows the cursor
/// without jumping. Its styles are therefore no theme's: unstyled text takes the popup's, the selection
/// is reversed and there is no cursor-line underline — readable in every theme and under `NO_COLOR`.
fn look(editor: &mut TextArea) {
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_style(Style::default());
    editor.set_cursor_line_style(Style::default());
    editor.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
}

/// What the editor needs from the model besides the workspace.
pub struct Context {
    pub now: jiff::Timestamp,
    /// What the key means in the notes editor, in the keymap (nothing for a paste).
    pub action: Option<Action>,
}

/// A key in the open editor (Esc has closed it before this).
pub fn key(ws: &mut Workspace, notes: &mut NotesEditor, key: KeyEvent, ctx: &Context) -> Vec<Effect> {
    // Every other key is the editor's own editing (ratatui-textarea's keys), not an action of the keymap.
    if matches!(ctx.action, Some(Action::NextNote | Action::PreviousNote)) {
        if notes.occupation.is_some() {
            notes.tab = match notes.tab {
                NotesTab::Session => NotesTab::Occupation,
                NotesTab::Occupation => NotesTab::Session,
            };
            load_tab(notes, &ws.session);
        }
        return Vec::new();
    }
    if ws.is_read_only() {
        return Vec::new();
    }
    let before = chars(&notes.editor);
    let kept = (before + NEAR_LIMIT > NOTE_MAX_CHARS).then(|| notes.editor.clone());
    if !notes.editor.input(key) {
        return Vec::new();
    }
    let after = chars(&notes.editor);
    if after > before && after > NOTE_MAX_CHARS {
        match kept {
            Some(kept) => notes.editor = kept,
            None => {
                notes.editor.undo();
            }
        }
        notes.notice = Some(NotesNotice::Full { max: NOTE_MAX_CHARS });
        return Vec::new();
    }
    notes.notice = None;
    store(ws, notes, ctx.now)
}

/// A paste keeps what fits under the limit and says how much was left out.
pub fn paste(ws: &mut Workspace, notes: &mut NotesEditor, text: &str, ctx: &Context) -> Vec<Effect> {
    let text = sanitize(text);
    let room = NOTE_MAX_CHARS.saturating_sub(chars(&notes.editor));
    let count = text.chars().count();
    if count > room {
        let kept: String = text.chars().take(room).collect();
        notes.editor.insert_str(kept);
        notes.notice = Some(NotesNotice::Truncated { left: count - room, max: NOTE_MAX_CHARS });
    } else {
        notes.editor.insert_str(text);
        notes.notice = None;
    }
    store(ws, notes, ctx.now)
}

/// The editor's text in characters, line breaks included.
fn chars(editor: &TextArea) -> usize {
    let lines = editor.lines();
    lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
}

/// Writes the editor's text into the session as it is typed, so a save at any moment has every word.
fn store(ws: &mut Workspace, notes: &NotesEditor, now: jiff::Timestamp) -> Vec<Effect> {
    let text = notes.editor.lines().join("\n");
    match (notes.tab, &notes.occupation) {
        (NotesTab::Session, _) => ws.session.set_notes(&text),
        (NotesTab::Occupation, Some(id)) => ws.session.set_occupation_note(id, &text),
        (NotesTab::Occupation, None) => return Vec::new(),
    }
    changed(ws, now)
}
