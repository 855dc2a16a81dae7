//! Snapshots of issue 14's full text and list positions, with BPO and CUOC 2025 loaded, in Spanish and
//! English, at 80×24 and 120×40: the `v` popup on the longest CUOC name (top, and scrolled to its end),
//! and a list scrolled to its middle, whose border says "↑ 91/137 ↓".

use crate::best_fit::{cuoc_bpo, press, workspace};
use crate::ui_snapshots::normal;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rumbo::app::{Model, Pane, Screen, update};
use rumbo::i18n::Lang;
use rumbo::session::Session;

fn snap(name: &str, build: fn(Lang, (u16, u16)) -> Model) {
    crate::ui_snapshots::snap_sized(&format!("full_text_{name}"), build);
}

/// A session on the CUOC occupation with the longest name, focused in Ocupaciones.
fn on_longest(lang: Lang, size: (u16, u16)) -> Model {
    let (set, _) = cuoc_bpo();
    let session = Session::new("Ana", "Luz", "2026-03-02T14:30:00Z".parse().unwrap(), &set).unwrap();
    let mut model = workspace(session, lang, size);
    model.now = crate::ui_snapshots::now();
    let o = set.occupations().max_by_key(|o| o.title.chars().count()).unwrap();
    let Screen::Workspace(ws) = &mut model.screen else { panic!() };
    ws.sector = set.sectors().position(|s| s.id == o.sector).unwrap();
    ws.occupation = ws.occupations(&set).iter().position(|x| x.id == o.id).unwrap();
    ws.focus = Pane::Occupations;
    model
}

/// What the runtime does after a frame: the popup's room to scroll, so End reaches its last line.
fn with_room(model: &mut Model) {
    let (w, h) = model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut regions = Default::default();
    terminal.draw(|f| regions = rumbo::ui::view(model, &normal(), f)).unwrap();
    if let Some(follow) = regions.follow_up(model) {
        update(model, follow);
    }
}

#[test]
fn full_text_popup() {
    snap("popup", |lang, size| {
        let mut model = on_longest(lang, size);
        press(&mut model, KeyCode::Char('v'));
        model
    });
    snap("popup_end", |lang, size| {
        let mut model = on_longest(lang, size);
        press(&mut model, KeyCode::Char('v'));
        with_room(&mut model);
        press(&mut model, KeyCode::End);
        model
    });
}

#[test]
fn list_position_and_scroll_marks() {
    // Its area's 91st occupation of 137: rows hidden above and below; sector 2 of 27, more below.
    snap("list_middle", on_longest);
}
