//! Issue 16 at the kiosk, key by key and click by click: «¿Qué le gusta hacer?» beside the other two
//! ways to start; one activity at a time, the five answers, «12/48», back, «saltar el resto»; the
//! results in the visitor's words and the way on into the questions; a flat sheet and too few answers
//! asked again, never ranked; the answers saved with consent and never without.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support::session_ids;
use crate::kiosk_visit_support::{Visitor, flat};
use crate::likes_support::{profiled, social_first};
use crossterm::event::KeyCode;
use rumbo::app::kiosk_visit::Step;
use rumbo::interests::{Answer, QUESTIONS, Riasec};
use rumbo::session::{SUGGESTED, suggest};
use std::path::Path;

/// A visitor on the profiled catalog, past the consent, on "¿Qué le gusta hacer?" chosen with ↓ ↓ Enter.
fn to_likes(dir: &Path, consent: bool) -> Visitor {
    let mut v = Visitor::start(dir);
    let (set, index) = profiled();
    v.model.catalog = set;
    v.model.index = index;
    v.begin("Ana", consent);
    assert!(flat(&v.text()).contains("¿Qué le gusta hacer?"), "{}", v.text());
    v.press(KeyCode::Down);
    v.press(KeyCode::Down);
    v.press(KeyCode::Enter);
    assert_eq!(v.step(), &Step::Likes, "{}", v.text());
    v
}

/// Answers the next `n` questions with `sheet`'s keys.
fn answer(v: &mut Visitor, n: usize, sheet: fn(Riasec) -> char) {
    for _ in 0..n {
        let at = v.visit().likes.unwrap().at;
        v.char(sheet(QUESTIONS[at].kind));
    }
}

#[test]
fn one_activity_at_a_time_with_five_answers_progress_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = to_likes(dir.path(), true);
    let text = flat(&v.text());
    for words in [
        "¿Le gusta hacer esto?",
        QUESTIONS[0].es,
        "[1] Me disgusta mucho",
        "[2] Me disgusta",
        "[3] Me da igual",
        "[4] Me gusta",
        "[5] Me gusta mucho",
        "1/48",
        "Exploratorio: no es una prueba validada.",
        "[Retroceso] atrás",
        "[Tab] saltar el resto",
        "[t] Terminar",
    ] {
        assert!(text.contains(words), "{words:?} on:\n{}", v.text());
    }
    v.char('4');
    assert_eq!(v.ws().session.interest_answer(QUESTIONS[0].id), Some(Answer::Like));
    assert!(flat(&v.text()).contains("2/48"), "{}", v.text());
    // A click on the button does what its key does.
    v.click_on("[5] Me gusta mucho");
    assert_eq!(v.ws().session.interest_answer(QUESTIONS[1].id), Some(Answer::LikeMuch));
    assert!(flat(&v.text()).contains("3/48"));
    // Back: the question before, its answer shown, and changed by a new one.
    v.press(KeyCode::Backspace);
    let text = flat(&v.text());
    assert!(text.contains("2/48") && text.contains("Su respuesta: Me gusta mucho"), "{}", v.text());
    v.char('1');
    assert_eq!(v.ws().session.interest_answer(QUESTIONS[1].id), Some(Answer::DislikeMuch));
    // Back from the first question: where to start.
    for _ in 0..3 {
        v.press(KeyCode::Backspace);
    }
    assert_eq!(v.step(), &Step::Start, "{}", v.text());
    // Chosen again, it goes on at the first question not answered.
    v.press(KeyCode::Enter);
    assert_eq!(v.visit().likes.unwrap().at, 2, "{}", v.text());
}

#[test]
fn skipping_the_rest_shows_what_the_visitor_likes_and_the_occupations_that_go_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = to_likes(dir.path(), true);
    answer(&mut v, 12, social_first);
    v.press(KeyCode::Tab);
    assert_eq!(v.step(), &Step::LikesResults(0), "{}", v.text());
    let text = flat(&v.text());
    for words in [
        "Lo que más le gusta:",
        "1. Social: ayudar, enseñar y cuidar a otras personas",
        "2. Práctico: trabajar con las manos",
        "3. Organizado: ordenar datos",
        "Ocupaciones que van con lo que le gusta:",
        "[Enter] preguntas sobre esta ocupación",
        "Exploratorio: no es una prueba validada.",
    ] {
        assert!(text.contains(words), "{words:?} on:\n{}", v.text());
    }
    // In the visitor's words: no code, no correlation, no «ya sabe» before any such question.
    assert!(!text.contains("SRC") && !text.contains("0.") && !text.contains("ya sabe"), "{}", v.text());
    let suggested = suggest(&v.ws().session, &v.model.catalog, SUGGESTED);
    assert_eq!(suggested.len(), SUGGESTED);
    let top = &suggested[0];
    let values = top.occupation.interests.as_ref().unwrap().values();
    assert_eq!(values.iter().cloned().fold(f64::MIN, f64::max), values[Riasec::Social.index()]);
    let second = suggested[1].occupation.id.clone();
    let title: String = top.occupation.title.chars().take(20).collect();
    assert!(text.contains(&format!("va muy bien {title}")), "{title} on:\n{}", v.text());
    // ↓ and Enter: the questions about the second suggestion first, then the others.
    v.press(KeyCode::Down);
    assert_eq!(v.step(), &Step::LikesResults(1));
    v.press(KeyCode::Enter);
    assert_eq!(v.step(), &Step::Questions, "{}", v.text());
    let walk = v.visit().walk.clone().unwrap();
    assert_eq!(walk.occupations[0], second);
    assert_eq!(walk.occupations.len(), SUGGESTED);
    assert!(flat(&v.text()).contains("¿Sabe hacer esto?"));
    // Those answers show beside the suggestions: «ya sabe».
    v.char('s');
    v.char('s');
    v.press(KeyCode::Char('r'));
    assert_eq!(v.step(), &Step::Results(0));
    // Back to the walk's questions, then past its first.
    for _ in 0..4 {
        v.press(KeyCode::Backspace);
    }
    // From the walk's first question, back goes to where to start; the likes are one choice away.
    assert_eq!(v.step(), &Step::Start, "{}", v.text());
    v.press(KeyCode::Enter);
    v.press(KeyCode::Tab);
    assert!(flat(&v.text()).contains("ya sabe"), "{}", v.text());
    // `r` from the likes: the results of what the visitor can do; back returns to the likes.
    v.char('r');
    assert_eq!(v.step(), &Step::Results(0));
    assert!(flat(&v.text()).contains("Las ocupaciones que más encajan"), "{}", v.text());
}

