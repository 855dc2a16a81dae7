//! The gap popup (`g`): what the person does not have yet for an occupation and the programs that address
//! it, as one list with a cursor (`app::GapView`). Essential items first, under a heading that says they
//! count for the fit, then optional ones (each also says "opcional"), then the programs. Above the list,
//! the fit and its parts as they are now; on the border, the position ("3/25"), "↑ más" / "↓ más" where the
//! list goes on, and the marks' legend with their keys. Each item shows its mark as it is now, so a mark
//! made here shows at once.

use super::Ui;
use super::functions::{legend_text, mark_symbol};
use super::layout::centered;
use super::list::{clip, clip_spans, width, wrap};
use super::regions::{Regions, Rows};
use super::{padded, popup};
use crate::app::{Area, GapView, Workspace};
use crate::catalog::Importance;
use crate::i18n::{Strings, fill};
use crate::session::{GapItem, GapProgram, orphans, parts_of, standings};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A line of the popup's list, and the row it shows when the cursor can stand on it.
type Drawn = (Option<usize>, Line<'static>);

pub fn draw(
    model: &Ui,
    ws: &Workspace,
    view: &GapView,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    let s = model.lang.strings();
    let t = &model.theme;
    let Some(occupation) = model.catalog.occupation(&view.occupation) else { return };
    let (popup_width, height) = ((area.width * 4 / 5).max(76), (area.height * 4 / 5).max(20));
    // Room on the top border for the position and "↑ más".
    let title = fill(s.gap_title, &[("title", &occupation.title)]);
    let title = clip(&title, usize::from(popup_width.min(area.width)).saturating_sub(20));
    let inner = popup(model, frame, centered(area, popup_width, height), title);
    let outer = Rect { x: inner.x - 1, y: inner.y - 1, width: inner.width + 2, height: inner.height + 2 };
    regions.record(Area::Gap, outer, None);
    let source = super::source_line(model, &occupation.source);
    let [summary, said, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(source.is_some())),
        Constraint::Min(0),
    ])
    .areas(padded(inner));
    let room = usize::from(list.width);

    // The fit as it is now: a mark made in the list changes it at once.
    let standing = standings(&ws.session, &[occupation]).first().copied().unwrap_or_default();
    let parts = parts_of(&ws.session, &model.catalog, occupation);
    let mut about = vec![fill(s.export_fit, &[("percent", &standing.percent)])];
    if standing.shared_only() {
        about.push(s.fit_shared_only.to_string());
    }
    let counted = [
        (s.best_part_functions, parts.functions),
        (s.best_part_skills, parts.skills),
        (s.best_part_knowledge, parts.knowledge),
        (s.best_part_competencies, parts.competencies),
    ];
    about.extend(
        counted
            .iter()
            .filter(|(_, p)| p.needed > 0)
            .map(|(text, p)| fill(text, &[("held", &p.held), ("needed", &p.needed)])),
    );
    let style = if standing.shared_only() { t.inferred } else { t.title };
    frame.render_widget(Paragraph::new(Line::styled(clip(&about.join(" · "), room), style)), summary);
    // Whose words these are (DANE, CUOC 2025).
    if let Some(said_text) = source {
        frame.render_widget(Paragraph::new(Line::styled(clip(&said_text, room), t.dim)), said);
    }

    let lines = lines(model, ws, view, s, room);
    let visible = usize::from(list.height);
    let first = first_line(&lines, view, visible);
    let shown = lines.iter().skip(first).take(visible);
    let mut drawn = Vec::new();
    for (at, (row, line)) in shown.enumerate() {
        let mut line = line.clone();
        if let Some(row) = row {
            let y = list.y + u16::try_from(at).unwrap_or(0);
            let rect = Rect { y, height: 1, ..list };
            regions.record(Area::Gap, rect, Some(Rows { rect, first: *row, lines: 1 }));
            if *row == view.selected {
                let used: usize = line.spans.iter().map(|s| width(&s.content)).sum();
                line.spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
                for span in &mut line.spans {
                    span.style = span.style.patch(t.selected);
                }
            }
        }
        drawn.push(line);
    }
    frame.render_widget(Paragraph::new(drawn), list);

    // The border: where the cursor is and whether the list goes on, and what the marks mean.
    let right = |text: String, y: u16, frame: &mut Frame| {
        let w = u16::try_from(super::list::width(&text)).unwrap_or(0).min(inner.width);
        let at = Rect { x: inner.right().saturating_sub(w), y, width: w, height: 1 };
        frame.render_widget(Paragraph::new(Line::styled(text, t.key)), at);
    };
    let mut top = String::new();
    if first > 0 {
        top.push_str(s.help_more_above.trim_end());
    }
    if !view.rows.is_empty() {
        top.push_str(&format!(" {}/{} ", view.selected + 1, view.rows.len()));
    }
    right(top, outer.y, frame);
    let below = first + visible < lines.len();
    let more = if below { s.help_more_below } else { "" };
    if below {
        right(more.to_string(), outer.bottom() - 1, frame);
    }
    let legend_room = usize::from(outer.width.saturating_sub(4)).saturating_sub(super::list::width(more) + 1);
    let legend = format!(" {} ", legend_text(model, legend_room));
    let at = Rect { x: outer.x + 1, y: outer.bottom() - 1, width: outer.width.saturating_sub(2), height: 1 };
    frame.render_widget(Paragraph::new(Line::styled(legend, t.dim)), at);
}

