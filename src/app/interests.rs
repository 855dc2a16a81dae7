//! «¿Qué le gusta hacer?» (issue 16) as the app holds it: a [`Questionnaire`] — one question at a time,
//! answered, skipped, gone back to — that the counselor's screen (`u`) uses and the kiosk path can reuse,
//! and the counselor's [`InterestsPanel`], which adds the results (scores, code, suggestions).
//!
//! Every answer goes into the session at once (`Session::set_interest`), so Esc, a crash or a save
//! never loses one; the questionnaire itself only knows where it is.

use crate::catalog::CatalogSet;
use crate::interests::{Answer, QUESTIONS, Question};
use crate::session::{BestFilter, Session, Suggested, suggestions};

/// Where a person is in the questions: `at` is the question on screen; `QUESTIONS.len()` when past the
/// last one (the results).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Questionnaire {
    pub at: usize,
}

impl Questionnaire {
    /// Starts at the first question the session has no answer to (all answered: past the last), so a
    /// questionnaire reopened goes on where it was left.
    pub fn resume(session: &Session) -> Questionnaire {
        let at =
            QUESTIONS.iter().position(|q| session.interest_answer(q.id).is_none()).unwrap_or(QUESTIONS.len());
        Questionnaire { at }
    }

    pub fn question(&self) -> Option<&'static Question> {
        QUESTIONS.get(self.at)
    }

    /// «12/48»: the question on screen (counted from 1) and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        ((self.at + 1).min(QUESTIONS.len()), QUESTIONS.len())
    }

    pub fn is_done(&self) -> bool {
        self.at >= QUESTIONS.len()
    }

    /// Records `answer` to the question on screen and moves to the next. Returns whether the session
    /// changed (the same answer again changes nothing, but still moves on).
    pub fn answer(&mut self, session: &mut Session, set: &CatalogSet, answer: Answer) -> bool {
        let Some(q) = self.question() else { return false };
        let changed = session.set_interest(q.id, Some(answer), set);
        self.at += 1;
        changed
    }

    /// Back to the previous question (its answer is kept, shown, and can be changed).
    pub fn back(&mut self) {
        self.at = self.at.saturating_sub(1);
    }

    /// On to the next question, leaving this one as it is (unanswered, or with its earlier answer).
    pub fn skip(&mut self) {
        self.at = (self.at + 1).min(QUESTIONS.len());
    }

    /// «Saltar el resto»: straight to the results.
    pub fn skip_rest(&mut self) {
        self.at = QUESTIONS.len();
    }
}

/// The counselor's screen: the questions, then the results with the selected suggestion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InterestsPanel {
    pub quiz: Questionnaire,
    /// The selected row of the suggestions.
    pub selected: usize,
}

impl InterestsPanel {
    pub fn open(session: &Session) -> InterestsPanel {
        InterestsPanel { quiz: Questionnaire::resume(session), selected: 0 }
    }

    pub fn showing_results(&self) -> bool {
        self.quiz.is_done()
    }
}

/// What a click on the questions screen lands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InterestsTarget {
    Answer(Answer),
    Back,
    Skip,
    SkipRest,
    /// The suggestions list (the row comes with the click).
    Suggestions,
    /// «Volver a las preguntas» on the results.
    Questions,
}

impl super::Workspace {
    /// The suggested occupations under the interests filters, most alike first (empty when the answers
    /// cannot be read).
    pub fn interest_suggestions<'a>(&self, set: &'a CatalogSet) -> Vec<Suggested<'a>> {
        suggestions(&self.session, set, &self.interest_filter)
    }
}

/// The filters of the suggestions (competency level, sector), as the best-fit view's.
pub type InterestFilter = BestFilter;
