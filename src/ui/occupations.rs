//! Pane "Ocupaciones": each occupation with the person's fit, and the focused one's description and codes.
//! A fit made only of shared competencies is bracketed in the list and named in the detail.

use super::Ui;
use super::keys::footer_keys;
use super::layout::WorkspaceAreas;
use super::list::{clip, draw_rows, width, wrap_paragraphs};
use super::{layout, pane_block, selection};
use crate::app::keymap::Action;
use crate::app::{Pane, Workspace};
use crate::catalog::Occupation;
use crate::i18n::fill;
use crate::session::standings;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, areas: &WorkspaceAreas) {
    let s = model.lang.strings();
    let set = &model.catalog;
    let mut title = format!(" {} ", s.pane_occupations);
    if ws.sort_by_fit {
        title.push_str(&format!("({}) ", s.sorted_by_fit));
    }
    let area = areas.occupations;
    frame.render_widget(pane_block(model, Line::from(title), ws.focus == Pane::Occupations), area);
    let inner = layout::inset(area);
    let occupations = ws.occupations(set);
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
                (format!("{:>5} ", format!("({p}%)")), model.theme.dim)
            } else {
                (format!("{p:>3}% "), model.theme.has)
            };
            let name = clip(&format!(" {}", o.title), room.saturating_sub(width(&percent) + 1));
            let gap = room.saturating_sub(width(&name) + width(&percent));
            vec![Line::from(vec![Span::raw(name), Span::raw(" ".repeat(gap)), Span::styled(percent, style)])]
        })
        .collect();
    draw_rows(frame, inner, rows, Some(ws.occupation), selection(model, ws, Pane::Occupations), 1);
    detail(model, ws, frame, areas);
}

/// The focused occupation's description and classification codes, always visible under the list.
fn detail(model: &Ui, ws: &Workspace, frame: &mut Frame, areas: &WorkspaceAreas) {
    let s = model.lang.strings();
    let block = Block::default().borders(Borders::ALL).border_style(model.theme.border);
    let inner = block.inner(areas.occupation_detail);
    frame.render_widget(block, areas.occupation_detail);
    let Some(o) = ws.current_occupation(&model.catalog) else { return };
    let codes: Vec<String> = o
        .codes
        .iter()
        .map(|c| {
            let partial = if c.partial { format!(" ({})", s.code_partial) } else { String::new() };
            format!("{} {}{partial}", c.system, c.code)
        })
        .collect();
    // The full title first: the list may have had to cut it.
    let mut paragraphs = vec![(o.title.clone(), model.theme.title)];
    if let Some(standing) = standings(&ws.session, &[o]).first().filter(|st| st.shared_only()) {
        let fit = fill(s.export_fit, &[("percent", &standing.percent)]);
        paragraphs.push((format!("{fit} — {}", s.fit_shared_only), model.theme.inferred));
    }
    if !codes.is_empty() {
        paragraphs.push((format!("{}: {}", s.codes_label, codes.join(", ")), model.theme.base));
    }
    if let Some(line) = equivalents_line(model, ws, o) {
        paragraphs.push((line, model.theme.inferred));
    }
    paragraphs.push((o.description.clone(), model.theme.dim));
    let area = super::padded(inner);
    let lines = wrap_paragraphs(paragraphs, usize::from(area.width), usize::from(area.height));
    frame.render_widget(Paragraph::new(lines), area);
}

/// What `c` does here, in plain words: go to the CUOC equivalents (and back), or why it cannot.
fn equivalents_line(model: &Ui, ws: &Workspace, o: &Occupation) -> Option<String> {
    let s = model.lang.strings();
    let set = &model.catalog;
    let key = |action| footer_keys(&model.keymap, &[action], model.lang);
    if let Some(jump) = ws.cuoc_jump.as_ref().filter(|j| j.to == o.id) {
        let from = set.occupation(&jump.from)?;
        let total = set.cuoc_equivalents(from).iter().filter(|(_, o)| o.is_some()).count();
        let values: [(&str, &dyn std::fmt::Display); 5] = [
            ("n", &(jump.index + 1)),
            ("total", &total),
            ("from", &from.title),
            ("next", &key(Action::CuocGo)),
            ("back", &key(Action::Back)),
        ];
        return Some(fill(s.cuoc_jumped, &values));
    }
    let equivalents = set.cuoc_equivalents(o);
    if equivalents.is_empty() {
        return None;
    }
    let loaded = equivalents.iter().filter(|(_, o)| o.is_some()).count();
    if loaded == 0 {
        return Some(s.cuoc_not_loaded.to_string());
    }
    let values: [(&str, &dyn std::fmt::Display); 2] = [("key", &key(Action::CuocGo)), ("count", &loaded)];
    Some(fill(s.cuoc_go, &values))
}
