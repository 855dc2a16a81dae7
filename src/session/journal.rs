//! The journal of a session: the edits made since its file was last written, one line per batch, so a
//! crash (SIGKILL, power cut) between two full saves loses next to nothing. Pure: it turns two states
//! of a session into small edits ([`diff`]) and edits back into a session ([`replay`]); where the bytes
//! live is the store's business, so any store (a folder today, a database later) can keep and replay it.
//!
//! Format: JSON lines. The first is a header naming the session and the `updated` stamp of the state the
//! edits apply to (the session file when the journal was started); each further line is one [`Record`].
//! A journal whose base is not the file's state was already folded into it (the crash came after the
//! save and before the journal was removed) and is ignored. A line that does not parse — the last one
//! torn by a kill mid-write — ends the replay: what came before it is kept.
//!
//! Who replays and who folds: every read of a session replays its journal (`SessionStore::load`: the
//! app, `sessions list/show`, `export`, the purge's dates), so each sees it as last saved or journaled.
//! Only a writer holding the session's lock folds it — the app when it opens the session and at every
//! full save (`SessionStore::save` removes it once the file is written). Read-only commands leave it.
//!
//! Notes are edited as splices (where, how much removed, what inserted, counted in characters), so a
//! keystroke in a 64,000-character note writes a few bytes, not the note.

use super::model::{Focus, Mark, MarkKind, Session, ShortlistEntry};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What the first line says.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    /// Identifies the file as a journal, and its version.
    rumbo_journal: u32,
    id: String,
    /// `updated` of the session the first record applies to.
    #[serde(with = "super::timestamp")]
    base: Timestamp,
}

const VERSION: u32 = 1;

/// One append: the edits made since the last one, and the session's `updated` after them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    #[serde(with = "super::timestamp")]
    pub updated: Timestamp,
    pub edits: Vec<Edit>,
}

/// Where a note splice applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteRef {
    Session,
    Occupation(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// In the note, from character `at`, `remove` characters replaced by `insert`.
    Splice {
        note: NoteRef,
        at: usize,
        remove: usize,
        insert: String,
    },
    /// The occupation's note was emptied: the entry goes.
    DropNote {
        occupation: String,
    },
    /// The mark of (kind, id) is set to this (replaced where it was, or added at the end).
    Mark(Mark),
    Unmark {
        kind: MarkKind,
        id: String,
    },
    Shortlist(Vec<ShortlistEntry>),
    Focus(Focus),
    /// Anything else changed (alias, consent…: nothing the workspace edits today): the whole session.
    Whole(Box<Session>),
}

/// The first line of a journal whose edits apply to `base`.
pub fn header(base: &Session) -> Vec<u8> {
    let header = Header { rumbo_journal: VERSION, id: base.id.clone(), base: base.updated };
    line(&header)
}

/// One record as a line; `None` when nothing changed from `old` to `new`.
pub fn record(old: &Session, new: &Session) -> Option<Vec<u8>> {
    let edits = diff(old, new);
    if edits.is_empty() && old.updated == new.updated {
        return None;
    }
    Some(line(&Record { updated: new.updated, edits }))
}

fn line(value: &impl Serialize) -> Vec<u8> {
    // Serializing these plain structs cannot fail; an empty object would only end a replay early.
    let mut bytes = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
    bytes.push(b'\n');
    bytes
}

/// What a replay did.
#[derive(Debug, PartialEq, Eq)]
pub enum Replayed {
    /// No journal, or an empty one.
    Nothing,
    /// `records` records were applied; `torn` when a line that did not parse ended the replay.
    Applied { records: usize, torn: bool },
    /// The journal belongs to another state of the session (already folded in, or another session).
    Stale,
}

/// Applies the journal in `bytes` to `session` (as read from its file).
pub fn replay(session: &mut Session, bytes: &[u8]) -> Replayed {
    let mut lines = bytes.split(|&b| b == b'\n');
    let Some(first) = lines.next().filter(|l| !l.is_empty()) else { return Replayed::Nothing };
    let Ok(header) = serde_json::from_slice::<Header>(first) else { return Replayed::Stale };
    if header.rumbo_journal != VERSION || header.id != session.id || header.base != session.updated {
        return Replayed::Stale;
    }
    let mut records = 0;
    let mut torn = false;
    for line in lines.filter(|l| !l.is_empty()) {
        let Ok(record) = serde_json::from_slice::<Record>(line) else {
            torn = true;
            break;
        };
        let mut next = session.clone();
        if !apply(&mut next, &record) {
            torn = true;
            break;
        }
        *session = next;
        records += 1;
    }
    session.sanitize_loaded();
    Replayed::Applied { records, torn }
}

