//! Issue 13, what the session records for the plan: Perfil, Contacto, Meta, Plan de acción and the
//! follow-up date, through the real runner (keys in, session file out), and the Ley 1581 reminder.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support::{App, click, key};
use crossterm::event::KeyCode;
use jiff::civil::date;
use rumbo::app::plan::{PlanMessage, PlanPanel, PlanPart};
use rumbo::app::{Model, Msg, Overlay, Pane, Workspace, update};
use rumbo::i18n::Lang;
use rumbo::session::{
    Education, FORMAT, Jornada, LanguageLevel, PlanError, Session, SessionStore, StepKind, StepStatus, Who,
};

fn panel(ws: &Workspace) -> &PlanPanel {
    match &ws.overlay {
        Some(Overlay::Plan(panel)) => panel,
        _ => panic!("the plan panel is not open"),
    }
}

/// A session with consent, in the occupations pane.
fn started(dir: &std::path::Path) -> App {
    let mut app = App::start(dir);
    app.new_session("Rosa", Some("Luz"), true);
    app.press(KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Occupations);
    app
}

fn tab_to(app: &mut App, part: PlanPart) {
    for _ in 0..5 {
        if panel(app.ws()).part == part {
            return;
        }
        app.press(KeyCode::Tab);
    }
    panic!("no part {part:?}");
}

#[test]
fn star_makes_the_occupation_a_goal_and_i_adds_it_to_the_explored_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    let first = app.occupation().unwrap();
    app.char('*');
    app.press(KeyCode::Down);
    let second = app.occupation().unwrap();
    app.char('i');
    app.press(KeyCode::Down);
    let third = app.occupation().unwrap();
    app.char('*');
    let s = &app.ws().session;
    assert_eq!(s.goals, [first.clone(), third.clone()]);
    assert_eq!(s.explored, std::slice::from_ref(&second));
    // A third goal: the panel opens on Meta and says why.
    app.press(KeyCode::Up);
    app.char('*');
    assert_eq!(panel(app.ws()).part, PlanPart::Goals);
    assert_eq!(panel(app.ws()).message, Some(PlanMessage::Refused(PlanError::GoalsFull)));
    assert!(app.screen_text().contains("Ya hay dos metas"), "{}", app.screen_text());
    // In Meta: Space takes the first goal off (it stays explored), Supr takes an occupation off the list.
    app.char(' ');
    assert_eq!(app.ws().session.goals, std::slice::from_ref(&third));
    app.press(KeyCode::Down);
    app.press(KeyCode::Delete);
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());
    app.char('q');
    let saved = app.saved();
    assert_eq!(saved.format, FORMAT);
    assert_eq!(saved.goals, [third]);
    assert!(saved.is_explored(&first) && !saved.is_explored(&second), "{:?}", saved.explored);
}

#[test]
fn the_profile_is_chosen_with_space_and_typed_with_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    app.char('p');
    assert_eq!(panel(app.ws()).part, PlanPart::Profile);
    for _ in 0..3 {
        app.char(' '); // sin indicar → ninguno → primaria → bachillerato
    }
    app.press(KeyCode::Down);
    app.char(' '); // mañana
    app.press(KeyCode::Down);
    app.press(KeyCode::Enter);
    app.type_text("Kennedy, Bosa ,\n");
    app.press(KeyCode::Down); // + añadir idioma
    app.press(KeyCode::Enter);
    app.type_text("inglés\n");
    app.char(' '); // the new language's row: básico → intermedio
    app.press(KeyCode::Down);
    app.press(KeyCode::Down);
    app.char(' '); // idioma del plan: español
    app.char(' '); // inglés
    let screen = app.screen_text();
    for text in ["bachillerato", "mañana", "Kennedy, Bosa", "Idioma (inglés)", "intermedio"] {
        assert!(screen.contains(text), "{text}: {screen}");
    }
    app.press(KeyCode::Esc);
    app.char('q');
    let p = app.saved().profile;
    assert_eq!(p.education, Some(Education::Bachillerato));
    assert_eq!(p.jornada, Some(Jornada::Manana));
    assert_eq!(p.zones, ["Kennedy", "Bosa"]);
    assert_eq!(
        (p.languages[0].language.as_str(), p.languages[0].level),
        ("inglés", LanguageLevel::Intermedio)
    );
    assert_eq!(p.plan_language, Some(Lang::En));
}

