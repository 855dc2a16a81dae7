//! The plan the person takes home (issue 13): the profile, the contact (only with its own consent), the
//! goals, the occupations the counselor explicitly explored, the steps and the follow-up date.
//!
//! All of it is optional and new in session format 4: an older rumbo would drop it, so the first plan
//! field a session gets raises it (see [`Session::raise_to_plan`]). No field here holds health,
//! disability, ethnicity or other sensitive data (Ley 1581 de 2012, art. 5) — by design, not by filter:
//! the free texts (steps, zones, languages) carry a reminder in the UI instead.

use super::model::Session;
use crate::catalog::CatalogSet;
use crate::i18n::Lang;
use crate::text::sanitize_line;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The first session format with the plan's fields. Sessions below it count what they explored under
/// the old rule (marks, notes, chosen programs, focus) as explicitly added.
pub const PLAN_FORMAT: u32 = 4;

/// At most this many goals: the plan is one page.
pub const MAX_GOALS: usize = 2;

/// The most a step's text, a zone, a language or a contact field may hold, in characters.
pub const LINE_MAX_CHARS: usize = 300;

/// The person's profile ("Perfil"). The past jobs are the session's [`Session::past_jobs`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageSkill>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jornada: Option<Jornada>,
    /// Zones of the city where the person can work, as said ("Kennedy", "Suba").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zones: Vec<String>,
    /// The language of the plan the person takes home; `None`: the interface's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_language: Option<Lang>,
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        *self == Profile::default()
    }
}

/// The highest education level reached, in the order of the Colombian system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Education {
    Ninguno,
    Primaria,
    Bachillerato,
    TecnicoLaboral,
    TecnicoProfesional,
    Tecnologo,
    Profesional,
    Posgrado,
}

impl Education {
    pub const ALL: [Education; 8] = [
        Education::Ninguno,
        Education::Primaria,
        Education::Bachillerato,
        Education::TecnicoLaboral,
        Education::TecnicoProfesional,
        Education::Tecnologo,
        Education::Profesional,
        Education::Posgrado,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageSkill {
    /// The language as said ("inglés").
    pub language: String,
    #[serde(default)]
    pub level: LanguageLevel,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LanguageLevel {
    #[default]
    Basico,
    Intermedio,
    Avanzado,
}

impl LanguageLevel {
    pub const ALL: [LanguageLevel; 3] =
        [LanguageLevel::Basico, LanguageLevel::Intermedio, LanguageLevel::Avanzado];
}

/// When the person can work: mornings, afternoons, nights, full time, or weekends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Jornada {
    Manana,
    Tarde,
    Noche,
    Completa,
    Fines,
}

impl Jornada {
    pub const ALL: [Jornada; 5] =
        [Jornada::Manana, Jornada::Tarde, Jornada::Noche, Jornada::Completa, Jornada::Fines];
}

/// How the office may reach the person for the follow-up. Stored only with the person's consent
/// ("autoriza que la oficina lo contacte para el seguimiento"), given at `consent_at`; deleted with
/// the session and by the retention purge (it lives in the session file and nowhere else).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(with = "super::timestamp")]
    pub consent_at: Timestamp,
}

/// One step of the action plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub text: String,
    #[serde(default)]
    pub who: Who,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default)]
    pub status: StepStatus,
    /// "Qué llevar": the documents to bring for this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bring: Vec<String>,
    #[serde(default)]
    pub kind: StepKind,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Who {
    #[default]
    Persona,
    Orientador,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StepStatus {
    #[default]
    Pendiente,
    Hecho,
}

/// Where a step came from: one of the suggestions (accepted, maybe edited) or the counselor's own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StepKind {
    /// Enrol in a shortlisted program (its id).
    Enrol { program: String },
    /// Certify experience the person already has.
    CertifyExperience,
    /// Register or update the hoja de vida in the public employment service.
    RegisterCv,
    /// A follow-up appointment.
    FollowUp,
    #[default]
    Own,
}

/// Why a plan edit was refused; shown translated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// Already [`MAX_GOALS`] goals.
    GoalsFull,
    /// Not "AAAA-MM-DD", or not a day of the calendar.
    BadDate {
        text: String,
    },
    /// Neither a phone nor an e-mail.
    ContactEmpty,
    BadPhone {
        text: String,
    },
    BadEmail {
        text: String,
    },
    EmptyStep,
}

/// Reads a date typed as AAAA-MM-DD (spaces around are ignored).
pub fn parse_date(text: &str) -> Result<Date, PlanError> {
    let trimmed = text.trim();
    let bad = || PlanError::BadDate { text: sanitize_line(trimmed) };
    let parts: Vec<&str> = trimmed.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return Err(bad()) };
    if y.len() != 4
        || m.len() != 2
        || d.len() != 2
        || !trimmed.chars().all(|c| c.is_ascii_digit() || c == '-')
    {
        return Err(bad());
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()) else {
        return Err(bad());
    };
    Date::new(y, m, d).map_err(|_| bad())
}

/// A contact from what was typed: at least one of the two, each well formed.
pub fn contact(phone: &str, email: &str, consent_at: Timestamp) -> Result<Contact, PlanError> {
    let phone = clip(phone);
    let email = clip(email);
    if phone.is_empty() && email.is_empty() {
        return Err(PlanError::ContactEmpty);
    }
    if !phone.is_empty() {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let allowed = phone.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
        if !allowed || !(7..=15).contains(&digits) {
            return Err(PlanError::BadPhone { text: phone });
        }
    }
    if !email.is_empty() {
        let ok = match email.split_once('@') {
            Some((user, host)) => {
                !user.is_empty()
                    && host.contains('.')
                    && !host.starts_with('.')
                    && !host.ends_with('.')
                    && !email.contains(char::is_whitespace)
                    && !host.contains('@')
            }
            None => false,
        };
        if !ok {
            return Err(PlanError::BadEmail { text: email });
        }
    }
    Ok(Contact { phone, email, consent_at })
}

