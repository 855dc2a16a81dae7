//! Pane "Funciones" with its tab "Competencias": what the occupation asks for, each with the person's mark
//! (○ none, ◐ en desarrollo, ● la tiene), and the full text of the selected row underneath.

use super::Ui;
use super::layout::WorkspaceAreas;
use super::list::{clip, draw_rows, wrap};
use super::{layout, pane_block, selection};
use crate::app::{DetailRow, DetailTab, Pane, Workspace};
use crate::catalog::{Importance, first_form};
use crate::i18n::fill;
use crate::session::MarkLevel;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The symbol and style of a mark.
pub fn mark_symbol(model: &Ui, level: Option<MarkLevel>) -> (&'static str, Style) {
    match level {
        Some(MarkLevel::Has) => ("●", model.theme.has),
        Some(MarkLevel::InDevelopment) => ("◐", model.theme.developing),
        None => ("○", model.theme.dim),
    }
}

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, areas: &WorkspaceAreas) {
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
    let room = usize::from(inner.width);
    let detail_rows = ws.detail_rows(&model.catalog);
    let selected = if ws.tab == DetailTab::Functions { ws.function } else { ws.competency };
    let rows = detail_rows.iter().map(|r| row(model, ws.session.mark_of(r.kind, &r.id), r, room)).collect();
    let full = detail_rows.get(selected).map(|r| {
        let mut text = if r.gone { format!("{} — {}", r.detail, s.orphan) } else { r.detail.clone() };
        if r.inferred {
            text.push_str(&format!(" · {}", s.link_inferred));
        }
        if let Some((name, inferred)) = &r.same {
            text.push_str(&format!(" · {}", fill(s.same_competency, &[("name", name)])));
            if *inferred {
                text.push_str(&format!(" ({})", s.link_inferred));
            }
        }
        // A mark a past job made says so ("Experiencia"), until the counselor changes it.
        let jobs: Vec<&str> =
            ws.session.origins(r.kind, &r.id).iter().map(|j| first_form(&j.title)).collect();
        if jobs.is_empty() {
            text
        } else {
            format!("{text} · {}", fill(s.export_from, &[("jobs", &jobs.join(", "))]))
        }
    });
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

fn row(model: &Ui, level: Option<MarkLevel>, row: &DetailRow, room: usize) -> Vec<Line<'static>> {
    let s = model.lang.strings();
    let (symbol, style) = mark_symbol(model, level);
    // A mark whose item left the catalog stays visible, flagged, after the catalog's own rows.
    let suffix = if row.gone {
        format!(" ({})", s.orphan)
    } else if row.importance == Importance::Optional {
        format!(" ({})", s.importance_optional)
    } else {
        String::new()
    };
    // Said like an inferred program link: the source names these competencies for the sector as a whole.
    let inferred = if row.inferred { format!(" · {}", s.link_inferred) } else { String::new() };
    let taken = 2 + suffix.chars().count() + inferred.chars().count();
    let body = clip(&format!(" {}", row.text), room.saturating_sub(taken));
    vec![Line::from(vec![
        Span::styled(format!(" {symbol}"), style),
        Span::raw(body),
        Span::styled(suffix, model.theme.dim),
        Span::styled(inferred, model.theme.inferred),
    ])]
}
