//! Pane "Ocupaciones": each occupation with the person's fit (the detail under it: [`super::detail`]).
//! A fit made only of shared competencies is bracketed in the list and named in the detail.

use super::Ui;
use super::layout::WorkspaceAreas;
use super::list::{draw_rows, width};
use super::{layout, list_block, selection};
use crate::app::{Pane, Workspace};
use crate::catalog::Occupation;
use crate::session::standings;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, areas: &WorkspaceAreas) {
    let s = model.lang.strings();
    let set = &model.catalog;
    let mut title = s.pane_occupations.to_string();
    if ws.sort_by_fit {
        title.push_str(&format!(" ({})", s.sorted_by_fit));
    }
    let area = areas.occupations;
    let occupations = ws.occupations(set);
    // Placed in another sector, listed here as a complementary area: `+` before the name, said once on
    // the border (the detail under the list names the principal area).
    let sector = set.sectors().nth(ws.sector).map(|s| s.id.as_str());
    let complementary = |o: &Occupation| Some(o.sector.as_str()) != sector;
    let visible = areas.visible_rows(Pane::Occupations);
    let position = super::list::position(ws.occupation, occupations.len(), visible);
    let mut block = list_block(model, &title, ws.focus == Pane::Occupations, area, position);
    if occupations.iter().any(|o| complementary(o)) {
        block = block.title_bottom(Line::styled(format!(" {} ", s.complementary_area), model.theme.dim));
    }
    frame.render_widget(block, area);
    let inner = layout::inset(area);
    if occupations.is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", s.no_occupations)).style(model.theme.dim), inner);
    }
    let room = usize::from(inner.width);
    let standings = standings(&ws.session, &occupations);
    let rows = occupations
        .iter()
        .zip(standings)
        .map(|(o, standing)| {
            let p = standing.percent;
            // In brackets and dim when only shared competencies make the fit; the detail below says so.
            let (percent, style) = if standing.shared_only() {
                (format!("{:>5} ", format!("({p}%)")), super::fit::style(model.theme, &standing))
            } else {
                (format!("{p:>3}% "), super::fit::style(model.theme, &standing))
            };
            let (lead, lead_style) = if complementary(o) {
                ("+", model.theme.dim)
            } else {
                (" ", ratatui::style::Style::default())
            };
            // Told apart from every other loaded occupation at this width (`names`).
            let name_room = super::names::occupations_name_width(areas, width(&percent));
            let name = super::names::occupation_label(set, &o.title, name_room);
            let gap = room.saturating_sub(1 + width(&name) + width(&percent));
            vec![Line::from(vec![
                Span::styled(lead, lead_style),
                Span::raw(name),
                Span::raw(" ".repeat(gap)),
                Span::styled(percent, style),
            ])]
        })
        .collect();
    draw_rows(frame, inner, rows, Some(ws.occupation), selection(model, ws, Pane::Occupations), 1);
    super::detail::draw(model, ws, frame, areas);
}
