//! The session store against a real (temporary) folder: atomic saves, private modes, corrupt files left
//! untouched, locks, deletion that leaves nothing of the person behind.
// clippy.toml lets #[test] functions unwrap; the helpers here need the same.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::Timestamp;
use rumbo::catalog::{self, CatalogSet};
use rumbo::session::{Focus, Listed, MarkKind, Session, SessionStore, StoreError};
use std::fs;
use std::path::{Path, PathBuf};

fn set() -> CatalogSet {
    let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn store() -> (tempfile::TempDir, SessionStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    (dir, store)
}

fn session(alias: &str, updated: &str) -> Session {
    let mut s = Session::new(alias, "Luz", at("2026-01-10T09:00:00Z"), &set()).unwrap();
    s.touch(at(updated));
    s
}

/// Files in the sessions folder whose names start with a dot: temporaries of unfinished saves.
fn temp_files(store: &SessionStore) -> Vec<PathBuf> {
    fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with('.'))
        .collect()
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { files.extend(all_files(&path)) } else { files.push(path) }
    }
    files
}

#[test]
fn round_trip_keeps_every_field() {
    let (_dir, store) = store();
    let mut s = session("Ana", "2026-01-10T10:30:00.5Z");
    s.give_consent(at("2026-01-10T09:01:00Z"), "consentimiento-v1");
    s.cycle_mark(MarkKind::Function, "asc-01", "Contestar preguntas…", Some("auxiliar-servicio-cliente"));
    s.cycle_mark(MarkKind::Competency, "ingles", "Inglés (bilingüismo)", None);
    s.cycle_mark(MarkKind::Competency, "ingles", "Inglés (bilingüismo)", None);
    s.toggle_shortlist("incap-call-center", "INCAP — Técnico laboral en atención en Call Center");
    s.set_notes("Le interesa el turno de la tarde.\nTiene hijos pequeños.");
    s.set_occupation_note("tecnico-sistemas", "arregla computadores del barrio");
    s.focus = Focus { sector: Some("bpo".into()), occupation: Some("tecnico-sistemas".into()) };
    store.save(&s).unwrap();
    assert_eq!(store.load(&s.id).unwrap(), s);
    let text = fs::read_to_string(store.path_of(&s.id).unwrap()).unwrap();
    assert!(text.starts_with("Session("), "readable RON with struct names:\n{text}");
}

#[cfg(unix)]
#[test]
fn files_and_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = store();
    let s = session("Ana", "2026-01-10T10:00:00Z");
    store.save(&s).unwrap();
    store.save(&s).unwrap(); // replacing keeps the mode too
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&store.path_of(&s.id).unwrap()), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
}

#[test]
fn crash_mid_write_leaves_previous_intact() {
    let (_dir, store) = store();
    let mut s = session("Ana", "2026-01-10T10:00:00Z");
    store.save(&s).unwrap();
    let path = store.path_of(&s.id).unwrap();
    let before = fs::read(&path).unwrap();

    s.set_notes("cambio que nunca llega al disco");
    let result = store.save_with(&s, || {
        // The moment of the crash: new text in a temporary file, old file still in place.
        assert_eq!(temp_files(&store).len(), 1);
        assert_eq!(fs::read(&path).unwrap(), before);
        let listed = store.list().unwrap();
        assert_eq!(listed.len(), 1, "the temporary file is not listed");
        assert!(matches!(&listed[0], Listed::Ok(old) if old.notes.is_empty()));
        Err(std::io::Error::other("simulated crash"))
    });
    assert!(matches!(result, Err(StoreError::Io { .. })));
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(temp_files(&store).is_empty(), "an abandoned save cleans up after itself");

    // A real crash leaves its temporary file behind; it must not disturb anything.
    let stray = store.dir().join(format!(".{}.ron.a1B2c3", s.id));
    fs::write(&stray, "Session(format: 1, id: \"half").unwrap();
    assert_eq!(store.list().unwrap().len(), 1);
    assert!(store.load(&s.id).unwrap().notes.is_empty());
    store.save(&s).unwrap();
    assert_eq!(store.load(&s.id).unwrap().notes, "cambio que nunca llega al disco");
}

