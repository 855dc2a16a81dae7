//! Issue 14 (polish): the fit's band colour reaches the last two places that drew a percentage in one
//! colour: the gap popup's fit line (`g`) and the kiosk visitor's results. Checked cell by cell in the
//! default theme, the high-contrast one and under `NO_COLOR`, with the bands spelled out by the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::fit_bands::{app_with_fits, expected, row_text, same};
use crate::kiosk_visit_support::Visitor;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rumbo::app::kiosk_visit::{BEST, Step};
use rumbo::app::{Model, Overlay, Pane};
use rumbo::session::{BestFilter, MarkKind, MarkLevel, best_fits, standings};
use rumbo::ui::theme::{Theme, ThemeName};

fn themes() -> [(&'static str, Theme); 3] {
    [
        ("normal", Theme::new(ThemeName::Normal, false)),
        ("alto-contraste", Theme::new(ThemeName::AltoContraste, false)),
        ("NO_COLOR", Theme::new(ThemeName::Normal, true)),
    ]
}

fn draw(model: &Model, theme: &Theme) -> Buffer {
    let (w, h) = model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| drop(rumbo::ui::view(model, theme, f))).unwrap();
    terminal.backend().buffer().clone()
}

/// The first digit of the first "NN %" (or "NN%") on row `y` after column `from`, and its value.
fn percent_after(buf: &Buffer, y: u16, from: u16) -> (u16, u8) {
    let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    let digit = |i: usize| cells[i].chars().all(|c| c.is_ascii_digit()) && !cells[i].is_empty();
    let start = (usize::from(from)..cells.len()).find(|&i| digit(i)).unwrap_or_else(|| {
        panic!("no digits in {:?}", row_text(buf, y, 0, buf.area.width));
    });
    let end = (start..cells.len()).find(|&i| !digit(i)).unwrap();
    let after = cells[end..].iter().find(|c| **c != " ").unwrap();
    assert_eq!(*after, "%", "{:?}", row_text(buf, y, 0, buf.area.width));
    (u16::try_from(start).unwrap(), cells[start..end].concat().parse().unwrap())
}

/// The row whose text holds `text`.
fn row_with(buf: &Buffer, text: &str) -> u16 {
    (0..buf.area.height)
        .find(|&y| row_text(buf, y, 0, buf.area.width).contains(text))
        .unwrap_or_else(|| panic!("{text:?} is not on screen"))
}

#[test]
fn the_gap_popup_colours_its_fit_by_band() {
    let (marked, fresh) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut fresh_app = crate::keyflow_support::App::start(fresh.path());
    fresh_app.new_session("Luz", None, true);
    let mut bands = std::collections::BTreeSet::new();
    for mut app in [app_with_fits(marked.path()), fresh_app] {
        gap_fits(&mut app, &mut bands);
    }
    for band in ["none", "low", "high"] {
        assert!(bands.contains(band), "the gap was seen with a {band} fit: {bands:?}");
    }
}

/// Opens the gap of every occupation of the first sector and checks its fit's colour in every theme;
/// adds the bands seen to `bands`.
fn gap_fits(app: &mut crate::keyflow_support::App, bands: &mut std::collections::BTreeSet<&'static str>) {
    app.model.size = (80, 24);
    let set = app.model.catalog.clone();
    let sector = set.sectors().next().unwrap().id.clone();
    let occupations: Vec<_> = set.occupations_in(&sector).collect();
    let fits = standings(&app.ws().session, &occupations);
    for (i, standing) in fits.iter().enumerate() {
        app.ws_mut().occupation = i;
        app.ws_mut().focus = Pane::Occupations;
        app.char('g');
        assert!(matches!(app.ws().overlay, Some(Overlay::Gap(_))), "g opens the gap");
        for (name, theme) in themes() {
            let buf = draw(&app.model, &theme);
            let y = row_with(&buf, "Ajuste:");
            let x = row_text(&buf, y, 0, 80).find("Ajuste:").unwrap();
            let (x, p) = percent_after(&buf, y, u16::try_from(x).unwrap());
            assert_eq!(p, standing.percent, "{name}: {}", occupations[i].id);
            let cell = &buf[(x, y)];
            assert!(same(cell, expected(&theme, standing)), "{name}: {p} % drawn as {cell:?}");
            if p == 0 && theme.fit_high.fg.is_some() {
                assert_ne!(Some(cell.fg), theme.fit_high.fg, "{name}: 0 % in a good value's colour");
            }
        }
        bands.insert(match standing.percent {
            _ if standing.shared_only() => "shared",
            0 => "none",
            1..=39 => "low",
            40..=69 => "middle",
            _ => "high",
        });
        app.press(KeyCode::Esc);
        assert!(app.ws().overlay.is_none(), "Esc closes the gap");
    }
}

#[test]
fn the_kiosk_results_colour_each_fit_by_band() {
    let dir = tempfile::tempdir().unwrap();
    let mut visitor = Visitor::start(dir.path());
    visitor.begin("Valentina", true);
    // What a visitor's answers would make: one occupation whole, another by one function.
    let set = visitor.model.catalog.clone();
    let mut occupations = set.sectors().flat_map(|s| set.occupations_in(&s.id).collect::<Vec<_>>());
    let whole = occupations.next().unwrap();
    let one = occupations.next().unwrap();
    let rumbo::app::Screen::Workspace(ws) = &mut visitor.model.screen else { panic!("the visit is open") };
    let has = Some(MarkLevel::Has);
    for f in whole.functions.iter().filter(|f| !f.catch_all) {
        ws.session.set_mark(MarkKind::Function, &f.id, &f.text, Some(&whole.id), has);
    }
    for n in &whole.competencies {
        ws.session.set_mark(MarkKind::Competency, &n.competency, &n.competency, Some(&whole.id), has);
    }
    let f = &one.functions[0];
    ws.session.set_mark(MarkKind::Function, &f.id, &f.text, Some(&one.id), has);
    let fits = best_fits(&ws.session, &set, &BestFilter::default());
    let rows: Vec<_> = fits.rows.iter().take(BEST).collect();
    assert!(rows.len() >= 2, "results to compare: {}", rows.len());
    let mut seen = std::collections::BTreeSet::new();
    for selected in 0..rows.len() {
        visitor.model.kiosk.as_mut().unwrap().visit.step = Step::Results(selected);
        for (name, theme) in themes() {
            let buf = draw(&visitor.model, &theme);
            let first = row_with(&buf, "Las ocupaciones que más encajan") + 1;
            for (i, row) in rows.iter().enumerate() {
                if i == selected {
                    continue; // the selected row is drawn in the selection's colours
                }
                let y = first + u16::try_from(i).unwrap();
                let (x, p) = percent_after(&buf, y, 0);
                assert_eq!(p, row.standing.percent, "{name} row {i}");
                let cell = &buf[(x, y)];
                assert!(same(cell, expected(&theme, &row.standing)), "{name}: {p} % drawn as {cell:?}");
                seen.insert(rumbo::ui::fit::band(p) as u8);
            }
        }
    }
    assert!(seen.len() >= 2, "more than one band among the results: {seen:?}");
}
