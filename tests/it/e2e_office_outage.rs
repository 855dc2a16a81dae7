//! Issue 15 end to end, "nothing lost when the server goes away", with the real binary in tmux: the
//! office's server stopped mid-session while desk A types word by word (the header says so), started
//! again — A reconnects by itself and every word is in the row; and desk A cut off the network (a relay
//! the test cuts) while desk B, online, changes the same session — when A is back both versions are
//! kept, B's as the session and A's as a copy named so, and A's screen says so.
#![allow(clippy::unwrap_used)]

use crate::e2e_tmux_support::{Env, Rumbo, wait_until_within};
use crate::office_support::{
    SERVER_WAIT, advisory_locks, close_notes, counselor, desk_env, leave, open_first, row_body, rows,
    start_desk, wait_server, write_note,
};
use crate::pg_restart::own_server;
use crate::pg_support::TestDb;
use crate::tcp_relay::Relay;
use rumbo::office::migrate;

const OFFLINE: &str = "sin conexión — guardado en este equipo";

#[test]
fn e2e_office_outage_the_server_stopped_mid_session_loses_no_word() {
    let Some((server, db)) = own_server() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let Some(env) = desk_env(&counselor(&db, "ana"), "ESCRITORIO-A") else { return };
    let a = start_desk(&env);
    a.new_session("Marta", "Luz");
    a.type_note("uno");
    wait_server("the first word on the server", || rows(&db).iter().any(|(_, b)| b.contains("uno")));
    let id = rows(&db)[0].0.clone();

    server.stop();
    // Word by word, each on screen before the next; the header says the desk is offline.
    let words = ["dos", "tres", "cuatro", "cinco"];
    let mut typed = String::from("uno");
    for (n, word) in words.iter().enumerate() {
        a.type_text(&format!(" {word}"));
        typed = format!("{typed} {word}");
        a.wait_for(&typed);
        if n == 0 {
            let header = a.wait_screen_within(SERVER_WAIT, "the header offline", |s| s.contains(OFFLINE));
            assert!(header.lines().next().unwrap().contains(OFFLINE), "{header}");
        }
    }
    let file = env.data().join("sessions").join(format!("{id}.ron"));
    wait_until_within(SERVER_WAIT, "every word saved on this desk", || {
        std::fs::read_to_string(&file).ok().filter(|t| t.contains(&typed))
    });
    assert!(a.screen().lines().next().unwrap().contains(OFFLINE), "still offline:\n{}", a.screen());

    server.start();
    wait_server("every word on the server", || row_body(&db, &id).is_some_and(|b| b.contains(&typed)));
    a.wait_screen_within(SERVER_WAIT, "the header online again", |s| !s.contains("sin conexión"));
    assert_eq!(advisory_locks(&db), 1, "the desk holds its session again");
    // Online and holding it: the next word goes straight to the row.
    a.type_text(" seis");
    wait_server("the word after", || {
        row_body(&db, &id).is_some_and(|b| b.contains(&format!("{typed} seis")))
    });
    close_notes(&a);
}

/// Desk A (through a relay) wrote «de-Ana» online, then, its cable cut, « sin-red-Ana» on its own copy;
/// desk B, online, took the session and added « de-Beto». (Fields drop desks first.)
struct Split {
    a: Rumbo,
    b: Rumbo,
    env_a: Env,
    _env_b: Env,
    relay: Relay,
    db: TestDb,
    id: String,
}

fn a_offline_while_b_writes() -> Option<Split> {
    let db = crate::office_support::migrated()?;
    let relay = Relay::to(db.server.port);
    let port = |p: u16| format!(":{p}/");
    let via_relay = counselor(&db, "ana").replace(&port(db.server.port), &port(relay.port));
    let env_a = desk_env(&via_relay, "ESCRITORIO-A")?;
    let env_b = desk_env(&counselor(&db, "beto"), "ESCRITORIO-B")?;
    let a = start_desk(&env_a);
    a.new_session("Marta", "Luz");
    write_note(&a, "de-Ana");
    wait_server("A's note on the server", || rows(&db).iter().any(|(_, b)| b.contains("de-Ana")));
    let id = rows(&db)[0].0.clone();

    // A's cable goes: A keeps writing on its own copy; the server frees A's lock.
    relay.cut();
    a.type_note(" sin-red-Ana");
    a.wait_screen_within(SERVER_WAIT, "A offline", |s| s.lines().next().unwrap().contains(OFFLINE));
    close_notes(&a);
    let file = env_a.data().join("sessions").join(format!("{id}.ron"));
    wait_until_within(SERVER_WAIT, "A's words saved on A", || {
        std::fs::read_to_string(&file).ok().filter(|t| t.contains("sin-red-Ana"))
    });
    wait_server("the server to free A's lock", || advisory_locks(&db) == 0);

    // B, online, takes the session and changes it meanwhile.
    let b = start_desk(&env_b);
    open_first(&b, "Marta");
    assert!(!b.screen().contains("solo lectura"), "{}", b.screen());
    write_note(&b, " de-Beto");
    wait_server("B's note on the server", || row_body(&db, &id).is_some_and(|b| b.contains("de-Beto")));
    Some(Split { a, b, env_a, _env_b: env_b, relay, db, id })
}

