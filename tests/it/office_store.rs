//! Sessions as rows (src/office/store.rs) against the throwaway server: shared between desks, scoped to the
//! office, deleted, purged by one idempotent statement, and never written over by an older rumbo.
#![allow(clippy::unwrap_used)]

use crate::office_support::{desk, login};
use crate::pg_support;
use rumbo::catalog::CatalogSet;
use rumbo::office::migrate;
use rumbo::office::store::OfficeStore;
use rumbo::session::{FORMAT, Listed, Session, StoreError, desk_code};

fn session(alias: &str) -> Session {
    Session::new(alias, "Luz", jiff::Timestamp::now(), &CatalogSet::new(Vec::new())).unwrap()
}

fn ids(listed: &[Listed]) -> Vec<String> {
    listed.iter().map(|l| l.id().to_string()).collect()
}

#[test]
fn office_store_a_session_saved_at_desk_a_is_listed_and_opened_at_desk_b() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let mut a = desk(&db, "ana", "kennedy-1", "ESCRITORIO-1");
    let mut b = desk(&db, "bea", "kennedy-1", "ESCRITORIO-2");
    let mut s = session("Marta");
    a.save(&s).unwrap();
    assert_eq!(ids(&b.list().unwrap()), [s.id.as_str()]);
    let opened = b.load(&s.id).unwrap();
    assert_eq!((opened.alias.as_str(), &opened.created), ("Marta", &s.created));
    let row = db.admin().query_one("SELECT desk, code, format, revision FROM rumbo.sessions", &[]).unwrap();
    assert_eq!(row.get::<_, String>(0), "ESCRITORIO-1");
    assert_eq!(row.get::<_, String>(1), desk_code(&s));
    assert_eq!(row.get::<_, i32>(2), FORMAT as i32);
    // Desk B changes it; desk A reads B's change, and the row says who wrote it last.
    s.alias = "Marta P.".into();
    b.save(&s).unwrap();
    assert_eq!(a.load(&s.id).unwrap().alias, "Marta P.");
    let row = db.admin().query_one("SELECT desk, revision FROM rumbo.sessions", &[]).unwrap();
    assert_eq!((row.get::<_, String>(0), row.get::<_, i64>(1)), ("ESCRITORIO-2".to_string(), 2));
}

#[test]
fn office_store_a_counselor_sees_and_deletes_only_its_office() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let mut kennedy = desk(&db, "ana", "kennedy-1", "ESCRITORIO-1");
    let mut suba = desk(&db, "luis", "suba-2", "ESCRITORIO-9");
    let (ours, theirs) = (session("Marta"), session("Pedro"));
    kennedy.save(&ours).unwrap();
    suba.save(&theirs).unwrap();
    assert_eq!(ids(&kennedy.list().unwrap()), [ours.id.as_str()]);
    assert_eq!(ids(&suba.list().unwrap()), [theirs.id.as_str()]);
    assert!(matches!(kennedy.load(&theirs.id), Err(StoreError::NotFound { .. })));
    assert!(!kennedy.delete(&theirs.id).unwrap(), "another office's row is not there to delete");
    // Overwriting another office's session by its id is refused, and the row is untouched.
    let mut clash = theirs.clone();
    clash.alias = "Intruso".into();
    assert!(kennedy.save(&clash).is_err());
    assert_eq!(suba.load(&theirs.id).unwrap().alias, "Pedro");
    // A desk whose config.ron names an office its role is not a member of sees nothing and writes nothing.
    let mut wrong =
        OfficeStore::on(login(&db, "eva", "rumbo_counselor", "kennedy-1"), "suba-2", "X").unwrap();
    assert!(wrong.list().unwrap().is_empty());
    assert!(wrong.save(&session("Eva")).is_err());
}

