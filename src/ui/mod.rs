//! `view(&Model, &Theme, &mut Frame) -> Regions`: draws a model in a theme, changes nothing, and says where
//! it drew what can be clicked (the runtime turns clicks into `Msg::Clicked` with it). One file per screen
//! part; every string comes from `crate::i18n`, every style from [`theme`].

mod best_fit;
mod detail;
mod experience;
mod export;
pub mod failure;
pub mod fit;
mod footer;
mod full_text;
mod functions;
mod gap;
pub mod glyphs;
mod header;
mod help;
mod interests;
mod interests_results;
pub mod keys;
mod kiosk;
pub mod layout;
pub mod list;
pub mod names;
mod new_session;
mod notes;
mod occupation_interests;
mod occupations;
pub mod plan;
mod programs;
mod quit;
pub mod regions;
mod search;
mod sectors;
mod sessions;
pub mod theme;

use crate::app::{Area, Model, Overlay, Pane, Screen, Workspace};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use regions::Regions;
use theme::Theme;

/// What every drawing function reads: the model, and the theme it is drawn in (which the model knows
/// nothing of). Derefs to the model, so `model.lang`, `model.catalog`… read as before.
pub struct Ui<'a> {
    pub model: &'a Model,
    pub theme: &'a Theme,
}

impl std::ops::Deref for Ui<'_> {
    type Target = Model;

    fn deref(&self) -> &Model {
        self.model
    }
}

/// Draws `model` in `theme`; returns where it drew what a click or the wheel acts on.
pub fn view(model: &Model, theme: &Theme, frame: &mut Frame) -> Regions {
    let ui = Ui { model, theme };
    let mut regions = Regions::default();
    draw(&ui, frame, &mut regions);
    if theme.glyphs == glyphs::Glyphs::Basico {
        glyphs::console_safe(frame.buffer_mut());
    }
    regions
}

fn draw(model: &Ui, frame: &mut Frame, regions: &mut Regions) {
    let area = frame.area();
    frame.render_widget(Block::default().style(model.theme.base), area);
    if layout::too_small(area) {
        // Centred, on as many lines as the width needs (the minimum size must stay readable).
        let lines =
            list::wrap(model.lang.strings().too_small, usize::from(area.width), usize::from(area.height));
        let height = u16::try_from(lines.len()).unwrap_or(area.height).min(area.height);
        let y = area.y + (area.height - height) / 2;
        let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
        frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), Rect { y, height, ..area });
        return;
    }
    let kiosk = model.kiosk.is_some();
    match &model.screen {
        Screen::Sessions => sessions::draw(model, frame, area),
        // Issue 14: a kiosk visitor gets their own screens, never the counselor's form or workspace.
        Screen::NewSession(form) if kiosk => kiosk::alias(model, form, frame, area, regions),
        Screen::NewSession(form) => new_session::draw(model, form, frame, area),
        Screen::Workspace(ws) if kiosk => kiosk::visit(model, ws, frame, area, regions),
        Screen::Workspace(ws) => workspace(model, ws, frame, area, regions),
        Screen::Welcome => kiosk::welcome(model, frame, area, regions),
        Screen::KioskDone(outcome) => kiosk::done(model, outcome.as_ref(), frame, area, regions),
    }
    if let Some(state) = &model.kiosk {
        kiosk::overlays(model, state, frame, area);
    }
}

fn workspace(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let areas = layout::workspace(area, model.catalog.sectors().count());
    // Under an overlay the panes take no clicks: none is recorded.
    if ws.overlay.is_none() {
        for pane in Pane::ALL {
            let first = layout::offset(ws.selected(pane), areas.visible_rows(pane));
            let lines = layout::WorkspaceAreas::row_lines(pane);
            let rows = regions::Rows { rect: areas.list(pane), first, lines };
            // The detail shows its rows only when focused: a click on it focuses it first.
            let rows = (pane != Pane::Detail || ws.focus == Pane::Detail).then_some(rows);
            regions.record(Area::Pane(pane), areas.pane(pane), rows);
        }
    }
    header::draw(model, ws, frame, areas.header);
    sectors::draw(model, ws, frame, areas.sectors);
    occupations::draw(model, ws, frame, &areas);
    functions::draw(model, ws, frame, &areas);
    programs::draw(model, ws, frame, &areas);
    footer::draw(model, ws, frame, areas.footer);
    if let Some(overlay) = &ws.overlay {
        draw_overlay(model, ws, overlay, frame, area, regions);
    }
}

