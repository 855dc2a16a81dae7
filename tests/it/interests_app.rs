//! Issue 16, the counselor's «¿Qué le gusta hacer?» (`u`): one question at a time, answered with 1–5 or
//! a click, back, skip, skip the rest, Esc keeping the answers, saved and reopened; the results' chart,
//! code and suggestions (by correlation, each with its fit), their filters and Enter; the flat sheet.
//! Snapshots at 80×24 and 120×40 in Spanish and English.
//!
//! The catalog's real profiles come from O*NET (riadata's import); these tests give every occupation a
//! made-up but fixed profile instead, so what they check does not move when the data is regenerated.

use crate::best_fit::{cuoc_bpo, press, workspace};
use crate::keyflow_support::{App, click};
use crossterm::event::KeyCode;
use rumbo::app::{Model, Overlay, Pane, Screen};
use rumbo::catalog::{Basis, CatalogSet, InterestProfile};
use rumbo::i18n::Lang;
use rumbo::interests::{Answer, QUESTIONS, Riasec, rank};
use rumbo::session::Session;
use std::sync::{Arc, OnceLock};

/// BPO + CUOC 2025, every occupation with a fixed made-up profile (each value 1–7).
pub fn profiled() -> Arc<CatalogSet> {
    static BUILT: OnceLock<Arc<CatalogSet>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let (set, _) = cuoc_bpo();
            let mut catalogs = set.catalogs().to_vec();
            let mut n = 0usize;
            for catalog in &mut catalogs {
                for occupation in &mut catalog.occupations {
                    n += 1;
                    let values =
                        std::array::from_fn(|k| 1.0 + ((n * (k + 3) * 7 + k * 5) % 61) as f64 / 10.0);
                    occupation.interests = Some(InterestProfile::new(values, Basis::Complete, Vec::new()));
                }
            }
            Arc::new(CatalogSet::new(catalogs))
        })
        .clone()
}

/// Every question answered: Realistic «Me gusta mucho», Conventional «Me gusta», the rest «Me disgusta».
fn realistic(session: &mut Session, set: &CatalogSet) {
    for q in QUESTIONS {
        let answer = match q.kind {
            Riasec::Realistic => Answer::LikeMuch,
            Riasec::Conventional => Answer::Like,
            _ => Answer::Dislike,
        };
        session.set_interest(q.id, Some(answer), set);
    }
}

fn app(dir: &std::path::Path) -> App {
    let mut app = App::start(dir);
    app.model.catalog = profiled();
    app.new_session("Ana", Some("Luz"), true);
    app
}

fn interests(app: &App) -> rumbo::app::InterestsPanel {
    match &app.ws().overlay {
        Some(Overlay::Interests(panel)) => *panel,
        _ => panic!("«¿Qué le gusta hacer?» is open"),
    }
}

#[test]
fn u_asks_one_question_at_a_time_back_skip_and_the_rest_keep_every_answer_through_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.char('u');
    let screen = app.screen_text();
    assert!(screen.contains(" 1/48 "), "{screen}");
    assert!(screen.contains("Exploratorio: no es una prueba validada."), "{screen}");
    assert!(screen.contains(QUESTIONS[0].es), "{screen}");
    app.char('5');
    assert_eq!(app.ws().session.interest_answer(QUESTIONS[0].id), Some(Answer::LikeMuch));
    assert!(app.screen_text().contains(" 2/48 ") && app.screen_text().contains(QUESTIONS[1].es));
    // Back: the first question again, its answer marked.
    app.press(KeyCode::Backspace);
    let screen = app.screen_text();
    assert!(screen.contains(" 1/48 ") && screen.contains("● Me gusta mucho"), "{screen}");
    // Tab skips (the first keeps its answer, the second gets none), 2 answers the third.
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    assert_eq!(interests(&app).quiz.at, 2);
    app.char('2');
    assert_eq!(app.ws().session.interest_answer(QUESTIONS[1].id), None, "skipped");
    assert_eq!(app.ws().session.interest_answer(QUESTIONS[2].id), Some(Answer::Dislike));
    // «Saltar el resto»: the results, which cannot be read yet.
    app.char('r');
    assert!(interests(&app).showing_results());
    assert!(app.screen_text().contains("Faltan respuestas"), "{}", app.screen_text());
    // Esc closes, keeping the answers; leaving saves them; reopening resumes at the first unanswered.
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());
    app.char('q');
    let saved = app.saved();
    assert_eq!(saved.format, rumbo::session::INTERESTS_FORMAT);
    assert_eq!(saved.interests.len(), 2);
    let mut again = App::start(dir.path());
    again.model.catalog = profiled();
    again.press(KeyCode::Enter);
    assert_eq!(again.ws().session.interest_answer(QUESTIONS[2].id), Some(Answer::Dislike));
    again.char('u');
    assert_eq!(interests(&again).quiz.at, 1, "the first question without an answer");
    assert!(again.screen_text().contains(" 2/48 "));
}

#[test]
fn a_click_on_an_answer_button_records_it_and_on_saltar_skips() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.char('u');
    let (x, y) = find(&app.screen(), "Me gusta mucho");
    app.pointer(click(x, y));
    assert_eq!(app.ws().session.interest_answer(QUESTIONS[0].id), Some(Answer::LikeMuch));
    assert_eq!(interests(&app).quiz.at, 1);
    let (x, y) = find(&app.screen(), "[Saltar]");
    app.pointer(click(x + 1, y));
    assert_eq!(interests(&app).quiz.at, 2);
    assert_eq!(app.ws().session.interest_answer(QUESTIONS[1].id), None);
}

