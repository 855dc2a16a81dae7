//! Issue 13: config.ron's `office:` reaches the export through its options, from `rumbo export` and from
//! the app's export effect (`e`), never by the renderers reading a file.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::{rumbo, stderr, stdout};
use crate::export_support::{ID, session};
use crate::keyflow_support::App;
use crossterm::event::KeyCode;
use rumbo::config::Office;
use rumbo::session::SessionStore;
use std::fs;
use std::path::Path;

const OFFICE: &str = r#"Config(office: (
    id: "kennedy-1",
    name: "Agencia Kennedy",
    website: "https://kennedy.example.org",
    front_desk: "Mostrador 2, primer piso",
))"#;

fn home_with(config: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    SessionStore::open(&home.path().join("data")).unwrap().save(&session()).unwrap();
    fs::create_dir_all(home.path().join("config")).unwrap();
    fs::write(home.path().join("config").join("config.ron"), config).unwrap();
    home
}

fn json(home: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["export", ID, "--format", "json", "-o", "-"];
    args.extend(extra);
    let out = rumbo(home, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn rumbo_export_passes_the_configured_office() {
    let home = home_with(OFFICE);
    let value = json(home.path(), &[]);
    let office = &value["summary"]["office"];
    assert_eq!(office["id"], "kennedy-1");
    assert_eq!(office["name"], "Agencia Kennedy");
    assert_eq!(office["front_desk"], "Mostrador 2, primer piso");
    assert!(office.get("phone").is_none(), "a key not given stays out: {office}");
    // Schema 1 is written exactly as before the office existed.
    let value = json(home.path(), &["--schema", "1"]);
    assert!(value["summary"].get("office").is_none(), "{}", value["summary"]);
}

#[test]
fn without_an_office_the_export_has_none_and_a_bad_one_stops_the_export() {
    let home = home_with("Config()");
    let value = json(home.path(), &[]);
    assert!(value["summary"].get("office").is_none(), "{}", value["summary"]);
    let home = home_with("Config(\n  office: (telefono: \"1\"),\n)");
    let out = rumbo(home.path(), &["export", ID, "--format", "json", "-o", "-"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stderr(&out).contains("config.ron:2:12"), "{}", stderr(&out));
}

#[test]
fn the_apps_export_effect_passes_the_office() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.model.office = Office { name: Some("Agencia Kennedy".into()), ..Office::default() };
    app.new_session("Ana Lucía", None, true);
    app.char('e');
    app.press(KeyCode::Right);
    app.press(KeyCode::Right);
    app.press(KeyCode::Enter);
    let exports = dir.path().join("exports");
    let names: Vec<_> = fs::read_dir(&exports).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].extension().is_some_and(|e| e == "json"), "{names:?}");
    let value: serde_json::Value = serde_json::from_str(&fs::read_to_string(&names[0]).unwrap()).unwrap();
    assert_eq!(value["summary"]["office"]["name"], "Agencia Kennedy");
}
