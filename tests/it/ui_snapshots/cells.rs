//! What the text snapshots cannot show: colours and emphasis of single cells, `NO_COLOR`, the
//! high-contrast theme, and columns that stay put with accents, ñ and wide characters.

use super::states::{self, ALL, workspace_mut};
use super::{
    LANGS, SIZES, Themed, buffer, find, find_in_row, model, normal, press, row_text, screen_text, ts,
};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use rumbo::app::{Model, Msg, Pane, update};
use rumbo::i18n::Lang;
use rumbo::session::{Listed, Session};
use rumbo::ui::layout;
use rumbo::ui::theme::{Theme, ThemeName};

/// The cell carries `style`'s colours and at least its modifiers.
fn assert_styled(cell: &Cell, style: Style, what: &str) {
    if let Some(fg) = style.fg {
        assert_eq!(cell.fg, fg, "{what}: foreground of {cell:?}");
    }
    if let Some(bg) = style.bg {
        assert_eq!(cell.bg, bg, "{what}: background of {cell:?}");
    }
    assert!(cell.modifier.contains(style.add_modifier), "{what}: modifiers of {cell:?}");
}

fn areas(m: &Model) -> layout::WorkspaceAreas {
    layout::workspace(Rect::new(0, 0, m.size.0, m.size.1), m.catalog.sectors().count())
}

#[test]
fn the_selected_row_of_the_focused_pane_is_highlighted_across_its_width() {
    for (width, height) in SIZES {
        let mut m = model(Lang::Es, normal());
        states::workspace_default(&mut m);
        let buf = buffer(&mut m, width, height);
        let a = areas(&m);
        let theme = m.theme.clone();
        let sectors = a.list(Pane::Sectors);
        for x in sectors.left()..sectors.right() {
            assert_styled(&buf[(x, sectors.y)], theme.selected, "selected sector");
        }
        // The other panes keep their selection, quietly.
        let occupations = a.list(Pane::Occupations);
        assert_styled(&buf[(occupations.x, occupations.y)], theme.selected_unfocused, "unfocused selection");
        assert_ne!(buf[(occupations.x, occupations.y + 1)].bg, theme.selected.bg.unwrap());

        // Tab moves the strong highlight with the focus.
        press(&mut m, KeyCode::Tab);
        let buf = buffer(&mut m, width, height);
        assert_styled(&buf[(occupations.right() - 1, occupations.y)], theme.selected, "selected occupation");
        assert_styled(&buf[(sectors.x, sectors.y)], theme.selected_unfocused, "sector after Tab");
    }
}

#[test]
fn the_selected_session_on_the_start_screen_is_highlighted() {
    let mut m = model(Lang::Es, normal());
    states::sessions_rows(&mut m);
    press(&mut m, KeyCode::Down);
    let buf = buffer(&mut m, 80, 24);
    let (x, y) = find(&buf, "Jorge Núñez").unwrap();
    assert_styled(&buf[(x, y)], m.theme.selected, "selected session");
    assert_styled(&buf[(78, y)], m.theme.selected, "end of the selected session");
    let (x, y) = find(&buf, "Ana María").unwrap();
    assert_eq!(buf[(x, y)].bg, Color::Reset, "unselected session");
}

#[test]
fn header_states_use_their_styles() {
    type StyleOf = fn(&Theme) -> Style;
    let cases: [(states::Build, &str, StyleOf); 4] = [
        (states::workspace_default, "guardado", |t| t.ok),
        (states::header_unsaved, "sin guardar", |t| t.warning),
        (states::header_read_only, "solo lectura", |t| t.warning),
        (states::header_save_failed, "sin guardar — disco lleno", |t| t.error),
    ];
    for (build, text, style) in cases {
        let mut m = model(Lang::Es, normal());
        build(&mut m);
        let buf = buffer(&mut m, 80, 24);
        let x = find_in_row(&buf, 0, text).unwrap_or_else(|| panic!("{text} not in the header"));
        for dx in 0..u16::try_from(text.chars().count()).unwrap() {
            assert_styled(&buf[(x + dx, 0)], style(&m.theme), text);
        }
    }
}

