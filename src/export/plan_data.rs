//! The plan's data in the summary (issue 13, JSON schema 2): the profile, the contact (only stored with
//! the person's consent, so only ever here with it), the goals, the steps and the follow-up date. How it
//! looks in HTML and Markdown is the renderers' business; this is what they and the JSON read.

use crate::session::plan::clip;
use crate::session::{Contact, Profile, Session, Step};
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
