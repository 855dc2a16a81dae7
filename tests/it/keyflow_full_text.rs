//! Keyflow tests of issue 14's full text: `v` (`ver_texto_completo`) opens the whole text of what is
//! selected in the focused pane (and in the best fit and Experiencia), it scrolls with the list keys and
//! the wheel, and `v`, Esc or a click outside close it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cuoc_support::start_cuoc;
use crate::keyflow_support::{App, mouse};
use crossterm::event::{KeyCode, MouseEventKind};
use rumbo::app::{DetailTab, Overlay, Pane};
use rumbo::catalog::Occupation;
use rumbo::i18n::Lang;

/// The CUOC occupation with the longest name (245 characters), selected and focused.
fn longest(app: &mut App) -> Occupation {
    let set = app.model.catalog.clone();
    let o = set.occupations().max_by_key(|o| o.title.chars().count()).unwrap().clone();
    select(app, &o.id);
    o
}

fn select(app: &mut App, id: &str) {
    let set = app.model.catalog.clone();
    let o = set.occupation(id).unwrap();
    let ws = app.ws_mut();
    ws.sector = set.sectors().position(|s| s.id == o.sector).unwrap();
    ws.occupation = ws.occupations(&set).iter().position(|x| x.id == id).unwrap();
    ws.focus = Pane::Occupations;
}

fn open(app: &App) -> bool {
    matches!(app.ws().overlay, Some(Overlay::FullText(_)))
}

/// The popup's text joined into one line per screen, borders and padding taken off, so that a text the
/// popup wrapped can be looked for whole.
fn popup_text(app: &App) -> String {
    let mut words = Vec::new();
    for line in app.screen() {
        for word in line.split(|c| "║│┃".contains(c)).nth(1).unwrap_or("").split_whitespace() {
            words.push(word.to_string());
        }
    }
    words.join(" ")
}

fn scroll_offset(app: &App) -> usize {
    match &app.ws().overlay {
        Some(Overlay::FullText(full)) => full.scroll.offset,
        _ => panic!("the full text is not open"),
    }
}

/// Reads the whole popup by scrolling it a line at a time, as a counselor would.
fn read_all(app: &mut App) -> String {
    let mut seen = popup_text(app);
    for _ in 0..200 {
        let before = scroll_offset(app);
        app.press(KeyCode::Down);
        if scroll_offset(app) == before {
            break;
        }
        seen.push(' ');
        seen.push_str(&popup_text(app));
    }
    seen
}

#[test]
fn v_shows_every_form_of_the_longest_cuoc_name_its_code_and_whole_description_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    let o = longest(&mut app);
    assert!(o.title.chars().count() >= 245, "{}", o.title);
    app.char('v');
    assert!(open(&app), "v opens the full text");
    let screen = app.screen_text();
    assert!(screen.contains("Texto completo: ocupación"), "{screen}");
    assert!(screen.contains("↓ más"), "the border says there is more below: {screen}");
    let all = read_all(&mut app);
    let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for form in o.title.split(" / ") {
        assert!(squeeze(&all).contains(&squeeze(form)), "form {form:?} not shown whole:\n{all}");
    }
    // The end of the description, which the detail under the list cuts.
    let tail: String = o
        .description
        .split_whitespace()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains(&tail), "description's end {tail:?} not shown:\n{all}");
    assert!(all.contains(&o.codes[0].code), "{all}");
    assert!(all.contains("Fuente: DANE, CUOC 2025"), "{all}");
    let screen = app.screen_text();
    assert!(screen.contains("↑ más"), "scrolled, the border says there is more above: {screen}");
    // Scrolling stops at the last line; Home goes back to the first.
    let end = scroll_offset(&app);
    app.press(KeyCode::PageDown);
    assert_eq!(scroll_offset(&app), end, "never past the last line");
    app.press(KeyCode::Home);
    assert_eq!(scroll_offset(&app), 0);
    app.press(KeyCode::PageDown);
    assert!(scroll_offset(&app) > 0, "PgDn scrolls");
    app.press(KeyCode::PageUp);
    assert_eq!(scroll_offset(&app), 0, "PgUp scrolls back");
    // `v` closes it, Esc too; the selection is where it was.
    app.char('v');
    assert!(!open(&app), "v closes it");
    app.char('v');
    app.press(KeyCode::Esc);
    assert!(!open(&app), "Esc closes it");
    assert_eq!(app.occupation().as_deref(), Some(o.id.as_str()));
}

