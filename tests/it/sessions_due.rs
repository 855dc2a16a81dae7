//! Issue 13: `rumbo sessions due [--before AAAA-MM-DD] [--json]` and the follow-up date in
//! `rumbo sessions list`, through the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::{rumbo, stderr, stdout};
use crate::export_support::{at, set};
use rumbo::session::{Contact, Session, SessionStore, Step, StepKind, StepStatus, Who};
use std::path::Path;

fn person(id: &str, alias: &str, follow_up: Option<&str>) -> Session {
    let mut s = Session::new(alias, "Luz", at("2026-03-02T14:30:00Z"), set()).unwrap();
    s.id = id.into();
    s.follow_up = follow_up.map(|d| d.parse().unwrap());
    s
}

fn step(text: &str, who: Who, date: Option<&str>, status: StepStatus) -> Step {
    Step {
        text: text.into(),
        who,
        date: date.map(|d| d.parse().unwrap()),
        status,
        bring: vec!["Cédula".into()],
        kind: StepKind::Own,
    }
}

/// Ana: follow-up 2020-03-10 (always overdue), contact given, one step done and one pending; Beto:
/// 2099-03-15, no contact, nothing pending; Carla: 2099-04-01; Dora: no follow-up. Dates far from today
/// on both sides, so the tests hold whatever day they run.
fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::open(&home.path().join("data")).unwrap();
    let mut ana = person("a1a1a1a1a1a1", "Ana", Some("2020-03-10"));
    ana.contact = Some(Contact {
        phone: "300 123 4567".into(),
        email: "ana@example.org".into(),
        consent_at: at("2026-03-02T14:40:00Z"),
    });
    ana.steps = vec![
        step("Registrar la hoja de vida", Who::Persona, None, StepStatus::Hecho),
        step("Inscribirse en el curso", Who::Persona, Some("2020-03-12"), StepStatus::Pendiente),
    ];
    for s in [
        ana,
        person("b2b2b2b2b2b2", "Beto", Some("2099-03-15")),
        person("c3c3c3c3c3c3", "Carla", Some("2099-04-01")),
        person("d4d4d4d4d4d4", "Dora", None),
    ] {
        store.save(&s).unwrap();
    }
    home
}

fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = rumbo(home, args);
    (out.status.code().unwrap_or(-1), stdout(&out), stderr(&out))
}

#[test]
fn due_lists_overdue_and_that_days_sessions_with_contact_and_pending_steps() {
    let home = home();
    let (code, out, err) = run(home.path(), &["sessions", "due", "--before", "2099-03-15"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "2020-03-10 (vencido)  A1A1A1  Ana  300 123 4567 · ana@example.org\n\
         \x20   - Inscribirse en el curso (la persona, 2020-03-12)\n\
         2099-03-15  B2B2B2  Beto  sin contacto autorizado\n\
         \x20   sin pasos pendientes\n"
    );
    let (_, out, _) = run(home.path(), &["sessions", "due", "--before", "2020-03-09"]);
    assert_eq!(out, "Ningún seguimiento vence hasta el 2020-03-09.\n");
}

#[test]
fn due_by_default_is_today_overdue_included() {
    let home = home();
    let (code, out, err) = run(home.path(), &["sessions", "due"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("2020-03-10 (vencido)  A1A1A1  Ana  "), "{out}");
    assert!(!out.contains("Beto") && !out.contains("Carla") && !out.contains("Dora"), "{out}");
    let (_, out, _) = run(home.path(), &["--lang", "en", "sessions", "due", "--before", "2099-03-15"]);
    assert!(out.starts_with("2020-03-10 (overdue)  A1A1A1  Ana"), "{out}");
    assert!(out.contains("\n2099-03-15  B2B2B2  Beto  no contact authorised\n"), "{out}");
    assert!(out.contains("    - Inscribirse en el curso (the person, 2020-03-12)\n"), "{out}");
}

#[test]
fn due_json_has_the_documented_shape() {
    let home = home();
    let (code, out, err) = run(home.path(), &["sessions", "due", "--before", "2099-03-15", "--json"]);
    assert_eq!(code, 0, "{err}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["day"], "2099-03-15");
    let sessions = value["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    let ana = &sessions[0];
    assert_eq!(
        ana,
        &serde_json::json!({
            "id": "a1a1a1a1a1a1", "code": "A1A1A1", "alias": "Ana", "follow_up": "2020-03-10",
            "overdue": true,
            "contact": {"phone": "300 123 4567", "email": "ana@example.org", "consent_at": "2026-03-02T14:40:00Z"},
            "pending": [{"text": "Inscribirse en el curso", "who": "Persona", "date": "2020-03-12", "bring": ["Cédula"]}],
        })
    );
    assert_eq!(sessions[1]["contact"], serde_json::Value::Null);
    assert_eq!(sessions[1]["pending"], serde_json::json!([]));
}

#[test]
fn a_bad_date_is_a_usage_error() {
    let home = home();
    for bad in ["2027-02-30", "15/03/2027", "mañana", "2027-3-5"] {
        let (code, out, err) = run(home.path(), &["sessions", "due", "--before", bad]);
        assert_eq!(code, 2, "{bad}: {out}{err}");
        assert!(out.is_empty(), "{out}");
        assert_eq!(
            err,
            format!("error: --before: «{bad}» no es una fecha AAAA-MM-DD (por ejemplo 2027-03-15)\n")
        );
    }
}

#[test]
fn sessions_list_shows_the_follow_up_date() {
    let home = home();
    let (code, out, err) = run(home.path(), &["sessions", "list"]);
    assert_eq!(code, 0, "{err}");
    let ana = out.lines().find(|l| l.starts_with("a1a1a1a1a1a1")).unwrap();
    assert!(ana.contains("  seguimiento 2020-03-10  "), "{out}");
    let dora = out.lines().find(|l| l.starts_with("d4d4d4d4d4d4")).unwrap();
    assert!(!dora.contains("seguimiento"), "{out}");
    let (_, out, _) = run(home.path(), &["sessions", "list", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = value["sessions"].as_array().unwrap();
    let by_id = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(by_id("a1a1a1a1a1a1")["follow_up"], "2020-03-10");
    assert_eq!(by_id("d4d4d4d4d4d4")["follow_up"], serde_json::Value::Null);
}
