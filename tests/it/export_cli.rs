//! `rumbo export SESSION [--format md|html|json] [--notes all|occupations|none] [-o FILE|-]` through the real
//! binary: where the file goes, its name, that nothing is ever overwritten, and every exit code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // runs the rumbo binary and tmux

use crate::common;
use crate::export_support;

use common::{rumbo, stderr, stdout};
use export_support::{ID, all_files, session, session_with_experience, set};
use rumbo::session::{Session, SessionStore};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

const NAME: &str = "rumbo-2026-03-02-ana-maria-k3v9q2";

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn save(home: &Path, session: &Session) {
    SessionStore::open(&home.join("data")).unwrap().save(session).unwrap();
}

/// `config.ron` with `export_dir` set to `home/salidas`; returns that folder (not created yet).
fn configure(home: &Path) -> PathBuf {
    let dir = home.join("salidas");
    fs::create_dir_all(home.join("config")).unwrap();
    let config = format!("Config(export_dir: {:?})", dir.to_str().unwrap());
    fs::write(home.join("config").join("config.ron"), config).unwrap();
    dir
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// The path an export run reports writing ("Resumen guardado en PATH").
fn written(out: &Output) -> PathBuf {
    assert_eq!(code(out), 0, "stderr: {}", stderr(out));
    let text = stdout(out);
    let path = text.trim_end().strip_prefix("Resumen guardado en ").unwrap_or_else(|| panic!("{text:?}"));
    PathBuf::from(path)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[test]
fn exports_go_to_the_configured_folder_under_the_standard_name() {
    let home = home();
    save(home.path(), &session());
    let dir = configure(home.path());
    for (format, ext) in [("md", "md"), ("html", "html"), ("json", "json")] {
        let path = written(&rumbo(home.path(), &["export", "k3v9", "--format", format]));
        assert_eq!(path, dir.join(format!("{NAME}.{ext}")));
    }
    let md = fs::read_to_string(dir.join(format!("{NAME}.md"))).unwrap();
    assert!(md.starts_with("# Plan de trabajo\n"), "{md}");
    let html = fs::read_to_string(dir.join(format!("{NAME}.html"))).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Ana María"), "{html}");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join(format!("{NAME}.json"))).unwrap()).unwrap();
    assert_eq!(
        (json["schema"].as_u64(), json["session"]["id"].as_str()),
        (Some(u64::from(rumbo::export::SCHEMA)), Some(ID))
    );
}

#[test]
fn the_default_format_is_markdown_and_the_full_id_works_too() {
    let home = home();
    save(home.path(), &session());
    let dir = configure(home.path());
    assert_eq!(written(&rumbo(home.path(), &["export", ID])), dir.join(format!("{NAME}.md")));
}

#[test]
fn an_existing_export_is_never_overwritten() {
    let home = home();
    save(home.path(), &session());
    let dir = configure(home.path());
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(format!("{NAME}.md")), "la copia de ayer").unwrap();
    let second = written(&rumbo(home.path(), &["export", "k3v9"]));
    let third = written(&rumbo(home.path(), &["export", "k3v9"]));
    assert_eq!(second, dir.join(format!("{NAME}-2.md")));
    assert_eq!(third, dir.join(format!("{NAME}-3.md")));
    assert_eq!(fs::read_to_string(dir.join(format!("{NAME}.md"))).unwrap(), "la copia de ayer");
    assert_eq!(fs::read_to_string(&second).unwrap(), fs::read_to_string(&third).unwrap());
    // Written atomically: the temporary files are gone, only the exports are left.
    assert_eq!(names(&dir), vec![format!("{NAME}-2.md"), format!("{NAME}-3.md"), format!("{NAME}.md")]);
}

#[test]
fn dash_o_file_never_overwrites_either() {
    let home = home();
    save(home.path(), &session());
    let target = home.path().join("resumen.html");
    fs::write(&target, "no tocar").unwrap();
    let path =
        written(&rumbo(home.path(), &["export", "k3v9", "--format", "html", "-o", target.to_str().unwrap()]));
    assert_eq!(path, home.path().join("resumen-2.html"));
    assert_eq!(fs::read_to_string(&target).unwrap(), "no tocar");
    assert!(fs::read_to_string(&path).unwrap().starts_with("<!DOCTYPE html>"));
    // A new file goes exactly where it was asked, its folder made if needed.
    let fresh = home.path().join("nueva").join("ana.md");
    assert_eq!(written(&rumbo(home.path(), &["export", "k3v9", "-o", fresh.to_str().unwrap()])), fresh);
    // A name without an extension is numbered at the end.
    let bare = home.path().join("resumen");
    fs::write(&bare, "no tocar").unwrap();
    let path = written(&rumbo(home.path(), &["export", "k3v9", "-o", bare.to_str().unwrap()]));
    assert_eq!(path, home.path().join("resumen-2"));
}

#[test]
fn dash_o_a_folder_writes_the_standard_name_inside_it() {
    let home = home();
    save(home.path(), &session());
    let usb = home.path().join("usb");
    fs::create_dir_all(&usb).unwrap();
    let given = format!("{}/", usb.display());
    assert_eq!(
        written(&rumbo(home.path(), &["export", "k3v9", "-o", &given])),
        usb.join(format!("{NAME}.md"))
    );
    assert_eq!(
        written(&rumbo(home.path(), &["export", "k3v9", "-o", &given])),
        usb.join(format!("{NAME}-2.md"))
    );
}

#[test]
fn dash_o_dash_writes_to_standard_output_and_nowhere_else() {
    let home = home();
    save(home.path(), &session());
    let dir = configure(home.path());
    let out = rumbo(home.path(), &["export", "k3v9", "-o", "-", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["schema"], rumbo::export::SCHEMA);
    let md = stdout(&rumbo(home.path(), &["export", "k3v9", "-o", "-"]));
    assert!(md.starts_with("# Plan de trabajo\n") && md.ends_with('\n'), "{md}");
    assert!(!dir.exists(), "nothing written to the export folder");
    assert!(all_files(home.path()).iter().all(|p| !p.to_string_lossy().contains("rumbo-2026")));
}

#[test]
fn notes_choose_what_goes_in() {
    let home = home();
    save(home.path(), &session());
    let occupation_note = "Atendió público dos años";
    let session_note = "Le interesa el turno de la tarde.";
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "k3v9", "-o", "-"];
        args.extend(extra);
        let out = rumbo(home.path(), &args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out)
    };
    let default = export(&[]);
    assert!(default.contains(occupation_note) && !default.contains(session_note), "{default}");
    let occupations = export(&["--notes", "occupations"]);
    assert_eq!(occupations, default);
    let all = export(&["--notes", "all"]);
    assert!(all.contains(occupation_note) && all.contains(session_note), "{all}");
    for format in ["md", "html", "json"] {
        let none = export(&["--notes", "none", "--format", format]);
        assert!(!none.contains(occupation_note) && !none.contains(session_note), "{none}");
    }
}

