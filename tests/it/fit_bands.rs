//! The fit percentage coloured by band wherever it is drawn (0 % never in a good value's colour), in
//! the default theme, the high-contrast one and under `NO_COLOR`; the occupation detail shows the fit
//! with its parts; the `?` help says what the percentage means and that it is no chance of being hired.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::App;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use rumbo::app::Pane;
use rumbo::i18n::Lang;
use rumbo::session::{MarkKind, MarkLevel, Standing, standings};
use rumbo::ui::theme::{Theme, ThemeName};

/// A session where "Auxiliares…" is held whole (100 %), "Técnicos…" by one function (a low fit) and
/// the rest by nothing of their own (0 %, or a bracketed fit of shared competencies).
fn app_with_fits(dir: &std::path::Path) -> App {
    let mut app = App::start(dir);
    app.new_session("Ana", None, true);
    let set = app.model.catalog.clone();
    let whole = set.occupation("auxiliar-servicio-cliente").unwrap();
    let one = set.occupation("tecnico-sistemas").unwrap();
    let session = &mut app.ws_mut().session;
    let has = Some(MarkLevel::Has);
    for f in whole.functions.iter().filter(|f| !f.catch_all) {
        session.set_mark(MarkKind::Function, &f.id, &f.text, Some(&whole.id), has);
    }
    for n in &whole.competencies {
        session.set_mark(MarkKind::Competency, &n.competency, &n.competency, Some(&whole.id), has);
    }
    let f = &one.functions[0];
    session.set_mark(MarkKind::Function, &f.id, &f.text, Some(&one.id), has);
    app
}

fn draw(app: &App, theme: &Theme, (w, h): (u16, u16)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| drop(rumbo::ui::view(&app.model, theme, f))).unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    (from..to).map(|x| buf[(x, y)].symbol()).collect()
}

/// The cell where the first digit of `NN%` at the end of row `y` (within `x0..x1`) is drawn.
fn percent_cell(buf: &Buffer, y: u16, x0: u16, x1: u16) -> (u16, u8) {
    let text = row_text(buf, y, x0, x1);
    let cells: Vec<&str> = (x0..x1).map(|x| buf[(x, y)].symbol()).collect();
    let end = cells.iter().rposition(|c| *c == "%").unwrap_or_else(|| panic!("no % in {text:?}"));
    let start = (0..end).rev().take_while(|&i| cells[i].chars().all(|c| c.is_ascii_digit())).last().unwrap();
    let p: u8 = cells[start..end].concat().parse().unwrap();
    (x0 + u16::try_from(start).unwrap(), p)
}

/// The style the band of `standing` must be drawn in, spelled out here rather than asked of the UI.
fn expected(theme: &Theme, standing: &Standing) -> Style {
    match standing.percent {
        _ if standing.shared_only() => theme.dim,
        0 => theme.fit_none,
        1..=39 => theme.fit_low,
        40..=69 => theme.fit_middle,
        _ => theme.fit_high,
    }
}

fn same(cell: &ratatui::buffer::Cell, style: Style) -> bool {
    style.fg.is_none_or(|fg| cell.fg == fg) && cell.modifier.contains(style.add_modifier)
}

#[test]
fn the_occupations_list_colours_each_fit_by_its_band_in_every_theme() {
    // A new session (every fit 0 %), then one with a high fit, a low one and shared competencies.
    let (fresh, marked) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut fresh_app = App::start(fresh.path());
    fresh_app.new_session("Luz", None, true);
    let apps = [fresh_app, app_with_fits(marked.path())];
    let set = apps[0].model.catalog.clone();
    let sector = set.sectors().next().unwrap().id.clone();
    let occupations: Vec<_> = set.occupations_in(&sector).collect();
    for (name, theme) in [
        ("normal", Theme::new(ThemeName::Normal, false)),
        ("alto-contraste", Theme::new(ThemeName::AltoContraste, false)),
        ("NO_COLOR", Theme::new(ThemeName::Normal, true)),
    ] {
        let mut seen = [false; 3];
        for (app, size) in apps.iter().flat_map(|app| [(app, (80, 24)), (app, (120, 40))]) {
            let fits = standings(&app.ws().session, &occupations);
            let buf = draw(app, &theme, size);
            let list = rumbo::ui::layout::workspace(Rect::new(0, 0, size.0, size.1), set.sectors().count())
                .list(Pane::Occupations);
            for (i, standing) in fits.iter().enumerate().take(usize::from(list.height)) {
                if i == app.ws().occupation {
                    continue; // the selected row is drawn in the selection's colours
                }
                let y = list.y + u16::try_from(i).unwrap();
                let (x, p) = percent_cell(&buf, y, list.x, list.right());
                assert_eq!(p, standing.percent, "{name} row {i}");
                let cell = &buf[(x, y)];
                assert!(same(cell, expected(&theme, standing)), "{name} {size:?}: {p} % drawn as {cell:?}");
                if !standing.shared_only() {
                    match p {
                        0 => seen[0] = true,
                        1..=39 => seen[1] = true,
                        70.. => seen[2] = true,
                        _ => {}
                    }
                }
                // 0 % never looks like a good value: not the high band's, not a held mark's.
                if p == 0 {
                    assert!(!same(cell, theme.fit_high) || theme.fit_high == theme.fit_none, "{name}");
                    assert!(!cell.modifier.contains(Modifier::BOLD), "{name}: 0 % is not bold");
                    if theme.has.fg.is_some() {
                        assert_ne!(Some(cell.fg), theme.has.fg, "{name}: 0 % in the colour of ●");
                    }
                }
            }
        }
        assert_eq!(seen, [true; 3], "{name}: 0 %, low and high all drawn");
    }
    // The colours themselves, as the README's themes promise them.
    let normal = Theme::new(ThemeName::Normal, false);
    assert_eq!(
        (normal.fit_none.fg, normal.fit_low.fg, normal.fit_high.fg),
        (Some(Color::Gray), Some(Color::Yellow), Some(Color::Green))
    );
    let high = Theme::new(ThemeName::AltoContraste, false);
    assert_eq!(
        (high.fit_none.fg, high.fit_low.fg, high.fit_high.fg),
        (Some(Color::White), Some(Color::LightYellow), Some(Color::LightGreen))
    );
}

