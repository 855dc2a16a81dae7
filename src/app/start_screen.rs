//! The start screen («Sesiones»): the saved sessions listed, filtered and chosen, and the new-session
//! form.

use super::notice::{Notice, RowProblem};
use jiff::Timestamp;

#[derive(Clone, Debug, Default)]
pub struct SessionsScreen {
    pub rows: Vec<SessionRow>,
    pub selected: usize,
    /// `/` typed: the filter being edited (or kept) over alias and occupation, and over the kiosk code
    /// when it is shaped like one (Enter then looks the code up: kiosk to desk, issue 15).
    pub filter: String,
    pub filtering: bool,
    /// `d` pressed: the id waiting for confirmation.
    pub confirm_delete: Option<String>,
    /// A message for the counselor (open failed, corrupt file…).
    pub notice: Option<Notice>,
    pub loaded: bool,
    /// The session to select when the list is next read: the one just left, which moved to the top.
    pub follow: Option<String>,
    /// `q` with sessions unsaved: the question asked instead of quitting.
    pub quit_prompt: Option<super::saving::QuitPrompt>,
    /// Office mode: sessions open at another desk (id, desk): marked, and said in the detail line.
    pub held_elsewhere: Vec<(String, String)>,
    /// The session being opened (`Effect::OpenSession` given, its answer not back yet). In office mode the
    /// answer comes from the office thread; another Enter meanwhile would open a second session over the
    /// first and leave the first one's locks held until rumbo quits, so it waits.
    pub opening: Option<String>,
}

impl SessionsScreen {
    /// The desk that holds session `id` open, if another does.
    pub fn open_at(&self, id: &str) -> Option<&str> {
        self.held_elsewhere.iter().find(|(held, _)| held == id).map(|(_, desk)| desk.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SessionRow {
    pub id: String,
    pub alias: String,
    pub updated: Option<Timestamp>,
    pub best: Option<(String, u8)>,
    /// Why this file cannot be opened (corrupt: with line and column).
    pub problem: Option<RowProblem>,
    /// Its latest changes are only in memory (saves are failing).
    pub unsaved: bool,
    /// Issue 13: the session's follow-up date, shown in its own column.
    pub follow_up: Option<jiff::civil::Date>,
}

impl SessionsScreen {
    /// Rows that pass the filter, as indexes into `rows`.
    pub fn visible(&self) -> Vec<usize> {
        let needle = crate::text::fold(self.filter.trim());
        let code = crate::session::typed_code(&self.filter);
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                needle.is_empty()
                    || crate::text::fold(&r.alias).contains(&needle)
                    || r.best.as_ref().is_some_and(|(t, _)| crate::text::fold(t).contains(&needle))
                    || code.as_ref().is_some_and(|code| crate::session::has_code(&r.id, code))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormField {
    #[default]
    Alias,
    Counselor,
    Consent,
}

#[derive(Clone, Debug, Default)]
pub struct NewSessionForm {
    pub alias: String,
    pub counselor: String,
    pub consent: bool,
    pub field: FormField,
    /// Shown after Enter with an empty alias.
    pub alias_missing: bool,
    /// At a kiosk, consent is a choice made (Sí, guardar / No guardar), never the default of Enter.
    pub consent_chosen: bool,
    /// At a kiosk, Enter came before that choice: the form says to make it.
    pub consent_needed: bool,
}
