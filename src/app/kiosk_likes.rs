//! Issue 16 at the kiosk: «¿Qué le gusta hacer?» — where the visitor is in the questions, and what the
//! results show (the types liked most, the occupations that go with them). The answers themselves live
//! in the session (`Session::set_interest`) from the moment they are given, so "Terminar", the idle
//! timeout or a save never loses one; this only knows where the visitor is. Pure and small on purpose:
//! any screen that asks the questions one at a time can hold a [`Likes`].

use crate::catalog::{CatalogSet, Occupation};
use crate::interests::{Answer, QUESTIONS, Question, Reading, Riasec, rank};
use crate::session::{Session, Standing, standings};

/// How many occupations the results suggest.
pub const SUGGESTED: usize = 5;

/// Where the visitor is in the questions: `at` is the one on screen (`QUESTIONS.len()` past the last).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Likes {
    pub at: usize,
}

impl Likes {
    /// At the first question the session has no answer to (every one answered: the first), so a visitor
    /// who comes back to the questions goes on where they left them.
    pub fn resume(session: &Session) -> Likes {
        Likes { at: QUESTIONS.iter().position(|q| session.interest_answer(q.id).is_none()).unwrap_or(0) }
    }

    pub fn question(&self) -> Option<&'static Question> {
        QUESTIONS.get(self.at)
    }

    /// «12/48»: the question on screen, counted from 1, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        ((self.at + 1).min(QUESTIONS.len()), QUESTIONS.len())
    }

    /// Records `answer` to the question on screen and moves on; `false` once past the last question (the
    /// results come next). Returns too whether the session changed.
    pub fn answer(&mut self, session: &mut Session, set: &CatalogSet, answer: Answer) -> (bool, bool) {
        let Some(q) = self.question() else { return (false, false) };
        let changed = session.set_interest(q.id, Some(answer), set);
        self.at += 1;
        (self.at < QUESTIONS.len(), changed)
    }

    /// The question before; `false` at the first (the screen before the questions comes next).
    pub fn back(&mut self) -> bool {
        if self.at == 0 {
            return false;
        }
        self.at = (self.at - 1).min(QUESTIONS.len() - 1);
        true
    }
}

/// How closely an occupation follows what the visitor likes, in words (a correlation is no word for a
/// visitor): Pearson's r from 0.7 «mucho», from 0.4 «bastante», from 0.1 «algo», below «poco».
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closeness {
    Much,
    Quite,
    Some,
    Little,
}

impl Closeness {
    pub fn of(correlation: f64) -> Closeness {
        match correlation {
            r if r >= 0.7 => Closeness::Much,
            r if r >= 0.4 => Closeness::Quite,
            r if r >= 0.1 => Closeness::Some,
            _ => Closeness::Little,
        }
    }
}

/// One occupation that goes with what the visitor likes.
#[derive(Clone, Debug, PartialEq)]
pub struct Liked<'a> {
    pub occupation: &'a Occupation,
    pub correlation: f64,
    /// Its fit from what the visitor said they can do, when they answered any such question.
    pub standing: Option<Standing>,
}

/// The `n` occupations whose interest profile follows the visitor's scores most closely; empty when the
/// answers cannot be read (too few, or flat: ask again, never rank).
pub fn suggest<'a>(session: &Session, set: &'a CatalogSet, n: usize) -> Vec<Liked<'a>> {
    if !matches!(session.interest_reading(), Reading::Ready { .. }) {
        return Vec::new();
    }
    let person = session.interest_scores().values;
    let items = set.occupations().filter_map(|o| o.interests.as_ref().map(|p| (o, p.values())));
    let ranked: Vec<_> = rank(&person, items).into_iter().take(n).collect();
    let answered = !session.marks.is_empty() || !session.answered_no.is_empty();
    let list: Vec<&Occupation> = ranked.iter().map(|s| s.item).collect();
    let fits = standings(session, &list);
    ranked
        .into_iter()
        .zip(fits)
        .map(|(s, standing)| Liked {
            occupation: s.item,
            correlation: s.correlation,
            standing: answered.then_some(standing),
        })
        .collect()
}

/// The three types liked most (the code's letters), highest first.
pub fn top_types(code: &str) -> Vec<Riasec> {
    code.chars().filter_map(|c| Riasec::ALL.into_iter().find(|t| t.letter() == c)).collect()
}
