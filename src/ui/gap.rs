//! The gap popup (`g`): what the person does not have yet for the focused occupation, essential first, and
//! the programs that address it. One line per item, so every section and the hint fit at 80×24: when the
//! lists are longer than the popup, the longest is shortened and ends in "… +N".

use super::Ui;
use super::functions::mark_symbol;
use super::layout::centered;
use super::list::{clip, clip_spans, width, wrap};
use super::{padded, popup};
use crate::app::Workspace;
use crate::catalog::Importance;
use crate::i18n::fill;
use crate::session::{MarkLevel, gap, orphans};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A heading and its rows.
struct Section {
    head: Vec<Line<'static>>,
    rows: Vec<Line<'static>>,
    /// Rows shown; the rest are counted on one "… +N" line.
    shown: usize,
}

impl Section {
    fn height(&self) -> usize {
        self.head.len() + self.shown + usize::from(self.shown < self.rows.len())
    }
}

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let Some(occupation) = ws.current_occupation(&model.catalog) else { return };
    let Some(gap) = gap(&ws.session, &model.catalog, &occupation.id) else { return };
    let width = (area.width * 4 / 5).max(76);
    let height = (area.height * 4 / 5).max(20);
    let title = fill(s.gap_title, &[("title", &occupation.title)]);
    let inner = popup(model, frame, centered(area, width, height), title);
    // Whose words these are (DANE, CUOC 2025): the detail that says it is under the popup.
    if let Some(said) = super::source_line(model, &occupation.source) {
        super::border_note(model, frame, inner, &said);
    }
    let [body, hint] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(padded(inner));
    let room = usize::from(body.width);
    let optional = |i: Importance| {
        if i == Importance::Optional { format!(" ({})", s.importance_optional) } else { String::new() }
    };

    let mut missing_head = Vec::new();
    if gap.standing.shared_only() {
        let fit = fill(s.export_fit, &[("percent", &gap.standing.percent)]);
        missing_head.push(Line::styled(clip(&format!("{fit} — {}", s.fit_shared_only), room), t.inferred));
        missing_head.push(Line::default());
    }
    missing_head.push(Line::styled(s.gap_missing, t.title));
    if gap.missing.iter().all(|m| m.importance == Importance::Optional) {
        missing_head.push(Line::styled(format!("  {}", s.gap_nothing), t.ok));
    }
    let (none, none_style) = mark_symbol(model, None);
    let missing = gap
        .missing
        .iter()
        .map(|item| {
            let kept = vec![Span::styled(optional(item.importance), t.dim)];
            row(none, none_style, &item.text, kept, Vec::new(), room)
        })
        .collect();
    let mut sections = vec![section(missing_head, missing)];

    if !gap.developing.is_empty() {
        let (half, half_style) = mark_symbol(model, Some(MarkLevel::InDevelopment));
        let rows = gap
            .developing
            .iter()
            .map(|item| {
                let kept = vec![Span::styled(optional(item.importance), t.dim)];
                row(half, half_style, &item.text, kept, Vec::new(), room)
            })
            .collect();
        sections.push(section(vec![Line::default(), Line::styled(s.gap_developing, t.title)], rows));
    }

    let programs: Vec<Line<'static>> = if gap.programs.is_empty() {
        // Wrapped, not cut: where an office adds its own programs is the useful part.
        [s.no_programs, s.no_programs_where]
            .iter()
            .flat_map(|text| wrap(text, room.saturating_sub(2), usize::MAX))
            .map(|line| Line::styled(format!("  {line}"), t.dim))
            .collect()
    } else {
        gap.programs
            .iter()
            .map(|p| {
                let level = if p.level.is_empty() { s.level_unknown } else { p.level.as_str() };
                // A cut never hides "relación inferida"; the level (also in the Programas pane) may go.
                let mut kept = Vec::new();
                if p.inferred {
                    kept.push(Span::styled(format!(" · {}", s.link_inferred), t.inferred));
                }
                let rest = vec![Span::styled(format!(" · {level}"), t.dim)];
                let (mark, style) = if p.shortlisted { ("✓", t.has) } else { ("·", t.dim) };
                row(mark, style, &format!("{} — {}", p.institution, p.name), kept, rest, room)
            })
            .collect()
    };
    sections.push(section(vec![Line::default(), Line::styled(s.gap_programs, t.title)], programs));

    // Marks on items that left the catalog count for no fit, but the person still has them: say so here,
    // where even those of an occupation that is gone altogether can be seen.
    let gone = orphans(&ws.session, &model.catalog);
    if !gone.is_empty() {
        let rows = gone
            .iter()
            .map(|mark| {
                let (symbol, style) = mark_symbol(model, Some(mark.level));
                row(symbol, style, &mark.text, Vec::new(), Vec::new(), room)
            })
            .collect();
        sections.push(section(vec![Line::default(), Line::styled(s.export_orphans, t.title)], rows));
    }

    fit(&mut sections, usize::from(body.height));
    let mut lines = Vec::new();
    for section in sections {
        let hidden = section.rows.len() - section.shown;
        lines.extend(section.head);
        lines.extend(section.rows.into_iter().take(section.shown));
        if hidden > 0 {
            lines.push(Line::styled(format!("    … +{hidden}"), t.dim));
        }
    }
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(Paragraph::new(Line::styled(s.gap_hint, t.key)), hint);
}

fn section(head: Vec<Line<'static>>, rows: Vec<Line<'static>>) -> Section {
    let shown = rows.len();
    Section { head, rows, shown }
}

/// Shortens the longest list, one row at a time, until everything fits in `height` lines (or no list can
/// shrink further: one row each).
fn fit(sections: &mut [Section], height: usize) {
    while sections.iter().map(Section::height).sum::<usize>() > height {
        // Reversed so that, between equals, the first list (what is missing) gives way first.
        let Some(longest) = sections.iter_mut().rev().filter(|s| s.shown > 1).max_by_key(|s| s.shown) else {
            return;
        };
        longest.shown -= 1;
    }
}

/// `  ● text kept rest`, one line: the text is cut so that `kept` ("opcional", "relación inferida") stays
/// whole whenever the line has room for it; `rest` (a program's level) shows only where it fits whole.
fn row(
    mark: &str,
    style: Style,
    text: &str,
    kept: Vec<Span<'static>>,
    rest: Vec<Span<'static>>,
    room: usize,
) -> Line<'static> {
    let lead = format!("  {mark} ");
    let kept_width: usize = kept.iter().map(|s| width(&s.content)).sum();
    let text_room = room.saturating_sub(width(&lead) + kept_width).max(room / 3);
    let mut spans = vec![Span::styled(lead, style), Span::raw(clip(text, text_room))];
    spans.extend(kept);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used + rest.iter().map(|s| width(&s.content)).sum::<usize>() <= room {
        spans.extend(rest);
    }
    clip_spans(spans, room)
}
