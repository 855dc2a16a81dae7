//! The summary for the office's systems: the whole session plus the computed fit and gaps, `"schema": 1`.
//! Documented in docs/export-json.md.

use super::summary::{NotesChoice, Summary};
use crate::session::Session;
use serde_json::json;

/// The JSON export's schema version; bumped only for changes that break readers.
pub const SCHEMA: u32 = 1;

pub fn render(session: &Session, summary: &Summary, notes: NotesChoice) -> String {
    let mut session = session.clone();
    // The notes left out of the summary are left out of the session copy too.
    match notes {
        NotesChoice::All => {}
        NotesChoice::Occupations => session.notes.clear(),
        NotesChoice::None => {
            session.notes.clear();
            session.occupation_notes.clear();
        }
    }
    // Where the counselor's computer keeps earlier summaries is not the person's data, nor the office
    // systems' business: the record stays in the session file.
    session.exports.clear();
    // Every text of the copy, not only the typed ones: a mark's or shortlist entry's saved text, the
    // consent version and the focus can come from a hand-edited file as well.
    session.sanitize_loaded();
    let value = json!({
        "schema": SCHEMA,
        "generator": format!("rumbo {}", env!("CARGO_PKG_VERSION")),
        "language": if summary.lang == crate::i18n::Lang::En { "en" } else { "es" },
        "notes_included": notes,
        "session": session,
        "summary": summary,
    });
    // serde_json escapes control characters itself; pretty output for people who open the file.
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
