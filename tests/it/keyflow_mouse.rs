//! Keyflow tests of the mouse through the region map: the frame drawn says where each pane and row is,
//! the runtime makes a click there `Msg::Clicked { area, row }`, and `update` selects what the layout
//! placed under the pointer — the same row the old hit-testing in `update` chose.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{self, App, click, mouse};
use crossterm::event::{KeyCode, MouseEventKind};
use ratatui::layout::Rect;
use rumbo::app::{Area, Msg, Overlay, Pane};
use rumbo::ui::layout::{self, WorkspaceAreas, offset};

fn session() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    (dir, app)
}

fn areas(app: &App) -> WorkspaceAreas {
    let (w, h) = app.model.size;
    layout::workspace(Rect::new(0, 0, w, h), app.model.catalog.sectors().count())
}

fn pane_len(app: &App, pane: Pane) -> usize {
    let set = app.model.catalog.clone();
    let ws = app.ws();
    match pane {
        Pane::Sectors => set.sectors().count(),
        Pane::Occupations => ws.occupations(&set).len(),
        Pane::Functions => ws.detail_rows(&set).len(),
        Pane::Programs => ws.current_occupation(&set).map_or(0, |o| set.programs_for(&o.id).len()),
        Pane::Detail => ws.related(&set).len(),
    }
}

#[test]
fn a_click_is_the_area_and_row_of_the_frame_drawn_under_it() {
    let (_dir, mut app) = session();
    app.send(Msg::Resize(100, 30));
    let list = areas(&app).list(Pane::Occupations);
    let map = keyflow_support::regions(&app.model);
    let msg = map.message(click(list.x + 2, list.y + 3));
    assert!(matches!(msg, Msg::Clicked { area: Area::Pane(Pane::Occupations), row: Some(3) }), "{msg:?}");
    let border = areas(&app).pane(Pane::Programs);
    let msg = map.message(click(border.x, border.y));
    assert!(matches!(msg, Msg::Clicked { area: Area::Pane(Pane::Programs), row: None }), "{msg:?}");
    let msg = map.message(mouse(MouseEventKind::ScrollUp, list.x + 2, list.y));
    assert!(matches!(msg, Msg::Wheel { area: Area::Pane(Pane::Occupations), down: false }), "{msg:?}");
    // The header is not clickable: a click there is bare pointer activity.
    assert!(matches!(map.message(click(1, 0)), Msg::Mouse(_)));
    // Under an overlay the frame records no pane: a click on one is nothing; on the help, the help's.
    app.char('?');
    assert!(matches!(app.ws().overlay, Some(Overlay::Help(_))));
    let map = keyflow_support::regions(&app.model);
    let covered = map.message(click(list.x + 2, list.y + 3));
    assert!(matches!(covered, Msg::Mouse(_)), "{covered:?}");
    assert!(matches!(map.message(click(50, 15)), Msg::Clicked { area: Area::Help, row: None }));
    // Too small to draw the panes: nothing to click either.
    app.press(KeyCode::Esc);
    app.send(Msg::Resize(60, 20));
    assert!(matches!(keyflow_support::regions(&app.model).message(click(3, 3)), Msg::Mouse(_)));
}

/// Every line of every pane's list, clicked in turn, at two sizes and with the lists scrolled: the pane
/// gets the focus and the row the layout drew there is selected (rows past the end select nothing).
#[test]
fn a_click_on_each_row_of_each_pane_selects_what_is_drawn_there() {
    let (_dir, mut app) = session();
    let mut clicked_below_the_top = 0;
    for (w, h) in [(80, 24), (120, 40)] {
        app.send(Msg::Resize(w, h));
        for scrolled in [false, true] {
            for pane in Pane::ALL {
                if scrolled {
                    // Select the last row, so the list starts further down than its first item.
                    app.pointer(click(areas(&app).pane(pane).x, areas(&app).pane(pane).y));
                    app.press(KeyCode::End);
                }
                let list = areas(&app).list(pane);
                for y in list.y..list.bottom() {
                    let a = areas(&app);
                    let before = app.ws().selected(pane);
                    let first = offset(before, a.visible_rows(pane));
                    let expected =
                        first + usize::from(y - list.y) / usize::from(WorkspaceAreas::row_lines(pane));
                    clicked_below_the_top += usize::from(first > 0);
                    app.pointer(click(list.x + 1, y));
                    assert_eq!(app.focus(), pane, "{w}×{h} {pane:?} line {y}");
                    let want = if expected < pane_len(&app, pane) { expected } else { before };
                    assert_eq!(
                        app.ws().selected(pane),
                        want,
                        "{w}×{h} {pane:?} line {y} (scrolled: {scrolled})"
                    );
                }
            }
        }
    }
    assert!(clicked_below_the_top > 0, "some list was scrolled when clicked");
}
