//! What the summary says of the person's past jobs ("Experiencia") and of where a mark came from.

use super::summary::{CodeSummary, CompetencySummary, codes_detail, codes_text, source_line, source_of};
use crate::catalog::CatalogSet;
use crate::i18n::{Lang, fill};
use crate::session::Session;
use crate::text::sanitize_line;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PastJobSummary {
    pub id: u32,
    pub title: String,
    pub occupation: String,
    /// The occupation's title in the loaded catalogs, or as saved if they no longer have it.
    pub occupation_title: String,
    pub codes: Vec<String>,
    /// As in [`super::summary::OccupationSummary`].
    pub codes_detail: Vec<CodeSummary>,
    pub source: String,
}

/// The session's past jobs, in the order added.
pub fn past_jobs(session: &Session, set: &CatalogSet) -> Vec<PastJobSummary> {
    session
        .past_jobs
        .iter()
        .map(|j| {
            let occupation = set.occupation(&j.occupation);
            PastJobSummary {
                id: j.id,
                title: sanitize_line(&j.title),
                occupation: sanitize_line(&j.occupation),
                occupation_title: occupation
                    .map_or_else(|| sanitize_line(&j.occupation_text), |o| o.title.clone()),
                codes: occupation
                    .map(|o| o.codes.iter().map(|c| format!("{} {}", c.system, c.code)).collect())
                    .unwrap_or_default(),
                codes_detail: occupation.map(codes_detail).unwrap_or_default(),
                source: occupation.map(|o| source_of(set, o)).unwrap_or_default(),
            }
        })
        .collect()
}

/// "(de: Cajera, Mesero)" after a competency the past jobs marked; `None` for the counselor's own.
pub fn origin_note(lang: Lang, c: &CompetencySummary) -> Option<String> {
    if c.from_titles.is_empty() {
        return None;
    }
    Some(format!("({})", fill(lang.strings().export_from, &[("jobs", &c.from_titles.join(", "))])))
}

/// "Cajeros de comercio… · CUOC 52300, CIUO-08 5230 (parcial) · Fuente: DANE, CUOC 2025": a past
/// job's occupation, with its codes and its source.
pub fn past_job_line(lang: Lang, j: &PastJobSummary) -> String {
    let mut parts = vec![j.occupation_title.clone()];
    if !j.codes_detail.is_empty() {
        parts.push(codes_text(lang, &j.codes_detail));
    }
    parts.extend(source_line(lang, &j.source));
    parts.join(" · ")
}