#[test]
fn corrupt_file_is_reported_and_never_overwritten() {
    let (_dir, store) = store();
    let s = session("Ana", "2026-01-10T10:00:00Z");
    let path = store.path_of(&s.id).unwrap();
    let bytes = b"Session(\n    format: 1,\n    id: \"x\",\n    alias: 42,\n".to_vec();
    fs::write(&path, &bytes).unwrap();

    match store.load(&s.id) {
        Err(StoreError::Corrupt { path: p, line, col, message, .. }) => {
            assert_eq!((p, line), (path.clone(), 4));
            assert!(col > 1, "col {col}");
            assert!(!message.is_empty());
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(matches!(store.save(&s), Err(StoreError::Corrupt { line: 4, .. })));
    assert_eq!(fs::read(&path).unwrap(), bytes);
    match &store.list().unwrap()[..] {
        [Listed::Corrupt { id, line: 4, .. }] => assert_eq!(id, &s.id),
        other => panic!("expected one corrupt entry, got {other:?}"),
    }
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert!(temp_files(&store).is_empty());
}

#[test]
fn newer_sessions_open_but_are_not_saved_over() {
    let (_dir, store) = store();
    let id = "abcdefghijkl";
    let newer = rumbo::session::FORMAT + 1;
    let text = format!(
        "Session(format: {newer}, id: \"{id}\", alias: \"Ana\", created: \"2026-01-01T00:00:00Z\", aura: 3)"
    );
    fs::write(store.path_of(id).unwrap(), &text).unwrap();
    let mut s = store.load(id).unwrap();
    assert!(s.is_newer_format());
    assert!(matches!(store.save(&s), Err(StoreError::NewerFormat { format, .. }) if format == newer));
    s.format = 1;
    assert!(
        matches!(store.save(&s), Err(StoreError::NewerFormat { format, .. }) if format == newer),
        "the file on disk is newer"
    );
    assert_eq!(fs::read_to_string(store.path_of(id).unwrap()).unwrap(), text);
}

#[test]
fn a_locked_session_is_reported() {
    let (_dir, store) = store();
    let s = session("Ana", "2026-01-10T10:00:00Z");
    store.save(&s).unwrap();
    assert!(!store.is_locked(&s.id).unwrap());
    let held = store.lock(&s.id).unwrap();
    assert_eq!(held.id(), s.id);
    // Another handle, as a second rumbo would have, finds it taken.
    assert!(matches!(store.lock(&s.id), Err(StoreError::Locked { .. })));
    assert!(store.is_locked(&s.id).unwrap());
    assert!(matches!(store.delete(&s.id), Err(StoreError::Locked { .. })));
    drop(held);
    assert!(!store.is_locked(&s.id).unwrap());
    let _again = store.lock(&s.id).unwrap();
}

#[test]
fn delete_leaves_nothing_of_the_person() {
    let (dir, store) = store();
    let alias = "Zoraida-unica-7731";
    let s = session(alias, "2026-01-10T10:00:00Z");
    let other = session("Otro", "2026-01-10T10:00:00Z");
    store.save(&s).unwrap();
    store.save(&other).unwrap();
    drop(store.lock(&s.id).unwrap());
    fs::write(store.dir().join(format!(".{}.ron.Zz9Yy8", s.id)), alias).unwrap();
    store.delete(&s.id).unwrap();
    for file in all_files(dir.path()) {
        let bytes = fs::read(&file).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(alias),
            "{} still names the person",
            file.display()
        );
    }
    assert!(matches!(store.load(&s.id), Err(StoreError::NotFound { .. })));
    assert_eq!(store.load(&other.id).unwrap(), other);
    store.delete(&s.id).unwrap(); // already gone: fine
}

#[test]
fn list_is_newest_first_with_broken_files_last() {
    let (_dir, store) = store();
    let old = session("Vieja", "2026-01-11T00:00:00Z");
    let new = session("Nueva", "2026-02-01T00:00:00Z");
    store.save(&old).unwrap();
    store.save(&new).unwrap();
    fs::write(store.dir().join("zzzz.ron"), "no es RON (").unwrap();
    fs::write(store.dir().join("notes.txt"), "ignored").unwrap();
    fs::write(store.dir().join("Bad Name.ron"), "ignored").unwrap();
    let ids: Vec<String> = store.list().unwrap().iter().map(|l| l.id().to_string()).collect();
    assert_eq!(ids, [new.id.clone(), old.id.clone(), "zzzz".to_string()]);
}

#[test]
fn purge_removes_only_old_sessions() {
    let (_dir, store) = store();
    let old = session("Vieja", "2026-01-11T00:00:00Z");
    let recent = session("Reciente", "2026-03-25T00:00:00Z");
    let old_but_open = session("Abierta", "2026-01-12T00:00:00Z");
    for s in [&old, &recent, &old_but_open] {
        store.save(s).unwrap();
    }
    // The files were written when their sessions last changed (the purge looks at both).
    for s in [&old, &recent, &old_but_open] {
        let file = fs::File::options().write(true).open(store.path_of(&s.id).unwrap()).unwrap();
        file.set_modified(s.updated.into()).unwrap();
    }
    let _held = store.lock(&old_but_open.id).unwrap();
    let purged = rumbo::session::purge(&store, 30, at("2026-04-01T00:00:00Z")).unwrap();
    assert_eq!(purged.sessions, 1);
    let left: Vec<String> = store.list().unwrap().iter().map(|l| l.id().to_string()).collect();
    assert_eq!(left, [recent.id.clone(), old_but_open.id.clone()]);
}

#[test]
fn ids_cannot_reach_outside_the_folder() {
    let (_dir, store) = store();
    for id in ["../x", "..", "a/b", ".a", ""] {
        assert!(matches!(store.load(id), Err(StoreError::InvalidId { .. })), "{id:?}");
        assert!(matches!(store.delete(id), Err(StoreError::InvalidId { .. })), "{id:?}");
    }
    let mut s = session("Ana", "2026-01-10T10:00:00Z");
    s.id = "../escape".into();
    assert!(matches!(store.save(&s), Err(StoreError::InvalidId { .. })));
}

/// The store seam: a `FaultyDisk` makes the real store fail where a full disk would, the file on disk
/// stays the last good one, and once the fault clears the same store saves again.
#[test]
fn a_full_disk_through_the_seam_keeps_the_last_good_file() {
    use rumbo::session::{DiskOp, FaultyDisk};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let disk = Arc::new(FaultyDisk::new());
    let store = SessionStore::with_disk(dir.path(), disk.clone()).unwrap();
    let mut s = session("Ana", "2026-01-10T10:00:00Z");
    store.save(&s).unwrap();
    let path = store.path_of(&s.id).unwrap();
    let before = fs::read(&path).unwrap();

    disk.fill();
    s.set_notes("no cabe");
    let Err(StoreError::Io { source, .. }) = store.save(&s) else { panic!("a full disk fails the save") };
    assert_eq!(source.kind(), std::io::ErrorKind::StorageFull);
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(temp_files(&store).is_empty());
    assert_eq!(disk.attempts(DiskOp::WriteAtomic), 2);
    assert_eq!(disk.done(DiskOp::WriteAtomic), 1);

    disk.clear();
    store.save(&s).unwrap();
    assert_eq!(store.load(&s.id).unwrap().notes, "no cabe");
    assert_eq!(disk.done(DiskOp::WriteAtomic), 2);
}

/// `fail_next` fails only so many times; `stop_after` stands in for a crash after a given operation.
#[test]
fn the_fault_disk_fails_a_counted_number_of_times_and_stops_at_a_point() {
    use rumbo::session::{Disk, DiskOp, Fault, FaultyDisk};
    let dir = tempfile::tempdir().unwrap();
    let disk = FaultyDisk::new();
    let file = dir.path().join("f");
    disk.fail_next(&[DiskOp::Append], Fault::NoSpace, 1);
    assert_eq!(disk.append(&file, b"a").unwrap_err().kind(), std::io::ErrorKind::StorageFull);
    disk.append(&file, b"b").unwrap();
    disk.stop_after(1);
    disk.append(&file, b"c").unwrap();
    assert!(disk.append(&file, b"d").is_err(), "stopped");
    assert!(disk.remove(&file).is_err(), "stopped");
    disk.clear();
    disk.tear_next_append(2);
    assert!(disk.append(&file, b"xyz").is_err());
    assert_eq!(fs::read(&file).unwrap(), b"bcxy");
    assert_eq!(disk.attempts(DiskOp::Append), 5);
    assert_eq!(disk.done(DiskOp::Append), 2);
}

/// Issue 13: the contact the person authorised goes with the session, deleted or purged by retention.
#[test]
fn the_contact_goes_with_the_session_deleted_or_purged() {
    let (dir, store) = store();
    let consent = at("2026-01-10T10:05:00Z");
    let mut deleted = session("Borrada", "2026-01-10T10:00:00Z");
    deleted.contact = Some(rumbo::session::plan::contact("3001234567", "", consent).unwrap());
    let mut purged = session("Vencida", "2026-01-10T10:00:00Z");
    purged.contact = Some(rumbo::session::plan::contact("", "vencida-7731@correo.co", consent).unwrap());
    for s in [&deleted, &purged] {
        store.save(s).unwrap();
        let file = fs::File::options().write(true).open(store.path_of(&s.id).unwrap()).unwrap();
        file.set_modified(s.updated.into()).unwrap();
    }
    let saved = fs::read_to_string(store.path_of(&deleted.id).unwrap()).unwrap();
    assert!(saved.contains("3001234567"), "the contact is saved: {saved}");
    store.delete(&deleted.id).unwrap();
    let gone = rumbo::session::purge(&store, 30, at("2026-04-01T00:00:00Z")).unwrap();
    assert_eq!(gone.sessions, 1);
    for file in all_files(dir.path()) {
        let text = String::from_utf8_lossy(&fs::read(&file).unwrap()).into_owned();
        assert!(
            !text.contains("3001234567") && !text.contains("vencida-7731"),
            "{} keeps a contact",
            file.display()
        );
    }
}
