//! Issue 14, a kiosk visitor's path key by key and click by click: welcome and language, alias and an
//! explicit consent choice, a job title or a sector, one question at a time, the results, "Terminar"
//! confirmed, the code and where to take it; the code in the header once saved; the idle summary.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::kiosk_visit_support::{Visitor, flat, kiosk_model};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::kiosk_visit::Step;
use rumbo::app::{Effect, Msg, Persistence, Screen, update};
use rumbo::i18n::Lang;
use rumbo::session::{FORMAT, MarkKind, MarkLevel, desk_code};
use std::fs;

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn enter_alone_never_chooses_consent() {
    let mut m = kiosk_model(jiff::Timestamp::now());
    update(&mut m, key(KeyCode::Enter));
    for c in "Ana".chars() {
        update(&mut m, key(KeyCode::Char(c)));
    }
    // Enter on the alias goes to the choice; Enter again (and again) starts nothing.
    for _ in 0..3 {
        let effects = update(&mut m, key(KeyCode::Enter));
        assert!(effects.is_empty(), "{effects:?}");
        assert!(matches!(m.screen, Screen::NewSession(_)));
    }
    // Space, which ticks the counselor's box, does not choose either.
    update(&mut m, key(KeyCode::Char(' ')));
    let Screen::NewSession(form) = &m.screen else { panic!("the form") };
    assert!(!form.consent_chosen && form.consent_needed);
    let text = flat(&crate::keyflow_support::render(&m).join("\n"));
    assert!(text.contains("Elija «Sí, guardar» o «No guardar» para continuar"), "{text}");
    // "Sí, guardar", then Enter: the session is created.
    update(&mut m, key(KeyCode::Char('s')));
    let effects = update(&mut m, key(KeyCode::Enter));
    assert!(matches!(effects.as_slice(), [Effect::CreateSession(s)] if s.consent.is_some()), "{effects:?}");
}

#[test]
fn no_guardar_starts_a_visit_that_is_never_written() {
    let mut m = kiosk_model(jiff::Timestamp::now());
    for k in [KeyCode::Enter, KeyCode::Char('J'), KeyCode::Enter, KeyCode::Char('n')] {
        update(&mut m, key(k));
    }
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty(), "nothing written");
    assert_eq!(m.workspace().unwrap().persistence, Persistence::Unsaved);
}

#[test]
fn the_visitor_chooses_the_language_and_the_next_visitor_gets_the_kiosks_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.char('i');
    assert_eq!(v.model.lang, Lang::En);
    assert!(flat(&v.text()).contains("Press Enter to start"), "{}", v.text());
    v.begin("Ann", true);
    assert!(flat(&v.text()).contains("Where shall we start?"), "{}", v.text());
    v.walk_away();
    assert_eq!(v.model.lang, Lang::Es, "the next visitor is greeted in the kiosk's language");
    assert!(flat(&v.text()).contains("Pulse Enter para comenzar"));
    // By click too.
    v.click_on("[i] English");
    assert_eq!(v.model.lang, Lang::En);
    v.click_on("[e] Español");
    assert_eq!(v.model.lang, Lang::Es);
}

#[test]
fn answers_are_the_counselors_marks_and_todavia_no_is_recorded_as_answered() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.by_title("vendedor");
    let walk = v.visit().walk.clone().unwrap();
    let (first, second, third) = (&walk.items[0], &walk.items[1], &walk.items[2]);
    v.char('s');
    v.char('a');
    v.char('n');
    let session = &v.ws().session;
    // "Sí" is `2`'s mark, "Estoy aprendiendo" is `1`'s: the level, the item's text, its occupation.
    assert_eq!(session.mark_of(first.kind, &first.id), Some(MarkLevel::Has));
    assert_eq!(session.mark_of(second.kind, &second.id), Some(MarkLevel::InDevelopment));
    let mark = session.marks.iter().find(|m| m.id == first.id).unwrap();
    assert_eq!((mark.kind, mark.text.as_str()), (MarkKind::Function, first.text.as_str()));
    assert_eq!(mark.occupation.as_deref(), Some(first.occupation.as_str()));
    // "Todavía no": answered, not marked.
    assert_eq!(session.mark_of(third.kind, &third.id), None);
    assert!(session.is_answered_no(third.kind, &third.id));
    // On disk (saved when the visit ends), in the current format, which an older rumbo opens read-only.
    v.walk_away();
    let saved = v.saved();
    assert_eq!(saved.format, FORMAT);
    assert_eq!(saved.answered_no.len(), 1);
    assert_eq!(saved.answered_no[0].id, third.id);
    let text = fs::read_to_string(dir.path().join("sessions").join(format!("{}.ron", saved.id))).unwrap();
    assert!(text.contains("answered_no"), "{text}");
}

