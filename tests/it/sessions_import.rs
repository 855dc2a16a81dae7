//! `rumbo sessions import FILE`: the copy written elsewhere when saves failed comes back; the same
//! session twice is nothing to do; a different session under the same id comes in under a new id, both
//! kept; a file that does not parse is refused with FILE:LINE:COL; a file from a newer rumbo is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::{rumbo, stderr, stdout};
use rumbo::session::{Session, SessionStore};
use std::fs;
use std::path::{Path, PathBuf};

/// A session as the copy dialog writes it (the session file itself), in a folder outside the data folder.
fn copy_elsewhere(home: &Path, notes: &str) -> (Session, PathBuf) {
    let set = crate::keyflow_support::catalog().0;
    let mut session = Session::new("Ana", "Marta", jiff::Timestamp::now(), &set).unwrap();
    session.notes = notes.into();
    let stick = home.join("usb");
    fs::create_dir_all(&stick).unwrap();
    let path = stick.join(format!("{}.ron", session.id));
    fs::write(&path, rumbo::session::to_text(&session).unwrap()).unwrap();
    (session, path)
}

fn stored(home: &Path) -> Vec<Session> {
    let store = SessionStore::open(&home.join("data")).unwrap();
    let mut ids: Vec<String> = store.list().unwrap().iter().map(|l| l.id().to_string()).collect();
    ids.sort();
    ids.iter().map(|id| store.load(id).unwrap()).collect()
}

#[test]
fn import_brings_a_copy_back_and_twice_is_nothing_to_do() {
    let home = tempfile::tempdir().unwrap();
    let (session, file) = copy_elsewhere(home.path(), "lo escrito con el disco lleno");
    let out = rumbo(home.path(), &["sessions", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("importada: {} (Ana)", session.id)), "{}", stdout(&out));
    assert_eq!(stored(home.path()), std::slice::from_ref(&session));
    let again = rumbo(home.path(), &["sessions", "import", file.to_str().unwrap()]);
    assert!(again.status.success());
    assert!(stdout(&again).contains("ya estaba, idéntica"), "{}", stdout(&again));
    assert_eq!(stored(home.path()).len(), 1);
    assert!(file.exists(), "the copy is left where it was");
}

#[test]
fn a_different_session_under_the_same_id_comes_in_under_a_new_id_and_both_stay() {
    let home = tempfile::tempdir().unwrap();
    let (session, file) = copy_elsewhere(home.path(), "versión de la memoria USB");
    let mut older = session.clone();
    older.notes = "versión del disco".into();
    SessionStore::open(&home.path().join("data")).unwrap().save(&older).unwrap();
    let out = rumbo(home.path(), &["sessions", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("las dos se conservan"), "{}", stdout(&out));
    let sessions = stored(home.path());
    assert_eq!(sessions.len(), 2);
    let mut notes: Vec<&str> = sessions.iter().map(|s| s.notes.as_str()).collect();
    notes.sort();
    assert_eq!(notes, ["versión de la memoria USB", "versión del disco"]);
    assert!(sessions.iter().any(|s| s.id == session.id && s.notes == "versión del disco"));
}

#[test]
fn a_file_that_does_not_parse_is_refused_with_file_line_col() {
    let home = tempfile::tempdir().unwrap();
    let (_, file) = copy_elsewhere(home.path(), "x");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("alias:", "alias: [", 1)).unwrap();
    let out = rumbo(home.path(), &["sessions", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let line = text.lines().position(|l| l.contains("alias:")).unwrap() + 1;
    assert!(err.contains(&format!("{}:{line}:", file.display())), "{err}");
    assert!(err.contains("no es un archivo de sesión válido"), "{err}");
    assert!(stored(home.path()).is_empty());
}

#[test]
fn a_file_from_a_newer_rumbo_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let (mut session, file) = copy_elsewhere(home.path(), "x");
    session.format = rumbo::session::FORMAT + 1;
    fs::write(&file, rumbo::session::to_text(&session).unwrap()).unwrap();
    let out = rumbo(home.path(), &["sessions", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("actualice rumbo"), "{}", stderr(&out));
    assert!(stored(home.path()).is_empty());
}