/// One line, cleaned, trimmed and cut to [`LINE_MAX_CHARS`].
pub fn clip(text: &str) -> String {
    sanitize_line(text).trim().chars().take(LINE_MAX_CHARS).collect()
}

impl Session {
    /// True when the session has anything of the plan (format 4 fields).
    pub fn has_plan(&self) -> bool {
        !self.profile.is_empty()
            || self.contact.is_some()
            || !self.goals.is_empty()
            || !self.explored.is_empty()
            || !self.steps.is_empty()
            || self.follow_up.is_some()
    }

    /// Makes the session ready to take plan fields: a session from before format 4 first gets what it
    /// explored under the old rule as explicitly added (so nothing it listed disappears), then is
    /// raised to this format, as an older rumbo would drop the plan. Call before any plan edit.
    pub fn raise_to_plan(&mut self, set: &CatalogSet) {
        if self.format < PLAN_FORMAT {
            for id in legacy_explored(self, set) {
                if !self.explored.contains(&id) {
                    self.explored.push(id);
                }
            }
        }
        // The plan's own format, not the newest: a plan edit must not lock out a rumbo that knows plans.
        self.format = self.format.max(PLAN_FORMAT);
    }

    pub fn is_goal(&self, occupation: &str) -> bool {
        self.goals.iter().any(|g| g == occupation)
    }

    /// Makes `occupation` a goal, or takes it off the goals; returns whether it is a goal now. A goal
    /// is explored: taking it off leaves it on the explored list.
    pub fn toggle_goal(&mut self, occupation: &str) -> Result<bool, PlanError> {
        if let Some(i) = self.goals.iter().position(|g| g == occupation) {
            self.goals.remove(i);
            self.add_explored(occupation);
            return Ok(false);
        }
        if self.goals.len() >= MAX_GOALS {
            return Err(PlanError::GoalsFull);
        }
        self.goals.push(occupation.to_string());
        Ok(true)
    }

    pub fn is_explored(&self, occupation: &str) -> bool {
        self.is_goal(occupation) || self.explored.iter().any(|e| e == occupation)
    }

    fn add_explored(&mut self, occupation: &str) {
        if !self.explored.iter().any(|e| e == occupation) {
            self.explored.push(occupation.to_string());
        }
    }

    /// Adds `occupation` to the explored list, or takes it off (and off the goals); returns whether it
    /// is on the list now.
    pub fn toggle_explored(&mut self, occupation: &str) -> bool {
        if self.is_explored(occupation) {
            self.explored.retain(|e| e != occupation);
            self.goals.retain(|g| g != occupation);
            false
        } else {
            self.add_explored(occupation);
            true
        }
    }

    /// Cleans the plan's texts of a loaded file (see [`Session::sanitize_loaded`]) and keeps the goals
    /// within [`MAX_GOALS`] and free of repeats.
    pub(super) fn sanitize_plan(&mut self) {
        let line = |s: &mut String| *s = clip(s);
        self.profile.zones.iter_mut().for_each(line);
        self.profile.zones.retain(|z| !z.is_empty());
        self.profile.languages.iter_mut().for_each(|l| line(&mut l.language));
        self.profile.languages.retain(|l| !l.language.is_empty());
        if let Some(c) = &mut self.contact {
            line(&mut c.phone);
            line(&mut c.email);
        }
        let mut goals: Vec<String> = Vec::new();
        for g in std::mem::take(&mut self.goals) {
            let g = sanitize_line(&g);
            if !goals.contains(&g) && goals.len() < MAX_GOALS {
                goals.push(g);
            }
        }
        self.goals = goals;
        self.explored.iter_mut().for_each(|e| *e = sanitize_line(e));
        for step in &mut self.steps {
            line(&mut step.text);
            step.bring.iter_mut().for_each(line);
            step.bring.retain(|b| !b.is_empty());
            if let StepKind::Enrol { program } = &mut step.kind {
                *program = sanitize_line(program);
            }
        }
    }
}

/// The occupations listed as explored before format 4: where functions were marked, notes written or
/// programs chosen, and the one last in focus. Competency marks alone count for every occupation, so
/// they do not decide.
pub fn legacy_explored(session: &Session, set: &CatalogSet) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if set.occupation(id).is_some() && !ids.iter().any(|x| x == id) {
            ids.push(id.to_string());
        }
    };
    session.marks.iter().filter_map(|m| m.occupation.as_deref()).for_each(&mut add);
    session.occupation_notes.keys().for_each(|id| add(id));
    for entry in &session.shortlist {
        set.program(&entry.program).into_iter().flat_map(|p| &p.occupations).for_each(|id| add(id));
    }
    if let Some(id) = &session.focus.occupation {
        add(id);
    }
    ids
}

/// The occupations the plan lists as explored, goals first: the goals and those the counselor added
/// (and, for a session from before format 4, what it explored under the old rule). Only those in `set`.
pub fn explored(session: &Session, set: &CatalogSet) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let legacy = if session.format < PLAN_FORMAT { legacy_explored(session, set) } else { Vec::new() };
    for id in session.goals.iter().chain(&session.explored).chain(&legacy) {
        if set.occupation(id).is_some() && !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ids
}