#[test]
fn the_detail_shows_the_fit_with_its_parts_in_its_band() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_fits(dir.path());
    app.model.size = (120, 40);
    let theme = Theme::new(ThemeName::Normal, false);
    // The first occupation (nothing of its own marked), then "Auxiliares…" (all of it).
    let text = app.screen_text();
    assert!(!text.contains("Ajuste: 100 %"), "{text}");
    app.press(KeyCode::Tab);
    app.press(KeyCode::Down);
    assert_eq!(app.occupation().as_deref(), Some("auxiliar-servicio-cliente"));
    let text = app.screen_text();
    let set = app.model.catalog.clone();
    let parts = rumbo::session::parts_of(
        &app.ws().session,
        &set,
        set.occupation("auxiliar-servicio-cliente").unwrap(),
    );
    let (f, k) = (parts.functions, parts.competencies);
    let line = format!("Ajuste: 100 % · funciones {}/{}", f.held, f.needed);
    assert!(text.contains(&line), "{line} in:\n{text}");
    assert!(f.needed > 0 && (k.needed > 0 || parts.skills.needed > 0 || parts.knowledge.needed > 0));
    let buf = draw(&app, &theme, (120, 40));
    let y = (0..40).find(|&y| row_text(&buf, y, 0, 120).contains("Ajuste: 100 %")).unwrap();
    let x = row_text(&buf, y, 0, 120).find("Ajuste").unwrap();
    let x = u16::try_from(row_text(&buf, y, 0, 120)[..x].chars().count()).unwrap();
    assert!(same(&buf[(x + 8, y)], theme.fit_high), "{:?}", buf[(x + 8, y)]);

    // A low fit: "Técnicos…", one function of its own.
    app.press(KeyCode::Down);
    let text = app.screen_text();
    let y = text.lines().position(|l| l.contains("Ajuste: ")).unwrap();
    let line = text.lines().nth(y).unwrap();
    assert!(line.contains("funciones 1/"), "{line}");
    let buf = draw(&app, &theme, (120, 40));
    let x = u16::try_from(line[..line.find("Ajuste").unwrap()].chars().count()).unwrap();
    assert!(same(&buf[(x + 8, u16::try_from(y).unwrap())], theme.fit_low));
}

#[test]
fn the_help_says_what_the_fit_means_and_that_it_is_no_chance_of_being_hired() {
    for (lang, means, not) in [
        (Lang::Es, "ya está marcada", "No es la probabilidad de que contraten"),
        (Lang::En, "already marked", "not the chance of being hired"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::start(dir.path());
        app.model.lang = lang;
        app.new_session("Ana", None, true);
        app.model.size = (120, 40);
        app.char('?');
        for _ in 0..60 {
            app.press(KeyCode::Down);
        }
        // The help's own lines, between its side borders.
        let text: Vec<String> = app
            .screen()
            .iter()
            .filter_map(|row| {
                let (a, b) = (row.find('║')?, row.rfind('║')?);
                (a < b).then(|| row[a + '║'.len_utf8()..b].trim().to_string())
            })
            .collect();
        let text = text.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(means) && text.contains(not), "{lang:?}: {text}");
        assert!(text.contains("0%, 1-39%, 40-69%, 70-100%"), "the bands are said: {text}");
    }
}

#[test]
fn the_best_fit_view_colours_its_percentages_by_the_same_bands() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_fits(dir.path());
    app.model.size = (120, 40);
    let set = app.model.catalog.clone();
    let low = standings(&app.ws().session, &[set.occupation("tecnico-sistemas").unwrap()])[0];
    assert!((1..40).contains(&low.percent) && !low.shared_only(), "{low:?}");
    app.char('m');
    // Off the first two rows (the high fit, then the low one), which the selection would colour.
    app.press(KeyCode::Down);
    app.press(KeyCode::Down);
    for (name, theme) in [
        ("normal", Theme::new(ThemeName::Normal, false)),
        ("alto-contraste", Theme::new(ThemeName::AltoContraste, false)),
    ] {
        let buf = draw(&app, &theme, (120, 40));
        for (text, style) in [("100%", theme.fit_high), (&*format!(" {}%", low.percent), theme.fit_low)] {
            let y = (0..40)
                .find(|&y| row_text(&buf, y, 0, 120).contains(text))
                .unwrap_or_else(|| panic!("{text}"));
            let row = row_text(&buf, y, 0, 120);
            let x = u16::try_from(row[..row.find(text).unwrap()].chars().count()).unwrap();
            let x = x + u16::from(text.starts_with(' '));
            assert!(same(&buf[(x, y)], style), "{name}: {text} drawn as {:?}", buf[(x, y)]);
        }
    }
}
