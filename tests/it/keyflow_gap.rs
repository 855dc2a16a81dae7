//! Keyflow tests of issue 14's gap popup (`g`): a list with a cursor that scrolls (no "… +N" dead end),
//! shows where it is ("3/17", "↑ más", "↓ más"), marks its items in place with `2`, `1`, `0` and Space,
//! shortlists its programs in place with Space, tells essential items from optional ones, and takes the
//! mouse. Also a CUOC occupation's long gap, walked to its end.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cuoc_support::{cuoc_catalog, start_cuoc};
use crate::keyflow_support::{App, click, mouse};
use crossterm::event::{KeyCode, MouseEventKind};
use rumbo::app::{GapRow, GapView, Msg, Overlay, Pane, Persistence};
use rumbo::catalog::Importance;
use rumbo::config::Config;
use rumbo::i18n::Lang;
use rumbo::session::{MarkKind, MarkLevel};

/// A session with consent on the built-in catalog's first occupation, its gap open.
fn gap_open(dir: &std::path::Path) -> App {
    let mut app = App::start(dir);
    app.new_session("Ana", None, true);
    app.press(KeyCode::Enter);
    app.char('g');
    assert!(matches!(app.ws().overlay, Some(Overlay::Gap(_))), "g opens the gap");
    app
}

fn view(app: &App) -> &GapView {
    match &app.ws().overlay {
        Some(Overlay::Gap(view)) => view,
        _ => panic!("the gap is not open"),
    }
}

/// The row's text as the popup starts it (rows are cut at the popup's width).
fn text(row: &GapRow) -> String {
    let full = match row {
        GapRow::Item(item) => item.text.clone(),
        GapRow::Program(p) => format!("{} — {}", p.institution, p.name),
    };
    full.chars().take(20).collect()
}

/// The screen row that shows `needle`, if any.
fn row_of(app: &App, needle: &str) -> Option<usize> {
    app.screen().iter().position(|line| line.contains(needle))
}

#[test]
fn the_list_keys_reach_every_row_with_its_position_and_no_dead_end_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = gap_open(dir.path());
    let rows = view(&app).rows.clone();
    let n = rows.len();
    assert!(n > 14, "more rows than the popup shows at 80×24: {n}");
    let screen = app.screen_text();
    assert!(!screen.contains("… +"), "no dead end: {screen}");
    assert!(screen.contains(&format!(" 1/{n} ")) && screen.contains("↓ más"), "{screen}");
    assert!(!screen.contains("↑ más"), "{screen}");
    let last = text(&rows[n - 1]);
    assert!(!screen.contains(&last), "the last program is below: {screen}");

    // Every row, one Down at a time: each shows under the cursor, with its position.
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(view(&app).selected, i);
        let screen = app.screen_text();
        assert!(screen.contains(&text(row)), "row {i} in sight: {screen}");
        assert!(screen.contains(&format!(" {}/{n} ", i + 1)), "{screen}");
        app.press(KeyCode::Down);
    }
    assert_eq!(view(&app).selected, n - 1, "Down stops at the last row");
    let screen = app.screen_text();
    assert!(screen.contains("↑ más") && !screen.contains("↓ más"), "at the end: {screen}");

    app.press(KeyCode::Home);
    assert_eq!(view(&app).selected, 0);
    app.press(KeyCode::PageDown);
    assert_eq!(view(&app).selected, 10);
    app.press(KeyCode::PageUp);
    assert_eq!(view(&app).selected, 0);
    app.press(KeyCode::End);
    assert_eq!(view(&app).selected, n - 1);
    assert!(app.screen_text().contains(&last));
    app.char('k');
    assert_eq!(view(&app).selected, n - 2, "k as ↑, as in every list");
    app.char('j');
    assert_eq!(view(&app).selected, n - 1);
    // Nothing moved under the popup.
    assert_eq!((app.ws().occupation, app.ws().function), (0, 0));
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());
}