/// Applies one record; false (session half changed: the caller drops it) when an edit does not fit.
pub fn apply(session: &mut Session, record: &Record) -> bool {
    for edit in &record.edits {
        if !apply_edit(session, edit) {
            return false;
        }
    }
    session.updated = record.updated;
    true
}

fn apply_edit(session: &mut Session, edit: &Edit) -> bool {
    match edit {
        Edit::Splice { note, at, remove, insert } => {
            let text = match note {
                NoteRef::Session => &mut session.notes,
                NoteRef::Occupation(id) => session.occupation_notes.entry(id.clone()).or_default(),
            };
            splice(text, *at, *remove, insert)
        }
        Edit::DropNote { occupation } => session.occupation_notes.remove(occupation).is_some(),
        Edit::Mark(mark) => {
            match session.marks.iter_mut().find(|m| m.kind == mark.kind && m.id == mark.id) {
                Some(old) => *old = mark.clone(),
                None => session.marks.push(mark.clone()),
            }
            true
        }
        Edit::Unmark { kind, id } => {
            let before = session.marks.len();
            session.marks.retain(|m| !(m.kind == *kind && m.id == *id));
            session.marks.len() < before
        }
        Edit::Shortlist(list) => {
            session.shortlist = list.clone();
            true
        }
        Edit::Focus(focus) => {
            session.focus = focus.clone();
            true
        }
        Edit::Whole(whole) => {
            *session = (**whole).clone();
            true
        }
    }
}

/// Replaces `remove` characters from character `at` with `insert`; false when out of range.
fn splice(text: &mut String, at: usize, remove: usize, insert: &str) -> bool {
    let byte = |n: usize| text.char_indices().map(|(i, _)| i).chain([text.len()]).nth(n);
    let (Some(start), Some(end)) = (byte(at), byte(at + remove)) else { return false };
    text.replace_range(start..end, insert);
    true
}

/// The edits that turn `old` into `new` (`updated` aside: the record carries it).
pub fn diff(old: &Session, new: &Session) -> Vec<Edit> {
    let mut edits = Vec::new();
    if let Some(edit) = note_splice(NoteRef::Session, &old.notes, &new.notes) {
        edits.push(edit);
    }
    for (id, text) in &new.occupation_notes {
        let before = old.occupation_notes.get(id).map_or("", String::as_str);
        if let Some(edit) = note_splice(NoteRef::Occupation(id.clone()), before, text) {
            edits.push(edit);
        }
    }
    for id in old.occupation_notes.keys().filter(|id| !new.occupation_notes.contains_key(*id)) {
        edits.push(Edit::DropNote { occupation: id.clone() });
    }
    for mark in &old.marks {
        if new.mark_of(mark.kind, &mark.id).is_none() {
            edits.push(Edit::Unmark { kind: mark.kind, id: mark.id.clone() });
        }
    }
    for mark in &new.marks {
        if !old.marks.contains(mark) {
            edits.push(Edit::Mark(mark.clone()));
        }
    }
    if old.shortlist != new.shortlist {
        edits.push(Edit::Shortlist(new.shortlist.clone()));
    }
    if old.focus != new.focus {
        edits.push(Edit::Focus(new.focus.clone()));
    }
    // Whatever the edits above do not reproduce (a field they do not cover, an order they do not keep)
    // is written whole: rare, larger, never wrong.
    let mut check = old.clone();
    let record = Record { updated: new.updated, edits };
    if apply(&mut check, &record) && check == *new {
        record.edits
    } else {
        vec![Edit::Whole(Box::new(new.clone()))]
    }
}

/// One splice from `old` to `new`: what lies between their common beginning and common end.
fn note_splice(note: NoteRef, old: &str, new: &str) -> Option<Edit> {
    if old == new {
        return None;
    }
    let prefix: usize = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).count();
    let (old_rest, new_rest) = (skip_chars(old, prefix), skip_chars(new, prefix));
    let suffix = old_rest.chars().rev().zip(new_rest.chars().rev()).take_while(|(a, b)| a == b).count();
    let remove = old_rest.chars().count() - suffix;
    let insert_len = new_rest.chars().count() - suffix;
    let insert: String = new_rest.chars().take(insert_len).collect();
    Some(Edit::Splice { note, at: prefix, remove, insert })
}

fn skip_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or("", |(i, _)| &text[i..])
}
