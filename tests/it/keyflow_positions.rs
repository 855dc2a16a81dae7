//! Issue 14: every list says where its cursor is, "↑ 7/15 ↓", as the panes do: the best-fit view (`m`),
//! the search results, Experiencia's lists, the sessions list and the kiosk visitor's lists. The arrows
//! come and go as rows are hidden above and below.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::best_fit::{cashier, cuoc_bpo};
use crate::keyflow_support::{App, catalog};
use crate::kiosk_visit_support::{Visitor, kiosk_model};
use crossterm::event::KeyCode;
use jiff::Timestamp;
use rumbo::app::kiosk_visit::Step;
use rumbo::app::{Msg, Overlay};
use rumbo::runtime::Runner;
use rumbo::session::{Session, SessionStore};

/// A position as a list draws it: (rows hidden above, selected from 1, rows, rows hidden below).
type Position = (bool, usize, usize, bool);

/// Every " 3/15 ", " ↑ 3/15 ↓ "… on `line`.
fn positions(line: &str) -> Vec<Position> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    for (at, c) in chars.iter().enumerate() {
        if *c != '/' {
            continue;
        }
        let start = (0..at).rev().take_while(|&i| chars[i].is_ascii_digit()).last();
        let end = (at + 1..chars.len()).take_while(|&i| chars[i].is_ascii_digit()).last();
        let (Some(start), Some(end)) = (start, end) else { continue };
        // Framed by spaces, as `ui::list::position` writes it (not a date, not "funciones 4/9").
        if start == 0 || chars[start - 1] != ' ' || chars.get(end + 1) != Some(&' ') {
            continue;
        }
        let number = |from: usize, to: usize| chars[from..=to].iter().collect::<String>().parse().unwrap();
        let up = start >= 3 && chars[start - 3] == ' ' && chars[start - 2] == '↑';
        let down = chars.get(end + 2) == Some(&'↓');
        found.push((up, number(start, at - 1), number(at + 1, end), down));
    }
    found
}

/// The one position on row `y` of `screen`.
fn position_on(screen: &[String], y: usize) -> Position {
    let found = positions(&screen[y]);
    assert_eq!(found.len(), 1, "one position on row {y}:\n{}", screen.join("\n"));
    found[0]
}

/// The row holding `text`.
fn row_of(screen: &[String], text: &str) -> usize {
    screen.iter().position(|l| l.contains(text)).unwrap_or_else(|| panic!("{text:?}:\n{}", screen.join("\n")))
}

/// A session open at 80×24 with CUOC 2025 beside the BPO catalog (titles to find, many occupations):
/// the cashier of the best-fit tests, who holds enough to fit hundreds of occupations.
fn workspace(dir: &std::path::Path) -> App {
    let (set, index) = cuoc_bpo();
    let mut model = rumbo::app::Model::new(rumbo::i18n::Lang::Es, set.clone(), index);
    model.size = (80, 24);
    let mut runner = Runner::new(dir).unwrap();
    runner.start(&mut model);
    let mut app = App { model, runner, dir: dir.to_path_buf() };
    app.send(Msg::SessionOpened { session: Box::new(cashier(&set)), read_only: false });
    app
}

#[test]
fn the_best_fit_view_says_where_its_cursor_is_on_its_border() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = workspace(dir.path());
    app.char('m');
    let total = match &app.ws().overlay {
        Some(Overlay::BestFit(_)) => app.ws().best_fits(&app.model.catalog).rows.len(),
        _ => panic!("m opens the best-fit view"),
    };
    assert!(total > 10, "enough occupations to scroll: {total}");
    let screen = app.screen();
    let border = row_of(&screen, "Mejor ajuste");
    assert_eq!(position_on(&screen, border), (false, 1, total, true));
    for _ in 0..9 {
        app.press(KeyCode::Down);
    }
    assert_eq!(position_on(&app.screen(), border), (true, 10, total, true), "scrolled: rows above and below");
    app.press(KeyCode::End);
    assert_eq!(position_on(&app.screen(), border), (true, total, total, false), "at the end: none below");
    app.press(KeyCode::Home);
    assert_eq!(position_on(&app.screen(), border), (false, 1, total, true));
}

#[test]
fn the_search_results_say_where_the_cursor_is_on_the_border() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = workspace(dir.path());
    app.char('/');
    app.type_text("clientes");
    let total = match &app.ws().overlay {
        Some(Overlay::Search(search)) => search.hits.len(),
        _ => panic!("/ opens the search"),
    };
    assert!(total > 20, "enough results to scroll: {total}");
    let screen = app.screen();
    let border = row_of(&screen, "Buscar en el catálogo");
    assert_eq!(position_on(&screen, border), (false, 1, total, true));
    let mut seen = Vec::new();
    while seen.last().is_none_or(|p: &Position| p.1 < total) {
        app.press(KeyCode::PageDown);
        seen.push(position_on(&app.screen(), border));
    }
    assert_eq!(seen[0], (false, seen[0].1, total, true), "a page on, still at the top: {seen:?}");
    assert_eq!(seen[1], (true, seen[1].1, total, true), "another page on, rows above too: {seen:?}");
    assert_eq!(seen.last(), Some(&(true, total, total, false)), "at the end: {seen:?}");
    app.type_text("zzzz");
    let screen = app.screen();
    assert!(positions(&screen[border]).is_empty(), "no results, no position: {}", screen[border]);
}