#[test]
fn the_contact_needs_its_consent_and_goes_when_it_is_withdrawn() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    app.char('p');
    tab_to(&mut app, PlanPart::Contact);
    assert!(app.screen_text().contains("autoriza que la oficina lo contacte para el seguimiento"));
    app.press(KeyCode::Down);
    app.press(KeyCode::Enter);
    app.type_text("3001234567\n");
    assert_eq!(panel(app.ws()).message, Some(PlanMessage::NeedConsent));
    assert!(app.ws().session.contact.is_none());
    app.press(KeyCode::Esc);
    app.press(KeyCode::Up);
    app.char(' ');
    assert!(app.screen_text().contains("[x] La persona autoriza"), "{}", app.screen_text());
    app.press(KeyCode::Down);
    app.press(KeyCode::Enter);
    app.type_text("300 123 4567\n");
    app.press(KeyCode::Down);
    app.press(KeyCode::Enter);
    app.type_text("rosa@correo\n");
    assert!(app.screen_text().contains("«rosa@correo» no es un correo"), "{}", app.screen_text());
    app.type_text(".co\n");
    app.send(Msg::SaveDue);
    let contact = app.saved().contact.unwrap();
    assert_eq!((contact.phone.as_str(), contact.email.as_str()), ("300 123 4567", "rosa@correo.co"));
    assert!(contact.consent_at <= app.model.now, "stamped when the box was ticked");
    // Withdrawn: gone from the session and from the file.
    app.press(KeyCode::Up);
    app.press(KeyCode::Up);
    app.char(' ');
    assert!(app.ws().session.contact.is_none());
    app.press(KeyCode::Esc);
    app.char('q');
    assert!(app.saved().contact.is_none());
    let id = &crate::keyflow_support::session_ids(&app.dir)[0];
    let text = std::fs::read_to_string(app.dir.join("sessions").join(format!("{id}.ron"))).unwrap();
    assert!(!text.contains("4567") && !text.contains("rosa@"), "{text}");
}

#[test]
fn suggested_steps_are_accepted_or_edited_with_one_key_and_get_who_date_status_and_what_to_bring() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    app.ws_mut().session.toggle_shortlist("incap-call-center", "INCAP — Call Center");
    app.char('p');
    tab_to(&mut app, PlanPart::Steps);
    let screen = app.screen_text();
    assert!(screen.contains("+ sugerido: Inscribirse en INCAP"), "{screen}");
    assert!(screen.contains("+ sugerido: Registrar o actualizar la hoja de vida"), "{screen}");
    assert!(screen.contains("Ley 1581, art. 5"), "the reminder beside the free-text steps: {screen}");
    // `a`: the enrolment as suggested.
    app.char('a');
    let s = &app.ws().session;
    assert_eq!(s.steps.len(), 1);
    assert_eq!(s.steps[0].kind, StepKind::Enrol { program: "incap-call-center".into() });
    assert!(s.steps[0].bring.contains(&"documento de identidad".to_string()));
    // Enter on the next suggestion (the hoja de vida): accepted and its text open to change.
    app.press(KeyCode::Down);
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.steps.len(), 2);
    app.type_text(" esta semana\n");
    assert!(app.ws().session.steps[1].text.ends_with("Empleo esta semana"));
    // A date: a wrong one says how to write it, and changes nothing.
    app.char('f');
    app.type_text("15/03/2027\n");
    assert!(app.screen_text().contains("escríbala AAAA-MM-DD (2027-03-15)"), "{}", app.screen_text());
    assert_eq!(app.ws().session.steps[1].date, None);
    app.press(KeyCode::Esc);
    app.char('f');
    app.type_text("2027-03-15\n");
    app.char('r');
    app.char(' ');
    app.char('l');
    for _ in 0.."documento de identidad".chars().count() {
        app.press(KeyCode::Backspace);
    }
    app.type_text("cédula, hoja de vida impresa\n");
    // A step of the counselor's own, then removed.
    app.char('n');
    app.type_text("Llamar a Rosa\n");
    assert_eq!(app.ws().session.steps[2].kind, StepKind::Own);
    assert!(app.screen_text().contains("☐ Llamar a Rosa"), "{}", app.screen_text());
    app.press(KeyCode::Delete);
    app.press(KeyCode::Esc);
    app.char('q');
    let steps = app.saved().steps;
    assert_eq!(steps.len(), 2);
    let cv = &steps[1];
    assert_eq!(cv.kind, StepKind::RegisterCv);
    assert_eq!((cv.who, cv.status, cv.date), (Who::Orientador, StepStatus::Hecho, Some(date(2027, 3, 15))));
    assert_eq!(cv.bring, ["cédula", "hoja de vida impresa"]);
}