#[test]
fn two_one_zero_and_space_mark_an_item_in_place_the_fit_follows_and_the_mark_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = gap_open(dir.path());
    let occupation = app.occupation().unwrap();
    let GapRow::Item(item) = view(&app).rows[0].clone() else { panic!("an item first") };
    assert_eq!(item.kind, MarkKind::Function);
    let needle = text(&GapRow::Item(item.clone()));
    let level = |app: &App| app.ws().session.mark_of(item.kind, &item.id);
    let before = app.screen_text();
    assert!(before.contains(&format!("○ {needle}")) && before.contains("Ajuste: 0 %"), "{before}");
    let at = row_of(&app, &needle).unwrap();

    app.char('2');
    assert_eq!(level(&app), Some(MarkLevel::Has), "one key for la tiene");
    let screen = app.screen_text();
    assert!(screen.contains(&format!("● {needle}")), "the mark shows at once: {screen}");
    assert!(!screen.contains("Ajuste: 0 %") && screen.contains("funciones 1/"), "the fit follows: {screen}");
    assert_eq!(row_of(&app, &needle), Some(at), "the row stays where it was, under the cursor");
    assert_eq!(view(&app).selected, 0);
    // Saved as any mark is, with the occupation it was marked for.
    assert_eq!(app.ws().persistence, Persistence::Pending);
    app.send(Msg::SaveDue);
    let saved = app.saved();
    assert_eq!(saved.mark_of(item.kind, &item.id), Some(MarkLevel::Has));
    let mark = saved.marks.iter().find(|m| m.id == item.id).unwrap();
    assert_eq!(mark.occupation.as_deref(), Some(occupation.as_str()));

    app.char('1');
    assert_eq!(level(&app), Some(MarkLevel::InDevelopment));
    assert!(app.screen_text().contains(&format!("◐ {needle}")));
    app.char('0');
    assert_eq!(level(&app), None);
    assert!(app.screen_text().contains(&format!("○ {needle}")));
    app.char(' ');
    assert_eq!(level(&app), Some(MarkLevel::InDevelopment), "Space still cycles");
    app.char(' ');
    assert_eq!(level(&app), Some(MarkLevel::Has));
    assert_eq!(row_of(&app, &needle), Some(at));

    // The same mark the Funciones pane shows; reopened, the gap no longer lists what the person has.
    app.press(KeyCode::Esc);
    assert!(app.screen_text().contains(&format!("● {}", &needle)), "{}", app.screen_text());
    app.char('g');
    assert!(view(&app).rows.iter().all(|r| !matches!(r, GapRow::Item(i) if i.id == item.id)));

    // A competency takes its mark without an occupation, as in Competencias.
    let competency =
        view(&app).rows.iter().position(|r| matches!(r, GapRow::Item(i) if i.kind == MarkKind::Competency));
    for _ in 0..competency.unwrap() {
        app.press(KeyCode::Down);
    }
    let GapRow::Item(skill) = view(&app).current().cloned().unwrap() else { panic!() };
    app.char('1');
    let marked = app.ws().session.marks.iter().find(|m| m.id == skill.id).unwrap().clone();
    assert_eq!((marked.level, marked.occupation), (MarkLevel::InDevelopment, None));
}

#[test]
fn space_shortlists_a_program_in_place_as_in_programas_and_the_digits_leave_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = gap_open(dir.path());
    app.press(KeyCode::End);
    let GapRow::Program(program) = view(&app).current().cloned().unwrap() else { panic!("a program last") };
    let needle = text(&GapRow::Program(program.clone()));
    let at = row_of(&app, &needle).unwrap();
    let footer = app.screen_text();
    assert!(footer.contains("Espacio elegir programa"), "the footer says what Space does here: {footer}");
    assert!(footer.contains(&format!("· {needle}")), "{footer}");

    app.char(' ');
    assert!(app.ws().session.is_shortlisted(&program.id));
    assert!(app.screen_text().contains(&format!("✓ {needle}")), "{}", app.screen_text());
    // Shortlisted programs sort first when the gap opens; in place, it stays put.
    assert_eq!(row_of(&app, &needle), Some(at));
    assert_eq!(view(&app).selected, view(&app).rows.len() - 1);
    for c in ['2', '1', '0'] {
        app.char(c);
        assert!(app.ws().session.is_shortlisted(&program.id), "{c} unlisted a program");
    }
    assert!(app.ws().session.marks.is_empty(), "the digits mark nothing on a program");
    app.send(Msg::SaveDue);
    assert!(app.saved().is_shortlisted(&program.id), "saved");

    // The Programas pane shows the same choice.
    app.press(KeyCode::Esc);
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Programs);
    app.press(KeyCode::End);
    let name: String = program.name.chars().take(15).collect();
    assert!(app.screen_text().contains(&format!("✓ {name}")), "{}", app.screen_text());
    app.char('g');
    app.press(KeyCode::End);
    let GapRow::Program(last) = view(&app).current().cloned().unwrap() else { panic!() };
    assert_ne!(last.id, program.id, "reopened, the shortlisted program comes first");
    let first = view(&app).rows.iter().position(|r| matches!(r, GapRow::Program(_))).unwrap();
    for _ in first..view(&app).rows.len() - 1 {
        app.press(KeyCode::Up);
    }
    let GapRow::Program(p) = view(&app).current().cloned().unwrap() else { panic!() };
    assert_eq!(p.id, program.id);
    app.char(' ');
    assert!(!app.ws().session.is_shortlisted(&program.id), "Space again takes it off");
}