/// The list's first line on screen: the top while the cursor is on the first row (its heading shows), as
/// far down as the end while it is on the last (what follows it shows), and otherwise as little scrolled
/// as keeps the cursor in sight, as the panes' lists scroll.
fn first_line(lines: &[Drawn], view: &GapView, visible: usize) -> usize {
    let at = lines.iter().position(|(row, _)| *row == Some(view.selected)).unwrap_or(0);
    let lowest = at.saturating_sub(visible.saturating_sub(1));
    if view.selected == 0 {
        0
    } else if view.selected + 1 == view.rows.len() {
        lines.len().saturating_sub(visible).clamp(lowest, at)
    } else {
        lowest
    }
}

/// Every line of the list: headings, the rows, and the marks of items gone from the catalog.
fn lines(model: &Ui, ws: &Workspace, view: &GapView, s: &Strings, room: usize) -> Vec<Drawn> {
    let t = &model.theme;
    let heading = |text: &str, out: &mut Vec<Drawn>| {
        if !out.is_empty() {
            out.push((None, Line::default()));
        }
        out.push((None, Line::styled(clip(text, room), t.title)));
    };
    let mut out: Vec<Drawn> = Vec::new();
    heading(s.gap_essential, &mut out);
    let essential: Vec<(usize, &GapItem)> = view.items(Importance::Essential).collect();
    if essential.is_empty() {
        out.push((None, Line::styled(format!("  {}", s.gap_nothing), t.ok)));
    }
    out.extend(essential.iter().map(|(i, item)| (Some(*i), item_row(model, ws, item, room))));
    let optional: Vec<(usize, &GapItem)> = view.items(Importance::Optional).collect();
    if !optional.is_empty() {
        heading(s.gap_optional, &mut out);
        out.extend(optional.iter().map(|(i, item)| (Some(*i), item_row(model, ws, item, room))));
    }
    heading(s.gap_programs, &mut out);
    let programs: Vec<(usize, &GapProgram)> = view.programs().collect();
    if programs.is_empty() {
        // Wrapped, not cut: where an office adds its own programs is the useful part.
        let text = [s.no_programs, s.no_programs_where];
        let wrapped = text.iter().flat_map(|text| wrap(text, room.saturating_sub(2), usize::MAX));
        out.extend(wrapped.map(|line| (None, Line::styled(format!("  {line}"), t.dim))));
    }
    out.extend(programs.iter().map(|(i, p)| (Some(*i), program_row(model, ws, p, room))));
    // Marks on items that left the catalog count for no fit, but the person still has them: say so here,
    // where even those of an occupation that is gone altogether can be seen.
    let gone = orphans(&ws.session, &model.catalog);
    if !gone.is_empty() {
        heading(s.export_orphans, &mut out);
        for mark in gone {
            let (symbol, style) = mark_symbol(model, Some(mark.level));
            out.push((None, row(symbol, style, &mark.text, Vec::new(), Vec::new(), room)));
        }
    }
    out
}

/// `  ◐ text (opcional)`: the item's mark as it is now, not as it was when the popup opened.
fn item_row(model: &Ui, ws: &Workspace, item: &GapItem, room: usize) -> Line<'static> {
    let s = model.lang.strings();
    let (symbol, style) = mark_symbol(model, ws.session.mark_of(item.kind, &item.id));
    let optional = if item.importance == Importance::Optional {
        vec![Span::styled(format!(" ({})", s.importance_optional), model.theme.dim)]
    } else {
        Vec::new()
    };
    row(symbol, style, &item.text, optional, Vec::new(), room)
}

/// `  ✓ SENA — Gestión comercial · relación inferida · Técnico`: ✓ when shortlisted, as in Programas.
fn program_row(model: &Ui, ws: &Workspace, p: &GapProgram, room: usize) -> Line<'static> {
    let (s, t) = (model.lang.strings(), &model.theme);
    let level = if p.level.is_empty() { s.level_unknown } else { p.level.as_str() };
    // A cut never hides "relación inferida"; the level (also in the Programas pane) may go.
    let mut kept = Vec::new();
    if p.inferred {
        kept.push(Span::styled(format!(" · {}", s.link_inferred), t.inferred));
    }
    let rest = vec![Span::styled(format!(" · {level}"), t.dim)];
    let (mark, style) = if ws.session.is_shortlisted(&p.id) { ("✓", t.has) } else { ("·", t.dim) };
    row(mark, style, &format!("{} — {}", p.institution, p.name), kept, rest, room)
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
