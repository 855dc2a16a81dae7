//! Sessions closed on a desk while the office's server was away are sent as soon as it is back — on the
//! desk's reconnect and at its next start — not only when next opened (issue 15, "It reconnects on its own
//! and sends what is pending"). The start screen says how many went.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::session_ids;
use crate::office_conflict::write_note;
use crate::office_offline::{body, counselor_url, desk_a, migrated_own, until_reconnected};
use rumbo::app::{Notice, Screen};

fn rows(db: &crate::pg_support::TestDb) -> i64 {
    db.admin().query_one("SELECT count(*) FROM rumbo.sessions", &[]).unwrap().get(0)
}

#[test]
fn office_pending_sessions_closed_while_offline_are_sent_on_reconnect() {
    let Some((server, db)) = migrated_own() else { return };
    let dir = tempfile::tempdir().unwrap();
    let url = counselor_url(&db);
    let mut a = desk_a(dir.path(), &url, true);
    // One session on the server, then edited and closed while the server is away; one made offline.
    a.new_session("Marta", None, true);
    let marta = a.ws().session.id.clone();
    write_note(&mut a, "uno");
    server.stop();
    write_note(&mut a, " dos");
    a.char('q');
    a.new_session("Luis", None, true);
    let luis = a.ws().session.id.clone();
    write_note(&mut a, "hecho sin servidor");
    a.char('q');
    assert!(matches!(a.model.screen, Screen::Sessions));
    assert!(a.model.office_offline);

    server.start();
    assert_eq!(rows(&db), 1, "Luis is on this desk only until the desk reconnects");
    until_reconnected(&mut a, |a| !a.model.office_offline);
    // Neither is open, and both went.
    assert!(body(&db, &marta).contains("uno dos"), "{}", body(&db, &marta));
    assert!(body(&db, &luis).contains("hecho sin servidor"));
    assert_eq!(a.model.sessions.notice, Some(Notice::PendingSent { sent: 2, copies: Vec::new() }));
    let text = a.screen_text();
    assert!(
        text.contains("Enviadas al servidor 2 sesiones guardadas en este equipo sin conexión."),
        "{text}"
    );
    // Sent, their copies here go (a copy left here is always one the server may lack).
    let here = session_ids(dir.path());
    assert!(!here.contains(&marta) && !here.contains(&luis), "{here:?}");
    // The list read again after the sends: both, from the server.
    assert!(text.contains("Marta") && text.contains("Luis"), "{text}");
}

#[test]
fn office_pending_a_desk_that_starts_online_sends_what_it_closed_offline() {
    let Some((server, db)) = migrated_own() else { return };
    let dir = tempfile::tempdir().unwrap();
    let url = counselor_url(&db);
    let mut a = desk_a(dir.path(), &url, true);
    server.stop();
    a.new_session("Luis", None, true);
    let luis = a.ws().session.id.clone();
    write_note(&mut a, "hecho sin servidor");
    a.char('q');
    drop(a);
    server.start();

    // rumbo starts again, the server back: the session goes at once, before anyone opens it.
    let a = desk_a(dir.path(), &url, true);
    assert!(body(&db, &luis).contains("hecho sin servidor"));
    assert_eq!(a.model.sessions.notice, Some(Notice::PendingSent { sent: 1, copies: Vec::new() }));
    assert!(!session_ids(dir.path()).contains(&luis));
}