#[test]
fn the_follow_up_date_is_typed_and_the_follow_up_step_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    app.char('p');
    tab_to(&mut app, PlanPart::FollowUp);
    app.press(KeyCode::Enter);
    app.type_text("2027-02-30\n");
    assert!(app.screen_text().contains("«2027-02-30» no es una fecha válida"), "{}", app.screen_text());
    app.press(KeyCode::Esc);
    app.char('f');
    app.type_text("2027-04-01\n");
    assert_eq!(app.ws().session.follow_up, Some(date(2027, 4, 1)));
    // The date there is shown in the line, and the first key typed replaces it.
    app.char('f');
    assert!(app.screen_text().contains("(AAAA-MM-DD; vacía la quita): 2027-04-01"), "{}", app.screen_text());
    app.type_text("2027-04-02\n");
    assert_eq!(app.ws().session.follow_up, Some(date(2027, 4, 2)));
    app.char('f');
    app.press(KeyCode::Backspace);
    app.type_text("1\n");
    assert_eq!(app.ws().session.follow_up, Some(date(2027, 4, 1)), "Backspace edits what is there");
    // The suggested follow-up appointment is on that date.
    app.send(rumbo::app::Msg::Key(crossterm::event::KeyEvent::new(
        KeyCode::BackTab,
        crossterm::event::KeyModifiers::SHIFT,
    )));
    assert_eq!(panel(app.ws()).part, PlanPart::Steps);
    assert!(app.screen_text().contains("Cita de seguimiento en la oficina · la persona · 2027-04-01"));
    app.press(KeyCode::Down); // hoja de vida
    app.press(KeyCode::Down); // seguimiento
    app.char('a');
    assert_eq!(app.ws().session.steps[0].date, Some(date(2027, 4, 1)));
    tab_to(&mut app, PlanPart::FollowUp);
    app.press(KeyCode::Delete);
    assert_eq!(app.ws().session.follow_up, None);
    assert_eq!(app.ws().session.steps[0].date, Some(date(2027, 4, 1)), "Supr clears the date only");
}

/// A session saved before the plan (format 3) lists what it explored under the old rule in Meta, stays in
/// format 3 while nothing of the plan is added, and keeps those occupations, explicitly, once it is.
#[test]
fn an_older_session_counts_what_it_explored_as_added() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let id = "v13p1aaaaaaa";
    let text = format!(
        "Session(format: 3, id: \"{id}\", alias: \"Vieja\", created: \"2026-01-01T00:00:00Z\", consent: Some((given_at: \"2026-01-01T00:00:00Z\")), \
         marks: [Mark(kind: Function, id: \"asc-01\", text: \"t\", occupation: Some(\"auxiliar-servicio-cliente\"), level: Has)], \
         occupation_notes: {{\"tecnico-sistemas\": \"le gusta\"}})"
    );
    let path = dir.path().join("sessions").join(format!("{id}.ron"));
    std::fs::write(&path, text).unwrap();
    let (set, _) = crate::keyflow_support::catalog();
    let old = store.load(id).unwrap();
    assert_eq!(rumbo::session::plan::explored(&old, &set), ["auxiliar-servicio-cliente", "tecnico-sistemas"]);
    let mut app = App::start(dir.path());
    app.press(KeyCode::Enter);
    app.char('p');
    tab_to(&mut app, PlanPart::Goals);
    let screen = app.screen_text();
    assert!(screen.contains("· explorada  Auxiliar"), "{screen}");
    app.press(KeyCode::Esc);
    app.char('q');
    assert!(std::fs::read_to_string(&path).unwrap().contains("format: 3,"), "nothing of the plan yet");
    // The first plan edit (a goal): format 4, and the old exploration kept as explicitly added.
    let mut app = App::start(dir.path());
    app.press(KeyCode::Enter);
    app.char('p');
    tab_to(&mut app, PlanPart::Goals);
    app.press(KeyCode::Down);
    app.char(' ');
    app.press(KeyCode::Esc);
    app.char('q');
    let saved = store.load(id).unwrap();
    assert_eq!(saved.format, rumbo::session::PLAN_FORMAT);
    assert_eq!(saved.goals, ["tecnico-sistemas"]);
    assert_eq!(saved.explored, ["auxiliar-servicio-cliente", "tecnico-sistemas"]);
}

