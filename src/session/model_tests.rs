//! The session's editing rules and its file format's tolerance of older and newer files.

use super::*;
use crate::catalog::{self, CatalogSet};
use jiff::Timestamp;

fn builtin() -> CatalogSet {
    let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
}

fn now() -> Timestamp {
    "2026-03-02T15:04:05.123456789Z".parse().unwrap()
}

#[test]
fn new_session_records_catalogs_and_cleans_names() {
    let set = builtin();
    let s = Session::new("  Ana\u{202E}\nMaría ", "Luz\t\u{1b}[31mRojas", now(), &set).unwrap();
    assert_eq!((s.alias.as_str(), s.counselor.as_str()), ("Ana María", "Luz Rojas"));
    assert_eq!(s.format, FORMAT);
    assert!(is_valid_id(&s.id));
    assert_eq!((s.created, s.updated), (now(), now()));
    assert_eq!(s.catalogs, [CatalogRef { id: "bpo-bogota".into(), version: "2026.1".into() }]);
    assert_ne!(Session::new("Ana", "", now(), &set).unwrap().id, s.id);
}

#[test]
fn alias_is_required() {
    let set = builtin();
    assert_eq!(Session::new(" \u{200B}\n", "x", now(), &set), Err(SessionError::AliasRequired));
    let mut s = Session::new("A-17", "", now(), &set).unwrap();
    assert_eq!(s.set_alias(""), Err(SessionError::AliasRequired));
    assert_eq!(s.alias, "A-17");
}

#[test]
fn marks_cycle_none_developing_has_none() {
    let mut s = Session::new("Ana", "", now(), &builtin()).unwrap();
    let (f, c) = (MarkKind::Function, MarkKind::Competency);
    assert_eq!(s.mark_of(f, "asc-01"), None);
    assert_eq!(
        s.cycle_mark(f, "asc-01", "Contestar", Some("auxiliar-servicio-cliente")),
        Some(MarkLevel::InDevelopment)
    );
    assert_eq!(
        s.cycle_mark(f, "asc-01", "Contestar", Some("auxiliar-servicio-cliente")),
        Some(MarkLevel::Has)
    );
    assert_eq!(s.mark_of(f, "asc-01"), Some(MarkLevel::Has));
    assert_eq!(s.marks[0].occupation.as_deref(), Some("auxiliar-servicio-cliente"));
    // Same id, other kind: a separate mark.
    assert_eq!(s.cycle_mark(c, "asc-01", "x", None), Some(MarkLevel::InDevelopment));
    assert_eq!(s.cycle_mark(f, "asc-01", "Contestar", None), None);
    assert_eq!(s.mark_of(f, "asc-01"), None);
    assert_eq!(s.mark_of(c, "asc-01"), Some(MarkLevel::InDevelopment));
    assert_eq!(s.marks.len(), 1);
}

#[test]
fn shortlist_toggles() {
    let mut s = Session::new("Ana", "", now(), &builtin()).unwrap();
    assert!(s.toggle_shortlist("sena-telemarketing", "SENA — Gestión comercial"));
    assert!(s.is_shortlisted("sena-telemarketing"));
    assert_eq!(s.shortlist[0].text, "SENA — Gestión comercial");
    assert!(!s.toggle_shortlist("sena-telemarketing", "SENA — Gestión comercial"));
    assert!(s.shortlist.is_empty());
}

#[test]
fn notes_are_sanitized_and_blank_occupation_notes_removed() {
    let mut s = Session::new("Ana", "", now(), &builtin()).unwrap();
    s.set_notes("uno\r\ndos\u{1b}]0;x\u{7}\u{202E}");
    assert_eq!(s.notes, "uno\ndos");
    s.set_occupation_note("tecnico-sistemas", "le gusta\u{200B} el hardware");
    assert_eq!(s.occupation_note("tecnico-sistemas"), Some("le gusta el hardware"));
    s.set_occupation_note("tecnico-sistemas", " \n ");
    assert!(s.occupation_notes.is_empty());
}

