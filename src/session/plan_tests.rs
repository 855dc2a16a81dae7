//! The plan's model: round trips, older files, the format bump, goals and the explored list, input checks.

use super::*;
use crate::catalog::{self, CatalogSet};
use crate::i18n::Lang;
use jiff::Timestamp;
use jiff::civil::date;

fn builtin() -> CatalogSet {
    let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
}

fn now() -> Timestamp {
    "2026-03-02T15:04:05Z".parse().unwrap()
}

fn ron_text(s: &Session) -> String {
    to_text(s).unwrap()
}

fn full_plan(s: &mut Session) {
    s.profile = Profile {
        education: Some(Education::Bachillerato),
        languages: vec![LanguageSkill { language: "inglés".into(), level: LanguageLevel::Intermedio }],
        jornada: Some(Jornada::Tarde),
        zones: vec!["Kennedy".into(), "Bosa".into()],
        plan_language: Some(Lang::En),
    };
    s.contact = Some(plan::contact("300 123 4567", "ana@example.org", now()).unwrap());
    s.goals = vec!["auxiliar-servicio-cliente".into()];
    s.explored = vec!["tecnico-sistemas".into()];
    s.steps = vec![
        Step {
            text: "Inscribirse en Call Center".into(),
            who: Who::Persona,
            date: Some(date(2027, 3, 15)),
            status: StepStatus::Pendiente,
            bring: vec!["cédula".into()],
            kind: StepKind::Enrol { program: "incap-call-center".into() },
        },
        Step {
            text: "Llamar a la persona".into(),
            who: Who::Orientador,
            date: None,
            status: StepStatus::Hecho,
            bring: vec![],
            kind: StepKind::Own,
        },
    ];
    s.follow_up = Some(date(2027, 4, 1));
}

#[test]
fn plan_round_trips_through_the_session_file() {
    let mut s = Session::new("Ana", "Luz", now(), &builtin()).unwrap();
    full_plan(&mut s);
    let text = ron_text(&s);
    assert!(text.contains("follow_up: Some(\"2027-04-01\")"), "{text}");
    let back = parse(&s.id, std::path::Path::new("x.ron"), text.as_bytes()).unwrap();
    assert_eq!(back, s);
    // And through the journal's JSON (a whole-session record).
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<Session>(&json).unwrap(), s);
}

#[test]
fn a_session_without_plan_writes_no_plan_fields() {
    let s = Session::new("Ana", "", now(), &builtin()).unwrap();
    let text = ron_text(&s);
    for field in ["profile", "contact", "goals", "explored", "steps", "follow_up"] {
        assert!(!text.contains(field), "{field} in {text}");
    }
    assert!(!s.has_plan());
}

#[test]
fn format_3_file_loads_without_plan_and_stays_format_3() {
    let text = r#"Session(format: 3, id: "abc", alias: "Ana", created: "2026-01-01T00:00:00Z",
        marks: [Mark(kind: Function, id: "asc-01", text: "t", occupation: Some("auxiliar-servicio-cliente"), level: Has)])"#;
    let mut s = parse("abc", std::path::Path::new("abc.ron"), text.as_bytes()).unwrap();
    s.sanitize_loaded();
    assert_eq!(s.format, 3);
    assert!(!s.has_plan());
    assert!(ron_text(&s).contains("format: 3"));
}

#[test]
fn older_sessions_count_what_they_explored_as_added() {
    let set = builtin();
    let text = r#"Session(format: 3, id: "abc", alias: "Ana", created: "2026-01-01T00:00:00Z",
        marks: [Mark(kind: Function, id: "asc-01", text: "t", occupation: Some("auxiliar-servicio-cliente"), level: Has)],
        occupation_notes: {"tecnico-sistemas": "le gusta"})"#;
    let mut s: Session = ron::from_str(text).unwrap();
    assert_eq!(plan::explored(&s, &set), ["auxiliar-servicio-cliente", "tecnico-sistemas"]);
    // The first plan edit keeps them, explicitly, and raises the format.
    s.raise_to_plan(&set);
    assert_eq!(s.format, PLAN_FORMAT);
    assert_eq!(s.explored, ["auxiliar-servicio-cliente", "tecnico-sistemas"]);
    s.toggle_explored("tecnico-sistemas");
    assert_eq!(plan::explored(&s, &set), ["auxiliar-servicio-cliente"]);
}

