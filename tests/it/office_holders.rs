//! The start screen marks the sessions open at another desk: a "◆" in the row's margin, and for the
//! selected one the detail line "◆ Marta: abierta en ESCRITORIO-A (aquí, solo lectura)" — from
//! `rumbo.session_holders` believed only while its lock is really held (pg_locks), read on the office
//! thread with the list.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::office_support::{at_desk, counselor, migrated, sources};
use rumbo::office::ConnInfo;
use rumbo::office::lock::{DeskLocks, Taken};

#[test]
fn office_holders_two_desks_each_see_only_the_other_s_sessions() {
    let Some(db) = migrated() else { return };
    let info = ConnInfo::parse(&counselor(&db, "ana")).unwrap();
    let a = DeskLocks::connect(&info, &sources(), "kennedy-1", "ESCRITORIO-A").unwrap();
    let b = DeskLocks::connect(&info, &sources(), "kennedy-1", "ESCRITORIO-B").unwrap();
    let Ok(Taken::Mine(hold)) = a.take("s1") else { panic!("A takes s1") };
    assert_eq!(b.held_elsewhere().unwrap(), vec![("s1".to_string(), "ESCRITORIO-A".to_string())]);
    assert_eq!(a.held_elsewhere().unwrap(), Vec::new(), "its own are not 'elsewhere'");
    // Another office's counselor learns nothing of kennedy-1's.
    let other =
        ConnInfo::parse(&crate::office_support::member(&db, "ot", "rumbo_counselor", "suba-2")).unwrap();
    let c = DeskLocks::connect(&other, &sources(), "kennedy-1", "ESCRITORIO-C").unwrap();
    assert_eq!(c.held_elsewhere().unwrap(), Vec::new());
    drop(hold);
    assert_eq!(b.held_elsewhere().unwrap(), Vec::new(), "released: no longer marked");
    // A desk whose lock connection died leaves a row behind: not believed.
    let Ok(Taken::Mine(_kept)) = a.take("s2") else { panic!() };
    db.admin()
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'rumbo locks' AND datname = current_database() AND pid IN
             (SELECT backend_pid FROM rumbo.session_holders WHERE session_id = 's2')",
            &[],
        )
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !b.held_elsewhere().unwrap().is_empty() {
        assert!(std::time::Instant::now() < deadline, "the dead desk's lock was not let go");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn office_holders_the_start_screen_marks_a_session_open_at_another_desk() {
    let Some(db) = migrated() else { return };
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = at_desk(dir_a.path(), &counselor(&db, "ana"), "ESCRITORIO-A");
    a.new_session("Luis", None, true);
    a.char('q');
    a.new_session("Marta", None, true);
    let marta = a.ws().session.id.clone();

    // Desk B's start screen: Marta is open at A, Luis is free.
    let b = at_desk(dir_b.path(), &counselor(&db, "beto"), "ESCRITORIO-B");
    assert_eq!(b.model.sessions.held_elsewhere, vec![(marta.clone(), "ESCRITORIO-A".to_string())]);
    let screen = b.screen();
    assert_eq!(screen.len(), 24);
    assert!(screen.iter().all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) == 80));
    let row = |alias: &str| screen.iter().find(|l| l.contains(alias)).unwrap().clone();
    assert!(row("Marta").starts_with("│◆Marta "), "{}", row("Marta"));
    assert!(row("Luis").starts_with("│ Luis "), "{}", row("Luis"));
    // The selected row is Marta (newest first): the detail line says where it is open.
    let text = b.screen_text();
    assert!(text.contains("◆ Marta: abierta en ESCRITORIO-A (aquí, solo lectura)"), "{text}");
    drop(b);

    // A closes it: a desk starting now sees no mark.
    a.char('q');
    let c = at_desk(tempfile::tempdir().unwrap().path(), &counselor(&db, "carla"), "ESCRITORIO-C");
    assert!(c.model.sessions.held_elsewhere.is_empty());
    assert!(!c.screen_text().contains('◆'), "{}", c.screen_text());
}

/// With the list on screen, the marks follow the other desks: the office thread looks every few seconds
/// and tells the start screen when a desk opened or left a session (before, they stayed as they were
/// when the list was read, so a session A had left still said «abierta en ESCRITORIO-A» at B).
#[test]
fn office_holders_the_marks_follow_another_desk_while_the_list_is_on_screen() {
    use crate::office_thread::{live_desk, pump_until};
    let Some(db) = migrated() else { return };
    let url = counselor(&db, "ana");
    let dir = tempfile::tempdir().unwrap();
    let (mut here, answers) = live_desk(dir.path(), &url);
    pump_until(&mut here, &answers, "the list read", |app| app.model.sessions.loaded);
    assert!(here.model.sessions.held_elsewhere.is_empty());

    let info = ConnInfo::parse(&url).unwrap();
    let other = DeskLocks::connect(&info, &sources(), "kennedy-1", "ESCRITORIO-C").unwrap();
    let Ok(Taken::Mine(hold)) = other.take("s1") else { panic!("C takes s1") };
    let held = vec![("s1".to_string(), "ESCRITORIO-C".to_string())];
    pump_until(&mut here, &answers, "C's session marked", |app| app.model.sessions.held_elsewhere == held);
    drop(hold);
    pump_until(&mut here, &answers, "C's session no longer marked", |app| {
        app.model.sessions.held_elsewhere.is_empty()
    });
}
