//! `rumbo office import`: this computer's sessions into the office's store, each read back before its
//! local files go; an id clash stays here and is reported; running it again changes nothing more.
#![allow(clippy::unwrap_used)]

use crate::common::{rumbo, stderr, stdout};
use crate::office_support::home;
use crate::pg_support::{self, TestDb};
use rumbo::catalog::CatalogSet;
use rumbo::office::migrate;
use rumbo::office::store::OfficeStore;
use rumbo::session::{Session, SessionStore, to_text};

fn session(alias: &str) -> Session {
    Session::new(alias, "Luz", jiff::Timestamp::now(), &CatalogSet::new(Vec::new())).unwrap()
}

fn body(db: &TestDb, id: &str) -> Option<String> {
    let row = db.admin().query_opt("SELECT body FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap();
    row.map(|r| r.get(0))
}

#[test]
fn office_import_copies_reads_back_removes_and_reports_clashes_idempotently() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let home = home(&db, "kennedy-1", "ESCRITORIO-1");
    let local = SessionStore::open(&home.path().join("data")).unwrap();
    let (marta, pedro, mut clash, sent) =
        (session("Marta"), session("Pedro"), session("Local"), session("Ya"));
    for s in [&marta, &pedro, &clash, &sent] {
        local.save(s).unwrap();
    }
    // On the server already: `sent` identical (an import cut short), `clash` with other content.
    let mut server = OfficeStore::on(db.admin(), "kennedy-1", "ESCRITORIO-7").unwrap();
    server.save(&sent).unwrap();
    clash.alias = "Otra persona".into();
    server.save(&clash).unwrap();

    let out = rumbo(home.path(), &["office", "import"]);
    assert_eq!(out.status.code(), Some(1), "a clash left behind: {}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "copiadas al servidor: 2; ya estaban: 1; id repetido con otro contenido: 1; no importadas: 0"
        ),
        "{text}"
    );
    assert!(text.contains(&format!("{}: el servidor ya tiene una sesión con este id", clash.id)), "{text}");
    for s in [&marta, &pedro] {
        assert_eq!(body(&db, &s.id).unwrap(), to_text(s).unwrap(), "copied as it was");
    }
    for s in [&marta, &pedro, &sent] {
        assert!(!local.path_of(&s.id).unwrap().exists(), "{}: local file removed", s.alias);
    }
    assert_eq!(local.load(&clash.id).unwrap().alias, "Local", "the clashing session stays here untouched");
    assert!(body(&db, &clash.id).unwrap().contains("Otra persona"), "and the server's is untouched");

    let out = rumbo(home.path(), &["office", "import"]);
    let text = stdout(&out);
    assert!(
        text.contains("copiadas al servidor: 0; ya estaban: 0; id repetido con otro contenido: 1"),
        "{text}"
    );
    let rows: i64 = db.admin().query_one("SELECT count(*) FROM rumbo.sessions", &[]).unwrap().get(0);
    assert_eq!(rows, 4);
}
