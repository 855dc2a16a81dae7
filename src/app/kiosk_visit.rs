//! Issue 14: a kiosk visitor's path once the session exists — where to start (a job title or a sector),
//! one occupation at a time as questions, the results, and "Terminar" asked to confirm. The session stays
//! in the workspace (its saving is the counselor's, unchanged); this is only where the visitor is.

use crate::catalog::{CatalogSet, Importance, Occupation};
use crate::search::JobMatch;
use crate::session::{MarkKind, MarkLevel, Session};

/// How many job titles the title search lists.
pub const TITLE_RESULTS: usize = 6;
/// How many best fits the results show.
pub const BEST: usize = 5;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visit {
    pub step: Step,
    /// The occupations being walked, kept while the results show so "back" returns to the questions.
    pub walk: Option<Questions>,
    /// The last save of a consented visit succeeded: its code is on disk, so the header shows it.
    pub saved: bool,
    /// "Terminar" was pressed: the question asked over the step.
    pub confirm: bool,
    /// "Terminar" ended a visit without consent: the last screen says it was not saved.
    pub unsaved: bool,
    /// The start's choice highlighted: 0 "¿En qué ha trabajado?", 1 "Explorar por sector", 2 "¿Qué le
    /// gusta hacer?".
    pub start_row: usize,
    /// Issue 16: where the visitor is in «¿Qué le gusta hacer?», kept while its results show so "back"
    /// returns to the question they came from.
    pub likes: Option<super::interests::Questionnaire>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Step {
    /// "¿En qué ha trabajado?" (0) or "Explorar por sector" (1).
    #[default]
    Start,
    /// Typing a job title, and the titles it names.
    Title(TitleSearch),
    /// Choosing a sector.
    Sector(usize),
    /// One question at a time: the walk in [`Visit::walk`].
    Questions,
    /// The five best fits; the one chosen says what to learn next.
    Results(usize),
    /// Issue 16: «¿Qué le gusta hacer?», one activity at a time (where: [`Visit::likes`]).
    Likes,
    /// What the visitor likes and the occupations that go with it; the suggestion highlighted.
    LikesResults(usize),
}

/// The first step's choices, in order: by job title, by sector, by what the visitor likes.
pub const START_CHOICES: usize = 3;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TitleSearch {
    pub query: String,
    pub matches: Vec<JobMatch>,
    pub selected: usize,
    /// Enter with nothing chosen: say what to do.
    pub nothing: bool,
}

/// One item asked about: a function or a competency of the occupation being walked.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub kind: MarkKind,
    pub id: String,
    pub text: String,
    pub occupation: String,
    pub essential: bool,
}

/// The walk: the occupations to go through and where the visitor is in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Questions {
    pub occupations: Vec<String>,
    /// The occupation being asked about (index into `occupations`).
    pub occupation: usize,
    /// Its questions, essential first.
    pub items: Vec<Question>,
    /// The question on screen (index into `items`).
    pub at: usize,
}

/// An answer, the same mark the counselor sees (`Sí` = la tiene, `Estoy aprendiendo` = en desarrollo) or
/// `Todavía no`, recorded as answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Yes,
    Learning,
    NotYet,
}

impl Answer {
    pub fn level(self) -> Option<MarkLevel> {
        match self {
            Answer::Yes => Some(MarkLevel::Has),
            Answer::Learning => Some(MarkLevel::InDevelopment),
            Answer::NotYet => None,
        }
    }

    /// The answer the session holds for `question`, if any.
    pub fn of(session: &Session, question: &Question) -> Option<Answer> {
        match session.mark_of(question.kind, &question.id) {
            Some(MarkLevel::Has) => Some(Answer::Yes),
            Some(MarkLevel::InDevelopment) => Some(Answer::Learning),
            None if session.is_answered_no(question.kind, &question.id) => Some(Answer::NotYet),
            None => None,
        }
    }
}

/// What a click on a kiosk screen lands on (the view records where each is drawn).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Spanish,
    English,
    Begin,
    ConsentYes,
    ConsentNo,
    Continue,
    /// A row of the screen's list (the row comes with the click).
    Row,
    Answer(Answer),
    Back,
    Skip,
    Results,
    Finish,
    ConfirmYes,
    ConfirmNo,
    Again,
    /// Issue 16: one of the five answers to «¿Qué le gusta hacer?».
    Like(crate::interests::Answer),
    /// «Saltar el resto»: straight to what the visitor likes.
    SkipRest,
    /// On the likes' results: the questions about the occupation highlighted, or (when the answers
    /// cannot be read) the questions again.
    Ask,
}