#[test]
fn a_changed_answer_replaces_the_last_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.by_title("vendedor");
    let first = v.visit().walk.clone().unwrap().items[0].clone();
    v.char('n');
    v.press(KeyCode::Backspace);
    assert!(flat(&v.text()).contains("Su respuesta: Todavía no"), "{}", v.text());
    v.char('s');
    let session = &v.ws().session;
    assert_eq!(session.mark_of(first.kind, &first.id), Some(MarkLevel::Has));
    assert!(!session.is_answered_no(first.kind, &first.id), "an item is answered one way");
}

#[test]
fn essential_items_first_and_a_progress_line_of_the_occupations_questions() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.by_title("vendedor");
    let walk = v.visit().walk.clone().unwrap();
    let essentials = walk.items.iter().take_while(|q| q.essential).count();
    assert!(essentials > 0 && walk.items[essentials..].iter().all(|q| !q.essential));
    let total = walk.items.len();
    assert!(v.text().contains(&format!(" 1/{total} ")), "{}", v.text());
    for c in ['s', 'a', 'n'] {
        v.char(c);
    }
    let text = v.text();
    assert!(text.contains(&format!(" 4/{total} ")), "{text}");
    // The question in full, and no workspace: no panes, no codes, no counselor's words.
    let question = &walk.items[3];
    assert!(flat(&text).contains(&flat(&question.text)), "{text}");
    for never in ["Sectores", "Funciones", "Programas", "relación inferida", "◐", "●"] {
        assert!(!text.contains(never), "{never}:\n{text}");
    }
}

#[test]
fn back_goes_to_the_previous_question_then_to_where_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.by_title("vendedor");
    v.char('s');
    v.char('a');
    assert_eq!(v.visit().walk.as_ref().unwrap().at, 2);
    v.press(KeyCode::Backspace);
    assert_eq!(v.visit().walk.as_ref().unwrap().at, 1);
    assert!(flat(&v.text()).contains("Su respuesta: Estoy aprendiendo"), "{}", v.text());
    v.press(KeyCode::Backspace);
    v.press(KeyCode::Backspace);
    assert_eq!(v.step(), &Step::Start);
    // The answers stay.
    assert_eq!(v.ws().session.marks.len(), 2);
}

#[test]
fn saltar_el_resto_goes_to_the_next_occupation_and_after_the_last_to_the_results() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    // "Explorar por sector": the first sector, its occupations one after another.
    v.press(KeyCode::Down);
    v.press(KeyCode::Enter);
    assert!(matches!(v.step(), Step::Sector(0)));
    v.press(KeyCode::Enter);
    let occupations = v.visit().walk.as_ref().unwrap().occupations.len();
    assert!(occupations > 1);
    assert!(flat(&v.text()).contains(&format!("Ocupación 1 de {occupations}")), "{}", v.text());
    v.char('s');
    v.press(KeyCode::Tab);
    let walk = v.visit().walk.as_ref().unwrap();
    assert_eq!((walk.occupation, walk.at), (1, 0));
    assert!(flat(&v.text()).contains(&format!("Ocupación 2 de {occupations}")), "{}", v.text());
    for _ in 1..occupations {
        v.press(KeyCode::Tab);
    }
    assert_eq!(v.step(), &Step::Results(0));
    // Back from the results: the questions again, where they were.
    v.press(KeyCode::Backspace);
    assert_eq!(v.step(), &Step::Questions);
}

#[test]
fn the_results_show_the_best_fits_and_what_to_learn_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.by_title("vendedor");
    v.char('s');
    v.char('r');
    let text = flat(&v.text());
    assert!(text.contains("Las ocupaciones que más encajan con lo que sabe hacer"), "{text}");
    assert!(text.contains("Vendedores de ventas técnicas"), "{text}");
    assert!(text.contains("le falta aprender"), "{text}");
    assert!(text.contains("Cursos que le pueden ayudar"), "{text}");
}