/// Both kept on the server: the session is B's; a copy named «Marta (copia de ESCRITORIO-A, …)» is A's.
/// The copy's id.
fn both_kept(db: &TestDb, id: &str) -> String {
    wait_server("the copy on the server", || rows(db).len() == 2);
    let session = row_body(db, id).unwrap();
    assert!(session.contains("de-Ana de-Beto") && !session.contains("sin-red-Ana"), "B's stays: {session}");
    let (copy, body) = rows(db).into_iter().find(|(other, _)| other != id).unwrap();
    assert!(body.contains("de-Ana sin-red-Ana") && !body.contains("de-Beto"), "A's is the copy: {body}");
    assert!(body.contains("Marta (copia de ESCRITORIO-A, "), "the copy is named so: {body}");
    copy
}

#[test]
fn e2e_office_outage_a_conflicting_edit_keeps_both() {
    let Some(t) = a_offline_while_b_writes() else { return };
    leave(&t.b);
    // A's cable is back: A reconnects by itself; both are kept, and A is told.
    t.relay.restore();
    let screen = t.a.wait_screen_within(SERVER_WAIT, "A told both are kept", |s| {
        s.contains("se guardan las dos: la suya es copia")
    });
    let copy = both_kept(&t.db, &t.id);
    assert!(screen.contains("copia de ESCRITORIO-A"), "A goes on with its copy:\n{screen}");
    // A writes on: into its copy, never over B's.
    write_note(&t.a, " y-más");
    wait_server("A's next words in the copy", || row_body(&t.db, &copy).is_some_and(|b| b.contains("y-más")));
    assert!(!row_body(&t.db, &t.id).unwrap().contains("y-más"));
}

/// As above, but desk B still has the session open when A's cable is back: A cannot take it again, so it
/// goes read-only saying where; its words stay on A. Once B leaves, A opening it again keeps both.
#[test]
fn e2e_office_outage_back_while_the_other_desk_holds_it_keeps_both_once_it_is_free() {
    let Some(t) = a_offline_while_b_writes() else { return };
    t.relay.restore();
    t.a.wait_screen_within(SERVER_WAIT, "A read-only, told where", |s| {
        s.lines().next().unwrap().contains("solo lectura: abierta en ESCRITORIO-B")
    });
    leave(&t.a);
    let file = t.env_a.data().join("sessions").join(format!("{}.ron", t.id));
    let kept = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(kept.contains("sin-red-Ana"), "A's words are kept on A: {kept}");
    leave(&t.b);
    wait_server("B's lock freed", || advisory_locks(&t.db) == 0);

    open_first(&t.a, "Marta");
    t.a.wait_screen_within(SERVER_WAIT, "A told both are kept", |s| {
        s.contains("se guardan las dos: la suya es copia")
    });
    both_kept(&t.db, &t.id);
}

/// The server restarted while the desk sat idle in a session (every connection of it cut, the lock
/// freed): the next words typed are not lost and the desk is not left read-only.
#[test]
fn e2e_office_outage_a_server_restarted_while_the_desk_was_idle_loses_no_word() {
    let Some((server, db)) = own_server() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let Some(env) = desk_env(&counselor(&db, "ana"), "ESCRITORIO-A") else { return };
    let a = start_desk(&env);
    a.new_session("Marta", "Luz");
    a.type_note("antes");
    wait_server("the first word on the server", || rows(&db).iter().any(|(_, b)| b.contains("antes")));
    let id = rows(&db)[0].0.clone();
    server.stop();
    server.start();
    a.type_text(" después");
    wait_server("the word typed after the restart", || {
        row_body(&db, &id).is_some_and(|b| b.contains("antes después"))
    });
    let screen = a.wait_screen_within(SERVER_WAIT, "online", |s| !s.contains("sin conexión"));
    assert!(!screen.contains("solo lectura"), "{screen}");
    wait_server("the desk holds its session again", || advisory_locks(&db) == 1);
    a.type_text(" y-más");
    wait_server("the next word", || row_body(&db, &id).is_some_and(|b| b.contains("después y-más")));
}