impl Visit {
    /// Starts a walk on its first question (or, when none of its occupations has any, on the results).
    pub fn start_walk(&mut self, set: &CatalogSet, mut walk: Questions) {
        if walk.items.is_empty() && !walk.next_occupation(set) {
            self.walk = None;
            self.step = Step::Results(0);
            return;
        }
        self.walk = Some(walk);
        self.step = Step::Questions;
    }
}

impl Questions {
    /// A walk over `occupations` (those a catalog holds; none repeated), on the first one's questions.
    pub fn new(set: &CatalogSet, occupations: Vec<String>) -> Questions {
        let mut seen = Vec::new();
        for id in occupations {
            if set.occupation(&id).is_some() && !seen.contains(&id) {
                seen.push(id);
            }
        }
        let mut walk = Questions { occupations: seen, ..Questions::default() };
        walk.load(set, 0);
        walk
    }

    /// Goes to the `index`-th occupation, on its first question.
    pub fn load(&mut self, set: &CatalogSet, index: usize) {
        self.occupation = index;
        self.at = 0;
        self.items = self
            .occupations
            .get(index)
            .and_then(|id| set.occupation(id))
            .map(|o| questions(set, o))
            .unwrap_or_default();
    }

    pub fn current(&self) -> Option<&Question> {
        self.items.get(self.at)
    }

    /// The next question, or the next occupation's first; `false` when the walk is over.
    pub fn advance(&mut self, set: &CatalogSet) -> bool {
        if self.at + 1 < self.items.len() {
            self.at += 1;
            return true;
        }
        self.next_occupation(set)
    }

    /// "Saltar el resto": the next occupation that has questions; `false` when there is none.
    pub fn next_occupation(&mut self, set: &CatalogSet) -> bool {
        let mut next = self.occupation + 1;
        while next < self.occupations.len() {
            self.load(set, next);
            if !self.items.is_empty() {
                return true;
            }
            next += 1;
        }
        false
    }

    /// The question before, in this occupation or the last of the one before; `false` at the very first.
    pub fn back(&mut self, set: &CatalogSet) -> bool {
        if self.at > 0 {
            self.at -= 1;
            return true;
        }
        let mut previous = self.occupation;
        while previous > 0 {
            previous -= 1;
            let mut walk = self.clone();
            walk.load(set, previous);
            if !walk.items.is_empty() {
                walk.at = walk.items.len() - 1;
                *self = walk;
                return true;
            }
        }
        false
    }
}

/// An occupation's questions: its functions (not the catch-all one) and competencies, essential first,
/// each group in catalog order.
pub fn questions(set: &CatalogSet, occupation: &Occupation) -> Vec<Question> {
    let mut items: Vec<Question> = occupation
        .functions
        .iter()
        .filter(|f| !f.catch_all)
        .map(|f| Question {
            kind: MarkKind::Function,
            id: f.id.clone(),
            text: f.text.clone(),
            occupation: occupation.id.clone(),
            essential: f.importance == Importance::Essential,
        })
        .collect();
    items.extend(occupation.competencies.iter().filter_map(|need| {
        let competency = set.competency(&need.competency)?;
        Some(Question {
            kind: MarkKind::Competency,
            id: competency.id.clone(),
            text: competency.name.clone(),
            occupation: occupation.id.clone(),
            essential: need.importance == Importance::Essential,
        })
    }));
    // Stable: catalog order within each group.
    items.sort_by_key(|q| !q.essential);
    items
}

/// The occupations a chosen job title leads to: its own, then its related ones (those a catalog holds).
pub fn from_title(set: &CatalogSet, occupation: &str) -> Vec<String> {
    let mut out = vec![occupation.to_string()];
    if let Some(o) = set.occupation(occupation) {
        out.extend(o.related.iter().filter(|id| set.occupation(id).is_some()).cloned());
    }
    out
}

/// A sector's occupations, in catalog order.
pub fn from_sector(set: &CatalogSet, sector: usize) -> Vec<String> {
    let Some(sector) = set.sectors().nth(sector) else { return Vec::new() };
    set.occupations_in(&sector.id).map(|o| o.id.clone()).collect()
}
