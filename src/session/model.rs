//! The session as saved: who, when, under which catalogs, and what the counselor marked and wrote.
//!
//! Every field but `format`, `id`, `alias` and `created` has a serde default so files written before a
//! field existed still load. Unknown fields are *not* denied (unlike catalogs): a session written by a
//! newer rumbo should still open here, read-only (see [`Session::is_newer_format`]), rather than look
//! corrupt to the person whose data it is.

use super::error::SessionError;
use super::experience::PastJob;
use super::exported::ExportRecord;
use super::id::new_id;
use super::plan::{Contact, Profile, Step};
use crate::catalog::CatalogSet;
use crate::text::{sanitize, sanitize_line};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The newest session format this rumbo writes and fully understands.
///
/// 2: `exports`, the files exported from the session (an older rumbo would drop them, and a deletion
/// would then leave those copies behind). 3: `past_jobs` and each mark's `from` (an older rumbo would
/// drop where a mark came from, and removing the job could no longer take its marks back). 4: the plan
/// (`profile`, `contact`, `goals`, `explored`, `steps`, `follow_up`; see [`super::plan`]). 5: `answered_no`,
/// the items a kiosk visitor answered "Todavía no" (an older rumbo would drop them and ask again). 6:
/// `interests`, the answers to «¿Qué le gusta hacer?» (issue 16; see [`super::interests`]). See
/// docs/versions.md.
pub const FORMAT: u32 = 6;

/// The session format `answered_no` came in.
pub const ANSWERED_NO_FORMAT: u32 = 5;

/// The session format the export records came in.
pub const EXPORTS_FORMAT: u32 = 2;

/// The most a note (the session's or an occupation's) may hold, in Unicode scalar values. Typing and
/// pasting stop there; a longer note from an older file still loads whole and can only shrink.
pub const NOTE_MAX_CHARS: usize = 64_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format: u32,
    pub id: String,
    /// A first name or a code; never the full name (the office keeps identities elsewhere).
    pub alias: String,
    #[serde(default)]
    pub counselor: String,
    #[serde(with = "super::timestamp")]
    pub created: Timestamp,
    #[serde(default, with = "super::timestamp")]
    pub updated: Timestamp,
    #[serde(default)]
    pub consent: Option<Consent>,
    /// The catalogs (and their versions) the session was made under, so an export can say so.
    #[serde(default)]
    pub catalogs: Vec<CatalogRef>,
    #[serde(default)]
    pub marks: Vec<Mark>,
    #[serde(default)]
    pub shortlist: Vec<ShortlistEntry>,
    #[serde(default)]
    pub notes: String,
    /// Occupation id → the counselor's note on it.
    #[serde(default)]
    pub occupation_notes: BTreeMap<String, String>,
    #[serde(default)]
    pub focus: Focus,
    /// Every file exported from this session, so its deletion removes them too (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exports: Vec<ExportRecord>,
    /// The person's past jobs ("Experiencia"), in the order added (format 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub past_jobs: Vec<PastJob>,
    /// The person's profile: education, languages, availability, the plan's language (format 4).
    #[serde(default, skip_serializing_if = "Profile::is_empty")]
    pub profile: Profile,
    /// How the office may reach the person; only with that consent (format 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// The occupations the person aims at (ids, at most [`super::plan::MAX_GOALS`]) (format 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// The occupations the counselor explicitly added as explored (ids) (format 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explored: Vec<String>,
    /// The action plan's steps, in order (format 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// When the person comes back (format 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<jiff::civil::Date>,
    /// Items the person answered "Todavía no" at a kiosk: answered, not marked (format 5). An item is
    /// here or marked, never both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered_no: Vec<AnsweredNo>,
    /// The answers to «¿Qué le gusta hacer?», keyed by question id (format 6). Only answers are kept:
    /// the scores and the code are worked out from them ([`Session::interest_scores`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub interests: BTreeMap<String, crate::interests::Answer>,
}

/// An item the person said they cannot do yet: asked and answered, so it is not asked again, and
/// counted by fit as what it is, not held.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnsweredNo {
    #[serde(default)]
    pub kind: MarkKind,
    #[serde(default)]
    pub id: String,
    /// The item's text when answered, as [`Mark::text`].
    #[serde(default)]
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    #[serde(with = "super::timestamp")]
    pub given_at: Timestamp,
    /// Which wording of the consent text the person agreed to.
    #[serde(default)]
    pub text_version: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogRef {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub version: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MarkKind {
    #[default]
    Function,
    Competency,
}

/// How far along the person is with an item. Ordered: `InDevelopment < Has`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MarkLevel {
    /// ◐ "en desarrollo": counts half.
    #[default]
    InDevelopment,
    /// ● "la tiene": counts whole.
    Has,
}