#[test]
fn marks_use_their_colours() {
    let mut m = model(Lang::Es, normal());
    states::workspace_functions_marks(&mut m);
    let buf = buffer(&mut m, 80, 24);
    let list = areas(&m).list(Pane::Functions);
    // Row 0 has ●, row 1 (selected) ◐, row 2 nothing.
    assert_eq!(buf[(list.x + 1, list.y)].symbol(), "●");
    assert_styled(&buf[(list.x + 1, list.y)], m.theme.has, "● la tiene");
    assert_eq!(buf[(list.x + 1, list.y + 2)].symbol(), "○");
    assert_styled(&buf[(list.x + 1, list.y + 2)], m.theme.dim, "○ nada");

    let mut m = model(Lang::Es, normal());
    states::workspace_competencies(&mut m);
    let buf = buffer(&mut m, 120, 40);
    let (x, y) = find(&buf, "◐").unwrap();
    assert_styled(&buf[(x, y)], m.theme.developing, "◐ en desarrollo");
    let (x, y) = find(&buf, "(opcional)").unwrap();
    assert_eq!(buf[(x + 1, y)].symbol(), "o");
}

#[test]
fn inferred_links_are_styled_apart() {
    let mut m = model(Lang::Es, normal());
    states::workspace_programs(&mut m);
    let buf = buffer(&mut m, 120, 40);
    let (x, y) = find(&buf, "relación inferida").unwrap();
    assert_styled(&buf[(x, y)], m.theme.inferred, "relación inferida");
    let (x, y) = find(&buf, "elegido").unwrap();
    assert_styled(&buf[(x, y)], m.theme.has, "elegido");
}

/// Every state, plus the notes editor empty and with text selected (ratatui-textarea has colours of its
/// own for both).
fn every_state_in(theme: ThemeName, no_color: bool) -> Vec<(String, Themed)> {
    let mut out = Vec::new();
    for lang in LANGS {
        for (name, build) in ALL {
            let mut m = model(lang, Theme::new(theme, no_color));
            build(&mut m);
            out.push((name.to_string(), m));
        }
        let mut m = model(lang, Theme::new(theme, no_color));
        states::workspace_default(&mut m);
        press(&mut m, KeyCode::Char('n'));
        out.push(("notes_empty".to_string(), m));
        let mut m = model(lang, Theme::new(theme, no_color));
        states::overlay_notes(&mut m);
        for _ in 0..5 {
            update(&mut m, Msg::Key(KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT)));
        }
        out.push(("notes_selection".to_string(), m));
    }
    out
}

fn cells(buf: &Buffer) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let area = buf.area;
    (area.top()..area.bottom())
        .flat_map(move |y| (area.left()..area.right()).map(move |x| (x, y, &buf[(x, y)])))
}

#[test]
fn no_color_means_no_colour_anywhere() {
    for (name, mut m) in every_state_in(ThemeName::Normal, true) {
        for (width, height) in SIZES {
            let buf = buffer(&mut m, width, height);
            for (x, y, cell) in cells(&buf) {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{name} at {width}×{height}: colour at ({x}, {y}) {cell:?}\n{}",
                    screen_text(&buf)
                );
            }
        }
    }
}

#[test]
fn no_color_still_shows_the_selection() {
    let mut m = model(Lang::Es, Theme::new(ThemeName::Normal, true));
    states::workspace_default(&mut m);
    let buf = buffer(&mut m, 80, 24);
    let list = areas(&m).list(Pane::Sectors);
    assert_styled(&buf[(list.x, list.y)], m.theme.selected, "selection without colour");
    assert!(!m.theme.selected.add_modifier.is_empty());
}

#[test]
fn high_contrast_paints_a_black_background_everywhere() {
    let theme = Theme::new(ThemeName::AltoContraste, false);
    // Highlights keep their own background; everything else is black, nothing is left to the terminal.
    let highlights: Vec<Color> = [theme.selected, theme.selected_unfocused, theme.warning, theme.error]
        .iter()
        .filter_map(|s| s.bg)
        .collect();
    for (name, mut m) in every_state_in(ThemeName::AltoContraste, false) {
        for (width, height) in SIZES {
            let buf = buffer(&mut m, width, height);
            let mut black = 0;
            for (x, y, cell) in cells(&buf) {
                let at = || format!("{name} at {width}×{height}, ({x}, {y}) {cell:?}\n{}", screen_text(&buf));
                assert!(cell.bg == Color::Black || highlights.contains(&cell.bg), "background: {}", at());
                assert_ne!(cell.fg, Color::Reset, "foreground left to the terminal: {}", at());
                black += usize::from(cell.bg == Color::Black);
            }
            let total = usize::from(width) * usize::from(height);
            assert!(black * 4 > total * 3, "{name} at {width}×{height}: only {black} of {total} black");
        }
    }
}

