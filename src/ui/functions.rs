//! Pane "Funciones" with its tab "Competencias": what the occupation asks for, each with the person's mark
//! (○ none, ◐ en desarrollo, ● la tiene), and the full text of the selected row underneath.

use super::layout::WorkspaceAreas;
use super::list::{clip, draw_rows, wrap};
use super::{layout, pane_block, selection};
use crate::app::{DetailTab, Model, Pane, Workspace};
use crate::catalog::Importance;
use crate::session::{MarkKind, MarkLevel};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The symbol and style of a mark.
pub fn mark_symbol(model: &Model, level: Option<MarkLevel>) -> (&'static str, Style) {
    match level {
        Some(MarkLevel::Has) => ("●", model.theme.has),
        Some(MarkLevel::InDevelopment) => ("◐", model.theme.developing),
        None => ("○", model.theme.dim),
    }
}

pub fn draw(model: &Model, ws: &Workspace, frame: &mut Frame, areas: &WorkspaceAreas) {
    let s = model.lang.strings();
    let t = &model.theme;
    let area = areas.functions;
    let focused = ws.focus == Pane::Functions;
    let title = Line::from(format!(" {} / {} ", s.pane_functions, s.pane_competencies));
    frame.render_widget(pane_block(model, title, focused), area);
    let inner = layout::inset(area);
    let (on, off) = (if focused { t.border_focused } else { t.title }, t.dim);
    let tabs = Line::from(vec![
        Span::styled(
            format!(" {} ", s.pane_functions),
            if ws.tab == DetailTab::Functions { on.patch(t.selected_unfocused) } else { off },
        ),
        Span::raw(" "),
        Span::styled(
            format!(" {} ", s.pane_competencies),
            if ws.tab == DetailTab::Competencies { on.patch(t.selected_unfocused) } else { off },
        ),
    ]);
    frame.render_widget(Paragraph::new(tabs), Rect { height: 1, ..inner });
    let Some(occupation) = ws.current_occupation(&model.catalog) else { return };
    let room = usize::from(inner.width);
    let (rows, selected, full): (Vec<Vec<Line<'static>>>, usize, Option<String>) = match ws.tab {
        DetailTab::Functions => {
            let rows = occupation
                .functions
                .iter()
                .map(|f| {
                    row(model, ws.session.mark_of(MarkKind::Function, &f.id), &f.text, f.importance, room)
                })
                .collect();
            (rows, ws.function, occupation.functions.get(ws.function).map(|f| f.text.clone()))
        }
        DetailTab::Competencies => {
            let name = |id: &str| model.catalog.competency(id).map_or(id.to_string(), |c| c.name.clone());
            let rows = occupation
                .competencies
                .iter()
                .map(|n| {
                    row(
                        model,
                        ws.session.mark_of(MarkKind::Competency, &n.competency),
                        &name(&n.competency),
                        n.importance,
                        room,
                    )
                })
                .collect();
            let full = occupation.competencies.get(ws.competency).map(|n| {
                let c = model.catalog.competency(&n.competency);
                let description = c.map(|c| c.description.as_str()).unwrap_or_default();
                format!("{} — {}", name(&n.competency), description)
            });
            (rows, ws.competency, full)
        }
    };
    draw_rows(
        frame,
        areas.list(Pane::Functions),
        rows,
        Some(selected),
        selection(model, ws, Pane::Functions),
        1,
    );
    if let Some(text) = full {
        let list = areas.list(Pane::Functions);
        let detail = Rect { y: list.bottom() + 1, height: areas.function_detail_lines(), ..list };
        let detail = super::padded(detail.intersection(inner));
        let lines: Vec<Line> = wrap(&text, usize::from(detail.width), usize::from(detail.height))
            .into_iter()
            .map(|l| Line::styled(l, t.dim))
            .collect();
        frame.render_widget(Paragraph::new(lines), detail);
    }
}

fn row(
    model: &Model,
    level: Option<MarkLevel>,
    text: &str,
    importance: Importance,
    room: usize,
) -> Vec<Line<'static>> {
    let s = model.lang.strings();
    let (symbol, style) = mark_symbol(model, level);
    let suffix = if importance == Importance::Optional {
        format!(" ({})", s.importance_optional)
    } else {
        String::new()
    };
    let body = clip(&format!(" {text}"), room.saturating_sub(2 + suffix.chars().count()));
    vec![Line::from(vec![
        Span::styled(format!(" {symbol}"), style),
        Span::raw(body),
        Span::styled(suffix, model.theme.dim),
    ])]
}