#[test]
fn v_in_each_pane_shows_what_is_selected_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    let set = app.model.catalog.clone();
    let sector = set.sectors().next().unwrap().clone();
    app.char('v');
    assert!(open(&app));
    assert!(popup_text(&app).contains(&sector.name), "{}", app.screen_text());
    app.char('v');

    app.press(KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Occupations);
    let occupation = set.occupation(&app.occupation().unwrap()).unwrap().clone();
    app.char('v');
    let text = popup_text(&app);
    assert!(text.contains(&occupation.title), "{text}");
    app.char('v');

    app.press(KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Functions);
    app.press(KeyCode::Down);
    let function = &occupation.functions[1];
    app.char('2');
    app.char('v');
    let text = popup_text(&app);
    assert!(
        text.contains("Texto completo: función") || app.screen_text().contains("Texto completo: función")
    );
    let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&squeeze(&function.text)), "{text}");
    assert!(text.contains("Marca: ● la tiene"), "{text}");
    assert!(text.contains(&format!("De la ocupación: {}", occupation.title)), "{text}");
    app.char('v');

    app.press(KeyCode::Right);
    assert_eq!(app.ws().tab, DetailTab::Competencies);
    let need = &occupation.competencies[0];
    let competency = set.competency(&need.competency).unwrap();
    app.char('v');
    let text = popup_text(&app);
    assert!(text.contains(&squeeze(&competency.name)), "{text}");
    assert!(app.screen_text().contains("Texto completo: competencia"), "{}", app.screen_text());
    app.char('v');

    app.press(KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Programs);
    let program = set.programs_for(&occupation.id)[0].clone();
    app.char('v');
    let text = popup_text(&app);
    assert!(text.contains(&squeeze(&program.name)), "{text}");
    assert!(text.contains(&squeeze(&program.institution)), "{text}");
    app.press(KeyCode::Esc);
    assert!(!open(&app));
}

#[test]
fn v_in_the_best_fit_shows_the_chosen_occupation_and_closing_returns_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    app.press(KeyCode::Enter);
    app.press(KeyCode::Enter);
    app.char('2');
    app.char('m');
    assert!(matches!(app.ws().overlay, Some(Overlay::BestFit(_))));
    let set = app.model.catalog.clone();
    let first = app.ws().best_fits(&set).rows[0].occupation.title.clone();
    app.char('v');
    assert!(open(&app));
    assert!(popup_text(&app).contains(&first), "{}", app.screen_text());
    app.char('v');
    assert!(matches!(app.ws().overlay, Some(Overlay::BestFit(_))), "back to the best fit");
    app.char('v');
    app.press(KeyCode::Esc);
    assert!(matches!(app.ws().overlay, Some(Overlay::BestFit(_))), "Esc also goes back to it");
}

#[test]
fn the_wheel_scrolls_the_popup_and_a_click_outside_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    longest(&mut app);
    app.char('v');
    // Over the popup's middle, the wheel scrolls it.
    app.pointer(mouse(MouseEventKind::ScrollDown, 40, 12));
    assert_eq!(scroll_offset(&app), 1, "{}", app.screen_text());
    app.pointer(mouse(MouseEventKind::ScrollUp, 40, 12));
    assert_eq!(scroll_offset(&app), 0);
    // A click inside keeps it open; one outside it (the header's line) closes it.
    app.pointer(crate::keyflow_support::click(40, 12));
    assert!(open(&app), "a click on the popup keeps it");
    app.pointer(crate::keyflow_support::click(0, 0));
    assert!(!open(&app), "a click outside closes it");
    assert!(app.ws().overlay.is_none());
}
