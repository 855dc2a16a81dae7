//! Issue 10, "one rule for file versions" (docs/versions.md): a file from a newer rumbo is never
//! silently read as if it were this one's. A session opens read-only with "actualice rumbo" and is
//! never written over; a catalog is refused with its place; the JSON export carries the `schema` the
//! documents promise. (The app's side of the session rule is in `privacy_app`.)
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::{BASE, rumbo, stderr, stdout};
use std::fs;
use std::path::Path;

const ID: &str = "fu7ur3000000";

/// A session file as a newer rumbo would write it: a higher format and a field this one does not know.
fn future_session(home: &Path) -> (std::path::PathBuf, String) {
    let newer = rumbo::session::FORMAT + 1;
    let text = format!(
        "Session(format: {newer}, id: \"{ID}\", alias: \"Futura\", created: \"2026-01-01T00:00:00Z\", \
         updated: \"2026-01-02T00:00:00Z\", emociones: [\"curiosidad\"], notes: \"nota\")"
    );
    let dir = home.join("data").join("sessions");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{ID}.ron"));
    fs::write(&file, &text).unwrap();
    (file, text)
}

#[test]
fn sessions_show_and_export_of_a_newer_session_say_actualice_rumbo_and_write_nothing() {
    let home = tempfile::tempdir().unwrap();
    let (file, text) = future_session(home.path());
    let out_dir = home.path().join("out");
    fs::create_dir_all(home.path().join("config")).unwrap();
    fs::write(home.path().join("config/config.ron"), format!("Config(export_dir: {out_dir:?})")).unwrap();

    let out = rumbo(home.path(), &["sessions", "show", ID]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("actualice rumbo"), "{}", stderr(&out));
    assert!(stdout(&out).contains("Futura"));

    // To standard output: shown, with the same warning.
    let out = rumbo(home.path(), &["export", ID, "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("actualice rumbo"), "{}", stderr(&out));
    // To a file: refused, as it could not be recorded in the session without losing what is there.
    let out = rumbo(home.path(), &["export", ID]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("actualice rumbo"), "{}", stderr(&out));
    assert!(!out_dir.exists());
    // Neither deleting nor purging is asked for here; nothing else touched the file.
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn recording_an_export_raises_an_older_session_to_format_2() {
    // Written by a rumbo that knew only format 1: once it records an export, an older rumbo must open
    // it read-only rather than drop the record (and, with it, the copy's deletion).
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("data").join("sessions");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("v13j0aaaaaaa.ron");
    fs::write(
        &file,
        "Session(format: 1, id: \"v13j0aaaaaaa\", alias: \"Vieja\", created: \"2026-01-01T00:00:00Z\")",
    )
    .unwrap();
    let out = rumbo(home.path(), &["export", "v13j", "-o", home.path().join("r.md").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let saved = fs::read_to_string(&file).unwrap();
    // Format 2, the one export records came in: enough for a format-1 rumbo to open it read-only, and
    // not the plan's 4, which only a plan edit reaches (it first keeps what the session explored).
    assert!(saved.contains("format: 2,"), "{saved}");
    assert!(saved.contains("exports: ["), "{saved}");
}

#[test]
fn a_catalog_from_a_newer_rumbo_is_refused_at_its_format() {
    let home = tempfile::tempdir().unwrap();
    let newer = rumbo::catalog::FORMAT + 1;
    let text = BASE.replace("format: 1,", &format!("format: {newer},\n    campo_nuevo: true,"));
    let file = home.path().join("futuro.ron");
    fs::write(&file, text).unwrap();
    let out = rumbo(home.path(), &["--no-builtin", "catalog", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with(&format!("{}:2:13: ", file.display())), "{err}");
    assert!(err.contains("actualice rumbo"), "{err}");
}

#[test]
fn the_documents_state_the_versions_rumbo_writes() {
    // rumbo never reads a JSON export back: for it the rule is that `schema` is what the documents say,
    // raised with any field a reader of the previous one would lose.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let versions = fs::read_to_string(root.join("docs/versions.md")).unwrap();
    let rows = [
        format!("| Sesión (`<datos>/sessions/*.ron`) | `format` | {} |", rumbo::session::FORMAT),
        format!("| Catálogo (`*.ron`) | `format` | {} |", rumbo::catalog::FORMAT),
        format!("| Exportación JSON | `schema` | {} |", rumbo::export::SCHEMA),
    ];
    for row in &rows {
        assert!(versions.contains(row.as_str()), "docs/versions.md lacks the row\n{row}");
    }
    let json = fs::read_to_string(root.join("docs/export-json.md")).unwrap();
    assert!(json.contains(&format!("\"schema\": {},", rumbo::export::SCHEMA)));
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    assert!(readme.contains("(docs/versions.md)"), "the README links the rule");
}