#[test]
fn experiencia_says_where_the_cursor_is_in_each_of_its_lists() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = workspace(dir.path());
    app.char('l');
    assert!(matches!(app.ws().overlay, Some(Overlay::Experience(_))), "l opens Experiencia");
    app.type_text("cajera");
    let total = match &app.ws().overlay {
        Some(Overlay::Experience(panel)) => panel.results.len(),
        _ => unreachable!(),
    };
    let screen = app.screen();
    let prompt = row_of(&screen, "Cargo: cajera");
    assert_eq!(position_on(&screen, prompt), (false, 1, total, true));
    for _ in 0..6 {
        app.press(KeyCode::Down);
    }
    assert_eq!(position_on(&app.screen(), prompt), (true, 7, total, true));
    // The job chosen: its items list says where its cursor is on its heading line.
    app.press(KeyCode::Enter);
    let Some(Overlay::Experience(panel)) = &app.ws().overlay else { panic!("still open") };
    assert_eq!(app.ws().session.past_jobs.len(), 1, "Enter adds the job");
    let items = panel.items(&app.ws().session, &app.model.catalog).len();
    let screen = app.screen();
    let jobs = row_of(&screen, "Trabajos");
    assert_eq!(position_on(&screen, jobs), (false, 1, 1, false), "{}", screen.join("\n"));
    let heading = row_of(&screen, "De «");
    assert!(items > 3, "items: {items}");
    let (up, at, len, _) = position_on(&screen, heading);
    assert_eq!((up, at, len), (false, 1, items));
}

#[test]
fn the_sessions_list_says_where_the_cursor_is_on_its_border() {
    let dir = tempfile::tempdir().unwrap();
    let (set, _) = catalog();
    let store = SessionStore::open(dir.path()).unwrap();
    let created: Timestamp = "2026-01-05T09:00:00Z".parse().unwrap();
    for i in 0..20 {
        let mut s = Session::new(&format!("Persona {i}"), "Luz", created, &set).unwrap();
        s.give_consent(created, "ley-1581-2012/v1");
        s.touch(created + jiff::SignedDuration::from_mins(i));
        store.save(&s).unwrap();
    }
    let mut app = App::start(dir.path());
    // 80×24 has room for 17 rows: the rest are hidden below, then above.
    app.model.size = (80, 24);
    let screen = app.screen();
    assert_eq!(position_on(&screen, 1), (false, 1, 20, true), "{}", screen.join("\n"));
    for _ in 0..17 {
        app.press(KeyCode::Down);
    }
    assert_eq!(position_on(&app.screen(), 1), (true, 18, 20, true));
    app.press(KeyCode::End);
    assert_eq!(position_on(&app.screen(), 1), (true, 20, 20, false));
}

#[test]
fn the_kiosk_lists_say_where_the_visitor_is_on_the_box() {
    let dir = tempfile::tempdir().unwrap();
    let mut visitor = Visitor::start(dir.path());
    // CUOC 2025's job titles, so a word matches more titles than fit.
    let (set, index) = cuoc_bpo();
    let mut model = kiosk_model(Timestamp::now());
    (model.catalog, model.index) = (set, index);
    visitor.model = model;
    visitor.begin("Valentina", true);
    visitor.press(KeyCode::Enter);
    visitor.type_text("auxiliar");
    let total = match visitor.step() {
        Step::Title(search) => search.matches.len(),
        other => panic!("{other:?}"),
    };
    assert_eq!(total, rumbo::app::kiosk_visit::TITLE_RESULTS, "matches");
    let screen = visitor.screen();
    assert_eq!(position_on(&screen, 1), (false, 1, total, false), "{}", screen.join("\n"));
    visitor.press(KeyCode::Down);
    assert_eq!(position_on(&visitor.screen(), 1), (false, 2, total, false));
    // The sectors, CUOC's with the BPO one: more than the box shows.
    visitor.press(KeyCode::Esc);
    visitor.press(KeyCode::Down);
    visitor.press(KeyCode::Enter);
    assert!(matches!(visitor.step(), Step::Sector(_)), "{}", visitor.text());
    let sectors = visitor.model.catalog.sectors().count();
    assert!(sectors > 20, "sectors: {sectors}");
    let screen = visitor.screen();
    assert_eq!(position_on(&screen, 1), (false, 1, sectors, true), "{}", screen.join("\n"));
    for _ in 0..sectors {
        visitor.press(KeyCode::Down);
    }
    let screen = visitor.screen();
    assert_eq!(position_on(&screen, 1), (true, sectors, sectors, false), "{}", screen.join("\n"));
}
