//! Issue 13 in the app at 80×24: the office and the follow-up dates on the start screen, a program's
//! details in the programs pane.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::BASE;
use crate::keyflow_support::{App, new_model, render};
use crossterm::event::KeyCode;
use rumbo::app::{Model, Msg, update};
use rumbo::catalog::{CatalogSet, SourceFile, load_files};
use rumbo::config::Office;
use rumbo::i18n::Lang;
use rumbo::search::SearchIndex;
use rumbo::session::{Listed, Session};
use std::sync::Arc;

fn listed(m: &Model, follow_up: Option<&str>) -> Vec<Listed> {
    let at = |t: &str| t.parse::<jiff::Timestamp>().unwrap();
    let mut ana = Session::new("Ana María", "Luisa", at("2026-02-27T14:00:00Z"), &m.catalog).unwrap();
    ana.follow_up = follow_up.map(|d| d.parse().unwrap());
    let jorge = Session::new("Jorge Núñez", "", at("2026-02-20T09:15:00Z"), &m.catalog).unwrap();
    vec![Listed::Ok(Box::new(ana)), Listed::Ok(Box::new(jorge))]
}

#[test]
fn the_start_screen_shows_the_office_and_the_follow_up_dates() {
    let mut m = new_model();
    m.size = (80, 24);
    m.office =
        Office { id: Some("kennedy-1".into()), name: Some("Agencia Kennedy".into()), ..Office::default() };
    let rows = listed(&m, Some("2099-03-15"));
    update(&mut m, Msg::SessionsListed(rows));
    let screen = render(&m);
    assert!(screen[0].starts_with(" rumbo · Sesiones · Agencia Kennedy "), "{screen:#?}");
    assert!(screen[2].contains("Seguimiento"), "{screen:#?}");
    let ana = screen.iter().find(|l| l.contains("Ana María")).unwrap();
    assert!(ana.contains("2099-03-15"), "{screen:#?}");

    // No office, no follow-up anywhere: the screen as before, the occupation column keeps its room.
    let mut m = new_model();
    m.size = (80, 24);
    let rows = listed(&m, None);
    update(&mut m, Msg::SessionsListed(rows));
    let screen = render(&m);
    assert_eq!(screen[0].trim_end(), " rumbo · Sesiones", "{screen:#?}");
    assert!(!screen[2].contains("Seguimiento"), "{screen:#?}");
}

#[test]
fn the_programs_pane_shows_a_programs_details_at_80x24() {
    let text = BASE.replace("format: 1,", "format: 3,").replace(
        "link: Inferred)",
        r#"link: Inferred, url: "https://cursos.example.org/a", contact: "Línea 601 000", duration: "6 meses", modality: Virtual, cost: "Gratuito", schedule: "Sábados")"#,
    );
    let loaded = load_files(vec![SourceFile { name: "x.ron".into(), text }]).unwrap();
    let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
    let index = Arc::new(SearchIndex::new(&set));
    let dir = tempfile::tempdir().unwrap();
    let mut model = Model::new(Lang::Es, set, index);
    let mut runner = rumbo::runtime::Runner::new(dir.path()).unwrap();
    runner.start(&mut model);
    let mut app = App { model, runner, dir: dir.path().to_path_buf() };
    app.model.size = (80, 24);
    app.new_session("Ana", None, true);
    let screen = app.screen().join("\n");
    assert!(screen.contains("SENA · relación inferida · virtual · 6 mes"), "{screen}");
    assert!(!screen.contains("Web: "), "the long details only while the pane has focus: {screen}");
    for _ in 0..3 {
        app.press(KeyCode::Tab);
    }
    // The pane's text, its wrapped lines joined: every detail is there, none cut off.
    let pane: String =
        app.screen().iter().filter_map(|l| l.split('┃').nth(1)).map(str::trim).collect::<Vec<_>>().join(" ");
    for detail in [
        "Web: https://cursos.example.org/a",
        "Contacto: Línea 601 000",
        "Duración: 6 meses",
        "Costo: Gratuito",
        "Horario: Sábados",
    ] {
        assert!(pane.contains(detail), "{detail}: {pane}");
    }
}
