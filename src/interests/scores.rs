//! From answers to scores, code and whether the sheet can be read at all.
//!
//! Score of a type: the mean of its answered questions (1 «Me disgusta mucho» … 5 «Me gusta mucho»),
//! mapped linearly onto O*NET's 1–7 scale: 1 → 1, 3 → 4, 5 → 7 (`1 + (mean − 1) × 1.5`). Skipped
//! questions do not count either way; answers to questions no longer in the bank are ignored.
//!
//! The sheet is read ([`Reading::Ready`]) only when every type has at least [`MIN_PER_TYPE`] answers
//! (fewer would let one answer decide a type) and the six scores are not all equal: a flat sheet has
//! no shape, so no correlation and no ranking ([`Reading::Flat`]: ask again).

use super::{Answer, QUESTIONS, Riasec};
use std::collections::BTreeMap;

/// Answers each type needs before the sheet is read: 2 of its 8 (12 of 48 in all).
pub const MIN_PER_TYPE: usize = 2;

/// Scores this close count as equal (they are means of small integers: real differences are ≥ 1/48).
const EQUAL: f64 = 1e-9;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// R, I, A, S, E, C on 1–7; a type with no answer is 0 (and the sheet is not read).
    pub values: [f64; 6],
    /// How many questions of each type were answered.
    pub answered: [usize; 6],
}

/// What the answers say.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// Some type has fewer than [`MIN_PER_TYPE`] answers: `short` are those types.
    TooFew { short: Vec<Riasec> },
    /// Every score is the same: the answers show no preference. Ask again; rank nothing.
    Flat,
    /// Scores with a shape: the code and the ranking can be worked out.
    Ready { code: String },
}

/// The six scores of a sheet of answers keyed by question id.
pub fn scores(answers: &BTreeMap<String, Answer>) -> Scores {
    let mut sum = [0u32; 6];
    let mut answered = [0usize; 6];
    for q in QUESTIONS {
        if let Some(answer) = answers.get(q.id) {
            sum[q.kind.index()] += u32::from(answer.value());
            answered[q.kind.index()] += 1;
        }
    }
    let mut values = [0.0; 6];
    for i in 0..6 {
        if answered[i] > 0 {
            let mean = f64::from(sum[i]) / answered[i] as f64;
            values[i] = 1.0 + (mean - 1.0) * 1.5;
        }
    }
    Scores { values, answered }
}

/// The three-letter code: the types by score, highest first. Tie rule: equal scores keep the RIASEC
/// order (R before I before A …), so the same answers always give the same code; the screen shows the
/// scores beside it, where a tie can be seen.
pub fn code(values: &[f64; 6]) -> String {
    let mut order = Riasec::ALL;
    // A stable sort: ties stay in RIASEC order. Scores within EQUAL of each other are ties.
    order.sort_by(|a, b| {
        let (x, y) = (values[a.index()], values[b.index()]);
        if (x - y).abs() <= EQUAL { std::cmp::Ordering::Equal } else { y.total_cmp(&x) }
    });
    order.iter().take(3).map(|t| t.letter()).collect()
}

/// Reads a sheet: too few answers, flat, or ready with its code.
pub fn read(scores: &Scores) -> Reading {
    let short: Vec<Riasec> =
        Riasec::ALL.into_iter().filter(|t| scores.answered[t.index()] < MIN_PER_TYPE).collect();
    if !short.is_empty() {
        return Reading::TooFew { short };
    }
    let v = scores.values;
    let (low, high) = v.iter().fold((f64::MAX, f64::MIN), |(l, h), x| (l.min(*x), h.max(*x)));
    if high - low <= EQUAL {
        return Reading::Flat;
    }
    Reading::Ready { code: code(&v) }
}

impl Scores {
    /// The scores when the sheet can be read (enough answers, not flat), else `None`.
    pub fn ready(&self) -> Option<(&[f64; 6], String)> {
        match read(self) {
            Reading::Ready { code } => Some((&self.values, code)),
            _ => None,
        }
    }
}