#[test]
fn a_read_only_session_takes_no_mark_and_no_shortlist_in_the_gap() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = gap_open(dir.path());
    app.ws_mut().persistence = Persistence::ReadOnly;
    for c in ['2', '1', ' ', '0'] {
        app.char(c);
    }
    app.press(KeyCode::End);
    app.char(' ');
    assert!(app.ws().session.marks.is_empty() && app.ws().session.shortlist.is_empty());
    assert!(matches!(app.ws().overlay, Some(Overlay::Gap(_))), "and the gap stays open");
}

#[test]
fn essential_items_come_first_under_their_heading_and_optional_ones_say_so_in_both_languages() {
    for (lang, essential, optional, word) in [
        (Lang::Es, "Esenciales que le faltan", "Opcionales que le faltan", "(opcional)"),
        (Lang::En, "Essential, not yet held", "Optional, not yet held", "(optional)"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::start(dir.path());
        app.model.lang = lang;
        app.new_session("Ana", None, true);
        app.press(KeyCode::Enter);
        app.char('g');
        let rows = view(&app).rows.clone();
        let importance: Vec<Importance> = rows
            .iter()
            .filter_map(|r| match r {
                GapRow::Item(i) => Some(i.importance),
                GapRow::Program(_) => None,
            })
            .collect();
        assert!(importance.contains(&Importance::Optional), "the first occupation has an optional item");
        assert!(
            importance.is_sorted_by_key(|i| *i == Importance::Optional),
            "essential first: {importance:?}"
        );
        let first_optional = rows
            .iter()
            .position(|r| matches!(r, GapRow::Item(i) if i.importance == Importance::Optional))
            .unwrap();
        for _ in 0..first_optional {
            app.press(KeyCode::Down);
        }
        let screen = app.screen();
        let at = |needle: &str| screen.iter().position(|l| l.contains(needle));
        let optional_row = at(&format!("{} {word}", text(&rows[first_optional]).trim_end())).or(at(word));
        let (e, o, r) = (at(essential), at(optional).unwrap(), optional_row.unwrap());
        assert!(e.is_none_or(|e| e < o) && o < r, "{screen:#?}");
        assert!(screen.iter().any(|l| l.contains(if lang == Lang::Es {
            "cuentan para el ajuste"
        } else {
            "count for the fit"
        })));
    }
}

#[test]
fn a_click_selects_a_row_a_second_click_marks_it_and_the_wheel_moves_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = gap_open(dir.path());
    let GapRow::Item(item) = view(&app).rows[2].clone() else { panic!() };
    let needle = text(&GapRow::Item(item.clone()));
    let y = u16::try_from(row_of(&app, &needle).unwrap()).unwrap();
    app.pointer(click(10, y));
    assert_eq!(view(&app).selected, 2, "a click selects the row under it");
    assert_eq!(app.ws().session.mark_of(item.kind, &item.id), None);
    app.pointer(click(10, y));
    assert_eq!(app.ws().session.mark_of(item.kind, &item.id), Some(MarkLevel::InDevelopment), "as Space");
    // A heading is no row.
    let heading = u16::try_from(row_of(&app, "Esenciales que le faltan").unwrap()).unwrap();
    app.pointer(click(10, heading));
    assert_eq!(view(&app).selected, 2);
    app.pointer(mouse(MouseEventKind::ScrollDown, 10, y));
    assert_eq!(view(&app).selected, 3);
    app.pointer(mouse(MouseEventKind::ScrollUp, 10, y));
    app.pointer(mouse(MouseEventKind::ScrollUp, 10, y));
    assert_eq!(view(&app).selected, 1);
    // The panes under the popup take no click.
    app.pointer(click(0, 23));
    assert!(matches!(app.ws().overlay, Some(Overlay::Gap(_))));
    assert_eq!(app.ws().occupation, 0);
}

