//! Issue 15 end to end, two desks: two `rumbo` processes in tmux, each with its own config.ron
//! (`store: Postgres(…)`, `desk: "ESCRITORIO-A"` / `"ESCRITORIO-B"`, the same office, its own data folder),
//! against the tests' throwaway PostgreSQL. One writer per session: a session open at desk A opens
//! read-only at desk B, saying where, and B's typing reaches nothing; A quitting — or being killed — frees
//! it for B. A kiosk's visit opens at a desk by the code the kiosk showed. Each checked on the screens and
//! on the server's rows and locks.
#![allow(clippy::unwrap_used)]

use crate::e2e_kiosk_visit::{kiosk_env_with, visit};
use crate::e2e_tmux_support::{Env, Rumbo};
use crate::office_support::{
    SERVER_WAIT, advisory_locks, close_notes, counselor, desk_env, leave, member, migrated, open_first,
    row_body, rows, start_desk, wait_server, write_note,
};
use crate::pg_support::TestDb;
use std::time::Duration;

/// Desk A made a session «Marta» with a note that reached the server; desk B has it open read-only.
/// (Fields drop in this order: the desks end before their folders and the database go.)
struct TwoDesks {
    a: Rumbo,
    b: Rumbo,
    _env_a: Env,
    env_b: Env,
    db: TestDb,
    id: String,
}

fn open_at_a_then_b() -> Option<TwoDesks> {
    let db = migrated()?;
    let env_a = desk_env(&counselor(&db, "ana"), "ESCRITORIO-A")?;
    let env_b = desk_env(&counselor(&db, "beto"), "ESCRITORIO-B")?;
    let a = start_desk(&env_a);
    a.new_session("Marta", "Luz");
    write_note(&a, "escrito-en-A");
    wait_server("A's note on the server", || rows(&db).iter().any(|(_, b)| b.contains("escrito-en-A")));
    let id = rows(&db)[0].0.clone();
    assert_eq!(advisory_locks(&db), 1, "desk A holds the session");

    let b = start_desk(&env_b);
    open_first(&b, "Marta");
    let header = b.wait_for("solo lectura: abierta en ESCRITORIO-A");
    assert!(header.lines().next().unwrap().contains("solo lectura: abierta en ESCRITORIO-A"), "{header}");
    Some(TwoDesks { a, b, _env_a: env_a, env_b, db, id })
}

/// Desk B, read-only, tries to write a note: the notes say they cannot change; B leaves the session
/// (so anything it had taken would have been saved and sent); nothing reached the server nor B's disk.
fn b_cannot_write(t: &TwoDesks) {
    let before = row_body(&t.db, &t.id).unwrap();
    t.b.keys(&["n"]);
    t.b.wait_for("las marcas y notas no se pueden cambiar");
    t.b.type_text("intento-de-B");
    close_notes(&t.b);
    leave(&t.b);
    assert!(!t.b.screen().contains("intento-de-B"));
    assert_eq!(row_body(&t.db, &t.id).unwrap(), before, "nothing from desk B reached the server");
    let on_b = std::fs::read_dir(t.env_b.data().join("sessions")).into_iter().flatten().flatten();
    for file in on_b {
        let text = std::fs::read_to_string(file.path()).unwrap_or_default();
        assert!(!text.contains("intento-de-B"), "{} has B's refused note", file.path().display());
    }
}

/// Desk B opens the session again (free now), holds it and writes: its note reaches the server.
fn b_takes_it_and_writes(t: &TwoDesks) {
    open_first(&t.b, "Marta");
    let screen = t.b.screen();
    assert!(!screen.contains("solo lectura"), "B writes now:\n{screen}");
    write_note(&t.b, "escrito-en-B");
    wait_server("B's note on the server", || {
        row_body(&t.db, &t.id).is_some_and(|b| b.contains("escrito-en-B") && b.contains("escrito-en-A"))
    });
    let desk: String =
        t.db.admin().query_one("SELECT desk FROM rumbo.sessions WHERE id = $1", &[&t.id]).unwrap().get(0);
    assert_eq!(desk, "ESCRITORIO-B", "the row says who wrote it last");
    let holder: String =
        t.db.admin().query_one("SELECT desk FROM rumbo.session_holders", &[]).unwrap().get(0);
    assert_eq!(holder, "ESCRITORIO-B");
    assert_eq!(rows(&t.db).len(), 1, "one session, no copy");
}

