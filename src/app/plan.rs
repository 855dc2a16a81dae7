//! The plan panel (`p`, issue 13): Perfil, Contacto, Meta, Plan de acción and Seguimiento, one part at a
//! time. State and rows live here, shared by `update` (keys, clicks) and the view, so both agree on what
//! row N is. The suggested steps are computed from the session each time, never stored until accepted.

use crate::catalog::CatalogSet;
use crate::session::plan::{self, PlanError};
use crate::session::{Session, Step};
use jiff::Timestamp;

/// The panel's parts, in Tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlanPart {
    #[default]
    Profile,
    Contact,
    Goals,
    Steps,
    FollowUp,
}

impl PlanPart {
    pub const ALL: [PlanPart; 5] =
        [PlanPart::Profile, PlanPart::Contact, PlanPart::Goals, PlanPart::Steps, PlanPart::FollowUp];
}

/// A row of the Perfil part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileRow {
    Education,
    Jornada,
    Zones,
    /// The i-th language, its level changed with Space.
    Language(usize),
    /// "Añadir idioma" (Enter types one).
    AddLanguage,
    PlanLanguage,
    /// The past jobs, from "Experiencia" (`l`): shown, changed there.
    PastJobs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactRow {
    Consent,
    Phone,
    Email,
}

/// A row of the Plan de acción part: a step of the plan, or a suggestion not yet accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepRow {
    Step(usize),
    Suggested(Step),
}

/// What a line being typed will become.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// The zones, comma-separated.
    Zones,
    NewLanguage,
    Phone,
    Email,
    /// The text of step i.
    StepText(usize),
    /// A new step of the counselor's own.
    NewStep,
    /// "Qué llevar" of step i, comma-separated.
    Bring(usize),
    StepDate(usize),
    FollowUp,
}

impl EditTarget {
    /// Free text about the person: the view shows the Ley 1581 reminder beside it.
    pub fn is_free_text(self) -> bool {
        matches!(self, EditTarget::StepText(_) | EditTarget::NewStep | EditTarget::Bring(_))
    }

    pub fn is_date(self) -> bool {
        matches!(self, EditTarget::StepDate(_) | EditTarget::FollowUp)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanEdit {
    pub target: EditTarget,
    pub text: String,
    /// The text is what was there (a date): the first character typed replaces it, as in a form.
    pub fresh: bool,
}

/// What the panel says on its message line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanMessage {
    Refused(PlanError),
    /// A phone or e-mail typed before the consent box was ticked.
    NeedConsent,
    /// The session is read-only: nothing changes.
    ReadOnly,
}

pub struct PlanPanel {
    pub part: PlanPart,
    /// The selected row of each part, in [`PlanPart::ALL`]'s order.
    pub rows: [usize; 5],
    pub edit: Option<PlanEdit>,
    /// When the consent box was ticked (the contact is stored with this once a phone or e-mail is typed).
    pub consent_at: Option<Timestamp>,
    pub message: Option<PlanMessage>,
}

impl PlanPanel {
    pub fn new(part: PlanPart, session: &Session) -> PlanPanel {
        PlanPanel {
            part,
            rows: [0; 5],
            edit: None,
            consent_at: session.contact.as_ref().map(|c| c.consent_at),
            message: None,
        }
    }

    pub fn row(&self) -> usize {
        self.rows[part_index(self.part)]
    }

    pub fn select(&mut self, row: usize) {
        self.rows[part_index(self.part)] = row;
    }

    /// How many rows the part in focus has.
    pub fn len(&self, session: &Session, set: &CatalogSet, lang: crate::i18n::Lang) -> usize {
        match self.part {
            PlanPart::Profile => profile_rows(session).len(),
            PlanPart::Contact => 3,
            PlanPart::Goals => plan::explored(session, set).len(),
            PlanPart::Steps => step_rows(session, set, lang).len(),
            PlanPart::FollowUp => 1,
        }
    }

    /// Keeps the selection on the part's list after it shrank.
    pub fn clamp(&mut self, session: &Session, set: &CatalogSet, lang: crate::i18n::Lang) {
        let last = self.len(session, set, lang).saturating_sub(1);
        self.select(self.row().min(last));
    }
}

pub fn part_index(part: PlanPart) -> usize {
    PlanPart::ALL.iter().position(|p| *p == part).unwrap_or(0)
}

pub fn profile_rows(session: &Session) -> Vec<ProfileRow> {
    let mut rows = vec![ProfileRow::Education, ProfileRow::Jornada, ProfileRow::Zones];
    rows.extend((0..session.profile.languages.len()).map(ProfileRow::Language));
    rows.extend([ProfileRow::AddLanguage, ProfileRow::PlanLanguage, ProfileRow::PastJobs]);
    rows
}

pub const CONTACT_ROWS: [ContactRow; 3] = [ContactRow::Consent, ContactRow::Phone, ContactRow::Email];

/// The steps, then the suggestions not yet taken.
pub fn step_rows(session: &Session, set: &CatalogSet, lang: crate::i18n::Lang) -> Vec<StepRow> {
    let mut rows: Vec<StepRow> = (0..session.steps.len()).map(StepRow::Step).collect();
    rows.extend(
        crate::export::plan_data::suggestions(session, set, lang).into_iter().map(StepRow::Suggested),
    );
    rows
}