#[test]
fn the_legend_and_the_footer_name_the_keys_of_the_keymap_even_moved_ones() {
    let dir = tempfile::tempdir().unwrap();
    let app = gap_open(dir.path());
    let screen = app.screen();
    let border = screen.iter().find(|l| l.starts_with('╚')).unwrap();
    assert!(border.contains("● la tiene (2) · ◐ en desarrollo (1) · ○ sin marcar (0)"), "{border}");
    assert!(
        screen[22].contains("↑↓ elegir · Espacio marcar · RePág/AvPág página · Esc cerrar"),
        "{screen:#?}"
    );

    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("config.ron"),
        "Config(keys: (marcar_la_tiene: \"h\", marcar: \"x\", cerrar: \"f10\"))\n",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.model.keymap = Config::load(home.path()).unwrap().keymap().unwrap();
    app.new_session("Ana", None, true);
    app.press(KeyCode::Enter);
    app.char('g');
    let screen = app.screen_text();
    assert!(
        screen.contains("● la tiene (h)") && screen.contains("x marcar") && screen.contains("F10 cerrar"),
        "{screen}"
    );
    let GapRow::Item(item) = view(&app).rows[0].clone() else { panic!() };
    app.char('h');
    assert_eq!(app.ws().session.mark_of(item.kind, &item.id), Some(MarkLevel::Has));
    app.char('x');
    assert_eq!(app.ws().session.mark_of(item.kind, &item.id), None, "x cycles, as Space did");
    app.press(KeyCode::F(10));
    assert!(app.ws().overlay.is_none());
}

/// The CUOC occupation with the longest gap: every row reachable, marked in place, at 80×24.
#[test]
fn a_long_cuoc_gap_is_walked_to_its_end_and_marked_in_place() {
    let (set, _) = cuoc_catalog();
    let longest = set
        .occupations()
        .filter(|o| o.source == "dane-cuoc-2025")
        .max_by_key(|o| o.functions.len() + o.competencies.len() + set.programs_for(&o.id).len())
        .unwrap()
        .clone();
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    let ws = app.ws_mut();
    ws.sector = set.sectors().position(|s| s.id == longest.sector).unwrap();
    let occupations = app.ws().occupations(&set);
    let index = occupations.iter().position(|o| o.id == longest.id).unwrap();
    app.ws_mut().occupation = index;
    app.press(KeyCode::Tab);
    app.char('g');
    assert_eq!(view(&app).occupation, longest.id);
    let n = view(&app).rows.len();
    assert!(n > 30, "a long gap: {n} rows");
    app.press(KeyCode::End);
    let last = text(view(&app).current().unwrap());
    let screen = app.screen_text();
    assert!(screen.contains(&last) && screen.contains(&format!(" {n}/{n} ")), "{screen}");
    assert!(!screen.contains("… +"), "{screen}");
    // In the middle: more above and below, and the item there takes a mark in place.
    app.press(KeyCode::Home);
    for _ in 0..n / 2 {
        app.press(KeyCode::Down);
    }
    let screen = app.screen_text();
    assert!(screen.contains("↑ más") && screen.contains("↓ más"), "{screen}");
    let middle = view(&app).current().cloned().unwrap();
    let needle = text(&middle);
    let at = row_of(&app, &needle).unwrap();
    let GapRow::Item(item) = &middle else { panic!("an item in the middle: {middle:?}") };
    app.char('2');
    assert_eq!(app.ws().session.mark_of(item.kind, &item.id), Some(MarkLevel::Has));
    assert!(app.screen_text().contains(&format!("● {needle}")), "{}", app.screen_text());
    assert_eq!(row_of(&app, &needle), Some(at));
}