#[test]
fn office_store_delete_removes_the_row() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let mut a = desk(&db, "ana", "kennedy-1", "ESCRITORIO-1");
    let mut b = desk(&db, "bea", "kennedy-1", "ESCRITORIO-2");
    let (one, two) = (session("Marta"), session("Pedro"));
    a.save(&one).unwrap();
    a.save(&two).unwrap();
    assert!(b.delete(&one.id).unwrap());
    assert!(!b.delete(&one.id).unwrap(), "deleting again finds nothing");
    assert_eq!(ids(&a.list().unwrap()), [two.id.as_str()]);
    let left: i64 = db.admin().query_one("SELECT count(*) FROM rumbo.sessions", &[]).unwrap().get(0);
    assert_eq!(left, 1);
}

#[test]
fn office_store_retention_is_one_statement_scoped_to_the_office_and_idempotent() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let mut kennedy = desk(&db, "ana", "kennedy-1", "ESCRITORIO-1");
    let mut suba = desk(&db, "luis", "suba-2", "ESCRITORIO-9");
    let (old, recent, theirs) = (session("Vieja"), session("Reciente"), session("Otra"));
    kennedy.save(&old).unwrap();
    kennedy.save(&recent).unwrap();
    suba.save(&theirs).unwrap();
    let aged = "UPDATE rumbo.sessions SET updated_at = now() - interval '40 days' WHERE id = ANY($1)";
    db.admin().execute(aged, &[&vec![old.id.clone(), theirs.id.clone()]]).unwrap();
    let purged = kennedy.purge(30).unwrap();
    assert_eq!(purged.iter().map(|s| s.id.clone()).collect::<Vec<_>>(), [old.id.as_str()]);
    assert!(kennedy.purge(30).unwrap().is_empty(), "a second desk's purge at start finds nothing more");
    assert_eq!(ids(&kennedy.list().unwrap()), [recent.id.as_str()]);
    assert_eq!(
        ids(&suba.list().unwrap()),
        [theirs.id.as_str()],
        "another office's old row is its own business"
    );
}

#[test]
fn office_store_a_newer_rumbos_row_opens_read_only_and_is_never_written_over() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let mut a = desk(&db, "ana", "kennedy-1", "ESCRITORIO-1");
    let s = session("Marta");
    a.save(&s).unwrap();
    // A newer desk rewrote it: a newer format number and a field this rumbo does not know.
    let newer = FORMAT as i32 + 1;
    let body = rumbo::session::to_text(&s).unwrap().replacen(
        &format!("format: {FORMAT}"),
        &format!("format: {newer}"),
        1,
    );
    let body = body.replacen("alias:", "campo_del_futuro: \"valor\",\n    alias:", 1);
    db.admin().execute("UPDATE rumbo.sessions SET body = $1, format = $2", &[&body, &newer]).unwrap();
    let opened = a.load(&s.id).unwrap();
    assert!(opened.is_newer_format(), "it opens, read-only");
    assert!(matches!(a.save(&opened), Err(StoreError::NewerFormat { .. })));
    // Even a session of this rumbo's own format cannot replace the newer row.
    let e = a.save(&s).unwrap_err();
    assert!(matches!(e, StoreError::NewerFormat { format, .. } if format == newer as u32), "{e:?}");
    let kept: String = db.admin().query_one("SELECT body FROM rumbo.sessions", &[]).unwrap().get(0);
    assert!(kept.contains("campo_del_futuro"), "the newer desk's field is kept");
}

#[test]
fn office_store_a_kiosk_inserts_its_visit_once_and_reads_nothing() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let kiosk = login(&db, "kiosco", "rumbo_kiosk", "kennedy-1");
    let mut kiosk = OfficeStore::on(kiosk, "kennedy-1", "KIOSCO-1").unwrap();
    let visit = session("Visitante");
    kiosk.insert_visit(&visit).unwrap();
    kiosk.insert_visit(&visit).unwrap();
    assert!(kiosk.list().is_err(), "a kiosk reads no session");
    let mut a = desk(&db, "ana", "kennedy-1", "ESCRITORIO-1");
    assert_eq!(ids(&a.list().unwrap()), [visit.id.as_str()]);
}
