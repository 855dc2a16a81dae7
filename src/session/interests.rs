//! The person's answers to «¿Qué le gusta hacer?» (issue 16) in the session: kept by question id, new in
//! session format 6. Only the answers are saved; the scores and the code are worked out from them each
//! time (`crate::interests`), so they can never disagree with the answers, and the JSON export writes
//! them out for the office's systems.

use super::model::Session;
use crate::catalog::CatalogSet;
use crate::interests::{Answer, Reading, Scores, read, scores};
use crate::text::sanitize_line;

/// The session format the interest answers came in.
pub const INTERESTS_FORMAT: u32 = 6;

impl Session {
    /// The answer given to question `id`, if any.
    pub fn interest_answer(&self, id: &str) -> Option<Answer> {
        self.interests.get(id).copied()
    }

    /// Records (or, with `None`, takes back) the answer to question `id`; returns whether it changed.
    /// The first answer raises the session to format 6 (through the plan's raise, so a session from
    /// before 4 keeps what it explored): an older rumbo then opens it read-only instead of dropping it.
    pub fn set_interest(&mut self, id: &str, answer: Option<Answer>, set: &CatalogSet) -> bool {
        let id = sanitize_line(id);
        match answer {
            None => self.interests.remove(&id).is_some(),
            Some(answer) if self.interests.get(&id) == Some(&answer) => false,
            Some(answer) => {
                self.raise_to_plan(set);
                self.format = self.format.max(INTERESTS_FORMAT);
                self.interests.insert(id, answer);
                true
            }
        }
    }

    /// The six scores of the answers given so far.
    pub fn interest_scores(&self) -> Scores {
        scores(&self.interests)
    }

    /// Whether the answers can be read (enough of them, not flat), and the code when they can.
    pub fn interest_reading(&self) -> Reading {
        read(&self.interest_scores())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interests::QUESTIONS;

    fn set() -> CatalogSet {
        let loaded = crate::catalog::load_files(vec![crate::catalog::builtin_file()]).unwrap();
        CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
    }

    #[test]
    fn an_answer_raises_an_older_session_to_format_6_and_keys_on_the_question_id() {
        let set = set();
        let mut s = Session::new("Ana", "", jiff::Timestamp::UNIX_EPOCH, &set).unwrap();
        s.format = 3;
        assert!(s.set_interest("r-bicicleta", Some(Answer::LikeMuch), &set));
        assert_eq!(s.format, INTERESTS_FORMAT);
        assert!(
            !s.set_interest("r-bicicleta", Some(Answer::LikeMuch), &set),
            "the same answer changes nothing"
        );
        assert_eq!(s.interest_answer("r-bicicleta"), Some(Answer::LikeMuch));
        let text = ron::to_string(&s).unwrap();
        assert!(text.contains(r#"interests:{"r-bicicleta":LikeMuch}"#), "{text}");
        assert!(s.set_interest("r-bicicleta", None, &set));
        assert!(!ron::to_string(&s).unwrap().contains("interests"), "no answers, no field");
    }

    #[test]
    fn a_session_without_answers_stays_in_its_format_and_scores_come_from_the_answers() {
        let set = set();
        let mut s = Session::new("Ana", "", jiff::Timestamp::UNIX_EPOCH, &set).unwrap();
        s.format = 5;
        assert!(!s.set_interest("r-bicicleta", None, &set));
        assert_eq!(s.format, 5);
        for q in QUESTIONS {
            let answer =
                if q.kind == crate::interests::Riasec::Social { Answer::LikeMuch } else { Answer::Dislike };
            s.set_interest(q.id, Some(answer), &set);
        }
        assert_eq!(s.interest_scores().values[3], 7.0);
        assert_eq!(s.interest_reading(), Reading::Ready { code: "SRI".into() });
    }
}