/// Column and row of `text` on screen (in cells).
fn find(screen: &[String], text: &str) -> (u16, u16) {
    for (y, line) in screen.iter().enumerate() {
        if let Some(at) = line.find(text) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..at]);
            return (x as u16, y as u16);
        }
    }
    panic!("{text:?} not on screen:\n{}", screen.join("\n"));
}

#[test]
fn results_rank_by_correlation_filter_and_enter_goes_to_the_occupation() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let set = profiled();
    realistic(&mut app.ws_mut().session, &set);
    app.char('u');
    assert!(interests(&app).showing_results(), "every question answered: the results");
    let screen = app.screen_text();
    assert!(screen.contains("Código: RCI (Realista, Convencional, Investigador)"), "{screen}");
    assert!(screen.contains("le gustaría") && screen.contains("ya sabe"), "{screen}");
    // The first suggestion is the plain ranking's first.
    let person = app.ws().session.interest_scores().values;
    let expected =
        rank(&person, set.occupations().filter_map(|o| o.interests.as_ref().map(|p| (o, p.values()))));
    let suggestions = app.ws().interest_suggestions(&set);
    assert_eq!(suggestions[0].occupation.id, expected[0].item.id);
    assert_eq!(suggestions.len(), expected.len());
    // `n`: competency level 1 only.
    app.char('n');
    assert!(app.ws().interest_suggestions(&set).iter().all(|s| s.occupation.level == 1));
    // Down, Enter: that occupation, in the panes.
    app.press(KeyCode::Down);
    let second = app.ws().interest_suggestions(&set)[1].occupation.id.clone();
    app.press(KeyCode::Enter);
    assert!(app.ws().overlay.is_none());
    assert_eq!(app.occupation().as_deref(), Some(second.as_str()));
    assert_eq!(app.focus(), Pane::Occupations);
}

#[test]
fn a_flat_sheet_says_to_ask_again_and_ranks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let set = profiled();
    for q in QUESTIONS {
        app.ws_mut().session.set_interest(q.id, Some(Answer::Like), &set);
    }
    app.char('u');
    let screen = app.screen_text();
    assert!(
        screen.contains("Las respuestas no muestran preferencias: conviene repetir algunas preguntas."),
        "{screen}"
    );
    assert!(app.ws().interest_suggestions(&set).is_empty());
    assert!(!screen.contains("le gustaría"), "{screen}");
    // Backspace: back to the questions, to change some.
    app.press(KeyCode::Backspace);
    assert!(!interests(&app).showing_results());
}

fn snap(name: &str, build: fn(Lang, (u16, u16)) -> Model) {
    crate::ui_snapshots::snap_sized(&format!("interests_{name}"), build);
}

fn opened(answer: fn(&mut Session, &CatalogSet), lang: Lang, size: (u16, u16)) -> Model {
    let set = profiled();
    let mut session = Session::new("Ana", "Luz", "2026-03-02T14:30:00Z".parse().unwrap(), &set).unwrap();
    answer(&mut session, &set);
    let mut model = workspace(session, lang, size);
    model.catalog = set;
    model.now = crate::ui_snapshots::now();
    press(&mut model, KeyCode::Char('u'));
    model
}

#[test]
fn interests_question() {
    // Eleven answered, the twelfth on screen; the person answered it before (Me gusta).
    snap("question", |lang, size| {
        let mut model = opened(
            |s, set| {
                for q in QUESTIONS.iter().take(12) {
                    s.set_interest(q.id, Some(Answer::Like), set);
                }
            },
            lang,
            size,
        );
        if let Screen::Workspace(ws) = &mut model.screen
            && let Some(Overlay::Interests(panel)) = &mut ws.overlay
        {
            panel.quiz.at = 11;
        }
        model
    });
}

#[test]
fn interests_results() {
    snap("results", |lang, size| opened(realistic, lang, size));
}

#[test]
fn interests_flat() {
    snap("flat", |lang, size| {
        opened(
            |s, set| {
                for q in QUESTIONS {
                    s.set_interest(q.id, Some(Answer::Neutral), set);
                }
            },
            lang,
            size,
        )
    });
}

/// A read-only session (open at another desk, written by a newer rumbo) shows the questions but takes
/// no answer, and the questions screen itself says so — the header is easy to miss behind the popup.
#[test]
fn a_read_only_session_says_on_the_questions_that_answers_are_not_saved_and_takes_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.char('u');
    assert!(!app.screen().iter().any(|l| l.contains("Solo lectura")), "a writable session said read-only");
    app.press(KeyCode::Esc);
    app.ws_mut().persistence = rumbo::app::Persistence::ReadOnly;
    app.char('u');
    let screen = app.screen();
    assert!(
        screen.iter().any(|l| l.contains("Solo lectura: estas respuestas no se guardan.")),
        "{screen:#?}"
    );
    for c in ['1', '5'] {
        app.char(c);
        assert!(app.ws().session.interests.is_empty(), "{c:?} answered in a read-only session");
    }
}
