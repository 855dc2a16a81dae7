//! The plan's data in the summary (issue 13, JSON schema 2): the profile, the contact (only stored with
//! the person's consent, so only ever here with it), the goals, the steps and the follow-up date. How it
//! looks in HTML and Markdown is the renderers' business; this is what they and the JSON read.

use crate::catalog::CatalogSet;
use crate::session::plan::clip;
use crate::session::{Contact, Profile, Session, Step, StepKind, Who};
use serde::Serialize;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlanSummary {
    pub profile: Profile,
    /// Present only when the person authorized the office to contact them for the follow-up.
    pub contact: Option<Contact>,
    /// The goal occupations' ids, in order (they lead `occupations` when in a loaded catalog).
    pub goals: Vec<String>,
    /// The action plan's steps, in order.
    pub steps: Vec<Step>,
    pub follow_up: Option<jiff::civil::Date>,
}

/// The plan of `session`, its texts cleaned once more (a hand-edited file is not trusted).
pub fn plan_summary(session: &Session) -> PlanSummary {
    let mut profile = session.profile.clone();
    profile.zones.iter_mut().for_each(|z| *z = clip(z));
    profile.languages.iter_mut().for_each(|l| l.language = clip(&l.language));
    let contact = session.contact.clone().map(|mut c| {
        c.phone = clip(&c.phone);
        c.email = clip(&c.email);
        c
    });
    let steps = session
        .steps
        .iter()
        .map(|s| Step { text: clip(&s.text), bring: s.bring.iter().map(|b| clip(b)).collect(), ..s.clone() })
        .collect();
    PlanSummary { profile, contact, goals: session.goals.clone(), steps, follow_up: session.follow_up }
}

/// The summary's and the session copy's keys schema 2 added for the plan (left out of schema 1).
pub const SUMMARY_KEYS: [&str; 5] = ["profile", "contact", "goals", "steps", "follow_up"];
pub const SESSION_KEYS: [&str; 6] = ["profile", "contact", "goals", "explored", "steps", "follow_up"];

/// The suggested steps not in the plan yet: enrol in each shortlisted program, certify the experience
/// the person already has (when a past job was added), register or update the hoja de vida in the
/// public employment service, and a follow-up appointment (on the follow-up date). Their words are in
/// the interface's language when suggested; once accepted they are the counselor's to edit.
pub fn suggestions(session: &Session, set: &CatalogSet, lang: crate::i18n::Lang) -> Vec<Step> {
    let s = lang.strings();
    let taken = |kind: &StepKind| session.steps.iter().any(|step| step.kind == *kind);
    let split =
        |text: &str| text.split(',').map(|b| b.trim().to_string()).filter(|b| !b.is_empty()).collect();
    let step = |text: String, bring: &str, kind: StepKind, date| Step {
        text,
        who: Who::Persona,
        date,
        status: Default::default(),
        bring: split(bring),
        kind,
    };
    let mut out = Vec::new();
    for entry in &session.shortlist {
        let kind = StepKind::Enrol { program: entry.program.clone() };
        if taken(&kind) {
            continue;
        }
        let name = set
            .program(&entry.program)
            .map_or(entry.text.clone(), |p| format!("{} — {}", p.institution, p.name));
        out.push(step(
            crate::i18n::fill(s.plan_suggest_enrol, &[("program", &name)]),
            s.plan_bring_enrol,
            kind,
            None,
        ));
    }
    if !session.past_jobs.is_empty() && !taken(&StepKind::CertifyExperience) {
        let jobs: Vec<&str> = session.past_jobs.iter().map(|j| j.title.as_str()).collect();
        let text = crate::i18n::fill(s.plan_suggest_certify, &[("jobs", &jobs.join(", "))]);
        out.push(step(text, s.plan_bring_certify, StepKind::CertifyExperience, None));
    }
    if !taken(&StepKind::RegisterCv) {
        out.push(step(s.plan_suggest_cv.to_string(), s.plan_bring_cv, StepKind::RegisterCv, None));
    }
    if !taken(&StepKind::FollowUp) {
        out.push(step(
            s.plan_suggest_follow_up.to_string(),
            s.plan_bring_follow_up,
            StepKind::FollowUp,
            session.follow_up,
        ));
    }
    out
}