/// An overlay over the workspace; the full-text popup (`v`) over the view it was opened from.
fn draw_overlay(
    model: &Ui,
    ws: &Workspace,
    overlay: &Overlay,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    match overlay {
        Overlay::Search(popup) => search::draw(model, &ws.session, popup, frame, area),
        Overlay::Notes(notes) => notes::draw(model, ws, notes, frame, area),
        Overlay::Gap(view) => gap::draw(model, ws, view, frame, area, regions),
        Overlay::Help(scroll) => help::draw(model, scroll, frame, area, regions),
        Overlay::Export(dialog) => export::draw(model, dialog, frame, area),
        Overlay::ConfirmDiscard => export::draw_discard(model, frame, area),
        Overlay::BestFit(view) => best_fit::draw(model, ws, view, frame, area, regions),
        Overlay::Experience(panel) => experience::draw(model, ws, panel, frame, area, regions),
        Overlay::Plan(panel) => plan::draw(model, ws, panel, frame, area, regions),
        Overlay::Interests(panel) => interests::draw(model, ws, panel, frame, area, regions),
        Overlay::FullText(full) => {
            if let Some(under) = &full.under {
                draw_overlay(model, ws, under, frame, area, regions);
            }
            full_text::draw(model, ws, full, frame, area, regions);
        }
    }
}

/// A pane's frame: its title, and a heavier, coloured border when it has the focus.
pub fn pane_block(model: &Ui, title: Line<'static>, focused: bool) -> Block<'static> {
    let t = &model.theme;
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(if focused { t.border_focused } else { t.border })
        .title(title.style(if focused { t.border_focused } else { t.title }))
}

/// A list pane's frame ([`pane_block`]) with where its selection is, "↑ 3/15 ↓", at the right of its top
/// border (see [`list::position`]); the title gives way, cut with `…`, when both do not fit.
pub fn list_block(
    model: &Ui,
    title: &str,
    focused: bool,
    area: Rect,
    position: Option<String>,
) -> Block<'static> {
    let Some(position) = position else {
        return pane_block(model, Line::from(format!(" {title} ")), focused);
    };
    // Inside the corners, a border cell between the title and the position.
    let room = usize::from(area.width.saturating_sub(3)).saturating_sub(list::width(&position) + 2);
    let title = Line::from(format!(" {} ", list::clip(title, room)));
    let style = if focused { model.theme.border_focused } else { model.theme.dim };
    pane_block(model, title, focused).title(Line::styled(position, style).right_aligned())
}

/// The highlight for the selected row: strong in the focused pane, quiet elsewhere.
pub fn selection(model: &Ui, ws: &Workspace, pane: Pane) -> Style {
    if ws.focus == pane && ws.overlay.is_none() {
        model.theme.selected
    } else {
        model.theme.selected_unfocused
    }
}

/// The big panels over the workspace (Experiencia, the plan): nine tenths of the width, the height
/// less two lines, never under 76×20; returns the inside.
pub fn large_panel(model: &Ui, frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let width = (area.width * 9 / 10).max(76);
    let height = area.height.saturating_sub(2).max(20);
    popup(model, frame, layout::centered(area, width, height), title.to_string())
}

