//! Pane "Funciones" with its tab "Competencias": what the occupation asks for, each with the person's mark
//! (○ none, ◐ en desarrollo, ● la tiene), and the full text of the selected row underneath.

use super::Ui;
use super::keys::footer_keys;
use super::layout::WorkspaceAreas;
use super::list::{clip, draw_rows, width, wrap};
use super::{layout, list_block, selection};
use crate::app::keymap::Action;
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
    let title = format!("{} / {}", s.pane_functions, s.pane_competencies);
    let detail_rows = ws.detail_rows(&model.catalog);
    let selected = if ws.tab == DetailTab::Functions { ws.function } else { ws.competency };
    let position = super::list::position(selected, detail_rows.len(), areas.visible_rows(Pane::Functions));
    frame.render_widget(list_block(model, &title, focused, area, position), area);
    legend(model, frame, area);
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
    let rows = detail_rows.iter().map(|r| row(model, ws.session.mark_of(r.kind, &r.id), r, room)).collect();
    let full = detail_rows.get(selected).map(|r| full_text(model, ws, r));
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

/// A row's whole text as the lines under the list (and the `v` popup) say it: the text or the
/// competency's description, whether it left the catalog, inferred links, its twin in another catalog,
/// and the past jobs that marked it.
pub fn full_text(model: &Ui, ws: &Workspace, r: &DetailRow) -> String {
    let s = model.lang.strings();
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
    let jobs: Vec<&str> = ws.session.origins(r.kind, &r.id).iter().map(|j| first_form(&j.title)).collect();
    if jobs.is_empty() {
        text
    } else {
        format!("{text} · {}", fill(s.export_from, &[("jobs", &jobs.join(", "))]))
    }
}

/// The marks and their keys (`marcar_la_tiene`…), on the pane's bottom border: there is no room for
/// another line at 80×24. Keys come from the keymap, so a key an office moved shows as moved.
fn legend(model: &Ui, frame: &mut Frame, area: Rect) {
    // Inside the corners, with a space either side.
    let room = usize::from(area.width.saturating_sub(4));
    if area.height < 2 || room == 0 {
        return;
    }
    let text = legend_text(model, room);
    let at = Rect { x: area.x + 1, y: area.bottom() - 1, width: area.width - 2, height: 1 };
    frame.render_widget(Paragraph::new(Line::styled(format!(" {text} "), model.theme.dim)), at);
}

/// The legend in at most `room` cells: every mark named with its key, or the short form where that does
/// not fit (also under the gap popup).
pub fn legend_text(model: &Ui, room: usize) -> String {
    let s = model.lang.strings();
    let key = |a: Action| footer_keys(&model.keymap, &[a], model.lang);
    let (has, developing, none) = (
        mark_symbol(model, Some(MarkLevel::Has)).0,
        mark_symbol(model, Some(MarkLevel::InDevelopment)).0,
        mark_symbol(model, None).0,
    );
    let has_words = format!("{has} {}", s.mark_has);
    let dev_words = format!("{developing} {}", s.mark_developing);
    let none_words = format!("{none} {}", s.mark_none);
    let (k2, k1, k0) = (key(Action::MarkHas), key(Action::MarkDeveloping), key(Action::ClearMark));
    let args = |none: &str| {
        let named = [("has", &has_words), ("dev", &dev_words), ("k2", &k2), ("k1", &k1), ("k0", &k0)];
        let mut out: Vec<(&'static str, String)> = named.iter().map(|(k, v)| (*k, v.to_string())).collect();
        out.push(("none", none.to_string()));
        out
    };
    let filled = |template: &str, none: &str| {
        let args = args(none);
        let refs: Vec<(&str, &dyn std::fmt::Display)> = args.iter().map(|(k, v)| (*k, v as _)).collect();
        fill(template, &refs)
    };
    let full = filled(s.mark_legend, &none_words);
    let short = filled(s.mark_legend_short, none);
    if width(&full) <= room { full } else { clip(&short, room) }
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
