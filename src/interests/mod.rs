//! What the person likes to do (issue 16): a short interest questionnaire of our own, its scores on the
//! six RIASEC types (Holland's Realistic, Investigative, Artistic, Social, Enterprising, Conventional),
//! the three-letter code, and occupations ranked by how closely their interest profile follows the
//! person's.
//!
//! Why our own questions: the public instruments (O*NET's Interest Profiler, Holland's SDS) are either
//! under terms that do not fit a Spanish rewording or not free at all, and their items name US jobs and
//! hobbies. Ours are everyday activities in plain Colombian Spanish (with an English twin), at least
//! eight per type, none taken from another instrument. It is exploratory, not a validated test: the
//! screens and the plan say so.
//!
//! Why the 1–7 scale: O*NET's occupational interest profiles (OI) are on 1–7, so the person's scores are
//! mapped there ([`scores`]) and both can be read side by side; the ranking itself uses Pearson's
//! correlation, which does not care about scale, only about the shape of the six values.
//!
//! Pure: no I/O, no catalog. The ranking takes `(item, [f64; 6])` pairs, so any catalog can feed it.

mod bank;
mod rank;
mod scores;
#[cfg(test)]
mod tests;

pub use bank::{QUESTIONS, Question, question};
pub use rank::{Suggestion, pearson, rank};
pub use scores::{MIN_PER_TYPE, Reading, Scores, code, read, scores};

use serde::{Deserialize, Serialize};

/// The six interest types, in the order O*NET lists them (and every `[f64; 6]` here follows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Riasec {
    Realistic,
    Investigative,
    Artistic,
    Social,
    Enterprising,
    Conventional,
}

impl Riasec {
    pub const ALL: [Riasec; 6] = [
        Riasec::Realistic,
        Riasec::Investigative,
        Riasec::Artistic,
        Riasec::Social,
        Riasec::Enterprising,
        Riasec::Conventional,
    ];

    /// Its place in a `[f64; 6]`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The letter of the code: the same in Spanish and English (the Holland code is known by these).
    pub fn letter(self) -> char {
        ['R', 'I', 'A', 'S', 'E', 'C'][self.index()]
    }
}

/// One answer, on five steps from «Me disgusta mucho» to «Me gusta mucho». Saved by name in the session,
/// keyed by the question's id (never by its place or wording, which may change).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Answer {
    DislikeMuch,
    Dislike,
    Neutral,
    Like,
    LikeMuch,
}

impl Answer {
    /// From «Me disgusta mucho» to «Me gusta mucho»: the order of the buttons and of the keys 1–5.
    pub const ALL: [Answer; 5] =
        [Answer::DislikeMuch, Answer::Dislike, Answer::Neutral, Answer::Like, Answer::LikeMuch];

    /// 1 («Me disgusta mucho») to 5 («Me gusta mucho»).
    pub fn value(self) -> u8 {
        self as u8 + 1
    }

    /// The answer of key `1`–`5` (`step` 1 to 5).
    pub fn from_step(step: u8) -> Option<Answer> {
        Answer::ALL.get(usize::from(step).checked_sub(1)?).copied()
    }
}