/// A popup's frame over a cleared area. A popup that would leave only a sliver of the screen at its sides
/// takes the whole width instead: slivers showed stray letters and `…` of the panes underneath.
pub fn popup(model: &Ui, frame: &mut Frame, area: Rect, title: String) -> Rect {
    let screen = frame.area();
    let area = if screen.width.saturating_sub(area.width) <= 4 {
        Rect { x: screen.x, width: screen.width, ..area }
    } else {
        area
    };
    frame.render_widget(ratatui::widgets::Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(model.theme.border_focused)
        .style(model.theme.base)
        .title(Line::from(format!(" {title} ")).style(model.theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The box a popup's inside `inner` (what [`popup`] returns) is drawn in, borders included.
pub fn outer(inner: Rect) -> Rect {
    Rect {
        x: inner.x.saturating_sub(1),
        y: inner.y.saturating_sub(1),
        width: inner.width.saturating_add(2),
        height: inner.height.saturating_add(2),
    }
}

/// Where a list's selection is ([`list::position`], "↑ 7/15 ↓") at the right of the top border of the
/// box drawn in `outer` (a popup, the sessions list, a kiosk screen), as [`list_block`] shows it on a pane.
pub fn border_position(model: &Ui, frame: &mut Frame, outer: Rect, position: Option<String>) {
    let Some(position) = position else { return };
    let width = u16::try_from(list::width(&position)).unwrap_or(0).min(outer.width.saturating_sub(2));
    let at = Rect { x: outer.right().saturating_sub(width + 1), y: outer.y, width, height: 1 };
    frame.render_widget(Paragraph::new(Line::styled(position, model.theme.border_focused)), at);
}

/// "↑ más" / "↓ más" at the right of a scrolling popup's top and bottom borders (its inside is `inner`, what
/// [`popup`] returns), where its text goes on: above when scrolled down at all, below until the end.
pub fn scroll_marks(model: &Ui, frame: &mut Frame, inner: Rect, offset: usize, room: usize) {
    let s = model.lang.strings();
    let mark = |text: &str, y: u16, frame: &mut Frame| {
        let w = u16::try_from(list::width(text)).unwrap_or(0).min(inner.width);
        let at = Rect { x: inner.right().saturating_sub(w), y, width: w, height: 1 };
        frame.render_widget(Paragraph::new(Line::styled(text.to_string(), model.theme.key)), at);
    };
    if offset > 0 {
        mark(s.help_more_above, inner.y.saturating_sub(1), frame);
    }
    if offset < room {
        mark(s.help_more_below, inner.bottom(), frame);
    }
}

/// A short note on the bottom border of a popup whose inside is `inner` (what [`popup`] returns), at the
/// left, dim: where the source of what it shows goes, taking no line from its text.
pub fn border_note(model: &Ui, frame: &mut Frame, inner: Rect, text: &str) {
    let room = usize::from(inner.width.saturating_sub(2));
    let note = format!(" {} ", list::clip(text, room.saturating_sub(2)));
    let width = u16::try_from(list::width(&note)).unwrap_or(0).min(inner.width);
    let at = Rect { x: inner.x + 1, y: inner.bottom(), width, height: 1 };
    frame.render_widget(Paragraph::new(Line::styled(note, model.theme.dim)), at);
}

/// The source of `source_id` as one short line, "Fuente: DANE, CUOC 2025" (as the occupation detail says it).
pub fn source_line(model: &Ui, source_id: &str) -> Option<String> {
    let source = model.catalog.source(source_id)?;
    let short = crate::catalog::short_source(source);
    Some(crate::i18n::fill(model.lang.strings().detail_source, &[("source", &short)]))
}

/// `area` less one column on each side, so text does not touch the borders.
pub fn padded(area: Rect) -> Rect {
    Rect { x: area.x.saturating_add(1), width: area.width.saturating_sub(2), ..area }
}

/// Local date and time of a timestamp, as the counselor reads it.
pub fn local_time(model: &Ui, ts: jiff::Timestamp) -> String {
    ts.to_zoned(model.tz.clone()).strftime("%Y-%m-%d %H:%M").to_string()
}
