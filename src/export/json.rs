//! The summary for the office's systems: the whole session plus the computed fit and gaps, `"schema": 2`
//! (or, asked for, the older shape of schema 1). Documented in docs/export-json.md.

use super::summary::{NotesChoice, Summary};
use crate::session::Session;
use serde_json::{Value, json};

/// The JSON export's schema version; bumped only for changes that break readers.
///
/// 2: the fit's meaning changed (an occupation with no function held ranks below every one with one,
/// `shared_only`; a catch-all function counts for nothing), and past jobs and the origin of each
/// competency mark appear (`past_jobs`, `from`), and each occupation's codes with whether they are
/// partial (`codes_detail`) and its source (`source`); issue 13 added the plan (`profile`, `contact`,
/// `goals`, `explored`, `steps`, `follow_up`), fields a schema-2 reader ignores without losing anything.
pub const SCHEMA: u32 = 2;

/// The schemas `rumbo export --schema` can write.
pub const SCHEMAS: std::ops::RangeInclusive<u32> = 1..=SCHEMA;

/// The session format a schema-1 reader was promised (`session.format` said at most this).
const SCHEMA_1_SESSION_FORMAT: u32 = 2;

pub fn render(session: &Session, summary: &Summary, notes: NotesChoice, schema: u32) -> String {
    let original_interests = super::interests::interests_summary(session);
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
    let schema = schema.clamp(*SCHEMAS.start(), SCHEMA);
    if schema == 1 {
        // Schema 1 is the shape before past jobs: the session copy as a format-2 file had it.
        session.past_jobs.clear();
        // Issue 14's "Todavía no" answers came after schema 1 too.
        session.answered_no.clear();
        // And issue 16's interest answers (their scores are in the summary, added for schema 2 only).
        session.interests.clear();
        session.marks.iter_mut().for_each(|m| m.from.clear());
        session.format = session.format.min(SCHEMA_1_SESSION_FORMAT);
    }
    let language = if summary.lang == crate::i18n::Lang::En { "en" } else { "es" };
    let mut session = serde_json::to_value(&session).unwrap_or(Value::Null);
    let mut summary = serde_json::to_value(summary).unwrap_or(Value::Null);
    if schema == 1 {
        if let Some(summary) = summary.as_object_mut() {
            summary.remove("past_jobs");
            // Issue 13's plan, office and program details are not part of schema 1 either.
            summary.remove("plan");
            summary.remove("office");
            super::plan_data::SUMMARY_KEYS.iter().for_each(|k| drop(summary.remove(*k)));
        }
        if let Some(session) = session.as_object_mut() {
            super::plan_data::SESSION_KEYS.iter().for_each(|k| drop(session.remove(*k)));
        }
        let details = ["url", "contact", "duration", "modality", "cost", "requirements", "schedule"];
        for list in ["shortlisted", "recommended"] {
            for program in summary[list].as_array_mut().into_iter().flatten() {
                if let Some(p) = program.as_object_mut() {
                    details.iter().for_each(|d| drop(p.remove(*d)));
                }
            }
        }
        for competency in summary["competencies"].as_array_mut().into_iter().flatten() {
            competency.as_object_mut().map(|c| c.remove("from"));
        }
        for occupation in summary["occupations"].as_array_mut().into_iter().flatten() {
            if let Some(o) = occupation.as_object_mut() {
                o.remove("codes_detail");
                o.remove("source");
            }
        }
    } else {
        // The session file leaves empty lists out; the export's fields are always there.
        if let Some(session) = session.as_object_mut() {
            session.entry("past_jobs").or_insert_with(|| json!([]));
            // The plan (issue 13): always there too, empty or null when not given.
            session.entry("profile").or_insert_with(|| json!({}));
            session.entry("contact").or_insert(Value::Null);
            session.entry("follow_up").or_insert(Value::Null);
            for key in ["goals", "explored", "steps"] {
                session.entry(key).or_insert_with(|| json!([]));
            }
        }
        for profile in [&mut session["profile"], &mut summary["profile"]] {
            if let Some(profile) = profile.as_object_mut() {
                for (key, empty) in [
                    ("education", Value::Null),
                    ("languages", json!([])),
                    ("jornada", Value::Null),
                    ("zones", json!([])),
                    ("plan_language", Value::Null),
                ] {
                    profile.entry(key).or_insert(empty);
                }
            }
        }
        for mark in session["marks"].as_array_mut().into_iter().flatten() {
            mark.as_object_mut().map(|m| m.entry("from").or_insert_with(|| json!([])));
        }
        // Issue 16: the six scores and the code, when the person answered any question.
        if let (Some(interests), Some(summary)) = (original_interests, summary.as_object_mut()) {
            let mut value = serde_json::to_value(interests).unwrap_or(Value::Null);
            // O*NET's licence: its credit goes with every export that shows interest data (the scale,
            // and what the plan suggests from it, are O*NET's).
            if let Some(object) = value.as_object_mut() {
                object.insert("credit".into(), Value::from(crate::catalog::ONET_CREDIT));
            }
            summary.insert("interests".into(), value);
        }
    }
    let value = json!({
        "schema": schema,
        "generator": format!("rumbo {}", env!("CARGO_PKG_VERSION")),
        "language": language,
        "notes_included": notes,
        "session": session,
        "summary": summary,
    });
    // serde_json escapes control characters itself; pretty output for people who open the file.
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}