#[test]
fn the_language_follows_lang() {
    let home = home();
    save(home.path(), &session());
    let out = rumbo(home.path(), &["--lang", "en", "export", "k3v9", "-o", "-"]);
    assert!(stdout(&out).starts_with("# Work plan\n"), "{}", stdout(&out));
    let dir = configure(home.path());
    let out = rumbo(home.path(), &["export", "k3v9", "--lang", "en", "--format", "html"]);
    assert_eq!(stdout(&out), format!("Summary saved to {}\n", dir.join(format!("{NAME}.html")).display()));
    assert!(fs::read_to_string(dir.join(format!("{NAME}.html"))).unwrap().contains("<html lang=\"en\">"));
}

#[test]
fn the_default_folder_is_documents_rumbo() {
    let home = home();
    save(home.path(), &session());
    // The platform's Documents folder, as the desktop announces it (XDG user dirs on Linux).
    let docs = home.path().join("Documentos");
    fs::create_dir_all(home.path().join(".config")).unwrap();
    fs::write(home.path().join(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/Documentos\"\n")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rumbo"))
        .args(["export", "k3v9"])
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .env("RUMBO_CONFIG_DIR", home.path().join("config"))
        .env("RUMBO_DATA_DIR", home.path().join("data"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "es_CO.UTF-8")
        .output()
        .unwrap();
    if cfg!(target_os = "linux") {
        assert_eq!(written(&out), docs.join("rumbo").join(format!("{NAME}.md")));
    } else {
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
}

#[test]
fn an_unknown_session_is_a_clear_error() {
    let home = home();
    save(home.path(), &session());
    let dir = configure(home.path());
    let out = rumbo(home.path(), &["export", "zzzz"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out), "error: no hay ninguna sesión «zzzz»\n");
    assert_eq!(stdout(&out), "");
    let out = rumbo(home.path(), &["--lang", "en", "export", "../k3v9q2m7xw4p"]);
    assert_eq!((code(&out), stderr(&out)), (1, "error: there is no session `../k3v9q2m7xw4p`\n".to_string()));
    assert!(!dir.exists());
}

#[test]
fn an_ambiguous_prefix_names_the_matches() {
    let home = home();
    save(home.path(), &session());
    let mut other = session();
    other.id = "k3v9aaaaaaaa".into();
    save(home.path(), &other);
    let out = rumbo(home.path(), &["export", "k3v9", "-o", "-"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.starts_with("error: «k3v9» coincide con varias sesiones: "), "{err}");
    assert!(err.contains("k3v9q2m7xw4p") && err.contains("k3v9aaaaaaaa"), "{err}");
    assert_eq!(stdout(&out), "");
    // One more letter settles it; an id that is also a prefix of another is taken as itself.
    assert_eq!(code(&rumbo(home.path(), &["export", "k3v9q", "-o", "-"])), 0);
    let mut short = session();
    short.id = "k3v9".into();
    save(home.path(), &short);
    let out = rumbo(home.path(), &["export", "k3v9", "-o", "-", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["session"]["id"], "k3v9");
}

#[test]
fn a_damaged_session_file_is_reported_with_its_place() {
    let home = home();
    save(home.path(), &session());
    let file = home.path().join("data/sessions/dddd1111.ron");
    fs::write(&file, "Session(\n  format: 1,\n  id: \n").unwrap();
    let out = rumbo(home.path(), &["export", "dddd", "-o", "-"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.starts_with("error: archivo dañado: "), "{err}");
    assert!(err.contains(&format!("({}:3:", file.display())), "the place is named: {err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "Session(\n  format: 1,\n  id: \n", "left as it was");
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let home = home();
    save(home.path(), &session());
    let dir = configure(home.path());
    for args in [
        &["export"][..],
        &["export", "k3v9", "--format", "pdf"],
        &["export", "k3v9", "--notes", "algunas"],
        &["export", "k3v9", "--bogus"],
        &["export", "k3v9", "-o"],
        &["export", "k3v9", "otra"],
    ] {
        let out = rumbo(home.path(), args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
        assert!(!stderr(&out).is_empty(), "{args:?}");
    }
    assert!(!dir.exists());
}

#[test]
fn a_broken_config_is_reported_and_nothing_is_written() {
    let home = home();
    save(home.path(), &session());
    fs::create_dir_all(home.path().join("config")).unwrap();
    fs::write(home.path().join("config/config.ron"), "Config(\n  export_dirr: \"/tmp\",\n)").unwrap();
    let out = rumbo(home.path(), &["export", "k3v9"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).starts_with("error: config.ron no es válido: "), "{}", stderr(&out));
    assert!(stderr(&out).contains("config.ron:2:3:"), "{}", stderr(&out));
    // Issue 13: the plan shows config.ron's office, so even `-o -` reads it, and a broken one stops it
    // rather than print a plan without the office.
    let out = rumbo(home.path(), &["export", "k3v9", "-o", "-"]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).is_empty() && stderr(&out).contains("config.ron:2:3:"), "{}", stderr(&out));
}

#[test]
fn a_folder_that_cannot_be_written_is_an_error_not_a_crash() {
    let home = home();
    save(home.path(), &session());
    let blocker = home.path().join("archivo");
    fs::write(&blocker, "").unwrap();
    let target = blocker.join("resumen.md");
    let out = rumbo(home.path(), &["export", "k3v9", "-o", target.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).starts_with("error: no se pudo escribir el resumen: "), "{}", stderr(&out));
}

#[test]
fn a_hand_edited_hostile_file_exports_clean() {
    let home = home();
    save(home.path(), &export_support::hostile());
    for format in ["md", "html", "json"] {
        let out = rumbo(home.path(), &["export", "h0st", "--notes", "all", "--format", format, "-o", "-"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.chars().any(|c| c != '\n' && rumbo::text::is_forbidden(c)), "{format}: {text}");
        if format == "html" {
            assert!(!text.to_ascii_lowercase().contains("<script"), "{text}");
        }
    }
}

/// `--schema 1` writes the shape before past jobs, byte for byte what `render_schema(…, 1)` gives (whose
/// output the golden file `json_es` pins to what rumbo wrote before schema 2); only JSON has a schema.
#[test]
fn schema_1_on_request_writes_the_old_shape() {
    let home = home();
    let session = session_with_experience();
    save(home.path(), &session);
    // The BPO catalog alone, as `set()` has it: schema 1 as it was written before the CUOC was built in.
    let args = ["export", "k3v9", "-o", "-", "--format", "json", "--schema", "1", "--builtin", "bpo-bogota"];
    let out = rumbo(home.path(), &args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let tz = jiff::tz::TimeZone::system();
    let (es, json, notes) =
        (rumbo::i18n::Lang::Es, rumbo::export::Format::Json, rumbo::export::NotesChoice::Occupations);
    let expected = rumbo::export::render_schema(&session, set(), es, json, notes, &tz, 1);
    assert_eq!(stdout(&out), expected);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!((value["schema"].as_u64(), value["session"]["format"].as_u64()), (Some(1), Some(2)));
    assert!(!stdout(&out).contains("past_jobs") && !stdout(&out).contains("\"from\""));
    // The default is the newest schema, with the job and the mark's origin.
    let out = rumbo(home.path(), &["export", "k3v9", "-o", "-", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["schema"], 2);
    assert_eq!(value["summary"]["past_jobs"][0]["title"], "Cajera");
    assert_eq!(value["session"]["past_jobs"][0]["id"], 1);
    // Refused: a schema rumbo does not write, and a schema for Markdown.
    let out = rumbo(home.path(), &["export", "k3v9", "-o", "-", "--format", "json", "--schema", "3"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let out = rumbo(home.path(), &["export", "k3v9", "-o", "-", "--schema", "1"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("--schema solo se aplica a la exportación JSON"), "{}", stderr(&out));
}
