//! Pane "Programas de formación": the programs for the focused occupation, two lines each — the name, then
//! institution, level and "relación inferida" where the link is rumbo's inference, not the source's. With
//! none, it says so and where an office adds its own.

use super::Ui;
use super::layout::{PROGRAM_ROW_LINES, WorkspaceAreas};
use super::list::{clip, clip_spans, draw_rows, wrap_paragraphs};
use super::{list_block, selection};
use crate::app::{Pane, Workspace};
use crate::catalog::{Link, Program};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, areas: &WorkspaceAreas) {
    let s = model.lang.strings();
    let t = &model.theme;
    let area = areas.programs;
    let list = areas.list(Pane::Programs);
    let programs =
        ws.current_occupation(&model.catalog).map(|o| model.catalog.programs_for(&o.id)).unwrap_or_default();
    let position = super::list::position(ws.program, programs.len(), areas.visible_rows(Pane::Programs));
    frame.render_widget(list_block(model, s.pane_programs, ws.focus == Pane::Programs, area, position), area);
    if ws.current_occupation(&model.catalog).is_none() {
        return;
    }
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
            // Issue 13: the short details (format 3) after the link, before the level.
            for detail in p.modality.map(|m| m.name(model.lang)).into_iter().chain(short_details(p)) {
                details.push(Span::styled(format!(" · {detail}"), t.dim));
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
    // The long details of the chosen program in the lines the rows leave free, while the pane has focus.
    let used = (programs.len() as u16).saturating_mul(PROGRAM_ROW_LINES);
    if ws.focus == Pane::Programs
        && used < list.height
        && let Some(p) = programs.get(ws.program)
    {
        let below = Rect {
            x: list.x + 1,
            y: list.y + used,
            width: list.width.saturating_sub(1),
            height: list.height - used,
        };
        // One paragraph, the details one after another: at 80×24 four lines must hold them all.
        let details = long_details(p, model.lang).join(" · ");
        let paragraphs = if details.is_empty() { Vec::new() } else { vec![(details, t.dim)] };
        let lines = wrap_paragraphs(paragraphs, usize::from(below.width), usize::from(below.height));
        frame.render_widget(Paragraph::new(lines), below);
    }
}

/// Duration, cost: short enough for the program's second line.
pub fn short_details(p: &Program) -> impl Iterator<Item = &str> {
    [&p.duration, &p.cost].into_iter().filter_map(|d| d.as_deref())
}

/// Every text detail, labelled (the second line may have cut duration and cost): for the lines under
/// the list.
pub fn long_details(p: &Program, lang: crate::i18n::Lang) -> Vec<String> {
    let s = lang.strings();
    [
        (s.program_url, &p.url),
        (s.program_contact, &p.contact),
        (s.program_duration, &p.duration),
        (s.program_cost, &p.cost),
        (s.program_schedule, &p.schedule),
        (s.program_requirements, &p.requirements),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_deref().map(|v| crate::i18n::fill(label, &[("value", &v)])))
    .collect()
}
