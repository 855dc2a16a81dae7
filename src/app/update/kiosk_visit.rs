//! Issue 14: a kiosk visitor's keys and clicks once the session is open — where to start, the job title,
//! the sectors, the questions, the results and "Terminar" (the welcome and the consent are
//! `kiosk_start`'s). Every key goes through the keymap; a click names the same thing a key does
//! (`Target`), so both do one thing.

use super::changed;
use super::keys::typed;
use crate::app::keymap::{Action, Place};
use crate::app::kiosk_visit::{
    Answer, BEST, Questions, START_CHOICES, Step, TITLE_RESULTS, Target, TitleSearch, Visit, from_sector,
    from_title,
};
use crate::app::model::{Model, Screen, Workspace};
use crate::app::msg::Effect;
use crate::catalog::CatalogSet;
use crate::text::is_forbidden;
use crossterm::event::{KeyCode, KeyEvent};

/// The longest job title typed.
const MAX_TITLE: usize = 80;

/// Where a key works on the visitor's screen now.
pub fn place(visit: &Visit) -> Place {
    match &visit.step {
        _ if visit.confirm => Place::KioskConfirm,
        Step::Title(_) => Place::KioskTitle,
        Step::Questions => Place::KioskQuestion,
        Step::Likes => Place::KioskLikes,
        Step::LikesResults(_) => Place::KioskLikesResults,
        Step::Start | Step::Sector(_) | Step::Results(_) => Place::KioskChoice,
    }
}

/// A key on the visitor's screens (the session open). Nothing reaches the counselor's workspace.
pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Some(kiosk) = &model.kiosk else { return Vec::new() };
    let place = place(&kiosk.visit);
    let action = model.keymap.action(&key, place, true);
    if let Some(target) = action.and_then(|a| target_of(a, place)) {
        return act(model, target, None);
    }
    // What is left is the job title's own editing.
    let set = model.catalog.clone();
    let index = model.index.clone();
    let Some(kiosk) = model.kiosk.as_mut() else { return Vec::new() };
    if let Step::Title(search) = &mut kiosk.visit.step {
        match (action, key.code) {
            (Some(Action::KioskUp), _) => search.selected = search.selected.saturating_sub(1),
            (Some(Action::KioskDown), _) => {
                search.selected = (search.selected + 1).min(search.matches.len().saturating_sub(1));
            }
            (Some(Action::Close), _) => kiosk.visit.step = Step::Start,
            (_, KeyCode::Backspace) => {
                search.query.pop();
                refresh(search, &index);
            }
            _ => {
                if let Some(c) = typed(&key).filter(|c| !is_forbidden(*c) && !c.is_control())
                    && search.query.chars().count() < MAX_TITLE
                {
                    search.query.push(c);
                    refresh(search, &index);
                }
            }
        }
        return Vec::new();
    }
    let likes = match (&kiosk.visit.step, &model.screen) {
        (Step::LikesResults(_), Screen::Workspace(ws)) => super::kiosk_likes::count(ws, &set),
        _ => 0,
    };
    match action {
        Some(Action::KioskUp) => step_row(kiosk, &set, false, likes),
        Some(Action::KioskDown) => step_row(kiosk, &set, true, likes),
        _ => {}
    }
    Vec::new()
}

/// The actions that a click can do as well, as what they act on.
fn target_of(action: Action, place: Place) -> Option<Target> {
    Some(match action {
        Action::KioskPick if place == Place::KioskLikesResults => Target::Ask,
        Action::KioskPick => Target::Row,
        Action::KioskLike1 => Target::Like(crate::interests::Answer::DislikeMuch),
        Action::KioskLike2 => Target::Like(crate::interests::Answer::Dislike),
        Action::KioskLike3 => Target::Like(crate::interests::Answer::Neutral),
        Action::KioskLike4 => Target::Like(crate::interests::Answer::Like),
        Action::KioskLike5 => Target::Like(crate::interests::Answer::LikeMuch),
        Action::KioskSkipRest => Target::SkipRest,
        Action::KioskYes => Target::Answer(Answer::Yes),
        Action::KioskLearning => Target::Answer(Answer::Learning),
        Action::KioskNotYet => Target::Answer(Answer::NotYet),
        Action::KioskBack => Target::Back,
        Action::KioskSkip => Target::Skip,
        Action::KioskResults => Target::Results,
        Action::Finish => Target::Finish,
        Action::Confirm => Target::ConfirmYes,
        Action::KioskStay => Target::ConfirmNo,
        Action::Close if place == Place::KioskConfirm => Target::ConfirmNo,
        _ => return None,
    })
}

fn refresh(search: &mut TitleSearch, index: &crate::search::SearchIndex) {
    search.matches = if search.query.trim().is_empty() {
        Vec::new()
    } else {
        index.job_titles(&search.query, TITLE_RESULTS)
    };
    search.selected = 0;
    search.nothing = false;
}

/// ↑/↓ in the lists: the start's choices, the sectors, the results, the `likes` suggestions.
fn step_row(kiosk: &mut crate::app::kiosk::KioskState, set: &CatalogSet, down: bool, likes: usize) {
    let (at, len) = match &mut kiosk.visit.step {
        Step::Start => return kiosk_start_row(kiosk, down),
        Step::Sector(at) => (at, set.sectors().count()),
        Step::Results(at) => (at, BEST),
        Step::LikesResults(at) => (at, likes),
        _ => return,
    };
    *at = if down { (*at + 1).min(len.saturating_sub(1)) } else { at.saturating_sub(1) };
}