/// Something the person can do (a function) or is (a competency), as marked by the counselor.
/// Marks key on (kind, id): function ids are unique across catalogs, and competencies belong to the
/// person, not to an occupation, so one competency mark counts for every occupation that needs it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    #[serde(default)]
    pub kind: MarkKind,
    #[serde(default)]
    pub id: String,
    /// The item's text when it was marked, so the mark still reads right if a later catalog drops or
    /// rewords the item.
    #[serde(default)]
    pub text: String,
    /// For a function, its occupation; `None` for a competency.
    #[serde(default)]
    pub occupation: Option<String>,
    #[serde(default)]
    pub level: MarkLevel,
    /// The past jobs (their [`PastJob::id`]) that made this mark, unchanged since; empty when the
    /// counselor made it or changed it (format 3). Removing a job removes the marks only it made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortlistEntry {
    #[serde(default)]
    pub program: String,
    /// "institution — name" as shown when shortlisted, kept for the same reason as [`Mark::text`].
    #[serde(default)]
    pub text: String,
}

/// Where the counselor was, so reopening a session returns there.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Focus {
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub occupation: Option<String>,
}

impl Session {
    /// A new, empty session under the catalogs of `set`. The alias is required (after cleaning).
    pub fn new(
        alias: &str,
        counselor: &str,
        now: Timestamp,
        set: &CatalogSet,
    ) -> Result<Session, SessionError> {
        let mut session = Session {
            format: FORMAT,
            id: new_id(now),
            alias: String::new(),
            counselor: String::new(),
            created: now,
            updated: now,
            consent: None,
            catalogs: set
                .catalogs()
                .iter()
                .map(|c| CatalogRef { id: c.id.clone(), version: c.version.clone() })
                .collect(),
            marks: Vec::new(),
            shortlist: Vec::new(),
            notes: String::new(),
            occupation_notes: BTreeMap::new(),
            focus: Focus::default(),
            exports: Vec::new(),
            past_jobs: Vec::new(),
            profile: Profile::default(),
            contact: None,
            goals: Vec::new(),
            explored: Vec::new(),
            steps: Vec::new(),
            follow_up: None,
            answered_no: Vec::new(),
            interests: BTreeMap::new(),
        };
        session.set_alias(alias)?;
        session.set_counselor(counselor);
        Ok(session)
    }

    /// True when a newer rumbo wrote this session: it may hold data this one would drop, so the store
    /// refuses to save it and the UI should open it read-only.
    pub fn is_newer_format(&self) -> bool {
        self.format > FORMAT
    }

    /// Remembers a file exported from this session. A session read from format 1 is raised to format 2:
    /// the record is a field an older rumbo would drop. Not further: a session below format 4 still
    /// counts what it explored under the old rule (exporting it must not empty its plan).
    pub fn record_export(&mut self, record: ExportRecord) {
        self.exports.retain(|r| r.path != record.path);
        self.exports.push(record);
        // Format 2, the one export records came in (not further: see `raise_to_plan`).
        self.format = self.format.max(EXPORTS_FORMAT);
    }

    /// Records a change at `now`. Kept apart from the editing methods so they stay free of clocks.
    pub fn touch(&mut self, now: Timestamp) {
        self.updated = now;
    }

    pub fn set_alias(&mut self, alias: &str) -> Result<(), SessionError> {
        let alias = sanitize_line(alias).trim().to_string();
        if alias.is_empty() {
            return Err(SessionError::AliasRequired);
        }
        self.alias = alias;
        Ok(())
    }

    pub fn set_counselor(&mut self, counselor: &str) {
        self.counselor = sanitize_line(counselor).trim().to_string();
    }

    pub fn give_consent(&mut self, now: Timestamp, text_version: &str) {
        self.consent = Some(Consent { given_at: now, text_version: sanitize_line(text_version) });
    }

    pub fn mark_of(&self, kind: MarkKind, id: &str) -> Option<MarkLevel> {
        self.marks.iter().find(|m| m.kind == kind && m.id == id).map(|m| m.level)
    }

    /// Moves an item one step along none → in development → has → none and returns the new level.
    /// `text` and `occupation` are refreshed on every step so the mark keeps the newest wording seen.
    pub fn cycle_mark(
        &mut self,
        kind: MarkKind,
        id: &str,
        text: &str,
        occupation: Option<&str>,
    ) -> Option<MarkLevel> {
        let next = match self.mark_of(kind, id) {
            None => Some(MarkLevel::InDevelopment),
            Some(MarkLevel::InDevelopment) => Some(MarkLevel::Has),
            Some(MarkLevel::Has) => None,
        };
        self.set_mark(kind, id, text, occupation, next);
        next
    }