/// Ñ, accents and a CJK character take their real width: the table's columns and right border stay put.
#[test]
fn wide_characters_keep_the_start_screen_columns_aligned() {
    for lang in LANGS {
        let mut m = model(lang, normal());
        let mut listed = states::listed(&m);
        for alias in ["Ñandú 中", "中文字符测试中文字符测试中文字符测试"] {
            let mut session = Session::new(alias, "", ts("2026-02-28T08:00:00Z"), &m.catalog).unwrap();
            let auxiliar = m.catalog.occupation("auxiliar-servicio-cliente").unwrap();
            let f = &auxiliar.functions[0];
            for _ in 0..2 {
                session.cycle_mark(rumbo::session::MarkKind::Function, &f.id, &f.text, Some(&auxiliar.id));
            }
            listed.insert(1, Listed::Ok(Box::new(session)));
        }
        update(&mut m, Msg::SessionsListed(listed));
        for (width, height) in SIZES {
            let buf = buffer(&mut m, width, height);
            let rows: Vec<u16> = (0..height).filter(|&y| find_in_row(&buf, y, "2026-").is_some()).collect();
            assert_eq!(rows.len(), 4, "{}", screen_text(&buf));
            let dates: Vec<u16> = rows.iter().map(|&y| find_in_row(&buf, y, "2026-").unwrap()).collect();
            assert!(dates.iter().all(|&x| x == dates[0]), "dates at {dates:?}:\n{}", screen_text(&buf));
            let fits: Vec<u16> = rows
                .iter()
                .filter_map(|&y| (0..width).rev().find(|&x| buf[(x, y)].symbol() == "%"))
                .collect();
            assert!(fits.iter().all(|&x| x == width - 2), "fits at {fits:?}:\n{}", screen_text(&buf));
            for y in 1..height - 4 {
                let line = row_text(&buf, y);
                assert!(line.ends_with(['│', '┐', '┘']), "right border of row {y}: {line:?}");
                assert_eq!(super::unicode_width(&line), usize::from(width), "row {y}: {line:?}");
            }
            let (x, y) = find(&buf, "Ñandú 中").unwrap();
            assert_eq!(x, 2);
            assert_eq!(buf[(x + 6, y)].symbol(), "中");
        }
    }
}

/// The alias in the header and in the delete confirmation keeps its accents and wide characters whole.
#[test]
fn wide_characters_in_the_header_and_the_confirmation() {
    let mut m = model(Lang::Es, normal());
    states::form_empty(&mut m);
    super::type_text(&mut m, "Ñandú 中");
    press(&mut m, KeyCode::Enter);
    workspace_mut(&mut m);
    let buf = buffer(&mut m, 80, 24);
    assert!(row_text(&buf, 0).contains("rumbo · Ñandú 中 · 2026-03-02 15:04"), "{}", row_text(&buf, 0));
    assert!(row_text(&buf, 0).trim_end().ends_with("sin guardar"));
}

#[test]
fn the_best_fit_on_the_start_screen_is_coloured_by_its_band() {
    for theme in [normal(), Theme::new(ThemeName::AltoContraste, false)] {
        let mut m = model(Lang::Es, theme);
        states::sessions_rows(&mut m);
        press(&mut m, KeyCode::Down); // Jorge selected: Ana's row in its own colours
        let buf = buffer(&mut m, 80, 24);
        let (x, y) = find(&buf, "32%").unwrap();
        // 32 % is low (1–39 %): not the colour of a held mark, nor the high band's.
        assert_styled(&buf[(x, y)], m.theme.fit_low, "32 % on Sessions");
        assert_ne!(buf[(x, y)].fg, m.theme.fit_high.fg.unwrap());
    }
}
