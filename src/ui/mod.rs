//! `view(&Model, &mut Frame)`: draws a model, changes nothing. One file per screen part, each with its own
//! tests; every string comes from `crate::i18n`, every style from [`theme`].

mod footer;
mod functions;
mod gap;
mod header;
mod help;
pub mod layout;
pub mod list;
mod new_session;
mod notes;
mod occupations;
mod programs;
mod search;
mod sectors;
mod sessions;
pub mod theme;

use crate::app::{Model, Overlay, Pane, Screen, Workspace};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

pub fn view(model: &Model, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Block::default().style(model.theme.base), area);
    if layout::too_small(area) {
        let text = model.lang.strings().too_small;
        let y = area.y + area.height / 2;
        let line = Rect { y, height: 1.min(area.height), ..area };
        frame
            .render_widget(Paragraph::new(text).alignment(Alignment::Center).wrap(Wrap { trim: true }), line);
        return;
    }
    match &model.screen {
        Screen::Sessions => sessions::draw(model, frame, area),
        Screen::NewSession(form) => new_session::draw(model, form, frame, area),
        Screen::Workspace(ws) => workspace(model, ws, frame, area),
    }
}

fn workspace(model: &Model, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let areas = layout::workspace(area, model.catalog.sectors().count());
    header::draw(model, ws, frame, areas.header);
    sectors::draw(model, ws, frame, areas.sectors);
    occupations::draw(model, ws, frame, &areas);
    functions::draw(model, ws, frame, &areas);
    programs::draw(model, ws, frame, &areas);
    footer::draw(model, ws, frame, areas.footer);
    match &ws.overlay {
        Some(Overlay::Search(popup)) => search::draw(model, popup, frame, area),
        Some(Overlay::Notes(notes)) => notes::draw(model, ws, notes, frame, area),
        Some(Overlay::Gap) => gap::draw(model, ws, frame, area),
        Some(Overlay::Help) => help::draw(model, frame, area),
        None => {}
    }
}

/// A pane's frame: its title, and a heavier, coloured border when it has the focus.
pub fn pane_block(model: &Model, title: Line<'static>, focused: bool) -> Block<'static> {
    let t = &model.theme;
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(if focused { t.border_focused } else { t.border })
        .title(title.style(if focused { t.border_focused } else { t.title }))
}

/// The highlight for the selected row: strong in the focused pane, quiet elsewhere.
pub fn selection(model: &Model, ws: &Workspace, pane: Pane) -> Style {
    if ws.focus == pane && ws.overlay.is_none() {
        model.theme.selected
    } else {
        model.theme.selected_unfocused
    }
}

/// A popup's frame over a cleared area.
pub fn popup(model: &Model, frame: &mut Frame, area: Rect, title: String) -> Rect {
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

/// Local date and time of a timestamp, as the counselor reads it.
pub fn local_time(model: &Model, ts: jiff::Timestamp) -> String {
    ts.to_zoned(model.tz.clone()).strftime("%Y-%m-%d %H:%M").to_string()
}