    /// Puts an item's mark at `level` (`None` clears it): the keys `2`, `1`, `0`. Returns whether it
    /// changed; setting the level it already has changes nothing (a past job's mark stays that job's).
    pub fn set_mark(
        &mut self,
        kind: MarkKind,
        id: &str,
        text: &str,
        occupation: Option<&str>,
        level: Option<MarkLevel>,
    ) -> bool {
        // A mark is an answer too: the item is no longer one answered "Todavía no".
        if level.is_some() {
            self.answered_no.retain(|a| !(a.kind == kind && a.id == id));
        }
        let at = self.marks.iter().position(|m| m.kind == kind && m.id == id);
        match (at, level) {
            (None, None) => false,
            (Some(i), None) => {
                self.marks.remove(i);
                true
            }
            (Some(i), Some(level)) if self.marks[i].level == level => false,
            (Some(i), Some(level)) => {
                let mark = &mut self.marks[i];
                mark.level = level;
                mark.text = sanitize(text);
                mark.occupation = occupation.map(str::to_string);
                // Changed by the counselor: the mark is theirs now, and outlives the job that made it.
                mark.from.clear();
                true
            }
            (None, Some(level)) => {
                let (id, text, occupation) = (id.to_string(), sanitize(text), occupation.map(str::to_string));
                self.marks.push(Mark { kind, id, text, occupation, level, from: Vec::new() });
                true
            }
        }
    }

    /// Whether the person answered "Todavía no" to the item.
    pub fn is_answered_no(&self, kind: MarkKind, id: &str) -> bool {
        self.answered_no.iter().any(|a| a.kind == kind && a.id == id)
    }

    /// "Todavía no": the item's mark goes and the answer is kept. Raises the session to format 5 (through
    /// the plan's raise, so a session from before 4 keeps what it explored). Returns whether it changed.
    pub fn answer_no(&mut self, kind: MarkKind, id: &str, text: &str, set: &CatalogSet) -> bool {
        let unmarked = self.set_mark(kind, id, text, None, None);
        if self.is_answered_no(kind, id) {
            return unmarked;
        }
        self.raise_to_plan(set);
        self.format = self.format.max(ANSWERED_NO_FORMAT);
        self.answered_no.push(AnsweredNo { kind, id: id.to_string(), text: sanitize(text) });
        true
    }

    pub fn is_shortlisted(&self, program: &str) -> bool {
        self.shortlist.iter().any(|e| e.program == program)
    }

    /// Adds the program to the shortlist or takes it off; returns whether it is on the list now.
    pub fn toggle_shortlist(&mut self, program: &str, text: &str) -> bool {
        if let Some(i) = self.shortlist.iter().position(|e| e.program == program) {
            self.shortlist.remove(i);
            false
        } else {
            self.shortlist.push(ShortlistEntry { program: program.to_string(), text: sanitize_line(text) });
            true
        }
    }

    pub fn set_notes(&mut self, text: &str) {
        self.notes = sanitize(text);
    }

    /// Sets the note on an occupation; an empty (or blank) note removes the entry so the file stays tidy.
    pub fn set_occupation_note(&mut self, occupation: &str, text: &str) {
        let text = sanitize(text);
        if text.trim().is_empty() {
            self.occupation_notes.remove(occupation);
        } else {
            self.occupation_notes.insert(occupation.to_string(), text);
        }
    }

    pub fn occupation_note(&self, occupation: &str) -> Option<&str> {
        self.occupation_notes.get(occupation).map(String::as_str)
    }

    /// Cleans every text a loaded file brings in: a hand-edited or damaged file must not be able to
    /// put control or bidi characters on the screen. Also keeps `updated` from predating `created` when
    /// an old file lacks it.
    pub fn sanitize_loaded(&mut self) {
        let line = |s: &mut String| *s = sanitize_line(s);
        line(&mut self.alias);
        line(&mut self.counselor);
        if let Some(consent) = &mut self.consent {
            line(&mut consent.text_version);
        }
        for c in &mut self.catalogs {
            line(&mut c.id);
            line(&mut c.version);
        }
        for m in &mut self.marks {
            line(&mut m.id);
            m.text = sanitize(&m.text);
            m.occupation.iter_mut().for_each(line);
        }
        for e in &mut self.shortlist {
            line(&mut e.program);
            line(&mut e.text);
        }
        self.notes = sanitize(&self.notes);
        self.occupation_notes = std::mem::take(&mut self.occupation_notes)
            .into_iter()
            .map(|(k, v)| (sanitize_line(&k), sanitize(&v)))
            .collect();
        for job in &mut self.past_jobs {
            line(&mut job.title);
            line(&mut job.occupation);
            line(&mut job.occupation_text);
        }
        for a in &mut self.answered_no {
            line(&mut a.id);
            a.text = sanitize(&a.text);
        }
        self.interests =
            std::mem::take(&mut self.interests).into_iter().map(|(k, v)| (sanitize_line(&k), v)).collect();
        self.sanitize_plan();
        self.focus.sector.iter_mut().for_each(line);
        self.focus.occupation.iter_mut().for_each(line);
        if self.updated < self.created {
            self.updated = self.created;
        }
    }
}
