//! The occupation detail with the CUOC loaded (issue 12): focusable with `a`, its related
//! occupations each with the person's fit, Enter going to one (in another sector too); the
//! competency level in plain words, DANE as the source, and lists showing the first gendered form
//! of a name while the detail shows it whole. Snapshots at 80×24 and 120×40 in both languages.

use crate::cuoc_support::start_cuoc;
use crate::keyflow_support::App;
use crossterm::event::KeyCode;
use rumbo::app::{Msg, Pane};
use rumbo::export::{Format, render};
use rumbo::i18n::Lang;
use rumbo::session::standings;

const CASHIER: &str = "cuoc-52300";

/// A session on the CUOC's cashiers (through a job title), one of its functions marked.
fn on_cashiers(dir: &std::path::Path, lang: Lang) -> App {
    let mut app = start_cuoc(dir, lang);
    app.new_session("Ana", None, true);
    app.search_and_jump("cajera de supermercado");
    assert_eq!(app.occupation().as_deref(), Some(CASHIER));
    app.press(KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Functions);
    app.char(' ');
    app.char(' ');
    app.press(KeyCode::BackTab);
    assert_eq!(app.focus(), Pane::Occupations);
    app
}

#[test]
fn a_focuses_the_detail_which_lists_related_occupations_with_their_fit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_cashiers(dir.path(), Lang::Es);
    app.send(Msg::Resize(120, 40));
    app.char('a');
    assert_eq!(app.focus(), Pane::Detail);
    let set = app.model.catalog.clone();
    let related = app.ws().related(&set);
    let ids: Vec<&str> = related.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["cuoc-42110", "cuoc-42210", "cuoc-52110", "cuoc-52230"]);
    let screen = app.screen_text();
    assert!(screen.contains("Ocupaciones afines"), "{screen}");
    let fits = standings(&app.ws().session, &related);
    for (o, fit) in related.iter().zip(fits) {
        let start: String = o.list_title().chars().take(24).collect();
        let row = screen.lines().find(|l| l.contains(&start)).unwrap_or_else(|| panic!("{start}: {screen}"));
        let percent =
            if fit.shared_only() { format!("({}%)", fit.percent) } else { format!("{}%", fit.percent) };
        assert!(row.contains(&percent), "{row} lacks {percent}");
    }
    // The footer names the detail's own keys.
    assert!(screen.contains("Enter ir a la afín"), "{screen}");
    // Tab leaves it for the functions, Shift+Tab for the list it belongs to.
    app.press(KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Functions);
    app.char('a');
    app.press(KeyCode::BackTab);
    assert_eq!(app.focus(), Pane::Occupations);
}

#[test]
fn enter_on_a_related_occupation_goes_there_even_in_another_sector() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_cashiers(dir.path(), Lang::Es);
    let set = app.model.catalog.clone();
    let home = set.occupation(CASHIER).unwrap().sector.clone();
    app.char('a');
    let related = app.ws().related(&set);
    let (n, away) =
        related.iter().enumerate().find(|(_, o)| o.sector != home).expect("one in another sector");
    for _ in 0..n {
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Enter);
    assert_eq!(app.occupation().as_deref(), Some(away.id.as_str()));
    assert_eq!(set.sectors().nth(app.ws().sector).unwrap().id, away.sector, "its sector is selected");
    assert_eq!(app.ws().session.focus.occupation.as_deref(), Some(away.id.as_str()), "recorded for resume");
    assert_eq!((app.focus(), app.ws().related), (Pane::Detail, 0), "still in the detail, on its first row");
}

#[test]
fn the_detail_explains_the_level_names_dane_and_shows_the_whole_name_the_list_cuts() {
    for (lang, level, source) in [
        (Lang::Es, "Nivel de competencia 2 de 4: tareas como manejar maquinaria", "Fuente: DANE, CUOC 2025"),
        (Lang::En, "Competency level 2 of 4: tasks such as operating machinery", "Source: DANE, CUOC 2025"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = on_cashiers(dir.path(), lang);
        app.send(Msg::Resize(120, 40));
        let screen = app.screen_text();
        // The left column only (the detail's), its lines joined as one text.
        let left: Vec<String> = screen.lines().map(|l| l.chars().take(48).collect()).collect();
        let flat = left.join(" ").replace(['│', '┃'], " ").split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(level), "{screen}");
        assert!(screen.contains(source), "{screen}");
        // DANE writes "Cajeros de comercio, … / Cajeras de comercio, …": the detail says it whole.
        assert!(flat.contains("/ Cajeras de comercio, taquilleros y expendedores de boletas"), "{screen}");
        let list_rows: Vec<&str> = screen.lines().filter(|l| l.contains("Cajeros de comercio")).collect();
        assert!(list_rows.iter().any(|l| !l.contains('/')), "the list shows the first form: {list_rows:?}");
    }
}

#[test]
fn exports_name_dane_as_the_source_of_cuoc_occupations() {
    let dir = tempfile::tempdir().unwrap();
    let app = on_cashiers(dir.path(), Lang::Es);
    let set = app.model.catalog.clone();
    for format in [Format::Markdown, Format::Html, Format::Json] {
        let text = render(&app.ws().session, &set, Lang::Es, format, Default::default(), &app.model.tz);
        assert!(text.contains("Cajeros de comercio"), "{format:?}: the cashiers are in it");
        assert!(text.contains("(DANE)"), "{format:?} names DANE as a source:\n{text}");
    }
}

#[test]
fn snapshots_of_the_focused_detail() {
    for lang in [Lang::Es, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let dir = tempfile::tempdir().unwrap();
            let mut app = on_cashiers(dir.path(), lang);
            app.send(Msg::Resize(w, h));
            app.char('a');
            app.press(KeyCode::Down);
            let code = if lang == Lang::Es { "es" } else { "en" };
            // The header's clock is the real one in a keyflow: kept out of the snapshot.
            let mut lines = app.screen();
            lines[0] = lines[0].chars().take(13).collect();
            insta::assert_snapshot!(format!("detail_focused__{code}_{w}x{h}"), lines.join("\n"));
        }
    }
}
