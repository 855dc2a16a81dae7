//! Issue 16: a kiosk visitor's keys and clicks in «¿Qué le gusta hacer?» — the five answers, back,
//! «saltar el resto» — and on its results: a suggestion highlighted, its questions («¿Sabe hacer
//! esto?», the issue 14 walk), the results of those, or the questions again when the answers could not
//! be read. Every answer goes into the session as it is given.

use super::changed;
use crate::app::interests::Questionnaire;
use crate::app::kiosk_visit::{Questions, Step, Target, Visit};
use crate::app::model::Workspace;
use crate::app::msg::Effect;
use crate::catalog::CatalogSet;
use crate::interests::{QUESTIONS, Reading};
use crate::session::{SUGGESTED, suggest};

/// "¿Qué le gusta hacer?" chosen at the start: the first question not yet answered, or the results
/// when every one is.
pub fn start(visit: &mut Visit, ws: &Workspace) {
    let quiz = Questionnaire::resume(&ws.session);
    visit.step = if quiz.is_done() { Step::LikesResults(0) } else { Step::Likes };
    visit.likes = Some(quiz);
}

/// How many suggestions the results list (for ↑/↓).
pub fn count(ws: &Workspace, set: &CatalogSet) -> usize {
    suggest(&ws.session, set, SUGGESTED).len()
}

/// `target` on the questions or their results; `None` when it is not theirs to answer.
pub fn act(
    visit: &mut Visit,
    ws: &mut Workspace,
    set: &CatalogSet,
    (target, row): (Target, Option<usize>),
    now: jiff::Timestamp,
) -> Option<Vec<Effect>> {
    match (&visit.step, target) {
        (Step::Likes, Target::Like(answer)) => {
            let quiz = visit.likes.get_or_insert_with(Questionnaire::default);
            let changed_now = quiz.answer(&mut ws.session, set, answer);
            if quiz.is_done() {
                visit.step = Step::LikesResults(0);
            }
            return Some(if changed_now { changed(ws, now) } else { Vec::new() });
        }
        (Step::Likes, Target::Back) => match &mut visit.likes {
            Some(quiz) if quiz.at > 0 => quiz.back(),
            _ => visit.step = Step::Start,
        },
        (Step::Likes, Target::SkipRest) => visit.step = Step::LikesResults(0),
        (Step::LikesResults(_), Target::Row) => {
            let last = count(ws, set).saturating_sub(1);
            if let Some(row) = row {
                visit.step = Step::LikesResults(row.min(last));
            }
        }
        (Step::LikesResults(at), Target::Ask) => ask(visit, ws, set, *at),
        // Back to the question the visitor left (the last one, when they answered them all).
        (Step::LikesResults(_), Target::Back) => {
            let quiz = visit.likes.get_or_insert_with(|| Questionnaire::resume(&ws.session));
            quiz.at = quiz.at.min(QUESTIONS.len() - 1);
            visit.step = Step::Likes;
        }
        (Step::LikesResults(_), Target::Results) => visit.step = Step::Results(0),
        // "Terminar" and the rest are the visit's own.
        _ => return None,
    }
    Some(Vec::new())
}

/// Enter on the results: the questions about the occupation highlighted (then the others suggested);
/// with nothing suggested, the questions again — from the first after a flat sheet, from the first
/// unanswered one when there were too few answers.
fn ask(visit: &mut Visit, ws: &Workspace, set: &CatalogSet, at: usize) {
    let suggested = suggest(&ws.session, set, SUGGESTED);
    if suggested.is_empty() {
        let quiz = match ws.session.interest_reading() {
            Reading::Flat => Questionnaire::default(),
            _ => Questionnaire::resume(&ws.session),
        };
        visit.likes = Some(quiz);
        visit.step = Step::Likes;
        return;
    }
    let chosen = at.min(suggested.len() - 1);
    // The walk keeps each occupation once: the chosen one first, then the others in their order.
    let mut ids = vec![suggested[chosen].occupation.id.clone()];
    ids.extend(suggested.iter().map(|s| s.occupation.id.clone()));
    visit.start_walk(set, Questions::new(set, ids));
}