#[test]
fn terminar_asks_first_then_gives_the_code_and_where_to_take_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.by_title("vendedor");
    v.char('s');
    v.char('t');
    assert!(v.visit().confirm && v.exported().is_empty(), "nothing ends before the answer");
    assert!(flat(&v.text()).contains("¿Terminar?"));
    v.char('n');
    assert!(!v.visit().confirm && v.model.workspace().is_some());
    v.char('t');
    v.press(KeyCode::Esc);
    assert!(!v.visit().confirm && v.model.workspace().is_some());
    let code = desk_code(&v.ws().session);
    v.char('t');
    v.char('s');
    let text = flat(&v.text());
    assert!(matches!(&v.model.screen, Screen::KioskDone(Some(Ok(c))) if *c == code));
    for said in [code.as_str(), "Dónde: Mostrador 2, primer piso", "Oficina: Oficina Kennedy"] {
        assert!(text.contains(said), "{said}: {text}");
    }
    assert_eq!(v.exported().len(), 1);
}

#[test]
fn a_consented_visit_shows_its_code_in_the_header_from_the_first_save() {
    let mut m = kiosk_model(jiff::Timestamp::now());
    for k in [KeyCode::Enter, KeyCode::Char('A'), KeyCode::Enter, KeyCode::Char('s'), KeyCode::Enter] {
        update(&mut m, key(k));
    }
    let code = desk_code(&m.workspace().unwrap().session);
    let header = |m: &rumbo::app::Model| crate::keyflow_support::render(m)[0].clone();
    assert!(!header(&m).contains(&code), "not before it is on disk: {}", header(&m));
    update(&mut m, Msg::Saved(Ok(())));
    assert!(header(&m).contains(&format!("Su código: {code}")), "{}", header(&m));
    // And it stays while later answers are pending.
    for k in [KeyCode::Enter, KeyCode::Char('v'), KeyCode::Char('e'), KeyCode::Enter, KeyCode::Char('s')] {
        update(&mut m, key(k));
    }
    assert_eq!(m.workspace().unwrap().persistence, Persistence::Pending);
    assert!(header(&m).contains(&code), "{}", header(&m));
}

#[test]
fn the_idle_timeout_writes_the_summary_the_header_code_names_then_wipes() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.by_title("vendedor");
    v.char('s');
    let code = desk_code(&v.ws().session);
    assert!(v.screen()[0].contains(&code));
    v.walk_away();
    assert!(matches!(v.model.screen, Screen::Welcome));
    let text = v.text();
    assert!(!text.contains("Ana") && !text.contains(&code), "{text}");
    let files = v.exported();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.contains(&code.to_lowercase()), "{name}");
    // Recorded in the session, as Terminar's is: retention deletes both.
    assert_eq!(v.saved().exports.len(), 1);
}

#[test]
fn without_consent_the_code_comes_only_at_terminar_and_the_summary_says_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Jorge", false);
    v.by_title("vendedor");
    v.char('s');
    let code = desk_code(&v.ws().session);
    assert!(!v.text().contains(&code), "no code before Terminar");
    assert!(v.screen()[0].contains("Esta visita no se guarda"), "{}", v.screen()[0]);
    v.char('t');
    v.char('s');
    let text = flat(&v.text());
    assert!(text.contains(&code) && text.contains("Su visita no se guardó"), "{text}");
    let files = v.exported();
    assert_eq!(files.len(), 1);
    let html = fs::read_to_string(&files[0]).unwrap();
    assert!(html.contains("la sesión no se guardó"), "the desk is told");
    assert!(crate::keyflow_support::session_ids(dir.path()).is_empty());
    // A consented visit's summary says no such thing.
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.char('t');
    v.char('s');
    let html = fs::read_to_string(&v.exported()[0]).unwrap();
    assert!(!html.contains("la sesión no se guardó"));
}

#[test]
fn a_visit_without_consent_that_times_out_leaves_no_summary() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Jorge", false);
    v.by_title("vendedor");
    v.char('s');
    v.walk_away();
    assert!(matches!(v.model.screen, Screen::Welcome));
    assert!(v.exported().is_empty() && crate::keyflow_support::session_ids(dir.path()).is_empty());
}