#[test]
fn a_read_only_session_changes_nothing_in_the_plan() {
    let (set, index) = crate::keyflow_support::catalog();
    let mut m = Model::new(Lang::Es, set.clone(), index);
    let session = Session::new("Rosa", "", "2026-03-02T15:04:00Z".parse().unwrap(), &set).unwrap();
    update(&mut m, Msg::SessionOpened { session: Box::new(session.clone()), read_only: true });
    update(&mut m, key(KeyCode::Enter));
    for c in ['*', 'i', 'p', ' ', 'n'] {
        update(&mut m, key(KeyCode::Char(c)));
    }
    let ws = m.workspace().unwrap();
    assert_eq!(panel(ws).message, Some(PlanMessage::ReadOnly));
    assert_eq!(ws.session, session);
}

#[test]
fn the_notes_editor_shows_the_ley_1581_reminder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    app.char('n');
    assert!(
        app.screen_text().contains("Ley 1581, art. 5: no anote datos sensibles"),
        "{}",
        app.screen_text()
    );
}

/// A click on a part's name opens it; a click on a row selects it.
#[test]
fn the_mouse_picks_parts_and_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = started(dir.path());
    app.char('p');
    let screen = app.screen();
    let y = screen.iter().position(|l| l.contains("Seguimiento")).unwrap();
    let x = screen[y].find("Seguimiento").map(|b| screen[y][..b].chars().count()).unwrap();
    app.pointer(click(u16::try_from(x + 2).unwrap(), u16::try_from(y).unwrap()));
    assert_eq!(panel(app.ws()).part, PlanPart::FollowUp);
    tab_to(&mut app, PlanPart::Profile);
    let screen = app.screen();
    let y = screen.iter().position(|l| l.contains("Zonas de la ciudad")).unwrap();
    app.pointer(click(6, u16::try_from(y).unwrap()));
    assert_eq!(panel(app.ws()).row(), 2);
}

/// JSON schema 2 carries the plan in `session` and `summary`; schema 1 stays as it was, without it.
#[test]
fn the_json_export_carries_the_plan_and_schema_1_does_not() {
    let (set, _) = crate::keyflow_support::catalog();
    let now: jiff::Timestamp = "2026-03-02T15:04:00Z".parse().unwrap();
    let mut s = Session::new("Rosa", "", now, &set).unwrap();
    s.toggle_goal("auxiliar-servicio-cliente").unwrap();
    s.contact = Some(rumbo::session::plan::contact("3001234567", "", now).unwrap());
    s.steps.push(rumbo::session::Step {
        text: "Registrar la hoja de vida".into(),
        who: Who::Persona,
        date: Some(date(2027, 3, 15)),
        status: StepStatus::Pendiente,
        bring: vec!["cédula".into()],
        kind: StepKind::RegisterCv,
    });
    s.follow_up = Some(date(2027, 4, 1));
    let render = |s: &Session, schema| {
        let text = rumbo::export::render_schema(
            s,
            &set,
            Lang::Es,
            rumbo::export::Format::Json,
            rumbo::export::NotesChoice::All,
            &jiff::tz::TimeZone::UTC,
            schema,
        );
        serde_json::from_str::<serde_json::Value>(&text).unwrap()
    };
    let v = render(&s, 2);
    for part in ["session", "summary"] {
        assert_eq!(v[part]["goals"][0], "auxiliar-servicio-cliente", "{part}");
        assert_eq!(v[part]["contact"]["phone"], "3001234567", "{part}");
        assert_eq!(v[part]["steps"][0]["date"], "2027-03-15", "{part}");
        assert_eq!(v[part]["steps"][0]["kind"], "RegisterCv", "{part}");
        assert_eq!(v[part]["follow_up"], "2027-04-01", "{part}");
        assert!(v[part]["profile"]["education"].is_null(), "{part}");
    }
    let v = render(&s, 1);
    for key in ["goals", "contact", "steps", "follow_up", "profile"] {
        assert!(v["session"].get(key).is_none() && v["summary"].get(key).is_none(), "{key} in schema 1");
    }
    // Without consent there is no contact to export.
    s.contact = None;
    assert!(render(&s, 2)["summary"]["contact"].is_null());
}
