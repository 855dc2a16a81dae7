//! "Experiencia": the person's past jobs, and the marks each one makes.
//!
//! Adding a job marks "la tiene" every destreza and conocimiento (competency kinds `Skill` and
//! `Knowledge`) its occupation needs, each mark remembering the job in [`Mark::from`]. Its functions
//! are only offered: what the person did in a job is for the counselor to ask, not to assume.
//! Removing the job takes back the marks it made and nobody changed since; a mark another job also
//! made stays, and one the counselor changed (or made before) is theirs and stays too.

use super::model::{Mark, MarkKind, MarkLevel, Session};

/// The session format past jobs came in.
pub const PAST_JOBS_FORMAT: u32 = 3;
use crate::catalog::{CatalogSet, CompetencyKind, Occupation};
use crate::text::sanitize_line;
use serde::{Deserialize, Serialize};

/// A job the person held, as the counselor picked it in "Experiencia": the title they used and the
/// occupation it belongs to (format 3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastJob {
    /// Unique within the session: the marks it made name it in [`Mark::from`] (a removed job's id
    /// may come back, as nothing names it any more).
    #[serde(default)]
    pub id: u32,
    /// The job title as picked ("Cajera"), or the occupation's name.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub occupation: String,
    /// The occupation's name when added, so the job still reads right under a later catalog.
    #[serde(default)]
    pub occupation_text: String,
}

/// Whether a competency of this kind is marked when a past job needs it.
pub fn marked_by_experience(kind: CompetencyKind) -> bool {
    matches!(kind, CompetencyKind::Skill | CompetencyKind::Knowledge)
}

impl Session {
    /// Adds a past job under `title` in `occupation` and marks its destrezas and conocimientos "la
    /// tiene" (an existing mark of the counselor's is left as it is). Returns the job's id. Raises the
    /// session to this format: an older rumbo would drop the job and the marks' origin.
    pub fn add_past_job(&mut self, title: &str, occupation: &Occupation, set: &CatalogSet) -> u32 {
        let id = self.past_jobs.iter().map(|j| j.id + 1).max().unwrap_or(1);
        let title = sanitize_line(title).trim().to_string();
        self.past_jobs.push(PastJob {
            id,
            title: if title.is_empty() { occupation.title.clone() } else { title },
            occupation: occupation.id.clone(),
            occupation_text: occupation.title.clone(),
        });
        for need in &occupation.competencies {
            let Some(competency) = set.competency(&need.competency) else { continue };
            if !marked_by_experience(competency.kind) {
                continue;
            }
            let existing =
                self.marks.iter_mut().find(|m| m.kind == MarkKind::Competency && m.id == competency.id);
            match existing {
                // Made by another job and unchanged: this one made it too.
                Some(mark) if !mark.from.is_empty() => {
                    if !mark.from.contains(&id) {
                        mark.from.push(id);
                    }
                }
                // The counselor's own mark: their judgement stands.
                Some(_) => {}
                None => self.marks.push(Mark {
                    kind: MarkKind::Competency,
                    id: competency.id.clone(),
                    text: competency.name.clone(),
                    occupation: None,
                    level: MarkLevel::Has,
                    from: vec![id],
                }),
            }
        }
        // Format 3, the one past jobs came in: straight to 4 would skip keeping what an older session
        // explored (see `raise_to_plan`), which only a plan edit does.
        self.format = self.format.max(PAST_JOBS_FORMAT);
        id
    }

    /// Removes past job `id` and the marks only it made, unchanged since. False when there is no such job.
    pub fn remove_past_job(&mut self, id: u32) -> bool {
        let before = self.past_jobs.len();
        self.past_jobs.retain(|j| j.id != id);
        if self.past_jobs.len() == before {
            return false;
        }
        self.marks.retain_mut(|mark| {
            let Some(at) = mark.from.iter().position(|f| *f == id) else { return true };
            mark.from.remove(at);
            !mark.from.is_empty()
        });
        true
    }

    pub fn past_job(&self, id: u32) -> Option<&PastJob> {
        self.past_jobs.iter().find(|j| j.id == id)
    }

    /// The past jobs a mark of (kind, id) came from, unchanged since: empty for the counselor's own.
    pub fn origins(&self, kind: MarkKind, id: &str) -> Vec<&PastJob> {
        let Some(mark) = self.marks.iter().find(|m| m.kind == kind && m.id == id) else { return Vec::new() };
        mark.from.iter().filter_map(|f| self.past_job(*f)).collect()
    }
}
