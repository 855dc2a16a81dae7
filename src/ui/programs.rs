//! Pane "Programas de formación": the programs for the focused occupation, two lines each — the name, then
//! institution, level and "relación inferida" where the link is rumbo's inference, not the source's. With
//! none, it says so and where an office adds its own.

use super::Ui;
use super::layout::{PROGRAM_ROW_LINES, WorkspaceAreas};
use super::list::{clip, clip_spans, draw_rows, wrap_paragraphs};
use super::{pane_block, selection};
use crate::app::{Pane, Workspace};
use crate::catalog::Link;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, areas: &WorkspaceAreas) {
    let s = model.lang.strings();
    let t = &model.theme;
    let area = areas.programs;
    frame.render_widget(
        pane_block(model, Line::from(format!(" {} ", s.pane_programs)), ws.focus == Pane::Programs),
        area,
    );
    let list = areas.list(Pane::Programs);
    let Some(occupation) = ws.current_occupation(&model.catalog) else { return };
    let programs = model.catalog.programs_for(&occupation.id);
    if programs.is_empty() {
        // Said plainly, with where an office adds its own: most occupations of a national classification
        // have no program in any catalog, and nothing is invented to fill the pane.
        let text = Rect { x: list.x + 1, width: list.width.saturating_sub(1), ..list };
        let paragraphs = vec![(s.no_programs.to_string(), t.dim), (s.no_programs_where.to_string(), t.dim)];
        let lines = wrap_paragraphs(paragraphs, usize::from(text.width), usize::from(text.height));
        frame.render_widget(Paragraph::new(lines), text);
        return;
    }
    let room = usize::from(list.width);
    let rows = programs
        .iter()
        .map(|p| {
            let chosen = ws.session.is_shortlisted(&p.id);
            let mark = if chosen { Span::styled(" ✓ ", t.has) } else { Span::styled(" · ", t.dim) };
            let name = clip(&p.name, room.saturating_sub(3));
            let level = if p.level.is_empty() { s.level_unknown } else { p.level.as_str() };
            // "relación inferida" comes before the level so a narrow pane never cuts it off.
            let mut details = vec![Span::styled(format!("   {}", p.institution), t.dim)];
            if p.link == Link::Inferred {
                details.push(Span::styled(format!(" · {}", s.link_inferred), t.inferred));
            }
            details.push(Span::styled(format!(" · {level}"), t.dim));
            if chosen {
                details.push(Span::styled(format!(" · {}", s.shortlisted), t.has));
            }
            let details = clip_spans(details, room);
            vec![Line::from(vec![mark, Span::raw(name)]), details]
        })
        .collect();
    draw_rows(frame, list, rows, Some(ws.program), selection(model, ws, Pane::Programs), PROGRAM_ROW_LINES);
}