#[test]
fn e2e_office_desks_read_only_at_b_while_open_at_a_then_b_writes_once_a_quits() {
    let Some(t) = open_at_a_then_b() else { return };
    b_cannot_write(&t);

    // A quits rumbo with its quit key: q closes the session, q again leaves rumbo.
    leave(&t.a);
    t.a.keys(&["q"]);
    t.a.wait_exit(Duration::from_secs(10));
    assert_eq!(t.a.exit_status(), "0");
    assert_eq!(advisory_locks(&t.db), 0, "quitting released the lock");
    b_takes_it_and_writes(&t);
}

#[test]
fn e2e_office_desks_a_killed_desk_frees_its_session_for_the_other() {
    let Some(t) = open_at_a_then_b() else { return };
    b_cannot_write(&t);

    // SIGKILL: rumbo itself (the pane's process), not its terminal; no chance to release anything.
    t.a.signal("KILL");
    assert_eq!(t.a.exit_status(), "signal 9");
    // The server frees the lock once it sees the connection gone.
    wait_server("the server to free A's lock", || advisory_locks(&t.db) == 0);
    b_takes_it_and_writes(&t);
}

/// The terminal of desk A hangs up (SIGHUP: the window closed, the remote session dropped) with a note
/// just typed: rumbo saves it, sends it and lets go of the session before it exits, so B can write.
#[test]
fn e2e_office_desks_a_desk_whose_terminal_hangs_up_sends_its_last_words_and_frees_the_session() {
    let Some(t) = open_at_a_then_b() else { return };
    b_cannot_write(&t);
    t.a.type_note("antes-del-corte");
    t.a.signal("HUP");
    t.a.wait_exit(Duration::from_secs(15));
    wait_server("A's last words on the server and its lock freed", || {
        advisory_locks(&t.db) == 0 && row_body(&t.db, &t.id).is_some_and(|b| b.contains("antes-del-corte"))
    });
    b_takes_it_and_writes(&t);
}

/// A kiosk (its own role and config, on the same office's server) finishes a consented visit; the code
/// read off its screen, typed after `/` at desk A, opens that visit there.
#[test]
fn e2e_office_desks_a_kiosk_code_opens_the_visit_at_a_desk() {
    let Some(db) = migrated() else { return };
    let kiosk_url = member(&db, "kiosco", "rumbo_kiosk", "kennedy-1");
    let store = format!("  store: Postgres(url: \"{kiosk_url}\"),\n  desk: \"KIOSCO-1\",\n");
    let Some(kiosk_env) = kiosk_env_with(", id: \"kennedy-1\"", &store) else { return };
    let env_a = desk_env(&counselor(&db, "ana"), "ESCRITORIO-A").unwrap();
    let a = start_desk(&env_a);
    a.wait_for("n nueva");

    let kiosk = start_desk(&kiosk_env);
    let code = visit(&kiosk);
    wait_server("the visit on the server", || rows(&db).len() == 1);
    let stored: String = db.admin().query_one("SELECT code FROM rumbo.sessions", &[]).unwrap().get(0);
    assert_eq!(stored, code, "the code on the kiosk's screen is the row's");

    a.keys(&["/"]);
    a.type_text(&code);
    a.wait_for(&code);
    a.keys(&["Enter"]);
    let screen = a.wait_screen_within(SERVER_WAIT, "the visit open at desk A", |s| {
        s.contains("rumbo · Teo") && s.contains("? ayuda") && !s.contains("Enter reanudar")
    });
    assert!(!screen.contains("solo lectura"), "{screen}");
    assert_eq!(advisory_locks(&db), 1, "desk A holds the visit");
}