#[test]
fn a_pasted_job_title_is_searched_like_a_typed_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.press(KeyCode::Enter);
    v.send(Msg::Paste("vendedor\n".into()));
    let Step::Title(search) = v.step() else { panic!("the title search") };
    assert_eq!(search.query.trim(), "vendedor");
    assert!(!search.matches.is_empty());
    // Enter with no title found says to choose one; a word that names nothing says so.
    v.press(KeyCode::Esc);
    v.press(KeyCode::Enter);
    v.type_text("zzzz");
    v.press(KeyCode::Enter);
    let text = flat(&v.text());
    assert!(text.contains("Ningún oficio coincide") || text.contains("Elija uno de la lista"), "{text}");
    assert!(matches!(v.step(), Step::Title(_)));
}

/// The whole path with the mouse: every choice is a click (the alias and the title are typed).
#[test]
fn every_choice_works_with_a_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.click_on("Pulse Enter para comenzar");
    assert!(matches!(v.model.screen, Screen::NewSession(_)));
    v.type_text("Ana");
    v.click_on("[Enter] Continuar");
    v.click_on("[s] Sí, guardar");
    v.click_on("[Enter] Continuar");
    assert_eq!(v.step(), &Step::Start);
    v.click_on("¿En qué ha trabajado?");
    assert!(matches!(v.step(), Step::Title(_)));
    v.type_text("vendedor");
    v.click_on("Vendedores de ventas técnicas");
    assert_eq!(v.step(), &Step::Questions);
    v.click_on("[s] Sí");
    v.click_on("[a] Estoy aprendiendo");
    v.click_on("[n] Todavía no");
    assert_eq!(v.visit().walk.as_ref().unwrap().at, 3);
    let session = &v.ws().session;
    assert_eq!((session.marks.len(), session.answered_no.len()), (2, 1));
    v.click_on("[Retroceso] atrás");
    assert_eq!(v.visit().walk.as_ref().unwrap().at, 2);
    v.click_on("[r] ver resultados");
    assert_eq!(v.step(), &Step::Results(0));
    v.click_on("[Retroceso] volver a las preguntas");
    v.click_on("[Tab] saltar el resto");
    assert_eq!(v.step(), &Step::Results(0), "one occupation: the rest skipped is the results");
    v.click_on("[t] Terminar");
    assert!(v.visit().confirm);
    v.click_on("[n] No, seguir");
    assert!(!v.visit().confirm);
    v.click_on("[t] Terminar");
    v.click_on("[s] Sí, terminar");
    assert!(matches!(v.model.screen, Screen::KioskDone(Some(Ok(_)))));
    v.click_on("Pulse Enter para terminar");
    assert!(matches!(v.model.screen, Screen::Welcome));
    // "Explorar por sector" and a sector, by click.
    v.begin("Luz", false);
    v.click_on("Explorar por sector");
    let sector = v.model.catalog.sectors().next().unwrap().name.clone();
    v.click_on(&sector);
    assert_eq!(v.step(), &Step::Questions);
}

/// "Sí" and "Estoy aprendiendo" leave in the session exactly what the counselor's `2` and `1` leave on the
/// same items: the visitor's answers read as marks in the counselor's workspace.
#[test]
fn a_visitors_answers_are_the_marks_the_counselors_keys_make() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = Visitor::start(dir.path());
    v.begin("Ana", true);
    v.press(KeyCode::Down);
    v.press(KeyCode::Enter);
    v.press(KeyCode::Enter);
    let items = v.visit().walk.clone().unwrap().items;
    v.char('s');
    v.char('a');
    let visitor = v.ws().session.marks.clone();

    let dir = tempfile::tempdir().unwrap();
    let mut app = crate::keyflow_support::App::start(dir.path());
    app.new_session("Ana", None, true);
    app.press(KeyCode::Enter);
    app.press(KeyCode::Enter);
    let set = app.model.catalog.clone();
    for (question, key) in items.iter().zip(['2', '1']) {
        let rows = app.ws().detail_rows(&set);
        let at = rows.iter().position(|r| r.id == question.id).expect("the same item in Funciones");
        app.ws_mut().function = at;
        app.char(key);
    }
    assert_eq!(app.ws().session.marks, visitor);
    assert_eq!(visitor[0].level, MarkLevel::Has);
    assert_eq!(visitor[1].level, MarkLevel::InDevelopment);
}