#[test]
fn new_sessions_explore_only_goals_and_what_is_added() {
    let set = builtin();
    let mut s = Session::new("Ana", "", now(), &set).unwrap();
    s.cycle_mark(MarkKind::Function, "asc-01", "t", Some("auxiliar-servicio-cliente"));
    s.set_occupation_note("tecnico-sistemas", "x");
    assert!(plan::explored(&s, &set).is_empty(), "marks and notes alone do not make an occupation explored");
    assert!(s.toggle_explored("tecnico-sistemas"));
    assert_eq!(s.toggle_goal("auxiliar-servicio-cliente"), Ok(true));
    assert_eq!(plan::explored(&s, &set), ["auxiliar-servicio-cliente", "tecnico-sistemas"]);
    assert!(s.toggle_explored("no-such-occupation"));
    assert_eq!(plan::explored(&s, &set).len(), 2, "ids missing from the catalogs are not listed");
}

#[test]
fn at_most_two_goals_and_a_goal_taken_off_stays_explored() {
    let mut s = Session::new("Ana", "", now(), &builtin()).unwrap();
    assert_eq!(s.toggle_goal("a"), Ok(true));
    assert_eq!(s.toggle_goal("b"), Ok(true));
    assert_eq!(s.toggle_goal("c"), Err(PlanError::GoalsFull));
    assert_eq!(s.goals, ["a", "b"]);
    assert_eq!(s.toggle_goal("a"), Ok(false));
    assert!(s.is_explored("a") && !s.is_goal("a"));
    assert!(!s.toggle_explored("b"), "taking it off the explored list takes it off the goals");
    assert!(s.goals.is_empty());
}

#[test]
fn dates_are_typed_as_aaaa_mm_dd() {
    assert_eq!(parse_date(" 2027-03-15 "), Ok(date(2027, 3, 15)));
    for bad in ["2027-3-15", "15/03/2027", "2027-02-30", "", "2027-03-15x", "+027-03-15", "2027-13-01"] {
        assert!(matches!(parse_date(bad), Err(PlanError::BadDate { .. })), "{bad}");
    }
}

#[test]
fn contact_needs_a_well_formed_phone_or_email() {
    let c = plan::contact(" +57 (300) 123-4567 ", "", now()).unwrap();
    assert_eq!((c.phone.as_str(), c.email.as_str()), ("+57 (300) 123-4567", ""));
    assert_eq!(plan::contact(" ", "", now()), Err(PlanError::ContactEmpty));
    assert!(matches!(plan::contact("12", "", now()), Err(PlanError::BadPhone { .. })));
    assert!(matches!(plan::contact("300abc4567", "", now()), Err(PlanError::BadPhone { .. })));
    for bad in ["ana", "ana@x", "@x.co", "a b@x.co", "a@.co", "a@x.co."] {
        assert!(matches!(plan::contact("", bad, now()), Err(PlanError::BadEmail { .. })), "{bad}");
    }
    assert!(plan::contact("", "ana.p@correo.gov.co", now()).is_ok());
}

#[test]
fn loaded_plan_is_cleaned_and_goals_bounded() {
    let text = "Session(format: 4, id: \"abc\", alias: \"A\", created: \"2026-01-01T00:00:00Z\",
        goals: [\"a\", \"a\", \"b\", \"c\"], profile: (zones: [\"Ken\\u{1b}[2Jnedy\", \" \"]),
        steps: [(text: \"Ir\\u{202E}\", bring: [\"c\\u{7}\"])])";
    let mut s: Session = ron::from_str(text).unwrap();
    s.sanitize_loaded();
    assert_eq!(s.goals, ["a", "b"]);
    assert_eq!(s.profile.zones, ["Kennedy"]);
    assert_eq!((s.steps[0].text.as_str(), s.steps[0].bring[0].as_str()), ("Ir", "c"));
    assert_eq!(
        (s.steps[0].who, s.steps[0].status, &s.steps[0].kind),
        (Who::Persona, StepStatus::Pendiente, &StepKind::Own)
    );
}