fn kiosk_start_row(kiosk: &mut crate::app::kiosk::KioskState, down: bool) {
    let row = kiosk.visit.start_row;
    kiosk.visit.start_row = if down { (row + 1).min(START_CHOICES - 1) } else { row.saturating_sub(1) };
}

/// A click on `target` (on list row `row`), or the key that means the same.
pub fn act(model: &mut Model, target: Target, row: Option<usize>) -> Vec<Effect> {
    let set = model.catalog.clone();
    let now = model.now;
    if model.kiosk.as_ref().is_some_and(|k| k.visit.confirm) {
        match target {
            Target::ConfirmYes => return super::kiosk_end::finish(model),
            Target::ConfirmNo => {
                if let Some(kiosk) = &mut model.kiosk {
                    kiosk.visit.confirm = false;
                }
            }
            _ => {}
        }
        return Vec::new();
    }
    let (Some(kiosk), Screen::Workspace(ws)) = (model.kiosk.as_mut(), &mut model.screen) else {
        return Vec::new();
    };
    let visit = &mut kiosk.visit;
    if let Some(effects) = super::kiosk_likes::act(visit, ws, &set, (target, row), now) {
        return effects;
    }
    match target {
        Target::Finish => visit.confirm = true,
        Target::Row => pick(visit, ws, &set, row),
        Target::Answer(answer) => return answer_and_go_on(visit, ws, &set, answer, now),
        Target::Back => back(visit, &set),
        // "Saltar el resto": the next occupation; after the last, the results.
        Target::Skip
            if visit.step == Step::Questions
                && !visit.walk.as_mut().is_some_and(|walk| walk.next_occupation(&set)) =>
        {
            visit.step = Step::Results(0);
        }
        Target::Results if visit.step == Step::Questions => visit.step = Step::Results(0),
        _ => {}
    }
    Vec::new()
}

/// Enter or a click on a row: the choice it stands for.
fn pick(visit: &mut Visit, ws: &Workspace, set: &CatalogSet, row: Option<usize>) {
    match &mut visit.step {
        Step::Start => {
            let choice = row.unwrap_or(visit.start_row).min(START_CHOICES - 1);
            visit.start_row = choice;
            match choice {
                0 => visit.step = Step::Title(TitleSearch::default()),
                1 => visit.step = Step::Sector(0),
                _ => super::kiosk_likes::start(visit, ws),
            }
        }
        Step::Title(search) => {
            let at = row.unwrap_or(search.selected);
            match search.matches.get(at) {
                Some(found) => {
                    let occupations = from_title(set, &found.occupation);
                    visit.start_walk(set, Questions::new(set, occupations));
                }
                None => search.nothing = true,
            }
        }
        Step::Sector(at) => {
            let sector = row.unwrap_or(*at);
            *at = sector;
            visit.start_walk(set, Questions::new(set, from_sector(set, sector)));
        }
        Step::Results(at) => *at = row.unwrap_or(*at).min(BEST - 1),
        Step::Questions | Step::Likes | Step::LikesResults(_) => {}
    }
}

fn answer_and_go_on(
    visit: &mut Visit,
    ws: &mut Workspace,
    set: &CatalogSet,
    answer: Answer,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    let Some(walk) = visit.walk.as_mut().filter(|_| visit.step == Step::Questions) else { return Vec::new() };
    let Some(question) = walk.current().cloned() else { return Vec::new() };
    let occupation =
        (question.kind == crate::session::MarkKind::Function).then_some(question.occupation.as_str());
    // The same mark the counselor's `2` and `1` make; "Todavía no" is kept as answered, not marked.
    let changed_now = match answer.level() {
        Some(level) => {
            ws.session.set_mark(question.kind, &question.id, &question.text, occupation, Some(level))
        }
        None => ws.session.answer_no(question.kind, &question.id, &question.text, set),
    };
    if !walk.advance(set) {
        visit.step = Step::Results(0);
    }
    if changed_now { changed(ws, now) } else { Vec::new() }
}

fn back(visit: &mut Visit, set: &CatalogSet) {
    visit.step = match std::mem::take(&mut visit.step) {
        Step::Questions if visit.walk.as_mut().is_some_and(|walk| walk.back(set)) => Step::Questions,
        Step::Questions => Step::Start,
        Step::Results(_) if visit.walk.is_some() => Step::Questions,
        // Reached from what the visitor likes: back to it.
        Step::Results(_) if visit.likes.is_some() => Step::LikesResults(0),
        step @ (Step::Likes | Step::LikesResults(_)) => step,
        Step::Title(_) | Step::Sector(_) | Step::Results(_) | Step::Start => Step::Start,
    };
}

/// A paste into the job title.
pub fn paste(kiosk: &mut crate::app::kiosk::KioskState, index: &crate::search::SearchIndex, text: &str) {
    if let Step::Title(search) = &mut kiosk.visit.step {
        let room = MAX_TITLE.saturating_sub(search.query.chars().count());
        search.query.extend(crate::text::sanitize_line(text).chars().take(room));
        refresh(search, index);
    }
}
