//! The search popup: every catalog item, matched letters highlighted, "N resultados" always visible and,
//! on the top border, where the cursor is among the results shown ("↑ 7/15 ↓").

use super::Ui;
use super::functions::item_symbol;
use super::layout::centered;
use super::list::{clip, draw_rows};
use super::popup;
use crate::app::SearchPopup;
use crate::catalog::{ItemKind, first_form};
use crate::i18n::fill;
use crate::search::ItemRef;
use crate::session::{MarkKind, Session};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, session: &Session, search: &SearchPopup, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let width = (area.width * 9 / 10).max(76);
    let height = (area.height * 4 / 5).max(20);
    let inner = popup(model, frame, centered(area, width, height), s.search_title.to_string());
    // The source of the selected result (DANE, CUOC 2025), on the border: the popup hides the detail.
    if let Some(hit) = search.hits.get(search.selected)
        && let Some(said) = source_of(model, model.index.item(hit.item))
    {
        super::border_note(model, frame, inner, &said);
    }
    let [query, count, results, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let prompt = Line::from(vec![
        Span::styled(" / ", t.key),
        Span::raw(search.query.clone()),
        Span::styled("▏", t.key),
    ]);
    frame.render_widget(Paragraph::new(prompt), query);
    let counted = fill(s.search_count, &[("count", &search.total)]);
    // The selected result's occupation in full: a row may only have room for its start.
    let whose = search
        .hits
        .get(search.selected)
        .and_then(|hit| model.index.item(hit.item).occupation)
        .map(|(_, title)| format!(" — {}", first_form(title)))
        .unwrap_or_default();
    let counted = clip(&format!(" {counted}{whose}"), usize::from(count.width));
    frame.render_widget(Paragraph::new(Line::styled(counted, t.dim)), count);

    // Highlights are computed for the rows on screen only: the rest may be thousands of hits.
    let visible = usize::from(results.height);
    let position = super::list::position(search.selected, search.hits.len(), visible);
    super::border_position(model, frame, super::outer(inner), position);
    let first = super::layout::offset(search.selected, visible);
    let room = usize::from(results.width);
    let index = &model.index;
    let rows = search
        .hits
        .iter()
        .enumerate()
        .map(|(i, hit)| {
            if i < first || i >= first + visible {
                return vec![Line::default()];
            }
            let item = index.item(hit.item);
            // The mark the session has, as the Funciones pane draws it: one lookup per row on screen.
            let (mark, mark_style) = match item.kind {
                ItemKind::Function => item_symbol(model, session, MarkKind::Function, item.id),
                ItemKind::Competency => item_symbol(model, session, MarkKind::Competency, item.id),
                _ => (" ", t.base),
            };
            let kind = format!(" {:<12}", item.kind.name(model.lang));
            let text_room = room.saturating_sub(kind.chars().count() + 2);
            // The occupation is what tells alike functions apart: a long text leaves it half the row.
            let context_room = text_room.saturating_sub(super::list::width(item.text)).max(text_room / 2);
            let context = item
                .occupation
                .map(|(_, title)| clip(&format!(" — {}", first_form(title)), context_room))
                .unwrap_or_default();
            let shown = clip(item.text, text_room.saturating_sub(super::list::width(&context)));
            let marks = index.highlight(hit.item, &search.query);
            let mut spans = vec![Span::styled(format!(" {mark}"), mark_style), Span::styled(kind, t.dim)];
            // When the text was cut, its last cell is the ellipsis, not the letter the index points at.
            let cut_at = (shown != item.text).then(|| shown.chars().count() - 1);
            for (n, c) in shown.chars().enumerate() {
                let style = if marks.contains(&n) && Some(n) != cut_at { t.matched } else { t.base };
                spans.push(Span::styled(c.to_string(), style));
            }
            spans.push(Span::styled(context, t.dim));
            vec![Line::from(spans)]
        })
        .collect();
    draw_rows(frame, results, rows, (!search.hits.is_empty()).then_some(search.selected), t.selected, 1);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                " {}",
                super::keys::footer_within(
                    &model.keymap,
                    super::keys::FOOTER_SEARCH,
                    model.lang,
                    usize::from(hint.width).saturating_sub(1)
                )
            ),
            t.key,
        )),
        hint,
    );
}

/// Where an item's words come from, as one short line: its own source, or its occupation's.
fn source_of(model: &Ui, item: ItemRef) -> Option<String> {
    let set = &model.catalog;
    let source = match (item.kind, item.occupation) {
        (_, Some((occupation, _))) => &set.occupation(occupation)?.source,
        (ItemKind::Occupation, None) => &set.occupation(item.id)?.source,
        (ItemKind::Sector, None) => &set.sector(item.id)?.source,
        (ItemKind::Competency, None) => &set.competency_or_same(item.id)?.source,
        (ItemKind::Program, None) => &set.program(item.id)?.source,
        (ItemKind::Source, None) => item.id,
        _ => return None,
    };
    super::source_line(model, source)
}