#[test]
fn minimal_old_file_loads_with_defaults() {
    let text = r#"(format: 1, id: "abc", alias: "Ana", created: "2026-01-01T00:00:00Z")"#;
    let s: Session = ron::from_str(text).unwrap();
    assert_eq!(s.alias, "Ana");
    assert!(s.marks.is_empty() && s.consent.is_none() && s.focus == Focus::default());
    assert_eq!(s.updated, Timestamp::UNIX_EPOCH);
    let mut s = s;
    s.sanitize_loaded();
    assert_eq!(s.updated, s.created, "a missing `updated` reads as the creation time");
}

#[test]
fn newer_files_with_unknown_fields_still_load() {
    let text = r#"Session(format: NEWER, id: "abc", alias: "Ana", created: "2026-01-01T00:00:00Z",
        mood: "new field", marks: [Mark(kind: Competency, id: "ingles", level: Has, extra: 1)])"#;
    let s: Session = ron::from_str(&text.replace("NEWER", &(super::FORMAT + 1).to_string())).unwrap();
    assert!(s.is_newer_format());
    assert_eq!(s.mark_of(MarkKind::Competency, "ingles"), Some(MarkLevel::Has));
}

#[test]
fn ron_round_trip_keeps_everything() {
    let mut s = Session::new("Ana", "Luz", now(), &builtin()).unwrap();
    s.give_consent(now(), "v1");
    s.cycle_mark(MarkKind::Function, "asc-01", "Contestar", Some("auxiliar-servicio-cliente"));
    s.toggle_shortlist("incap-call-center", "INCAP — Call Center");
    s.set_notes("línea 1\nlínea 2");
    s.set_occupation_note("auxiliar-servicio-cliente", "sí");
    s.focus = Focus { sector: Some("bpo".into()), occupation: Some("tecnico-sistemas".into()) };
    let text = ron::ser::to_string_pretty(&s, ron::ser::PrettyConfig::new().struct_names(true)).unwrap();
    assert_eq!(ron::from_str::<Session>(&text).unwrap(), s);
}

#[test]
fn loaded_text_is_cleaned() {
    let text = "(format: 1, id: \"abc\", alias: \"A\\u{1b}[2J\", created: \"2026-01-01T00:00:00Z\",
        notes: \"n\\u{202E}\", marks: [(kind: Function, id: \"f\", text: \"t\\u{7}\", level: Has)])";
    let mut s: Session = ron::from_str(text).unwrap();
    s.sanitize_loaded();
    assert_eq!((s.alias.as_str(), s.notes.as_str(), s.marks[0].text.as_str()), ("A", "n", "t"));
}

/// Issue 14: "Todavía no" is kept as answered, apart from the marks; a session from an older format
/// is raised to 5 when it first gets one (an older rumbo then opens it read-only instead of dropping it),
/// and a mark given later takes its place.
#[test]
fn an_answered_no_is_not_a_mark_and_raises_an_older_session() {
    let set = builtin();
    let mut s = Session::new("Ana", "", now(), &set).unwrap();
    s.format = 3;
    let (kind, id) = (MarkKind::Function, "f-1");
    s.set_mark(kind, id, "Vender", Some("o-1"), Some(MarkLevel::Has));
    assert!(s.answer_no(kind, id, "Vender", &set));
    assert_eq!(s.mark_of(kind, id), None, "the mark goes");
    assert!(s.is_answered_no(kind, id));
    assert_eq!(s.format, ANSWERED_NO_FORMAT);
    assert!(!s.answer_no(kind, id, "Vender", &set), "answered once");
    let text = ron::to_string(&s).unwrap();
    assert!(text.contains("answered_no"), "{text}");
    let back: Session = ron::from_str(&text).unwrap();
    assert_eq!(back.answered_no, s.answered_no);
    s.set_mark(kind, id, "Vender", Some("o-1"), Some(MarkLevel::InDevelopment));
    assert!(!s.is_answered_no(kind, id) && s.answered_no.is_empty());
    // A session without one writes no such field: older rumbos read it as before.
    let plain = Session::new("Luz", "", now(), &set).unwrap();
    assert!(!ron::to_string(&plain).unwrap().contains("answered_no"));
}