#[test]
fn a_flat_sheet_is_never_ranked_and_is_asked_again_kindly() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = to_likes(dir.path(), true);
    answer(&mut v, 12, |_| '3');
    v.press(KeyCode::Tab);
    let text = flat(&v.text());
    assert!(text.contains("Sus respuestas salieron todas iguales"), "{}", v.text());
    assert!(text.contains("[Enter] responder otra vez"), "{}", v.text());
    assert!(!text.contains("Ocupaciones que van") && !text.contains("Lo que más le gusta"), "{}", v.text());
    assert!(suggest(&v.ws().session, &v.model.catalog, SUGGESTED).is_empty());
    // Again from the first question, the earlier answer shown.
    v.click_on("[Enter] responder otra vez");
    assert_eq!(v.step(), &Step::Likes);
    let text = flat(&v.text());
    assert!(text.contains("1/48") && text.contains("Su respuesta: Me da igual"), "{}", v.text());
}

#[test]
fn too_few_answers_ask_for_more_where_the_visitor_left_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = to_likes(dir.path(), true);
    answer(&mut v, 3, social_first);
    v.press(KeyCode::Tab);
    let text = flat(&v.text());
    assert!(text.contains("todavía no podemos decir qué le gusta"), "{}", v.text());
    assert!(!text.contains("Ocupaciones que van"), "{}", v.text());
    v.press(KeyCode::Enter);
    assert_eq!(v.step(), &Step::Likes);
    assert!(flat(&v.text()).contains("4/48"), "{}", v.text());
}

#[test]
fn the_last_answer_leads_to_the_results_and_back_returns_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = to_likes(dir.path(), true);
    answer(&mut v, QUESTIONS.len(), social_first);
    assert_eq!(v.step(), &Step::LikesResults(0), "{}", v.text());
    assert_eq!(v.ws().session.interests.len(), QUESTIONS.len());
    v.press(KeyCode::Backspace);
    assert_eq!(v.step(), &Step::Likes);
    assert!(flat(&v.text()).contains("48/48"), "{}", v.text());
}

#[test]
fn with_consent_the_answers_are_saved_in_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = to_likes(dir.path(), true);
    answer(&mut v, 12, social_first);
    v.char('t');
    v.char('s');
    let saved = v.saved();
    let ids = session_ids(&v.dir);
    let file = std::fs::read_to_string(v.dir.join("sessions").join(format!("{}.ron", ids[0]))).unwrap();
    assert_eq!(saved.interests.len(), 12, "{file}");
    assert_eq!(saved.interest_answer(QUESTIONS[3].id), Some(Answer::LikeMuch), "Social: «Me gusta mucho»");
    assert_eq!(saved.format, rumbo::session::INTERESTS_FORMAT);
    // The summary written for the desk says what the visitor likes, with O*NET's credit.
    let html = std::fs::read_to_string(&v.exported()[0]).unwrap();
    assert!(html.contains("Lo que le gusta hacer") && html.contains("Su código: SRC"), "{html}");
    assert!(html.contains("O*NET 30.2"), "{html}");
}

#[test]
fn without_consent_no_answer_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = to_likes(dir.path(), false);
    answer(&mut v, 12, social_first);
    assert_eq!(v.ws().session.interests.len(), 12, "kept for the visit itself");
    v.char('t');
    v.char('s');
    // The summary for the desk is written (that is what the visitor was promised); no session file.
    assert!(session_ids(&v.dir).is_empty(), "{:?}", session_ids(&v.dir));
}

#[test]
fn every_choice_is_a_click_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    let (set, index) = profiled();
    v.model.catalog = set;
    v.model.index = index;
    v.begin("Ana", true);
    v.click_on("¿Qué le gusta hacer?");
    assert_eq!(v.step(), &Step::Likes, "{}", v.text());
    for _ in 0..12 {
        v.click_on("[5] Me gusta mucho");
    }
    v.click_on("[Retroceso] atrás");
    assert!(flat(&v.text()).contains("12/48"), "{}", v.text());
    v.click_on("[4] Me gusta");
    v.click_on("[Tab] saltar el resto");
    assert_eq!(v.step(), &Step::LikesResults(0), "{}", v.text());
    // A click on a suggestion highlights it; the button under the list asks about it.
    let second = suggest(&v.ws().session, &v.model.catalog, SUGGESTED)[1].occupation.clone();
    let title: String = second.title.chars().take(20).collect();
    v.click_on(&title);
    assert_eq!(v.step(), &Step::LikesResults(1), "{}", v.text());
    v.click_on("[Enter] preguntas sobre esta ocupación");
    assert_eq!(v.visit().walk.as_ref().unwrap().occupations[0], second.id);
    v.click_on("[t] Terminar");
    assert!(v.visit().confirm);
}
