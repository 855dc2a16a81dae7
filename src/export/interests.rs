//! The interest scores in the exports (issue 16): what the JSON's `summary.interests` holds, worked out
//! from the session's answers (which the session copy carries as `session.interests`). The HTML plan's
//! chart reads the same [`InterestsSummary`].

use crate::interests::{Reading, Riasec};
use crate::session::Session;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterestsSummary {
    /// Always true: our own questions, exploratory, not a validated test.
    pub exploratory: bool,
    /// Questions answered (skipped ones are not).
    pub answered: usize,
    /// `"ready"`, `"flat"` (every score equal: ask again) or `"too_few"` (some type has under 2 answers).
    pub reading: &'static str,
    /// R, I, A, S, E, C → score on 1–7 (two decimals, as O*NET's), for every type with an answer.
    pub scores: BTreeMap<char, f64>,
    /// The three-letter code, when the reading is `"ready"`.
    pub code: Option<String>,
}

/// The summary of the session's answers; `None` when it has none.
pub fn interests_summary(session: &Session) -> Option<InterestsSummary> {
    if session.interests.is_empty() {
        return None;
    }
    let scores = session.interest_scores();
    let (reading, code) = match session.interest_reading() {
        Reading::Ready { code } => ("ready", Some(code)),
        Reading::Flat => ("flat", None),
        Reading::TooFew { .. } => ("too_few", None),
    };
    let values = Riasec::ALL
        .into_iter()
        .filter(|t| scores.answered[t.index()] > 0)
        .map(|t| (t.letter(), (scores.values[t.index()] * 100.0).round() / 100.0))
        .collect();
    Some(InterestsSummary {
        exploratory: true,
        answered: scores.answered.iter().sum(),
        reading,
        scores: values,
        code,
    })
}
